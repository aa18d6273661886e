"""Session 24, lead: a card shown as another group's or channel's post is held, not traded (the heading on the card's own
line, "😂 Saw this in a premium group today: LONG $SOL …", was read as the provider's call); a relay's bold does not
lengthen the short heading over a quoted card (CI run67: a mocked card, each line wrapped in `**`, became a tradable
open). A fresh call announced after the mocked one, or the channel's own VIP group, still trades."""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message

CARD = "#SOL LONG\nEntry 142-144\nTP 150 / 158\nSL 138"


@pytest.mark.parametrize("text", [
    "😂 Saw this in a premium group today: " + CARD + "\nlol",
    "Found this in some 'VIP' channel 🤡\n" + CARD,
    "Look what they post in other groups 🤡 " + CARD.replace("\n", " "),
    "Another channel posted this:\n" + CARD + "\nThoughts?",
    "A competitor's call making the rounds:\n" + CARD,
    "Vi esto en otro grupo:\n" + CARD,
    "Видел в другом канале:\n" + CARD,
    "Das habe ich in einer anderen Gruppe gesehen:\n" + CARD,
])
def test_a_card_shown_as_another_sources_post_is_held(text):
    parsed = parse_message(text)
    assert not parsed.tradable
    if parsed.kind == MessageKind.OPEN:
        assert "another group's or channel's post" in (parsed.rejected or "")


@pytest.mark.parametrize("text", [
    CARD,
    CARD + "\nPosted in the VIP group first, now here",
    "Saw this in a 'premium' group today: PEPE 100x no stop lol.\n\n🚨 NEW SIGNAL\n" + CARD,
    "Our partner channel's analyst, shared with permission:\n" + CARD,
])
def test_the_providers_own_card_still_trades(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert parsed.symbol == "SOL/USDT"


def _bold(text: str) -> str:
    return "\n".join(f"**{line}**" if line.strip() else line for line in text.split("\n"))


@pytest.mark.parametrize("text", [
    ("😂 Saw this in a 'premium' group today:\n\n> PEPE LONG 100x 🚀🚀\n> Entry: 0.00001050\n> TP: 0.00002000\n"
    "> SL: none, we don't lose\n\n100x with no stop on a memecoin. Never again."),
    "🤡 Someone forwarded me this gem from a paid chat:\n> DOGE LONG 75x\n> Entry 0.1812\n> TP 0.2500\n\nNo stop. Nope.",
])
def test_a_mocked_quoted_card_is_no_trade_plain_or_bold(text):
    for variant in (text, _bold(text)):
        parsed = parse_message(variant)
        assert not parsed.tradable, variant


@pytest.mark.parametrize("text", [
    "🐸 1000PEPE & CHILL — LONG\nENTRY 0.01182 - 0.01205\nTPS 0.01240 > 0.01290 > 0.01360\nSL 0.01135\nPERP, 20X",
    "ARB WITH MOMO — SHORT\nENTRY 0.80\nTP 0.76\nSL 0.83",
])
def test_an_unknown_word_beside_the_side_with_a_known_ticker_on_its_line_is_held(text):
    # (CI run69: upper-cased, "1000PEPE &amp; chill — LONG" traded CHILL — the word next to the side word won)
    parsed = parse_message(text)
    assert not parsed.tradable


def test_the_known_ticker_still_trades_when_the_other_word_is_lower_case():
    parsed = parse_message("🐸 1000PEPE & chill — LONG\nEntry 0.01182 - 0.01205\nTP 0.01240 / 0.01290\nSL 0.01135")
    assert parsed.tradable and parsed.symbol == "1000PEPE/USDT"
