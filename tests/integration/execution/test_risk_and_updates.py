"""Risk gates before any order, and signal updates / manual closes acting on open positions."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

from verzek.domain.jobs import ClosePositionJob, ExecuteSignalJob, SignalUpdateJob
from verzek.execution.executor import Executor
from verzek.execution.monitor import run_monitor
from verzek.execution.orders import RetryPolicy

D = Decimal
T0 = 1515626700000
NO_WAIT = RetryPolicy(sleep=lambda s: None)


def _signal(factory, **kw):
    return factory.signal("ETH/BTC", "long", entries=["0.0835"], targets=["0.086"], stop_loss="0.082", **kw)


def _run(venues, sig, user):
    return Executor(venues, NO_WAIT).handle(ExecuteSignalJob(signal_id=sig, user_id=user))


def test_global_kill_switch_flag_blocks_before_any_order(factory, venues, clock, db):
    clock.set(T0)
    user = factory.user()
    with db, db.cursor() as cur:
        cur.execute("INSERT INTO system_flags (name, value) VALUES ('kill_switch', %s)", (json.dumps(True),))
    sig = _signal(factory)
    assert _run(venues, sig, user) == "skipped:kill_switch"
    assert factory.paper_state(user) == {}  # the exchange was never touched
    assert factory.position(user, sig)["status"] == "cancelled"
    assert factory.notifications(user) == []


def test_env_kill_switch_user_kill_switch_and_lists(factory, venues, clock, settings_env):
    clock.set(T0)
    u1 = factory.user(kill_switch=True)
    assert _run(venues, _signal(factory), u1) == "skipped:kill_switch"
    u2 = factory.user(symbol_deny=["ETH"])
    assert _run(venues, _signal(factory), u2) == "skipped:symbol_denied"
    u3 = factory.user(symbol_allow=["BTC/USDT", "LTCBTC"])
    assert _run(venues, _signal(factory), u3) == "skipped:symbol_not_allowed"
    u4 = factory.user(follow_sources=["trend"])
    assert _run(venues, _signal(factory), u4) == "skipped:not_followed"
    settings_env(GLOBAL_KILL_SWITCH="true")
    u5 = factory.user()
    assert _run(venues, _signal(factory), u5) == "skipped:kill_switch"


def test_max_open_positions_and_exposure(factory, venues, clock):
    clock.set(T0)
    user = factory.user(size_value=D("0.5"), max_open_positions=1)
    assert _run(venues, _signal(factory), user) == "opened"
    sig2 = _signal(factory)
    assert _run(venues, sig2, user) == "skipped:max_open_positions"
    skipped = [n for n in factory.notifications(user) if n["kind"] == "trade_skipped"]
    assert skipped and "open positions" in skipped[0]["payload"]["text"]

    other = factory.user(size_value=D("0.5"), max_total_exposure=D("0.8"))
    assert _run(venues, _signal(factory), other) == "opened"
    assert _run(venues, _signal(factory), other) == "skipped:max_exposure"


def test_insufficient_balance_refused_with_reason(factory, venues, clock):
    clock.set(T0)
    user = factory.user(size_value=D("20000"))
    sig = _signal(factory)
    assert _run(venues, sig, user) == "skipped:insufficient_balance"
    pos = factory.position(user, sig)
    assert pos["status"] == "cancelled" and "below the trade size" in pos["error"]


def test_cooldown_after_stop_out_and_daily_loss_pause(factory, venues, clock, db):
    clock.set(T0)
    now = Executor(venues).now()
    user = factory.user(cooldown_minutes=60)
    old = _signal(factory)
    with db, db.cursor() as cur:
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, status, "
                    "close_reason, closed_at) VALUES (%s,%s,'paper','paper','ETH/BTC','long','spot','closed',"
                    "'stop_loss',%s)", (user, old, now - timedelta(minutes=10)))
    assert _run(venues, _signal(factory), user) == "skipped:cooldown"

    loser = factory.user(daily_loss_limit_pct=D(1))
    with db, db.cursor() as cur:  # lost 200 BTC today; free 10000 → 200/10200 ≈ 1.96 % ≥ 1 %
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, status, "
                    "close_reason, closed_at, realized_pnl) VALUES (%s,%s,'paper','paper','ETH/BTC','long','spot',"
                    "'closed','take_profit',%s,-200)", (loser, old, now - timedelta(minutes=10)))
    assert _run(venues, _signal(factory), loser) == "skipped:daily_loss_limit"
    with db, db.cursor() as cur:
        cur.execute("SELECT paused_until, paused_reason FROM trading_settings WHERE user_id = %s", (loser,))
        row = cur.fetchone()
    assert row["paused_until"] > now and "daily loss" in row["paused_reason"]
    assert _run(venues, _signal(factory), loser) == "skipped:paused"


def test_tp_already_hit_is_never_opened(factory, venues, clock):
    clock.set(T0)  # last price 0.0846 is above TP1 0.0845
    user = factory.user()
    sig = factory.signal("ETH/BTC", "long", entries=["0.083"], targets=["0.0845"], stop_loss="0.08")
    assert _run(venues, sig, user) == "skipped:tp_already_hit"


def test_signal_close_update_closes_at_next_price(factory, venues, clock):
    clock.set(T0)
    user = factory.user(size_value=D("0.5"))
    sig = _signal(factory)
    _run(venues, sig, user)
    for t in (T0 + 300_000, T0 + 600_000):  # entry fills in the 23:30 candle
        clock.set(t)
        run_monitor(venues)
    event = factory.event(sig, "closed")
    job = SignalUpdateJob(signal_id=sig, user_id=user, event_id=event)
    assert Executor(venues, NO_WAIT).handle(job) == "closing"
    assert Executor(venues, NO_WAIT).handle(job) == "closing"  # redelivered: nothing new is placed
    clock.set(T0 + 900_000)  # the close was sent at 23:35: next price = the 23:35 open 0.08300001
    run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["status"] == "closed" and pos["close_reason"] == "signal_closed"
    closes = [o for o in factory.orders(pos["id"]) if o["role"] == "close"]
    assert len(closes) == 1 and closes[0]["average_price"] == D("0.08300001")
    # (0.08300001 - 0.0835) * 5.98802395
    assert pos["realized_pnl"] == D("-0.0029939520947605")


def test_entry_cancelled_and_stop_moved_updates(factory, venues, clock):
    clock.set(T0)
    user = factory.user(size_value=D("0.5"))
    sig = _signal(factory)
    _run(venues, sig, user)
    pos = factory.position(user, sig)
    move = factory.event(sig, "sl_moved", price=D("0.0825"))
    assert Executor(venues).handle(SignalUpdateJob(signal_id=sig, user_id=user, event_id=move)) == "stop_moved"
    assert factory.position(user, sig)["stop_loss"] == D("0.0825")
    cancel = factory.event(sig, "entry_cancelled")
    assert Executor(venues).handle(SignalUpdateJob(signal_id=sig, user_id=user, event_id=cancel)) == "cancelled"
    pos = factory.position(user, sig)
    assert pos["status"] == "cancelled" and [o["status"] for o in factory.orders(pos["id"])] == ["cancelled"]


def test_manual_close_of_someone_elses_position_is_ignored(factory, venues, clock):
    clock.set(T0)
    user, intruder = factory.user(), factory.user()
    sig = _signal(factory)
    _run(venues, sig, user)
    pos = factory.position(user, sig)
    assert Executor(venues).handle(ClosePositionJob(position_id=pos["id"], user_id=intruder)) == "not_found"
    assert Executor(venues).handle(ClosePositionJob(position_id=pos["id"], user_id=user)) == "cancelled"
