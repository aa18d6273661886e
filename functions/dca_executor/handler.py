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
    from verzek.execution.executor import NotStarted

    def may_start() -> bool:
        return lambda_context is None or lambda_context.get_remaining_time_in_millis() >= JOB_TIME_BUDGET_MS

    outcomes = _get_executor().handle_bodies([r["body"] for r in records], may_start=may_start) if records else []
    failures: list[str] = []
    for record, outcome in zip(records, outcomes):
        if isinstance(outcome, NotStarted):
            metrics.add_metric(name="JobsDeferred", unit=MetricUnit.Count, value=1)
        elif isinstance(outcome, BaseException):  # invalid body (→ DLQ eventually) or a transient failure
            logger.warning("execution job failed", extra={"message_id": record["messageId"],
                                                          "error_type": type(outcome).__name__})
        else:
            metrics.add_metric(name="JobsExecuted", unit=MetricUnit.Count, value=1)
            continue
        failures.append(record["messageId"])
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failures]}


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    return handle_records(event.get("Records") or [], context)
