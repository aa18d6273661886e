"""The operator review loop end to end: source post -> webhook -> review in the operator chat (sent by the outbox
dispatcher through python-telegram-bot to the local Bot API server) -> the operator presses a button or replies with
a correction (the update Telegram would deliver, POSTed to the real webhook path) -> the same ingest path trades it.
Real PostgreSQL; nothing mocked."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError
from verzek.notify.dispatcher import dispatch_due
from verzek.queue import InProcessQueue
from verzek.telegram.webhook import ALLOWED_UPDATES, handle_webhook

from .conftest import SOURCE_CHAT, VIP_CHAT
from .test_webhook import SECRET, channel_post, updates  # noqa: F401 - fixtures

OPERATOR_CHAT = -1005550000001
OPERATOR = {"id": 424242, "is_bot": False, "first_name": "Ops", "username": "desk_op"}
STRANGER = {"id": 777, "is_bot": False, "first_name": "Eve", "username": "eve"}
HELD = "ENTER LONG\nZROUSDT\n3.400\nTP 3.480 3.550\nSL 3.320"  # entry from an unlabelled line: held
NO_COIN = "LONG\nEntry: 3.40\nTP: 3.50 / 3.60\nSL: 3.30"  # no coin: cannot even be stored
CORRECTED = "ZRO/USDT LONG\nEntry: 3.40\nTP: 3.50 / 3.60\nSL: 3.30"


@pytest.fixture
def review_env(bot_api, settings_env, make_user):
    settings_env(TELEGRAM_OPERATOR_CHAT_ID=OPERATOR_CHAT, TELEGRAM_OPERATOR_USER_IDS=str(OPERATOR["id"]))
    make_user()  # one follower with auto-trade on: a traded signal makes exactly one job
    return bot_api


def send(update: dict, queue: InProcessQueue, *, now: datetime | None = None):
    return handle_webhook(json.dumps(update), SECRET, queue=queue, now=now)


def _rows(db, sql, *args):
    with db, db.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def _review_message(api, index: int = -1) -> dict:
    messages = api.sent_messages(OPERATOR_CHAT)
    assert messages, "no review message reached the operator chat"
    return messages[index]


def _held_review(api, channel_post, queue, message_id: int) -> dict:
    """A held post through the webhook and its review sent to the operator chat: the review message."""
    send(channel_post(HELD, update_id=message_id, message_id=message_id), queue)
    dispatch_due()
    return _review_message(api)


def _button(message: dict, label: str) -> str:
    buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
    return next(b["callback_data"] for b in buttons if label in b["text"])


def _labels(message: dict) -> list[str]:
    return [b["text"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def test_webhook_asks_telegram_for_callback_queries():
    assert "callback_query" in ALLOWED_UPDATES


def test_held_post_is_reviewed_and_traded_once_through_the_ingest_path(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    held = send(channel_post(HELD, update_id=1, message_id=11), queue)
    assert held.body["status"] == "rejected" and held.body["jobs"] == 0 and held.body["review_id"]
    dispatch_due()  # the review message (and the console alert every rejected signal gets)
    assert len(api.sent_messages(OPERATOR_CHAT)) == 1
    review = _review_message(api)
    text = review["text"]
    assert "held for review: entry read from an unlabelled price line" in text
    assert "ZRO/USDT" in text and "3.4" in text and "weak: entry read from an unlabelled price line" in text
    assert "label 'TP'" in text  # each field names where it came from
    assert _labels(review) == ["✅ Trade as parsed", "🚫 Ignore", "✏️ Edit"]
    assert not api.sent_messages(VIP_CHAT)  # a held signal is not broadcast

    trade = _button(review, "Trade")
    # A double tap: two callback queries for the same button, delivered before either is processed.
    first = api.press_button(OPERATOR_CHAT, review["message_id"], trade, user=OPERATOR)
    second = api.press_button(OPERATOR_CHAT, review["message_id"], trade, user=OPERATOR)
    a = send(first, queue)
    assert a.body["review_status"] == "traded"
    b = send(second, queue)
    assert b.body["review_status"] == "traded"
    assert send(first, queue).body == {"ok": True, "duplicate": True}  # the redelivered update
    assert len(queue.drain()) == 1  # one job, once

    signal = _rows(telegram_env, "SELECT * FROM signals WHERE provider_message_id = 11")[0]
    assert signal["status"] == "open" and signal["meta"]["review"]["decided_by"]["telegram_user_id"] == OPERATOR["id"]
    answers = api.callback_answers()
    assert all(a["answered"] for a in answers.values())
    assert answers[first["callback_query"]["id"]]["text"].startswith("Traded: signal #")
    assert answers[second["callback_query"]["id"]]["text"] == "Already traded by @desk_op."
    decided = api.message(OPERATOR_CHAT, review["message_id"])
    assert "TRADED</b> by @desk_op" in decided["text"] and "reply_markup" not in decided  # buttons gone
    [audit] = _rows(telegram_env, "SELECT * FROM audit_log WHERE action LIKE 'operator_review%%'")
    assert audit["action"] == "operator_review_traded"
    details = audit["details"]
    assert details["operator"] == {"telegram_user_id": OPERATOR["id"], "name": "desk_op"}
    assert details["before"]["status"] == "rejected" and details["after"]["status"] == "open"
    assert details["after"]["entries"] == ["3.4"] and audit["created_at"] is not None
    dispatch_due()
    assert len(api.sent_messages(VIP_CHAT)) == 1  # broadcast once it is traded


def test_only_authorised_operators_in_the_operator_chat_decide(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    review = _held_review(api, channel_post, queue, 12)
    press = api.press_button(OPERATOR_CHAT, review["message_id"], _button(review, "Trade"), user=STRANGER)
    refused = send(press, queue)
    assert refused.body["action"] == "review_refused"
    assert api.callback_answers()[press["callback_query"]["id"]]["text"] == \
        "Refused: you are not an authorised operator."
    reply = api.user_message(OPERATOR_CHAT, CORRECTED, user=STRANGER, reply_to=review["message_id"])
    assert send(reply, queue).body["action"] == "review_refused"
    assert not queue.drain()
    assert _rows(telegram_env, "SELECT status FROM operator_reviews")[0]["status"] == "pending"
    assert _rows(telegram_env, "SELECT status FROM signals")[0]["status"] == "rejected"
    actions = [r["action"] for r in _rows(telegram_env, "SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["operator_review_refused", "operator_review_refused"]
    # a made-up button is refused and answered too
    forged = dict(press, update_id=press["update_id"] + 1000,
                  callback_query=dict(press["callback_query"], id="forged-1", data="rv:1:1:x", **{"from": OPERATOR}))
    api._state.callback_queries["forged-1"] = {"answered": False, "message": None}
    assert send(forged, queue).body["reason"] == "unknown button"
    assert api.callback_answers()["forged-1"]["answered"]


def test_ignore_records_the_decision_and_trades_nothing(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    review = _held_review(api, channel_post, queue, 13)
    send(api.press_button(OPERATOR_CHAT, review["message_id"], _button(review, "Ignore"), user=OPERATOR), queue)
    assert not queue.drain()
    assert _rows(telegram_env, "SELECT status, decided_by FROM operator_reviews")[0] == \
        {"status": "ignored", "decided_by": OPERATOR["id"]}
    assert _rows(telegram_env, "SELECT status FROM signals")[0]["status"] == "rejected"
    assert "IGNORED</b> by @desk_op" in api.message(OPERATOR_CHAT, review["message_id"])["text"]
    assert [r["action"] for r in _rows(telegram_env, "SELECT action FROM audit_log")] == ["operator_review_ignored"]


def test_unrecognised_post_is_corrected_by_reply_confirmed_then_traded(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    first = send(channel_post(NO_COIN, update_id=1, message_id=14), queue)
    assert first.body["action"] == "not_stored" and first.body["review_id"]
    dispatch_due()
    review = _review_message(api)
    assert _labels(review) == ["🚫 Ignore", "✏️ Edit"]  # nothing tradable was parsed: no Trade button
    edit = api.press_button(OPERATOR_CHAT, review["message_id"], _button(review, "Edit"), user=OPERATOR)
    send(edit, queue)
    assert "Reply to the review message" in api.callback_answers()[edit["callback_query"]["id"]]["text"]

    reply = api.user_message(OPERATOR_CHAT, CORRECTED, user=OPERATOR, reply_to=review["message_id"])
    assert send(reply, queue).body["review_status"] == "pending"
    assert send(dict(reply, update_id=reply["update_id"] + 10_000), queue).body["review_status"] == "pending"  # again
    assert not queue.drain() and not _rows(telegram_env, "SELECT id FROM signals")  # nothing trades unconfirmed
    dispatch_due()
    shown = _review_message(api)
    assert "Correction 1" in shown["text"] and "label 'Entry'" in shown["text"]
    assert _labels(shown) == ["✅ Trade as corrected", "🚫 Ignore", "✏️ Edit"]
    assert len(api.sent_messages(OPERATOR_CHAT)) == 2  # the redelivered reply made no third revision

    stale = api.press_button(OPERATOR_CHAT, review["message_id"], _button(review, "Ignore"), user=OPERATOR)
    assert send(stale, queue).body["review_status"] == "pending"  # revision 1's buttons are outdated
    assert api.callback_answers()[stale["callback_query"]["id"]]["text"].startswith("Outdated")

    send(api.press_button(OPERATOR_CHAT, shown["message_id"], _button(shown, "Trade"), user=OPERATOR), queue)
    [job] = queue.drain()
    [signal] = _rows(telegram_env, "SELECT * FROM signals")
    assert (signal["provider_chat_id"], signal["provider_message_id"]) == (SOURCE_CHAT, 14)
    assert signal["status"] == "open" and job["signal_id"] == signal["id"] and signal["symbol"] == "ZRO/USDT"
    actions = [r["action"] for r in _rows(telegram_env, "SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["operator_review_corrected", "operator_review_traded"]
    corrected = _rows(telegram_env, "SELECT details FROM audit_log ORDER BY id")[0]["details"]
    assert corrected["before"]["text"] == NO_COIN and corrected["after"]["text"] == CORRECTED


def test_review_expires_with_the_staleness_limit(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    review = _held_review(api, channel_post, queue, 15)
    press = api.press_button(OPERATOR_CHAT, review["message_id"], _button(review, "Trade"), user=OPERATOR)
    late = datetime.now(UTC) + timedelta(seconds=301)  # SIGNAL_MAX_AGE_SECONDS=300 in telegram_env
    assert send(press, queue, now=late).body["review_status"] == "expired"
    assert api.callback_answers()[press["callback_query"]["id"]]["text"].startswith("Expired")
    assert not queue.drain()
    assert _rows(telegram_env, "SELECT status FROM signals")[0]["status"] == "rejected"
    assert "EXPIRED" in api.message(OPERATOR_CHAT, review["message_id"])["text"]


def test_posts_that_need_no_review_are_not_sent(review_env, channel_post, telegram_env):
    queue = InProcessQueue()
    ok = send(channel_post("#FTM/USDT LONG\nEntry: 0.2500 - 0.2550\nTargets: 0.2600 - 0.2700\nStop loss: 0.2400",
                           update_id=1, message_id=16), queue)
    chat = send(channel_post("Good morning traders, big week ahead!", update_id=2, message_id=17), queue)
    assert ok.body["status"] == "open" and "review_id" not in ok.body and "review_id" not in chat.body
    assert not _rows(telegram_env, "SELECT id FROM operator_reviews")


def test_operator_chat_configuration_is_validated(settings_env):
    from verzek.config import get_settings

    settings_env(TELEGRAM_SOURCE_CHAT_IDS=str(SOURCE_CHAT), TELEGRAM_OPERATOR_CHAT_ID=SOURCE_CHAT,
                 TELEGRAM_OPERATOR_USER_IDS="1")
    with pytest.raises(ValidationError, match="must not be a source, VIP or TRIAL chat"):
        get_settings()
    settings_env(TELEGRAM_OPERATOR_CHAT_ID=OPERATOR_CHAT, TELEGRAM_OPERATOR_USER_IDS=None)
    with pytest.raises(ValidationError, match="TELEGRAM_OPERATOR_USER_IDS is required"):
        get_settings()
    settings_env(TELEGRAM_OPERATOR_USER_IDS="12,abc")
    with pytest.raises(ValidationError, match="comma-separated integer ids"):
        get_settings()


def test_a_provider_edit_after_the_review_wins_over_a_late_trade(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    posted = channel_post(HELD, update_id=1, message_id=18)
    send(posted, queue)
    dispatch_due()
    review = _review_message(api)
    fixed = "ZRO/USDT LONG\nEntry: 3.41\nTP: 3.48 / 3.55\nSL: 3.32"
    edit = channel_post(fixed, update_id=2, message_id=18, field="edited_channel_post",
                        date=posted["channel_post"]["date"], edit_date=posted["channel_post"]["date"] + 5)
    assert send(edit, queue).body["status"] == "open"
    jobs = len(queue.drain())
    press = api.press_button(OPERATOR_CHAT, review["message_id"], _button(review, "Trade"), user=OPERATOR)
    assert send(press, queue).body["review_status"] == "refused"
    assert not queue.drain() and jobs == 1
    [signal] = _rows(telegram_env, "SELECT entries, status FROM signals")
    assert [str(v.normalize()) for v in signal["entries"]] == ["3.41"] and signal["status"] == "open"
    assert "Not traded: the post's signal is open" in api.callback_answers()[press["callback_query"]["id"]]["text"]


def test_the_dispatcher_schedule_expires_undecided_reviews_and_removes_their_buttons(review_env, channel_post,
                                                                                       telegram_env):
    from verzek.notify.dispatcher import run_scheduled

    api, queue = review_env, InProcessQueue()
    review = _held_review(api, channel_post, queue, 19)
    assert run_scheduled()["reviews_expired"] == 0  # still inside the staleness limit
    late = datetime.now(UTC) + timedelta(seconds=301)
    assert run_scheduled(now=late)["reviews_expired"] == 1
    assert run_scheduled(now=late)["reviews_expired"] == 0  # once
    shown = api.message(OPERATOR_CHAT, review["message_id"])
    assert "EXPIRED</b>" in shown["text"] and "reply_markup" not in shown
    assert _rows(telegram_env, "SELECT status FROM operator_reviews")[0]["status"] == "expired"
    assert [r["action"] for r in _rows(telegram_env, "SELECT action FROM audit_log")] == ["operator_review_expired"]
    assert _rows(telegram_env, "SELECT status FROM signals")[0]["status"] == "rejected" and not queue.drain()


def test_a_post_that_becomes_a_held_signal_by_an_edit_is_reviewed_once(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    posted = channel_post("gm, setup coming", update_id=1, message_id=20)
    assert "review_id" not in send(posted, queue).body
    date = posted["channel_post"]["date"]
    edit = channel_post(HELD, update_id=2, message_id=20, field="edited_channel_post", date=date, edit_date=date + 5)
    assert send(edit, queue).body["review_id"]
    again = channel_post(HELD + "\n", update_id=3, message_id=20, field="edited_channel_post", date=date,
                         edit_date=date + 9)
    assert "review_id" not in send(again, queue).body  # an edit of the stored signal: the same review stands
    dispatch_due()
    assert len(api.sent_messages(OPERATOR_CHAT)) == 1
