"""Session 19 (lead): a rung's cancel beside a fill report, "take half here", and a question the writer answers yes."""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


@pytest.mark.parametrize("text", [
    "#INJ: cancel only entry 2 (22.40) — entry 1 is filled ✅ SL unchanged.",
    "#INJ: entry 1 filled ✅ cancel entry 2",
    "[VIP] #APT entry 1 filled ✅\nCancel entries 2 & 3, price moving away from them",
    "#OP update: first two entries filled ✅ Cancel the remaining entry (1.58).",
])
def test_a_rung_cancel_beside_a_fill_report_is_the_cancel(text):
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE
    assert message.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#INJ entry 2 filled ✅ avg 22.10",
    "#INJ: both entries filled, SL unchanged",
])
def test_a_fill_report_alone_stays_a_fill(text):
    assert parse_message(text).update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "#ICP take half here",
    "#ICP took half of the profits now, rest runs",
    "#APT take half here 💰 and move SL to BE",
    "#ICP — close 50%? Yes. Take half here ✅ rest runs, SL to entry.",
    "Close half of #ICP? Yes, take half here.",
    "¿Cerramos la mitad de #ICP? Sí. Cerramos 50% aquí.",
])
def test_take_half_now_is_a_partial_close(text):
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE
    assert message.update_action == UpdateAction.PARTIAL_CLOSE
    assert message.symbol == "ICP/USDT" or message.symbol == "APT/USDT"


@pytest.mark.parametrize("text", [
    "#ICP entry 2: take half size here",
    "Should I take half here on #ICP?",
    "#ICP close 50%? Yes or no?",
    "#ICP close 50%? Yes / No — vote",
    "#ICP close 50%?\nYes — 👍\nNo — 👎",
    "#ICP close 50%? No. Hold it all.",
    "#ICP close 50%? Yes? No? Vote below",
    "¿Cerramos la mitad de #ICP? si el precio cae a 8, sí",
    "where would you put your stop on #ICP? yes, I'd say 8.8",
])
def test_a_share_asked_about_or_sized_is_no_partial_close(text):
    message = parse_message(text)
    assert message.update_action != UpdateAction.PARTIAL_CLOSE
    assert message.kind != MessageKind.CLOSE
    assert message.update_action not in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN)


def test_a_stop_move_asked_and_answered_yes_is_made():
    message = parse_message("Should we move SL to entry on #ICP? Yes, do it now.")
    assert message.update_action == UpdateAction.MOVE_SL_BREAKEVEN


def test_a_tradable_open_with_a_leverage_the_post_does_not_state_is_scored_wrong():
    from verzek.parsing.scoring import wrong_trade

    text = "ETH/USDT LONG\nEntry 3000\nTP 3100\nSL 2900\nLeverage 20x"
    row = {"id": "t", "text": text, "expected": {"kind": "open", "symbol": "ETH/USDT", "side": "long", "market": "futures",
           "leverage": None, "entries": [3000], "entry_type": "limit", "targets": [3100], "stop_loss": 2900}}
    parsed = parse_message(text)
    assert parsed.tradable and parsed.leverage == 20
    assert "leverage" in wrong_trade(row, parsed)
    assert wrong_trade({**row, "expected": {**row["expected"], "leverage": 20}}, parsed) is None
