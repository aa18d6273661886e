"""Session 20, lead: fiat-priced cards, "to be safe" stops, point-grouped millions and translations of a call.

- A card whose prices carry a fiat currency ("2.950 €", "€2950", "5,80 TL", "₹14,500") is a card on that currency's
  market: the coin named alone takes that quote, a pair written against USDT is held (the prices are not its prices),
  and any pair quoted in a fiat currency is held — a follower's size and balance are in the quote currency. A sum of
  money elsewhere in the post ("risk 50 € per trade") is no price of the card.
- "Move the stop to be safe" says why, not where: no breakeven is read from the verb "be" ("SL to BE" still is).
- "3.350.000" (two grouping points) is three million three hundred fifty thousand; a date "12.11.2026" is not.
- A translation of the channel's call said to be the one above, the same one, or no new trade restates it (an update),
  never a second open.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable


# --- fiat-priced cards ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("AVAX Long bei 31,20 €\nZiel 32,40 € / 33,90 €\nSL 30,10 €", "AVAX/EUR"),
    ("AVAX long entry €31.20 tp €32.40 / €33.90 sl €30.10", "AVAX/EUR"),
    ("#AVAX AL\nGiriş: 1.290 TL\nHedef: 1.340 TL / 1.395 TL\nStop: 1.250 TL", "AVAX/TRY"),
    ("#AVAX buy ₹2,650 target ₹2,760 / ₹2,880 stop ₹2,540", "AVAX/INR"),
    ("#AVAX long\nEntry 24.10 £\nTP 25.00 £\nSL 23.40 £", "AVAX/GBP"),
])
def test_prices_in_a_fiat_currency_are_that_market_and_held(text, symbol):
    parsed = parse_message(text)
    assert parsed.symbol == symbol
    assert _held(parsed)


def test_a_usdt_pair_with_euro_prices_is_held():
    parsed = parse_message("AVAX/USDT long entry 31,20 € tp 32,40 € sl 30,10 €")
    assert parsed.symbol == "AVAX/USDT"
    assert _held(parsed)
    assert "prices in EUR" in parsed.rejected


@pytest.mark.parametrize("text", [
    "#AVAX long entry 31.20 tp 32.40 / 33.90 sl 30.10\nRisk max 50 € per trade",
    "#AVAX long entry 31.20 tp 32.40 / 33.90 sl 30.10\nVIP lifetime only 99 € this week",
    "#AVAX long entry 31.20 tp 32.40 / 33.90 sl 30.10 (1 try only)",
])
def test_a_sum_of_money_beside_a_usd_card_changes_nothing(text):
    parsed = parse_message(text)
    assert parsed.symbol == "AVAX/USDT"
    assert parsed.tradable
    assert parsed.entries == (Decimal("31.20"),)


def test_a_written_fiat_pair_is_held_even_without_currency_signs():
    parsed = parse_message("#AVAX/TRY LONG\nEntry 1290\nTP 1340 / 1395\nSL 1250")
    assert parsed.symbol == "AVAX/TRY"
    assert _held(parsed)
    assert "fiat currency" in parsed.rejected


# --- "to be safe" is no breakeven -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Move your stop to be safe, fam",
    "#SOL move SL to be careful here",
    "shift the stop to be on the safe side",
    "set stop to be sure nothing wicks us",
])
def test_to_be_safe_is_no_breakeven(text):
    parsed = parse_message(text)
    assert parsed.update_action != UpdateAction.MOVE_SL_BREAKEVEN
    assert UpdateAction.MOVE_SL_BREAKEVEN not in parsed.also_actions


@pytest.mark.parametrize("text", ["Move SL to BE now", "SL to be.", "TP1 done, stop to be", "moved stop to BE 🔒"])
def test_be_as_breakeven_still_reads(text):
    assert parse_message(text).update_action == UpdateAction.MOVE_SL_BREAKEVEN


# --- point-grouped millions -------------------------------------------------------------------------------------------


def test_two_grouping_points_are_thousands():
    parsed = parse_message("#BTC/TRY LONG\nGiriş: 3.710.000\nHedef: 3.820.000\nStop: 3.640.000")
    assert parsed.entries == (Decimal(3710000),)
    assert parsed.targets == (Decimal(3820000),)
    assert parsed.stop_loss == Decimal(3640000)


def test_a_date_is_no_grouped_number():
    parsed = parse_message("📅 12.11.2026 #AVAX LONG entry 31.2 tp 32.4 sl 30.1")
    assert parsed.entries == (Decimal("31.2"),)


# --- a translation of the call above ----------------------------------------------------------------------------------


@pytest.mark.parametrize("heading", [
    "🇷🇺 Перевод: тот же сигнал, что выше — повторно не входим",
    "🇹🇷 Türkçe çeviri — yukarıdaki sinyal, yeni işlem değil",
    "🇪🇸 Traducción de la señal de arriba (no es una nueva operación)",
    "🇧🇷 Tradução do sinal acima, não é um novo trade",
    "🇩🇪 Übersetzung des Signals oben — kein neuer Trade",
    "Translation for our Spanish members: same call as above",
])
def test_a_translation_of_the_call_above_is_no_second_open(heading):
    parsed = parse_message(f"{heading}\n\n#AVAX/USDT LONG\nEntry 31.20 - 31.60\nTargets 32.40 / 33.90\nStop 30.10\n10x")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "AVAX/USDT"
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#AVAX/USDT LONG\nEntry 31.20 - 31.60\nTargets 32.40 / 33.90\nStop 30.10\n10x\nTranslation in the comments 👇",
    "#AVAX/USDT LONG\nEntry 31.20 - 31.60\nTargets 32.40 / 33.90\nStop 30.10\n10x",
])
def test_a_card_that_only_mentions_a_translation_still_opens(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable


# --- a member's trade discussed -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Nice screenshot! Short APT from 8.10, TP 7.60, SL 8.45 — that's your own trade, not a channel call though",
    "Re your DM: long OP 1.90 tp 2.10 sl 1.80 x5. It's your setup, not our signal, size accordingly",
    "#OP LONG 1.90 tp 2.10 sl 1.80 — example only, not a VIP signal",
])
def test_a_members_trade_or_a_non_channel_call_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_your_call_as_a_decision_does_not_stop_a_card():
    parsed = parse_message("#OP LONG\nEntry 1.90\nTP 2.10 / 2.25\nSL 1.80\nLeverage is your call, 5x max")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.tradable
