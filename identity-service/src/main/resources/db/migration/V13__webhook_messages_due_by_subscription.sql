-- The delivery worker takes each subscription's oldest due messages separately (at most its share
-- of attempts in flight), so it looks them up by subscription.
create index webhook_messages_pending_by_subscription
    on webhook_messages (subscription_id, next_attempt_at) where status = 'pending';
