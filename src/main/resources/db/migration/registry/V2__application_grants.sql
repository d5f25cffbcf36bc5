grant usage on schema registry to kaigo_app;
grant select, insert, update, delete on all tables in schema registry to kaigo_app;
-- the merge refreshes planner statistics after a bulk load
grant maintain on all tables in schema registry to kaigo_app;
