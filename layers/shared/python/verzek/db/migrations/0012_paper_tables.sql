-- Paper account state in rows instead of one JSON document per account (issue 12 item 1).
--
-- The JSON document (paper_accounts.state, up to ~84 KB with 200 final orders kept) was read and
-- rewritten whole on every port call, reads included. Now each port call locks (SELECT ... FOR
-- UPDATE) only the rows it touches -- the open orders and position of the symbol it acts on and
-- the balances of that symbol's assets (create_order and free_balance: the account's open orders,
-- positions and balances, since a reservation checks the whole free balance) -- and writes back
-- only the rows that changed. Final orders stay as rows (nothing is pruned any more) and are never
-- read unless asked for by client id.
--
-- Amounts are unconstrained NUMERIC on purpose: the engine computes averages and margins at
-- Decimal's 28 significant digits and must read back exactly what it wrote (a NUMERIC(38,18)
-- would round and a re-read state would differ from the one in memory).

CREATE TABLE paper_balances (
    user_id  bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    asset    text    NOT NULL,
    total    numeric NOT NULL,
    PRIMARY KEY (user_id, asset)
);

-- One row per (account, symbol) once the symbol was traded or its leverage set; amount is signed
-- (+ long, - short) and 0 when flat (the row stays: it carries the leverage).
CREATE TABLE paper_positions (
    user_id   bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    symbol    text    NOT NULL,
    amount    numeric NOT NULL DEFAULT 0,
    entry     numeric NOT NULL DEFAULT 0,
    margin    numeric NOT NULL DEFAULT 0,
    leverage  integer NOT NULL DEFAULT 1 CHECK (leverage BETWEEN 1 AND 125),
    PRIMARY KEY (user_id, symbol)
);

CREATE TABLE paper_orders (
    id                 bigserial PRIMARY KEY,  -- insertion order = the engine's tie-break order
    user_id            bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_order_id    text    NOT NULL,
    exchange_order_id  text    NOT NULL,
    symbol             text    NOT NULL,
    side               text    NOT NULL CHECK (side IN ('buy', 'sell')),
    type               text    NOT NULL CHECK (type IN ('market', 'limit', 'stop_market')),
    status             text    NOT NULL CHECK (status IN ('open', 'filled', 'cancelled', 'rejected', 'expired')),
    amount             numeric NOT NULL,
    filled             numeric NOT NULL DEFAULT 0,
    average            numeric,
    fee                numeric NOT NULL DEFAULT 0,
    fee_currency       text,
    price              numeric,
    trigger_price      numeric,
    reduce_only        boolean NOT NULL DEFAULT false,
    updated_ms         bigint  NOT NULL,
    created_ms         bigint  NOT NULL,
    checked_ms         bigint  NOT NULL,   -- candles opening before this were already evaluated
    reserved           numeric NOT NULL DEFAULT 0,
    reserved_asset     text    NOT NULL DEFAULT '',
    leverage           integer NOT NULL DEFAULT 1,
    UNIQUE (user_id, client_order_id)      -- a client order id is accepted once per account
);
CREATE INDEX paper_orders_open ON paper_orders (user_id, symbol) WHERE status = 'open';

-- Existing accounts move over as they are.
INSERT INTO paper_balances (user_id, asset, total)
SELECT a.user_id, b.key, b.value::numeric
FROM paper_accounts a, jsonb_each_text(COALESCE(a.state -> 'balances', '{}'::jsonb)) b;

INSERT INTO paper_positions (user_id, symbol, amount, entry, margin, leverage)
SELECT a.user_id, p.key, (p.value ->> 0)::numeric, (p.value ->> 1)::numeric, COALESCE((p.value ->> 2)::numeric, 0),
       COALESCE((a.state -> 'leverage' ->> p.key)::integer, 1)
FROM paper_accounts a, jsonb_each(COALESCE(a.state -> 'positions', '{}'::jsonb)) p;

INSERT INTO paper_positions (user_id, symbol, leverage)
SELECT a.user_id, l.key, l.value::integer
FROM paper_accounts a, jsonb_each_text(COALESCE(a.state -> 'leverage', '{}'::jsonb)) l
ON CONFLICT (user_id, symbol) DO NOTHING;

INSERT INTO paper_orders (user_id, client_order_id, exchange_order_id, symbol, side, type, status, amount, filled,
                          average, fee, fee_currency, price, trigger_price, reduce_only, updated_ms, created_ms,
                          checked_ms, reserved, reserved_asset, leverage)
SELECT a.user_id, o.v ->> 'cid', o.v ->> 'xid', o.v ->> 'symbol', o.v ->> 'side', o.v ->> 'type', o.v ->> 'status',
       (o.v ->> 'amount')::numeric, (o.v ->> 'filled')::numeric, (o.v ->> 'average')::numeric,
       (o.v ->> 'fee')::numeric, o.v ->> 'fee_currency', (o.v ->> 'price')::numeric, (o.v ->> 'trigger')::numeric,
       (o.v ->> 'reduce_only')::boolean, (o.v ->> 'updated')::bigint, (o.v ->> 'created')::bigint,
       (o.v ->> 'checked')::bigint, (o.v ->> 'reserved')::numeric, o.v ->> 'reserved_asset',
       COALESCE((o.v ->> 'leverage')::integer, 1)
FROM paper_accounts a, jsonb_array_elements(COALESCE(a.state -> 'orders', '[]'::jsonb)) WITH ORDINALITY o(v, n)
ORDER BY a.user_id, o.n;

DROP TABLE paper_accounts;
