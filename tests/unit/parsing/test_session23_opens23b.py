"""Session 23, opens23b: tradable opens that must not trade as read.

Rules, each with its traps:
- a "Ref price:" / "Reference price:" / "Ref. rate:" line is where the market stands, read like "Current price:": under
  an order at the market it is the order's reference entry (thousands commas read as such); beside an entry of its
  own it is no entry;
- a card labelled an example or a template in Hebrew ("דוגמה בלבד" — example only, "לא להעתיק" / "אל תעתיקו" — do not
  copy, "תבנית לאיתות" — a template for a signal) or in Arabic ("مثال فقط", "لا تنسخ") is no call; the same card
  without those words stays one;
- a member asking about a card passed to them ("someone forwarded this to me", "a friend sent me this", "is this
  from the VIP?", "can I take it?", "мне переслали", "me encaminharam") is no call — a question the post answers
  "yes" is the channel's own, and so is a card that merely mentions "someone" elsewhere;
- a leverage mark inside a clause set aside as another coin's status ("✅ BTC TP2 hit (+21% on 10x)" above a fresh card
  of another coin) is that trade's leverage, never the card's: the card's own mark is read, or none; on the card's
  own lines ("TP 1.95 (+25% on 15x)") a mark stays the call's;
- an order at the market in Italian ("a mercato", "al mercato") and in Thai with "now" after the market's price
  ("ราคาตลาดตอนนี้") makes the price written after it (with "~", "ประมาณ") the market order's reference; a price
  before "(non a mercato)" stays a limit;
- the shield emoji heading a price alone on its line ("🛡 1.998") is the stop; before a share or any words ("🛡 50%
  secured at TP1") it is none;
- Italian "Prese di profitto" / "Presa di profitto" label the targets; "margine" (margin) says futures, and "niente
  spot" / "non spot" rule spot out (a bare "spot" stays spot);
- Dutch "Koopzone" / "Aankoopzone" / "Aankoopprijs" label the entry;
- "TP" and "SL" spelt in Bengali or Devanagari letters ("টিপি১", "टीपी1", "এসএল:", "एसएल:") are the target and stop
  labels, a target's number in any script after them; a status line "টিপি১ হিট" reports the target hit (an update,
  never an open); the letters without a number or price after them are left alone.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.reason, parsed.rejected)
    return parsed


# --- reference price under a market order ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entry"), [
    ("SELL ETH/USDT AT MARKET\nReference price: 3,410\nTP: 3,300 / 3,200\nSL: 3,500", 3410),
    ("DOGE LONG at market\nReference price: 0.1420\nTP 0.1500\nSL 0.1360", 0.142),
    ("GO LONG >>> ADA/USDT AT MARKET\nREF PRICE: 0.9120\nLEV: 5X\nTP: 0.95 / 0.99\nSL: 0.88", 0.912),
])
def test_reference_price_of_a_market_order_is_its_entry(text, entry):
    parsed = _open(text)
    d = parsed.to_expected_dict()
    assert d["entry_type"] == "market"
    assert d["entries"] == [entry]
    assert parsed.tradable


@pytest.mark.parametrize(("text", "entry"), [
    ("SELL ETH/USDT\nReference price: 3,410\nEntry: 3,450\nTP: 3,300 / 3,200\nSL: 3,500", 3450),
    ("📊 SUI long\nEntry: 3.50\nRef. price 3.62 (market now)\nTP 3.80\nSL 3.30", 3.5),
])
def test_reference_price_beside_an_entry_is_no_entry(text, entry):
    d = _open(text).to_expected_dict()
    assert d["entries"] == [entry]
    assert d["entry_type"] == "limit"


# --- example / template cards in Hebrew and Arabic ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "דוגמה בלבד\nמטבע: ETH/USDT\nכיוון: שורט\nכניסה: 3000\nיעד: 2800\nסטופ: 3100",
    "תבנית לאיתות 👇\nמטבע: SOL/USDT\nכיוון: לונג\nכניסה: 140\nיעד: 150\nסטופ: 130",
    "מטבע: SOL/USDT\nכיוון: לונג\nכניסה: 140\nיעד: 150\nסטופ: 130\nלא להעתיק!",
    "מטבע: SOL/USDT\nכיוון: לונג\nכניסה: 140\nיעד: 150\nסטופ: 130\nאל תעתיקו.",
    "مثال فقط 👇\n#ETH/USDT شراء\nالدخول: 3000\nالهدف: 3200\nوقف الخسارة: 2900",
    "#ETH/USDT شراء\nالدخول: 3000\nالهدف: 3200\nوقف الخسارة: 2900\nلا تنسخ!",
])
def test_example_or_template_card_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "איתות חדש\nמטבע: ETH/USDT\nכיוון: לונג\nכניסה: 3000\nיעד: 3200\nסטופ: 2900",
    "#ETH/USDT شراء\nالدخول: 3000\nالهدف: 3200\nوقف الخسارة: 2900",
])
def test_the_same_card_without_example_words_is_a_call(text):
    assert _open(text).tradable


# --- a member's question about a card passed on ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "a friend sent me this, legit?\nETH SHORT 3400\nTP 3300\nSL 3500",
    "Should I take this one? 🙏\nAVAX SHORT 24.5\nTP 23.9\nSL 25.2",
    "admin, somebody shared this with the group — is it from the VIP?\nSOL LONG 140 - 138\nTP 150\nSL 130",
    "Мне переслали:\nETH SHORT 3400\nTP 3300\nSL 3500",
    "Me encaminharam isso, é do VIP?\nSOL LONG 140\nTP 150\nSL 130",
])
def test_member_question_about_a_passed_on_card_is_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#SOL LONG\nEntry 140\nTP 150\nSL 130\nCan I take it? Yes — all members can.",
    "🔥 AVAX SHORT 24.5\nTP 23.9\nSL 25.2\nDM me if you are unsure, someone will help",
])
def test_channel_card_with_a_question_answered_or_someone_mentioned_stays_a_call(text):
    assert _open(text).tradable


# --- leverage of another coin's status line ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "leverage"), [
    ("✅ ETH TP1 hit (+30% on 15x) — moving stop to entry\n\n#OP/USDT LONG\nEntry 1.80\nTP 1.95\nSL 1.70\n5x cross", 5),
    ("ETH closed in profit (+80% with 20x) 🎉\n\n#SOL LONG\nEntry 140\nTP 150\nSL 130\n5x", 5),
    ("✅ ETH TP1 hit (+30% on 15x)\n\n#OP/USDT LONG\nEntry 1.80\nTP 1.95\nSL 1.70", None),
])
def test_leverage_of_another_coins_result_is_not_the_cards(text, leverage):
    assert _open(text).leverage == leverage


def test_leverage_on_the_cards_own_target_note_stays():
    assert _open("#OP/USDT LONG 15x\nEntry 1.80\nTP 1.95 (+25% on 15x)\nSL 1.70").leverage == 15


# --- market orders in Italian and Thai ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entry"), [
    ("#SOL long 10x\nEntrata a mercato ~ 141,20\nTP: 150 / 158\nSL: 133", 141.2),
    ("#SOL long 10x\nIngresso al mercato (circa 141,20)\nTP: 150 / 158\nSL: 133", 141.2),
    ("📈 ลองก์ $SOL\nเข้าที่ราคาตลาดตอนนี้ (ประมาณ 141.2)\nเป้า 150 / 158\nSL 133", 141.2),
])
def test_market_order_words_make_the_price_its_reference(text, entry):
    d = _open(text).to_expected_dict()
    assert d["entry_type"] == "market"
    assert d["entries"] == [entry]


def test_a_price_written_before_no_market_words_stays_a_limit():
    assert _open("#SOL long\nIngresso: 140 (non a mercato)\nTP 150\nSL 130").to_expected_dict()["entry_type"] == "limit"


# --- the shield emoji as the stop --------------------------------------------------------------------------------------


def test_shield_heading_a_price_is_the_stop():
    parsed = _open("🪙 LINK/USDT | ⬇️ SHORT | ⚙️ 6x\n📍 Entry: 24.10 – 24.40\n🎯 23.50 · 22.80\n🛡 25.05")
    assert parsed.stop_loss == Decimal("25.05")
    assert list(parsed.targets) == [Decimal("23.50"), Decimal("22.80")]


def test_shield_before_a_share_is_no_stop():
    parsed = _open("#SOL LONG\nEntry 140\nTP 150\nSL 130\n🛡 50% secured at TP1")
    assert parsed.stop_loss == Decimal(130)


# --- Italian targets and margin, Dutch buy zone ------------------------------------------------------------------------


def test_italian_profit_takes_and_margin_read():
    parsed = _open("#AVAX vendita allo scoperto\nIngresso: 31,40\nPrese di profitto: 30,10 – 29,25\nStop 32,60\n"
                   "(niente spot, solo margine)")
    d = parsed.to_expected_dict()
    assert d["targets"] == [30.1, 29.25]
    assert d["market"] == "futures"
    assert parsed.tradable


def test_italian_spot_buy_stays_spot():
    d = _open("#AVAX acquisto spot\nIngresso: 31,40\nPresa di profitto: 33,00\nStop 29,90").to_expected_dict()
    assert d["market"] == "spot"
    assert d["targets"] == [33]


@pytest.mark.parametrize(("text", "entries"), [
    ("Spot aankoop #SOL\nKoopzone: 138,50 – 141,00\nDoelen: 150 / 158\nStop: 131", [138.5, 141]),
    ("#SOL spot\nAankoopzone: 138,50 - 141,00\nDoel: 150\nStop: 131", [138.5, 141]),
])
def test_dutch_buy_zone_is_the_entry(text, entries):
    d = _open(text).to_expected_dict()
    assert d["entries"] == entries
    assert d["entry_type"] == "range"


# --- TP / SL spelt in Bengali and Devanagari ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "লং 🟢 $SOL\nএন্ট্রি: 140\nটিপি১: 150\nটিপি২: 158\nএসএল: 131",
    "লং 🟢 $SOL\nএন্ট্রি: 140\nটিপি: 150 | 158\nএসএল: 131",
    "लॉन्ग $SOL\nएंट्री: 140\nटीपी1: 150\nटीपी2: 158\nएसएल: 131",
])
def test_script_tp_and_sl_labels_read(text):
    parsed = _open(text)
    assert list(parsed.targets) == [Decimal(150), Decimal(158)]
    assert parsed.stop_loss == Decimal(131)
    assert parsed.tradable


@pytest.mark.parametrize("text", ["SOL লং 🎯 টিপি২ হিট!", "SOL लॉन्ग टीपी2 हिट ✅"])
def test_script_tp_hit_is_an_update(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert not parsed.tradable
