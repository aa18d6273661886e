"""`verzek telegram`: register the webhook with Telegram, inspect it, send pending notifications.

    verzek telegram set-webhook --url https://.../telegram/webhook    # uses TELEGRAM_WEBHOOK_SECRET
    verzek telegram webhook-info
    verzek telegram delete-webhook
    verzek telegram dispatch [--loop --interval 5]                   # send due outbox rows
    verzek telegram provider-id [--chat ID]                          # senders refused in source groups
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
    p = sub.add_parser("provider-id", help="who posted in a source group while TELEGRAM_SOURCE_SENDER_IDS was "
                                           "empty (the provider's bot id to configure)")
    p.add_argument("--chat", type=int, default=None, help="only this source chat id")
    p.set_defaults(func=run_provider_id)
    p = sub.add_parser("source-hints", help="show or record one source chat's defaults (quote, market, leverage, "
                                            "'numbers after a coin are entries') used when its posts leave them out")
    p.add_argument("--chat", type=int, required=True, help="source chat id (-100...)")
    p.add_argument("--quote", default=None, help="quote currency for coins written without one (e.g. USDT)")
    p.add_argument("--market", choices=("spot", "futures"), default=None)
    p.add_argument("--leverage", type=int, default=None, help="leverage for futures posts that state none")
    p.add_argument("--bare-entries", action=argparse.BooleanOptionalAction, default=None,
                   help="an unlabelled price after the coin is the entry (trade instead of holding for review)")
    p.set_defaults(func=run_source_hints)
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
    settings = get_settings()
    secret = app_secret(settings, "telegram_webhook_secret")
    if secret is None or not _SECRET_RE.match(secret.get_secret_value()):
        raise CliError("TELEGRAM_WEBHOOK_SECRET must be set: 1-256 characters A-Z, a-z, 0-9, _ or -")
    bot = _bot()
    _refuse_groups_without_a_provider_id(bot, settings)
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


def _refuse_groups_without_a_provider_id(bot, settings) -> None:
    """A source *group* with no TELEGRAM_SOURCE_SENDER_IDS would trust nobody (every post refused):
    say so before registering, with the way to find the id."""
    from verzek.cli import CliError

    if settings.source_sender_ids():
        return
    for chat_id in sorted(settings.source_chat_ids()):
        async def kind(chat_id=chat_id):
            async with bot:
                return (await bot.get_chat(chat_id)).type
        if _call(kind) in ("group", "supergroup"):
            raise CliError(f"source chat {chat_id} is a group and TELEGRAM_SOURCE_SENDER_IDS is empty: no post "
                           "would be accepted. Let the provider post once, then run `verzek telegram provider-id` "
                           "and set its id")


def run_provider_id(args) -> int:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT chat_id, sender_id, username, is_bot, posts, last_seen FROM telegram_source_senders_seen "
                    "WHERE %(chat)s::bigint IS NULL OR chat_id = %(chat)s ORDER BY is_bot DESC, posts DESC",
                    {"chat": args.chat})
        rows = cur.fetchall()
    if not rows:
        print("no refused group posts recorded yet: let the provider's bot post once in the source group")
        return 0
    for row in rows:
        who = f"@{row['username']}" if row["username"] else "(no username)"
        print(f"chat {row['chat_id']}: sender {row['sender_id']} {who} {'bot' if row['is_bot'] else 'person'}, "
              f"{row['posts']} post(s), last {row['last_seen']:%Y-%m-%d %H:%M} UTC")
    bots = [r for r in rows if r["is_bot"]]
    if len(bots) == 1:
        print(f"TELEGRAM_SOURCE_SENDER_IDS={bots[0]['sender_id']}")
    return 0


def run_source_hints(args) -> int:
    import getpass

    from verzek.cli import CliError
    from verzek.db import connection
    from verzek.domain.signals import MarketType
    from verzek.signals.source_hints import SourceHints, get_hints, set_hints

    with connection() as conn, conn.cursor() as cur:
        current = get_hints(cur, args.chat) or SourceHints(args.chat)
        if any(v is not None for v in (args.quote, args.market, args.leverage, args.bare_entries)):
            try:
                current = current.with_changes(
                    quote=args.quote.upper() if args.quote is not None else ...,
                    market=MarketType(args.market) if args.market is not None else ...,
                    leverage=args.leverage if args.leverage is not None else ...,
                    bare_numbers_are_entries=args.bare_entries if args.bare_entries is not None else ...)
            except ValueError as exc:
                raise CliError(str(exc)) from None
            set_hints(cur, current, updated_by=f"cli:{getpass.getuser()}")
    print(f"chat {current.chat_id}: {current.describe()}")
    return 0
