create schema if not exists exchange;

-- Documents exchanged between the parties (docs/design/certification-online.md §2.1–2.6). Every table about a
-- document is keyed by the person it is about (insurer_no, insured_no) and distributed by insurer_no
-- (docs/scale-out.md); the inbox and outbox rows are routing copies of the envelope, kept in step with the
-- document in the same transaction. No foreign keys between the tables: references by id.

create table exchange.documents (
  insurer_no      char(6) collate "C" not null,
  insured_no      varchar(10) collate "C" not null,
  document_id     uuid not null,
  kind            text not null,
  sender_kind     text not null,  sender_no    text not null,
  recipient_kind  text not null,  recipient_no text not null,
  status          text not null check (status in ('sent', 'delivered', 'read', 'accepted', 'returned', 'withdrawn')),
  version         int  not null default 1,
  in_reply_to     uuid,                        -- same person, so same shard
  case_id         uuid,                        -- certification's case, by id
  idempotency_key text not null,               -- the sender's key, or derived (§2.5)
  content_sha256  bytea not null,              -- of the current version
  return_reason   text,
  return_note     text check (char_length(return_note) <= 400),
  sent_at         timestamptz not null,
  status_at       timestamptz not null,
  purge_after     timestamptz,                 -- set on a terminal status: status_at + the kind's retention (§2.9)
  purged_at       timestamptz,
  created_at      timestamptz not null default now(),
  primary key (insurer_no, insured_no, document_id)
);
create index documents_id on exchange.documents (document_id);
create index documents_reply on exchange.documents (insurer_no, insured_no, in_reply_to) where in_reply_to is not null;
create index documents_purge on exchange.documents (purge_after) where purged_at is null and purge_after is not null;
-- one answer per request (§2.5 natural uniqueness): one 意見書 per 作成依頼, one 調査票 per 調査依頼, unless withdrawn
create unique index documents_one_answer on exchange.documents (insurer_no, insured_no, in_reply_to, kind)
  where in_reply_to is not null and kind in ('doctor-opinion', 'care-survey') and status <> 'withdrawn';

create table exchange.document_versions (
  insurer_no char(6) collate "C" not null, insured_no varchar(10) collate "C" not null,
  document_id uuid not null, version int not null,
  layout_version text not null,
  payload        jsonb,                        -- the canonical payload; null once purged
  content_sha256 bytea not null,
  sent_by_staff  uuid,
  sent_by_person boolean not null default false,
  client_cert_serial text,                     -- the TLS client certificate the version came under
  signer_signature bytea,                      -- optional: the institution's own ECDSA signature (§2.6.3)
  created_at timestamptz not null default now(),
  primary key (insurer_no, insured_no, document_id, version)
);

create table exchange.status_changes (          -- append-only history of transitions
  insurer_no char(6) collate "C" not null, insured_no varchar(10) collate "C" not null,
  document_id uuid not null, seq int not null,
  from_status text, to_status text not null, version int not null,
  by_kind text not null, by_no text not null, by_staff uuid,
  reason_code text, note text,
  at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (insurer_no, insured_no, document_id, seq)
);

create table exchange.receipts (                -- one platform-signed statement per status change (§2.6)
  insurer_no char(6) collate "C" not null, insured_no varchar(10) collate "C" not null,
  document_id uuid not null, seq int not null,
  statement     bytea not null,                 -- the exact signed bytes
  signature     bytea not null,                 -- DER ECDSA-SHA256
  signer_serial text not null,                  -- the receipt certificate's serial (hexadecimal)
  created_at timestamptz not null default now(),
  primary key (insurer_no, insured_no, document_id, seq)
);

create table exchange.attachments (             -- PDF attachments of a version (§2.7)
  insurer_no char(6) collate "C" not null, insured_no varchar(10) collate "C" not null,
  document_id uuid not null, version int not null, attachment_no int not null,
  file_name  text not null,
  media_type text not null default 'application/pdf' check (media_type = 'application/pdf'),
  byte_size  int not null check (byte_size between 1 and 10485760),
  sha256     bytea not null,
  pages      int not null,
  content    bytea,                             -- null once purged
  created_at timestamptz not null default now(),
  primary key (insurer_no, insured_no, document_id, version, attachment_no)
);

-- A key is unique per sender across all persons, which a table distributed by the person's insurer could not
-- enforce: kept on the coordinator (docs/scale-out.md).
create table exchange.idempotency_keys (
  party_kind text not null, party_no text not null, idempotency_key text not null,
  insurer_no char(6) collate "C" not null, insured_no varchar(10) collate "C" not null,
  document_id uuid not null, content_sha256 bytea not null,
  created_at timestamptz not null default now(),
  primary key (party_kind, party_no, idempotency_key)
);

-- The inbox (party = the recipient, counterpart = the sender) and the outbox (party = the sender, counterpart =
-- the recipient). No person is named: the list shows kind, counterpart, dates and status.
create table exchange.inbox (
  insurer_no char(6) collate "C" not null, insured_no varchar(10) collate "C" not null,
  party_kind text not null, party_no text not null,
  document_id uuid not null,
  kind text not null, status text not null,
  counterpart_kind text not null, counterpart_no text not null,
  sent_at timestamptz not null, status_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (insurer_no, party_kind, party_no, document_id)
);
create index inbox_page on exchange.inbox (party_kind, party_no, sent_at desc, document_id);
create table exchange.outbox (like exchange.inbox including all);

grant usage on schema exchange to kaigo_app;
grant select, insert, update on all tables in schema exchange to kaigo_app;
grant maintain on all tables in schema exchange to kaigo_app;
