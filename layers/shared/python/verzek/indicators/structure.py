"""Market-structure helpers (swing points) used for bases, stops and targets. All causal."""

from __future__ import annotations

import numpy as np


def pivot_lows(low: np.ndarray, left: int, right: int) -> np.ndarray:
    """Indices i where low[i] is the strict minimum of low[i-left .. i+right] (ties go to the first).

    A pivot at i is only *known* once bar i+right has closed; callers must treat it as confirmed at
    i+right, never earlier (see `confirmed_at`).
    """
    n = low.shape[0]
    if n < left + right + 1:
        return np.empty(0, dtype=np.int64)
    windows = np.lib.stride_tricks.sliding_window_view(low, left + right + 1)
    centre = windows[:, left]
    is_min = (centre <= windows.min(axis=1)) & (np.argmin(windows, axis=1) == left)
    return np.flatnonzero(is_min) + left


def pivot_highs(high: np.ndarray, left: int, right: int) -> np.ndarray:
    return pivot_lows(-high, left, right)


def rolling_min(values: np.ndarray, length: int) -> np.ndarray:
    """min(values[i-length+1 .. i]), NaN before the window is full."""
    out = np.full(values.shape, np.nan)
    if values.shape[0] >= length > 0:
        out[length - 1:] = np.lib.stride_tricks.sliding_window_view(values, length).min(axis=1)
    return out


def rolling_max(values: np.ndarray, length: int) -> np.ndarray:
    out = np.full(values.shape, np.nan)
    if values.shape[0] >= length > 0:
        out[length - 1:] = np.lib.stride_tricks.sliding_window_view(values, length).max(axis=1)
    return out
