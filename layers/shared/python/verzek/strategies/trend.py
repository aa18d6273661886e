"""Trend: fast/slow EMA cross confirmed by MACD and ADX.

Long when the fast EMA has crossed above the slow EMA within the last `cross_window` bars, the MACD
line is above its signal with a positive histogram, and ADX shows a trend worth following. Two
entries (market and a pull-back `second_entry_atr` lower), stop under the recent swing low / slow
EMA, targets at ATR multiples from the first entry.
"""

from __future__ import annotations

import numpy as np

from verzek.domain.signals import Side, SignalSource
from verzek.indicators import Indicators
from verzek.strategies.base import Setup, Strategy, clip01, crossed_above, crossed_below, recent
from verzek.strategies.config import TrendConfig


class TrendStrategy(Strategy):
    name = "trend"
    source = SignalSource.TREND
    config: TrendConfig

    def triggers(self, ind: Indicators, from_bar: int = 0) -> tuple[np.ndarray, np.ndarray]:
        c = self.config
        fast, slow = ind("ema", length=c.fast_ema), ind("ema", length=c.slow_ema)
        m = ind("macd", fast=c.macd_fast, slow=c.macd_slow, signal=c.macd_signal)
        adx = ind("adx", length=c.adx_length)["adx"]
        with np.errstate(invalid="ignore"):
            strong = adx >= c.adx_min
            long_trig = (recent(crossed_above(fast, slow), c.cross_window) & (fast > slow)
                         & (m["macd"] > m["signal"]) & (m["hist"] > 0) & strong)
            short_trig = (recent(crossed_below(fast, slow), c.cross_window) & (fast < slow)
                          & (m["macd"] < m["signal"]) & (m["hist"] < 0) & strong)
        return long_trig, short_trig

    def build_setup(self, ind: Indicators, i: int, side: Side) -> Setup | None:
        c, s = self.config, ind.series
        atr = float(ind("atr", length=c.atr_length)[i])
        slow = float(ind("ema", length=c.slow_ema)[i])
        adx = float(ind("adx", length=c.adx_length)["adx"][i])
        if not (np.isfinite(atr) and atr > 0 and np.isfinite(slow)):
            return None
        entry = float(s.close[i])
        lo = max(0, i - c.swing_bars + 1)
        sign = 1.0 if side == Side.LONG else -1.0
        second = entry - sign * c.second_entry_atr * atr
        if side == Side.LONG:
            stop = min(float(s.low[lo:i + 1].min()), slow - c.stop_atr * atr, second - c.stop_atr * atr)
        else:
            stop = max(float(s.high[lo:i + 1].max()), slow + c.stop_atr * atr, second + c.stop_atr * atr)
        if stop <= 0 or second <= 0:
            return None
        entries = (entry, second) if c.second_entry_atr > 0 else (entry,)
        return Setup(
            strategy=self.name, symbol=s.symbol, timeframe=s.timeframe, candle_ts=int(s.ts[i]), side=side,
            entries=entries, targets=tuple(entry + sign * m * atr for m in c.target_atr), stop=stop,
            # ADX 20 → 0.5, ADX 50+ → 1.0: a stronger trend is a more trustworthy cross
            confidence=clip01(0.5 + (adx - c.adx_min) / 60.0),
            reason=f"EMA{c.fast_ema}/EMA{c.slow_ema} cross, MACD confirms, ADX {adx:.1f}",
            meta={"adx": round(adx, 2), "atr": atr},
        )
