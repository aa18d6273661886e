"""Session 17, fixer "f8" (blind_z8): the families its rows stand for, each with look-alikes in new wording and guards
that keep their reading.

A close ends the whole position: a card's row named like an exit verb ("CUT 1.779"), an invalidation level
("Invalid: 7.35") or one numbered part sold ("first bag sold") must never read as one."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


# --- a text-table card: IN = entry, OUT-n = targets, CUT = stop ---------------------------------------------------------

@pytest.mark.parametrize("text, side, entry, targets, stop", [
    (("┌──────┬────────┐\n│ PAIR │ LINKUSDT │\n│ DIR  │ ▼ SHORT │\n│ IN   │ 14.20 │\n│ OUT-1 │ 13.60 │\n"
     "│ OUT-2 │ 13.10 │\n│ CUT  │ 14.75 │\n└──────┴────────┘"), "short", "14.20", ["13.60", "13.10"], "14.75"),
    ("#AVAX SHORT\nIN 24.10\nOUT 1: 23.40\nOUT 2: 22.80\nCUT 24.90", "short", "24.10", ["23.40", "22.80"], "24.90"),
    ("PAIR: LINKUSDT\nDIR: LONG\nIN: 14.20\nOUT-1: 14.80\nOUT-2: 15.40\nCUT: 13.70", "long", "14.20", ["14.80", "15.40"], "13.70"),
    ("| PAIR | LINKUSDT |\n| DIR | LONG |\n| IN | 14.20 |\n| OUT 1 | 14.80 |\n| OUT 2 | 15.40 |\n| CUT | 13.70 |",
     "long", "14.20", ["14.80", "15.40"], "13.70"),
    ("#LINK long\nEntry 14.2\nTP 14.8 / 15.4\nCut 13.7", "long", "14.2", ["14.8", "15.4"], "13.7"),
])
def test_a_cut_row_under_a_card_is_its_stop_not_a_close(text, side, entry, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol in ("LINK/USDT", "AVAX/USDT")
    assert parsed.side.value == side
    assert list(parsed.entries) == [D(entry)]
    assert list(parsed.targets) == [D(t) for t in targets]
    assert parsed.stop_loss == D(stop)


@pytest.mark.parametrize("text", ["#LINK cut it here", "#LINK cut now at 13.9", "Cutting #LINK", "CUT #LINK 13.90"])
def test_cut_as_a_command_still_closes(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "LINK/USDT"


def test_cut_a_share_stays_a_partial_close():
    parsed = parse_message("#LINK\nCut 50% here")
    assert parsed.kind.value == "update" and parsed.update_action.value == "partial_close"


# --- "Invalid: <price>" is the invalidation level (the stop), not the call invalidated ---------------------------------

@pytest.mark.parametrize("text, side, targets, stop", [
    ("$RNDR long 📈\nT: 8.40 / 8.95 / 9.60\nInvalid: 7.35", "long", ["8.40", "8.95", "9.60"], "7.35"),
    ("#ATOM short\nT: 6.10 / 5.80\nInvalid: 7.05", "short", ["6.10", "5.80"], "7.05"),
    ("#ATOM short\nTargets 6.10 / 5.80\nInvalid above 7.05", "short", ["6.10", "5.80"], "7.05"),
])
def test_an_invalid_level_without_entry_is_a_held_open(text, side, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.side.value == side
    assert list(parsed.targets) == [D(t) for t in targets] and parsed.stop_loss == D(stop)
    assert not parsed.entries and not parsed.tradable


def test_an_invalid_level_under_a_full_card_is_its_stop():
    parsed = parse_message("#RNDR long\nEntry 8\nTP 9\nInvalid < 7.35")
    assert parsed.kind.value == "open" and parsed.stop_loss == D("7.35") and parsed.tradable


@pytest.mark.parametrize("text", ["#ATOM setup invalid now, closing", "#ATOM trade invalidated ❌"])
def test_the_call_said_invalid_still_closes(text):
    assert parse_message(text).kind.value == "close"


# --- one numbered part sold ("first bag", "2nd tranche") is a partial close ---------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("✅ $JUP — first bag sold at 1.12 (+8.2%)\nMoving my invalidation up to entry (1.035), letting the rest breathe.",
     "JUP/USDT"),
    ("#SUI second tranche sold at 4.20, rest rides", "SUI/USDT"),
    ("#SUI 1st lot closed +6%", "SUI/USDT"),
    ("Closed the first bag of #SUI", "SUI/USDT"),
    ("Sold my first bag of #DOGE at 0.21", "DOGE/USDT"),
    ("$ARB 2nd tranche closed +12%, SL to entry", "ARB/USDT"),
])
def test_a_numbered_part_sold_is_a_partial_close(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert parsed.update_action.value == "partial_close"


@pytest.mark.parametrize("text", ["#SUI bag sold ✅ +20%", "#SUI whole position sold", "#SUI bag fully sold ✅"])
def test_the_whole_bag_sold_still_closes(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "SUI/USDT"
