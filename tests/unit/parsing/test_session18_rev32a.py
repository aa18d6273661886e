"""Session 18, fixer rev32a: the review32 narrowings of this session's sold-all closes and share-in-words partials.

Every case is written in its own words, never a review row. A close ends the whole position and a partial close sells a
share of it, so a sale told as a story, a wish, a habit or someone else's, and a share of something that is no position
(a market cap, fees, gains, a watchlist), must change nothing; the genuine calls beside them keep their reading, and a
close of the rest outranks a card's "Remaining" field.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- the whole bag sold, told as a story, a wish, a habit or of someone else: no close ------------------------------------

@pytest.mark.parametrize("text", [
    "Back in 2022 we sold all our #LUNA at 80, lesson learned",
    "Two years ago I sold the whole bag of #PEPE, never again",
    "Last bull run I sold all my #MATIC at 2.5 and watched it go to 2.9",
    "If only I had sold all my #OP at 4",
    "I wish we sold the whole #ARB bag at 2",
    "Whenever I sold all my #SOL it ran 20%",
    "Each time I sold everything on #XRP it pumped",
    "She sold her whole #ARB bag at the top, smart",
    "My wife sold all my #DOGE for a new kitchen",
    "Someone sold all at 0.25 on #ADA, bold",
    "sold all my #BTC for a house back in the day",
    "Hace dos años vendí todo mi #SOL",
    "Im Jahr 2021 alles verkauft bei #ETH, nie wieder",
    "В прошлом году продал всё по #ETH",
    "Ho venduto tutto il mio #ETH l'anno scorso",
    "Он продал всё по #TON на хаях",
])
def test_a_sale_told_as_a_story_closes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE
    assert parsed.update_action is None


@pytest.mark.parametrize("text, coin", [
    ("#WIF sold all at 2.41, done with this one", "WIF/USDT"),
    ("#WIF yesterday we sold all at 2.41", "WIF/USDT"),  # a close reported late still ends the trade
    ("#SOL sold all my SOL at 180, thanks for the ride", "SOL/USDT"),
    ("#ETH sold everything at 2021", "ETH/USDT"),  # a price like a year, no "in"
    ("#JUP hemos vendido todo en 0.92", "JUP/USDT"),
])
def test_a_sale_of_the_whole_bag_now_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "#BTC we sold half of our stack at 70k back in 2021",
    "In 2022 we took a third off the #SOL bag at 40",
])
def test_a_partial_sale_told_as_a_story_changes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


# --- a share of something that is no position: no partial close ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The crash took half off the value of #OP",
    "#ARB unlocks took a third off the market cap",
    "Gas fees cut half our profits on #OP",
    "#OP half off the fees this week",
    "#OP chop half of your emotions",
    "#NEAR trimming 20% of our watchlist",
    "Kill 30% of your notifications and sleep better",
    "#TIA cut half the size on the next entry",
    "Exchanges take 1/3 off your gains in fees",
    "Unload half of your worries before the weekend",
])
def test_a_share_of_something_else_is_no_partial_close(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE
    assert parsed.update_action != UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text, coin", [
    ("#AVAX took a third off the table at 41.2", "AVAX/USDT"),
    ("#LINK take half off the top here", "LINK/USDT"),
    ("#OP kill half the bag now", "OP/USDT"),
    ("#OP cut half the position size here", "OP/USDT"),
    ("#OP trim 30% of the #OP bag", "OP/USDT"),
    ("#OP unload 25% of our holdings", "OP/USDT"),
    ("#OP unload 25% of it here", "OP/USDT"),
    ("#OP kill half of the remaining position", "OP/USDT"),
    ("#OP cut the position in half", "OP/USDT"),
    ("#OP reducing 30% of your exposure", "OP/USDT"),
])
def test_a_share_of_the_position_stays_a_partial_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


# --- a close of the rest outranks the card's "Remaining" field ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#SOL Closed: 50% | Remaining: 50% — closing the rest at market now",
    "#SOL TP2 ✅ | Closed: 25% | Remaining: 50% — we exit everything now",
    "#SOL Remaining: 40% / close it all here, done",
])
def test_a_close_of_the_rest_beside_a_remaining_field_is_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "SOL/USDT"


@pytest.mark.parametrize("text", [
    "#SOL Closed: 30% | Remaining: 70% / SL → entry",
    "#SOL Closed: 50% | Remaining: 50%, close all when TP2 hits",  # waits for a target
])
def test_a_remaining_field_alone_keeps_the_trade(text):
    assert parse_message(text).kind != MessageKind.CLOSE
