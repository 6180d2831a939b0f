-- Card top-ups (DESIGN.md §8): an order per top-up, paid through the card gateway; the wallet is
-- credited exactly once per order (one TOPUP ledger entry per order, enforced by a unique index).
-- Money from anywhere else is a staff ADJUSTMENT; a card refund debits the wallet as CARD_REFUND.

CREATE TABLE top_up_orders (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES users(id),
    amount          bigint NOT NULL CHECK (amount > 0),
    status          text NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'CANCELLED')),
    payment_key     text UNIQUE,          -- the gateway's key, once the customer's card authorised it
    card_brand      text NOT NULL DEFAULT '',
    card_last4      text NOT NULL DEFAULT '' CHECK (card_last4 ~ '^[0-9]{0,4}$'),
    failure_code    text NOT NULL DEFAULT '',
    failure_message text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    settled_at      timestamptz,          -- PAID/FAILED: when; CANCELLED: when paid
    cancelled_at    timestamptz,
    next_check_at   timestamptz NOT NULL DEFAULT now() + interval '10 seconds', -- resolver
    CHECK ((status = 'PENDING') = (settled_at IS NULL))
);
CREATE INDEX top_up_orders_user ON top_up_orders(user_id, created_at DESC);
CREATE INDEX top_up_orders_pending ON top_up_orders(next_check_at) WHERE status = 'PENDING';

ALTER TABLE wallet_ledger DROP CONSTRAINT IF EXISTS wallet_ledger_kind_check;
ALTER TABLE wallet_ledger ADD CONSTRAINT wallet_ledger_kind_check
    CHECK (kind IN ('TOPUP', 'PAYMENT', 'REFUND', 'ADJUSTMENT', 'CARD_REFUND'));
ALTER TABLE wallet_ledger ADD COLUMN top_up_order_id uuid REFERENCES top_up_orders(id);
-- At most one TOPUP entry and one CARD_REFUND entry per order, whatever races happen.
CREATE UNIQUE INDEX wallet_ledger_one_per_order ON wallet_ledger(top_up_order_id, kind)
    WHERE top_up_order_id IS NOT NULL;
-- Top-ups before card payments were money from nowhere: they stay in the history as
-- adjustments, so every TOPUP entry from now on has its order.
UPDATE wallet_ledger SET kind = 'ADJUSTMENT', reference = 'top-up before card payments'
    WHERE kind = 'TOPUP' AND top_up_order_id IS NULL;
ALTER TABLE wallet_ledger ADD CONSTRAINT wallet_ledger_topup_has_order
    CHECK (kind NOT IN ('TOPUP', 'CARD_REFUND') OR top_up_order_id IS NOT NULL);

-- Webhook deliveries already accepted (their signature), so a replayed delivery is refused.
CREATE TABLE payment_webhook_deliveries (
    signature   text PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);
