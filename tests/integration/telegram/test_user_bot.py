"""The bot for users, end to end over real HTTP on 127.0.0.1: the app's link route (API under uvicorn),
Telegram's updates posted to POST /telegram/webhook, the bot's answers recorded by the local Bot API
server (python-telegram-bot's own client), the execution queue, and the dispatcher honouring the
user's notification preferences."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from itertools import count

import httpx
import pytest

from .conftest import vip_signal

SECRET = "s3cret-Token_1"
CHAT = 5550001  # a private chat: its id is the Telegram user's id
OTHER_CHAT = 5550002
_update_ids = count(1000)


def _private(text: str, chat_id: int = CHAT, *, update_id: int | None = None) -> dict:
    return {"update_id": next(_update_ids) if update_id is None else update_id,
            "message": {"message_id": next(_update_ids), "date": int(datetime.now(UTC).timestamp()), "text": text,
                        "chat": {"id": chat_id, "type": "private", "first_name": "Ann"},
                        "from": {"id": chat_id, "is_bot": False, "first_name": "Ann"}}}


class Chat:
    """Talks to the webhook as Telegram does; reads what the bot sent from the Bot API double."""

    def __init__(self, http: httpx.Client, bot_api) -> None:
        self.http, self.bot_api = http, bot_api

    def post(self, update: dict) -> dict:
        response = self.http.post("/telegram/webhook", content=json.dumps(update),
                                  headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
        assert response.status_code == 200, response.text
        return response.json()

    def say(self, text: str, chat_id: int = CHAT) -> dict:
        before = len(self.bot_api.sent_messages(chat_id))
        body = self.post(_private(text, chat_id))
        sent = self.bot_api.sent_messages(chat_id)
        assert len(sent) == before + 1, (text, body)
        return sent[-1]

    def press(self, message: dict, data: str, *, from_id: int = CHAT) -> tuple[dict, dict]:
        """`from_id` presses the button with `data` under the bot's `message` (the update Telegram sends);
        returns the webhook's answer and how the bot answered the callback query."""
        update = self.bot_api.press_button(message["chat"]["id"], message["message_id"], data,
                                           user={"id": from_id, "is_bot": False, "first_name": "Ann"})
        body = self.post(update)
        return body, self.bot_api.callback_answers()[update["callback_query"]["id"]]


@pytest.fixture
def stack(bot_api, api_server, settings_env):
    settings_env(TELEGRAM_BOT_USERNAME=None, EXECUTION_QUEUE_URL=None)
    from verzek.queue import local_execution_queue

    local_execution_queue().drain()
    with httpx.Client(base_url=api_server, timeout=30) as http:
        yield http, Chat(http, bot_api)
    local_execution_queue().drain()


def _account(http: httpx.Client, email: str) -> tuple[int, dict]:
    password = "correct horse battery staple"
    assert http.post("/api/auth/register", json={"email": email, "password": password}).status_code == 202
    tokens = http.post("/api/auth/login", json={"email": email, "password": password}).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    return http.get("/api/me", headers=headers).json()["id"], headers


def _positions(db, user_id: int) -> tuple[int, int]:
    """An open USDT-M perpetual and a closed ETH/BTC spot trade of `user_id`."""
    from verzek.signals import ingest_signal

    first = ingest_signal(vip_signal(42)).signal_id
    second = ingest_signal(vip_signal(43, symbol="ETH/BTC", market=None, leverage=None,
                                      entries=(Decimal("0.05"),), targets=(Decimal("0.06"),),
                                      stop_loss=Decimal("0.04"))).signal_id
    with db, db.cursor() as cur:
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, leverage, "
                    "status, entry_price, amount, filled_amount, cost, stop_loss, unrealized_pnl, fees, opened_at) "
                    "VALUES (%s, %s, 'paper', 'binance', 'BTC/USDT:USDT', 'long', 'futures', 10, 'open', "
                    "64012.37, 0.015, 0.015, 960.18, 62500, 12.3456, 0.96, now()) RETURNING id", (user_id, first))
        open_id = cur.fetchone()["id"]
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, status, "
                    "entry_price, amount, filled_amount, cost, realized_pnl, fees, opened_at, closed_at) "
                    "VALUES (%s, %s, 'paper', 'binance', 'ETH/BTC', 'long', 'spot', 'closed', 0.05, 1, 1, 0.05, "
                    "0.0021, 0.0001, now(), now()) RETURNING id", (user_id, second))
        closed_id = cur.fetchone()["id"]
        cur.execute("INSERT INTO paper_balances (user_id, asset, total) VALUES (%s, 'USDT', 9000.5), "
                    "(%s, 'BTC', 0.25)", (user_id, user_id))
    return open_id, closed_id


def test_link_commands_close_and_preferences(stack, db, bot_api):
    from verzek.notify.dispatcher import dispatch_due
    from verzek.queue import local_execution_queue

    http, chat = stack
    user_id, headers = _account(http, "ann@example.com")

    # An unlinked chat gets one clear line, whatever it sends.
    assert "not linked to a Verzek account" in chat.say("/positions")["text"]
    assert "not linked" in chat.say("hello")["text"]

    # The app asks for a one-time deep link (the bot's username comes from getMe).
    assert http.post(f"/api/users/{user_id}/telegram/link").status_code == 401
    link = http.post(f"/api/users/{user_id}/telegram/link", headers=headers)
    assert link.status_code == 201, link.text
    token = link.json()["token"]
    assert link.json()["deep_link"] == f"https://t.me/verzek_test_bot?start={token}"
    assert http.get(f"/api/users/{user_id}/telegram", headers=headers).json()["linked"] is False

    assert "unknown" in chat.say("/start AAAAAAAAAAAAAAAAAAAAAAAA")["text"]
    assert "not valid" in chat.say("/start <script>")["text"]
    linked = chat.say(f"/start {token}")
    assert linked["text"].startswith("Linked") and "/positions" in linked["text"]
    assert http.get(f"/api/users/{user_id}/telegram", headers=headers).json()["linked"] is True
    # Single use: the same link from another Telegram account is refused and links nothing.
    assert "already used" in chat.say(f"/start {token}", OTHER_CHAT)["text"]
    with db.cursor() as cur:
        cur.execute("SELECT telegram_chat_id, telegram_user_id FROM users WHERE id = %s", (user_id,))
        assert cur.fetchone() == {"telegram_chat_id": CHAT, "telegram_user_id": CHAT}
    db.commit()

    # Telegram redelivers an update: nothing happens twice.
    update = _private("/help")
    chat.post(update)
    sent = len(bot_api.sent_messages(CHAT))
    assert chat.post(update)["duplicate"] is True
    assert len(bot_api.sent_messages(CHAT)) == sent

    open_id, closed_id = _positions(db, user_id)
    positions = chat.say("/positions")["text"]
    assert f"#{open_id}" in positions and "BTC/USDT:USDT long 10x" in positions and f"#{closed_id}" not in positions
    # on the market's tick and step (Binance's recorded rules: 0.1 and 0.001), money to the cent, with currency
    assert "entry 64012.4 · qty 0.015 · stop 62500.0" in positions
    assert "unrealised +12.35 USDT · realised net -0.96 USDT (fees 0.96 USDT)" in positions
    pnl = chat.say("/pnl")["text"]
    assert ("<b>BTC</b> (paper)\nbalance 0.25000000 BTC · equity 0.25000000 BTC\nrealised net +0.00200000 BTC "
            "(before fees and funding +0.00210000 BTC)") in pnl and "fees 0.00010000 BTC" in pnl
    assert ("<b>USDT</b> (paper)\nbalance 9000.50 USDT · equity 9012.85 USDT\nrealised net -0.96 USDT" in pnl
            and "unrealised +12.35 USDT" in pnl)
    assert chat.say("/signals")["text"] == "No signals yet."  # a trial user sees them TRIAL_DELAY_MINUTES later
    with db, db.cursor() as cur:
        cur.execute("UPDATE users SET plan = 'vip' WHERE id = %s", (user_id,))
    signals = chat.say("/signals")["text"]
    assert "VIP ETH/BTC long" in signals and "VIP BTC/USDT:USDT long 10x" in signals and "targets 0.06" in signals

    assert "paused" in chat.say("/pause")["text"]
    with db.cursor() as cur:
        cur.execute("SELECT auto_trade FROM trading_settings WHERE user_id = %s", (user_id,))
        assert cur.fetchone()["auto_trade"] is False
    db.commit()
    assert "resumed" in chat.say("/resume")["text"]
    with db.cursor() as cur:
        cur.execute("SELECT auto_trade FROM trading_settings WHERE user_id = %s", (user_id,))
        assert cur.fetchone()["auto_trade"] is True
    db.commit()

    # /close asks first; only the button closes, once, and only for the owner.
    assert "Usage" in chat.say("/close")["text"]
    assert "No position #999999" in chat.say("/close 999999")["text"]
    assert "closed: nothing to close" in chat.say(f"/close {closed_id}")["text"]
    confirm = chat.say(f"/close {open_id}")
    buttons = [b["callback_data"] for row in confirm["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons == [f"u:close:{open_id}", "u:cancel"]
    assert local_execution_queue().drain() == []

    stranger, answer = chat.press(confirm, f"u:close:{open_id}", from_id=OTHER_CHAT)
    assert stranger["action"] == "callback_unlinked" and answer["answered"] and answer["show_alert"]
    assert local_execution_queue().drain() == []

    # Two presses racing (a double tap, or two devices) before the first edit removes the buttons.
    presses = [bot_api.press_button(CHAT, confirm["message_id"], f"u:close:{open_id}",
                                    user={"id": CHAT, "is_bot": False, "first_name": "Ann"}) for _ in range(2)]
    done, again = chat.post(presses[0]), chat.post(presses[1])
    answers = bot_api.callback_answers()
    assert done["requested"] is True and answers[presses[0]["callback_query"]["id"]]["text"] == "Close requested"
    assert again["repeat"] is True and "Already done" in answers[presses[1]["callback_query"]["id"]]["text"]
    assert [(j["type"], j["position_id"], j["user_id"]) for j in local_execution_queue().drain()] == [
        ("close_position", open_id, user_id)]
    edited = bot_api.message(CHAT, confirm["message_id"])
    assert "requested" in edited["text"] and "reply_markup" not in edited  # the buttons are gone
    assert local_execution_queue().drain() == []

    # Notification preferences: on / silent / off per event type; the dispatcher respects them.
    prefs = chat.say("/notifications")
    data = [b["callback_data"] for row in prefs["reply_markup"]["inline_keyboard"] for b in row]
    assert "u:nt:entry:silent" in data and "u:nt:exit:off" in data
    chat.press(prefs, "u:nt:entry:silent")
    chat.press(bot_api.message(CHAT, prefs["message_id"]), "u:nt:exit:off")
    shown = bot_api.message(CHAT, prefs["message_id"])
    assert "Position opened: <b>silent</b>" in shown["text"] and "Position closed: <b>off</b>" in shown["text"]

    from verzek.execution.orders import notify

    with db, db.cursor() as cur:
        notify(cur, user_id, CHAT, "position_opened", "BTC/USDT:USDT long opened", {}, "t-open")
        notify(cur, user_id, CHAT, "closed", "BTC/USDT:USDT closed", {}, "t-closed")
        notify(cur, user_id, CHAT, "trade_failed", "XRP/USDT not opened", {}, "t-failed")
    before = len(bot_api.sent_messages(CHAT))
    dispatch_due(limit=50)
    delivered = bot_api.sent_messages(CHAT)[before:]
    assert [(m["text"], m["disable_notification"]) for m in delivered] == [
        ("BTC/USDT:USDT long opened", True), ("XRP/USDT not opened", False)]
    with db.cursor() as cur:
        cur.execute("SELECT status, last_error FROM notifications WHERE dedupe_key = 't-closed:telegram'")
        assert cur.fetchone() == {"status": "skipped", "last_error": "exit notifications are off (user preference)"}
    db.commit()

    # Unlink: the chat stops getting the account, even messages already queued for it.
    with db, db.cursor() as cur:
        notify(cur, user_id, CHAT, "tp_hit", "TP1 hit", {}, "t-tp")
    assert "Unlinked" in chat.say("/unlink")["text"]
    before = len(bot_api.sent_messages(CHAT))
    dispatch_due(limit=50)
    assert len(bot_api.sent_messages(CHAT)) == before
    assert "not linked" in chat.say("/pnl")["text"]
    assert http.get(f"/api/users/{user_id}/telegram", headers=headers).json() == {"linked": False, "linked_at": None}


def test_expired_and_replaced_links_are_refused(stack, db):
    http, chat = stack
    user_id, headers = _account(http, "bob@example.com")
    old = http.post(f"/api/users/{user_id}/telegram/link", headers=headers).json()["token"]
    new = http.post(f"/api/users/{user_id}/telegram/link", headers=headers).json()["token"]
    assert "expired" in chat.say(f"/start {old}")["text"]  # a new link replaces the old one
    with db, db.cursor() as cur:
        cur.execute("UPDATE telegram_link_tokens SET expires_at = now() - interval '1 second'")
    assert "expired" in chat.say(f"/start {new}")["text"]
    with db.cursor() as cur:
        cur.execute("SELECT telegram_chat_id FROM users WHERE id = %s", (user_id,))
        assert cur.fetchone()["telegram_chat_id"] is None
    db.commit()


def test_one_chat_links_one_account(stack, db):
    http, chat = stack
    first, first_headers = _account(http, "carol@example.com")
    second, second_headers = _account(http, "dave@example.com")
    token = http.post(f"/api/users/{first}/telegram/link", headers=first_headers).json()["token"]
    assert chat.say(f"/start {token}")["text"].startswith("Linked")
    token = http.post(f"/api/users/{second}/telegram/link", headers=second_headers).json()["token"]
    assert "already linked to another Verzek account" in chat.say(f"/start {token}")["text"]
    with db.cursor() as cur:
        cur.execute("SELECT id FROM users WHERE telegram_chat_id = %s", (CHAT,))
        assert [r["id"] for r in cur.fetchall()] == [first]
    db.commit()


def test_operator_callbacks_and_group_messages_are_not_the_user_bot(stack, bot_api):
    """Callback data without the `u:` prefix (another handler's buttons) and group chats never reach
    the user bot, and a malformed callback query is refused with 400."""
    http, chat = stack
    group = {"update_id": next(_update_ids), "message": {
        "message_id": 7, "date": int(datetime.now(UTC).timestamp()), "text": "/positions",
        "chat": {"id": -100777, "type": "supergroup", "title": "g"}, "from": {"id": CHAT, "is_bot": False,
                                                                             "first_name": "Ann"}}}
    assert chat.post(group).get("ignored")
    other = {"update_id": next(_update_ids), "callback_query": {
        "id": "cb-x", "chat_instance": "c", "data": "rv:trade:1", "from": {"id": CHAT, "is_bot": False,
                                                                           "first_name": "Ann"}}}
    assert chat.post(other).get("ignored") and "bot" not in chat.post(other)
    assert bot_api.sent_messages() == []
    bad = http.post("/telegram/webhook", content=json.dumps({"update_id": 5, "callback_query": {"id": 5}}),
                    headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert bad.status_code == 400 and "callback_query" in bad.json()["error"]


def test_a_reply_telegram_refuses_for_now_is_queued_and_sent_later(stack, db, bot_api):
    """Telegram answers 5xx to the bot's reply: the update's work is done once, the reply waits in the outbox
    (text only, the buttons' note added) and the dispatcher delivers it."""
    from verzek.notify.dispatcher import dispatch_due

    http, chat = stack
    bot_api.fail_next("sendMessage", 502, times=3)  # the sender's three attempts
    body = chat.post(_private("/notifications"))
    assert body["replies_queued"] == 1
    assert bot_api.sent_messages(CHAT) == []
    with db.cursor() as cur:
        cur.execute("SELECT kind, target, status FROM notifications")
        assert cur.fetchall() == [{"kind": "bot_reply", "target": str(CHAT), "status": "pending"}]
    db.commit()
    dispatch_due(limit=10)
    [sent] = bot_api.sent_messages(CHAT)
    assert "not linked" in sent["text"]
