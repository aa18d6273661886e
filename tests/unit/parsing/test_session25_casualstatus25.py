"""Session 25, casualstatus25: management posts typed casually, in other languages, and chat that looks like a call.

Rules, each with its traps:
- out of a share of the position ("out of half on BTC, rest rides", "got out of a third of #ETH", "we're out of 30% on
  #SOL") is a partial close — never the whole trade (before, "out of" read as a full close). "Out of #SOL" still closes;
  "7 out of 10 calls hit" and "out of half the alts on my list" close nothing;
- the author out, ending the clause ("took profit on #PEPE, I'm out 💰", "#SOL: done, I'm out.", "I'm out +12%"), and the
  same in de/es/pt/fr/it/tr/id/vi ("ich bin raus", "estoy fuera", "tô fora", "je suis sorti", "sono uscito",
  "pozisyondan çıktım", "aku sudah keluar", "tôi đã thoát lệnh") closes the coin named. The author away is no exit:
  "I'm out for lunch", "we're out for the weekend", "out of the office", "I'm out of ideas", "while I'm out", "estoy fuera
  de casa", "keluar rumah" (before, "I'm out for lunch, #ETH doing fine" closed ETH);
- a bare close, then the coin said to stall in the next sentence ("cut it. DOGE just not doing anything", "Closed. SOL
  isn't moving", "Closed ✅. AVAX is dead money") closes that coin — the reason given after the act. Market news after
  the close ("cut it. BTC dumping hard") names no coin, and "cut it close" is no close at all;
- a target hit with its level after an arrow ("Target 2 → 23.55 done ✅") and the Malay/Indonesian ordinal "ke-2"
  ("Sasaran ke-2 tercapai") are target hits (the first read as a fresh card with a target and a stop); a card whose
  target rows have arrows still opens;
- stop words: ms/id "henti rugi" ("Alihkan henti rugi ke 2.185", "henti rugi dipindah ke …") and "risk line" ("risk
  line raised to 0.2860") move the stop; a risk line told where it stands moves nothing;
- ur "پوزیشن مکمل طور پر بند کر دی گئی" (the position fully closed) closes; half of it ("آدھی پوزیشن") is a part;
- the author disowns the card on its own line ("not my trade, not copying it", "im not touching it", "no es mi
  operación", "não é meu trade", "nicht mein Trade", "не моя сделка", "bukan trade saya") — no signal; a line disowning
  another coin ("ETH: weak, not touching it" above a SOL call) leaves the call, and "not financial advice" is no
  disowning; a card said to be someone's in another group or "this guy's pnl" is held;
- a trade already taken ("we're still in SOL long from 138") with nothing to do is no signal (it was held as an open);
  a fresh call headed as new after it still trades;
- a finished trade's card — entry, exit price and a signed return, no target and no stop ("Entry 17.84 → Exit 19.62 /
  ROI +99.8%") — is no signal, and so is an app's shared PnL card ("Bybit PnL card / … / Exit Price 3,301.7 / ROI
  +88.9%", "shared via …": its exit field read as a close before); a live card with a target and a stop and a
  "potential ROI" still trades, a copy-trading notice ("Lead trader closed a position / Close price …") and a card that
  says closed in words still close;
- a trade only supposed, to teach, in Thai ("สมมติ"), English ("suppose you …"), French, German, Spanish, Portuguese,
  Russian, Turkish, Indonesian, Vietnamese, Chinese, Japanese, Hindi, Arabic, Persian: no signal, with no coin or with
  one (heading the card); a real card in Thai still trades.

Lower-case coin words in prose ("took profits on pepe", "done with eth") are read by another branch (casualopens25);
these tests name the coin with a tag or in capitals.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


def _nothing(text: str) -> None:
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol, parsed.update_action, parsed.rejected)
    assert not parsed.tradable


def _closed(text: str, symbol: str) -> None:
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol), (parsed.kind, parsed.symbol, parsed.update_action)


def _updated(text: str, symbol: str, action: UpdateAction | None = None) -> None:
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, symbol), (parsed.kind, parsed.symbol, parsed.rejected)
    if action is not None:
        assert parsed.update_action == action, parsed.update_action


def _not_closed(text: str) -> None:
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE, (parsed.kind, parsed.symbol)
    assert not parsed.tradable


def _traded(text: str, symbol: str) -> None:
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.OPEN, symbol), (parsed.kind, parsed.symbol, parsed.rejected)
    assert parsed.tradable, parsed.rejected


# --- out of a share ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("out of half on BTC 🤑 the rest rides with the stop at entry", "BTC/USDT"),
    ("got out of a third of #ETH here, holding the rest", "ETH/USDT"),
    ("#SOL: out of 30% at 171, rest runs", "SOL/USDT"),
    ("we're out of half on #LINK now", "LINK/USDT"),
])
def test_out_of_a_share_is_a_partial_close(text, symbol):
    _updated(text, symbol, UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize(("text", "symbol"), [
    ("out of #SOL, done for today", "SOL/USDT"),
    ("Out of 1000PEPE now", "1000PEPE/USDT"),
])
def test_out_of_the_coin_still_closes(text, symbol):
    _closed(text, symbol)


@pytest.mark.parametrize("text", [
    "#BTC 7 out of 10 calls hit this month",
    "#BTC out of half the alts on my list, only two look good",
])
def test_a_count_or_a_share_of_something_else_closes_nothing(text):
    _not_closed(text)


# --- the author out ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("took profit on #PEPE, I'm out 💰", "PEPE/USDT"),
    ("#SOL: done, I'm out.", "SOL/USDT"),
    ("#AVAX I'm out +12%", "AVAX/USDT"),
    ("we're out ✅ #NEAR", "NEAR/USDT"),
    ("#ARB Gewinne mitgenommen, ich bin raus", "ARB/USDT"),
    ("#ARB tomé ganancias, estoy fuera", "ARB/USDT"),
    ("#ARB realizei o lucro, tô fora", "ARB/USDT"),
    ("#ARB profits pris, je suis sorti", "ARB/USDT"),
    ("#ARB profitto preso, sono uscito", "ARB/USDT"),
    ("#ARB kâr alındı, pozisyondan çıktım", "ARB/USDT"),
    ("#ARB profit diambil, saya sudah keluar", "ARB/USDT"),
    ("#ARB chốt lời xong, mình đã thoát lệnh", "ARB/USDT"),
])
def test_the_author_out_closes(text, symbol):
    _closed(text, symbol)


@pytest.mark.parametrize("text", [
    "I'm out for lunch, #ETH doing fine",
    "#BTC strong into the weekend, we're out for the weekend, see you monday",
    "#BTC grinding up. i'm out of the office till monday",
    "#BTC I'm out of ideas on this chop",
    "#ETH pumps every time I'm out, lol",
    "#BTC fuerte, estoy fuera de casa hoy",
    "#BTC kuat, aku keluar rumah dulu",
    "#SOL if it loses 136 I'm out.",
    "#SOL holding. one more red candle and I'm out",
])
def test_the_author_away_or_out_only_later_closes_nothing(text):
    _not_closed(text)


# --- a bare close, then the coin said to stall ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("cut it. DOGE just not doing anything", "DOGE/USDT"),
    ("Closed. SOL isn't moving at all", "SOL/USDT"),
    ("closed ✅. AVAX is dead money", "AVAX/USDT"),
    ("cut it. LINK going nowhere", "LINK/USDT"),
])
def test_a_close_then_the_coin_stalling_closes_that_coin(text, symbol):
    _closed(text, symbol)


@pytest.mark.parametrize("text", [
    "cut it. BTC dumping hard",
    "cut it close on #BTC, stop is tight",
    "Closed. DOGE not doing anything, ETH still running",
])
def test_market_news_or_an_idiom_closes_no_named_coin(text):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.CLOSE and parsed.symbol is not None), (parsed.kind, parsed.symbol)


# --- target hits ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("#AVAX short — Target 2 → 23.55 done ✅ | 30 % booked. SL now at 24.85 (entry)", "AVAX/USDT"),
    ("#DOT long | TP1 -> 4.62 hit | stop to entry", "DOT/USDT"),
    ("#NEAR Sasaran ke-1 tercapai ✅ 5.40", "NEAR/USDT"),
    ("#XRP Sasaran ke-2 tercapai 🎯 2.29\nAlihkan henti rugi ke 2.185 sekarang, baki posisi biar jalan", "XRP/USDT"),
])
def test_a_target_hit_with_its_level_after_an_arrow_or_ke(text, symbol):
    _updated(text, symbol)


def test_a_card_with_arrowed_target_rows_still_opens():
    _traded("#AVAX SHORT\nEntry 24.85\nTarget 1 → 24.10\nTarget 2 → 23.55\nSL 25.60", "AVAX/USDT")


# --- stop words ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("#XRP Alihkan henti rugi ke 2.185 sekarang", "XRP/USDT"),
    ("#XRP henti rugi dipindah ke 2.185", "XRP/USDT"),
    ("#SEI long: risk line raised to 0.2860, let it breathe", "SEI/USDT"),
    ("#TIA risk line moved up to 6.10", "TIA/USDT"),
])
def test_a_stop_word_moved(text, symbol):
    _updated(text, symbol, UpdateAction.NEW_STOP)


@pytest.mark.parametrize("text", [
    "the risk line for BTC this week is 60k",
])
def test_a_risk_line_told_moves_nothing(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.NEW_STOP and not parsed.tradable


# --- Urdu close ----------------------------------------------------------------------------------------------------------


def test_urdu_position_fully_closed():
    _closed("✅ #OP کے سارے ٹارگٹ پورے ہو گئے\nپوزیشن مکمل طور پر بند کر دی گئی ہے۔", "OP/USDT")


def test_urdu_half_the_position_is_a_part():
    _updated("#OP کی آدھی پوزیشن بند کر دی گئی ہے", "OP/USDT", UpdateAction.PARTIAL_CLOSE)


# --- disowned cards ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "lmao check this guys pnl ☝️ long #ETH 3120 tp 3300, not my trade, not copying it",
    "a guy in another group is longing #OP 1.52 tp 1.70 sl 1.44.. im not touching it",
    "look at this guy's screenshot\nshort #BTC 69.4k tp 66k\nnot my trade btw",
    "#SOL long 186.5 tp 198 sl 179.4 — no es mi operación, la vi en Twitter",
    "#SOL long 186.5 tp 198 sl 179.4 — não é meu trade, só compartilhando",
    "#SOL long 186.5 tp 198 sl 179.4 — nicht mein Trade, nur zur Info",
    "#SOL лонг 186.5 тп 198 сл 179.4 — не моя сделка, просто делюсь",
    "#SOL long 186.5 tp 198 sl 179.4 — bukan trade saya ya",
])
def test_a_card_the_author_disowns_is_no_signal(text):
    _nothing(text)


@pytest.mark.parametrize(("text", "symbol"), [
    (("Weekly view\nETH: weak, no edge, I'm not touching it.\nSOL: the one I like.\n→ Long #SOL 186.5, targets 198 / 207, "
      "stop 179.4"), "SOL/USDT"),
    ("#DOGE short 0.19 tp 0.17 sl 0.197. not financial advice, DYOR", "DOGE/USDT"),
    ("#SOL long 142, SL 136, TP 150 — set and forget, not touching it till TP", "SOL/USDT"),
])
def test_a_call_beside_words_that_are_not_its_disowning_still_trades(text, symbol):
    _traded(text, symbol)


@pytest.mark.parametrize("text", [
    "someone in the other group is shorting #DOGE 0.19 tp 0.17 sl 0.197",
    "this guy's pnl 👆 short #BTC 69.1k tp 66k sl 70k",
])
def test_a_card_of_someone_elsewhere_is_held(text):
    parsed = parse_message(text)
    assert not parsed.tradable, (parsed.kind, parsed.rejected)


# --- a running trade restated --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "we're still in #SOL long from 138 btw, nothing to do rn just chill",
    "fyi still in the #AVAX short from 27.4, nothing to do, stop where it was",
    "We are already long #ETH from 3100, nothing to do",
])
def test_a_running_trade_with_nothing_to_do_is_no_signal(text):
    _nothing(text)


def test_a_fresh_call_after_the_running_trade_still_trades():
    _traded("We're still in SOL long from 138, nothing to do there.\n\nNEW SIGNAL: #ETH LONG\nEntry 3100\nTP 3300\n"
            "SL 3000", "ETH/USDT")


# --- a finished trade's card ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🐧 Penguin PnL\n#OPUSDT Perp · Short · 20x\nEntry 1.742 → Exit 1.651\nROI +104.5%\nshared via penguin.app",
    "📈 #OP long\nEntry 1.52 → Exit 1.71\nPnL +12.5%",
    "Kraken P&L card\n#ADAUSDT Long 5x\nEntry Price 0.612\nExit Price 0.655\nROE +35.1%",
])
def test_a_finished_trades_card_is_no_signal(text):
    _nothing(text)


@pytest.mark.parametrize(("text", "symbol"), [
    ("🔒 Copy desk • Lead trader closed a position\nAVAXUSDT Perp · Long · 5x\nClose price: 39.10\nRealized PnL: +33.0%",
     "AVAX/USDT"),
    ("Bybit PnL card\n#ETHUSDT Short 20x closed ✅ at 3,301.7\nROI +88.9%", "ETH/USDT"),
])
def test_a_copy_trading_close_or_a_card_saying_closed_still_closes(text, symbol):
    _closed(text, symbol)


def test_a_live_card_with_a_potential_roi_still_trades():
    _traded("#LINK LONG\nEntry 17.84\nTP 19.62\nSL 17.10\nPotential ROI +99%", "LINK/USDT")


# --- a trade only supposed -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "สมมติว่าเข้า Short ที่ 50 แล้วตั้ง SL ที่ 52 ถ้าราคาขึ้นไปโดน SL เราเสีย 4%",
    "Supposons qu'on achète à 100 avec un stop à 95 : on risque 5 %.",
    "Angenommen, du gehst Long bei 100 mit SL 95 – dann riskierst du 5 %.",
    "Supongamos que entras en long a 100 con SL en 95: arriesgas un 5%.",
    "Допустим, вход в лонг по 100, стоп 95 — риск 5%.",
    "Diyelim ki 100'den long girdin, stop 95: risk %5.",
    "Giả sử vào lệnh long ở 100, SL 95 thì rủi ro 5%.",
    "假设在100做多，止损95，风险就是5%。",
])
def test_a_supposed_trade_with_no_coin_is_no_signal(text):
    _nothing(text)


@pytest.mark.parametrize("text", [
    "Suppose you long #SOL at 100 with SL 95 and TP 110 — you risk 5% to make 10%.",
    "สมมติเข้า Long #SOL ที่ 100 แล้วตั้ง SL ที่ 95 TP 110",
    "Допустим, вход в лонг #SOL по 100, стоп 95, тейк 110.",
    "Angenommen, du gehst Long #SOL bei 100, SL 95, TP 110.",
    "Supongamos que entras en long #SOL a 100, SL 95, TP 110.",
    "假设在100做多 #SOL，止损95，止盈110",
])
def test_a_supposed_trade_with_a_coin_is_no_signal(text):
    _nothing(text)


def test_a_real_card_in_thai_still_trades():
    _traded("#SOL Long ที่ 100\nSL 95\nTP 110", "SOL/USDT")

