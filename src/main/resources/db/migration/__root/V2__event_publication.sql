-- Spring Modulith's event publication registry (the outbox for events that cross modules after a
-- commit); its JDBC store's layout for PostgreSQL, created here rather than by the library at start-up
-- so that the application role never needs to create tables.
create table if not exists public.event_publication (
  id                     uuid not null primary key,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
create index if not exists event_publication_serialized_event_hash_idx on public.event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on public.event_publication (completion_date);

grant select, insert, update, delete on public.event_publication to kaigo_app;
