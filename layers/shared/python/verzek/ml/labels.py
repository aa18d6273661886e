"""Training labels (offline only): did price reach the up-barrier before the down-barrier?

Triple-barrier label for bar i, decided at its close: up = close + tp_atr·ATR, down = close −
sl_atr·ATR, horizon H bars. 1 if a later bar's high reaches `up` before any bar's low reaches
`down` (a bar touching both counts as down: the pessimistic reading of an OHLC bar), else 0.
The last H bars have no label (NaN). Uses only bars after i: labels are the future by design,
which is why training splits by time with an embargo of H bars between train and test.
"""

from __future__ import annotations

import numpy as np

from verzek.indicators import Indicators


def triple_barrier_labels(ind: Indicators, horizon: int, tp_atr: float, sl_atr: float,
                          atr_length: int = 14) -> np.ndarray:
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
    labels = (first_up < first_down).astype(np.float64)
    labels[n - horizon:] = np.nan
    labels[~np.isfinite(atr)] = np.nan
    return labels
