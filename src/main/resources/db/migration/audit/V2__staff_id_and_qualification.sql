-- Every access pinned to the individual who asked: the staff account's stable ID (never a name) and the
-- qualification a rule relied on (e.g. 介護支援専門員). Hashed into the chain when present, so the entries
-- written before these columns verify as they were.
alter table audit.entries add column staff_id uuid;
alter table audit.entries add column qualification text;
-- No index on them: every request writes an entry, and two more indexes cost 資格確認 measurably. Reports by
-- staff account or by organisation read a bounded window of monthly partitions instead (AuditLog).
