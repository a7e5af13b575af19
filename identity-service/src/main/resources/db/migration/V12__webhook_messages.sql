-- One message per (event, subscription): written in the transaction that consumes the event,
-- sent by the delivery worker. The schedule lives here, so retries survive restarts.
create table webhook_messages (
    id              uuid         primary key,
    subscription_id uuid         not null references webhook_subscriptions (id) on delete cascade,
    -- Per-subscription order; ordered subscriptions send n+1 only after n is done.
    sequence        bigint       not null,
    -- The platform event it came from (null for replays' copies and tester samples).
    event_id        uuid,
    event_type      varchar(100) not null,
    -- The exact body sent: {"type","timestamp","data"}.
    payload         text         not null,
    -- pending, delivered or failed (given up).
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    -- When the next attempt is due; a worker pushes it ahead while it holds the message.
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status     integer,
    last_response   varchar(1024),
    last_error      varchar(500),
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    unique (subscription_id, sequence),
    unique (subscription_id, event_id)
);

create index webhook_messages_due on webhook_messages (next_attempt_at) where status = 'pending';
create index webhook_messages_by_subscription on webhook_messages (subscription_id, created_at desc);
