"""Market data behind the `verzek.ports.MarketData` port: live (ccxt async) and replay (recorded).

Both return only candles closed at or before their clock's `now_ms()`; both also offer
`fetch_series` (columnar numpy) for the indicator hot path. `ccxt` is imported only by the live one.
"""

from verzek.marketdata.replay import (
    AcceleratedClock,
    ManualClock,
    MarketDataError,
    ReplayMarketData,
    candle_files,
    load_funding_rates,
    load_recorded_file,
    sample_dir,
    symbol_from_filename,
    usdt_sample_dir,
)
from verzek.marketdata.series import (
    OhlcvSeries,
    closed_before,
    fetch_many,
    fetch_series,
    resample,
    timeframe_ms,
    to_decimal,
)

__all__ = [
    "AcceleratedClock",
    "ManualClock",
    "MarketDataError",
    "OhlcvSeries",
    "ReplayMarketData",
    "candle_files",
    "closed_before",
    "fetch_many",
    "fetch_series",
    "live_market_data",
    "load_funding_rates",
    "load_recorded_file",
    "resample",
    "sample_dir",
    "symbol_from_filename",
    "timeframe_ms",
    "to_decimal",
    "usdt_sample_dir",
]


def live_market_data(exchange_id: str = "binance", **kwargs):
    """A `CcxtMarketData` (imported lazily so replay-only users never import ccxt)."""
    from verzek.marketdata.ccxt_live import CcxtMarketData

    return CcxtMarketData(exchange_id, **kwargs)
