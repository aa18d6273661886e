"""The Lambda handlers with SAM-shaped events: dca_executor over an SQS queue in moto (partial batch
responses, poison messages to the DLQ through the redrive policy) and the scheduled monitor."""

from __future__ import annotations

import importlib.util
import json
from decimal import Decimal
from pathlib import Path

import boto3
import pytest
from moto import mock_aws
from verzek.execution.executor import Executor
from verzek.execution.orders import RetryPolicy

D = Decimal
T0 = 1515626700000
REPO = Path(__file__).resolve().parents[3]


def _load(function: str):
    spec = importlib.util.spec_from_file_location(f"{function}_handler", REPO / "functions" / function / "handler.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Context:
    function_name = "fn"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:eu-west-1:000000000000:function:fn"
    aws_request_id = "req-1"

    def get_remaining_time_in_millis(self) -> int:
        return 50_000


def _event(messages, queue_arn):
    return {"Records": [{"messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
                         "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "0", "SenderId": "x",
                                        "ApproximateFirstReceiveTimestamp": "0"},
                         "messageAttributes": {}, "md5OfBody": m["MD5OfBody"], "eventSource": "aws:sqs",
                         "eventSourceARN": queue_arn, "awsRegion": "eu-west-1"} for m in messages]}


@pytest.fixture
def sqs(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    with mock_aws():
        client = boto3.client("sqs", region_name="eu-west-1")
        dlq = client.create_queue(QueueName="ExecutionDLQ")["QueueUrl"]
        dlq_arn = client.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        queue = client.create_queue(QueueName="ExecutionQueue", Attributes={
            "VisibilityTimeout": "0",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "2"})})["QueueUrl"]
        arn = client.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        yield client, queue, arn, dlq


def _deliver(client, queue, arn, handler):
    """One Lambda poll: receive a batch, invoke, delete what succeeded (what the SQS trigger does)."""
    messages = client.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
    if not messages:
        return None, []
    response = handler.lambda_handler(_event(messages, arn), Context())
    failed = {f["itemIdentifier"] for f in response["batchItemFailures"]}
    for m in messages:
        if m["MessageId"] not in failed:
            client.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
    return response, messages


def _queue_jobs(client, queue, factory, clock, n_users: int) -> tuple[list[int], int]:
    """One ETH/BTC signal and an execution job for each of `n_users` new users, on the queue."""
    clock.set(T0)
    users = [factory.user(size_value=D("0.5")) for _ in range(n_users)]
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835"], targets=["0.086"], stop_loss="0.082")
    for user in users:
        client.send_message(QueueUrl=queue, MessageBody=json.dumps({"type": "execute_signal", "signal_id": sig,
                                                                     "user_id": user}))
    return users, sig


def test_dca_executor_partial_batch_and_poison_message_to_dlq(sqs, factory, venues, clock):
    client, queue, arn, dlq = sqs
    users, sig = _queue_jobs(client, queue, factory, clock, 3)
    client.send_message(QueueUrl=queue, MessageBody='{"type": "execute_signal", "signal_id": "DROP TABLE"}')
    # the same job delivered twice (at-least-once)
    client.send_message(QueueUrl=queue, MessageBody=json.dumps({"type": "execute_signal", "signal_id": sig,
                                                                 "user_id": users[0]}))
    handler = _load("dca_executor")
    handler._executor = Executor(venues, RetryPolicy(sleep=lambda s: None))

    response, messages = _deliver(client, queue, arn, handler)
    assert len(messages) == 5 and len(response["batchItemFailures"]) == 1
    for _ in range(3):  # the poison message is received again until maxReceiveCount, then redriven
        _deliver(client, queue, arn, handler)
    dead = client.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10).get("Messages", [])
    assert [m["Body"] for m in dead] == ['{"type": "execute_signal", "signal_id": "DROP TABLE"}']
    for user in users:
        pos = factory.position(user, sig)
        assert pos["status"] == "open" and len(factory.orders(pos["id"])) == 1


def test_position_monitor_handler_advances_positions(factory, venues, clock, monkeypatch):
    clock.set(T0)
    user = factory.user(size_value=D("0.5"))
    sig = factory.signal("ETH/BTC", "long", entries=["0.0835"], targets=["0.086"], stop_loss="0.082")
    Executor(venues).handle(__import__("verzek.domain.jobs", fromlist=["x"]).ExecuteSignalJob(signal_id=sig,
                                                                                               user_id=user))
    handler = _load("position_monitor")
    handler._provider = venues
    clock.set(T0 + 600_000)
    report = handler.lambda_handler({}, Context())
    assert report["checked"] == 1 and report["errors"] == 0
    pos = factory.position(user, sig)
    assert pos["filled_amount"] == D("5.98802395")
    assert [o["role"] for o in factory.orders(pos["id"])] == ["entry", "tp", "sl"]  # the stop rests (paper spot too)


class _SlowExchangeContext(Context):
    """Each job eats 40 s of the invocation (a slow exchange): 100 s left at the first record."""

    def __init__(self) -> None:
        self.calls = 0

    def get_remaining_time_in_millis(self) -> int:
        self.calls += 1
        return 100_000 - 40_000 * (self.calls - 1)


def test_dca_executor_hands_back_what_it_has_no_time_for(sqs, factory, venues, clock):
    client, queue, arn, _dlq = sqs
    users, sig = _queue_jobs(client, queue, factory, clock, 4)
    handler = _load("dca_executor")
    handler._executor = Executor(venues, RetryPolicy(sleep=lambda s: None))
    messages = client.receive_message(QueueUrl=queue, MaxNumberOfMessages=10)["Messages"]
    response = handler.lambda_handler(_event(messages, arn), _SlowExchangeContext())
    failed = {f["itemIdentifier"] for f in response["batchItemFailures"]}
    started = [m for m in messages if m["MessageId"] not in failed]
    assert len(started) == 2 and len(failed) == 2  # 100 s and 60 s left: run; 20 s and less: handed back
    opened = [u for u in users if factory.position(u, sig) is not None]
    assert len(opened) == 2  # the handed-back jobs were not touched: their redelivery starts clean
