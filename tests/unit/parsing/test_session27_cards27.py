"""Session 27 (cards27): cards whose levels carry allocations or weights ("1) 0.612 - 40%", "Buy 30% at", USDT-sized
orders, level tables) and their follow-ups.

Rules:
- Money, forwarded cards asked about: a Russian member asking whether a forwarded card is a scam ("норм или скам?") or
  worth entering ("стоит заходить?", "стоит ли входить?") holds the card, as "legit or scam?" / "worth entering?" do.
"""
import pytest
from verzek.parsing import parse_message


def _check(text, expected, tradable):
    parsed = parse_message(text)
    got = parsed.to_expected_dict()
    for key, value in expected.items():
        assert got[key] == value, (key, got)
    assert parsed.tradable is tradable, parsed.rejected


# --- a forwarded card asked about is held -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Народ, это скам или нет? 🤔\n\n#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\nЦели: 25.0 / 25.8\nСтоп: 23.40",
    "Прислали сигнал из другого чата, стоит ли входить? \n#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\nЦели: 25.0 / 25.8\nСтоп: 23.40",
    "Кто-нибудь знает этот канал? скам? стоит брать? 👇\nForwarded from Alpha Pumps\n#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\n"
    "Цели: 25.0 / 25.8\nСтоп: 23.40",
])
def test_forwarded_card_asked_about_in_russian_is_held(text):
    _check(text, {"kind": "open", "symbol": "LINK/USDT", "side": "long", "entries": [24.1, 24.4], "stop_loss": 23.4}, False)


def test_russian_card_without_question_still_trades():
    _check("#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\nЦели: 25.0 / 25.8\nСтоп: 23.40",
           {"kind": "open", "symbol": "LINK/USDT", "side": "long", "entries": [24.1, 24.4]}, True)
