"""Session 16 (fixer "r29s"): regressions found by adversarial review 29 in the day's rare-language status rules —
their negations and conditions (he, bn, el, tl, ur, hi-en, cs, pt), a cancel of one order in Bengali/Czech, a Chinese
plan for the remaining position, 'the stop goes to' read only as a move to a place, a coinless change after another
coin's clause, a stop moved to the entry in ar/pl replies, an expiry said only for latecomers. Own wording throughout."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _read(text: str) -> tuple[str, str | None, str | None]:
    parsed = parse_message(text)
    return parsed.kind.value, parsed.symbol, parsed.update_action and parsed.update_action.value


# --- negated in the language of the status word: nothing acts ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "#LINK לא סוגרים את הפוזיציה עדיין",                  # he: we are not closing the position yet
    "#LINK אל תסגרו את העסקה",                            # he: do not close the trade
    "#DOT ট্রেড বাতিল নয়, চলছে",                          # bn: the trade is not cancelled, running
    "#DOT সিগন্যাল বাতিল হয়নি",                           # bn: the signal has not been cancelled
    "#DOT সিগন্যাল বাতিল করবেন না",                       # bn: do not cancel the signal
    "#INJ δεν κλείνουμε το μισό ακόμα",                   # el: we are not closing half yet
    "#INJ μην μεταφέρετε το stop στην είσοδο",            # el: don't move the stop to the entry
    "#INJ δεν μετακινούμε το SL στην είσοδο",             # el: we don't move the SL to the entry
    "#APT huwag ilipat ang SL sa entry",                  # tl: don't move the SL to entry
    "#APT اسٹاپ لاس کو انٹری پر نہ لائیں",               # ur: don't bring the stop loss to the entry
    "#APT لا تحركوا الوقف إلى نقطة الدخول",              # ar: don't move the stop to the entry point
    "#ADA nie przesuwamy SL na wejście",                  # pl: we don't move the SL to the entry
])
def test_a_negated_rare_language_change_does_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind.value in ("not_a_signal", "update") and not parsed.tradable
    assert parsed.update_action is None or parsed.update_action.value not in (
        "new_stop", "move_sl_breakeven", "partial_close", "add_entry", "cancel_entry")


def test_no_need_to_close_but_stop_to_entry_moves_the_stop_only():
    assert _read("#ETH close karne ki zarurat nahi, SL entry pe kar do") == ("update", "ETH/USDT", "move_sl_breakeven")


# --- a condition in the same languages: the change waits ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#LINK agar 12 toota to exit kar do",                         # hi-en: if 12 breaks, exit
    "#LINK jab TP2 aaye tab 30% close kar do",                    # hi-en: when TP2 comes, close 30 %
    "#LINK אם יורד מתחת ל-12 סוגרים את העסקה",                   # he: if it drops under 12 we close the trade
    "#LINK כשנגיע ל-TP1 סוגרים את העסקה",                        # he: when we reach TP1 we close
    "#INJ αν χάσει το 20 κλείνουμε το 50%",                       # el: if it loses 20 we close 50 %
    "#INJ όταν χτυπήσει το TP2 μεταφέρουμε το stop στην είσοδο",  # el: when TP2 hits, stop to entry
    "#DOT দাম 6 এর নিচে গেলে ট্রেড বাতিল",                        # bn: if the price goes under 6, trade cancelled
    "#DOT jestli cena klesne pod 6, obchod zrušen",               # cs: if the price drops under 6, trade cancelled
    "#APT kapag bumaba sa 8, ilipat ang SL sa entry",             # tl: if it drops to 8, SL to entry
    "#APT se o preço chegar a 9, o stop vai para a entrada",      # pt: if the price gets to 9, the stop goes to entry
])
def test_a_conditional_rare_language_change_waits(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and not parsed.tradable


# --- the plain forms added today still act ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("#LINK סוגרים את העסקה עכשיו", ("close", "LINK/USDT", None)),
    ("#DOT সিগন্যাল বাতিল", ("close", "DOT/USDT", None)),
    ("Zrušeno ❌ #DOT", ("close", "DOT/USDT", None)),
    ("#INJ Κλείνουμε το 30%", ("update", "INJ/USDT", "partial_close")),
    ("#INJ μεταφέρουμε το stop στην είσοδο", ("update", "INJ/USDT", "move_sl_breakeven")),
    ("#APT ilipat na ang SL sa entry", ("update", "APT/USDT", "move_sl_breakeven")),
    ("#APT اسٹاپ لاس انٹری پر", ("update", "APT/USDT", "move_sl_breakeven")),
    ("#APT حركوا الوقف إلى نقطة الدخول", ("update", "APT/USDT", "move_sl_breakeven")),
    ("#ADA SL przesuwamy na wejście", ("update", "ADA/USDT", "move_sl_breakeven")),
    ("#ARB TP2到达，剩余仓位全部出场", ("close", "ARB/USDT", None)),
    ("#ARB 本单结束", ("close", "ARB/USDT", None)),
])
def test_the_plain_forms_still_act(text, expected):
    assert _read(text) == expected


def test_stop_goes_to_a_place_still_moves_the_stop():
    for text in ("#APT SL goes to TP1", "#APT el stop pasa a 9.1", "#APT stop vai para o alvo 1"):
        assert _read(text)[2] == "new_stop", text


# --- a cancel of one order in Bengali / Czech is no close ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#DOT DCA অর্ডার বাতিল করুন, বাকি ট্রেড চলবে",       # cancel the DCA order, the rest runs
    "#DOT তৃতীয় এন্ট্রি অর্ডার বাতিল করুন",               # cancel the 3rd entry order
    "#DOT 5.20 এর লিমিট অর্ডার বাতিল",                   # the limit order at 5.20 cancelled
    "#DOT TP2 অর্ডার বাতিল করুন",                         # cancel the TP2 order
    "#DOT short\nZrušeno: původní TP2, nový TP2 4.9",     # cs: cancelled: the old TP2, a new TP2
])
def test_a_cancel_of_one_order_is_no_close(text):
    assert parse_message(text).kind.value != "close"


# --- a Chinese plan for the remaining position is no close -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "#ARB TP1到达，剩余仓位等TP3再出场",
    "#ARB 剩余仓位突破1.5就出场",
    "#ARB 本单结束后再发新单",
])
def test_a_plan_for_the_remaining_position_is_no_close(text):
    assert parse_message(text).kind.value != "close"


# --- 'the stop goes to' that says what it will do or be is no move ------------------------------------------------

@pytest.mark.parametrize("text", [
    "#APT ojo, el stop va a saltar si pierde 8",
    "Heads up, #APT stop is going to be tested below 8",
    "#APT the stop is going to remain at 7.6",
    "#APT el stop va a quedar en 7.6, no lo toquen",
    "#APT o stop passa a ser 7.6 no plano original",
])
def test_the_stop_going_to_do_something_is_no_move(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" or parsed.update_action is None \
        or parsed.update_action.value not in ("new_stop", "move_sl_breakeven")


# --- two coins: the coinless change after another coin's clause is not the target coin's -------------------------

@pytest.mark.parametrize("text", [
    "#AVAX TP2 hit ✅. #DOT still waiting for entry — SL to 5.1",
    "#AVAX TP1 done\n#DOT unchanged, but move its SL to 5.1",
])
def test_a_change_after_another_coins_clause_is_not_the_target_coins(text):
    parsed = parse_message(text)
    assert not (parsed.symbol == "AVAX/USDT" and parsed.update_action is not None
                and parsed.update_action.value in ("new_stop", "move_sl_breakeven"))


def test_a_change_right_after_the_target_coins_clause_stays_its_own():
    assert _read("#AVAX TP2 hit, stop to TP1\n#DOT still waiting for entry") == ("update", "AVAX/USDT", "new_stop")


# --- an expiry said for latecomers only, or beside those filled, closes nothing ----------------------------------

@pytest.mark.parametrize("text", [
    "#APT signal expired for latecomers only, if you're in keep holding",
    "#APT setup expired. If you got filled, your SL stays at 7.6",
    "#APT call expired — TP1 already hit for those in",
])
def test_an_expiry_for_the_unfilled_only_is_no_close(text):
    assert parse_message(text).kind.value != "close"


def test_a_plain_expiry_still_closes():
    assert parse_message("#APT signal expired, entry never reached").kind.value == "close"


def test_the_stop_is_going_to_the_entry_still_moves_it():
    parsed = parse_message("#APT stop is going to entry now")
    assert parsed.kind.value == "update" and parsed.update_action.value in ("move_sl_breakeven", "new_stop")
