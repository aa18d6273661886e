"""Per-source hints recorded from the operator chat (#15 item 5 in the deployed shape: the operator has Telegram, not
a shell on the database): `/hints key=value …` replying to a review, through the real webhook path, the outbox
dispatcher and the local Bot API server, on real PostgreSQL."""

from __future__ import annotations

import pytest
from verzek.notify.dispatcher import dispatch_due
from verzek.queue import InProcessQueue
from verzek.telegram.review import parse_hint_args

from .conftest import SOURCE_CHAT
from .test_operator_review import (
    HELD,
    OPERATOR,
    OPERATOR_CHAT,
    STRANGER,
    _button,
    _held_review,
    _labels,
    _review_message,
    _rows,
    review_env,  # noqa: F401 - fixture
    send,
)
from .test_webhook import channel_post, updates  # noqa: F401 - fixtures


def _hints_row(db):
    rows = _rows(db, "SELECT quote, market, leverage, bare_numbers_are_entries, updated_by FROM source_hints "
                     "WHERE chat_id = %s", SOURCE_CHAT)
    return rows[0] if rows else None


def _last_note(api) -> str:
    return api.sent_messages(OPERATOR_CHAT)[-1]["text"]


def test_hints_replying_to_a_review_are_recorded_and_the_review_is_parsed_again(review_env, channel_post,
                                                                                telegram_env):
    api, queue = review_env, InProcessQueue()
    review = _held_review(api, channel_post, queue, 31)  # ZRO house style: entry from an unlabelled line, held
    command = api.user_message(OPERATOR_CHAT, "/hints entries=yes market=futures leverage=5x quote=usdc",
                               user=OPERATOR, reply_to=review["message_id"])
    result = send(command, queue).body
    assert result["action"] == "hints_recorded" and result["review_status"] == "pending"
    assert send(command, queue).body == {"ok": True, "duplicate": True}  # a redelivered update does nothing
    assert _hints_row(telegram_env) == {"quote": "USDC", "market": "futures", "leverage": 5,
                                        "bare_numbers_are_entries": True, "updated_by": f"telegram:{OPERATOR['id']}"}
    assert not queue.drain()  # recording hints trades nothing by itself
    dispatch_due()
    shown = _review_message(api, -2)  # the review parsed again with the hints, then the confirmation note
    assert "Correction 1" in shown["text"] and "ZRO/USDT" in shown["text"]  # the post's own quote wins
    assert "source hint: numbers after a coin are entries" in shown["text"]
    assert "<b>Problems:</b>" not in shown["text"]  # the hold is lifted by the hint
    assert _labels(shown) == ["✅ Trade as corrected", "🚫 Ignore", "✏️ Edit"]
    assert _last_note(api) == (f"Recorded for chat {SOURCE_CHAT}: quote=USDC market=futures leverage=5 "
                               "numbers-after-coin-are-entries=yes. Review #1 parsed again with them: confirm it on "
                               "the new message.")

    send(api.press_button(OPERATOR_CHAT, shown["message_id"], _button(shown, "Trade"), user=OPERATOR), queue)
    assert len(queue.drain()) == 1
    [signal] = _rows(telegram_env, "SELECT status, symbol, leverage, meta FROM signals")
    assert (signal["status"], signal["symbol"], signal["leverage"]) == ("open", "ZRO/USDT:USDT", 5)  # futures, from the hint
    # the stored signal names where its traded fields came from now, not the held parse's weak rule
    assert signal["meta"]["provenance"]["leverage"] == "source hint"
    assert signal["meta"]["provenance"]["entries"] == "source hint: numbers after a coin are entries"
    audit = {r["action"]: r["details"] for r in _rows(telegram_env, "SELECT action, details FROM audit_log")}
    assert audit["source_hints_recorded"]["before"] == {"quote": None, "market": None, "leverage": None,
                                                        "bare_numbers_are_entries": False}
    assert audit["source_hints_recorded"]["after"]["leverage"] == 5
    assert audit["source_hints_recorded"]["operator"]["telegram_user_id"] == OPERATOR["id"]

    # the source's next post in that house style trades without a review
    later = send(channel_post(HELD.replace("ZRO", "ENA"), update_id=32, message_id=32), queue).body
    assert later["status"] == "open" and later["jobs"] == 1 and "review_id" not in later


def test_bad_hints_change_nothing_and_say_why(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    review = _held_review(api, channel_post, queue, 33)
    for text, why in [("/hints leverage=500", "leverage must be between 1 and 125"),
                      ("/hints colour=red", "unknown hint 'colour'"),
                      ("/hints market=margin", "market must be spot or futures"),
                      ("/hints quote=US-DT", "quote must be 2-10 upper-case letters"),
                      ("/hints leverage", "'leverage' is not key=value")]:
        body = send(api.user_message(OPERATOR_CHAT, text, user=OPERATOR, reply_to=review["message_id"]), queue).body
        assert body["action"] == "hints_invalid", text
        dispatch_due()
        assert _last_note(api).startswith("Hints not recorded: ") and why in _last_note(api), text
    # not a source chat, and no chat at all
    body = send(api.user_message(OPERATOR_CHAT, "/hints chat=-100999 leverage=3", user=OPERATOR), queue).body
    assert body["reason"] == "not a source chat"
    assert send(api.user_message(OPERATOR_CHAT, "/hints leverage=3", user=OPERATOR), queue).body["reason"] == \
        "no source chat"
    assert _hints_row(telegram_env) is None
    assert _rows(telegram_env, "SELECT revision, status FROM operator_reviews") == [{"revision": 1,
                                                                                       "status": "pending"}]


def test_only_authorised_operators_record_hints(review_env, channel_post, telegram_env):
    api, queue = review_env, InProcessQueue()
    review = _held_review(api, channel_post, queue, 34)
    body = send(api.user_message(OPERATOR_CHAT, "/hints entries=yes", user=STRANGER, reply_to=review["message_id"]),
                queue).body
    assert body["action"] == "hints_refused"
    assert _hints_row(telegram_env) is None
    [audit] = _rows(telegram_env, "SELECT action, details FROM audit_log")
    assert audit["action"] == "source_hints_refused" and audit["details"]["operator"]["telegram_user_id"] == 777


def test_hints_by_chat_id_are_shown_and_cleared(review_env, telegram_env):
    api, queue = review_env, InProcessQueue()
    send(api.user_message(OPERATOR_CHAT, f"/hints chat={SOURCE_CHAT} quote=USDC leverage=10", user=OPERATOR), queue)
    send(api.user_message(OPERATOR_CHAT, f"/hints@verzek_bot chat={SOURCE_CHAT} leverage=none", user=OPERATOR),
         queue)
    shown = send(api.user_message(OPERATOR_CHAT, f"/hints chat={SOURCE_CHAT}", user=OPERATOR), queue).body
    assert shown["action"] == "hints_shown"
    dispatch_due()
    assert _last_note(api) == (f"Hints for chat {SOURCE_CHAT}: quote=USDC market=- leverage=- "
                               "numbers-after-coin-are-entries=no.")
    assert _hints_row(telegram_env)["leverage"] is None
    assert len(_rows(telegram_env, "SELECT id FROM audit_log WHERE action = 'source_hints_recorded'")) == 2


@pytest.mark.parametrize(("args", "expected"), [
    ("", (None, {})),
    ("chat=-1001 quote=usdt", (-1001, {"quote": "USDT"})),
    ("entries=NO leverage=20X", (None, {"entries": False, "leverage": 20})),
    ("market=none quote=None entries=none", (None, {"market": None, "quote": None, "entries": False})),
])
def test_hint_arguments(args, expected):
    assert parse_hint_args(args) == expected


@pytest.mark.parametrize("args", ["quote=A quote=B", "chat=abc", "leverage=1.5", "entries=maybe", "=5"])
def test_hint_arguments_refused(args):
    with pytest.raises(ValueError):
        parse_hint_args(args)
