"""position_monitor Lambda (scheduled every minute): enqueue one monitor message per account.

With MONITOR_QUEUE_URL (the cloud) the schedule only reads which accounts have open positions and
sends one message per account (or per MONITOR_BATCH_POSITIONS of its positions) to the monitor
queue; `monitor_worker` invocations advance them in parallel. Without it (a stack with no queue)
it advances every position itself, account by account, as before.
"""

from verzek.observability import logger, metrics

_provider = None


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    global _provider
    from aws_lambda_powertools.metrics import MetricUnit
    from verzek.config import get_settings

    settings = get_settings()
    if settings.monitor_queue_url:
        from verzek.execution.monitor import enqueue_monitor_pass
        from verzek.queue import get_monitor_queue

        report = enqueue_monitor_pass(get_monitor_queue(settings))
        logger.info("monitor pass enqueued", extra=report)
        metrics.add_metric(name="MonitorMessagesSent", unit=MetricUnit.Count, value=report["messages"])
        return report

    from verzek.execution.monitor import run_monitor
    from verzek.execution.venues import VenueProvider

    if _provider is None:
        _provider = VenueProvider()
    remaining_ms = context.get_remaining_time_in_millis() if context is not None else 55_000
    report = run_monitor(_provider, deadline_s=max(1.0, remaining_ms / 1000 - 10))
    logger.info("monitor tick", extra=report)
    metrics.add_metric(name="PositionsChecked", unit=MetricUnit.Count, value=report["checked"])
    return report
