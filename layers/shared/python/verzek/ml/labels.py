"""Training labels (offline only): did price reach the up-barrier before the down-barrier?

Triple-barrier label for bar i, decided at its close: up = close + tp_atr·ATR, down = close −
sl_atr·ATR, horizon H bars. 1 if a later bar's high reaches `up` before any bar's low reaches
`down` (a bar touching both counts as down: the pessimistic reading of an OHLC bar), else 0.
The last H bars have no label (NaN). Uses only bars after i: labels are the future by design,
which is why training splits by time with a purge of H bars between train and test.
"""

from __future__ import annotations

import numpy as np

from verzek.indicators import Indicators


def _first_hits(ind: Indicators, horizon: int, tp_atr: float, sl_atr: float, atr_length: int):
    """(bars to the first up-barrier hit, bars to the first down-barrier hit, ATR); inf = not hit."""
    s = ind.series
    n = len(s)
    atr = ind("atr", length=atr_length)
    up, down = s.close + tp_atr * atr, s.close - sl_atr * atr
    first_up = np.full(n, np.inf)
    first_down = np.full(n, np.inf)
    for h in range(horizon, 0, -1):  # descending, so the earliest hit wins
        hi = np.r_[s.high[h:], np.full(h, np.nan)]
        lo = np.r_[s.low[h:], np.full(h, np.nan)]
        with np.errstate(invalid="ignore"):
            first_up[hi >= up] = h
            first_down[lo <= down] = h
    return first_up, first_down, atr


def triple_barrier_labels(ind: Indicators, horizon: int, tp_atr: float, sl_atr: float,
                          atr_length: int = 14) -> np.ndarray:
    n = len(ind.series)
    first_up, first_down, atr = _first_hits(ind, horizon, tp_atr, sl_atr, atr_length)
    labels = (first_up < first_down).astype(np.float64)
    labels[n - horizon:] = np.nan
    labels[~np.isfinite(atr)] = np.nan
    return labels


def barrier_outcomes_r(ind: Indicators, horizon: int, tp_atr: float, sl_atr: float,
                       atr_length: int = 14) -> np.ndarray:
    """The labelled trade's result in R (R = sl_atr·ATR, the stop distance), before fees: +tp/sl if
    the up-barrier is hit first, −1 if the down-barrier is (or both in one bar), else the close
    `horizon` bars later relative to the entry close. NaN where there is no label."""
    s = ind.series
    n = len(s)
    first_up, first_down, atr = _first_hits(ind, horizon, tp_atr, sl_atr, atr_length)
    risk = sl_atr * atr
    later = np.r_[s.close[horizon:], np.full(horizon, np.nan)]
    with np.errstate(invalid="ignore", divide="ignore"):
        timeout = (later - s.close) / risk
    r = np.where(first_up < first_down, tp_atr / sl_atr, np.where(np.isfinite(first_down), -1.0, timeout))
    r[n - horizon:] = np.nan
    r[~np.isfinite(atr)] = np.nan
    return r
