-- 認定調査 online (docs/design/certification-online.md §4): the clerk's assignment of a case's survey (to an
-- entrusted office through a survey-assignment document, or to the municipality's own surveyor), and the 概況調査,
-- 自立度 and 特記事項 items of the care-survey layout (§4.2, SurveyLayouts.careSurvey) that the file interface's
-- table lacked. New columns are text like the 74 items: the layout validated them, the table keeps what was sent.

create table certification.survey_assignments (
  insurer_no      char(6) collate "C" not null,
  insured_no      varchar(10) collate "C" not null,
  assignment_id   uuid not null,
  case_id         uuid not null,
  assignee_kind   text not null check (assignee_kind in ('staff', 'office')),
  assignee_staff  uuid,                           -- the municipality's own surveyor (identity staff id)
  assignee_office text,                           -- the entrusted office (事業所番号)
  entrustment     text not null,                  -- 委託区分 (FC §5.1): 1 保険者, 3 居宅介護支援事業者, 4 介護保険施設
  request_kind    text not null,                  -- 依頼区分 0 初回, 1 再依頼, 2 再調査
  due_on          date,
  document_id     uuid,                           -- the survey-assignment document (office assignments)
  status          text not null check (status in ('open', 'submitted', 'accepted', 'withdrawn')),
  assigned_by     uuid not null,                  -- the clerk (staff id)
  accepted_document_id uuid,                      -- the care-survey document that closed it
  created_at      timestamptz not null default now(),
  primary key (insurer_no, insured_no, assignment_id),
  check (assignee_kind = 'staff' and assignee_staff is not null and assignee_office is null
         or assignee_kind = 'office' and assignee_office is not null and assignee_staff is null
            and document_id is not null)
);
-- one open assignment per case; a second assignment racing the first fails here, not silently
create unique index survey_assignments_one_open on certification.survey_assignments (insurer_no, insured_no, case_id)
  where status in ('open', 'submitted');
create index survey_assignments_document on certification.survey_assignments (insurer_no, insured_no, document_id)
  where document_id is not null;

alter table certification.care_survey_records
  add column place_name text,
  add column surveyor_name text,
  add column text_image text,
  add column service_kubun text,
  add column service01 text,
  add column service02 text,
  add column service03 text,
  add column service04 text,
  add column service05 text,
  add column service06 text,
  add column service07 text,
  add column service08 text,
  add column service09 text,
  add column service10 text,
  add column service11 text,
  add column service12 text,
  add column service13 text,
  add column service14 text,
  add column service15 text,
  add column service16 text,
  add column service17 text,
  add column service18 text,
  add column service19 text,
  add column service20 text,
  add column home_modification text,
  add column service_other text,
  add column facility text,
  add column facility_name text,
  add column facility_postcode text,
  add column facility_address text,
  add column facility_phone text,
  add column situation_notes text,
  add column notes1 text,
  add column notes2 text,
  add column notes3 text,
  add column notes4 text,
  add column notes5 text,
  add column notes_medical text,
  add column notes_independence text,
  add column survey_kind text,
  add column entrusted_office_no text;

grant select, insert, update on certification.survey_assignments to kaigo_app;
grant maintain on certification.survey_assignments to kaigo_app;
