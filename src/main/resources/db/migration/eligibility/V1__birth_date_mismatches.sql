create schema if not exists eligibility;

-- 資格確認 by typed numbers answered "unknown" (a wrong birth date or numbers naming nobody: never told apart;
-- single and 一括照会 alike):
-- counted per office so that a birth date cannot be found by trying; the person's municipality sees them.
-- The office, the staff account and the person; never the birth date that was tried.
create table eligibility.birth_date_mismatches (
  office_kind  text not null,
  office_no    text not null,
  staff_id     uuid,
  insurer_no   char(6) not null,
  insured_no   varchar(10) not null,
  tried_at     timestamptz not null default now()
);
create index on eligibility.birth_date_mismatches (office_no, tried_at);
create index on eligibility.birth_date_mismatches (insurer_no, tried_at);

-- An office whose 資格確認 by numbers is stopped after too many mismatches, until a time; the municipality
-- of the persons concerned is alerted (its list shows the lock and the persons tried).
create table eligibility.locks (
  office_kind  text not null,
  office_no    text not null,
  locked_at    timestamptz not null default now(),
  locked_until timestamptz not null,
  primary key (office_no, locked_at)
);

grant usage on schema eligibility to kaigo_app;
grant select, insert on eligibility.birth_date_mismatches, eligibility.locks to kaigo_app;
