"""In-process queue for the local stack and tests: the same `send` contract as SQS.

Like an SQS FIFO queue it drops a message whose dedupe key was seen within the deduplication
window. A consumer can be attached: messages are then delivered on a worker thread, a failing
message is retried a few times and then parked in `dead_letters` (like a redrive policy).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from verzek.observability import logger

DEDUPE_WINDOW_SECONDS = 300.0  # SQS FIFO's deduplication interval


class InProcessQueue:
    def __init__(self, name: str = "local", *, max_receives: int = 3,
                 dedupe_window_seconds: float = DEDUPE_WINDOW_SECONDS) -> None:
        self.name = name
        self.max_receives = max_receives
        self.dedupe_window_seconds = dedupe_window_seconds
        self.dead_letters: list[dict[str, Any]] = []
        self._messages: deque[tuple[dict[str, Any], str, int]] = deque()
        self._seen: dict[str, float] = {}
        self._cond = threading.Condition()
        self._consumer: Callable[[dict[str, Any]], None] | None = None
        self._worker: threading.Thread | None = None
        self._stopping = False
        self._busy = 0

    # --- producer side ---
    def send(self, body: dict[str, Any], *, dedupe_key: str) -> None:
        self.send_many([(body, dedupe_key)])

    def send_many(self, items: list[tuple[dict[str, Any], str]]) -> None:
        now = time.monotonic()
        with self._cond:
            self._forget_old_keys(now)
            for body, key in items:
                if not key:
                    raise ValueError("dedupe_key is required")
                # Same round-trip as a real queue: the consumer gets a copy, not the producer's object.
                copy = json.loads(json.dumps(body))
                if key in self._seen:
                    continue
                self._seen[key] = now
                self._messages.append((copy, key, 0))
            self._cond.notify_all()

    def _forget_old_keys(self, now: float) -> None:
        cutoff = now - self.dedupe_window_seconds
        for key in [k for k, t in self._seen.items() if t < cutoff]:
            del self._seen[key]

    # --- consumer side ---
    def __len__(self) -> int:
        with self._cond:
            return len(self._messages)

    def drain(self) -> list[dict[str, Any]]:
        """Take every waiting message (for tests and one-shot local runs)."""
        with self._cond:
            bodies = [body for body, _, _ in self._messages]
            self._messages.clear()
            return bodies

    def set_consumer(self, consumer: Callable[[dict[str, Any]], None] | None) -> None:
        """Deliver messages to `consumer(body)` on a worker thread (None stops delivery)."""
        with self._cond:
            self._consumer = consumer
            self._stopping = consumer is None
            if consumer is not None and (self._worker is None or not self._worker.is_alive()):
                self._worker = threading.Thread(target=self._run, name=f"queue-{self.name}", daemon=True)
                self._worker.start()
            self._cond.notify_all()

    def join(self, timeout: float = 10.0) -> bool:
        """Wait until the consumer has handled every queued message; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._messages or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and (not self._messages or self._consumer is None):
                    self._cond.wait()
                if self._stopping:
                    return
                body, key, receives = self._messages.popleft()
                consumer = self._consumer
                self._busy += 1
            try:
                consumer(body)
            except Exception as exc:  # noqa: BLE001 -- a failing job must not kill the worker
                receives += 1
                logger.warning("local queue job failed", extra={"queue": self.name, "dedupe_key": key,
                                                               "receives": receives, "error_type": type(exc).__name__})
                with self._cond:
                    if receives >= self.max_receives:
                        self.dead_letters.append(body)
                    else:
                        self._messages.append((body, key, receives))
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()
