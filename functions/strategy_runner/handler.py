"""strategy_runner Lambda: one scheduled house-strategy invocation (`{"strategy": NAME}` from the
schedule's Input). Sub-minute cadences run as ticks inside the invocation (verzek.strategies.runner)."""

from __future__ import annotations

import asyncio

from verzek.observability import logger, metrics
from verzek.strategies.runner import RunnerEventError, run_scheduled


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    try:
        report = asyncio.run(run_scheduled(event, remaining_ms=context.get_remaining_time_in_millis))
    except RunnerEventError as exc:
        logger.error("rejected schedule event", extra={"error": str(exc)})
        return {"ok": False, "error": str(exc)}
    emitted = sum(t.emitted for t in report.ticks)
    metrics.add_metric(name=f"HouseSignals_{report.strategy}", unit="Count", value=emitted)
    metrics.add_metric(name="StrategyTicks", unit="Count", value=len(report.ticks))
    return {"ok": True, **report.as_dict()}
