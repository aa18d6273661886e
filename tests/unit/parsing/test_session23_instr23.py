"""Session 23, instr23: posts that must not become trades — instruments no crypto exchange lists.

Rules, each with its traps:
- two currency or metal ISO codes, glued or split ("EURUSD", "USD/JPY", "GBPCHF", "XAGUSD"), are a forex pair read as
  BASE/QUOTE (never a coin "USDJPY" against USDT, never "no coin named"); the card is held, with the reason said;
- a card whose instrument is an index or commodity CFD ("US30", "NAS100", "GER40", "USOIL", "GOLD", "SILVER"), a share
  of the best-known tickers ("TSLA", "NVDA", a tokenised "TSLAX") or any ticker we do not know under words that say
  the card is for shares or forex ("STOCK PICK", "(NYSE)", "AKTIEN-SIGNAL", "FX SIGNAL", "MT5", "توصية فوركس",
  "股票") is held; crypto tokens of gold (XAUT, PAXG), coins whose tickers are words (ME, PEOPLE, TRUMP) and coins we
  know named beside such words still trade.
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message

# --- forex pairs read as BASE/QUOTE, and held ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("USDJPY BUY 151.20\nSL 150.60\nTP 152.40", "USD/JPY"),
    ("#AUDCAD SELL @ 0.9120 SL 0.9160 TP 0.9050", "AUD/CAD"),
    ("EUR/GBP long 0.8410, stop 0.8380, target 0.8470", "EUR/GBP"),
    ("USD/CHF SHORT\nEntry 0.8850\nTP 0.8790\nSL 0.8890", "USD/CHF"),
    ("XAGUSD BUY 31.20 SL 30.60 TP 32.40", "XAG/USD"),
    ("NZDUSD buy limit 0.5920 sl 0.5890 tp 0.5980", "NZD/USD"),
])
def test_forex_pair_is_read_as_written_and_held(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == symbol
    assert not parsed.tradable
    assert "forex pair" in parsed.rejected


# --- index, commodity and share cards are held ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "NAS100 SELL 21000\nSL 21150\nTP 20700",
    "US30 buy now 42100 sl 41900 tp 42500",
    "GER40 LONG\nEntry 19000\nTP 19200\nSL 18900",
    "UKOIL short 74.10 stop 75.00 target 72.50",
    "SILVER SELL 31.2 SL 31.8 TP 30.5",
    "GOLD BUY 2650 SL 2640 TP 2670",
    "#NVDA LONG\nEntry 120\nTP 135\nSL 112",
    "$AMZN buy 185-188, targets 198 / 205, stop 179",
    "#TSLAX/USDT LONG\nEntry 340\nTP 360\nSL 330",
    # an unknown ticker on a card that says it is for shares or forex
    "📊 US STOCKS: $PLUG\nBuy 3.20\nTarget 3.90\nStop 2.85",
    "HISSE SİNYALİ — THYAO AL\nGiriş: 285\nHedef: 310\nStop: 270",
    "💱 FX SIGNAL\nSGDJPY SELL 112.40\nSL 113.10\nTP 111.20\nMT5 only",
    "股票信号：ABCD 买入 12.5 止盈 14 止损 11.8",
])
def test_non_crypto_instrument_card_is_held(text):
    parsed = parse_message(text)
    assert not parsed.tradable
    if parsed.kind == MessageKind.OPEN and parsed.symbol:
        assert parsed.rejected


@pytest.mark.parametrize(("text", "symbol"), [
    ("#XAUT/USDT LONG\nEntry 2650\nTP 2700\nSL 2600", "XAUT/USDT"),
    ("#PAXG LONG\nEntry 2650\nTP 2700\nSL 2600", "PAXG/USDT"),
    ("#ME LONG Entry 1.2 TP 1.4 SL 1.1", "ME/USDT"),
    ("#PEOPLE long 0.02 TP 0.025 SL 0.018", "PEOPLE/USDT"),
    ("#TRUMP LONG\nEntry 10\nTP 12\nSL 9", "TRUMP/USDT"),
    # a coin we know beside talk of the stock market
    ("Crypto stocks pumping on NASDAQ today; #SOL LONG\nEntry 180\nTP 190\nSL 175", "SOL/USDT"),
    # a crypto card with a lot-size note stays a crypto card
    (("BTCUSDT SELL\nEntry Zone: 97410-97480\nStop loss: 98250\nTake Profit 1: 97100\n"
     "⚠️ Please use 0.01 lot size for each 200 balance"), "BTC/USDT"),
])
def test_crypto_lookalikes_still_trade(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == symbol
    assert parsed.tradable, parsed.rejected
