-- NOTIFY payloads are limited to 8000 bytes; 50 held seats with their holders and hold times
-- take about 9.5 kB. Announce a statement's changes per date in chunks of at most 20 seats.

CREATE OR REPLACE FUNCTION notify_seat_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
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
