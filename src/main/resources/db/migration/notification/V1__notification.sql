create schema if not exists notification;

-- Notices to a person (design §7.2): one row per notice, unique per person and deduplication key, so an event
-- delivered twice (a republished publication after a restart) makes one notice. The inbox of the portal is the row
-- itself (read_at); params holds codes and dates only, rendered per kind.
create table notification.notices (
  insurer_no  char(6) collate "C" not null,
  insured_no  varchar(10) collate "C" not null,
  notice_id   uuid not null,
  kind        text not null,                 -- NoticeKind: certification-result, renewal-reminder, postponement
  dedupe_key  text not null,                 -- e.g. result:<caseId>, renewal:<certValidTo>, postponement:<caseId>
  subject_ref text,                          -- the case or document it is about
  params      jsonb not null,
  created_at  timestamptz not null default now(),
  read_at     timestamptz,
  primary key (insurer_no, insured_no, notice_id),
  unique (insurer_no, insured_no, dedupe_key)
);
create index notices_inbox on notification.notices (insurer_no, insured_no, created_at desc);

-- Each notice's deliveries outside the inbox: a pointer by email or SMS (no personal data in it) and the paper list.
-- A delivery is claimed (sending, claimed_at) before it is sent and finished sent; a claim older than 10 minutes is
-- taken again, so an instance that died mid-send leaves nothing stuck.
create table notification.deliveries (
  insurer_no char(6) collate "C" not null,
  insured_no varchar(10) collate "C" not null,
  notice_id  uuid not null,
  channel    text not null check (channel in ('email', 'sms', 'paper')),
  status     text not null check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts   int not null default 0,
  last_error text,                           -- a reason code, never an address
  claimed_at timestamptz,
  sent_at    timestamptz,
  created_at timestamptz not null default now(),
  primary key (insurer_no, insured_no, notice_id, channel),
  foreign key (insurer_no, insured_no, notice_id) references notification.notices (insurer_no, insured_no, notice_id)
);
create index deliveries_paper_pending on notification.deliveries (insurer_no) where channel = 'paper' and status = 'pending';

-- How the person wants to be told besides the inbox: on paper too, and a pointer by email and/or SMS.
create table notification.preferences (
  insurer_no  char(6) collate "C" not null,
  insured_no  varchar(10) collate "C" not null,
  paper       boolean not null default false,
  email       text,
  sms         text,
  recorded_by text not null,                 -- self | representative | municipality
  updated_at  timestamptz not null,
  created_at  timestamptz not null default now(),
  primary key (insurer_no, insured_no)
);

-- The municipality's printing of paper notices: a batch per "印刷済みにする", its items the deliveries it covered.
create table notification.print_batches (
  insurer_no char(6) collate "C" not null,
  batch_id   uuid not null,
  created_by uuid not null,                  -- the staff member
  created_at timestamptz not null default now(),
  primary key (insurer_no, batch_id)
);
create table notification.print_items (
  insurer_no char(6) collate "C" not null,
  batch_id   uuid not null,
  insured_no varchar(10) collate "C" not null,
  notice_id  uuid not null,
  created_at timestamptz not null default now(),
  primary key (insurer_no, batch_id, insured_no, notice_id),
  foreign key (insurer_no, batch_id) references notification.print_batches (insurer_no, batch_id)
);

grant usage on schema notification to kaigo_app;
grant select, insert, update on notification.notices, notification.deliveries, notification.preferences,
  notification.print_batches, notification.print_items to kaigo_app;
