"""Session 16, fixer "asia" (blind_y3: zh/ja/ko/vi/th/id channels): the families its misses stand for, each with
look-alikes in new wording and guards that keep their reading.

A tradable open places real orders: an add-on written for a limit entry is one of them — never traded with fewer
entries than written (held when it is not read)."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


# --- an add-on (DCA) joined to the entry's price on the entry line -----------------------------------------------------

@pytest.mark.parametrize("text, entries", [
    ("📉 #OP SHORT\nVào lệnh: 2,40 và DCA thêm 2,48\nChốt lời: 2,30 / 2,20\nCắt lỗ: 2,55", ["2.40", "2.48"]),
    ("#OP SHORT\nEntry: 2.40 and DCA 2.48\nTP: 2.30 / 2.20\nSL: 2.55", ["2.40", "2.48"]),
    ("#OP SHORT\nEntry: 2.40 then DCA more at 2.48\nTP: 2.30 / 2.20\nSL: 2.55", ["2.40", "2.48"]),
    ("#OP LONG\nMasuk: 2.40 dan DCA di 2.31\nTarget: 2.52 / 2.60\nSL: 2.22", ["2.31", "2.40"]),
    ("OP 做多\n入场 2.40 和补仓 2.31\n止盈 2.52 / 2.60\n止损 2.22", ["2.31", "2.40"]),
    ("#OP LONG\nEntry: 2.40\nDCA at 2.31\nTP: 2.52 / 2.60\nSL: 2.22", ["2.31", "2.40"]),
])
def test_an_add_on_after_and_on_the_entry_line_is_an_entry(text, entries):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "OP/USDT"
    assert list(parsed.entries) == [D(e) for e in entries]
    assert parsed.entry_type.value == "limit"
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    # an add-on on the wrong side of the entry (beyond the stop): not an order we can place — held, never traded short
    "#OP SHORT\nEntry: 2.40 và DCA: 2.60\nTP: 2.30 / 2.20\nSL: 2.55",
    "#OP SHORT\nEntry: 2.40\nDCA: 2.60\nTP: 2.30 / 2.20\nSL: 2.55",
    "#OP LONG\nEntry: 2.40 and DCA 2.10\nTP: 2.52 / 2.60\nSL: 2.22",
])
def test_an_add_on_price_not_taken_holds_the_open(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open"
    assert list(parsed.entries) == [D("2.40")]
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#OP LONG\nEntry: 2.40\nDCA if it dips to 2.31\nTP: 2.52 / 2.60\nSL: 2.22",  # a condition: a plan, not an order
    "#OP LONG\nEntry: 2.40\nAvg entry after DCA: 2.35\nTP: 2.52 / 2.60\nSL: 2.22",  # a result, not a rung
])
def test_an_add_on_said_as_a_plan_or_a_result_is_no_entry(text):
    parsed = parse_message(text)
    assert list(parsed.entries) == [D("2.40")]


def test_an_add_on_beside_a_market_entry_stays_out_and_trades_at_the_market():
    parsed = parse_message("#OP LONG\nEntry: CMP and DCA 2.31\nTP: 2.52 / 2.60\nSL: 2.22")
    assert parsed.kind.value == "open" and parsed.entry_type.value == "market" and not parsed.entries
