"""Benchmarks of the house signal engine (figures, not assertions; see docs/decisions/indicators.md).

1. One tick of all four strategies over 100 symbols × 500 candles (goal ≤ 0.5 s CPU): replay fetch,
   indicators, decisions, signal construction — the runner's real `run_tick`.
2. The indicator layer vs bare TA-Lib on the same data (200 symbols × 500 candles, 6 indicators),
   as a ratio (goal ≤ 3×); pandas-ta-classic with and without TA-Lib for reference.
3. ML inference for 200 symbols (features + one batched onnxruntime call).

Series are real recorded candles (the bundled sample), cut into distinct 500-candle windows and
re-stamped onto a common clock so 100/200 "symbols" exist. Run: .venv/bin/python scripts/bench_strategies.py
"""

from __future__ import annotations

import asyncio
import statistics
import time
import warnings

import numpy as np
from verzek.indicators import Indicators
from verzek.marketdata import ManualClock, OhlcvSeries, ReplayMarketData, timeframe_ms
from verzek.strategies import create_strategy
from verzek.strategies.runner import run_tick

warnings.filterwarnings("ignore")
N = 500


def windows(market: ReplayMarketData, timeframe: str, count: int, end_ms: int) -> list[OhlcvSeries]:
    out = []
    tf = timeframe_ms(timeframe)
    sources = [market.full_series(s, timeframe) for s in market.symbols(timeframe)]
    k = 0
    while len(out) < count:
        src = sources[k % len(sources)]
        start = (k // len(sources)) * 137 % (len(src) - N)
        w = src.slice(start, start + N)
        ts = end_ms - tf * np.arange(N, 0, -1, dtype=np.int64)  # common grid ending at end_ms
        out.append(OhlcvSeries(f"S{len(out):03d}/BTC", timeframe, ts, w.open, w.high, w.low, w.close, w.volume))
        k += 1
    return out


def cpu(fn, repeat: int = 5) -> tuple[float, float]:
    """(median, min) process CPU seconds over `repeat` runs."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), min(times)


def main() -> None:
    sample = ReplayMarketData.from_sample()
    end = 1_600_000_000_000
    five = windows(sample, "5m", 200, end)
    one = windows(sample, "1m", 100, end)
    market = ReplayMarketData(five[:100] + one, ManualClock(end))
    symbols = [s.symbol for s in five[:100]]
    strategies = {n: create_strategy(n) for n in ("scalping", "trend", "qfl", "ml")}

    print("== 1. one tick, 100 symbols x 500 candles (CPU seconds, median of 5; cold = first ML tick) ==")
    sink: list = []
    t0 = time.process_time()
    asyncio.run(run_tick(strategies["ml"], market, sink.append, symbols))
    print(f"ml cold (model load + first tick): {time.process_time() - t0:.3f}s")
    total = 0.0
    for name, strategy in strategies.items():
        med, best = cpu(lambda s=strategy: asyncio.run(run_tick(s, market, sink.append, symbols)))
        total += med
        print(f"{name:9s} {med:.3f}s (min {best:.3f}s)")
    med_all, _ = cpu(lambda: [asyncio.run(run_tick(s, market, sink.append, symbols)) for s in strategies.values()])
    print(f"all four: {med_all:.3f}s per tick (goal <= 0.5 s)")

    print("\n== 2. indicator layer vs TA-Lib, 200 symbols x 500 candles, 6 indicators ==")
    import talib

    def bare_talib():
        for s in five:
            talib.RSI(s.close, 14); talib.EMA(s.close, 20); talib.MACD(s.close)
            talib.BBANDS(s.close, 20, 2, 2); talib.ATR(s.high, s.low, s.close, 14)
            talib.STOCH(s.high, s.low, s.close, 14, 3, 0, 3, 0)

    def layer():
        for s in five:
            ind = Indicators(s)
            ind("rsi", length=14); ind("ema", length=20); ind("macd"); ind("bbands"); ind("atr", length=14)
            ind("stoch")

    t_ta, _ = cpu(bare_talib, 9)
    t_layer, _ = cpu(layer, 9)
    print(f"TA-Lib bare: {1000 * t_ta:.1f} ms   our layer: {1000 * t_layer:.1f} ms   ratio {t_layer / t_ta:.2f}x (goal <= 3x)")

    import pandas as pd
    import pandas_ta_classic as ta

    frames = [pd.DataFrame({"high": s.high, "low": s.low, "close": s.close}) for s in five]

    def pta(use_talib: bool):
        def run():
            for d in frames:
                ta.rsi(d.close, 14, talib=use_talib); ta.ema(d.close, 20, talib=use_talib)
                ta.macd(d.close, talib=use_talib); ta.bbands(d.close, 20, 2, talib=use_talib)
                ta.atr(d.high, d.low, d.close, 14, talib=use_talib)
                ta.stoch(d.high, d.low, d.close, talib=use_talib)
        return run

    t_pta_on, _ = cpu(pta(True), 3)
    t_pta_off, _ = cpu(pta(False), 3)
    print(f"pandas-ta-classic talib=True: {1000 * t_pta_on:.0f} ms ({t_pta_on / t_ta:.0f}x)   "
          f"talib=False: {1000 * t_pta_off:.0f} ms ({t_pta_off / t_ta:.0f}x)")

    print("\n== 3. ML inference, 200 symbols (last closed candle each) ==")
    ml = strategies["ml"]
    mapping = {s.symbol: s for s in five}
    med, best = cpu(lambda: ml.evaluate_many(mapping))
    from verzek.ml.features import build_features
    rows = np.vstack([build_features(Indicators(s))[-1:] for s in five])
    med_onnx, _ = cpu(lambda: ml.model.predict_proba(rows), 9)
    print(f"features + decision for 200 symbols: {1000 * med:.1f} ms (min {1000 * best:.1f}); "
          f"onnxruntime call alone (200 rows): {1000 * med_onnx:.2f} ms")


if __name__ == "__main__":
    main()
