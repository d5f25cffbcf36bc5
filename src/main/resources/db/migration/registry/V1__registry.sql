create schema if not exists registry;

create table registry.insurers (
  insurer_no char(6) collate "C" primary key,
  name       text not null,
  created_at timestamptz not null default now()
);

-- A person is one insurance registration: 保険者番号 + 被保険者番号. Record tables are keyed by the two
-- numbers (then 履歴番号 and revision): municipal files arrive roughly in 被保険者番号 order, so the
-- primary key grows at its end instead of at random places. When sharded (Citus), the pair is the
-- natural distribution key.

-- One table per record type, its columns those of the layout (registry/RecordLayouts.java; column =
-- the field key in snake_case). Every revision of every municipality record is kept: a history
-- (履歴番号) is revised by inserting a new revision and marking the old one not current; a deletion is
-- a tombstone revision. Nothing is updated in place except the current flag. One current revision
-- per history is kept by the merge, which runs under a per-insurer, per-type advisory lock (an index
-- for it would add a third of the cost of every bulk insert). Required fields are enforced by the
-- import's validation, not here, because tombstones carry no fields.

create table registry.insured_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  name                           text,  -- 氏名
  name_kana                      text,  -- 氏名カナ
  birth_date                     date,  -- 生年月日
  sex                            text,  -- 性別
  postal_code                    text,  -- 郵便番号
  address                        text,  -- 住所
  category                       text,  -- 被保険者区分
  acquired_on                    date,  -- 資格取得日
  acquisition_reason             text,  -- 資格取得事由
  lost_on                        date,  -- 資格喪失日
  loss_reason                    text,  -- 資格喪失事由
  special_address_rule           text,  -- 住所地特例区分
  facility_insurer_no            text,  -- 施設所在保険者番号
  exempt_from                    date,  -- 適用除外開始日
  exempt_to                      date,  -- 適用除外終了日
  issued_on                      date,  -- 交付年月日
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

create table registry.care_certificate_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  care_level                     text,  -- 要介護状態区分
  certified_on                   date,  -- 認定年月日
  cert_valid_from                date,  -- 認定有効期間開始日
  cert_valid_to                  date,  -- 認定有効期間終了日
  limit_units                    int,  -- 区分支給限度基準額
  limit_from                     date,  -- 区分支給限度基準額適用開始日
  limit_to                       date,  -- 区分支給限度基準額適用終了日
  service_limit1_type            text,  -- 種類支給限度基準額1サービス種類
  service_limit1_units           int,  -- 種類支給限度基準額1
  service_limit2_type            text,  -- 種類支給限度基準額2サービス種類
  service_limit2_units           int,  -- 種類支給限度基準額2
  service_limit3_type            text,  -- 種類支給限度基準額3サービス種類
  service_limit3_units           int,  -- 種類支給限度基準額3
  opinion                        text,  -- 認定審査会の意見及びサービスの種類の指定
  restriction1_kind              text,  -- 給付制限1内容
  restriction1_from              date,  -- 給付制限1開始日
  restriction1_to                date,  -- 給付制限1終了日
  restriction2_kind              text,  -- 給付制限2内容
  restriction2_from              date,  -- 給付制限2開始日
  restriction2_to                date,  -- 給付制限2終了日
  restriction3_kind              text,  -- 給付制限3内容
  restriction3_from              date,  -- 給付制限3開始日
  restriction3_to                date,  -- 給付制限3終了日
  plan_office1_kind              text,  -- 居宅介護支援事業者等1区分
  plan_office1_no                text,  -- 居宅介護支援事業者等1事業所番号
  plan_office1_name              text,  -- 居宅介護支援事業者等1名称
  plan_office1_notified_on       date,  -- 居宅介護支援事業者等1届出年月日
  plan_office2_kind              text,  -- 居宅介護支援事業者等2区分
  plan_office2_no                text,  -- 居宅介護支援事業者等2事業所番号
  plan_office2_name              text,  -- 居宅介護支援事業者等2名称
  plan_office2_notified_on       date,  -- 居宅介護支援事業者等2届出年月日
  plan_office3_kind              text,  -- 居宅介護支援事業者等3区分
  plan_office3_no                text,  -- 居宅介護支援事業者等3事業所番号
  plan_office3_name              text,  -- 居宅介護支援事業者等3名称
  plan_office3_notified_on       date,  -- 居宅介護支援事業者等3届出年月日
  facility1_kind                 text,  -- 介護保険施設等1種類
  facility1_name                 text,  -- 介護保険施設等1名称
  facility1_admitted_on          date,  -- 介護保険施設等1入所年月日
  facility1_discharged_on        date,  -- 介護保険施設等1退所年月日
  facility2_kind                 text,  -- 介護保険施設等2種類
  facility2_name                 text,  -- 介護保険施設等2名称
  facility2_admitted_on          date,  -- 介護保険施設等2入所年月日
  facility2_discharged_on        date,  -- 介護保険施設等2退所年月日
  issued_on                      date,  -- 交付年月日
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

create table registry.burden_ratio_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  ratio                          text,  -- 利用者負担の割合
  issued_on                      date,  -- 交付年月日
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

create table registry.burden_limit_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  stage                          text,  -- 利用者負担段階
  food_limit                     int,  -- 食費の負担限度額
  unit_private_room              int,  -- 居住費 ユニット型個室
  unit_semi_private_room         int,  -- 居住費 ユニット型個室的多床室
  conventional_room_welfare      int,  -- 居住費 従来型個室(特養等)
  conventional_room_health       int,  -- 居住費 従来型個室(老健・医療院等)
  multi_bed_room                 int,  -- 居住費 多床室
  issued_on                      date,  -- 交付年月日
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

create table registry.home_modification_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  started_on                     date,  -- 着工日
  cost                           int,  -- 費用額
  paid                           int,  -- 支給額
  counted_total                  int,  -- 支給限度基準額対象累計額
  reset_reason                   text,  -- 限度額リセット事由
  address                        text,  -- 住宅改修を行った住宅の所在地
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

create table registry.welfare_equipment_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  purchased_on                   date,  -- 購入日
  item                           text,  -- 種目
  cost                           int,  -- 費用額
  paid                           int,  -- 支給額
  year_total                     int,  -- 年度内支給限度基準額対象累計額
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

