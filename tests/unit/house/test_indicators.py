"""Indicator layer vs independent implementations: pandas-ta-classic's own pandas code
(`talib=False`) on real candles, and hand-computed cases."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pandas_ta_classic as ta
import pytest
from verzek.indicators import Indicators, available, compute
from verzek.indicators.library import price_scale
from verzek.indicators.structure import pivot_lows, rolling_min
from verzek.marketdata import OhlcvSeries, load_recorded_file


@pytest.fixture(scope="module")
def eth(shared_ohlcv) -> OhlcvSeries:
    return load_recorded_file(shared_ohlcv / "ETH_BTC-5m.json").tail(2000)


@pytest.fixture(scope="module")
def frame(eth) -> pd.DataFrame:
    return pd.DataFrame({"open": eth.open, "high": eth.high, "low": eth.low, "close": eth.close,
                         "volume": eth.volume})


NO_TALIB = {"talib": False}

# (our name, our params, our output key or None, reference builder, reference column or None)
CASES = [
    ("sma", {"length": 20}, None, lambda d: ta.sma(d.close, 20, **NO_TALIB), None),
    ("ema", {"length": 20}, None, lambda d: ta.ema(d.close, 20, **NO_TALIB), None),
    ("wma", {"length": 20}, None, lambda d: ta.wma(d.close, 20, **NO_TALIB), None),
    ("dema", {"length": 20}, None, lambda d: ta.dema(d.close, 20, **NO_TALIB), None),
    ("tema", {"length": 20}, None, lambda d: ta.tema(d.close, 20, **NO_TALIB), None),
    ("kama", {"length": 10}, None, lambda d: ta.kama(d.close, 10, **NO_TALIB), None),
    ("rsi", {"length": 14}, None, lambda d: ta.rsi(d.close, 14, **NO_TALIB), None),
    ("stoch", {}, "k", lambda d: ta.stoch(d.high, d.low, d.close, **NO_TALIB), 0),
    ("stoch", {}, "d", lambda d: ta.stoch(d.high, d.low, d.close, **NO_TALIB), 1),
    ("stochrsi", {}, "k", lambda d: ta.stochrsi(d.close, **NO_TALIB), 0),
    ("macd", {}, "macd", lambda d: ta.macd(d.close, **NO_TALIB), 0),
    ("macd", {}, "hist", lambda d: ta.macd(d.close, **NO_TALIB), 1),
    ("macd", {}, "signal", lambda d: ta.macd(d.close, **NO_TALIB), 2),
    ("bbands", {}, "lower", lambda d: ta.bbands(d.close, 20, 2, **NO_TALIB), 0),
    ("bbands", {}, "upper", lambda d: ta.bbands(d.close, 20, 2, **NO_TALIB), 2),
    ("bbands", {}, "percent_b", lambda d: ta.bbands(d.close, 20, 2, **NO_TALIB), 4),
    ("atr", {"length": 14}, None, lambda d: ta.atr(d.high, d.low, d.close, 14, **NO_TALIB), None),
    ("natr", {"length": 14}, None, lambda d: ta.natr(d.high, d.low, d.close, 14, **NO_TALIB), None),
    ("adx", {}, "adx", lambda d: ta.adx(d.high, d.low, d.close, 14, **NO_TALIB), 0),
    ("adx", {}, "plus_di", lambda d: ta.adx(d.high, d.low, d.close, 14, **NO_TALIB), 1),
    ("adx", {}, "minus_di", lambda d: ta.adx(d.high, d.low, d.close, 14, **NO_TALIB), 2),
    ("cci", {"length": 14}, None, lambda d: ta.cci(d.high, d.low, d.close, 14, **NO_TALIB), None),
    ("mfi", {"length": 14}, None, lambda d: ta.mfi(d.high, d.low, d.close, d.volume, 14, **NO_TALIB), None),
    ("obv", {}, None, lambda d: ta.obv(d.close, d.volume, **NO_TALIB), None),
    ("willr", {"length": 14}, None, lambda d: ta.willr(d.high, d.low, d.close, 14, **NO_TALIB), None),
    ("roc", {"length": 10}, None, lambda d: ta.roc(d.close, 10, **NO_TALIB), None),
    ("mom", {"length": 10}, None, lambda d: ta.mom(d.close, 10, **NO_TALIB), None),
    ("trix", {"length": 30}, None, lambda d: ta.trix(d.close, 30, **NO_TALIB), 0),
    ("uo", {}, None, lambda d: ta.uo(d.high, d.low, d.close, **NO_TALIB), None),
    ("aroon", {}, "up", lambda d: ta.aroon(d.high, d.low, 14, **NO_TALIB), 1),
    ("aroon", {}, "osc", lambda d: ta.aroon(d.high, d.low, 14, **NO_TALIB), 2),
    ("ppo", {}, None, lambda d: ta.ppo(d.close, **NO_TALIB), 0),
    ("apo", {}, None, lambda d: ta.apo(d.close, **NO_TALIB), None),
    ("bop", {}, None, lambda d: ta.bop(d.open, d.high, d.low, d.close, **NO_TALIB), None),
    ("ad", {}, None, lambda d: ta.ad(d.high, d.low, d.close, d.volume, **NO_TALIB), None),
    ("adosc", {}, None, lambda d: ta.adosc(d.high, d.low, d.close, d.volume, **NO_TALIB), None),
    ("stdev", {"length": 20}, None, lambda d: ta.stdev(d.close, 20, ddof=0, **NO_TALIB), None),
    ("zscore", {"length": 20}, None, lambda d: ta.zscore(d.close, 20, **NO_TALIB), None),
    ("linreg_slope", {"length": 14}, None, lambda d: ta.linreg(d.close, 14, slope=True, **NO_TALIB), None),
    ("donchian", {}, "upper", lambda d: ta.donchian(d.high, d.low, 20, 20), 2),
    ("keltner", {}, "upper", lambda d: ta.kc(d.high, d.low, d.close, 20, 2, mamode="ema", **NO_TALIB), 2),
]


def test_at_least_25_indicators_by_name():
    assert len(available()) >= 25


@pytest.mark.parametrize("name,params,key,ref,col", CASES, ids=[f"{c[0]}-{c[2] or ''}" for c in CASES])
def test_matches_pandas_ta_classic_own_implementation(eth, frame, name, params, key, ref, col):
    ours = compute(name, eth, **params)
    ours = ours[key] if key else ours
    theirs = ref(frame)
    theirs = np.asarray(theirs.iloc[:, col] if col is not None else theirs, dtype=float)
    skip = 600  # recursive indicators (Wilder ADX slowest) seed differently; compare once washed out
    a, b = ours[skip:], theirs[skip:]
    assert np.array_equal(np.isnan(a), np.isnan(b))
    scale = np.nanmax(np.abs(b)) or 1.0
    assert np.nanmax(np.abs(a - b)) / scale < 1e-9


def test_every_indicator_is_causal(eth):
    """Appending candles never changes an already computed value."""
    short, full = eth.slice(0, 1500), eth
    for name in available():
        a, b = compute(name, short), compute(name, full)
        pairs = a.items() if isinstance(a, dict) else [("", a)]
        for key, values in pairs:
            other = b[key] if key else b
            np.testing.assert_allclose(values, other[:1500], rtol=1e-12, atol=0, equal_nan=True,
                                       err_msg=f"{name}.{key}")


def _series(close, high=None, low=None, volume=None) -> OhlcvSeries:
    close = np.asarray(close, dtype=float)
    n = len(close)
    return OhlcvSeries("T/USDT", "1m", np.arange(n, dtype=np.int64) * 60_000, close.copy(),
                       np.asarray(high if high is not None else close, dtype=float),
                       np.asarray(low if low is not None else close, dtype=float), close.copy(),
                       np.asarray(volume if volume is not None else np.ones(n), dtype=float))


def test_hand_computed_sma_rsi_vwap_rvol():
    s = _series([1, 2, 3, 4, 5, 6], volume=[1, 1, 1, 1, 1, 4])
    np.testing.assert_allclose(compute("sma", s, length=3)[2:], [2, 3, 4, 5])
    # only gains: RSI is 100 by definition
    assert compute("rsi", s, length=3)[-1] == pytest.approx(100.0)
    # vwap over 2 bars of typical price (= close here): (5*1 + 6*4) / 5
    assert compute("vwap", s, length=2)[-1] == pytest.approx(29 / 5)
    # relative volume: 4 / mean of the previous 3 volumes (1, 1, 1)
    assert compute("rvol", s, length=3)[-1] == pytest.approx(4.0)
    # RSI with Wilder smoothing, length 2: closes 1,2,1 → avg gain 0.5, avg loss 0.5 → 50
    assert compute("rsi", _series([1, 2, 1]), length=2)[-1] == pytest.approx(50.0)


def test_cmo_is_twice_rsi_minus_100(eth):
    np.testing.assert_allclose(compute("cmo", eth, length=14), 2 * compute("rsi", eth, length=14) - 100,
                               atol=1e-9, equal_nan=True)


def test_low_priced_pairs_are_normalised_before_ta_lib(shared_ohlcv):
    """TA-Lib treats |x| < 1e-8 as zero in DI/ADX; TRX/BTC trades at ~1e-5. Scaling must make the
    result independent of the quote's magnitude."""
    trx = load_recorded_file(shared_ohlcv / "TRX_BTC-5m.json")
    assert price_scale(trx) == 1e4  # first close 1.07e-4
    bigger = OhlcvSeries(trx.symbol, trx.timeframe, trx.ts, trx.open * 1e5, trx.high * 1e5, trx.low * 1e5,
                         trx.close * 1e5, trx.volume)
    np.testing.assert_allclose(compute("adx", trx)["adx"], compute("adx", bigger)["adx"], atol=1e-9,
                               equal_nan=True)
    np.testing.assert_allclose(compute("atr", trx) * 1e5, compute("atr", bigger), rtol=1e-12, equal_nan=True)


def test_pivot_lows_hand_computed():
    low = np.array([5, 4, 3, 4, 5, 6, 2, 6, 7, 8, 1.0])
    assert pivot_lows(low, 2, 2).tolist() == [2, 6]  # 10 has no right side yet: not a pivot
    np.testing.assert_allclose(rolling_min(low, 3)[2:5], [3, 3, 3])


def test_memoised_access_and_unknown_name(eth):
    ind = Indicators(eth)
    assert ind("rsi", length=14) is ind("rsi", length=14)
    with pytest.raises(KeyError, match="unknown indicator"):
        ind("nope")
    json.dumps(available())  # names are plain strings (exposed in docs/CLI)
