"""A request-body cap that holds before anything is read (pure ASGI middleware).

A declared Content-Length over the cap is answered 413 at once; a body without one (chunked) is
counted as it streams and cut off with 413 as soon as it passes the cap, so no handler ever buffers
more than the cap. Routes with a smaller natural size (the Telegram webhook) set their own."""

from __future__ import annotations

import json

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
# Smaller caps per exact path (the webhook gets Telegram updates, a few KB each).
PATH_LIMITS = {"/telegram/webhook": 256 * 1024}


async def _send_413(send, limit: int) -> None:
    body = json.dumps({"error": f"request body exceeds {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    def __init__(self, app, max_bytes: int = DEFAULT_MAX_BODY_BYTES, path_limits: dict[str, int] | None = None):
        self.app = app
        self.max_bytes = max_bytes
        self.path_limits = PATH_LIMITS if path_limits is None else path_limits

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.path_limits.get(scope.get("path", ""), self.max_bytes)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                if not value.isdigit() or int(value) > limit:
                    return await _send_413(send, limit)
        seen = 0
        started = False
        refused = False

        async def limited_receive():
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # Answer 413 now and tell the app the client is gone: whatever it does next
                    # (a 400 for a cut body, say) is not sent.
                    refused = True
                    if not started:
                        await _send_413(send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message):
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited_receive, tracking_send)
