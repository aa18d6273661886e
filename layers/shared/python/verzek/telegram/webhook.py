"""The Telegram webhook: a Bot API update in, a stored signal / update / edit out. Answers fast.

Order of checks (each failure changes nothing): the secret token header (constant-time compare; not
configured or wrong 403, missing 401), the body (JSON object, a Telegram update, fields we use well-typed: else
400), the update type (`message`, `channel_post`, their `edited_*` forms; text or caption), the
source chat (TELEGRAM_SOURCE_CHAT_IDS) and, in groups, the sender (see `_sender_problem`). Ignored
updates get 200 so Telegram does not retry them. Then `update_id` deduplication, the parser, and the
one ingest path. Broadcasting and execution happen later, through the outbox and the queue.

Two ways a provider's bot reaches us (Telegram does not deliver bots' group messages to other bots
by default): a channel where our bot is an admin (`channel_post`), or a group with bot-to-bot
communication enabled where our bot is an admin with privacy mode off (`message`, `from.is_bot`).

Private-chat messages and callback queries whose data starts with `u:` go to the bot for users
(`verzek.telegram.userbot`: link an account, positions, PnL, close with confirmation, preferences);
other callback prefixes are left for their own handlers.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from verzek.config import app_secret
from verzek.observability import logger

MAX_BODY_BYTES = 256 * 1024  # Telegram updates are a few KB; the API app caps this path the same
POST_FIELDS = ("channel_post", "message", "edited_channel_post", "edited_message")
EDIT_FIELDS = {"edited_channel_post", "edited_message"}
# callback_query: inline buttons (the operator review loop; private-chat bots route theirs by a callback-data prefix).
ALLOWED_UPDATES = [*POST_FIELDS, "callback_query"]
MAX_CALLBACK_DATA = 64  # Telegram's limit, in bytes
MAX_DB_ID = 2**63 - 1  # ids are stored as BIGINT: larger ones are refused before anything is written


@dataclass(frozen=True)
class WebhookResponse:
    status: int
    body: dict[str, Any]


class _BadRequest(Exception):
    pass


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_post(name: str, post: Any) -> None:
    """The fields we rely on must have Telegram's types (python-telegram-bot does not check them)."""
    if not isinstance(post, dict):
        raise _BadRequest(f"{name} must be an object")
    if not _is_int(post.get("message_id")) or not 0 <= post["message_id"] <= MAX_DB_ID:
        raise _BadRequest(f"{name}.message_id must be an integer")
    if not _is_int(post.get("date")) or post["date"] < 0:
        raise _BadRequest(f"{name}.date must be a unix time")
    chat = post.get("chat")
    if not isinstance(chat, dict) or not _is_int(chat.get("id")) or not isinstance(chat.get("type"), str):
        raise _BadRequest(f"{name}.chat must have an integer id and a type")
    for key in ("text", "caption"):
        if key in post and not isinstance(post[key], str):
            raise _BadRequest(f"{name}.{key} must be a string")
    if "edit_date" in post and not _is_int(post["edit_date"]):
        raise _BadRequest(f"{name}.edit_date must be a unix time")
    for key in ("from", "sender_chat"):
        if key in post and (not isinstance(post[key], dict) or not _is_int(post[key].get("id"))):
            raise _BadRequest(f"{name}.{key} must have an integer id")
    if "from" in post and not isinstance(post["from"].get("is_bot", False), bool):
        raise _BadRequest(f"{name}.from.is_bot must be a boolean")
    reply = post.get("reply_to_message")
    if reply is not None and (not isinstance(reply, dict) or not _is_int(reply.get("message_id"))):
        raise _BadRequest(f"{name}.reply_to_message must have an integer message_id")


def _check_callback(query: Any) -> None:
    if not isinstance(query, dict) or not isinstance(query.get("id"), str) or not query["id"]:
        raise _BadRequest("callback_query must have a string id")
    user = query.get("from")
    if not isinstance(user, dict) or not _is_int(user.get("id")) or not isinstance(user.get("is_bot", False), bool):
        raise _BadRequest("callback_query.from must have an integer id")
    if "data" in query and (not isinstance(query["data"], str)
                            or len(query["data"].encode("utf-8", "surrogatepass")) > MAX_CALLBACK_DATA):
        raise _BadRequest(f"callback_query.data must be a string of at most {MAX_CALLBACK_DATA} bytes")
    if "message" in query:
        _check_post("callback_query.message", query["message"])


def parse_update_body(body: bytes | str | None):
    """Raw body -> python-telegram-bot `Update` (raises _BadRequest with a readable reason)."""
    from telegram import Update

    if body is None or len(body) == 0:
        raise _BadRequest("empty body")
    if len(body) > MAX_BODY_BYTES:
        raise _BadRequest("body too large")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise _BadRequest("body is not valid JSON") from None
    except RecursionError:  # e.g. 100,000 nested arrays: the parser gives up, the sender is at fault
        raise _BadRequest("body is nested too deeply") from None
    if not isinstance(data, dict):
        raise _BadRequest("body must be a JSON object")
    if not _is_int(data.get("update_id")) or not 0 <= data["update_id"] <= MAX_DB_ID:
        raise _BadRequest("update_id must be a non-negative integer")
    for name in POST_FIELDS:
        if name in data:
            _check_post(name, data[name])
    if "callback_query" in data:
        _check_callback(data["callback_query"])
    try:
        return Update.de_json(data, None)
    except Exception as exc:  # noqa: BLE001 -- PTB raises assorted errors on odd shapes; all mean "not an update"
        raise _BadRequest(f"not a Telegram update ({type(exc).__name__})") from None


def _check_secret(secret_header: str | None, settings) -> WebhookResponse | None:
    expected = app_secret(settings, "telegram_webhook_secret")
    if expected is None or not expected.get_secret_value():
        logger.error("telegram webhook called but TELEGRAM_WEBHOOK_SECRET is not set", extra={"alert": True})
        return WebhookResponse(403, {"error": "webhook not configured"})  # refuse, never a 5xx retry loop
    if not secret_header:
        return WebhookResponse(401, {"error": "missing X-Telegram-Bot-Api-Secret-Token"})
    if not hmac.compare_digest(secret_header.encode("utf-8", "surrogatepass"),
                               expected.get_secret_value().encode("utf-8")):
        logger.warning("telegram webhook: wrong secret token")
        return WebhookResponse(403, {"error": "wrong secret token"})
    return None


def _own_bot_id(settings) -> int | None:
    secret = app_secret(settings, "telegram_bot_token")
    token = secret.get_secret_value() if secret else ""
    head = token.split(":", 1)[0]
    return int(head) if head.isdigit() else None


def _sender_problem(post, settings) -> str | None:
    """Who may post signals. A channel: only its admins can post, so anyone. A group: the provider's
    bot (any bot, or exactly TELEGRAM_SOURCE_SENDER_IDS when set) and anonymous admins; never a human
    member, someone posting as another channel, a forward, or our own bot."""
    user = post.from_user
    own = _own_bot_id(settings)
    if user is not None and own is not None and user.id == own:
        return "our own message"
    if post.chat.type == "channel":
        return None
    allowed = settings.source_sender_ids()
    if post.is_automatic_forward:
        return "automatic forward from a linked channel"
    if post.forward_origin is not None:
        return "forwarded message"
    sender_chat = post.sender_chat
    if sender_chat is not None:
        if sender_chat.id == post.chat.id or sender_chat.id in allowed:
            return None  # an anonymous admin of this group, or an allowed channel
        return "posted on behalf of another chat"
    if user is None:
        return "no sender"
    if allowed:
        return None if user.id in allowed else "sender not in TELEGRAM_SOURCE_SENDER_IDS"
    # No allow-list: in a group any member's bot could pose as the provider, so nothing is trusted.
    # The log names the sender: `verzek telegram provider-id` reads it back for the operator.
    logger.error("source group post refused: TELEGRAM_SOURCE_SENDER_IDS is empty",
                 extra={"alert": True, "chat_id": post.chat.id, "sender_id": user.id, "sender_is_bot": user.is_bot,
                        "sender_username": user.username})
    return NO_SENDER_LIST


NO_SENDER_LIST = "TELEGRAM_SOURCE_SENDER_IDS is empty: set the provider bot's id to accept group posts"


def _remember_refused_sender(post) -> None:
    from verzek.db import connection

    user = post.from_user
    with connection() as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO telegram_source_senders_seen (chat_id, sender_id, username, is_bot) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (chat_id, sender_id) DO UPDATE SET posts = "
                    "telegram_source_senders_seen.posts + 1, last_seen = now(), username = EXCLUDED.username",
                    (post.chat.id, user.id, (user.username or "")[:64] or None, bool(user.is_bot)))


def _dated_in_the_future(post, now: datetime, settings) -> bool:
    """Telegram stamps posts itself: a date beyond a small clock skew is forged or broken."""
    stamped = _utc(post.edit_date or post.date)
    return stamped is not None and stamped > now + timedelta(seconds=settings.telegram_max_clock_skew_seconds)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def handle_webhook(body: bytes | str | None, secret_header: str | None, *, queue=None,
                   now: datetime | None = None) -> WebhookResponse:
    from verzek.config import get_settings

    settings = get_settings()
    refused = _check_secret(secret_header, settings)
    if refused is not None:
        return refused
    try:
        update = parse_update_body(body)
    except _BadRequest as exc:
        return WebhookResponse(400, {"error": str(exc)})
    now = now or datetime.now(UTC)
    from verzek.telegram.userbot import handle_user_update, is_user_bot_update

    # Private chats and `u:` buttons are the bot for users (the operator's own chat stays the review loop's).
    if is_user_bot_update(update) and not _in_operator_chat(update, settings):
        return WebhookResponse(200, handle_user_update(update, queue=queue))
    if update.callback_query is not None:
        return _callback(update, settings, queue=queue, now=now)
    field = next((name for name in POST_FIELDS if getattr(update, name) is not None), None)
    if field is None:
        return _ignored(update.update_id, "update type not handled")
    post = getattr(update, field)
    if settings.telegram_operator_chat_id is not None and post.chat.id == settings.telegram_operator_chat_id:
        if field in EDIT_FIELDS:
            return _ignored(update.update_id, "edited message in the operator chat")
        from verzek.telegram.review import handle_operator_message

        return _once(update.update_id, lambda: handle_operator_message(post, settings, now=now))
    if post.chat.id not in settings.source_chat_ids():
        return _ignored(update.update_id, "chat is not a configured signal source", chat_id=post.chat.id)
    problem = _sender_problem(post, settings)
    if problem:
        if problem == NO_SENDER_LIST and post.from_user is not None:
            _remember_refused_sender(post)
        return _ignored(update.update_id, problem)
    text = post.text or post.caption
    if not text or not text.strip():
        return _ignored(update.update_id, "no text or caption")
    if _dated_in_the_future(post, now, settings):
        logger.warning("telegram post dated in the future refused", extra={"update_id": update.update_id,
                                                                            "chat_id": post.chat.id})
        return _ignored(update.update_id, "post dated in the future")
    return _process(update.update_id, post, text, edited=field in EDIT_FIELDS, queue=queue, now=now)


def _in_operator_chat(update, settings) -> bool:
    message = update.message or (update.callback_query.message if update.callback_query else None)
    operator = settings.telegram_operator_chat_id
    return operator is not None and message is not None and message.chat.id == operator


def _ignored(update_id: int, reason: str, *, chat_id: int | None = None) -> WebhookResponse:
    # The chat id in the log is how an operator finds the id of a new source channel.
    logger.info("telegram update ignored", extra={"update_id": update_id, "reason": reason, "chat_id": chat_id})
    return WebhookResponse(200, {"ok": True, "ignored": reason})


def _seen(update_id: int) -> bool:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT 1 FROM telegram_updates_seen WHERE update_id = %s", (update_id,))
        return cur.fetchone() is not None


def _mark_seen(update_id: int) -> None:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO telegram_updates_seen (update_id) VALUES (%s) ON CONFLICT DO NOTHING",
                    (update_id,))


def _once(update_id: int, work) -> WebhookResponse:
    """Run `work` for an update not seen before, then remember it (last: a crash before makes Telegram retry, and
    every step is idempotent)."""
    if _seen(update_id):
        return WebhookResponse(200, {"ok": True, "duplicate": True})
    result = work()
    _mark_seen(update_id)
    logger.info("telegram update processed", extra={"update_id": update_id, **result})
    return WebhookResponse(200, {"ok": True, **result})


def _callback(update, settings, *, queue, now: datetime) -> WebhookResponse:
    """An inline button. Routed by callback-data prefix: `rv:` is the operator review loop (operator chat only).
    Every callback query is answered, so Telegram stops showing the spinner."""
    from verzek.telegram import review

    query = update.callback_query
    if review.is_review_callback(query.data) and settings.telegram_operator_chat_id is not None:
        return _once(update.update_id, lambda: review.handle_callback(query, settings, queue=queue, now=now))

    # Nobody handles this button: answer it (nothing is stored, so a redelivery only answers again).
    review.operator_chat(settings).respond(callback_query_id=query.id, answer="This button is no longer active.")
    return _ignored(update.update_id, "callback not handled")


def _process(update_id: int, post, text: str, *, edited: bool, queue, now: datetime) -> WebhookResponse:
    if _seen(update_id):
        return WebhookResponse(200, {"ok": True, "duplicate": True})
    parsed = _with_source_hints(_parse(text), post.chat.id)
    context = _PostContext(update_id=update_id, chat_id=post.chat.id, message_id=post.message_id, text=text,
                           posted_at=_utc(post.edit_date if edited and post.edit_date else post.date),
                           original_posted_at=_utc(post.date),
                           reply_to=post.reply_to_message.message_id if post.reply_to_message else None)
    if edited:
        result = _handle_edit(parsed, context, queue=queue, now=now)
    else:
        result = _handle_post(parsed, context, queue=queue, now=now)
    _maybe_review(parsed, context, result, now=now)  # (an edit of a stored signal is an "edit": never re-reviewed)
    # Marked last: a crash before this line makes Telegram retry, and every step above is idempotent.
    _mark_seen(update_id)
    logger.info("telegram update processed", extra={"update_id": update_id, "chat_id": context.chat_id,
                                                    "message_id": context.message_id, **result})
    return WebhookResponse(200, {"ok": True, **result})


@dataclass(frozen=True)
class _PostContext:
    update_id: int
    chat_id: int
    message_id: int
    text: str
    posted_at: datetime | None
    original_posted_at: datetime | None
    reply_to: int | None


def _maybe_review(parsed, ctx: _PostContext, result: dict, *, now: datetime) -> None:
    """Held, rejected, or unrecognised-but-signal-like posts go to the operator chat (when one is configured)."""
    from verzek.config import get_settings

    if get_settings().telegram_operator_chat_id is None:
        return
    from verzek.telegram.review import open_review, review_reason

    reason = review_reason(ctx.text, parsed, result)
    if reason is None:
        return
    review_id = open_review(chat_id=ctx.chat_id, message_id=ctx.message_id, text=ctx.text, reason=reason,
                            signal_id=result.get("signal_id"), posted_at=ctx.posted_at, now=now)
    if review_id is not None:
        result["review_id"] = review_id


def _parse(text: str):
    from verzek.domain.signals import MessageKind, ParsedMessage
    from verzek.parsing import parse_message

    try:
        return parse_message(text)
    except Exception as exc:  # noqa: BLE001 -- the parser is total; a bug there must not make Telegram retry forever
        logger.exception("parser failure", extra={"error_type": type(exc).__name__})
        return ParsedMessage(kind=MessageKind.NOT_A_SIGNAL, reason=f"parser failure: {type(exc).__name__}")


def _with_source_hints(parsed, chat_id: int):
    from verzek.db import connection
    from verzek.signals.source_hints import apply_hints, get_hints

    if parsed.kind.value != "open":
        return parsed
    with connection() as conn, conn.cursor() as cur:
        return apply_hints(parsed, get_hints(cur, chat_id))


def signal_from_parsed(parsed, *, chat_id: int, message_id: int, posted_at: datetime | None, raw_text: str):
    """A VIP `Signal` from a parsed `open`, or (None, why) when it cannot even be stored."""
    from verzek.domain.signals import EntryType, Signal, SignalSource, unified_symbol
    from verzek.signals.ingest import MAX_LEVERAGE_STORED

    if not parsed.symbol or parsed.side is None:
        return None, parsed.rejected or "no coin or side"
    rejected = parsed.rejected
    leverage = parsed.leverage
    meta: dict[str, Any] = {}
    if leverage is not None and not (1 <= leverage <= MAX_LEVERAGE_STORED):
        meta["stated_leverage"] = leverage
        leverage = None
        rejected = rejected or f"leverage {parsed.leverage}x is out of range"
    if parsed.notes:
        meta["notes"] = list(parsed.notes)
    if parsed.provenance:
        meta["provenance"] = dict(parsed.provenance)
    entry_type = parsed.entry_type or (EntryType.LIMIT if parsed.entries else EntryType.MARKET)
    signal = Signal(source=SignalSource.VIP, symbol=unified_symbol(parsed.symbol, parsed.market), side=parsed.side,
                    entry_type=entry_type, entries=tuple(parsed.entries), targets=tuple(parsed.targets),
                    stop_loss=parsed.stop_loss, stop_loss_pct=parsed.stop_loss_pct,
                    market=parsed.market, leverage=leverage,
                    margin_mode=parsed.margin_mode, raw_text=raw_text, provider_chat_id=chat_id,
                    provider_message_id=message_id, posted_at=posted_at, rejected=rejected, meta=meta)
    return signal, None


def _ingest_open(parsed, ctx: _PostContext, *, queue, now) -> dict:
    from verzek.signals import SignalInputError, ingest_signal

    signal, why = signal_from_parsed(parsed, chat_id=ctx.chat_id, message_id=ctx.message_id,
                                     posted_at=ctx.posted_at, raw_text=ctx.text)
    if signal is None:
        return {"action": "not_stored", "reason": why}
    from verzek.signals.market_check import current_market, hold_if_off_market

    signal = hold_if_off_market(signal, parsed, current_market())
    try:
        result = ingest_signal(signal, queue=queue, now=now)
    except SignalInputError as exc:
        return {"action": "not_stored", "reason": str(exc)}
    return {"action": "signal", "signal_id": result.signal_id, "new": result.created, "status": result.status,
            "rejected_reason": result.rejected_reason, "jobs": result.jobs_enqueued}


def find_linked_signal(chat_id: int, *, reply_to: int | None, symbol: str | None,
                       side: str | None) -> tuple[int | None, str]:
    """The signal an update refers to: the post it replies to (or the update that post replied to);
    otherwise the latest open signal of the same symbol (and side, when stated) from the same chat."""
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        if reply_to is not None:
            cur.execute("SELECT id FROM signals WHERE provider_chat_id = %s AND provider_message_id = %s",
                        (chat_id, reply_to))
            row = cur.fetchone()
            if row:
                return row["id"], "reply"
            cur.execute("SELECT e.signal_id AS id FROM signal_events e JOIN signals s ON s.id = e.signal_id "
                        "WHERE s.provider_chat_id = %s AND e.provider_message_id = %s ORDER BY e.id DESC LIMIT 1",
                        (chat_id, reply_to))
            row = cur.fetchone()
            if row:
                return row["id"], "reply_to_update"
        if symbol:
            cur.execute(
                """
                SELECT id FROM signals
                WHERE provider_chat_id = %s AND split_part(symbol, ':', 1) = %s AND status IN ('open', 'stale')
                  AND (%s::text IS NULL OR side = %s)
                ORDER BY id DESC LIMIT 1
                """, (chat_id, symbol, side, side))
            row = cur.fetchone()
            if row:
                return row["id"], "symbol"
    return None, "no matching signal"


def _apply_parsed_update(parsed, ctx: _PostContext, *, dedupe_key: str, queue, now,
                         signal_id: int | None = None) -> dict:
    from verzek.domain.signals import UpdateAction
    from verzek.signals import SignalInputError, apply_update, update_from_parsed

    side = parsed.side.value if parsed.side else None
    if parsed.also_symbols and signal_id is None:
        # "Close both #ETH and #SOL": each coin's signal, linked by its symbol (a reply names one post, the text several)
        results = [_apply_parsed_update(replace(parsed, symbol=symbol, also_symbols=()),
                                        replace(ctx, reply_to=None), queue=queue, now=now,
                                        dedupe_key=dedupe_key if n == 0 else f"{dedupe_key}:{symbol}")
                   for n, symbol in enumerate((parsed.symbol, *parsed.also_symbols))]
        first = next((r for r in results if r["action"] == "update"), results[0])
        return {**first, "coins": [{"symbol": symbol, **r} for symbol, r in
                                   zip((parsed.symbol, *parsed.also_symbols), results, strict=True)]}
    how = "edited post"
    if signal_id is None:
        signal_id, how = find_linked_signal(ctx.chat_id, reply_to=ctx.reply_to, symbol=parsed.symbol, side=side)
    if signal_id is None:
        return {"action": "unlinked_update", "reason": how}
    try:
        update = update_from_parsed(parsed, raw_text=ctx.text, provider_message_id=ctx.message_id,
                                    dedupe_key=dedupe_key)
        result = apply_update(signal_id, update, queue=queue, now=now)
        # ("TP1 ✅ take half, SL to entry"): each further change is an event of its own, keyed by the post and the
        # change, so a redelivered post applies none of them twice
        # (a share closed beside a target hit, "TP1 ✅ take half", is the user's own TP ladder's: not sold again)
        share = None if parsed.update_action == UpdateAction.TP_HIT or parsed.target_index is not None \
            else parsed.close_fraction
        also = [apply_update(signal_id, update_from_parsed(
                    replace(parsed, update_action=action, also_actions=(), target_index=None, close_fraction=share),
                    raw_text=ctx.text,
                    provider_message_id=ctx.message_id, dedupe_key=f"{dedupe_key}:{action.value}"), queue=queue, now=now)
                for action in parsed.also_actions]
    except SignalInputError as exc:
        return {"action": "not_stored", "reason": str(exc)}
    answer = {"action": "update", "signal_id": signal_id, "linked_by": how, "event_id": result.event_id,
              "kind": update.kind, "new": result.created, "jobs": result.jobs_enqueued}
    if also:
        answer["also"] = [{"event_id": r.event_id, "action": a.value, "new": r.created, "jobs": r.jobs_enqueued}
                          for a, r in zip(parsed.also_actions, also, strict=True)]
    return answer


def _handle_post(parsed, ctx: _PostContext, *, queue, now) -> dict:
    from verzek.domain.signals import MessageKind

    if parsed.kind == MessageKind.OPEN:
        return _ingest_open(parsed, ctx, queue=queue, now=now)
    if parsed.kind in (MessageKind.UPDATE, MessageKind.CLOSE):
        return _apply_parsed_update(parsed, ctx, dedupe_key=f"tg:{ctx.chat_id}:{ctx.message_id}", queue=queue,
                                    now=now)
    return {"action": "not_a_signal", "reason": parsed.reason}


def _handle_edit(parsed, ctx: _PostContext, *, queue, now) -> dict:
    """An edited post: of a stored signal (apply or log), of an update message, or of something else."""
    from verzek.db import connection
    from verzek.domain.signals import MessageKind
    from verzek.signals import SignalInputError, SignalUpdate, apply_edit, apply_update

    edit_key = f"tgupd:{ctx.update_id}"
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM signals WHERE provider_chat_id = %s AND provider_message_id = %s",
                    (ctx.chat_id, ctx.message_id))
        row = cur.fetchone()
        signal_id = row["id"] if row else None
        if signal_id is None:
            cur.execute("SELECT signal_id FROM signal_events e JOIN signals s ON s.id = e.signal_id "
                        "WHERE s.provider_chat_id = %s AND e.provider_message_id = %s LIMIT 1",
                        (ctx.chat_id, ctx.message_id))
            event = cur.fetchone()
    if signal_id is None:
        if event is not None and parsed.kind in (MessageKind.UPDATE, MessageKind.CLOSE):
            # An update message was corrected ("TP1" -> "TP2"): the corrected update is a new event.
            return _apply_parsed_update(parsed, ctx, dedupe_key=edit_key, queue=queue, now=now,
                                        signal_id=event["signal_id"])
        if event is not None:
            return {"action": "ignored", "reason": "edit of an update message that is no longer an update"}
        # Not stored before (e.g. it only became a signal with this edit): a new post as of the edit time.
        return _handle_post(parsed, ctx, queue=queue, now=now)
    if parsed.kind == MessageKind.OPEN:
        signal, why = signal_from_parsed(parsed, chat_id=ctx.chat_id, message_id=ctx.message_id,
                                         posted_at=ctx.original_posted_at, raw_text=ctx.text)
        if signal is not None:
            try:
                result = apply_edit(signal_id, signal, queue=queue, now=now, update_key=edit_key)
            except SignalInputError as exc:
                why = str(exc)
            else:
                return {"action": "edit", "signal_id": signal_id, "applied": result.applied,
                        "status": result.status, "jobs": result.jobs_enqueued}
        reason = f"edited text cannot be stored as a signal: {why}"
    elif parsed.kind in (MessageKind.UPDATE, MessageKind.CLOSE):
        # The provider edited the signal post itself into "cancelled" / "closed" / "TP1 hit".
        return _apply_parsed_update(parsed, ctx, dedupe_key=edit_key, queue=queue, now=now, signal_id=signal_id)
    else:
        reason = "edited text is no longer a signal"
    result = apply_update(signal_id, SignalUpdate(kind="edit_ignored", raw_text=ctx.text,
                                                  provider_message_id=ctx.message_id, dedupe_key=edit_key,
                                                  data={"reason": reason}), queue=queue, now=now)
    return {"action": "edit", "signal_id": signal_id, "applied": False, "reason": reason}
