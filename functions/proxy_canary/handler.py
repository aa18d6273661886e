"""proxy_canary Lambda (scheduled every minute): each proxy node's /health as CloudWatch metrics."""

from aws_lambda_powertools.metrics import MetricUnit
from verzek.config import get_settings
from verzek.exchange.canary import check_fleet
from verzek.observability import logger, metrics


@metrics.log_metrics
@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    checks = check_fleet(get_settings().proxy_url_list())
    down = [c for c in checks if not c.healthy]
    metrics.add_metric(name="ProxyNodesDown", unit=MetricUnit.Count, value=len(down))
    metrics.add_metric(name="ProxyNodesChecked", unit=MetricUnit.Count, value=len(checks))
    for check in down:
        logger.error("proxy node unhealthy", extra={"node": check.url, "status": check.status, "error": check.error,
                                                    "alert": True})
    return {"checked": len(checks), "down": [c.url for c in down]}
