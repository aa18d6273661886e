"""Opens (session 8, lead): families found on the open path, as structures with look-alikes.

Every case is my own wording of a structure, never a corpus row.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

D = Decimal


@pytest.mark.parametrize("text, entries", [
    ("#AAVE SHORT @186.6-187.5\nTP 182 / 178\nSL 190.2", [D("186.6"), D("187.5")]),
    ("#SOL BUY @142.10\nTP 146 / 150\nSL 138.4", [D("142.10")]),
    ("$LINK long @14.20 - 14.45\nTargets 14.9 | 15.4\nStop 13.85", [D("14.20"), D("14.45")]),
    ("#ETHUSDT SELL Entry: @3439~3443\nTP1: 3430\nTP2: 3420\nSL: 3450", [D("3439"), D("3443")]),
])
def test_a_price_glued_to_an_at_sign_is_a_price_not_a_telegram_handle(text, entries):
    # ("@186" was removed as a username: the entry became ".6", and a zone lost its first end)
    assert list(parse_message(text).entries) == entries


@pytest.mark.parametrize("text", [
    "#SOL LONG @CryptoKingVIP\nEntry 142.1\nTP 146 / 150\nSL 138.4",
    "#SOL LONG\nEntry 142.1\nTP 146 / 150\nSL 138.4\nJoin @sig_channel2024 for more",
])
def test_a_username_is_still_dropped_with_its_digits(text):
    parsed = parse_message(text)
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == ([D("142.1")], [D("146"), D("150")],
                                                                            D("138.4"))


@pytest.mark.parametrize("text, symbol", [
    ("비트코인 롱\n진입: 96800 ~ 97200\n목표: 98500 / 100000\n손절: 95900", "BTC/USDT"),
    ("이더리움을 숏 3180\n익절 3100\n손절 3230", "ETH/USDT"),
    ("以太坊 做空 3180附近\n止盈 3100 3050\n止损 3230", "ETH/USDT"),
    ("比特币现金 做多 452-455\n止盈 462 / 470\n止损 445", "BCH/USDT"),  # the longer name first: not BTC
    ("ビットコイン ロング 96800\n利確 98500\n損切り 95900", "BTC/USDT"),
    ("บิตคอยน์ ลอง 96800\nTP 98500\nSL 95900", "BTC/USDT"),
    ("بيتكوين شراء 96800\nالهدف 98500\nوقف 95900", "BTC/USDT"),
])
def test_a_coin_written_only_by_its_name_in_another_script_is_read_and_held(text, symbol):
    # (Chinese, Japanese, Thai and Korean names were split letter by letter and never matched: "no coin named")
    parsed = parse_message(text)
    assert (parsed.symbol, parsed.tradable) == (symbol, False)


@pytest.mark.parametrize("text", [
    "비트겟 선물 롱\n진입 3180\n익절 3250\n손절 3100",  # Bitget, the exchange: starts like 비트 (BTC) but is no name
    "比特币 和 以太坊 做多 3180\n止盈 3250\n止损 3100",  # two coins named: which one is not a reading we make
])
def test_a_word_that_only_starts_like_a_name_or_two_names_give_no_coin(text):
    assert parse_message(text).symbol is None


@pytest.mark.parametrize("text, targets", [
    ("🇬🇧 #SOL Long from 142.5, targets 146-150-155, stop 138\n🇪🇸 #SOL Largo desde 142.5, objetivos 146-150-155, stop 138",
     [D("146"), D("150"), D("155")]),
    ("#ADA LONG\nEntry 0.85\nTP1 0.90 TP2 0.95\nSL 0.80\nRecap: TP 0.90 / 0.95", [D("0.90"), D("0.95")]),
])
def test_a_whole_target_ladder_written_twice_is_read_once(text, targets):
    # (the restated call read as six targets out of order, and the open was held)
    parsed = parse_message(text)
    assert (list(parsed.targets), parsed.tradable) == (targets, True)


def test_one_target_written_twice_stays_held():
    # ("TP 0.90 0.90": a typo or a missing second target — which one is not ours to guess)
    assert not parse_message("#ADA LONG\nEntry 0.85\nTP 0.90 0.90\nSL 0.80").tradable


@pytest.mark.parametrize("text", [
    "#LINK LONG\nEntry: 14.30\nTP: 14.9 / 15.5\nCut loss: 13.40",
    "#LINK LONG\nBeli: 14.30\nJual: 14.9 / 15.5\nCutloss 13.40",
    "#LINK spot buy\n▪️ buy: 14.30\n▪️ sell: 14.9 / 15.5\n▪️ cut: 13.40",
])
def test_cut_loss_is_the_stop(text):
    # ("Cut loss: 3.290", the Malaysian / Indonesian / Indian English stop label, was not read: the open was held)
    parsed = parse_message(text)
    assert (parsed.stop_loss, parsed.tradable) == (D("13.40"), True)


@pytest.mark.parametrize("text, symbol", [
    ("【现货推荐】FET\n买入区间：1.365-1.410\n止盈：1.48 / 1.56 / 1.67\n止损：1.29", "FET/USDT"),
    ("【合约策略】BCH\n入场：446-452\n止盈：462 / 471\n止损：438", "BCH/USDT"),
    ("SHORT: RNDR\nEntry 7.05\nTP 6.80\nSL 7.30", "RNDR/USDT"),
    ("做多：ARB\n入场 0.512\n止盈 0.53\n止损 0.50", "ARB/USDT"),
])
def test_a_ticker_closing_a_chinese_bracket_heading_or_the_side_heading_is_read_and_held(text, symbol):
    # (a Chinese heading is tokenised letter by letter, so "【现货推荐】" counted as four unknown words, too many for a
    # heading; and a ticker after the side word and a colon was no coin at all)
    parsed = parse_message(text)
    assert (parsed.symbol, parsed.tradable) == (symbol, False)


@pytest.mark.parametrize("text, symbol", [
    ("🟢 LONG SIGNAL - SOL\n\nEntry: 168.40\nTP: 172.90\nSL: 164.80", "SOL/USDT"),
    ("🚨 AI SIGNAL — AVAX\nDirection: SHORT\nEntry: 30.85\nStop Loss: 31.42\nTake Profit: 29.70", "AVAX/USDT"),
    ("Signal #2231 🔔 | RUNE\nDirection: Long\nBuy zone: 5.14–5.22\nT1: 5.31 | T2: 5.42\nInvalidation: 4.97", "RUNE/USDT"),
    ("🔔 LONG SETUP: RNDR\n• Entries: 7.05 / 6.82\n• TP: 7.40, 7.75\n• SL: 6.55", "RNDR/USDT"),
])
def test_a_ticker_after_a_signal_heading_and_a_separator_is_read_and_held(text, symbol):
    parsed = parse_message(text)
    assert (parsed.symbol, parsed.tradable) == (symbol, False)


def test_a_heading_of_other_words_names_no_coin_by_this_rule():
    # ("WEEKLY OUTLOOK - RNDR": not a signal heading; the post has no tag or pair either)
    assert parse_message("WEEKLY OUTLOOK - RNDR\nEntry 7.05\nTP 7.30\nSL 6.80").tradable is False


@pytest.mark.parametrize("text, symbol", [
    ("$ЕТН лонг\nвход - 3285\nстоп - 3190\nтейк - 3460", "ETH/USDT"),  # Е, Т, Н are Cyrillic
    ("#ВТС шорт\nвход 96000\nстоп 97000\nтейк 94000", "BTC/USDT"),  # В, Т, С are Cyrillic
])
def test_a_tag_typed_in_cyrillic_look_alike_capitals_is_the_latin_ticker_we_know(text, symbol):
    assert parse_message(text).symbol == symbol


def test_a_russian_word_tag_of_look_alike_letters_is_no_coin():
    # ("#СЕКРЕТ", "secret", is written only with letters that look Latin; CEKPET is no coin we know)
    assert parse_message("#СЕКРЕТ лонг 1.84 стоп 1.80 тейк 1.90").symbol is None


@pytest.mark.parametrize("text, symbol", [
    ("⚡️FLASH SHORT⚡️ $BOME\nMarket entry\nTP 0.00612 / 0.00598 / 0.00575\nSL 0.00648\n20x cross", "BOME/USDT"),
    ("QUICK SHORT $BOME\nMarket entry\nTP 0.00612 / 0.00598\nSL 0.00648", "BOME/USDT"),
])
def test_a_capitalised_heading_word_before_the_side_yields_to_a_cashtag(text, symbol):
    # (the heading word and the cashtag counted as two coins, and the post was dropped as a list of calls)
    assert parse_message(text).symbol == symbol
