-- What a hold or a payment costs PostgreSQL does not grow with the crowd, and no function it
-- calls is parsed again on every call (issue 13; docs/PERFORMANCE.md "What a decision costs").
--
-- 1. encore_hold sums the customer's open holds (`user_id = ? AND status = 'HELD' AND
--    held_until > now()`). With only reservations_user and the partial reservations_open_holds
--    the planner ANDed two bitmaps, and the second one covers every open hold of every customer:
--    in a flash sale each hold read all the others' (16,000 open holds: a sixth of the CPU of a
--    hold). This index answers it from the customer's own few rows.
CREATE INDEX reservations_user_open ON reservations(user_id) WHERE status = 'HELD';

-- 2. A LANGUAGE sql function that the planner cannot inline (a statement with FROM, or one
--    returning void) is parsed and planned again on every call; PL/pgSQL keeps the plan of each
--    statement for the session. Same bodies, same results.
CREATE OR REPLACE FUNCTION idempotency_store(p_user uuid, p_key text, p_status int, p_result jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_key IS NULL THEN
        RETURN;
    END IF;
    UPDATE idempotency_keys SET status = p_status, result = p_result
    WHERE user_id = p_user AND key = p_key;
END $$;

CREATE OR REPLACE FUNCTION seat_awaited(p_schedule bigint, p_number integer, p_tier text)
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM seat_waits w
                   WHERE w.schedule_id = p_schedule AND w.status = 'WAITING'
                     AND (p_number = ANY (w.seats) OR w.tier = p_tier));
END $$;

CREATE OR REPLACE FUNCTION seat_notices(p_schedule bigint, p_numbers int[]) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (
        SELECT coalesce(array_agg(payload ORDER BY chunk), '{}') FROM (
            SELECT chunk, json_build_object('scheduleId', p_schedule, 'version', max(version),
                       'seats', json_agg(seat_notice(p_schedule, number, status, price, tier,
                                                     version, held_until, holder)
                                         ORDER BY number))::text AS payload
            FROM (SELECT s.number, s.status, s.price, s.tier, s.version, s.held_until,
                         r.user_id AS holder,
                         (row_number() OVER (ORDER BY s.number) - 1) / 20 AS chunk
                  FROM seats s LEFT JOIN reservations r ON r.id = s.reservation_id
                  WHERE s.schedule_id = p_schedule AND s.number = ANY(p_numbers)) c
            GROUP BY chunk) x);
END $$;

-- 3. PL/pgSQL keeps each statement's plan for the session, and a plan made while a table was one
--    page long (a fresh sale: reservation_seats had 50 rows when the first holds ran) scans it
--    whole for the rest of the session — reservation_row()'s seat list scanned every
--    reservation_seats row on each hold, so holds got slower with every hold sold (850 → 670/s
--    between the first and second 8,000 of one run) until autovacuum's next ANALYZE. Every
--    statement of a decision is a lookup by key, so its plans use the indexes whatever the
--    tables' size was when they were made.
ALTER FUNCTION encore_hold(uuid, bigint, int[], int, int, bigint, boolean, int, text, bytea)
    SET enable_seqscan = off;
ALTER FUNCTION encore_pay(uuid, uuid, bigint, boolean, text, bytea) SET enable_seqscan = off;
ALTER FUNCTION encore_top_up_attach(uuid, uuid, text) SET enable_seqscan = off;
ALTER FUNCTION encore_settle_top_up(uuid, text, bigint, text, text) SET enable_seqscan = off;
