-- The relay remembers the stream id of an entry it published last. If the stream no longer holds
-- that entry (Redis restarted without persistence, the stream was deleted or trimmed), everything
-- still in the outbox is published again; consumers drop what they have already applied.
create table event_relay_state (
    stream        varchar(200) primary key,
    last_entry_id varchar(40)  not null,
    updated_at    timestamptz  not null
);

-- Outbox rows are kept for the retention counted from when they were written (not from when they
-- were published, which publishing again would reset), and processed_events for longer than that.
drop index event_outbox_published;
create index event_outbox_created on event_outbox (created_at);
create index processed_events_age on processed_events (processed_at);

-- A committed outbox row wakes the relays of this database at once (NOTIFY is delivered on commit
-- and not at all on rollback).
create function event_outbox_notify() returns trigger
language plpgsql as $$
begin
    perform pg_notify('spaceduck_event_outbox', '');
    return null;
end;
$$;

create trigger event_outbox_inserted
    after insert on event_outbox
    for each statement execute function event_outbox_notify();
