-- DCA like 3Commas (issue 13 item 9): safety-order step scale (each next safety order's distance is
-- the previous one's times the scale), a maximum of safety orders resting at once (the rest wait in
-- the new 'waiting' order status and are placed as the resting ones fill).
ALTER TABLE trading_settings
    ADD COLUMN dca_step_scale numeric(12, 6) NOT NULL DEFAULT 1 CHECK (dca_step_scale > 0 AND dca_step_scale <= 10),
    ADD COLUMN dca_max_active integer CHECK (dca_max_active IS NULL OR dca_max_active BETWEEN 1 AND 20);

ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('planned', 'waiting', 'open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired',
                      'dropped'));
