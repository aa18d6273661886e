"""notification_dispatcher Lambda: on its schedule (and on SQS nudges, if wired), resume interrupted
signal fan-outs and send due outbox rows (Telegram broadcasts and replies, console, push).

Thin: the rules live in `verzek.notify.dispatcher`.
"""

from verzek.notify.dispatcher import run_scheduled
from verzek.observability import logger


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    # One batch per invocation; the schedule (or the next nudge) picks up the rest.
    return run_scheduled(limit=50)
