"""Session 12, helper f20c (review 20, B1/B3/B5): a cancel aimed at one order of a running trade (a target, the stop, the
averaging rung, or the limit swapped for a market entry) is an update, never a close of the trade; a stop that stood at
the entry or breakeven and was hit is a stop-out (close, SL hit), not a move of the stop; Cornix's "stop target N ❌" is
a stop-out. Guards: a cancel of the whole order or call stays a close; a target hit with the stop moved to the entry
stays an update. Look-alikes in my own wording."""

from __future__ import annotations

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message


def _read(text: str) -> tuple:
    parsed = parse_message(text)
    d = parsed.to_expected_dict()
    return d["kind"], d["symbol"], parsed.update_action


# --- a cancel of one order of the trade: the trade goes on --------------------------------------------------------------

@pytest.mark.parametrize("text, symbol, action", [
    ("Cancel our #TIA limit at 9.40 and buy at market now", "TIA/USDT", UpdateAction.OTHER),
    ("#WLD cancel the limit order, enter at market instead", "WLD/USDT", UpdateAction.OTHER),
    ("#INJ отменяем лимитный ордер, входим по рынку", "INJ/USDT", UpdateAction.OTHER),
    ("#INJ limit emrini iptal edin, piyasadan alın", "INJ/USDT", UpdateAction.OTHER),
    ("#INJ hủy lệnh limit, vào market ngay", "INJ/USDT", UpdateAction.OTHER),
    ("#APT cancel your stop loss order, holding it without a stop", "APT/USDT", UpdateAction.OTHER),
    ("#DOT cancel the SL and put it at 6.10", "DOT/USDT", UpdateAction.OTHER),
    ("#LINK cancel TP4, we exit everything at TP3", "LINK/USDT", UpdateAction.OTHER),
    ("#ARB TP4 iptal, işlem açık kalıyor", "ARB/USDT", UpdateAction.OTHER),
    ("#SUI cancel the DCA order at 1.42", "SUI/USDT", UpdateAction.CANCEL_ENTRY),
    ("#SUI cancel third buy order", "SUI/USDT", UpdateAction.CANCEL_ENTRY),
])
def test_a_cancel_of_one_order_is_an_update(text, symbol, action):
    assert _read(text) == ("update", symbol, action)


@pytest.mark.parametrize("text, symbol", [
    ("#SUI cancel the order", "SUI/USDT"),
    ("Cancel #SUI", "SUI/USDT"),
    ("#SUI limit order cancelled ❌", "SUI/USDT"),
    ("Cancel the #SUI order, the market price ran away from us", "SUI/USDT"),
])
def test_a_cancel_of_the_whole_order_stays_a_close(text, symbol):
    assert _read(text)[:2] == ("close", symbol)


# --- a stop at the entry that was hit: stopped out ---------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("#ETH SL at entry got hit", "ETH/USDT"),
    ("#LINK stop at breakeven triggered", "LINK/USDT"),
    ("#ADA stop loss at entry price has been hit, no loss taken", "ADA/USDT"),
    ("#DOT стоп в безубытке сработал, вышли в ноль", "DOT/USDT"),
])
def test_a_stop_at_the_entry_that_was_hit_is_a_stop_out(text, symbol):
    assert _read(text) == ("close", symbol, UpdateAction.SL_HIT)


@pytest.mark.parametrize("text, symbol", [
    ("#LINK TP1 hit, SL at entry", "LINK/USDT"),
    ("#LINK SL at entry, TP2 hit", "LINK/USDT"),
])
def test_a_target_hit_with_the_stop_at_the_entry_stays_an_update(text, symbol):
    assert _read(text)[:2] == ("update", symbol)


# --- Cornix's stop message ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("#APT/USDT stop target 1 ❌", "APT/USDT"),
    ("#APT/USDT stop target 1 ❌\nLoss: 12.4% 📉", "APT/USDT"),
])
def test_a_cornix_stop_target_mark_is_a_stop_out(text, symbol):
    assert _read(text) == ("close", symbol, UpdateAction.SL_HIT)
