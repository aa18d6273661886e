"""Session 20, fixer mix38: a busy relay group's day and ten languages (blind_z38 and blind_z40 misses), each a family.

Every case is written in its own words, never a corpus row.
- A role word heading a relay group's note ("ADMIN:", "MOD:", "MODERATOR:") is who speaks, never a coin: the coin is the
  one named after it, and with none named the note closes nothing.
- Closes in languages: the Italian plural imperative "Chiudete …" as a reply's command; the Urdu "the trade … close
  کر دیں" with a few words between (and the Urdu full stop "۔" ends a clause, so market talk after it names no second
  close); the Malay stop loss "henti rugi" hit; the Pidgin "SL don hit" ("don": has happened).
- Target hits: the Pidgin "TP1 don land", the Polish "TP1 zaliczony", a target's level in brackets after its number, even
  with spaced thousands ("TP1 (88 000)"); the Japanese/Chinese "第1目標 795 到達" (the ordinal, the level, the verb).
- A coin named first in market talk and again right after an exit word ("I'm flat SOL now", "out of AVAX") is the one
  closed; named again after a comma ("Closed, BTC too weak") it is still talk.
- A Spanish/Portuguese fill with the verb first ("se llenó la segunda entrada (5,18)") is the rung filled, an update —
  never a fresh open of its price.
- A day's wrap-up heading the post ("Wrap for today:", "EOD wrap") with coins said to be still open is a look back, no
  update; with a change given ("SL to entry there now") the change stands.
- Prose swing calls: the coin after "a spot/long/short/swing/new position in" is named as a side word names it; "I'll
  sell everything on a daily close below X" is the stop (not a second side); "if we lose X I'm wrong and out" too.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- role words heading a note ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("⚠️ ADMIN: the WIF limit never filled and price ran away — cancel it, that call is off.", "WIF/USDT"),
    ("MOD: cancel the pending SUI order, it never triggered", "SUI/USDT"),
    ("Moderator: the OP order is void, cancel it", "OP/USDT"),
])
def test_role_word_heading_is_no_coin(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "ADMIN: cancel it, that call is void.",
    "⚠️ MOD: this call is void — cancel it",
])
def test_role_word_alone_closes_no_pair_of_its_name(text):
    parsed = parse_message(text)
    assert parsed.symbol not in ("ADMIN/USDT", "MOD/USDT")


# --- closes in languages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "↩️ in risposta\n\nChiudete questo trade subito a mercato. Troppa volatilità.",
    "Chiudete la posizione adesso 🙏",
])
def test_italian_plural_imperative_close_reply(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol is None


@pytest.mark.parametrize("text, coin", [
    ("#DOT کی ٹریڈ ابھی market پر close کر دیں۔ BTC نیچے جا رہا ہے", "DOT/USDT"),
    ("#ARB کی پوزیشن فوراً بند کر دیں", "ARB/USDT"),
    ("#AVAXUSDT baki posisi kena henti rugi 😔", "AVAX/USDT"),
    ("#OPUSDT henti rugi kena, esok cuba lagi", "OP/USDT"),
    ("#WIFUSDT SL don hit 😩 market no gree", "WIF/USDT"),
    ("#SUIUSDT stop loss don hit", "SUI/USDT"),
])
def test_closes_in_languages(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


@pytest.mark.parametrize("text", [
    # ur: "do not close the trade yet" — a negated command
    "#DOT کی ٹریڈ ابھی بند نہ کریں",
    # it: "do not close yet, hold"
    "Non chiudete ancora, tenete la posizione",
])
def test_negated_language_closes_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- target hits in languages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("✅ #ETHUSDT TP2 (3 420) zaliczony! 🎯", "ETH/USDT"),
    ("#SOLUSDT TP1 (182.5) hit ✅", "SOL/USDT"),
    ("#SOLUSDT TP1 (1 182,5) osiągnięty", "SOL/USDT"),
    ("✅ #XRPUSDT TP2 don land! 0.6420 🎯\nMake una chop", "XRP/USDT"),
    ("#LINKUSDT TP1 don hit", "LINK/USDT"),
    ("ETH 第2目標3450到達🎯\n半分利確しました。", "ETH/USDT"),
    ("SOL 第1目标 182 达成", "SOL/USDT"),
])
def test_target_hits_in_languages(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.update_action in (UpdateAction.TP_HIT, UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize("text", [
    # a plan for the target, not a hit: "when TP1 (3 420) lands, move the stop"
    "#ETHUSDT plan: TP1 (3 420), TP2 (3 600), SL 3 100",
    # a landing page, no target
    "New landing page for the VIP is live",
])
def test_target_look_alikes_are_no_hit(text):
    assert parse_message(text).update_action != UpdateAction.TP_HIT


# --- a coin named again after the exit; fills; the day's wrap ----------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("AVAX ran back to my entry, so I took the rest. I'm flat AVAX now.", "AVAX/USDT"),
    ("DOT wicked through the level overnight. Scratched it, I'm out of DOT.", "DOT/USDT"),
])
def test_coin_named_again_after_the_exit_is_closed(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "BTC dumped hard. Closed, BTC too weak here.",
    "BTC dumping. We are flat now.",
])
def test_coin_in_talk_beside_a_close_is_not_closed(text):
    assert parse_message(text).symbol is None


@pytest.mark.parametrize("text, coin", [
    ("🔔 APT/USDT: se llenó la segunda entrada (8,42) ✅\nPrecio promedio: 8,60. Stop en 7,90.", "APT/USDT"),
    ("#SOL: foi preenchida a segunda entrada (142,5). Stop mantido em 131", "SOL/USDT"),
])
def test_verb_first_fill_is_an_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "Wrap for today: good calls on ETH and AVAX 👏 SUI, OP, TIA still open — mind your stops. gn",
    "EOD wrap: SUI and FET still open, nice day 👏",
])
def test_day_wrap_is_no_update(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_day_wrap_with_a_change_keeps_it():
    parsed = parse_message("That's a wrap for today fam 🌙 AVAX still running, SL to entry there now. GN")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "AVAX/USDT"


# --- prose swing calls -------------------------------------------------------------------------------------------------


def test_prose_spot_position_with_its_exit_rule():
    parsed = parse_message("Opening a spot position in FET today, no leverage. I'm buying anywhere between 1.10 and 1.18 "
                           "and I'll hold for 1.40 and then 1.65. I'll sell everything on a daily close below 0.98.")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "FET/USDT"
    assert parsed.stop_loss == D("0.98")
    assert parsed.targets == (D("1.40"), D("1.65"))


@pytest.mark.parametrize("text", [
    # no kind of position said: no coin read from "position in"
    "We have no position in BTC right now, waiting for 60k.",
    # a plan to sell on a close, no call
    "I'll sell everything on a daily close below the range, that's all.",
])
def test_prose_look_alikes_open_nothing(text):
    assert parse_message(text).kind != MessageKind.OPEN


def test_wrong_and_out_is_the_stop():
    parsed = parse_message("#ATOM long 6.20, targets 6.90 and 7.40. If we lose 5.85 I'm wrong and out.")
    assert parsed.stop_loss == D("5.85")
