-- Opposite signals (issue 13 item 1): what to do with a futures signal against a position the user
-- holds on the same symbol. refuse: do not open it (one-way accounts would net the two away);
-- reverse: close the held position at market, then open the new one.
ALTER TABLE trading_settings
    ADD COLUMN opposite_signal_policy text NOT NULL DEFAULT 'refuse'
        CHECK (opposite_signal_policy IN ('refuse', 'reverse'));
