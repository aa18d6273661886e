"""Session 23, instr23: posts that must not become trades or closes — instruments no crypto exchange lists, and
look-alikes of closes and calls.

Rules, each with its traps:
- two currency or metal ISO codes, glued or split ("EURUSD", "USD/JPY", "GBPCHF", "XAGUSD"), are a forex pair read as
  BASE/QUOTE (never a coin "USDJPY" against USDT, never "no coin named"); the card is held, with the reason said;
- a card whose instrument is an index or commodity CFD ("US30", "NAS100", "GER40", "USOIL", "GOLD", "SILVER"), a share
  of the best-known tickers ("TSLA", "NVDA", a tokenised "TSLAX") or any ticker we do not know under words that say
  the card is for shares or forex ("STOCK PICK", "(NYSE)", "AKTIEN-SIGNAL", "FX SIGNAL", "MT5", "توصية فوركس",
  "股票") is held; crypto tokens of gold (XAUT, PAXG), coins whose tickers are words (ME, PEOPLE, TRUMP) and coins we
  know named beside such words still trade;
- a cancel word heading a condition on the price ("Отмена идеи: закрытие дня ниже …", "Cancel idea: daily close
  below …", "İptal: günlük kapanış … altı", "Batal jika: … di bawah …") labels the idea's invalidation — no close; a
  cancel said now ("Отмена сигнала", "Cancel: we missed it", "cancel the limit at …"), done with its reason
  ("annullato: la 4h non ha chiuso sotto …", "Отмена: 4ч не закрылась ниже …") or with where the price went ("Отмена
  — цена ушла выше 95 000 без нас": no close, break or condition named) still closes; an Arabic daily or candle close
  ("إغلاق يومي تحت …") is the market's, no order;
- a card quoted in a scam warning ("SCAM ALERT", "this is not us", "a fake channel is sending"), an old call shown as
  a record ("ARCHIVE —", "posted for transparency", "Not a new entry."), and a lesson whose trade is a supposition
  ("How liquidation works", "Say you open a 10x long …", "Допустим, вы …") are no signal; a footer "beware of fake
  channels" under a call is no such warning;
- a liquidation feed's line (the side's liquidation, a sum in dollars, a price) is no signal; a card's "liquidation
  price" is a field of the call;
- a reader asking the others ("guys did anyone get filled on … ? should I still enter …?") under a reply heading
  restates no trade.
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


# --- a cancel word labelling an invalidation level closes nothing -------------------------------------------------


@pytest.mark.parametrize("text", [
    "#BTC Cancel idea: daily close below 91,500",
    "#ETH Отмена сценария — закрытие 4ч свечи выше 3 520",
    "#BTC Скасування ідеї: закриття дня нижче 91 500",
    "#SOL Cancelar idea: cierre diario debajo de 171",
    "#BTC İptal: günlük kapanış 91.500 altı",
    "#SEI Batal jika: penutupan harian di bawah 0,40",
    "#BTC Отмена — пробой 91 500 вниз",
    "#BTC Cancel idea: daily close below 91.5k, not a wick",
    "#BTC Отмена идеи при закрытии дня ниже 91 500",
    "#ETH Cancel on a daily close above 3,520",
    "#BTC إلغاء الفكرة: إغلاق يومي تحت 91500",
    "Биткоин на дневке. Если удержим 94 000 — цель 100 000.\nОтмена идеи: закрытие недели ниже 88 000.\nПросто наблюдаем.",
])
def test_invalidation_label_is_no_close(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#BTC Отмена сигнала",
    "#BTC отмена: цена ушла без нас",
    "#SOL Cancel — price ran to 190 without us",
    "#BTC Cancel the limit at 91 500, price ran above 95k",
    # a cancel done, its reason after the colon (the candle did not close there)
    "#ETH إغلاق الصفقة الآن",
    # where the price went, said after the cancel: a cancel done
    "#BTC Отмена — цена ушла выше 95 000 без нас",
    "#SOL Cancel: price ran above 190 before our fill",
    "#BTC Отмена: 4ч не закрылась ниже 61 800, входа нет",
    "ETH ❌ setup annullato: la 4h non ha chiuso sopra 3.520, nessuna entrata.",
])
def test_cancel_said_now_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- cards that are no call: scam warnings, archives, lessons -----------------------------------------------------


@pytest.mark.parametrize("text", [
    ("⚠️ SCAM WARNING ⚠️\nSomeone is sending this in DMs:\n#ETH/USDT SHORT 25x\nEntry 3,480\nTP 3,300\nSL 3,560\n"
    "Pay 200 USDT for the VIP link — ignore them."),
    "Fake admin accounts are sending this call:\n#DOGE LONG\nEntry 0.41\nTP 0.45\nSL 0.39\nThat was not us, block them.",
    ("📁 Archived — our call from 3 Oct\n#AVAX/USDT SHORT\nEntry 31.2\nTP1 29.8 ✅\nSL 32.4\nShared for reference only. "
    "Not a new entry."),
    ("Margin 101? No — how isolated margin works:\nSay you go long on SOL at 150 with 5x. Liquidation sits near 121.\n"
    "Put SL 130 and you lose a slice, not the account."),
    "Допустим, вы открыли лонг по #BTC от 90 000 с плечом 10х, стоп 88 000 — ликвидация около 81 500.",
])
def test_card_that_is_no_call_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize(("text", "symbol"), [
    ("⚠️ Beware of fake channels, we never DM first.\n#SOL LONG\nEntry 180\nTP 190\nSL 175", "SOL/USDT"),
    ("#LINK/USDT LONG\nEntry: 18.20 - 18.50\nTP1 19.40\nSL 17.60\nNot a new entry for those already in, add on dips",
     "LINK/USDT"),
])
def test_fresh_card_beside_those_words_stays_a_call(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == symbol


# --- liquidation feeds --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🟢 #ETH Long liquidation | $1.2M @ 3,412 | Binance",
    "#DOGE Liquidated Short: 250K USD at 0.4120 (OKX)",
    "#BTC лонг ликвидация 2,3 млн $ по 61 200",
])
def test_liquidation_feed_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert not parsed.tradable


def test_liquidation_price_on_a_card_is_a_field():
    parsed = parse_message("#SOL SHORT\nEntry 187\nShort liquidation price 240\nTP 170\nSL 195")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "SOL/USDT"
    assert parsed.tradable


# --- a reader's question under a reply heading --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "↩️ Reply to: OP update\n\nfam anyone else still waiting on the OP long at 1.84?? should i enter at 1.90 with SL 1.71?",
    "↩️ Reply to: SUI update\n\nguys did anybody get filled at 3.40? mine is pending, still buy at 3.52 with SL 3.18?",
])
def test_reader_question_under_reply_heading_is_no_status(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
