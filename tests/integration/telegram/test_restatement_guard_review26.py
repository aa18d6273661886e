"""The ingest restatement guard after review 26 (G14): a channel re-posting its running call is not traded twice when the
repost drops or adds the market line, when a market card comes back with its moved stop or at another CMP, or when it
lists one more target; a restated stop is compared with the stop in force (a breakeven move included). Calls that only
look alike (spot vs futures both written, another coin, side, entry or targets) still trade."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.jobs import parse_job
from verzek.queue import InProcessQueue

from . import test_webhook
from .conftest import SOURCE_CHAT
from .test_webhook import _all, post

updates, channel_post = test_webhook.updates, test_webhook.channel_post  # the webhook tests' fixtures

LIMIT_CARD = "#AVAX/USDT LONG\nBuy zone: 30.00\nTP1: 32.00\nTP2: 34.00\nSL: 28.00"
MARKET_CARD = "#AVAX/USDT LONG NOW\nTP1: 32.00\nTP2: 34.00\nSL: 28.00"


def _executions(queue) -> int:
    return len([b for b in queue.drain() if parse_job(b).type == "execute_signal"])


def _stop(db, signal_id):
    return _all(db, "SELECT stop_loss FROM signals WHERE id = %s", signal_id)[0]["stop_loss"]


def _events(db, signal_id):
    return [(e["kind"], e["price"]) for e in
            _all(db, "SELECT kind, price FROM signal_events WHERE signal_id = %s ORDER BY id", signal_id)]


@pytest.mark.parametrize("first, repost", [
    (LIMIT_CARD + "\nLeverage: 20x", "Running ✅\n" + LIMIT_CARD),  # the leverage line dropped
    (LIMIT_CARD, "Running ✅\n" + LIMIT_CARD + "\nLeverage: isolated 5x"),  # added
    (LIMIT_CARD.replace("LONG", "LONG (Futures)"), "Active ✅\n" + LIMIT_CARD),  # the market marker dropped
    (LIMIT_CARD.replace("LONG", "LONG SPOT"), "Active ✅\n" + LIMIT_CARD),  # spot, then no market
    (MARKET_CARD + "\nLeverage: 20x", "In play ✅\n" + MARKET_CARD),  # a market card, the line dropped
])
def test_a_repost_with_another_market_line_is_the_same_call(telegram_env, make_user, channel_post, first, repost):
    make_user()
    queue = InProcessQueue()
    opened = post(channel_post(first, update_id=1, message_id=20), queue=queue).body
    assert opened["status"] == "open" and _executions(queue) == 1
    again = post(channel_post(repost, update_id=2, message_id=21), queue=queue).body
    assert again["status"] == "rejected" and again["jobs"] == 0
    assert f"restates open signal #{opened['signal_id']}" in again["rejected_reason"]
    assert _executions(queue) == 0


def test_spot_and_futures_both_written_stay_two_calls(telegram_env, make_user, channel_post):
    make_user()
    queue = InProcessQueue()
    spot = post(channel_post(LIMIT_CARD.replace("LONG", "LONG SPOT"), update_id=1, message_id=20), queue=queue).body
    futures = post(channel_post(LIMIT_CARD + "\nLeverage: 20x", update_id=2, message_id=21), queue=queue).body
    assert spot["status"] == futures["status"] == "open" and spot["signal_id"] != futures["signal_id"]


def test_a_market_card_reposted_with_a_tighter_stop_moves_the_stop_once(telegram_env, make_user, open_position,
                                                                         channel_post):
    db = telegram_env
    holder = make_user()
    queue = InProcessQueue()
    opened = post(channel_post(MARKET_CARD, update_id=1, message_id=20), queue=queue).body
    signal_id = opened["signal_id"]
    open_position(holder, signal_id)
    queue.drain()

    tighter = "In play ✅\n#AVAX/USDT LONG NOW\nTP1: 32.00\nTP2: 34.00\nSL: 29.00 (trailed)"
    again = post(channel_post(tighter, update_id=2, message_id=21), queue=queue).body
    assert again["status"] == "rejected" and again["jobs"] == 0 and "its stop moved to 29" in again["rejected_reason"]
    assert _events(db, signal_id) == [("sl_moved", Decimal(29))] and _stop(db, signal_id) == Decimal(29)
    key = _all(db, "SELECT dedupe_key FROM signal_events WHERE signal_id = %s", signal_id)[0]["dedupe_key"]
    assert key == f"restate:{SOURCE_CHAT}:21"
    assert [(parse_job(b).type, parse_job(b).user_id) for b in queue.drain()] == [("signal_update", holder)]

    # the first card again (looser than the stop in force): the same call, nothing moved back
    looser = post(channel_post("In play ✅\n" + MARKET_CARD, update_id=3, message_id=22), queue=queue).body
    assert looser["status"] == "rejected" and "its stop left at 29" in looser["rejected_reason"]
    assert _stop(db, signal_id) == Decimal(29) and len(_events(db, signal_id)) == 1 and not queue.drain()


def test_a_market_card_at_another_reference_price_is_the_same_call(telegram_env, make_user, channel_post):
    make_user()
    queue = InProcessQueue()
    card = "#AVAX/USDT LONG\nEntry: CMP 30.00\nTP1: 32.00\nTP2: 34.00\nSL: 28.00"
    opened = post(channel_post(card, update_id=1, message_id=20), queue=queue).body
    assert opened["status"] == "open" and _executions(queue) == 1
    again = post(channel_post("Active ✅\n" + card.replace("CMP 30.00", "CMP 30.40"), update_id=2, message_id=21),
                 queue=queue).body
    assert again["status"] == "rejected" and _executions(queue) == 0


def test_after_a_breakeven_move_a_restated_lower_stop_does_not_move_it_back(telegram_env, make_user, open_position,
                                                                            channel_post):
    db = telegram_env
    holder = make_user()
    queue = InProcessQueue()
    opened = post(channel_post(LIMIT_CARD, update_id=1, message_id=20), queue=queue).body
    signal_id = opened["signal_id"]
    open_position(holder, signal_id)
    be = post(channel_post("#AVAX stop loss moved to entry", update_id=2, message_id=21, reply_to=20), queue=queue).body
    assert be.get("signal_id") == signal_id
    assert _events(db, signal_id) == [("sl_moved", None)] and _stop(db, signal_id) == Decimal(28)
    queue.drain()

    # 29 is tighter than the recorded 28 but below the breakeven stop at the 30 entry
    below = post(channel_post("Running ✅\n" + LIMIT_CARD.replace("SL: 28.00", "SL: 29.00"), update_id=3,
                              message_id=22), queue=queue).body
    assert below["status"] == "rejected" and "left at breakeven" in below["rejected_reason"]
    assert _events(db, signal_id) == [("sl_moved", None)] and _stop(db, signal_id) == Decimal(28)
    assert not queue.drain()

    # a stop in profit (above every entry, below TP1) is tighter than breakeven: applied
    above = post(channel_post("Running ✅\n" + LIMIT_CARD.replace("SL: 28.00", "SL: 31.00"), update_id=4,
                              message_id=23), queue=queue).body
    assert above["status"] == "rejected" and "its stop moved to 31" in above["rejected_reason"]
    assert _events(db, signal_id) == [("sl_moved", None), ("sl_moved", Decimal(31))]
    assert _stop(db, signal_id) == Decimal(31)


@pytest.mark.parametrize("repost", [
    LIMIT_CARD + "\nTP3: 36.00",  # one more target
    LIMIT_CARD.replace("\nTP2: 34.00", ""),  # the last target left out
    MARKET_CARD.replace("SL:", "TP3: 36.00\nSL:"),
])
def test_a_repost_listing_more_or_fewer_targets_is_the_same_call(telegram_env, make_user, channel_post, repost):
    make_user()
    queue = InProcessQueue()
    first = MARKET_CARD if "NOW" in repost else LIMIT_CARD
    opened = post(channel_post(first, update_id=1, message_id=20), queue=queue).body
    assert opened["status"] == "open"
    again = post(channel_post("Active ✅\n" + repost, update_id=2, message_id=21), queue=queue).body
    assert again["status"] == "rejected" and again["jobs"] == 0


@pytest.mark.parametrize("other", [
    LIMIT_CARD.replace("AVAX", "NEAR"),  # another coin
    LIMIT_CARD.replace("30.00", "29.50"),  # another entry
    LIMIT_CARD.replace("TP1: 32.00", "TP1: 31.50"),  # another first target
    MARKET_CARD.replace("TP1: 32.00\nTP2: 34.00", "TP1: 31.00\nTP2: 33.00"),  # a market call with other targets
    "#AVAX/USDT SHORT NOW\nTP1: 28.00\nTP2: 26.00\nSL: 32.00",  # the other side
])
def test_a_look_alike_new_call_still_trades(telegram_env, make_user, channel_post, other):
    make_user()
    queue = InProcessQueue()
    first = MARKET_CARD if "NOW" in other else LIMIT_CARD
    assert post(channel_post(first, update_id=1, message_id=20), queue=queue).body["status"] == "open"
    queue.drain()
    again = post(channel_post(other, update_id=2, message_id=21), queue=queue).body
    assert again["status"] == "open" and again["jobs"] == 1


def test_a_restated_stop_on_a_hit_target_is_applied_only_once_that_target_was_hit(telegram_env, make_user,
                                                                                  channel_post):
    """A stop trailed onto TP1 is a stop move once TP1 was reported hit (the next target bounds it), not before (a
    long's stop at an unreached target would close it at once)."""
    db = telegram_env
    make_user()
    queue = InProcessQueue()
    signal_id = post(channel_post(LIMIT_CARD, update_id=1, message_id=20), queue=queue).body["signal_id"]
    on_tp1 = "Running ✅\n" + LIMIT_CARD.replace("SL: 28.00", "SL: 32.00 (trailed to TP1)")
    early = post(channel_post(on_tp1, update_id=2, message_id=21), queue=queue).body
    assert early["status"] == "rejected" and "its stop left at 28" in early["rejected_reason"]
    assert _stop(db, signal_id) == Decimal(28)

    post(channel_post("#AVAX TP1 ✅", update_id=3, message_id=22, reply_to=20), queue=queue)
    assert _events(db, signal_id) == [("tp_hit", None)]
    later = post(channel_post(on_tp1, update_id=4, message_id=23), queue=queue).body
    assert later["status"] == "rejected" and "its stop moved to 32" in later["rejected_reason"]
    assert _stop(db, signal_id) == Decimal(32)
    # at the next target (not hit) it is no stop move
    at_tp2 = post(channel_post(on_tp1.replace("SL: 32.00", "SL: 34.00"), update_id=5, message_id=24),
                  queue=queue).body
    assert at_tp2["status"] == "rejected" and _stop(db, signal_id) == Decimal(32)
