-- a file uploaded in the console is kept and recorded as received before the browser is answered, so that a crash
-- before its import ends does not lose it: the platform imports it after the restart (issue 15, part 1)
alter table ingest.imports drop constraint imports_status_check;
alter table ingest.imports add constraint imports_status_check
  check (status in ('RECEIVED', 'COMPLETED', 'FAILED', 'HELD', 'CANCELLED', 'EXPIRED'));
create index imports_received on ingest.imports (started_at) where status = 'RECEIVED';
