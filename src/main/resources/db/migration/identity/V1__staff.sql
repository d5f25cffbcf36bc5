create schema if not exists identity;

-- Staff accounts of an organisation (office, medical institution or municipality), named by the
-- organisation's certificate party and a login ID unique within it. Passwords are Argon2id hashes;
-- the one-time-code secret (RFC 6238) is stored as issued to the staff member's authenticator.
create table identity.staff (
  staff_id        uuid primary key,
  org_kind        text not null,
  org_number      text not null,
  login_id        text not null,
  job_type        text not null,
  qualifications  text[] not null default '{}',
  admin           boolean not null default false,
  password_hash   text not null,
  totp_secret     bytea not null,
  last_totp_step  bigint not null default 0,   -- a code is accepted once (no replay)
  failed_attempts int not null default 0,
  locked_until    timestamptz,
  disabled_at     timestamptz,
  created_at      timestamptz not null default now(),
  unique (org_kind, org_number, login_id)
);

-- Access and refresh tokens, stored as SHA-256 of the token (the token itself is only ever in the
-- client's hands). One session = one access token at a time + one refresh token; sign-out revokes both.
create table identity.tokens (
  token_hash  bytea primary key,
  session_id  uuid not null,
  staff_id    uuid not null references identity.staff,
  kind        text not null check (kind in ('access', 'refresh')),
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);
create index on identity.tokens (session_id);

grant usage on schema identity to kaigo_app;
grant select, insert, update on identity.staff, identity.tokens to kaigo_app;
