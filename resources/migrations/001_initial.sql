-- Encore schema v1 (DESIGN.md §3). Money is bigint KRW. Every invariant the business relies on is
-- a constraint or a guarded statement here, never an in-process lock.

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username      text NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 32),
    password_hash text NOT NULL,
    role          text NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'staff')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,           -- SHA-256 of the 256-bit token; the token is never stored
    user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Fixed-window counters for login/register throttling, shared by every instance.
CREATE TABLE auth_throttle (
    key          text PRIMARY KEY,            -- 'addr:127.0.0.1' or 'user:alice'
    window_start timestamptz NOT NULL,
    attempts     integer NOT NULL
);

CREATE TABLE concerts (
    id          bigserial PRIMARY KEY,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    artist      text NOT NULL DEFAULT '',
    venue       text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id             bigserial PRIMARY KEY,
    concert_id     bigint NOT NULL REFERENCES concerts(id) ON DELETE CASCADE,
    starts_at      timestamptz NOT NULL,
    sales_open_at  timestamptz NOT NULL,
    sales_close_at timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (sales_open_at < sales_close_at AND sales_close_at <= starts_at)
);
CREATE INDEX schedules_concert ON schedules(concert_id, starts_at);

-- One global sequence versions every seat change; a date's map version is its seats' maximum.
-- A sequence takes no row lock, so a flash sale on one date does not queue on a version row.
CREATE SEQUENCE seat_version_seq;

CREATE TABLE reservations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users(id),
    schedule_id bigint NOT NULL REFERENCES schedules(id),
    status      text NOT NULL DEFAULT 'HELD'
                CHECK (status IN ('HELD', 'PAID', 'CANCELLED', 'EXPIRED', 'REFUNDED')),
    total       bigint NOT NULL DEFAULT 0 CHECK (total >= 0),
    held_until  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    paid_at     timestamptz,
    ended_at    timestamptz
);
CREATE INDEX reservations_user ON reservations(user_id, created_at DESC);
CREATE INDEX reservations_open_holds ON reservations(held_until) WHERE status = 'HELD';

CREATE TABLE seats (
    schedule_id    bigint NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
    number         integer NOT NULL CHECK (number BETWEEN 1 AND 50),
    tier           text NOT NULL DEFAULT 'R',
    price          bigint NOT NULL CHECK (price >= 0),
    status         text NOT NULL DEFAULT 'AVAILABLE'
                   CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD', 'BLOCKED')),
    reservation_id uuid REFERENCES reservations(id),
    held_until     timestamptz,
    version        bigint NOT NULL DEFAULT nextval('seat_version_seq'),
    PRIMARY KEY (schedule_id, number),
    CHECK ((status IN ('HELD', 'SOLD')) = (reservation_id IS NOT NULL)),
    CHECK ((status = 'HELD') = (held_until IS NOT NULL))
);
CREATE INDEX seats_reservation ON seats(reservation_id) WHERE reservation_id IS NOT NULL;
CREATE INDEX seats_held ON seats(held_until) WHERE status = 'HELD';

CREATE TABLE reservation_seats (
    reservation_id uuid NOT NULL REFERENCES reservations(id) ON DELETE CASCADE,
    schedule_id    bigint NOT NULL,
    number         integer NOT NULL CHECK (number BETWEEN 1 AND 50),
    PRIMARY KEY (reservation_id, number)
);

CREATE TABLE wallets (
    user_id    uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    balance    bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),  -- the top-up cap is a rule of top-ups only: a refund may pass it
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every account has a wallet from its first moment.
CREATE FUNCTION create_wallet() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wallets(user_id) VALUES (NEW.id);
    RETURN NEW;
END $$;
CREATE TRIGGER users_create_wallet AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION create_wallet();

CREATE TABLE wallet_ledger (
    id            bigserial PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users(id),
    amount        bigint NOT NULL CHECK (amount <> 0),
    balance_after bigint NOT NULL CHECK (balance_after >= 0),
    kind          text NOT NULL CHECK (kind IN ('TOPUP', 'PAYMENT', 'REFUND')),
    reference     text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wallet_ledger_user ON wallet_ledger(user_id, id DESC);

CREATE TABLE payments (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reservation_id uuid NOT NULL UNIQUE REFERENCES reservations(id),
    user_id        uuid NOT NULL REFERENCES users(id),
    amount         bigint NOT NULL CHECK (amount >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    refunded_at    timestamptz
);
CREATE INDEX payments_user ON payments(user_id, created_at DESC);

CREATE TABLE idempotency_keys (
    user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash bytea NOT NULL,
    status       integer NOT NULL DEFAULT 0,  -- 0 while in progress, else the HTTP status stored
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

CREATE TABLE queue_settings (
    concert_id         bigint PRIMARY KEY REFERENCES concerts(id) ON DELETE CASCADE,
    max_active         integer NOT NULL CHECK (max_active BETWEEN 1 AND 1000000),
    admit_per_minute   integer NOT NULL CHECK (admit_per_minute BETWEEN 1 AND 1000000),
    active_ttl_seconds integer NOT NULL CHECK (active_ttl_seconds BETWEEN 10 AND 86400),
    paused             boolean NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- token bucket for the admission rate
    admit_credit       double precision NOT NULL DEFAULT 1,
    credit_at          timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE queue_arrival_seq;

CREATE TABLE queue_entries (
    id           bigserial PRIMARY KEY,
    concert_id   bigint NOT NULL REFERENCES concerts(id) ON DELETE CASCADE,
    user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash   bytea NOT NULL UNIQUE,
    arrival      bigint NOT NULL DEFAULT nextval('queue_arrival_seq'),
    status       text NOT NULL DEFAULT 'WAITING'
                 CHECK (status IN ('WAITING', 'ACTIVE', 'EXPIRED', 'LEFT', 'COMPLETED')),
    joined_at    timestamptz NOT NULL DEFAULT now(),
    admitted_at  timestamptz,
    active_until timestamptz,
    ended_at     timestamptz
);
-- At most one live entry per user and concert: joining is idempotent.
CREATE UNIQUE INDEX queue_entries_live ON queue_entries(concert_id, user_id)
    WHERE status IN ('WAITING', 'ACTIVE');
CREATE INDEX queue_entries_waiting ON queue_entries(concert_id, arrival) WHERE status = 'WAITING';
CREATE INDEX queue_entries_active ON queue_entries(concert_id, active_until) WHERE status = 'ACTIVE';
CREATE INDEX queue_entries_admitted ON queue_entries(concert_id, admitted_at) WHERE admitted_at IS NOT NULL;

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    actor_id   uuid REFERENCES users(id),
    action     text NOT NULL,
    target     text NOT NULL DEFAULT '',
    details    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created ON audit_log(created_at DESC);
