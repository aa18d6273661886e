"""The local stack's durable queue: dedupe, retry, dead letters, and nothing lost across restarts."""

import threading

from verzek.local.jobqueue import PgJobQueue


def test_dedupe_key_accepted_once_and_jobs_survive_a_new_queue_object(db):
    q = PgJobQueue("t1")
    q.send({"n": 1}, dedupe_key="a")
    q.send({"n": 1}, dedupe_key="a")
    q.send_many([({"n": 2}, "b"), ({"n": 1}, "a")])
    assert q.counts() == {"ready": 2}
    seen = []
    restarted = PgJobQueue("t1")  # a new process would see the same rows
    while restarted.process_one(seen.append):
        pass
    assert sorted(b["n"] for b in seen) == [1, 2]
    assert restarted.counts() == {"done": 2}


def test_failing_job_is_retried_then_parked_dead(db):
    q = PgJobQueue("t2", max_receives=3, retry_delay_seconds=0)
    q.send({"n": 1}, dedupe_key="x")
    calls = []

    def boom(body):
        calls.append(body)
        raise RuntimeError("exchange down")

    for _ in range(5):
        q.process_one(boom)
    assert len(calls) == 3
    assert q.counts() == {"dead": 1}


def test_unfinished_lease_comes_back_after_it_expires(db):
    q = PgJobQueue("t3", lease_seconds=0)
    q.send({"n": 1}, dedupe_key="y")
    job = q._lease_one()  # taken by a worker that then died
    assert job is not None
    seen = []
    assert q.process_one(seen.append)
    assert seen == [{"n": 1}]


def test_workers_drain_concurrently_without_double_delivery(db):
    q = PgJobQueue("t4", poll_seconds=0.05)
    q.send_many([({"n": i}, f"k{i}") for i in range(40)])
    seen, lock = [], threading.Lock()

    def consume(body):
        with lock:
            seen.append(body["n"])

    q.start(consume, workers=3)
    import time

    deadline = time.monotonic() + 20
    while q.counts().get("done", 0) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    q.stop()
    assert sorted(seen) == list(range(40))


def test_a_batch_is_leased_at_once_and_only_its_failed_jobs_come_back(db):
    q = PgJobQueue("t5", max_receives=2, retry_delay_seconds=0)
    q.send_many([({"n": i}, f"b{i}") for i in range(12)])
    batches = []

    def consume(bodies):
        batches.append([b["n"] for b in bodies])
        return [RuntimeError("transient") if b["n"] == 3 else "opened" for b in bodies]

    assert q.process_batch(consume, size=10)
    assert batches == [list(range(10))]  # one lease of ten, in queue order
    assert q.counts() == {"done": 9, "ready": 3}
    while q.process_batch(consume, size=10):
        pass
    assert batches[1] == [3, 10, 11]  # the failed one is redelivered with the rest
    assert q.counts() == {"done": 11, "dead": 1}


def test_a_batch_consumer_that_raises_fails_the_whole_batch(db):
    q = PgJobQueue("t6", retry_delay_seconds=0)
    q.send_many([({"n": i}, f"c{i}") for i in range(3)])

    def crash(bodies):
        raise RuntimeError("database gone")

    assert q.process_batch(crash, size=10)
    assert q.counts() == {"ready": 3}
