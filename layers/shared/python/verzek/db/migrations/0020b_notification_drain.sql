-- One notification drainer at a time (issue 12 item 4): Telegram's limits (30 messages a second,
-- 20 a minute per group) are per bot, so the dispatcher invocation holding this lease paces all
-- sends; others find it busy. A row, not a session advisory lock: nothing is pinned on RDS Proxy.
CREATE TABLE notification_drain_lease (
    id          smallint PRIMARY KEY CHECK (id = 1),
    holder      text NOT NULL,
    lease_until timestamptz NOT NULL
);
