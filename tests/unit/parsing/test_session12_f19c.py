"""Session 12, review 19 groups A6–A9 and two safe misses: an entry written with a condition the bot cannot check
(in other languages, and after the stop) is held; a price in a comment on the stop line is no stop; a hoped-for
multiple ("潜力 10倍", "x10 tiềm năng") is no leverage; perpetual symbols written "XUSD-PERP" or "X-PERPETUAL"; 現物 is spot;
"wait for confirmation" on the entry line holds the card rather than dropping it."""
import pytest
from verzek.parsing import parse_message


def _d(text):
    parsed = parse_message(text)
    return parsed, parsed.to_expected_dict()


@pytest.mark.parametrize("text", [
    "#AVAX LONG 27.40 TP 28.50 SL 26.60 — go in only if the 4H closes above 27.80",
    "#AVAX LONG\nВход 27.40 только после закрепления выше 27.80\nЦель 28.50\nСтоп 26.60",
    "#AVAX LONG\nGiriş 27.40, 27.80 üzerinde günlük kapanış gelirse\nHedef 28.50\nStop 26.60",
    "#AVAX LONG\nEntrada 27.40 solo si cierra la vela diaria sobre 27.80\nTP 28.50\nSL 26.60",
    "#AVAX LONG\nEinstieg 27.40 erst nach Tagesschluss über 27.80\nTP 28.50\nSL 26.60",
    "#AVAX LONG\nVào 27.40 khi nến 1D đóng cửa trên 27.80\nTP 28.50\nSL 26.60",
    "#AVAX 做多 27.40 止盈 28.50 止损 26.60（站稳27.80后再进）",
    "#AVAX SHORT 27.40 TP 26.50 SL 28.20 — only once the daily closes below 27.00",
    "#AVAX LONG\nEntry 27.40 — wait for a confirmation first\nTP 28.50\nSL 26.60",
])
def test_conditional_entry_is_held_not_traded(text):
    parsed, d = _d(text)
    assert d["kind"] == "open" and d["symbol"] == "AVAX/USDT"
    assert not parsed.tradable
    assert 27.4 in d["entries"]


@pytest.mark.parametrize("text", [
    # guards: a plain card, a stop with its own close condition, a note after the stop that waits for nothing
    "#AVAX LONG\nEntry 27.40\nTP 28.50\nSL 26.60",
    "#AVAX LONG\nEntry 27.40\nTP 28.50\nSL 26.60 — only if the 4H closes below it",
    "#AVAX LONG 27.40 TP 28.50 SL 26.60 — only a small size please",
])
def test_plain_or_stop_conditioned_card_still_trades(text):
    parsed, d = _d(text)
    assert parsed.tradable and d["stop_loss"] == 26.6 and d["entries"] == [27.4]


@pytest.mark.parametrize("text", [
    "#LINK SHORT\nEntry 14.80\nTP 14.20 / 13.70\nSL 15.20 — a stop hunt toward 15.05 is likely, hold on",
    "#LINK SHORT\nEntry 14.80\nTP 14.20 / 13.70\nSL 15.20 (previous SL was hit at 15.00, so it sits higher now)",
    "#LINK SHORT\nEntry 14.80\nTP 14.20\nSL 15.20 — it may wick to 15.05, stop hunt area",
])
def test_price_in_a_stop_comment_is_not_the_stop(text):
    parsed, d = _d(text)
    assert parsed.tradable and d["stop_loss"] == 15.2


@pytest.mark.parametrize("text", [
    # guard: two stops offered are still alternatives (the nearer one is kept)
    "#LINK SHORT\nEntry 14.80\nTP 14.20\nSL 15.20 / 15.05",
])
def test_stop_alternatives_still_read(text):
    _, d = _d(text)
    assert d["stop_loss"] == 15.05


@pytest.mark.parametrize("tail", ["潜力 20倍 🔥", "目标翻20倍", "20배 가능 🔥", "20倍狙い", "Tiềm năng x20 🔥",
                                  "Could easily do a 20x", "It can do a 20x easily"])
def test_hoped_for_multiple_is_no_leverage(tail):
    _, d = _d(f"#BONK LONG\nEntry 0.0000210\nTP 0.0000230\nSL 0.0000198\n{tail}")
    assert d["leverage"] is None and d["market"] is None
    assert d["entries"] == [0.000021]


@pytest.mark.parametrize("text", [
    "#BONK 做多 20倍\n入场 0.0000210\n止盈 0.0000230\n止损 0.0000198",
    "#BONK 롱 20배\n진입 0.0000210\n익절 0.0000230\n손절 0.0000198",
    "#BONK LONG\nLeverage 20x\nEntry 0.0000210\nTP 0.0000230\nSL 0.0000198",
])
def test_written_leverage_still_read(text):
    _, d = _d(text)
    assert d["leverage"] == 20


@pytest.mark.parametrize("text,symbol", [
    # (session 13: a USD quote glued to the coin is kept, as every written quote is — "ETHUSD_PERP" is Binance's
    # coin-margined contract; bo1-028)
    ("SOLUSD-PERP long 150 tp 158 sl 145", "SOL/USD"),
    ("SOLUSDT-PERP long 150 tp 158 sl 145", "SOL/USDT"),
    ("ETH-PERPETUAL LONG 3400 SL 3350 TP 3480", "ETH/USDT"),
    ("SOL-PERP long 150 tp 158 sl 145", "SOL/USDT"),
])
def test_perpetual_symbol_forms(text, symbol):
    _, d = _d(text)
    assert d["symbol"] == symbol and d["market"] == "futures"


def test_japanese_spot_word_glued_to_the_tag():
    _, d = _d("#ADA現物 買い 0.62 利確 0.66 損切り 0.59")
    assert d["symbol"] == "ADA/USDT" and d["market"] == "spot"
