-- Issue 9 item 6: a concert's venue time zone (an IANA name). Every time a customer or staff
-- member sees is shown in it. The server checks the name against the time-zone database before
-- it writes one; existing and demo concerts are in Seoul.
ALTER TABLE concerts ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Seoul'
    CHECK (length(time_zone) BETWEEN 1 AND 64);
