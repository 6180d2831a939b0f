-- Waiting list for seats that come back (issue 15 item 3): a customer waits for any of chosen
-- seats, or for any seat of a tier, of one date. When such a seat is freed (a hold released or
-- run out, a ticket refunded) the first person waiting gets it held for a short time: an offer,
-- which is an ordinary HELD reservation of theirs (paid, cancelled or expired like any hold).

CREATE TABLE seat_waits (
    id             bigserial PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    schedule_id    bigint NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
    seats          integer[] NOT NULL DEFAULT '{}',
    tier           text,
    -- WAITING → OFFERED (the offer's outcome is its reservation's status) | LEFT | CLEARED.
    status         text NOT NULL DEFAULT 'WAITING'
                   CHECK (status IN ('WAITING', 'OFFERED', 'LEFT', 'CLEARED')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    ended_at       timestamptz,
    reservation_id uuid REFERENCES reservations(id),
    offered_seat   integer,
    CHECK ((cardinality(seats) > 0) <> (tier IS NOT NULL)),
    CHECK ((status = 'OFFERED') = (reservation_id IS NOT NULL))
);
-- Who waits for a date, in order: the offer's one look-up, and the hold rule's.
CREATE INDEX seat_waits_waiting ON seat_waits(schedule_id, id) WHERE status = 'WAITING';
CREATE INDEX seat_waits_user ON seat_waits(user_id, id DESC);

-- True when someone waits for this seat. A hold that has run out is free for general sale only
-- when nobody waits for its seat; otherwise the sweeper offers it to the first person waiting
-- (SeatWaitService), so a returned seat never goes to whoever polls fastest.
CREATE FUNCTION seat_awaited(p_schedule bigint, p_number integer, p_tier text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM seat_waits w
                   WHERE w.schedule_id = p_schedule AND w.status = 'WAITING'
                     AND (p_number = ANY (w.seats) OR w.tier = p_tier))
$$;

-- The hold's one guarding statement (encore_hold, migration 011) with the waiting list's rule:
-- a run-out hold whose seat someone waits for is not free for general sale (the sweeper offers
-- it). Only that condition differs from 011; change both together.
CREATE OR REPLACE FUNCTION encore_hold(p_user uuid, p_schedule bigint, p_seats int[], p_hold_seconds int,
                            p_max_seats int, p_turn_concert bigint, p_extend_turn boolean,
                            p_turn_grace_seconds int, p_key text, p_request_hash bytea)
RETURNS SETOF encore_hold_result LANGUAGE plpgsql AS $$
DECLARE
    v_stored jsonb;
    v_concert bigint;
    v_on_sale boolean;
    v_balance bigint;
    v_open bigint;
    v_already int;
    v_id uuid;
    v_until timestamptz;
    v_held int[];
    v_total bigint;
    v_turn bigint;
    v_out encore_hold_result;
BEGIN
    v_stored := idempotency_claim(p_user, p_key, p_request_hash);
    IF v_stored IS NOT NULL THEN
        v_out := jsonb_populate_record(NULL::encore_hold_result, v_stored);
        v_out.replayed := true;
        RETURN NEXT v_out;
        RETURN;
    END IF;
    SELECT sc.concert_id,
           now() >= sc.sales_open_at AND now() < sc.sales_close_at AND sc.cancelled_at IS NULL
      INTO v_concert, v_on_sale FROM schedules sc WHERE sc.id = p_schedule;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EN404', MESSAGE = 'no such date';
    END IF;
    IF p_turn_concert IS DISTINCT FROM v_concert THEN
        RAISE EXCEPTION USING ERRCODE = 'ENQUE', MESSAGE = v_concert::text;
    END IF;
    IF NOT v_on_sale THEN
        RAISE EXCEPTION USING ERRCODE = 'EN409', MESSAGE = 'not on sale';
    END IF;
    -- The wallet row lock serialises this customer's holds and payments, so two holds at once
    -- cannot both pass the balance check.
    SELECT balance INTO v_balance FROM wallets WHERE user_id = p_user FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'ENWAL', MESSAGE = 'no wallet';
    END IF;
    SELECT coalesce(sum(r.total), 0),
           (SELECT count(*) FROM reservation_seats rs JOIN reservations o ON o.id = rs.reservation_id
            WHERE o.user_id = p_user AND o.schedule_id = p_schedule
              AND (o.status = 'PAID' OR (o.status = 'HELD' AND o.held_until > now())))
      INTO v_open, v_already
      FROM reservations r WHERE r.user_id = p_user AND r.status = 'HELD' AND r.held_until > now();
    IF v_already + cardinality(p_seats) > p_max_seats THEN
        RAISE EXCEPTION USING ERRCODE = 'ENMAX', MESSAGE = v_already::text;
    END IF;
    INSERT INTO reservations(user_id, schedule_id, held_until)
        VALUES (p_user, p_schedule, now() + make_interval(secs => p_hold_seconds))
        RETURNING id, held_until INTO v_id, v_until;
    -- The one statement that guards a seat. The reservation's foreign key holds the date's row
    -- (KEY SHARE) until commit, which a staff cancellation's FOR UPDATE waits for; a hold that
    -- waited for the cancellation sees it here.
    PERFORM set_config('encore.caller_announces', 'on', true);
    WITH taken AS (
        UPDATE seats SET status = 'HELD', reservation_id = v_id, held_until = v_until,
               version = nextval('seat_version_seq')
        WHERE schedule_id = p_schedule AND number = ANY(p_seats)
          AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now()
               AND NOT seat_awaited(schedule_id, number, tier)))
          AND NOT EXISTS (SELECT 1 FROM schedules c WHERE c.id = p_schedule AND c.cancelled_at IS NOT NULL)
        RETURNING number, price)
    SELECT array_agg(number ORDER BY number), coalesce(sum(price), 0) INTO v_held, v_total FROM taken;
    PERFORM set_config('encore.caller_announces', '', true);
    IF v_held IS NULL
       AND EXISTS (SELECT 1 FROM schedules WHERE id = p_schedule AND cancelled_at IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'EN409', MESSAGE = 'date cancelled';
    END IF;
    IF coalesce(cardinality(v_held), 0) <> cardinality(p_seats) THEN
        RAISE EXCEPTION USING ERRCODE = 'ENSEA', MESSAGE = (
            SELECT string_agg(n::text, ',' ORDER BY n) FROM unnest(p_seats) n
            WHERE n <> ALL(coalesce(v_held, '{}')));
    END IF;
    IF v_balance < v_open + v_total THEN
        RAISE EXCEPTION USING ERRCODE = 'ENBAL',
            MESSAGE = concat_ws(',', v_balance, v_open, v_total);
    END IF;
    UPDATE reservations SET total = v_total WHERE id = v_id;
    INSERT INTO reservation_seats(reservation_id, schedule_id, number)
        SELECT v_id, p_schedule, unnest(p_seats);
    IF p_extend_turn THEN
        PERFORM set_config('encore.caller_announces', 'on', true);
        UPDATE queue_entries SET active_until = v_until + make_interval(secs => p_turn_grace_seconds)
        WHERE user_id = p_user AND concert_id = v_concert AND status = 'ACTIVE'
          AND active_until > now() AND active_until < v_until + make_interval(secs => p_turn_grace_seconds);
        IF FOUND THEN
            v_turn := v_concert;
        END IF;
        PERFORM set_config('encore.caller_announces', '', true);
    END IF;
    SELECT r.*, NULL::text[], NULL::bigint, false INTO v_out FROM reservation_row(v_id) r;
    PERFORM idempotency_store(p_user, p_key, 201, to_jsonb(v_out));
    v_out.notices := seat_notices(p_schedule, p_seats);
    v_out.turn_concert := v_turn;
    RETURN NEXT v_out;
END $$;
