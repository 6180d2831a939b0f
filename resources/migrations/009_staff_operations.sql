-- Staff money and customer operations (DESIGN.md §4): wallet adjustments as their own ledger
-- kind, cancelled dates, and per-concert queue blocks.

ALTER TABLE wallet_ledger DROP CONSTRAINT wallet_ledger_kind_check;
ALTER TABLE wallet_ledger ADD CONSTRAINT wallet_ledger_kind_check
    CHECK (kind IN ('TOPUP', 'PAYMENT', 'REFUND', 'ADJUSTMENT', 'CARD_REFUND'));

-- A cancelled date is off sale for good. The counts are the first cancellation's, so a repeat
-- answers them unchanged.
ALTER TABLE schedules
    ADD COLUMN cancelled_at          timestamptz,
    ADD COLUMN cancel_reason         text,
    ADD COLUMN cancel_released_holds integer,
    ADD COLUMN cancel_refunded       integer,
    ADD COLUMN cancel_refunded_total bigint;

CREATE TABLE queue_blocks (
    concert_id bigint NOT NULL REFERENCES concerts(id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    actor_id   uuid REFERENCES users(id),
    reason     text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (concert_id, user_id)
);

-- Staff search customers by a part of their name.
CREATE INDEX users_username_lower ON users (lower(username) text_pattern_ops);
