"""An `open` that is inconsistent, off-scale or ambiguous is kept for the record but never tradable."""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import check_against_price, parse_message


def rejected_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.rejected, parsed
    assert not parsed.tradable
    return parsed.rejected


@pytest.mark.parametrize("text,why", [
    ("#BTC long entry 64000 tp 66000 sl 65000", "stop"),  # stop above a long entry
    ("#ETH/USDT SHORT\nEntry: 3000\nTargets: 2900 - 2800\nStop: 2950", "stop"),  # stop below a short entry
    ("#ETH short entry 3000 tp 3100 sl 3200", "side says short"),  # words and levels disagree
    ("#SOL/USDT LONG\nEntry: 150\nTargets: 155 - 152 - 160\nStop: 140", "order"),  # targets not rising
    ("#SOL/USDT LONG\nEntry: 150\nTargets: 140 - 160\nStop: 145", "target"),  # a target below entry
])
def test_inconsistent_levels_are_rejected(text, why):
    assert why in rejected_open(text)


@pytest.mark.parametrize("text", [
    "#BTC long entry 64000 tp 66000 sl 6200",  # stop missing a digit
    "#BTC/USDT LONG\nEntry: 64000\nTargets: 650000\nStop: 63000",  # target with an extra digit
    "#AKRO/USDT LONG\nEntry: 0.02835 - 2835\nTarget: 0.0300\nStop: 0.0260",  # one entry without its point
])
def test_price_off_by_orders_of_magnitude_is_rejected(text):
    assert "orders of magnitude" in rejected_open(text)


def test_price_without_decimal_point_is_caught_against_the_market():
    # AKRO traded near 0.028; "2835" is consistent inside the post and only market data can tell.
    parsed = parse_message("#AKRO/USDT\n#LONG\nENTRY : Below 2835\nTARGET 1 : 2898\nSTOP LOSS : 2600")
    assert parsed.rejected is None
    reason = check_against_price(parsed, Decimal("0.02835"))
    assert reason and "orders of magnitude" in reason
    assert check_against_price(parsed, Decimal(2840)) is None


@pytest.mark.parametrize("text,why", [
    ("BTC/USDT and ETH/USDT long entry 64000 tp 66000 sl 63000", "several different symbols"),
    ("#BTC/USDT LONG or SHORT\nEntry: 64000\nTP: 66000\nSL: 63000", "both sides"),
    ("#BTC/USDT\nEntry: 64000 - 64500", None),  # no side, no targets, no stop: nothing to trade
    ("Entry: 0.5\nTarget: 0.6\nStop 0.45", "no coin"),
    ("#ETH #SOL long\nEntry: 100\nTP: 110\nSL: 95", "several different coins"),
    ("#BTC/USDT LONG\nEntry: 64000\nTP: 66000\nSL: 63000\nLeverage: 500x", "leverage"),
])
def test_ambiguous_posts_never_become_tradable(text, why):
    parsed = parse_message(text)
    assert not parsed.tradable
    if why:
        # an inconsistent open carries the reason in `rejected`; a post that is no single trade, in `reason`
        assert why in (parsed.rejected or parsed.reason or "")


def test_side_from_levels_when_words_are_missing():
    parsed = parse_message("AKRO/USDT x10\nEntry : 0.022$ - 0.0225$\nTarget : 0.024$ - 0.026$\nSL : 0.02$")
    assert parsed.side.value == "long" and parsed.tradable


def test_stop_only_as_percentage_is_not_a_price():
    parsed = parse_message("#GTC/USDT SHORT\nEntry: 1.634\nTargets: 1.60 - 1.59\nStop: 5-10%")
    assert parsed.stop_loss is None
    assert parsed.stop_loss_pct == Decimal(5)  # the tighter bound


@pytest.mark.parametrize("text,why", [
    # the buy label is not understood, so the entries would come from the sell (target) line
    # (Hungarian "Vétel" = buy: a language the lexicon does not know)
    ("$LINK Long\nVétel: 14.20\nSell: 14.80 / 15.40\nStop: 13.70", "contradicts the long side"),
    # targets under a heading we do not know: read by where they lie, and held (never traded as read)
    ("#FET/USDT LONG\nEntry: 1.52\nHold for: 1.70 / 1.85\nStop: 1.42", "held for review: targets: read from a line"),
    # ("Stopp" was the unknown word here until it became the Swedish/Norwegian stop label; "Verlustgrenze" is not one)
    ("#LTC/USDT LONG\nEntry: 82 - 84\nTargets: 86 - 88\nVerlustgrenze: 79", "held for review: stop: read from a line"),
    # and under a heading of more than three words (a sentence), no reading at all
    ("#LTC/USDT LONG\nEntry: 82 - 84\nTargets: 86 - 88\nVerlustgrenze liegt heute bei 79", "stop missing"),
    # side word with three bare numbers: which is the entry, target or stop cannot be known
    ("#DOGE long 0.162 0.170 0.155", "no exit level"),
    ("BTCUSDT | LONG | 64000 | 66000 | 63000", "no exit level"),
])
def test_partly_understood_posts_are_never_traded(text, why):
    assert why in rejected_open(text)


def test_header_row_table_is_read_column_by_column():
    parsed = parse_message("Pair | Side | Entry | TP | SL\nBTCUSDT | LONG | 64000 | 66000 | 63000")
    assert parsed.tradable
    assert (parsed.entries, parsed.targets, parsed.stop_loss) == ((Decimal(64000),), (Decimal(66000),), Decimal(63000))


def test_multi_coin_call_lists_are_not_one_signal():
    parsed = parse_message("📌 Long #BTC 64000 tp 66000 sl 63000\n📌 Short #ETH 3500 tp 3400 sl 3560")
    assert parsed.kind == MessageKind.NOT_A_SIGNAL and "several different" in parsed.reason


@pytest.mark.parametrize("text", [
    "#BTC long entry 67.25 tp 68.5 sl 66.1",  # a BTC price under its floor: another coin's or a misplaced point
    "ETH/USDT SHORT\nEntry: 34.2\nTargets: 33.5 - 32.8\nStop: 35",
])
def test_levels_under_a_coins_price_floor_are_rejected(text):
    assert "is not a" in rejected_open(text)


def test_points_as_thousands_separators_are_read_only_where_the_literal_price_is_impossible():
    btc = parse_message("#BTC SHORT\nEntry: 67.250\nTP: 66.800 / 66.100\nSL: 67.900\nx25")
    assert (btc.entries, btc.targets, btc.stop_loss) == ((Decimal(67250),), (Decimal(66800), Decimal(66100)),
                                                          Decimal(67900))
    assert btc.tradable
    # The same digits on a coin that does trade at 67.25 are decimals.
    ltc = parse_message("#LTC SHORT\nEntry: 67.250\nTP: 66.800 / 66.100\nSL: 67.900\nx25")
    assert ltc.entries == (Decimal("67.250"),) and ltc.tradable


def test_spaces_as_thousands_separators_only_when_the_literal_reading_is_inconsistent():
    spaced = parse_message("BTCUSDT.P LONG\nEntry: 67 250\nTP: 67 900 / 68 600\nSL: 66 700\nLeverage: Cross 20x")
    assert (spaced.entries, spaced.targets, spaced.stop_loss) == ((Decimal(67250),), (Decimal(67900), Decimal(68600)),
                                                                   Decimal(66700))
    assert spaced.tradable
    listed = parse_message("#BNB LONG\nEntry: 570\nTP: 585 600 615\nSL: 560")
    assert listed.targets == (Decimal(585), Decimal(600), Decimal(615)) and listed.tradable


@pytest.mark.parametrize("text", [
    "Example setup for beginners (NOT a signal): BTC long 66000, TP 68000, SL 65000",
    "⚠️ Don't buy DOGE here, wait for a pullback to 0.15",
    "Recap of last week's ETH long: entry 3200, TP1 3300 ✅ TP2 3400 ✅ +45% with 10x",
    "Yesterday's #AVAX long from 34.2 hit all targets 🎯 36 / 37.5 / 39",  # a recap, not a late re-post
    "Recap: our XRP short closed at 0.50 for +56% (10x). Congrats 🎉",
])
def test_examples_warnings_and_recaps_are_not_signals(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL and not parsed.tradable


@pytest.mark.parametrize("text", [
    "BTC long if 70k breaks, TP 72k, SL 68k",
    "#ETH long only if we reclaim 3500, targets 3650 / 3800, SL 3420",
    "#SOL LONG\nEntry: 140 (only once 4H closes above 138)\nTP: 150\nSL: 135",
])
def test_entries_waiting_for_a_market_event_are_not_traded(text):
    assert "condition" in rejected_open(text)


def test_a_conditional_stop_is_still_a_stop_price():
    parsed = parse_message("#SOL LONG\nEntry: 140\nTP: 150\nSL: 135 (if 4H closes below)")
    assert parsed.stop_loss == Decimal(135) and parsed.tradable
