-- Live seat pushes say whether a held seat is awaited (issue 15 leftover), as the REST seat map
-- does: the encore_seats payloads of the trigger and of seat_notices() gain "awaited" (held, and
-- someone waits for it: when the hold ends the seat goes to them, not back on sale). One
-- function builds a seat's payload object for both, so the two stay the same shape.
-- And one function says whether a seat is on sale, for every count and check that asks.

-- Free, or held by a hold that has run out and that nobody waits for (the sweeper frees such a
-- hold within a second; until then every reader treats it alike). Inlined by the planner.
CREATE FUNCTION seat_on_sale(s seats) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT s.status = 'AVAILABLE'
        OR (s.status = 'HELD' AND s.held_until <= now()
            AND NOT seat_awaited(s.schedule_id, s.number, s.tier))
$$;

CREATE FUNCTION seat_notice(p_schedule bigint, p_number integer, p_status text, p_price bigint,
                            p_tier text, p_version bigint, p_held_until timestamptz,
                            p_holder uuid)
RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'number', p_number, 'status', p_status, 'price', p_price, 'tier', p_tier,
        'version', p_version, 'heldUntil', p_held_until, 'holder', p_holder,
        'awaited', p_status = 'HELD' AND seat_awaited(p_schedule, p_number, p_tier))
$$;

CREATE OR REPLACE FUNCTION notify_seat_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    IF current_setting('encore.caller_announces', true) = 'on' THEN
        RETURN NULL;
    END IF;
    FOR r IN
        WITH changed AS (
            SELECT n.*, res.user_id AS holder,
                   (row_number() OVER (PARTITION BY n.schedule_id ORDER BY n.number) - 1) / 20 AS chunk
            FROM new_rows n
            JOIN old_rows o ON o.schedule_id = n.schedule_id AND o.number = n.number
            LEFT JOIN reservations res ON res.id = n.reservation_id
            WHERE n.version IS DISTINCT FROM o.version)
        SELECT schedule_id, max(version) AS version,
               json_agg(seat_notice(schedule_id, number, status, price, tier, version, held_until,
                                    holder) ORDER BY number) AS seats
        FROM changed
        GROUP BY schedule_id, chunk
        ORDER BY schedule_id, chunk
    LOOP
        PERFORM pg_notify('encore_seats',
            json_build_object('scheduleId', r.schedule_id, 'version', r.version, 'seats', r.seats)::text);
    END LOOP;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION seat_notices(p_schedule bigint, p_numbers int[]) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(payload ORDER BY chunk), '{}') FROM (
        SELECT chunk, json_build_object('scheduleId', p_schedule, 'version', max(version), 'seats',
                   json_agg(seat_notice(p_schedule, number, status, price, tier, version,
                                        held_until, holder) ORDER BY number))::text AS payload
        FROM (SELECT s.number, s.status, s.price, s.tier, s.version, s.held_until,
                     r.user_id AS holder, (row_number() OVER (ORDER BY s.number) - 1) / 20 AS chunk
              FROM seats s LEFT JOIN reservations r ON r.id = s.reservation_id
              WHERE s.schedule_id = p_schedule AND s.number = ANY(p_numbers)) c
        GROUP BY chunk) x
$$;
