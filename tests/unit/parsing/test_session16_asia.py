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


# --- spot, with leverage ruled out in words ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "【现货】#INJ\n买入：21.5\n目标：23.0 / 24.8\n止损：20.2\n无杠杆，拿住",
    "【现货】#INJ\n买入：21.5\n目标：23.0 / 24.8\n止损：20.2\n不加杠杆",
    "SPOT 🟢 Beli #INJ\nArea beli: 21,2 - 21,6\nTP: 23,0 / 24,8\nSL: 20,2\nTidak pakai leverage",
    "[현물] #INJ 매수 21.5\n목표 23.0\n손절 20.2\n레버리지 없이",
    "#INJ สปอต ซื้อ 21.5\nเป้า 23.0\nตัดขาดทุน 20.2\nไม่ใช้เลเวอเรจ",
    "#INJ spot buy 21.5\nTP 23.0\nSL 20.2\ndon't use leverage",
])
def test_spot_with_leverage_ruled_out_in_words_is_spot(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "INJ/USDT"
    assert parsed.market is not None and parsed.market.value == "spot"
    assert parsed.leverage is None


@pytest.mark.parametrize("text", [
    "#INJ spot buy 21.5\nTP 23.0\nSL 20.2\nJangan pakai leverage tinggi, max 5x",  # a cap on leverage: not ruled out
    "#INJ spot & futures buy 21.5\nTP 23.0\nSL 20.2\nleverage 5x",
])
def test_spot_beside_a_leverage_in_use_is_left_open(text):
    parsed = parse_message(text)
    assert parsed.market is None or parsed.market.value != "spot"


# --- the Thai entry word heading its line without a colon -----------------------------------------------------------

@pytest.mark.parametrize("text, entries, entry_type", [
    ("🟢 LONG #AVAX\nเข้า 27.40\nเป้า 1: 28.20\nเป้า 2: 29.00\nตัดขาดทุน 26.60", ["27.40"], "limit"),
    ("🔴 SHORT #AVAX\nเข้า 27.40 - 27.80\nเป้า 26.50 / 25.90\nSL 28.40", ["27.40", "27.80"], "range"),
])
def test_the_thai_entry_word_heading_a_price_line_is_the_entry(text, entries, entry_type):
    parsed = parse_message(text)
    assert parsed.symbol == "AVAX/USDT"
    assert list(parsed.entries) == [D(e) for e in entries] and parsed.entry_type.value == entry_type


def test_a_thai_entry_word_inside_a_status_is_no_entry():
    parsed = parse_message("#AVAX TP1 แล้ว ✅ เข้า 3 ไม้")
    assert parsed.kind.value != "open"


# --- a coin's name and its ticker side by side -----------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol", [
    ("[현물] 리플 XRP 분할매수\n1차 매수 0.590\n2차 매수 0.570\n목표 0.640\n손절 0.540", "XRP/USDT"),
    ("[현물] 솔라나 SOL 분할매수\n1차 매수 142\n2차 매수 138\n목표 150\n손절 132", "SOL/USDT"),
])
def test_a_coin_name_beside_its_ticker_names_the_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.symbol == symbol and parsed.tradable


def test_a_coin_name_beside_another_ticker_names_no_coin():
    parsed = parse_message("[현물] 리플 DOGE 분할매수\n1차 매수 0.590\n목표 0.640\n손절 0.540")
    assert parsed.symbol is None and not parsed.tradable


# --- full-width digits with a full-width comma as the thousands mark -------------------------------------------------

def test_full_width_thousands_are_one_price():
    parsed = parse_message("【シグナル】ETH/USDT ショート📉\nエントリー：３，４２０～３，４６０\n利確：３，３００／３，２００\n"
                           "損切り：３，５２０\nレバレッジ：１０倍")
    assert parsed.kind.value == "open" and parsed.side.value == "short"
    assert list(parsed.entries) == [D("3420"), D("3460")] and parsed.entry_type.value == "range"
    assert list(parsed.targets) == [D("3300"), D("3200")] and parsed.stop_loss == D("3520")
    assert parsed.tradable


def test_full_width_commas_between_like_three_digit_prices_stay_a_list():
    parsed = parse_message("#SOL 做多\n入场：１４２，１４５\n止盈：１５０\n止损：１３８")
    assert list(parsed.entries) == [D("142"), D("145")]


def test_a_full_width_comma_after_ascii_digits_stays_a_list_separator():
    parsed = parse_message("#SOL 做多\n入场 142\n止盈：150，155\n止损：138")
    assert list(parsed.targets) == [D("150"), D("155")]


# --- stop-outs and fills in zh / th / ko ------------------------------------------------------------------------------

def _kind_action(text: str) -> tuple[str, str | None]:
    parsed = parse_message(text)
    return parsed.kind.value, parsed.update_action.value if parsed.update_action else None


@pytest.mark.parametrize("text", [
    "AVAX 空单打到止损出局了，亏损 -6%",
    "#AVAX 多单止损出局了",
    "AVAX 空单打到止损了 😮‍💨",
    "AVAX โดนตัดขาดทุนแล้ว ❌ ไปต่อไม้หน้า",
    "#AVAX ตัดขาดทุนแล้ว",
])
def test_a_stop_out_is_a_close(text):
    parsed = parse_message(text)
    assert _kind_action(text) == ("close", "sl_hit") and parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text", [
    "#AVAX 差点打到止损了，还好反弹",  # almost stopped out
    "#AVAX 差点止损了",
    "AVAX เกือบโดนตัดขาดทุนแล้ว",
    "#AVAX 还没打到止损",
    "#AVAX 如果打到止损就出局",
    "🔴 SHORT #AVAX\nเข้า 27.40\nเป้า 26.50\nตัดขาดทุน 28.40",  # the stop's label in a setup
])
def test_an_almost_negated_or_planned_stop_out_is_no_close(text):
    assert parse_message(text).kind.value != "close"


@pytest.mark.parametrize("text", [
    "AVAX 숏 진입가 체결됐습니다. 손절 걸어두세요",
    "#AVAX 롱 진입가격 체결 완료",
    "#AVAX 做多 入场价已成交",
])
def test_the_entry_price_filled_is_an_entry_filled_update(text):
    assert _kind_action(text) == ("update", "entry_filled")


@pytest.mark.parametrize("text", [
    "#AVAX 롱 진입가 체결 안 됐습니다",
    "#AVAX 롱 진입 체결 안됨",
    "#AVAX 롱 진입가 체결 전입니다",
])
def test_the_entry_not_filled_is_no_fill(text):
    parsed = parse_message(text)
    assert parsed.update_action is None or parsed.update_action.value != "entry_filled"
    assert not parsed.tradable


# --- a direction with the levels promised for later (ja) -------------------------------------------------------------

@pytest.mark.parametrize("text, side", [
    ("⚡速報⚡ SUI ロング準備中！エントリー価格はこのあとVIPで配信します", "long"),
    ("SUI ショート準備中\nエントリー・利確・損切りはあとでVIPで配信します", "short"),
])
def test_a_direction_with_levels_promised_later_is_a_held_open(text, side):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "SUI/USDT" and parsed.side.value == side
    assert not parsed.entries and not parsed.tradable


def test_a_full_setup_with_details_promised_later_keeps_its_levels():
    parsed = parse_message("SUI ロング🚀 エントリー 1.84\n利確 1.96\n損切り 1.76\n詳細はこのあとVIPで配信します")
    assert list(parsed.entries) == [D("1.84")] and parsed.tradable
