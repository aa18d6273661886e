"""Issue 13 item 2: isolated liquidation in the paper engine, on candles made by hand (no fees, no
slippage) so every figure is checked by hand. 150 USDT at 50x buys 75 units at 100 (notional 7500);
maintenance 0.5 %: liquidation = (75 x 100 - 150) / (75 x 0.995) = 7350 / 74.625 = 98.4924..."""

from __future__ import annotations

from decimal import Decimal

from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import MarketRules, OrderRequest, OrderSide, OrderStatus, OrderType
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
SYM = "BTC/USDT:USDT"
RULES = MarketRules(SYM, "futures", "BTC", "USDT", max_leverage=125)


def _open(candles, *, stop=None):
    rows = [[T0 + i * MIN, *c, 1] for i, c in enumerate(candles)]
    clock = ManualClock(T0 + MIN)
    ex = PaperExchange(RecordedPrices().add(SYM, "1m", rows), clock, balances={"USDT": D(150)}, taker_fee=D(0),
                       maker_fee=D(0), slippage_pct=D(0), rules={SYM: RULES})
    ex.set_leverage(SYM, 50, "isolated")
    ex.create_order(OrderRequest("in", SYM, OrderSide.BUY, OrderType.MARKET, D(75)))
    clock.set(T0 + 2 * MIN)  # candle 1 (open 100) fills it
    assert ex.position(SYM).amount == D(75) and ex.free_balance("USDT") == 0
    ex.create_order(OrderRequest("tp", SYM, OrderSide.SELL, OrderType.LIMIT, D(75), price=D(110), reduce_only=True))
    if stop is not None:
        ex.create_order(OrderRequest("sl", SYM, OrderSide.SELL, OrderType.STOP_MARKET, D(75), trigger_price=D(stop),
                                     reduce_only=True))
    clock.set(T0 + len(candles) * MIN)
    ex.sync()
    return ex


def test_a_3_percent_dip_at_50x_liquidates_and_the_balance_stays_at_zero():
    ex = _open([(100, 100, 100, 100), (100, 100, 100, 100), (99.5, 99.6, 97, 97.5), (97.5, 98, 96, 96)])
    assert ex.liquidation_price(SYM) is None and ex.position(SYM).amount == 0
    [liq] = ex.liquidations
    assert liq["ts"] == T0 + 2 * MIN and liq["margin_lost"] == D(150)
    assert D("98.4924") < liq["price"] < D("98.4925")
    assert ex.balances["USDT"] == 0  # the whole margin, never more (before: the position lived on)
    assert ex.fetch_order(SYM, "tp").status == OrderStatus.EXPIRED


def test_a_stop_inside_the_liquidation_price_fills_first():
    # stop 99: candle 2 opens at 99.8 and falls to 97; the stop is passed first: sells 75 at 99, -75 USDT
    ex = _open([(100, 100, 100, 100), (100, 100, 100, 100), (99.8, 99.9, 97, 97.5)], stop="99")
    assert ex.liquidations == [] and ex.fetch_order(SYM, "sl").average == D(99)
    assert ex.balances["USDT"] == D(75)


def test_a_gap_through_stop_and_liquidation_loses_the_margin_not_more():
    # candle 2 opens at 90, far past the stop 99 and the liquidation 98.49: liquidated at the open; a
    # fill at 90 would have lost 750 USDT on a 150 USDT account
    ex = _open([(100, 100, 100, 100), (100, 100, 100, 100), (90, 91, 89, 90)], stop="99")
    assert len(ex.liquidations) == 1 and ex.balances["USDT"] == 0
    assert ex.fetch_order(SYM, "sl").status == OrderStatus.EXPIRED
