-- Who operates, as identity-service last announced it (operator.changed events). An sd_token's
-- operator group counts only while this table agrees, so a revoked operator loses the right to
-- act on others' certificates as soon as the event arrives, not when the token expires.
create table operators (
    duckling_id uuid        primary key,
    operator    boolean     not null,
    changed_at  timestamptz not null
);
