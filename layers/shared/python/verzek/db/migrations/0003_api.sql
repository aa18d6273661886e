-- API / accounts: local email outbox, login attempts (rate limiting across Lambda containers),
-- TOTP recovery codes and replay guard, mobile push devices, refresh-token family lookups.

-- Local email backend (EMAIL_BACKEND=outbox): the developer reads verification / reset mails here.
CREATE TABLE email_outbox (
    id          bigserial PRIMARY KEY,
    user_id     bigint REFERENCES users (id) ON DELETE CASCADE,
    to_address  text NOT NULL,
    kind        text NOT NULL,
    subject     text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_to_idx ON email_outbox (to_address, id DESC);

-- Every login attempt, counted per account (normalised email, registered or not) and per client IP.
CREATE TABLE login_attempts (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL,
    ip          text NOT NULL,
    succeeded   boolean NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, created_at DESC) WHERE NOT succeeded;
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, created_at DESC) WHERE NOT succeeded;

-- Recovery codes are random and high-entropy: a SHA-256 digest is stored, never the code.
CREATE TABLE totp_recovery_codes (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   text NOT NULL UNIQUE,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX totp_recovery_codes_user_idx ON totp_recovery_codes (user_id) WHERE used_at IS NULL;

-- The last accepted TOTP time step: a code is accepted once (no replay inside its 30 s window).
ALTER TABLE users ADD COLUMN totp_last_step bigint;

-- Expo push tokens. A token belongs to one device, so it belongs to at most one user at a time.
CREATE TABLE push_devices (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token        text NOT NULL CHECK (length(token) BETWEEN 1 AND 256),
    platform     text NOT NULL DEFAULT 'unknown' CHECK (platform IN ('ios', 'android', 'web', 'unknown')),
    enabled      boolean NOT NULL DEFAULT true,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT push_devices_token_unique UNIQUE (token)
);
CREATE INDEX push_devices_user_idx ON push_devices (user_id) WHERE enabled;

-- Access tokens carry their session (refresh family): revocation is checked per request.
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
