create schema if not exists access;

-- Break-glass: a staff member opened a person's records in an emergency, with a typed reason. It lasts
-- 72 hours, is shown to the person and the municipality, and waits in the municipality's review list.
create table access.emergency_openings (
  opening_id   uuid primary key,
  actor_kind   text not null,
  actor_number text not null,
  staff_job    text not null,
  insurer_no   char(6) not null,
  insured_no   varchar(10) not null,
  reason       text not null,
  opened_at    timestamptz not null default now(),
  expires_at   timestamptz not null,
  reviewed_at  timestamptz,
  review_note  text
);
create index on access.emergency_openings (insurer_no, insured_no);
create index on access.emergency_openings (insurer_no) where reviewed_at is null;

grant usage on schema access to kaigo_app;
grant select, insert, update on access.emergency_openings to kaigo_app;
