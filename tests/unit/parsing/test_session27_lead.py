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


@pytest.mark.parametrize("text, expected", [
    # it "Prezzo di carico" (the load price: the entry) and "Protezione" (the stop) heading their lines
    ("Operatività: SHORT su #OP\nPrezzo di carico: 1,842\nObiettivi: 1,80 / 1,76\nProtezione: 1,905",
     {"symbol": "OP/USDT", "side": "short", "entries": [1.842], "targets": [1.8, 1.76], "stop_loss": 1.905}),
    ("LONG #DOT\nPrezzo di carico: 3,10 – 3,20\nObiettivi: 3,45 / 3,70\nProtezione: 2,95\nLeva 5x",
     {"symbol": "DOT/USDT", "side": "long", "entries": [3.1, 3.2], "targets": [3.45, 3.7], "stop_loss": 2.95}),
    # vi "Mã:" (the coin's code) and "Vùng mua" (the buy zone)
    ("LỆNH MỚI\nMã: SOL\nHướng: LONG\nVùng mua: 182.4 – 184.0\nMục tiêu: 189.5 / 194.0\nDừng lỗ: 178.2\nĐòn bẩy: x10",
     {"symbol": "SOL/USDT", "side": "long", "entries": [182.4, 184], "targets": [189.5, 194], "stop_loss": 178.2}),
])
def test_italian_and_vietnamese_card_labels(text, expected):
    got = parse_message(text).to_expected_dict()
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("text", ["Mã giảm giá 20% cho thành viên mới, đăng ký ngay",
                                  "Prezzo di carico medio: 2.450, tutto sotto controllo",
                                  "La protezione del capitale viene prima di tutto 🙏"])
def test_the_label_words_in_prose_are_no_card(text):
    assert parse_message(text).kind.value == "not_a_signal"
