-- Scale-out (issue 15, part 4; docs/scale-out.md): distributed by the insurer on Citus, so the insurer
-- number is part of the primary key; a decision is still found by its id alone (a plain index).
alter table consent.decisions drop constraint decisions_pkey;
alter table consent.decisions add primary key (insurer_no, decision_id);
create index on consent.decisions (decision_id);
