"""Opens (session 8, lead): families found on the open path, as structures with look-alikes.

Every case is my own wording of a structure, never a corpus row.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


@pytest.mark.parametrize("text, entries", [
    ("#AAVE SHORT @186.6-187.5\nTP 182 / 178\nSL 190.2", [D("186.6"), D("187.5")]),
    ("#SOL BUY @142.10\nTP 146 / 150\nSL 138.4", [D("142.10")]),
    ("$LINK long @14.20 - 14.45\nTargets 14.9 | 15.4\nStop 13.85", [D("14.20"), D("14.45")]),
    ("#ETHUSDT SELL Entry: @3439~3443\nTP1: 3430\nTP2: 3420\nSL: 3450", [D("3439"), D("3443")]),
])
def test_a_price_glued_to_an_at_sign_is_a_price_not_a_telegram_handle(text, entries):
    # ("@186" was removed as a username: the entry became ".6", and a zone lost its first end)
    assert list(parse_message(text).entries) == entries


@pytest.mark.parametrize("text", [
    "#SOL LONG @CryptoKingVIP\nEntry 142.1\nTP 146 / 150\nSL 138.4",
    "#SOL LONG\nEntry 142.1\nTP 146 / 150\nSL 138.4\nJoin @sig_channel2024 for more",
])
def test_a_username_is_still_dropped_with_its_digits(text):
    parsed = parse_message(text)
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == ([D("142.1")], [D("146"), D("150")],
                                                                            D("138.4"))
