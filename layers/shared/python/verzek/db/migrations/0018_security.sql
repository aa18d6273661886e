-- Security hardening (issue 17).
-- Login attempts are reserved before the password is checked (succeeded IS NULL = in progress, counted
-- as a failure until settled), under advisory locks, so parallel guesses cannot all pass the limit.
ALTER TABLE login_attempts ALTER COLUMN succeeded DROP NOT NULL;
ALTER TABLE login_attempts ADD COLUMN kind text NOT NULL DEFAULT 'login'
    CHECK (kind IN ('login', 'password_change', 'totp'));
CREATE INDEX login_attempts_pair_idx ON login_attempts (email, ip, created_at DESC) WHERE succeeded IS NOT TRUE;
CREATE INDEX login_attempts_email_open_idx ON login_attempts (email, created_at DESC) WHERE succeeded IS NOT TRUE;
CREATE INDEX login_attempts_ip_open_idx ON login_attempts (ip, created_at DESC) WHERE succeeded IS NOT TRUE;

-- Plain event counters for per-client limits (registrations, token refreshes, ...).
CREATE TABLE rate_events (
    id          bigserial PRIMARY KEY,
    bucket      text NOT NULL CHECK (length(bucket) BETWEEN 1 AND 40),
    key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_events_lookup_idx ON rate_events (bucket, key, created_at DESC);

-- Exchange keys at rest: 2 = each ciphertext bound to (user, account, field); 1 = written before
-- (still readable; `verzek keys rotate` rewrites them as 2).
ALTER TABLE exchange_accounts ADD COLUMN enc_scheme smallint NOT NULL DEFAULT 1 CHECK (enc_scheme IN (1, 2));

-- Senders refused in a source group because TELEGRAM_SOURCE_SENDER_IDS is empty: what
-- `verzek telegram provider-id` shows the operator (the provider's bot is among them).
CREATE TABLE telegram_source_senders_seen (
    chat_id     bigint NOT NULL,
    sender_id   bigint NOT NULL,
    username    text,
    is_bot      boolean NOT NULL,
    posts       integer NOT NULL DEFAULT 1,
    first_seen  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, sender_id)
);
