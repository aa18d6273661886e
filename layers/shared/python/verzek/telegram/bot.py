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


def create_bot(settings: Settings | None = None, *, timeout: float = 10.0, rate_limited: bool = False):
    """`Bot` against TELEGRAM_API_BASE (Telegram itself, or a local Bot API server in tests).

    `rate_limited=True` (the notification dispatcher): an `ExtBot` paced by python-telegram-bot's
    `AIORateLimiter` (aiolimiter) at TELEGRAM_MESSAGES_PER_SECOND overall (bursts of 3 at most) and
    TELEGRAM_GROUP_MESSAGES_PER_MINUTE per group or channel, with enough connections to keep that
    rate up at Telegram's latency. A 429 is not retried inside the limiter: the sender honours its
    `retry_after` (`verzek.telegram.sender`)."""
    from telegram import Bot
    from telegram.request import HTTPXRequest

    settings = settings or get_settings()
    token = bot_token(settings)
    base = settings.telegram_api_base.rstrip("/")
    pool = 32 if rate_limited else 4
    request = HTTPXRequest(connection_pool_size=pool, connect_timeout=timeout, read_timeout=timeout,
                           write_timeout=timeout, pool_timeout=timeout)
    urls = {"base_url": f"{base}/bot", "base_file_url": f"{base}/file/bot"}
    if not rate_limited:
        return Bot(token, request=request, **urls)
    import logging

    from telegram.ext import AIORateLimiter, ExtBot

    # with max_retries=0 it logs every 429 as an ERROR with a traceback before handing it back; the
    # sender records the 429 (retry_after, the row rescheduled or waited for) without the noise
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)

    # a bucket of 3 refilled at the pace: time the event loop lost is made up (a bucket of 1 loses it
    # for good: measured 26.7 against 27.8 msg/s at 29 in scripts/bench_dispatcher.py), at the price
    # of an occasional 429 (about 1 %), which the sender honours
    limiter = AIORateLimiter(overall_max_rate=3, overall_time_period=3 / settings.telegram_messages_per_second,
                             group_max_rate=settings.telegram_group_messages_per_minute, group_time_period=60,
                             max_retries=0)
    return ExtBot(token, request=request, rate_limiter=limiter, **urls)


def redact_token(text: str, settings: Settings | None = None) -> str:
    """Telegram errors can echo the bot token (e.g. InvalidToken); never let it reach logs or rows."""
    settings = settings or get_settings()
    secret = app_secret(settings, "telegram_bot_token")
    token = secret.get_secret_value() if secret else ""
    if token:
        text = text.replace(token, REDACTED)
        text = text.replace(token.split(":")[-1], REDACTED)
    return text
