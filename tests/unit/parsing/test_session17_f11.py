"""Session 17, fixer "f11" (blind_z8, blind_z10): the families its misses stand for, each with look-alikes in new
wording and the traps near each rule that must keep their reading.

A close ends the whole position and an entry cancel takes off the unfilled orders: neither may come from a post about
the market or about someone else's trade."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

# --- a tracked wallet's position (an on-chain alert) is someone else's trade ------------------------------------------


@pytest.mark.parametrize("text", [
    "🐋 WHALE ALERT\n9,000 #ETH moved from Coinbase to an unknown wallet.\nSame address opened a 25x long on ETH at 3,410",
    "On-chain: this wallet just opened a 40x short on #BTC at 97,200 on Hyperliquid",
    "Tracked: the address also opened a 20x long on #SOL at 182",
    "An unknown wallet opened a 10x #DOGE long at 0.41 👀",
])
def test_a_tracked_wallets_position_is_no_call(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_the_channels_own_call_is_still_read_beside_the_word_wallet():
    parsed = parse_message("#ETH LONG 10x\nEntry: 3390\nTP: 3450 / 3520\nSL: 3320\nUse only 2% of your wallet")
    assert parsed.kind.value == "open" and parsed.symbol == "ETH/USDT" and parsed.tradable


# --- the coin whose move took a trade down is the cause, not a second close -----------------------------------------


@pytest.mark.parametrize("text, symbol", [
    ("BTC flushed and took #ARB with it — stopped out ❌ -1R.\n#TIA untouched, still fine.", "ARB/USDT"),
    ("ETH dumped hard and dragged #OP down with it. Stopped out.", "OP/USDT"),
    ("BTC nuked and took #INJ with it, SL hit -1R", "INJ/USDT"),
])
def test_a_close_dragged_by_the_market_closes_the_tagged_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    "#SOL stopped out\n#ETH stopped out",  # two closes: a recap, not a command
    "BTC and #ARB both stopped out",
    "ETH dumped and took #OP with it — SL hit. #ETH closed too.",
])
def test_closes_of_several_coins_stay_a_recap(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_a_dragged_coin_still_held_is_no_close():
    assert parse_message("BTC flushed and took #ARB with it. Still holding, stop intact.").kind.value != "close"


# --- "pull the bids": the resting buy orders taken off -------------------------------------------------------------


@pytest.mark.parametrize("text, symbol", [
    ("IMX — pull all bids, price never came down to us. No fills, no position. Cancelled.\n~ Limit Order Larry",
     "IMX/USDT"),
    ("FET: pulling our bids, no fill.", "FET/USDT"),
    ("We pulled our bids on #OP.", "OP/USDT"),
])
def test_pulled_bids_cancel_the_entries(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == symbol
    assert parsed.update_action.value == "cancel_entry"


@pytest.mark.parametrize("text", [
    "Whales pulled bids on BTC, careful",
    "Pull all bids on alts, BTC looks heavy",
    "SOL — big bids pulled from the book, careful",
    "BTC — someone pulled bids, careful",
])
def test_the_order_books_bids_are_no_cancel(text):
    assert parse_message(text).kind.value == "not_a_signal"


# --- two entries filled together: a running trade's update --------------------------------------------------------


@pytest.mark.parametrize("text, symbol", [
    ("#NEAR: 5.20 and 5.05 both filled, avg 5.12. TPs 5.55 / 5.90 / 6.40 remain, stop 4.82.", "NEAR/USDT"),
    ("#OP 1.52 & 1.48 both filled, avg 1.50", "OP/USDT"),
    ("#SOL both bids got filled, avg 142", "SOL/USDT"),
    ("#ETH 3400 and 3350 both filled. Targets 3600 / 3800, SL 3250", "ETH/USDT"),
])
def test_both_entries_filled_is_an_update(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert parsed.update_action.value == "entry_filled"
    assert not parsed.tradable


def test_two_targets_filled_are_not_read_as_entries():
    parsed = parse_message("#NEAR TP 5.55 and 5.90 both filled")
    assert parsed.update_action is None or parsed.update_action.value != "entry_filled"


# --- a side "incoming", levels promised: held, never traded -------------------------------------------------------


@pytest.mark.parametrize("text, symbol, side", [
    ("🚨 SHORT #AAVE incoming — levels in 5 min, get your margin ready 🚨", "AAVE/USDT", "short"),
    ("LONG #SOL incoming, levels soon", "SOL/USDT", "long"),
    ("SHORT #LINK inbound — entry & targets in 5 min", "LINK/USDT", "short"),
])
def test_a_side_incoming_with_levels_later_is_held(text, symbol, side):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and parsed.side.value == side
    assert not parsed.entries and not parsed.tradable
    assert parsed.market is None  # ("get your margin ready" names no market)


@pytest.mark.parametrize("text", [
    "Big pump incoming on #SOL",
    "Massive liquidations incoming, #BTC short squeeze",
])
def test_incoming_market_talk_is_no_call(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_margin_as_a_market_word_still_reads_futures():
    parsed = parse_message("#OP LONG margin 10x\nEntry: 1.50\nTP: 1.60\nSL: 1.45")
    assert parsed.market is not None and parsed.market.value == "futures"


# --- numbered entry legs with their allocation -------------------------------------------------------------------


@pytest.mark.parametrize("text, entries", [
    (("WIF/USDT long ladder 🪜\nLeg 1 → 2.415 (30%)\nLeg 2 → 2.330 (30%)\nLeg 3 → 2.240 (40%)\n"
      "Take profit: 2.55 · 2.68 · 2.90\nHard stop: 2.150\nCross 12x"), ["2.24", "2.33", "2.415"]),
    ("#WIF long\nLeg 1: 2.415\nLeg 2: 2.330\nTP: 2.55 / 2.68\nSL: 2.15", ["2.33", "2.415"]),
    ("#OP SHORT\nTranche 1 - 1.52\nTranche 2 - 1.58\nTP 1.40 / 1.32\nSL 1.66", ["1.52", "1.58"]),
])
def test_numbered_legs_are_the_entries(text, entries):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.entry_type.value == "limit"
    assert list(parsed.entries) == [Decimal(e) for e in entries]
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    "BTC second leg down incoming\nLeg 2 target 88000",
])
def test_a_market_leg_is_no_entry(text):
    assert parse_message(text).kind.value == "not_a_signal"


# --- bids as the entries, asks as the exits, "out below" as the stop ---------------------------------------------


@pytest.mark.parametrize("text, symbol, entries, targets, stop", [
    ("Placing bids on FET: 1.318, 1.274, 1.225.\nAsks 1.42 / 1.51 / 1.63.\nOut below 1.18.\n— OrderBook Owl 🦉",
     "FET/USDT", ["1.225", "1.274", "1.318"], ["1.42", "1.51", "1.63"], "1.18"),
    ("#OP\nBids: 1.52 / 1.48\nAsks: 1.62 / 1.70\nOut below 1.41", "OP/USDT", ["1.48", "1.52"], ["1.62", "1.70"], "1.41"),
    ("Bids for OP: 1.52 / 1.48\nAsks: 1.62 / 1.70\nOut below 1.41", "OP/USDT", ["1.48", "1.52"], ["1.62", "1.70"], "1.41"),
])
def test_bids_and_asks_are_a_long_call(text, symbol, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and parsed.side.value == "long"
    assert list(parsed.entries) == [Decimal(e) for e in entries]
    assert list(parsed.targets) == [Decimal(t) for t in targets]
    assert parsed.stop_loss == Decimal(stop)
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    "#SOL\nBids 180 / 175\nAsks 170 / 165\nOut above 188",  # bids under a short: never a short opened on buy orders
    "#SOL short\nBids: 180 / 175\nTP 170\nSL 188",
])
def test_bids_read_as_a_shorts_entries_are_held(text):
    parsed = parse_message(text)
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "Whales stacking bids at 92k on BTC",
    "BTC bids 92000 thick, asks 95000",
])
def test_the_order_books_bids_and_asks_are_no_call(text):
    assert parse_message(text).kind.value == "not_a_signal"
