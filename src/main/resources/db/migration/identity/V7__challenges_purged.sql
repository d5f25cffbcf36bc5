-- Card challenges are purged once unanswered past their lifetime (60 s) or a day after their answer.
grant delete on identity.card_challenges to kaigo_app;
create index on identity.card_challenges (org_kind, created_at) where used_at is null;
