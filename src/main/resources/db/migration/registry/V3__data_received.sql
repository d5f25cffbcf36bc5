-- When each insurer's data of each record type was last received (an import merged, even one that changed
-- nothing): every 資格確認 answer says how fresh the municipal data it rests on is.
create table registry.data_received (
  insurer_no  char(6) collate "C" not null references registry.insurers (insurer_no),
  record_type text not null,     -- RecordType key (insured, careCertificate, …)
  received_at timestamptz not null,
  import_id   uuid not null,
  primary key (insurer_no, record_type)
);

grant select, insert, update on registry.data_received to kaigo_app;
