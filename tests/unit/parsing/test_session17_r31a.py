"""Session 17, fixer r31a: an adversarial review's fill notices, liquidations and bot deals, each read as a family.

Every case is written in its own words, never a review row. A close ends the whole position, a partial close or an
added entry keeps it; someone else's liquidation, a results card or a cancelled order of the writer's is no signal.
The look-alikes below must keep their reading.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- fill notices: a sell that added to a short, or left a part held, is never a close -----------------------------------


@pytest.mark.parametrize("text, coin", [
    ("Your order SELL 3 AVAX @ 31.2 is FILLED\nAdded to the short, whole position now 9 AVAX", "AVAX/USDT"),
    ("Your order SELL 4 LINK @ 19 is FILLED\nAdded to my short, avg 19.4", "LINK/USDT"),
    ("Binance: Your limit order SELL 0.2 BTC @ 68,100 has been FILLED. Short entry 2 done, entire position 0.5 BTC",
     "BTC/USDT"),
])
def test_a_sell_that_adds_to_a_short_is_an_entry_filled(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin and parsed.side == Side.SHORT
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text, coin", [
    ("Your order SELL 40 OP @ 1.9 is FILLED\nNothing left to do but wait for TP3", "OP/USDT"),
    ("Your order SELL 12 DOT @ 7.1 is FILLED\nTrade over? Not yet — TP2 still pending", "DOT/USDT"),
    ("Your order SELL 1 ETH @ 3500 is FILLED — the whole position is not closed, 2 ETH left", "ETH/USDT"),
    ("Your order SELL 30 ADA @ 0.61 is FILLED\nTrade is not over, holding the rest", "ADA/USDT"),
    ("Your order SELL 40 OP @ 1.9 is FILLED\n20 OP left, TP2 next", "OP/USDT"),
    ("Your order BUY 5 SOL @ 142 is FILLED\nYour order SELL 2 SOL @ 150 is FILLED\nTP1 hit, holding the rest", "SOL/USDT"),
])
def test_a_sell_filled_with_a_part_still_held_is_a_partial_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text, coin", [
    ("Your limit order SELL 80 TIA @ 6.42 has been FILLED. Nothing left, trade done ✅", "TIA/USDT"),
    ("Your order SELL 40 OP @ 1.9 is FILLED. Whole bag sold ✅", "OP/USDT"),
    ("Your order BUY 10 LINK @ 18 is FILLED\nYour order SELL 10 LINK @ 19.5 is FILLED\nTrade complete ✅ +8%", "LINK/USDT"),
])
def test_a_sell_filled_that_ends_the_trade_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


@pytest.mark.parametrize("text, coin", [
    ("Your order BUY 30 AVAX @ 29.5 is FILLED\nShort fully closed 🎯 +11%", "AVAX/USDT"),
    ("Your order BUY 2 ETH @ 2950 is FILLED\nEntire position closed (short covered)", "ETH/USDT"),
    ("Your order BUY 1 ETH @ 3000 is FILLED\nClosed the whole short ✅", "ETH/USDT"),
])
def test_a_buy_that_covers_the_short_is_its_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin and parsed.side == Side.SHORT


def test_a_buy_that_covers_part_of_the_short_is_a_partial_close():
    parsed = parse_message("Your order BUY 3 AVAX @ 30 is FILLED\nCovered half the short, rest rides")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "AVAX/USDT" and parsed.side == Side.SHORT
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", [
    "Your order BUY 40 OP @ 1.7 is FILLED\nThat's my DCA #3, avg now 1.76",
    "Your order BUY 40 OP @ 1.7 has been filled. Second entry done, avg 1.74",
])
def test_a_buy_that_averages_in_is_an_entry_filled_not_an_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "OP/USDT"
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "Your order BUY 0.5 ETH @ 3000 has expired",
    "Your order SELL 2 SOL @ 150 was canceled",
    "Your order BUY 0.1 BTC @ 60000 was cancelled\nWe re-enter at 59500",
    "Your order BUY 200 DOGE @ 0.13 is FILLED — oops, wrong chat",
    "Newbies: 'Your order BUY 2 AVAX @ 30 is FILLED' is what the copier sends you",
])
def test_a_cancelled_order_or_a_notice_not_meant_for_the_channel_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "Your order SELL 1 ETH @ 3000 is FILLED\nTrade complete? Not sure yet",
    "Your order BUY 1 ETH @ 3000 is FILLED\nShort covered?",
])
def test_a_notice_whose_end_is_only_asked_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_a_plain_buy_fill_stays_a_held_open():
    parsed = parse_message("Your order BUY 120 ARB @ 0.8123 is FILLED")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "ARB/USDT" and not parsed.tradable


def test_the_channels_own_cancel_beside_a_cancel_notice_is_still_read():
    parsed = parse_message("Your order BUY 0.1 BTC @ 60000 was cancelled\n#BTC entry cancelled, setup invalid")
    assert parsed.symbol == "BTC/USDT" and parsed.update_action == UpdateAction.CANCEL_ENTRY


# --- liquidations: someone else's, or the market's, is no close of ours ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "My cousin's #APT position got liquidated, 50x is gambling",
    "A subscriber's #ORDI long was liquidated at 31 because he used 75x",
    "Liquidated\n#AVAX LONG 25x\nThis is why we use stops — a member's screenshot",
    "Buddy's #WIF short got liquidated lol, don't be him",
    "Whale alert: #BTC position liquidated at 64,200, $4.5M short",
])
def test_someone_elses_or_the_markets_liquidation_is_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("Our #SOL long got liquidated at 120. Sorry fam 😔", "SOL/USDT"),
    ("#TIA position liquidated. Next call soon", "TIA/USDT"),
])
def test_our_own_liquidation_is_still_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


@pytest.mark.parametrize("text, coin", [
    ("#ORDI liquidated 30% at 31.5, closing the rest now", "ORDI/USDT"),
    ("#WIF partially liquidated (30%), rest closed manually", "WIF/USDT"),
    ("#APT half the position got liquidated, closed the remaining position", "APT/USDT"),
])
def test_a_partial_liquidation_and_the_rest_closed_now_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "#WIF liquidated 40% at 2.18, closing the rest at TP2",
    "#WIF liquidated 40% at 2.18, will close the rest if it breaks 2.0",
    "#WIF liquidated 50% at 2.18, still holding the rest",
])
def test_a_partial_liquidation_with_the_rest_kept_or_planned_is_a_partial_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE


# --- results cards: a past close shown on a card is no close --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "PnL card: #AVAX short +64% ROI (closed yesterday)",
    "ROI screenshot: #ARB +45%, closed 2 days ago",
])
def test_a_card_of_a_close_days_ago_is_a_results_post(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_card_beside_a_close_command_still_closes():
    parsed = parse_message("PnL card: #SOL long +85% ROI (closed yesterday). Close it now")
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "SOL/USDT"


# --- bot deals: the coin of a deal closed is the one the bot's name begins with -------------------------------------------


@pytest.mark.parametrize("text, coin, action", [
    ("Bot: AVAX-dca-long | Deal #77\nDeal completed: take profit +1.8%", "AVAX/USDT", None),
    ("Bot: LINK-grid-short | Deal #3\nStop loss triggered, deal closed", "LINK/USDT", UpdateAction.SL_HIT),
])
def test_a_bots_deal_closed_names_the_coin_of_the_bots_name(text, coin, action):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin
    if action is not None:
        assert parsed.update_action == action


@pytest.mark.parametrize("text", [
    "Bot: SOL-grid-long | Deal #1\nDeal closed. #BTC looks weak",
    "Bot: SOL-grid-long | Deal #1\nDeal will be closed if BTC dumps",
])
def test_a_bots_deal_beside_another_coin_or_a_condition_is_not_closed_on_the_bots_coin(text):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.CLOSE and parsed.symbol == "SOL/USDT")
