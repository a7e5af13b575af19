-- Transactional outbox: a service inserts its events here in the same transaction as the change
-- they describe; the relay publishes unpublished rows to the Redis Stream and marks them.
create table event_outbox (
    id           uuid primary key,
    type         varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);

create index event_outbox_unpublished on event_outbox (created_at, id) where published_at is null;
create index event_outbox_published on event_outbox (published_at) where published_at is not null;

-- Idempotent consumers: one row per event a consumer group has applied, written in the same
-- transaction as the handler's changes, so a redelivered event changes nothing.
create table processed_events (
    consumer_group varchar(100) not null,
    event_id       uuid         not null,
    processed_at   timestamptz  not null,
    primary key (consumer_group, event_id)
);
