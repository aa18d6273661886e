"""Registering the webhook with Telegram (setWebhook with the secret token and allowed updates)."""

from __future__ import annotations

from typing import Any

from verzek.telegram.webhook import ALLOWED_UPDATES


async def set_webhook(bot, url: str, *, secret_token: str, drop_pending_updates: bool = False,
                      max_connections: int | None = None) -> dict[str, Any]:
    """Register `url`, then return getWebhookInfo as a dict."""
    async with bot:
        await bot.set_webhook(url=url, secret_token=secret_token, allowed_updates=ALLOWED_UPDATES,
                              drop_pending_updates=drop_pending_updates, max_connections=max_connections)
        info = await bot.get_webhook_info()
    return info.to_dict()


async def webhook_info(bot) -> dict[str, Any]:
    async with bot:
        return (await bot.get_webhook_info()).to_dict()


async def delete_webhook(bot, *, drop_pending_updates: bool = False) -> dict[str, Any]:
    async with bot:
        await bot.delete_webhook(drop_pending_updates=drop_pending_updates)
        return (await bot.get_webhook_info()).to_dict()
