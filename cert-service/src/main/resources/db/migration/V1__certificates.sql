-- Birth certificates: one per duckling (unique duckling_id, so a second duckling.hatched for the
-- same duckling cannot create a second certificate even when two instances race).
-- cert_status stores DRAFT, ISSUED or REVOKED; EXPIRED is computed at read time from expires_at.
create table certificates (
    cert_id        uuid         primary key,
    duckling_id    uuid         not null,
    display_name   text         not null,
    cert_status    varchar(16)  not null,
    trust_tier     varchar(2)   not null,
    issued_at      timestamptz,
    expires_at     timestamptz,
    country        char(2)      not null,
    lambda_version varchar(64)  not null,
    revoked_at     timestamptz,
    revoked_reason varchar(500),
    revoked_by     uuid,
    constraint certificates_duckling_unique unique (duckling_id),
    constraint certificates_status_check check (cert_status in ('DRAFT', 'ISSUED', 'REVOKED')),
    constraint certificates_tier_check check (trust_tier in ('T0', 'T1', 'T2', 'T3')),
    constraint certificates_issued_check
        check (cert_status = 'DRAFT' or (issued_at is not null and expires_at is not null)),
    constraint certificates_revoked_check
        check ((cert_status = 'REVOKED') = (revoked_at is not null))
);

-- Every tier a certificate has had: the issuance row (from_tier null, to_tier T0) and each
-- trust.elevated applied, with the event that caused it.
create table cert_tier_history (
    id         uuid        primary key,
    cert_id    uuid        not null references certificates (cert_id),
    from_tier  varchar(2),
    to_tier    varchar(2)  not null,
    event_id   uuid        not null,
    changed_at timestamptz not null,
    constraint cert_tier_history_from_check check (from_tier in ('T0', 'T1', 'T2', 'T3')),
    constraint cert_tier_history_to_check check (to_tier in ('T0', 'T1', 'T2', 'T3'))
);

create index cert_tier_history_cert on cert_tier_history (cert_id, changed_at);
