"""monitor_worker Lambda: SQS batch of monitor messages (one account each) → `monitor_account`.

Thin: the rules live in `verzek.execution.monitor`. A record fails (redelivered; after the queue's
maxReceiveCount it lands in the DLQ) only when its body is not a valid monitor message; a position
that hits a transient problem is simply taken again by the next minute's pass. Positions of a
message are started only while the invocation has MONITOR_TIME_BUDGET_MS left; the rest wait for
the next pass (the schedule enqueues them again).
"""

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from verzek.domain.jobs import parse_monitor_job
from verzek.observability import logger, metrics

processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
_engine = None
MONITOR_TIME_BUDGET_MS = 15_000


def _get_engine():
    global _engine
    if _engine is None:  # once per container (the venue provider caches price sources)
        from verzek.execution.lifecycle import PositionEngine

        _engine = PositionEngine()
    return _engine


def record_handler(record: SQSRecord, lambda_context=None) -> dict:
    from verzek.execution.monitor import monitor_account

    job = parse_monitor_job(record.body)  # invalid → ValidationError → this record fails → DLQ eventually
    deadline_s = None
    if lambda_context is not None:
        deadline_s = max(0.0, (lambda_context.get_remaining_time_in_millis() - MONITOR_TIME_BUDGET_MS) / 1000)
    report = monitor_account(job, _get_engine(), deadline_s=deadline_s)
    metrics.add_metric(name="PositionsChecked", unit=MetricUnit.Count, value=report["checked"])
    return report


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    return process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                    context=context)
