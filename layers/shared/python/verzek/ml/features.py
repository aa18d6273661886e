"""The ML feature vector: 24 scale-free features from 20 indicators of the shared registry.

Every feature is invariant to the price level (ratios, oscillators, percentages), so one model
serves BTC-quoted alts at 1e-5 and USDT majors at 1e5. Feature order is part of the model's
contract: it is written into the model's sidecar JSON and checked at load time.
"""

from __future__ import annotations

import numpy as np

from verzek.indicators import Indicators

FEATURE_NAMES: tuple[str, ...] = (
    "rsi_14", "rsi_7", "stoch_k", "stoch_k_minus_d", "stochrsi_k", "macd_hist_pct", "ppo",
    "bb_percent_b", "bb_bandwidth", "natr_14", "adx_14", "di_diff", "cci_20", "mfi_14", "willr_14",
    "roc_10", "roc_3", "uo", "aroon_osc", "trix_15", "zscore_20", "log_rvol_20", "close_vs_ema50_pct",
    "slope_14_pct",
)

# Longest look-back among the features (plus settling); rows before this are not model inputs.
WARMUP_BARS = 200


def build_features(ind: Indicators) -> np.ndarray:
    """float32 matrix (bars × features), NaN where an indicator is still warming up."""
    close = ind.series.close
    st, bb, m, dx = ind("stoch"), ind("bbands", length=20, std=2.0), ind("macd"), ind("adx", length=14)
    with np.errstate(divide="ignore", invalid="ignore"):
        columns = [
            ind("rsi", length=14),
            ind("rsi", length=7),
            st["k"],
            st["k"] - st["d"],
            ind("stochrsi")["k"],
            100.0 * m["hist"] / close,
            ind("ppo"),
            bb["percent_b"],
            bb["bandwidth"],
            ind("natr", length=14),
            dx["adx"],
            dx["plus_di"] - dx["minus_di"],
            ind("cci", length=20),
            ind("mfi", length=14),
            ind("willr", length=14),
            ind("roc", length=10),
            ind("roc", length=3),
            ind("uo"),
            ind("aroon", length=14)["osc"],
            ind("trix", length=15),
            ind("zscore", length=20),
            np.log(ind("rvol", length=20)),
            100.0 * (close / ind("ema", length=50) - 1.0),
            100.0 * ind("linreg_slope", length=14) / close,
        ]
    features = np.column_stack(columns).astype(np.float32)
    features[~np.isfinite(features)] = np.nan  # log(0 volume) etc.: treated as missing, row skipped
    return features


def usable_rows(features: np.ndarray) -> np.ndarray:
    """Boolean mask of rows with every feature present (past warm-up, no missing value)."""
    mask = np.all(np.isfinite(features), axis=1)
    mask[:WARMUP_BARS] = False
    return mask
