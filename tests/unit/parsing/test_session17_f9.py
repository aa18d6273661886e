"""Session 17, fixer f9: blind_z9 rows (non-English channels), each read as a family.

Every case is written in its own words, never a corpus row. A second price written in brackets after the entry's on
its line is an order of the call when the bracket says it may be averaged there ("(can DCA at x)"), and otherwise
holds the call: trading the one entry alone is a smaller, different trade.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable and bool(parsed.rejected)


# --- a DCA price in brackets after the entry's: a rung of the call ------------------------------------------------------

@pytest.mark.parametrize("text, entries", [
    ("$OP LONG\nEntry: 1.820 (can DCA at 1.760)\nTP1: 1.900\nTP2: 1.990\nSL: 1.700", ["1.760", "1.820"]),
    ("#SEI LONG\nEntry: 0.3310 (pwede mag-DCA sa 0.3180)\nTP: 0.3500\nSL: 0.3050\nLeverage: 5x", ["0.3180", "0.3310"]),
    ("#DOT SHORT\nEntry 6.40 (you can also DCA 6.62)\nTarget 6.10\nStop 6.90", ["6.40", "6.62"]),
    ("$ARB LONG\nMasuk: 0.80 (bisa DCA di 0.77)\nTP: 0.86\nSL: 0.74", ["0.77", "0.80"]),
])
def test_a_dca_price_in_brackets_after_the_entry_is_a_rung(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected
    assert list(parsed.entries) == [Decimal(e) for e in entries]


# --- any other second price in brackets on the entry line: held, never traded as the one entry -------------------------

@pytest.mark.parametrize("text", [
    "$PYTH LONG\nEntry: 0.4050 (no DCA 0.3880)\nTP1: 0.4250\nSL: 0.3720",
    "$OP LONG\nEntry: 1.820 (or lower 1.760)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (add more at 1.760)\nTP1: 1.900\nSL: 1.700",
    "#ATOM SHORT\nВход: 5.30 (можно добор 5.52)\nTP: 5.00\nSL: 5.70",
    "$OP LONG\nEntry: 1.820 (can DCA if it dips to 1.760)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (can DCA at 1.600)\nTP1: 1.900\nSL: 1.700",
])
def test_an_unread_second_price_in_brackets_on_the_entry_line_holds_the_call(text):
    parsed = parse_message(text)
    assert _held(parsed), (parsed.kind, parsed.tradable, parsed.entries)


# --- look-alikes: a note in brackets after the entry keeps the call as it was ------------------------------------------

@pytest.mark.parametrize("text", [
    "$OP LONG\nEntry: 1.820 (now 1.835)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (current price 1.835)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (EMA50 1.790)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (2%)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (5x)\nTP1: 1.900\nSL: 1.700",
    "$OP LONG\nEntry: 1.820 (limit)\nTP1: 1.900\nSL: 1.700",
])
def test_a_note_in_brackets_after_the_entry_does_not_hold(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected
    assert list(parsed.entries) == [Decimal("1.820")] and parsed.side == Side.LONG


# --- labels of a call in more languages (et, lv, lt, hr, te, pa, km) -----------------------------------------------------

@pytest.mark.parametrize("text, targets, stop", [
    ("#DOT SHORT\nSisenemine: 6,40\nSihid: 6,10 / 5,90\nStopp: 6,70\nVõimendus 5x", ["6.10", "5.90"], "6.70"),
    ("#DOT LONG\nIeeja: 6,40\nMērķi: 6,70 / 6,95\nStop loss: 6,10", ["6.70", "6.95"], "6.10"),
    ("#DOT LONG\nĮėjimas: 6,40\nTikslai: 6,70 / 6,95\nStop loss: 6,10", ["6.70", "6.95"], "6.10"),
    ("#DOT LONG\nUlaz: 6.40\nCiljevi: 6.70 / 6.95\nStop loss: 6.10", ["6.70", "6.95"], "6.10"),
    ("💎 SPOT కాల్\nకాయిన్: $DOT\nకొనుగోలు జోన్: 6.50 - 6.30\nటార్గెట్లు: 6.90, 7.40\nస్టాప్ లాస్: 5.90",
     ["6.90", "7.40"], "5.90"),
    ("#DOT LONG\nਐਂਟਰੀ: 6.40\nਟਾਰਗੇਟ: 6.70, 6.95\nਸਟਾਪ ਲੌਸ: 6.10", ["6.70", "6.95"], "6.10"),
    ("#DOT ទិញ (LONG) 6.40\nគោលដៅ: 6.70 | 6.95\nកាត់ខាត (SL): 6.10", ["6.70", "6.95"], "6.10"),
])
def test_labels_of_a_call_in_more_languages(text, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "DOT/USDT"
    assert list(parsed.targets) == [Decimal(t) for t in targets] and parsed.stop_loss == Decimal(stop)


def test_khmer_market_price_is_a_market_entry():
    parsed = parse_message("#DOT ទិញ (LONG) ឥឡូវនេះ តម្លៃទីផ្សារ ≈ 6.40\nគោលដៅ: 6.70 | 6.95\nSL: 6.10")
    assert parsed.kind == MessageKind.OPEN and parsed.entry_type.value == "market"


# --- the whole position closed, in az / sk / cs / da / no / sv; a part keeps the rest -----------------------------------

@pytest.mark.parametrize("text", [
    "#DOT mövqe bağlandı, növbəti siqnalı gözləyin",
    "❌ #DOT stop-loss-a düşdü (6.10). Mövqe bağlandı.",
    "#DOT pozíciu zatvárame celú, trh sa otočil",
    "#DOT zatvárame celú pozíciu na trhu",
    "#DOT zavíráme celou pozici",
    "🔴 LUK ALT på #DOT nu!",
    "Lukk posisjonen på #DOT nå",
    "Stäng allt på #DOT",
])
def test_the_whole_position_closed_in_more_languages(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "DOT/USDT"


@pytest.mark.parametrize("text", [
    "#DOT pozíciu zatvárame z polovice, zvyšok beží",
    "#DOT luk halvdelen, resten kører",
    "Sælg til markedspris: #DOT",
    "Vi lukker ikke #DOT endnu",
])
def test_a_part_or_no_close_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- a target hit and the stop moved, in hr / yo / pa ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#DOT ✅ Drugi cilj pogođen (6,95)! Pomaknite stop na ulaz.",
    "#DOT TP1 (6,70) ti bọ́ ✅\nẸ gbé SL lọ sí entry (6,40).",
    "#DOT ਅਪਡੇਟ ਪਹਿਲਾ ਟਾਰਗੇਟ ਹਿੱਟ ✅ ਸਟਾਪ ਲੌਸ 6.40 ਤੇ ਲੈ ਜਾਓ।",
    "#DOT TP1 hit ✅ SL 6.40 पर ले जाओ",
    "#DOT 🎯 Visi mērķi sasniegti! ✅",
])
def test_a_target_hit_and_the_stop_moved_is_an_update(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "DOT/USDT" and not parsed.tradable
    assert parsed.update_action is not None


# --- a call whose levels come later (ka), a plan waiting for confirmation (it/es/pt/de) ---------------------------------

def test_georgian_levels_promised_later_hold_a_direction_only_call():
    parsed = parse_message("#DOT SHORT 🔴\nდეტალები მალე — შესვლა და მიზნები 10 წუთში")
    assert _held(parsed) and parsed.side == Side.SHORT and not parsed.entries


@pytest.mark.parametrize("text", [
    "Occhio a #DOT: se rompe 7.20 entriamo long, target 7.80. Per ora niente, aspettiamo conferma",
    "Ojo a #DOT: si rompe 7.20 entramos long, objetivo 7.80. Esperamos confirmación",
    "#DOT: se romper 7.20 entramos long, alvo 7.80. Aguardamos confirmação",
])
def test_a_plan_waiting_for_confirmation_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL
