"""Issue 13 item 3 in the pure paper engine, figures by hand: funding charged from recorded funding
events at the mark price, and each market's own fee schedule (ccxt's, recorded) as the default."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import MarketRules, OrderRequest, OrderSide, OrderType
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
SYM = "BTC/USDT:USDT"


def _funded(side: OrderSide, mode: str = "isolated"):
    rows = [[T0 + i * MIN, 100, 100, 100, 100, 1] for i in range(5)]
    prices = RecordedPrices().add(SYM, "1m", rows)
    # an event at the fill's own time (not owed), then +0.01 % and -0.02 %; marks: 101 at T0+2m, then its close
    prices.add_funding(SYM, [[T0 + MIN, "0.0003"], [T0 + 2 * MIN, "0.0001"], [T0 + 3 * MIN, "-0.0002"],
                             [T0 + 9 * MIN, "0.0005"]])
    prices.add_marks(SYM, "1m", [[T0 + 2 * MIN, 101, 102, 100, "101.5", 0]])
    clock = ManualClock(T0 + MIN)
    ex = PaperExchange(prices, clock, balances={"USDT": D(1000)}, taker_fee=D(0), maker_fee=D(0), slippage_pct=D(0),
                       rules={SYM: MarketRules(SYM, "futures", "BTC", "USDT")})
    ex.set_leverage(SYM, 10, mode)
    ex.create_order(OrderRequest("in", SYM, side, OrderType.MARKET, D(1)))
    clock.set(T0 + 2 * MIN)  # filled at the T0+1m open, 100
    exit_side = OrderSide.SELL if side == OrderSide.BUY else OrderSide.BUY
    ex.create_order(OrderRequest("tp", SYM, exit_side, OrderType.LIMIT, D(1), price=D(200 if side == OrderSide.BUY
                                                                                     else 50), reduce_only=True))
    clock.set(T0 + 5 * MIN)
    ex.sync()
    return ex


def test_a_long_pays_positive_funding_and_receives_negative_at_the_mark_price():
    ex = _funded(OrderSide.BUY)
    # by hand: T0+2m: -1 x 101 x 0.0001 = -0.0101; T0+3m (mark = 101.5, the last mark close): +0.0203;
    # T0+1m is the fill's own time and T0+9m is in the future: not charged
    history = ex.fetch_funding_history(SYM, 0)
    assert [(f["timestamp"], f["amount"]) for f in history] == [(T0 + 2 * MIN, D("-0.0101")),
                                                                (T0 + 3 * MIN, D("0.0203"))]
    assert ex.balances["USDT"] == D("1000.0102")
    assert ex.position(SYM).margin == D("10.0102")  # isolated: funding moves the position's own margin


def test_a_short_receives_what_a_long_pays():
    ex = _funded(OrderSide.SELL, mode="cross")
    assert [f["amount"] for f in ex.fetch_funding_history(SYM, 0)] == [D("0.0101"), D("-0.0203")]
    assert ex.balances["USDT"] == D("999.9898")
    assert ex.position(SYM).margin == D(10)  # cross: the wallet pays, the position margin stays


def test_isolated_funding_never_takes_more_than_the_positions_margin():
    # 1 BTC long at 100, 10x isolated: margin 10. An extreme +20 % funding event at mark 100 would charge 20;
    # the isolated position pays its 10 of margin and the wallet behind it nothing more.
    rows = [[T0 + i * MIN, 100, 100, 100, 100, 1] for i in range(4)]
    prices = RecordedPrices().add(SYM, "1m", rows)
    prices.add_funding(SYM, [[T0 + 2 * MIN, "0.2"]])
    clock = ManualClock(T0 + MIN)
    ex = PaperExchange(prices, clock, balances={"USDT": D(1000)}, taker_fee=D(0), maker_fee=D(0), slippage_pct=D(0),
                       rules={SYM: MarketRules(SYM, "futures", "BTC", "USDT")})
    ex.set_leverage(SYM, 10, "isolated")
    ex.create_order(OrderRequest("in", SYM, OrderSide.BUY, OrderType.MARKET, D(1)))
    clock.set(T0 + 2 * MIN)  # filled at the T0+1m open, 100
    ex.create_order(OrderRequest("tp", SYM, OrderSide.SELL, OrderType.LIMIT, D(1), price=D(200), reduce_only=True))
    clock.set(T0 + 3 * MIN)
    ex.sync()
    assert [f["amount"] for f in ex.fetch_funding_history(SYM, 0)] == [D(-10)]
    assert ex.balances["USDT"] == D(990)


@pytest.mark.parametrize(("symbol", "fee"), [("BTC/USDT:USDT", D("0.05")), ("BTC/USDT", D("0.1")),
                                             ("FOO/USDT:USDT", D("0.05"))])
def test_each_market_pays_its_own_recorded_taker_fee_by_default(symbol, fee):
    # 1 BTC at 100 at market: Binance USD-M taker 0.05 % (ccxt), spot 0.1 %; an unrecorded Binance USD-M
    # market pays Binance USD-M's schedule too (docs/decisions/recorded-market-rules.md)
    rows = [[T0 + i * MIN, 100, 100, 100, 100, 1] for i in range(3)]
    clock = ManualClock(T0 + MIN)
    ex = PaperExchange(RecordedPrices().add(symbol, "1m", rows), clock, balances={"USDT": D(1000)},
                       taker_fee=None, maker_fee=None, slippage_pct=D(0))
    ex.create_order(OrderRequest("in", symbol, OrderSide.BUY, OrderType.MARKET, D(1)))
    clock.set(T0 + 2 * MIN)
    assert ex.fetch_order(symbol, "in").fee == fee
    assert ex.taker_fee_rate(symbol) == fee / 100
