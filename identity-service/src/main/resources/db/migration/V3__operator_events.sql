-- Other services (cert-service revokes others' certificates for operators) keep their own copy of
-- who operates, from operator.changed events. A row trigger on operators writes the event into
-- the outbox in the same transaction as the grant or revocation (grant_operator and
-- revoke_operator, V2), in the wire form of the platform's OperatorChanged record
-- (platform-contracts; identity's OperatorEventsTest checks it decodes). A grant of an operator
-- or a revocation of a non-operator changes no row and so announces nothing.
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

create function operators_changed() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform operator_changed_event(new.duckling_id, true);
    else
        perform operator_changed_event(old.duckling_id, false);
    end if;
    return null;
end;
$$;

create trigger operators_changed after insert or delete on operators
    for each row execute function operators_changed();

-- Operators granted before this migration are announced once.
select operator_changed_event(duckling_id, true) from operators;
