"""The indicator registry: TA-Lib (C) on float64 arrays for the hot path, numpy for the few it lacks.

Names and parameter names follow the pandas-ta family (`rsi(length=14)`, `stoch(k, d, smooth_k)`,
`bbands(length, std)` ...) so research done with pandas-ta-classic maps one to one; the decision and
measured figures are in docs/decisions/indicators.md. Every function takes an `OhlcvSeries` and
returns a float64 array aligned with it (NaN during warm-up) or a dict of such arrays. All are
causal: the value at bar i depends only on bars ≤ i.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import talib

from verzek.marketdata.series import OhlcvSeries

Output = np.ndarray | dict[str, np.ndarray]


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    func: Callable[..., Output]
    outputs: tuple[str, ...]  # () = a single array
    description: str
    price_outputs: frozenset[str]  # outputs in price units ("" = the single array)


REGISTRY: dict[str, IndicatorSpec] = {}


def indicator(name: str, description: str, outputs: tuple[str, ...] = (), price: tuple[str, ...] = ()):
    def wrap(func: Callable[..., Output]) -> Callable[..., Output]:
        REGISTRY[name] = IndicatorSpec(name, func, outputs, description, frozenset(price))
        return func
    return wrap


def _rolling_sum(values: np.ndarray, length: int) -> np.ndarray:
    out = np.full(values.shape, np.nan)
    if length <= 0 or values.shape[0] < length:
        return out
    csum = np.cumsum(np.r_[0.0, values])
    out[length - 1:] = csum[length:] - csum[:-length]
    return out


# --- overlap / moving averages -------------------------------------------------------------------
@indicator("sma", "simple moving average of close", price=("",))
def sma(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    return talib.SMA(s.close, timeperiod=length)


@indicator("ema", "exponential moving average of close (SMA-seeded)", price=("",))
def ema(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    return talib.EMA(s.close, timeperiod=length)


@indicator("wma", "linearly weighted moving average of close", price=("",))
def wma(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    return talib.WMA(s.close, timeperiod=length)


@indicator("dema", "double exponential moving average", price=("",))
def dema(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    return talib.DEMA(s.close, timeperiod=length)


@indicator("tema", "triple exponential moving average", price=("",))
def tema(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    return talib.TEMA(s.close, timeperiod=length)


@indicator("kama", "Kaufman adaptive moving average", price=("",))
def kama(s: OhlcvSeries, length: int = 10) -> np.ndarray:
    return talib.KAMA(s.close, timeperiod=length)


@indicator("bbands", "Bollinger bands, bandwidth (upper-lower)/middle, %B",
           ("upper", "middle", "lower", "bandwidth", "percent_b"),
           price=("upper", "middle", "lower"))
def bbands(s: OhlcvSeries, length: int = 20, std: float = 2.0) -> dict[str, np.ndarray]:
    upper, middle, lower = talib.BBANDS(s.close, timeperiod=length, nbdevup=std, nbdevdn=std, matype=0)
    width = upper - lower
    with np.errstate(divide="ignore", invalid="ignore"):
        return {"upper": upper, "middle": middle, "lower": lower, "bandwidth": width / middle,
                "percent_b": np.where(width > 0, (s.close - lower) / width, 0.5)}


@indicator("sar", "parabolic stop-and-reverse", price=("",))
def sar(s: OhlcvSeries, af: float = 0.02, max_af: float = 0.2) -> np.ndarray:
    return talib.SAR(s.high, s.low, acceleration=af, maximum=max_af)


@indicator("vwap", "rolling volume-weighted average of typical price", price=("",))
def vwap(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    typical = (s.high + s.low + s.close) / 3.0
    vol = _rolling_sum(s.volume, length)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(vol > 0, _rolling_sum(typical * s.volume, length) / vol, np.nan)


@indicator("donchian", "Donchian channel: highest high / lowest low over `length` bars",
           ("upper", "middle", "lower"), price=("upper", "middle", "lower"))
def donchian(s: OhlcvSeries, length: int = 20) -> dict[str, np.ndarray]:
    upper, lower = talib.MAX(s.high, timeperiod=length), talib.MIN(s.low, timeperiod=length)
    return {"upper": upper, "middle": (upper + lower) / 2.0, "lower": lower}


@indicator("keltner", "Keltner channel: EMA(close) ± scalar × EMA(true range) (pandas-ta `kc`)",
           ("upper", "middle", "lower"), price=("upper", "middle", "lower"))
def keltner(s: OhlcvSeries, length: int = 20, scalar: float = 2.0) -> dict[str, np.ndarray]:
    middle = talib.EMA(s.close, timeperiod=length)
    band = scalar * talib.EMA(talib.TRANGE(s.high, s.low, s.close), timeperiod=length)
    return {"upper": middle + band, "middle": middle, "lower": middle - band}


# --- momentum ------------------------------------------------------------------------------------
@indicator("rsi", "relative strength index (Wilder)")
def rsi(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.RSI(s.close, timeperiod=length)


@indicator("stoch", "slow stochastic %K/%D", ("k", "d"))
def stoch(s: OhlcvSeries, k: int = 14, d: int = 3, smooth_k: int = 3) -> dict[str, np.ndarray]:
    slowk, slowd = talib.STOCH(s.high, s.low, s.close, fastk_period=k, slowk_period=smooth_k,
                               slowk_matype=0, slowd_period=d, slowd_matype=0)
    return {"k": slowk, "d": slowd}


@indicator("stochrsi", "stochastic of RSI, %K/%D", ("k", "d"))
def stochrsi(s: OhlcvSeries, length: int = 14, rsi_length: int = 14, k: int = 3, d: int = 3
             ) -> dict[str, np.ndarray]:
    r = talib.RSI(s.close, timeperiod=rsi_length)
    lo, hi = talib.MIN(r, timeperiod=length), talib.MAX(r, timeperiod=length)
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = np.where(hi > lo, 100.0 * (r - lo) / (hi - lo), 50.0)
    raw[np.isnan(hi)] = np.nan
    kk = talib.SMA(raw, timeperiod=k)
    return {"k": kk, "d": talib.SMA(kk, timeperiod=d)}


@indicator("macd", "moving average convergence/divergence", ("macd", "signal", "hist"),
           price=("macd", "signal", "hist"))
def macd(s: OhlcvSeries, fast: int = 12, slow: int = 26, signal: int = 9) -> dict[str, np.ndarray]:
    line, sig, hist = talib.MACD(s.close, fastperiod=fast, slowperiod=slow, signalperiod=signal)
    return {"macd": line, "signal": sig, "hist": hist}


@indicator("ppo", "percentage price oscillator")
def ppo(s: OhlcvSeries, fast: int = 12, slow: int = 26) -> np.ndarray:
    return talib.PPO(s.close, fastperiod=fast, slowperiod=slow, matype=0)


@indicator("apo", "absolute price oscillator", price=("",))
def apo(s: OhlcvSeries, fast: int = 12, slow: int = 26) -> np.ndarray:
    return talib.APO(s.close, fastperiod=fast, slowperiod=slow, matype=0)


@indicator("cci", "commodity channel index")
def cci(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.CCI(s.high, s.low, s.close, timeperiod=length)


@indicator("mfi", "money flow index")
def mfi(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.MFI(s.high, s.low, s.close, s.volume, timeperiod=length)


@indicator("willr", "Williams %R")
def willr(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.WILLR(s.high, s.low, s.close, timeperiod=length)


@indicator("roc", "rate of change, percent")
def roc(s: OhlcvSeries, length: int = 10) -> np.ndarray:
    return talib.ROC(s.close, timeperiod=length)


@indicator("mom", "momentum (close - close n bars ago)", price=("",))
def mom(s: OhlcvSeries, length: int = 10) -> np.ndarray:
    return talib.MOM(s.close, timeperiod=length)


@indicator("cmo", "Chande momentum oscillator, Wilder-smoothed (TA-Lib; = 2·RSI − 100)")
def cmo(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.CMO(s.close, timeperiod=length)


@indicator("trix", "1-bar rate of change of a triple-smoothed EMA, percent")
def trix(s: OhlcvSeries, length: int = 30) -> np.ndarray:
    return talib.TRIX(s.close, timeperiod=length)


@indicator("uo", "ultimate oscillator")
def uo(s: OhlcvSeries, fast: int = 7, medium: int = 14, slow: int = 28) -> np.ndarray:
    return talib.ULTOSC(s.high, s.low, s.close, timeperiod1=fast, timeperiod2=medium, timeperiod3=slow)


@indicator("bop", "balance of power")
def bop(s: OhlcvSeries) -> np.ndarray:
    return talib.BOP(s.open, s.high, s.low, s.close)


# --- trend ---------------------------------------------------------------------------------------
@indicator("adx", "average directional index with +DI/-DI", ("adx", "plus_di", "minus_di"))
def adx(s: OhlcvSeries, length: int = 14) -> dict[str, np.ndarray]:
    return {"adx": talib.ADX(s.high, s.low, s.close, timeperiod=length),
            "plus_di": talib.PLUS_DI(s.high, s.low, s.close, timeperiod=length),
            "minus_di": talib.MINUS_DI(s.high, s.low, s.close, timeperiod=length)}


@indicator("aroon", "Aroon up/down and oscillator", ("up", "down", "osc"))
def aroon(s: OhlcvSeries, length: int = 14) -> dict[str, np.ndarray]:
    down, up = talib.AROON(s.high, s.low, timeperiod=length)
    return {"up": up, "down": down, "osc": up - down}


@indicator("linreg_slope", "slope of the least-squares line over `length` closes", price=("",))
def linreg_slope(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.LINEARREG_SLOPE(s.close, timeperiod=length)


# --- volatility ----------------------------------------------------------------------------------
@indicator("atr", "average true range (Wilder)", price=("",))
def atr(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.ATR(s.high, s.low, s.close, timeperiod=length)


@indicator("natr", "ATR as percent of close")
def natr(s: OhlcvSeries, length: int = 14) -> np.ndarray:
    return talib.NATR(s.high, s.low, s.close, timeperiod=length)


@indicator("stdev", "population standard deviation of close", price=("",))
def stdev(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    return talib.STDDEV(s.close, timeperiod=length, nbdev=1.0)


@indicator("zscore", "(close - SMA) / sample stdev over `length` (pandas-ta `zscore`)")
def zscore(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    mean = talib.SMA(s.close, timeperiod=length)
    sd = talib.STDDEV(s.close, timeperiod=length, nbdev=1.0) * np.sqrt(length / (length - 1.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (s.close - mean) / sd
    out[sd == 0] = 0.0  # a flat window is at its mean, not undefined
    return out


# --- volume --------------------------------------------------------------------------------------
@indicator("obv", "on-balance volume")
def obv(s: OhlcvSeries) -> np.ndarray:
    return talib.OBV(s.close, s.volume)


@indicator("ad", "Chaikin accumulation/distribution line")
def ad(s: OhlcvSeries) -> np.ndarray:
    return talib.AD(s.high, s.low, s.close, s.volume)


@indicator("adosc", "Chaikin A/D oscillator")
def adosc(s: OhlcvSeries, fast: int = 3, slow: int = 10) -> np.ndarray:
    return talib.ADOSC(s.high, s.low, s.close, s.volume, fastperiod=fast, slowperiod=slow)


@indicator("rvol", "relative volume: volume / SMA(volume, length) of the previous `length` bars")
def rvol(s: OhlcvSeries, length: int = 20) -> np.ndarray:
    prev_mean = np.r_[np.nan, talib.SMA(s.volume, timeperiod=length)[:-1]] if len(s) else s.volume
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(prev_mean > 0, s.volume / prev_mean, np.nan)


def price_scale(series: OhlcvSeries) -> float:
    """A power of ten bringing the first close into [1, 10).

    TA-Lib treats |x| < 1e-8 as zero inside several indicators (DI/ADX, some divisions), which
    silently distorts them for pairs quoted at 1e-5 BTC (ADX off by 4 points on TRX/BTC). Scaling by a
    power of ten before the call and back after keeps every value exact to rounding. The first close
    (not a median: this runs per symbol per tick) keeps the scale stable when candles are appended.
    """
    if len(series) == 0:
        return 1.0
    first = float(series.close[0])
    if not np.isfinite(first) or first <= 0:
        return 1.0
    return float(10.0 ** -np.floor(np.log10(first)))


def _scaled(series: OhlcvSeries, k: float) -> OhlcvSeries:
    # Rounding to 10 significant digits (the scaled median is in [1, 10)) keeps prices that sit on
    # the exchange's tick grid on one grid: ties that decide ADX's +DM/-DM stay exact ties instead
    # of being broken by the last bit of a multiplication.
    if k == 1.0:
        return series  # already decimal prices parsed to the nearest double: nothing to restore

    def scale(values: np.ndarray) -> np.ndarray:
        return np.round(values * k, 9)

    return OhlcvSeries(series.symbol, series.timeframe, series.ts, scale(series.open), scale(series.high),
                       scale(series.low), scale(series.close), series.volume)


def _unscale(spec: IndicatorSpec, out: Output, k: float) -> Output:
    if k == 1.0 or not spec.price_outputs:
        return out
    if isinstance(out, dict):
        return {key: (val / k if key in spec.price_outputs else val) for key, val in out.items()}
    return out / k


def _spec(name: str) -> IndicatorSpec:
    spec = REGISTRY.get(name)
    if spec is None:
        raise KeyError(f"unknown indicator {name!r}; available: {', '.join(sorted(REGISTRY))}")
    return spec


class Indicators:
    """Memoised indicator access for one series: `ind("rsi", length=14)`, `ind("macd")["hist"]`.

    Strategies and the feature builder share one instance per series per tick, so an indicator
    used by both is computed once. Prices are normalised once per series (see `price_scale`).
    """

    def __init__(self, series: OhlcvSeries) -> None:
        self.series = series
        self._k = price_scale(series)
        self._work = _scaled(series, self._k)
        self._cache: dict[tuple, Output] = {}
        self.extras: dict[tuple, Any] = {}  # derived per-series results a strategy wants to keep

    def __call__(self, name: str, **params: Any) -> Output:
        key = (name, tuple(sorted(params.items())))
        if key not in self._cache:
            spec = _spec(name)
            self._cache[key] = _unscale(spec, spec.func(self._work, **params), self._k)
        return self._cache[key]


    def memo(self, key: tuple, build: Callable[[], Any]) -> Any:
        """Cache a derived result (e.g. a strategy's base levels) alongside the indicators."""
        if key not in self.extras:
            self.extras[key] = build()
        return self.extras[key]


def compute(name: str, series: OhlcvSeries, **params: Any) -> Output:
    """One indicator by name (no memoisation)."""
    return Indicators(series)(name, **params)


def available() -> list[str]:
    return sorted(REGISTRY)
