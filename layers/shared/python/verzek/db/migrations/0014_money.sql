-- Trading you can trust with money (issue 13): no-stop policy, a hard cap on the loss at the stop,
-- risk-% sizing, breakeven that pays back the fees.
ALTER TABLE trading_settings DROP CONSTRAINT trading_settings_size_type_check;
ALTER TABLE trading_settings ADD CONSTRAINT trading_settings_size_type_check
    CHECK (size_type IN ('fixed', 'percent', 'risk'));
ALTER TABLE trading_settings
    ADD COLUMN no_stop_policy text NOT NULL DEFAULT 'default_stop'
        CHECK (no_stop_policy IN ('default_stop', 'skip', 'allow')),
    ADD COLUMN max_loss_at_stop_pct numeric(12, 6) DEFAULT 10
        CHECK (max_loss_at_stop_pct IS NULL OR (max_loss_at_stop_pct > 0 AND max_loss_at_stop_pct <= 100)),
    ADD COLUMN breakeven_mode text NOT NULL DEFAULT 'fees' CHECK (breakeven_mode IN ('fees', 'plain'));
ALTER TABLE trading_settings
    ADD COLUMN max_entry_distance_pct numeric(12, 6) DEFAULT 10
        CHECK (max_entry_distance_pct IS NULL OR (max_entry_distance_pct > 0 AND max_entry_distance_pct <= 1000)),
    ADD COLUMN entry_timeout_hours numeric(12, 6) DEFAULT 24
        CHECK (entry_timeout_hours IS NULL OR (entry_timeout_hours > 0 AND entry_timeout_hours <= 8760));
