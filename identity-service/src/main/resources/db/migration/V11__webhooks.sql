-- Webhook subscriptions: a duckling's endpoint and the event types it wants.
create table webhook_subscriptions (
    id                         uuid          primary key,
    duckling_id                uuid          not null references ducklings (id),
    url                        varchar(8192) not null,
    -- Comma-separated event type names, e.g. 'agent.registered,peck.sent'.
    events                     varchar(1000) not null,
    description                varchar(500),
    enabled                    boolean       not null,
    ordered                    boolean       not null,
    -- Signing secrets ('whsec_' + base64), kept to sign; the previous one signs until it expires.
    secret                     varchar(100)  not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    -- Why delivery was switched off, when it was not the owner (e.g. failing for 5 days).
    disabled_reason            varchar(200),
    disabled_at                timestamptz,
    -- The first failed attempt since the last success; null while deliveries succeed.
    failing_since              timestamptz,
    -- Next per-subscription message sequence number.
    next_sequence              bigint        not null default 1,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null
);

create index webhook_subscriptions_owner on webhook_subscriptions (duckling_id, created_at);
