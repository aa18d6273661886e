"""Hedge mode on a live Binance USD-M account (issue 13 item 1): ccxt's real client → the real proxy node →
the exchange double, which checks every order's positionSide against the account's position mode (one-way:
BOTH only; hedge: LONG/SHORT only, and no reduceOnly parameter, -4061 / -1106 like Binance).

Hand computation: 200 USDT × 5 = 1000 USDT: the long 1000 / 59000 → 0.016 BTC, the short 1000 / 60500 →
0.016. The long's stop fires at 58000: 0.016 × (58000 − 59000) = −16 USDT; the short lives on until the
exchange liquidates it at 70000: 0.016 × (60500 − 70000) = −152 USDT."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.executor import Executor
from verzek.execution.monitor import run_monitor
from verzek.execution.venues import VenueProvider, wall_clock_ms

from tests.integration.execution.test_live_path import NO_WAIT, flat_prices
from tests.integration.execution.test_live_stops import double, live_user, rows  # noqa: F401

D = Decimal


def _open(factory, user, venues, side, entry, target, stop):
    sig = factory.signal("BTC/USDT", side, entries=[entry], targets=[target], stop_loss=stop, market_type="futures",
                         leverage=5)
    outcome = Executor(venues, NO_WAIT).handle(ExecuteSignalJob(signal_id=sig, user_id=user))
    return sig, outcome


def _hedge_mode(double, exchange: str) -> None:
    if exchange == "binance":
        double.hedge_mode = True
    else:
        double.bybit_hedge_mode = True


def _long_and_short_filled(double, factory, user, venues) -> list[tuple[int, int]]:
    """A long at 59000 and a short at 60500 on BTC, 0.016 each, both filled: [(signal id, position id)]."""
    opened = []
    for side, entry, target, stop in (("long", "59000", "61000", "58000"), ("short", "60500", "59000", "62000")):
        sig, outcome = _open(factory, user, venues, side, entry, target, stop)
        assert outcome == "opened"
        pos = factory.position(user, sig)
        [order] = factory.orders(pos["id"])
        double.fill(order["client_order_id"], entry, "0.016")
        opened.append((sig, pos["id"]))
    return opened


def test_a_hedge_mode_account_holds_a_long_and_a_short_each_with_its_own_exits(double, factory, db):  # noqa: F811 (the fixture)
    double.hedge_mode = True
    user = live_user(factory, db, "binance", size_value=D(200), leverage_cap=10, opposite_signal_policy="hedge")
    venues = VenueProvider(live_prices=flat_prices("BTC/USDT:USDT", "60000"))
    long_sig, outcome = _open(factory, user, venues, "long", "59000", "61000", "58000")
    assert outcome == "opened"
    long_pos = factory.position(user, long_sig)
    [long_entry] = factory.orders(long_pos["id"])
    double.fill(long_entry["client_order_id"], "59000", "0.016")
    assert run_monitor(venues)["errors"] == 0

    short_sig, outcome = _open(factory, user, venues, "short", "60500", "59000", "62000")
    assert outcome == "opened"  # held beside the long, not refused, not reversed
    short_pos = factory.position(user, short_sig)
    [short_entry] = factory.orders(short_pos["id"])
    assert short_entry["amount"] == D("0.016")
    double.fill(short_entry["client_order_id"], "60500", "0.016")
    assert run_monitor(venues)["errors"] == 0

    def on_double(pos):
        return {(o.side, o.position_side, o.reduce_only, "stop" if o.is_conditional else o.type)
                for o in double.orders if o.client_order_id in {r["client_order_id"] for r in factory.orders(pos["id"])}}

    assert on_double(long_pos) == {("BUY", "LONG", False, "LIMIT"), ("SELL", "LONG", True, "LIMIT"),
                                   ("SELL", "LONG", True, "stop")}
    assert on_double(short_pos) == {("SELL", "SHORT", False, "LIMIT"), ("BUY", "SHORT", True, "LIMIT"),
                                    ("BUY", "SHORT", True, "stop")}
    sent = [r for r in double.requests if r.method == "POST" and r.path in ("/fapi/v1/order", "/fapi/v1/algoOrder")]
    assert sent and not any(b"reduceOnly" in r.body or "reduceOnly" in r.query for r in sent)

    # the long's stop fires: only the long closes; the short keeps its stop and target
    [long_stop] = rows(factory, long_pos["id"], "sl")
    double.trigger(long_stop["client_order_id"], "58000")
    assert run_monitor(venues)["errors"] == 0
    long_pos, short_pos = factory.position(user, long_sig), factory.position(user, short_sig)
    assert (long_pos["status"], long_pos["close_reason"], long_pos["realized_pnl"]) == ("closed", "stop_loss", -16)
    assert short_pos["status"] == "open"
    assert {r["status"] for r in rows(factory, short_pos["id"], "sl") + rows(factory, short_pos["id"], "tp")} == {"open"}

    # the exchange liquidates the short side only: the short is marked liquidated from its own record
    double.liquidate("binance", "BTCUSDT", "BUY", "0.016", "70000", position_side="SHORT")
    assert run_monitor(venues)["errors"] == 0
    short_pos = factory.position(user, short_sig)
    assert (short_pos["status"], short_pos["realized_pnl"]) == ("liquidated", -152)


def test_hedge_policy_on_a_one_way_account_refuses_the_opposite_signal_with_the_reason(double, factory, db):  # noqa: F811 (the fixture)
    user = live_user(factory, db, "binance", size_value=D(200), leverage_cap=10, opposite_signal_policy="hedge")
    venues = VenueProvider(live_prices=flat_prices("BTC/USDT:USDT", "60000"))
    long_sig, outcome = _open(factory, user, venues, "long", "59000", "61000", "58000")
    assert outcome == "opened"  # one-way orders (positionSide BOTH): the double would refuse anything else
    short_sig, outcome = _open(factory, user, venues, "short", "60500", "59000", "62000")
    assert outcome == "skipped:opposite_position"
    error = factory.position(user, short_sig)["error"]
    assert "one-way mode" in error and "hedge mode" in error
    assert factory.position(user, long_sig)["status"] == "open"


def test_a_bybit_account_in_hedge_mode_is_read_from_its_position_list_and_traded_hedged(double, factory, db):  # noqa: F811 (the fixture)
    # ccxt has no fetchPositionMode for Bybit: the mode is read from /v5/position/list (positionIdx 1/2 rows);
    # the double refuses positionIdx 0 on a hedge-mode account (retCode 10001 "position idx not match
    # position mode"), as Bybit does, so one-way orders would fail the trade
    double.bybit_hedge_mode = True
    user = live_user(factory, db, "bybit", size_value=D(200), leverage_cap=10, opposite_signal_policy="hedge")
    venues = VenueProvider(live_prices=flat_prices("BTC/USDT:USDT", "60000"))
    long_sig, outcome = _open(factory, user, venues, "long", "59000", "61000", "58000")
    assert outcome == "opened"
    assert any(r.path == "/v5/position/list" and "symbol=BTCUSDT" in r.query for r in double.requests)
    long_pos = factory.position(user, long_sig)
    [long_entry] = factory.orders(long_pos["id"])
    double.fill(long_entry["client_order_id"], "59000", "0.016")
    assert run_monitor(venues)["errors"] == 0
    short_sig, outcome = _open(factory, user, venues, "short", "60500", "59000", "62000")
    assert outcome == "opened"
    short_pos = factory.position(user, short_sig)
    [short_entry] = factory.orders(short_pos["id"])
    double.fill(short_entry["client_order_id"], "60500", "0.016")
    assert run_monitor(venues)["errors"] == 0
    assert (double.position("bybit", "BTCUSDT", "LONG"), double.position("bybit", "BTCUSDT", "SHORT")) == (
        D("0.016"), D("-0.016"))

    def sides(pos):
        return {o.position_side for o in double.orders
                if o.client_order_id in {r["client_order_id"] for r in factory.orders(pos["id"])}}

    assert sides(long_pos) == {"LONG"} and sides(short_pos) == {"SHORT"}
    assert len(rows(factory, long_pos["id"], "sl")) == 1 and len(rows(factory, short_pos["id"], "tp")) == 1

    double.liquidate("bybit", "BTCUSDT", "BUY", "0.016", "70000", position_side="SHORT")
    assert run_monitor(venues)["errors"] == 0
    assert (factory.position(user, short_sig)["status"], factory.position(user, short_sig)["realized_pnl"]) == (
        "liquidated", -152)
    assert factory.position(user, long_sig)["status"] == "open"


@pytest.mark.parametrize("exchange", ["binance", "bybit"])
def test_live_funding_of_a_hedged_symbol_is_split_between_the_long_and_the_short(double, factory, db, exchange):  # noqa: F811 (the fixture)
    # the funding history names no side: at one funding time the account got -0.096 and +0.096 USDT.
    # Rate 0.01 % at mark 60000 (Binance: its funding rate history; Bybit: stated on each funding execution):
    # the long (0.016) pays 0.016 x 60000 x 0.0001 = 0.096, the short (0.016) receives 0.096; the two add up
    # to what was reported (0), so each is recorded on its own position (split by size alone, both would
    # get 0). A time whose payments do not add up is not counted.
    _hedge_mode(double, exchange)
    user = live_user(factory, db, exchange, size_value=D(200), leverage_cap=10, opposite_signal_policy="hedge")
    venues = VenueProvider(live_prices=flat_prices("BTC/USDT:USDT", "60000"))
    positions = _long_and_short_filled(double, factory, user, venues)
    assert run_monitor(venues)["errors"] == 0

    def an_hour_later():
        with db, db.cursor() as cur:
            cur.execute("UPDATE positions SET checked_ms = checked_ms - 3600000 WHERE id = ANY(%s)",
                        ([position_id for _, position_id in positions],))

    at = wall_clock_ms()
    stated = {"rate": "0.0001", "mark": "60000"} if exchange == "bybit" else {}
    double.add_funding_rate("BTCUSDT", "0.0001", "60000", at)
    double.add_funding(exchange, "BTCUSDT", "-0.096", at, **stated)
    double.add_funding(exchange, "BTCUSDT", "0.096", at + 3, **stated)
    an_hour_later()
    double.reset_requests()
    assert run_monitor(venues)["errors"] == 0
    assert [factory.position(user, sig)["funding"] for sig, _ in positions] == [D("-0.096"), D("0.096")]
    # one rate read serves both sides (Bybit: none, the executions state it)
    assert sum(r.path == "/fapi/v1/fundingRate" for r in double.requests) == (exchange == "binance")

    later = wall_clock_ms() + 1
    double.add_funding_rate("BTCUSDT", "0.0001", "60000", later)
    double.add_funding(exchange, "BTCUSDT", "-0.5", later, **stated)
    double.add_funding(exchange, "BTCUSDT", "-0.5", later, **stated)  # -1 reported where the rate says 0: not counted
    an_hour_later()
    assert run_monitor(venues)["errors"] == 0
    assert [factory.position(user, sig)["funding"] for sig, _ in positions] == [D("-0.096"), D("0.096")]


@pytest.mark.parametrize("exchange", ["binance", "bybit"])
def test_a_hedged_funding_time_posted_one_side_first_is_read_again_until_it_adds_up(double, factory, db, exchange):  # noqa: F811 (the fixture)
    # The exchange posts the long's payment (-0.096) of the next hour's funding before the short's (+0.096,
    # same time). The pass at +3 min sees one side only: it cannot say which side that is, so the time is not
    # counted — and must not be passed over: the pass at +11 min (the +10 checkpoint) reads it again, whole.
    # A time whose other side never comes is given up once it is an hour old (the next hour's +2 read), and
    # does not hold back the times after it. Rate 0.01 % at mark 60000: 0.016 x 60000 x 0.0001 = 0.096.
    from verzek.execution.paper import RecordedPrices

    _hedge_mode(double, exchange)
    hour = wall_clock_ms() // 3_600_000 * 3_600_000 + 3_600_000
    clock = {"now": wall_clock_ms()}
    prices = RecordedPrices().add("BTC/USDT:USDT", "1m", [[t, "60000", "60000", "60000", "60000", "1"]
                                                          for t in range(hour - 7_200_000, hour + 10_800_000, 60_000)])
    user = live_user(factory, db, exchange, size_value=D(200), leverage_cap=10, opposite_signal_policy="hedge")
    venues = VenueProvider(live_prices=prices, clock=lambda: clock["now"])
    positions = [sig for sig, _ in _long_and_short_filled(double, factory, user, venues)]
    assert run_monitor(venues)["errors"] == 0
    stated = {"rate": "0.0001", "mark": "60000"} if exchange == "bybit" else {}

    def funding_time(at: int) -> None:
        double.add_funding_rate("BTCUSDT", "0.0001", "60000", at)

    def pass_at(at: int) -> list[Decimal]:
        clock["now"] = at
        assert run_monitor(venues)["errors"] == 0
        return [factory.position(user, sig)["funding"] for sig in positions]

    funding_time(hour)
    double.add_funding(exchange, "BTCUSDT", "-0.096", hour, **stated)  # the long's, posted first
    assert pass_at(hour + 3 * 60_000) == [0, 0]  # one side only: not counted yet
    double.add_funding(exchange, "BTCUSDT", "0.096", hour, **stated)  # the short's, posted late
    assert pass_at(hour + 11 * 60_000) == [D("-0.096"), D("0.096")]

    # the next hour's short payment never comes: waited for at +2, +10, +30 min, given up at the hour after
    funding_time(hour + 3_600_000)
    double.add_funding(exchange, "BTCUSDT", "-0.096", hour + 3_600_000, **stated)
    for minutes in (3, 11, 31):
        assert pass_at(hour + 3_600_000 + minutes * 60_000) == [D("-0.096"), D("0.096")]
    funding_time(hour + 7_200_000)
    double.add_funding(exchange, "BTCUSDT", "-0.096", hour + 7_200_000, **stated)
    double.add_funding(exchange, "BTCUSDT", "0.096", hour + 7_200_000, **stated)
    assert pass_at(hour + 7_200_000 + 3 * 60_000) == [D("-0.192"), D("0.192")]
