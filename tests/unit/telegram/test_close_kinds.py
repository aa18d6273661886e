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


def test_a_partial_close_carries_its_share_unless_a_target_hit_took_it():
    from decimal import Decimal

    from verzek.domain.signals import MessageKind, ParsedMessage, UpdateAction

    def data(**fields):
        parsed = ParsedMessage(kind=MessageKind.UPDATE, symbol="SOL/USDT", **fields)
        return update_from_parsed(parsed, raw_text="x", provider_message_id=9, dedupe_key="k-part").data

    assert data(update_action=UpdateAction.PARTIAL_CLOSE, close_fraction=Decimal("0.5"))["fraction"] == "0.5"
    assert "fraction" not in data(update_action=UpdateAction.PARTIAL_CLOSE)  # "take some profit": no amount
    assert "fraction" not in data(update_action=UpdateAction.PARTIAL_CLOSE, close_fraction=Decimal(1))
    # "TP1 ✅ take half": the user's own ladder took TP1's share — the partial close is for the record
    assert "fraction" not in data(update_action=UpdateAction.PARTIAL_CLOSE, close_fraction=Decimal("0.5"),
                                  also_actions=(UpdateAction.TP_HIT,))
    assert "fraction" not in data(update_action=UpdateAction.TP_HIT, target_index=1, close_fraction=Decimal("0.5"),
                                  also_actions=(UpdateAction.PARTIAL_CLOSE,))
    assert "fraction" not in data(update_action=UpdateAction.PARTIAL_CLOSE, target_index=2,  # "TP2 hit, close half"
                                  close_fraction=Decimal("0.5"))
