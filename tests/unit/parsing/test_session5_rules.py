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


@pytest.mark.parametrize("text,entries,targets,stop", [
    # entry and stop under words the lexicon does not know; the side is stated, the targets labelled
    ("#SOL LONG\nZutritt: 158\nZiele: 165 / 172\nNotbremse: 152", [158], [165, 172], 152),
    ("#ADA long\nPrix 0.450\nSortie 0.470 / 0.490\nFilet 0.432", [0.45], [0.47, 0.49], 0.432),
    # a short: the line below the entry is the target list, the one above it the stop
    ("#TON SHORT\nEntry 7.00\nQuxel 6.80 / 6.60\nBlorp 7.20", [7], [6.8, 6.6], 7.2),
    # consecutive rows of one price each under the same unknown word are one target list
    ("#RUNE LONG\nEntry 1.78\nQuxel 1: 1.85\nQuxel 2: 1.92\nStop 1.71", [1.78], [1.85, 1.92], 1.71),
])
def test_levels_under_unknown_words_are_read_by_where_they_lie_and_held(text, entries, targets, stop):
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    assert (d["kind"], d["entries"], d["targets"], d["stop_loss"]) == ("open", entries, targets, stop)
    assert _held(parsed)
    weak = {f for f, rule in parsed.provenance if rule.startswith("weak: ")}
    assert weak, parsed.provenance


@pytest.mark.parametrize("text", [
    # no side word: the geometry would decide the side from itself — no reading
    "#ADA\nPrix 0.450\nSortie 0.470 / 0.490\nFilet 0.432",
    # the unknown line lies on neither side it could fill (a second price above a long's entry while targets exist)
    "#RUNE LONG\nEntry 1.78\nTP 1.85 / 1.92\nQuxel 1.95 / 1.60",
])
def test_no_reading_when_the_roles_do_not_follow_from_the_levels(text):
    parsed = parse_message(text)
    assert parsed.kind.value != "open" or parsed.rejected


@pytest.mark.parametrize("text", [
    "#TON SHORT\nEntry 7.00\nTarget 1 6.80\nZielzone 6.60\nStop 7.20",
    "#DOGE LONG\nEntry: 0.380\nTP 1: 0.388 — 30%\nQuxel: 0.396 — 30%\nTP 3: 0.408 — 40%\nStop: 0.371",
    "#AVAX LONG\nEntry 24.20\nTarget 24.80 (40%)\nQuxel (scalp) 25.40\nStop 23.70",
])
def test_a_price_line_under_an_unknown_word_among_the_levels_holds_the_trade(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and _held(parsed), parsed.rejected


def test_statistic_lines_beside_a_complete_setup_do_not_hold_it():
    parsed = parse_message("#TON SHORT\nEntry 7.00\nTP 6.80 / 6.60\nStop 7.20\nSupport 6.90\nCurrent price 7.05")
    assert parsed.rejected is None and parsed.targets and parsed.stop_loss is not None
