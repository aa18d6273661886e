-- DCA execution engine: the simulated (paper) exchange accounts, and the state the position
-- monitor keeps on each position.

-- One simulated exchange account per user. `state` is the paper engine's own book (balances,
-- positions, orders), written in its own transaction at every call like a remote exchange's:
-- what it accepted stays accepted even if the caller crashes before recording it.
CREATE TABLE paper_accounts (
    user_id     bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    state       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The user's own take-profit distances (%) used when a signal has no targets.
ALTER TABLE trading_settings
    ADD COLUMN tp_percents numeric(12, 6)[] NOT NULL DEFAULT '{}'
        CHECK (array_position(tp_percents, NULL) IS NULL);

-- Monitor bookkeeping on positions.
ALTER TABLE positions
    ADD COLUMN closed_amount numeric(38, 18) NOT NULL DEFAULT 0 CHECK (closed_amount >= 0),
    ADD COLUMN tp_revision  integer NOT NULL DEFAULT 0 CHECK (tp_revision BETWEEN 0 AND 99),
    ADD COLUMN last_price   numeric(38, 18),
    ADD COLUMN checked_ms   bigint;

CREATE INDEX positions_cooldown_idx ON positions (user_id, closed_at DESC) WHERE status = 'closed';

-- When the exchange last filled (part of) an order, epoch ms: the monitor checks stops only on
-- prices after the entry filled, and a breakeven stop only after the TP that triggered it.
ALTER TABLE orders ADD COLUMN last_fill_ms bigint;
