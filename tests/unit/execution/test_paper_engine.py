"""The pure paper engine on recorded candles (no database): fill model, fees, slippage, reduce-only,
stop orders, balances, persistence round trip."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import (
    MarketRules,
    OrderNotFound,
    OrderRejected,
    OrderRequest,
    OrderSide,
    OrderStatus,
    OrderType,
)
from verzek.marketdata.replay import ManualClock

D = Decimal
T221 = 1515626400000  # ETH/BTC 5m candle 23:20: o 0.08412676 h 0.0846 l 0.08386404 c 0.0846


@pytest.fixture(scope="module")
def prices(shared_dir):
    return RecordedPrices.from_files([shared_dir / "data" / "ohlcv" / "ETH_BTC-5m.json"])


def engine(prices, t=T221 + 300_000, **kw):
    clock = ManualClock(t)
    kw.setdefault("balances", {"BTC": D(1)})
    return PaperExchange(prices, clock, **kw), clock


def buy(cid, type_, amount, price=None, **kw):
    return OrderRequest(cid, "ETH/BTC", OrderSide.BUY, type_, D(amount), price=D(price) if price else None, **kw)


def test_prices_are_exact_decimals_and_only_closed_candles(prices):
    assert prices.last_candle("ETH/BTC", T221 + 300_000).close == D("0.0846")
    assert prices.last_candle("ETH/BTC", T221 + 299_999).ts == T221 - 300_000
    assert [c.ts for c in prices.candles("ETH/BTC", T221, T221 + 600_000)] == [T221, T221 + 300_000]


def test_market_order_fills_at_next_open_with_slippage_and_taker_fee(prices):
    ex, clock = engine(prices, slippage_pct=D("0.1"), taker_fee=D("0.002"))
    ex.create_order(buy("m1", OrderType.MARKET, "2"))
    assert ex.fetch_order("ETH/BTC", "m1").status == OrderStatus.OPEN  # the next candle has not closed yet
    clock.advance(300_000)
    state = ex.fetch_order("ETH/BTC", "m1")
    # 23:25 open 0.08459999 + 0.1 % = 0.08468458999; fee 0.2 % of 2 × that
    assert state.status == OrderStatus.FILLED and state.average == D("0.08459999") * D("1.001")
    assert state.fee == D(2) * D("0.08459999") * D("1.001") * D("0.002")
    assert ex.balances == {"BTC": D(1) - D(2) * D("0.08459999") * D("1.001") * D("1.002"), "ETH": D(2)}


def test_limit_fills_only_when_price_trades_through(prices):
    ex, clock = engine(prices)
    ex.create_order(buy("at", OrderType.LIMIT, "1", "0.08361214"))  # exactly the 23:25 low: touched only
    ex.create_order(buy("thru", OrderType.LIMIT, "1", "0.0837"))
    clock.advance(300_000)
    assert ex.fetch_order("ETH/BTC", "at").status == OrderStatus.OPEN
    thru = ex.fetch_order("ETH/BTC", "thru")
    assert thru.status == OrderStatus.FILLED and thru.average == D("0.0837") and thru.fee == D("0.0000837")


def test_marketable_limit_fills_at_the_open_as_taker(prices):
    ex, clock = engine(prices, maker_fee=D(0), taker_fee=D("0.001"))
    ex.create_order(buy("hi", OrderType.LIMIT, "1", "0.09"))
    clock.advance(300_000)
    state = ex.fetch_order("ETH/BTC", "hi")
    assert state.average == D("0.08459999") and state.fee == D("0.00008459999")


def test_reduce_only_and_stop_orders_partial_closes(prices):
    ex, clock = engine(prices, taker_fee=D(0), maker_fee=D(0))
    ex.create_order(buy("in", OrderType.MARKET, "3"))
    # spot: a sell needs the base asset held (no shorting)
    with pytest.raises(OrderRejected, match="insufficient ETH"):
        ex.create_order(OrderRequest("early", "ETH/BTC", OrderSide.SELL, OrderType.LIMIT, D(1), price=D("0.05")))
    clock.advance(300_000)  # bought 3 at 0.08459999 (23:25 open)
    assert ex.fetch_order("ETH/BTC", "in").filled == 3
    ex.create_order(OrderRequest("tp", "ETH/BTC", OrderSide.SELL, OrderType.LIMIT, D(1), price=D("0.0842"),
                                 reduce_only=True))
    ex.create_order(OrderRequest("sl", "ETH/BTC", OrderSide.SELL, OrderType.STOP_MARKET, D(2),
                                 trigger_price=D("0.0830"), reduce_only=True))
    clock.advance(600_000)  # 23:30 (h 0.08434999 l 0.08292011): the stop triggers first (pessimistic)
    sl = ex.fetch_order("ETH/BTC", "sl")
    assert sl.status == OrderStatus.FILLED and sl.average == D("0.0830") * (1 - D("0.0005"))
    tp = ex.fetch_order("ETH/BTC", "tp")
    assert tp.status == OrderStatus.FILLED and tp.average == D("0.0842")  # the partial close of the rest
    assert ex.position("ETH/BTC").amount == 0
    expected = D(1) - 3 * D("0.08459999") * D("1.0005") + 2 * D("0.0830") * D("0.9995") + D("0.0842")
    assert ex.balances["BTC"] == expected and ex.balances["ETH"] == 0


def test_balance_reservation_rejects_overcommit(prices):
    ex, _ = engine(prices, balances={"BTC": D("0.1")})
    ex.create_order(buy("a", OrderType.LIMIT, "1", "0.08"))
    assert ex.free_balance("BTC") == D("0.1") - D("0.08") * D("1.001")
    with pytest.raises(OrderRejected) as err:
        ex.create_order(buy("b", OrderType.LIMIT, "1", "0.08"))
    assert err.value.kind == "insufficient_funds"
    with pytest.raises(OrderRejected) as dup:
        ex.create_order(buy("a", OrderType.LIMIT, "0.1", "0.08"))
    assert dup.value.kind == "duplicate"
    ex.cancel_order("ETH/BTC", "a")
    assert ex.free_balance("BTC") == D("0.1")
    with pytest.raises(OrderNotFound):
        ex.fetch_order("ETH/BTC", "nope")


def test_futures_short_margin_and_pnl(shared_dir):
    prices = RecordedPrices.from_files([shared_dir / "data" / "ohlcv" / "futures" / "XRP_USDT_USDT-5m-futures.json"])
    clock = ManualClock(1636935000000)
    ex = PaperExchange(prices, clock, balances={"USDT": D(1000)}, taker_fee=D(0), maker_fee=D(0))
    ex.set_leverage("XRP/USDT:USDT", 10, "isolated")
    # a reduce-only order with no position expires instead of opening one
    ex.create_order(OrderRequest("ro", "XRP/USDT:USDT", OrderSide.BUY, OrderType.MARKET, D(5), reduce_only=True))
    ex.create_order(OrderRequest("s", "XRP/USDT:USDT", OrderSide.SELL, OrderType.LIMIT, D(100), price=D("1.2")))
    clock.advance(900_000)  # 00:20 high 1.2017 → sold 100 at 1.2; margin 12
    assert ex.fetch_order("XRP/USDT:USDT", "ro").status == OrderStatus.EXPIRED
    assert ex.position("XRP/USDT:USDT").amount == -100 and ex.free_balance("USDT") == D(988)
    ex.create_order(OrderRequest("c", "XRP/USDT:USDT", OrderSide.BUY, OrderType.MARKET, D(100), reduce_only=True))
    clock.advance(300_000)  # 00:25 open 1.2 → +0.05 % slippage
    assert ex.fetch_order("XRP/USDT:USDT", "c").average == D("1.2006")
    assert ex.balances["USDT"] == D(1000) - (D("1.2") * D("1.0005") - D("1.2")) * 100
    assert ex.position("XRP/USDT:USDT").amount == 0 and ex.free_balance("USDT") == ex.balances["USDT"]


def test_futures_protective_stop_semantics(shared_dir):
    """The paper engine rests reduce-only stops on futures like Binance/Bybit linear: refused when the
    last price is already through the trigger, capped to the position, cancelled by client id."""
    prices = RecordedPrices.from_files([shared_dir / "data" / "ohlcv" / "futures" / "XRP_USDT_USDT-5m-futures.json"])
    clock = ManualClock(1636935900000)  # last closed candle 00:20 (close 1.2)
    ex = PaperExchange(prices, clock, balances={"USDT": D(1000)}, taker_fee=D(0), maker_fee=D(0), slippage_pct=D(0))
    symbol = "XRP/USDT:USDT"
    # spot too (issue 13 item 4: one stop rule; spot exits share the base held like an OCO)
    assert ex.supports_protective_stop(symbol) and ex.supports_protective_stop("ETH/BTC")
    with pytest.raises(OrderRejected) as passed:  # a short's buy stop below the 1.2 last price
        ex.create_order(OrderRequest("late", symbol, OrderSide.BUY, OrderType.STOP_MARKET, D(10),
                                     trigger_price=D("1.199"), reduce_only=True))
    assert passed.value.kind == "would_trigger"
    ex.create_order(OrderRequest("s", symbol, OrderSide.SELL, OrderType.MARKET, D(100)))
    ex.create_order(OrderRequest("sl", symbol, OrderSide.BUY, OrderType.STOP_MARKET, D(150),
                                 trigger_price=D("1.209"), reduce_only=True))
    clock.advance(300_000)  # 00:25: sold 100 at the open 1.2; its high 1.2092 fires the stop at 1.209
    stop = ex.fetch_order(symbol, "sl", trigger=True)
    # capped to the 100 held: a reduce-only stop never flips the position
    assert (stop.status, stop.filled, stop.average) == (OrderStatus.EXPIRED, D(100), D("1.209"))
    assert ex.position(symbol).amount == 0 and ex.balances["USDT"] == D(1000) - D("0.9")
    ex.create_order(OrderRequest("s2", symbol, OrderSide.SELL, OrderType.MARKET, D(10)))
    ex.create_order(OrderRequest("sl2", symbol, OrderSide.BUY, OrderType.STOP_MARKET, D(10),
                                 trigger_price=D("1.25"), reduce_only=True))
    assert ex.cancel_order(symbol, "sl2", trigger=True).status == OrderStatus.CANCELLED


def test_state_round_trip(prices):
    ex, clock = engine(prices)
    ex.create_order(buy("x", OrderType.LIMIT, "1", "0.0837"))
    restored = PaperExchange(prices, clock).load_state(ex.to_state())
    clock.advance(300_000)
    assert restored.fetch_order("ETH/BTC", "x").status == OrderStatus.FILLED
    assert restored.to_state()["balances"]["ETH"] == "1"


def test_market_rules_from_ccxt_market():
    market = {"symbol": "BTC/USDT:USDT", "base": "BTC", "quote": "USDT", "type": "swap", "contract": True,
              "contractSize": 1, "precision": {"amount": 0.001, "price": 0.1},
              "limits": {"amount": {"min": 0.001}, "cost": {"min": 5}, "leverage": {"max": 125}}}
    rules = MarketRules.from_ccxt_market(market, 4)
    assert (rules.market_type, rules.amount_step, rules.price_step, rules.min_notional, rules.max_leverage) == (
        "futures", D("0.001"), D("0.1"), D(5), 125)
    assert rules.round_amount(D("0.0129")) == D("0.012")
    assert rules.check(D("0.001"), D("4000")) and rules.check(D("0.002"), D("4000")) is None
    decimal_places = MarketRules.from_ccxt_market({**market, "precision": {"amount": 3, "price": 1}}, 2)
    assert decimal_places.amount_step == D("0.001") and decimal_places.price_step == D("0.1")
