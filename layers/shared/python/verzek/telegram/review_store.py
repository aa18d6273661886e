"""Data access for the operator review loop: `operator_reviews`, `operator_review_messages`, and its audit rows.

Pass the caller's cursor: a review and the outbox row that shows it commit together.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

_COLUMNS = ("id, source_chat_id, source_message_id, signal_id, raw_text, reason, revision, view, text, tradable, "
            "status, posted_at, expires_at, decided_by, decided_by_name, decided_at, outcome, created_at")


def insert_review(cur, *, chat_id: int, message_id: int, signal_id: int | None, raw_text: str, reason: str,
                  view: dict, tradable: bool, posted_at: datetime | None, expires_at: datetime) -> int | None:
    """A new review for a source post; None when that post already has one (a redelivered update)."""
    cur.execute(
        """
        INSERT INTO operator_reviews (source_chat_id, source_message_id, signal_id, raw_text, reason, view, text,
                                      tradable, posted_at, expires_at)
        VALUES (%s, %s, %s, %s, %s, %s::jsonb, %s, %s, %s, %s)
        ON CONFLICT (source_chat_id, source_message_id) DO NOTHING RETURNING id
        """, (chat_id, message_id, signal_id, raw_text, reason, json.dumps(view), raw_text, tradable, posted_at,
              expires_at))
    row = cur.fetchone()
    return None if row is None else row["id"]


def get_review(cur, review_id: int, *, lock: bool = False) -> dict | None:
    cur.execute(f"SELECT {_COLUMNS} FROM operator_reviews WHERE id = %s" + (" FOR UPDATE" if lock else ""),
                (review_id,))
    return cur.fetchone()


def review_for_message(cur, chat_id: int, message_id: int) -> dict | None:
    """(review_id, revision) of a message shown in the operator chat, or of an operator's correction."""
    cur.execute("SELECT review_id, revision FROM operator_review_messages WHERE chat_id = %s AND message_id = %s",
                (chat_id, message_id))
    return cur.fetchone()


def remember_message(cur, *, chat_id: int, message_id: int, review_id: int, revision: int,
                     from_bot: bool = True) -> bool:
    """Record a message of a review (the bot's, or an operator's correction reply); False when it was recorded
    before (a redelivered reply)."""
    cur.execute("INSERT INTO operator_review_messages (chat_id, message_id, review_id, revision, from_bot) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING review_id",
                (chat_id, message_id, review_id, revision, from_bot))
    return cur.fetchone() is not None


def claim_expired(cur, now: datetime, limit: int) -> list[dict]:
    """Pending reviews past their expiry, locked (SKIP LOCKED: a concurrent sweep or a decision takes others)."""
    cur.execute(f"SELECT {_COLUMNS} FROM operator_reviews WHERE status = 'pending' AND expires_at <= %s "
                "ORDER BY expires_at LIMIT %s FOR UPDATE SKIP LOCKED", (now, limit))
    return cur.fetchall()


def latest_bot_messages(cur, review_ids: list[int]) -> dict[int, dict]:
    """The bot's latest message of each review (the one whose buttons are live)."""
    cur.execute("SELECT DISTINCT ON (review_id) review_id, chat_id, message_id FROM operator_review_messages "
                "WHERE review_id = ANY(%s) AND from_bot ORDER BY review_id, revision DESC, created_at DESC",
                (review_ids,))
    return {row["review_id"]: row for row in cur.fetchall()}


def set_revision(cur, review_id: int, *, revision: int, text: str, view: dict, tradable: bool) -> None:
    cur.execute("UPDATE operator_reviews SET revision = %s, text = %s, view = %s::jsonb, tradable = %s "
                "WHERE id = %s", (revision, text, json.dumps(view), tradable, review_id))


def set_decision(cur, review_id: int, *, status: str, operator_id: int | None, operator_name: str | None,
                 now: datetime, outcome: dict[str, Any] | None) -> None:
    cur.execute("UPDATE operator_reviews SET status = %s, decided_by = %s, decided_by_name = %s, decided_at = %s, "
                "outcome = %s::jsonb WHERE id = %s",
                (status, operator_id, operator_name, now, json.dumps(outcome, default=str) if outcome else None,
                 review_id))


def audit(cur, action: str, details: dict[str, Any], *, now: datetime) -> None:
    """One `audit_log` row: who (Telegram operator), what, when, before/after. Operators are Telegram users, not
    app users, so `user_id`/`actor_id` stay empty and the operator is named in `details`."""
    cur.execute("INSERT INTO audit_log (action, details, created_at) VALUES (%s, %s::jsonb, %s)",
                (action, json.dumps(details, default=str), now))


def signal_row(cur, signal_id: int) -> dict | None:
    cur.execute("SELECT * FROM signals WHERE id = %s", (signal_id,))
    return cur.fetchone()


def note_review_on_signal(cur, signal_id: int, review: dict[str, Any]) -> None:
    cur.execute("UPDATE signals SET meta = meta || jsonb_build_object('review', %s::jsonb), updated_at = now() "
                "WHERE id = %s", (json.dumps(review, default=str), signal_id))
