"""notification_dispatcher Lambda (scheduled, and woken through its SQS queue): resume interrupted
fan-outs, then drain due notifications.

Thin: the rules live in `verzek.notify.dispatcher` (claims rows with leases, so overlapping runs
never send twice; one invocation drains at a time, at Telegram's limits, for up to
NOTIFY_DRAIN_SECONDS and wakes the next one through BROADCAST_QUEUE_URL when rows are left;
Telegram 429s are honoured, permanent errors recorded and alerted).
"""

from verzek.notify.dispatcher import run_scheduled
from verzek.observability import logger, metrics

# what an invocation keeps after its drain: the tail of rows in flight and a 429 waited out in place
TAIL_SECONDS = 15


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    from verzek.config import get_settings

    budget = get_settings().notify_drain_seconds
    if context is not None:
        budget = max(1.0, min(budget, context.get_remaining_time_in_millis() / 1000 - TAIL_SECONDS))
    report = run_scheduled(budget_s=budget)
    for key in ("sent", "failed", "retried"):
        if isinstance(report.get(key), int):
            metrics.add_metric(name=f"Notifications_{key}", unit="Count", value=report[key])
    return report
