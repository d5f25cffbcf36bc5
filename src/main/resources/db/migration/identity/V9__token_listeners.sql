-- Platform instances listening for staff token revocations (LISTEN kaigo_staff_tokens). An instance that
-- revokes a token waits until every instance seen alive in the last few seconds has acknowledged, so the
-- next request anywhere is refused. A row disappears when its instance stops; a crashed instance's row
-- simply stops being refreshed.
create table identity.token_listeners (
  listener_id uuid primary key,
  seen_at     timestamptz not null default now()
);

grant select, insert, update, delete on identity.token_listeners to kaigo_app;
