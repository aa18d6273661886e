"""Bot and channel templates after the first look at blind batch t2: a client's inline reply heading ("↩️ Reply to:
<the earlier call>") quotes the call, so a close under it is that coin's, whatever coin the reason names; a DCA bot's
deal (3Commas, pairs written quote first) — "Deal #… (USDT_XXX) completed" is that coin's close, "Deal #… started"
with its base order and levels is a call (held: the bot reports it filled); "adding the 2nd position at …" adds to the
running trade; the heavy-minus emoji between two prices is a range's dash and a circled row number after the target
emoji keeps the target label; TradingView's "EXCHANGE:PAIR" instrument reads as the pair. (Own look-alikes: other
coins, prices and wordings.)"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

# --- an inline reply heading quotes the call ---------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol,side", [
    ("↩️ Reply to: 🔴 #DOT SHORT 4.62\nCut it now team, ETH is ripping. Tiny loss -0.9%, fine.", "DOT/USDT", "short"),
    ("↪️ Replying to: #ARB LONG 0.81\nClose it here, BTC dumping. -1.5% no drama.", "ARB/USDT", "long"),
    ("↩️ In reply to: 🟢 #NEAR LONG 5.40\nExit this one now guys, SOL is dragging everything down.", "NEAR/USDT", "long"),
])
def test_a_close_under_an_inline_reply_heading_is_the_quoted_coins(post, symbol, side):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == symbol and parsed.side.value == side


# (guards: a reply that opens a trade of its own is that open; a quote that is no call leaves the post read whole)
def test_a_reply_heading_over_a_fresh_call_is_the_call():
    parsed = parse_message('↩️ Reply to: "is DOT ready?"\nYes. Long DOT at 4.50, SL 4.30, TP 4.80 / 5.00. 5x')
    assert parsed.kind.value == "open" and parsed.symbol == "DOT/USDT" and list(parsed.entries) == [D("4.50")]


def test_a_reply_heading_quoting_no_call_leaves_the_coin_written_in_it():
    parsed = parse_message("В ответ на: #ATOM/USDT вход 6.10\nЗакрываем всё по #ATOM, дальше не держим")
    assert parsed.kind.value == "close" and parsed.symbol == "ATOM/USDT"


# --- a DCA bot's deal, pairs written quote first -------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol", [
    ("✅ 3Commas: Deal #55120934 (USDT_AVAX) completed.\nProfit: +4.10 USDT (+2.7%)\nDuration: 6h 05m", "AVAX/USDT"),
    ("3Commas | Deal #77001 (USDT_DOGE) finished\nProfit +0.8%", "DOGE/USDT"),
    ("Deal #4410 (USDT_ARB) closed, +1.2%", "ARB/USDT"),
])
def test_a_bots_deal_completed_with_its_pair_in_brackets_is_that_coins_close(post, symbol):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == symbol


@pytest.mark.parametrize("post,symbol,side,entry,target,stop", [
    (("🤖 3Commas | Deal #31200877 started\nBot: AVAX Futures Long\nPair: USDT_AVAX (Bybit USDT Perp)\n"
     "Base order filled: 24.31\nTake profit: 25.20\nStop loss: 23.60\nLeverage: 3x"), "AVAX/USDT", "long", "24.31", "25.20",
     "23.60"),
    (("3Commas | Deal #9021 started\nBot: DOGE Short\nPair: USDT_DOGE\nBase order filled at 0.1840\nTake profit: 0.1760\n"
     "Stop loss: 0.1890"), "DOGE/USDT", "short", "0.1840", "0.1760", "0.1890"),
])
def test_a_bots_deal_started_with_its_levels_is_a_call(post, symbol, side, entry, target, stop):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and parsed.side.value == side
    assert list(parsed.entries) == [D(entry)] and list(parsed.targets) == [D(target)] and parsed.stop_loss == D(stop)
    assert not parsed.tradable  # (the bot reports the order filled: the call is out, held for an operator)


# (guard: a safety order of a running deal stays that deal's update)
def test_a_bots_safety_order_filled_stays_an_update():
    parsed = parse_message("🤖 3Commas | DCA bot \"ALT-DCA\"\nPair: USDT_AVAX\nSafety order 3 filled @ 23.10\nAvg price: 23.80")
    assert parsed.kind.value == "update" and parsed.symbol == "AVAX/USDT"


# --- adding a numbered position ------------------------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol", [
    ("#SEI re-entry 📌 adding the 2nd position at 0.412, TPs and SL unchanged", "SEI/USDT"),
    ("#OP — add a second position at 1.62, same plan as before", "OP/USDT"),
    ("#WLD adding our 3rd position at 2.05 🔁", "WLD/USDT"),
])
def test_adding_a_numbered_position_adds_to_the_trade(post, symbol):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.symbol == symbol and parsed.update_action == UpdateAction.ADD_ENTRY


# --- emoji decorations in a card's levels ---------------------------------------------------------------------------

@pytest.mark.parametrize("post,entries,targets", [
    ("🚨 $ARB 🚨\n🟢 LONG 🟢\n💰 Buy: 〽️0.842〽️ ➖ 〽️0.826〽️\n🎯 ➊ 0.860\n🎯 ➋ 0.884\n🛑 Stop: ❌0.801❌",
     ["0.826", "0.842"], ["0.860", "0.884"]),
    ("#INJ SHORT\nEntry: 21.40 ➖ 21.75\n🎯 ① 20.90\n🎯 ② 20.30\n🛑 SL 22.30", ["21.40", "21.75"], ["20.90", "20.30"]),
])
def test_a_heavy_minus_between_prices_is_a_range_and_circled_numbers_keep_the_targets(post, entries, targets):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.entry_type.value == "range" and parsed.tradable
    assert list(parsed.entries) == [D(e) for e in entries] and list(parsed.targets) == [D(t) for t in targets]


# (guard: heavy-minus dividers and a target list separated by it keep their reading)
def test_a_heavy_minus_divider_and_target_separators_keep_their_reading():
    parsed = parse_message("#XLM/USDT\nSignal type: SHORT\nLeverage: 10x\nEntry : 0.2840\n"
                           "Take Profit Targets: ➖ 0.2790 ➖ 0.2740 ➖ 0.2680\nSL: 0.2920\n➖➖➖➖")
    assert parsed.kind.value == "open" and list(parsed.entries) == [D("0.2840")]
    assert list(parsed.targets) == [D("0.2790"), D("0.2740"), D("0.2680")]


# --- TradingView's EXCHANGE:PAIR instrument ---------------------------------------------------------------------------

@pytest.mark.parametrize("post,symbol,side", [
    ("⚡ Smart Money Bot 15m — SHORT signal on BYBIT:SUIUSDT.P @ 3.812", "SUI/USDT", "short"),
    ("LONG BINANCE:AVAXUSDT 24.10", "AVAX/USDT", "long"),
])
def test_an_exchange_prefixed_instrument_is_the_pair(post, symbol, side):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and parsed.side.value == side
    assert not parsed.tradable  # (no exit level: held)
