"""Rules added in session 5 (general readings, each found by a probe or by the misses of several blind rounds).

Every case is a structure or a word class, never a corpus row: the open is traded as written, or held for review
(`rejected` starting "held for review") when a field comes from a reading rather than a label.
"""

import pytest
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return bool(parsed.rejected) and parsed.rejected.startswith("held for review")


@pytest.mark.parametrize("text,symbol", [
    ("#GMT entry 0.2540 long 20x tp 0.2580 0.2620 0.2680 sl 0.2480", "GMT/USDT"),
    ("#GMT\nLong\nEntry 0.2540\nTP 0.2580 / 0.2620\nSL 0.2480", "GMT/USDT"),
    ("$NOT short\nEntry 0.0061\nTP 0.0058\nSL 0.0063", "NOT/USDT"),
])
def test_a_tag_of_a_coin_whose_ticker_is_also_a_word_is_the_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.symbol == symbol
    assert parsed.rejected is None


def test_such_a_tag_away_from_the_side_word_is_held_and_a_plain_time_zone_is_no_coin():
    held = parse_message("Signal for today #GMT\nLong\nEntry 0.2540\nTP 0.2580\nSL 0.2480")
    assert held.symbol == "GMT/USDT" and _held(held)
    # the bare word stays a time zone, and beside another tag the word tag is no rival
    assert parse_message("Long BTC at 14:00 GMT\nEntry 64000\nTP 65000\nSL 63000").symbol == "BTC/USDT"
    assert parse_message("#VIP #SIGNAL #ALT #GMX\nSHORT\nEntry 25.10\nTP 24.20\nSL 25.80").symbol == "GMX/USDT"
