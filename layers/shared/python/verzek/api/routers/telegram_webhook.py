"""`POST /telegram/webhook` on the API app, so the local stack serves the webhook like the Lambda does."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

router = APIRouter(tags=["telegram"])


@router.post("/telegram/webhook", summary="Telegram Bot API webhook (VIP signal posts)",
             description="Called by Telegram with an Update. Requires the X-Telegram-Bot-Api-Secret-Token header "
                         "set with setWebhook. 200 for processed or ignored updates, 400 malformed, 401/403 secret.",
             responses={400: {"description": "malformed update"}, 401: {"description": "missing secret token"},
                        403: {"description": "wrong secret token"}},
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                 "type": "object", "required": ["update_id"],
                 "properties": {"update_id": {"type": "integer", "minimum": 0}}}}}}})
async def telegram_webhook(request: Request) -> JSONResponse:
    from verzek.telegram.webhook import handle_webhook

    secret = request.headers.get("x-telegram-bot-api-secret-token")
    if not secret:  # refused before a byte of the body is read (the body cap is the app's middleware)
        return JSONResponse({"error": "missing X-Telegram-Bot-Api-Secret-Token"}, status_code=401)
    body = await request.body()
    # Database work is blocking: keep it off the event loop.
    result = await run_in_threadpool(handle_webhook, body, secret)
    return JSONResponse(result.body, status_code=result.status)
