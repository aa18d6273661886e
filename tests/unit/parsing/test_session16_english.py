"""Session 16, blind batch y1 (English paid channels) and the cross-language family "a market entry's written
current/reference price is its entry": an order at the market written with the price where the market stands
("short here @ 17.86", "MARKET ENTRY / Current price: 3.612", "ورود آنی / قیمت فعلی: …", "成行 / 現在値：…",
"по рынку ~ 27,35", "เข้าได้เลยที่ราคาตลาด (ประมาณ …)") reads entry_type market with that price as its entry; a
"Current price:" line beside an entry of its own stays where the market is. (Own look-alikes: other coins, prices and
wordings.)"""

from decimal import Decimal as D

import pytest
from verzek.parsing import parse_message


def _market_at(post: str, symbol: str, side: str, price: str):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and parsed.side.value == side
    assert parsed.entry_type.value == "market" and list(parsed.entries) == [D(price)]
    return parsed


# --- an order at the market written right before its price -------------------------------------------------------

@pytest.mark.parametrize("post,symbol,side,price", [
    ("#DOT long here @ 4.52, tp 4.70, sl 4.38", "DOT/USDT", "long", "4.52"),
    ("#ADA SHORT here at 0.4410\nTP 0.4300\nSL 0.4500", "ADA/USDT", "short", "0.4410"),
    ("#LINK лонг\nЗаходим по рынку ~ 17,40\nЦели: 17,90 / 18,40\nСтоп: 16,95", "LINK/USDT", "long", "17.40"),
    ("$OP\nПокупаем по текущим ≈ 1,842\nЦели: 1,92 ; 2,05\nСтоп: 1,76", "OP/USDT", "long", "1.842"),
    ("ETH ฝั่ง SHORT เข้าได้เลยที่ราคาตลาด (ประมาณ 3120)\nเป้า 3050 / 2990\nตัดขาดทุน 3180", "ETH/USDT", "short", "3120"),
])
def test_a_market_order_before_its_price_is_a_market_entry(post, symbol, side, price):
    _market_at(post, symbol, side, price)


def test_a_market_order_at_its_price_on_one_line_stays_tradable():
    assert _market_at("#DOT long here @ 4.52, tp 4.70, sl 4.38", "DOT/USDT", "long", "4.52").tradable


# (guards: "long here 172.4" with no "at"/"@" is the corpora's limit; a limit word on the line keeps the limit; a
# market word after the entry's price is a note)
@pytest.mark.parametrize("post,price", [
    ("$SOL long here 172.4, tp 178 / 184, sl 168.9", "172.4"),
    ("#ARB LONG here @ 0.80 or lower\nTP 0.86\nSL 0.76", "0.80"),
    ("#XRP LONG\nEntry: 1.85 - not yet, price is at 1.92 now\nTP 2.00\nSL 1.78", "1.85"),
    ("#LINK лонг\nВход: 17,20 (по рынку не заходим, ждём ниже)\nЦели: 17,90\nСтоп: 16,80", "17.20"),
])
def test_a_price_without_a_market_order_before_it_stays_a_limit(post, price):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and list(parsed.entries) == [D(price)]
    assert parsed.entry_type.value == "limit"


# --- a market entry with no entry of its own: the price-now line is its reference --------------------------------

@pytest.mark.parametrize("post,symbol,side,price", [
    ("🔥 #APT SHORT - MARKET ENTRY\nCurrent price: 8.42\nTP: 8.20 / 8.05\nSL: 8.61", "APT/USDT", "short", "8.42"),
    ("#TON LONG\nEntry: market\nLive price: 5.31\nTP 5.50 / 5.70\nSL 5.12", "TON/USDT", "long", "5.31"),
    ("⚡️ ورود فوری\n#DOGE لانگ\nقیمت فعلی: 0.1620\nتارگت: 0.1680 / 0.1720\nاستاپ‌لاس: 0.1570", "DOGE/USDT", "long", "0.1620"),
    ("⚡️ دخول فوري\nXRPUSDT لونغ\nالسعر الحالي: 2.45\nTP: 2.52 - 2.60\nSL: 2.38", "XRP/USDT", "long", "2.45"),
    ("#SOL 成行でショート\n現在値：１４２．８\nTP：１３９／１３５\nSL：１４６\nレバ：１０倍", "SOL/USDT", "short", "142.8"),
])
def test_the_price_now_of_a_market_entry_is_its_entry(post, symbol, side, price):
    _market_at(post, symbol, side, price)


def test_an_instant_entry_word_orders_at_the_market():
    # ("ورود فوری", "دخول فوري": the entry is made at once — no assumption, the card is traded)
    assert _market_at("⚡️ دخول فوري\nXRPUSDT لونغ\nالسعر الحالي: 2.45\nTP: 2.52 - 2.60\nSL: 2.38",
                      "XRP/USDT", "long", "2.45").tradable


def test_a_price_now_under_a_side_with_no_market_word_is_read_and_held():
    parsed = _market_at("#NEAR LONG\nCurrent price: 5.12\nTP 5.40 / 5.60\nSL 4.90", "NEAR/USDT", "long", "5.12")
    assert not parsed.tradable


# (guards: beside an entry of its own, above or below it, "Current price:" is where the market is — blind rounds 7
# and 11; two different prices now give no reference; a market entry without any price-now line keeps no entry)
@pytest.mark.parametrize("post,entries,etype", [
    ("#LDO LONG\nCurrent price: 1.92\nEntry: 1.88\nTP: 1.98 / 2.05\nSL: 1.82", ["1.88"], "limit"),
    ("#OP SHORT\nEntry: 2.10\nCurrent price: 2.04\nTP 1.95\nSL 2.20", ["2.10"], "limit"),
    ("#FIL SHORT\nCurrent price: 5.12\nEntry zone: 5.18 - 5.26\nTP: 5.02 / 4.88\nSL: 5.41", ["5.18", "5.26"], "range"),
    ("#AVAX 成行でロング\n現在値：28.45\nエントリー：27.90\nTP：29.6\nSL：27.3", ["27.90"], "limit"),
    ("#SOL LONG\nEntry: market\nCurrent price: 144.2\nLive price: 144.9\nTP 150 / 155\nSL 140", [], "market"),
    ("#SOL LONG\nEntry: market\nTP 150 / 155\nSL 140", [], "market"),
])
def test_a_price_now_beside_a_written_entry_is_no_entry(post, entries, etype):
    parsed = parse_message(post)
    assert parsed.kind.value == "open"
    assert list(parsed.entries) == [D(e) for e in entries] and parsed.entry_type.value == etype


def test_a_price_now_with_no_side_stays_held():
    parsed = parse_message("#ETH forming an inverse H&S, neckline 3,600. Breakout target 4,100, invalidation below "
                           "3,350. Current price: 3412.50")
    assert not parsed.tradable


# --- a direction teaser whose levels are promised in minutes: held open, never traded ----------------------------

@pytest.mark.parametrize("post,symbol,side", [
    ("⏳ Next VIP call loading...\n\n#WLD LONG 🟢\n\nEntry & targets dropping in 5 minutes. Set your alerts!",
     "WLD/USDT", "long"),
    ("#TIA SHORT 🔴\nLevels will be posted shortly - turn on notifications 🔔", "TIA/USDT", "short"),
    ("#SEI LONG\nEntry and TP landing in 10 min, set your price alerts", "SEI/USDT", "long"),
])
def test_a_direction_with_levels_dropping_soon_is_a_held_open(post, symbol, side):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.symbol == symbol and parsed.side.value == side
    assert not parsed.entries and not parsed.targets and parsed.stop_loss is None and not parsed.tradable


# (guards: a full card with the same footer is the card, traded; an alert reminder with no side is no call)
def test_a_card_ending_in_set_your_alerts_is_the_card():
    parsed = parse_message("#TIA SHORT entry 6.40 tp 6.10 sl 6.60. Set your alerts!")
    assert parsed.tradable and list(parsed.entries) == [D("6.40")] and parsed.stop_loss == D("6.60")


def test_set_your_alerts_without_a_side_is_no_signal():
    assert parse_message("Set your alerts for #BTC 100k").kind.value == "not_a_signal"
