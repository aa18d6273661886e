"""QFL (quick-fingers-Luc): buy panic cracks below a proven base.

A *base* is a swing low (lowest of `pivot_left` bars before and `pivot_right` after) printed on
above-average volume, from which price then bounced at least `bounce_pct` within `bounce_window`
bars without undercutting it. The base is known only once both the pivot's right side and the
bounce have closed (`confirmed_at`) — never earlier. A setup fires on the first close at least
`crack_pct` below a confirmed base (within `max_base_age` bars): the dip is bought, with a deeper
DCA entry, targets at the way back to the base, and a wide ATR stop under the lowest entry.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from verzek.domain.signals import Side, SignalSource
from verzek.indicators import Indicators
from verzek.indicators.structure import pivot_lows
from verzek.strategies.base import Setup, Strategy, clip01
from verzek.strategies.config import QflConfig


@dataclass(frozen=True)
class Base:
    pivot: int  # bar of the low
    level: float
    confirmed_at: int  # first bar at whose close the base is known
    volume_ratio: float
    bounce: float  # max rise off the level seen by confirmation, fraction


class QflStrategy(Strategy):
    name = "qfl"
    source = SignalSource.QFL
    config: QflConfig

    def bases(self, ind: Indicators) -> list[Base]:
        return ind.memo(("qfl_bases", self.config.version), lambda: self._find_bases(ind))

    def _find_bases(self, ind: Indicators) -> list[Base]:
        c, s = self.config, ind.series
        n = len(s)
        rvol = ind("rvol", length=c.volume_length)
        found = []
        for p in pivot_lows(s.low, c.pivot_left, c.pivot_right):
            if not (rvol[p] >= c.volume_factor):  # NaN (no volume history) is not a base either
                continue
            level = float(s.low[p])
            window_high = s.high[p + 1: min(n, p + c.bounce_window + 1)]
            hits = np.flatnonzero(window_high >= level * (1.0 + c.bounce_pct))
            if hits.size == 0:
                continue
            confirmed = max(p + c.pivot_right, p + 1 + int(hits[0]))
            if confirmed >= n or s.low[p + 1: confirmed + 1].min() <= level:
                continue
            bounce = float(s.high[p + 1: confirmed + 1].max()) / level - 1.0
            found.append(Base(int(p), level, int(confirmed), float(rvol[p]), bounce))
        return found

    def _cracks(self, ind: Indicators) -> dict[int, Base]:
        """bar → the base it cracks (the highest one when several crack on the same bar)."""
        def build() -> dict[int, Base]:
            c, close = self.config, ind.series.close
            cracks: dict[int, Base] = {}
            for base in self.bases(ind):
                start, stop = base.confirmed_at + 1, min(len(close), base.confirmed_at + 1 + c.max_base_age)
                below = np.flatnonzero(close[start:stop] < base.level * (1.0 - c.crack_pct))
                if below.size:
                    i = start + int(below[0])
                    if i not in cracks or cracks[i].level < base.level:
                        cracks[i] = base
            return cracks
        return ind.memo(("qfl_cracks", self.config.version), build)

    def triggers(self, ind: Indicators, from_bar: int = 0) -> tuple[np.ndarray, np.ndarray]:
        long_trig = np.zeros(len(ind.series), dtype=bool)
        long_trig[list(self._cracks(ind))] = True
        return long_trig, np.zeros_like(long_trig)  # QFL buys dips; it never shorts

    def build_setup(self, ind: Indicators, i: int, side: Side) -> Setup | None:
        c, s = self.config, ind.series
        base = self._cracks(ind).get(i)
        atr = float(ind("atr", length=c.atr_length)[i])
        if base is None or side != Side.LONG or not (np.isfinite(atr) and atr > 0):
            return None
        entry = float(s.close[i])
        second = entry * (1.0 - c.second_entry_pct)
        stop = min(entry, second) - c.stop_atr * atr
        if stop <= 0:
            return None
        gap = base.level - entry
        entries = (entry, second) if c.second_entry_pct > 0 else (entry,)
        strength = (0.5 * min(base.volume_ratio / (3.0 * max(c.volume_factor, 1e-9)), 1.0)
                    + 0.5 * min(base.bounce / (3.0 * c.bounce_pct), 1.0))
        return Setup(
            strategy=self.name, symbol=s.symbol, timeframe=s.timeframe, candle_ts=int(s.ts[i]), side=side,
            entries=entries, targets=(entry + 0.5 * gap, base.level, base.level + 0.5 * gap), stop=stop,
            confidence=clip01(0.4 + 0.5 * strength),  # stronger base (volume, bounce) = higher
            reason=f"close {100 * (1 - entry / base.level):.1f}% below base {base.level:.8g}",
            meta={"base_level": base.level, "base_ts": int(s.ts[base.pivot]),
                  "base_volume_ratio": round(base.volume_ratio, 2), "base_bounce": round(base.bounce, 4),
                  "atr": atr},
        )
