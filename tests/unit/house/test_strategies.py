"""The four strategies on recorded candles: fire where their setup is visible (checked with TA-Lib
directly, independent of our indicator layer), stay quiet where it is not, never look ahead, and
signal a setup once."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import numpy as np
import pytest
import talib
from pydantic import ValidationError
from verzek.domain.signals import Side, SignalSource
from verzek.marketdata import ManualClock, ReplayMarketData, timeframe_ms
from verzek.strategies import create_strategy
from verzek.strategies.base import cooldown_fires

# (strategy, symbol, bar index in the full recorded series where its setup is visible,
#  a bar range where nothing fires) — found once by scanning the bundled sample.
CASES = {
    "scalping": ("ETH/BTC", 2408, (2934, 7074)),
    "trend": ("LTC/BTC", 800, (1003, 1609)),
    "qfl": ("ETH/BTC", 1524, (2130, 2600)),
    "ml": ("ADA/BTC", 1388, (2870, 3100)),
}
# The retrained USDT model scores these 2018 BTC-quoted candles below the shipped 0.55 threshold (it
# never reaches it out of sample either: see its model card), so the ML tests decide at 0.42.
OVERRIDES = {"ml": {"threshold": 0.42}}


def _strategy(name):
    return create_strategy(name, OVERRIDES.get(name))


def _live_decision(market, strategy, symbol, bar):
    """What a live tick sees at the close of `bar`: the replay port with the clock at that moment."""
    full = market.full_series(symbol, strategy.timeframe)
    replay = ReplayMarketData([full], ManualClock(int(full.ts[bar]) + timeframe_ms(strategy.timeframe)))
    window = asyncio.run(replay.fetch_series(symbol, strategy.timeframe, strategy.config.lookback))
    assert window.ts[-1] == full.ts[bar]
    return full, strategy.evaluate(window)


@pytest.mark.parametrize("name", list(CASES))
def test_fires_where_the_setup_is_visible(sample_market, name):
    strategy = _strategy(name)
    symbol, bar, _ = CASES[name]
    full, setups = _live_decision(sample_market, strategy, symbol, bar)
    assert len(setups) == 1
    setup = setups[0]
    assert setup.side == Side.LONG and setup.candle_ts == full.ts[bar]
    c, h, lo, cfg = full.close[: bar + 1] * 1e4, full.high[: bar + 1] * 1e4, full.low[: bar + 1] * 1e4, strategy.config
    if name == "scalping":
        k, d = talib.STOCH(h, lo, c, cfg.stoch_k, cfg.stoch_smooth, 0, cfg.stoch_d, 0)
        rsi = talib.RSI(c, cfg.rsi_length)
        assert k[-2] <= d[-2] and k[-1] > d[-1] and k[-2] < cfg.stoch_oversold
        assert rsi[-cfg.rsi_lookback:].min() < cfg.rsi_oversold
    elif name == "trend":
        fast, slow = talib.EMA(c, cfg.fast_ema), talib.EMA(c, cfg.slow_ema)
        macd, sig, hist = talib.MACD(c)
        crossed = (fast[-cfg.cross_window - 1:-1] <= slow[-cfg.cross_window - 1:-1]) & \
                  (fast[-cfg.cross_window:] > slow[-cfg.cross_window:])
        assert crossed.any() and fast[-1] > slow[-1] and macd[-1] > sig[-1] and hist[-1] > 0
        assert talib.ADX(h, lo, c)[-1] >= cfg.adx_min
    elif name == "qfl":
        base = setup.meta["base_level"]
        base_bar = int(np.searchsorted(full.ts, setup.meta["base_ts"]))
        assert full.low[base_bar] == base  # the base is a real recorded low ...
        assert full.close[bar] < base * (1 - cfg.crack_pct)  # ... and this close cracked it
        assert full.close[bar - 1] >= base * (1 - cfg.crack_pct)
        assert full.high[base_bar + 1: bar].max() >= base * (1 + cfg.bounce_pct)  # it had bounced
    else:  # score the same candles with onnxruntime directly, bypassing the strategy's batching
        import onnxruntime as ort
        from verzek.indicators import Indicators
        from verzek.ml.features import build_features
        from verzek.ml.model import DEFAULT_MODEL

        window = full.slice(bar + 1 - cfg.lookback, bar + 1)
        session = ort.InferenceSession(str(DEFAULT_MODEL), providers=["CPUExecutionProvider"])
        row = build_features(Indicators(window))[-1:]
        proba = session.run(["probabilities"], {session.get_inputs()[0].name: row})[0][0, 1]
        assert proba >= cfg.threshold and setup.confidence == pytest.approx(proba, abs=1e-6)
    signal = strategy.to_signal(setup)
    assert signal.source == SignalSource(name) and signal.external_id == f"{name}:{symbol}:{strategy.timeframe}:{full.ts[bar]}"
    assert all(isinstance(p, Decimal) for p in (*signal.entries, *signal.targets, signal.stop_loss))
    assert signal.stop_loss < min(signal.entries) <= max(signal.entries) < min(signal.targets)
    assert Decimal(0) <= signal.confidence <= Decimal(1)


@pytest.mark.parametrize("name", list(CASES))
def test_stays_quiet_where_there_is_no_setup(sample_market, name):
    strategy = _strategy(name)
    symbol, _, (start, stop) = CASES[name]
    full = sample_market.full_series(symbol, strategy.timeframe)
    assert strategy.scan(full.slice(0, stop), start=start) == []
    for bar in range(start, stop, 97):  # and the live path agrees at sampled bars
        assert _live_decision(sample_market, strategy, symbol, bar)[1] == []


@pytest.mark.parametrize("name", list(CASES))
def test_appending_future_candles_never_changes_a_past_decision(sample_market, name):
    strategy = _strategy(name)
    symbol = CASES[name][0]
    full = sample_market.full_series(symbol, strategy.timeframe).slice(0, 3000)
    reference = strategy.scan(full)
    assert reference, "the window must contain decisions to compare"
    for cut in (700, 1300, 2111, 2999):
        truncated = strategy.scan(full.slice(0, cut))
        assert truncated == [s for s in reference if s.candle_ts <= full.ts[cut - 1]]


def test_a_persistent_condition_is_signalled_once():
    trig = np.array([0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1], dtype=bool)
    assert np.flatnonzero(cooldown_fires(trig, 3)).tolist() == [1, 11]
    assert np.flatnonzero(cooldown_fires(trig, 0)).tolist() == np.flatnonzero(trig).tolist()


def test_rerunning_a_tick_gives_the_same_signal(sample_market):
    strategy = create_strategy("qfl")
    symbol, bar, _ = CASES["qfl"]
    a = strategy.to_signal(_live_decision(sample_market, strategy, symbol, bar)[1][0])
    b = strategy.to_signal(_live_decision(sample_market, create_strategy("qfl"), symbol, bar)[1][0])
    assert a == b


def test_config_is_validated():
    with pytest.raises(ValidationError):
        create_strategy("trend", {"fast_ema": 60, "slow_ema": 50})
    with pytest.raises(ValidationError):
        create_strategy("scalping", {"allow_short": True})  # spot cannot short
    with pytest.raises(ValidationError):
        create_strategy("qfl", {"crack_pct": "lots"})
    with pytest.raises(ValidationError):
        create_strategy("ml", {"unknown_knob": 1})
    with pytest.raises(ValueError, match="unknown strategy"):
        create_strategy("martingale")
    assert create_strategy("trend").config.version != create_strategy("trend", {"adx_min": 25}).config.version


def test_short_setups_on_futures_are_mirrored(sample_market):
    strategy = create_strategy("scalping", {"allow_short": True, "market": "futures"})
    full = sample_market.full_series("ETH/BTC", "1m").slice(0, 4000)
    shorts = [s for s in strategy.scan(full) if s.side == Side.SHORT]
    assert shorts
    for s in shorts:
        assert max(s.targets) < s.entries[0] < s.stop
