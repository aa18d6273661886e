"""A python-telegram-bot `Bot` configured from settings (TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE)."""

from __future__ import annotations

from verzek.config import Settings, app_secret, get_settings

REDACTED = "***"


class TelegramNotConfigured(RuntimeError):
    pass


def bot_token(settings: Settings | None = None) -> str:
    settings = settings or get_settings()
    token = app_secret(settings, "telegram_bot_token")
    if token is None or not token.get_secret_value().strip():
        raise TelegramNotConfigured("TELEGRAM_BOT_TOKEN is not set")
    return token.get_secret_value().strip()


def create_bot(settings: Settings | None = None, *, timeout: float = 10.0):
    """`Bot` against TELEGRAM_API_BASE (Telegram itself, or a local Bot API server in tests)."""
    from telegram import Bot
    from telegram.request import HTTPXRequest

    settings = settings or get_settings()
    token = bot_token(settings)
    base = settings.telegram_api_base.rstrip("/")
    request = HTTPXRequest(connection_pool_size=4, connect_timeout=timeout, read_timeout=timeout,
                           write_timeout=timeout, pool_timeout=timeout)
    return Bot(token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot", request=request)


def redact_token(text: str, settings: Settings | None = None) -> str:
    """Telegram errors can echo the bot token (e.g. InvalidToken); never let it reach logs or rows."""
    settings = settings or get_settings()
    secret = app_secret(settings, "telegram_bot_token")
    token = secret.get_secret_value() if secret else ""
    if token:
        text = text.replace(token, REDACTED)
        text = text.replace(token.split(":")[-1], REDACTED)
    return text
