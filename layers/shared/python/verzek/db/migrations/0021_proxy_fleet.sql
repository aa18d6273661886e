-- Proxy fleet (issue 12 item 5): the node each exchange account's requests leave from, stored and kept
-- (verzek.exchange.fleet). `node` is the node's name: the host[:port] of its URL in PROXY_URLS.
-- `previous_node`: where the account was before its last move (rebalance after a node was added, or
-- its node left the fleet); tried first when the new node refuses, and shown so the user knows a new
-- IP must be whitelisted.
CREATE TABLE proxy_assignments (
    exchange_account_id bigint PRIMARY KEY REFERENCES exchange_accounts (id) ON DELETE CASCADE,
    node                text NOT NULL CHECK (length(node) BETWEEN 1 AND 260),
    previous_node       text CHECK (length(previous_node) BETWEEN 1 AND 260),
    assigned_at         timestamptz NOT NULL DEFAULT now(),
    moved_at            timestamptz
);
CREATE INDEX proxy_assignments_node_idx ON proxy_assignments (node);
