-- Qualifications an access rule relies on (e.g. 介護支援専門員 for 認定調査票・主治医意見書 and care plans):
-- registration number and expiry, attested by the organisation's administrator (who, when). One row per
-- attestation; a renewal adds a row. A qualification counts only until its expiry and while not revoked.
create table identity.staff_qualifications (
  staff_id      uuid not null references identity.staff (staff_id),
  qualification text not null,
  number        text not null,
  valid_until   date not null,
  attested_by   uuid not null,
  attested_at   timestamptz not null default now(),
  revoked_at    timestamptz
);
create index on identity.staff_qualifications (staff_id);

grant select, insert, update on identity.staff_qualifications to kaigo_app;
