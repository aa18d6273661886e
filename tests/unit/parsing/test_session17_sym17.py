"""Session 17, fixer sym17 (symbols, numbers, wording — blind_z5, blind_z7), own look-alikes:

- a ticker with its project's name in brackets names the coin ("Coin: G (Gravity)", "GAS (Neo) — spot buy");
- "Update C98" heading a status names the coin updated;
- still holding in Korean / Japanese ("솔라나 아직 홀딩 중입니다") is progress on the trade — a question is not;
- spaces as thousands separators ("Вход: 67 200") are joined when only the coin-by-name hold remains;
- "Ladder:" over bullet rows is the entries, "Takes:" the targets; "ТВХ" is the entry label (точка входа);
- "around" in other languages before a market tag ("1,42 civarı (piyasa)") keeps a market order;
- a duration ("gửi sau 5 phút", "через 5 минут") is no price; the Vietnamese promise of levels later is a teaser;
- Turkish half sold with the price between the share and the verb ("yarısını 1,55'ten sattık") is a partial close.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, MessageKind, UpdateAction
from verzek.parsing import parse_message

# --- a ticker and its project's name in brackets ---------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol", [
    ("Coin: G (Gravity)\nSide: Short\nEntry: 0.0140\nTP: 0.0131 - 0.0124\nSL: 0.0149", "G/USDT"),
    ("Coin: W (Wormhole)\nDirection: Long\nEntry: 0.30\nTP: 0.33\nSL: 0.28", "W/USDT"),
    ("Pair: T (Threshold)\nLong\nEntry: 0.021\nTP: 0.023\nSL: 0.019", "T/USDT"),
])
def test_labelled_one_letter_ticker_before_its_project_name(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.OPEN, symbol)


@pytest.mark.parametrize("text,symbol,side", [
    ("ONT (Ontology) — spot buy\nBuy: 0.21 - 0.20\nSell: 0.24 / 0.27\nStop: 0.18", "ONT/USDT", "long"),
    ("KAVA (Kava) short setup\nEntry 0.52\nTargets 0.48 / 0.45\nSL 0.55", "KAVA/USDT", "short"),
    ("FLUX (Zelcash)\nlong from 0.61\nTP 0.66 / 0.70\nSL 0.57", "FLUX/USDT", "long"),
])
def test_heading_ticker_before_its_project_name_is_the_coin_held(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side.value) == (MessageKind.OPEN, symbol, side)
    assert not parsed.tradable  # (a project's name we do not know for that ticker: held)


def test_heading_ticker_with_the_name_we_know_for_it():
    parsed = parse_message("SOL (Solana) spot buy\nBuy: 140\nSell: 150 / 160\nStop: 130")
    assert (parsed.kind, parsed.symbol) == (MessageKind.OPEN, "SOL/USDT")


@pytest.mark.parametrize("text,symbol", [
    # a tag elsewhere names the call's coin: the bracketed heading is no rival
    ("ZIL (Zilliqa) looks weak today\n#ARB long\nEntry 1.00\nTP 1.10\nSL 0.90", "ARB/USDT"),
    ("FLUX (Zelcash) spot buy\n$INJ\nBuy: 20\nSell: 22\nStop: 18", "INJ/USDT"),
])
def test_bracketed_heading_gives_way_to_a_tag(text, symbol):
    assert parse_message(text).symbol == symbol


@pytest.mark.parametrize("text", [
    "WARNING (Important)\nBuy: 140\nSell: 150\nStop: 130",
    "DISCLAIMER (Read)\nLong entries: 140\nTP 150\nSL 130",
])
def test_a_note_heading_with_brackets_is_never_traded_as_a_coin(text):
    parsed = parse_message(text)
    assert not parsed.tradable


# --- "Update C98" ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol,action", [
    ("Update C98 🚀\nTP1 0.1530 ✅\nGeser SL ke 0.1480 (entry).", "C98/USDT", UpdateAction.NEW_STOP),
    ("KAVA update\nMove SL to 0.515", "KAVA/USDT", UpdateAction.NEW_STOP),
    ("Update on INJ:\nSL moved to entry", "INJ/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
    ("Обновление по INJ\nСтоп в безубыток", "INJ/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_update_heading_names_the_coin(text, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, action)


@pytest.mark.parametrize("text", [
    "Market update\nSL to entry on all trades",
    "Update\nBTC weak. Move SL to entry",
])
def test_update_heading_without_a_coin_names_none(text):
    assert parse_message(text).symbol is None


# --- still holding, Korean / Japanese --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol", [
    ("이더리움 아직 홀딩 중입니다 💎", "ETH/USDT"),
    ("#AVAX 계속 홀딩합니다", "AVAX/USDT"),
    ("XRP ホールド中です 🙌", "XRP/USDT"),
])
def test_still_holding_in_korean_and_japanese(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.OTHER)


@pytest.mark.parametrize("text", [
    "#ETH 아직 홀딩 중인가요? 댓글로 알려주세요",
    "#ETH 홀딩 중인 분들 힘내세요",
    "#ETH 아직 홀딩하시나요?",
    "皆さん #SOL まだホールドしてますか？コメントで教えてください",
])
def test_asking_who_still_holds_is_no_update(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- spaces as thousands separators ----------------------------------------------------------------------------------

def test_spaced_thousands_with_a_coin_by_its_name():
    parsed = parse_message("Эфириум — ЛОНГ\nВход: 3 120\nЦели: 3 210 / 3 300\nСтоп: 3 040\n\n⏰ 02.07.2024, 09:15")
    assert (parsed.kind, parsed.symbol, parsed.side.value) == (MessageKind.OPEN, "ETH/USDT", "long")
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == ([D(3120)], [D(3210), D(3300)], D(3040))
    assert not parsed.tradable  # (the coin written by its name stays held)


def test_three_spaced_targets_that_are_consistent_stay_three():
    parsed = parse_message("#BNB long\nEntry 570\nTP 585 600 615\nSL 555")
    assert list(parsed.targets) == [D(585), D(600), D(615)]


# --- ladders, "Takes", "ТВХ" ------------------------------------------------------------------------------------------

def test_ladder_heading_over_bullets_and_takes():
    parsed = parse_message("$SUI SHORT (x5)\nLadder:\n• 3.92\n• 4.01\n• 4.10\nTakes: 3.70 — 3.55\nSL 4.30")
    assert (parsed.kind, parsed.symbol, parsed.side.value) == (MessageKind.OPEN, "SUI/USDT", "short")
    assert list(parsed.entries) == [D("3.92"), D("4.01"), D("4.10")]
    assert list(parsed.targets) == [D("3.70"), D("3.55")]
    assert parsed.stop_loss == D("4.30")


def test_entry_ladder_inline_and_profit_takes():
    parsed = parse_message("#SOL long\nEntry ladder: 140 / 137\nProfit takes: 150, 155\nStop 130")
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == ([D(137), D(140)], [D(150), D(155)], D(130))


def test_sell_ladder_stays_the_targets():
    parsed = parse_message("#SOL long\nEntry 140\nSell ladder: 150 / 155 / 160\nSL 130")
    assert (list(parsed.entries), list(parsed.targets)) == ([D(140)], [D(150), D(155), D(160)])


@pytest.mark.parametrize("text,entries", [
    ("Шорт #SUI\nТВХ: 3.92\nДобор: 4.05\nЦели: 3.80 / 3.70\nСтоп: 4.15", [D("3.92"), D("4.05")]),
    ("Шорт #SUI\nТ.вх. 3.92\nЦели 3.80 / 3.70\nСтоп 4.05", [D("3.92")]),
    ("#SUI шорт\nТВХ 1: 3.92\nТВХ 2: 4.00\nЦели 3.80 / 3.70\nСтоп 4.10", [D("3.92"), D("4.00")]),
])
def test_tvh_is_the_entry_label(text, entries):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.entry_type) == (MessageKind.OPEN, "SUI/USDT", EntryType.LIMIT)
    assert sorted(parsed.entries) == sorted(entries)
    assert parsed.tradable


# --- "around" before a market tag ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX long\nGiriş: 27,40 civarı (piyasa)\nHedef: 28,50 - 29,80\nStop: 26,10",
    "#AVAX лонг\nВход: 27.40 около (по рынку)\nЦели: 28.50 / 29.80\nСтоп: 26.10",
    "#AVAX long\nEntrada: 27,40 aprox (mercado)\nTP: 28,50 - 29,80\nSL: 26,10",
])
def test_around_before_a_market_tag_is_a_market_order(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.entry_type, list(parsed.entries)) == (MessageKind.OPEN, EntryType.MARKET, [D("27.40")])


def test_around_then_market_talk_stays_a_limit():
    parsed = parse_message("#AVAX long\nEntry: 27.40 civarı, piyasa çok düşüyor bekleyin\nTP: 28.50\nSL: 26.10")
    assert parsed.entry_type == EntryType.LIMIT


# --- a duration is no price; a vi promise of levels ------------------------------------------------------------------

@pytest.mark.parametrize("text,symbol,side", [
    ("Sắp có kèo #LINK LONG\nentry/TP/SL gửi sau 10 phút nha", "LINK/USDT", "long"),
    ("Chuẩn bị SHORT #OP\nChi tiết entry/TP/SL sẽ gửi sau ít phút", "OP/USDT", "short"),
    ("#AAVE шорт\nвход/тейк/стоп через 5 минут", "AAVE/USDT", "short"),
    ("#AAVE long\nSL in 15 Minuten", "AAVE/USDT", "long"),
])
def test_a_duration_is_no_stop(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side.value) == (MessageKind.OPEN, symbol, side)
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == ([], [], None)
    assert not parsed.tradable


def test_a_stop_written_before_a_duration_is_kept():
    parsed = parse_message("#BTC long entry 60000 TP 62000 SL 58000 in 2 jam")
    assert (list(parsed.entries), list(parsed.targets), parsed.stop_loss) == ([D(60000)], [D(62000)], D(58000))


# --- Turkish partial close with the price in between -----------------------------------------------------------------

@pytest.mark.parametrize("text,symbol", [
    ("$ARB\nPozisyonun yarısını 0,92'den sattık, kalan devam", "ARB/USDT"),
    ("#ARB yarısını 0.92 seviyesinden kapattık", "ARB/USDT"),
    ("#ARB yarısını burada kapattık ✅", "ARB/USDT"),
])
def test_turkish_half_sold_with_words_between(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize("text", [
    "$ARB yarısını 0,92'den satmayın",
    "$ARB yarısını 0.92 satacağız",
])
def test_turkish_half_not_sold_is_no_partial_close(text):
    assert parse_message(text).update_action != UpdateAction.PARTIAL_CLOSE
