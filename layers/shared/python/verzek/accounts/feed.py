"""The signals feed as each user may see it.

VIP, premium and admins see every signal as it arrives. TRIAL users see a signal only once it is
TRIAL_DELAY_MINUTES old and, when TRIAL_WITHHOLD_TARGETS is on, without its targets (nor the raw
provider text and target prices in its events, which would give them away).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from verzek.accounts.errors import NotFound
from verzek.accounts.pagination import decode_cursor, encode_cursor
from verzek.config import Settings, get_settings

SIGNAL_COLUMNS = ("id, source, symbol, side, market_type, leverage, margin_mode, entry_type, entries, targets, "
                  "stop_loss, stop_loss_pct, confidence, status, rejected_reason, raw_text, posted_at, received_at, updated_at")


@dataclass(frozen=True)
class Viewer:
    user_id: int
    plan: str
    role: str

    @property
    def is_trial(self) -> bool:
        return self.role != "admin" and self.plan == "trial"


def _policy(viewer: Viewer, settings: Settings) -> tuple[datetime | None, bool]:
    """(latest received_at the viewer may see, whether targets are withheld)."""
    if not viewer.is_trial:
        return None, False
    return (datetime.now(UTC) - timedelta(minutes=settings.trial_delay_minutes),
            settings.trial_withhold_targets)


def _shape(row: dict, withhold: bool) -> dict:
    item = dict(row)
    item["entries"] = list(item["entries"] or [])
    item["targets"] = [] if withhold else list(item["targets"] or [])
    item["targets_withheld"] = withhold
    if withhold:
        item["raw_text"] = None
    return item


def list_signals(conn, viewer: Viewer, *, source: str | None = None, symbol: str | None = None,
                 status: str | None = None, limit: int = 50, cursor: str | None = None,
                 settings: Settings | None = None) -> tuple[list[dict], str | None]:
    settings = settings or get_settings()
    visible_until, withhold = _policy(viewer, settings)
    where, params = [], []
    if visible_until is not None:
        where.append("received_at <= %s")
        params.append(visible_until)
    for column, value in (("source", source), ("symbol", symbol), ("status", status)):
        if value is not None:
            where.append(f"{column} = %s")
            params.append(value)
    if cursor:
        ts, row_id = decode_cursor(cursor)
        where.append("(received_at, id) < (%s, %s)")
        params.extend([ts, row_id])
    sql = f"SELECT {SIGNAL_COLUMNS} FROM signals"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY received_at DESC, id DESC LIMIT %s"
    with conn.cursor() as cur:
        cur.execute(sql, (*params, limit + 1))
        rows = [dict(r) for r in cur.fetchall()]
    next_cursor = encode_cursor(rows[limit - 1]["received_at"], rows[limit - 1]["id"]) if len(rows) > limit else None
    return [_shape(r, withhold) for r in rows[:limit]], next_cursor


def get_signal(conn, viewer: Viewer, signal_id: int, *, settings: Settings | None = None) -> dict:
    settings = settings or get_settings()
    visible_until, withhold = _policy(viewer, settings)
    with conn.cursor() as cur:
        cur.execute(f"SELECT {SIGNAL_COLUMNS} FROM signals WHERE id = %s", (signal_id,))
        row = cur.fetchone()
        if row is None or (visible_until is not None and row["received_at"] > visible_until):
            raise NotFound("signal not found")
        cur.execute("SELECT id, kind, target_index, price, raw_text, created_at FROM signal_events "
                    "WHERE signal_id = %s ORDER BY id", (signal_id,))
        events = [dict(e) for e in cur.fetchall()]
    if withhold:
        for event in events:
            event["raw_text"] = None
            if event["kind"] in {"tp_hit", "partial_close"}:
                event["price"] = None
    item = _shape(dict(row), withhold)
    item["events"] = events
    return item
