"""Queue port: the in-process queue, and SQS through a moto server on 127.0.0.1 (standard and FIFO)."""

from __future__ import annotations

import json

import pytest
from verzek.domain.jobs import ExecuteSignalJob, parse_job
from verzek.queue import InProcessQueue, SqsQueue, get_execution_queue, local_execution_queue, send_jobs


def test_in_process_queue_dedupes_copies_and_delivers():
    queue = InProcessQueue()
    body = {"type": "execute_signal", "signal_id": 1, "user_id": 2}
    queue.send(body, dedupe_key="exec-1-2")
    queue.send(body, dedupe_key="exec-1-2")
    body["user_id"] = 99  # the queued message is a copy
    assert queue.drain() == [{"type": "execute_signal", "signal_id": 1, "user_id": 2}]
    with pytest.raises(ValueError):
        queue.send(body, dedupe_key="")


def test_in_process_consumer_retries_then_dead_letters():
    queue = InProcessQueue(max_receives=2)
    seen = []

    def consumer(body):
        seen.append(body["n"])
        if body["n"] == 1:
            raise RuntimeError("boom")

    queue.set_consumer(consumer)
    queue.send_many([({"n": 1}, "a"), ({"n": 2}, "b")])
    assert queue.join(5)
    queue.set_consumer(None)
    assert sorted(seen) == [1, 1, 2] and queue.dead_letters == [{"n": 1}]


def test_get_execution_queue_chooses_by_setting(settings_env):
    settings_env(EXECUTION_QUEUE_URL=None)
    assert get_execution_queue() is local_execution_queue()
    settings_env(EXECUTION_QUEUE_URL="http://127.0.0.1:1/000000000000/jobs", AWS_REGION="eu-west-1")
    queue = get_execution_queue()
    assert isinstance(queue, SqsQueue) and not queue.fifo and get_execution_queue() is queue


@pytest.fixture(scope="module")
def moto_sqs():
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    client = boto3.client("sqs", region_name="eu-west-1", endpoint_url=f"http://{host}:{port}",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    yield client
    server.stop()


def _drain(client, url):
    out = []
    while batch := client.receive_message(QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"],
                                          AttributeNames=["All"]).get("Messages", []):
        for m in batch:
            out.append(m)
            client.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return out


def test_sqs_standard_queue_batches_and_carries_the_dedupe_key(moto_sqs):
    url = moto_sqs.create_queue(QueueName="jobs-standard")["QueueUrl"]
    queue = SqsQueue(url, client=moto_sqs)
    jobs = [ExecuteSignalJob(signal_id=5, user_id=u) for u in range(1, 24)]  # 3 batches of <= 10
    assert send_jobs(queue, jobs) == 23
    messages = _drain(moto_sqs, url)
    assert sorted(parse_job(m["Body"]).user_id for m in messages) == list(range(1, 24))
    assert {m["MessageAttributes"]["dedupe_key"]["StringValue"] for m in messages} == {j.dedupe_key for j in jobs}


def test_sqs_fifo_queue_drops_a_repeated_job_and_groups_by_user(moto_sqs):
    url = moto_sqs.create_queue(QueueName="jobs.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    queue = SqsQueue(url, client=moto_sqs)
    assert queue.fifo
    job = ExecuteSignalJob(signal_id=5, user_id=8)
    send_jobs(queue, [job])
    send_jobs(queue, [job])  # a redelivered ingest re-sends: the FIFO dedupe window drops it
    [message] = _drain(moto_sqs, url)
    assert json.loads(message["Body"]) == {"type": "execute_signal", "signal_id": 5, "user_id": 8}
    assert message["Attributes"]["MessageGroupId"] == "user-8"
    assert message["Attributes"]["MessageDeduplicationId"] == "exec-5-8"
