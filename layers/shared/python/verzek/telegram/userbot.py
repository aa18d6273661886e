"""The bot for users, in private chats: link an account, read positions / PnL / signals, pause and
resume auto-trading, close a position (with a confirmation button), notification preferences, unlink.

The webhook hands over private-chat messages and callback queries whose data starts with
`CALLBACK_PREFIX` (other callback prefixes belong to other handlers, e.g. the operator review loop).

One update = one database transaction that first claims the update id (telegram_updates_seen), so a
redelivered update changes nothing twice; the replies are computed inside it and sent after the
commit. A reply Telegram refuses for now (429, 5xx, network) goes to the notifications outbox and
the dispatcher delivers it later; a confirmation button acts once (telegram_confirmations).

Domain rules stay in their modules: linking in `verzek.accounts.telegram_link`, positions and
closing in `verzek.accounts.positions`, settings in `verzek.accounts.trading_settings`, the feed in
`verzek.accounts.feed`, preferences in `verzek.notify.preferences`. This module parses commands and
renders answers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from verzek.observability import logger

CALLBACK_PREFIX = "u:"
MAX_CALLBACK_DATA = 64  # Telegram's limit for callback_data
SIGNALS_SHOWN = 5
POSITIONS_SHOWN = 15

HELP_UNLINKED = ("This chat is not linked to a Verzek account. In the Verzek app open Settings → "
                 "\"Link Telegram\" and tap the link: it opens this chat with a one-time code.")
COMMANDS = (("positions", "your open positions"), ("pnl", "balance, equity and PnL per currency"),
            ("signals", "the latest signals"), ("pause", "stop auto-trading new signals"),
            ("resume", "auto-trade new signals again"), ("close", "<id> close a position (asks to confirm)"),
            ("notifications", "on / silent / off per event"), ("unlink", "stop this chat getting your account"),
            ("help", "this list"))


def help_text() -> str:
    return "Commands:\n" + "\n".join(f"/{name} — {html.escape(what)}" for name, what in COMMANDS)


# ----------------------------------------------------------------------------------------------
# what the bot does after the transaction


@dataclass(frozen=True)
class Reply:
    text: str  # HTML
    buttons: tuple[tuple[tuple[str, str], ...], ...] = ()  # rows of (label, callback data)


@dataclass(frozen=True)
class SendMessage:
    chat_id: int
    reply: Reply


@dataclass(frozen=True)
class AnswerCallback:
    callback_query_id: str
    text: str
    alert: bool = False


@dataclass(frozen=True)
class EditMessage:
    chat_id: int
    message_id: int
    reply: Reply


@dataclass
class Outcome:
    actions: list = field(default_factory=list)
    result: dict[str, Any] = field(default_factory=dict)


def is_user_bot_update(update) -> bool:
    """Private-chat messages, and callback queries carrying our prefix."""
    if update.message is not None:
        return update.message.chat.type == "private"
    query = update.callback_query
    return query is not None and isinstance(query.data, str) and query.data.startswith(CALLBACK_PREFIX)


# ----------------------------------------------------------------------------------------------
# entry point


def handle_user_update(update, *, queue=None) -> dict:
    """Process one private-chat update; returns what happened (the webhook's response body)."""
    from verzek.db import connection

    with connection() as conn:
        with conn.cursor() as cur:
            cur.execute("INSERT INTO telegram_updates_seen (update_id) VALUES (%s) ON CONFLICT DO NOTHING "
                        "RETURNING update_id", (update.update_id,))
            if cur.fetchone() is None:
                return {"ok": True, "duplicate": True}
        if update.callback_query is not None:
            outcome = _callback(conn, update.callback_query, queue)
        else:
            outcome = _message(conn, update.message, queue)
    failed = _perform(outcome.actions, update.update_id)
    logger.info("telegram user update processed", extra={"update_id": update.update_id, **outcome.result,
                                                         "replies_queued": failed})
    return {"ok": True, "bot": True, **outcome.result, "replies_queued": failed}


def _send(chat_id: int, text: str, *buttons) -> Outcome:
    return Outcome([SendMessage(chat_id, Reply(text, tuple(buttons)))])


# ----------------------------------------------------------------------------------------------
# messages (commands)


def _command(text: str) -> tuple[str | None, list[str]]:
    parts = text.strip().split()
    if not parts or not parts[0].startswith("/"):
        return None, parts
    name = parts[0][1:].split("@", 1)[0].lower()  # "/pnl@verzek_bot" in a client that appends it
    return name, parts[1:]


def _message(conn, message, queue) -> Outcome:
    from verzek.accounts.telegram_link import linked_user

    chat_id = message.chat.id
    command, args = _command(message.text or "")
    user = linked_user(conn, chat_id)
    if command == "start" and args:
        return _link(conn, message, args[0])
    if user is None:
        outcome = _send(chat_id, html.escape(HELP_UNLINKED))
        outcome.result = {"action": "help_unlinked"}
        return outcome
    handler = _COMMANDS.get(command or "")
    if handler is None:
        text = ("I did not understand that. " if command is None else f"Unknown command /{html.escape(command)}. ")
        outcome = _send(chat_id, text + "/help lists what I can do.")
        outcome.result = {"action": "unknown_command"}
        return outcome
    outcome = handler(conn, user, chat_id, args, queue)
    outcome.result.setdefault("action", command)
    outcome.result["user_id"] = user["id"]
    return outcome


def _link(conn, message, token: str) -> Outcome:
    from verzek.accounts.telegram_link import consume_link_token

    sender = message.from_user
    if sender is None or sender.id != message.chat.id:
        return _send(message.chat.id, "Linking works only from your own private chat with the bot.")
    linked = consume_link_token(conn, token, chat_id=message.chat.id, telegram_user_id=sender.id)
    text = html.escape(linked.message) + ("\n\n" + help_text() if linked.ok else "")
    outcome = _send(message.chat.id, text)
    outcome.result = {"action": "link", "linked": linked.ok, "user_id": linked.user_id}
    return outcome


def _cmd_start(conn, user, chat_id, args, queue) -> Outcome:
    return _send(chat_id, f"This chat is linked to {html.escape(user['email'])}.\n\n{help_text()}")


def _cmd_help(conn, user, chat_id, args, queue) -> Outcome:
    return _send(chat_id, help_text())


def _cmd_positions(conn, user, chat_id, args, queue) -> Outcome:
    from verzek.accounts.positions import list_positions

    rows, more = list_positions(conn, user["id"], state="open", limit=POSITIONS_SHOWN)
    if not rows:
        return _send(chat_id, "No open positions.")
    lines = [f"<b>Open positions</b> ({len(rows)}{'+' if more else ''})"]
    lines += [render_position(r) for r in rows]
    lines.append("Close one with /close &lt;id&gt;.")
    return _send(chat_id, "\n\n".join(lines))


def render_position(row: dict) -> str:
    from verzek.display import money, price, quantity, rules_for, signed_money

    rules = rules_for(row["symbol"], row.get("exchange"))
    currency = row["currency"]
    leverage = f" {row['leverage']}x" if row.get("market_type") != "spot" else ""
    head = (f"<b>#{row['id']}</b> {html.escape(row['symbol'])} {row['side']}{leverage} · {row['status']}"
            f" · {row['mode']}")
    body = (f"entry {price(row['entry_price'], rules)} · qty {quantity(row['filled_amount'], rules)}"
            f" · stop {price(row['stop_loss'], rules)}\n"
            f"unrealised {signed_money(row['unrealized_pnl'], currency)} · realised net "
            f"{signed_money(row['net_realized_pnl'], currency)} (fees {money(row['fees'], currency)}"
            + (f", funding {signed_money(row['funding'], currency)}" if row.get("funding") else "") + ")")
    return f"{head}\n{body}"


def _cmd_pnl(conn, user, chat_id, args, queue) -> Outcome:
    from verzek.accounts.positions import BalanceReader, pnl_summary

    # The webhook answers fast and carries no exchange client: a live balance is read in the app.
    reader = BalanceReader(live=False, not_read="the live balance is read from your exchange in the app")
    return _send(chat_id, render_summary(pnl_summary(conn, user["id"], balances=reader)))


def render_summary(summary: dict) -> str:
    from verzek.display import money, signed_money

    lines = [f"<b>PnL</b> · open positions {summary['open_positions']} · closed {summary['closed_positions']}"]
    if not summary["currencies"]:
        lines.append("Nothing traded yet.")
    for c in summary["currencies"]:
        cur = c["currency"]
        mode = f" ({c['mode']})" if c.get("mode") else ""
        block = [f"<b>{html.escape(cur)}</b>{mode}"]
        if c.get("balance") is not None:
            block.append(f"balance {money(c['balance'], cur)} · equity {money(c.get('equity'), cur)}")
        elif c.get("balance_error"):
            block.append(f"balance unknown: {html.escape(c['balance_error'])}")
        block.append(f"realised net {signed_money(c['net_realized_pnl'], cur)} (before fees and funding "
                     f"{signed_money(c['realized_pnl'], cur)})")
        block.append(f"unrealised {signed_money(c['unrealized_pnl'], cur)}")
        fees = f"fees {money(c['fees'], cur)}"
        if c.get("funding") is not None:
            fees += f" · funding {signed_money(c['funding'], cur)}"
        block.append(fees)
        lines.append("\n".join(block))
    lines.append("Net = after fees and funding. Amounts in different currencies (or paper and live) are never "
                 "added together.")
    return "\n\n".join(lines)


def _cmd_signals(conn, user, chat_id, args, queue) -> Outcome:
    from verzek.accounts.feed import Viewer, list_signals

    rows, _ = list_signals(conn, Viewer(user_id=user["id"], plan=user["plan"], role=user["role"]),
                           limit=SIGNALS_SHOWN)
    if not rows:
        return _send(chat_id, "No signals yet.")
    return _send(chat_id, "<b>Latest signals</b>\n\n" + "\n\n".join(render_signal_line(r) for r in rows))


def render_signal_line(row: dict) -> str:
    from verzek.display import price, rules_for

    rules = rules_for(row["symbol"])
    entries = " – ".join(price(e, rules) for e in row["entries"]) or "market"
    targets = ("withheld (trial)" if row.get("targets_withheld")
               else ", ".join(price(t, rules) for t in row["targets"]) or "-")
    leverage = f" {row['leverage']}x" if row.get("leverage") else ""
    when = row["received_at"].strftime("%Y-%m-%d %H:%M UTC")
    return (f"<b>#{row['id']}</b> {html.escape(row['source'].upper())} {html.escape(row['symbol'])} "
            f"{row['side']}{leverage} · {row['status']} · {when}\n"
            f"entry {entries} · targets {targets} · stop {price(row['stop_loss'], rules)}")


def _set_auto_trade(conn, user, chat_id, on: bool) -> Outcome:
    from verzek.accounts.errors import Invalid
    from verzek.accounts.trading_settings import get_settings_row, update_settings

    try:
        row = update_settings(conn, user["id"], {"auto_trade": on}, ip="telegram")
    except Invalid as exc:
        return _send(chat_id, f"Not changed: {html.escape(str(exc))}")
    if not on:
        text = "Auto-trading paused: new signals are not traded. Open positions keep their stops and targets."
    else:
        text = "Auto-trading resumed: new signals are traded again."
        row = row or get_settings_row(conn, user["id"])
        if row.get("kill_switch"):
            text += " Note: your kill switch is on, so no new orders go out until you turn it off in the app."
    outcome = _send(chat_id, text)
    outcome.result = {"auto_trade": on}
    return outcome


def _cmd_pause(conn, user, chat_id, args, queue) -> Outcome:
    return _set_auto_trade(conn, user, chat_id, False)


def _cmd_resume(conn, user, chat_id, args, queue) -> Outcome:
    return _set_auto_trade(conn, user, chat_id, True)


def _position_id(args: list[str]) -> int | None:
    if len(args) != 1:
        return None
    text = args[0].lstrip("#")
    if not text.isdigit() or len(text) > 18:
        return None
    value = int(text)
    return value if value >= 1 else None


def _cmd_close(conn, user, chat_id, args, queue) -> Outcome:
    from verzek.accounts.errors import NotFound
    from verzek.accounts.positions import OPEN_STATUSES, get_position

    position_id = _position_id(args)
    if position_id is None:
        return _send(chat_id, "Usage: /close &lt;id&gt; (the id from /positions).")
    try:
        row = get_position(conn, user["id"], position_id)
    except NotFound:
        return _send(chat_id, f"No position #{position_id} in your account.")
    if row["status"] not in OPEN_STATUSES or row["status"] == "closing":
        return _send(chat_id, f"Position #{position_id} is {row['status']}: nothing to close.")
    outcome = _send(chat_id, f"Close position {render_position(row)}\n\nat market now?",
                    ((f"Yes, close #{position_id}", f"{CALLBACK_PREFIX}close:{position_id}"),
                     ("Cancel", f"{CALLBACK_PREFIX}cancel")))
    outcome.result = {"action": "close_confirm", "position_id": position_id}
    return outcome


def _cmd_notifications(conn, user, chat_id, args, queue) -> Outcome:
    from verzek.notify.preferences import get_modes

    return Outcome([SendMessage(chat_id, render_preferences(get_modes(conn, user["id"])))])


def render_preferences(modes: dict[str, str]) -> Reply:
    from verzek.notify.preferences import EVENTS, MODES

    lines = ["<b>Notifications</b> (on = with sound, silent = without sound, off = not sent)"]
    rows = []
    for event, (label, _) in EVENTS.items():
        lines.append(f"{html.escape(label)}: <b>{modes[event]}</b>")
        rows.append(tuple((("✓ " if modes[event] == mode else "") + f"{label}: {mode}",
                           f"{CALLBACK_PREFIX}nt:{event}:{mode}") for mode in MODES))
    return Reply("\n".join(lines), tuple(rows))


def _cmd_unlink(conn, user, chat_id, args, queue) -> Outcome:
    from verzek.accounts.telegram_link import unlink

    unlink(conn, user["id"], via="telegram")
    return _send(chat_id, "Unlinked: this chat no longer gets your Verzek notifications. Link again from the app.")


_COMMANDS = {"start": _cmd_start, "help": _cmd_help, "positions": _cmd_positions, "pnl": _cmd_pnl,
             "signals": _cmd_signals, "pause": _cmd_pause, "resume": _cmd_resume, "close": _cmd_close,
             "notifications": _cmd_notifications, "unlink": _cmd_unlink}


# ----------------------------------------------------------------------------------------------
# callback queries (buttons)


def _callback(conn, query, queue) -> Outcome:
    from verzek.accounts.telegram_link import linked_user

    data = query.data or ""
    message = query.message
    if message is None or len(data) > MAX_CALLBACK_DATA:
        return Outcome([AnswerCallback(query.id, "This button no longer works.")], {"action": "callback_stale"})
    chat_id, message_id = message.chat.id, message.message_id
    user = linked_user(conn, chat_id) if message.chat.type == "private" else None
    if user is None or user["telegram_user_id"] != query.from_user.id:
        return Outcome([AnswerCallback(query.id, HELP_UNLINKED, alert=True)], {"action": "callback_unlinked"})
    name, _, rest = data[len(CALLBACK_PREFIX):].partition(":")
    if name == "close":
        outcome = _confirm_close(conn, user, query, chat_id, message_id, rest, queue)
    elif name == "cancel":
        outcome = Outcome([AnswerCallback(query.id, "Cancelled"),
                           EditMessage(chat_id, message_id, Reply("Cancelled: nothing was closed."))],
                          {"action": "cancel"})
    elif name == "nt":
        outcome = _set_preference(conn, user, query, chat_id, message_id, rest)
    else:
        outcome = Outcome([AnswerCallback(query.id, "This button no longer works.")], {"action": "callback_unknown"})
    outcome.result["user_id"] = user["id"]
    return outcome


def _confirm_close(conn, user, query, chat_id: int, message_id: int, rest: str, queue) -> Outcome:
    from verzek.accounts.errors import Conflict, NotFound
    from verzek.accounts.positions import request_close

    position_id = _position_id([rest])
    if position_id is None:
        return Outcome([AnswerCallback(query.id, "This button no longer works.")], {"action": "callback_stale"})
    with conn.cursor() as cur:
        cur.execute("INSERT INTO telegram_confirmations (chat_id, message_id, user_id, action) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT DO NOTHING RETURNING done_at", (chat_id, message_id, user["id"],
                                                                  f"close:{position_id}"))
        first = cur.fetchone() is not None
    if not first:
        return Outcome([AnswerCallback(query.id, f"Already done: close of #{position_id} was requested.")],
                       {"action": "close", "position_id": position_id, "repeat": True})
    if queue is None:
        from verzek.queue import get_execution_queue

        queue = get_execution_queue()
    try:
        request_close(conn, user["id"], position_id, queue, ip="telegram")
    except NotFound:
        text = f"No position #{position_id} in your account."
    except Conflict as exc:
        text = f"Position #{position_id} not closed: {exc}."
    else:
        text = f"Close of position #{position_id} requested at market. You get a message when it is closed."
        return Outcome([AnswerCallback(query.id, "Close requested"),
                        EditMessage(chat_id, message_id, Reply(text))],
                       {"action": "close", "position_id": position_id, "requested": True})
    return Outcome([AnswerCallback(query.id, text), EditMessage(chat_id, message_id, Reply(html.escape(text)))],
                   {"action": "close", "position_id": position_id, "requested": False})


def _set_preference(conn, user, query, chat_id: int, message_id: int, rest: str) -> Outcome:
    from verzek.notify.preferences import EVENTS, MODES, get_modes, set_mode

    event, _, mode = rest.partition(":")
    if event not in EVENTS or mode not in MODES:
        return Outcome([AnswerCallback(query.id, "This button no longer works.")], {"action": "callback_stale"})
    set_mode(conn, user["id"], event, mode)
    return Outcome([AnswerCallback(query.id, f"{EVENTS[event][0]}: {mode}"),
                    EditMessage(chat_id, message_id, render_preferences(get_modes(conn, user["id"])))],
                   {"action": "notification_preference", "event": event, "mode": mode})


# ----------------------------------------------------------------------------------------------
# talking to Telegram


def _markup(reply: Reply) -> dict | None:
    """The Bot API InlineKeyboardMarkup of the reply's buttons."""
    if not reply.buttons:
        return None
    return {"inline_keyboard": [[{"text": label, "callback_data": data} for label, data in row]
                                for row in reply.buttons]}


def _perform(actions: list, update_id: int) -> int:
    """Run the Bot API calls; replies Telegram cannot take now go to the outbox. Returns how many."""
    import asyncio

    if not actions:
        return 0
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_perform_async(actions, update_id))
    raise RuntimeError("handle_user_update is synchronous: call it from a worker thread")


async def _perform_async(actions: list, update_id: int) -> int:
    from telegram import InlineKeyboardMarkup
    from telegram.error import TelegramError

    from verzek.config import get_settings
    from verzek.telegram.bot import TelegramNotConfigured, create_bot, redact_token
    from verzek.telegram.sender import BotMisconfigured, Sent, send_message

    settings = get_settings()
    replies = [a for a in actions if isinstance(a, SendMessage)]
    handled: set[int] = set()  # replies sent, or refused for good (403: the user blocked the bot)
    try:
        bot = create_bot(settings)
        async with bot:  # initialize() calls getMe: a refused token fails here
            for action in actions:
                if isinstance(action, SendMessage):
                    outcome = await send_message(bot, action.chat_id, action.reply.text, parse_mode="HTML",
                                                 reply_markup=_markup(action.reply),
                                                 max_inline_wait=settings.telegram_max_inline_wait_seconds)
                    if isinstance(outcome, Sent) or outcome.error.startswith(("400", "403")):
                        handled.add(id(action))
                    if not isinstance(outcome, Sent):
                        logger.warning("telegram user bot reply not sent", extra={"chat_id": action.chat_id,
                                                                                  "error": outcome.error})
                    continue
                try:
                    if isinstance(action, AnswerCallback):
                        await bot.answer_callback_query(action.callback_query_id, text=action.text[:200],
                                                        show_alert=action.alert)
                    elif isinstance(action, EditMessage):
                        markup = _markup(action.reply)
                        await bot.edit_message_text(action.reply.text, chat_id=action.chat_id,
                                                    message_id=action.message_id, parse_mode="HTML",
                                                    reply_markup=InlineKeyboardMarkup.de_json(markup, bot)
                                                    if markup else None)
                except TelegramError as exc:  # an expired callback or an unchanged message: nothing to redo
                    logger.warning("telegram user bot call failed", extra={
                        "call": type(action).__name__, "error": redact_token(str(exc), settings)})
    except (TelegramNotConfigured, BotMisconfigured, TelegramError) as exc:
        logger.error("telegram user bot cannot send now; replies queued",
                     extra={"alert": True, "error": redact_token(str(exc), settings)})
    return _queue_replies([a for a in replies if id(a) not in handled], update_id)


def _queue_replies(replies: list[SendMessage], update_id: int) -> int:
    """Replies not sent now: the dispatcher sends them later (text only; buttons are not kept, the
    text tells the user to repeat the command)."""
    from verzek.db import connection
    from verzek.notify.outbox import enqueue

    if not replies:
        return 0
    with connection() as conn, conn.cursor() as cur:
        for index, action in enumerate(replies):
            text = action.reply.text
            if action.reply.buttons:
                text += "\n\n(Buttons could not be shown: send the command again.)"
            enqueue(cur, channel="telegram", target=str(action.chat_id), kind="bot_reply",
                    payload={"text": text, "parse_mode": "HTML"}, dedupe_key=f"bot-reply-{update_id}-{index}")
    return len(replies)
