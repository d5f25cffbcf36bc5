create schema if not exists claims;

-- 給付実績: one row per claim line (保険者番号 + 被保険者番号 + 履歴番号), shaped like the registry's
-- history tables (registry V1); columns of the layout in claims/ClaimsRecords.java.
create table claims.claim_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  service_month   date,  -- サービス提供年月 (first day)
  office_no       text,  -- 事業所番号
  service_type    text,  -- サービス種類
  care_level      text,  -- 要介護状態区分
  days            int,   -- サービス実日数
  units           int,   -- 単位数
  insurance_claim int,   -- 保険請求額
  user_charge     int,   -- 利用者負担額
  public_claim    int,   -- 公費請求額
  plan_office_no  text,  -- 居宅介護支援事業所番号
  reviewed_month  date,  -- 審査年月 (first day)
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);
create index on claims.claim_records (import_id);

grant usage on schema claims to kaigo_app;
grant select, insert, update on all tables in schema claims to kaigo_app;
grant maintain on all tables in schema claims to kaigo_app;
