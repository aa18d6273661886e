"""The execution-queue port: SQS (boto3) in the cloud, an in-process queue on the local stack.

    from verzek.queue import get_execution_queue
    get_execution_queue().send(job.model_dump(), dedupe_key=job.dedupe_key)

`get_execution_queue()` picks SQS when EXECUTION_QUEUE_URL is set, else the process-wide in-process
queue (the local stack attaches a consumer to it). Both also offer `send_many` for fan-out.
"""

from __future__ import annotations

import threading

from verzek.queue.memory import InProcessQueue
from verzek.queue.sqs import QueueSendError, SqsQueue

__all__ = ["InProcessQueue", "QueueSendError", "SqsQueue", "get_broadcast_queue", "get_execution_queue",
           "get_monitor_queue", "nudge_dispatcher", "send_jobs"]

_lock = threading.Lock()
_local_queue: InProcessQueue | None = None
_sqs_queues: dict[tuple[str, str | None], SqsQueue] = {}


def local_execution_queue() -> InProcessQueue:
    """The process-wide in-process execution queue (created on first use)."""
    global _local_queue
    with _lock:
        if _local_queue is None:
            _local_queue = InProcessQueue(name="execution")
        return _local_queue


def use_local_execution_queue(queue) -> None:
    """Install the process-wide local queue (the local stack uses a durable PostgreSQL queue)."""
    global _local_queue
    with _lock:
        _local_queue = queue


def get_execution_queue(settings=None):
    """SQS when EXECUTION_QUEUE_URL is set (one client per container), else the in-process queue."""
    from verzek.config import get_settings

    settings = settings or get_settings()
    return _sqs_queue(settings.execution_queue_url, settings) or local_execution_queue()


def _sqs_queue(url: str | None, settings) -> SqsQueue | None:
    """One SqsQueue per (url, endpoint) per container; None when the url is not configured."""
    if not url:
        return None
    key = (url, settings.aws_endpoint_url)
    with _lock:
        if key not in _sqs_queues:
            _sqs_queues[key] = SqsQueue(url, region=settings.aws_region, endpoint_url=settings.aws_endpoint_url)
        return _sqs_queues[key]


def get_broadcast_queue(settings=None) -> SqsQueue | None:
    """The SQS queue that wakes the notification dispatcher (BROADCAST_QUEUE_URL), if configured."""
    from verzek.config import get_settings

    settings = settings or get_settings()
    return _sqs_queue(settings.broadcast_queue_url, settings)


def get_monitor_queue(settings=None) -> SqsQueue | None:
    """The monitor queue (MONITOR_QUEUE_URL), if configured; else the monitor runs in-process."""
    from verzek.config import get_settings

    settings = settings or get_settings()
    return _sqs_queue(settings.monitor_queue_url, settings)


def nudge_dispatcher(dedupe_key: str) -> bool:
    """Wake the dispatcher now instead of at its next scheduled minute (VIP broadcasts "at once").

    Best effort: without BROADCAST_QUEUE_URL, or if the send fails, the schedule sends the rows anyway.
    """
    from verzek.observability import logger

    queue = get_broadcast_queue()
    if queue is None:
        return False
    try:
        queue.send({"type": "dispatch_notifications"}, dedupe_key=dedupe_key)
    except Exception as exc:  # noqa: BLE001 -- a lost nudge only delays a broadcast to the next minute
        logger.warning("dispatcher nudge failed", extra={"error_type": type(exc).__name__})
        return False
    return True


def send_jobs(queue, jobs) -> int:
    """Send validated job models (each with `dedupe_key`); batched when the queue supports it."""
    items = [(job.model_dump(mode="json"), job.dedupe_key) for job in jobs]
    if not items:
        return 0
    if hasattr(queue, "send_many"):
        queue.send_many(items)
    else:
        for body, key in items:
            queue.send(body, dedupe_key=key)
    return len(items)
