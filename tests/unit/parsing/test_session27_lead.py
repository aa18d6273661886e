"""Session 27, lead: a card a reader asks about as genuine, in Turkish, German, French, Italian and Vietnamese, is held
(held-out z84-026 had traded a forwarded card asked "sağlam mı sizce?"); the same card posted by the channel trades."""

import pytest
from verzek.parsing import parse_message


@pytest.mark.parametrize("text", [
    "Abi bu sinyal Telegram'da dolaşıyor, güvenilir mi? 👇\n\n#WIF SHORT\nGiriş: 2.410\nTP: 2.300 - 2.180\nSL: 2.520\n10x",
    "Hocam bu kurulum gerçek mi acaba?\n#ONDO LONG\nGiriş: 0.9120\nTP: 0.9500 - 0.9900\nSL: 0.8800",
    "Leute, jemand hat mir das geschickt – seriös oder Betrug?\n#INJ LONG\nEinstieg: 21,40\nZiele: 22,60 / 23,90\nStopp: 20,70",
    "Ce signal tourne dans un autre groupe, fiable ou arnaque ?\n#TIA LONG\nEntrée : 6,10\nTP : 6,45 / 6,90\nSL : 5,85",
    "Ragazzi questo segnale è affidabile o truffa?\n#ARB LONG\nEntrata: 0,3400\nTarget: 0,3550 / 0,3700\nStop: 0,3250",
    "Ae ơi kèo này uy tín không?\n#SUI LONG\nVào: 3,41\nTP: 3,60 / 3,85\nSL: 3,25",
])
def test_a_card_asked_about_as_genuine_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open"
    assert not parsed.tradable
    assert "genuine" in parsed.rejected


@pytest.mark.parametrize("text", [
    "#WIF SHORT\nGiriş: 2.410\nTP: 2.300 - 2.180\nSL: 2.520\n10x",
    "#PENGU LONG 🚀\nGiriş: 0.01820\nTP: 0.01950 - 0.02100 - 0.02400\nSL: 0.01730\n20x\nSağlam bir kurulum, sizce de öyle değil mi?",
])
def test_the_channels_own_card_still_trades(text):
    assert parse_message(text).tradable


@pytest.mark.parametrize("text", ["Closed in profit this week: 12 of 15 trades", "closed green today: 7/9 calls",
                                  "Closed in profit last month — 31 of 40 signals"])
def test_a_result_of_a_period_is_a_tally_not_a_close(text):
    assert parse_message(text).kind.value == "not_a_signal"


@pytest.mark.parametrize("text", ["Closed in loss ❌ -6.3%. Macro turned", "closed at a small profit"])
def test_a_reply_closed_with_its_result_still_closes(text):
    assert parse_message(text).kind.value == "close"


def test_a_bots_field_words_in_capitals_are_no_coin():
    text = "STRATEGY: TREND RIDER V3\nACTION: SELL SHORT\nSYMBOL: BNBUSDT (PERP)\nENTRY: 588.4\nTP: 579.0 / 571.5\nSL: 596.2"
    parsed = parse_message(text)
    assert parsed.symbol != "ACTION/USDT" and parsed.symbol != "STRATEGY/USDT"
