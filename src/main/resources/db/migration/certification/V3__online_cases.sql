-- 認定 online (docs/design/certification-online.md §3.3): a case per accepted online application; the records it
-- writes say so (source online, case_id), so the file interface and the online flow can be told apart.

alter table certification.certification_records
  add column source text not null default 'file' check (source in ('file', 'online')),
  add column case_id uuid;
alter table certification.care_survey_records
  add column source text not null default 'file' check (source in ('file', 'online')),
  add column case_id uuid;
alter table certification.doctor_opinion_records
  add column source text not null default 'file' check (source in ('file', 'online')),
  add column case_id uuid;

create table certification.cases (
  insurer_no              char(6) collate "C" not null,
  insured_no              varchar(10) collate "C" not null,
  case_id                 uuid not null,
  application_document_id uuid not null,          -- the accepted certification-application (exchange)
  application_type        text not null,          -- 申請区分 1 新規, 2 更新, 3 区分変更
  applied_on              date not null,          -- 申請日: the day the application was sent (JST)
  history_no              int not null,           -- its history in certification_records
  status                  text not null check (status in ('open', 'decided', 'withdrawn')),
  postponement_reason     text,                   -- 処分延期通知 (§7)
  expected_decision_on    date,
  decided_on              date,
  created_at              timestamptz not null default now(),
  primary key (insurer_no, insured_no, case_id)
);
-- one open case per person (A3); a second acceptance racing the first fails here, not silently
create unique index cases_one_open on certification.cases (insurer_no, insured_no) where status = 'open';
create unique index cases_application on certification.cases (insurer_no, insured_no, application_document_id);

grant select, insert, update on certification.cases to kaigo_app;
grant maintain on certification.cases to kaigo_app;
