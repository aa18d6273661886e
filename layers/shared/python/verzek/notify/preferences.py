"""Per-user notification preferences, freqtrade-style: each event type is on, silent or off.

- on: delivered with sound; silent: delivered with Telegram's `disable_notification`; off: not sent.
- No stored row means on. A notification kind that belongs to no event type is always delivered
  (a warning nobody asked to mute must never be lost).

The dispatcher asks `delivery_modes` once per batch; the bot's `/notifications` reads and changes
them with `get_modes` / `set_mode`. The preference is read when a message is sent, so a change
applies to messages already queued.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MODES = ("on", "silent", "off")

# event type -> (label, notification kinds it covers). The kinds are those the execution engine queues
# (verzek.execution.orders.notify).
EVENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "entry": ("Position opened", ("position_opened",)),
    "take_profit": ("Take-profit hit", ("tp_hit",)),
    "stop_moved": ("Stop moved", ("stop_moved",)),
    "exit": ("Position closed", ("closed", "stopped_out", "liquidated")),
    "failed": ("Trade not opened", ("trade_failed", "trade_skipped")),
}
_EVENT_OF_KIND = {kind: event for event, (_, kinds) in EVENTS.items() for kind in kinds}


def event_of(kind: str) -> str | None:
    """The event type a notification kind belongs to (None: not user-configurable)."""
    return _EVENT_OF_KIND.get(kind)


def get_modes(conn, user_id: int) -> dict[str, str]:
    """Every event type with the user's mode (default on), in EVENTS order."""
    with conn.cursor() as cur:
        cur.execute("SELECT event, mode FROM notification_preferences WHERE user_id = %s", (user_id,))
        stored = {r["event"]: r["mode"] for r in cur.fetchall()}
    return {event: stored.get(event, "on") for event in EVENTS}


def set_mode(conn, user_id: int, event: str, mode: str) -> None:
    if event not in EVENTS:
        raise ValueError(f"unknown event type {event!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    with conn.cursor() as cur:
        cur.execute("INSERT INTO notification_preferences (user_id, event, mode) VALUES (%s, %s, %s) "
                    "ON CONFLICT (user_id, event) DO UPDATE SET mode = EXCLUDED.mode, updated_at = now()",
                    (user_id, event, mode))


@dataclass(frozen=True)
class Delivery:
    send: bool
    silent: bool = False
    reason: str | None = None  # why not sent


def delivery_modes(cur, rows: Iterable[dict]) -> dict[int, Delivery]:
    """For outbox rows addressed to a user's Telegram chat: how each is delivered (by row id).

    Rows without a user (group broadcasts) are not in the answer: they are sent as they are. A row
    whose user is no longer linked to the row's chat (/unlink, or a link moved to another chat) is
    not sent: the old chat must not keep receiving the account's trades."""
    user_rows = [r for r in rows if r.get("user_id") is not None]
    if not user_rows:
        return {}
    user_ids = sorted({int(r["user_id"]) for r in user_rows})
    cur.execute("SELECT u.id, u.telegram_chat_id, p.event, p.mode FROM users u "
                "LEFT JOIN notification_preferences p ON p.user_id = u.id WHERE u.id = ANY(%s)", (user_ids,))
    chats: dict[int, int | None] = {}
    modes: dict[tuple[int, str], str] = {}
    for r in cur.fetchall():
        chats[r["id"]] = r["telegram_chat_id"]
        if r["event"] is not None:
            modes[(r["id"], r["event"])] = r["mode"]
    answer: dict[int, Delivery] = {}
    for row in user_rows:
        user_id = int(row["user_id"])
        if str(chats.get(user_id)) != str(row.get("target")):
            answer[row["id"]] = Delivery(False, reason="the user's Telegram is no longer linked to this chat")
            continue
        event = event_of(row["kind"])
        mode = modes.get((user_id, event), "on") if event else "on"
        if mode == "off":
            answer[row["id"]] = Delivery(False, reason=f"{event} notifications are off (user preference)")
        else:
            answer[row["id"]] = Delivery(True, silent=mode == "silent")
    return answer
