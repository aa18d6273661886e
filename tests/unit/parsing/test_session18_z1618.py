"""Session 18, z16/z18 fixer: topic tags, zh stop-out reports, the group still open, voided calls and signal ids."""
import pytest
from verzek.parsing.parser import parse_message


def _p(text):
    m = parse_message(text)
    return m, m.to_expected_dict()


@pytest.mark.parametrize("text", [
    "🤖 BOT • DAILY STATS\nOpen trades: 3\nClosed today: 5 (3 ✅ / 2 ❌)\n#stats",
    "Closed today: 7 (5 ✅ / 2 ❌)\nWin rate 71%\n#recap",
    "Weekly numbers\nClosed this week: 12\n#summary #performance",
])
def test_topic_tags_are_no_coin(text):
    _, d = _p(text)
    assert d["kind"] == "not_a_signal" and d["symbol"] is None


def test_real_coin_beside_topic_tags_still_closes():
    _, d = _p("#SOL closed at TP2 ✅\n#results #stats")
    assert d["kind"] == "close" and d["symbol"] == "SOL/USDT"


@pytest.mark.parametrize("text,coin", [
    ("ONDO 跌破 1.21 止损出局 ❌ 亏损 -8%，下一单再来", "ONDO/USDT"),
    ("SOL 跌破 138 止损离场 ❌ 亏损 -4.5%", "SOL/USDT"),
])
def test_zh_broke_and_stopped_out_is_a_close(text, coin):
    _, d = _p(text)
    assert d["kind"] == "close" and d["symbol"] == coin


@pytest.mark.parametrize("text", [
    "SOL 跌破 138 就止损出局",  # (waits for the break)
    "#ETH 跌破3000就出场，亏损-3%",
])
def test_zh_break_that_waits_is_no_close(text):
    _, d = _p(text)
    assert d["kind"] != "close"


@pytest.mark.parametrize("text", [
    "Buenas 🌎 Mañana no habrá señales por el feriado, el grupo sigue abierto para charlar.",
    "Amanhã sem sinais, feriado. O grupo segue aberto para conversar.",
])
def test_group_still_open_is_no_trade(text):
    _, d = _p(text)
    assert d["kind"] == "not_a_signal"


@pytest.mark.parametrize("text", ["#SOL sigue abierto", "#ADA segue aberta, sem mudanças"])
def test_trade_still_open_stays_an_update(text):
    _, d = _p(text)
    assert d["kind"] == "update" and d["symbol"] is not None


@pytest.mark.parametrize("text,coin", [
    ("Ignore the last bot message (DOGE #XY-0311) ❌ it fired too early. Don't open anything on it.", "DOGE/USDT"),
    ("Ignore the last bot message (#WIF)", "WIF/USDT"),
    ("Please ignore our last signal (#DOGE), the bot misfired", "DOGE/USDT"),
    ("#NEAR signal is void. If you already opened it, close it.", "NEAR/USDT"),
])
def test_voided_call_closes(text, coin):
    m, d = _p(text)
    assert d["kind"] == "close" and d["symbol"] == coin and not m.tradable


@pytest.mark.parametrize("text", ["Ignore the noise, #SOL still running", "Ignore the last message about BTC dominance, #ETH long still valid",
                                  "Please ignore the last 'SL hit' alert on #DOT, we are still holding",
                                  "Ignore that 'closed' alert on #ARB — still open"])
def test_ignore_the_noise_is_no_close(text):
    _, d = _p(text)
    assert d["kind"] != "close"


def test_signal_id_is_no_coin_and_corrected_stop_is_an_update():
    m, d = _p("⚠️ Typo in the ADA signal (#QX-0102) — SL is 0.412 not 0.421. Set your stop at 0.412 please")
    assert d["kind"] == "update" and d["symbol"] == "ADA/USDT" and m.new_stop is not None
    assert float(m.new_stop) == 0.412
