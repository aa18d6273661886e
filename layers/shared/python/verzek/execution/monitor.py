"""The position monitor: every tick, advance each open position (see `PositionEngine.advance`).

    from verzek.execution.monitor import run_monitor
    report = run_monitor()          # {"checked": n, "outcomes": {...}, "errors": k}

Positions are taken oldest-checked first; each is handled under its own advisory lock, so two
overlapping ticks never act twice on one position. One position's error never stops the tick.
"""

from __future__ import annotations

import time
from collections import Counter

from verzek.db import connection
from verzek.execution.lifecycle import PositionEngine
from verzek.execution.orders import TransientJobError
from verzek.execution.venues import VenueProvider
from verzek.observability import logger


def open_position_ids(limit: int = 1000) -> list[int]:
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM positions WHERE status IN ('open', 'closing') "
                    "ORDER BY checked_ms ASC NULLS FIRST, id LIMIT %s", (limit,))
        return [r["id"] for r in cur.fetchall()]


def run_monitor(venues: VenueProvider | None = None, *, engine: PositionEngine | None = None, limit: int = 1000,
                deadline_s: float | None = None) -> dict:
    engine = engine or PositionEngine(venues or VenueProvider())
    started = time.monotonic()
    outcomes: Counter = Counter()
    errors = 0
    ids = open_position_ids(limit)
    for position_id in ids:
        if deadline_s is not None and time.monotonic() - started > deadline_s:
            outcomes["deferred"] += 1
            continue
        try:
            outcomes[engine.advance(position_id)] += 1
        except TransientJobError as exc:
            outcomes["retry_next_tick"] += 1
            logger.warning("position not advanced this tick", extra={"position_id": position_id, "reason": str(exc)})
        except Exception:  # noqa: BLE001 - one broken position must not stop the others
            errors += 1
            logger.exception("position monitor error", extra={"position_id": position_id})
    return {"checked": len(ids), "outcomes": dict(outcomes), "errors": errors}
