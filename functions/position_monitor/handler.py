"""position_monitor Lambda (scheduled every minute): advance every open position, paper and live."""

from verzek.observability import logger, metrics

_provider = None


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    global _provider
    from verzek.execution.monitor import run_monitor
    from verzek.execution.venues import VenueProvider

    if _provider is None:
        _provider = VenueProvider()
    remaining_ms = context.get_remaining_time_in_millis() if context is not None else 55_000
    report = run_monitor(_provider, deadline_s=max(1.0, remaining_ms / 1000 - 10))
    logger.info("monitor tick", extra=report)
    from aws_lambda_powertools.metrics import MetricUnit

    metrics.add_metric(name="PositionsChecked", unit=MetricUnit.Count, value=report["checked"])
    return report
