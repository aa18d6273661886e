"""A provider's close keeps its kind: a cancelled setup, a stop-out and a plain close are recorded apart."""

import pytest
from verzek.parsing import parse_message
from verzek.signals.ingest import update_from_parsed


@pytest.mark.parametrize("text, kind", [
    ("Cancel #XRP, not triggered", "cancelled"),
    ("#ETH/USDT Stoploss hit ❌", "sl_hit"),
    ("Close #SOL now", "closed"),
    ("Close #SOL and cancel the remaining orders", "closed"),
])
def test_close_messages_map_to_their_event_kind(text, kind):
    parsed = parse_message(text)
    assert parsed.kind.value == "close", parsed
    update = update_from_parsed(parsed, raw_text=text, provider_message_id=7, dedupe_key=f"k-{kind}")
    assert update.kind == kind


def test_tp_hit_carries_its_target_number():
    parsed = parse_message("#BTC/USDT TP2 hit ✅")
    update = update_from_parsed(parsed, raw_text="x", provider_message_id=8, dedupe_key="k-tp")
    assert update.kind == "tp_hit"
    assert update.target_index == 2
