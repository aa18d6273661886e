"""Writing to the notifications outbox (one row per message to send; the dispatcher sends them).

    from verzek.notify.outbox import enqueue
    enqueue(cur, channel="telegram", target=str(chat_id), kind="position_opened",
            payload={"text": "..."}, user_id=user_id, dedupe_key=f"pos-{position_id}-opened")

Pass the caller's cursor so the message commits (or not) with the change it describes.
`payload.text` is plain text unless `payload.parse_mode == "HTML"` (then escape what you insert).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

CHANNELS = ("telegram", "push", "email", "console")


def enqueue(cur, *, channel: str, kind: str, payload: dict[str, Any], target: str | None = None,
            user_id: int | None = None, dedupe_key: str | None = None,
            not_before: datetime | None = None) -> int | None:
    """Insert an outbox row; returns its id, or None when `dedupe_key` was already used."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown notification channel {channel!r}")
    if not kind or len(kind) > 64:
        raise ValueError("kind must be 1-64 characters")
    cur.execute(
        """
        INSERT INTO notifications (user_id, channel, target, kind, payload, dedupe_key, not_before)
        VALUES (%s, %s, %s, %s, %s::jsonb, %s, coalesce(%s, now()))
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
        """, (user_id, channel, target, kind, json.dumps(payload, default=str), dedupe_key, not_before))
    row = cur.fetchone()
    return None if row is None else row["id"]
