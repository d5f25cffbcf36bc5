-- Scale-out (issue 15, part 4; docs/scale-out.md): distributed by the insurer on Citus, so the insurer
-- number is part of the primary key; a visit is still found by its id alone (a plain index).
alter table person.visits drop constraint visits_pkey;
alter table person.visits add primary key (insurer_no, visit_id);
create index on person.visits (visit_id);
