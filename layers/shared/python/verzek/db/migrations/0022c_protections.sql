-- Protections like freqtrade's (issue 13 item 10), per user, beside the cooldown and the daily loss
-- limit. Each is off while its trigger column is NULL. They are evaluated from the closed positions
-- when a signal arrives (no state of their own): the last qualifying close starts the pause/lock.
ALTER TABLE trading_settings
    -- stop-loss guard: this many stop-outs (stop, trailing stop, liquidation) within the lookback pause
    -- new trades for pause minutes after the last one
    ADD COLUMN sl_guard_trades integer CHECK (sl_guard_trades IS NULL OR sl_guard_trades BETWEEN 1 AND 100),
    ADD COLUMN sl_guard_lookback_minutes integer NOT NULL DEFAULT 1440
        CHECK (sl_guard_lookback_minutes BETWEEN 1 AND 43200),
    ADD COLUMN sl_guard_pause_minutes integer NOT NULL DEFAULT 60 CHECK (sl_guard_pause_minutes BETWEEN 1 AND 43200),
    -- max drawdown: closed trades' net PnL within the lookback falling this % from its peak pauses new trades
    ADD COLUMN max_drawdown_pct numeric(12, 6)
        CHECK (max_drawdown_pct IS NULL OR (max_drawdown_pct > 0 AND max_drawdown_pct <= 100)),
    ADD COLUMN max_drawdown_lookback_minutes integer NOT NULL DEFAULT 2880
        CHECK (max_drawdown_lookback_minutes BETWEEN 1 AND 43200),
    ADD COLUMN max_drawdown_pause_minutes integer NOT NULL DEFAULT 720
        CHECK (max_drawdown_pause_minutes BETWEEN 1 AND 43200),
    -- low-profit pair lock: at least this many closed trades on a symbol within the lookback whose returns
    -- on margin add up to less than low_profit_min_pct lock that symbol
    ADD COLUMN low_profit_trades integer CHECK (low_profit_trades IS NULL OR low_profit_trades BETWEEN 1 AND 100),
    ADD COLUMN low_profit_min_pct numeric(12, 6) NOT NULL DEFAULT 0
        CHECK (low_profit_min_pct BETWEEN -1000 AND 1000),
    ADD COLUMN low_profit_lookback_minutes integer NOT NULL DEFAULT 1440
        CHECK (low_profit_lookback_minutes BETWEEN 1 AND 43200),
    ADD COLUMN low_profit_lock_minutes integer NOT NULL DEFAULT 720
        CHECK (low_profit_lock_minutes BETWEEN 1 AND 43200);
