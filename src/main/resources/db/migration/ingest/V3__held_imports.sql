-- a 全量 file that would delete records waits for the municipality's confirmation (issue 14, part 6)
alter table ingest.imports drop constraint imports_status_check;
alter table ingest.imports add constraint imports_status_check
  check (status in ('COMPLETED', 'FAILED', 'HELD', 'CANCELLED', 'EXPIRED'));
alter table ingest.imports add column would_delete bigint;
create index imports_held on ingest.imports (finished_at) where status = 'HELD';
