"""Rules added in session 6 (general readings and safety nets, each found by a probe or by the misses of blind rounds).

Every case is a structure or a word class, never a corpus row: the open is traded as written, or held for review
(`rejected` starting "held for review") when a field comes from a reading rather than a label.
"""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message

_FOOTER = "\n\n⚠️ Not financial advice. Risk max 2% per trade. Join VIP: @vip_signals_bot (30% off till 31.12)"


def _held(parsed) -> bool:
    return bool(parsed.rejected) and parsed.rejected.startswith("held for review")


@pytest.mark.parametrize("text", [
    "#DOT SHORT\nEinstieg: 4,180\nZiel 1 4,090\nZiel 2 3,980\nStop: 4,265",
    "#ATOM SHORT\nEntry: 4,620\nTargets: 4,540 / 4,450\nStop: 4,710",
])
def test_a_dot_decimal_outside_the_level_lines_does_not_settle_a_comma(text):
    # "till 31.12" in an advert footer is a date: the comma in "4,180" is still either separator — held, never
    # traded as 4180
    parsed = parse_message(text + _FOOTER)
    assert _held(parsed)
    assert parse_message(text).rejected == parsed.rejected


def test_a_dot_decimal_on_a_level_line_still_settles_the_comma():
    parsed = parse_message("#ETH LONG\nEntry: 3,410.5\nTargets: 3,480 / 3,550\nStop: 3,360" + _FOOTER)
    assert parsed.rejected is None
    assert parsed.entries == (Decimal("3410.5"),) and parsed.stop_loss == Decimal(3360)


def test_a_field_flattened_onto_one_line_under_an_unknown_word_is_held():
    flat = parse_message("#RUNE SHORT | Entry 1.412 | Close 1: 1.380 | Close 2: 1.345 | Quxel rest: 1.300 | Stop 1.450")
    assert _held(flat) and "Quxel rest" in flat.rejected
    # the same post without the unknown part trades
    assert parse_message("#RUNE SHORT | Entry 1.412 | Close 1: 1.380 | Close 2: 1.345 | Stop 1.450").rejected is None


@pytest.mark.parametrize("text", [
    "LONG NOW 🚀\n#ZENUSDT\n$11.50\nTP $12.10 / $12.70\nSL $11.05",
    "BUY NOW\n#ZENUSDT\n11.50 | TP 12.10 / 12.70 | SL 11.05",
])
def test_a_price_line_nothing_read_before_the_exits_holds_a_market_entry(text):
    parsed = parse_message(text)
    assert _held(parsed)


def test_a_dollar_price_on_its_own_line_is_read_as_the_entry_held():
    parsed = parse_message("LONG NOW 🚀\n#ZENUSDT\n$11.50\nTP $12.10 / $12.70\nSL $11.05")
    assert parsed.entries == (Decimal("11.50"),) and _held(parsed)


def test_only_the_turkish_letters_themselves_mark_a_comma_decimal_language():
    # under a case-blind match "ı"/"İ" matched every Latin "i": an English post got the decimal-comma reading
    english = parse_message("#ATOM SHORT\nEntry: 4,620\nTargets: 4,540 / 4,450\nStop: 4,710\nRisk 1%")
    assert _held(english) and "decimal comma" not in english.rejected and english.entries == (Decimal(4620),)
    turkish = parse_message("#ATOM SHORT\nGiriş: 4,620\nHedefler: 4,540 / 4,450\nStop: 4,710")
    assert _held(turkish) and "decimal comma" in turkish.rejected and turkish.entries == (Decimal("4.620"),)


@pytest.mark.parametrize("text,side", [
    ("สัญญาณ #ADA ลอง\nเข้า: 0.452\nเป้า: 0.466 / 0.480\nตัดขาดทุน: 0.440", "long"),
    ("#LINK ชอร์ต\nเข้า: 14.20\nเป้าหมาย: 13.80 / 13.40\nหยุดขาดทุน: 14.55", "short"),
])
def test_thai_side_words_and_entry_heading(text, side):
    parsed = parse_message(text)
    assert parsed.side.value == side and parsed.rejected is None and len(parsed.entries) == 1


def test_thai_long_word_inside_a_longer_word_is_not_the_side():
    # "ลองดู" is "try and see": no side word there
    assert not parse_message("#ADA ลองดู\nเป้า: 0.466\nตัดขาดทุน: 0.440").tradable


@pytest.mark.parametrize("text,first,second", [
    ("#SOL 多\n入场区：150-152\n第一目标 156\n第二目标 160\n第三目标 165\n止损 146", 156, 165),
    ("#SOL LONG\nEntry 150\nTarget pertama 156\nTarget kedua 160\nSL 146", 156, 160),
    ("#SOL LONG\nEntry 150\n첫번째 목표 156\n두번째 목표 160\nSL 146", 156, 160),
])
def test_ordinal_words_before_or_after_a_target_label_are_no_qualifier(text, first, second):
    parsed = parse_message(text)
    assert parsed.targets[0] == first and parsed.targets[-1] == second and parsed.rejected is None


def test_arabic_stop_with_article_and_alternatives():
    parsed = parse_message("#DOT LONG\nالدخول: 6.10 - 6.20\nالهدف الأول: 6.40\nالوقف: 5.95 أو 5.80 للمحافظين")
    assert parsed.stop_loss == Decimal("5.95")


@pytest.mark.parametrize("text,price", [
    ("#LINK: قم بتحريك الوقف إلى 14.10", "14.10"),
    ("#LINK حرك الستوب إلى 14.10", "14.10"),
])
def test_arabic_move_the_stop_is_a_new_stop(text, price):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action.value == "new_stop"
    assert parsed.new_stop == Decimal(price)


@pytest.mark.parametrize("text", ["#ARB DCA at 0.812 filled, new average 0.830", "#ARB re-entry 0.812 filled"])
def test_an_averaging_order_filled_is_an_entry_filled_update(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action.value == "entry_filled"


@pytest.mark.parametrize("text", [
    "#ATOM LONG\nMasuk 4.62\nTP1 4.76 (tutup 50%)\nTP2 4.88 (tutup sisa)\nSL 4.52",
    "#ATOM LONG\nQuxel 4.62\nTP1 4.76 (close 50%)\nTP2 4.88 (close rest)\nSL 4.52",
])
def test_a_close_share_on_a_target_line_of_a_plan_is_its_allocation(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.entries == (Decimal("4.62"),)
    assert parsed.targets == (Decimal("4.76"), Decimal("4.88")) and parsed.stop_loss == Decimal("4.52")


def test_a_channel_tag_ending_in_a_quote_is_no_pair_and_yields_to_a_pair_label():
    parsed = parse_message("#MoonTradersUSDT 🌙\nCoin: Chainlink (LINK)\nSide: LONG\nEntry 14.20\nTP 14.80 / 15.30\nSL 13.70")
    assert parsed.symbol == "LINK/USDT" and parsed.side.value == "long"
    # a real glued pair still is one
    assert parse_message("#ARBUSDT LONG\nEntry 0.812\nTP 0.840\nSL 0.790").symbol == "ARB/USDT"


@pytest.mark.parametrize("text", ["SL for #LINK: 13.85", "Stop für #LINK 13.85", "SL para #LINK: 13.85"])
def test_a_stop_for_a_coin_with_one_price_is_a_new_stop(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.new_stop == Decimal("13.85")


def test_a_result_card_headed_by_its_coin_is_progress_not_a_call():
    parsed = parse_message("📈 #LINK RESULT\nEntry 14.20 ✅\nTP1 14.80 ✅\nTP2 15.30\nSL 13.70\n+25% (10x)")
    assert parsed.kind.value == "update"


@pytest.mark.parametrize("text,kind", [
    ("#OP liquidated 💀 that wick got us", "close"),
    ("#OP ликвидирован", "close"),
    ("🔥 #OP Liquidated Long on Bybit: $2.1M at $1.82", "not_a_signal"),
    ("$80M in $OP longs liquidated in the last hour", "not_a_signal"),
])
def test_our_position_liquidated_is_a_close_a_liquidation_alert_is_not(text, kind):
    assert parse_message(text).kind.value == kind


@pytest.mark.parametrize("text,kind", [
    ("Wyjście z #NEAR po cenie rynkowej", "close"),
    ("Salida de #NEAR a mercado", "close"),
    ("#NEAR, end of position", "close"),
    ("#NEAR esperando salida de rango", "not_a_signal"),
])
def test_exit_from_a_tagged_coin_closes_it(text, kind):
    assert parse_message(text).kind.value == kind


def test_a_side_word_inside_an_entry_label_names_the_side_of_a_status():
    parsed = parse_message("#OP long setup invalidated ❌")
    assert parsed.kind.value == "close" and parsed.side.value == "long"


@pytest.mark.parametrize("text", [
    "#OP SHORT\nENTRY 1.90\nTP 1.82 / 1.75\nSL: 1.96 (SAFE) OR 2.02 (RISKY)",
    "#OP SHORT\nENTRY 1.90\nTP 1.82 / 1.75\nRUNNER TARGET 1.60 (OPTIONAL)\nSL 1.96",
])
def test_a_capitalised_word_in_brackets_after_a_price_is_a_note_not_a_ticker(text):
    parsed = parse_message(text)
    assert parsed.symbol == "OP/USDT" and parsed.entries == (Decimal("1.90"),) and parsed.stop_loss == Decimal("1.96")


def test_in_a_shouted_post_a_tag_no_ticker_could_be_leaves_the_coin_beside_the_side_word():
    parsed = parse_message("#TOPSIGNALSHUB\nLONG ON MATIC\nENTRY: 0.520\nTP: 0.540 / 0.565\nSL: 0.500")
    assert parsed.symbol == "MATIC/USDT"
    # a tag that could be the coin keeps the shouting rule: the words beside the side word are no ticker
    assert parse_message("SINAL DE SHORT EM #LINK\nENTRADA: 15.20\nALVOS: 14.70\nSTOP: 15.70").symbol == "LINK/USDT"


def test_numbered_dash_rows_under_a_heading_are_row_numbers():
    parsed = parse_message("#INJ\n\nLONG 10x\n\nENTRY: 24.10 - 23.60\n\nTARGETS\n1 - 24.90\n2 - 25.60\n3 - 26.40\n\n"
                           "STOPLOSS: 22.80")
    assert parsed.targets == (Decimal("24.90"), Decimal("25.60"), Decimal("26.40")) and parsed.rejected is None
    # a lone "1 - 1.5" stays a range
    assert parse_message("#ARB LONG\nEntry:\n1 - 1.05\nTP 1.20\nSL 0.95").entries == (Decimal(1), Decimal("1.05"))


@pytest.mark.parametrize("text,kind", [
    ("Tomorrow 14:00 UTC: FOMC. Reduce leverage and keep stops tight.", "not_a_signal"),
    ("Reduce leverage on #WLD to 5x", "update"),
])
def test_leverage_advice_for_no_trade_is_no_update(text, kind):
    assert parse_message(text).kind.value == kind


@pytest.mark.parametrize("text,symbol", [
    ("#kanalkripto\nlong doge\nentry: 0.162\ntp: 0.168 / 0.175\nsl: 0.156", "DOGE/USDT"),
    ("#сигналы\nшорт по ton\nвход: 6.90\nцели: 6.70 / 6.50\nстоп: 7.10", "TON/USDT"),
    ("linkusdt.p short\nentry: 15.20\ntp 14.70\nsl 15.70", "LINK/USDT"),
])
def test_a_known_ticker_in_lower_case_beside_the_side_word_is_read_and_held(text, symbol):
    parsed = parse_message(text)
    assert parsed.symbol == symbol and _held(parsed)


def test_a_lower_case_filler_word_beside_the_side_word_is_no_coin():
    # "near" is a ticker and a word: beside a side word in lower case it is the word
    parsed = parse_message("#kanalkripto\nlong near 0.52\ntp: 0.55\nsl: 0.50")
    assert parsed.symbol != "NEAR/USDT" and not parsed.tradable


@pytest.mark.parametrize("text", ["Chiudiamo metà su #OP", "On ferme la moitié de #OP", "Wir schließen die Hälfte von #OP",
                                  "Zamykamy połowę #OP"])
def test_close_half_in_more_languages_is_a_partial_close_never_a_full_close(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action.value == "partial_close"


@pytest.mark.parametrize("text", ["🚀 OP BUY NOW | Target: +8%", "🚀 OP BUY NOW"])
def test_a_coin_a_buy_word_and_the_market_only_is_a_held_direction_call(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "OP/USDT" and parsed.entry_type.value == "market"
    assert not parsed.tradable


@pytest.mark.parametrize("text,entries,targets,etype", [
    # a short: the lines under the entry are below it, descending — its targets
    ("ETCUSDT SHORT\n\nВХОД: 24.40\n\n23.90\n23.40\n22.80\n\nСТОП: 25.10", [24.40], [23.90, 23.40, 22.80], "limit"),
    # a long: ticks before the lines above the entry
    ("#OP\nLONG ABOVE 1.90\n✅ 1.96\n✅ 2.02\n❌ 1.82", [1.90], [1.96, 2.02], "limit"),
    # a side heading over one run in the targets' order, no entry price: targets at the market
    ("💱OPUSDT\n⚫SELL\n🔵1.880, 1.840, 1.790\n🛑1.960", [], [1.88, 1.84, 1.79], "market"),
])
def test_price_lines_after_the_entry_on_the_profit_side_are_held_targets(text, entries, targets, etype):
    parsed = parse_message(text)
    assert [float(v) for v in parsed.entries] == entries and [float(v) for v in parsed.targets] == targets
    assert parsed.entry_type.value == etype and _held(parsed)


def test_lines_under_a_long_entry_below_it_stay_a_ladder():
    parsed = parse_message("#OP LONG\nEntry: 1.90\n1.86\n1.82\nTP: 2.00\nSL: 1.75")
    assert parsed.entries == (Decimal("1.82"), Decimal("1.86"), Decimal("1.90")) and parsed.targets == (Decimal("2.00"),)


@pytest.mark.parametrize("text,kind,action", [
    ("Everything off the table now, flat until Monday", "close", None),
    ("استاپ رو بیارید روی نقطه ورود", "update", "move_sl_breakeven"),
])
def test_close_everything_and_persian_stop_to_entry(text, kind, action):
    parsed = parse_message(text)
    assert parsed.kind.value == kind and (parsed.update_action.value if parsed.update_action else None) == action


def test_a_card_headed_coin_side_closed_is_a_close_not_an_open():
    parsed = parse_message("✅ #OP SHORT closed in profit\nEntry: 1.90\nExit: 1.78\n+6.3% (x1)")
    assert parsed.kind.value == "close" and not parsed.tradable
    # a partial close after the coin stays a partial close
    partial = parse_message("#OP закрыли 50%, стоп в безубыток")
    assert partial.kind.value == "update" and partial.update_action.value == "partial_close"


@pytest.mark.parametrize("text", ["#OP LONG closed 50%\nEntry: 1.90\nTP: 2.05\nSL 1.80",
                                  "#OP LONG\n30% booked here\nEntry: 1.90\nTP: 2.05\nSL 1.80"])
def test_a_restated_setup_reporting_a_partial_close_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and _held(parsed)


@pytest.mark.parametrize("text", [
    "Our premium members closed #OP with +38% today. Want the next one? Join VIP 👇",
    "#OP closed +22% 🚀 Join our VIP for the next one",
])
def test_an_advert_showing_a_result_never_closes_a_position(text):
    assert parse_message(text).kind.value == "not_a_signal"


def test_a_coin_with_its_stable_quote_in_brackets_after_a_coin_label():
    parsed = parse_message("✔️COIN NAME: OP(USDT)\nLEVERAGE: 20x\nTRADE TYPE: LONG\nENTRY PRICE (1.90-1.86)\nTP 1.98\nSL 1.80")
    assert parsed.symbol == "OP/USDT"


def test_a_dca_line_whose_share_completes_the_entry_is_an_entry_leg():
    parsed = parse_message("#OP LONG\nBuy 1.90 or below — 40%\nDCA 1.84 — 60%\nTP 2.00 / 2.10\nSL 1.78")
    assert parsed.entries == (Decimal("1.84"), Decimal("1.90"))
    # a bare DCA rung between the limit entry and the stop is the ladder's next order (session 13; it stayed outside
    # before); a DCA said in words, or beside an entry at the market, stays outside
    assert parse_message("#OP LONG\nBuy 1.90\nDCA: 1.84\nTP 2.00 / 2.10\nSL 1.78").entries == (Decimal("1.84"), Decimal("1.90"))
    assert parse_message("#OP LONG\nBuy 1.90\nDCA below 1.84\nTP 2.00 / 2.10\nSL 1.78").entries == (Decimal("1.90"),)
    assert parse_message("#OP LONG\nBuy: CMP 1.90\nDCA: 1.84\nTP 2.00 / 2.10\nSL 1.78").entries == (Decimal("1.90"),)


@pytest.mark.parametrize("text,kind,symbol", [
    ("SE CIERRA TODO EN EL MOMENTO EN EL QUE TOCA EL SL O TP3", "not_a_signal", None),
    ("CIERRA TODO CUANDO TOQUE EL TP3", "not_a_signal", None),
    ("CERRAMOS TODO", "close", None),
    ("CLOSE ALGO NOW", "close", "ALGO/USDT"),
])
def test_a_shouted_word_is_no_close_target_and_a_standing_rule_no_close(text, kind, symbol):
    parsed = parse_message(text)
    assert parsed.kind.value == kind and parsed.symbol == symbol


def test_more_entry_and_target_labels():
    parsed = parse_message("📣 #OP 合约 多单\n建仓区间: 1.86-1.90\n目标: 1.98 / 2.05\n止损: 1.80")
    assert parsed.entries == (Decimal("1.86"), Decimal("1.90")) and parsed.rejected is None
    take = parse_message("#OP LONG\nEntry 1.90\nTake 1 @ 1.98\nTake 2 @ 2.05\nSL 1.80")
    assert take.targets == (Decimal("1.98"), Decimal("2.05")) and take.rejected is None


def test_a_bracketed_capital_word_after_the_side_word_is_no_ticker():
    # "#S LONG (SONIC)": the name of the tagged coin in brackets after the side word
    assert parse_message("#S LONG (SONIC)\nENTRY 0.5240\nTARGETS 0.5410 / 0.5630\nSL 0.5080").symbol == "S/USDT"
    assert parse_message("SHORT ON POLKADOT (DOT) FROM 4.10\nTP 3.95\nSL 4.25").symbol == "DOT/USDT"


def test_a_coin_name_in_capitals_is_that_coin():
    parsed = parse_message("#CRYPTOKINGDOM 👑\nSOLANA LONG 🟢\nENTRY 178.40 - 176.90\nTP 182.50 / 186.00\nSL 172.80")
    assert parsed.symbol == "SOL/USDT"


@pytest.mark.parametrize("text", ["Short #OP now, levels soon 🔜", "📣 #OP long — entry & targets in 5 min",
                                  "#OP short, targets to follow"])
def test_a_direction_call_promising_its_levels_later_is_a_held_market_open(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.symbol == "OP/USDT" and parsed.entry_type.value == "market"
    assert not parsed.tradable


def test_a_bracketed_risk_reward_ratio_beside_a_target_is_a_note():
    parsed = parse_message("OPUSDT | SHORT\nEntry: 1.884\nSL: 1.931\nTP1 (1:2.5): 1.767\nTP2 (1:5): 1.650")
    assert parsed.targets == (Decimal("1.767"), Decimal("1.650")) and parsed.rejected is None


def test_a_second_word_for_the_same_field_after_a_slash_joins_the_label():
    parsed = parse_message("#OP SHORT\nEntry: 1.90\nTake-profit / exit: 1) 1.84 2) 1.78\nSL: 1.96")
    assert parsed.targets == (Decimal("1.84"), Decimal("1.78")) and parsed.rejected is None
    # a word we do not know after the slash still is no label
    assert not parse_message("#OP SHORT\nEntry: 1.90\nTP / Quxel: 1.84\nSL: 1.96").tradable
