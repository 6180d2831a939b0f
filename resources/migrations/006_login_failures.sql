-- Failed logins for the throttling shape of docs/SECURITY.md: per address+username
-- ('pair:<address>|<username>') and per username ('user:<username>'), counted over a
-- 15-minute window that starts at the first failure. Shared by every instance.
CREATE TABLE auth_failures (
    key      text PRIMARY KEY,
    first_at timestamptz NOT NULL,
    last_at  timestamptz NOT NULL,
    failures integer NOT NULL
);
