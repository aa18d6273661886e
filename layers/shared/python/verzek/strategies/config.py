"""One validated config per house strategy: every tunable number lives here, nowhere else.

Overrides (tests, backtests, an operator's JSON) go through `load_config`, which validates them;
an unknown key or an out-of-range value is an error, never silently ignored. `version` is stamped
into every signal's meta so a signal can be traced to the parameters that produced it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from verzek.domain.signals import MarketType

# Liquid USDT spot pairs on the major venues; the live market list unless HOUSE_SYMBOLS overrides it.
DEFAULT_LIVE_SYMBOLS: tuple[str, ...] = (
    "BTC/USDT", "ETH/USDT", "BNB/USDT", "SOL/USDT", "XRP/USDT", "ADA/USDT", "DOGE/USDT", "AVAX/USDT",
    "LINK/USDT", "DOT/USDT", "LTC/USDT", "TRX/USDT", "ATOM/USDT", "NEAR/USDT", "XLM/USDT", "ETC/USDT",
)


class StrategyConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    timeframe: str
    enabled: bool = Field(True, description="scheduled by default; False = runs only if HOUSE_STRATEGIES_ENABLED "
                                            "names it (a strategy that failed its out-of-sample evaluation)")
    lookback: int = Field(500, ge=100, le=1500, description="candles fetched per symbol per tick")
    warmup_bars: int = Field(60, ge=0, description="bars at the start of a window never traded on")
    cooldown_bars: int = Field(10, ge=0, description="a trigger must be off this many bars to fire again")
    close_delay_seconds: float = Field(3.0, ge=0, le=30, description="wait after a candle close before "
                                       "fetching, so the exchange has published the closed candle")
    catchup_bars: int = Field(3, ge=1, le=50, description="closed candles a tick may still decide on when "
                              "earlier ticks missed them (a late or skipped invocation)")
    symbols: tuple[str, ...] = DEFAULT_LIVE_SYMBOLS
    market: MarketType = MarketType.SPOT
    leverage: int | None = Field(None, ge=1, le=125)
    allow_short: bool = False

    @model_validator(mode="after")
    def _coherent(self):
        from verzek.marketdata.series import timeframe_ms

        timeframe_ms(self.timeframe)
        if self.allow_short and self.market == MarketType.SPOT:
            raise ValueError("short setups need market=futures")
        if self.lookback <= self.warmup_bars:
            raise ValueError("lookback must exceed warmup_bars")
        return self

    @property
    def version(self) -> str:
        """Short hash of the parameters (symbols excluded: the list does not change a decision)."""
        body = json.dumps(self.model_dump(mode="json", exclude={"symbols"}), sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()[:12]


class ScalpingConfig(StrategyConfig):
    """RSI + Stochastic mean-reversion, decided once per closed 1-minute candle."""

    timeframe: str = "1m"
    enabled: bool = False  # lost to cash out of sample after fees: docs/decisions/house-strategies-out-of-sample.md
    cooldown_bars: int = 15
    rsi_length: int = Field(14, ge=2)
    rsi_oversold: float = Field(30.0, gt=0, lt=50)
    rsi_overbought: float = Field(70.0, gt=50, lt=100)
    rsi_lookback: int = Field(5, ge=1, description="RSI must have been extreme within these bars")
    stoch_k: int = Field(14, ge=2)
    stoch_d: int = Field(3, ge=1)
    stoch_smooth: int = Field(3, ge=1)
    stoch_oversold: float = Field(20.0, gt=0, lt=50)
    stoch_overbought: float = Field(80.0, gt=50, lt=100)
    atr_length: int = Field(14, ge=2)
    swing_bars: int = Field(10, ge=2, description="recent structure for the stop")
    stop_buffer_atr: float = Field(0.25, ge=0)
    min_stop_atr: float = Field(1.0, gt=0)
    target_r: tuple[float, ...] = (1.0, 1.5, 2.5)


class TrendConfig(StrategyConfig):
    """Moving-average cross confirmed by MACD (and ADX strength), decided once per closed 5-minute candle."""

    timeframe: str = "5m"
    enabled: bool = False  # lost to cash out of sample after fees: docs/decisions/house-strategies-out-of-sample.md
    cooldown_bars: int = 24
    warmup_bars: int = 100
    fast_ema: int = Field(20, ge=2)
    slow_ema: int = Field(50, ge=3)
    macd_fast: int = 12
    macd_slow: int = 26
    macd_signal: int = 9
    cross_window: int = Field(3, ge=1, description="MACD may confirm up to this many bars after the cross")
    adx_length: int = 14
    adx_min: float = Field(20.0, ge=0, le=100)
    atr_length: int = 14
    second_entry_atr: float = Field(0.5, ge=0, description="DCA entry this many ATR below the first")
    swing_bars: int = Field(20, ge=2)
    stop_atr: float = Field(1.0, gt=0, description="stop at least this many ATR beyond the slow EMA")
    target_atr: tuple[float, ...] = (2.0, 4.0, 6.0)

    @model_validator(mode="after")
    def _emas(self):
        if self.fast_ema >= self.slow_ema:
            raise ValueError("fast_ema must be shorter than slow_ema")
        return self


class QflConfig(StrategyConfig):
    """Quick-fingers-Luc base cracks, decided once per closed 5-minute candle."""

    timeframe: str = "5m"
    enabled: bool = False  # lost to cash out of sample after fees: docs/decisions/house-strategies-out-of-sample.md
    cooldown_bars: int = 6
    pivot_left: int = Field(12, ge=1, description="bars left of a base low that must be higher")
    pivot_right: int = Field(3, ge=1, description="bars right of a base low that must be higher")
    volume_length: int = Field(20, ge=2)
    volume_factor: float = Field(1.2, ge=0, description="base candle volume vs its prior average")
    bounce_pct: float = Field(0.02, gt=0, description="rise off the low that confirms a base")
    bounce_window: int = Field(24, ge=1, description="bars allowed for the bounce")
    crack_pct: float = Field(0.03, gt=0, lt=0.5, description="close this far below the base = buy")
    max_base_age: int = Field(288, ge=1, description="bars a base stays tradable after confirmation")
    second_entry_pct: float = Field(0.03, ge=0, description="DCA entry this far below the first")
    atr_length: int = 14
    stop_atr: float = Field(3.0, gt=0, description="stop this many ATR below the lowest entry")


class MlConfig(StrategyConfig):
    """ONNX classifier over the feature vector, decided once per closed 5-minute candle."""

    timeframe: str = "5m"
    enabled: bool = False  # lost to cash out of sample after fees: docs/decisions/house-strategies-out-of-sample.md
    cooldown_bars: int = 12
    warmup_bars: int = 220
    threshold: float = Field(0.55, gt=0, lt=1, description="probability of the up-barrier that fires")
    atr_length: int = 14
    stop_atr: float = Field(1.0, gt=0, description="= the label's lower barrier")
    target_atr: tuple[float, ...] = (0.75, 1.5, 2.25)
    model_path: str | None = Field(None, description="ONNX file; None = the model shipped in the package")


CONFIG_TYPES: dict[str, type[StrategyConfig]] = {
    "scalping": ScalpingConfig, "trend": TrendConfig, "qfl": QflConfig, "ml": MlConfig,
}


def load_config(name: str, overrides: dict[str, Any] | None = None) -> StrategyConfig:
    """The strategy's config with validated overrides (pydantic ValidationError on bad input)."""
    try:
        config_type = CONFIG_TYPES[name]
    except KeyError:
        raise ValueError(f"unknown strategy {name!r}; known: {', '.join(CONFIG_TYPES)}") from None
    return config_type(**(overrides or {}))
