"""Session 17, fixer "notes" (blind_z1, blind_z4): stray notes that broke a card, target qualifiers, leverage.
Own look-alikes in other wording, coins and languages:

- a target said to be the last ("TP (close all)", "Final target", "Последняя цель (закрыть всё)") is the ladder's last
  target, no qualifier of unknown meaning (a hope word — "dream", "bonus" — still is one);
- a bot's fill line heading its line ("Filled @ 88.42", "Fill price:", "Executed at") is the entry of a held open;
- an example of money management under a call ("$100 account example: margin $8") is no example of the call;
- a leverage word closing a prose sentence ("spot led move, not leverage.") sets no leverage;
- the call's leverage, then advice to beginners after a comma ("Плечо ×10, новичкам меньше"): the call's leverage stays;
- targets all on one side of the stop, no side word and no entry: a held market open, side from the levels.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side
from verzek.parsing import parse_message


def _d(values):
    return tuple(D(v) for v in values)


@pytest.mark.parametrize("text,targets", [
    ("#SOL LONG\nEntry 150\nTP1 155\nTP2 160\nTP (close all): 170\nSL 144", ["155", "160", "170"]),
    ("#SOL LONG\nEntry 150\nTP1 155\nTP2 160\nLast target 170\nSL 144", ["155", "160", "170"]),
    ("#AVAX SHORT\nEntry 30.5\nTarget 1 29.8\nTarget 2 29.1\nFinal TP (close everything) → 28.2\nStop 31.4",
     ["29.8", "29.1", "28.2"]),
    ("#SOL шорт\nВход 150\nЦель 1: 145\nЦель 2: 140\nПоследняя цель (закрыть всё): 130\nСтоп 156", ["145", "140", "130"]),
])
def test_a_target_said_to_be_the_last_ends_the_ladder(text, targets):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.targets == _d(targets)
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    "#SOL LONG\nEntry 150\nTP1 155\nTP2 160\nTP (dream): 200\nSL 144",
    "#SOL LONG\nEntry 150\nTP1 155\nTP2 160\nBonus target (optional): 200\nSL 144",
])
def test_a_hope_qualifier_still_leaves_its_target_out_or_holds(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert D(200) not in parsed.targets


@pytest.mark.parametrize("text,symbol,side,entry,lev", [
    ("[AutoTrader] NEW ENTRY ⏱ 09:12 UTC\n#DOT/USDT LONG\nFilled @ 7.215\nLev: x5", "DOT/USDT", Side.LONG, "7.215", 5),
    ("🤖 Bot | Opened SHORT on ATOMUSDT\nFill price: 6.482\nLeverage: 8x", "ATOM/USDT", Side.SHORT, "6.482", 8),
    ("NEW POSITION\n#INJ/USDT LONG\nExecuted at 24.61", "INJ/USDT", Side.LONG, "24.61", None),
])
def test_a_bots_fill_line_is_the_entry_of_a_held_open(text, symbol, side, entry, lev):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side, parsed.leverage) == (MessageKind.OPEN, symbol, side, lev)
    assert parsed.entries == (D(entry),)
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "🔐 SL UPDATE | NEARUSDT LONG\nTP1 filled @ 5.390\nStop-loss moved to entry",
    "#SOL LONG\nEntry 150\nFilled @ 150.2 ✅\nTP 160\nSL 145",
])
def test_a_fill_inside_a_status_or_beside_the_entry_opens_nothing_tradable(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert not parsed.tradable


@pytest.mark.parametrize("note", [
    "risk 2% of balance only. $100 account example: margin $8, don't go all in 🙏",
    "Sizing example: $1000 balance, risk $20 max",
    "Example: $500 account -> margin $25",
])
def test_a_money_management_example_under_a_call_keeps_the_call(note):
    parsed = parse_message(f"#ADA SHORT\nentry 0.912\ntp 0.89 / 0.87\nsl 0.935\nlev 10x\n\n{note}")
    assert (parsed.kind, parsed.symbol, parsed.side, parsed.leverage) == (MessageKind.OPEN, "ADA/USDT", Side.SHORT, 10)
    assert parsed.entries == (D("0.912"),) and parsed.stop_loss == D("0.935")


@pytest.mark.parametrize("text", [
    "Example: #SOL LONG\nEntry 150\nTP 160\nSL 145",
    "#SOL LONG\nEntry 150\nTP 160\nSL 145\nExample: this is how we post our calls",
])
def test_an_example_of_the_call_itself_is_still_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "Thread $NEAR\n1/ volume up, spot driven, not leverage.\n2/ risk: BTC losing 90k\nEntry 5.10-5.25\nTP 5.60 / 6.00\nSL 4.80",
    "$NEAR plan\nKeep it simple, use low leverage!\n3) patience\nEntry 5.10-5.25\nTP 5.60 / 6.00\nSL 4.80",
])
def test_a_leverage_word_closing_a_prose_sentence_sets_no_leverage(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.leverage) == (MessageKind.OPEN, "NEAR/USDT", None)
    assert parsed.entries == _d(["5.10", "5.25"]) and parsed.tradable


@pytest.mark.parametrize("line,lev", [
    ("Leverage\n10x", 10),
    ("Recommended leverage\n15x", 15),
    ("Leverage 7x", 7),
])
def test_a_leverage_label_with_its_value_keeps_it(line, lev):
    parsed = parse_message(f"#NEAR LONG\nEntry 5.10\nTP 5.60\nSL 4.80\n{line}")
    assert parsed.leverage == lev


@pytest.mark.parametrize("line,lev", [
    ("Плечо ×10, новичкам меньше", 10),
    ("Lev 20x, beginners less", 20),
    ("Leverage: x15, newbies 5x max", 15),
    ("Кредитное плечо 12х, начинающим не больше 3х", 12),
])
def test_the_calls_leverage_before_advice_to_beginners_stays(line, lev):
    parsed = parse_message(f"#TON шорт\nВход: 3.145–3.180\nЦели: 3.08 / 3.01\nСтоп 3.26\n{line}")
    assert (parsed.kind, parsed.side, parsed.leverage) == (MessageKind.OPEN, Side.SHORT, lev)


def test_advice_to_beginners_alone_is_still_no_leverage():
    parsed = parse_message("#TON SHORT\nEntry 3.145\nTP 3.08\nSL 3.26\nNewbies 5x max")
    assert parsed.leverage is None


@pytest.mark.parametrize("text,side,targets,stop", [
    ("#ARB\n🎯 0.812 / 0.845 / 0.890\n🛑 0.768", Side.LONG, ["0.812", "0.845", "0.890"], "0.768"),
    ("$OP\nTP 1.92 / 1.85 / 1.78\nSL 2.06", Side.SHORT, ["1.92", "1.85", "1.78"], "2.06"),
])
def test_targets_on_one_side_of_the_stop_with_no_side_word_are_a_held_market_open(text, side, targets, stop):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.side, parsed.entry_type) == (MessageKind.OPEN, side, EntryType.MARKET)
    assert parsed.entries == () and parsed.targets == _d(targets) and parsed.stop_loss == D(stop)
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#ARB\nTP 0.812\nSL 0.768",  # one target: too little to call a side
    "#ARB\nTP 0.812 / 0.768 / 0.890\nSL 0.790",  # targets on both sides of the stop
    "$ARB\nanything near 0.79 works\nTP 0.812 / 0.845\nSL 0.768",  # a price we did not read may be the entry
])
def test_no_market_open_from_exits_that_do_not_state_the_side_or_beside_an_unread_price(text):
    parsed = parse_message(text)
    assert not parsed.tradable
    assert not (parsed.kind == MessageKind.OPEN and parsed.entry_type == EntryType.MARKET)
