create schema if not exists life;

-- LIFE assessments as the offices send them (LIFE CSV: line 1 the form, line 2 the item IDs): one row
-- per form, office, service type, the sender's 外部システム管理番号 and 評価日; sending it again replaces
-- the items (a correction), keeping when it was first received. Items are validated per form
-- (life/LifeForms.java) and stored by item ID.
create table life.assessments (
  assessment_id   uuid primary key,
  form            text not null,
  insurer_no      char(6) not null,
  insured_no      varchar(10) not null,
  office_no       varchar(10) not null,
  service_code    char(2) not null,
  external_number text not null,
  evaluate_date   date not null,
  items           jsonb not null,
  received_at     timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (office_no, service_code, form, external_number, evaluate_date)
);
create index on life.assessments (insurer_no, insured_no);

grant usage on schema life to kaigo_app;
grant select, insert, update on life.assessments to kaigo_app;
