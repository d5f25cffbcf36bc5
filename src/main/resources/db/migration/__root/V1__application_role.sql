-- The application works as role kaigo_app, never as the owner of the tables: each module grants it
-- what it needs, and the audit log is insert-only for it. On an external server, let the
-- application's login role be (or be a member of) kaigo_app, and run migrations as the owner
-- (spring.flyway.user).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'kaigo_app') then
    create role kaigo_app nologin;
  end if;
end
$$;
