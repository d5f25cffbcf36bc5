grant usage on schema ingest to kaigo_app;
grant select, insert, update, delete on all tables in schema ingest to kaigo_app;
