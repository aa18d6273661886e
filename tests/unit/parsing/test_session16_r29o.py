"""Session 16 (fixer "r29o"), from the adversarial review 29: Thai/Bengali "not spot", a hindsight teaser above (or
below) a real card or before a command, and a "why <level>?" the writer answers under a card. Look-alikes in my own
wording, with the traps near each rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

D = Decimal


# --- "not spot" in Thai (negation glued before) and Bengali (negation after) -------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX LONG\nEntry 30\nTP 33\nSL 28\nไม่ใช่สปอต",
    "#AVAX LONG\nEntry 30\nTP 33\nSL 28\nไม่ใช่ สปอต นะครับ",
    "#AVAX LONG\nEntry 30\nTP 33\nSL 28\nสปอตไม่เอา ไม่เอาสปอต",
    "#AVAX LONG\nEntry 30\nTP 33\nSL 28\nস্পট নয়",
    "#AVAX LONG\nEntry 30\nTP 33\nSL 28\nএটা স্পট না",
])
def test_negated_spot_is_not_the_spot_market(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "AVAX/USDT"
    assert parsed.market is None or parsed.market.value != "spot"


@pytest.mark.parametrize("text", [
    "#AVAX LONG 5x\nEntry 30\nTP 33\nSL 28\nไม่ใช่สปอต",
    "#AVAX LONG 5x\nEntry 30\nTP 33\nSL 28\nস্পট নয়, শুধু ফিউচার",
    "#AVAX LONG 5x\nEntry 30\nTP 33\nSL 28\nnot for spot traders",
    "#AVAX LONG 5x\nEntry 30\nTP 33\nSL 28\nSpot bags: keep holding",
])
def test_negated_spot_beside_leverage_is_futures(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.market is not None and parsed.market.value == "futures"


@pytest.mark.parametrize("text", [
    "#AVAX สปอต ซื้อ 30\nเป้า 33\nสต็อป 28",
    "#AVAX স্পট কিনুন 30\nটার্গেট 33\nস্টপ 28",
    "#AVAX স্পট নাকি? স্পট কিনুন 30\nটার্গেট 33\nস্টপ 28",
])
def test_plain_thai_and_bengali_spot_stays_spot(text):
    parsed = parse_message(text)
    assert parsed.market is not None and parsed.market.value == "spot"


def test_spot_and_futures_both_offered_stays_open():
    # "spot traders" is an audience for a second market: the post leaves the market open
    parsed = parse_message("#AVAX LONG 5x\nEntry 30\nTP 33\nSL 28\nSpot and futures both fine")
    assert parsed.market is None


# --- hindsight: a teaser before / after a real card, or before a command -----------------------------------------

@pytest.mark.parametrize("text,symbol,entries,stop", [
    ("Had you bought #LINK at 11 you'd be up 30% today. Here is the next one:\n#LINK LONG\nEntry 14.2\nTP 15 16\nSL 13.6",
     "LINK/USDT", [D("14.2")], D("13.6")),
    ("If you had longed $DOT at 4.1 you would have doubled. New call:\n#ATOM LONG\nEntry 9.5 - 9.7\nTP 10.5\nSL 9.1",
     "ATOM/USDT", [D("9.5"), D("9.7")], D("9.1")),
    ("You would have made 60% on #INJ last month! Today: #INJ LONG entry 22 TP 25 SL 20.5",
     "INJ/USDT", [D("22")], D("20.5")),
    ("Si hubieras comprado #LINK en 11 tendrías +30%.\n#LINK LONG\nEntrada 14,2\nTP 15\nSL 13,6",
     "LINK/USDT", [D("14.2")], D("13.6")),
])
def test_a_hindsight_teaser_over_a_card_leaves_the_card(text, symbol, entries, stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == symbol
    assert list(parsed.entries) == entries and parsed.stop_loss == stop


@pytest.mark.parametrize("text", [
    "If you had bought #LINK at 11 you'd be up 30% 🚀",
    "Had you longed #LINK at 11 with TP 15 and SL 10 you'd have made 35%",
    # the card's entry is only inside the look back: no live entry outside it
    "Had you bought #LINK at 11 you'd be up 30%. TP 15 hit ✅ SL was 10",
    "If you bought #LINK yesterday at 11 you're up 30% now",
])
def test_hindsight_alone_stays_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value != "open" or not parsed.tradable
    assert parsed.kind.value in ("not_a_signal", "update", "open")
    assert not parsed.tradable


@pytest.mark.parametrize("text,action", [
    ("If you had entered #LINK late, around 14.8, take half off now", UpdateAction.PARTIAL_CLOSE),
    ("If you had bought #LINK with us: stop to entry now", UpdateAction.MOVE_SL_BREAKEVEN),
    ("If you had got in on #LINK, close 50% here", UpdateAction.PARTIAL_CLOSE),
])
def test_if_you_had_bought_before_a_command_is_a_reader_condition(text, action):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == "LINK/USDT"
    assert parsed.update_action == action


@pytest.mark.parametrize("text", [
    "If you had bought #LINK at 11 you would have moved SL to entry by now",
    "If you had entered #LINK at 14 you'd be fine: move SL to entry next time",
])
def test_a_counterfactual_command_stays_a_look_back(text):
    assert parse_message(text).kind.value == "not_a_signal"


# --- "why <level>?" answered by the writer under a card -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#ARB LONG\nEntry 1,25\nTP 1,40\nSL 1,18\nWhy 1,25? Weekly support.",
    "#ARB LONG\nEntrada 1,25\nTP 1,40\nSL 1,18\n¿Por qué 1,25? Soporte semanal.",
    "#ARB LONG\nВход 1,25\nЦель 1,40\nСтоп 1,18\nПочему 1,25? Недельная поддержка.",
    "#ARB LONG\nGiriş 1,25\nHedef 1,40\nStop 1,18\nNeden 1,25? Haftalık destek.",
    "#ARB LONG\nEntry 1,25\nTP 1,40\nSL 1,18\nWarum 1,25? Wochen-Support.",
])
def test_why_this_level_keeps_the_card(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.tradable
    assert list(parsed.entries) == [D("1.25")] and parsed.stop_loss == D("1.18")


@pytest.mark.parametrize("text", [
    "#ARB LONG\nEntry 1,25\nTP 1,40\nSL 1,18\nWhy not 1,25?",
    "Why not long #ARB at 1,25 with SL 1,18 and TP 1,40?",
    "#ARB LONG\nEntry 1,25\nTP 1,40\nSL 1,18\nWho is taking 1,25?",
    "¿Por qué no entrar en #ARB a 1,25 con SL 1,18?",
])
def test_a_real_question_over_the_level_stays_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal"
