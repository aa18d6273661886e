"""The position monitor: advance each open position (see `PositionEngine.advance`), one account at a time.

Scaled out (issue 12): the schedule does not walk the positions itself; it reads which accounts have
open positions and enqueues one `MonitorAccountJob` per account (or per `MONITOR_BATCH_POSITIONS`
of one account's positions) to the monitor queue — SQS in the cloud, consumed by the
`monitor_worker` function, so the positions checked per minute grow with its concurrency; the local
stack's PostgreSQL queue with worker threads under `verzek local`:

    from verzek.execution.monitor import enqueue_monitor_pass, monitor_account
    enqueue_monitor_pass(queue)                      # the schedule: {"accounts": a, "messages": m, ...}
    monitor_account(job, engine)                     # a worker: one account's positions

Within a message the account's venue is built once and its live orders are read from one
open-orders request per pass (`verzek.execution.account_pass`), not one lookup per order.

`run_monitor()` is the same per-account path run in-process (backtests, tests, no queue configured).

Positions are taken oldest-checked first; each is handled under its own advisory lock, so two
overlapping passes never act twice on one position. A worker skips a position already advanced
after its message was enqueued (`positions.monitored_at`), so a backlog or a redelivered message
costs no second pass. One position's error never stops the others.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence

from verzek.db import connection, statement
from verzek.domain.jobs import MonitorAccountJob
from verzek.execution.account_pass import AccountPass, account_key
from verzek.execution.lifecycle import PositionEngine
from verzek.execution.orders import TransientJobError
from verzek.execution.venues import VenueProvider, wall_clock_ms
from verzek.observability import logger


def open_positions(limit: int | None = None) -> list[dict]:
    return statement("SELECT id, user_id, mode, exchange_account_id, market_type FROM positions "
                     "WHERE status IN ('open', 'closing') ORDER BY checked_ms ASC NULLS FIRST, id "
                     + ("LIMIT %s" if limit is not None else ""), (limit,) if limit is not None else ())


def open_position_ids(limit: int = 1000) -> list[int]:
    return [r["id"] for r in open_positions(limit)]


def plan_monitor_pass(*, batch: int = 50, now_ms: int | None = None, limit: int | None = None
                      ) -> list[MonitorAccountJob]:
    """One job per account with open positions (an account with more than `batch` gets several)."""
    # rounded up: a position advanced in the same millisecond, before this, is still taken
    now_ms = now_ms or wall_clock_ms() + 1
    groups: dict[tuple, list[int]] = {}
    for row in open_positions(limit):
        groups.setdefault(account_key(row), []).append(row["id"])
    jobs = []
    for (user_id, mode, account_id, market_type), ids in groups.items():
        for start in range(0, len(ids), batch):
            jobs.append(MonitorAccountJob(user_id=user_id, mode=mode, exchange_account_id=account_id,
                                          market_type=market_type, position_ids=ids[start:start + batch],
                                          enqueued_ms=now_ms))
    return jobs


def enqueue_monitor_pass(queue, *, batch: int | None = None, now_ms: int | None = None) -> dict:
    """The schedule's whole job: one message per account (batch) to the monitor queue."""
    from verzek.config import get_settings

    jobs = plan_monitor_pass(batch=batch or get_settings().monitor_batch_positions, now_ms=now_ms)
    if jobs:
        queue.send_many([(job.model_dump(mode="json"), job.dedupe_key) for job in jobs])
    return {"accounts": len({(j.user_id, j.mode, j.exchange_account_id, j.market_type) for j in jobs}),
            "messages": len(jobs), "positions": sum(len(j.position_ids) for j in jobs)}


def _due(job: MonitorAccountJob) -> list[int]:
    """The job's positions still open and not advanced since the job was enqueued, oldest-checked first."""
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM positions WHERE id = ANY(%s) AND user_id = %s AND status IN ('open', 'closing') "
                    "AND (monitored_at IS NULL OR monitored_at < to_timestamp(%s / 1000.0)) "
                    "ORDER BY checked_ms ASC NULLS FIRST, id", (job.position_ids, job.user_id, job.enqueued_ms))
        return [r["id"] for r in cur.fetchall()]


def _mark_monitored(position_ids: list[int]) -> None:
    if position_ids:
        statement("UPDATE positions SET monitored_at = now() WHERE id = ANY(%s)", (position_ids,))


def _advance_all(engine: PositionEngine, ids: list[int], account: AccountPass, outcomes: Counter,
                 deadline: float | None) -> tuple[int, list[int]]:
    errors = 0
    done: list[int] = []
    for position_id in ids:
        if deadline is not None and time.monotonic() > deadline:
            outcomes["deferred"] += 1
            continue
        try:
            outcome = engine.advance(position_id, account=account)
        except TransientJobError as exc:
            outcomes["retry_next_tick"] += 1
            logger.warning("position not advanced this tick", extra={"position_id": position_id, "reason": str(exc)})
            continue  # not advanced: an older message still in the queue may take it
        except Exception:  # noqa: BLE001 - one broken position must not stop the others
            errors += 1
            logger.exception("position monitor error", extra={"position_id": position_id})
        else:
            outcomes[outcome] += 1
            if outcome == "busy":  # another worker holds it: it was not advanced by this pass
                continue
        done.append(position_id)  # a broken position is stamped too: a backlog must not retry it at once
    return errors, done


def monitor_account(job: MonitorAccountJob, engine: PositionEngine | None = None, *,
                    deadline_s: float | None = None) -> dict:
    """A worker's step: the job's due positions, one venue and one open-orders read for the account."""
    engine = engine or PositionEngine()
    deadline = time.monotonic() + deadline_s if deadline_s is not None else None
    outcomes: Counter = Counter()
    ids = _due(job)
    account = AccountPass(engine.venues)
    errors, done = _advance_all(engine, ids, account, outcomes, deadline)
    _mark_monitored(done)
    return {"checked": len(done), "skipped_recent": len(job.position_ids) - len(ids), "outcomes": dict(outcomes),
            "errors": errors, "open_orders_reads": account.book_reads}


def run_monitor(venues: VenueProvider | None = None, *, engine: PositionEngine | None = None, limit: int = 1000,
                deadline_s: float | None = None, positions: Sequence[dict] | None = None) -> dict:
    """Every open position in this process, account by account (backtests, tests, no monitor queue).
    `positions`: just these (rows as `open_positions` gives them, in its order) instead of reading them:
    a backtest passes the ones a price reached (`verzek.backtest.quiet`)."""
    engine = engine or PositionEngine(venues or VenueProvider())
    deadline = time.monotonic() + deadline_s if deadline_s is not None else None
    outcomes: Counter = Counter()
    rows = open_positions(limit) if positions is None else list(positions)
    groups: dict[tuple, list[int]] = {}
    for row in rows:
        groups.setdefault(account_key(row), []).append(row["id"])
    errors = 0
    for ids in groups.values():
        failed, done = _advance_all(engine, ids, AccountPass(engine.venues), outcomes, deadline)
        errors += failed
        _mark_monitored(done)
    return {"checked": len(rows), "outcomes": dict(outcomes), "errors": errors}
