"""Quiet candles never skip a futures position whose liquidation price the candle reaches: on the trade
candle, or on the mark prices recorded for it (the paper engine liquidates on marks where they exist, so
a mark wick alone liquidates)."""

from __future__ import annotations

from decimal import Decimal

from verzek.backtest.quiet import _liquidation_reached, _Watch
from verzek.execution.paper import RecordedPrices

D = Decimal
SYMBOL = "BTC/USDT:USDT"
T0 = 1_746_403_200_000  # a 5m candle open


def _watch(long: bool, liquidation: str) -> _Watch:
    return _Watch(1, {}, T0, SYMBOL, long, T0, D(100), D(0), None, D(1), True, True, (), (), D(liquidation))


def _prices(marks: list | None) -> RecordedPrices:
    prices = RecordedPrices().add(SYMBOL, "5m", [[T0, "100", "101", "96", "99", "1"]])
    if marks is not None:
        prices.add_marks(SYMBOL, "5m", marks)
    return prices


def test_a_mark_wick_past_the_liquidation_price_is_not_quiet_though_the_trade_candle_stays_clear():
    candles = _prices(None).candles(SYMBOL, T0, T0 + 300_000)
    assert not _liquidation_reached(_prices(None), _watch(True, "95"), candles)  # trade low 96 > 95
    wick = _prices([[T0, "100", "101", "94.5", "99", "0"]])
    assert _liquidation_reached(wick, _watch(True, "95"), candles)  # mark low 94.5 <= 95
    calm = _prices([[T0, "100", "100.5", "97", "99", "0"]])
    assert not _liquidation_reached(calm, _watch(True, "95"), candles)


def test_shorts_look_at_the_highs_and_the_trade_candle_counts_too():
    candles = _prices(None).candles(SYMBOL, T0, T0 + 300_000)
    assert _liquidation_reached(_prices(None), _watch(False, "101"), candles)  # trade high 101
    assert not _liquidation_reached(_prices(None), _watch(False, "102"), candles)
    assert _liquidation_reached(_prices([[T0, "100", "102.5", "99", "100", "0"]]), _watch(False, "102"), candles)
