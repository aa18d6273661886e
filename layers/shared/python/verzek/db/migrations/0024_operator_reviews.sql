-- Operator review loop (#15 item 4): a source post that was held, rejected, or not recognised but looks like a
-- signal is shown to the operator chat with what was parsed and buttons (Trade as parsed / Ignore / Edit).
-- One review per source post; `revision` grows with every corrected text the operator sends (buttons carry the
-- revision, so a tap on an older message never applies a newer text, or the reverse).
CREATE TABLE operator_reviews (
    id                BIGSERIAL PRIMARY KEY,
    source_chat_id    BIGINT NOT NULL,
    source_message_id BIGINT NOT NULL,
    signal_id         BIGINT REFERENCES signals (id) ON DELETE SET NULL,
    raw_text          TEXT NOT NULL,
    reason            TEXT NOT NULL,
    revision          INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    view              JSONB NOT NULL,      -- the parse shown for the current revision (fields, provenance, problems)
    text              TEXT NOT NULL,       -- the text of the current revision (the post, or the operator's correction)
    tradable          BOOLEAN NOT NULL,    -- Trade is offered for the current revision
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'traded', 'ignored', 'expired', 'refused')),
    posted_at         TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ NOT NULL,
    decided_by        BIGINT,              -- Telegram user id of the operator
    decided_by_name   TEXT,
    decided_at        TIMESTAMPTZ,
    outcome           JSONB,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (source_chat_id, source_message_id)
);
CREATE INDEX operator_reviews_pending_idx ON operator_reviews (expires_at) WHERE status = 'pending';

-- Every message shown to the operator chat for a review (one per revision): replies are mapped back through it.
CREATE TABLE operator_review_messages (
    chat_id     BIGINT NOT NULL,
    message_id  BIGINT NOT NULL,
    review_id   BIGINT NOT NULL REFERENCES operator_reviews (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX operator_review_messages_review_idx ON operator_review_messages (review_id, revision);
