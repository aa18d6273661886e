"""dca_executor Lambda: SQS batch of execution jobs → `Executor.handle`, partial batch response.

A record fails (and is redelivered; after the queue's maxReceiveCount it lands in the DLQ) when
its body is not a valid job or the job hit a transient problem; the other records of the batch
are acknowledged. Business rules live in `verzek.execution`.

Records run one after another, and a record is started only while the invocation has at least
JOB_TIME_BUDGET_MS left (the worst case of one job against a slow exchange: a few calls at the
client's 10 s timeout plus retries). Later records are reported as failures without being
touched, so one slow exchange makes the rest of the batch wait for redelivery instead of timing
out the whole invocation (which would retry every record, the finished ones included).
"""

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from verzek.domain.jobs import parse_job
from verzek.observability import logger, metrics

# a fully failed batch is reported record by record too (same effect: every record is retried)
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
_executor = None
JOB_TIME_BUDGET_MS = 45_000


class NotStartedForLackOfTime(Exception):
    """Left for redelivery: starting it could run past the invocation's timeout."""


def _get_executor():
    global _executor
    if _executor is None:  # built once per container (the venue provider caches price sources)
        from verzek.execution.executor import Executor

        _executor = Executor()
    return _executor


def record_handler(record: SQSRecord, lambda_context=None) -> str:
    if lambda_context is not None and lambda_context.get_remaining_time_in_millis() < JOB_TIME_BUDGET_MS:
        metrics.add_metric(name="JobsDeferred", unit=MetricUnit.Count, value=1)
        raise NotStartedForLackOfTime(record.message_id)
    job = parse_job(record.body)  # invalid → ValidationError → this record fails → DLQ eventually
    outcome = _get_executor().handle(job)
    metrics.add_metric(name="JobsExecuted", unit=MetricUnit.Count, value=1)
    return outcome


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    return process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                    context=context)
