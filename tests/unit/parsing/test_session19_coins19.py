"""Session 19, fixer coins19: a bare ticker heading a complete card, and direction-only teasers (blind_z16..z23).

Every case is written in its own words, never a corpus row. A capitalised ticker is the coin when a run of market words
and dashes ends in the side word ("ONDO — SPOT buy"), when a re-entry word names it ("re-entry SUI"), when Tagalog
pronouns and articles stand between the side word and it ("Short natin si AVAX"), and when it stands in the sentence of a
fill. A coin and a side with the levels, or the call, promised for a few minutes on is a direction-only open — held,
never traded; a question, a condition, a look back or another trader's trade stays no call.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a bare ticker, then market words and dashes, then the side word ------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("TIA — SPOT buy 🟢\nBuy zone 7.10 - 7.40\nTargets\n• 8.00\n• 8.60\nSL 6.70\nLong hold, DA narrative is hot.",
     "TIA/USDT", Side.LONG),
    ("ARB | Futures | Short\nEntry 1.120\nTP 1.080 / 1.040\nSL 1.160\nNFA, BTC may drag it.", "ARB/USDT", Side.SHORT),
    ("INJ - spot - buy\nBuy 21.5\nTP 23.0 / 24.8\nSL 20.4\nWeekly RSI looks fine, DYOR.", "INJ/USDT", Side.LONG),
])
def test_a_bare_ticker_across_market_words_names_the_card(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert parsed.side == side
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    # (a word other than a market word between them: no run — two bare words, which is meant is a guess)
    "TIA — strong spot buy 🟢\nBuy zone 7.10 - 7.40\nTargets 8.00 / 8.60\nSL 6.70\nRWA narrative is hot.",
    "TIA — my spot buy 🟢\nBuy zone 7.10 - 7.40\nTargets 8.00 / 8.60\nSL 6.70\nRWA narrative is hot.",
])
def test_no_run_to_the_side_word_names_no_coin(text):
    parsed = parse_message(text)
    # (session 21, en45: the one known ticker heading a full card names it — held for an operator, never traded)
    assert parsed.symbol in (None, "TIA/USDT")
    assert not parsed.tradable and (parsed.symbol is None or "held for review" in parsed.rejected)


# --- a re-entry word before the ticker --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("re-entry APT 🔁\nlong 8.40-8.55\nlev 5x\ntargets 8.90, 9.30\nstop 8.10\nsame idea, better price", "APT/USDT"),
    ("RE-ENTER LINK\nbuy 13.20 - 13.40\ntp 14.10 / 14.80\nsl 12.70", "LINK/USDT"),
    ("Reload ORDI ♻️\nshort 41.0-41.8\ntargets 39.5, 38.2\nstop 43.0", "ORDI/USDT"),
])
def test_a_ticker_after_a_reentry_word_is_the_coin(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert parsed.entry_type == EntryType.RANGE
    assert parsed.tradable


def test_an_unknown_word_after_a_reentry_word_is_held():
    parsed = parse_message("re-entry ZORP\nlong 0.0410-0.0425\ntargets 0.046, 0.049\nstop 0.038")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "ZORP/USDT"
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "RE-ENTRY ALERT\nlong 4.95-5.00\ntargets 5.18, 5.35\nstop 4.78",
    "Reload NOW\nlong 4.95-5.00\ntargets 5.18, 5.35\nstop 4.78",
])
def test_a_word_after_a_reentry_word_that_is_no_coin_names_none(text):
    parsed = parse_message(text)
    assert parsed.symbol is None
    assert not parsed.tradable


# --- Tagalog words between the side word and the coin ----------------------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("Long natin si SOL ngayon 🚀\nEntry 182.40\nTP 186 / 190\nSL 178.50\n10x lang mga boss", "SOL/USDT", Side.LONG),
    ("Short tayo sa DOGE dito\nEntry 0.3810\nTP 0.3700 / 0.3590\nSL 0.3920", "DOGE/USDT", Side.SHORT),
    ("Long ang LINK mga idol\nEntry 13.40\nTP 14.10\nSL 12.90", "LINK/USDT", Side.LONG),
])
def test_a_ticker_after_tagalog_pronouns_and_articles_is_the_coin(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert parsed.side == side
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    # ("si" is the Spanish and French "if": only after a Tagalog pronoun)
    "Short si AVAX\nEntry 27.85\nTP 27.20\nSL 28.60",
    "Short si BTC pierde 60000, objetivo 58000, stop 61000",
])
def test_si_alone_names_no_coin(text):
    parsed = parse_message(text)
    assert parsed.symbol is None
    assert not parsed.tradable


# --- a ticker in the sentence of a fill -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("SOL third entry 141.20 filled, avg 144.05. Stop unchanged at 138.00", "SOL/USDT"),
    ("BNB entry 2 at 588 filled ✅ avg 596, SL stays 571", "BNB/USDT"),
])
def test_a_ticker_in_the_fill_sentence_names_the_update(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert parsed.symbol == coin


def test_a_ticker_in_another_sentence_than_the_fill_names_no_coin():
    parsed = parse_message("ETH dumping. Second entry 3725 filled, avg 3702. SL unchanged at 3790")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert parsed.symbol is None


# --- direction-only teasers: an open with no level, never traded ------------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("LONG #OP dropping in 5 min ⏳ get ready", "OP/USDT", Side.LONG),
    ("Next VIP signal: SHORT #ARB — coming in ~5 min", "ARB/USDT", Side.SHORT),
    ("🔔 NEXT CALL IN 15 MINUTES 🔔\nCoin: #SEI Direction: SHORT\nTurn on notifications!\n🦈 Shark Room 🦈",
     "SEI/USDT", Side.SHORT),
    ("🤖 Next bot signal will be a SHORT on #INJ — details in ~5 min. Have your USDT ready on futures.", "INJ/USDT",
     Side.SHORT),
    ("⏳ Siap-siap SHORT #SOL\nEntry & SL menyusul 10 menit lagi. Siapkan margin dulu ya!", "SOL/USDT", Side.SHORT),
    ("Готовим лонг по #ATOM\nВход и стоп дадим через пару минут, будьте на связи", "ATOM/USDT", Side.LONG),
])
def test_a_teaser_is_a_held_direction_only_open(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert parsed.side == side
    assert parsed.entry_type == EntryType.MARKET
    assert parsed.entries == ()
    assert not parsed.tradable


def test_a_margin_to_prepare_names_no_market():
    parsed = parse_message("⏳ Siap-siap LONG #DOT\nDetail entry, TP & SL menyusul 5 menit lagi. Siapkan margin dulu!")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.market is None
    assert not parsed.tradable


def test_a_card_whose_entry_comes_later_is_a_held_open():
    parsed = parse_message("#SUI LONG 🟢\nTP: 2.10 / 2.30\nSL: 1.80\n(điểm vào ae chờ admin cập nhật sau nhé)")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "SUI/USDT"
    assert parsed.entry_type == EntryType.MARKET
    assert parsed.entries == ()
    assert parsed.targets == (Decimal("2.10"), Decimal("2.30"))
    assert parsed.stop_loss == Decimal("1.80")
    assert not parsed.tradable


def test_an_update_written_out_stays_an_update():
    parsed = parse_message("#SUI LONG cập nhật: TP1 hit ✅")
    assert parsed.kind == MessageKind.UPDATE


@pytest.mark.parametrize("text", [
    "Should we SHORT #FET in 5 min?",
    "SHORT #FET coming in 5 min?",
    "If BTC breaks 70k we long, call coming in 5 min",
    "Whale opened a SHORT on #FET, next call coming in 5 min",
    "We shorted #FET yesterday, next call coming in 5 min",
    "Would have been a great SHORT on #FET, next signal in 5 min",
    "LONG #FET in 5 min if BTC holds 60k",
    "Next call coming in 5 min 👀",
])
def test_teaser_lookalikes_are_no_call(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert not parsed.tradable


def test_a_close_beside_the_next_call_stays_a_close():
    parsed = parse_message("#FET SHORT closed ✅ next call coming in 5 min")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "FET/USDT"
