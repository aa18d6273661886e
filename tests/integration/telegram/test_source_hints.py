"""Per-source hints on real PostgreSQL: recorded with the CLI, applied by the webhook where the post is silent."""

from __future__ import annotations

import argparse

import pytest
from verzek.cli.commands.telegram import run_source_hints
from verzek.domain.signals import MarketType
from verzek.parsing import parse_message
from verzek.signals.source_hints import SourceHints, apply_hints

from .conftest import SOURCE_CHAT
from .test_webhook import channel_post, post, updates  # noqa: F401 - fixtures

HOUSE_STYLE = "ENTER LONG\nZROUSDT\n3.400\nTP 3.480 3.550\nSL 3.320"


def _hints(chat, **kw):
    base = dict(chat=chat, quote=None, market=None, leverage=None, bare_entries=None)
    return argparse.Namespace(**{**base, **kw})


def test_hints_fill_only_what_the_post_leaves_out():
    parsed = parse_message("#ZRO LONG\nEntry: 3.40\nTP: 3.48\nSL: 3.32")
    hinted = apply_hints(parsed, SourceHints(1, quote="USDC", market=MarketType.FUTURES, leverage=5))
    assert (hinted.symbol, hinted.market, hinted.leverage) == ("ZRO/USDC", MarketType.FUTURES, 5)
    assert dict(hinted.provenance)["leverage"] == "source hint"
    stated = parse_message("ZRO/USDT LONG 20x\nEntry: 3.40\nTP: 3.48\nSL: 3.32")
    kept = apply_hints(stated, SourceHints(1, quote="USDC", leverage=5, market=MarketType.SPOT))
    assert (kept.symbol, kept.leverage, kept.market) == ("ZRO/USDT", 20, MarketType.FUTURES)
    with pytest.raises(ValueError):
        SourceHints(1, leverage=500)


def test_house_style_is_held_until_the_operator_records_the_hint(telegram_env, channel_post, make_user, capsys):
    make_user()
    first = post(channel_post(HOUSE_STYLE, update_id=9101, message_id=9101))
    assert first.body["status"] == "rejected" and "held for review" in first.body["rejected_reason"]

    assert run_source_hints(_hints(SOURCE_CHAT, bare_entries=True, market="futures", leverage=3)) == 0
    assert "numbers-after-coin-are-entries=yes" in capsys.readouterr().out
    second = post(channel_post(HOUSE_STYLE, update_id=9102, message_id=9102))
    assert second.body["status"] == "open" and second.body["jobs"] == 1
    with telegram_env, telegram_env.cursor() as cur:
        cur.execute("SELECT leverage, meta FROM signals WHERE provider_message_id = 9102")
        row = cur.fetchone()
    assert row["leverage"] == 3
    assert row["meta"]["provenance"]["entries"] == "source hint: numbers after a coin are entries"
    # another chat's posts are untouched by this chat's hints
    assert apply_hints(parse_message(HOUSE_STYLE), None).rejected
