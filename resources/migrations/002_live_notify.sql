-- Live feed: every committed seat change and queue change is announced with NOTIFY, and every
-- encore-server instance LISTENs, so subscribers on any worker of any instance hear of it.
-- Statement-level triggers send one message per date per statement, not one per seat.

CREATE FUNCTION notify_seat_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT n.schedule_id, max(n.version) AS version,
               json_agg(json_build_object(
                   'number', n.number, 'status', n.status, 'price', n.price, 'tier', n.tier,
                   'version', n.version, 'heldUntil', n.held_until,
                   'holder', res.user_id) ORDER BY n.number) AS seats
        FROM new_rows n
        JOIN old_rows o ON o.schedule_id = n.schedule_id AND o.number = n.number
        LEFT JOIN reservations res ON res.id = n.reservation_id
        WHERE n.version IS DISTINCT FROM o.version
        GROUP BY n.schedule_id
    LOOP
        PERFORM pg_notify('encore_seats',
            json_build_object('scheduleId', r.schedule_id, 'version', r.version, 'seats', r.seats)::text);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER seats_notify AFTER UPDATE ON seats
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_seat_changes();

CREATE FUNCTION notify_queue_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c bigint;
BEGIN
    FOR c IN SELECT DISTINCT concert_id FROM new_rows LOOP
        PERFORM pg_notify('encore_queue', c::text);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER queue_entries_notify AFTER UPDATE ON queue_entries
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_queue_changes();

-- The admission tick rewrites the token bucket every 200 ms: only a change of the settings
-- themselves (by staff) is news.
CREATE FUNCTION notify_queue_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('encore_queue', NEW.concert_id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER queue_settings_notify AFTER UPDATE ON queue_settings FOR EACH ROW
    WHEN ((OLD.max_active, OLD.admit_per_minute, OLD.active_ttl_seconds, OLD.paused)
          IS DISTINCT FROM (NEW.max_active, NEW.admit_per_minute, NEW.active_ttl_seconds, NEW.paused))
    EXECUTE FUNCTION notify_queue_settings();
