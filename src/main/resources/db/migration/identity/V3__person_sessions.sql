-- A person signed in with their My Number card (利用者証明用 certificate): a token for their own
-- data, 30 minutes, stored as SHA-256.
create table identity.person_tokens (
  token_hash  bytea primary key,
  insurer_no  char(6) not null,
  insured_no  varchar(10) not null,
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);

grant select, insert, update on identity.person_tokens to kaigo_app;
