"""Session 18, fixer coins18: a wrong coin closed, or the whole position closed for a share of it.

Every case is written in its own words, never a corpus row. A close ends the whole position; a partial close keeps the
trade. When the post does not say which coin, the close is the replied-to trade's (no symbol) or the post is left for an
operator — never another coin's.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- a coin named only as market talk beside a close naming no coin is not the coin closed -----------------------------


@pytest.mark.parametrize("text, coinless", [
    ("Trade closed. #BTC looks weak", "Trade closed."),
    ("Closed ✅ #BTC dumping hard", "Closed ✅"),
    ("Trade closed, $ETH bleeding again", "Trade closed,"),
    ("Closed the position, BTC dumping", "Closed the position"),
    ("Closed ✅ BTC dumping hard", "Closed ✅"),
    ("Position closed. #BTC under pressure", "Position closed."),
    ("Trade closed because #BTC is weak", "Trade closed"),
])
def test_market_talk_beside_a_coinless_close_reads_as_the_close_alone(text, coinless):
    parsed, alone = parse_message(text), parse_message(coinless)
    assert parsed.symbol is None and alone.symbol is None
    # (the coinless close alone may be too bare to read, or read as a reply's close — "closed ✅" alone is one since session
    # 22 — while the post with the talk is left: never read as the talked-of coin's)
    assert parsed.kind in (MessageKind.CLOSE, MessageKind.NOT_A_SIGNAL)


def test_a_coinless_close_beside_talk_is_the_replied_to_trades_close():
    parsed = parse_message("Trade closed. #BTC looks weak")
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol is None


@pytest.mark.parametrize("text, coin", [
    ("Closed the position, BTC dumping, #ETH still fine", "ETH/USDT"),
    ("Trade closed, #ETH still fine", "ETH/USDT"),
    ("Position closed. BTC looking heavy, #SOL still running", "SOL/USDT"),
    ("Closed ✅ #AVAX still open", "AVAX/USDT"),
])
def test_a_coinless_close_beside_a_coin_kept_does_not_close_that_coin(text, coin):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.CLOSE and parsed.symbol == coin)
    assert parsed.kind in (MessageKind.CLOSE, MessageKind.NOT_A_SIGNAL)
    assert parsed.symbol is None


@pytest.mark.parametrize("text, coin", [
    ("#SOL closed, BTC dumping", "SOL/USDT"),
    ("Close ETH. #BTC looks weak.", "ETH/USDT"),
    ("#BTC closed ✅", "BTC/USDT"),
    ("BTC closed, ETH still running", "BTC/USDT"),
    ("#ETH closed ✅, #BTC still open", "ETH/USDT"),
    ("Closed #ETH, #SOL still open", "ETH/USDT"),
    ("Closed ✅ #SOL", "SOL/USDT"),
    ("#SOL closed, still holding ETH", "SOL/USDT"),
])
def test_a_close_naming_its_own_coin_keeps_it(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- a share written before the verb is a partial close ----------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("1/3 of the #SOL position closed", "SOL/USDT"),
    ("half of the #SOL position closed", "SOL/USDT"),
    ("Half the #SOL position closed", "SOL/USDT"),
    ("50% of the #SOL position closed", "SOL/USDT"),
    ("a third of #SOL closed", "SOL/USDT"),
    ("two thirds of the #ETH position sold", "ETH/USDT"),
    ("half of our #ETH position was sold", "ETH/USDT"),
    ("1/3 of the SOL position closed", "SOL/USDT"),
    ("2/3 of #ETH sold", "ETH/USDT"),
    ("#SOL take 1/2 off now", "SOL/USDT"),
    ("25% of the position closed", None),
    ("one quarter of the position closed", None),
])
def test_a_share_before_the_verb_is_a_partial_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE
    assert parsed.symbol == coin


@pytest.mark.parametrize("text, coin", [
    ("all of the #SOL position closed", "SOL/USDT"),
    ("100% of the position closed", None),
    ("Closed the #SOL position", "SOL/USDT"),
    ("40% #SOL closed", "SOL/USDT"),  # a result, no share of the position
    ("#SOL closed +40%", "SOL/USDT"),
])
def test_the_whole_position_or_a_result_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- field blocks of several coins are a recap -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Coin: OP\nResult: TP3 done\n\nCoin: ARB\nResult: SL hit",
    "Coin: OP\nResult: TP3 done\nCoin: ARB\nResult: SL hit",
    "Coin: ARB\nResult: SL hit\n\nCoin: OP\nResult: TP3 done",
    "Symbol: OP\nResult: TP3 ✅\n\nSymbol: ARB\nResult: stopped out",
    "Pair: OP / Status: TP3 ✅ // Pair: ARB / Status: SL ❌",
    "Pair: OP/USDT\nStatus: closed +20%\n\nPair: ARB/USDT\nStatus: closed -5%",
    "Монета: OP\nИтог: TP3 ✅\n\nМонета: ARB\nИтог: стоп",
])
def test_field_blocks_of_several_coins_are_a_recap(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin, action", [
    ("Coin: ARB\nResult: SL hit", "ARB/USDT", UpdateAction.SL_HIT),
    ("Pair: ARB/USDT\nStatus: closed ✅", "ARB/USDT", None),
    ("Coin: OP\nResult: SL hit\n\nCoin: OP\nNote: re-entry soon", "OP/USDT", UpdateAction.SL_HIT),
])
def test_a_single_coins_field_block_keeps_its_status(text, coin, action):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin
    if action is not None:
        assert parsed.update_action == action


def test_several_coin_cards_with_levels_are_not_taken_for_a_recap():
    parsed = parse_message("Coin: OP\nLong\nEntry: 1.50\nTP: 1.65\nSL: 1.42")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "OP/USDT"
