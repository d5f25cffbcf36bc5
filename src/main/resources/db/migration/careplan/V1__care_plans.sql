create schema if not exists careplan;

-- 居宅サービス計画書 from the 居宅介護支援事業所: 第1表 in plans, 第2表 (one row per 援助内容) in plan_items.
-- A plan is a draft until the office issues it (交付); only issued plans are shared (through access).
-- Issuing supersedes the office's earlier issued plan for the person. One plan per office, person and
-- 居宅サービス計画作成(変更)日: sending it again replaces a draft (an issued plan is not changed).
create table careplan.plans (
  plan_id          uuid primary key,
  insurer_no       char(6) not null,
  insured_no       varchar(10) not null,
  office_no        varchar(10) not null,
  plan_date        date not null,   -- 居宅サービス計画作成(変更)日
  first_plan_date  date not null,   -- 初回居宅サービス計画作成日
  plan_kind        text,            -- 計画書区分
  cert_status      text,            -- 認定状況区分
  certified_on     date,
  cert_valid_from  date,
  cert_valid_to    date,
  care_level       text,
  author_name      text not null,   -- 居宅サービス計画作成者氏名
  assessment       text,            -- 課題分析の結果
  board_opinion    text,            -- 介護認定審査会の意見及びサービスの種類の指定
  policy           text,            -- 総合的な援助の方針
  living_support_reason text,       -- 生活援助中心型の算定理由
  living_support_other  text,
  status           text not null check (status in ('draft', 'issued', 'superseded')),
  source           text not null check (source in ('api', 'csv')),
  created_at       timestamptz not null default now(),
  issued_at        timestamptz,
  unique (insurer_no, insured_no, office_no, plan_date)
);
create index on careplan.plans (insurer_no, insured_no);

create table careplan.plan_items (
  plan_id          uuid not null references careplan.plans on delete cascade,
  need_no          int not null,    -- 課題NO
  goal_no          int not null,    -- 援助目標NO
  item_no          int not null,    -- 援助内容NO
  need             text,            -- 生活全般の解決すべき課題
  long_goal        text,
  long_period      text,
  short_goal       text,
  short_period     text,
  content          text,            -- サービス内容
  insured_service  boolean,         -- 保険対象 (※1)
  service_kind     text,            -- サービス種別
  provider_no      text,            -- サービス事業者コード
  provider_name    text,            -- サービス事業所名 (※2)
  frequency        text,
  period           text,
  primary key (plan_id, need_no, goal_no, item_no)
);

grant usage on schema careplan to kaigo_app;
grant select, insert, update, delete on all tables in schema careplan to kaigo_app;
