"""Issue 13 item 2: isolated liquidation in the paper engine, on candles made by hand (no fees, no
slippage) so every figure is checked by hand. 150 USDT at 50x buys 75 units at 100 (notional 7500);
maintenance 0.5 %: liquidation = (75 x 100 - 150) / (75 x 0.995) = 7350 / 74.625 = 98.4924..."""

from __future__ import annotations

import itertools
from decimal import Decimal

from verzek.execution import markets
from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import MarketRules, OrderRequest, OrderSide, OrderStatus, OrderType
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
SYM = "BTC/USDT:USDT"
RULES = MarketRules(SYM, "futures", "BTC", "USDT", max_leverage=125)


def _open(candles, *, stop=None, marks=None, mark_tf="1m"):
    rows = [[T0 + i * MIN, *c, 1] for i, c in enumerate(candles)]
    clock = ManualClock(T0 + MIN)
    prices = RecordedPrices().add(SYM, "1m", rows)
    if marks is not None:  # (start, [o, h, l, c] ...) mark candles of `mark_tf` from `start`
        start, mark_rows = marks
        step = {"1m": MIN, "5m": 5 * MIN}[mark_tf]
        prices.add_marks(SYM, mark_tf, [[start + i * step, *c, 0] for i, c in enumerate(mark_rows)])
    ex = PaperExchange(prices, clock, balances={"USDT": D(150)}, taker_fee=D(0),
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


# --- liquidation on the mark price (exchanges liquidate on it, not on the last trade) --------------------
# The same position: 75 at 100, 50x isolated, liquidation 98.4924...; the bankruptcy price 100 - 150 / 75 = 98.

FLAT = (100, 100, 100, 100)


def test_a_trade_wick_through_the_liquidation_price_liquidates_nothing_when_the_mark_holds():
    # trade candle 2 wicks to 97 (the old rule liquidated here); the mark candle of that minute bottoms at
    # 98.6 > 98.4924: the position lives on, its 150 USDT margin intact
    ex = _open([FLAT, FLAT, (99.5, 99.6, 97, 99.2), (99.2, 99.5, 99, 99.4)],
               marks=(T0, [FLAT, FLAT, (99.6, 99.7, 98.6, 99.2), (99.2, 99.5, 99, 99.4)]))
    assert ex.liquidations == [] and ex.position(SYM).amount == D(75)
    assert ex.balances["USDT"] == D(150) and ex.free_balance("USDT") == 0
    assert ex.fetch_order(SYM, "tp").status == OrderStatus.OPEN


def test_the_mark_through_the_liquidation_price_liquidates_when_the_trades_stay_above():
    # trade candle 2 holds at 98.6; its mark candle falls to 98.4 <= 98.4924: liquidated on that minute,
    # the whole 150 USDT margin lost, closed at the bankruptcy price 98
    ex = _open([FLAT, FLAT, (99.5, 99.6, 98.6, 98.8), (98.8, 99, 98.7, 98.9)],
               marks=(T0, [FLAT, FLAT, (99.5, 99.6, 98.4, 98.8), (98.8, 99, 98.7, 98.9)]))
    [liq] = ex.liquidations
    assert liq["ts"] == T0 + 2 * MIN and liq["margin_lost"] == D(150) and ex.balances["USDT"] == 0
    [order] = ex.fetch_liquidations(SYM, T0)
    assert order.average == D(98) and order.filled == D(75)


def test_a_mark_gap_past_the_liquidation_price_liquidates_before_the_stop():
    # stop 99; trade candle 2 opens at 99.5 (above the stop) but the mark opens at 98.3, past 98.4924:
    # liquidated at the open, before the stop could fill (the old rule filled the stop at 99: -75 USDT)
    ex = _open([FLAT, FLAT, (99.5, 99.6, 98.9, 99)], stop="99",
               marks=(T0, [FLAT, FLAT, (98.3, 99, 98.3, 98.9)]))
    assert len(ex.liquidations) == 1 and ex.balances["USDT"] == 0
    assert ex.fetch_order(SYM, "sl").status == OrderStatus.EXPIRED


def test_a_coarser_mark_candle_is_read_when_it_closes():
    # 5-minute marks under 1-minute trades: the mark candle T0+5..T0+10 min falls to 98.3, which is known
    # only when it closes, with the trade candle T0+9 min; the trades never go below 98.7 and their wick at
    # T0+6 min (to 97) liquidates nothing on its own
    trades = [FLAT] * 6 + [(99, 99, 97, 98.8)] + [(98.8, 99, 98.7, 98.9)] * 5
    marks = (T0, [FLAT, (99, 99.2, 98.3, 98.9), (98.9, 99, 98.8, 98.9)])
    ex = _open(trades, marks=marks, mark_tf="5m")
    [liq] = ex.liquidations
    assert liq["ts"] == T0 + 9 * MIN and ex.balances["USDT"] == 0


def test_without_marks_for_the_period_the_trade_candle_decides():
    # marks recorded only for an earlier hour: the trade wick to 97 liquidates, as before
    ex = _open([FLAT, FLAT, (99.5, 99.6, 97, 99.2)], marks=(T0 - 120 * MIN, [FLAT, FLAT]))
    assert len(ex.liquidations) == 1 and ex.balances["USDT"] == 0


# --- leverage tiers (recorded Binance USD-M brackets) and cross margin ---------------------------------

BTC_RULES = markets.rules(SYM)  # the recorded BTC/USDT:USDT market with its leverage tiers


def _account(candles, balance, *, rules=BTC_RULES, symbols=(SYM,)):
    rows = [[T0 + i * MIN, *c, 1] for i, c in enumerate(candles)]
    clock = ManualClock(T0 + MIN)
    prices = RecordedPrices()
    for symbol in symbols:
        prices.add(symbol, "1m", rows)
    ex = PaperExchange(prices, clock, balances={"USDT": D(balance)}, taker_fee=D(0), maker_fee=D(0),
                       slippage_pct=D(0), rules={s: rules for s in symbols})
    return ex, clock


def _long(ex, clock, symbol, amount, leverage, mode, cid="in"):
    ex.set_leverage(symbol, leverage, mode)
    ex.create_order(OrderRequest(cid, symbol, OrderSide.BUY, OrderType.MARKET, D(amount)))
    clock.set(T0 + 2 * MIN)
    ex.create_order(OrderRequest(f"{cid}-tp", symbol, OrderSide.SELL, OrderType.LIMIT, D(amount), price=D(200000),
                                 reduce_only=True))


def test_the_recorded_btc_tiers_are_binance_brackets_with_consistent_maintenance_amounts():
    tiers = BTC_RULES.leverage_tiers
    assert [t.max_leverage for t in tiers[:3]] == [125, 100, 75]
    assert [t.maintenance_rate for t in tiers[:3]] == [D("0.004"), D("0.005"), D("0.0065")]
    for lower, upper in itertools.pairwise(tiers):
        # Binance's cum makes the maintenance margin continuous where one bracket ends and the next starts
        at = upper.min_notional
        assert lower.max_notional == at
        assert at * lower.maintenance_rate - lower.maintenance_amount == at * upper.maintenance_rate - upper.maintenance_amount
    assert markets.fees(SYM) == (D("0.0002"), D("0.0005"))


def test_a_large_position_uses_its_tiers_maintenance_margin():
    # 10 BTC at 100000 (notional 1,000,000: bracket 3, rate 0.65 %, cum 950) at 50x isolated, margin 20000:
    # liquidation = (1,000,000 - 20,000 - 950) / (10 x 0.9935) = 98545.546...; the old flat first-tier rate
    # (0.5 %) put it at 98492.46, so a dip to 98540 left the position alive
    ex, clock = _account([(100000,) * 4, (100000,) * 4, (99000, 99000, 98540, 98600)], 20000)
    _long(ex, clock, SYM, 10, 50, "isolated")
    assert D("98545.546049") < ex.liquidation_price(SYM) < D("98545.546050")
    clock.set(T0 + 3 * MIN)
    ex.sync()
    [liq] = ex.liquidations
    assert liq["margin_lost"] == D(20000) and ex.balances["USDT"] == 0
    [order] = ex.fetch_liquidations(SYM, T0)
    assert order.filled == D(10) and order.average == D(98000)  # the bankruptcy price: 100000 - 20000 / 10


def test_cross_margin_is_backed_by_the_wallet_and_loses_the_wallet():
    # 0.1 BTC at 100000, 10x cross on a 3000 USDT wallet: backing 3000 -> liquidation (10000 - 3000) /
    # (0.1 x 0.996) = 70281.12; isolated it would be (10000 - 1000) / 0.0996 = 90361.45
    candles = [(100000,) * 4, (100000,) * 4, (95000, 95000, 85000, 86000), (86000, 86000, 70000, 70100)]
    ex, clock = _account(candles, 3000)
    _long(ex, clock, SYM, "0.1", 10, "cross")
    assert D("70281.1244") < ex.liquidation_price(SYM) < D("70281.1245")
    clock.set(T0 + 3 * MIN)
    ex.sync()
    assert ex.liquidations == [] and ex.position(SYM).amount == D("0.1")  # 85000: isolated would be gone
    clock.set(T0 + 4 * MIN)
    ex.sync()
    [liq] = ex.liquidations
    assert liq["margin_mode"] == "cross" and liq["margin_lost"] == D(3000)
    assert ex.balances["USDT"] == 0  # the wallet, not more; the bankruptcy price is 100000 - 3000 / 0.1 = 70000
    assert ex.fetch_liquidations(SYM, T0)[0].average == D(70000)


def test_isolated_margin_elsewhere_does_not_back_a_cross_position():
    # an isolated ETH position holds 500 USDT of the 3000: the cross BTC position is backed by 2500 ->
    # liquidation (10000 - 2500) / 0.0996 = 75301.20
    eth = "ETH/USDT:USDT"
    flat = MarketRules(SYM, "futures", "X", "USDT", maintenance_margin_rate=D("0.004"))
    ex, clock = _account([(100000,) * 4] * 3, 3000, rules=flat, symbols=(SYM, eth))
    _long(ex, clock, eth, "0.05", 10, "isolated", cid="eth")
    _long(ex, clock, SYM, "0.1", 10, "cross")
    clock.set(T0 + 3 * MIN)
    assert ex.position(eth).margin == D(500)
    assert D("75301.2048") < ex.liquidation_price(SYM) < D("75301.2049")
