-- identity-service schema. Emails are stored normalised (trimmed, lower-case), so a plain unique
-- constraint makes them unique case-insensitively.

create table ducklings (
    id                uuid         primary key,
    email             varchar(254) not null unique,
    email_domain      varchar(253) not null,
    display_name      varchar(100) not null,
    password_hash     varchar(200) not null,
    trust_tier        varchar(2)   not null default 'T0' check (trust_tier in ('T0', 'T1', 'T2', 'T3')),
    country           varchar(2)   not null,
    email_verified_at timestamptz,
    phone             varchar(16),
    phone_verified_at timestamptz,
    failed_signins    integer      not null default 0,
    locked_until      timestamptz,
    created_at        timestamptz  not null
);

-- Beak Keys: the SHA-256 of the key (the only lookup on the authentication hot path) and a readable
-- 16-character prefix; the key itself is never stored. Revoked keys stay, marked, so they are
-- refused like unknown ones and remain auditable.
create table beak_keys (
    id           uuid         primary key,
    duckling_id  uuid         not null references ducklings (id),
    name         varchar(100) not null,
    prefix       varchar(16)  not null,
    key_hash     varchar(64)  not null unique,
    tier         varchar(2)   not null check (tier in ('T0', 'T1', 'T2', 'T3')),
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index beak_keys_owner on beak_keys (duckling_id, created_at) where revoked_at is null;

-- One-time codes for email and phone verification: only a salted hash of the code.
create table verification_codes (
    id          uuid         primary key,
    duckling_id uuid         not null references ducklings (id),
    channel     varchar(5)   not null check (channel in ('email', 'phone')),
    destination varchar(254) not null,
    code_hash   varchar(64)  not null,
    attempts    integer      not null default 0,
    expires_at  timestamptz  not null,
    consumed_at timestamptz,
    created_at  timestamptz  not null
);

create index verification_codes_pending on verification_codes (duckling_id, channel, created_at)
    where consumed_at is null;

-- Outgoing messages: the integration point for a real mail/SMS sender, which reads unsent rows
-- (oldest first), delivers them and sets sent_at. The body holds the code in clear because the
-- sender needs it; rows should be deleted once sent.
create table notifications (
    id          uuid         primary key,
    channel     varchar(5)   not null check (channel in ('email', 'phone')),
    destination varchar(254) not null,
    subject     varchar(200) not null,
    body        text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz
);

create index notifications_unsent on notifications (created_at) where sent_at is null;

create table elevation_requests (
    id             uuid         primary key,
    duckling_id    uuid         not null references ducklings (id),
    from_tier      varchar(2)   not null,
    target_tier    varchar(2)   not null check (target_tier in ('T2', 'T3')),
    status         varchar(10)  not null check (status in ('pending', 'approved', 'rejected')),
    legal_name     varchar(200),
    postal_address varchar(500),
    reason         varchar(500),
    decided_by     uuid,
    decided_at     timestamptz,
    created_at     timestamptz  not null
);

-- At most one pending request per duckling.
create unique index elevation_requests_one_pending on elevation_requests (duckling_id)
    where status = 'pending';
create index elevation_requests_by_status on elevation_requests (status, created_at);

create table agents (
    id          uuid         primary key,
    duckling_id uuid         not null references ducklings (id),
    name        varchar(100) not null,
    bonded_at   timestamptz,
    created_at  timestamptz  not null
);

create index agents_owner on agents (duckling_id, created_at);

create table newsletter_subscriptions (
    email      varchar(254) primary key,
    created_at timestamptz  not null
);

create table page_views (
    id        bigserial     primary key,
    page      varchar(2048) not null,
    referrer  varchar(2048),
    viewed_at timestamptz   not null
);

create table support_tickets (
    id         uuid          primary key,
    email      varchar(254)  not null,
    message    varchar(5000) not null,
    status     varchar(10)   not null default 'open',
    created_at timestamptz   not null
);
