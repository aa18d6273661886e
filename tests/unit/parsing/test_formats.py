"""Formats beyond the dev set, written in the styles of other public signal channels and bots
(Cornix, Binance Killers, Wolf of Trading, Russian/Turkish/Spanish channels, one-line posts)."""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


def expected(kind="open", symbol=None, side=None, market=None, leverage=None, entries=(), entry_type=None,
             targets=(), stop_loss=None):
    return {"kind": kind, "symbol": symbol, "side": side, "market": market, "leverage": leverage,
            "entries": list(entries), "entry_type": entry_type, "targets": list(targets), "stop_loss": stop_loss}


OPENS = [
    ("#SOL LONG\nEntry 140\nTarget 1 - 145\nTarget 2 - 150.5\nSL 135",
     expected(symbol="SOL/USDT", side="long", entries=[140], entry_type="limit", targets=[145, 150.5], stop_loss=135)),
    ("COMPRA - BNB/USDT\nEntrada: 585,5\nObjetivos: 592 - 601\nStop: 571",
     expected(symbol="BNB/USDT", side="long", entries=[585.5], entry_type="limit", targets=[592, 601], stop_loss=571)),
    ("| Pair | Side | Entry | TP | SL |\n|---|---|---|---|---|\n| AAVE/USDT | LONG | 92.40 | 96.00 | 89.50 |",
     expected(symbol="AAVE/USDT", side="long", entries=[92.4], entry_type="limit", targets=[96], stop_loss=89.5)),
    (("📍Coin : #DOGEUSDT\n\n🟢 LONG \n\n➡️ Entry: 0.1520 - 0.1480\n\n🌐 Leverage: 10x\n\n🎯 Target 1: 0.1540\n"
     "🎯 Target 2: 0.1570\n🎯 Target 3: 0.1600\n\n⛔️ Stop loss: 0.1420"),
     expected(symbol="DOGE/USDT", side="long", market="futures", leverage=10, entries=[0.148, 0.152],
              entry_type="range", targets=[0.154, 0.157, 0.16], stop_loss=0.142)),
    (("#BTC/USDT\nSignal Type: Regular (Long)\nLeverage: Cross (20x)\nEntry Targets:\n1) 26500\n2) 26000\n"
     "Take-Profit Targets:\n1) 27000\n2) 27500\n3) 28000\nStop Targets:\n1) 25500"),
     expected(symbol="BTC/USDT", side="long", market="futures", leverage=20, entries=[26000, 26500],
              entry_type="limit", targets=[27000, 27500, 28000], stop_loss=25500)),
    ("BTCUSDT.P SHORT\nEntry: 64,250 - 64,800\nTP1: 63,500\nTP2: 62,800\nSL: 65,400",
     expected(symbol="BTC/USDT", side="short", market="futures", entries=[64250, 64800], entry_type="range",
              targets=[63500, 62800], stop_loss=65400)),
    ("$ETH LONG\nBuy: 3,150.5\nTP: 3,200 / 3,260 / 3,330\nSL: 3,080",
     expected(symbol="ETH/USDT", side="long", entries=[3150.5], entry_type="limit", targets=[3200, 3260, 3330],
              stop_loss=3080)),
    (("Binance Killers®\n\nCOIN: $LINK/USDT\nDirection: LONG\nENTRY: 7.10 - 7.35\nOTE: 7.20\nTARGETS\n"
     "Short Term: 7.45 - 7.60 - 7.80 - 8.00\nMid Term: 8.50 - 9.00\nSTOP LOSS: 6.85"),
     expected(symbol="LINK/USDT", side="long", entries=[7.1, 7.35], entry_type="range",
              targets=[7.45, 7.6, 7.8, 8, 8.5, 9], stop_loss=6.85)),
    (("🔥 #SOL/USDT (Long📈, x20) 🔥\n\nEntry - 145.2\nSL - 139.8\n\nTake-Profit:\n🥉 148.1 (40% of profit)\n"
     "🥈 150.3 (60% of profit)\n🥇 153.9 (80% of profit)"),
     expected(symbol="SOL/USDT", side="long", market="futures", leverage=20, entries=[145.2], entry_type="limit",
              targets=[148.1, 150.3, 153.9], stop_loss=139.8)),
    ("Монета: #ARB\nНаправление: ЛОНГ\nВход: 1,12 - 1,08\nЦели: 1,16 / 1,20 / 1,25\nСтоп: 1,03\nПлечо: 10х",
     expected(symbol="ARB/USDT", side="long", market="futures", leverage=10, entries=[1.08, 1.12],
              entry_type="range", targets=[1.16, 1.2, 1.25], stop_loss=1.03)),
    ("#AVAXUSDT SHORT\nВход: 35.2\nТейк 1: 34.5\nТейк 2: 33.8\nСтоп-лосс: 36.1",
     expected(symbol="AVAX/USDT", side="short", entries=[35.2], entry_type="limit", targets=[34.5, 33.8],
              stop_loss=36.1)),
    ("Par: BTC/USDT\nDirección: Corto\nEntrada: 65000\nObjetivos: 64000 - 63000\nStop: 66000\nApalancamiento: 10x",
     expected(symbol="BTC/USDT", side="short", market="futures", leverage=10, entries=[65000], entry_type="limit",
              targets=[64000, 63000], stop_loss=66000)),
    ("#LTC/USDT\nLONG\nEntry: CMP\nTargets: 90 - 95 - 100\nStop: 80",
     expected(symbol="LTC/USDT", side="long", entry_type="market", targets=[90, 95, 100], stop_loss=80)),
    ("XRP/USDT long 0.52, tp 0.55, sl 0.50",
     expected(symbol="XRP/USDT", side="long", entries=[0.52], entry_type="limit", targets=[0.55], stop_loss=0.5)),
    ("Buy #ONE at 0.0142-0.0138\nSell at 0.0150-0.0160-0.0175\nStop 0.0130",
     expected(symbol="ONE/USDT", side="long", entries=[0.0138, 0.0142], entry_type="range",
              targets=[0.015, 0.016, 0.0175], stop_loss=0.013)),
    ("1000PEPEUSDT LONG\nEntry: 0.01234\nTP: 0.0130\nSL: 0.0118",
     expected(symbol="1000PEPE/USDT", side="long", entries=[0.01234], entry_type="limit", targets=[0.013],
              stop_loss=0.0118)),
    (("🚨 SIGNAL ALERT 🚨\n\n📌 Pair: OP/USDT\n📈 Type: LONG\n💰 Entry Zone: 2.45 – 2.50\n🎯 TP1: 2.60\n🎯 TP2: 2.75\n"
     "🛑 SL: 2.30\n⚡ Leverage: 10X Isolated"),
     expected(symbol="OP/USDT", side="long", market="futures", leverage=10, entries=[2.45, 2.5], entry_type="range",
              targets=[2.6, 2.75], stop_loss=2.3)),
    ("Long $TIA 10.5 tp 11.2/11.8 sl 9.9",
     expected(symbol="TIA/USDT", side="long", entries=[10.5], entry_type="limit", targets=[11.2, 11.8],
              stop_loss=9.9)),
    ("ETH/BTC buy 0.052 target 0.056 stop 0.049",
     expected(symbol="ETH/BTC", side="long", market="spot", entries=[0.052], entry_type="limit", targets=[0.056],
              stop_loss=0.049)),
    ("#DOT/USDT SPOT\nBuy zone: 6.20-6.50\nTargets: 7.00 - 7.50 - 8.20\nSL: 5.80",
     expected(symbol="DOT/USDT", side="long", market="spot", entries=[6.2, 6.5], entry_type="range",
              targets=[7, 7.5, 8.2], stop_loss=5.8)),
    ("Coin: MATIC\nYön: SHORT\nGiriş: 0,85\nHedef: 0,80 - 0,76\nStop: 0,88\nKaldıraç: 5x",
     expected(symbol="MATIC/USDT", side="short", market="futures", leverage=5, entries=[0.85], entry_type="limit",
              targets=[0.8, 0.76], stop_loss=0.88)),
    ("#KAVA/USDT SHORT\n\nEntry zone: 0.87 - 0.895\nTargets: 1) 0.86 2) 0.85 3) 0.83\nStop: 0.91\nLeverage: 10x",
     expected(symbol="KAVA/USDT", side="short", market="futures", leverage=10, entries=[0.87, 0.895],
              entry_type="range", targets=[0.86, 0.85, 0.83], stop_loss=0.91)),
    ("#ADA/USDT LONG\nEntry 1: 0.36\nEntry 2: 0.35\nTP:\n1️⃣ 0.37\n2️⃣ 0.38\nSL: 0.34",
     expected(symbol="ADA/USDT", side="long", entries=[0.35, 0.36], entry_type="limit", targets=[0.37, 0.38],
              stop_loss=0.34)),
    ("$OP long\nBuy: 2.45 & 2.40\nTP 2.6 (25%) 2.8 (25%)\nSL 2.3 (-5%)",
     expected(symbol="OP/USDT", side="long", entries=[2.4, 2.45], entry_type="limit", targets=[2.6, 2.8],
              stop_loss=2.3)),
    ("🔴 SHORT #APT\nEntry: 9.15 - 9.35\nTP: 8.90 - 8.60 - 8.20\nSL: 9.70\nLev: 15x cross",
     expected(symbol="APT/USDT", side="short", market="futures", leverage=15, entries=[9.15, 9.35],
              entry_type="range", targets=[8.9, 8.6, 8.2], stop_loss=9.7)),
    ("BTC-USDT LONG\nEntry: 62.5K\nTP: 64K - 66K\nSL: 60.8K",
     expected(symbol="BTC/USDT", side="long", entries=[62500], entry_type="limit", targets=[64000, 66000],
              stop_loss=60800)),
    ("#WIF/USDT long\nEntry: 2.10~2.20\nTargets: 2.35, 2.50\nStop-loss: 1.95 (close below)",
     expected(symbol="WIF/USDT", side="long", entries=[2.1, 2.2], entry_type="range", targets=[2.35, 2.5],
              stop_loss=1.95)),
    ("LONG ⬆️ #ATOM\nBuy Zone : 8.20 - 8.40\n\nSell Zone : 8.60 - 8.90 - 9.30\n\nStop : 7.90",
     expected(symbol="ATOM/USDT", side="long", entries=[8.2, 8.4], entry_type="range", targets=[8.6, 8.9, 9.3],
              stop_loss=7.9)),
    ("Buy BTC at market, target 70000, stop 62000",
     expected(symbol="BTC/USDT", side="long", entry_type="market", targets=[70000], stop_loss=62000)),
    ("SHORT #DYDX\nEntry: market (1.85)\nTP: 1.80/1.75\nSL: 1.92",
     expected(symbol="DYDX/USDT", side="short", entries=[1.85], entry_type="market", targets=[1.8, 1.75],
              stop_loss=1.92)),
    (("New signal 📢\n\nFTM/USDT\nSide: Short\nEntry: 0.7100 - 0.7250\nTake profits: 0.7000, 0.6850, 0.6700\n"
     "Stop: 0.7400\nLeverage: 5x (isolated)"),
     expected(symbol="FTM/USDT", side="short", market="futures", leverage=5, entries=[0.71, 0.725],
              entry_type="range", targets=[0.7, 0.685, 0.67], stop_loss=0.74)),
    # (a priced DCA rung between the limit entry and the stop is the ladder's next order — session 13)
    ("#LINKUSDT Long\nEntry: 14.20\nDCA: 13.60\nTP: 14.90 / 15.60\nSL: 13.10",
     expected(symbol="LINK/USDT", side="long", entries=[13.6, 14.2], entry_type="limit", targets=[14.9, 15.6],
              stop_loss=13.1)),
]


@pytest.mark.parametrize("text,want", OPENS, ids=[f"open-{i}" for i in range(len(OPENS))])
def test_open_formats(text, want):
    parsed = parse_message(text)
    assert parsed.to_expected_dict() == want
    assert parsed.rejected is None


STATUS = [
    ("Cerramos #BTC en ganancia", "close", "BTC/USDT", None),
    ("#ETH/USDT Take-Profit target 1 ✅\nProfit: 15.2%\nPeriod: 2 Hours", "update", "ETH/USDT", UpdateAction.TP_HIT),
    ("#ETH/USDT Entry target 1 ✅\nAverage Entry Price: 2450", "update", "ETH/USDT", UpdateAction.ENTRY_FILLED),
    ("BTC TP2 hit 🔥 move SL to entry", "update", "BTC/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
    ("SL hit on #XRP, we take the loss", "close", "XRP/USDT", UpdateAction.SL_HIT),
    ("Cancel #ADA/USDT signal, price didn't reach entry", "close", "ADA/USDT", UpdateAction.CANCEL_ENTRY),
    ("Take some profits on #BTC now", "update", "BTC/USDT", UpdateAction.PARTIAL_CLOSE),
    ("Move stop loss to breakeven on #SOL", "update", "SOL/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#BNB/USDT Closed at breakeven", "close", "BNB/USDT", None),
    ("STOP LOSS HIT ❌ #FET/USDT", "close", "FET/USDT", UpdateAction.SL_HIT),
    ("#RUNE Target 3 reached 📈 +45%", "update", "RUNE/USDT", UpdateAction.TP_HIT),
    ("Закрываем #ETH по рынку", "close", "ETH/USDT", None),
    ("Close half of #LINK here and move stop to entry", "update", "LINK/USDT", UpdateAction.PARTIAL_CLOSE),
    ("Target 1 - 2 - 3 all done on #INJ", "update", "INJ/USDT", UpdateAction.TP_HIT),
    ("#ARB 2. hedef geldi", "update", "ARB/USDT", UpdateAction.TP_HIT),
    ("#AVAX Obiettivo 1 raggiunto", "update", "AVAX/USDT", UpdateAction.TP_HIT),
    ("Stop auf Einstand bei #SOL", "update", "SOL/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
    ("Zamknij #LTC teraz", "close", "LTC/USDT", None),
    ("#XRP tutte le posizioni chiuse", "close", "XRP/USDT", None),
]


@pytest.mark.parametrize("text,kind,symbol,action", STATUS, ids=[f"status-{i}" for i in range(len(STATUS))])
def test_status_posts(text, kind, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.symbol) == (kind, symbol)
    assert parsed.update_action == action
    assert parsed.to_expected_dict()["entries"] == [] and not parsed.tradable


@pytest.mark.parametrize("text", [
    "Weekly results: +320% profit! BTC +20% ETH +35% SOL +50%",
    "Join our VIP now! 50% discount today only",
    "BTC is looking bullish, might go long soon",
    "#BTC #ETH #SOL long now!",
    "Good morning traders ☀️ Market update in 1 hour",
    "",
    "   \n\n  ",
    "📊 BTC dominance 52.3%, ETH/BTC 0.052",
    # a market or candle closing is not a trade closing; a poll is not a command
    "Nasdaq closed higher, BTC follows",
    "#BTC daily candle closed above 65000",
    "Where will ETH close the month? 3K or 4K?",
    # indicator alerts and lessons carry prices but are not calls
    "RSI divergence on #ETH, short below 3100",
    "Example: if you buy at 100 with a 2% risk, your stop is 98 and targets 104, 108",
])
def test_noise_is_not_a_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert parsed.reason
    assert parsed.to_expected_dict()["symbol"] is None


def test_prices_keep_their_written_digits():
    parsed = parse_message("#PEPE/USDT LONG\nEntry: 0.00001230\nTargets: 0.00001280 - 0.00001350\nStop: 0.00001180")
    assert parsed.entries == (Decimal("0.00001230"),)
    assert str(parsed.entries[0]) == "0.00001230"
    assert all(isinstance(v, Decimal) for v in (*parsed.entries, *parsed.targets, parsed.stop_loss))


def test_margin_mode_and_perpetual_marker():
    parsed = parse_message("#SUIUSDT.P LONG\nEntry: 1.05\nTP: 1.2\nSL: 0.98\nIsolated 5x")
    assert parsed.margin_mode.value == "isolated"
    assert parsed.market.value == "futures"


@pytest.mark.parametrize("text,kind", [
    ("Market is closed for the weekend", "not_a_signal"),  # prose, not a command: must not close every trade
    ("Close all trades", "close"),
    ("[In reply to VIP]\nClose now", "close"),
    ("Signal closed manually", "close"),
    ("Exit all positions", "close"),
])
def test_close_without_a_coin_needs_a_command(text, kind):
    parsed = parse_message(text)
    assert parsed.kind.value == kind and parsed.symbol is None


# Round-3 rules (each written differently from the blind_round3 corpus rows it generalises).
@pytest.mark.parametrize("text,want", [
    # spaced integers after a label are prices, not indexes
    ("LINK long entry 14 tp 15 16 sl 13",
     expected(symbol="LINK/USDT", side="long", entries=[14], entry_type="limit", targets=[15, 16], stop_loss=13)),
    # a numbered ladder of side words is one entry list
    ("#KAS/USDT Long\nBuy1 0.1320\nBuy2 0.1275\nTP 0.1400\nSL 0.1180",
     expected(symbol="KAS/USDT", side="long", entries=[0.1275, 0.132], entry_type="limit", targets=[0.14],
              stop_loss=0.118)),
    # Bengali vowel signs stay inside the label; Bengali digits are prices
    ("কয়েন: #SOL\nদিক: লং\nএন্ট্রি: ১৪৫.২\nটার্গেট: ১৪৮ / ১৫২\nস্টপ লস: ১৩৯",
     expected(symbol="SOL/USDT", side="long", entries=[145.2], entry_type="limit", targets=[148, 152],
              stop_loss=139)),
    # Thai is written without spaces between words
    ("#AVAX/USDT ขาย\nราคาเข้า: 36.5\nเป้าหมาย: 35.8 / 35.1\nตัดขาดทุน: 37.4",
     expected(symbol="AVAX/USDT", side="short", entries=[36.5], entry_type="limit", targets=[35.8, 35.1],
              stop_loss=37.4)),
    # a bot template's "Open:" heading is the entry; "(1)" after a label is which target, not a price
    ("Symbol: ADAUSDT\nPosition: SHORT\nOpen: 0.4520\nTargets: 0.4400 / 0.4300\nStop: 0.4650\nTrailing trigger: Target (1)",
     expected(symbol="ADA/USDT", side="short", entries=[0.452], entry_type="limit", targets=[0.44, 0.43],
              stop_loss=0.465)),
    # one bare ticker heading the side line names the coin of a full setup
    ("ETH 1H scalp SHORT\nEntry 3,410\nTP 3,360\nSL 3,450",
     expected(symbol="ETH/USDT", side="short", entries=[3410], entry_type="limit", targets=[3360],
              stop_loss=3450)),
])
def test_round3_open_rules(text, want):
    parsed = parse_message(text)
    assert parsed.to_expected_dict() == want
    assert parsed.tradable, parsed.rejected


@pytest.mark.parametrize("text,kind,symbol", [
    ("#LINK/USDT Închidem acum ✅", "close", "LINK/USDT"),  # a command after the coin tag
    ("$SOL close it here", "close", "SOL/USDT"),
    ("#ARB stoploss geraakt", "close", "ARB/USDT"),
    ("Cancel the pending limit orders on #SOL, first entry is in", "update", "SOL/USDT"),  # one rung, not the trade
    ("#NEAR still in the trade, patience", "update", "NEAR/USDT"),
    ("#APT lengo la 3 limefikiwa", "update", "APT/USDT"),
    ("#OP יעד 2 הושג", "update", "OP/USDT"),
    ("#DOT cíl 1 splněn", "update", "DOT/USDT"),
    # status words over several coins: a results recap, not an instruction for one trade
    ("Closed today: #SOL +12%, #AVAX +8%, #OP -3%", "not_a_signal", None),
    ("#BTC closing above 70k would be huge", "not_a_signal", None),  # a market move, even after the tag
])
def test_round3_status_rules(text, kind, symbol):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.symbol) == (kind, symbol), parsed.reason


def test_r_multiples_are_not_coins():
    parsed = parse_message("Entry 64850\nStop 63900\nTargets: 1R / 2R / 3R")
    assert parsed.symbol is None and not parsed.tradable
