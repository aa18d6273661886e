"""Session 25 (money25): three money rows' families and casual closes of a lower-case coin.

Rules:
- A report that counts events ("7 FILLED | 11 TP HITS | 2 SL HITS", "4 targets hit, 1 stopped") is a tally — no status,
  no coin ("HITS", "STOPS" are no coins). A coin's own "TP1 HIT" / "SL hit", and a rung's "Entry 3 cancelled … 2 fills",
  keep their status.
- An entry that waits for a close in Russian / Ukrainian ("только если дневка закроется выше", "лише якщо свічка
  закриється вище", "тільки після закріплення вище") is a conditional card: held, its space-grouped thousands still read
  whole. A plain card in those languages stays tradable.
- A stop told where it already lies ("Stopp liegt auf Einstand", "стоп стоит в безубытке", "stop está no zero a zero")
  beside "no new trades" (keine neuen Trades, новых сделок не …) is a look at the market: no signal. A stop moved now
  ("Stopp jetzt auf Einstand", "SL to entry now") still moves.
- A known ticker in lower case right after a close phrase ("done with avax", "took profits on wif", "cut it. arb …") names
  the closed coin; English-word tickers (link, near, one, dot, ada …) never do.
"""
import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- a report counting events ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🤖 DAILY STATS | 7 NEW | 5 FILLED | 11 TP HITS | 2 SL HITS | 1 EXPIRED",
    "Bot week: 4 targets hit, 1 stopped, 3 expired.",
    "AUTO REPORT — 6 filled · 9 TP hits · 4 SL hits",
])
def test_a_report_counting_events_is_no_status(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol)


@pytest.mark.parametrize("text, kind", [
    ("#AVAX TP1 HIT ✅", MessageKind.UPDATE),
    ("#OP SL HIT ❌", MessageKind.CLOSE),
])
def test_a_coins_own_hit_keeps_its_status(text, kind):
    parsed = parse_message(text)
    assert parsed.kind == kind and parsed.symbol is not None, (parsed.kind, parsed.symbol)


def test_a_rungs_own_number_is_no_count():
    parsed = parse_message("AVAX: Entry 3 cancelled (31.20 not reached).\nTrade stays live with 2 fills, avg ≈ 32.05.")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "AVAX/USDT"


# --- an entry that waits for a close, ru / uk ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#SOL ЛОНГ\nВходим только если дневка закроется выше 152\nВход: 150-151\nЦели: 158 / 165\nСтоп: 145",
    "#SOL ЛОНГ\nВхід лише якщо свічка 4г закриється вище 152\nВхід: 150-151\nЦілі: 158 / 165\nСтоп: 145",
    "#SOL ЛОНГ\nВхід тільки після закріплення вище 152\nВхід: 150-151\nЦілі: 158 / 165\nСтоп: 145",
])
def test_a_russian_or_ukrainian_condition_holds_the_card(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and not parsed.tradable, parsed.rejected


def test_the_held_card_keeps_its_spaced_thousands_whole():
    parsed = parse_message("BTC — ШОРТ\nВходим только если 4ч свеча закроется ниже 96 200\nВход: 96 000–95 800\n"
                           "Цели: 94 500 / 93 800\nСтоп: 97 100\nПлечо: x5")
    assert parsed.kind == MessageKind.OPEN and not parsed.tradable
    assert sorted(parsed.entries) == [95800, 96000] and parsed.stop_loss == 97100, (parsed.entries, parsed.stop_loss)


def test_a_plain_russian_card_stays_tradable():
    parsed = parse_message("#SOL ЛОНГ\nВход: 150-151\nЦели: 158 / 165\nСтоп: 145")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable, parsed.rejected


# --- a stop told where it lies, no new trades ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Guten Morgen! SOL läuft – wir bleiben weiterhin long ab 142, Stopp liegt auf Einstand. Keine neuen Trades vor CPI.",
    "Доброе утро. SOL — всё ещё в лонге от 142, стоп стоит в безубытке. Новых сделок не открываем до CPI.",
    "Bom dia! SOL segue — seguimos long desde 142, stop está no zero a zero. Nenhum trade novo até o CPI.",
    "Morning. SOL still long from 142, stop is at entry. No new trades before CPI.",
])
def test_a_stop_where_it_lies_beside_no_new_trades_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.update_action)


@pytest.mark.parametrize("text", [
    "#SOL Stopp jetzt auf Einstand. Keine neuen Trades vor CPI.",
    "#SOL SL to entry now. No new trades before CPI.",
])
def test_a_stop_moved_now_still_moves(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN, \
        (parsed.kind, parsed.update_action)


# --- a lower-case coin right after a close phrase ------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("done with avax, closed. +6% nice", "AVAX/USDT"),
    ("took profits on wif im out 🎉", "WIF/USDT"),
    ("cut it. arb going nowhere", "ARB/USDT"),
])
def test_a_lower_case_coin_after_a_close_phrase_is_closed(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin, (parsed.kind, parsed.symbol)


@pytest.mark.parametrize("text", [
    "done with link, closed. +4%",
    "took profits on near im out",
    "done with this, closed",
    "cut it. one more day",
])
def test_an_english_word_after_a_close_phrase_names_no_coin(text):
    parsed = parse_message(text)
    assert parsed.symbol is None, (parsed.kind, parsed.symbol)
