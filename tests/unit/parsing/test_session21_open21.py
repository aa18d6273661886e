"""Session 21, open21: ladders with shares, casual bids, bullet ladders, arrow zones, quote blocks, fill cards, and
plans, promos and two-part posts that must not trade what they do not call.

- A heading's note on the unit of its rows' shares ("ENTRY LADDER (% of size)", "EXIT LADDER (% of position)") is a
  note: the rows under it stay the entries and the exits. An "exit ladder", "exit plan", "exit targets" or "exit levels"
  heading names the exits of a setup — never the verb that closes a trade.
- Thousands grouped by spaces ("88 400", "95 000") are one number when the post shows the grouping (a group led by a
  zero, which no price of its own is, or a no-break space between the digits); "TP 0.95 100 105" stays three numbers.
- "Accumulate in 3 bids:" over bullet rows: the count of the orders belongs to the heading, the rows are the entries.
- "bidding $COIN at A and again at B": the writer's buy orders (not "whales are bidding BTC at 60k").
- An arrow drawn between a card's two entry prices ("📥 1.418 ⇢ 1.392", "Entry: 0.441 → 0.4325") spans a zone; the
  dashed and drafting arrows (⇢ ⇾ ➙ ➛ ⟹) are arrows like "→".
- "add 2.55" alone on its line under an entry is the entry's second order (as "Add: 2.55"); not on a condition.
- A bot's fill card in fields ("ORDER FILLED / Symbol / Side: SELL (open short) / Fill price / Lev: 8x", "Side: BUY /
  Avg price / Leverage") is an entry-only open, held. A bare "SELL" side may close a long: no open; a fill of a rung or
  of a call with its exits attached stays that call's progress.
- A bias beyond a level with no exit ("long only above 97k, flat below it") and a post saying no (new, fresh) call
  comes yet, with no exit level, are no call.
- "If you had a buy order at 0.1520 on #DOGE yesterday … you're sitting on +14%": a look back, no call.
- "do not enter yet" over a card whose entry waits for a candle close is a conditional open — held; without a
  condition the same words still read as no call.
- "If BTC loses 58k … I'll short #SOL from ~141 … No orders from me yet": a will-mood plan on a market event with
  nothing placed — no call.
- "Closed our #DOGE long at 0.1712 earlier ✅ / Next up / #LTC LONG / Entry … / TP … / SL …": the line reporting
  another coin's trade done sits above the call — the call is the card's coin ("Closing #DOGE now" is no report).
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable


# --- ladders whose heading notes the rows' shares -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("ARB/USDT BUY SPOT\nENTRY LADDER (% of size)\n1) 0.812 → 50%\n2) 0.790 → 50%\n"
     "EXIT LADDER (% of position)\n1) 0.860 → 50%\n2) 0.905 → 50%\nSTOP 0.760"),
    ("ARB/USDT BUY SPOT\nEntry ladder (% of the size)\n1️⃣ 0.812 → 60%\n2️⃣ 0.790 → 40%\n"
     "Exit ladder\n1️⃣ 0.860 → 50%\n2️⃣ 0.905 → 50%\nStop 0.760"),
])
def test_a_ladder_with_share_notes_is_the_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "ARB/USDT"
    assert parsed.entries == _d("0.790", "0.812")
    assert parsed.targets == _d("0.860", "0.905")
    assert parsed.stop_loss == Decimal("0.760")


@pytest.mark.parametrize("text", [
    "ARB/USDT\nExit ladder: 0.860 / 0.905",
    "ARB/USDT BUY\nEXIT LADDER (% of position)\n1) 0.860 → 50%\n2) 0.905 → 50%",
    "#ARB exit plan: 0.860 then 0.905",
])
def test_an_exit_ladder_heading_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", ["#ARB exit here", "Exit #ARB now", "#ARB exit all"])
def test_an_exit_said_now_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- space-grouped thousands --------------------------------------------------------------------------------------


def test_space_grouped_thousands_are_one_number():
    parsed = parse_message("ETH/USDT LONG\nEntrée : 3 050 – 3 120\nObjectifs : 3 300 / 3 450\nStop : 2 980")
    assert parsed.entries == _d("3050", "3120")
    assert parsed.targets == _d("3300", "3450")
    assert parsed.stop_loss == Decimal(2980)


def test_a_no_break_space_groups_thousands():
    parsed = parse_message("#BTC long\nEntry 61\u202f200\nTP 63\u202f500 / 64\u202f800\nSL 59\u202f900")
    assert parsed.entries == _d("61200")
    assert parsed.targets == _d("63500", "64800")


def test_plain_spaces_without_a_zero_group_stay_apart():
    parsed = parse_message("#ATOM long\nEntry 5.1\nTP 5.4 5.8 6.2\nSL 4.8")
    assert parsed.targets == _d("5.4", "5.8", "6.2")


def test_a_euro_card_with_spaced_thousands_is_held_with_its_numbers():
    parsed = parse_message("Pair: ETH/EUR\nBuy zone: 2 850 – 2 900 €\nTargets: 3 000 / 3 150\nStop: 2 760 €")
    assert parsed.entries == _d("2850", "2900")
    assert parsed.targets == _d("3000", "3150")
    assert _held(parsed)


# --- counts of bids, casual bids ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#TIA / USDT spot\nAccumulate in 3 bids:\n ▫️ 9.80\n ▫️ 9.40\n ▫️ 9.05\nTargets: 10.9 / 11.8\nSL 8.60",
    "#TIA / USDT spot\nBuy in 3 chunks:\n • 9.80\n • 9.40\n • 9.05\nTargets: 10.9 / 11.8\nSL 8.60",
])
def test_the_count_of_bids_is_no_entry(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert set(parsed.entries) == set(_d("9.80", "9.40", "9.05"))


def test_bidding_a_coin_at_two_prices_is_the_open():
    parsed = parse_message("late one. bidding $APT at 8.10 and again at 7.85. 5x\nTP 8.60 then 9.00\nSL 7.55")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "APT/USDT"
    assert set(parsed.entries) == set(_d("8.10", "7.85"))
    assert parsed.stop_loss == Decimal("7.55")


@pytest.mark.parametrize("text", [
    "whales are bidding $BTC at 60000 again, TP 65000 SL 58000",
    "someone bidding $BTC at 60000 on spot, wild",
    "best bid BTC 60000 / best ask BTC 60010, spread tight. TP 65000 SL 58000",
])
def test_the_order_books_bids_are_no_call(text):
    parsed = parse_message(text)
    assert not parsed.tradable


# --- arrow zones, adds in quote blocks ---------------------------------------------------------------------------


@pytest.mark.parametrize("arrow", ["⇢", "→", "➙"])
def test_an_arrow_between_two_entry_prices_is_a_zone(arrow):
    parsed = parse_message(f"🔴 SHORT #INJUSDT | ISO x10\n📥 24.10 {arrow} 24.45\n🎯 23.60 {arrow} 23.10\n🛑 24.90")
    assert parsed.entry_type.value == "range"
    assert parsed.entries == _d("24.10", "24.45")
    assert parsed.targets == _d("23.60", "23.10")


def test_arrow_rows_of_a_ladder_stay_orders():
    parsed = parse_message("#OP LONG\nBuy zones:\nZone 1 ➜ 1.90\nZone 2 ➜ 1.84\nTP 2.05\nSL 1.76")
    assert parsed.entry_type.value == "limit"


def test_add_alone_on_its_line_is_a_second_order():
    parsed = parse_message("> **LONG $TIA**\n> entry 9.80\n> add 9.45\n> targets 10.4 • 11.0\n> invalidation 9.10\n> lev 5x")
    assert parsed.entries == _d("9.45", "9.80")
    assert parsed.tradable


def test_add_on_a_condition_is_not_read():
    parsed = parse_message("LONG $TIA\nentry 9.80\nadd 9.45 if it flushes\ntargets 10.4\nsl 9.10")
    assert parsed.entries == _d("9.80")
    assert not parsed.tradable


# --- a bot's fill card -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "side", "lev"), [
    ("🤖 ExecBot | ORDER FILLED\nSymbol: OPUSDT\nSide: BUY (open long)\nQty: 900\nFill price: 1.912\nLev: 5x", "long", 5),
    ("✅ Order filled\nPair: ARB/USDT\nSide: SHORT\nAvg price: 0.8120\nQty: 2,000\nLeverage: 12x", "short", 12),
])
def test_a_fill_card_is_an_entry_only_open_held(text, side, lev):
    parsed = parse_message(text)
    assert _held(parsed)
    assert parsed.side.value == side
    assert parsed.leverage == lev
    assert len(parsed.entries) == 1


@pytest.mark.parametrize("text", [
    # a bare sell may close a long
    "✅ Order filled\nPair: ARB/USDT\nSide: SELL\nAvg price: 0.8120\nQty: 2,000\nLeverage: 12x",
    # the fill of a call whose exits are attached
    "📥 ORDER FILLED\nPair: ARBUSDT\nSide: Short (Sell)\nFill price: 0.8120\nLev: 5x\nStatus: position active, TP/SL attached",
    # a rung of a call
    "🤖 ORDER FILLED\nPair: ARBUSDT\nSide: LONG\nEntry 2 filled\nAvg price: 0.8120\nLev: 5x",
])
def test_other_fill_cards_open_nothing(text):
    assert not parse_message(text).tradable
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.OPEN and parsed.rejected and "fill card" in parsed.rejected)


# --- biases, promos, plans ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Morning notes\n• SOL/BTC still weak\nBias: long only above 3,400 on ETH, flat below. No new calls until NY open.",
    "Desk view: shorts only below 58k on BTC. No fresh calls today.",
])
def test_a_bias_with_no_exit_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_trigger_card_with_exits_is_still_held_open():
    parsed = parse_message("#SOL long only above 150, TP 160 SL 145")
    assert _held(parsed)


@pytest.mark.parametrize("text", [
    "If you had a buy order at 2.10 on #SUI last week like our members, you'd be up 35% 🚀 Join us",
    "If you had placed a limit bid on #ARB at 0.70 yesterday you're +18% now. VIP link in bio",
])
def test_a_hindsight_order_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_conditional_card_told_not_yet_is_held_open():
    parsed = parse_message("CONDITIONAL — don't enter yet\n#NEAR LONG\nOnly valid if the 4H candle closes above 5.40\n"
                           "Entry after the close: 5.45\nTP: 5.70 / 5.95\nSL: 5.18\nLev 5x")
    assert _held(parsed)
    assert parsed.entries == _d("5.45")


def test_do_not_enter_without_a_condition_stays_no_call():
    parsed = parse_message("#NEAR LONG — do not enter yet\nEntry: 5.45\nTP: 5.70\nSL: 5.18")
    assert not parsed.tradable


def test_a_will_plan_with_nothing_placed_is_no_call():
    parsed = parse_message("Sunday plan\nIf ETH loses 3,200 on the daily close, we'll short #ARB from ~0.80 with a stop "
                           "at 0.84, targets 0.74 / 0.70.\nNothing placed yet, don't front-run.")
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


def test_a_will_plan_without_the_not_yet_is_still_held():
    parsed = parse_message("If ETH loses 3,200 on the daily close, we'll short #ARB from ~0.80 with a stop at 0.84, "
                           "targets 0.74 / 0.70.")
    assert not parsed.tradable


# --- two-part posts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("report", [
    "Closed our #ADA long at 0.4620 this morning ✅ +12%\n\nNext 👇",
    "Cerramos #ADA en 0.4620 ✅ +12%\n\nSiguiente:",
    "#ADA stopped out earlier, -1R.\n",
])
def test_a_closed_report_above_another_coins_card_is_the_card(report):
    parsed = parse_message(f"{report}\n#DOT LONG\nEntry: 6.10 - 6.18\nTP: 6.40 / 6.75\nSL: 5.92\nLev 10x")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "DOT/USDT"
    assert parsed.entries == _d("6.10", "6.18")


def test_a_close_said_now_above_another_card_is_not_dropped():
    parsed = parse_message("Closing #ADA long now at 0.4620\n\n#DOT LONG\nEntry: 6.10 - 6.18\nTP: 6.40\nSL: 5.92")
    assert not (parsed.kind == MessageKind.OPEN and parsed.tradable)
