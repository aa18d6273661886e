"""Session 12, helper f17c (review 17, A3–A6): stray "now / market / current" words no longer turn a written limit entry
into a market order or add the market's price as a second entry; hype multiples ("x10 gem", "10X BAGS", "2x your
money") are no leverage; chart and plain-English uses of "cross", "margin", "isolated" name no futures market, and an
explicit spot call keeps spot beside advice about leverage; an untagged "1000SATS" beside a pair or a side word is the
coin 1000SATS, not a thousand satoshis. Guards keep market entries that say so ("Entry: CMP 0.812", "Entry: market
(2210)", "buy now"), margin modes ("Cross 25x", "Isolated", "Margin mode: cross") and satoshi prices on a /BTC pair."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message


def _d(values):
    return tuple(Decimal(str(v)) for v in values)


# ---------------------------------------------------------------- A3: limit entries stay limit

LIMIT_DESPITE_MARKET_WORD = [
    # a market word elsewhere on the side line, not beside the side word
    ("🔔 Fresh setup out now! #AVAX LONG\nEntry 27.4\nTP 28.6 29.9\nSL 26.5", [27.4]),
    ("#SEI SHORT — open now to every subscriber\nEntry 0.415\nTP 0.39\nSL 0.43", [0.415]),
    ("BTC ripped 6% 🔥 Now #INJ LONG\nEntry 22.8\nTP 24.5\nSL 21.9", [22.8]),
    ("LONG $TIA (the narrative is quiet for now)\nEntry 6.35\nTP 6.9\nSL 6.05", [6.35]),
    ("OP LONG (spot market)\nEntry 1.62\nTP 1.74 1.85\nSL 1.55", [1.62]),
    # the market's price written beside the entry
    ("#APT LONG\nEntry 8.40 (price now 8.62)\nTP 8.9 9.3\nSL 8.05", [8.40]),
    ("#XRP LONG\nVào lệnh: 0.512 (giá hiện tại 0.521)\nTP: 0.53 / 0.55\nSL: 0.498", [0.512]),
    ("#DOT LONG\nEntry: 6.90 | Current: 7.08\nTP: 7.3 / 7.6\nSL: 6.7", [6.90]),
    ("#MATIC LONG\nEntry: 0.705 — still early, the price is 0.731 now\nTP: 0.74 / 0.77\nSL: 0.68", [0.705]),
    ("#ATOM LONG\nEntry 9.15 - currently 9.34\nTP 9.6\nSL 8.9", [9.15]),
    # words about what the market does after the entry
    ("RNDR LONG\nEntry 7.10 - the market is bleeding now, stay patient\nTP 7.6 8\nSL 6.8", [7.10]),
]


@pytest.mark.parametrize(("text", "entries"), LIMIT_DESPITE_MARKET_WORD)
def test_a_written_entry_stays_a_limit_order(text, entries):
    parsed = parse_message(text)
    assert parsed.entries == _d(entries)
    assert parsed.entry_type is not None and parsed.entry_type.value == "limit"


MARKET_ENTRIES = [
    "#ARB LONG\nEntry: CMP 0.812\nTP 0.85\nSL 0.78",
    "#ETH LONG\nEntry: market (2210)\nTP 2260\nSL 2170",
    "#ETH LONG\nEntry: 2210 (CMP)\nTP 2260\nSL 2170",
    "#ETH LONG\nEntry 2210 now\nTP 2260\nSL 2170",
    "SOLUSDT buy now\nEnter 148.2\nSL 145\nTP1 151",
    "Buy SOL at market\nEntry 148.2\nSL 145\nTP 151",
    "SOLUSDT 현재가 매수\n진입 148.2\n손절 145\nTP1 151",
    "SOL 市价做多\n入场 148.2\n止损 145\n止盈 151",
]


@pytest.mark.parametrize("text", MARKET_ENTRIES)
def test_a_market_entry_that_says_so_stays_market(text):
    parsed = parse_message(text)
    assert parsed.entry_type is not None and parsed.entry_type.value == "market"
    assert len(parsed.entries) == 1


# ---------------------------------------------------------------- A4: hype multiples are no leverage

HYPE_MULTIPLES = [
    ("🚀 Potential x8 gem 🚀\n#PYTH spot buy\nEntry 0.41 - 0.43\nTargets 0.55 / 0.70\nSL 0.36", "spot"),
    ("#JUP SPOT\nBuy: 0.88-0.92\nTP: 1.05 / 1.25\nSL: 0.80\nPotential: x4", "spot"),
    ("#GRT LONG\nEntry 0.215\nTP 0.23 / 0.25\nSL 0.205\n20X BAGS LOADING SOON", None),
    ("#RUNE LONG\nEntry 5.40\nTP 5.8 6.2\nSL 5.10\n3x your money is possible", None),
    ("#BONK LONG\nEntry 0.0000221\nTP 0.0000240\nSL 0.0000210\nx6 potential this cycle", None),
    ("#WIF LONG\nEntry 2.10\nTP 2.3\nSL 1.95\nПотенциал х7", None),
]


@pytest.mark.parametrize(("text", "market"), HYPE_MULTIPLES)
def test_a_hoped_for_multiple_is_no_leverage(text, market):
    parsed = parse_message(text)
    assert parsed.leverage is None
    assert (parsed.market.value if parsed.market else None) == market
    assert parsed.stop_loss is not None and parsed.tradable


@pytest.mark.parametrize("text", ["#SOL LONG x12\nEntry 150\nTP 158\nSL 145", "#SOL LONG\nEntry 150\nTP 158\nSL 145\nLeverage: x12"])
def test_a_written_leverage_stays(text):
    parsed = parse_message(text)
    assert parsed.leverage == 12 and parsed.market.value == "futures"


# ---------------------------------------------------------------- A5: TA words name no futures market

NO_MARKET = [
    "📈 #AVAX LONG\nEntry 27\nTP 28.5 30\nSL 26\nDeath cross avoided on the 4H",
    "#BNB LONG\nSetup: MACD cross with volume\nEntry 590\nTP 610\nSL 575",
    "ALGO SIGNAL\nPair: XRPUSDT\nSide: LONG\nStrategy: EMA50 Cross v3\nEntry: 0.52\nTP1: 0.54\nSL: 0.50",
    "#ATOM LONG\nEntry 9.1\nTP 9.6\nSL 8.8\nPrice crosses above the 200 EMA",
    "#NEAR LONG\nEntry 5.2\nTP 5.6\nSL 4.9\nA wide margin of safety below",
    "#UNI LONG\nEntry 7.4\nTP 8\nSL 7.1\nNet margin about 8%",
    "#INJ LONG\nEntry 22\nTP 24\nSL 21\nAn isolated move, volume is thin",
]


@pytest.mark.parametrize("text", NO_MARKET)
def test_chart_words_name_no_market(text):
    parsed = parse_message(text)
    assert parsed.market is None and parsed.tradable


def test_spot_stays_beside_advice_about_leverage():
    parsed = parse_message("#ADA LONG (spot)\nEntry 0.45\nTP 0.48 0.51\nSL 0.43\nLeverage tokens decay, spot only for us")
    assert parsed.market.value == "spot"


@pytest.mark.parametrize("text", [
    "#SOL LONG\nCross 25x\nEntry 150\nTP 158\nSL 145",
    "#SOL LONG\nIsolated\nEntry 150\nTP 158\nSL 145",
    "#SOL LONG\nMargin mode: cross\nEntry 150\nTP 158\nSL 145",
])
def test_margin_modes_stay_futures(text):
    assert parse_message(text).market.value == "futures"


# ---------------------------------------------------------------- A6: 1000SATS is the coin

@pytest.mark.parametrize("text", [
    "1000SATS long\nentry 0.000295\ntp 0.000315\nsl 0.000280",
    "1000SATS/USDT sell entry 0.000295 tp 0.000280 sl 0.000305",
    "1000sats-usdt short\nentry 0.000295\ntp 0.000280\nsl 0.000305",
])
def test_untagged_1000sats_is_the_coin(text):
    assert parse_message(text).symbol == "1000SATS/USDT"


def test_satoshi_prices_on_a_btc_pair_stay():
    parsed = parse_message("#RVN/BTC long\nBuy 1000sats\nTP 1200 sats\nSL 900 sats")
    assert parsed.symbol == "RVN/BTC" and parsed.entries == _d([0.00001])
