"""dca_executor Lambda: SQS batch of execution jobs → `Executor.handle_batch`, partial batch response.

A record fails (and is redelivered; after the queue's maxReceiveCount it lands in the DLQ) when
its body is not a valid job or the job hit a transient problem; the other records of the batch
are acknowledged (`batchItemFailures`). Business rules live in `verzek.execution`.

New paper trades of the batch run in one database transaction, a savepoint per job (one commit
for the batch; a job that fails is rolled back alone); live trades, updates and closes run one
after another (see `Executor.handle_batch`). A job is started only while the invocation has at
least JOB_TIME_BUDGET_MS left (the worst case of one job against a slow exchange: a few calls at
the client's 10 s timeout plus retries). Later records are reported as failures without being
touched, so one slow exchange makes the rest of the batch wait for redelivery instead of timing
out the whole invocation (which would retry every record, the finished ones included).
"""

from aws_lambda_powertools.metrics import MetricUnit
from verzek.domain.jobs import parse_job
from verzek.observability import logger, metrics

_executor = None
JOB_TIME_BUDGET_MS = 45_000


def _get_executor():
    global _executor
    if _executor is None:  # built once per container (the venue provider caches price sources)
        from verzek.execution.executor import Executor

        _executor = Executor()
    return _executor


def handle_records(records: list[dict], lambda_context=None) -> dict:
    """The SQS records → `{"batchItemFailures": [...]}` (the ids of the records to redeliver)."""
    failures: list[str] = []
    jobs, ids = [], []
    for record in records:
        try:
            jobs.append(parse_job(record["body"]))  # invalid → this record fails → DLQ eventually
            ids.append(record["messageId"])
        except Exception as exc:  # noqa: BLE001 - any malformed body fails its record only
            logger.warning("invalid execution job", extra={"message_id": record.get("messageId"),
                                                           "error_type": type(exc).__name__})
            failures.append(record["messageId"])

    def may_start() -> bool:
        return lambda_context is None or lambda_context.get_remaining_time_in_millis() >= JOB_TIME_BUDGET_MS

    from verzek.execution.executor import NotStarted

    outcomes = _get_executor().handle_batch(jobs, may_start=may_start) if jobs else []
    for message_id, outcome in zip(ids, outcomes):
        if isinstance(outcome, NotStarted):
            metrics.add_metric(name="JobsDeferred", unit=MetricUnit.Count, value=1)
            failures.append(message_id)
        elif isinstance(outcome, BaseException):
            logger.warning("execution job failed", extra={"message_id": message_id,
                                                          "error_type": type(outcome).__name__})
            failures.append(message_id)
        else:
            metrics.add_metric(name="JobsExecuted", unit=MetricUnit.Count, value=1)
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failures]}


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    return handle_records(event.get("Records") or [], context)
