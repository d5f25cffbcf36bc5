create schema if not exists ingest;

create table ingest.imports (
  import_id     uuid primary key,
  status        text not null check (status in ('COMPLETED', 'FAILED')),
  insurer_no    char(6) not null,
  record_type   text not null,
  mode          text not null,
  format        text not null,
  charset       text,
  file_name     text,
  sha256        char(64),
  bytes         bigint not null,
  rows          bigint not null,
  inserted      bigint not null,
  updated       bigint not null,
  deleted       bigint not null,
  unchanged     bigint not null,
  rejected_rows bigint not null,
  notes         text,
  started_at    timestamptz not null,
  finished_at   timestamptz not null,
  created_at    timestamptz not null default now()
);
create index imports_by_insurer on ingest.imports (insurer_no, started_at desc);

create table ingest.rejections (
  import_id  uuid not null references ingest.imports deferrable initially deferred,
  seq        int not null,
  line_no    bigint not null,
  field      text not null,
  label      text,
  reason     text not null,
  created_at timestamptz not null default now(),
  primary key (import_id, seq)
);
