-- 第6表 サービス利用票 (予定, UPPLAN) and 第7表 サービス利用票別表 (UPSIKYU) of one person for one 対象年月,
-- from the 居宅介護支援事業所 in charge: one sheet per office, person, month and table; sending the month
-- again replaces it (the standard: a newer 利用票 supersedes the old one). Rows as validated, by field key.
create table careplan.monthly_sheets (
  sheet_id     uuid primary key,
  office_no    varchar(10) not null,
  insurer_no   char(6) not null,
  insured_no   varchar(10) not null,
  target_month date not null,
  sheet        text not null check (sheet in ('table6', 'table7')),
  rows         jsonb not null,
  received_at  timestamptz not null default now(),
  unique (office_no, insurer_no, insured_no, target_month, sheet)
);
create index on careplan.monthly_sheets (insurer_no, insured_no);
grant select, insert, update, delete on careplan.monthly_sheets to kaigo_app;
