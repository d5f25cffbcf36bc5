create schema if not exists registry;

create table registry.insurers (
  insurer_no char(6) collate "C" primary key,
  name       text not null,
  created_at timestamptz not null default now()
);

-- A person (one insurance registration: 保険者番号 + 被保険者番号) is identified by a name-based UUID
-- derived from the two numbers, so every module can compute it and no lookup table sits on the bulk
-- path. person_id is the distribution column when the database is sharded (Citus).
create function registry.person_id(insurer_no text, insured_no text) returns uuid
  language sql immutable parallel safe
  return md5(insurer_no || ':' || insured_no)::uuid;

-- Every revision of every municipality record. A history (履歴番号) is revised by inserting a new
-- revision and marking the old one not current; a deletion is a tombstone revision. Nothing is
-- updated in place except the current flag. One current revision per history is kept by the merge,
-- which runs under a per-insurer, per-type advisory lock (an index for it would double the cost of
-- every bulk insert).
create table registry.records (
  person_id     uuid not null,
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  record_type   text collate "C" not null,
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
create index records_current_by_insurer on registry.records (insurer_no, record_type) where current;

-- Shape of the COPY target of municipality files (columns: ingest.ImportTarget.STAGING_COLUMNS).
-- Each import copies into a temporary table of this shape that is dropped at its commit; this table
-- itself stays empty.
create unlogged table registry.staging_records (
  import_id  uuid not null,
  line_no    bigint not null,
  operation  char(1) not null,
  insurer_no text collate "C",
  insured_no text collate "C",
  history_no int,
  valid_from date,
  valid_to   date,
  data       jsonb,
  problems   jsonb,
  created_at timestamptz not null default now()
);
