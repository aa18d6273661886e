-- The Telegram bot for users in private chats (issue 16 item 4).
--
-- A user links a Telegram account with a one-time deep link (`/start <token>`): only the token's hash
-- is stored, it expires, and it is used once. users.telegram_chat_id (schema v1) is the linked private
-- chat (in a private chat the chat id is the Telegram user's id); one chat links to one account.
ALTER TABLE users
    ADD COLUMN telegram_user_id   bigint,
    ADD COLUMN telegram_linked_at timestamptz;
CREATE UNIQUE INDEX users_telegram_chat_unique ON users (telegram_chat_id) WHERE telegram_chat_id IS NOT NULL;

CREATE TABLE telegram_link_tokens (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash    text NOT NULL UNIQUE,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    used_by_chat  bigint,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX telegram_link_tokens_user_idx ON telegram_link_tokens (user_id) WHERE used_at IS NULL;

-- Per-user notification preference per event type (freqtrade-style): on, silent (delivered without
-- sound: Telegram's disable_notification) or off. No row = on. Event names are checked by the code
-- (verzek.notify.preferences.EVENTS) so a new event needs no migration.
CREATE TABLE notification_preferences (
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event       text NOT NULL CHECK (length(event) BETWEEN 1 AND 32),
    mode        text NOT NULL CHECK (mode IN ('on', 'silent', 'off')),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, event)
);

-- A confirmation button acts once: (chat, message) of the confirmation message + the action taken.
-- A second press, or two presses racing, find the row and change nothing.
CREATE TABLE telegram_confirmations (
    chat_id     bigint NOT NULL,
    message_id  bigint NOT NULL,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action      text NOT NULL,
    done_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, message_id)
);
