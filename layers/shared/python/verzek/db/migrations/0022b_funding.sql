-- Funding (issue 13 item 3): paper accounts settle recorded funding events on their futures
-- positions, keep a ledger of the payments (what ccxt's fetch_funding_history returns live), and
-- every position carries the funding it paid (-) or received (+), which counts in its net PnL.
ALTER TABLE paper_positions ADD COLUMN funding_ms bigint NOT NULL DEFAULT 0;

CREATE TABLE paper_funding (
    user_id          bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    symbol           text    NOT NULL,
    ts               bigint  NOT NULL,   -- the funding event's time
    amount           numeric NOT NULL,   -- quote currency; negative = paid
    rate             numeric NOT NULL,
    mark             numeric NOT NULL,
    position_amount  numeric NOT NULL,   -- signed position it was charged on
    PRIMARY KEY (user_id, symbol, ts)
);

ALTER TABLE positions
    ADD COLUMN funding numeric(38, 18) NOT NULL DEFAULT 0,
    ADD COLUMN funding_ms bigint;
