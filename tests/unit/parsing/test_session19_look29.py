"""Session 19, fixer look29: money-safety look-alikes (blind_z27, blind_z29 misses), each read as a family.

Every case is written in its own words, never a corpus row. Two coins in one post, one said to go on and one closed now:
the close is the coin on the closing line, the other is never closed ("closed the daily" is a candle, a close that
waits is no close). "50% of the way to TP1, hold tight" is a trade held, never a part closed; "half risk (0.5% instead
of 1%)" sizes a new call, it corrects no level. "if TP1 isn't hit within 48h we close at market" waits. A fill or a
target hit of a trade the channel disowns (another channel's call, "we weren't in it", a fund's ETF orders) is no
status of the call; a hi-en "entry fill ho gaya" reports the running trade's fill, it opens nothing.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- two coins, one held and one closed now: the close is the coin on the closing line ---------------------------------


@pytest.mark.parametrize("text, closed", [
    ("#AVAX long still doing its thing, nothing to change there.\nAlso: closing #ATOM at 8.10 now, it's going nowhere.",
     "ATOM/USDT"),
    ("#SOL still running, SL at entry.\nClosing #INJ at market now ❌ momentum is gone.", "INJ/USDT"),
    ("#ETH işlemi devam ediyor, stop girişte.\n#AVAX'ı ise tamamen kapatıyoruz, piyasadan çıkın.", "AVAX/USDT"),
    ("#BTC still open, nothing to do.\n#ARB closed at 0.81 ✅ done with it.", "ARB/USDT"),
])
def test_the_coin_closed_is_the_one_on_the_closing_line(text, closed):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == closed
    assert parsed.side is None  # (a side word of the held coin is not the closed one's)
    assert not parsed.also_symbols


@pytest.mark.parametrize("text, held, side", [
    # the other coin only "closed the daily" (a candle), not in a trade of ours
    (("#AVAX long still doing its thing, nothing to change there.\nBtw #ATOM closed the daily at 8.10 under resistance. "
     "Not in it, just watching."), "AVAX/USDT", Side.LONG),
    ("#SOL long still running, nothing to change.\n#INJ closed its weekly at 21.4, right on support. Watching only.",
     "SOL/USDT", Side.LONG),
    # the other coin's close waits for the market: nothing closed now
    (("#ETH işlemi devam ediyor, stop girişte.\n#AVAX'ı kapatmaya yakınız ama henüz değil — 30,50 altında günlük kapanış "
     "gelirse çıkarız."), "ETH/USDT", None),
    ("#SOL still running, nothing to change.\n#INJ: if the daily closes below 20.5 we close it.", "SOL/USDT", None),
])
def test_the_held_coin_is_never_closed_beside_a_candle_or_a_waiting_close(text, held, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == held
    assert parsed.side == side
    assert parsed.update_action == UpdateAction.OTHER


@pytest.mark.parametrize("text", [
    "#SOL closed the daily at 148 right under resistance",
    "#BTC closed the weekly above 70k 🚀",
    "#ETH closed the 4H candle green, still no trade",
])
def test_a_candle_closed_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_a_close_of_a_trade_named_after_its_candle_word_still_closes():
    parsed = parse_message("Close the daily scalp on #SOL now")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "SOL/USDT"


def test_two_coins_without_either_said_to_go_on_stay_for_an_operator():
    # ("#ETH +20% / #DOT closed"): a results list — which coin's trade ends is no fact
    assert parse_message("#ETH +20%\n#DOT closed at 6.92").kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#LINK'i tamamen kapatıyoruz",
    "#LINK tamamen kapattık ✅",
    "#LINK полностью закрываем",
    "#LINK fully closing now",
])
def test_fully_before_the_close_verb_is_a_full_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "LINK/USDT"


@pytest.mark.parametrize("text", [
    "#LINK not fully closed yet, 50% still open",
    "#LINK'i tamamen kapatmıyoruz, yarısı açık",
    "#LINK tamamen kapatırsak stop gerek yok",
    "#LINK pozisyonu tamamen kapatacağız yarın",
    "#LINK не полностью закрыли, половина в работе",
])
def test_not_fully_or_a_later_full_close_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- "50% of the way to TP1, hold tight": held, never a part closed ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "#PEPE already 60% of the way to TP1 🚀 hold tight, nothing to do yet.",
    "#PEPE 50% of the way to target one, holding steady",
    "#PEPE halfway to TP1, hold tight",
    "#PEPE almost 80% of the way to TP2, hold firm 💎",
])
def test_progress_to_a_target_with_hold_is_a_held_trade(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "PEPE/USDT"
    assert parsed.update_action == UpdateAction.OTHER


def test_a_target_hit_with_half_closed_is_still_a_partial():
    parsed = parse_message("#PEPE 🎯 TP1 hit — close 50% and let the rest run.")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


# --- "half risk (0.5% instead of 1%)": sizing of a new call, not a correction ------------------------------------------


@pytest.mark.parametrize("text, coin, side, entry, stop", [
    ("#AVAX LONG — half risk on this one (0.5% instead of 1%) 👇\nBuy 36.2\nTP 37.5 / 38.4\nSL 35.3",
     "AVAX/USDT", Side.LONG, "36.2", "35.3"),
    ("#ETH SHORT — size 1% instead of 2%, volatile\nEntry 3480\nTP 3400 / 3350\nSL 3530",
     "ETH/USDT", Side.SHORT, "3480", "3530"),
    ("#ETH SHORT — Risiko 0,5 % statt 1 %\nEinstieg 3480\nTP 3400 / 3350\nSL 3530", "ETH/USDT", Side.SHORT, "3480", "3530"),
])
def test_a_share_after_instead_of_is_sizing_of_a_fresh_call(text, coin, side, entry, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable
    assert parsed.symbol == coin
    assert parsed.side == side
    assert list(parsed.entries) == [Decimal(entry)]
    assert parsed.stop_loss == Decimal(stop)


def test_a_price_after_instead_of_is_still_a_correction():
    parsed = parse_message("#SUI LONG\nEntry 3.30 instead of 3.40\nTP 3.6\nSL 3.1")
    assert parsed.kind == MessageKind.UPDATE
    assert not parsed.tradable


# --- "if … we close at market": a close that waits ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#APT time-stop reminder ⏰ if TP1 isn't hit within 24h of entry we close at market. Clock runs out tonight.",
    "#APT reminder: if TP1 isn't hit by Friday we close at market.",
    "#APT reminder ⏰ if the 4H closes below 8.40 we exit.",
    "#APT update: if TP1 isn't hit within 48h of entry we'll close it.",
])
def test_a_close_after_a_condition_waits(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#APT ⏰ 24h are up and still no TP1 — closing the whole position at market as per our time-stop rule.",
    "#APT if you're still in, we close at market now.",
])
def test_the_time_stop_triggered_now_closes(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "APT/USDT"


# --- a trade the channel disowns: another channel's call, "we weren't in it", a fund's orders --------------------------


@pytest.mark.parametrize("text", [
    "lol another channel's #RNDR call just hit TP3 at 8.20 and they're celebrating. We weren't in it.",
    "Partner channel's #ARB signal just hit TP3 🎯 congrats to them",
    "#SOL TP1 hit ✅ — we never entered SOL, a partner channel did",
    "Spot #ETH ETF orders filled today, huge inflows",
    "Buy orders filled on the spot #BTC ETFs this week were record-breaking. Bullish, but no trade from us.",
])
def test_a_disowned_fill_or_target_is_no_status(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin, action", [
    ("#RNDR TP3 🎯 8.20 hit ✅ — let the rest run.", "RNDR/USDT", UpdateAction.PARTIAL_CLOSE),
    ("Another channel's #ARB call hit TP1, ours hit TP2 ✅", "ARB/USDT", UpdateAction.TP_HIT),
    ("#ETH entry filled ✅ avg 3120 — no trade for us on BTC though", "ETH/USDT", UpdateAction.ENTRY_FILLED),
    ("#ETH buy orders filled on Binance ✅ avg 3120", "ETH/USDT", UpdateAction.ENTRY_FILLED),
])
def test_the_channels_own_fill_or_target_stays_an_update(text, coin, action):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.update_action == action


# --- hi-en "entry fill ho gaya": the running trade's fill, no open ------------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("#BONK short entry fill ho gaya ✅ 0.0000231 avg.\nAb bas wait karo", "BONK/USDT", Side.SHORT),
    ("#ETH long ka order fill hua 3120 pe ✅", "ETH/USDT", Side.LONG),
    ("#SOL entry fill ho chuki hai 148 avg, SL 141 rakho", "SOL/USDT", None),
])
def test_a_hinglish_fill_is_an_entry_filled_update(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.side == side
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert not parsed.tradable


def test_a_hinglish_fill_not_yet_is_no_fill():
    parsed = parse_message("#ETH entry fill nahi hua abhi")
    assert parsed.update_action != UpdateAction.ENTRY_FILLED
    assert parsed.kind != MessageKind.OPEN
