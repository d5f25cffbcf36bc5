create schema if not exists person;

-- The person's visits to their own page (or a representative's, in their name), so that the page can say what is
-- new since the last visit. A visit is one row: it starts at the first page and lasts while pages follow within
-- kaigo.person.new-visit-after of each other (a reload does not make everything old); the visit before the
-- current one marks "since my last visit".
create table person.visits (
  visit_id     uuid primary key,
  insurer_no   char(6) not null,              -- whose page: 保険者番号 + 被保険者番号
  insured_no   varchar(10) not null,
  viewer       text not null,                 -- person, or the representative's kind (guardian, legal)
  started_at   timestamptz not null,          -- the first page of the visit
  last_seen_at timestamptz not null,          -- the latest page of the visit
  created_at   timestamptz not null default now()
);
create index on person.visits (insurer_no, insured_no, viewer, started_at);

grant usage on schema person to kaigo_app;
grant select, insert, update on person.visits to kaigo_app;
