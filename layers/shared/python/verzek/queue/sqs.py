"""SQS adapter of the queue port (boto3).

Standard queues: at-least-once, the job's dedupe key travels as a message attribute and consumers
are idempotent (unique constraints). FIFO queues (URL ending `.fifo`): the key is the
MessageDeduplicationId and jobs are grouped per user, so one user's jobs keep their order while
different users run in parallel.
"""

from __future__ import annotations

import json
import re
from typing import Any

from verzek.observability import logger

_BATCH = 10  # SQS SendMessageBatch limit
_DEDUPE_ID_RE = re.compile(r"[^A-Za-z0-9!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")


class QueueSendError(RuntimeError):
    """Some messages could not be enqueued (ids of the failed entries in `failed`)."""

    def __init__(self, message: str, failed: list[str]):
        super().__init__(message)
        self.failed = failed


class SqsQueue:
    def __init__(self, queue_url: str, *, client=None, region: str | None = None,
                 endpoint_url: str | None = None) -> None:
        if client is None:
            import boto3

            client = boto3.client("sqs", region_name=region, endpoint_url=endpoint_url)
        self.queue_url = queue_url
        self.fifo = queue_url.endswith(".fifo")
        self._client = client

    def send(self, body: dict[str, Any], *, dedupe_key: str) -> None:
        self.send_many([(body, dedupe_key)])

    def send_many(self, items: list[tuple[dict[str, Any], str]]) -> None:
        for start in range(0, len(items), _BATCH):
            self._send_batch(items[start:start + _BATCH])

    def _entry(self, index: int, body: dict[str, Any], dedupe_key: str) -> dict[str, Any]:
        if not dedupe_key:
            raise ValueError("dedupe_key is required")
        entry: dict[str, Any] = {
            "Id": str(index),
            "MessageBody": json.dumps(body, separators=(",", ":"), sort_keys=True),
            "MessageAttributes": {"dedupe_key": {"DataType": "String", "StringValue": dedupe_key}},
        }
        if self.fifo:
            entry["MessageDeduplicationId"] = _DEDUPE_ID_RE.sub("_", dedupe_key)[:128]
            user = body.get("user_id")
            entry["MessageGroupId"] = f"user-{user}" if user is not None else "jobs"
        return entry

    def _send_batch(self, batch: list[tuple[dict[str, Any], str]]) -> None:
        entries = [self._entry(i, body, key) for i, (body, key) in enumerate(batch)]
        response = self._client.send_message_batch(QueueUrl=self.queue_url, Entries=entries)
        failed = response.get("Failed") or []
        if not failed:
            return
        # Retry the failed entries once (throttling is the usual cause), then give up loudly.
        retry = [e for e in entries if e["Id"] in {f["Id"] for f in failed if not f.get("SenderFault")}]
        still_failed = [f["Id"] for f in failed if f.get("SenderFault")]
        if retry:
            again = self._client.send_message_batch(QueueUrl=self.queue_url, Entries=retry)
            still_failed += [f["Id"] for f in again.get("Failed") or []]
        if still_failed:
            keys = [batch[int(i)][1] for i in still_failed]
            logger.error("SQS rejected messages", extra={"queue_url": self.queue_url, "dedupe_keys": keys})
            raise QueueSendError(f"{len(keys)} message(s) not enqueued", keys)
