"""`verzek telegram ...` against the local Bot API server."""

from __future__ import annotations

import json

from verzek.cli import main
from verzek.queue import InProcessQueue
from verzek.signals import ingest_signal

from .conftest import VIP_CHAT, vip_signal

URL = "https://api.example.test/prod/telegram/webhook"


def test_set_webhook_registers_secret_and_allowed_updates_then_prints_info(bot_api, capsys):
    assert main(["telegram", "set-webhook", "--url", URL, "--max-connections", "10"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["url"] == URL and info["max_connections"] == 10
    assert info["allowed_updates"] == ["channel_post", "message", "edited_channel_post", "edited_message"]
    assert bot_api.webhook_secret == "s3cret-Token_1"
    assert main(["telegram", "webhook-info"]) == 0
    assert json.loads(capsys.readouterr().out)["url"] == URL
    assert main(["telegram", "delete-webhook"]) == 0
    assert json.loads(capsys.readouterr().out)["url"] == ""


def test_set_webhook_refuses_bad_input_in_one_line(bot_api, settings_env, capsys):
    assert main(["telegram", "set-webhook", "--url", "http://insecure.example/hook"]) == 2
    assert "https://" in capsys.readouterr().err
    settings_env(TELEGRAM_WEBHOOK_SECRET="has spaces!")
    assert main(["telegram", "set-webhook", "--url", URL]) == 2
    assert "TELEGRAM_WEBHOOK_SECRET" in capsys.readouterr().err
    settings_env(TELEGRAM_WEBHOOK_SECRET="ok-secret", TELEGRAM_BOT_TOKEN="42:not-the-right-one")
    assert main(["telegram", "set-webhook", "--url", URL]) == 2
    err = capsys.readouterr().err
    assert err.startswith("verzek: error: Telegram refused") and "not-the-right-one" not in err
    settings_env(TELEGRAM_BOT_TOKEN=None)
    assert main(["telegram", "webhook-info"]) == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in capsys.readouterr().err


def test_dispatch_sends_due_rows_once(bot_api, capsys):
    ingest_signal(vip_signal(), queue=InProcessQueue())
    assert main(["telegram", "dispatch"]) == 0
    assert json.loads(capsys.readouterr().out)["sent"] == 1
    assert len(bot_api.sent_messages(VIP_CHAT)) == 1
    assert main(["telegram", "dispatch", "--limit", "0"]) == 2
