-- Failed sign-ins are now counted per account and per (account, client address) in
-- abuse_counters: an account-wide lock let any stranger lock any owner out.
alter table ducklings drop column failed_signins, drop column locked_until;

-- Daily counters for everything that is capped or slowed down: codes sent per duckling, channel
-- and phone number, wrong code guesses per duckling and channel, failed sign-ins per account and
-- per (account, address). One row per (scope, subject, UTC day); rows of past days are purged.
-- pending: sign-in attempts from an address still being checked.
create table abuse_counters (
    scope   varchar(20)  not null,
    subject varchar(300) not null,
    day     date         not null,
    hits    integer      not null,
    pending integer      not null default 0,
    last_at timestamptz,
    primary key (scope, subject, day)
);

create index abuse_counters_by_day on abuse_counters (day);

-- Operators are granted by an SRE with grant_operator(...) and removed with revoke_operator(...)
-- (identity-service/README.md, "Operators"); registering an email grants nothing. The role is
-- read from this table on every operator request, so a revocation takes effect at once.
create table operators (
    duckling_id uuid         primary key references ducklings (id),
    granted_by  varchar(200) not null,
    granted_at  timestamptz  not null
);

-- Every grant and revocation, kept for good.
create table operator_audit (
    id          bigserial    primary key,
    duckling_id uuid         not null references ducklings (id),
    action      varchar(6)   not null check (action in ('grant', 'revoke')),
    actor       varchar(200) not null,
    reason      varchar(500) not null,
    at          timestamptz  not null default now()
);

create index operator_audit_by_duckling on operator_audit (duckling_id, at);

-- Grants the operator role to the duckling with this email, which must be verified (so an
-- impostor who registered the address first and never proved it gets nothing). Returns the
-- duckling id; idempotent.
create function grant_operator(p_email text, p_actor text, p_reason text) returns uuid
language plpgsql as $$
declare
    v_id       uuid;
    v_verified timestamptz;
begin
    if coalesce(trim(p_actor), '') = '' or coalesce(trim(p_reason), '') = '' then
        raise exception 'grant_operator needs who grants it (actor) and why (reason)';
    end if;
    select id, email_verified_at into v_id, v_verified
        from ducklings where email = lower(trim(p_email)) for update;
    if v_id is null then
        raise exception 'no duckling with email %', p_email;
    end if;
    if v_verified is null then
        raise exception 'the email % is not verified; the duckling must verify it first', p_email;
    end if;
    insert into operators (duckling_id, granted_by, granted_at) values (v_id, p_actor, now())
        on conflict (duckling_id) do nothing;
    insert into operator_audit (duckling_id, action, actor, reason) values (v_id, 'grant', p_actor, p_reason);
    return v_id;
end;
$$;

-- Removes the operator role; effective for the next request. Returns whether it was held.
create function revoke_operator(p_email text, p_actor text, p_reason text) returns boolean
language plpgsql as $$
declare
    v_id      uuid;
    v_removed integer;
begin
    if coalesce(trim(p_actor), '') = '' or coalesce(trim(p_reason), '') = '' then
        raise exception 'revoke_operator needs who revokes it (actor) and why (reason)';
    end if;
    select id into v_id from ducklings where email = lower(trim(p_email));
    if v_id is null then
        raise exception 'no duckling with email %', p_email;
    end if;
    delete from operators where duckling_id = v_id;
    get diagnostics v_removed = row_count;
    insert into operator_audit (duckling_id, action, actor, reason) values (v_id, 'revoke', p_actor, p_reason);
    return v_removed > 0;
end;
$$;
