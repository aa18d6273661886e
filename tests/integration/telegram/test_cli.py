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
    assert info["allowed_updates"] == ["channel_post", "message", "edited_channel_post", "edited_message",
                                      "callback_query"]
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


def test_set_webhook_refuses_a_source_group_without_the_provider_id(bot_api, settings_env, capsys):
    settings_env(TELEGRAM_SOURCE_CHAT_IDS="-1001331354980", TELEGRAM_SOURCE_SENDER_IDS=None)
    bot_api.set_chat_type(-1001331354980, "supergroup")
    assert main(["telegram", "set-webhook", "--url", URL]) == 2
    assert "TELEGRAM_SOURCE_SENDER_IDS is empty" in capsys.readouterr().err
    settings_env(TELEGRAM_SOURCE_SENDER_IDS="5550001")
    assert main(["telegram", "set-webhook", "--url", URL]) == 0


def test_provider_id_names_the_bot_refused_in_a_source_group(telegram_env, settings_env, capsys):
    from datetime import UTC, datetime

    from tests.integration.telegram.test_webhook import SIGNAL_TEXT, post

    settings_env(TELEGRAM_SOURCE_CHAT_IDS="-1001331354980", TELEGRAM_SOURCE_SENDER_IDS=None)
    update = {"update_id": 4242, "message": {
        "message_id": 7, "date": int(datetime.now(UTC).timestamp()), "text": SIGNAL_TEXT,
        "chat": {"id": -1001331354980, "type": "supergroup", "title": "VIP"},
        "from": {"id": 5550001, "is_bot": True, "first_name": "Provider", "username": "prov_bot"}}}
    assert post(update).body["ignored"].startswith("TELEGRAM_SOURCE_SENDER_IDS is empty")
    assert main(["telegram", "provider-id"]) == 0
    out = capsys.readouterr().out
    assert "sender 5550001 @prov_bot bot" in out and "TELEGRAM_SOURCE_SENDER_IDS=5550001" in out
