-- One-time challenges for My Number card authentication: issued to an office terminal, good for one
-- answer within 60 seconds.
create table identity.card_challenges (
  challenge_id uuid primary key,
  org_kind     text not null,
  org_number   text not null,
  nonce        bytea not null,
  created_at   timestamptz not null default now(),
  used_at      timestamptz
);

-- A card's 利用者証明用 certificate linked to an insured person (by the municipality, or by the person
-- with card + 被保険者番号 + 生年月日). Only the certificate's issuer and serial are stored: never the
-- 個人番号, never the certificate's personal fields.
create table identity.card_links (
  issuer      text not null,
  serial      text not null,
  insurer_no  char(6) not null,
  insured_no  varchar(10) not null,
  linked_by   text not null,
  linked_at   timestamptz not null default now(),
  primary key (issuer, serial)
);

grant select, insert, update on identity.card_challenges to kaigo_app;
grant select, insert on identity.card_links to kaigo_app;
