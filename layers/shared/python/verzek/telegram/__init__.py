"""Telegram: the webhook (VIP posts in), broadcast formatting and sending (python-telegram-bot `Bot`).

Modules: `webhook` (update -> ingest / update / edit), `format` (HTML messages), `bot` (a configured
`Bot`), `sender` (one send with Telegram's error semantics), `setup` (setWebhook / getWebhookInfo).
Import the module you need; nothing heavy is imported here.
"""

import os

# Opt in to python-telegram-bot's coming behaviour (time periods as timedelta, e.g. RetryAfter.retry_after)
# so it stops warning on every 429; our code accepts both forms.
os.environ.setdefault("PTB_TIMEDELTA", "true")
