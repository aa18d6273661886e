"""The webhook on real PostgreSQL with real Telegram update payloads (shared data) and the dev signal texts."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from verzek.domain.jobs import parse_job
from verzek.domain.signals import MessageKind, unified_symbol
from verzek.parsing import parse_message
from verzek.queue import InProcessQueue
from verzek.telegram.webhook import handle_webhook

from .conftest import SOURCE_CHAT

SECRET = "s3cret-Token_1"
SIGNAL_TEXT = ("#FTM/USDT LONG\nEntry: 0.2500 - 0.2550\nTargets: 0.2600 - 0.2700 - 0.2800\nStop loss: 0.2400\n"
               "Leverage: Cross 10x")


@pytest.fixture
def updates(shared_dir):
    def load(name: str):
        return json.loads((shared_dir / "data" / "telegram_updates" / name).read_text(encoding="utf-8"))

    return load


@pytest.fixture
def channel_post(updates):
    """The real signal-channel update (chat SOURCE_CHAT) with a chosen text, id and time."""
    base = updates("update_channel_post_signal_channel_json_text.json")
    base.pop("gzip")  # added by the capturing framework, not by Telegram

    def make(text: str, *, update_id: int, message_id: int, date: int | None = None, field: str = "channel_post",
             reply_to: int | None = None, edit_date: int | None = None) -> dict:
        update = copy.deepcopy(base)
        post = update.pop("channel_post")
        post.update(text=text, message_id=message_id, date=date or int(datetime.now(UTC).timestamp()))
        if reply_to is not None:
            post["reply_to_message"] = {"message_id": reply_to, "date": post["date"], "chat": post["chat"]}
        if edit_date is not None:
            post["edit_date"] = edit_date
        update.update(update_id=update_id, **{field: post})
        return update

    return make


def post(update, *, secret: str | None = SECRET, queue=None):
    body = update if isinstance(update, (bytes, str)) else json.dumps(update)
    return handle_webhook(body, secret, queue=queue if queue is not None else InProcessQueue())


def _count(db, table: str) -> int:
    with db, db.cursor() as cur:
        cur.execute(f"SELECT count(*) AS n FROM {table}")
        return cur.fetchone()["n"]


def _all(db, sql, *args):
    with db, db.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


TABLES = ("signals", "signal_events", "notifications", "telegram_updates_seen")


@pytest.mark.parametrize("secret, status", [(None, 401), ("", 401), ("wrong", 403), (SECRET + "x", 403),
                                            (SECRET.upper(), 403)])
def test_wrong_or_missing_secret_is_refused_and_changes_nothing(telegram_env, channel_post, secret, status):
    response = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=1), secret=secret)
    assert response.status == status and "error" in response.body
    assert all(_count(telegram_env, t) == 0 for t in TABLES)


def test_unconfigured_secret_refuses_everything(telegram_env, settings_env, channel_post):
    settings_env(TELEGRAM_WEBHOOK_SECRET=None)
    response = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=1))
    assert response.status == 403 and response.body["error"] == "webhook not configured"


@pytest.mark.parametrize("body", [b"", b"not json", b"[]", b'"x"', b'{"no_update_id": 1}', b'{"update_id": "1"}',
                                  b'{"update_id": true}', b'{"update_id": -5}', b'{"update_id": 1, "message": "x"}',
                                  b'{"update_id": 1, "channel_post": {"message_id": 1}}',
                                  (b'{"update_id": 1, "channel_post": {"message_id": 1, "date": 1, '
                                   b'"chat": {"id": "abc", "type": "channel"}, "text": "x"}}'),
                                  (b'{"update_id": 1, "channel_post": {"message_id": 1, "date": 1, '
                                   b'"chat": {"id": 1, "type": "channel"}, "text": 5}}'),
                                  b"\xff\xfe", b"{" * 5000])
def test_malformed_bodies_get_400_and_change_nothing(telegram_env, body):
    response = post(body)
    assert response.status == 400 and response.body["error"]
    assert all(_count(telegram_env, t) == 0 for t in TABLES)


def test_real_payloads_from_other_chats_and_types_are_ignored_with_200(telegram_env, updates):
    samples = [updates("update_edited_message_private.json"),
               *[u for u in updates("getupdates_channel_posts_author_signature.json")["result"]
                 if u.get("message", {}).get("chat", {}).get("type") != "private"],  # private: the user bot
               {"update_id": 77, "callback_query": {"id": "1", "from": {"id": 1, "is_bot": False, "first_name": "a"},
                                                    "chat_instance": "x", "data": "d"}}]
    for update in samples:
        response = post(update)
        assert response.status == 200 and "ignored" in response.body, update
    assert all(_count(telegram_env, t) == 0 for t in TABLES)


def test_real_private_messages_go_to_the_user_bot_and_store_no_signal(telegram_env, bot_api, updates):
    """Private chats are the bot for users (verzek.telegram.userbot): an unlinked chat gets the help line."""
    for update in (updates("getupdates_private_message.json")["result"][0],
                   updates("update_private_text_teloxide.json"),
                   updates("update_forwarded_from_channel_photo.json")):  # a photo forwarded into a private chat
        response = post(update)
        assert response.status == 200 and response.body["action"] == "help_unlinked", update
        [sent] = bot_api.sent_messages(update["message"]["chat"]["id"])
        assert "not linked to a Verzek account" in sent["text"]
    assert all(_count(telegram_env, t) == 0 for t in TABLES if t != "telegram_updates_seen")


def test_group_rules_people_are_ignored_bots_and_anonymous_admins_accepted(telegram_env, settings_env, updates):
    human = updates("getupdates_supergroup_message.json")["result"][0]
    settings_env(TELEGRAM_SOURCE_CHAT_IDS=f"{human['message']['chat']['id']},-1001331354980")
    human["message"].update(text=SIGNAL_TEXT, date=int(datetime.now(UTC).timestamp()))
    no_list = "TELEGRAM_SOURCE_SENDER_IDS is empty: set the provider bot's id to accept group posts"
    assert post(human).body["ignored"] == no_list

    # Bot-to-bot mode: any bot in the group is NOT the provider until its id is configured.
    from_bot = copy.deepcopy(human)
    from_bot["update_id"] += 1
    from_bot["message"]["from"] = {"id": 5550001, "is_bot": True, "first_name": "Provider", "username": "prov_bot"}
    assert post(from_bot).body["ignored"] == no_list
    settings_env(TELEGRAM_SOURCE_SENDER_IDS="5550001")
    from_bot["update_id"] += 1
    response = post(from_bot)
    assert response.body["action"] == "signal" and response.body["status"] == "open"

    # An anonymous admin (GroupAnonymousBot + sender_chat = the group); this real one is a service message.
    anonymous = {"update_id": 9001, "message": updates("message_supergroup_from_bot_sender_chat_teloxide.json")}
    assert post(anonymous).body["ignored"] == "no text or caption"
    anonymous["message"]["text"] = SIGNAL_TEXT.replace("FTM", "ADA")
    anonymous["message"].pop("video_chat_started")
    anonymous["update_id"] += 1
    assert post(anonymous).body["action"] == "signal"

    # With an explicit allow-list only the listed sender counts, bot or not.
    settings_env(TELEGRAM_SOURCE_SENDER_IDS="214659520")
    human["update_id"] += 10
    human["message"]["message_id"] += 10
    assert post(human).body["action"] == "signal"
    from_bot["update_id"] += 10
    from_bot["message"]["message_id"] += 20
    assert post(from_bot).body["ignored"] == "sender not in TELEGRAM_SOURCE_SENDER_IDS"


def test_forwards_and_our_own_messages_in_a_group_are_ignored(telegram_env, updates):
    update = {"update_id": 5, "message": updates("message_supergroup_anonymous_admin_forward_origin_teloxide.json")}
    update["message"]["chat"]["id"] = -1001331354980
    update["message"]["text"] = SIGNAL_TEXT
    assert post(update).body["ignored"] in ("forwarded message", "posted on behalf of another chat")
    own = {"update_id": 6, "message": {"message_id": 9, "date": 1, "text": SIGNAL_TEXT,
                                       "chat": {"id": -1001331354980, "type": "supergroup"},
                                       "from": {"id": 123456, "is_bot": True, "first_name": "us"}}}
    assert post(own).body["ignored"] == "our own message"


def test_signal_post_is_stored_once_and_fanned_out(telegram_env, make_user, channel_post):
    db = telegram_env
    user = make_user()
    queue = InProcessQueue()
    update = channel_post(SIGNAL_TEXT, update_id=1000, message_id=77)
    first = post(update, queue=queue)
    assert first.status == 200 and first.body["action"] == "signal" and first.body["jobs"] == 1
    # Telegram retries the same update, and the same post arrives again under a new update_id.
    assert post(update, queue=queue).body == {"ok": True, "duplicate": True}
    again = post(dict(update, update_id=1001), queue=queue)
    assert again.body["new"] is False and again.body["jobs"] == 0
    [job] = [parse_job(b) for b in queue.drain()]
    assert (job.user_id, job.signal_id) == (user, first.body["signal_id"])
    [row] = _all(db, "SELECT * FROM signals")
    assert (row["symbol"], row["side"], row["leverage"], row["margin_mode"]) == ("FTM/USDT:USDT", "long", 10, "cross")
    assert row["entries"] == [Decimal("0.25"), Decimal("0.255")] and row["entry_type"] == "range"
    assert row["provider_chat_id"] == SOURCE_CHAT and row["provider_message_id"] == 77
    assert row["posted_at"] == datetime.fromtimestamp(update["channel_post"]["date"], UTC)
    assert _count(db, "telegram_updates_seen") == 2


def test_old_post_is_stored_stale_and_not_traded(telegram_env, make_user, channel_post):
    make_user()
    queue = InProcessQueue()
    response = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=1, date=int(datetime.now(UTC).timestamp()) - 3600),
                    queue=queue)
    assert response.body["status"] == "stale" and response.body["jobs"] == 0 and len(queue) == 0


def test_a_post_dated_in_the_future_is_refused_and_stores_nothing(telegram_env, make_user, channel_post):
    """Telegram stamps posts itself: a year ahead is forged or broken, never traded; a few seconds of
    clock skew (TELEGRAM_MAX_CLOCK_SKEW_SECONDS, 60 by default) is fine."""
    db = telegram_env
    make_user()
    queue = InProcessQueue()
    year_ahead = int(datetime.now(UTC).timestamp()) + 365 * 86400
    response = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=1, date=year_ahead), queue=queue)
    assert response.status == 200 and response.body["ignored"] == "post dated in the future"
    assert _count(db, "signals") == 0 and len(queue) == 0
    skewed = int(datetime.now(UTC).timestamp()) + 20
    response = post(channel_post(SIGNAL_TEXT, update_id=2, message_id=2, date=skewed), queue=queue)
    assert response.body["action"] == "signal" and response.body["status"] == "open" and len(queue) == 1


def test_updates_link_by_reply_then_by_symbol_and_reach_position_holders(telegram_env, make_user, open_position,
                                                                         channel_post, updates):
    db = telegram_env
    holder = make_user()
    queue = InProcessQueue()
    signal_id = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=10), queue=queue).body["signal_id"]
    queue.drain()
    open_position(holder, signal_id)

    by_reply = post(channel_post("Move SL to entry", update_id=2, message_id=11, reply_to=10), queue=queue).body
    assert by_reply["linked_by"] == "reply" and by_reply["kind"] == "sl_moved"
    # A reply to that update message links to the same signal.
    chained = post(channel_post("TP1 hit", update_id=3, message_id=12, reply_to=11), queue=queue).body
    assert chained["linked_by"] == "reply_to_update" and chained["signal_id"] == signal_id
    # The real Cornix-style result post (same chat, no reply): linked by symbol.
    result_post = updates("message_channel_post_ptb_to_dict_tp_results.json")["text"]
    by_symbol = post(channel_post(result_post, update_id=4, message_id=13), queue=queue).body
    assert by_symbol["linked_by"] == "symbol" and by_symbol["signal_id"] == signal_id
    unlinked = post(channel_post("Close SOL", update_id=5, message_id=14), queue=queue).body
    assert unlinked["action"] == "unlinked_update"
    closed = post(channel_post("Close FTM", update_id=6, message_id=15), queue=queue).body
    assert closed["kind"] == "closed"

    jobs = [parse_job(b) for b in queue.drain()]
    assert [j.type for j in jobs] == ["signal_update"] * 4 and {j.user_id for j in jobs} == {holder}
    kinds = [r["kind"] for r in _all(db, "SELECT kind FROM signal_events ORDER BY id")]
    assert kinds == ["sl_moved", "tp_hit", "tp_hit", "closed"]
    assert _all(db, "SELECT status FROM signals")[0]["status"] == "closed"


def test_edits_update_an_unexecuted_signal_and_are_only_logged_after_execution(telegram_env, make_user,
                                                                               open_position, channel_post):
    db = telegram_env
    user = make_user()
    date = int(datetime.now(UTC).timestamp()) - 120  # the edits below, up to +90 s, are not in the future
    signal_id = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=10, date=date)).body["signal_id"]
    edited = post(channel_post(SIGNAL_TEXT.replace("0.2400", "0.2450"), update_id=2, message_id=10, date=date,
                               field="edited_channel_post", edit_date=date + 5)).body
    assert edited == {"ok": True, "action": "edit", "signal_id": signal_id, "applied": True, "status": "open",
                      "jobs": 0}
    assert _all(db, "SELECT stop_loss FROM signals")[0]["stop_loss"] == Decimal("0.245")

    open_position(user, signal_id)
    late = post(channel_post(SIGNAL_TEXT.replace("0.2400", "0.2300"), update_id=3, message_id=10, date=date,
                             field="edited_channel_post", edit_date=date + 60)).body
    assert late["applied"] is False
    assert _all(db, "SELECT stop_loss FROM signals")[0]["stop_loss"] == Decimal("0.245")
    # The provider edits the post into a cancellation: an update, sent to the position holder.
    cancel = post(channel_post("Close FTM/USDT", update_id=4, message_id=10, date=date,
                               field="edited_channel_post", edit_date=date + 90)).body
    assert cancel["action"] == "update" and cancel["kind"] == "closed" and cancel["jobs"] == 1
    kinds = [r["kind"] for r in _all(db, "SELECT kind FROM signal_events ORDER BY id")]
    assert kinds == ["edited", "edit_ignored", "closed"]


def test_real_synthetic_edit_pair_of_a_non_signal(telegram_env, settings_env, updates):
    settings_env(TELEGRAM_SOURCE_CHAT_IDS="-1007")
    first, edit = updates("update_channel_post_and_edited_channel_post_SYNTHETIC.json")
    assert post(first).body["action"] == "not_a_signal"
    assert post(edit).body["action"] == "not_a_signal"
    assert _count(telegram_env, "signals") == 0 and _count(telegram_env, "telegram_updates_seen") == 2


def test_every_dev_open_signal_is_stored_as_parsed(telegram_env, shared_dir, channel_post):
    """The webhook maps the parser's result faithfully (unified symbol, Decimal levels, side, leverage)."""
    db = telegram_env
    lines = (shared_dir / "data" / "signals" / "dev_signals.jsonl").read_text(encoding="utf-8").splitlines()
    stored = 0
    for n, line in enumerate(lines, 1):
        record = json.loads(line)
        parsed = parse_message(record["text"])
        body = post(channel_post(record["text"], update_id=n, message_id=n)).body
        if parsed.kind != MessageKind.OPEN:
            assert body["action"] != "signal", record["id"]
            continue
        stored += 1
        [row] = _all(db, "SELECT * FROM signals WHERE provider_message_id = %s", n)
        assert row["symbol"] == unified_symbol(parsed.symbol, parsed.market)
        assert row["side"] == parsed.side.value and row["leverage"] == parsed.leverage
        assert row["entries"] == list(parsed.entries) and row["targets"] == list(parsed.targets)
        assert row["stop_loss"] == parsed.stop_loss
        assert row["status"] == ("rejected" if parsed.rejected else "open"), record["id"]
    assert stored == sum(1 for line in lines if json.loads(line)["expected"]["kind"] == "open")


def test_lambda_handler_decodes_base64_bodies_and_refuses_bad_ones(telegram_env, channel_post):
    import base64
    import importlib.util
    from pathlib import Path

    repo = Path(__file__).resolve().parents[3]
    spec = importlib.util.spec_from_file_location("webhook_handler_b64",
                                                  repo / "functions" / "telegram_webhook" / "handler.py")
    handler = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(handler)
    event = json.loads((repo / "events" / "telegram_webhook.json").read_text())
    event["headers"]["X-Telegram-Bot-Api-Secret-Token"] = event["headers"].pop("x-telegram-bot-api-secret-token")
    event["headers"]["X-Telegram-Bot-Api-Secret-Token"] = SECRET  # header names arrive in any case
    event.update(isBase64Encoded=True, body=base64.b64encode(json.dumps(
        channel_post(SIGNAL_TEXT, update_id=1, message_id=1)).encode()).decode())

    class Context:
        function_name, memory_limit_in_mb, aws_request_id = "telegram_webhook", 256, "req-1"
        invoked_function_arn = "arn:aws:lambda:eu-west-1:000000000000:function:telegram_webhook"

    result = handler.lambda_handler(event, Context())
    assert result["statusCode"] == 200 and json.loads(result["body"])["action"] == "signal"
    event["body"] = "@@not base64@@"
    assert handler.lambda_handler(event, Context())["statusCode"] == 400
    assert _count(telegram_env, "signals") == 1


def test_a_close_naming_two_coins_closes_both_signals(telegram_env, make_user, open_position, channel_post):
    """"Close both #GALA and #CHZ": one post, two trades — each closed (closing only the first would leave a follower's
    other position open); a redelivery closes nothing twice."""
    db = telegram_env
    holder = make_user()
    queue = InProcessQueue()
    ids = {}
    for n, coin in enumerate(("GALA", "CHZ", "ONE")):
        text = SIGNAL_TEXT.replace("FTM", coin)
        ids[coin] = post(channel_post(text, update_id=1 + n, message_id=10 + n), queue=queue).body["signal_id"]
        open_position(holder, ids[coin])
    queue.drain()

    closed = post(channel_post("Close both #GALA and #CHZ", update_id=9, message_id=20), queue=queue).body
    assert closed["action"] == "update" and closed["kind"] == "closed"
    assert [(c["symbol"], c["signal_id"], c["kind"]) for c in closed["coins"]] == [
        ("GALA/USDT", ids["GALA"], "closed"), ("CHZ/USDT", ids["CHZ"], "closed")]
    events = _count(db, "signal_events")
    again = post(channel_post("Close both #GALA and #CHZ", update_id=10, message_id=20), queue=queue).body
    assert all(not c.get("new") for c in again["coins"]) and _count(db, "signal_events") == events

    status = {r["id"]: r["status"] for r in _all(db, "SELECT id, status FROM signals")}
    assert status == {ids["GALA"]: "closed", ids["CHZ"]: "closed", ids["ONE"]: "open"}
    jobs = [parse_job(b) for b in queue.drain()]
    assert sorted(j.signal_id for j in jobs) == sorted([ids["GALA"], ids["CHZ"]])


def test_a_partial_close_with_the_stop_to_breakeven_applies_both_once(telegram_env, make_user, open_position,
                                                                     channel_post):
    """"TP1 ✅ take half and move SL to entry": the executor acts on the stop move, so it is stored as an event of its
    own beside the partial close (one post used to keep only the first change read); a redelivery adds neither again."""
    db = telegram_env
    holder = make_user()
    queue = InProcessQueue()
    signal_id = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=10), queue=queue).body["signal_id"]
    open_position(holder, signal_id)
    queue.drain()

    text = "#FTM TP1 ✅ take 50% profit and move SL to entry"
    both = post(channel_post(text, update_id=2, message_id=11), queue=queue).body
    assert (both["kind"], both["signal_id"]) == ("partial_close", signal_id)
    assert [(a["action"], a["new"]) for a in both["also"]] == [("move_sl_breakeven", True)]
    events = _all(db, "SELECT kind, data FROM signal_events ORDER BY id")
    assert [(e["kind"], e["data"].get("breakeven")) for e in events] == [("partial_close", None), ("sl_moved", True)]
    moved = [parse_job(b) for b in queue.drain()]
    assert {(j.type, j.user_id) for j in moved} == {("signal_update", holder)}
    assert both["also"][0]["event_id"] in {j.event_id for j in moved}

    again = post(channel_post(text, update_id=3, message_id=11), queue=queue).body
    assert not again["new"] and not again["also"][0]["new"] and _count(db, "signal_events") == 2

    alone = post(channel_post("#FTM take 50% profit here", update_id=4, message_id=12), queue=queue).body
    assert alone["kind"] == "partial_close" and "also" not in alone
    # the share is the executor's to sell only when no target hit took it: "TP1 ✅ take 50%" is the user's own TP1
    shares = {e["id"]: e["data"].get("fraction") for e in _all(db, "SELECT id, data FROM signal_events")}
    assert shares[both["event_id"]] is None and shares[alone["event_id"]] == "0.5"


def test_a_stop_moved_onto_a_target_takes_the_signals_target_price(telegram_env, make_user, open_position, channel_post):
    """"TP2 ✅ SL moved to TP1": the stop goes onto the signal's own first target (the event used to carry no price, so
    the executor moved no stop); a partial close beside a stop move to a price stores both; a target the signal does not
    have moves nothing."""
    db = telegram_env
    holder = make_user()
    queue = InProcessQueue()
    signal_id = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=10), queue=queue).body["signal_id"]
    open_position(holder, signal_id)
    queue.drain()

    onto = post(channel_post("#FTM TP2 ✅ SL moved to TP1", update_id=2, message_id=11), queue=queue).body
    assert (onto["kind"], onto["signal_id"]) == ("sl_moved", signal_id)
    event = _all(db, "SELECT price, data FROM signal_events WHERE id = %s", onto["event_id"])[0]
    assert event["price"] == Decimal("0.26") and event["data"]["stop_at_target"] == 1
    assert _all(db, "SELECT stop_loss FROM signals WHERE id = %s", signal_id)[0]["stop_loss"] == Decimal("0.26")
    assert {(j.type, j.event_id) for j in map(parse_job, queue.drain())} == {("signal_update", onto["event_id"])}

    both = post(channel_post("#FTM close 50% here and move SL to 0.2650", update_id=3, message_id=12), queue=queue).body
    assert both["kind"] == "partial_close" and [a["action"] for a in both["also"]] == ["new_stop"]
    moved = _all(db, "SELECT kind, price FROM signal_events WHERE id = %s", both["also"][0]["event_id"])[0]
    assert (moved["kind"], moved["price"]) == ("sl_moved", Decimal("0.265"))
    queue.drain()

    beyond = post(channel_post("#FTM SL moved to TP5", update_id=4, message_id=13), queue=queue).body
    missing = _all(db, "SELECT price, data FROM signal_events WHERE id = %s", beyond["event_id"])[0]
    assert missing["price"] is None and missing["data"]["stop_at_target"] == 5
    assert _all(db, "SELECT stop_loss FROM signals WHERE id = %s", signal_id)[0]["stop_loss"] == Decimal("0.265")


def test_a_new_stop_whose_comma_reads_two_ways_takes_the_reading_of_the_signals_size(telegram_env, make_user,
                                                                                  open_position, channel_post):
    """"SL to 2,312" is 2312 for ETH and 2.312 for XRP: the reading of the size of the signal's own levels is taken
    (the thousands reading used to be taken always, and a long's stop moved above the price closes it at once)."""
    db = telegram_env
    queue = InProcessQueue()
    xrp = ("#XRP/USDT LONG\nEntry: 2.2000 - 2.2500\nTargets: 2.3000 - 2.4000\nStop loss: 2.1000")
    eth = ("#ETH/USDT LONG\nEntry: 3100.5 - 3150.5\nTargets: 3300 - 3400\nStop loss: 2950.5")
    ids = {coin: post(channel_post(text, update_id=n, message_id=10 + n), queue=queue).body["signal_id"]
           for n, (coin, text) in enumerate((("XRP", xrp), ("ETH", eth)), start=1)}
    for n, coin in enumerate(ids, start=3):
        moved = post(channel_post(f"#{coin} move SL to 2,312", update_id=n, message_id=10 + n), queue=queue).body
        assert (moved["kind"], moved["signal_id"]) == ("sl_moved", ids[coin])
    stops = {r["id"]: r["stop_loss"] for r in _all(db, "SELECT id, stop_loss FROM signals")}
    assert stops == {ids["XRP"]: Decimal("2.312"), ids["ETH"]: Decimal(2312)}
    # a reading of no size near the signal's levels moves nothing
    post(channel_post("#ETH move SL to 9,150", update_id=5, message_id=15), queue=queue)
    assert _all(db, "SELECT stop_loss FROM signals WHERE id = %s", ids["ETH"])[0]["stop_loss"] == Decimal(2312)


def test_a_running_card_posted_again_is_not_traded_twice(telegram_env, make_user, channel_post):
    """A channel that posts its running card again ("… Running ✅", "SL: 0.2400 (moved)") used to open a second position
    for every follower; the same coin, side, entries and targets from the same channel while the first is open is the
    same trade. Other levels, another channel, or the first one closed: a new trade."""
    db = telegram_env
    make_user()
    queue = InProcessQueue()
    first = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=10), queue=queue).body
    assert first["status"] == "open" and first["jobs"] == 1
    queue.drain()

    again = post(channel_post(SIGNAL_TEXT + "\n\nRunning ✅", update_id=2, message_id=11), queue=queue).body
    assert again["new"] and again["status"] == "rejected" and again["jobs"] == 0
    assert f"restates open signal #{first['signal_id']}" in again["rejected_reason"]
    assert not [b for b in queue.drain() if parse_job(b).type == "execute_signal"]

    moved_stop = SIGNAL_TEXT.replace("Stop loss: 0.2400", "Stop loss: 0.2450 (moved)")
    assert post(channel_post(moved_stop, update_id=3, message_id=12), queue=queue).body["status"] == "rejected"

    other_levels = SIGNAL_TEXT.replace("Entry: 0.2500 - 0.2550", "Entry: 0.2300 - 0.2350").replace("Stop loss: 0.2400",
                                                                                                  "Stop loss: 0.2200")
    assert post(channel_post(other_levels, update_id=4, message_id=13), queue=queue).body["status"] == "open"

    with db, db.cursor() as cur:
        cur.execute("UPDATE signals SET status = 'closed' WHERE id = %s", (first["signal_id"],))
    after_close = post(channel_post(SIGNAL_TEXT, update_id=5, message_id=14), queue=queue).body
    assert after_close["status"] == "open"


def test_a_market_entry_card_posted_again_is_not_traded_twice(telegram_env, make_user, channel_post):
    """A market card has no entries: its exits are its identity — the same targets and stop from the same channel while
    the first is open is the same trade (it used to skip the guard and open a second position for every follower)."""
    make_user()
    queue = InProcessQueue()
    card = "#FTM/USDT LONG\nEntry: market\nTargets: 0.2600 - 0.2700 - 0.2800\nStop loss: 0.2400\nLeverage: Cross 10x"
    first = post(channel_post(card, update_id=1, message_id=10), queue=queue).body
    assert first["status"] == "open" and first["jobs"] == 1
    queue.drain()

    running = "Running ✅\n#FTM/USDT LONG NOW\nTargets: 0.2600 - 0.2700 - 0.2800\nStop loss: 0.2400\nLeverage: Cross 10x"
    again = post(channel_post(running, update_id=2, message_id=11), queue=queue).body
    assert again["status"] == "rejected" and again["jobs"] == 0
    assert f"restates open signal #{first['signal_id']}" in again["rejected_reason"]
    assert not [b for b in queue.drain() if parse_job(b).type == "execute_signal"]
    # another stop is the same call too (a running market card is re-posted with its moved stop; review 26 G14) —
    # a looser one moves nothing (see test_restatement_guard_review26.py for a tighter one)
    other_stop = post(channel_post(card.replace("0.2400", "0.2300"), update_id=3, message_id=12), queue=queue).body
    assert other_stop["status"] == "rejected" and other_stop["jobs"] == 0


def test_twins_for_different_markets_both_trade(telegram_env, make_user, channel_post):
    """The same levels posted as a spot buy and as a futures call are different trades: each reaches its followers (the
    guard compared no market and refused the second). A card with no market line is the same call as either (a repost
    drops or adds the leverage line; review 26 G14)."""
    make_user()
    queue = InProcessQueue()
    levels = "Entry: 0.2500 - 0.2550\nTargets: 0.2600 - 0.2700 - 0.2800\nStop loss: 0.2400"
    spot = post(channel_post(f"#FTM/USDT SPOT BUY\n{levels}", update_id=1, message_id=10), queue=queue).body
    futures = post(channel_post(f"#FTM/USDT LONG\n{levels}\nLeverage: Cross 10x", update_id=2, message_id=11),
                   queue=queue).body
    unstated = post(channel_post(f"#FTM/USDT LONG\n{levels}", update_id=3, message_id=12), queue=queue).body
    assert [b["status"] for b in (spot, futures, unstated)] == ["open", "open", "rejected"]
    assert spot["signal_id"] != futures["signal_id"]
    assert f"restates open signal #{futures['signal_id']}" in unstated["rejected_reason"]


def test_an_open_signal_older_than_a_week_blocks_no_new_call(telegram_env, make_user, channel_post):
    """Channels rarely close their signals (an unreported stop-out leaves the row open): a card with the same levels more
    than 7 days after an open one is a new call, not a restatement."""
    db = telegram_env
    make_user()
    queue = InProcessQueue()
    first = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=10), queue=queue).body
    assert first["status"] == "open"
    with db, db.cursor() as cur:
        cur.execute("UPDATE signals SET received_at = received_at - interval '8 days' WHERE id = %s",
                    (first["signal_id"],))
    again = post(channel_post("Re-entry 🔁\n" + SIGNAL_TEXT, update_id=2, message_id=11), queue=queue).body
    assert again["status"] == "open" and again["jobs"] == 1


def test_a_restated_card_with_a_raised_stop_moves_the_open_signals_stop(telegram_env, make_user, open_position,
                                                                        channel_post):
    """The running card posted again with its stop raised (to the entry, here) is not traded twice, and the raised stop
    is applied to the open signal as a stop move that reaches every position holder (it used to be lost). A card with a
    looser stop (the original card re-posted after the move) moves nothing back."""
    db = telegram_env
    holder = make_user()
    queue = InProcessQueue()
    first = post(channel_post(SIGNAL_TEXT, update_id=1, message_id=10), queue=queue).body
    signal_id = first["signal_id"]
    open_position(holder, signal_id)
    queue.drain()

    raised = SIGNAL_TEXT.replace("Stop loss: 0.2400", "Stop loss: 0.2550 (moved to entry ⬆️)")
    again = post(channel_post(raised, update_id=2, message_id=11), queue=queue).body
    assert again["status"] == "rejected" and again["jobs"] == 0
    assert f"restates open signal #{signal_id}" in again["rejected_reason"]
    assert "its stop moved to 0.2550" in again["rejected_reason"]
    events = _all(db, "SELECT id, kind, price, dedupe_key FROM signal_events WHERE signal_id = %s", signal_id)
    assert [(e["kind"], e["price"]) for e in events] == [("sl_moved", Decimal("0.255"))]
    assert events[0]["dedupe_key"] == f"restate:{SOURCE_CHAT}:11"
    assert _all(db, "SELECT stop_loss FROM signals WHERE id = %s", signal_id)[0]["stop_loss"] == Decimal("0.255")
    jobs = [parse_job(b) for b in queue.drain()]
    assert [(j.type, j.user_id, j.event_id) for j in jobs] == [("signal_update", holder, events[0]["id"])]

    original = post(channel_post(SIGNAL_TEXT + "\n\nRunning ✅", update_id=3, message_id=12), queue=queue).body
    assert original["status"] == "rejected" and "its stop left at 0.255 " in original["rejected_reason"]
    assert _all(db, "SELECT stop_loss FROM signals WHERE id = %s", signal_id)[0]["stop_loss"] == Decimal("0.255")
    assert len(_all(db, "SELECT id FROM signal_events WHERE signal_id = %s", signal_id)) == 1
    assert not queue.drain()
