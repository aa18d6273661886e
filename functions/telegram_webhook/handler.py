"""telegram_webhook Lambda (HTTP API v2 event): secret check, update -> signal, answer fast.

Thin: the rules live in `verzek.telegram.webhook`. Broadcasts go to the outbox and execution jobs to
SQS, so the response does not wait for Telegram sends or exchange calls.
"""

import base64
import binascii
import json

from verzek.observability import logger
from verzek.telegram.webhook import handle_webhook


def _response(status: int, body: dict) -> dict:
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(body)}


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    headers = {str(k).lower(): v for k, v in (event.get("headers") or {}).items()}
    body = event.get("body")
    if body is not None and event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            return _response(400, {"error": "body is not valid base64"})
    try:
        result = handle_webhook(body, headers.get("x-telegram-bot-api-secret-token"))
    except Exception:  # noqa: BLE001 -- a 5xx makes Telegram retry later; every step is idempotent
        logger.exception("telegram webhook failed")
        return _response(500, {"error": "internal error"})
    return _response(result.status, result.body)
