-- Webhook secrets at rest (issue 17 part 6): sealed with AES-256-GCM under kaigo.webhooks.secret-key (notification.
-- WebhookSecrets): the nonce, the ciphertext with its tag, and the id of the key that sealed it (so keys can rotate).
-- The subscription's id is the associated data. The plain column stays only for rows written before this migration;
-- the platform seals them at its next start and empties the column (it cannot here: the key is not the database's).
alter table notification.webhook_subscriptions
  alter column secret drop not null,
  add column secret_nonce  bytea,
  add column secret_sealed bytea,
  add column secret_key_id text,
  add constraint webhook_subscriptions_secret_kept check (
    secret is not null or (secret_nonce is not null and secret_sealed is not null and secret_key_id is not null));
comment on column notification.webhook_subscriptions.secret is
  'the HMAC key in plain text of a row written before V3; sealed into secret_sealed and emptied at the next start';
comment on column notification.webhook_deliveries.event_type is
  'document.received (to the recipient) or document.status-changed (to the party that did not make the change)';
