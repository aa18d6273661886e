"""Scalping: RSI + Stochastic mean reversion on short candles.

Long when the slow stochastic's %K crosses up through %D from oversold while RSI was oversold in the
last few bars (exhausted selling turning); short is the mirror (futures only). Stop below the recent
swing low (plus a fraction of ATR, at least `min_stop_atr` away); targets at R-multiples of that risk.
"""

from __future__ import annotations

import numpy as np

from verzek.domain.signals import Side, SignalSource
from verzek.indicators import Indicators
from verzek.indicators.structure import rolling_max, rolling_min
from verzek.strategies.base import Setup, Strategy, clip01, crossed_above, crossed_below, r_targets
from verzek.strategies.config import ScalpingConfig


class ScalpingStrategy(Strategy):
    name = "scalping"
    source = SignalSource.SCALPING
    config: ScalpingConfig

    def _inputs(self, ind: Indicators):
        c = self.config
        rsi = ind("rsi", length=c.rsi_length)
        st = ind("stoch", k=c.stoch_k, d=c.stoch_d, smooth_k=c.stoch_smooth)
        return rsi, st["k"], st["d"]

    def triggers(self, ind: Indicators, from_bar: int = 0) -> tuple[np.ndarray, np.ndarray]:
        c = self.config
        rsi, k, d = self._inputs(ind)
        prev_k = np.r_[np.nan, k[:-1]]
        with np.errstate(invalid="ignore"):
            rsi_low = rolling_min(np.nan_to_num(rsi, nan=50.0), c.rsi_lookback) < c.rsi_oversold
            rsi_high = rolling_max(np.nan_to_num(rsi, nan=50.0), c.rsi_lookback) > c.rsi_overbought
            long_trig = crossed_above(k, d) & (prev_k < c.stoch_oversold) & rsi_low
            short_trig = crossed_below(k, d) & (prev_k > c.stoch_overbought) & rsi_high
        return long_trig, short_trig

    def build_setup(self, ind: Indicators, i: int, side: Side) -> Setup | None:
        c, s = self.config, ind.series
        atr = float(ind("atr", length=c.atr_length)[i])
        if not np.isfinite(atr) or atr <= 0:
            return None
        entry = float(s.close[i])
        lo = max(0, i - c.swing_bars + 1)
        rsi, k, _ = self._inputs(ind)
        recent_rsi = rsi[max(0, i - c.rsi_lookback + 1): i + 1]
        if side == Side.LONG:
            stop = min(float(s.low[lo:i + 1].min()) - c.stop_buffer_atr * atr, entry - c.min_stop_atr * atr)
            depth = (c.rsi_oversold - float(np.nanmin(recent_rsi))) / c.rsi_oversold
        else:
            stop = max(float(s.high[lo:i + 1].max()) + c.stop_buffer_atr * atr, entry + c.min_stop_atr * atr)
            depth = (float(np.nanmax(recent_rsi)) - c.rsi_overbought) / (100.0 - c.rsi_overbought)
        if stop <= 0:
            return None
        return Setup(
            strategy=self.name, symbol=s.symbol, timeframe=s.timeframe, candle_ts=int(s.ts[i]), side=side,
            entries=(entry,), targets=r_targets(entry, stop, c.target_r, side), stop=stop,
            # deeper RSI extreme = stronger exhaustion; 0.5 at the threshold, 1.0 at 0/100
            confidence=clip01(0.5 + 0.5 * depth),
            reason=f"stoch cross from {'oversold' if side == Side.LONG else 'overbought'}, "
                   f"RSI {float(rsi[i]):.1f}",
            meta={"rsi": round(float(rsi[i]), 2), "stoch_k": round(float(k[i]), 2), "atr": atr},
        )
