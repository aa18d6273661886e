"""One Telegram send with Telegram's error semantics (python-telegram-bot exceptions).

- 429 `RetryAfter`: waited out in place when short (TELEGRAM_MAX_INLINE_WAIT_SECONDS), otherwise the
  caller reschedules the message after `retry_after` seconds.
- Transient errors (timeouts, network errors, 5xx): retried with exponential backoff, then handed back
  as "retry later".
- Permanent errors (bot removed / Forbidden, chat not found, a message Telegram cannot parse): no
  retry; the caller records and alerts.
- The group was upgraded to a supergroup (`ChatMigrated`): sent to the new chat id, reported back.
- A bad token (`InvalidToken`) is a configuration error: the whole batch stops.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from verzek.observability import logger


@dataclass(frozen=True)
class Sent:
    chat_id: int
    message_id: int
    migrated_from: int | None = None


@dataclass(frozen=True)
class RetryLater:
    seconds: float
    error: str
    flood: bool = False  # Telegram's 429: retry exactly after `seconds`, and not sooner to that chat


@dataclass(frozen=True)
class Permanent:
    error: str


class BotMisconfigured(RuntimeError):
    """The Bot API refused the token: nothing can be sent until the configuration is fixed."""


Outcome = Sent | RetryLater | Permanent


def _retry_after_seconds(exc) -> float:
    retry_after = exc.retry_after  # timedelta with PTB_TIMEDELTA (set in verzek.telegram), else int
    if isinstance(retry_after, timedelta):
        return retry_after.total_seconds()
    return float(retry_after)


async def send_message(bot, chat_id: int, text: str, *, parse_mode: str | None = "HTML",
                       reply_to_message_id: int | None = None, max_inline_wait: float = 10.0,
                       attempts: int = 3, backoff: float = 0.5, reply_markup: dict | None = None,
                       disable_notification: bool = False) -> Outcome:
    """Send `text` to `chat_id` (as a reply when `reply_to_message_id`; with inline buttons when `reply_markup`, a
    Bot API `InlineKeyboardMarkup` as a dict; without sound when `disable_notification`); never raises for
    Telegram errors."""
    from telegram import InlineKeyboardMarkup, ReplyParameters
    from telegram.error import (
        BadRequest,
        ChatMigrated,
        Forbidden,
        InvalidToken,
        NetworkError,
        RetryAfter,
        TelegramError,
        TimedOut,
    )

    from verzek.telegram.bot import redact_token

    migrated_from = None
    reply = (ReplyParameters(message_id=reply_to_message_id, allow_sending_without_reply=True)
             if reply_to_message_id else None)
    markup = InlineKeyboardMarkup.de_json(reply_markup, bot) if reply_markup else None
    last_error = "not attempted"
    for attempt in range(1, attempts + 1):
        try:
            message = await bot.send_message(chat_id=chat_id, text=text, parse_mode=parse_mode,
                                             reply_parameters=reply,
                                             disable_notification=disable_notification,
                                             link_preview_options=None, reply_markup=markup)
            return Sent(chat_id=chat_id, message_id=message.message_id, migrated_from=migrated_from)
        except RetryAfter as exc:
            wait = _retry_after_seconds(exc)
            last_error = f"429 flood control: retry after {wait:g}s"
            if wait > max_inline_wait or attempt == attempts:
                return RetryLater(seconds=wait, error=last_error, flood=True)
            logger.info("telegram flood control, waiting", extra={"chat_id": chat_id, "retry_after": wait})
            await asyncio.sleep(wait)
        except ChatMigrated as exc:
            # The reply target lives in the old chat; the new supergroup starts a fresh thread.
            migrated_from, chat_id, reply = chat_id, int(exc.new_chat_id), None
            last_error = f"chat migrated to {chat_id}"
        except InvalidToken as exc:
            raise BotMisconfigured(redact_token(str(exc))) from None
        except Forbidden as exc:
            return Permanent(error=f"403 {redact_token(exc.message)}")
        except BadRequest as exc:
            # Chat not found, bot not a member, unparsable text...: retrying sends the same request.
            return Permanent(error=f"400 {redact_token(exc.message)}")
        except (TimedOut, NetworkError, TelegramError) as exc:
            last_error = f"{type(exc).__name__}: {redact_token(exc.message)}"
            if attempt == attempts:
                break
            await asyncio.sleep(backoff * 2 ** (attempt - 1))
    return RetryLater(seconds=max(backoff * 2 ** attempts, 1.0), error=last_error)
