-- The delivery worker takes each subscription's oldest due messages separately (at most its share
-- of attempts in flight), so it looks them up by subscription; for an ordered subscription only
-- the pending message with the lowest sequence number may go. The index of all due messages by
-- time goes: beside the one by subscription it only led the planner astray (it underestimates
-- how many pending rows are due, and scanned them all for every subscription).
create index webhook_messages_pending_by_subscription
    on webhook_messages (subscription_id, next_attempt_at) where status = 'pending';
create index webhook_messages_pending_sequence
    on webhook_messages (subscription_id, sequence) where status = 'pending';
drop index webhook_messages_due;
