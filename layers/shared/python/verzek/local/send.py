"""`verzek local --send-signal TEXT`: post a VIP-style Telegram update to the running local webhook,
exactly as Telegram would (channel post from the demo provider channel, secret-token header).
`--press MESSAGE_ID DATA` and `--reply MESSAGE_ID TEXT` do the same for the demo operator in the review chat."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime

from verzek.cli import CliError


def build_update(text: str, *, chat_id: int, message_id: int, update_id: int, date: int | None = None) -> dict:
    chat = {"id": chat_id, "type": "channel", "title": "Verzek demo VIP provider"}
    return {"update_id": update_id,
            "channel_post": {"message_id": message_id, "date": date or int(datetime.now(UTC).timestamp()),
                             "chat": chat, "sender_chat": chat, "text": text}}


def send_signal(text: str, *, host: str | None = None, port: int | None = None) -> int:
    from verzek.local.state import DEMO_SOURCE_CHAT_ID

    if not text.strip():
        raise CliError("--send-signal needs the signal text")
    chat_id = int((os.environ.get("TELEGRAM_SOURCE_CHAT_IDS") or str(DEMO_SOURCE_CHAT_ID)).split(",")[0])
    stamp = time.time_ns() // 1_000_000
    update = build_update(text, chat_id=chat_id, message_id=stamp % 2_000_000_000, update_id=stamp % 2**62)
    return _post(update, host=host, port=port)


def _operator_chat() -> int:
    from verzek.local.state import DEMO_OPERATOR_CHAT_ID

    return int(os.environ.get("TELEGRAM_OPERATOR_CHAT_ID") or DEMO_OPERATOR_CHAT_ID)


def press_button(message_id: int, data: str, *, host: str | None = None, port: int | None = None) -> int:
    """`verzek local --press MESSAGE_ID DATA`: the demo operator presses a button under a review message (the
    callback_query update Telegram would send; MESSAGE_ID and DATA are printed with the review)."""
    from verzek.local.state import DEMO_OPERATOR

    stamp = time.time_ns() // 1_000_000
    chat = {"id": _operator_chat(), "type": "supergroup", "title": "Verzek local operators"}
    update = {"update_id": stamp % 2**62, "callback_query": {
        "id": str(stamp), "from": DEMO_OPERATOR, "chat_instance": "local", "data": data,
        "message": {"message_id": int(message_id), "date": int(datetime.now(UTC).timestamp()), "chat": chat,
                    "text": "review"}}}
    return _post(update, host=host, port=port)


def reply_to(message_id: int, text: str, *, host: str | None = None, port: int | None = None) -> int:
    """`verzek local --reply MESSAGE_ID TEXT`: the demo operator replies to a review message with corrected text."""
    from verzek.local.state import DEMO_OPERATOR

    if not text.strip():
        raise CliError("--reply needs the corrected text")
    stamp = time.time_ns() // 1_000_000
    now = int(datetime.now(UTC).timestamp())
    chat = {"id": _operator_chat(), "type": "supergroup", "title": "Verzek local operators"}
    update = {"update_id": stamp % 2**62, "message": {
        "message_id": stamp % 2_000_000_000, "date": now, "chat": chat, "from": DEMO_OPERATOR, "text": text,
        "reply_to_message": {"message_id": int(message_id), "date": now, "chat": chat}}}
    return _post(update, host=host, port=port)


def _post(update: dict, *, host: str | None, port: int | None) -> int:
    import httpx

    from verzek.config import get_settings
    from verzek.local.state import load_state

    state = load_state(get_settings().data_dir)
    url = state.get("api_url")
    if port is not None:  # --port (and --host) name the stack to post to, whatever the last run recorded
        url = f"http://{host or '127.0.0.1'}:{port}"
    if not url:
        raise CliError("no running local stack found (start it with `verzek local` first, or pass --port)")
    secret = os.environ.get("TELEGRAM_WEBHOOK_SECRET") or state.get("generated", {}).get("TELEGRAM_WEBHOOK_SECRET")
    try:
        response = httpx.post(f"{url}/telegram/webhook", content=json.dumps(update),
                              headers={"content-type": "application/json",
                                       "x-telegram-bot-api-secret-token": secret or ""}, timeout=30)
    except httpx.HTTPError as exc:
        raise CliError(f"local stack at {url} did not answer ({type(exc).__name__})") from None
    print(f"webhook answered {response.status_code}: {response.text}")
    return 0 if response.status_code < 400 else 1
