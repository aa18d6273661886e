"""Session 23, levels23: stop moves in point-thousands writing, stops and leverages a card cannot mean (review 37,
F4, F9, F10, F12).

Rules, each with its traps:
- a new stop written "N.NNN" (one point, three digits after it) in a post with no other decimal and no comma decimal
  reads two ways (the literal value and the thousands) whatever the language or the phrase ("Mover el stop de ETH a
  2.950", "SL auf 61.200 nachziehen", "stop'u 61.200'e çek", "Стоп по BTC на 61.200"): `stop_readings` carries both,
  `new_stop` none — the ingest picks the one of the signal's size, as for the English and French forms; a point
  decimal elsewhere in the post ("2.95"), a leading zero ("0.418") or a comma decimal keep the single value;
- a new stop under the coin's price floor (BTC under 1000, ETH under 50 …: "Move SL on BTC to 61,7") is no price of the
  coin: the update stays, no stop is set; coins with no floor keep their stop;
- ru "Стоп по <coin> на <price>" heading its line is a stop move (not when it is said hit: "… сработал");
- a stop given only as a percentage is held when it is 100 % or more, when it reaches 100/leverage (the position is
  liquidated first: "SL 40%" at 25x) or when ROI/ROE/PnL is written beside it, bracketed too ("-80% (ROE)"); a small
  percentage at low leverage stays tradable;
- a card with two stop lines of different prices and no word beside either is held; alternatives on one line ("SL 1.85
  (or 1.80 for swing)", "0.5 % – A, 1 % – B", "aggressive A / conservative B") keep the tighter as before, and the same
  stop written twice stays tradable;
- a leverage label of one value beside an "Nx" mark of another on the heading ("SOL LONG 5x … Leverage 15x") is held;
  a range ("5x-10x"), the same value, or a mark in a note beside a level ("TP 19 (+40% with 10x)") is not;
- a card saying spot whose only futures sign is a leverage ("(SPOT) … Leverage 10x") is held; "SPOT & FUTURES" or a
  margin mode ("Cross 10x") is not this rule's;
- a range entry whose first target lies inside the range is held (a fill at the far end is past the target);
- leverage as a ratio right after the side or the pair ("ETH SHORT 1:15 …", "SOL/USDT 1:10 LONG") from 1:5 up is read;
  "R:R 1:15", "risk 1:2", a ratio marked as reward ("LONG 1:6 RR"), a low ratio after the side ("LONG 1:3") and clock
  times are not;
- "with"/"con"/"mit" right before a leverage mark ends a size's field ("Use 2% of balance with 15x"): the mark is the
  call's.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- F4: point-thousands stop moves in every language ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "literal", "thousands"), [
    ("Mover el stop de ETH a 2.950", "2.950", "2950"),
    ("Movam o stop do BTC para 61.200", "61.200", "61200"),
    ("BTC: Stop auf 61.200 nachziehen", "61.200", "61200"),
    ("BTC stop'u 61.200'e çekiyoruz", "61.200", "61200"),
    ("Стоп по BTC на 61.200", "61.200", "61200"),
    ("Move the stop on ETH to 2.950", "2.950", "2950"),
    ("#SOL SL: 1.450", "1.450", "1450"),
])
def test_point_group_stop_reads_two_ways(text, literal, thousands):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop is None
    assert parsed.stop_readings == (Decimal(literal), Decimal(thousands))


@pytest.mark.parametrize(("text", "stop"), [
    ("Mover el stop de SOL a 1.45 y TP en 1.62", "1.45"),      # a point decimal: the stop is 1.45
    ("Move SL on ARB to 0.418", "0.418"),                      # a leading zero is never thousands
    ("Mover el stop de ETH a 2950", "2950"),                   # no separator at all
])
def test_stop_written_otherwise_keeps_one_value(text, stop):
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop == Decimal(stop)
    assert parsed.stop_readings == ()


def test_point_group_stop_with_another_point_decimal_stays_literal():
    parsed = parse_message("#LINK TP1 18.25 hit, move SL to 16.800")
    assert parsed.stop_readings == ()


@pytest.mark.parametrize("text", [
    "Move SL on BTC to 61,7",
    "Move BTC SL to 61.7",
    "Movemos el stop de ETH a 31,5",
])
def test_stop_under_the_coins_floor_is_not_set(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.new_stop is None
    assert parsed.stop_readings == ()


@pytest.mark.parametrize(("text", "stop"), [
    ("Move SL on SOL to 142,5", "142.5"),   # no floor known for SOL: the comma decimal stands
    ("Move SL on BTC to 61700", "61700"),
])
def test_stop_above_the_floor_or_without_one_is_kept(text, stop):
    assert parse_message(text).new_stop == Decimal(stop)


def test_russian_stop_for_coin_at_price_moves_the_stop():
    parsed = parse_message("Стоп по #ETH на 2950")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "ETH/USDT"
    assert parsed.new_stop == Decimal(2950)


@pytest.mark.parametrize("text", [
    "Стоп по BTC на 61200 сработал",
    "Стоп по BTC на 61200 или 60800",
])
def test_russian_stop_phrase_traps(text):
    parsed = parse_message(text)
    assert not (parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop is not None)


# --- F9: percentage stops no price move can mean -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "AVAX/USDT LONG 25x\nEntry 31.20\nTP 32.00 33.00\nSL 40%",
    "AVAX/USDT SHORT 10x\nEntry 31.20\nTP 30.00\nStop: 10%",
    "ADA LONG entry 0.71 TP 0.76 SL 150%",
    "AVAX/USDT LONG 5x\nEntry 31.20\nTP 32.00 33.00\nSL: -80% (ROE)",
    "AVAX/USDT LONG 5x\nEntry 31.20\nTP 32.00 33.00\nSL 15% [PnL]",
])
def test_percentage_stop_that_cannot_be_a_price_stop_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.stop_loss_pct is not None
    assert not parsed.tradable
    assert "held for review" in parsed.rejected


@pytest.mark.parametrize("text", [
    "AVAX/USDT LONG 25x\nEntry 31.20\nTP 32.00 33.00\nSL 3%",
    "AVAX/USDT LONG 5x\nEntry 31.20\nTP 32.00 33.00\nSL 8%",
    "ADA LONG entry 0.71 TP 0.76 SL 6%",
])
def test_small_percentage_stop_stays_tradable(text):
    parsed = parse_message(text)
    assert parsed.stop_loss_pct is not None
    assert parsed.tradable


# --- F10: cards that contradict themselves ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "LINK/USDT LONG\nEntry 14.20\nTP 15.10\nSL 13.80\nSL 13.50",
    "LINK/USDT SHORT\nEntry 14.20\nTP 13.10\nStop loss: 14.70\nStop loss: 14.95",
])
def test_two_bare_stop_lines_of_different_prices_are_held(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert not parsed.tradable
    assert "two stop lines" in parsed.rejected


@pytest.mark.parametrize(("text", "stop"), [
    ("LINK/USDT LONG\nEntry 14.20\nTP 15.10\nSL 13.80 (or 13.40 for swing)", "13.80"),
    ("LINK/USDT LONG\nEntry 14.20\nTP 15.10\nSL: 0.5% – 14.10, 1% – 14.05", "14.10"),
    ("LINK/USDT LONG\nEntry 14.20\nTP 15.10\nSL aggressive 13.90 / conservative 13.60", "13.90"),
    ("LINK/USDT LONG\nEntry 14.20\nTP 15.10\nSL 13.80\nSL 13.80", "13.80"),
])
def test_alternative_stops_on_one_line_keep_the_tighter(text, stop):
    parsed = parse_message(text)
    assert parsed.stop_loss == Decimal(stop)
    assert parsed.tradable


def test_two_leverages_are_held():
    parsed = parse_message("SOL/USDT LONG 5x\nEntry 142\nTP 150\nSL 137\nLeverage 15x")
    assert not parsed.tradable
    assert "two leverages" in parsed.rejected


@pytest.mark.parametrize(("text", "leverage"), [
    ("SOL/USDT LONG 5x\nEntry 142\nTP 150\nSL 137\nLeverage 5x", 5),
    ("SOL/USDT LONG 5x-10x\nEntry 142\nTP 150\nSL 137\nLeverage 5x", 5),
    ("SOL LONG\nEntry 142\nTP: 150 (+40% with 10x)\nSL 137\nLeverage 5x", 5),
])
def test_one_leverage_said_once_or_as_a_range_or_note_stays(text, leverage):
    parsed = parse_message(text)
    assert parsed.leverage == leverage
    assert parsed.tradable


def test_spot_call_with_leverage_is_held():
    parsed = parse_message("AVAX/USDT LONG (SPOT)\nEntry 31.2 TP 33.5 SL 30.1\nLeverage 10x")
    assert not parsed.tradable
    assert "spot call with leverage" in parsed.rejected


@pytest.mark.parametrize("text", [
    "AVAX/USDT LONG (SPOT & FUTURES)\nEntry 31.2 TP 33.5 SL 30.1\nLeverage 10x",
    "AVAX/USDT LONG\nEntry 31.2 TP 33.5 SL 30.1\nLeverage 10x",
    "AVAX/USDT LONG spot\nEntry 31.2 TP 33.5 SL 30.1\nLeverage: none",
])
def test_spot_and_leverage_traps(text):
    parsed = parse_message(text)
    assert "spot call with leverage" not in (parsed.rejected or "")


@pytest.mark.parametrize("text", [
    "SOL/USDT LONG\nEntry: 140 - 146\nTP: 143 / 155\nSL: 135",
    "SOL/USDT SHORT\nEntry: 140 - 146\nTP: 144 / 130\nSL: 150",
])
def test_first_target_inside_a_range_entry_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert not parsed.tradable
    assert "inside the entry range" in parsed.rejected


def test_first_target_beyond_the_range_stays_tradable():
    assert parse_message("SOL/USDT LONG\nEntry: 140 - 146\nTP: 148 / 155\nSL: 135").tradable


# --- F12: leverage written as a ratio after the side, or after "with" ---------------------------------------------------


@pytest.mark.parametrize(("text", "leverage"), [
    ("ETH SHORT 1:15 Entry 3020 TP 2900 SL 3080", 15),
    ("SOL/USDT 1:10 LONG Entry 142 TP 150 SL 137", 10),
    ("ETH LONG Entry 3020 TP 3150 SL 2960\nUse 2% of balance with 15x", 15),
    ("ETH LONG Entry 3020 TP 3150 SL 2960\nUsa el 2% del saldo con 8x", 8),
])
def test_leverage_read(text, leverage):
    parsed = parse_message(text)
    assert parsed.leverage == leverage


@pytest.mark.parametrize("text", [
    "ETH LONG\nR:R 1:15\nEntry 3020 TP 3150 SL 2960",
    "ETH LONG Entry 3020 TP 3150 SL 2960\nrisk 1:2",
    "ETH LONG 1:6 RR Entry 3020 TP 3150 SL 2960",
    "ETH LONG 1:3 Entry 3020 TP 3150 SL 2960",
    "ETH LONG at 14:30\nEntry 3020 TP 3150 SL 2960",
])
def test_ratio_that_is_no_leverage(text):
    assert parse_message(text).leverage is None
