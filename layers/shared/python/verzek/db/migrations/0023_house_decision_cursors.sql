-- #14: the newest closed candle each house strategy has decided on, per symbol and timeframe. A tick
-- decides only candles newer than this (no repeated decisions on the same candle across ticks and
-- Lambda invocations); it moves forward only, after the candle's signals were handed to ingest.
CREATE TABLE house_decision_cursors (
    strategy        TEXT NOT NULL,
    symbol          TEXT NOT NULL,
    timeframe       TEXT NOT NULL,
    last_candle_ts  BIGINT NOT NULL CHECK (last_candle_ts >= 0),  -- open time of the candle, epoch ms UTC
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (strategy, symbol, timeframe)
);
