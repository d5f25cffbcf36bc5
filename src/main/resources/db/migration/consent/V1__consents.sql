create schema if not exists consent;

-- Every consent decision about a person's information, appended and never changed: the 包括同意 the
-- municipality registers at 認定申請 or 更新 (party and category empty), and the person's own consents,
-- refusals and withdrawals per organisation (party empty = every organisation) and per information
-- category (empty = every category). What holds now is worked out from the whole list
-- (consent/ConsentRules.java). A consent given at an office terminal keeps the card's signature.
create table consent.decisions (
  decision_id   uuid primary key,
  insurer_no    char(6) not null,
  insured_no    varchar(10) not null,
  party_kind    text check (party_kind in ('municipality', 'office', 'medical-institution')),
  party_no      text,
  category      text,
  decision      text not null check (decision in ('give', 'refuse')),
  source        text not null check (source in ('municipality', 'person', 'terminal')),
  occasion      text,
  signed_text   text,
  signature     bytea,
  signer_certificate bytea,
  decided_at    timestamptz not null default clock_timestamp(),
  check ((party_kind is null) = (party_no is null)),
  check (source <> 'terminal' or signature is not null)
);
create index on consent.decisions (insurer_no, insured_no, decided_at);

grant usage on schema consent to kaigo_app;
grant select, insert on consent.decisions to kaigo_app;
