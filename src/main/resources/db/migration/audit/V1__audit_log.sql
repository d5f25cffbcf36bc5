create schema if not exists audit;

-- The audit trail: one row per sign-in, 資格確認, relationship change and disclosure, appended in one
-- chain. Each entry carries the SHA-256 of its predecessor's hash and its own content, so a changed,
-- inserted or removed row breaks the chain (AuditLog.verify). The application role may only insert and
-- read here (no update, delete or truncate); partitioned by month for retention and archiving.
create table audit.entries (
  seq            bigint not null,
  at             timestamptz not null,
  event          text not null,         -- eligibility, sign-in, relationship, disclosure
  actor_kind     text,                  -- municipality, office, medical-institution, person
  actor_number   text,                  -- 保険者番号, 事業所番号, 医療機関コード
  staff_job      text,                  -- 職種 of the staff member (never the name)
  person_insurer char(6),               -- whose data: 保険者番号 + 被保険者番号
  person_insured varchar(10),
  subject        text not null,         -- what was looked at or done
  purpose        text,
  outcome        text not null,
  prev_hash      bytea not null,
  hash           bytea not null,
  primary key (seq, at)
) partition by range (at);

create table audit.entries_default partition of audit.entries default;
do $$
declare
  m date := date '2026-01-01';
begin
  while m < date '2029-01-01' loop
    execute format('create table audit.entries_%s partition of audit.entries for values from (%L) to (%L)',
                   to_char(m, 'YYYYMM'), m, m + interval '1 month');
    m := m + interval '1 month';
  end loop;
end
$$;

-- who looked at a person's data
create index on audit.entries (person_insurer, person_insured, at);

-- The chain head at the end of each day (the last entry's sequence number and hash), written once
-- when the day is over; kept apart so that a rewritten chain does not match the heads any more.
create table audit.chain_heads (
  day       date primary key,
  last_seq  bigint not null,
  last_hash bytea not null
);

grant usage on schema audit to kaigo_app;
grant select, insert on audit.entries, audit.chain_heads to kaigo_app;
