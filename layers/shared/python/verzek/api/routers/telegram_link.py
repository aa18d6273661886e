"""Linking the user's Telegram (the bot's private chat) under /api/users/{user_id}/telegram."""

from __future__ import annotations

import threading
from datetime import datetime

from fastapi import APIRouter, Request
from pydantic import Field

from verzek.accounts import telegram_link as service
from verzek.accounts.errors import Unavailable
from verzek.api.routers._deps import OwnerDep, client_ip
from verzek.api.routers._schemas import COMMON_RESPONSES, ERRORS, ErrorBody, OutModel
from verzek.config import get_settings
from verzek.db import connection

router = APIRouter(prefix="/api/users/{user_id}/telegram", tags=["telegram"], responses=COMMON_RESPONSES)

_username_lock = threading.Lock()
_username_cache: dict[str, str] = {}


class TelegramLink(OutModel):
    deep_link: str = Field(description="open it on the phone: Telegram starts the bot with the one-time code",
                           examples=["https://t.me/verzek_bot?start=Zx3..."])
    token: str = Field(description="the one-time code inside the link (single use; a new link replaces it)")
    bot_username: str
    expires_at: datetime


class TelegramStatus(OutModel):
    linked: bool
    linked_at: datetime | None


def bot_username() -> str:
    """TELEGRAM_BOT_USERNAME, else the bot's username from getMe (asked once per process)."""
    settings = get_settings()
    if settings.telegram_bot_username:
        return settings.telegram_bot_username
    key = settings.telegram_api_base
    with _username_lock:
        if key in _username_cache:
            return _username_cache[key]
    import asyncio

    from telegram.error import TelegramError

    from verzek.telegram.bot import TelegramNotConfigured, create_bot

    async def ask() -> str:
        async with create_bot(settings) as bot:
            return (await bot.get_me()).username

    try:
        username = asyncio.run(ask())
    except (TelegramNotConfigured, TelegramError):
        raise Unavailable("the Telegram bot is not configured on this server") from None
    with _username_lock:
        _username_cache[key] = username
    return username


@router.post("/link", status_code=201, response_model=TelegramLink,
             responses={401: ERRORS[401], 404: ERRORS[404],
                        503: {"model": ErrorBody, "description": "the Telegram bot is not configured"}})
def create_link(user: OwnerDep, request: Request) -> TelegramLink:
    """A one-time deep link that links the caller's account to the Telegram account opening it.
    It expires after TELEGRAM_LINK_TOKEN_TTL_MINUTES; asking again makes the previous link stop working."""
    username = bot_username()
    with connection() as conn:
        issued = service.issue_link_token(conn, user.id, ttl_minutes=get_settings().telegram_link_token_ttl_minutes,
                                          ip=client_ip(request))
    return TelegramLink(deep_link=f"https://t.me/{username}?start={issued.token}", token=issued.token,
                        bot_username=username, expires_at=issued.expires_at)


@router.get("", response_model=TelegramStatus, responses={401: ERRORS[401], 404: ERRORS[404]})
def link_status(user: OwnerDep) -> TelegramStatus:
    with connection() as conn:
        return TelegramStatus(**service.link_status(conn, user.id))


@router.delete("", response_model=TelegramStatus, responses={401: ERRORS[401], 404: ERRORS[404]})
def unlink(user: OwnerDep, request: Request) -> TelegramStatus:
    """Stop sending this account's messages to Telegram (the same as /unlink in the chat)."""
    with connection() as conn:
        service.unlink(conn, user.id, via="api", ip=client_ip(request))
        return TelegramStatus(**service.link_status(conn, user.id))
