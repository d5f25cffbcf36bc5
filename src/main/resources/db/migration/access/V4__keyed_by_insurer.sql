-- Scale-out (issue 15, part 4; docs/scale-out.md): distributed by the insurer on Citus, so the insurer
-- number is part of the primary key; an opening is still found by its id alone (a plain index).
alter table access.emergency_openings drop constraint emergency_openings_pkey;
alter table access.emergency_openings add primary key (insurer_no, opening_id);
create index on access.emergency_openings (opening_id);
