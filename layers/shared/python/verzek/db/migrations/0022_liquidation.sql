-- Liquidation done right (issue 13 item 2): a position the exchange liquidated is marked as such,
-- with the exchange's liquidation recorded as an order of its own; paper accounts remember each
-- symbol's margin mode (isolated or cross), which decides what backs a position.
ALTER TABLE positions DROP CONSTRAINT positions_status_check;
ALTER TABLE positions ADD CONSTRAINT positions_status_check
    CHECK (status IN ('pending', 'open', 'closing', 'closed', 'cancelled', 'failed', 'liquidated'));
ALTER TABLE positions DROP CONSTRAINT positions_closed_has_time;
ALTER TABLE positions ADD CONSTRAINT positions_closed_has_time
    CHECK (status NOT IN ('closed', 'cancelled', 'liquidated') OR closed_at IS NOT NULL);
CREATE INDEX positions_liquidated_idx ON positions (user_id, closed_at DESC) WHERE status = 'liquidated';

ALTER TABLE orders DROP CONSTRAINT orders_role_check;
ALTER TABLE orders ADD CONSTRAINT orders_role_check
    CHECK (role IN ('entry', 'safety', 'tp', 'sl', 'close', 'liquidation'));

ALTER TABLE paper_positions
    ADD COLUMN margin_mode text NOT NULL DEFAULT 'isolated' CHECK (margin_mode IN ('isolated', 'cross'));
