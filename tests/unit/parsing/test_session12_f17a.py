"""Session 12, helper f17a (review 17, A1 and part of A2/C): a card that reports its entry filled, or adds to / averages
the running position, restating its levels, is an update of that coin (side kept when written), never a second open;
"if you missed the entry at X, you can still get in at Y" restates a call already out. Guards: fresh cards (a plain
"Entry:" line, a NEW SIGNAL heading, a fresh call whose add-on rung follows its own entry) stay tradable opens.
Look-alikes in my own wording."""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _read(text: str) -> tuple:
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    return d["kind"], d["symbol"], d["side"], parsed.tradable


# --- an entry reported filled on a restated card ----------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol, side", [
    ("#NEAR LONG — ENTRY TRIGGERED ✅\nEntry 5.05\nTP 5.40 5.70\nSL 4.85", "NEAR/USDT", "long"),
    ("✅ Entry hit on #TIA SHORT\nEntry: 9.80\nTP: 9.30 / 8.90\nSL: 10.25", "TIA/USDT", "short"),
    ("#FIL LONG\nEntry 5.60 — filled ✅\nTP 5.90 6.20\nSL 5.35", "FIL/USDT", "long"),
    ("#LTC LONG\nGiriş gerçekleşti ✅ 82.5\nHedef 86 / 89\nStop 80", "LTC/USDT", "long"),
    ("#XRP LONG\nВход выполнен ✅ 0.61\nЦели 0.64 / 0.67\nСтоп 0.59", "XRP/USDT", "long"),
    ("#ATOM LONG\nEntrada alcanzada ✅ 7.10\nObjetivos 7.50 / 7.90\nSL 6.80", "ATOM/USDT", "long"),
    ("#DOT LONG\nEntrada atingida ✅ 6.40\nAlvos 6.80 / 7.10\nStop 6.15", "DOT/USDT", "long"),
    ("#SEI LONG\n2nd entry 0.405 reached ✅\nTP 0.44 / 0.47\nSL 0.39", "SEI/USDT", "long"),
])
def test_an_entry_reported_filled_on_its_card_is_an_update(text, symbol, side):
    assert _read(text) == ("update", symbol, side, False)


# --- more bought into the running trade, levels restated ------------------------------------------------------------

@pytest.mark.parametrize("text, symbol, side", [
    ("Buy more #RUNE here 5.10, avg entry 5.30, TP 5.80 6.20, SL 4.85", "RUNE/USDT", None),
    ("#MATIC: adding to our long at 0.71\nTP 0.76 / 0.80\nSL 0.68", "MATIC/USDT", "long"),
    ("Averaging down #BNB long: buy more at 575\nTP 600\nSL 560", "BNB/USDT", "long"),
    ("#OP SHORT — add a second entry at 2.05\nTP 1.90 1.80\nSL 2.15", "OP/USDT", "short"),
    ("#SHIB LONG\n2nd buy: 0.0000215\nNew average: 0.0000222\nTP 0.0000240\nSL 0.0000205", "SHIB/USDT", "long"),
    ("Double down on #LINK short at 15.40, SL 15.90", "LINK/USDT", "short"),
    ("Promediamos #ETH en 3300\nTP 3500\nSL 3220", "ETH/USDT", None),
    ("#SUI DCA 3: 1.42\nTP 1.60 / 1.75\nSL 1.35", "SUI/USDT", None),
    ("#APT 补仓 8.10\n目标 8.90 9.40\n止损 7.80", "APT/USDT", None),
])
def test_an_add_on_to_the_running_trade_is_an_update(text, symbol, side):
    assert _read(text) == ("update", symbol, side, False)


def test_a_changed_entry_with_the_old_one_beside_it_is_an_update():
    assert _read("Changed entry for #SOL LONG: 139 (was 141)\nTP 146 152\nSL 134") == ("update", "SOL/USDT", "long", False)


@pytest.mark.parametrize("text", [
    "If you missed the #BNB entry at 580, you can still get in at 584-586. TP 605, SL 570",
    "Missed #AVAX at 24? You could still jump in at 24.3. TP 26, SL 23.2",
])
def test_a_missed_entry_still_open_to_latecomers_is_no_new_trade(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and not parsed.tradable


# --- guards: fresh cards stay opens ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, entries", [
    ("#AVAX LONG\nEntry: 24.5\nTP: 26 / 27.5\nSL: 23.4", [24.5]),
    ("🚀 NEW SIGNAL\n#NEAR LONG\nEntry 5.05\nTP 5.40 5.70\nSL 4.85", [5.05]),
    # (an add-on rung after the call's own entry is its second entry)
    ("#ATOM LONG\nEntry 7.10, add more 6.90\nTP 7.50 / 7.90\nSL 6.70", [6.9, 7.1]),
    ("#FIL LONG\nEntry: 5.60\nBuy more at 5.45\nTP 5.90 6.20\nSL 5.30", None),
])
def test_a_fresh_card_stays_an_open(text, entries):
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    assert d["kind"] == "open" and (entries is None or d["entries"] == entries)


# --- a restated card whose own status field says it ended, or whose stop was moved ----------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("#NEAR LONG\nEntry: 5.05\nTP: 5.40 / 5.70\nSL: 4.85\nStatus: Stopped out", "NEAR/USDT"),
    ("#ETH SHORT\nEntrada: 3510\nTP: 3420\nSL: 3570\nEstado: cerrado ✅ +18%", "ETH/USDT"),
])
def test_a_card_whose_status_field_says_closed_is_a_close(text, symbol):
    assert _read(text)[:2] == ("close", symbol)


@pytest.mark.parametrize("text", [
    "#ETH SHORT\nEntry: 3510\nTP: 3420\nSL: 3570\nStatus: Active",
    "#ETH SHORT\nEntry: 3510\nTP1: 3420\nSL: 3570\nStatus: closed 50% at TP1",
])
def test_a_card_whose_status_is_running_or_partly_closed_is_no_close(text):
    assert _read(text)[0] != "close"


def test_a_stop_struck_through_on_a_card_under_way_is_an_update():
    text = "#AVAX LONG\nEntry 24.2\nTP1 25.0 ✅\nTP2 26.0\nSL 23.5 → moved to 24.3"
    assert _read(text) == ("update", "AVAX/USDT", "long", False)


@pytest.mark.parametrize("text, symbol", [
    ("OKX Futures, #AVAX/USDT\nClosed due to stop loss 🛑\nEntry: 24.2\nSL: 23.5", "AVAX/USDT"),
    ("Bybit, #OP/USDT\nClosed by take profit ✅\nEntry: 1.85\nTP: 1.95", "OP/USDT"),
])
def test_a_bot_card_saying_closed_under_its_pair_heading_is_a_close(text, symbol):
    assert _read(text)[:2] == ("close", symbol)
