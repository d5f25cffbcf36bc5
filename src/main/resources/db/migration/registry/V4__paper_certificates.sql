-- The paper 資格確認書(仮称) route (basic policy 別紙04 A ※2, ※4; docs/design/care-documents.md §8.2): a person who keeps
-- paper asks for it (in their own view, or at the counter with the 介護保険異動届出書), and the municipality prints one
-- whenever what it shows changed. What it showed is kept as a fingerprint of the histories in force when printed.
create table registry.paper_certificate_wishes (
  insurer_no   char(6) collate "C" not null,
  insured_no   varchar(10) collate "C" not null,
  wanted       boolean not null,
  recorded_by  text not null check (recorded_by in ('self', 'representative', 'municipality')),
  recorded_at  timestamptz not null default now(),
  primary key (insurer_no, insured_no)
);
create index on registry.paper_certificate_wishes (insurer_no) where wanted;

create table registry.paper_certificates (
  insurer_no   char(6) collate "C" not null,
  insured_no   varchar(10) collate "C" not null,
  issued_at    timestamptz not null default now(),
  fingerprint  text not null,   -- SHA-256 of the 被保険者・認定・負担割合・負担限度額 histories in force, as printed
  issued_by    uuid,            -- the municipal staff member
  primary key (insurer_no, insured_no, issued_at)
);
grant select, insert, update on registry.paper_certificate_wishes, registry.paper_certificates to kaigo_app;
