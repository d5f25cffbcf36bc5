create schema if not exists relationship;

-- 担当事業所: an office registered as in charge of a person for a service type, after 本人確認 (card
-- or typed numbers with birth date). Ended by the office, by the person, on 資格喪失, or when the office
-- has had no claims for the person for a configured number of months. Rows are never deleted.
create table relationship.offices_in_charge (
  relationship_id uuid primary key,
  insurer_no      char(6) not null,
  insured_no      varchar(10) not null,
  office_no       varchar(10) not null,
  service_type    char(2) not null,
  start_date      date not null,
  confirmed_by    text not null check (confirmed_by in ('card', 'numbers')),
  registered_job  text,
  registered_at   timestamptz not null default now(),
  last_claim_on   date,
  end_date        date,
  end_reason      text check (end_reason in ('office', 'person', 'lost', 'no-claims')),
  ended_at        timestamptz
);
create index on relationship.offices_in_charge (insurer_no, insured_no);
create index on relationship.offices_in_charge (office_no) where ended_at is null;
-- one open relationship per person, office and service type
create unique index on relationship.offices_in_charge (insurer_no, insured_no, office_no, service_type)
  where ended_at is null;

grant usage on schema relationship to kaigo_app;
grant select, insert, update on relationship.offices_in_charge to kaigo_app;
