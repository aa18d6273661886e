"""notification_dispatcher Lambda (scheduled): resume interrupted fan-outs, send due notifications.

Thin: the rules live in `verzek.notify.dispatcher` (claims rows with leases, so overlapping runs
never send twice; Telegram 429s are deferred, permanent errors recorded and alerted).
"""

from verzek.notify.dispatcher import run_scheduled
from verzek.observability import logger, metrics


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    report = run_scheduled()
    for key in ("sent", "failed", "retried"):
        if isinstance(report.get(key), int):
            metrics.add_metric(name=f"Notifications_{key}", unit="Count", value=report[key])
    return report
