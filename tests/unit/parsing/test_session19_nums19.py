"""Session 19, fixer nums19: numbers that are no levels and no leverage (blind_z19..z23 misses), each read as a family.

Every case is written in its own words, never a corpus row. A size split ("60/40") and a leverage ruled out ("no
leverage") set no leverage; a timeframe, a size in USDT and a safety-order count are no prices; a fill report's price
column is the entry; a level's ordinal ("Target 1 complete", "Entry 1 par") is no price; buying "in batches" at two
prices is two orders; a comma card in a comma-decimal language is read with decimals, still held.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MarketType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

D = Decimal

# --- a size split and a leverage ruled out set no leverage ------------------------------------------------------------


@pytest.mark.parametrize("tail", [
    "Spot only bag, no leverage. Split 70/30 between the two buys.",
    "No leverage, 60-40 split across the entries",
    "Leverage: none. Allocation 50/50.",
    "Without leverage — 3% of portfolio, split 50/50",
    "Don't use leverage here, 30/70 allocation",
])
def test_a_size_split_beside_no_leverage_is_no_leverage(tail):
    parsed = parse_message(f"DOT / USDT — SPOT\nBuy 1: 4.42\nBuy 2: 4.18\nTP: 4.80 | 5.10\nSL: 3.95\n{tail}")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.leverage is None
    assert parsed.market == MarketType.SPOT
    assert parsed.entries == (D("4.18"), D("4.42"))
    assert parsed.stop_loss == D("3.95")
    assert parsed.tradable


def test_a_split_line_is_no_alternative_stop():
    parsed = parse_message("ADA/USDT spot\nBuy 1: 0.452\nBuy 2: 0.431\nTP: 0.48 | 0.51\nSL: 0.41\n40/60 allocation")
    assert parsed.stop_loss == D("0.41")
    assert parsed.tradable


def test_a_leverage_written_beside_a_split_stays():
    parsed = parse_message("#DOT long\nBuy: 4.42 and 4.18\nTP: 4.80 | 5.10\nSL: 3.95\nLeverage: 3x. Split 60/40 between buys.")
    assert parsed.leverage == 3
    assert parsed.market == MarketType.FUTURES


def test_a_leverage_range_is_still_a_range():
    # (no sharing word: "20-80" under a leverage label is no split)
    assert parse_message("#DOT long\nEntry 4.42\nTP 4.80\nSL 3.95\nLeverage 5-10x").leverage == 5


def test_a_split_of_prices_summing_to_a_hundred_is_still_prices():
    # (a "60-40" entry zone with no sharing word stays the zone)
    parsed = parse_message("#XYZ long\nEntry 40-60\nTP 70\nSL 35\nLev 5x")
    assert parsed.entries == (D(40), D(60))


# --- "in batches" at two prices is two orders -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#SOL 现货\n分两次买入：142.5 / 136.0\n目标：150、158\n止损：130",
    "#SOL spot\nCompra por partes: 142.5 / 136.0\nObjetivos: 150 / 158\nStop: 130",
    "#SOL\nПокупаем частями: 142.5 / 136.0\nЦели: 150 / 158\nСтоп: 130",
    "#SOL\nKademeli alım: 142.5 / 136.0\nHedefler: 150 / 158\nStop: 130",
    "#SOL spot\nBuy in two batches: 142.5 / 136.0\nTargets: 150 / 158\nStop: 130",
])
def test_buying_in_batches_at_two_prices_is_two_limits(text):
    parsed = parse_message(text)
    assert parsed.entries == (D("136.0"), D("142.5"))
    assert parsed.entry_type == EntryType.LIMIT


@pytest.mark.parametrize("text", [
    "#SOL spot\nEntry: 142.5 / 136.0\nTargets: 150 / 158\nStop: 130",
    "#SOL 现货\n分批买入：142.5 - 136.0\n目标：150、158\n止损：130",
])
def test_a_plain_entry_over_two_prices_stays_a_range(text):
    assert parse_message(text).entry_type == EntryType.RANGE


# --- a timeframe, a size in money and a safety-order count are no prices ----------------------------------------------


@pytest.mark.parametrize("text, entry", [
    ("🔴 SHORT ENTRY | BINANCE:ETHUSDT.P | timeframe=60\nprice=3120.5 | tp1=3050 | sl=3190 | lev=5", D("3120.5")),
    ("🟢 LONG ENTRY | BYBIT:AVAXUSDT.P | TF 240\nprice=24.31 | tp1=25.10 | sl=23.70 | lev=8", D("24.31")),
])
def test_a_webhook_timeframe_is_no_entry(text, entry):
    parsed = parse_message(text)
    assert parsed.entries == (entry,)
    assert parsed.tradable


def test_a_bot_deal_size_and_safety_orders_are_no_levels():
    parsed = parse_message("New deal · SOL/USDT · Long · base order 50 USDT filled @ 142.10 · TP 145.00 · "
                           "safety orders 3 x 2%")
    assert parsed.entries == (D("142.10"),)
    assert parsed.targets == (D("145.00"),)
    assert parsed.leverage is None
    assert parsed.market is None


def test_a_leverage_mark_before_a_risk_share_is_still_leverage():
    parsed = parse_message("#SOL long\nEntry 142.1\nTP 145\nSL 138\nCross 10x 2% of balance")
    assert parsed.leverage == 10


@pytest.mark.parametrize("text, entry, side", [
    (("🤖 FillBot | BYBIT FUTURES\n✅ FILLED  LIMIT SELL  ARBUSDT\nqty 3,000  price 0.7950  lev 8x\n"
     "TP order placed @ 0.7600\nSL order placed @ 0.8150"), D("0.7950"), Side.SHORT),
    (("🟢 [live] Entering LONG on BYBIT: SUI/USDT:USDT\n  tag: ema_cross | lev 3.0 | rate 3.4172\n  stoploss: 3.3100\n"
     "  roi: 3.5200"), D("3.4172"), Side.LONG),
])
def test_a_fill_report_price_column_is_the_entry(text, entry, side):
    parsed = parse_message(text)
    assert parsed.entries == (entry,)
    assert parsed.entry_type == EntryType.LIMIT
    assert parsed.side == side


@pytest.mark.parametrize("text", [
    "#AVAX mevcut fiyattan (24,10) long açıyoruz\n5x\nHedefler: 24,80 - 25,60\nStop: 23,40",
    "#AVAX şu anki fiyattan 24,10 long açıyoruz\n5x\nHedefler: 24,80 - 25,60\nStop: 23,40",
])
def test_a_turkish_price_now_is_the_market_reference(text):
    parsed = parse_message(text)
    assert parsed.entry_type == EntryType.MARKET
    assert parsed.entries == (D("24.10"),)


# --- a level's ordinal is no price ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#OP Target 1 complete ✅ 1.8450\nStop ko Entry 1 par le aayein.",
    "#OP Target 2 complete ✅\nSL ko entry pe kar do",
    "#OP TP1 hit ✅\nstop ko entry par shift karo",
])
def test_a_hinglish_stop_to_entry_is_breakeven(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.symbol == "OP/USDT"


def test_target_complete_alone_is_a_target_hit():
    parsed = parse_message("#OP Target 1 complete ✅ 1.8450 🔥")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.TP_HIT


def test_a_bot_deal_id_tag_is_no_other_coin():
    parsed = parse_message("🤖 #QX-2207 | BTC/USDT LONG\n🎯 Target 1 reached ✅ (64,900)\n🔐 Stop moved to entry (63,800)")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.symbol == "BTC/USDT"


@pytest.mark.parametrize("text, entries", [
    ("#SUI long\nEntry 1 at 3.05 and Entry 2 at 2.9\nTP 3.5\nSL 2.6", (D("2.9"), D("3.05"))),
    ("#SUI long\nEntry 3 and 2.8\nTP 3.5\nSL 2.6", (D("2.8"), D(3))),
    ("#SUI long\nEntry 3 area\nTP 3.5\nSL 2.6", (D(3),)),
])
def test_a_price_of_a_cheap_coin_after_a_level_word_stays_a_price(text, entries):
    assert parse_message(text).entries == entries


# --- a comma card in a comma-decimal language -------------------------------------------------------------------------


def test_an_indonesian_comma_card_is_read_with_decimals_and_held():
    parsed = parse_message("SIGNAL FUTURES\nPair: ARBUSDT\nPosisi: SHORT\nEntry: 0,795\nTP1: 0,770\nTP2: 0,748\n"
                           "SL: 0,812\nLeverage: 10x")
    assert parsed.entries == (D("0.795"),)


def test_a_thousands_comma_card_in_a_comma_language_keeps_ambiguity_held():
    parsed = parse_message("Pair: INJUSDT\nPosisi: LONG\nEntry: 2,135\nTP1: 2,180\nTP2: 2,240\nSL: 2,090\nLeverage: 10x")
    assert parsed.entries == (D("2.135"),)
    assert not parsed.tradable


def test_a_wrong_side_stop_in_a_comma_language_stays_held():
    parsed = parse_message("#ATOM LONG 🟢\nEntrada: 8,235\nAlvos: 8,450 / 8,690\nStop: 8,400\nAlavancagem 5x")
    assert parsed.entries == (D("8.235"),)
    assert not parsed.tradable


def test_a_btc_comma_card_keeps_its_thousands():
    parsed = parse_message("#BTC LONG\nEntrada: 64,250\nAlvos: 65,100 / 66,000\nStop: 65,500\nAlavancagem 5x")
    assert parsed.entries == (D(64250),)
    assert not parsed.tradable
