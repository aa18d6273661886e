"""Session 24, status24b: trade management in other languages and in machine-translated English (blind z65–z67).

Rules, each with its traps:
- a numbered goal reached ("has reached the first goal", "the second goal is reached", machine-translated "цель") is a
  target hit; "our goal is 2.00" is none;
- a stop moved "in no-loss" / "to no loss" (the machine translation of "стоп в безубыток") is the stop to breakeven;
  "no-loss trades" or a "no-loss strategy" is no stop;
- "no reason to close (yet)" / "no need to exit" are the trade left to run — an update with no change; beside an exit
  that waits for a candle ("exit only if the 4h closes below …") the post stays no signal, as the corpora label it;
  "no reason to hold, close it now" still closes;
- zh a target numbered in Han numerals or figures, said arrived ("止盈三到了", "目标2已到"), is a target hit — not
  "快到了" (nearly there); "再平三分之一" / "又平了四分之一" (close another third / quarter) is a partial close, not
  "不平" (don't close);
- a status line headed by the coin and one capital letter, "L" or "S" ("AVAX S 🔻", "**LTC L**"), names the side;
  "S/R", "L/S ratio", a lower-case "s" name none; the letter does not hide the coin heading the status;
- a share, then a past participle of the close verb in pl/it/nl/ro/cs/id ("1/4 zamknięte", "połowa zamknięta",
  "metà chiusa") is a partial close, never a full one; the participle alone ("zamknięte na 0,52") still closes;
- a plural imperative heading the line (pt "Fechem", es "Cierren", it "Chiudete", pl "Zamknijcie", de "Schließt") is a
  close; "Não fechem" / "No cierren" (don't close) are none;
- fr "soldé" (settled) is a full close; "les soldes" (sales) is none, and one "soldé hier" is yesterday's;
- a whole call withdrawn before any fill (de "Signal storniert", "Einstieg nie erreicht"; fr "entrée jamais atteinte")
  beside its open orders deleted is a close; a later rung never reached, with the trade said to run on, cancels that
  rung only;
- ja/zh a stop hit with its level between the stop word and the verb ("損切り 1.234 にヒット", "止损 2.10 已触发") is a
  stop-out; the stop's level alone or "止损 2.10 附近" is none.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- machine-translated breakeven -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "SUI got its first goal 🎯 Transfer the stop in no-loss, we continue.",
    "#APT: stop to no loss now.",
    "Coin NEAR — first target taken. Stop loss into no-loss.",
])
def test_a_stop_moved_into_no_loss_is_the_breakeven(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN


@pytest.mark.parametrize("text", [
    "Our no-loss trades this month: 14 of 20 🔥 #APT was one of them",
    "#APT stop in no-loss strategy explained in the next lesson",
])
def test_no_loss_that_is_no_stop_move_moves_nothing(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.MOVE_SL_BREAKEVEN


@pytest.mark.parametrize("text", ["The coin SUI has reached the first goal 🎯", "SUI: the second goal is reached"])
def test_a_numbered_goal_reached_is_a_target_hit(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("text", ["SUI: our goal is 2.00", "Our first goal this year: 10k members. SUI"])
def test_a_goal_that_is_no_target_hit_is_none(text):
    assert parse_message(text).update_action != UpdateAction.TP_HIT


# --- hold advice -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#INJ longs: no need to exit yet.",
    "TIA shorts: no reason to close yet.",
])
def test_no_reason_to_close_is_an_update_with_no_change(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.OTHER


@pytest.mark.parametrize("text", [
    "#INJ holding for now. If the 4h candle closes under 21.50 we exit, nothing to do before that.",
    "TIA shorts: no reason to close yet. Exit only if 9.40 breaks on a daily close.",
])
def test_hold_advice_beside_an_exit_that_waits_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


def test_no_reason_to_hold_then_close_now_still_closes():
    parsed = parse_message("#INJ: no reason to hold, close it now at market.")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "INJ/USDT"


# --- zh targets in Han numerals, partial closes -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["$SEI 止盈三到了 0.512", "#SEI 目标2已到 0.498", "$SEI 止盈一到了"])
def test_zh_target_numbered_and_arrived_is_a_target_hit(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "SEI/USDT"
    assert parsed.update_action == UpdateAction.TP_HIT


def test_zh_target_nearly_there_is_no_hit():
    parsed = parse_message("$SEI 止盈三快到了 0.512")
    assert parsed.update_action != UpdateAction.TP_HIT


@pytest.mark.parametrize("text", ["#SEI 再平三分之一", "#SEI 又平了四分之一，剩下继续拿"])
def test_zh_close_another_share_is_a_partial_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


def test_zh_do_not_close_a_share_is_no_partial_close():
    parsed = parse_message("#SEI 不平三分之一")
    assert parsed.kind != MessageKind.CLOSE
    assert parsed.update_action != UpdateAction.PARTIAL_CLOSE


def test_zh_target_hit_partial_and_stop_move_in_one_line_is_an_update_with_the_side():
    parsed = parse_message("$SEI 多 🎯 止盈三到了 0.512，再平三分之一，止损移到 0.470。")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "SEI/USDT"
    assert parsed.side == Side.LONG


# --- one capital letter for the side ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "side"), [
    ("AVAX S 🔻\nTP2 tercapai di 31,20 ✅ amankan sebagian (25%)", Side.SHORT),
    ("**LTC L**\n\n**Stopped out at 71.40.**", Side.LONG),
    ("AVAX S\nStopped out.", Side.SHORT),
    ("LTC L ❌ SL dính 71.40. Hết lệnh.", Side.LONG),
    ("AVAX S\nclose 25% here", Side.SHORT),
])
def test_a_capital_side_letter_after_the_coin_names_the_side(text, side):
    parsed = parse_message(text)
    assert parsed.kind in (MessageKind.UPDATE, MessageKind.CLOSE)
    assert parsed.symbol is not None and parsed.symbol.split("/")[0] in ("AVAX", "LTC")
    assert parsed.side == side


@pytest.mark.parametrize("text", [
    "LTC S/R flip confirmed. TP1 hit ✅",
    "LTC L/S ratio is stretched, TP1 hit ✅",
    "ltc s\nTP1 hit ✅",
])
def test_side_letter_look_alikes_name_no_side(text):
    parsed = parse_message(text)
    assert parsed.side is None


# --- a share, then the close verb's participle ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "FIL S\n1/4 zamknięte na 3,412, SL przesunięty na wejście.",
    "FIL\npołowa zamknięta, reszta trzymamy",
])
def test_a_share_then_a_closed_participle_is_a_partial_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


def test_the_closed_participle_alone_still_closes():
    parsed = parse_message("FIL\nzamknięte na 3,412")
    assert parsed.kind == MessageKind.CLOSE


# --- plural imperatives heading the line ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("🔔 FECHEM #ATOM JÁ a mercado.", "ATOM/USDT"),
    ("Cierren #ATOM ahora, el setup se rompió", "ATOM/USDT"),
    ("Chiudete #ATOM subito", "ATOM/USDT"),
])
def test_a_plural_imperative_close_heading_the_line_closes(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", ["Não fechem #ATOM ainda", "No cierren #ATOM todavía"])
def test_a_negated_plural_imperative_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- fr "soldé" -------------------------------------------------------------------------------------------------------


def test_fr_solde_is_a_full_close():
    parsed = parse_message("CLÔTURE #ICP long soldé au marché à 9,12 — +6 % sécurisés.")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "ICP/USDT"
    assert parsed.side == Side.LONG


@pytest.mark.parametrize("text", ["#ICP les soldes d'hiver commencent", "#ICP soldé hier à 9,12 (+6 %)"])
def test_fr_solde_look_alikes_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- a whole call withdrawn before any fill ---------------------------------------------------------------------------


def test_de_signal_withdrawn_before_any_fill_is_a_close():
    parsed = parse_message("❌ #RUNE Signal storniert, Einstieg wurde nie erreicht — offene Limit-Orders bitte löschen.")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "RUNE/USDT"


def test_de_later_rung_never_reached_with_the_trade_running_cancels_the_rung_only():
    parsed = parse_message("#RUNE zweiter Einstieg nie erreicht, bitte offene Limit-Orders löschen, Position läuft weiter.")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


# --- ja/zh stop hit with its level between ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["GALA //\n損切り 0.02310 にヒット。撤退します", "#GALA 止损 0.02310 已触发"])
def test_a_stop_hit_with_its_level_between_is_a_stop_out(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "GALA/USDT"
    assert parsed.update_action == UpdateAction.SL_HIT


def test_a_stop_level_alone_is_no_stop_out():
    assert parse_message("#GALA 止损 0.02310 附近").kind != MessageKind.CLOSE
