-- Failed attempts of a person to link their own card (numbers with a wrong birth date): limited per
-- insured person and per card, so that a birth date cannot be found by trying.
create table identity.card_link_failures (
  insurer_no  char(6) not null,
  insured_no  varchar(10) not null,
  card_serial text not null,
  failed_at   timestamptz not null default now()
);
create index on identity.card_link_failures (insurer_no, insured_no, failed_at);
create index on identity.card_link_failures (card_serial, failed_at);

grant select, insert on identity.card_link_failures to kaigo_app;
