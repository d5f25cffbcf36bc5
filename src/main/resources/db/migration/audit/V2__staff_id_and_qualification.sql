-- Every access pinned to the individual who asked: the staff account's stable ID (never a name) and the
-- qualification a rule relied on (e.g. 介護支援専門員). Hashed into the chain when present, so the entries
-- written before these columns verify as they were.
alter table audit.entries add column staff_id uuid;
alter table audit.entries add column qualification text;
create index on audit.entries (staff_id, at) where staff_id is not null;
create index on audit.entries (actor_number, at);
