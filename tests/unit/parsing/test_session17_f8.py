"""Session 17, fixer "f8" (blind_z8): the families its rows stand for, each with look-alikes in new wording and guards
that keep their reading.

A close ends the whole position: a card's row named like an exit verb ("CUT 1.779"), an invalidation level
("Invalid: 7.35") or one numbered part sold ("first bag sold") must never read as one."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


# --- a text-table card: IN = entry, OUT-n = targets, CUT = stop ---------------------------------------------------------

@pytest.mark.parametrize("text, side, entry, targets, stop", [
    (("┌──────┬────────┐\n│ PAIR │ LINKUSDT │\n│ DIR  │ ▼ SHORT │\n│ IN   │ 14.20 │\n│ OUT-1 │ 13.60 │\n"
     "│ OUT-2 │ 13.10 │\n│ CUT  │ 14.75 │\n└──────┴────────┘"), "short", "14.20", ["13.60", "13.10"], "14.75"),
    ("#AVAX SHORT\nIN 24.10\nOUT 1: 23.40\nOUT 2: 22.80\nCUT 24.90", "short", "24.10", ["23.40", "22.80"], "24.90"),
    ("PAIR: LINKUSDT\nDIR: LONG\nIN: 14.20\nOUT-1: 14.80\nOUT-2: 15.40\nCUT: 13.70", "long", "14.20", ["14.80", "15.40"], "13.70"),
    ("| PAIR | LINKUSDT |\n| DIR | LONG |\n| IN | 14.20 |\n| OUT 1 | 14.80 |\n| OUT 2 | 15.40 |\n| CUT | 13.70 |",
     "long", "14.20", ["14.80", "15.40"], "13.70"),
    ("#LINK long\nEntry 14.2\nTP 14.8 / 15.4\nCut 13.7", "long", "14.2", ["14.8", "15.4"], "13.7"),
])
def test_a_cut_row_under_a_card_is_its_stop_not_a_close(text, side, entry, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol in ("LINK/USDT", "AVAX/USDT")
    assert parsed.side.value == side
    assert list(parsed.entries) == [D(entry)]
    assert list(parsed.targets) == [D(t) for t in targets]
    assert parsed.stop_loss == D(stop)


@pytest.mark.parametrize("text", ["#LINK cut it here", "#LINK cut now at 13.9", "Cutting #LINK", "CUT #LINK 13.90"])
def test_cut_as_a_command_still_closes(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "LINK/USDT"


def test_cut_a_share_stays_a_partial_close():
    parsed = parse_message("#LINK\nCut 50% here")
    assert parsed.kind.value == "update" and parsed.update_action.value == "partial_close"


# --- "Invalid: <price>" is the invalidation level (the stop), not the call invalidated ---------------------------------

@pytest.mark.parametrize("text, side, targets, stop", [
    ("$RNDR long 📈\nT: 8.40 / 8.95 / 9.60\nInvalid: 7.35", "long", ["8.40", "8.95", "9.60"], "7.35"),
    ("#ATOM short\nT: 6.10 / 5.80\nInvalid: 7.05", "short", ["6.10", "5.80"], "7.05"),
    ("#ATOM short\nTargets 6.10 / 5.80\nInvalid above 7.05", "short", ["6.10", "5.80"], "7.05"),
])
def test_an_invalid_level_without_entry_is_a_held_open(text, side, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.side.value == side
    assert list(parsed.targets) == [D(t) for t in targets] and parsed.stop_loss == D(stop)
    assert not parsed.entries and not parsed.tradable


def test_an_invalid_level_under_a_full_card_is_its_stop():
    parsed = parse_message("#RNDR long\nEntry 8\nTP 9\nInvalid < 7.35")
    assert parsed.kind.value == "open" and parsed.stop_loss == D("7.35") and parsed.tradable


@pytest.mark.parametrize("text", ["#ATOM setup invalid now, closing", "#ATOM trade invalidated ❌"])
def test_the_call_said_invalid_still_closes(text):
    assert parse_message(text).kind.value == "close"


# --- one numbered part sold ("first bag", "2nd tranche") is a partial close ---------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("✅ $JUP — first bag sold at 1.12 (+8.2%)\nMoving my invalidation up to entry (1.035), letting the rest breathe.",
     "JUP/USDT"),
    ("#SUI second tranche sold at 4.20, rest rides", "SUI/USDT"),
    ("#SUI 1st lot closed +6%", "SUI/USDT"),
    ("Closed the first bag of #SUI", "SUI/USDT"),
    ("Sold my first bag of #DOGE at 0.21", "DOGE/USDT"),
    ("$ARB 2nd tranche closed +12%, SL to entry", "ARB/USDT"),
])
def test_a_numbered_part_sold_is_a_partial_close(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert parsed.update_action.value == "partial_close"


@pytest.mark.parametrize("text", ["#SUI bag sold ✅ +20%", "#SUI whole position sold", "#SUI bag fully sold ✅"])
def test_the_whole_bag_sold_still_closes(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "SUI/USDT"


# --- exit and entry words of prose and other languages: "Protect at" = stop, "Covering at" = a short's targets, "TGT" =
# targets, "Preço de abertura" = entry ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, side, entries, targets, stop", [
    ("SEI spot bag 🌊 buy 0.6000 — selling into strength at 0.6180 (+3%), 0.6360 (+6%). Protect at 0.5760 (-4%).",
     "long", ["0.6000"], ["0.6180", "0.6360"], "0.5760"),
    ("#SOL long\nEntry 150\nTP 160 / 170\nProtect at 142", "long", ["150"], ["160", "170"], "142"),
    ("#ETH short\nEntry 3400\nCovering at 3300 and 3250\nSL 3480", "short", ["3400"], ["3300", "3250"], "3480"),
    ("#LINK LONG | ENTRY 14 | TGTS 15 / 16 | SL 13", "long", ["14"], ["15", "16"], "13"),
    ("SL 0.3420 | TGT 0.3710 – 0.3840 | ENTRY 0.3515 | LONG | $ONDO", "long", ["0.3515"], ["0.3710", "0.3840"], "0.3420"),
    ("VENDA (short) 📉 #BNB\nPreço de abertura: 585,0\nAlvos: 578 → 570\nStop: 592,5", "short", ["585"], ["578", "570"],
     "592.5"),
    ("VENTA #BNB\nPrecio de apertura: 585\nObjetivos: 578 / 570\nStop: 592", "short", ["585"], ["578", "570"], "592"),
    ("VENTE #BNB\nPrix d'ouverture : 585\nObjectifs : 578 / 570\nStop : 592", "short", ["585"], ["578", "570"], "592"),
])
def test_prose_and_foreign_level_words_are_read(text, side, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.side.value == side
    assert list(parsed.entries) == [D(e) for e in entries]
    assert list(parsed.targets) == [D(t) for t in targets]
    assert parsed.stop_loss == D(stop)
    assert parsed.tradable


def test_covering_in_a_long_is_not_traded():
    # (a buy-back word in a long is no exit of it: the levels disagree — held, never traded)
    parsed = parse_message("#ETH long\nEntry 3400\nCovering at 3300\nTP 3500\nSL 3350")
    assert not parsed.tradable


def test_protect_at_alone_moves_the_stop():
    parsed = parse_message("#SOL protect at 142 now")
    assert parsed.kind.value == "update" and parsed.update_action.value == "new_stop"


# --- a bare ticker after a few lower-case heading words, the call's levels right after it: the coin, held ----------------

@pytest.mark.parametrize("text, symbol", [
    ("quick scalp 🩳 DOGE 0.1584 sell, tp 0.1561, sl 0.1598, 50x ⚡ in and out", "DOGE/USDT"),
    ("scalp DOGE 0.1584 short, tp 0.1561, sl 0.1598", "DOGE/USDT"),
    ("【现货】BCH 买入区间 455-468\n止盈：485 / 502 / 530\n止损：438", "BCH/USDT"),
    ("现货 BCH 买入区间 455-468\n止盈：485 / 502 / 530\n止损：438", "BCH/USDT"),
])
def test_a_bare_ticker_after_lower_case_heading_words_is_the_held_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == symbol
    assert not parsed.tradable and "capitalised word" in parsed.rejected


def test_a_tagged_coin_after_heading_words_still_trades():
    parsed = parse_message("【现货】#BCH 买入区间 455-468\n止盈：485 / 502 / 530\n止损：438")
    assert parsed.symbol == "BCH/USDT" and parsed.tradable


# --- a one-letter target row ticked off ("T2 ✔") is a target hit; the stop arrow after it moves the stop -----------------

@pytest.mark.parametrize("text, index", [
    ("GALAUSDT LONG │ T2 ✔ 0.0281 │ SL → 0.0269", 2),
    ("#GALA LONG\nT2 ✅ 0.0281\nSL → 0.0269", 2),
    ("#GALA T1 hit", 1),
])
def test_a_ticked_one_letter_target_is_a_target_hit(text, index):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == "GALA/USDT"
    assert parsed.update_action.value == "tp_hit" and parsed.target_index == index


@pytest.mark.parametrize("text", ["#GALA T2 hit 0.0281 SL -> 0.0269", "#GALA TP2 hit 0.0281 SL -> 0.0269"])
def test_a_stop_arrow_after_a_target_hit_at_its_price_moves_the_stop(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.new_stop == D("0.0269")


def test_one_letter_target_rows_of_a_card_stay_a_call():
    parsed = parse_message("#GALA LONG\nE: 0.025\nT1: 0.027\nT2: 0.028\nS: 0.024")
    assert parsed.kind.value == "open" and list(parsed.targets) == [D("0.027"), D("0.028")] and parsed.tradable
