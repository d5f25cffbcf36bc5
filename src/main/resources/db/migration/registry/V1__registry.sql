create schema if not exists registry;

create table registry.insurers (
  insurer_no char(6) primary key,
  name       text not null,
  created_at timestamptz not null default now()
);

-- One row per insurance registration (保険者番号 + 被保険者番号). Hot tables are keyed by person_id,
-- the distribution column when the database is sharded (Citus).
create table registry.persons (
  person_id  uuid primary key,
  insurer_no char(6) not null references registry.insurers,
  insured_no varchar(10) not null,
  created_at timestamptz not null default now(),
  unique (insurer_no, insured_no)
);

-- Every revision of every municipality record. A history (履歴番号) is revised by inserting a new
-- revision and marking the old one not current; a deletion is a tombstone revision. Nothing is
-- updated in place except the current flag.
create table registry.records (
  person_id     uuid not null references registry.persons,
  record_type   text not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  data          jsonb,
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (person_id, record_type, history_no, revision),
  check (deleted or (valid_from is not null and data is not null)),
  check (valid_to is null or valid_to >= valid_from)
);
create unique index records_one_current on registry.records (person_id, record_type, history_no) where current;

-- COPY target of municipality files (columns: ingest.ImportTarget.STAGING_COLUMNS); rows live only
-- for the import's transaction.
create unlogged table registry.staging_records (
  import_id  uuid not null,
  line_no    bigint not null,
  operation  char(1) not null,
  insurer_no text,
  insured_no text,
  history_no int,
  valid_from date,
  valid_to   date,
  data       jsonb,
  problems   jsonb,
  created_at timestamptz not null default now()
);
