"""Review: ids beyond PostgreSQL BIGINT are a 400 that changes nothing, not a crash (a 500 that
Telegram retries; for a too-large update_id, after the signal was already stored)."""

from __future__ import annotations

import pytest

from .test_webhook import SIGNAL_TEXT, _count, channel_post, post, updates  # noqa: F401 (fixtures)

TOO_BIG = 2**63


@pytest.mark.parametrize("where", ["update_id", "message_id"])
def test_out_of_range_ids_are_refused_before_anything_is_stored(telegram_env, channel_post, db, where):  # noqa: F811
    update = channel_post(SIGNAL_TEXT, update_id=TOO_BIG if where == "update_id" else 7001,
                          message_id=TOO_BIG if where == "message_id" else 7001)
    answer = post(update)
    assert answer.status == 400, answer
    assert _count(db, "signals") == 0 and _count(db, "telegram_updates_seen") == 0
