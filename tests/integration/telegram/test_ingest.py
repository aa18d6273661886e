"""Signal ingest on real PostgreSQL: idempotent storage, safety, staleness, broadcasts, fan-out, updates, edits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from verzek.domain.jobs import parse_job
from verzek.domain.signals import EntryType, Side, Signal, SignalSource
from verzek.queue import InProcessQueue
from verzek.signals import (
    SignalInputError,
    SignalUpdate,
    apply_edit,
    apply_update,
    ingest_signal,
    resume_pending_fanouts,
)

from .conftest import TRIAL_CHAT, VIP_CHAT, vip_signal

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _rows(db, sql, *args):
    with db, db.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def test_ingest_stores_once_broadcasts_and_fans_out_to_followers_only(telegram_env, make_user):
    db = telegram_env
    follower = make_user()
    make_user(auto_trade=False)
    make_user(follow=("trend",))
    make_user(kill_switch=True)
    both = make_user(follow=("vip", "trend"))
    queue = InProcessQueue()

    first = ingest_signal(vip_signal(posted_at=NOW - timedelta(seconds=5)), queue=queue, now=NOW)
    again = ingest_signal(vip_signal(posted_at=NOW - timedelta(seconds=5)), queue=queue, now=NOW)

    assert first.created and first.status == "open" and first.jobs_enqueued == 2
    assert first.broadcasts_scheduled == 2
    assert not again.created and again.signal_id == first.signal_id and again.jobs_enqueued == 0
    jobs = [parse_job(body) for body in queue.drain()]
    assert sorted(j.user_id for j in jobs) == sorted([follower, both])
    assert all(j.signal_id == first.signal_id and j.type == "execute_signal" for j in jobs)

    # (its own row by id: a clean-clone CI run once saw this signal get id 2 — another row had been written in the
    # same worker after the table was emptied, and an unordered "first row" read that one)
    signal = _rows(db, "SELECT * FROM signals WHERE id = %s", first.signal_id)[0]
    assert signal["entries"] == [Decimal(64000), Decimal(64500)] and signal["stop_loss"] == Decimal(62500)
    assert signal["symbol"] == "BTC/USDT:USDT" and signal["fanout_jobs"] == 2 and signal["fanout_at"] is not None

    notes = {r["target"]: r for r in _rows(db, "SELECT * FROM notifications WHERE channel = 'telegram'")}
    assert notes[str(VIP_CHAT)]["not_before"] == NOW
    assert notes[str(VIP_CHAT)]["payload"] == {"signal_id": first.signal_id, "audience": "vip",
                                               "withhold_targets": False}
    assert notes[str(TRIAL_CHAT)]["not_before"] == NOW + timedelta(minutes=30)
    assert notes[str(TRIAL_CHAT)]["payload"]["withhold_targets"] is True


def test_inconsistent_signal_is_stored_rejected_and_nobody_trades_it(telegram_env, make_user):
    db = telegram_env
    make_user()
    queue = InProcessQueue()
    # A long whose stop is above its entry: the provider's typo must not become a trade.
    result = ingest_signal(vip_signal(stop_loss=Decimal(65500)), queue=queue, now=NOW + timedelta(seconds=1),)
    assert result.status == "rejected" and "stop" in result.rejected_reason
    assert result.jobs_enqueued == 0 and len(queue) == 0 and result.broadcasts_scheduled == 0
    row = _rows(db, "SELECT status, rejected_reason, fanout_at FROM signals")[0]
    assert row["status"] == "rejected" and row["fanout_at"] is None
    assert [r["channel"] for r in _rows(db, "SELECT channel FROM notifications")] == ["console"]


def test_house_signal_goes_through_the_same_path(telegram_env, make_user):
    trend_user = make_user(follow=("trend",))
    make_user()  # follows vip only
    queue = InProcessQueue()
    signal = Signal(source=SignalSource.TREND, symbol="ETH/USDT", side=Side.SHORT, entry_type=EntryType.MARKET,
                    entries=(Decimal(2500),), targets=(Decimal(2400),), stop_loss=Decimal(2600),
                    external_id="trend:ETH/USDT:1700000000000", posted_at=NOW, confidence=Decimal("0.71"))
    result = ingest_signal(signal, queue=queue, now=NOW)
    assert result.status == "open" and [parse_job(b).user_id for b in queue.drain()] == [trend_user]
    assert not ingest_signal(signal, queue=queue, now=NOW).created


def test_stale_signal_is_stored_and_broadcast_but_not_traded(telegram_env, make_user):
    db = telegram_env
    make_user()
    queue = InProcessQueue()
    result = ingest_signal(vip_signal(posted_at=NOW - timedelta(seconds=301)), queue=queue, now=NOW)
    assert result.status == "stale" and result.jobs_enqueued == 0 and len(queue) == 0
    assert result.broadcasts_scheduled == 2
    assert _rows(db, "SELECT meta FROM signals")[0]["meta"]["age_seconds"] == 301


@pytest.mark.parametrize("changes, message", [
    ({"symbol": "BTCUSDT"}, "unified symbol"),
    ({"entries": (Decimal(-1),)}, "positive"),
    ({"stop_loss": Decimal("NaN")}, "finite"),
    ({"targets": (Decimal("1.0000000000000000001"),)}, "decimals"),
    ({"leverage": 500}, "leverage"),
    ({"posted_at": datetime(2026, 1, 1)}, "timezone"),
])
def test_structurally_invalid_signal_raises_and_stores_nothing(telegram_env, changes, message):
    with pytest.raises(SignalInputError, match=message):
        ingest_signal(vip_signal(**changes), queue=InProcessQueue(), now=NOW)
    assert _rows(telegram_env, "SELECT count(*) AS n FROM signals")[0]["n"] == 0


def test_interrupted_fan_out_is_resumed_once_and_late_ones_become_stale(telegram_env, make_user):
    db = telegram_env
    user = make_user()
    queue = InProcessQueue()
    fresh = ingest_signal(vip_signal(1, posted_at=NOW), queue=queue, now=NOW)
    late = ingest_signal(vip_signal(2, posted_at=NOW, targets=(Decimal(65500),)), queue=queue, now=NOW)
    queue.drain()
    # Simulate a crash between commit and enqueue for both.
    with db, db.cursor() as cur:
        cur.execute("UPDATE signals SET fanout_at = NULL, fanout_jobs = NULL")
        cur.execute("UPDATE signals SET posted_at = %s WHERE id = %s", (NOW - timedelta(hours=1), late.signal_id))
    queue = InProcessQueue()  # a new container: the first queue would drop the repeated dedupe key
    assert resume_pending_fanouts(queue=queue, now=NOW + timedelta(seconds=60)) == 1
    assert [(j.signal_id, j.user_id) for j in map(parse_job, queue.drain())] == [(fresh.signal_id, user)]
    assert resume_pending_fanouts(queue=queue, now=NOW + timedelta(seconds=90)) == 0
    statuses = {r["id"]: r["status"] for r in _rows(db, "SELECT id, status FROM signals")}
    assert statuses == {fresh.signal_id: "open", late.signal_id: "stale"}


def test_update_is_applied_once_and_sent_to_position_holders(telegram_env, make_user, open_position):
    db = telegram_env
    holder, closed_holder, follower = make_user(), make_user(), make_user()
    queue = InProcessQueue()
    signal_id = ingest_signal(vip_signal(), queue=queue, now=NOW).signal_id
    queue.drain()
    open_position(holder, signal_id)
    open_position(closed_holder, signal_id, status="cancelled")

    update = SignalUpdate(kind="sl_moved", price=Decimal(64000), provider_message_id=43, dedupe_key="tg:1:43")
    first = apply_update(signal_id, update, queue=queue, now=NOW)
    second = apply_update(signal_id, update, queue=queue, now=NOW)

    assert first.created and not second.created and first.event_id == second.event_id
    jobs = [parse_job(b) for b in queue.drain()]
    # The redelivery re-sends the same job (same dedupe key) and the in-process queue drops it.
    assert [(j.type, j.user_id, j.event_id) for j in jobs] == [("signal_update", holder, first.event_id)]
    assert follower not in [j.user_id for j in jobs]
    assert _rows(db, "SELECT stop_loss FROM signals")[0]["stop_loss"] == Decimal(64000)
    event = _rows(db, "SELECT * FROM signal_events")[0]
    assert event["data"]["previous_stop"] == "62500.000000000000000000"
    # One reply per chat the signal is broadcast to, never before the original (TRIAL is delayed).
    replies = {r["target"]: r["not_before"] for r in
               _rows(db, "SELECT target, not_before FROM notifications WHERE kind = 'signal_event'")}
    assert replies == {str(VIP_CHAT): NOW, str(TRIAL_CHAT): NOW + timedelta(minutes=30)}


def test_stop_hit_and_last_target_close_the_signal(telegram_env):
    queue = InProcessQueue()
    a = ingest_signal(vip_signal(1), queue=queue, now=NOW).signal_id
    b = ingest_signal(vip_signal(2, targets=(Decimal(65500),)), queue=queue, now=NOW).signal_id
    assert apply_update(a, SignalUpdate(kind="tp_hit", target_index=2), now=NOW).signal_status == "open"
    assert apply_update(a, SignalUpdate(kind="tp_hit", target_index=3), now=NOW).signal_status == "closed"
    assert apply_update(b, SignalUpdate(kind="sl_hit"), now=NOW).signal_status == "closed"


def test_edit_before_execution_updates_levels_after_execution_is_only_logged(telegram_env, make_user,
                                                                              open_position):
    db = telegram_env
    user = make_user()
    queue = InProcessQueue()
    signal_id = ingest_signal(vip_signal(), queue=queue, now=NOW).signal_id
    edited = vip_signal(stop_loss=Decimal(63000), raw_text="BTC long (edited)")
    result = apply_edit(signal_id, edited, queue=queue, now=NOW, update_key="tgupd:1")
    assert result.applied and result.status == "open"
    assert _rows(db, "SELECT stop_loss FROM signals")[0]["stop_loss"] == Decimal(63000)

    open_position(user, signal_id)
    ignored = apply_edit(signal_id, vip_signal(stop_loss=Decimal(60000)), queue=queue, now=NOW,
                         update_key="tgupd:2")
    assert not ignored.applied
    assert _rows(db, "SELECT stop_loss FROM signals")[0]["stop_loss"] == Decimal(63000)
    kinds = [r["kind"] for r in _rows(db, "SELECT kind FROM signal_events ORDER BY id")]
    assert kinds == ["edited", "edit_ignored"]


def test_edit_that_fixes_a_rejected_signal_makes_it_tradable(telegram_env, make_user):
    make_user()
    queue = InProcessQueue()
    result = ingest_signal(vip_signal(stop_loss=Decimal(65500)), queue=queue, now=NOW)
    assert result.status == "rejected"
    fixed = apply_edit(result.signal_id, vip_signal(), queue=queue, now=NOW + timedelta(seconds=10))
    assert fixed.status == "open" and fixed.jobs_enqueued == 1 and fixed.broadcasts_scheduled == 2
