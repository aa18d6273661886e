"""`verzek telegram`: register the webhook with Telegram, inspect it, send pending notifications.

    verzek telegram set-webhook --url https://.../telegram/webhook    # uses TELEGRAM_WEBHOOK_SECRET
    verzek telegram webhook-info
    verzek telegram delete-webhook
    verzek telegram dispatch [--loop --interval 5]                   # send due outbox rows
"""

from __future__ import annotations

import argparse
import re

_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as secret_token


def register(subparsers) -> None:
    parser = subparsers.add_parser("telegram", help="Telegram webhook registration and notification dispatch",
                                   description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="telegram_command", metavar="ACTION")
    sub.required = True
    p = sub.add_parser("set-webhook", help="register the webhook URL (secret token, allowed updates) and print "
                                           "getWebhookInfo")
    p.add_argument("--url", required=True, help="public HTTPS URL of /telegram/webhook (stack output "
                                                "TelegramWebhookUrl)")
    p.add_argument("--drop-pending", action="store_true", help="discard updates Telegram queued while no webhook "
                                                               "was reachable")
    p.add_argument("--max-connections", type=int, default=None, help="1-100 parallel deliveries")
    p.set_defaults(func=run_set_webhook)
    p = sub.add_parser("webhook-info", help="print getWebhookInfo")
    p.set_defaults(func=run_webhook_info)
    p = sub.add_parser("delete-webhook", help="remove the webhook")
    p.add_argument("--drop-pending", action="store_true")
    p.set_defaults(func=run_delete_webhook)
    p = sub.add_parser("dispatch", help="send due notifications from the outbox (once, or --loop)")
    p.add_argument("--limit", type=int, default=50, help="rows per batch (default 50)")
    p.add_argument("--loop", action="store_true", help="keep dispatching until interrupted")
    p.add_argument("--interval", type=float, default=5.0, help="seconds between batches with --loop")
    p.set_defaults(func=run_dispatch)


def _bot():
    from verzek.cli import CliError
    from verzek.telegram.bot import TelegramNotConfigured, create_bot

    try:
        return create_bot()
    except TelegramNotConfigured as exc:
        raise CliError(str(exc)) from None


def _call(coro_factory):
    """Run a Bot API coroutine; Telegram errors become one readable line without the token."""
    import asyncio

    from telegram.error import TelegramError

    from verzek.cli import CliError
    from verzek.telegram.bot import redact_token

    try:
        return asyncio.run(coro_factory())
    except TelegramError as exc:
        raise CliError(f"Telegram refused: {redact_token(exc.message)}") from None


def _print(info: dict) -> None:
    import json

    print(json.dumps(info, indent=2, sort_keys=True, default=str))


def run_set_webhook(args) -> int:
    from urllib.parse import urlsplit

    from verzek.cli import CliError
    from verzek.config import app_secret, get_settings
    from verzek.telegram.setup import set_webhook

    parts = urlsplit(args.url)
    if parts.scheme != "https" or not parts.netloc:
        raise CliError("--url must be an https:// URL (Telegram only calls HTTPS webhooks)")
    if args.max_connections is not None and not 1 <= args.max_connections <= 100:
        raise CliError("--max-connections must be between 1 and 100")
    secret = app_secret(get_settings(), "telegram_webhook_secret")
    if secret is None or not _SECRET_RE.match(secret.get_secret_value()):
        raise CliError("TELEGRAM_WEBHOOK_SECRET must be set: 1-256 characters A-Z, a-z, 0-9, _ or -")
    bot = _bot()
    info = _call(lambda: set_webhook(bot, args.url, secret_token=secret.get_secret_value(),
                                     drop_pending_updates=args.drop_pending, max_connections=args.max_connections))
    _print(info)
    return 0


def run_webhook_info(args) -> int:
    from verzek.telegram.setup import webhook_info

    bot = _bot()
    _print(_call(lambda: webhook_info(bot)))
    return 0


def run_delete_webhook(args) -> int:
    from verzek.telegram.setup import delete_webhook

    bot = _bot()
    _print(_call(lambda: delete_webhook(bot, drop_pending_updates=args.drop_pending)))
    return 0


def run_dispatch(args) -> int:
    import time

    from verzek.cli import CliError
    from verzek.notify.dispatcher import run_scheduled

    if not 1 <= args.limit <= 500:
        raise CliError("--limit must be between 1 and 500")
    if args.interval <= 0:
        raise CliError("--interval must be positive")
    while True:
        try:
            result = run_scheduled(limit=args.limit)
        except Exception as exc:  # noqa: BLE001 -- e.g. the database is down: say so in one line
            raise CliError(f"dispatch failed: {type(exc).__name__}") from None
        _print(result)
        if not args.loop:
            return 0
        time.sleep(args.interval)
