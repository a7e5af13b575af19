-- Other services (cert-service revokes others' certificates for operators) keep their own copy of
-- who operates, from operator.changed events. grant_operator and revoke_operator write the event
-- into the outbox in the same transaction as the change, in the wire form of the platform's
-- OperatorChanged record (platform-contracts; identity's OperatorEventsTest checks it decodes).
create function operator_changed_event(p_id uuid, p_operator boolean) returns void
language plpgsql as $$
declare
    v_at text := to_char(clock_timestamp() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    v_event uuid := gen_random_uuid();
begin
    insert into event_outbox (id, type, payload, created_at)
    values (
        v_event,
        'operator.changed',
        json_build_object(
            'id', v_event,
            'type', 'operator.changed',
            'occurred_at', v_at,
            'subject', p_id,
            'data', json_build_object('duckling_id', p_id, 'operator', p_operator, 'changed_at', v_at),
            'version', 1)::text,
        clock_timestamp());
end;
$$;

create or replace function grant_operator(p_email text, p_actor text, p_reason text) returns uuid
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
    perform operator_changed_event(v_id, true);
    return v_id;
end;
$$;

create or replace function revoke_operator(p_email text, p_actor text, p_reason text) returns boolean
language plpgsql as $$
declare
    v_id      uuid;
    v_removed integer;
begin
    if coalesce(trim(p_actor), '') = '' or coalesce(trim(p_reason), '') = '' then
        raise exception 'revoke_operator needs who revokes it (actor) and why (reason)';
    end if;
    select id into v_id from ducklings where email = lower(trim(p_email)) for update;
    if v_id is null then
        raise exception 'no duckling with email %', p_email;
    end if;
    delete from operators where duckling_id = v_id;
    get diagnostics v_removed = row_count;
    insert into operator_audit (duckling_id, action, actor, reason) values (v_id, 'revoke', p_actor, p_reason);
    perform operator_changed_event(v_id, false);
    return v_removed > 0;
end;
$$;

-- Operators granted before this migration are announced once.
select operator_changed_event(duckling_id, true) from operators;
