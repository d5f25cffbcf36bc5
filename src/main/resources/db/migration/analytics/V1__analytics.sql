create schema if not exists analytics;

-- 日常生活圏域 of a municipality: an address containing the town (町名) belongs to the area; first match by position.
create table analytics.areas (
  insurer_no char(6) collate "C" not null,
  position   int not null,
  name       text not null,  -- 圏域名
  town       text not null,  -- 町名
  primary key (insurer_no, position)
);

-- The last build of a municipality's indicators: when, by whom, over which months and how many persons.
create table analytics.builds (
  insurer_no  char(6) collate "C" primary key,
  built_at    timestamptz not null,
  staff_id    uuid,
  month_from  date not null,
  month_to    date not null,
  persons     int not null,
  millis      int not null
);

-- The protected cube of persons: one row per month × area × sex × age band × care level × place (計 rows
-- included). A suppressed number is null (docs/design/analytics.md §3); no row, no one.
create table analytics.person_cells (
  insurer_no    char(6) collate "C" not null,
  month         date not null,
  area          text not null,  -- 圏域 (圏域外, 計)
  sex           text not null,  -- 1 男, 2 女, 計
  age           text not null,  -- 2号, 65-74, 75-84, 85+, 1号 (第1号計), 計
  level         text not null,  -- 00 認定なし, 12 … 25, 認定者計, 計 (総数)
  place         text not null,  -- 施設, 在宅, 計
  persons       int,     -- 人数
  new_cert      int,     -- 新規認定
  renewed       int,     -- 更新認定
  users         int,     -- サービス利用者
  limited       int,     -- 区分支給限度基準額の利用者(在宅)
  limit_units   bigint,  -- 区分支給限度基準額 計
  used_units    bigint,  -- 区分支給限度内の利用単位 計
  decisions     int,     -- 申請から認定までを測った認定
  decision_days bigint,  -- その日数 計
  primary key (insurer_no, area, sex, age, level, place, month)
);

-- The protected cube of service use: month × area × sex × age band × care level × service type (計 = any).
create table analytics.service_cells (
  insurer_no    char(6) collate "C" not null,
  month         date not null,
  area          text not null,
  sex           text not null,
  age           text not null,
  level         text not null,
  service       text not null,  -- サービス種類コード, 計
  users         int,     -- 利用者数
  units         bigint,  -- 単位数
  benefit       bigint,  -- 給付費(保険請求額)
  primary key (insurer_no, area, sex, age, level, month, service)
);

-- A pseudonymised extract, registered before it is made (docs/design/analytics.md §4). The key its pseudonyms were
-- made with is not kept.
create table analytics.extracts (
  id           uuid not null,
  insurer_no   char(6) collate "C" not null,
  purpose      text not null,   -- 利用目的
  basis        text not null,   -- 提供の根拠 (ExtractBasis)
  recipient    text not null,   -- 提供先
  month_from   date not null,
  month_to     date not null,
  birth_month  boolean not null, -- 生年月を含める (else the age band only)
  staff_id     uuid not null,
  created_at   timestamptz not null default now(),
  rows_written int not null,
  persons      int not null,
  content      bytea not null,  -- the CSV (UTF-8), gzipped, as delivered
  primary key (insurer_no, id)
);
create index on analytics.extracts (insurer_no, created_at);

-- The persons an extract includes, so that each can see it.
create table analytics.extract_persons (
  insurer_no char(6) collate "C" not null,
  insured_no varchar(10) collate "C" not null,
  extract_id uuid not null,
  primary key (insurer_no, insured_no, extract_id),
  foreign key (insurer_no, extract_id) references analytics.extracts (insurer_no, id)
);

-- A person's objection to research extracts (研究への提供の停止), from when; taken back by deleting it.
create table analytics.objections (
  insurer_no char(6) collate "C" not null,
  insured_no varchar(10) collate "C" not null,
  since      timestamptz not null default now(),
  primary key (insurer_no, insured_no)
);

grant usage on schema analytics to kaigo_app;
grant select, insert, update, delete on all tables in schema analytics to kaigo_app;
