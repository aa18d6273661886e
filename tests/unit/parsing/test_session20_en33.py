"""Session 20, en33: English channels' day-to-day posts (blind_z33, and the misses of blind_z30/z31 in the same family).

Rules, each with its traps:
- a side word ruled out by a negation before it ("no ETH longs from us", "not longing", "avoid shorts", "no new longs
  until 60k") is no call's side and the price after it no entry; "no" before a singular side word reads so only before a
  position word ("stopados no long de $RUNE" is Portuguese); "#NOT SHORT" is the coin. "open" after a session or market
  word ("London open", "NY open", "the open", "open interest") is no open verb;
- "inval" before a price is the stop;
- an entry, an arrow, then a list of prices ("long mkt 7.82 ➝ 7.95 / 8.08") is the entry and its targets (held, as an
  arrow chain is);
- ladder rows headed by a word and the row's number ("Zone 1 ➜ 0.425") are rungs — the row numbers are no entries; a
  rung with a note in brackets is read and held;
- a status word in capitals after the call ("INJ/USDT short — CANCELLED") is no second coin;
- "zone 1 filled", "both halves filled" are fills; "#APT out 7.76" is a close; "fully closed, +8.3%" closes the
  replied-to trade; "took 25% off the table" is a part taken, not a discount;
- a coin written as a plain word where only a coin stands is read as the coin: heading the post before its status ("arb
  filled ✅", "apt out 7.76", "pengu filled lol", "ARB filled"), heading a result after a close ("closed it. pengu +9%"),
  after "the rest of" a close ("closing the rest of link at 15.44") — not the tickers that are words ("near tp1", "link
  below", "sol") nor the words heading such posts ("all filled", "gap filled", "nice +9%"), nor a coin whose own clause
  is market talk ("BTC closed below 60k");
- "longing sol here, 176.4ish" orders at the market (here, and a price said to be about where the market is);
- prose calls: "I'm in #LINK long right now around 14.62" is a fresh call, "if it loses 14.18 I'm out" its stop,
  "taking profit at 3,340 and 3,420, and if it really goes, 3,550" its targets; a price after the targets that nothing
  read holds the open; a ticker before a chart's timeframe ("DOGE 1H.") names the coin (held);
- a coin-less post reporting a target hit and moving the stop is the replied-to trade's update; "I'll post calls as I
  see them" names no trade.
"""

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _f(values) -> tuple[float, ...]:
    return tuple(float(v) for v in values)

# --- a side ruled out is no call --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Morning notes\n• BTC ranging 94-96k\n• SOL/BTC weak — no SOL longs from us\n• Quiet until NY open",
    "• ETH/BTC bleeding again, no longs from us\n• Nothing new before the London open",
    "#BTC no longs until 62k is reclaimed",
    "#ETH not longing this, too extended",
    "Avoid shorts on #SOL here, funding is negative",
    "No new longs on #AVAX until 30 holds",
    "zero shorts from us on #BTC this week",
])
def test_a_negated_side_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_negated_side_beside_the_call_leaves_the_call_its_side():
    parsed = parse_message("#ETH SHORT\nEntry 3400\nTP 3300\nSL 3500\nNo longs until 3600 is reclaimed")
    assert (parsed.kind, parsed.side, _f(parsed.entries), parsed.tradable) == (MessageKind.OPEN, Side.SHORT, (3400,), True)


@pytest.mark.parametrize("text,side", [
    ("NOT financial advice 👀\n#NOT SHORT\nEntry: 0.006120\nTargets: 0.005950 / 0.005780\nStop: 0.006310", Side.SHORT),
    ("#SOL long\nEntry 150\nTP 155 160\nSL 145", Side.LONG),
])
def test_no_negation_before_the_side_keeps_it(text, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.side) == (MessageKind.OPEN, side)


def test_portuguese_no_before_the_side_is_in_the():
    parsed = parse_message("Fomos stopados no short de $ARB 😤 faz parte")
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "ARB/USDT", Side.SHORT)


@pytest.mark.parametrize("text", [
    "ETH/BTC turning up, alt longs coming\nNY open in an hour",
    "SOL/ETH breaking out, long it\nUS open soon",
    "#ETH long bias, open interest rising",
])
def test_open_as_a_session_or_interest_is_no_open_verb(text):
    assert parse_message(text).kind != MessageKind.OPEN


def test_open_as_a_verb_still_opens():
    parsed = parse_message("open LONG on #SUIUSDT")
    assert (parsed.kind, parsed.side, parsed.entry_type) == (MessageKind.OPEN, Side.LONG, EntryType.MARKET)


# --- inval, mkt arrow, zone rows --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "OP 1H — reclaim. Long 1.90-1.93, tgt 2.05 / 2.18, inval 1.81",
    "#OP long 1.92, tp 2.05 / 2.18, inval: 1.81",
])
def test_inval_is_the_stop(text):
    parsed = parse_message(text)
    assert (_f(parsed.targets), float(parsed.stop_loss)) == ((2.05, 2.18), 1.81)


@pytest.mark.parametrize("text,entries,targets", [
    ("SEI long mkt 0.512 ➝ 0.528 / 0.545 | sl 0.498 | x15", (0.512,), (0.528, 0.545)),
    ("#APE long 0.742 → 0.770 / 0.805 ⛔ 0.715", (0.742,), (0.77, 0.805)),
])
def test_an_entry_then_an_arrow_to_a_list_is_entry_and_targets(text, entries, targets):
    parsed = parse_message(text)
    assert (_f(parsed.entries), _f(parsed.targets)) == (entries, targets)
    assert not parsed.tradable


def test_prices_before_the_arrow_are_no_arrow_chain():
    parsed = parse_message("SOL long 150 / 148 → 155, sl 145")
    assert parsed.targets == ()


def test_zone_rows_are_the_ladder_without_their_numbers():
    parsed = parse_message("$KAS spot\nBuy zones:\nZone 1 ➜ 0.142\nZone 2 ➜ 0.135\nZone 3 ➜ 0.128\n"
                           "Targets: 0.16 / 0.18\nStop 0.119")
    assert (_f(parsed.entries), parsed.tradable) == ((0.128, 0.135, 0.142), True)


def test_a_zone_row_with_a_note_is_read_and_held():
    parsed = parse_message("$KAS spot\nBuy zones:\nZone 1 ➜ 0.142\nZone 2 ➜ 0.135 (only on a wick)\n"
                           "Targets: 0.16 / 0.18\nStop 0.119")
    assert _f(parsed.entries) == (0.135, 0.142)
    assert "carries a note" in (parsed.rejected or "")


# --- statuses ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,symbol,kind", [
    ("📌 TIA/USDT long — CANCELLED\n• never came to our zone\n• orders pulled", "TIA/USDT", MessageKind.CLOSE),
    ("SUI/USDT short — FILLED ✅", "SUI/USDT", MessageKind.UPDATE),
])
def test_a_status_word_in_capitals_is_no_second_coin(text, symbol, kind):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (kind, symbol)


@pytest.mark.parametrize("text,symbol", [
    ("$KAS zone 2 filled ✅ holding, zone 3 order stays", "KAS/USDT"),
    ("AVAX both halves filled 👌 avg ~27.10", "AVAX/USDT"),
])
def test_a_numbered_zone_or_both_halves_filled_is_a_fill(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.ENTRY_FILLED)


@pytest.mark.parametrize("text", ["#WIF out 2.41, small loss", "$WIF: out at 2.41", "#WIF — out 2.41 🙏"])
def test_out_and_a_price_after_the_coin_is_a_close(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "WIF/USDT")


@pytest.mark.parametrize("text", ["#WIF out 4h close", "#WIF out 3 times today", "#WIF out 12/05", "out 2.41",
                                  "#WIF breakout 2.41"])
def test_out_look_alikes_are_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_fully_closed_with_a_result_closes_the_replied_to_trade():
    parsed = parse_message("all targets hit ✅✅ 2.90\nfully closed, +11% / 110% with 10x")
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, None)


@pytest.mark.parametrize("text", ["fully closed the gap today", "the CME gap fully closed"])
def test_fully_closed_gap_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "$TIA first target 5.20 hit ✅ (+9%)\nTook 30% off the table, the rest rides",
    "+1.8% already 🔥 taking 25% off here at 5.20 (TP1), rest stays",
])
def test_a_part_taken_off_is_no_discount(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE)


def test_a_discount_is_still_an_advert():
    assert parse_message("#SOL +40% 🔥 VIP 50% off this week, join now").kind == MessageKind.NOT_A_SIGNAL


# --- a coin written as a plain word where only a coin stands ---------------------------------------------------------


@pytest.mark.parametrize("text,kind,symbol", [
    ("[In reply to ScalpDesk]\ninj filled ✅", MessageKind.UPDATE, "INJ/USDT"),
    ("ARB filled ✅", MessageKind.UPDATE, "ARB/USDT"),
    ("[In reply to ScalpDesk]\nwif out 2.41, small L", MessageKind.CLOSE, "WIF/USDT"),
    ("bome filled lol. trailing stop down to 0.0091 already", MessageKind.UPDATE, "BOME/USDT"),
    ("[In reply to dex]\nclosed it. bome +7% on 3x, fine by me", MessageKind.CLOSE, "BOME/USDT"),
    ("ok closing the rest of link at 15.90, done for today", MessageKind.CLOSE, "LINK/USDT"),
    ("TIA 5.20 ✅ TP1. 30% off, the rest stays", MessageKind.UPDATE, "TIA/USDT"),
])
def test_a_plain_word_where_the_coin_stands_names_it(text, kind, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (kind, symbol)


@pytest.mark.parametrize("text", [
    "near tp1 — close half here",
    "one filled, one to go",
    "all filled ✅",
    "gap filled ✅",
    "finally filled lol",
    "link out 15.44",
    "closed it. nice +9% on 3x",
    "closing the rest of the week early",
    "closing the rest of it at 15.44",
    "BTC closed below 60k. Closing now.",
    "ETH closed the daily red. closed it. alts +9% on 3x",
    "BTC filled the gap. Closing now",
    "daily closed above 3400",
])
def test_words_in_the_coins_place_name_no_coin(text):
    assert parse_message(text).symbol is None


@pytest.mark.parametrize("text", [
    "arb filled ✅ #BTC pumping",
    "closing the rest of link here, #ETH still running",
    "Close half of DOT, #BTC full hold",
])
def test_a_plain_word_beside_another_coin_names_neither(text):
    parsed = parse_message(text)
    assert parsed.symbol not in ("ARB/USDT", "LINK/USDT", "DOT/USDT")


# --- market entries, prose calls --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,entry", [
    ("ok shorting arb here, 0.812ish. stop above 0.84. tp 0.79 then 0.77. 5x", 0.812),
    ("shorting #ETH here ~3400, tp 3300, sl 3480", 3400),
])
def test_here_and_an_approximate_price_is_a_market_entry(text, entry):
    parsed = parse_message(text)
    assert (_f(parsed.entries), parsed.entry_type) == ((entry,), EntryType.MARKET)


def test_here_and_a_plain_price_stays_a_limit():
    parsed = parse_message("$SOL long here 172.4, tp 178 / 184, sl 168.9")
    assert parsed.entry_type == EntryType.LIMIT


def test_a_prose_call_entered_now_with_its_stop_and_targets():
    parsed = parse_message("you asked, so here it is\n\nI'm in #AVAX long right now around 27.40 with 5x. targets 28.30 "
                           "then 29.10, if it loses 26.80 I'm out.")
    assert (parsed.kind, _f(parsed.entries), parsed.entry_type, _f(parsed.targets), float(parsed.stop_loss)) == (
        MessageKind.OPEN, (27.4,), EntryType.MARKET, (28.3, 29.1), 26.8)


@pytest.mark.parametrize("text", [
    "I'm still in #AVAX long right now from 27.40, targets 28.30 / 29.10, SL 26.80",
    "I'm in #AVAX long from 27.40, targets 28.30 / 29.10, SL 26.80",
])
def test_a_running_trade_restated_stays_an_update(text):
    assert parse_message(text).kind == MessageKind.UPDATE


def test_taking_profit_in_prose_with_a_runner():
    parsed = parse_message("Buying #SOL right now at market, about 176 as I type. Stop at 171. I'll be taking profit at "
                           "181 and 186, and if it really goes, 192. 5x only.")
    assert (_f(parsed.targets), float(parsed.stop_loss), parsed.tradable) == ((181, 186, 192), 171, True)


def test_a_price_after_the_targets_that_nothing_read_holds_the_open():
    parsed = parse_message("Buying #SOL right now at market, about 176 as I type. Stop at 171. I'll be taking profit at "
                           "181 and 186, but if it breaks out 192.")
    assert not parsed.tradable


@pytest.mark.parametrize("text", ["#ETH taking profit at 3,340 now, rest runs"])
def test_taking_profit_at_one_price_is_no_target_list(text):
    assert parse_message(text).kind != MessageKind.OPEN


def test_a_ticker_before_a_chart_timeframe_names_the_coin_held():
    parsed = parse_message("📸 ARB 4H. Rejected at the same spot again.\nShorting 0.812, SL 0.84, TP 0.79 - 0.77\n10x")
    assert (parsed.symbol, parsed.side, parsed.market, parsed.tradable) == ("ARB/USDT", Side.SHORT, "futures", False)


def test_a_promise_of_levels_while_checking_them_is_a_direction_alert():
    parsed = parse_message("SHORT #TIA 🔴 levels in 5 min, double-checking them")
    assert (parsed.kind, parsed.symbol, parsed.entry_type, parsed.tradable) == (
        MessageKind.OPEN, "TIA/USDT", EntryType.MARKET, False)


def test_a_coinless_target_hit_with_the_stop_moved_is_an_update():
    parsed = parse_message("TP1 ✅ 0.79\nmoving stop to entry (0.812 avg)")
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN)


def test_calls_promised_name_no_trade():
    assert parse_message("GM ☕\nBTC held 95k all weekend. I'll share setups as I see them, reminder: no bot here.\n"
                         "Risk 1% per trade.").kind == MessageKind.NOT_A_SIGNAL
