"""Session 19, fixer vipbot25: a paid VIP provider's signal bot and its channel (blind_z24, blind_z25 misses).

Every case is written in its own words, never a corpus row. A card's "E1 ➜ price / E2 ➜ price" rows under an entries
heading are its limit entries (an arrow, a dash or a colon between), a "DCA:" line under the entry is a second one even
beside a "Market: Futures" heading (the market the trade is on, no order at the market), and "T1 — price" rows are
targets. The bot's "E1 filled @ price — E2 still pending" is a fill of that call; a correction heading over "Stop Loss
is price" moves the call's stop; a renewal promo and a morning greeting name no trade.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _card(rows: str, side: str = "SHORT", coin: str = "#LINK/USDT") -> str:
    targets = "  TP1 ➜ 17.40\n  TP2 ➜ 16.90\n  TP3 ➜ 16.20" if side == "SHORT" else "  TP1 ➜ 19.40\n  TP2 ➜ 19.90"
    stop = "18.95" if side == "SHORT" else "17.10"
    return (f"🚨 VIP CALL 🚨  #0777\n\n💠 Pair: {coin}\n🔻 Direction: {side}\n⚙️ Leverage: Cross 15x\n\n"
            f"📥 Entries:\n{rows}\n\n🎯 Targets:\n{targets}\n\n⛔️ Stop Loss: {stop}\n\n🤖 Some Signals Bot")


# --- numbered entry rows under an entries heading: the limit entries ---------------------------------------------


@pytest.mark.parametrize("rows", [
    "  E1 ➜ 18.10\n  E2 ➜ 18.45",
    "  E1 → 18.10\n  E2 → 18.45",
    "  E1 -> 18.10\n  E2 -> 18.45",
    "  E1 ⇒ 18.10\n  E2 ⇒ 18.45",
    "  E1 — 18.10\n  E2 — 18.45",
    "  E1: 18.10\n  E2: 18.45",
    "  Entry 1 ➜ 18.10\n  Entry 2 ➜ 18.45",
    "  E2 ➜ 18.45\n  E1 ➜ 18.10",
])
def test_numbered_entry_rows_are_the_limit_entries(rows):
    parsed = parse_message(_card(rows))
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "LINK/USDT"
    assert parsed.side == Side.SHORT
    assert list(parsed.entries) == [Decimal("18.10"), Decimal("18.45")]
    assert parsed.entry_type == EntryType.LIMIT
    assert parsed.stop_loss == Decimal("18.95")
    assert parsed.tradable


def test_three_entry_rows_long():
    parsed = parse_message(_card("  E1 ➜ 18.20\n  E2 ➜ 17.90\n  E3 ➜ 17.60", side="LONG"))
    assert parsed.side == Side.LONG
    assert list(parsed.entries) == [Decimal("17.60"), Decimal("17.90"), Decimal("18.20")]
    assert list(parsed.targets) == [Decimal("19.40"), Decimal("19.90")]


def test_rows_of_different_words_under_the_entries_heading_are_no_ladder():
    # ("Now ➜ … / Later ➜ …": two headings of no common word — not read as the rungs of one ladder)
    parsed = parse_message(_card("  Now ➜ 18.10\n  Later ➜ 18.45"))
    assert list(parsed.entries) != [Decimal("18.10"), Decimal("18.45")] or not parsed.tradable


# --- an entry with a DCA line, T1 — rows, a Market: Futures heading -------------------------------------------------


def _free_card(extra: str, market: str = "📊 Market: Futures") -> str:
    return (f"🟢 #DOT/USDT — LONG\n\n{market}\n⚙️ Leverage: 5x\n\n💵 Entry: 6.40\n{extra}\n\n🎯 Targets:\n"
            "T1 — 6.62\nT2 — 6.85\nT3 — 7.10\n\n⛔ Stop: 6.05")


@pytest.mark.parametrize("extra", ["➕ DCA: 6.22", "➕ Add: 6.22", "DCA 6.22", "Add more: 6.22"])
@pytest.mark.parametrize("market", ["📊 Market: Futures", "Market type: Futures", "Рынок: фьючерсы", "Market: Binance Futures"])
def test_a_dca_line_under_the_entry_is_a_second_limit_entry(extra, market):
    parsed = parse_message(_free_card(extra, market))
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "DOT/USDT"
    assert list(parsed.entries) == [Decimal("6.22"), Decimal("6.40")]
    assert parsed.entry_type == EntryType.LIMIT
    assert list(parsed.targets) == [Decimal("6.62"), Decimal("6.85"), Decimal("7.10")]
    assert parsed.stop_loss == Decimal("6.05")
    assert parsed.tradable


def test_t_rows_with_a_dash_are_targets_not_a_guess():
    parsed = parse_message(_free_card("", "📊 Market: Futures"))
    assert list(parsed.targets) == [Decimal("6.62"), Decimal("6.85"), Decimal("7.10")]
    assert parsed.tradable


def test_a_market_order_keeps_its_dca_out():
    # ("Market: now" / "Entry: CMP …" order at the market: no rung rides on it)
    parsed = parse_message("#DOT/USDT LONG\nEntry: CMP 6.40\nDCA: 6.22\nTP: 6.62 / 6.85\nStop: 6.05")
    assert Decimal("6.22") not in parsed.entries


def test_an_optional_dca_is_held():
    parsed = parse_message(_free_card("➕ DCA: 6.22 (optional)"))
    assert not parsed.tradable


# --- the bot's fill follow-up ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("📥 #LINK/USDT  |  Signal #0777\nE1 filled @ 18.10 ✅ — E2 (18.45) still pending\n🤖 Some Signals Bot", "LINK/USDT"),
    ("#DOT/USDT | Signal #0778\nE2 filled @ 6.22 ✅ — all entries in", "DOT/USDT"),
    ("#OP/USDT E1 @ 1.84 filled", "OP/USDT"),
    ("#ATOM/USDT E1 triggered at 7.15, E2 waiting", "ATOM/USDT"),
])
def test_an_entry_rung_filled(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "#LINK/USDT E1 not filled yet",
    "#LINK/USDT E1 will be filled at 18.10",
    "#LINK/USDT E2 (18.45) still pending",
])
def test_an_entry_rung_not_filled_is_no_fill(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.ENTRY_FILLED
    assert parsed.kind != MessageKind.CLOSE


def test_a_pending_rung_is_no_cancel():
    parsed = parse_message("#LINK/USDT | Signal #0777\nE1 filled @ 18.10 ✅ — E2 (18.45) still pending")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert UpdateAction.CANCEL_ENTRY not in (parsed.also_actions or ())


@pytest.mark.parametrize("text", ["E1 filled", "E2 cancelled", "E3 triggered"])
def test_an_entry_rung_is_never_a_coin(text):
    assert parse_message(text).symbol is None


# --- a correction of the call's stop --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin, stop", [
    ("⚠️ CORRECTION #0512 1000SHIB\nStop Loss is 0.02310 (a digit dropped in the bot post). Entry & TPs unchanged.",
     "1000SHIB/USDT", "0.02310"),
    ("CORRECTION #0513 AVAX\nStop Loss is 24.80, the card was wrong", "AVAX/USDT", "24.80"),
    ("Correction #NEAR\nSL: 4.95 not 5.95", "NEAR/USDT", "4.95"),
])
def test_a_correction_moves_the_calls_stop(text, coin, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop == Decimal(stop)


def test_a_correction_of_a_target_moves_no_stop():
    parsed = parse_message("Correction #NEAR\nTP3 is 6.40 (not 4.60).\nStop loss 4.95 unchanged.")
    assert parsed.update_action != UpdateAction.NEW_STOP
    assert parsed.kind != MessageKind.CLOSE


# --- a renewal promo, a morning greeting --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("⏳ RENEWAL REMINDER\nYour subs expire Sunday. Renew via @HelpDesk:\n• 1 month — 59$\n• Lifetime — DM 😉\n"
    "Don't lose access with trades still running!"),
    "🔥 PROMO: VIP 40% OFF until Friday\nKeep your access while our trades are still running 🚀",
    "Membership ends in 2 days. Still holding 4 trades — renew now to follow them.",
])
def test_a_renewal_promo_is_no_status(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


def test_a_trade_still_running_outside_a_promo_stays_a_status():
    parsed = parse_message("#INJ trades still running, holding")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "INJ/USDT"


@pytest.mark.parametrize("text", [
    ("Good morning team ☀️ ETH held 3.4k overnight and alts look heavy. First calls drop within the hour 🔔\n"
    "Reminder: max 2% per trade."),
    "GM fam! SOL defended 140 all weekend. Next signals coming soon.\nReminder: 1% risk each call, no revenge trades.",
])
def test_a_morning_greeting_is_no_update(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_reminder_of_a_named_trade_stays_an_update():
    parsed = parse_message("Reminder: BTC trade still valid, risk 2% per trade")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "BTC/USDT"
