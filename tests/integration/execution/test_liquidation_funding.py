"""Issue 13 item 2 on the real execution engine (paper venue, real PostgreSQL): a position the paper
exchange liquidates is marked `liquidated` in the database with the exchange's price, the loss is
exactly what backed it, the user is told, and the paper balance never goes negative. Candles made by
hand; the market is the recorded Binance SOL/USDT:USDT (leverage tiers) so every figure is checked by
hand below."""

from __future__ import annotations

from decimal import Decimal

from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution import markets
from verzek.execution.executor import Executor
from verzek.execution.monitor import run_monitor
from verzek.execution.paper import RecordedPrices
from verzek.execution.venues import VenueProvider
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
FUTURES = "SOL/USDT:USDT"


def _venues(candles, settings_env, *, margin_mode=None):
    settings_env(PAPER_TAKER_FEE_PCT="0.1", PAPER_MAKER_FEE_PCT="0.1", PAPER_SLIPPAGE_PCT="0",
                 PAPER_START_BALANCE="10000")
    rows = [[T0 + i * MIN, *c, "1"] for i, c in enumerate(candles)]
    clock = ManualClock(T0 + MIN)
    return VenueProvider(RecordedPrices().add(FUTURES, "1m", rows), clock,
                         paper_rules={FUTURES: markets.rules(FUTURES)}), clock


def test_a_liquidated_paper_position_is_marked_liquidated_with_its_loss(factory, settings_env):
    # 150 USDT margin at 50x: 75 SOL bought at 100 (limit, maker fee 0.1 % = 7.5 USDT). Notional 7500 is in
    # SOL's second bracket (rate 1 %, cum 25): liquidation = (7500 - 150 - 25) / (75 x 0.99) = 98.6532;
    # the old flat 0.5 % put it at 98.49, so the minute-2 low of 98.5 left the position alive.
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (99.5, 99.6, 98.5, 99),
                             (99, 99, 99, 99), (99, 99, 99, 99)], settings_env)
    user = factory.user(size_value=D(150), leverage_cap=50, no_stop_policy="allow", telegram_chat_id=42)
    sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110"], market_type="futures", leverage=50)
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    for minute in (2, 3, 4):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["status"] == "liquidated" and pos["close_reason"] == "liquidation" and pos["closed_at"] is not None
    # closed at the bankruptcy price 100 - 150 / 75 = 98: the loss is the margin, 150 USDT, plus the entry fee
    assert pos["realized_pnl"] == D(-150) and pos["fees"] == D("7.5")
    liq = [o for o in factory.orders(pos["id"]) if o["role"] == "liquidation"]
    assert [(o["filled"], o["average_price"], o["status"]) for o in liq] == [(D(75), D(98), "filled")]
    assert D("98.6531") < liq[0]["trigger_price"] < D("98.6532")
    assert all(o["status"] != "open" for o in factory.orders(pos["id"]))
    texts = [n["payload"]["text"] for n in factory.notifications(user)
             if n["kind"] == "liquidated" and n["channel"] == "telegram"]
    assert len(texts) == 1 and "LIQUIDATED" in texts[0] and "PnL -157.50 USDT" in texts[0]
    assert D(factory.paper_state(user)["balances"]["USDT"]) == D("9842.5")  # 10000 - 7.5 - 150
    assert factory.paper_state(user)["positions"] == {}


def test_a_cross_position_is_backed_by_the_wallet_and_never_leaves_it_negative(factory, settings_env):
    # cross at 50x with a 300 USDT paper wallet: 150 USDT margin, 75 SOL at 100; backing = the wallet less the
    # entry fee = 292.5 -> liquidation (7500 - 292.5 - 25) / 74.25 = 96.7340; a dip to 98 (which liquidates
    # isolated) leaves it open, a gap to 90 liquidates it at the bankruptcy price 100 - 292.5 / 75 = 96.1
    settings_env(PAPER_START_BALANCE="300")
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (99.5, 99.6, 98, 99),
                             (90, 91, 89, 90), (90, 90, 90, 90)], settings_env)
    settings_env(PAPER_START_BALANCE="300")
    user = factory.user(size_value=D(150), leverage_cap=50, no_stop_policy="allow")
    sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110"], market_type="futures", leverage=50)
    with factory.conn, factory.conn.cursor() as cur:
        cur.execute("UPDATE signals SET margin_mode = 'cross' WHERE id = %s", (sig,))
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    clock.set(T0 + 2 * MIN)
    run_monitor(venues)
    clock.set(T0 + 3 * MIN)
    run_monitor(venues)
    assert factory.position(user, sig)["status"] == "open"
    for minute in (4, 5):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["status"] == "liquidated"
    assert pos["realized_pnl"] == D("-292.5")  # (96.1 - 100) x 75
    assert D(factory.paper_state(user)["balances"]["USDT"]) == 0


def test_funding_is_charged_to_the_position_and_counted_in_its_net_pnl(factory, settings_env):
    # 1 SOL long at 100 (1x, limit filled at minute 1, maker fee 0.1 USDT); funding events at minutes 2 and 3,
    # +0.01 % each, mark = the trade candle's open 101 (no mark file): 2 x (-1 x 101 x 0.0001) = -0.0202 USDT;
    # TP 110 fills at minute 5 (fee 0.11): net = 10 - 0.21 - 0.0202 = 9.7698 USDT
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (101, 101, 101, 101),
                             (101, 101, 101, 101), (101, 101, 101, 101), (105, 111, 104, 110), (110, 110, 110, 110)],
                            settings_env)
    venues.paper_prices().add_funding(FUTURES, [[T0 + MIN, "0.01"], [T0 + 2 * MIN, "0.0001"],
                                                [T0 + 3 * MIN, "0.0001"], [T0 + 60 * MIN, "0.0001"]])
    user = factory.user(size_value=D(100), leverage_cap=1, tp_split=[D(100)], telegram_chat_id=42)
    sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110"], stop_loss="90", market_type="futures",
                         leverage=1)
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    for minute in (2, 3, 4, 5):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["status"] == "open" and pos["funding"] == D("-0.0202") and pos["funding_ms"] == T0 + 3 * MIN
    for minute in (6, 7):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["status"] == "closed" and pos["funding"] == D("-0.0202")
    assert pos["realized_pnl"] - pos["fees"] + pos["funding"] == D("9.7698")
    [text] = [n["payload"]["text"] for n in factory.notifications(user) if n["kind"] == "closed"
              and n["channel"] == "telegram"]
    # shown to people rounded to the currency's step (verzek.display); the stored amounts above stay exact
    assert "PnL +9.77 USDT after fees and funding (-0.02 USDT)" in text
    assert D(factory.paper_state(user)["balances"]["USDT"]) == D("10009.7698")
