-- The chain's tip: the last entry's sequence number, hash and day (Japan time), in one row. Every batch of
-- entries advances it in the same statement that appends them, only if it still holds the sequence number the
-- writer started from; so several platform instances on one database append to one chain, each batch after
-- the other, and a writer that lost the race reads the new tip and writes its batch again after it. (The
-- entries' primary key includes the partition key, so it cannot make a sequence number unique by itself.)
create table audit.chain_tip (
  one   boolean primary key default true check (one),
  seq   bigint not null,
  hash  bytea not null,
  day   date
);

insert into audit.chain_tip (seq, hash, day)
select coalesce(max(seq), 0),
       coalesce((select hash from audit.entries order by seq desc limit 1), '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
       (select (at at time zone 'Asia/Tokyo')::date from audit.entries order by seq desc limit 1)
  from audit.entries;

grant select, update on audit.chain_tip to kaigo_app;
