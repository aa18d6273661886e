"""A durable job queue in PostgreSQL for the local stack, with the Queue port's `send` contract.

Why not the in-memory queue: `verzek local` must lose nothing on Ctrl-C and resume on the next
start. Semantics follow SQS: a dedupe key is accepted once; a consumer leases a job (visibility
timeout); a job whose handler raises is retried after a back-off and parked as `dead` after
`max_receives` attempts (a redrive policy); an unfinished lease (crash, Ctrl-C) expires and the job
is delivered again — consumers are idempotent, as they must be under SQS.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from psycopg2.extras import Json

from verzek.db import connection
from verzek.observability import logger


class PgJobQueue:
    def __init__(self, name: str = "execution", *, lease_seconds: int = 60, max_receives: int = 5,
                 retry_delay_seconds: float = 2.0, poll_seconds: float = 0.2) -> None:
        self.name = name
        self.lease_seconds = lease_seconds
        self.max_receives = max_receives
        self.retry_delay_seconds = retry_delay_seconds
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._workers: list[threading.Thread] = []
        self._busy = 0
        self._busy_lock = threading.Lock()

    # --- producer side (verzek.ports.Queue) ---
    def send(self, body: dict[str, Any], *, dedupe_key: str) -> None:
        self.send_many([(body, dedupe_key)])

    def send_many(self, items: list[tuple[dict[str, Any], str]]) -> None:
        if not items:
            return
        if any(not key for _, key in items):
            raise ValueError("dedupe_key is required")
        with connection() as conn, conn.cursor() as cur:
            for body, key in items:
                cur.execute("INSERT INTO local_jobs (queue, dedupe_key, body) VALUES (%s, %s, %s) "
                            "ON CONFLICT (queue, dedupe_key) DO NOTHING", (self.name, key, Json(body)))
        self._wake.set()

    # --- consumer side ---
    def counts(self) -> dict[str, int]:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT status, count(*) AS n FROM local_jobs WHERE queue = %s GROUP BY status", (self.name,))
            return {r["status"]: r["n"] for r in cur.fetchall()}

    def pending(self) -> int:
        """Jobs not finished yet (ready or leased)."""
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) AS n FROM local_jobs WHERE queue = %s AND status IN ('ready', 'leased')",
                        (self.name,))
            return cur.fetchone()["n"]

    def purge_done(self, older_than_seconds: float) -> int:
        """Forget finished jobs older than that (a recurring producer would grow the table forever);
        their dedupe keys are then free again, so only for producers whose keys never repeat."""
        with connection() as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM local_jobs WHERE queue = %s AND status = 'done' "
                        "AND finished_at < now() - make_interval(secs => %s)", (self.name, older_than_seconds))
            return cur.rowcount

    def _lease_one(self) -> dict | None:
        with connection() as conn, conn.cursor() as cur:
            cur.execute(
                """
                UPDATE local_jobs SET status = 'leased', attempts = attempts + 1,
                       available_at = now() + make_interval(secs => %s)
                WHERE id = (SELECT id FROM local_jobs
                            WHERE queue = %s AND status IN ('ready', 'leased') AND available_at <= now()
                            ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, body, attempts, dedupe_key
                """, (self.lease_seconds, self.name))
            return cur.fetchone()

    def _lease_many(self, limit: int) -> list[dict]:
        """Up to `limit` due jobs in one lease (an SQS receive of a batch)."""
        with connection() as conn, conn.cursor() as cur:
            cur.execute(
                """
                UPDATE local_jobs SET status = 'leased', attempts = attempts + 1,
                       available_at = now() + make_interval(secs => %s)
                WHERE id IN (SELECT id FROM local_jobs
                             WHERE queue = %s AND status IN ('ready', 'leased') AND available_at <= now()
                             ORDER BY available_at, id LIMIT %s FOR UPDATE SKIP LOCKED)
                RETURNING id, body, attempts, dedupe_key
                """, (self.lease_seconds, self.name, limit))
            return sorted(cur.fetchall(), key=lambda r: r["id"])

    def _finish(self, job_id: int) -> None:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("UPDATE local_jobs SET status = 'done', finished_at = now() WHERE id = %s", (job_id,))

    def _fail(self, job: dict, error: str) -> None:
        dead = job["attempts"] >= self.max_receives
        with connection() as conn, conn.cursor() as cur:
            cur.execute(
                "UPDATE local_jobs SET status = %s, last_error = %s, "
                "available_at = now() + make_interval(secs => %s), finished_at = CASE WHEN %s THEN now() END "
                "WHERE id = %s",
                ("dead" if dead else "ready", error[:500], self.retry_delay_seconds * job["attempts"], dead, job["id"]))

    def process_one(self, consumer: Callable[[dict[str, Any]], None]) -> bool:
        """Lease and handle one due job; False when none is due."""
        job = self._lease_one()
        if job is None:
            return False
        with self._busy_lock:
            self._busy += 1
        try:
            consumer(job["body"])
        except Exception as exc:  # a failing job must not stop the worker
            logger.warning("local job failed", extra={"queue": self.name, "dedupe_key": job["dedupe_key"],
                                                     "attempt": job["attempts"], "error_type": type(exc).__name__})
            self._fail(job, f"{type(exc).__name__}: {exc}")
        else:
            self._finish(job["id"])
        finally:
            with self._busy_lock:
                self._busy -= 1
        return True

    def process_batch(self, consumer: Callable[[list[dict[str, Any]]], list], *, size: int = 10) -> bool:
        """Lease up to `size` due jobs and hand them to `consumer` at once (the dca_executor Lambda's
        SQS batch); it returns one result per job, an exception for each that failed (retried like
        `process_one`'s), anything else for done. False when none is due."""
        jobs = self._lease_many(size)
        if not jobs:
            return False
        with self._busy_lock:
            self._busy += len(jobs)
        try:
            try:
                results = consumer([job["body"] for job in jobs])
            except Exception as exc:  # noqa: BLE001 - the whole batch failed: every job is retried
                results = [exc] * len(jobs)
            done = [job["id"] for job, result in zip(jobs, results) if not isinstance(result, BaseException)]
            if done:
                with connection() as conn, conn.cursor() as cur:
                    cur.execute("UPDATE local_jobs SET status = 'done', finished_at = now() WHERE id = ANY(%s)",
                                (done,))
            for job, result in zip(jobs, results):
                if isinstance(result, BaseException):
                    logger.warning("local job failed", extra={"queue": self.name, "dedupe_key": job["dedupe_key"],
                                                             "attempt": job["attempts"],
                                                             "error_type": type(result).__name__})
                    self._fail(job, f"{type(result).__name__}: {result}")
        finally:
            with self._busy_lock:
                self._busy -= len(jobs)
        return True

    def start(self, consumer: Callable[[dict[str, Any]], None], *, workers: int = 2) -> None:
        """Workers handling one job at a time."""
        self._start(lambda: self.process_one(consumer), workers)

    def start_batches(self, consumer: Callable[[list[dict[str, Any]]], list], *, workers: int = 2,
                      size: int = 10) -> None:
        """Workers handling up to `size` jobs at a time (`process_batch`)."""
        self._start(lambda: self.process_batch(consumer, size=size), workers)

    def _start(self, step: Callable[[], bool], workers: int) -> None:
        self._stop.clear()
        for i in range(workers):
            thread = threading.Thread(target=self._run, args=(step,), name=f"{self.name}-worker-{i}", daemon=True)
            thread.start()
            self._workers.append(thread)

    def _run(self, step: Callable[[], bool]) -> None:
        while not self._stop.is_set():
            try:
                handled = step()
            except Exception as exc:  # database hiccup: back off, keep the worker alive
                logger.warning("local queue poll failed", extra={"error_type": type(exc).__name__})
                handled = False
            if not handled:
                self._wake.wait(self.poll_seconds)
                self._wake.clear()

    def stop(self, timeout: float = 15.0) -> None:
        """Stop taking jobs; let the ones in flight finish (leases of any cut short expire and return)."""
        self._stop.set()
        self._wake.set()
        for thread in self._workers:
            thread.join(timeout)
        self._workers.clear()

    @property
    def busy(self) -> int:
        return self._busy
