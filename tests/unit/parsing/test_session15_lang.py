"""Session 15 (helper "lang"): the rare-language wordings from the first look at blind batch t1 — a spot market in
Urdu script or said beside "no leverage" in Tagalog and others, Thai lot rungs and take-profit label, Uzbek/Russian
rung numbers glued before the entry word, the Dutch "instappen" entry, Hebrew ordinals after the target word, Hindi
and Swahili teasers whose levels come later (a held open), an Urdu "trade closed", a Hebrew cancel of the unfilled
entries, and a Kazakh/Uzbek target reached and stop to the entry — each with guards that keep their reading."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


def _kind_action(text: str) -> tuple[str, str | None]:
    parsed = parse_message(text)
    return parsed.kind.value, parsed.update_action.value if parsed.update_action else None


# --- the market: spot ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#DOT لانگ اسپاٹ\nخرید: 4.10\nٹارگٹ: 4.40 - 4.70\nسٹاپ: 3.90",
    "#DOT लॉन्ग स्पॉट\nएंट्री: 4.10\nटारगेट: 4.40 / 4.70\nस्टॉप: 3.90",
    "#DOT buy 4.10\nTP 4.40 / 4.70\nSL 3.90\nspot trade ito, walang leverage",
    "#DOT beli 4.10\nTP 4.40 / 4.70\nSL 3.90\nspot saja, tanpa leverage",
    "#DOT nunua 4.10\nTP 4.40 / 4.70\nSL 3.90\nspot, bila leverage",
])
def test_spot_said_beside_no_leverage_is_spot(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open"
    assert parsed.market is not None and parsed.market.value == "spot"


@pytest.mark.parametrize("text, market", [
    ("#DOT long 4.10\nTP 4.40 / 4.70\nSL 3.90\nleverage 5x", "futures"),  # a leverage, no spot word
    ("#DOT long 4.10\nTP 4.40 / 4.70\nSL 3.90\nspot or futures 5x", None),  # both named: left open
])
def test_a_leverage_still_names_futures(text, market):
    parsed = parse_message(text)
    assert (parsed.market.value if parsed.market else None) == market


# --- rungs and labels -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, entries, targets", [
    ("#APT ชอร์ต\nไม้ 1: 9.40\nไม้ 2: 9.65\nทำกำไร: 9.00 / 8.70\nหยุดขาดทุน: 9.95", [D("9.40"), D("9.65")],
     [D("9.00"), D("8.70")]),
    ("#APT Long\nไม้ 1: 9.40\nไม้ 2: 9.15\nขายทำกำไร: 9.80 / 10.20\nคัทลอส: 8.90", [D("9.15"), D("9.40")],
     [D("9.80"), D("10.20")]),
    ("#APT ЛОНГ\n1-кириш: 9.40\n2-кириш: 9.15\nМақсадлар: 9.80 / 10.20\nСтоп: 8.90", [D("9.15"), D("9.40")],
     [D("9.80"), D("10.20")]),
    ("#APT long\n1-й вход: 9.40\n2-й вход: 9.15\nЦели: 9.80 / 10.20\nСтоп: 8.90", [D("9.15"), D("9.40")],
     [D("9.80"), D("10.20")]),
    ("#APT long\nInstappen: 9,15 en 9,40\nDoelen: 9,80 - 10,20\nStoploss: 8,90", [D("9.15"), D("9.40")],
     [D("9.80"), D("10.20")]),
    ("#APT לונג 9.40\nיעד ראשון 9.80 יעד שני 10.20\nסטופ 8.90", [D("9.40")], [D("9.80"), D("10.20")]),
])
def test_rung_and_target_labels_of_rare_languages(text, entries, targets):
    parsed = parse_message(text)
    assert parsed.kind.value == "open"
    assert sorted(parsed.entries) == entries
    assert list(parsed.targets) == targets


def test_a_dutch_pair_of_alternative_stops_takes_the_tighter():
    parsed = parse_message("#APT short\nInstappen: 9,40 en 9,55\nDoelen: 9,00 - 8,70\n"
                           "Stoploss: 9,95 (agressief) / 9,80 (voorzichtig)")
    assert parsed.stop_loss == D("9.80")


# --- teasers: levels later --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, side", [
    ("#OP पर जल्द ही शॉर्ट आने वाला है, एंट्री थोड़ी देर में दूंगा", "short"),
    ("#OP लॉन्ग, लेवल्स जल्द ही", "long"),
    ("#OP LONG inakuja hivi karibuni, subirini viwango vya kuingia", "long"),
    ("#OP SHORT, viwango vitakuja baadaye", "short"),
    ("#OP long coming soon, levels in 5 min, be ready", "long"),
])
def test_a_teaser_with_levels_later_is_a_held_open(text, side):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.side.value == side
    assert not parsed.tradable and not parsed.entries and not parsed.targets and parsed.stop_loss is None


def test_a_full_call_with_a_later_note_keeps_its_levels():
    parsed = parse_message("#OP LONG 1.80 TP 1.90 SL 1.70, maelezo zaidi baadaye")
    assert parsed.kind.value == "open" and list(parsed.entries) == [D("1.80")] and parsed.tradable


# --- status posts -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX سب ٹارگٹ ہٹ 🎯 ٹریڈ بند",
    "#AVAX ٹریڈ بند ✅",
])
def test_an_urdu_trade_closed_is_a_close(text):
    assert parse_message(text).kind.value == "close"


@pytest.mark.parametrize("text", [
    "#AVAX ٹریڈ بند نہ کریں، ہولڈ کریں",
    "#AVAX ट्रेड बंद मत करो, होल्ड करो",
])
def test_a_negated_close_in_urdu_or_hindi_is_no_close(text):
    assert parse_message(text).kind.value != "close"


@pytest.mark.parametrize("text", [
    "#AVAX ביטול הוראות הכניסה שלא בוצעו, מי שנכנס נשאר עם הסטופ",
    "#AVAX מבטלים את הכניסות שנותרו",
    "#AVAX לבטל את הכניסה השנייה",
])
def test_a_hebrew_cancel_of_the_unfilled_entries_is_cancel_entry(text):
    assert _kind_action(text) == ("update", "cancel_entry")


@pytest.mark.parametrize("text, action", [
    ("#AVAX 2-мақсатқа жетті ✅", "tp_hit"),
    ("#AVAX 1-мақсадга етди, стопни кириш нуқтасига кўчиринг", "move_sl_breakeven"),
    ("#AVAX стопты кіру нүктесіне ауыстырыңыз", "move_sl_breakeven"),
    ("#AVAX stopni kirish narxiga olib boring", "move_sl_breakeven"),
])
def test_kazakh_and_uzbek_status_posts(text, action):
    assert _kind_action(text) == ("update", action)


def test_a_kazakh_do_not_move_the_stop_is_no_move():
    assert _kind_action("#AVAX стопты кіру нүктесіне жылжытпаңыз") != ("update", "move_sl_breakeven")
