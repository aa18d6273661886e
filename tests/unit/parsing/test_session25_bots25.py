"""Session 25, bots25: bot and tool outputs, and the labels of cards (blind round 19's z69/z70/z71 misses).

Rules, each with its traps (every case written here in its own words, never a corpus row):
- a pointer label may end in its row number ("Close 1 ▸ 23.40", "Exit 2 ► 22.80", "TP3 ▸ 1.10"): the row is a labelled
  level of the card (a target), never a close command; a status line with no card keeps its reading;
- an alert's "action: cover_short" / "signal=buy_to_cover" is the short's exit: 100 % (or no share) is a close of the
  short, a smaller share a partial close; a "trailing stop" named as the exit's reason moves no stop; "sell_short" is
  no exit;
- "TP/SL: A / B" (and "SL/TP: B / A", "止盈/止损：A / B") is one target and the stop — before, the stop was read from both
  prices and the target lost; a line with three prices is left as it is;
- a machine's market-price field — "Mark price: 31.40", a header's "· price 31.40" — is the reference of an order at the
  market; two such prices, or one the card's exits contradict, give none; a limit card keeps its limit;
- "@ mark 31.40" after an opened position is an order at the market; "(now about 8.20)" after a market order is its
  reference in several languages ("ตอนนี้", "сейчас", "ahora");
- a row counter "n/m" after an order's word ("Order 1/3 limit 3,280", "Entry 2/2 @ 138.0") is the row's number, no price;
  a share after a close's word ("Sold 1/3 at …", "Close 1/2 @ …") stays a share;
- "tgt 2 ✔ 0.4555" is target 2 ticked off (the targets' short label, numbered); "tgt 0.46 / 0.48" stays the targets;
- a TradingView strategy's "order buy @ N filled … New strategy position is P" with P on the order's side opened (or
  grew) a position: held; N is the entry only when the notice's own TP and stop lie on either side of it, else the open
  is at the market (TradingView's template writes contracts there); a fill leaving the other side (a sell leaving a
  long) shrank the position by a share not written: no open, no close;
- Hinglish/Hindi "entry tabhi … jab 4H candle 0.620 ke upar close kare" (only when the candle closes above) is a
  conditional entry: the card is held and the trigger price is no entry (its own "Entry: A - B" row is); the same words
  after the stop's price are the stop's condition.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


# --- pointer labels with a row number are levels of the card --------------------------------------------------------


@pytest.mark.parametrize("text, side, targets, stop", [
    ("#INJ SHORT\nEntry: 24.10\nClose 1 ► 23.40\nClose 2 ► 22.80\nSL: 24.90", Side.SHORT, ("23.40", "22.80"), "24.90"),
    ("#INJ SHORT\nIn: 24.10\nExit 1 ▸ 23.40\nExit 2 ▸ 22.80\nStop ▸ 24.90\n×5", Side.SHORT, ("23.40", "22.80"), "24.90"),
    ("#AAVE LONG\nEntry: 88.20\nTP1 ▸ 91.50\nTP2 ▸ 95.00\nSL: 84.90", Side.LONG, ("91.50", "95.00"), "84.90"),
    ("**#INJ SHORT**\n\n**Entry: 24.10**\n\n**Close 1 ▸ 23.40**\n\n**Close 2 ▸ 22.80**\n\n**SL: 24.90**", Side.SHORT,
     ("23.40", "22.80"), "24.90"),
])
def test_a_numbered_pointer_label_is_a_target_row_not_a_close(text, side, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert parsed.side == side
    assert list(parsed.targets) == _d(*targets)
    assert parsed.stop_loss == Decimal(stop)


def test_an_unknown_label_under_a_numbered_close_row_is_still_a_held_card():
    parsed = parse_message("#TIA LONG\nIn: 5.12\nClose 1 ▸ 5.40\nClose 2 ▸ 5.71\nFinal ▸ 6.05\nWrong if below: 4.88\n×6")
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.targets) == _d("5.40", "5.71", "6.05") and parsed.stop_loss == Decimal("4.88")
    assert parsed.leverage == 6


# --- a short covered by an alert --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("BYBIT:AVAXUSDT.P · action: cover_short\nqty: 100% @ 31.2\nreason: trailing stop hit", "AVAX/USDT"),
    ("BINANCE:SEIUSDT.P | action=cover_short | qty=100%", "SEI/USDT"),
    ("ALERT TIAUSDT signal=buy_to_cover price=4.91", "TIA/USDT"),
    ("**BINANCE:AVAXUSDT.P · action: cover_short**\n\n**qty: 100% @ 31.2**\n\n**reason: TP3 touched + trailing stop**",
     "AVAX/USDT"),
])
def test_a_cover_short_alert_closes_the_short(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE, (parsed.kind, parsed.update_action)
    assert parsed.symbol == coin
    assert parsed.side == Side.SHORT


def test_a_cover_of_part_of_the_short_is_a_partial_close():
    parsed = parse_message("BYBIT:SOLUSDT.P | action=cover_short | qty=40%")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", [
    "BINANCE:AVAXUSDT.P · action: sell_short\nqty: 100% @ 31.2",
    "BINANCE:AVAXUSDT.P · action: short_cover_pending\nqty: 100%",
])
def test_a_short_opened_or_an_unknown_action_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- one target and the stop under a paired label ---------------------------------------------------------------------


@pytest.mark.parametrize("text, target, stop", [
    ("LINKUSDT Long\nEntry 14.20\nTP/SL: 15.10 / 13.70", "15.10", "13.70"),
    ("LINKUSDT Long\nEntry 14.20\nSL/TP: 13.70 / 15.10", "15.10", "13.70"),
    ("LINK 做多\n入场 14.20\n止盈/止损：15.10 / 13.70", "15.10", "13.70"),
    ("**LINKUSDT Long**\n**Entry 14.20**\n**Copy TP/SL: 15.10 / 13.70**", "15.10", "13.70"),
])
def test_a_paired_exit_label_is_one_target_and_the_stop(text, target, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.targets) == _d(target)
    assert parsed.stop_loss == Decimal(stop)
    assert parsed.tradable, parsed.rejected


def test_a_paired_label_with_three_prices_is_left_as_it_is():
    parsed = parse_message("LINKUSDT Long\nEntry 14.20\nTP/SL: 15.10 / 15.60 / 13.70")
    assert list(parsed.targets) != _d("15.10") or parsed.stop_loss != Decimal("15.60")


# --- a machine's market-price field is the market order's reference ---------------------------------------------------


@pytest.mark.parametrize("text, side, entry", [
    ("📊 AlertDesk • 'Range Break'\nBYBIT:INJUSDT · 4H · price 24.37\nBUY spot at market\ntarget 26.1\ninvalidation 23.2",
     Side.LONG, "24.37"),
    ("AVAXUSDT · 4H · price 31.40\nSELL at market\ntarget 29.90\nstop 32.60", Side.SHORT, "31.40"),
    ("📣 Copy notice: lead opened a position\nAVAXUSDT Perp · Long · 20x Cross\nMark price: 31.40\nTP: 33\nSL: 30",
     Side.LONG, "31.40"),
])
def test_a_market_price_field_is_the_reference_of_a_market_order(text, side, entry):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.side == side
    assert parsed.entry_type == EntryType.MARKET
    assert list(parsed.entries) == _d(entry)


@pytest.mark.parametrize("text", [
    # two market prices: which one is not said
    "📣 Copy notice: lead opened LONG AVAXUSDT 20x\nMark price: 31.40\nLast price: 31.10\nTP: 33\nSL: 30",
    # a long whose exits are those of a short: the price is no reference of it
    "AVAXUSDT · 4H · price 31.40\nBUY at market\ntarget 29.90\nstop 32.60",
])
def test_no_reference_from_two_prices_or_one_the_exits_contradict(text):
    parsed = parse_message(text)
    assert list(parsed.entries) == [] or not parsed.tradable


def test_a_limit_card_beside_a_mark_price_keeps_its_limit():
    parsed = parse_message("#AVAX long\nLimit entry 31.00 (mark 31.40)\nTP 33\nSL 30")
    assert parsed.entry_type == EntryType.LIMIT
    assert list(parsed.entries) == _d("31.00")


@pytest.mark.parametrize("text, entry", [
    ("lead opened SHORT AVAXUSDT ×10 @ mark 31.40 · TP 29.5 · SL 32.4", "31.40"),
    ("#APT short a mercado (ahora 8,20)\nTP: 7,90\nSL: 8,55", "8.20"),
    ("#APT шорт по рынку (сейчас ~8.20)\nТП: 7.90\nСтоп: 8.55", "8.20"),
    ("🔴 ชอร์ต #APT เข้าที่ราคาตลาด (ตอนนี้ประมาณ 8.20)\nTP: 7.90\nSL: 8.55", "8.20"),
    ("#SOL LONG at market (now ~142.5)\nTP 150\nSL 138", "142.5"),
])
def test_a_mark_or_now_price_after_a_market_order_is_its_reference(text, entry):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entry_type == EntryType.MARKET
    assert list(parsed.entries) == _d(entry)


# --- a row counter is no price ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, entries", [
    (("🤖 DCA deal #77 · Spot\nBUY SOL/USDT\nOrder 1/3 limit 142.50\nOrder 2/3 limit 138.00\nOrder 3/3 limit 133.20\n"
     "Take profit 151 · Stop 127"), ("133.20", "138.00", "142.50")),
    ("#SOL long\nEntry 1/2 @ 142.5\nEntry 2/2 @ 138.0\nTP 150\nSL 132", ("138.0", "142.5")),
])
def test_a_row_counter_is_no_entry(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.entries) == _d(*entries)


@pytest.mark.parametrize("text", ["Sold 1/3 of #ETH at 3,520", "#ETH: Close 1/2 @ 3,520"])
def test_a_share_after_a_close_word_stays_a_partial_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


# --- "tgt N" ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🚢 DOCK#221 OPUSDT ▸ tgt 1 ✔ 1,912 ▸ sl → 1,850 (BE)",
    "OPUSDT tgt 2 ✔",
])
def test_a_numbered_tgt_ticked_off_is_an_update(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "OP/USDT"


def test_tgt_before_its_prices_stays_the_targets_label():
    parsed = parse_message("#ARB long\nentry 0.44\ntgt 0.46 / 0.48\nsl 0.42")
    assert list(parsed.targets) == _d("0.46", "0.48")


# --- a strategy's fill leaving a position on its side -----------------------------------------------------------------


def test_a_strategy_fill_with_exits_around_its_price_opens_at_that_price_held():
    parsed = parse_message("Ridgeback Trend v2: order buy @ 1.874 filled on BYBIT:OPUSDT.P. New strategy position is 500\n"
                           "tp 1.950 | sl 1.820")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.side == Side.LONG
    assert list(parsed.entries) == _d("1.874") and list(parsed.targets) == _d("1.950") and parsed.stop_loss == Decimal("1.820")
    assert not parsed.tradable


@pytest.mark.parametrize("text, side", [
    ("Strategy alert: order sell @ 3 filled on SUIUSDT.P. New strategy position is -3", Side.SHORT),
    # (exits that do not lie around the number: it is no price of the order)
    ("Ridgeback Trend v2: order buy @ 1.874 filled on BYBIT:OPUSDT.P. New strategy position is 500\ntp 1.80 | sl 1.95",
     Side.LONG),
])
def test_a_strategy_fill_without_a_price_it_can_trust_opens_at_the_market_held(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.side == side
    assert list(parsed.entries) == [] and parsed.entry_type == EntryType.MARKET
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "Strategy alert: order buy @ 3 filled on SUIUSDT.P. New strategy position is -3",
    "Strategy alert: order sell @ 3 filled on SUIUSDT.P. New strategy position is 6",
])
def test_a_strategy_fill_leaving_the_other_side_is_no_open_and_no_close(text):
    assert parse_message(text).kind not in (MessageKind.OPEN, MessageKind.CLOSE)


def test_a_strategy_left_flat_still_closes():
    assert parse_message("Ridgeback Trend v2: order sell @ 1.95 filled on BYBIT:OPUSDT.P. New strategy position is 0"
                         ).kind == MessageKind.CLOSE


# --- a Hinglish condition on the entry --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("#SEI LONG setup — entry tabhi jab 1H candle 0.4100 ke upar close kare\nEntry: 0.4120 - 0.4160\nTP: 0.43 / 0.45\n"
    "SL: 0.3950\n10x"),
    "#SEI LONG — agar 0.4100 break ho to entry\nEntry: 0.4120\nTP: 0.43\nSL: 0.3950",
    "#SEI LONG — जब 1H कैंडल 0.4100 के ऊपर क्लोज़ करे तब entry\nEntry: 0.4120\nTP: 0.43\nSL: 0.3950",
])
def test_a_hinglish_condition_holds_the_card_and_its_trigger_is_no_entry(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert not parsed.tradable
    assert Decimal("0.4100") not in parsed.entries


def test_the_same_words_after_the_stop_price_are_the_stops_condition():
    parsed = parse_message("#SEI LONG\nEntry: 0.4120\nTP: 0.43\nSL: 0.3950 (1H close ke neeche close ho to hi)")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable, parsed.rejected
