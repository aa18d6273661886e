"""Session 26, lead: a bare word before a close of every trade of one side ("PTR 💼 ⚠️ CLOSE ALL LONGS NOW") is the
channel's tag, no coin — the close is of every long, not of a coin named PTR (which would leave every long open)."""

import pytest
from verzek.domain.signals import MessageKind, Side
from verzek.parsing import parse_message


@pytest.mark.parametrize(("text", "side"), [
    ("PTR 💼 ⚠️ CLOSE ALL LONGS NOW ⚠️\nMarket is flushing, BTC lost 64k. Exit at market, we re-enter lower.", Side.LONG),
    ("KLM desk 🚨 closing all of our shorts here, squeeze risk too high", Side.SHORT),
    ("ZQX ALERT — exit every long now", Side.LONG),
])
def test_a_bare_word_before_a_close_of_every_trade_of_a_side_is_no_coin(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol is None
    assert parsed.side == side


@pytest.mark.parametrize(("text", "symbol"), [
    ("#PTR close all longs now", "PTR/USDT"),  # a tagged coin is the coin the close is about
    ("SOL ⚠️ close all longs now", "SOL/USDT"),  # a ticker we know by name stays that coin
    ("Close all longs on PTRUSDT now", "PTR/USDT"),  # the pair written after the close names it
])
def test_a_coin_named_as_a_coin_still_names_the_close(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == symbol
