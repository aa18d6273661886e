"""Session 12, f17d (review 17, B1/B3/B4/B7/B8 and the matching safe misses of C): a "close" of something other
than a position (eyes, an app, a chart, a price gap, an exchange's withdrawals) is no close; a close said for later,
on a condition or as a plan, is not a close now; a close-all command keeps the coin of the market talk beside it out
of its target; Turkish tickers with an apostrophe suffix ("BTC'yi", "SOL'de") name the coin; a close beside another
coin's running trade does not take that trade's side; German and Hindi imperative closes after the coin are read."""

import pytest
from verzek.parsing import parse_message


def _read(text: str) -> dict:
    return parse_message(text).to_expected_dict()


@pytest.mark.parametrize("text", [
    "Close your eyes and keep holding AVAX",
    "Close the app for today and chill, our BTC long is doing fine",
    "Close your charts, take a walk, SOL will be fine",
    "Grafiği kapat, AVAX uzun vadede yükselir",
    "The weekend CME gap on ETH closed at 3,410 ✅",
    "SOL finally closed the daily gap at 148.5",
    "AVAX swept the lows and closed the 1H FVG",
    "OKX closed SOL withdrawals during the upgrade",
    "Kraken has closed DOT deposits for now",
])
def test_close_of_something_else_is_no_close(text):
    read = _read(text)
    assert read["kind"] != "close", read
    assert not parse_message(text).tradable


@pytest.mark.parametrize("text", [
    "AVAX will be closed at TP3",
    "Our DOT trade will be closed at 7.90 (TP2)",
    "Close AVAX at 29 if it gets there",
    "Plan: close SOL at 175",
    "SOL 到 175 平仓",
    "BNB 到 650 就平仓",
    "SOL будет закрыт на TP2",
    "AVAX wird bei TP3 geschlossen",
])
def test_close_for_later_is_not_a_close_now(text):
    read = _read(text)
    assert read["kind"] == "not_a_signal", read


@pytest.mark.parametrize("text, side", [
    ("SOL looks heavy: close all alt longs", "long"),
    ("BTC is ripping 🚀 close all shorts now!", "short"),
])
def test_close_all_beside_market_talk_names_no_coin(text, side):
    read = _read(text)
    assert read["kind"] == "close" and read["symbol"] is None and read["side"] == side, read


@pytest.mark.parametrize("text, kind, symbol", [
    ("SOL'de TP2 geldi ✅", "update", "SOL/USDT"),
    ("AVAX'ta %50 kâr al, stopu girişe çek", "update", "AVAX/USDT"),
    ("DOT'u kapattık ✅ +11%", "close", "DOT/USDT"),
    ("LINK'i hemen kapatın", "close", "LINK/USDT"),
    ("ARB'de stop olduk ❌", "close", "ARB/USDT"),
])
def test_turkish_apostrophe_suffix_names_the_coin(text, kind, symbol):
    read = _read(text)
    assert read["kind"] == kind and read["symbol"] == symbol, read


def test_turkish_apostrophe_suffix_on_a_card():
    read = _read("AVAX'ta SHORT fırsatı\nGiriş: 31.5\nHedef: 30 / 29\nStop: 32.4")
    assert read["kind"] == "open" and read["symbol"] == "AVAX/USDT" and read["side"] == "short", read


@pytest.mark.parametrize("text", [
    "SOL long still running, stop raised to 150. AVAX closed +14%",
    "Note: SOL short still open, SL moved to 160. AVAX closed.",
])
def test_close_does_not_take_the_other_coins_side(text):
    read = _read(text)
    assert read["kind"] == "close" and read["symbol"] == "AVAX/USDT" and read["side"] is None, read


@pytest.mark.parametrize("text, symbol", [
    ("SOL jetzt schließen", "SOL/USDT"),
    ("AVAX sofort schließen", "AVAX/USDT"),
    ("SOL अभी बंद करो", "SOL/USDT"),
    ("#AVAX को अभी बंद करें", "AVAX/USDT"),
    ("SOL schließen wir jetzt", "SOL/USDT"),
])
def test_imperative_close_after_the_coin(text, symbol):
    read = _read(text)
    assert read["kind"] == "close" and read["symbol"] == symbol, read


# Guards: genuine closes keep their reading.
@pytest.mark.parametrize("text, symbol, side", [
    ("Close AVAX now", "AVAX/USDT", None),
    ("Close all positions immediately", None, None),
    ("#DOT closed at TP2", "DOT/USDT", None),
    ("Закрываем SOL", "SOL/USDT", None),
    ("Close all SOL longs", "SOL/USDT", "long"),
    ("SOL longs: close all", "SOL/USDT", "long"),
    ("AVAX long closed, SOL still running", "AVAX/USDT", "long"),
    ("AVAX trade will be closed now", "AVAX/USDT", None),
    ("SOL 已到 175 平仓", "SOL/USDT", None),
    ("Close SOL if you still hold it", "SOL/USDT", None),
    ("AVAX wurde bei TP2 geschlossen", "AVAX/USDT", None),
    ("SOL will now be closed", "SOL/USDT", None),
])
def test_genuine_closes_kept(text, symbol, side):
    read = _read(text)
    assert read["kind"] == "close" and read["symbol"] == symbol and read["side"] == side, read
