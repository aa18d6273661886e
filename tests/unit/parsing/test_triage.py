"""Which unrecognised posts are worth an operator's look (the review loop sends only those)."""

import pytest
from verzek.parsing import parse_message
from verzek.parsing.triage import looks_like_signal


@pytest.mark.parametrize("text", [
    "Targets 1.20 / 1.35\nStop 0.98",                          # levels, no coin, no entry
    "LONG\nEntry 3.40 TP 3.5 SL 3.3",                          # no coin
    "Вход 0.62 цели 0.64 / 0.66 стоп 0.60",                    # another language, no coin
])
def test_signal_like_posts_the_parser_could_not_read_are_sent(text):
    parsed = parse_message(text)
    assert not parsed.tradable
    assert looks_like_signal(text, parsed.reason)


@pytest.mark.parametrize("text", [
    "Good morning traders, big week ahead!",
    "BTC to the moon 100000 soon 120000",
    "We made 300% this week, join VIP",
    "Recap: #XRP short closed at 0.50 for +56%",
])
def test_chat_and_confident_non_signals_are_not_sent(text):
    assert not looks_like_signal(text, parse_message(text).reason)
