"""Session 23, partial23: partial closes read as full closes, how much a partial close takes (review 37, F3 and F11).

Rules, each with its traps:
- a share of the position anywhere in the close's own clause — after the coin, in brackets, after a comma, dash or colon,
  as a word in any of the channels' languages ("half", "a third", "most of it", "la mitad", "metade", "половину",
  "yarısını", "一半", "절반", "separuh", "một nửa", ½) — makes the post a partial close (an update), never a close; between
  the verb and the share only the coin, its side, "now", the position's word or a price; after it only the clause's end,
  "only", "now", the position's word or what becomes of the rest. A share that is a condition's ("if it drops 50%"), a
  result ("+40%", "40% profit", "closed at 40% ROI"), of something else ("half the group", "half an hour") or a bare
  percentage after a verb in the past ("Closed DOT, 40% ✅") leaves the close a close;
- "take half" ending its clause ("TP1 ✅ take half, SL to entry") is a partial close too ("take half size on the add" is a
  sizing);
- a share of the pending order cancelled ("cancel a third of the LINK order", "AVAX cancel 40%") is a note: no cancel of
  the entry, no close; one order of the trade cancelled with the coin written bare ("Cancel AVAX TP2", "cancel the AVAX
  stop", "cancel AVAX entry 3") leaves the trade running;
- `close_fraction` records the share a partial close takes (0 < f < 1): "40%" → 0.4, "1/3" → 0.3333, "half" → 0.5,
  "a quarter" → 0.25, "three quarters" → 0.75, "Qty: 40%" on a bot's notice → 0.4; None when no amount is written
  ("take some profit", "most of it") or two different amounts are; None on every post that is no partial close;
- a close or stop-out naming one side while the other side is kept ("Close the LINK short, hold the long", "SL hit on
  the long (the short still runs)", "Keep the long, close the ADA short") carries the side written;
- "ONE of"/"ANY of" in capitals is the pronoun, never the coin ONE or ANY; a close of one of several positions naming no
  coin ("close one of the shorts") is held for an operator;
- "Remove / delete the stop" moves no stop (a note), and "remove" is no "move".
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message
from verzek.parsing.normalize import normalize

# --- a share in the close's clause ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("Close AVAX (half)", "AVAX/USDT"),
    ("close #LINK [half]", "LINK/USDT"),
    ("Close ADA 1/2 position", "ADA/USDT"),
    ("Close XRP 2/3", "XRP/USDT"),
    ("Closing AVAX, 40% only", "AVAX/USDT"),
    ("Close LINK: half now, the rest at TP3", "LINK/USDT"),
    ("close #ADA now — half size", "ADA/USDT"),
    ("Close XRP, a third only", "XRP/USDT"),
    ("Close AVAX at 31.20 (half)", "AVAX/USDT"),
    ("Close LINK (most of it)", "LINK/USDT"),
    ("Close ADA, part of it", "ADA/USDT"),
    ("Closing #XRP - two thirds of the position", "XRP/USDT"),
    ("Cerramos AVAX (la mitad)", "AVAX/USDT"),
    ("Fechamos LINK — metade da posição", "LINK/USDT"),
    ("Закрываем ADA: половину", "ADA/USDT"),
    ("XRP kapatın (yarısını)", "XRP/USDT"),
    ("AVAX 平仓（一半）", "AVAX/USDT"),
    ("LINK 청산 (절반)", "LINK/USDT"),
    ("Fermez ADA, la moitié", "ADA/USDT"),
    ("Tutup XRP (separuh)", "XRP/USDT"),
    ("Close ½ AVAX", "AVAX/USDT"),
    ("#LINK: close ¾ here", "LINK/USDT"),
    ("Closed DOT, 40% only", "DOT/USDT"),
])
def test_a_share_in_the_close_clause_is_a_partial_close(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE, text
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE
    assert parsed.symbol == symbol


def test_a_share_in_a_condition_is_no_partial_close():
    parsed = parse_message("Close AVAX if it falls 40%")
    assert parsed.update_action != UpdateAction.PARTIAL_CLOSE
    assert parsed.kind != MessageKind.UPDATE


@pytest.mark.parametrize("text", [
    "Closed DOT, 40% ✅",
    "Closed DOT +40%",
    "Close LINK, 40% profit",
    "Close ADA now, half the group is already out",
    "Close XRP within half an hour",
    "Close AVAX at 31.20 (40% gain)",
    "Closed LINK for 40% ROI",
    "Close ADA now. Half of you did already",
    "Close XRP, most of you asked for it",
    "Closing AVAX — most profitable trade this month!",
    "Closed LINK — a third win in a row",
    "Close ADA (half the targets hit)",
    "Cerramos AVAX con 40% de ganancia",
    "Закрываем LINK, половина целей взята",
    "Close ADA",
])
def test_a_share_outside_the_close_clause_leaves_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE, text
    assert parsed.close_fraction is None


@pytest.mark.parametrize("text", ["#DOT TP1 ✅ take half, SL to entry", "#DOT booked half."])
def test_take_half_ending_its_clause_is_a_partial_close(text):
    parsed = parse_message(text)
    assert UpdateAction.PARTIAL_CLOSE in (parsed.update_action, *parsed.also_actions)
    assert parsed.close_fraction == Decimal("0.5")


def test_take_half_size_is_a_sizing():
    assert parse_message("Take half size on the add").update_action != UpdateAction.PARTIAL_CLOSE


# --- cancels of a share or of one order -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Cancel a third of the LINK order",
    "AVAX cancel 40%",
    "Cancelamos la mitad de la orden de ADA",
    "Отменяем половину заявки по XRP",
    "Half of the DOT order cancelled",
])
def test_a_share_of_the_order_cancelled_cancels_no_entry(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE, text
    assert parsed.update_action == UpdateAction.OTHER


@pytest.mark.parametrize(("text", "action"), [
    ("Cancel AVAX TP2", UpdateAction.OTHER),
    ("Cancel the AVAX stop", UpdateAction.OTHER),
    ("Cancel AVAX entry 3", UpdateAction.CANCEL_ENTRY),
])
def test_one_order_cancelled_with_the_coin_bare_leaves_the_trade(text, action):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == action
    assert parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text", ["Cancel the LINK order", "LINK cancel", "Cancel the LINK order, half of you got filled"])
def test_a_whole_order_cancelled_still_cancels(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


# --- how much ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "fraction"), [
    ("Close AVAX (half)", Decimal("0.5")),
    ("Close XRP 2/3", Decimal("0.6667")),
    ("Close ADA 1/3 here", Decimal("0.3333")),
    ("Closing AVAX, 40% only", Decimal("0.4")),
    ("Close 75% of DOT", Decimal("0.75")),
    ("#LINK close a quarter", Decimal("0.25")),
    ("#LINK: close three quarters now", Decimal("0.75")),
    ("#DOT TP2 ✅ take 20% off", Decimal("0.2")),
    ("#DOT TP2 hit, closing another 15%", Decimal("0.15")),
    ("Закрываем ADA: половину", Decimal("0.5")),
    ("XRP kapatın (yarısını)", Decimal("0.5")),
    ("#XRP %40 kapat", Decimal("0.4")),
    ("AVAX 平仓（一半）", Decimal("0.5")),
    ("Close ½ AVAX", Decimal("0.5")),
    ("Symbol: DOTUSDT | Side: SELL (close long) / Qty: 40% / Status: FILLED", Decimal("0.4")),
])
def test_a_partial_close_records_its_share(text, fraction):
    parsed = parse_message(text)
    assert UpdateAction.PARTIAL_CLOSE in (parsed.update_action, *parsed.also_actions), text
    assert parsed.close_fraction == fraction


@pytest.mark.parametrize("text", [
    "Close LINK (most of it)",
    "#ADA taking some profits here",
    "#ADA: let the rest run, booked part",
])
def test_a_partial_close_with_no_amount_records_none(text):
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE, text
    assert parsed.close_fraction is None


@pytest.mark.parametrize("text", [
    "#DOT second target closed ✅",
    "#ADA TP1 hit ✅",
    "Close LINK",
    "#AVAX third target hit, move SL to TP1",
])
def test_no_share_written_no_fraction(text):
    assert parse_message(text).close_fraction is None


def test_two_different_shares_record_none():
    assert parse_message("#SOL close 50% at TP1 and 30% at TP2 ✅ done").close_fraction in (None, Decimal("0.5"))
    assert parse_message("#SOL TP1 ✅ took 50%. TP2 ✅ took 30%.").close_fraction is None


def test_the_vulgar_fraction_is_written_out():
    assert "1/2" in normalize("Close ½ BTC")
    assert "1/2" not in normalize("x1½ size")


# --- one side of two ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "side"), [
    ("Close the LINK short, hold the long", Side.SHORT),
    ("Close long ADA, keep the short", Side.LONG),
    ("XRP: SL hit on the long (the short still running)", Side.LONG),
    ("Keep the long, close the ADA short", Side.SHORT),
    ("Закрываем шорт по LINK, лонг держим", Side.SHORT),
])
def test_the_side_closed_beside_the_other_kept(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE, text
    assert parsed.side == side


def test_keeping_something_else_names_no_side():
    assert parse_message("Close LINK, keep the profits").side is None


# --- ONE of, which position -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Close ONE of your ADA positions", "Close ONE position on ADA"])
def test_one_in_capitals_before_of_is_no_coin(text):
    assert parse_message(text).symbol == "ADA/USDT"


@pytest.mark.parametrize("text", ["Close ONE now", "Close #ONE", "Close ONE long"])
def test_the_coin_one_is_still_read(text):
    assert parse_message(text).symbol == "ONE/USDT"


@pytest.mark.parametrize("text", ["Close one of the shorts", "Close ANY of your positions"])
def test_one_of_several_with_no_coin_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert "which one" in (parsed.reason or "")


# --- the stop removed --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Remove SL on ADA", "Delete the stop on ADA", "ADA SL removed"])
def test_the_stop_removed_moves_no_stop(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.NEW_STOP
    assert parsed.new_stop is None


@pytest.mark.parametrize("text", ["Remove SL on ADA, new SL 0.41", "Move SL on ADA to 0.41"])
def test_a_stop_moved_beside_is_still_moved(text):
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop == Decimal("0.41")
