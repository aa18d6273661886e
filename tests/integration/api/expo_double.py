"""A local double of Expo's push API on 127.0.0.1: records messages, answers tickets like Expo
(DeviceNotRegistered for tokens marked unregistered), and can fail the next requests with 5xx."""

from __future__ import annotations

import itertools

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.support.exchange_double import ServerThread


class ExpoDouble:
    def __init__(self):
        self.received: list[list[dict]] = []
        self.headers: list[dict] = []
        self.unregistered: set[str] = set()
        self.fail_next = 0
        self._ids = itertools.count(1)
        self._server = ServerThread(Starlette(routes=[Route("/--/api/v2/push/send", self._send, methods=["POST"])]))

    @property
    def url(self) -> str:
        return self._server.url + "/--/api/v2/push/send"

    def __enter__(self):
        self._server.start()
        return self

    def __exit__(self, *exc):
        self._server.stop()

    async def _send(self, request: Request):
        if self.fail_next > 0:
            self.fail_next -= 1
            return JSONResponse({"errors": [{"code": "INTERNAL", "message": "try again"}]}, status_code=503)
        messages = await request.json()
        if not isinstance(messages, list) or len(messages) > 100:
            return JSONResponse({"errors": [{"code": "VALIDATION_ERROR", "message": "bad body"}]}, status_code=400)
        self.received.append(messages)
        self.headers.append(dict(request.headers))
        tickets = []
        for message in messages:
            if message["to"] in self.unregistered:
                tickets.append({"status": "error", "message": f"\"{message['to']}\" is not a registered push "
                                "notification recipient", "details": {"error": "DeviceNotRegistered"}})
            else:
                tickets.append({"status": "ok", "id": f"ticket-{next(self._ids)}"})
        return JSONResponse({"data": tickets})
