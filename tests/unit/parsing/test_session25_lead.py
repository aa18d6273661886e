"""Session 25, lead: (1) a stablecoin quoted in a local currency ("USDT/IRT" on Nobitex, "USDT/TRY", "BTC/IDR" on
Indodax) is read as the pair written and held as one we cannot trade — "USDT/IRT long …" had traded IRT/USDT, the
currency read as a coin; (2) a spot card that names the futures market only to rule it out ("Ini spot ya, bukan
futures", "spot, not futures") is spot, not "both markets said"."""

import pytest
from verzek.domain.signals import MarketType, MessageKind
from verzek.parsing import parse_message


@pytest.mark.parametrize(("text", "symbol"), [
    ("USDT/IRT long 108200 tp 112500 sl 105900", "USDT/IRT"),
    ("جفت: USDT/IRT\nخرید تتر\nورود: ۱۰۸٬۲۰۰ تا ۱۰۹٬۰۰۰\nتارگت: ۱۱۲٬۵۰۰\nحد ضرر: ۱۰۵٬۹۰۰", "USDT/IRT"),
    ("Pair: USDT/TRY buy 34.10 tp 35 sl 33.5", "USDT/TRY"),
    ("USDC/EUR short 0.93 tp 0.91 sl 0.95", "USDC/EUR"),
    ("BTC/IDR long 1500000000 tp 1600000000 sl 1450000000", "BTC/IDR"),
    ("#ETH/VND mua 85.000.000 tp 90.000.000 sl 80.000.000", "ETH/VND"),
])
def test_a_pair_quoted_in_a_local_currency_is_read_as_written_and_held(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == symbol
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#IRT LONG 0.0123 TP 0.0130 SL 0.0118",  # a coin's own tag, not a pair: nothing changes for it
    "ETH/USDT LONG 3400 TP 3600 SL 3300",
    "#SOL LONG 142 TP 150 SL 138\nUSDT/TRY is at 34.1 today",  # a rate named under a call: the call's coin stays
])
def test_coins_and_usdt_pairs_are_read_as_before(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol != "USDT/TRY" and not (parsed.symbol or "").startswith("USDT/")


@pytest.mark.parametrize("text", [
    "🛒 Beli SPOT #NEAR\nHarga beli: 2,41 - 2,46\nTarget jual: 2,60 / 2,78\nCut loss: 2,29\nIni spot ya, bukan futures.",
    "#ETH spot buy 3400, not futures. TP 3600 SL 3300",
    "#ETH SPOT LONG 3400 TP 3600 SL 3300 (no perps, no leverage)",
    "#ETH spot alım 3400 TP 3600 SL 3300 — futures değil",
    "#ETH спот покупка 3400 TP 3600 SL 3300, не фьючерсы",
    "#ETH mua spot 3400 TP 3600 SL 3300, không phải futures",
])
def test_a_spot_card_that_rules_futures_out_is_spot(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.market == MarketType.SPOT


@pytest.mark.parametrize("text", [
    "#ETH LONG 3400 TP 3600 SL 3300 not spot, futures 5x",
    "#ETH LONG 3400 TP 3600 SL 3300 — spot or futures, your choice",  # both said: left open
])
def test_futures_said_without_a_denial_is_not_read_as_spot(text):
    assert parse_message(text).market != MarketType.SPOT


@pytest.mark.parametrize(("text", "entries", "stop"), [
    ("#SOL/TRY alım\nGiriş: 6.680 - 6.760 ₺\nHedef 1: 6.950 ₺\nStop: 6.490 ₺", ["6680", "6760"], "6490"),
    ("#AVAX/EUR kaufen\nEinstieg: 1.180 €\nZiel: 1.260 €\nStop: 1.120 €", ["1180"], "1120"),
])
def test_levels_written_with_point_thousands_beside_the_lira_or_euro_are_thousands(text, entries, stop):
    from decimal import Decimal
    parsed = parse_message(text)
    assert list(parsed.entries) == [Decimal(e) for e in entries] and parsed.stop_loss == Decimal(stop)
    assert not parsed.tradable  # (a fiat-quoted pair is held whatever its numbers)


@pytest.mark.parametrize("text", [
    "#SOL/TRY alım\nGiriş: 6.680 - 6.760\nHedef 1: 6.950\nStop: 6.490",  # no currency sign: the literal reading stays
    "ADA kaufen 0.950 € Ziel 1.050 € Stop 0.900 €",  # a level under 1: a decimal point, not thousands
])
def test_point_numbers_without_a_grouping_currency_keep_their_decimal_reading(text):
    from decimal import Decimal
    entries = parse_message(text).entries
    assert entries and all(e < Decimal(10) for e in entries)
