"""Hedge mode in the paper account (issue 13 item 1): a long and a short on one futures symbol held at
once, each a position of its own (its own margin, liquidation price, funding), exits acting on their own
side only. Hand-made candles, no fees, no slippage, maintenance 0.5 %:

* 10x, 1 unit long and 1 short at 100: margin 10 each; the price falls to 94: the long's stop at 95 sells
  its 1 unit (-5 USDT), the short lives on with its stop and target; balance 1000 - 5 = 995, free 995 - 10.
* 50x, margin 2 each: long liquidation (100 - 2) / 0.995 = 98.4924, short (100 + 2) / 1.005 = 101.4925; a
  candle to 98 liquidates the long only (-2), one to 102 then the short (-2): 996.
* funding 0.01 % at mark 100: the long pays 0.01 from its margin (1.99), the short receives 0.01 (2.01)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import MarketRules, OrderRejected, OrderRequest, OrderSide, OrderStatus, OrderType
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
SYM = "BTC/USDT:USDT"
RULES = MarketRules(SYM, "futures", "BTC", "USDT", max_leverage=125)
FLAT = (100, 100, 100, 100)


def _both_sides(candles, leverage, *, funding=()):
    rows = [[T0 + i * MIN, *c, 1] for i, c in enumerate(candles)]
    clock = ManualClock(T0 + MIN)
    prices = RecordedPrices().add(SYM, "1m", rows)
    if funding:
        prices.add_funding(SYM, funding)
    ex = PaperExchange(prices, clock, balances={"USDT": D(1000)}, taker_fee=D(0), maker_fee=D(0),
                       slippage_pct=D(0), rules={SYM: RULES})
    ex.set_leverage(SYM, leverage, "isolated")
    ex.create_order(OrderRequest("long-in", SYM, OrderSide.BUY, OrderType.MARKET, D(1), position_side="long"))
    ex.create_order(OrderRequest("short-in", SYM, OrderSide.SELL, OrderType.MARKET, D(1), position_side="short"))
    clock.set(T0 + 2 * MIN)  # candle 1 (open 100) fills both
    ex.sync()
    return ex, clock


def _exit(ex, cid, side, type_, *, position_side, price=None, trigger=None):
    ex.create_order(OrderRequest(cid, SYM, side, type_, D(1), price=price and D(price),
                                 trigger_price=trigger and D(trigger), reduce_only=True, position_side=position_side))


def test_a_long_and_a_short_are_held_at_once_and_each_stop_closes_its_own_side():
    ex, clock = _both_sides([FLAT, FLAT, (99, 99, 94, 95), (95, 96, 94, 95)], 10)
    assert ex.position(SYM, "long").amount == 1 and ex.position(SYM, "short").amount == -1
    assert ex.position(SYM).amount == 0  # no one-way position: nothing netted
    assert ex.free_balance("USDT") == D(980)  # two margins of 10
    _exit(ex, "long-sl", OrderSide.SELL, OrderType.STOP_MARKET, position_side="long", trigger="95")
    _exit(ex, "long-tp", OrderSide.SELL, OrderType.LIMIT, position_side="long", price="110")
    _exit(ex, "short-sl", OrderSide.BUY, OrderType.STOP_MARKET, position_side="short", trigger="105")
    _exit(ex, "short-tp", OrderSide.BUY, OrderType.LIMIT, position_side="short", price="90")
    clock.set(T0 + 4 * MIN)
    assert ex.fetch_order(SYM, "long-sl").status == OrderStatus.FILLED
    assert ex.fetch_order(SYM, "long-sl").average == D(95)
    assert ex.position(SYM, "long").amount == 0 and ex.position(SYM, "short").amount == -1
    assert ex.fetch_order(SYM, "short-sl").status == OrderStatus.OPEN  # the short's exits are untouched
    assert ex.fetch_order(SYM, "short-tp").status == OrderStatus.OPEN
    assert ex.balances["USDT"] == D(995) and ex.free_balance("USDT") == D(985)


def test_each_side_has_its_own_liquidation_price():
    ex, clock = _both_sides([FLAT, FLAT, (100, 100.5, 98, 99), (99, 102, 99, 101.8)], 50)
    assert D("98.4924") < ex.liquidation_price(SYM, "long") < D("98.4925")
    assert D("101.4925") < ex.liquidation_price(SYM, "short") < D("101.4926")
    _exit(ex, "long-tp", OrderSide.SELL, OrderType.LIMIT, position_side="long", price="110")
    _exit(ex, "short-tp", OrderSide.BUY, OrderType.LIMIT, position_side="short", price="90")
    clock.set(T0 + 3 * MIN)
    ex.sync()
    assert [liq["position_side"] for liq in ex.liquidations] == ["long"]
    assert ex.position(SYM, "short").amount == -1 and ex.balances["USDT"] == D(998)
    assert ex.fetch_order(SYM, "long-tp").status == OrderStatus.EXPIRED
    assert ex.fetch_order(SYM, "short-tp").status == OrderStatus.OPEN
    clock.set(T0 + 4 * MIN)
    ex.sync()
    assert [liq["position_side"] for liq in ex.liquidations] == ["long", "short"]
    assert ex.balances["USDT"] == D(996)
    [long_liq] = [o for o in ex.fetch_liquidations(SYM, T0) if o.side == OrderSide.SELL]
    assert long_liq.average == D(98)  # the long's bankruptcy price 100 - 2 / 1


def test_funding_is_paid_by_the_long_and_received_by_the_short():
    ex, clock = _both_sides([FLAT] * 4, 50, funding=[[T0 + 2 * MIN, "0.0001", 0, 0, 0, 0]])
    _exit(ex, "long-tp", OrderSide.SELL, OrderType.LIMIT, position_side="long", price="110")
    _exit(ex, "short-tp", OrderSide.BUY, OrderType.LIMIT, position_side="short", price="90")
    clock.set(T0 + 4 * MIN)
    ex.sync()
    paid = sorted((f["position_amount"], f["amount"]) for f in ex.fetch_funding_history(SYM, T0))
    assert paid == [(D(-1), D("0.01")), (D(1), D("-0.01"))]
    assert ex.position(SYM, "long").margin == D("1.99") and ex.position(SYM, "short").margin == D("2.01")
    assert ex.balances["USDT"] == D(1000)


def test_one_account_cannot_hold_a_symbol_both_ways():
    ex, _ = _both_sides([FLAT] * 3, 10)
    with pytest.raises(OrderRejected, match="position side"):
        ex.create_order(OrderRequest("one-way", SYM, OrderSide.BUY, OrderType.MARKET, D(1)))
    with pytest.raises(OrderRejected, match="cannot open"):
        ex.create_order(OrderRequest("bad", SYM, OrderSide.SELL, OrderType.MARKET, D(1), position_side="long"))
