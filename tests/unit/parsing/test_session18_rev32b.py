"""Session 18, review 32 (part b): this session's rules narrowed where they changed a position they should not.

- a stop "now" at a level, asked about or offered as a choice, moves nothing; a stop said now stays a new stop;
- a side held "from" a price, on a condition or in hindsight, moves no stop;
- an entry fill asked about, wished for, waited on or not the channel's is no fill;
- a reply "kill it" / "cut it" closes only when nothing, or an exit, follows it; "cut it out" is the idiom;
- a livestream cancelled, or a call withdrawn while today's stays valid, closes nothing;
- a member's result beside the channel's own close keeps the close; "@mike closed his #SOL" is someone else's;
- "rest same as usual" under a complete card is the house routine: the card stays a call.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a stop "now", asked or a choice -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Is SL now 0.455 or 0.44 on #ADA? admin?? pls",
    "anyone know — is the #DOT stop now 6.12 or still 5.90?",
    "Was the #AVAX SL now 31.5 or 30.8? missed the post, thanks",
    "SL now 2.41 or 2.35 on #LINK, can't decide, admin?",
    "Did we move SL to 0.612 on #ADA? i missed it",
])
def test_a_stop_level_asked_about_or_offered_as_a_choice_moves_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,coin,stop", [
    ("SL now 0.6120 on #ADA, protect the profit", "ADA/USDT", Decimal("0.6120")),
    ("#ATOM stop is now at 7.45 — don't let it turn red", "ATOM/USDT", Decimal("7.45")),
    ("#DOT SL now 6.12 ✅ locking the gains", "DOT/USDT", Decimal("6.12")),
])
def test_a_stop_said_now_stays_a_new_stop(text, coin, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.NEW_STOP


# --- a side "from" a price, planned or in hindsight ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX long from 31.2 only if it holds; we'd move the stop to 30.5 after entry",
    "#DOT short from 6.40 would have been great, we'd move the stop to 6.10 now",
    "#LINK long from 14.20 could've worked, I'd move the stop to 14.60 today",
    "SOL Long von 182,50 wäre perfekt gewesen, Stop nachziehen auf 185,00",
])
def test_a_side_from_a_price_planned_or_in_hindsight_moves_no_stop(text):
    parsed = parse_message(text)
    assert parsed.update_action not in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN)
    assert not parsed.tradable


@pytest.mark.parametrize("text,coin,side", [
    ("#DOT short from 6.40 — move the stop to 6.10", "DOT/USDT", Side.SHORT),
    ("LINK Long von 14,20 👉 Stop nachziehen auf 14,60", "LINK/USDT", Side.LONG),
])
def test_a_side_held_from_a_price_still_moves_its_stop(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin and parsed.side == side
    assert parsed.update_action == UpdateAction.NEW_STOP


# --- an entry fill asked, wished, waited on, not ours ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX zone filled?? still waiting here",
    "Call #72 entry filled? anyone got it?",
    "If #DOT zone filled we add a second bag",
    "Hoping #LINK entry filled overnight 🙏",
    "#ADA zone filled on the chart but our limit was below — no fill for us",
    "#AVAX entry filled? not yet",
])
def test_an_entry_fill_asked_wished_or_not_ours_is_no_fill(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert parsed.update_action != UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text,coin", [
    ("#AVAX zone filled ✅", "AVAX/USDT"),
    ("#DOT zone fully filled, avg 6.21", "DOT/USDT"),
    ("#LINK entry 2 filled at 14.05, avg 14.20", "LINK/USDT"),
    ("Call #72 — zone filled, nothing changes", None),
])
def test_an_entry_fill_reported_stays_a_fill(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


# --- a reply "kill it" / "cut it" --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "cut it out with the shilling in the comments",
    "kill it now, the audio keeps lagging",
    "cut it, no more moon posts pls",
    "kill it!! (the background music)",
    "cut it here, way too much spam in chat",
    "cut that out guys, FUD is not allowed",
])
def test_kill_it_or_cut_it_about_a_stream_or_the_chat_closes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,coin", [
    ("kill it", None),
    ("kill it. out at market 🔪", None),
    ("cut it now", None),
    ("kill it, we're out", None),
    ("Cut it. Not worth the risk", None),
    ("Cut it, #AVAX is done", "AVAX/USDT"),
])
def test_kill_it_or_cut_it_ending_the_trade_still_closes(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- a livestream cancelled; a call withdrawn while another stays -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Cancel yesterday's #DOT signal, today's one stays valid",
    "Anulamos la señal de ayer en #DOT, la de hoy sigue válida",
    "On annule le signal d'hier sur #DOT, celui d'aujourd'hui reste valable",
    "Annulliamo il segnale di ieri su #LINK, quello di oggi resta valido",
])
def test_a_call_withdrawn_while_todays_stays_closes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "Cancelamos a live de hoje, o sinal #AVAX segue ativo",
    "On annule le live de ce soir, le signal #AVAX reste actif",
    "Cancelamos a live de hoje",
])
def test_a_livestream_cancelled_closes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE and parsed.update_action != UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text,coin", [
    ("Annulliamo il segnale su #LINK", "LINK/USDT"),
    ("La orden long en #DOT nunca se activó, anulamos la señal.", "DOT/USDT"),
    ("Close the live #AVAX trade", "AVAX/USDT"),
])
def test_a_call_withdrawn_alone_still_closes(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


# --- a member's result beside our own close ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,coin", [
    ("@kate made +$950 on our AVAX call 🚀 we're closing the rest of #AVAX now", "AVAX/USDT"),
    ("@dotmaxi made +$1.5k on our #DOT call, #DOT closed ✅", "DOT/USDT"),
])
def test_our_close_beside_a_members_result_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


def test_our_trade_running_beside_a_members_result_is_its_update():
    parsed = parse_message("Member results: @leo +$600 on #LINK. #LINK still open, TP2 next")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "LINK/USDT"


@pytest.mark.parametrize("text", [
    "@mike closed his #AVAX early and made +$300, well done",
    "@anna closed her #DOT at TP2, nice one",
    "📸 member results 🔥\n@leo made +$700 on our LINK call, closed at TP3. Great job!",
    "@kate made +$950 on our AVAX call 🚀",
])
def test_a_members_own_close_or_result_closes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


# --- "rest same as usual" under a complete card --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX LONG\nEntry 31\nTP 33 / 35\nSL 29.5\nRisk 1%, rest same as usual",
    "#AVAX LONG\nEntry 31\nTP 33 / 35\nSL 29.5\nSize 2%, everything else the same as always",
])
def test_a_complete_card_with_the_house_routine_is_a_tradable_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "AVAX/USDT" and parsed.side == Side.LONG
    assert tuple(parsed.entries) == (Decimal(31),) and Decimal(str(parsed.stop_loss)) == Decimal("29.5")
    assert parsed.tradable


def test_a_level_left_out_supplied_with_rest_same_stays_an_update():
    parsed = parse_message("🤦 forgot the entry on Call #120 — #DOT entry 6.10 - 6.20, rest same")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "DOT/USDT"
