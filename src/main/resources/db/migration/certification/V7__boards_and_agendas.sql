-- 介護認定審査会 (docs/design/certification-online.md §6.2): the municipality's boards (合議体), their members (staff
-- accounts of the municipality with job 認定審査会委員, by staff id: identity's, no FK), the agendas of their meetings
-- and the cases on each agenda with the masked packet (an exchange document) published for it.

create table certification.boards (
  insurer_no char(6) collate "C" not null,
  board_no   int not null check (board_no between 1 and 999),
  name       text not null,
  created_at timestamptz not null default now(),
  primary key (insurer_no, board_no)
);

create table certification.board_members (
  insurer_no char(6) collate "C" not null,
  board_no   int not null,
  staff_id   uuid not null,
  valid_from date not null,
  valid_to   date,
  created_at timestamptz not null default now(),
  primary key (insurer_no, board_no, staff_id, valid_from),
  foreign key (insurer_no, board_no) references certification.boards,
  check (valid_to is null or valid_to >= valid_from)
);

create table certification.agendas (
  insurer_no   char(6) collate "C" not null,
  agenda_id    uuid not null,
  board_no     int not null,
  meeting_on   date not null,
  meeting_time time,
  place        text,
  status       text not null check (status in ('draft', 'published', 'held', 'cancelled')),
  published_at timestamptz,
  created_at   timestamptz not null default now(),
  primary key (insurer_no, agenda_id),
  foreign key (insurer_no, board_no) references certification.boards
);

create table certification.agenda_cases (
  insurer_no          char(6) collate "C" not null,
  agenda_id           uuid not null,
  case_no             int not null,          -- 事例番号 on the agenda: the only handle members see
  insured_no          varchar(10) collate "C" not null,
  case_id             uuid not null,
  packet_document_id  uuid,                  -- the masked committee-packet (exchange)
  masking_reviewed_by uuid,
  masking_reviewed_at timestamptz,
  secondary_recorded  boolean not null default false,
  created_at          timestamptz not null default now(),
  primary key (insurer_no, agenda_id, case_no),
  unique (insurer_no, agenda_id, insured_no),
  foreign key (insurer_no, agenda_id) references certification.agendas
);
create unique index agenda_cases_packet on certification.agenda_cases (insurer_no, packet_document_id)
  where packet_document_id is not null;

grant select, insert, update on certification.boards, certification.board_members, certification.agendas,
  certification.agenda_cases to kaigo_app;
grant maintain on certification.boards, certification.board_members, certification.agendas,
  certification.agenda_cases to kaigo_app;
