"""The operator review loop (#15 item 4): a source post that was held for review, rejected, or not recognised but
looks like a signal is shown in the operator chat (TELEGRAM_OPERATOR_CHAT_ID) with what was parsed — every field with
the label or rule that set it — and inline buttons: Trade as parsed / Ignore / Edit.

- **Edit**: the operator replies to the review message with the corrected text; it is parsed (with the source's
  hints and the market-price check, exactly like a post) and shown again as a new revision for confirmation.
- **Trade**: applies the current revision through the one ingest path (`apply_edit` for a stored signal, which
  re-runs the safety rules and the staleness guard; `ingest_signal` for a post that was never stored). Only holds
  ("held for review: ...") can be lifted by an operator; an inconsistent parse (stop above a long's entry, several
  coins...) is never offered for trading as is — it needs an Edit.
- **Idempotent**: the review row is locked while a decision is applied; a second tap, or a redelivered callback
  query, finds it decided and only answers. The trade itself is keyed (`review-<id>-<revision>`), so a retry after a
  crash finishes the work instead of repeating it. Buttons carry the revision: a tap on an older message is refused.
- **Authorised operators only** (TELEGRAM_OPERATOR_USER_IDS, in the operator chat); every decision, correction and
  refusal writes an `audit_log` row (who, what, when, before/after).
- **Expiry**: a review expires with its post, after SIGNAL_MAX_AGE_SECONDS (the staleness limit): the buttons then
  answer "expired" and nothing trades.

Every callback query is answered (Telegram shows a spinner until then). Messages to the operator chat go through the
notifications outbox (kind `operator_review`); answers and the edit of a decided review message are sent at once
through the `OperatorChat` port (the Bot API, or the console on a local stack without a bot token).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from html import escape as _escape
from typing import Any, Protocol

from verzek.observability import logger

CALLBACK_PREFIX = "rv"
ACTIONS = {"t": "trade", "i": "ignore", "e": "edit"}
_CALLBACK_RE = re.compile(r"^rv:(\d{1,18}):(\d{1,6}):([tie])$")
MAX_ANSWER_CHARS = 200  # Telegram's limit for answerCallbackQuery text
MAX_CORRECTION_CHARS = 4096


@dataclass(frozen=True)
class Operator:
    user_id: int
    name: str | None = None

    def as_dict(self) -> dict:
        return {"telegram_user_id": self.user_id, "name": self.name}


@dataclass(frozen=True)
class Decision:
    answer: str  # the callback query's answer (a short toast)
    status: str  # the review's status afterwards (or "unknown")
    review_id: int | None = None
    close_message: bool = False  # replace the review message's buttons with the outcome line
    alert: bool = False


def escape(text: str) -> str:
    return _escape(text, quote=False)  # message text, not attributes: quotes stay readable


def callback_data(review_id: int, revision: int, action: str) -> str:
    return f"{CALLBACK_PREFIX}:{review_id}:{revision}:{action[0]}"


def parse_callback_data(data: str | None) -> tuple[int, int, str] | None:
    match = _CALLBACK_RE.match(data or "")
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), ACTIONS[match.group(3)]


def is_review_callback(data: str | None) -> bool:
    return isinstance(data, str) and data.startswith(CALLBACK_PREFIX + ":")


# ----------------------------------------------------------------------------------------------
# what an operator sees: the parse of a text, with provenance and problems


HELD_PREFIX = "held for review: "


def _problems(reason: str | None) -> list[str]:
    return [part.strip() for part in (reason or "").split("; ") if part.strip()]


def only_holds(reason: str | None) -> bool:
    """Every problem is a hold an operator may lift (a weak rule, the market-price check)."""
    return all(p.startswith(HELD_PREFIX) for p in _problems(reason))


@dataclass(frozen=True)
class Assessment:
    view: dict[str, Any]
    tradable: bool
    signal: Any = None  # the Signal to ingest when tradable (holds lifted)


def assess(text: str, *, chat_id: int, message_id: int, posted_at: datetime | None, market=None) -> Assessment:
    """Parse `text` as a post of `chat_id` exactly as the webhook does (source hints, market-price check) and say
    whether an operator may trade it: a stored `Signal` whose only problems are holds, and consistent levels."""
    from verzek.domain.signals import MessageKind
    from verzek.signals.ingest import tradability_problems
    from verzek.signals.market_check import hold_if_off_market
    from verzek.telegram.webhook import _parse, _with_source_hints, signal_from_parsed

    parsed = _with_source_hints(_parse(text), chat_id)
    if parsed.kind != MessageKind.OPEN:
        why = parsed.reason or f"a {parsed.kind.value} message, not a new trade"
        if parsed.kind in (MessageKind.UPDATE, MessageKind.CLOSE):
            why = f"read as a {parsed.kind.value}, not a new trade"
        return Assessment(view_of(parsed, why), False)
    signal, why = signal_from_parsed(parsed, chat_id=chat_id, message_id=message_id, posted_at=posted_at,
                                     raw_text=text)
    if signal is None:
        return Assessment(view_of(parsed, why), False)
    signal = hold_if_off_market(signal, parsed, market)
    cleared = replace(signal, rejected=None)
    hard = [] if signal.rejected is None else [p for p in _problems(signal.rejected) if not p.startswith(HELD_PREFIX)]
    hard += tradability_problems(cleared) if not hard else []
    view = view_of(parsed, "; ".join(dict.fromkeys(_problems(signal.rejected) + hard)) or None)
    return Assessment(view, not hard, cleared if not hard else None)


def view_of(parsed, reason: str | None) -> dict[str, Any]:
    def num(value):
        return None if value is None else str(value.normalize())

    return {"kind": parsed.kind.value, "symbol": parsed.symbol, "side": parsed.side.value if parsed.side else None,
            "market": parsed.market.value if parsed.market else None, "leverage": parsed.leverage,
            "entry_type": parsed.entry_type.value if parsed.entry_type else None,
            "entries": [num(v) for v in parsed.entries], "targets": [num(v) for v in parsed.targets],
            "stop_loss": num(parsed.stop_loss), "provenance": dict(parsed.provenance), "problems": _problems(reason)}


def review_reason(text: str, parsed, result: dict) -> str | None:
    """Why a processed source post needs an operator, or None (traded, stale, an update, chat...)."""
    from verzek.parsing.triage import looks_like_signal

    action = result.get("action")
    if action == "signal" and result.get("status") == "rejected":
        return result.get("rejected_reason") or "rejected"
    if action == "not_stored":
        return f"not stored: {result.get('reason')}"
    if action == "not_a_signal" and looks_like_signal(text, parsed.reason):
        return f"not recognised: {parsed.reason}"
    return None


# ----------------------------------------------------------------------------------------------
# opening a review (called by the webhook after a source post was processed)


def open_review(*, chat_id: int, message_id: int, text: str, reason: str, signal_id: int | None,
                posted_at: datetime | None, now: datetime, market=None) -> int | None:
    """Store the review and queue its message to the operator chat (once per source post)."""
    from verzek.config import get_settings
    from verzek.db import connection
    from verzek.notify.outbox import enqueue
    from verzek.telegram import review_store as store

    settings = get_settings()
    if settings.telegram_operator_chat_id is None:
        return None
    assessment = assess(text, chat_id=chat_id, message_id=message_id, posted_at=posted_at, market=market)
    expires_at = (posted_at or now) + timedelta(seconds=settings.signal_max_age_seconds)
    if expires_at <= now:
        return None  # too old to trade anyway: the review could only expire
    with connection() as conn, conn.cursor() as cur:
        review_id = store.insert_review(cur, chat_id=chat_id, message_id=message_id, signal_id=signal_id,
                                        raw_text=text, reason=reason, view=assessment.view,
                                        tradable=assessment.tradable, posted_at=posted_at, expires_at=expires_at)
        if review_id is None:
            return None
        _queue_review_message(cur, review_id, 1, settings.telegram_operator_chat_id, now, enqueue)
    _nudge(review_id, 1)
    logger.info("operator review opened", extra={"review_id": review_id, "chat_id": chat_id,
                                                 "message_id": message_id, "reason": reason})
    return review_id


def _queue_review_message(cur, review_id: int, revision: int, operator_chat: int, now: datetime, enqueue) -> None:
    enqueue(cur, channel="telegram", target=str(operator_chat), kind="operator_review",
            payload={"review_id": review_id, "revision": revision}, dedupe_key=f"review-{review_id}-{revision}",
            not_before=now)


def _nudge(review_id: int, revision: int) -> None:
    from verzek.queue import nudge_dispatcher

    nudge_dispatcher(f"review-{review_id}-{revision}")


# ----------------------------------------------------------------------------------------------
# rendering (HTML for the operator chat)


def keyboard(review: dict) -> dict:
    """Inline keyboard of the current revision (Trade only when the parse may be traded)."""
    rid, rev = review["id"], review["revision"]
    trade = "✅ Trade as parsed" if rev == 1 else "✅ Trade as corrected"
    row = [{"text": trade, "callback_data": callback_data(rid, rev, "trade")}] if review["tradable"] else []
    row += [{"text": "🚫 Ignore", "callback_data": callback_data(rid, rev, "ignore")},
            {"text": "✏️ Edit", "callback_data": callback_data(rid, rev, "edit")}]
    return {"inline_keyboard": [row]}


def render_review(review: dict, *, footer: str | None = None) -> str:
    view = review["view"] or {}
    prov = view.get("provenance") or {}
    rev = review["revision"]
    head = (f"🔎 <b>Review #{int(review['id'])}</b> · source post {int(review['source_message_id'])} in chat "
            f"{int(review['source_chat_id'])}")
    if rev > 1:
        head += f"\n✏️ <b>Correction {rev - 1}</b> (revision {rev}): confirm before it trades"
    lines = [head, f"<b>Why:</b> {escape(str(review['reason']))[:600]}", "", "<b>Parsed</b> (field — where it came from):"]

    def field(label: str, key: str, value) -> None:
        if value in (None, [], ""):
            return
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        source = prov.get(key)
        lines.append(f"• {label}: <code>{escape(shown)}</code>" + (f" — <i>{escape(source)}</i>" if source else ""))

    if view.get("kind") != "open":
        lines.append(f"• kind: <code>{escape(str(view.get('kind')))}</code>")
    field("coin", "symbol", view.get("symbol"))
    field("side", "side", view.get("side"))
    field("entries", "entries", view.get("entries") or (view.get("entry_type") == "market" and "market") or None)
    field("targets", "targets", view.get("targets"))
    field("stop", "stop_loss", view.get("stop_loss"))
    field("leverage", "leverage", f"{view['leverage']}x" if view.get("leverage") else None)
    field("market", "market", view.get("market"))
    problems = view.get("problems") or []
    if problems:
        lines.append("<b>Problems:</b>")
        lines.extend(f"• {escape(p)[:300]}" for p in problems[:8])
    lines.append("")
    lines.append("<b>Text:</b>")
    lines.append(f"<pre>{escape(str(review['text']))[:1500]}</pre>")
    expires = review["expires_at"].astimezone(UTC).strftime("%H:%M:%S UTC")
    if footer:
        lines.append(footer)
    elif review["tradable"]:
        lines.append(f"Trade, ignore, or reply to this message with the corrected text. Expires {expires}.")
    else:
        lines.append(f"Not tradable as parsed: reply to this message with the corrected text, or ignore. "
                     f"Expires {expires}.")
    return "\n".join(lines)[:4096]


def outbox_message(payload: dict) -> tuple[str, dict, int, int] | None:
    """The dispatcher's view of an `operator_review` row: (html, keyboard, review_id, revision), or None when the
    message is no longer worth sending (decided, expired, superseded by a newer correction)."""
    from verzek.db import connection
    from verzek.telegram import review_store as store

    review_id, revision = int(payload["review_id"]), int(payload["revision"])
    with connection() as conn, conn.cursor() as cur:
        review = store.get_review(cur, review_id)
    if review is None or review["status"] != "pending" or review["revision"] != revision:
        return None
    if review["expires_at"] <= datetime.now(UTC):
        return None
    return render_review(review), keyboard(review), review_id, revision


def remember_sent(chat_id: int, message_id: int, review_id: int, revision: int) -> None:
    from verzek.db import connection
    from verzek.telegram import review_store as store

    with connection() as conn, conn.cursor() as cur:
        store.remember_message(cur, chat_id=chat_id, message_id=message_id, review_id=review_id, revision=revision)


# ----------------------------------------------------------------------------------------------
# decisions


def _who(operator: Operator) -> str:
    return f"@{operator.name}" if operator.name else f"operator {operator.user_id}"


def _signal_levels(row: dict | None) -> dict | None:
    if row is None:
        return None
    from verzek.signals.ingest import _levels

    return {"status": row["status"], "rejected_reason": row["rejected_reason"], **_levels(row)}


def decide(review_id: int, revision: int, action: str, operator: Operator, *, queue=None,
           now: datetime | None = None) -> Decision:
    """Apply an operator's button (trade / ignore / edit) once. See the module doc for the rules."""
    from verzek.db import connection
    from verzek.telegram import review_store as store

    now = now or datetime.now(UTC)
    if action == "edit":
        return Decision("Reply to the review message with the corrected text: it is parsed and shown again "
                        "for confirmation.", "pending", review_id, alert=True)
    with connection() as conn, conn.cursor() as cur:
        review = store.get_review(cur, review_id, lock=True)  # held until this decision commits
        if review is None:
            return Decision("This review does not exist.", "unknown")
        if review["status"] != "pending":
            who = review["decided_by_name"] or review["decided_by"]
            by = f" by {'@' + who if isinstance(who, str) else who}" if who else ""
            return Decision(f"Already {review['status']}{by}.", review["status"], review_id)
        if review["expires_at"] <= now:
            store.set_decision(cur, review_id, status="expired", operator_id=None, operator_name=None, now=now,
                               outcome={"tapped_by": operator.as_dict(), "action": action})
            store.audit(cur, "operator_review_expired", {"review_id": review_id, "operator": operator.as_dict(),
                                                         "action": action, "expired_at": review["expires_at"]},
                        now=now)
            return Decision("Expired: the post is older than the staleness limit. Nothing was traded.", "expired",
                            review_id, close_message=True, alert=True)
        if revision != review["revision"]:
            return Decision(f"Outdated: this is revision {revision}; use the latest message "
                            f"(revision {review['revision']}).", "pending", review_id, alert=True)
        before = _signal_levels(store.signal_row(cur, review["signal_id"])) if review["signal_id"] else None
        if action == "ignore":
            store.set_decision(cur, review_id, status="ignored", operator_id=operator.user_id,
                               operator_name=operator.name, now=now, outcome=None)
            store.audit(cur, "operator_review_ignored",
                        {"review_id": review_id, "revision": revision, "operator": operator.as_dict(),
                         "signal_id": review["signal_id"], "before": before, "after": before}, now=now)
            return Decision("Ignored. Nothing was traded.", "ignored", review_id, close_message=True)
        # trade
        if not review["tradable"]:
            return Decision("This parse cannot be traded as is: reply with the corrected text.", "pending",
                            review_id, alert=True)
        changed = _changed_since_review(cur, review)
        if changed:
            store.set_decision(cur, review_id, status="refused", operator_id=operator.user_id,
                               operator_name=operator.name, now=now, outcome={"reason": changed})
            store.audit(cur, "operator_review_refused",
                        {"review_id": review_id, "revision": revision, "operator": operator.as_dict(),
                         "why": changed, "signal_id": review["signal_id"], "before": before, "after": before},
                        now=now)
            return Decision(f"Not traded: {changed}."[:MAX_ANSWER_CHARS], "refused", review_id, close_message=True,
                            alert=True)
        outcome = _trade(review, operator, queue=queue, now=now)
        signal_id = outcome["signal_id"]
        after = _signal_levels(store.signal_row(cur, signal_id)) if signal_id else None
        traded = outcome["status"] == "open"
        status = "traded" if traded else ("expired" if outcome["status"] == "stale" else "refused")
        store.set_decision(cur, review_id, status=status, operator_id=operator.user_id, operator_name=operator.name,
                           now=now, outcome=outcome)
        store.audit(cur, f"operator_review_{status}",
                    {"review_id": review_id, "revision": revision, "operator": operator.as_dict(),
                     "signal_id": signal_id, "text": review["text"], "before": before, "after": after}, now=now)
        if signal_id:
            store.note_review_on_signal(cur, signal_id, {"review_id": review_id, "revision": revision,
                                                         "decided_by": operator.as_dict(), "at": now.isoformat()})
    logger.info("operator review decided", extra={"review_id": review_id, "status": status,
                                                  "signal_id": signal_id, "operator_id": operator.user_id})
    if traded:
        return Decision(f"Traded: signal #{signal_id} is open ({outcome['jobs']} job(s)).", status, review_id,
                        close_message=True)
    if status == "expired":
        return Decision("Expired while deciding: the signal is stale. Nothing was traded.", status, review_id,
                        close_message=True, alert=True)
    return Decision(f"Not traded: {outcome.get('reason') or outcome['status']}"[:MAX_ANSWER_CHARS], status,
                    review_id, close_message=True, alert=True)


def _changed_since_review(cur, review: dict) -> str | None:
    """The post's signal moved on without this review (the provider edited it into a valid signal, or it was stored
    since): trading the review's parse now would overwrite it. A trade of this very review (a retry after a crash)
    is not a change."""
    key = f"review-{review['id']}-{review['revision']}"
    if review["signal_id"] is not None:
        cur.execute("SELECT s.status, EXISTS (SELECT 1 FROM signal_events e WHERE e.dedupe_key = %s) AS ours "
                    "FROM signals s WHERE s.id = %s", (key, review["signal_id"]))
    else:
        cur.execute("SELECT status, (meta->>'review_id') = %s AS ours FROM signals "
                    "WHERE provider_chat_id = %s AND provider_message_id = %s",
                    (str(review["id"]), review["source_chat_id"], review["source_message_id"]))
    row = cur.fetchone()
    if row is None or row["ours"] or (review["signal_id"] is not None and row["status"] == "rejected"):
        return None
    return f"the post's signal is {row['status']} since this review was opened (edited by the provider?)"


def _trade(review: dict, operator: Operator, *, queue, now: datetime) -> dict:
    """The current revision through the one ingest path; idempotent (keyed by review and revision)."""
    from verzek.db import connection
    from verzek.signals import SignalInputError, apply_edit, ingest_signal
    from verzek.signals.market_check import current_market

    assessment = assess(review["text"], chat_id=review["source_chat_id"], message_id=review["source_message_id"],
                        posted_at=review["posted_at"],
                        market=current_market() if review["revision"] > 1 else None)
    signal = assessment.signal
    if signal is None:  # the parser changed between showing and deciding: never trade what was not shown
        return {"signal_id": review["signal_id"], "status": "rejected", "jobs": 0,
                "reason": "; ".join(assessment.view.get("problems") or ["no longer parses as a tradable open"])}
    signal = replace(signal, meta={**signal.meta, "review_id": review["id"]})
    try:
        if review["signal_id"] is not None:
            result = apply_edit(review["signal_id"], signal, queue=queue, now=now,
                                update_key=f"review-{review['id']}-{review['revision']}")
            jobs = result.jobs_enqueued
            signal_id = review["signal_id"]
        else:
            result = ingest_signal(signal, queue=queue, now=now)
            jobs, signal_id = result.jobs_enqueued, result.signal_id
    except SignalInputError as exc:
        return {"signal_id": review["signal_id"], "status": "rejected", "jobs": 0, "reason": str(exc)}
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT status, rejected_reason FROM signals WHERE id = %s", (signal_id,))
        row = cur.fetchone()
    return {"signal_id": signal_id, "status": row["status"], "jobs": jobs, "reason": row["rejected_reason"]}


def propose_correction(review_id: int, text: str, operator: Operator, *, reply_chat_id: int, reply_message_id: int,
                       now: datetime | None = None) -> Decision:
    """The operator replied to a review message with corrected text: parse it, store it as the next revision and
    show it for confirmation. A redelivered reply (same chat and message id) changes nothing."""
    from verzek.config import get_settings
    from verzek.db import connection
    from verzek.notify.outbox import enqueue
    from verzek.signals.market_check import current_market
    from verzek.telegram import review_store as store

    now = now or datetime.now(UTC)
    text = text.strip()[:MAX_CORRECTION_CHARS]
    with connection() as conn, conn.cursor() as cur:
        review = store.get_review(cur, review_id, lock=True)
        if review is None:
            return Decision("This review does not exist.", "unknown")
        if review["status"] != "pending":
            return Decision(f"Review #{review_id} is already {review['status']}.", review["status"], review_id)
        if review["expires_at"] <= now:
            return Decision(f"Review #{review_id} expired: nothing was traded.", "expired", review_id)
        revision = review["revision"] + 1
        if not store.remember_message(cur, chat_id=reply_chat_id, message_id=reply_message_id, review_id=review_id,
                                      revision=revision, from_bot=False):
            return Decision("Correction already received.", review["status"], review_id)
        assessment = assess(text, chat_id=review["source_chat_id"], message_id=review["source_message_id"],
                            posted_at=review["posted_at"], market=current_market())
        store.set_revision(cur, review_id, revision=revision, text=text, view=assessment.view,
                           tradable=assessment.tradable)
        store.audit(cur, "operator_review_corrected",
                    {"review_id": review_id, "revision": revision, "operator": operator.as_dict(),
                     "before": {"text": review["text"], "view": review["view"]},
                     "after": {"text": text, "view": assessment.view}}, now=now)
        _queue_review_message(cur, review_id, revision, get_settings().telegram_operator_chat_id, now, enqueue)
    _nudge(review_id, revision)
    return Decision(f"Correction {revision - 1} parsed: confirm it on the new message.", "pending", review_id)


def expire_due(*, now: datetime | None = None, limit: int = 50, chat: OperatorChat | None = None) -> int:
    """Reviews nobody decided before the staleness limit: marked expired (audited) and their live message shows it,
    without buttons. Run by the dispatcher's schedule; a tap that comes first expires the review the same way."""
    from verzek.config import get_settings
    from verzek.db import connection
    from verzek.telegram import review_store as store

    now = now or datetime.now(UTC)
    with connection() as conn, conn.cursor() as cur:
        due = store.claim_expired(cur, now, limit)
        if not due:
            return 0
        for review in due:
            store.set_decision(cur, review["id"], status="expired", operator_id=None, operator_name=None, now=now,
                               outcome={"reason": "no decision before the staleness limit"})
            store.audit(cur, "operator_review_expired", {"review_id": review["id"], "operator": None,
                                                         "expired_at": review["expires_at"],
                                                         "signal_id": review["signal_id"]}, now=now)
        messages = store.latest_bot_messages(cur, [r["id"] for r in due])
    chat = chat or operator_chat(get_settings())
    for review in due:
        shown = messages.get(review["id"])
        if shown is not None:
            footer = (f"⌛ <b>EXPIRED</b> at {now.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%S UTC')}: no decision "
                      "before the staleness limit. Nothing was traded.")
            chat.respond(callback_query_id=None, answer=None, chat_id=shown["chat_id"],
                         message_id=shown["message_id"], html=render_review(review, footer=footer))
    logger.info("operator reviews expired", extra={"count": len(due)})
    return len(due)


# ----------------------------------------------------------------------------------------------
# the Telegram side: callback queries and replies in the operator chat


class OperatorChat(Protocol):
    def respond(self, *, callback_query_id: str | None, answer: str | None, alert: bool = False,
                chat_id: int | None = None, message_id: int | None = None, html: str | None = None) -> None: ...


class BotOperatorChat:
    """answerCallbackQuery and editMessageText through python-telegram-bot (errors logged, never raised: the
    decision is already committed and a retried update would only answer again)."""

    def __init__(self, settings) -> None:
        self.settings = settings

    def respond(self, *, callback_query_id=None, answer=None, alert=False, chat_id=None, message_id=None,
                html=None) -> None:
        import asyncio

        asyncio.run(self._respond(callback_query_id, answer, alert, chat_id, message_id, html))

    async def _respond(self, callback_query_id, answer, alert, chat_id, message_id, html) -> None:
        from telegram.error import TelegramError

        from verzek.telegram.bot import create_bot, redact_token

        try:
            async with create_bot(self.settings) as bot:
                if callback_query_id is not None:
                    await bot.answer_callback_query(callback_query_id, text=(answer or "")[:MAX_ANSWER_CHARS],
                                                    show_alert=alert)
                if chat_id is not None and message_id is not None and html:
                    await bot.edit_message_text(html, chat_id=chat_id, message_id=message_id, parse_mode="HTML",
                                                reply_markup=None)
        except TelegramError as exc:
            logger.warning("operator chat response failed",
                           extra={"error": redact_token(str(exc), self.settings), "chat_id": chat_id})
        except Exception as exc:  # noqa: BLE001 - e.g. no bot token: the decision stands, the answer is lost
            logger.warning("operator chat response failed", extra={"error_type": type(exc).__name__})


class ConsoleOperatorChat:
    """A local stack without a bot token: the answers and decided messages are printed."""

    def respond(self, *, callback_query_id=None, answer=None, alert=False, chat_id=None, message_id=None,
                html=None) -> None:
        if answer:
            print(f"--- operator chat: answer to button --- {answer}", flush=True)
        if html and message_id is not None:
            print(f"--- telegram -> chat {chat_id} (review message {message_id} edited) ---\n{html}", flush=True)


def operator_chat(settings) -> OperatorChat:
    from verzek.config import app_secret

    if settings.environment == "local" and app_secret(settings, "telegram_bot_token") is None:
        return ConsoleOperatorChat()
    return BotOperatorChat(settings)


def _operator(user) -> Operator:
    return Operator(user.id, (user.username or user.first_name or None) if user else None)


def handle_callback(query, settings, *, queue=None, now: datetime | None = None, chat: OperatorChat | None = None,
                    ) -> dict:
    """A button pressed in the operator chat. Always answered; only authorised operators decide."""
    from verzek.db import connection
    from verzek.telegram import review_store as store

    now = now or datetime.now(UTC)
    chat = chat or operator_chat(settings)
    operator = _operator(query.from_user)
    message = query.message
    in_chat = message is not None and message.chat.id == settings.telegram_operator_chat_id
    parsed = parse_callback_data(query.data)
    if parsed is None or not in_chat or operator.user_id not in settings.operator_user_ids():
        why = ("unknown button" if parsed is None else
               "not the operator chat" if not in_chat else "you are not an authorised operator")
        with connection() as conn, conn.cursor() as cur:
            store.audit(cur, "operator_review_refused",
                        {"operator": operator.as_dict(), "data": (query.data or "")[:64], "why": why,
                         "chat_id": message.chat.id if message is not None else None}, now=now)
        logger.warning("review button refused", extra={"operator_id": operator.user_id, "why": why})
        chat.respond(callback_query_id=query.id, answer=f"Refused: {why}.", alert=True)
        return {"action": "review_refused", "reason": why}
    review_id, revision, action = parsed
    decision = decide(review_id, revision, action, operator, queue=queue, now=now)
    html = None
    if decision.close_message:
        with connection() as conn, conn.cursor() as cur:
            review = store.get_review(cur, review_id)
        if review is not None:
            html = render_review(review, footer=_footer(review, decision))
    chat.respond(callback_query_id=query.id, answer=decision.answer, alert=decision.alert,
                 chat_id=message.chat.id if html else None, message_id=message.message_id if html else None,
                 html=html)
    return {"action": f"review_{action}", "review_id": review_id, "review_status": decision.status}


def _footer(review: dict, decision: Decision) -> str:
    when = (review["decided_at"] or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    who = review["decided_by_name"] or review["decided_by"]
    by = f" by {escape('@' + who if isinstance(who, str) else str(who))}" if who else ""
    icon = {"traded": "✅", "ignored": "🚫", "expired": "⌛"}.get(decision.status, "⛔")
    return f"{icon} <b>{escape(decision.status.upper())}</b>{by} at {when}: {escape(decision.answer)}"


def handle_operator_message(post, settings, *, now: datetime | None = None) -> dict:
    """A message in the operator chat: a reply to a review message from an authorised operator is a correction;
    anything else is chat between operators and is ignored."""
    from verzek.db import connection
    from verzek.notify.outbox import enqueue
    from verzek.telegram import review_store as store

    now = now or datetime.now(UTC)
    reply = post.reply_to_message
    user = post.from_user
    text = post.text or post.caption
    command = HINTS_COMMAND_RE.match(text.strip()) if text and user is not None else None
    if command is not None:
        return handle_hints_command(post, settings, command.group(1) or "", now=now)
    if reply is None or user is None or not text or not text.strip():
        return {"action": "ignored", "reason": "operator chat message that is not a reply with text"}
    with connection() as conn, conn.cursor() as cur:
        mapped = store.review_for_message(cur, post.chat.id, reply.message_id)
    if mapped is None:
        return {"action": "ignored", "reason": "reply to a message that is not a review"}
    operator = _operator(user)
    if operator.user_id not in settings.operator_user_ids():
        with connection() as conn, conn.cursor() as cur:
            store.audit(cur, "operator_review_refused",
                        {"operator": operator.as_dict(), "review_id": mapped["review_id"],
                         "why": "not an authorised operator", "text": text[:500]}, now=now)
        logger.warning("review correction refused", extra={"operator_id": operator.user_id})
        return {"action": "review_refused", "reason": "not an authorised operator"}
    decision = propose_correction(mapped["review_id"], text, operator, reply_chat_id=post.chat.id,
                                  reply_message_id=post.message_id, now=now)
    if decision.status != "pending":  # decided or expired: say so under the operator's message
        with connection() as conn, conn.cursor() as cur:
            enqueue(cur, channel="telegram", target=str(post.chat.id), kind="operator_review_note",
                    payload={"text": decision.answer, "reply_to": post.message_id},
                    dedupe_key=f"review-note-{post.chat.id}-{post.message_id}", not_before=now)
    return {"action": "review_correction", "review_id": mapped["review_id"], "review_status": decision.status}


# ----------------------------------------------------------------------------------------------
# per-source hints from the operator chat (#15 item 5): `/hints key=value ...`

HINTS_COMMAND_RE = re.compile(r"^/hints(?:@\w+)?(?:\s+(.*))?$", re.IGNORECASE | re.DOTALL)
HINT_KEYS = ("quote", "market", "leverage", "entries")
HINTS_USAGE = ("Usage (as a reply to a review, or with chat=-100…): /hints quote=USDT market=futures|spot "
               "leverage=10 entries=yes|no — 'none' clears a value; /hints alone shows them.")
_CLEAR = "none"


def parse_hint_args(args: str) -> tuple[int | None, dict[str, Any]]:
    """`chat=-100… quote=USDC market=futures leverage=5 entries=yes` -> (chat or None, changes). A change of
    None clears that hint. Raises ValueError naming the first bad word; nothing is recorded then."""
    from verzek.domain.signals import MarketType

    chat: int | None = None
    changes: dict[str, Any] = {}
    for word in args.split():
        key, sep, value = word.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or not value:
            raise ValueError(f"'{word[:40]}' is not key=value")
        if key in changes or (key == "chat" and chat is not None):
            raise ValueError(f"{key} given twice")
        if key == "chat":
            if not re.fullmatch(r"-?\d{1,18}", value):
                raise ValueError("chat must be a Telegram chat id (e.g. -1001234567890)")
            chat = int(value)
        elif key not in HINT_KEYS:
            raise ValueError(f"unknown hint '{key[:20]}' (known: {', '.join(HINT_KEYS)})")
        elif value.lower() == _CLEAR:
            changes[key] = False if key == "entries" else None
        elif key == "quote":
            changes[key] = value.upper()  # SourceHints validates the shape
        elif key == "market":
            try:
                changes[key] = MarketType(value.lower())
            except ValueError:
                raise ValueError("market must be spot or futures") from None
        elif key == "leverage":
            if not re.fullmatch(r"\d{1,3}[xX]?", value):
                raise ValueError("leverage must be a whole number from 1 to 125")
            changes[key] = int(value.rstrip("xX"))
        else:  # entries
            if value.lower() not in ("yes", "no", "true", "false", "on", "off"):
                raise ValueError("entries must be yes or no")
            changes[key] = value.lower() in ("yes", "true", "on")
    return chat, changes


def handle_hints_command(post, settings, args: str, *, now: datetime) -> dict:
    """`/hints` from an authorised operator in the operator chat: show or record one source chat's defaults — the
    chat of the review it replies to, or `chat=…`. Recorded hints apply to that chat's next posts, and a pending review
    it replies to is parsed again with them as a new revision (confirmed with its buttons as usual). Bad input
    changes nothing and says why; every change writes an audit row (who, before, after)."""
    from verzek.db import connection
    from verzek.notify.outbox import enqueue
    from verzek.signals.source_hints import SourceHints, get_hints, set_hints
    from verzek.telegram import review_store as store

    operator = _operator(post.from_user)

    def note(cur, text: str) -> None:
        enqueue(cur, channel="telegram", target=str(post.chat.id), kind="operator_review_note",
                payload={"text": text[:4000], "reply_to": post.message_id},
                dedupe_key=f"review-note-{post.chat.id}-{post.message_id}", not_before=now)

    with connection() as conn, conn.cursor() as cur:
        if operator.user_id not in settings.operator_user_ids():
            store.audit(cur, "source_hints_refused", {"operator": operator.as_dict(), "args": args[:200],
                                                      "why": "not an authorised operator"}, now=now)
            logger.warning("source hints refused", extra={"operator_id": operator.user_id})
            return {"action": "hints_refused", "reason": "not an authorised operator"}
        try:
            chat, changes = parse_hint_args(args)
        except ValueError as exc:
            note(cur, f"Hints not recorded: {exc}. {HINTS_USAGE}")
            return {"action": "hints_invalid", "reason": str(exc)}
        review = None
        if post.reply_to_message is not None:
            mapped = store.review_for_message(cur, post.chat.id, post.reply_to_message.message_id)
            review = store.get_review(cur, mapped["review_id"]) if mapped else None
        if chat is None and review is not None:
            chat = review["source_chat_id"]
        if chat is None:
            note(cur, f"Hints not recorded: which source chat? {HINTS_USAGE}")
            return {"action": "hints_invalid", "reason": "no source chat"}
        if chat not in settings.source_chat_ids():
            note(cur, f"Hints not recorded: chat {chat} is not a source chat (TELEGRAM_SOURCE_CHAT_IDS).")
            return {"action": "hints_invalid", "reason": "not a source chat"}
        before = get_hints(cur, chat) or SourceHints(chat)
        after = before
        if changes:
            if "entries" in changes:
                changes["bare_numbers_are_entries"] = changes.pop("entries")
            try:
                after = before.with_changes(**changes)
            except ValueError as exc:
                note(cur, f"Hints not recorded: {exc}. {HINTS_USAGE}")
                return {"action": "hints_invalid", "reason": str(exc)}
            set_hints(cur, after, updated_by=f"telegram:{operator.user_id}")
            store.audit(cur, "source_hints_recorded", {"operator": operator.as_dict(), "chat_id": chat,
                                                       "before": before.as_dict(), "after": after.as_dict()},
                        now=now)
    # (committed: the review below is parsed again with the hints just recorded)
    answer = f"{'Recorded' if changes else 'Hints'} for chat {chat}: {after.describe()}."
    result = {"action": "hints_recorded" if changes else "hints_shown", "chat_id": chat}
    if changes and review is not None and review["source_chat_id"] == chat and review["status"] == "pending":
        decision = propose_correction(review["id"], review["text"], operator, reply_chat_id=post.chat.id,
                                      reply_message_id=post.message_id, now=now)
        result.update(review_id=review["id"], review_status=decision.status)
        if decision.status == "pending":
            answer += f" Review #{review['id']} parsed again with them: confirm it on the new message."
    with connection() as conn, conn.cursor() as cur:
        note(cur, answer)
    logger.info("source hints command", extra={"operator_id": operator.user_id, "chat_id": chat,
                                                "changed": sorted(changes)})
    return result
