"""Session 20, fixer vipbot34: a paid VIP provider's signal bot and its admins (blind_z34 misses).

Every case is written in its own words, never a corpus row. The rules:

- A numbered exit — the channel's name for its target ("Exit ①", "Exit 2", "Exit target 1", "Çıkış 1", "Salida 2") —
  said reached, hit or ticked off is that target hit, never a close; "ALL EXITS DONE" is every target done. A circled
  number after an exit word is kept as its digit, and "Exit ① 22.60" rows of a card are its targets. A numbered exit
  talked of in any other way ("almost reached", "not hit yet") is no close either. Real closes ("Exit now", "Exited at
  22.6", "Exit all", "… close the rest now") still close.
- Cancelling one rung of a ladder ("cancel F3 (3.290), only F1 + F2 are valid", "DCA2 cancelled", "cancel the 5.20
  limit, keep the first entry") is an update; a card's F/E/DCA rung labels are never coins.
- A bot's fill notice under the call's coin ("🟢 Filled ✔️ avg 21.77", "F1 filled ✔️ 3388", "zone 1 filled", the coin's
  plain word "arb filled ✅") is the call's entry filled — not when the post names a side (a trade it opened), nor a
  market's gap, nor a fill asked about.
- "Invalidation" is a stop word: "Invalidation updated 3.21 → 3.17" moves the stop.
- Card parts: "Fills:" over "F1 3388 / F2 3435" rows are the limit entries; "Trigger: MARKET (ref 19.62)" is a market
  entry at the reference ("Trigger: 19.62" stays held); "long 10x lev, market now ~price" reads leverage 10 and a
  market entry at the reference.
- A reply naming no coin, side or target that adds an entry ("add a second entry at 180.10 on this, SL stays 176.80")
  is an add to the replied-to trade, not an open.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _notice(line: str, coin: str = "#AVAX/USDT") -> str:
    return f"🦈 SD-0917 │ {coin}\n{line}\n⏱ 2h 05m\n🤖 @SharkDeskBot"


# --- a numbered exit reached is a target hit, never a close ----------------------------------------------------------


@pytest.mark.parametrize("line", [
    "🏁 Exit ① reached 25.60\n💰 +26.0% (8x)",
    "🏁 Exit ② hit 26.40",
    "Exit 1 reached 25.60",
    "Exit 2 ✅",
    "Exit 3 (27.10) reached",
    "Exit 1: 25.60 hit",
    "Exit target 1 reached",
    "first exit reached",
    "Çıkış 1 ✅",
    "Salida 2 alcanzada",
    "Ausstieg 2 erreicht",
    "Sortie 1 atteinte",
    "Uscita 2 raggiunta",
    "🏆 ALL EXITS DONE ①②③\n💰 Total +96%",
    "all exits hit 🎯",
])
def test_a_numbered_exit_reached_is_a_target_hit(line):
    parsed = parse_message(_notice(line))
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "AVAX/USDT"
    assert parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("line", [
    "Exit 1 almost reached",
    "Exit 2 not hit yet, patience",
    "Exit 3 still pending",
])
def test_a_numbered_exit_talked_of_is_no_close(line):
    parsed = parse_message(_notice(line))
    assert parsed.kind != MessageKind.CLOSE
    assert parsed.update_action != UpdateAction.TP_HIT


@pytest.mark.parametrize("text", [
    "#AVAX Exit now",
    "#AVAX exited at 25.1",
    "#AVAX exit all",
    "#AVAX Exit 1 hit, closing the rest now",
    "🦈 SD-0917 │ #AVAX/USDT\nExit 1 reached 25.60 — closing everything now",
])
def test_a_real_exit_still_closes(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "AVAX/USDT"


def test_a_promo_of_last_weeks_exits_is_no_status():
    parsed = parse_message("Last week: Exit 1 reached on #SOL, #AVAX and #DOGE 🔥 join VIP before the price goes up")
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


def test_a_member_keeping_the_first_exits_profit_is_still_a_close():
    parsed = parse_message("[In reply to 🦈 SHARK DESK]\nreversal here, close what is left at market. "
                           "Exit ① profit is banked, nothing to prove")
    assert parsed.kind == MessageKind.CLOSE


@pytest.mark.parametrize("rows", [
    "🏁 Exit ① 25.60\n🏁 Exit ② 26.40",
    "Exit 1 25.60\nExit 2 26.40",
    "Exit 1: 25.60\nExit 2: 26.40",
])
def test_exit_rows_of_a_card_are_its_targets(rows):
    parsed = parse_message(f"#AVAX/USDT LONG\nEntry 24.80\n{rows}\nSL 23.70")
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.targets) == [Decimal("25.60"), Decimal("26.40")]
    assert parsed.tradable


# --- cancelling one rung of the ladder is an update ------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("[In reply to SharkDeskBot]\ncancel F3 (24.05) here, only F1 + F2 stay valid", None),
    ("cancel E3 (24.05), only E1 + E2 are valid", None),
    ("#AVAX cancel DCA2", "AVAX/USDT"),
    ("#AVAX F2 (24.35) cancelled, F1 stays", "AVAX/USDT"),
    ("#AVAX cancel the 24.35 limit, keep the first entry", "AVAX/USDT"),
    ("#AVAX cancel the limit at 24.35, keep the first entry", "AVAX/USDT"),
    ("#AVAX keep the first entry, cancel the limit at 24.35", "AVAX/USDT"),
])
def test_one_rung_cancelled_is_an_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", ["F3 cancelled", "cancel DCA2", "F1 filled", "TP7 hit", "DCA3 triggered"])
def test_a_rung_label_is_never_a_coin(text):
    assert parse_message(text).symbol is None


@pytest.mark.parametrize("text", [
    "#AVAX cancel this call, F1 + F2 are not valid anymore",
    "cancel this one ❌ don't place any of the orders",
])
def test_the_whole_call_cancelled_is_still_a_close(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- a fill notice under the call's coin -----------------------------------------------------------------------------


@pytest.mark.parametrize("line, coin", [
    ("🟢 Filled ✔️ avg 24.61", "#AVAX/USDT"),
    ("🟢 Filled ✅ 24.80", "#AVAX/USDT"),
    ("Filled @ 24.80", "#AVAX/USDT"),
    ("🟢 F1 filled ✔️ 24.80\n⏳ F2 24.35 still pending", "#AVAX/USDT"),
    ("🟢 F2 filled ✔️ 24.35\n⏳ F3 pending", "#AVAX/USDT"),
    ("zone 1 filled ✅", "#AVAX/USDT"),
    ("avax filled ✅", "#AVAX/USDT"),
    ("ordi long got filled @ 31.2", "#ORDI/USDT"),
])
def test_a_fill_notice_is_the_calls_entry_filled(line, coin):
    parsed = parse_message(_notice(line, coin))
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin.lstrip("#")
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("line", [
    "gap filled ✅ now we go",
    "avax filled?",
    "avax not filled",
    "if avax filled we add more",
])
def test_no_fill_of_the_call(line):
    parsed = parse_message(_notice(line))
    assert parsed.update_action != UpdateAction.ENTRY_FILLED


def test_a_fill_naming_the_side_of_a_new_position_is_read_as_its_card():
    # (a copier's "new position" notice: the trade it opened, not a fill of an earlier call)
    parsed = parse_message("[Copier] NEW POSITION\n#DOT/USDT LONG\nFilled @ 6.41\nLev: x5")
    assert parsed.kind == MessageKind.OPEN
    assert not parsed.tradable


# --- invalidation is a stop word -------------------------------------------------------------------------------------


@pytest.mark.parametrize("line, stop", [
    ("✏️ Invalidation updated 23.70 → 23.40\n(wider, sweep below 23.60)", "23.40"),
    ("Invalidation moved to 23.40", "23.40"),
    ("SL updated 23.70 → 23.40", "23.40"),
])
def test_invalidation_moved_is_a_new_stop(line, stop):
    parsed = parse_message(_notice(line))
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop == Decimal(stop)


def test_invalidation_in_market_talk_moves_nothing():
    assert parse_message("invalidation below 23.60 on the daily, bias stays long").kind == MessageKind.NOT_A_SIGNAL


# --- card parts ------------------------------------------------------------------------------------------------------


def _card(entry: str, side: str = "LONG") -> str:
    exits = "  ① 25.60\n  ② 26.40" if side == "LONG" else "  ① 24.10\n  ② 23.50"
    stop = "23.70" if side == "LONG" else "25.60"
    return (f"🦈 SHARK DESK • CALL\n🆔 SD-0917\n🪙 Pair: #AVAX/USDT (Perp)\n🧭 Side: {side}\n🎚 Leverage: Isolated 8x\n"
            f"{entry}\n🏁 Exits:\n{exits}\n🧯 Invalidation (SL): {stop}")


@pytest.mark.parametrize("rows, entries", [
    ("🛒 Fills:\n  F1 24.80\n  F2 24.35", ["24.35", "24.80"]),
    ("🛒 Fills:\n  F1 24.80\n  F2 24.35\n  F3 24.05", ["24.05", "24.35", "24.80"]),
    ("Fills:\nE1 24.80\nE2 24.35", ["24.35", "24.80"]),
])
def test_fill_rows_under_a_fills_heading_are_the_limit_entries(rows, entries):
    parsed = parse_message(_card(rows))
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "AVAX/USDT"
    assert list(parsed.entries) == [Decimal(e) for e in entries]
    assert parsed.entry_type == EntryType.LIMIT
    assert list(parsed.targets) == [Decimal("25.60"), Decimal("26.40")]
    assert parsed.stop_loss == Decimal("23.70")
    assert parsed.tradable


@pytest.mark.parametrize("trigger", ["🛒 Trigger: MARKET (ref 24.80)", "Trigger: market (ref 24.80)", "Trigger: CMP 24.80"])
def test_a_trigger_at_the_market_is_a_market_entry_at_its_reference(trigger):
    parsed = parse_message(_card(trigger, side="SHORT"))
    assert parsed.kind == MessageKind.OPEN
    assert parsed.side == Side.SHORT
    assert parsed.entry_type == EntryType.MARKET
    assert list(parsed.entries) == [Decimal("24.80")]
    assert parsed.tradable


def test_a_trigger_at_a_price_stays_held():
    # (a trigger price may wait for the market to cross it: no stop-entry orders yet)
    parsed = parse_message(_card("🛒 Trigger: 24.80"))
    assert parsed.kind == MessageKind.OPEN
    assert not parsed.tradable


@pytest.mark.parametrize("head", [
    "$WIF long 5x lev, market now ~2.315",
    "$WIF long 5x leverage, market now ~2.315",
    "$WIF long 5x, market now ~2.315",
])
def test_leverage_word_after_the_multiple_and_a_market_entry(head):
    parsed = parse_message(f"{head}\ntp 2.38 / 2.45\nsl 2.26")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "WIF/USDT"
    assert parsed.leverage == 5
    assert parsed.entry_type == EntryType.MARKET
    assert list(parsed.entries) == [Decimal("2.315")]


# --- an entry added in a reply ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "[In reply to SharkDeskBot]\nadd a second entry at 24.20 on this, SL stays 23.70",
    "add a 2nd entry at 24.20 on this one, stop unchanged 23.70",
])
def test_an_entry_added_in_a_reply_is_an_update(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol is None
    assert parsed.update_action == UpdateAction.ADD_ENTRY


@pytest.mark.parametrize("text", [
    "add a second entry at 24.20, TP 25.60, SL 23.70",
    "Long 24.80, add a second entry at 24.20, SL 23.70",
    "don't add a second entry at 24.20, SL stays 23.70",
])
def test_no_add_to_the_replied_to_trade(text):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.ADD_ENTRY)
