-- ShedLock's lock table: one row per scheduled job that must run once across platform instances (the
-- nightly end of relationships, the audit chain's verification, purges). A job runs where it takes the
-- row; an instance that dies holding it frees it when lock_until passes.
create table if not exists public.shedlock (
  name       varchar(64) not null primary key,
  lock_until timestamptz not null,
  locked_at  timestamptz not null,
  locked_by  varchar(255) not null
);

grant select, insert, update, delete on public.shedlock to kaigo_app;
