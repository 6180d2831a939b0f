-- The fair queue (issue 15) and positions whose cost does not grow with the crowd (issue 13).
--
-- A place in line is `line_seq`, dense per concert (1, 2, 3, ... handed out by queue_lines under
-- its row lock, so a rolled-back join leaves no gap). NULL while the entry waits in the
-- pre-queue: at opening the pre-queue gets the next seqs in a CSPRNG-shuffled order, once
-- (queue_openings records it). Admission takes the smallest seqs, so every admitted entry's seq is
-- below every waiting one's, and the number ahead of seq s is
--     (s - 1) - front_gone - departed(seq < s)
-- where front_gone counts the entries admitted in order and departed() is a Fenwick tree
-- (queue_line_departures) of entries that left the line from the middle (left, removed, granted a
-- turn out of order): O(log n) rows per poll and per departure, whatever the queue's length.

ALTER TABLE queue_entries ADD COLUMN line_seq bigint;
ALTER TABLE queue_entries ADD COLUMN client_address text NOT NULL DEFAULT '';

CREATE TABLE queue_lines (
    concert_id bigint PRIMARY KEY REFERENCES concerts(id) ON DELETE CASCADE,
    next_seq   bigint NOT NULL DEFAULT 0,  -- the last seq handed out
    front_gone bigint NOT NULL DEFAULT 0,  -- seqs that left by in-order admission
    pre_count  bigint NOT NULL DEFAULT 0   -- live entries waiting in the pre-queue
);

CREATE TABLE queue_line_departures (
    concert_id bigint NOT NULL REFERENCES concerts(id) ON DELETE CASCADE,
    node       bigint NOT NULL,
    departed   bigint NOT NULL,
    PRIMARY KEY (concert_id, node)
);

CREATE TABLE queue_openings (
    concert_id  bigint NOT NULL REFERENCES concerts(id) ON DELETE CASCADE,
    opens_at    timestamptz NOT NULL,
    shuffled_at timestamptz NOT NULL DEFAULT now(),
    placed      bigint NOT NULL,
    PRIMARY KEY (concert_id, opens_at)
);

-- Entries live before this migration keep their order: active ones first, then the line.
WITH ordered AS (
    SELECT id, concert_id, status,
           row_number() OVER (PARTITION BY concert_id ORDER BY status = 'WAITING', arrival) AS seq
    FROM queue_entries WHERE status IN ('WAITING', 'ACTIVE'))
UPDATE queue_entries e SET line_seq = o.seq FROM ordered o WHERE e.id = o.id;
INSERT INTO queue_lines(concert_id, next_seq, front_gone)
    SELECT concert_id, count(*), count(*) FILTER (WHERE status = 'ACTIVE')
    FROM queue_entries WHERE status IN ('WAITING', 'ACTIVE') GROUP BY concert_id;

DROP INDEX queue_entries_waiting;
CREATE INDEX queue_entries_line ON queue_entries(concert_id, line_seq)
    WHERE status = 'WAITING' AND line_seq IS NOT NULL;
CREATE INDEX queue_entries_pre ON queue_entries(concert_id, arrival)
    WHERE status = 'WAITING' AND line_seq IS NULL;
CREATE INDEX queue_entries_address ON queue_entries(concert_id, client_address)
    WHERE status IN ('WAITING', 'ACTIVE');

-- Records that an entry left the line (seq) or the pre-queue (NULL) other than by in-order
-- admission. Returns 1 (callers count it).
CREATE FUNCTION queue_depart(c bigint, seq bigint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    i bigint := seq;
BEGIN
    IF seq IS NULL THEN
        UPDATE queue_lines SET pre_count = greatest(pre_count - 1, 0) WHERE concert_id = c;
        RETURN 1;
    END IF;
    WHILE i <= 1099511627776 LOOP -- 2^40 seqs per concert
        INSERT INTO queue_line_departures AS d (concert_id, node, departed) VALUES (c, i, 1)
            ON CONFLICT (concert_id, node) DO UPDATE SET departed = d.departed + 1;
        i := i + (i & -i);
    END LOOP;
    RETURN 1;
END $$;

-- How many entries with a seq below `seq` departed from the middle (a Fenwick prefix sum).
CREATE FUNCTION queue_departed_before(c bigint, seq bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
    WITH RECURSIVE n(i) AS (
        SELECT seq - 1 WHERE seq > 1
        UNION ALL SELECT i - (i & -i) FROM n WHERE i - (i & -i) > 0)
    SELECT coalesce(sum(d.departed), 0)::bigint
    FROM n JOIN queue_line_departures d ON d.concert_id = c AND d.node = n.i
$$;

-- Staff settings: the pre-queue window, and the live accounts one address may have in the
-- concert's queue (NULL: the server-wide --limit-accounts-per-address).
ALTER TABLE queue_settings ADD COLUMN pre_queue_minutes integer NOT NULL DEFAULT 60
    CHECK (pre_queue_minutes BETWEEN 0 AND 10080);
ALTER TABLE queue_settings ADD COLUMN max_accounts_per_address integer
    CHECK (max_accounts_per_address BETWEEN 1 AND 100000);

-- Abuse counters when no Redis is configured: fixed windows, shared by every instance. UNLOGGED:
-- no WAL and no fsync per request (a crash forgets the current minute's counts, which is fine).
CREATE UNLOGGED TABLE rate_counters (
    key         text PRIMARY KEY,      -- kind '|' subject
    window_ends timestamptz NOT NULL,
    hits        bigint NOT NULL,
    limit_value bigint NOT NULL,
    refused     bigint NOT NULL DEFAULT 0
);
CREATE INDEX rate_counters_refused ON rate_counters(window_ends) WHERE refused > 0;

-- A ticket's poll pace: it may ask again from `allowed_at` (what its last answer's pollAfterMs
-- allows, with some slack).
CREATE UNLOGGED TABLE queue_poll_pace (
    token_hash bytea PRIMARY KEY,
    allowed_at timestamptz NOT NULL
);
