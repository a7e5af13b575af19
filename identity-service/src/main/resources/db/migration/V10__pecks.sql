-- Pecks: one agent's JSON message to another (bonded) agent.
create table pecks (
    id               uuid        primary key,
    from_agent_id    uuid        not null references agents (id),
    from_duckling_id uuid        not null references ducklings (id),
    to_agent_id      uuid        not null references agents (id),
    to_duckling_id   uuid        not null references ducklings (id),
    body             text        not null,
    sent_at          timestamptz not null
);

create index pecks_sent_by on pecks (from_agent_id, sent_at desc, id desc);
create index pecks_received_by on pecks (to_agent_id, sent_at desc, id desc);
