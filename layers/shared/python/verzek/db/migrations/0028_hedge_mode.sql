-- Hedge mode (issue 13 item 1): a user's opposite-signal policy may be `hedge` (hold a long and a short on
-- one futures symbol at once, where the account supports it). The paper account keeps each side of a
-- hedge-mode symbol as a position of its own: its row in paper_positions is keyed `SYMBOL|long` /
-- `SYMBOL|short` (one-way positions stay keyed by the symbol), its funding payments likewise in
-- paper_funding, and each paper order says which side it opens or closes.
ALTER TABLE trading_settings DROP CONSTRAINT trading_settings_opposite_signal_policy_check;
ALTER TABLE trading_settings ADD CONSTRAINT trading_settings_opposite_signal_policy_check
    CHECK (opposite_signal_policy IN ('refuse', 'reverse', 'hedge'));

ALTER TABLE paper_orders
    ADD COLUMN position_side text CHECK (position_side IS NULL OR position_side IN ('long', 'short'));
