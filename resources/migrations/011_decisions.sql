-- One round trip per decision (issue 13): a hold and a payment are each one function call that
-- runs in one transaction — idempotency key, checks, locks, writes and the stored result — and
-- raises a business error with a SQLSTATE of class 'EN' (the caller maps it to the API error).
-- The seat and queue NOTIFYs of these calls leave the transaction: a NOTIFY takes a database-wide
-- lock at commit and keeps it through the WAL flush, so notifying commits cannot share a flush
-- (docs/PERFORMANCE.md). The functions return the notices instead, and the server sends them after
-- the commit, batched, from one connection per instance (NoticePublisher); every instance's
-- LISTEN connection receives them as before.
--
-- Errors raised (MESSAGE carries the details, comma-separated):
--   EN404 no such date            EN409 date not on sale / cancelled   ENWAL no wallet
--   ENSEA seats taken (numbers)   ENMAX too many seats (already held)  ENBAL balance (see below)
--   ENRES no such reservation     ENPAI already paid                   ENEXP hold expired
--   ENCAN reservation ended       ENQUE caller's turn is not for this concert (concert id)
--   ENIDM idempotency key reused with another request                  ENIPR key in progress

ALTER TABLE idempotency_keys ADD COLUMN result jsonb; -- the decision's result row (replayed as is)

-- The triggers stay for every other writer (staff, sweeper, cancellations); a caller that
-- announces its own changes sets encore.caller_announces for its statement.
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
               json_agg(json_build_object(
                   'number', number, 'status', status, 'price', price, 'tier', tier,
                   'version', version, 'heldUntil', held_until, 'holder', holder) ORDER BY number) AS seats
        FROM changed
        GROUP BY schedule_id, chunk
        ORDER BY schedule_id, chunk
    LOOP
        PERFORM pg_notify('encore_seats',
            json_build_object('scheduleId', r.schedule_id, 'version', r.version, 'seats', r.seats)::text);
    END LOOP;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION notify_queue_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c bigint;
BEGIN
    IF current_setting('encore.caller_announces', true) = 'on' THEN
        RETURN NULL;
    END IF;
    FOR c IN SELECT DISTINCT concert_id FROM new_rows LOOP
        PERFORM pg_notify('encore_queue', c::text);
    END LOOP;
    RETURN NULL;
END $$;

-- The encore_seats payloads for these seats of a date as they are now (same shape as the
-- trigger's: chunks of at most 20 seats).
CREATE FUNCTION seat_notices(p_schedule bigint, p_numbers int[]) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(payload ORDER BY chunk), '{}') FROM (
        SELECT chunk, json_build_object('scheduleId', p_schedule, 'version', max(version), 'seats',
                   json_agg(json_build_object(
                       'number', number, 'status', status, 'price', price, 'tier', tier,
                       'version', version, 'heldUntil', held_until, 'holder', holder)
                       ORDER BY number))::text AS payload
        FROM (SELECT s.number, s.status, s.price, s.tier, s.version, s.held_until,
                     r.user_id AS holder, (row_number() OVER (ORDER BY s.number) - 1) / 20 AS chunk
              FROM seats s LEFT JOIN reservations r ON r.id = s.reservation_id
              WHERE s.schedule_id = p_schedule AND s.number = ANY(p_numbers)) c
        GROUP BY chunk) x
$$;

-- A reservation as the API shows it (ReservationService's row): a hold that ran out is EXPIRED
-- whether or not the sweeper has been by.
CREATE TYPE encore_reservation AS (
    id uuid, schedule_id bigint, concert_id bigint, status text, total bigint,
    held_until timestamptz, created_at timestamptz, paid_at timestamptz, title text,
    starts_at timestamptz, seats text);

CREATE FUNCTION reservation_row(p_id uuid) RETURNS SETOF encore_reservation
LANGUAGE sql STABLE AS $$
    SELECT r.id, r.schedule_id, sc.concert_id,
           CASE WHEN r.status = 'HELD' AND r.held_until <= now() THEN 'EXPIRED' ELSE r.status END,
           r.total, r.held_until, r.created_at, r.paid_at, c.title, sc.starts_at,
           (SELECT string_agg(rs.number::text, ',' ORDER BY rs.number) FROM reservation_seats rs
            WHERE rs.reservation_id = r.id)
    FROM reservations r JOIN schedules sc ON sc.id = r.schedule_id
    JOIN concerts c ON c.id = sc.concert_id
    WHERE r.id = p_id
$$;

-- Claims an idempotency key for this request: NULL when the caller is to do the work, else the
-- stored result of the request that did it (a concurrent twin waits for its commit here).
CREATE FUNCTION idempotency_claim(p_user uuid, p_key text, p_hash bytea) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    k record;
BEGIN
    IF p_key IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO idempotency_keys(user_id, key, request_hash) VALUES (p_user, p_key, p_hash)
        ON CONFLICT (user_id, key) DO NOTHING;
    IF FOUND THEN
        RETURN NULL;
    END IF;
    SELECT request_hash, result INTO k FROM idempotency_keys WHERE user_id = p_user AND key = p_key;
    IF k.request_hash <> p_hash THEN
        RAISE EXCEPTION USING ERRCODE = 'ENIDM', MESSAGE = 'idempotency key reused';
    END IF;
    IF k.result IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'ENIPR', MESSAGE = 'idempotency key in progress';
    END IF;
    RETURN k.result;
END $$;

CREATE FUNCTION idempotency_store(p_user uuid, p_key text, p_status int, p_result jsonb)
RETURNS void LANGUAGE sql AS $$
    UPDATE idempotency_keys SET status = p_status, result = p_result
    WHERE p_key IS NOT NULL AND user_id = p_user AND key = p_key
$$;

-- encore_hold: a reservation row plus what the caller announces after the commit: `notices`
-- (encore_seats payloads), `turn_concert` (the concert whose queue entry changed: the turn was
-- extended to cover the hold), and `replayed` (true: the stored result of an earlier request
-- with this idempotency key, nothing done now).
CREATE TYPE encore_hold_result AS (
    id uuid, schedule_id bigint, concert_id bigint, status text, total bigint,
    held_until timestamptz, created_at timestamptz, paid_at timestamptz, title text,
    starts_at timestamptz, seats text,
    notices text[], turn_concert bigint, replayed boolean);

-- Whether someone waits for this seat: a hold that has run out is free for general sale only
-- when nobody does. Nobody can wait yet; migration 013 (the waiting list) gives it its body.
CREATE FUNCTION seat_awaited(p_schedule bigint, p_number integer, p_tier text)
RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT false $$;

-- Holds p_seats of date p_schedule for p_user (DESIGN.md §3), all or nothing. p_turn_concert:
-- the concert of the caller's ACTIVE turn (NULL: none); it must be the date's. p_extend_turn:
-- the queue entries live in PostgreSQL, so the user's ACTIVE turn is extended here to last
-- p_turn_grace_seconds beyond the hold (with Redis the server does it after the commit).
CREATE FUNCTION encore_hold(p_user uuid, p_schedule bigint, p_seats int[], p_hold_seconds int,
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

-- encore_pay: the paid reservation, the payment and the wallet balance after it, plus the same
-- announcement columns as encore_hold (turn_concert: the queue entry was completed here).
CREATE TYPE encore_pay_result AS (
    id uuid, schedule_id bigint, concert_id bigint, status text, total bigint,
    held_until timestamptz, created_at timestamptz, paid_at timestamptz, title text,
    starts_at timestamptz, seats text,
    payment_id uuid, payment_created_at timestamptz, balance bigint,
    notices text[], turn_concert bigint, replayed boolean);

-- Pays p_reservation of p_user from the wallet, all or nothing. p_turn_concert: the concert of
-- the caller's ACTIVE turn (NULL: none); it must be the reservation's. p_complete_turn: the
-- queue entries live in PostgreSQL, so the turn ends here, in the payment's transaction.
CREATE FUNCTION encore_pay(p_user uuid, p_reservation uuid, p_turn_concert bigint,
                           p_complete_turn boolean, p_key text, p_request_hash bytea)
RETURNS SETOF encore_pay_result LANGUAGE plpgsql AS $$
DECLARE
    v_stored jsonb;
    r record;
    v_sold int[];
    v_balance bigint;
    v_payment uuid;
    v_paid_at timestamptz;
    v_turn bigint;
    v_out encore_pay_result;
BEGIN
    v_stored := idempotency_claim(p_user, p_key, p_request_hash);
    IF v_stored IS NOT NULL THEN
        v_out := jsonb_populate_record(NULL::encore_pay_result, v_stored);
        v_out.replayed := true;
        RETURN NEXT v_out;
        RETURN;
    END IF;
    SELECT res.id, res.status, res.held_until, res.total, res.schedule_id, sc.concert_id,
           (SELECT count(*) FROM reservation_seats rs WHERE rs.reservation_id = res.id) AS seat_count
      INTO r
      FROM reservations res JOIN schedules sc ON sc.id = res.schedule_id
      WHERE res.id = p_reservation AND res.user_id = p_user FOR UPDATE OF res;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'ENRES', MESSAGE = 'no such reservation';
    END IF;
    IF r.status = 'PAID' THEN
        RAISE EXCEPTION USING ERRCODE = 'ENPAI', MESSAGE = 'already paid';
    END IF;
    IF r.status = 'EXPIRED' OR (r.status = 'HELD' AND r.held_until <= now()) THEN
        RAISE EXCEPTION USING ERRCODE = 'ENEXP', MESSAGE = 'hold expired';
    END IF;
    IF r.status <> 'HELD' THEN
        RAISE EXCEPTION USING ERRCODE = 'ENCAN', MESSAGE = 'reservation ended';
    END IF;
    IF p_turn_concert IS DISTINCT FROM r.concert_id THEN
        RAISE EXCEPTION USING ERRCODE = 'ENQUE', MESSAGE = r.concert_id::text;
    END IF;
    -- Re-check the hold in the same transaction as the debit: a hold that expires during
    -- payment is either sold here or released by the sweeper, never both.
    PERFORM set_config('encore.caller_announces', 'on', true);
    WITH sold AS (
        UPDATE seats SET status = 'SOLD', held_until = NULL, version = nextval('seat_version_seq')
        WHERE reservation_id = p_reservation AND status = 'HELD' AND held_until > now()
        RETURNING number)
    SELECT array_agg(number) INTO v_sold FROM sold;
    PERFORM set_config('encore.caller_announces', '', true);
    IF coalesce(cardinality(v_sold), 0) <> r.seat_count THEN
        RAISE EXCEPTION USING ERRCODE = 'ENEXP', MESSAGE = 'hold expired';
    END IF;
    UPDATE wallets SET balance = balance - r.total, updated_at = now()
        WHERE user_id = p_user AND balance >= r.total RETURNING balance INTO v_balance;
    IF NOT FOUND THEN
        SELECT balance INTO v_balance FROM wallets WHERE user_id = p_user;
        RAISE EXCEPTION USING ERRCODE = 'ENBAL', MESSAGE = concat_ws(',', coalesce(v_balance, 0), r.total);
    END IF;
    IF r.total <> 0 THEN
        INSERT INTO wallet_ledger(user_id, amount, balance_after, kind, reference)
            VALUES (p_user, -r.total, v_balance, 'PAYMENT', p_reservation::text);
    END IF;
    INSERT INTO payments(reservation_id, user_id, amount) VALUES (p_reservation, p_user, r.total)
        RETURNING id, created_at INTO v_payment, v_paid_at;
    UPDATE reservations SET status = 'PAID', paid_at = now() WHERE id = p_reservation;
    IF p_complete_turn THEN
        PERFORM set_config('encore.caller_announces', 'on', true);
        -- Only the ACTIVE turn that paid: a WAITING entry's departure is the store's to count.
        UPDATE queue_entries SET status = 'COMPLETED', ended_at = now()
        WHERE user_id = p_user AND concert_id = r.concert_id AND status = 'ACTIVE';
        IF FOUND THEN
            v_turn := r.concert_id;
        END IF;
        PERFORM set_config('encore.caller_announces', '', true);
    END IF;
    SELECT rr.*, v_payment, v_paid_at, v_balance, NULL::text[], NULL::bigint, false
      INTO v_out FROM reservation_row(p_reservation) rr;
    PERFORM idempotency_store(p_user, p_key, 201, to_jsonb(v_out));
    v_out.notices := seat_notices(r.schedule_id, v_sold);
    v_out.turn_concert := v_turn;
    RETURN NEXT v_out;
END $$;

-- Card top-ups (DESIGN.md §8) in two round trips: the payment key attached to the order (before
-- the gateway call), then the settlement (after it). Both return the order as the API shows it.
CREATE TYPE encore_top_up_order AS (
    id uuid, user_id uuid, amount bigint, status text, payment_key text, card_brand text,
    card_last4 text, failure_code text, failure_message text, created_at timestamptz,
    settled_at timestamptz, username text);

CREATE FUNCTION top_up_order_row(p_order uuid) RETURNS SETOF encore_top_up_order
LANGUAGE sql STABLE AS $$
    SELECT o.id, o.user_id, o.amount, o.status, coalesce(o.payment_key, ''), o.card_brand,
           o.card_last4, o.failure_code, o.failure_message, o.created_at, o.settled_at, u.username
    FROM top_up_orders o JOIN users u ON u.id = o.user_id WHERE o.id = p_order
$$;

-- Attaches p_key to p_user's PENDING order p_order (or finds it attached already) and returns
-- the order; a settled order is returned as it is. Errors: ENTOP no such order of this user,
-- ENKEY the key belongs to another order, ENBSY another key is attached.
CREATE FUNCTION encore_top_up_attach(p_user uuid, p_order uuid, p_key text)
RETURNS SETOF encore_top_up_order LANGUAGE plpgsql AS $$
DECLARE
    v_status text;
BEGIN
    SELECT status INTO v_status FROM top_up_orders WHERE id = p_order AND user_id = p_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'ENTOP', MESSAGE = 'no such top-up order';
    END IF;
    IF v_status = 'PENDING' THEN
        BEGIN
            UPDATE top_up_orders SET payment_key = p_key
            WHERE id = p_order AND status = 'PENDING' AND (payment_key IS NULL OR payment_key = p_key);
        EXCEPTION WHEN unique_violation THEN
            RAISE EXCEPTION USING ERRCODE = 'ENKEY', MESSAGE = 'key of another order';
        END;
        IF NOT FOUND AND EXISTS (SELECT 1 FROM top_up_orders WHERE id = p_order AND status = 'PENDING') THEN
            RAISE EXCEPTION USING ERRCODE = 'ENBSY', MESSAGE = 'another key attached';
        END IF;
    END IF;
    RETURN QUERY SELECT * FROM top_up_order_row(p_order);
END $$;

-- encore_settle_top_up: outcome 'PAID' (credited now), 'SETTLED' (paid or refunded before: its
-- credit again), 'FAILED' (the order failed: older news, nothing credited) or 'MISMATCH' (not a
-- payment of this order); the order, the wallet and the order's TOPUP ledger entry.
CREATE TYPE encore_top_up_settlement AS (
    outcome text,
    id uuid, user_id uuid, amount bigint, status text, payment_key text, card_brand text,
    card_last4 text, failure_code text, failure_message text, created_at timestamptz,
    settled_at timestamptz, username text,
    balance bigint, wallet_updated_at timestamptz,
    entry_id bigint, entry_amount bigint, entry_balance_after bigint, entry_reference text,
    entry_created_at timestamptz);

-- Credits order p_order for the gateway's DONE payment p_key of p_amount, exactly once: the
-- order row is locked and re-checked, and the ledger allows one TOPUP entry per order.
CREATE FUNCTION encore_settle_top_up(p_order uuid, p_key text, p_amount bigint, p_brand text,
                                     p_last4 text)
RETURNS SETOF encore_top_up_settlement LANGUAGE plpgsql AS $$
DECLARE
    o record;
    v_outcome text;
    v_mismatch encore_top_up_settlement;
BEGIN
    SELECT * INTO o FROM top_up_orders WHERE id = p_order FOR UPDATE;
    IF NOT FOUND OR p_amount <> o.amount
       OR (coalesce(o.payment_key, '') <> '' AND o.payment_key <> p_key) THEN
        v_mismatch.outcome := 'MISMATCH';
        RETURN NEXT v_mismatch;
        RETURN;
    END IF;
    IF o.status = 'FAILED' THEN
        v_outcome := 'FAILED';
    ELSIF o.status IN ('PAID', 'CANCELLED') THEN
        v_outcome := 'SETTLED';
    ELSE
        v_outcome := 'PAID';
        UPDATE top_up_orders SET status = 'PAID', payment_key = p_key, card_brand = p_brand,
               card_last4 = p_last4, failure_code = '', failure_message = '', settled_at = now()
        WHERE id = p_order;
        WITH w AS (UPDATE wallets SET balance = balance + o.amount, updated_at = now()
                   WHERE user_id = o.user_id RETURNING balance)
        INSERT INTO wallet_ledger(user_id, amount, balance_after, kind, reference, top_up_order_id)
            SELECT o.user_id, o.amount, w.balance, 'TOPUP', p_order::text, p_order FROM w;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'ENWAL', MESSAGE = 'no wallet';
        END IF;
    END IF;
    RETURN QUERY
        SELECT v_outcome, r.*, w.balance, w.updated_at, l.id, l.amount, l.balance_after,
               l.reference, l.created_at
        FROM top_up_order_row(p_order) r
        JOIN wallets w ON w.user_id = r.user_id
        LEFT JOIN wallet_ledger l ON l.top_up_order_id = p_order AND l.kind = 'TOPUP';
END $$;
