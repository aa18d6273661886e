"""Session 17, fixer f9: blind_z9 rows (non-English channels), each read as a family.

Every case is written in its own words, never a corpus row. A second price written in brackets after the entry's on
its line is an order of the call when the bracket says it may be averaged there ("(can DCA at x)"), and otherwise
holds the call: trading the one entry alone is a smaller, different trade.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable and bool(parsed.rejected)


# --- a DCA price in brackets after the entry's: a rung of the call ------------------------------------------------------

@pytest.mark.parametrize("text, entries", [
    ("$OP LONG\nEntry: 1.820 (can DCA at 1.760)\nTP1: 1.900\nTP2: 1.990\nSL: 1.700", ["1.760", "1.820"]),
    ("#SEI LONG\nEntry: 0.3310 (pwede mag-DCA sa 0.3180)\nTP: 0.3500\nSL: 0.3050\nLeverage: 5x", ["0.3180", "0.3310"]),
    ("#DOT SHORT\nEntry 6.40 (you can also DCA 6.62)\nTarget 6.10\nStop 6.90", ["6.40", "6.62"]),
    ("$ARB LONG\nMasuk: 0.80 (bisa DCA di 0.77)\nTP: 0.86\nSL: 0.74", ["0.77", "0.80"]),
])
def test_a_dca_price_in_brackets_after_the_entry_is_a_rung(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected
    assert list(parsed.entries) == [Decimal(e) for e in entries]


# --- any other second price in brackets on the entry line: held, never traded as the one entry -------------------------

@pytest.mark.parametrize("text", [
    "$PYTH LONG\nEntry: 0.4050 (no DCA 0.3880)\nTP1: 0.4250\nSL: 0.3720",
    "$OP LONG\nEntry: 1.820 (or lower 1.760)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (add more at 1.760)\nTP1: 1.900\nSL: 1.700",
    "#ATOM SHORT\nВход: 5.30 (можно добор 5.52)\nTP: 5.00\nSL: 5.70",
    "$OP LONG\nEntry: 1.820 (can DCA if it dips to 1.760)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (can DCA at 1.600)\nTP1: 1.900\nSL: 1.700",
])
def test_an_unread_second_price_in_brackets_on_the_entry_line_holds_the_call(text):
    parsed = parse_message(text)
    assert _held(parsed), (parsed.kind, parsed.tradable, parsed.entries)


# --- look-alikes: a note in brackets after the entry keeps the call as it was ------------------------------------------

@pytest.mark.parametrize("text", [
    "$OP LONG\nEntry: 1.820 (now 1.835)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (current price 1.835)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (EMA50 1.790)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (2%)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (5x)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (limit)\nTP1: 1.900\nSL: 1.700",
])
def test_a_note_in_brackets_after_the_entry_does_not_hold(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected
    assert list(parsed.entries) == [Decimal("1.820")] and parsed.side == Side.LONG
