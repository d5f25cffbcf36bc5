-- Webhooks (issue 17 part 6): an organisation's system subscribes to its exchange inbox. Both tables are keyed by the
-- organisation (kind + number), not by a person, so they stay on the coordinator like staff accounts (docs/scale-out.md):
-- one worker claims due deliveries over all organisations, and an office's deliveries name no insurer at all.
create table notification.webhook_subscriptions (
  subscription_id uuid not null primary key,
  org_kind        text collate "C" not null,  -- PartyKind code: municipality, office, medical-institution
  org_number      text collate "C" not null,
  url             text not null,
  secret          text not null,              -- the HMAC key, answered once at registration and never again
  created_by      uuid not null,              -- the administrator (staff id)
  created_at      timestamptz not null default now()
);
create index webhook_subscriptions_org on notification.webhook_subscriptions (org_kind, org_number);

-- One delivery per event and subscription. event_id (the Idempotency-Key the receiver dedupes by) is derived from the
-- document, its version and the subscription, and unique: an event re-published after a restart makes no second row.
-- A delivery is claimed (sending, claim_token, claimed_at, one attempt more) before it is posted; a claim older than
-- kaigo.webhooks.claim-timeout is taken again, so an instance that died mid-post leaves nothing stuck. The payload
-- names the event and the document, never a person (the receiver reads the document through the API).
create table notification.webhook_deliveries (
  delivery_id     uuid not null primary key,
  subscription_id uuid not null references notification.webhook_subscriptions (subscription_id) on delete cascade,
  event_id        uuid not null unique,
  event_type      text not null,              -- document.received
  document_id     uuid not null,
  payload         text not null,              -- the exact JSON body posted (signed as is at every attempt)
  status          text not null check (status in ('pending', 'sending', 'delivered', 'parked')),
  attempts        int not null default 0,
  next_attempt_at timestamptz not null default now(),
  claim_token     uuid,
  claimed_at      timestamptz,
  last_attempt_at timestamptz,
  last_error      text,                       -- a class of failure (http-500, ack-invalid, timeout…), never a body
  delivered_at    timestamptz,
  created_at      timestamptz not null default now()
);
create index webhook_deliveries_due on notification.webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_claimed on notification.webhook_deliveries (claimed_at) where status = 'sending';
create index webhook_deliveries_subscription on notification.webhook_deliveries (subscription_id, status);

grant select, insert, update, delete on notification.webhook_subscriptions, notification.webhook_deliveries to kaigo_app;
