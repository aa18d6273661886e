"""Protective stops and spot balance caps on the live path: ccxt's real Binance / Bybit clients →
the real proxy node → the exchange double on 127.0.0.1 (which checks the request signatures and
keeps stop orders in its book, untriggered until the test fires them)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from verzek.domain.jobs import ExecuteSignalJob, SignalUpdateJob
from verzek.execution.ccxt_adapter import CcxtExchange
from verzek.execution.executor import Executor
from verzek.execution.monitor import run_monitor
from verzek.execution.paper import RecordedPrices
from verzek.execution.ports import OrderRejected, OrderRequest, OrderSide, OrderStatus, OrderType
from verzek.execution.venues import VenueProvider, wall_clock_ms

from proxy_node.app import create_app
from tests.integration.execution.test_live_path import NO_WAIT, flat_prices
from tests.integration.proxy.conftest import API_KEY, API_SECRET, HMAC_KEY_ID, HMAC_SECRET, node_settings
from tests.support.exchange_double import ExchangeDouble, ServerThread

D = Decimal
MINUTE = 60_000


@pytest.fixture
def double(settings_env):
    with ExchangeDouble() as running, ServerThread(create_app(node_settings(running.base_url))) as server:
        running.add_account(API_KEY, API_SECRET)
        running.set_balance("binance", "linear", "USDT", "5000")
        running.set_balance("binance", "spot", "USDT", "5000")
        running.set_balance("bybit", "unified", "USDT", "5000")
        settings_env(PROXY_ENABLED="true", PROXY_URLS=server.url, PROXY_KEY_ID=HMAC_KEY_ID,
                     PROXY_HMAC_KEY=HMAC_SECRET, PROXY_DIRECT_FALLBACK="false",
                     VERZEK_MASTER_KEY=Fernet.generate_key().decode())
        yield running


def live_user(factory, db, exchange: str, **settings) -> int:
    from tests.support.accounts import insert_exchange_account

    user = factory.user()
    with db, db.cursor() as cur:
        account = insert_exchange_account(cur, user, exchange, 'main', API_KEY, API_SECRET, key_last4='ey-1')
        sets = ", ".join(f"{name} = %s" for name in settings)
        cur.execute(f"UPDATE trading_settings SET mode = 'live', live_confirmed_at = now(), exchange_account_id = %s"
                    f"{', ' + sets if sets else ''} WHERE user_id = %s", (account, *settings.values(), user))
    return user


def resting_stops(double) -> list:
    return [o for o in double.orders if o.is_conditional and o.status == "open" and not o.triggered]


def rows(factory, position_id: int, role: str) -> list[dict]:
    return [o for o in factory.orders(position_id) if o["role"] == role]


@pytest.mark.parametrize("exchange", ["binance", "bybit"])
def test_futures_stop_rests_on_the_exchange_resized_moved_and_fired(double, factory, db, exchange):
    user = live_user(factory, db, exchange, size_value=D(200), leverage_cap=10, breakeven_after_tp=1,
                     dca_enabled=True, dca_safety_orders=1, dca_step_pct=D(1))
    sig = factory.signal("BTC/USDT", "long", entries=["59000"], targets=["61000", "62000"], stop_loss="58000",
                         market_type="futures", leverage=5)
    venues = VenueProvider(live_prices=flat_prices("BTC/USDT:USDT", "60000"))
    executor = Executor(venues, NO_WAIT)
    assert executor.handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    pos = factory.position(user, sig)
    # 200 USDT × 5 = 1000: 500 on the entry (0.008 @ 59000), 500 on the safety order 1 % lower (0.008 @ 58410)
    entry, safety = factory.orders(pos["id"])
    assert (entry["amount"], safety["price"], safety["amount"]) == (D("0.008"), D("58410"), D("0.008"))
    assert resting_stops(double) == [] and rows(factory, pos["id"], "sl") == []  # nothing filled: no stop yet

    # the entry fills -> the next tick rests a reduce-only stop for the filled amount
    double.fill(entry["client_order_id"], "59000", "0.008")
    assert run_monitor(venues)["errors"] == 0
    [stop0] = rows(factory, pos["id"], "sl")
    assert (stop0["order_type"], stop0["side"], stop0["trigger_price"], stop0["amount"], stop0["status"],
            stop0["reduce_only"]) == ("stop_market", "sell", D("58000"), D("0.008"), "open", True)
    assert stop0["client_order_id"].endswith("-l1")  # stop version 0
    [on_exchange] = resting_stops(double)
    assert on_exchange.client_order_id == stop0["client_order_id"] and on_exchange.reduce_only
    assert (on_exchange.side, on_exchange.trigger_price, on_exchange.amount) == ("SELL", D("58000"), D("0.008"))
    if exchange == "binance":  # the USD-M Algo Service, last-price trigger
        assert on_exchange.algo and on_exchange.type == "STOP_MARKET" and on_exchange.trigger_by == "CONTRACT_PRICE"
        assert any(r.path == "/fapi/v1/algoOrder" and r.method == "POST" and r.authenticated for r in double.requests)
    else:  # v5 conditional market order, fires when the last price falls to the trigger
        assert on_exchange.type == "MARKET" and on_exchange.trigger_direction == 2
        assert on_exchange.trigger_by == "LastPrice"
    run_monitor(venues)  # nothing changed: no new version
    assert len(rows(factory, pos["id"], "sl")) == 1

    # the DCA safety order fills -> the stop is re-sized (cancel + replace, version 1)
    double.fill(safety["client_order_id"], "58410", "0.008")
    run_monitor(venues)
    stop0, stop1 = rows(factory, pos["id"], "sl")
    assert stop0["status"] == "cancelled" and double.order_by_client_id(stop0["client_order_id"]).status == "canceled"
    assert (stop1["trigger_price"], stop1["amount"], stop1["status"]) == (D("58000"), D("0.016"), "open")
    assert stop1["client_order_id"].endswith("-l1r1")
    assert [o.client_order_id for o in resting_stops(double)] == [stop1["client_order_id"]]

    # TP1 fills -> breakeven incl. fees, for the 0.006 left: average entry (0.008×59000 + 0.008×58410) / 0.016
    # = 58705, no entry fee charged by the double, exit at the taker fee: Binance 0.05 % -> 58705 / 0.9995
    # = 58734.37 -> a tick up 58734.4; Bybit 0.06 % -> 58705 / 0.9994 = 58740.24 -> 58740.3
    be = {"binance": D("58734.4"), "bybit": D("58740.3")}[exchange]
    tp1 = next(o for o in rows(factory, pos["id"], "tp") if o["status"] == "open" and o["leg"] == 1)
    assert tp1["amount"] == D("0.01")
    double.fill(tp1["client_order_id"], "61000", "0.01")
    run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["tp_hits"] == 1 and pos["breakeven_moved"] and pos["stop_loss"] == be
    stop2 = rows(factory, pos["id"], "sl")[-1]
    assert (stop2["trigger_price"], stop2["amount"], stop2["status"]) == (be, D("0.006"), "open")
    assert [o.client_order_id for o in resting_stops(double)] == [stop2["client_order_id"]]

    # the provider moves the stop: the exchange stop follows at once (no monitor tick needed)
    move = factory.event(sig, "sl_moved", price=D("59500"))
    assert executor.handle(SignalUpdateJob(signal_id=sig, user_id=user, event_id=move)) == "stop_moved"
    stop3 = rows(factory, pos["id"], "sl")[-1]
    assert (stop3["trigger_price"], stop3["amount"], stop3["status"]) == (D("59500"), D("0.006"), "open")
    assert stop3["client_order_id"].endswith("-l1r3")
    assert [o.client_order_id for o in resting_stops(double)] == [stop3["client_order_id"]]

    # the exchange fires it (its own price feed; the candles never touch 59500): the monitor sees the
    # fill, cancels TP2 and closes the books without sending a second close
    double.trigger(stop3["client_order_id"], "59500")
    assert run_monitor(venues)["errors"] == 0
    pos = factory.position(user, sig)
    assert pos["status"] == "closed" and pos["close_reason"] == "stop_loss"
    assert rows(factory, pos["id"], "sl")[-1]["status"] == "filled"
    tp2 = next(o for o in rows(factory, pos["id"], "tp") if o["leg"] == 2 and o["amount"] == D("0.006"))
    assert tp2["status"] == "cancelled"
    assert not [o for o in double.orders if o.client_order_id.endswith(("-c0", "-l0"))]
    assert pos["realized_pnl"] == D("27.72")  # 0.01 × (61000 − 58705) + 0.006 × (59500 − 58705)
    kinds = [n["kind"] for n in factory.notifications(user) if n["channel"] == "console"]
    assert "stopped_out" in kinds and kinds[-1] == "closed"


class ShiftedClock:
    def __init__(self) -> None:
        self.offset = 0

    def __call__(self) -> int:
        return wall_clock_ms() + self.offset


def dipping_prices(symbol: str, price: str, dip_low: str) -> tuple[RecordedPrices, int]:
    """Flat 1m candles, except one two minutes from now whose low reaches `dip_low`."""
    now = wall_clock_ms() // MINUTE * MINUTE
    dip = now + 2 * MINUTE
    rows_ = [[t, price, price, dip_low if t == dip else price, price, "1"]
             for t in range(now - 60 * MINUTE, now + 60 * MINUTE, MINUTE)]
    return RecordedPrices().add(symbol, "1m", rows_), dip


@pytest.mark.parametrize("exchange", ["binance", "bybit"])
@pytest.mark.parametrize("exchange_fired", [True, False], ids=["exchange-fired", "backstop"])
def test_monitor_backstop_never_closes_twice(double, factory, db, exchange, exchange_fired):
    user = live_user(factory, db, exchange, size_value=D(100), leverage_cap=5)
    sig = factory.signal("BTC/USDT", "long", entries=["59000"], targets=["61000"], stop_loss="58000",
                         market_type="futures", leverage=5)
    prices, _ = dipping_prices("BTC/USDT:USDT", "60000", "57900")
    clock = ShiftedClock()
    venues = VenueProvider(live_prices=prices, clock=clock)
    assert Executor(venues, NO_WAIT).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    pos = factory.position(user, sig)
    [entry] = factory.orders(pos["id"])
    double.fill(entry["client_order_id"], "59000", entry["amount"])
    run_monitor(venues)  # the dip has not happened yet: the stop rests
    [stop] = rows(factory, pos["id"], "sl")
    assert stop["status"] == "open" and len(resting_stops(double)) == 1
    if exchange_fired:  # the exchange fired it too; the monitor must not close again
        double.trigger(stop["client_order_id"], "58000")

    clock.offset = 5 * MINUTE  # the dip candle has closed: the monitor sees the stop reached
    assert run_monitor(venues)["errors"] == 0
    run_monitor(venues)  # Bybit acknowledges a market order with ids only: its fill is read on the next tick
    pos = factory.position(user, sig)
    assert pos["status"] == "closed" and pos["close_reason"] == "stop_loss"
    closes = [o for o in double.orders if o.client_order_id.endswith("-l0")]
    amount = entry["amount"]  # 100 × 5 / 59000 → 0.008
    if exchange_fired:
        assert closes == [] and rows(factory, pos["id"], "sl")[0]["status"] == "filled"
        assert pos["realized_pnl"] == amount * (D(58000) - D(59000))
    else:  # backstop: the resting stop is cancelled first, then one reduce-only market close (at the mark)
        assert double.order_by_client_id(stop["client_order_id"]).status == "canceled"
        assert len(closes) == 1 and closes[0].reduce_only and closes[0].type == "MARKET"
        assert pos["realized_pnl"] == amount * (D(60000) - D(59000))
    assert resting_stops(double) == []


@pytest.mark.parametrize("exchange", ["binance", "bybit"])
def test_adapter_stop_orders_by_client_id(double, exchange):
    live = CcxtExchange.connect(exchange, api_key=API_KEY, secret=API_SECRET, market_type="futures")
    symbol = "BTC/USDT:USDT"
    assert live.supports_protective_stop(symbol)
    assert not CcxtExchange.connect(exchange, api_key=API_KEY, secret=API_SECRET,
                                    market_type="spot").supports_protective_stop("BTC/USDT")
    passed = OrderRequest("vzt-stop-passed", symbol, OrderSide.SELL, OrderType.STOP_MARKET, D("0.002"),
                          trigger_price=D("60500"), reduce_only=True)  # a sell stop above the 60000 mark
    with pytest.raises(OrderRejected) as refused:
        live.create_order(passed)
    assert refused.value.kind == "would_trigger"

    request = OrderRequest(f"vzt-stop-{exchange}", symbol, OrderSide.BUY, OrderType.STOP_MARKET, D("0.003"),
                           trigger_price=D("61000"), reduce_only=True)  # a short's stop
    created = live.create_order(request)
    assert created.status == OrderStatus.OPEN and created.type == OrderType.STOP_MARKET
    fetched = live.fetch_order(symbol, request.client_order_id, trigger=True)
    assert (fetched.status, fetched.filled, fetched.trigger_price, fetched.amount) == (
        OrderStatus.OPEN, D(0), D("61000"), D("0.003"))
    with pytest.raises(OrderRejected) as duplicate:
        live.create_order(request)
    assert duplicate.value.kind == "duplicate"

    double.fill(request.client_order_id, "61010", "0.001")  # fired, partly executed so far
    partly = live.fetch_order(symbol, request.client_order_id, trigger=True)
    assert (partly.status, partly.filled, partly.average) == (OrderStatus.OPEN, D("0.001"), D("61010"))
    double.fill(request.client_order_id, "61010", "0.002")
    done = live.fetch_order(symbol, request.client_order_id, trigger=True)
    assert (done.status, done.filled, done.type) == (OrderStatus.FILLED, D("0.003"), OrderType.STOP_MARKET)

    other = OrderRequest(f"vzt-stop2-{exchange}", symbol, OrderSide.SELL, OrderType.STOP_MARKET, D("0.002"),
                         trigger_price=D("59000"), reduce_only=True)
    live.create_order(other)
    cancelled = live.cancel_order(symbol, other.client_order_id, trigger=True)
    assert cancelled.status == OrderStatus.CANCELLED and cancelled.filled == 0
    assert live.cancel_order(symbol, other.client_order_id, trigger=True).status == OrderStatus.CANCELLED


def test_binance_double_refuses_what_binance_refuses(double):
    import ccxt

    client = CcxtExchange.connect("binance", api_key=API_KEY, secret=API_SECRET, market_type="futures").client
    client.load_markets()
    base = {"symbol": "BTCUSDT", "side": "SELL", "type": "STOP_MARKET", "algoType": "CONDITIONAL",
            "triggerPrice": "58000"}
    with pytest.raises(ccxt.BadRequest, match="-1106"):  # closePosition with reduceOnly
        client.fapiPrivatePostAlgoOrder({**base, "closePosition": "true", "reduceOnly": "true"})
    with pytest.raises(ccxt.BaseError, match="-4014"):  # trigger off the 0.10 tick
        client.fapiPrivatePostAlgoOrder({**base, "quantity": "0.002", "triggerPrice": "58000.05"})
    with pytest.raises(ccxt.BaseError, match="-4120"):  # conditional types left the order endpoint
        client.fapiPrivatePostOrder({"symbol": "BTCUSDT", "side": "SELL", "type": "STOP_MARKET",
                                     "quantity": "0.002", "stopPrice": "58000"})
    closing = client.fapiPrivatePostAlgoOrder({**base, "closePosition": "true"})
    assert closing["closePosition"] is True and closing["algoStatus"] == "NEW"


def test_spot_last_sell_capped_to_the_base_actually_held(double, factory, db):
    # Binance spot without BNB: the 0.1 % fee of a buy is taken from the coin bought
    double.settle_spot("0.001")
    user = live_user(factory, db, "binance", size_value=D(50))
    sig = factory.signal("ETH/USDT", "long", entries=[], entry_type="market", targets=["3100", "3200"],
                         stop_loss="2900", market_type="spot")
    venues = VenueProvider(live_prices=flat_prices("ETH/USDT", "3000"))
    executor = Executor(venues, NO_WAIT)
    assert executor.handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    pos = factory.position(user, sig)
    [entry] = factory.orders(pos["id"])
    # 50 / 3000 → 0.0166 ETH bought at the 3000 mark; 0.0000166 ETH fee → 0.0165834 held
    assert entry["filled"] == D("0.0166") and double.free_balance("binance", "spot", "ETH") == D("0.0165834")
    run_monitor(venues)
    tps = rows(factory, pos["id"], "tp")
    # the ladder is sized from the 0.0165 held (step 0.0001), not the 0.0166 bought: 62.5 % → 0.0103, the
    # rest 0.0062. Sized from 0.0166 the last sell would be 0.0063 > the 0.0062834 left free: refused.
    assert [(o["amount"], o["status"]) for o in tps] == [(D("0.0103"), "open"), (D("0.0062"), "open")]
    assert rows(factory, pos["id"], "sl") == []  # spot: the monitor watches the stop, nothing rests
    assert double.free_balance("binance", "spot", "ETH") == D("0.0000834")

    double.fill(tps[0]["client_order_id"], "3100", "0.0103")
    run_monitor(venues)
    close_event = factory.event(sig, "closed")
    assert executor.handle(SignalUpdateJob(signal_id=sig, user_id=user, event_id=close_event)) == "closing"
    [close] = rows(factory, pos["id"], "close")
    # 0.0063 left on the books, 0.0062834 held → the close sells 0.0062 (TP2 was cancelled first)
    assert (close["amount"], close["status"]) == (D("0.0062"), "filled")
    run_monitor(venues)
    pos = factory.position(user, sig)
    # the 0.0000834 ETH of dust cannot be sold: the trade is over
    assert pos["status"] == "closed" and pos["close_reason"] == "signal_closed"
    assert pos["filled_amount"] == D("0.0166") and pos["closed_amount"] == D("0.0165")
    # 0.0103 × 3100 + 0.0062 × 3000 − 0.0165/0.0166 of the 49.8 paid
    assert pos["realized_pnl"] == D("1.03")
    assert double.free_balance("binance", "spot", "ETH") == D("0.0000834")
