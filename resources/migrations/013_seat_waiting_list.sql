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

-- True when someone waits for this seat (migration 011's encore_hold asks; 011 defines it as
-- false until now). A hold that has run out is free for general sale only when nobody waits for
-- its seat; otherwise the sweeper offers it to the first person waiting
-- (SeatWaitService), so a returned seat never goes to whoever polls fastest.
CREATE OR REPLACE FUNCTION seat_awaited(p_schedule bigint, p_number integer, p_tier text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM seat_waits w
                   WHERE w.schedule_id = p_schedule AND w.status = 'WAITING'
                     AND (p_number = ANY (w.seats) OR w.tier = p_tier))
$$;
