-- Schema v1 for the whole product. Money NUMERIC, times timestamptz (UTC), constraints where they
-- protect data. Later migrations are numbered by area: 0002 signals/telegram, 0003 api/accounts,
-- 0004 execution, 0005 house strategies.

CREATE TABLE users (
    id               bigserial PRIMARY KEY,
    email            text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
    password_hash    text NOT NULL,
    email_verified_at timestamptz,
    role             text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    plan             text NOT NULL DEFAULT 'trial' CHECK (plan IN ('trial', 'vip', 'premium')),
    totp_secret_enc  text,
    totp_enabled     boolean NOT NULL DEFAULT false,
    telegram_chat_id bigint,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_unique UNIQUE (email)
);

-- Email verification and password reset: only the token's hash is stored; single use, expiring.
CREATE TABLE email_tokens (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    token_hash  text NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);

-- Refresh tokens: hashed, rotated (replaced_by), revocable; a family is one login session.
CREATE TABLE refresh_tokens (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid NOT NULL,
    token_hash  text NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    replaced_by bigint REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

-- Per-user exchange API keys. Ciphertexts only; key_id names the master key (or KMS data key)
-- that encrypted the row so the master key can be rotated row by row.
CREATE TABLE exchange_accounts (
    id                 bigserial PRIMARY KEY,
    user_id            bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    exchange           text NOT NULL CHECK (exchange IN ('binance', 'bybit', 'phemex', 'kraken')),
    label              text NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
    api_key_enc        text NOT NULL,
    api_secret_enc     text NOT NULL,
    passphrase_enc     text,
    key_id             text NOT NULL,
    encrypted_data_key text,
    key_last4          text NOT NULL CHECK (length(key_last4) <= 4),
    testnet            boolean NOT NULL DEFAULT false,
    enabled            boolean NOT NULL DEFAULT true,
    permissions        jsonb NOT NULL DEFAULT '{}'::jsonb,
    permissions_checked_at timestamptz,
    trading_expires_at timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT exchange_accounts_label_unique UNIQUE (user_id, label)
);

CREATE TABLE trading_settings (
    user_id              bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    auto_trade           boolean NOT NULL DEFAULT false,
    mode                 text NOT NULL DEFAULT 'paper' CHECK (mode IN ('paper', 'live')),
    live_confirmed_at    timestamptz,
    exchange_account_id  bigint REFERENCES exchange_accounts (id) ON DELETE SET NULL,
    size_type            text NOT NULL DEFAULT 'fixed' CHECK (size_type IN ('fixed', 'percent')),
    size_value           numeric(38, 18) NOT NULL DEFAULT 100 CHECK (size_value > 0),
    leverage_cap         integer NOT NULL DEFAULT 10 CHECK (leverage_cap BETWEEN 1 AND 125),
    leverage_mode        text NOT NULL DEFAULT 'up_to' CHECK (leverage_mode IN ('up_to', 'exact')),
    max_open_positions   integer NOT NULL DEFAULT 5 CHECK (max_open_positions BETWEEN 0 AND 500),
    max_total_exposure   numeric(38, 18) CHECK (max_total_exposure IS NULL OR max_total_exposure > 0),
    dca_enabled          boolean NOT NULL DEFAULT false,
    dca_safety_orders    integer NOT NULL DEFAULT 0 CHECK (dca_safety_orders BETWEEN 0 AND 20),
    dca_step_pct         numeric(12, 6) NOT NULL DEFAULT 2 CHECK (dca_step_pct > 0 AND dca_step_pct < 100),
    dca_volume_scale     numeric(12, 6) NOT NULL DEFAULT 1.5 CHECK (dca_volume_scale > 0 AND dca_volume_scale <= 10),
    tp_split             numeric(12, 6)[] NOT NULL DEFAULT '{50,30,20}',
    breakeven_after_tp   integer CHECK (breakeven_after_tp IS NULL OR breakeven_after_tp BETWEEN 1 AND 20),
    default_stop_pct     numeric(12, 6) CHECK (default_stop_pct IS NULL OR (default_stop_pct > 0 AND default_stop_pct < 100)),
    trailing_stop_pct    numeric(12, 6) CHECK (trailing_stop_pct IS NULL OR (trailing_stop_pct > 0 AND trailing_stop_pct < 100)),
    entry_grace_pct      numeric(12, 6) NOT NULL DEFAULT 0 CHECK (entry_grace_pct >= 0 AND entry_grace_pct < 100),
    first_entry_market   boolean NOT NULL DEFAULT false,
    skip_if_tp_or_sl_hit boolean NOT NULL DEFAULT true,
    symbol_allow         text[] NOT NULL DEFAULT '{}',
    symbol_deny          text[] NOT NULL DEFAULT '{}',
    daily_loss_limit_pct numeric(12, 6) CHECK (daily_loss_limit_pct IS NULL OR (daily_loss_limit_pct > 0 AND daily_loss_limit_pct <= 100)),
    cooldown_minutes     integer NOT NULL DEFAULT 0 CHECK (cooldown_minutes BETWEEN 0 AND 10080),
    follow_sources       text[] NOT NULL DEFAULT '{vip}'
                         CHECK (follow_sources <@ ARRAY['vip', 'scalping', 'trend', 'qfl', 'ml']::text[]),
    kill_switch          boolean NOT NULL DEFAULT false,
    paused_until         timestamptz,
    paused_reason        text,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT live_needs_confirmation CHECK (mode = 'paper' OR live_confirmed_at IS NOT NULL)
);

-- Signals from every source. VIP: unique on provider chat+message; house: unique on source+external_id.
CREATE TABLE signals (
    id                  bigserial PRIMARY KEY,
    source              text NOT NULL CHECK (source IN ('vip', 'scalping', 'trend', 'qfl', 'ml')),
    provider_chat_id    bigint,
    provider_message_id bigint,
    external_id         text,
    symbol              text NOT NULL,
    side                text NOT NULL CHECK (side IN ('long', 'short')),
    market_type         text CHECK (market_type IN ('spot', 'futures')),
    leverage            integer CHECK (leverage IS NULL OR leverage BETWEEN 1 AND 200),
    margin_mode         text CHECK (margin_mode IN ('cross', 'isolated')),
    entry_type          text NOT NULL CHECK (entry_type IN ('limit', 'market', 'range')),
    entries             numeric(38, 18)[] NOT NULL DEFAULT '{}',
    targets             numeric(38, 18)[] NOT NULL DEFAULT '{}',
    stop_loss           numeric(38, 18) CHECK (stop_loss IS NULL OR stop_loss > 0),
    confidence          numeric(6, 4) CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
    raw_text            text,
    meta                jsonb NOT NULL DEFAULT '{}'::jsonb,
    status              text NOT NULL DEFAULT 'open'
                        CHECK (status IN ('open', 'closed', 'cancelled', 'rejected', 'stale')),
    rejected_reason     text,
    executed            boolean NOT NULL DEFAULT false,
    posted_at           timestamptz,
    received_at         timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signals_provider_message_unique UNIQUE (provider_chat_id, provider_message_id),
    CONSTRAINT signals_external_unique UNIQUE (source, external_id),
    CONSTRAINT signals_one_identity CHECK (
        (provider_chat_id IS NOT NULL AND provider_message_id IS NOT NULL AND external_id IS NULL)
        OR (provider_chat_id IS NULL AND provider_message_id IS NULL AND external_id IS NOT NULL)),
    CONSTRAINT signals_rejected_has_reason CHECK (status <> 'rejected' OR rejected_reason IS NOT NULL)
);
CREATE INDEX signals_feed_idx ON signals (received_at DESC, id DESC);
CREATE INDEX signals_symbol_idx ON signals (source, symbol, status);

CREATE TABLE signal_events (
    id                  bigserial PRIMARY KEY,
    signal_id           bigint NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    kind                text NOT NULL CHECK (kind IN ('tp_hit', 'sl_hit', 'sl_moved', 'closed', 'cancelled',
                                                      'entry_added', 'entry_cancelled', 'entry_filled',
                                                      'partial_close', 'edited', 'edit_ignored', 'note')),
    target_index        integer CHECK (target_index IS NULL OR target_index >= 1),
    price               numeric(38, 18),
    raw_text            text,
    provider_message_id bigint,
    data                jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signal_events_signal_idx ON signal_events (signal_id, id);

-- One position per (user, signal): the database refuses a second one whatever the queue does.
CREATE TABLE positions (
    id                  bigserial PRIMARY KEY,
    user_id             bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    signal_id           bigint NOT NULL REFERENCES signals (id) ON DELETE RESTRICT,
    exchange_account_id bigint REFERENCES exchange_accounts (id) ON DELETE SET NULL,
    mode                text NOT NULL CHECK (mode IN ('paper', 'live')),
    exchange            text NOT NULL,
    symbol              text NOT NULL,
    side                text NOT NULL CHECK (side IN ('long', 'short')),
    market_type         text NOT NULL CHECK (market_type IN ('spot', 'futures')),
    leverage            integer NOT NULL DEFAULT 1 CHECK (leverage BETWEEN 1 AND 200),
    status              text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'open', 'closing', 'closed', 'cancelled', 'failed')),
    plan                jsonb NOT NULL DEFAULT '{}'::jsonb,
    entry_price         numeric(38, 18) CHECK (entry_price IS NULL OR entry_price > 0),
    amount              numeric(38, 18) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    filled_amount       numeric(38, 18) NOT NULL DEFAULT 0 CHECK (filled_amount >= 0),
    cost                numeric(38, 18) NOT NULL DEFAULT 0,
    stop_loss           numeric(38, 18),
    breakeven_moved     boolean NOT NULL DEFAULT false,
    trailing_high       numeric(38, 18),
    tp_hits             integer NOT NULL DEFAULT 0 CHECK (tp_hits >= 0),
    realized_pnl        numeric(38, 18) NOT NULL DEFAULT 0,
    unrealized_pnl      numeric(38, 18) NOT NULL DEFAULT 0,
    fees                numeric(38, 18) NOT NULL DEFAULT 0 CHECK (fees >= 0),
    close_reason        text,
    error               text,
    opened_at           timestamptz,
    closed_at           timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT positions_user_signal_unique UNIQUE (user_id, signal_id),
    CONSTRAINT positions_closed_has_time CHECK (status NOT IN ('closed', 'cancelled') OR closed_at IS NOT NULL)
);
CREATE INDEX positions_open_idx ON positions (status) WHERE status IN ('pending', 'open', 'closing');
CREATE INDEX positions_user_idx ON positions (user_id, created_at DESC);

-- Orders: the deterministic client order id is unique, so a redelivered job cannot record twice.
CREATE TABLE orders (
    id                bigserial PRIMARY KEY,
    position_id       bigint NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_order_id   text NOT NULL,
    exchange_order_id text,
    role              text NOT NULL CHECK (role IN ('entry', 'safety', 'tp', 'sl', 'close')),
    leg               integer NOT NULL DEFAULT 0 CHECK (leg >= 0),
    side              text NOT NULL CHECK (side IN ('buy', 'sell')),
    order_type        text NOT NULL CHECK (order_type IN ('market', 'limit', 'stop_market', 'stop_limit')),
    price             numeric(38, 18) CHECK (price IS NULL OR price > 0),
    trigger_price     numeric(38, 18) CHECK (trigger_price IS NULL OR trigger_price > 0),
    amount            numeric(38, 18) NOT NULL CHECK (amount > 0),
    filled            numeric(38, 18) NOT NULL DEFAULT 0 CHECK (filled >= 0),
    average_price     numeric(38, 18),
    fee               numeric(38, 18) NOT NULL DEFAULT 0 CHECK (fee >= 0),
    fee_currency      text,
    reduce_only       boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'open', 'partially_filled', 'filled', 'cancelled',
                                        'rejected', 'expired', 'dropped')),
    error             text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_client_order_id_unique UNIQUE (client_order_id),
    CONSTRAINT orders_filled_le_amount CHECK (filled <= amount)
);
CREATE INDEX orders_position_idx ON orders (position_id);
CREATE INDEX orders_open_idx ON orders (status) WHERE status IN ('open', 'partially_filled');

-- Telegram retries deliveries: each update_id is processed once.
CREATE TABLE telegram_updates_seen (
    update_id   bigint PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- Outbox for every outgoing notification (Telegram broadcast, DM, push, email, console).
CREATE TABLE notifications (
    id          bigserial PRIMARY KEY,
    user_id     bigint REFERENCES users (id) ON DELETE CASCADE,
    channel     text NOT NULL CHECK (channel IN ('telegram', 'push', 'email', 'console')),
    target      text,
    kind        text NOT NULL,
    payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
    dedupe_key  text UNIQUE,
    status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    not_before  timestamptz NOT NULL DEFAULT now(),
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE INDEX notifications_pending_idx ON notifications (not_before) WHERE status = 'pending';

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    user_id     bigint REFERENCES users (id) ON DELETE SET NULL,
    actor_id    bigint REFERENCES users (id) ON DELETE SET NULL,
    action      text NOT NULL,
    details     jsonb NOT NULL DEFAULT '{}'::jsonb,
    ip          text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, created_at DESC);

-- Global switches (e.g. the admins' kill switch), readable by every function.
CREATE TABLE system_flags (
    name       text PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by bigint REFERENCES users (id) ON DELETE SET NULL
);
