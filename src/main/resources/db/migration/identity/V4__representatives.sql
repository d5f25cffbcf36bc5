-- A representative (法定代理人 or 成年後見人) registered by the municipality: the representative's own
-- My Number card (利用者証明用 certificate, issuer and serial only) acts for the person until ended.
create table identity.representative_links (
  issuer        text not null,
  serial        text not null,
  insurer_no    char(6) not null,
  insured_no    varchar(10) not null,
  kind          text not null check (kind in ('legal-agent', 'guardian')),
  registered_by text not null,
  registered_at timestamptz not null default now(),
  ended_at      timestamptz,
  primary key (issuer, serial, insurer_no, insured_no)
);

-- a person token is the person's own (acting_as null) or a representative's acting for them
alter table identity.person_tokens add column acting_as text check (acting_as in ('legal-agent', 'guardian')),
                                  add column card_serial text;

grant select, insert, update on identity.representative_links to kaigo_app;
