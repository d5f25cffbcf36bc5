-- Scale-out (issue 15, part 4; docs/scale-out.md): distributed by the insurer on Citus, so the insurer
-- number is part of the primary key; a relationship is still found by its id alone (a plain index).
alter table relationship.offices_in_charge drop constraint offices_in_charge_pkey;
alter table relationship.offices_in_charge add primary key (insurer_no, relationship_id);
create index on relationship.offices_in_charge (relationship_id);
