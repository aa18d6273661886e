"""Session 21, en45: English calls written by hand by solo traders, and a VIP hub's relayed cards.

- A post shown as the writer's layout ("How I write a scalp call (template, NOT a live trade):", "[Template]", "How we
  format our signals") is no call, whatever complete card stands under it. "not a live / real / actual trade" says the
  same as "not a live signal"; without the qualifier ("How I trade breakouts:") the card under it is still the call.
- Over a full set of levels naming no coin by tag or pair, the one ticker we know standing at the head of the post's
  first line ("DOT swing", "LINK. Revenue is up …", "ATOM — spot, no leverage"), or right after the line's heading words
  and a separator ("SIGNAL #88 — INJ (swing) LONG"), is the call's coin — read, and held for an operator. Other
  capitalised words of the post that are no tickers we know ("OI", a signature) do not make it ambiguous; two tickers we
  know do, and a ticker lower in the post is no heading. With a price on its line, the ticker must be closed off as
  the heading ("AAVE. … the 258 breakout"): "ADA pumped 12% today" is what the market did.
- A full call naming no coin, written as a reply whose inline quote is a chart's caption headed by a ticker ("↩️ Reply to:
  📷 BNB 4H — bull flag / long from …"), takes the caption's coin — held.
- Follow-ups of a solo trader: "stopped out, that wick was brutal" is a stop-out (the wick after a stop-out is what did
  it, not a thing closed — "closed the chart" still closes nothing); "stopped." or "Stopped, next" opening a reply is
  its trade stopped (not "stopped trading for today", "stopped adding"); "hit the 3% stop" is the stop hit; "→
  flattened at …" after a clause is an exit told as done ("→ cancel the order" stays with the clause before it).
- A hub's relayed cards: a label written as a hashtag heading its line before a price ("#EntryZone 140 - 144",
  "#Targets 150 | 158", "#StopLoss 136") is the label ("#SL hit" stays a tag); the word right before a signal's id
  ("[ALPHAFLOW ⚡] #A-3311", "BOTNAME • #QP-5530") is the channel's or bot's name, never a coin (a ticker we know before
  the id, "DOGE #DG-118", is the coin); three or more prices written "3 412.5" with the same leading group show
  thousands grouped by spaces — the other grouped prices of the post are read whole ("TP 1 250.5 2 300.5 3 350.5"
  numbers its targets: not joined).
- A status word written as a hashtag ("#filled", "#closed", "#cancelled") is the word; a short tag of a sector or a
  disclaimer ("#RWA", "#NFA", "#GEM") beside the tag of a ticker we know is the topic, no second coin.
- "AVAX #GTP-118 ▸ TP1 36.10 ✅ / SL moved to entry (36.92)" under a relay's "via" line: the source's signal id tags no
  coin — the target report and the stop move are the running trade's update, not a card.
- "#XRP/USDT LONG — 🎯 TP2 HIT" heading a card with ticks is the running trade's progress (an update), never an open.
- "REVISED CALL — #52 replaces #51 (never filled)" over a whole new card is the call now (an open): no trade of the old
  one runs; a card under an update heading of a filled, running call stays its update.
- A report heading ("DAILY REPORT", "Weekly report") over counts of hits ("TP hits: 5 | SL hits: 0") is the channel's
  statistics: its counters are no levels, and no coin is named — no signal (a call under a report's heading, with its
  coin tagged, stays the call).
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


# --- a layout shown, not a call ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📝 How I write a swing call (template, NOT a live trade):\n\nswing long ETH 3100-3080, tp 3200/3300, sl 3020",
    "How we format our signals 👇\n\nlong DOGE 0.1520-0.1500 | tp 0.1580 | sl 0.1470",
    "[Template] short AVAX 31.20-31.50, tp 30.40/29.80, sl 32.10",
    "This is how a card looks — not a real trade:\nlong LINK 14.20, tp 14.90, sl 13.80",
    "(template) long BNB 600-595 tp 615 sl 588",
])
def test_a_layout_shown_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "How I trade breakouts:\nscalp long ETH 3100-3080, tp 3200/3300, sl 3020",
    "long DOGE 0.1520-0.1500, tp 0.1580, sl 0.1470\nthis is a real trade, not a test",
])
def test_traps_a_card_under_other_words_is_still_the_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.targets


# --- a ticker we know heading the post's first line ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    (("DOT swing 🌊\n\nWeekly held the range low again, OI flat, no leverage needed here.\n\n"
      "bids 6.80 / 6.55\ntargets 7.40 → 7.90\ninvalidation: daily close under 6.30"), "DOT/USDT"),
    (("LINK. Revenue keeps growing while the token sits at the range low.\n\nBuying 14.10–14.30\nTargets 15.20 / 16.40\n"
      "Stop 13.60"), "LINK/USDT"),
    ("ATOM — spot, no leverage\n\nBuy @ 6.42\nBuy @ 6.21\n\nSell @ 6.90\nSell @ 7.30\n\nStop @ 5.95\n\n— JKT", "ATOM/USDT"),
    ("SIGNAL #88 — INJ (swing) 🟢 LONG\nZone: 21.10 to 21.60\nTargets: 22.80 | 24.00\nStop: 20.20", "INJ/USDT"),
])
def test_a_known_ticker_heading_the_post_is_the_coin_held(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == symbol
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    # two tickers we know on the first line: which is meant is a reading
    "ETH and SOL both look ready.\n\nGoing long 140.5–142\nTargets 150 / 158\nStop 136",
    # the ticker stands lower in the post, not heading it
    "Quick one before bed.\nWatching how BTC reacts.\n\nGoing long 140.5–142\nTargets 150 / 158\nStop 136",
    # a ticker in a sentence of the market, a price beside it
    "ADA pumped 12% today, alts waking up.\n\nGoing long 140.5–142\nTargets 150 / 158\nStop 136",
    # a word that is no ticker we know heading the post
    "HOTPICK. Momentum is back.\n\nGoing long 140.5–142\nTargets 150 / 158\nStop 136",
])
def test_traps_no_known_ticker_heading_reads_no_coin(text):
    parsed = parse_message(text)
    assert not parsed.tradable
    assert parsed.symbol is None


# --- a reply to a chart's caption ---------------------------------------------------------------------------------


def test_a_reply_call_takes_the_coin_of_the_caption_it_answers_held():
    parsed = parse_message("↩️ Reply to: 📷 BNB 4H — bull flag (photo)\n\nthis one 👆 long from 602–598\ntp 615 / 630\n"
                           "stop 590\n5x cross")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "BNB/USDT"
    assert parsed.entries == _d("598", "602")
    assert not parsed.tradable


def test_trap_a_reply_call_with_its_own_coin_keeps_it():
    parsed = parse_message("↩️ Reply to: 📷 BNB 4H — bull flag (photo)\n\n#SOL long from 142–140\ntp 150 / 158\nstop 136")
    assert parsed.symbol == "SOL/USDT"


# --- a solo trader's follow-ups -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("apt scalp stopped out 😤 that wick was brutal", "APT/USDT"),
    ("DOGE stopped out, that wick hurt", "DOGE/USDT"),
    ("stopped. -1R, next", None),
    ("Stopped, on to the next setup", None),
    ("AVAX hit the 3% stop, bag sold.", "AVAX/USDT"),
    ("ARB hit the 2.5% stop", "ARB/USDT"),
    ("waited 4h on the WIF scalp, no move → flattened at 2.41", "WIF/USDT"),
    ("time ran out on the 1000bonk long, nothing → flattened at 0.0231", "1000BONK/USDT"),
])
def test_a_follow_up_reports_the_trade_closed(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    "closed the chart, that wick was wild",
    "stopped trading for today, see you tomorrow",
    "Stopped adding to the bag",
])
def test_traps_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_trap_an_arrow_before_a_cancel_keeps_the_rung_cancel_an_update():
    parsed = parse_message("#LINK TP1 ✅ 15.20 hit before the DCA filled → cancel the 14.10 DCA order. SL to entry")
    assert parsed.kind == MessageKind.UPDATE


# --- a hub's relayed cards ----------------------------------------------------------------------------------------


def test_hashtag_labels_read_as_labels():
    parsed = parse_message("Forwarded from 🌙 Some Gems\n\n#SPOT #NFA\n\n#SOL/USDT #BUY 🟢\n#EntryZone 140 - 144\n"
                           "#Targets 150 | 158 | 170\n#StopLoss 136\n\n#gems #hold")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "SOL/USDT"
    assert parsed.entries == _d("140", "144")
    assert parsed.targets == _d("150", "158", "170")
    assert parsed.stop_loss == Decimal(136)


def test_trap_a_tagged_word_with_no_price_stays_a_tag():
    assert parse_message("#SOL #Targets reached, #SL hit on #ETH").kind != MessageKind.OPEN


@pytest.mark.parametrize("text", [
    "[ALPHAFLOW ⚡] #A-3311 | TP1 2.41 ✅ | sl → 2.30 (be) | running",
    "🤖 ROBOTRADE • #RT-7781\n▸ ENTRY 1 FILLED @ 2.41\n▸ avg 2.41 | 1/3 rungs",
])
def test_the_name_before_a_signal_id_is_no_coin(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol is None


def test_trap_a_known_ticker_before_the_id_is_the_coin():
    parsed = parse_message("DOGE #DG-118 ▸ TP1 0.1650 ✅\nSL moved to entry.")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "DOGE/USDT"


def test_grouped_decimal_prices_show_the_space_grouping():
    parsed = parse_message("BTC/USDT • PERP • SHORT\nEntry: 96 412.5 · 96 438.0 · 96 461.0\nTP: 95 360 → 95 318\n"
                           "SL: 96 998\nLev: 5x")
    assert parsed.entries == _d("96412.5", "96438.0", "96461.0")
    assert parsed.targets == _d("95360", "95318")
    assert parsed.stop_loss == Decimal(96998)


def test_trap_numbered_targets_are_not_joined():
    parsed = parse_message("#ETH/USDT LONG\nEntry 3 412.5\nTP 1 250.5 2 300.5 3 350.5\nSL 3 100")
    assert not parsed.tradable


# --- hashtags of status and of sectors, signal ids, progress cards, replacements -----------------------------------


def test_a_status_hashtag_reads_as_the_word_and_a_sector_tag_is_no_coin():
    parsed = parse_message("Forwarded from 🌙 Some Gems\n\n#SOL #SPOT #filled ✅ bought the zone at 142.10 #avg #RWA\n"
                           "#nextstop 150")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "SOL/USDT"


def test_a_source_signal_id_tags_no_coin():
    parsed = parse_message("🔁 via @somehub\n\nLINK #SH-177 ▸ TP1 15.20 ✅\nSL moved to entry (14.60). Let it run.")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "LINK/USDT"


def test_a_target_hit_heading_a_card_is_progress():
    parsed = parse_message("🦅 #SOL/USDT LONG — 🎯 TP1 HIT\nEntry: 142.0\nTP1: 146.0 ✅\nTP2: 150.0 ⏳\n"
                           "SL: 142.0 (moved to entry)\nLev 10x")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "SOL/USDT"


def test_trap_a_fresh_card_with_a_pair_heading_stays_an_open():
    parsed = parse_message("#SOL/USDT LONG — new setup\nEntry: 142.0\nTP1: 146.0\nTP2: 150.0\nSL: 138.0\nLev 10x")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable


def test_a_card_replacing_an_unfilled_call_is_the_call():
    parsed = parse_message("♻️ UPDATED CALL — #52 replaces #51 (never filled, ran away)\n\nDOT LONG\nEntry: 6.10 - 6.18\n"
                           "TP: 6.50 / 6.90\nSL: 5.85\nLev 5x")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "DOT/USDT"
    assert parsed.entries == _d("6.10", "6.18")


def test_trap_an_update_of_a_filled_call_is_no_open():
    parsed = parse_message("♻️ UPDATE — #52 (filled, running)\n\nDOT LONG\nEntry: 6.10 - 6.18\nTP: 6.50 / 6.90\n"
                           "SL: 5.85\nLev 5x")
    assert parsed.kind != MessageKind.OPEN


@pytest.mark.parametrize("text", [
    "🤖 ROBOTRADE • DAILY REPORT (02.04)\nSignals: 6 | Filled: 4 | TP hits: 7 | SL hits: 1\nBest: #RT-7781 SOL +18.2%",
    "📊 WEEKLY REPORT\nSignals: 12 | TP hits: 9 | SL hits: 3\nBest: SOL +22%",
])
def test_a_report_counting_hits_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_trap_a_call_under_a_report_heading_stays_the_call():
    parsed = parse_message("📊 Weekly report done — new call:\n#SOL LONG\nEntry 142\nTP 150\nSL 136")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "SOL/USDT"
