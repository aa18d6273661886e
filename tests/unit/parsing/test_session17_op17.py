"""Session 17, fixer "opens" (blind_z3/z4), own look-alikes in other coins and wording:

- SAFETY: a price under a heading of its own that nothing read, lying among the trade's levels on the entry's side of
  the first target ("Re-buy: 88.90", "Re-entry 88.90", "Average down: 88.90", "Entry: 92.40 (re-buy 88.90)") holds the
  open — it was traded with that rung dropped; where the market is, an indicator, a chart level or a DCA note does not;
- an add-on order heading its line ("add more at", "buy more @", "re-buy", "buy again", nl "bijkopen", de
  "nachkaufen", es/pt "recompra", ru "докупка") is a rung of the entry — not when it waits on a condition;
- a pair named in a sentence of market talk above the call is no quote of the tagged coin heading the side word;
- the market's price or "now" in more languages (kk, ur, ro, de, fr, ar, …) make the entry a market one;
- he "לונג על BNB" / ro "long pe SOL": the coin after "on" (ro "SEMNAL" heading the post is no coin); he "עד",
  nl "tot", ro "până" between two entries: a range;
- "Acumular $POL entre a e b": the coin between the accumulate verb and the zone;
- "anything below 4.10 is good for entry", "4.10 is a good entry": the entry (a past "was a good entry" is none).
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side
from verzek.parsing import parse_message


def _levels(parsed):
    return (parsed.symbol, parsed.side, list(parsed.entries), list(parsed.targets), parsed.stop_loss)


# --- SAFETY: an unread price among the trade's levels holds the open --------------------------------------------------

@pytest.mark.parametrize("line", [
    "Re-entry: 61.20",
    "Average: 61.20",
    "Average down: 61.20",
    "Dip buy: 61.20",
    "Re-long 61.20",
    "Buy more on the dip at 61.20",
    "Rebuy if it reclaims 61.20",
    "Scale in: 61.20",
    "Re-entry: 64.90",  # above the entry, below the first target
])
def test_an_unread_price_between_the_stop_and_the_first_target_holds_the_open(line):
    parsed = parse_message(f"#INJ LONG\nEntry: 63.50\n{line}\nTP: 67 / 70\nSL: 58.40")
    assert parsed.kind == MessageKind.OPEN and parsed.entries == (D("63.50"),)
    assert not parsed.tradable and parsed.rejected


@pytest.mark.parametrize("text", [
    "#INJ LONG\nEntry: 63.50 (re-buy 61.20)\nTP: 67 / 70\nSL: 58.40",
    "#INJ LONG\nEntry: 63.50 and re-entry 61.20\nTP: 67 / 70\nSL: 58.40",
    "#INJ LONG\nEntry: 63.50 then average 61.20\nTP: 67 / 70\nSL: 58.40",
    "#INJ SHORT\nEntry: 63.50\nRe-sell: 65.10\nTP: 60 / 57\nSL: 67.20",
    "#INJ SHORT\nEntry: 63.50\nRe-short 65.10\nTP: 60 / 57\nSL: 67.20",
    "#INJ LONG\nEntry: 63.50\nRe-entry: 61.20\nTP: 67 / 70",  # no stop written
])
def test_an_unread_add_on_price_after_the_entry_or_on_a_short_holds_the_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.entries == (D("63.50"),)
    assert not parsed.tradable


@pytest.mark.parametrize("line", [
    "Current price: 62.10",
    "Support: 61.20",
    "EMA50: 61.20",
    "Güncel fiyat: 62.10",
])
def test_where_the_market_is_or_a_chart_level_does_not_hold_the_open(line):
    parsed = parse_message(f"#INJ LONG\nEntry: 63.50\n{line}\nTP: 67 / 70\nSL: 58.40")
    assert _levels(parsed) == ("INJ/USDT", Side.LONG, [D("63.50")], [D(67), D(70)], D("58.40"))
    assert parsed.tradable


def test_a_dca_note_beside_a_market_entry_still_trades_the_market_entry():
    parsed = parse_message("#LINK/USDT LONG\nEntry: CMP 14.20\nDCA: 13.60\nTP: 14.90 / 15.60\nSL: 13.10\nLev 5x")
    assert parsed.entry_type == EntryType.MARKET and parsed.entries == (D("14.20"),) and parsed.tradable


@pytest.mark.parametrize("text", [
    "#INJ LONG\nEntry: 63.50\nTP: 67 / 70\nSL: 58.40 (below the 60 support)",
    "#INJ LONG\nEntry: 63.50\nTP: 67 / 70\nSL: 58.40 (the last SL was hit at 60.10, so it sits lower now)",
    "#INJ LONG above 61 support\nEntry: 63.50\nTP: 67 / 70\nSL: 58.40",
])
def test_a_sentence_or_a_chart_level_beside_a_price_does_not_hold_the_open(text):
    parsed = parse_message(text)
    assert parsed.entries == (D("63.50"),) and parsed.tradable


# --- an add-on order heading its line is a rung of the entry -----------------------------------------------------------

@pytest.mark.parametrize("line", [
    "add more at 61.20",
    "Add more @ 61.20",
    "Buy more: 61.20",
    "Re-buy: 61.20",
    "Rebuy 61.20",
    "Buy again: 61.20",
    "Bijkopen: 61,20",
    "Nachkaufen bei 61,20",
    "Recompra: 61.20",
    "Докупка: 61.20",
])
def test_an_add_on_order_heading_its_line_is_a_rung_of_the_entry(line):
    parsed = parse_message(f"#INJ LONG\nEntry: 63.50\n{line}\nTP: 67 / 70\nSL: 58.40\nLev 5x")
    assert _levels(parsed) == ("INJ/USDT", Side.LONG, [D("61.20"), D("63.50")], [D(67), D(70)], D("58.40"))
    assert parsed.entry_type == EntryType.LIMIT and parsed.tradable


@pytest.mark.parametrize("line", [
    "add more at 61.20 if it holds",
    "Re-buy at 61.20 after a retest",
    "Buy again when 61.20 is reclaimed",
])
def test_an_add_on_on_a_condition_is_no_rung_and_the_open_is_held(line):
    parsed = parse_message(f"#INJ LONG\nEntry: 63.50\n{line}\nTP: 67 / 70\nSL: 58.40")
    assert parsed.entries == (D("63.50"),) and not parsed.tradable


def test_an_add_on_alone_is_still_an_add_entry_update_not_an_open():
    parsed = parse_message("#INJ add more at 61.20")
    assert parsed.kind == MessageKind.UPDATE and not parsed.tradable


# --- a pair in market talk above the call ------------------------------------------------------------------------------

@pytest.mark.parametrize("talk", [
    "SOL/ETH is breaking out hard this week, alts should follow",
    "Bhai ETHBTC upar ja raha hai toh alts bhi chalenge",
])
def test_a_pair_in_a_sentence_of_market_talk_above_the_call_is_no_quote_of_it(talk):
    parsed = parse_message(f"{talk}\n\nSignal 👇\n#ARB LONG\nEntry 0.812\nTP 0.85 / 0.89\nSL 0.779\nLev 5x")
    assert _levels(parsed) == ("ARB/USDT", Side.LONG, [D("0.812")], [D("0.85"), D("0.89")], D("0.779"))
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    # (the pair with a price of its own, or in a short line, or under the call: which is meant stays a reading)
    "BTC dominance at 54.2%, ETH/BTC 0.052.\n#ARB long 0.812, tp 0.85 / 0.89, sl 0.779",
    "ETH/BTC ratio at 0.052 and climbing today\n#ARB LONG\nEntry 0.812\nTP 0.85 / 0.89\nSL 0.779",
    "Trading ETH/BTC today\n#ARB LONG\nEntry 0.812\nTP 0.85 / 0.89\nSL 0.779",
])
def test_a_pair_quoted_beside_a_price_or_in_a_short_line_still_holds_the_call(text):
    parsed = parse_message(text)
    assert parsed.symbol == "ARB/USDT" and not parsed.tradable


# --- the market's price in more languages ------------------------------------------------------------------------------

@pytest.mark.parametrize("entry_line", [
    "Кіру: нарықтық баға (қазір ~23,40)",
    "انٹری: مارکیٹ پرائس (ابھی 23.40)",
    "Intrare: preț curent ~23,40",
    "Einstieg: Marktpreis (jetzt 23,40)",
    "Entrée : prix du marché (~23,40)",
    "Wejście: cena rynkowa ~23,40",
])
def test_the_markets_price_in_other_languages_is_a_market_entry(entry_line):
    parsed = parse_message(f"#AVAX LONG\n{entry_line}\nTP: 24,50 / 25,80\nSL: 22,60")
    assert parsed.entry_type == EntryType.MARKET and parsed.entries == (D("23.40"),)
    assert parsed.targets == (D("24.50"), D("25.80")) and parsed.stop_loss == D("22.60")


def test_a_market_word_alone_in_another_language_is_a_market_entry_without_a_price():
    parsed = parse_message("📉 #DOT SHORT\nEinstieg: Marktpreis\nZiele: 4,10 – 3,95\nSL: 4,42\nHebel 5x")
    assert parsed.entry_type == EntryType.MARKET and parsed.entries == () and parsed.tradable


def test_a_written_entry_beside_a_limit_word_stays_a_limit():
    parsed = parse_message("#AVAX LONG\nIntrare: 23,40 (limită)\nTP: 24,50 / 25,80\nSL: 22,60")
    assert parsed.entry_type == EntryType.LIMIT


# --- the coin after "on", and "to" between two entries -----------------------------------------------------------------

@pytest.mark.parametrize("text,symbol,side", [
    ("🔔 איתות | שורט על SOL\nכניסה: 182 עד 185\nיעדים: 176, 170\nסטופ: 189", "SOL/USDT", Side.SHORT),
    ("SEMNAL | LONG pe AVAX\nIntrare: 23,10 până la 23,40\nȚinte: 24,50 / 25,80\nStop: 22,60", "AVAX/USDT", Side.LONG),
])
def test_the_coin_after_on_and_a_to_between_two_entries(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.symbol, parsed.side, parsed.entry_type) == (symbol, side, EntryType.RANGE)
    assert parsed.tradable


def test_dutch_tot_between_two_entries_is_a_range():
    parsed = parse_message("#ADA LONG\nInstap: 0,7100 tot 0,7200\nDoelen: 0,7500 / 0,7800\nStop: 0,6900")
    assert parsed.entry_type == EntryType.RANGE and parsed.entries == (D("0.7100"), D("0.7200"))


def test_dutch_op_stays_the_coin_op():
    parsed = parse_message("#OP LONG\nEntry 1.652\nTP 1.72 / 1.79\nSL 1.545")
    assert parsed.symbol == "OP/USDT" and parsed.tradable


# --- accumulate the coin between two prices ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol", [
    ("Acumular $ARB entre 0.812 e 0.776\nAlvos: 0.85 | 0.89\nInvalidação: 0.749", "ARB/USDT"),
    ("Accumulate #ARB between 0.812 and 0.776\nTargets 0.85 / 0.89\nSL 0.749", "ARB/USDT"),
    ("Acumular ARB entre 0.812 y 0.776\nObjetivos: 0.85 / 0.89\nStop: 0.749", "ARB/USDT"),
])
def test_accumulate_the_coin_between_two_prices_is_the_buy_zone(text, symbol):
    parsed = parse_message(text)
    assert _levels(parsed) == (symbol, Side.LONG, [D("0.776"), D("0.812")], [D("0.85"), D("0.89")], D("0.749"))
    assert parsed.entry_type == EntryType.RANGE


def test_whales_accumulating_between_two_prices_is_no_call():
    assert parse_message("Whales accumulate BTC between 60k and 62k, bullish").kind == MessageKind.NOT_A_SIGNAL


# --- a price graded as a place to enter --------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "anything below 0.812 is good for entry",
    "0.812 is a good entry",
    "anything under 0.812 is a great buy zone",
])
def test_a_price_graded_as_a_place_to_enter_is_the_entry(line):
    parsed = parse_message(f"$ARB\n{line}\ntargets 0.85 / 0.89\n0.749 can be stop")
    assert _levels(parsed) == ("ARB/USDT", Side.LONG, [D("0.812")], [D("0.85"), D("0.89")], D("0.749"))
    assert parsed.entry_type == EntryType.LIMIT


def test_a_price_graded_for_a_short_entry_is_the_short_entry():
    parsed = parse_message("$ARB\nanything above 0.812 is good for a short entry\ntargets 0.78 / 0.75\nSL 0.84")
    assert _levels(parsed) == ("ARB/USDT", Side.SHORT, [D("0.812")], [D("0.78"), D("0.75")], D("0.84"))


@pytest.mark.parametrize("text", [
    "$ARB\n0.812 was a good entry\ntargets 0.85 / 0.89\nSL 0.749",
    "ARB at 0.812 is good, holding",
])
def test_a_past_entry_or_praise_is_no_entry(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.OPEN or not parsed.tradable
