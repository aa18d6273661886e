"""Mobile push through the Expo push HTTP API (https://docs.expo.dev/push-notifications/sending-notifications/).

`ExpoPushClient.send(messages)` posts up to 100 messages per request to EXPO_PUSH_URL (with the
optional EXPO_ACCESS_TOKEN), retrying network errors, 429 and 5xx with backoff, and returns one
ticket per message. `PushNotifier` is the `Notifier` port for a user's devices: it sends to every
enabled device of `notification.user_id` and disables tokens Expo reports as DeviceNotRegistered.
`send_push(row)` is the hook the notifications-outbox dispatcher calls for `channel = 'push'` rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_exponential

from verzek.config import Settings, get_settings
from verzek.observability import logger
from verzek.ports import Notification

MAX_BATCH = 100  # Expo's limit per request


class PushError(RuntimeError):
    """Expo refused the whole request (`permanent`), or could not be reached after retries."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent  # the outbox dispatcher retries only non-permanent failures


@dataclass(frozen=True)
class PushMessage:
    to: str
    title: str
    body: str
    data: dict[str, Any] = field(default_factory=dict)
    sound: str | None = "default"
    priority: str = "high"
    channel_id: str | None = None

    def to_json(self) -> dict:
        message = {"to": self.to, "title": self.title, "body": self.body, "data": self.data,
                   "priority": self.priority}
        if self.sound:
            message["sound"] = self.sound
        if self.channel_id:
            message["channelId"] = self.channel_id
        return message


@dataclass(frozen=True)
class PushTicket:
    token: str
    ok: bool
    ticket_id: str | None = None
    error: str | None = None      # Expo's details.error, e.g. DeviceNotRegistered
    message: str | None = None

    @property
    def device_gone(self) -> bool:
        return self.error == "DeviceNotRegistered"


class _Retryable(Exception):
    pass


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, (_Retryable, httpx.TransportError))


class ExpoPushClient:
    def __init__(self, url: str | None = None, *, access_token: str | None = None, http: httpx.Client | None = None,
                 timeout: float = 10.0, attempts: int = 3, settings: Settings | None = None):
        settings = settings or get_settings()
        self.url = url or settings.expo_push_url
        if access_token is None and settings.expo_access_token is not None:
            access_token = settings.expo_access_token.get_secret_value() or None
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if access_token:
            headers["Authorization"] = f"Bearer {access_token}"
        self._http = http or httpx.Client(timeout=timeout)
        self._headers = headers
        self._attempts = attempts

    def close(self) -> None:
        self._http.close()

    def send(self, messages: list[PushMessage]) -> list[PushTicket]:
        tickets: list[PushTicket] = []
        for start in range(0, len(messages), MAX_BATCH):
            tickets.extend(self._send_batch(messages[start:start + MAX_BATCH]))
        return tickets

    def _send_batch(self, batch: list[PushMessage]) -> list[PushTicket]:
        post = retry(retry=retry_if_exception(_retryable), stop=stop_after_attempt(self._attempts),
                     wait=wait_exponential(multiplier=0.2, max=2), reraise=True)(self._post)
        try:
            payload = post([m.to_json() for m in batch])
        except (_Retryable, httpx.TransportError) as exc:
            raise PushError(f"Expo push unavailable after {self._attempts} attempts ({exc})") from None
        data = payload.get("data")
        if not isinstance(data, list) or len(data) != len(batch):
            raise PushError("Expo push answered without one ticket per message")
        tickets = []
        for message, ticket in zip(batch, data):
            ok = isinstance(ticket, dict) and ticket.get("status") == "ok"
            details = ticket.get("details") if isinstance(ticket, dict) else None
            tickets.append(PushTicket(token=message.to, ok=ok, ticket_id=ticket.get("id") if ok else None,
                                      error=None if ok else (details or {}).get("error") or "error",
                                      message=None if ok else str(ticket.get("message", ""))[:300]))
        return tickets

    def _post(self, body: list[dict]) -> dict:
        response = self._http.post(self.url, json=body, headers=self._headers)
        if response.status_code == 429 or response.status_code >= 500:
            raise _Retryable(f"HTTP {response.status_code}")
        try:
            payload = response.json()
        except ValueError:
            raise PushError(f"Expo push answered HTTP {response.status_code} without JSON",
                            permanent=response.status_code < 500) from None
        if response.status_code >= 400 or payload.get("errors"):
            errors = payload.get("errors") or []
            summary = "; ".join(str(e.get("message", e)) for e in errors if isinstance(e, dict))[:300]
            raise PushError(f"Expo push refused the request (HTTP {response.status_code}): {summary}", permanent=True)
        return payload


class PushNotifier:
    """The Notifier port for mobile push: every enabled device of the notification's user."""

    def __init__(self, client: ExpoPushClient | None = None):
        self._client = client

    @property
    def client(self) -> ExpoPushClient:
        if self._client is None:
            self._client = ExpoPushClient()
        return self._client

    def send(self, notification: Notification) -> int:
        """Push to the user's devices; returns how many were accepted. Unknown/absent user: 0."""
        from verzek.db import connection

        if notification.user_id is None:
            return 0
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT token FROM push_devices WHERE user_id = %s AND enabled ORDER BY id",
                        (notification.user_id,))
            tokens = [r["token"] for r in cur.fetchall()]
        if not tokens:
            return 0
        title = (notification.data or {}).get("title") or "Verzek AutoTrader"
        data = {"kind": notification.kind, **{k: v for k, v in (notification.data or {}).items() if k != "title"}}
        tickets = self.client.send([PushMessage(to=t, title=str(title), body=notification.text, data=data)
                                    for t in tokens])
        gone = [t for t in tickets if t.device_gone]
        if gone:
            with connection() as conn, conn.cursor() as cur:
                for ticket in gone:
                    cur.execute("UPDATE push_devices SET enabled = false, last_error = %s, updated_at = now() "
                                "WHERE token = %s", (ticket.error, ticket.token))
        failed = [t for t in tickets if not t.ok]
        if failed:
            logger.warning("push tickets failed", extra={"user_id": notification.user_id, "failed": len(failed),
                                                         "errors": sorted({t.error or "" for t in failed})})
        return sum(1 for t in tickets if t.ok)


_default_notifier: PushNotifier | None = None


def send_push(row: dict) -> int:
    """Send one `notifications` outbox row (channel 'push') to its user's devices.

    The row's payload carries `text` (and optionally `title`, `data`). Raises PushError; its
    `permanent` flag tells the dispatcher whether to retry.
    """
    global _default_notifier
    if _default_notifier is None:
        _default_notifier = PushNotifier()
    payload = row.get("payload") or {}
    data = dict(payload.get("data") or {})
    if payload.get("title"):
        data["title"] = payload["title"]
    text = str(payload.get("text") or row.get("kind") or "")
    return _default_notifier.send(Notification(kind=row.get("kind") or "notification", text=text,
                                               user_id=row.get("user_id"), data=data))
