-- Signals and Telegram: fan-out bookkeeping, idempotent signal events, and the Telegram message ids
-- of our broadcasts (updates are posted as replies to the original broadcast in each chat).

-- When the execution jobs of a signal were enqueued (NULL = not yet: a sweep resumes it after a crash
-- between the insert and the queue), and how many.
ALTER TABLE signals
    ADD COLUMN fanout_at   timestamptz,
    ADD COLUMN fanout_jobs integer CHECK (fanout_jobs IS NULL OR fanout_jobs >= 0);

-- Linking a provider's update to "the latest open signal of this symbol from this chat".
CREATE INDEX signals_provider_symbol_idx ON signals (provider_chat_id, symbol, id DESC)
    WHERE provider_chat_id IS NOT NULL;
-- The fan-out sweep: open signals whose jobs were never enqueued.
CREATE INDEX signals_fanout_pending_idx ON signals (received_at) WHERE fanout_at IS NULL AND status = 'open';

-- An update message (e.g. "TP1 hit" in chat X, message Y) is applied once, however often it arrives.
ALTER TABLE signal_events ADD COLUMN dedupe_key text;
ALTER TABLE signal_events ADD CONSTRAINT signal_events_dedupe_unique UNIQUE (dedupe_key);
-- A reply to one of the provider's update messages links to the same signal.
CREATE INDEX signal_events_provider_message_idx ON signal_events (provider_message_id)
    WHERE provider_message_id IS NOT NULL;

-- Every Telegram message we sent about a signal: the original broadcast per chat (event_id NULL) and
-- the update replies. The original's message id is what updates reply to.
CREATE TABLE signal_broadcasts (
    id              bigserial PRIMARY KEY,
    signal_id       bigint NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
    event_id        bigint REFERENCES signal_events (id) ON DELETE CASCADE,
    chat_id         bigint NOT NULL,
    message_id      bigint NOT NULL CHECK (message_id > 0),
    notification_id bigint REFERENCES notifications (id) ON DELETE SET NULL,
    sent_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signal_broadcasts_message_unique UNIQUE (chat_id, message_id)
);
CREATE UNIQUE INDEX signal_broadcasts_original_unique ON signal_broadcasts (signal_id, chat_id)
    WHERE event_id IS NULL;

-- The dispatcher claims due rows in id order.
CREATE INDEX notifications_due_idx ON notifications (not_before, id) WHERE status = 'pending';
