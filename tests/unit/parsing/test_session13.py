"""Session 13: the rules taken from the first looks at blind batches n1–n3 and session 12's leftovers, each tested on
look-alikes in our own wording (not the batches' rows) and on guards that must not change."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

D = Decimal


@pytest.mark.parametrize("label", ["Входы", "Точки входа", "Точки входу", "Входи", "Einstiege", "Einstiegspunkte",
                                   "Girişler", "Entrées", "Points d'entrée", "Ingressi", "Wejścia", "Punkty wejścia",
                                   "Buys"])
def test_an_entry_label_in_the_plural_heads_a_numbered_weighted_ladder(label):
    parsed = parse_message(f"#AVAX SHORT\n{label}:\n1) 36.40 — 60%\n2) 37.10 — 40%\nTP: 35.20 / 34.60\nSL: 38.05")
    assert parsed.entries == (D("36.40"), D("37.10")) and parsed.tradable


@pytest.mark.parametrize("text", ["Stängt. +4 % på #DOT, bra jobbat", "#DOT lukket i gevinst +4%",
                                  "Traden är stängd på #DOT, +4 %", "Suljettu. #DOT +4 %", "Lezárva: #DOT +4%",
                                  "Zatvoreno #DOT +4%"])
def test_a_closed_word_of_a_nordic_hungarian_or_croatian_channel_closes_the_coin(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "DOT/USDT"


@pytest.mark.parametrize("text", ["Butiken är stängd i dag, #DOT ser stark ut", "Kontoret er lukket i morgen. #DOT går videre"])
def test_a_shop_or_office_closed_is_no_close(text):
    assert parse_message(text).kind.value == "not_a_signal"


@pytest.mark.parametrize("heading", ["#CryptoEliteVIP 💎", "#signals", "#VIP"])
def test_a_bare_ticker_heading_a_side_setup_line_under_a_channel_tag_is_read_and_held(heading):
    parsed = parse_message(f"{heading}\nAPT long setup\nEntry 8.10 - 8.30\nTargets 8.70 / 9.10\nSL 7.80")
    assert parsed.symbol == "APT/USDT" and not parsed.tradable and "capitalised word" in parsed.rejected


@pytest.mark.parametrize("word", ["HOT", "EPIC", "SAFE", "QUICK"])
def test_a_heading_word_over_a_side_setup_line_is_never_traded(word):
    assert not parse_message(f"#VIP\n{word} long setup\nEntry 8.10 - 8.30\nTargets 8.70 / 9.10\nSL 7.80").tradable


def test_a_tag_that_is_a_channel_name_still_holds_a_capitalised_heading_word():
    parsed = parse_message("#CRYPTOKINGS\nGEM long setup\nEntry 0.40 - 0.45\nTP 0.5 / 0.55\nSL 0.37")
    assert not parsed.tradable


@pytest.mark.parametrize("phrase", ["Giá hiện tại (Now)", "Current price (Now)"])
def test_the_price_now_under_no_side_word_is_read_and_held(phrase):
    parsed = parse_message(f"#ICP\n{phrase}: 9.84\nMục tiêu: 10.20 | 10.60\nCắt lỗ: 9.45")
    assert parsed.kind.value == "open" and parsed.entries == (D("9.84"),) and parsed.entry_type.value == "market"
    assert not parsed.tradable and "price now" in parsed.rejected


@pytest.mark.parametrize("phrase", ["Giá hiện tại", "Precio actual", "Текущая цена"])
def test_the_price_now_in_other_languages_beside_an_entry_of_its_own_is_no_entry(phrase):
    parsed = parse_message(f"#ICP LONG\n{phrase}: 9.95\nEntry: 9.80\nTP: 10.20 / 10.60\nSL: 9.45")
    assert parsed.entries == (D("9.80"),) and parsed.entry_type.value == "limit"


@pytest.mark.parametrize("text,entries", [
    ("#ATOM LONG\nEntry: 6.20\nDCA: 5.95\nTP: 6.60 / 6.90\nSL: 5.70", ["5.95", "6.20"]),
    ("#ATOM LONG\nBuy: 6.20\nDCA 1: 6.05\nDCA 2: 5.90\nTP: 6.60\nSL: 5.70", ["5.90", "6.05", "6.20"]),
    ("#ATOM SHORT\nEntry: 6.20\nDCA: 6.45\nTP: 5.90\nSL: 6.70", ["6.20", "6.45"]),
    ("#ATOM/USDT spot\nKupno: 6.20\nDCA: 5.95\nCele: 6.60 / 6.90", ["5.95", "6.20"]),
])
def test_a_priced_dca_rung_beside_a_limit_entry_is_the_ladders_next_order(text, entries):
    parsed = parse_message(text)
    assert parsed.entries == tuple(D(e) for e in entries) and parsed.tradable


@pytest.mark.parametrize("text,entries,etype", [
    ("#ATOM LONG\nEntry: CMP\nDCA: 5.95\nTP: 6.60 / 6.90\nSL: 5.70", [], "market"),         # beside the market
    ("#ATOM LONG\nEntry: 6.20\nDCA under 5.95 if it dips\nTP: 6.60\nSL: 5.70", ["6.20"], "limit"),  # a plan in words
    ("#ATOM LONG\nEntry: 6.20\nDCA: 5.60\nTP: 6.60\nSL: 5.70", ["6.20"], "limit"),          # beyond the stop
    ("#ATOM LONG\nEntry: 6.20\nDCA: 6.40\nTP: 6.60\nSL: 5.70", ["6.20"], "limit"),          # on the profit side
])
def test_a_dca_line_that_is_no_rung_stays_outside_the_entries(text, entries, etype):
    parsed = parse_message(text)
    assert parsed.entries == tuple(D(e) for e in entries) and parsed.entry_type.value == etype


def test_a_weighted_dca_leg_keeps_its_share_beside_a_bracketed_note():
    parsed = parse_message("#ADA LONG\nBuy 0.6120 or below — 50%\nDCA 0.5980 — 50% (+2.1% / ~+$4)\nTP 0.64 / 0.66\nSL 0.58")
    assert parsed.entries == (D("0.5980"), D("0.6120"))


@pytest.mark.parametrize("text", [
    "#NEAR/USDT LONG\nВход: по рынку, усреднение 2.41\nЦели: 2.66 / 2.74\nСтоп: 2.33",
    "#NEAR LONG CMP pe le lo, 2.41 tak DCA karna\nTP 2.66 / 2.74\nSL 2.33",
    "#NEAR long at market now, 2.41 for DCA\nTP 2.66 / 2.74\nSL 2.33",
])
def test_an_averaging_price_beside_an_entry_at_the_market_is_no_entry(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.entries == () and parsed.entry_type.value == "market"


def test_a_fresh_card_entering_at_the_market_with_a_dca_rung_is_an_open_not_an_add_on():
    parsed = parse_message("#NEAR/USDT LONG\nEntry: CMP, DCA at 2.41\nTP: 2.66 / 2.74\nSL: 2.33")
    assert parsed.kind.value == "open" and parsed.entries == () and parsed.tradable


@pytest.mark.parametrize("text", ["#NEAR LONG add more here\nEntry: CMP\nTP: 2.66 / 2.74\nSL: 2.33",
                                  "Buy more #NEAR at 2.45\nTP 2.66 / 2.74\nSL 2.33",
                                  "#NEAR LONG\nEntry: CMP\nPrice dipped, DCA at 2.41 now\nTP: 2.66 / 2.74\nSL: 2.33",
                                  "#NEAR LONG\nEntry: CMP, add more at 2.41\nTP: 2.66 / 2.74\nSL: 2.33"])
def test_adding_to_the_running_trade_before_any_entry_stays_an_update(text):
    assert parse_message(text).kind.value == "update"


@pytest.mark.parametrize("text", ["Jangan jual #INJ dulu, masih naik", "No need to sell #INJ now, we are +9%",
                                  "Sell pressure on #INJ is rising now", "Nicht verkaufen #INJ jetzt!",
                                  "#INJ SELL SIGNAL 🔴\nEntry: on the retest, will update"])
def test_a_sell_word_said_not_to_happen_or_as_market_talk_closes_nothing(text):
    assert parse_message(text).kind.value != "close"


@pytest.mark.parametrize("text", ["#DOT Geser henti rugi ke harga masuk", "#DOT Alihkan SL ke titik masuk ✅",
                                  "#DOT SL přesouváme na vstup", "Posouváme stop na vstupní cenu u #DOT",
                                  "#DOT stop na breakeven"])
def test_the_stop_to_the_entry_in_malay_and_czech_is_a_breakeven_move(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.symbol == "DOT/USDT"


@pytest.mark.parametrize("text", ["#DOT/USDT Stop-Ziel erreicht ⛔", "#DOT/USDT Стоп-цель достигнута ⛔",
                                  "#DOT/USDT Alvo de stop atingido", "#DOT/USDT Stop hedefine ulaşıldı",
                                  "#DOT/USDT Objectif stop atteint", "#DOT/USDT Obiettivo stop raggiunto"])
def test_a_translated_stop_target_hit_is_the_stop_out_not_a_target(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.SL_HIT


@pytest.mark.parametrize("text", ["#ROSE ট্রেড ক্লোজ ✅ +7%", "#ROSE ट्रेड क्लोज, +7%"])
def test_a_trade_close_in_bengali_and_hindi_is_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "ROSE/USDT"


def test_thai_entry_at_and_cut_loss_labels():
    parsed = parse_message("#LINK/USDT\nฝั่ง: ลอง (Long)\nเข้าที่: 14.20\nเป้า: 14.90 / 15.60\nคัทลอส: 13.70")
    assert parsed.entries == (D("14.20"),) and parsed.stop_loss == D("13.70") and parsed.tradable


def test_a_persian_buy_at_the_market_is_a_long_at_the_market_held():
    parsed = parse_message("#XLM spot\nمارکت بخرید\nتارگت: 0.3100 / 0.3250\nاستاپ: 0.2850")
    assert parsed.kind.value == "open" and parsed.side.value == "long" and parsed.entry_type.value == "market"


@pytest.mark.parametrize("text", ["#ICP long le lo, levels thodi der mein", "#ICP short le lo bhai, entry baad mein"])
def test_a_hinglish_direction_with_its_levels_promised_later_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.entries == () and not parsed.tradable


@pytest.mark.parametrize("text", ["#ICP Tüm kâr alma hedeflerine ulaşıldı 🎯", "#ICP 3. hedefe ulaşıldı ✅"])
def test_turkish_targets_in_their_case_forms_are_targets_hit(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("payload,want", [
    (('{"secret": "s3cr3t", "tv_instrument": "AVAXUSDT.P", "action": "enter_short", "order": {"amount": "40", '
     '"order_type": "market"}}'), {"kind": "open", "symbol": "AVAX/USDT", "side": "short", "market": "futures", "entries": []}),
    (('{"code": "ENTER-LONG_BYBIT_SOLUSDT_Trend-Bot_4H_a1b2", "orderType": "market", "leverage": 5, '
     '"takeProfits": [{"price": 150, "portfolio": 0.6}, {"price": 156, "portfolio": 0.4}], "stopLoss": {"price": 136}}'),
     {"kind": "open", "symbol": "SOL/USDT", "side": "long", "leverage": 5, "entries": [], "targets": [150, 156], "stop_loss": 136}),
    (('{"name": "sol swing", "side": "sell", "positionSide": "short", "symbol": "SOLUSDT", "open": {"type": "limit", '
     '"price": "142.5"}, "tp": {"orders": [{"price": "138", "piece": "70"}, {"price": "134", "piece": "30"}]}, '
     '"sl": {"price": "146.2"}}'),
     {"kind": "open", "symbol": "SOL/USDT", "side": "short", "entries": [142.5], "targets": [138, 134], "stop_loss": 146.2}),
    ('{"message_type": "bot", "pair": "USDT_AVAX", "action": "close_at_market_price", "bot_id": 4411}',
     {"kind": "close", "symbol": "AVAX/USDT"}),
    # (a bare amount does not say coins or percent: a part of the position, never all of it — review 23, J4)
    ('{"action": "EXIT_LONG", "instrument": "SOL-USDT-SWAP", "orderType": "market", "amount": "100"}',
     {"kind": "update", "symbol": "SOL/USDT"}),
    ('{"signal": "TP2_HIT", "symbol": "SOLUSDT", "exit_price": 150}', {"kind": "update", "symbol": "SOL/USDT"}),
    ('{"code": -2015, "msg": "Invalid API-key, IP, or permissions for action."}', {"kind": "not_a_signal", "symbol": None}),
    ('{"status": "ok", "open_positions": 3, "balance": "1520.33"}', {"kind": "not_a_signal", "symbol": None}),
])
def test_a_bots_json_payload_is_read_as_the_card_it_stands_for(payload, want):
    parsed = parse_message(payload).to_expected_dict()
    assert {k: parsed[k] for k in want} == want


def test_a_direction_only_payload_is_held_and_a_full_one_traded():
    held = parse_message('{"tv_instrument": "AVAXUSDT.P", "action": "enter_short", "order": {"order_type": "market"}}')
    assert held.kind.value == "open" and not held.tradable
    full = parse_message('{"symbol":"AVAXUSDT","side":"BUY","entry":34.2,"tp":[35.5,36.8],"sl":33.1,"leverage":10}')
    assert full.tradable and full.targets == (D("35.5"), D("36.8")) and "read from a bot's JSON payload" in full.notes


@pytest.mark.parametrize("heading", ["ETHUSDT 현재가 매수 RSI 28", "ETHUSDT buy now RSI 28", "ETHUSDT buy now (vol 2.3)"])
def test_a_market_statistic_beside_a_market_heading_keeps_the_order_at_the_market(heading):
    parsed = parse_message(f"{heading}\n진입 3412\n손절 3376\nTP1 3425 / TP2 3440 / TP3 3468")
    assert parsed.entry_type.value == "market" and parsed.entries == (D("3412"),)


@pytest.mark.parametrize("extra", ["Avg entry after DCA: 6.08", "Avg entry (with DCA): 6.08", "New SL after DCA: 5.80",
                                   "Previous DCA: 6.00", "My personal DCA: 6.00", "Average: 6.08", "Ortalama: 6.08"])
def test_a_result_stop_or_someones_own_dca_line_is_no_rung(extra):
    parsed = parse_message(f"#ATOM LONG\nEntry: 6.20\nDCA: 5.95\nTP: 6.60 / 6.90\nSL: 5.70\n{extra}")
    assert parsed.entries == (D("5.95"), D("6.20"))


@pytest.mark.parametrize("text", ["#ATOM LONG 🟢 Market order\nEntry: 6.20\nDCA: 5.95\nTP: 6.60\nSL: 5.70",
                                  "#ATOM LONG NOW 🚀\nEntry: 6.20\nDCA: 5.95\nTP: 6.60\nSL: 5.70",
                                  "#ATOM LONG\nEntry: 6.20 (buy now)\nDCA: 5.95\nTP: 6.60\nSL: 5.70"])
def test_a_post_entering_at_the_market_anywhere_keeps_its_dca_rungs_out(text):
    assert parse_message(text).entries == (D("6.20"),)


@pytest.mark.parametrize("text,entries", [
    ("#ATOM LONG\nEntry: 6.20\nDCA: 5.95 / 5.85\nTP: 6.60\nSL: 5.70", ["5.85", "5.95", "6.20"]),
    ("#ATOM LONG\nEntry: 6.20\nDCA 1 – 5.95\nTP: 6.60\nSL: 5.70", ["5.95", "6.20"]),
])
def test_a_dca_line_with_several_rungs_or_a_dashed_number(text, entries):
    assert parse_message(text).entries == tuple(D(e) for e in entries)


@pytest.mark.parametrize("text", ["$NEAR long now, lev 10 DCA 2.41\nTP 2.66\nSL 2.33",
                                  "$NEAR long now 2.50, SL 2.33 DCA 2.41\nTP 2.66"])
def test_a_labelled_number_before_a_dca_word_keeps_its_label(text):
    parsed = parse_message(text)
    assert parsed.stop_loss == D("2.33") and (parsed.leverage == 10 or "lev" not in text)


@pytest.mark.parametrize("text", ["Stängt för helgen. #BTC LONG fortsätter", "Lukket gruppe for VIP #BTC",
                                  "Lezárva a regisztráció! #BTC", "Zatvoreno za vikend #BTC",
                                  "Handeln stängd idag p.g.a. helgdag #BTC", "#SOL stängt delvis +3%",
                                  "Avslutad: TP1 ✅ resten kör #SOL"])
def test_a_closed_word_about_the_week_a_group_or_a_part_closes_no_trade(text):
    assert parse_message(text).kind.value != "close"


@pytest.mark.parametrize("text", ["#SOL Стоп-цель достигнута не была; держим", "#ROSE ট্রেড ক্লোজ করবেন না; হোল্ড করুন",
                                  "#ROSE ट्रेड क्लोज मत करो; होल्ड"])
def test_a_negated_stop_target_or_trade_close_is_no_close(text):
    parsed = parse_message(text)
    assert parsed.kind.value != "close" and parsed.update_action != UpdateAction.TP_HIT


@pytest.mark.parametrize("text", ["#DOT Alihkan SL ke titik masuk setelah TP1", "#DOT SL přesouváme na vstup až po TP1",
                                  "#DOT SL a entrada después del TP1", "#DOT SL auf Einstieg nach TP1"])
def test_a_stop_to_the_entry_after_a_target_is_a_plan_for_later(text):
    assert parse_message(text).kind.value == "not_a_signal"


@pytest.mark.parametrize("text", ["#OP лонг\nВход лимиткой: 1.84\nДобор: 1.79\nТейки: 1.92 / 1.99\nСтоп: 1.74",
                                  "صفقة شراء #OP\nالدخول: 1.84\nتعزيز: 1.79\nالأهداف: 1.92 / 1.99\nوقف الخسارة: 1.74"])
def test_a_russian_or_arabic_rung_label_under_a_limit_entry_is_the_ladders_next_order(text):
    assert parse_message(text).entries == (D("1.79"), D("1.84"))


def test_a_fresh_market_card_with_a_rung_line_is_an_open_not_an_add_on():
    parsed = parse_message("Откупаем #OP по рынку 💰\nДобор: 1.79\nТейки 1.92 / 1.99\nСтоп 1.74\nСпот")
    assert parsed.kind.value == "open" and parsed.entry_type.value == "market" and parsed.entries == ()


@pytest.mark.parametrize("text", ["#OP short — take 50% at 1.84, rest running, SL moved to 1.90",
                                  "#OP шорт — фиксируем 50% на 1.84, остальное держим, стоп переносим на 1.90"])
def test_a_partial_close_at_a_price_with_the_stop_moved_is_an_update_not_a_card(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text,kind,action", [
    ("#OP шорт отменяем ❌ цена не дошла до входа", "close", None),
    ("#OP отменяем ордер на 2-й вход", "update", UpdateAction.CANCEL_ENTRY),
    ("#OP второй вход отменён, первый в работе", "update", UpdateAction.CANCEL_ENTRY),
    ("#OP отменяем добор", "update", UpdateAction.CANCEL_ENTRY),
])
def test_a_russian_cancel_of_the_trade_or_of_one_rung(text, kind, action):
    parsed = parse_message(text)
    assert parsed.kind.value == kind and (action is None or parsed.update_action == action)


def test_a_dca_order_filled_in_vietnamese_verb_first_is_an_update():
    parsed = parse_message("#OP đã khớp DCA 1.79 ✅ SL giữ nguyên 1.74")
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("tag,symbol", [("#AVAXTRY", "AVAX/TRY"), ("#SOLEUR", "SOL/EUR")])
def test_a_lira_or_euro_quote_glued_to_the_coin_is_the_pair(tag, symbol):
    parsed = parse_message(f"{tag} Spot\nAlım: 612 - 598\nHedef: 640 / 665\nStop: 580")
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", ["#AVAXUSDT LONG 🚀 Leverage 20x", "#AVAX SHORT cross 10x"])
def test_a_direction_with_only_its_leverage_is_a_held_open(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.entries == () and not parsed.tradable and parsed.leverage


@pytest.mark.parametrize("text", ["#ADABTC TP1 1210 sats ✅", "#ADABTC TP2 1260 satoshi hit"])
def test_a_target_hit_written_in_satoshis_is_a_target_hit(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.symbol == "ADA/BTC" and parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("pair", ["#BTCUSD_PERP", "#BTCUSD-PERP", "BTCUSD_PERP"])
def test_a_coin_margined_perpetual_keeps_its_usd_quote(pair):
    parsed = parse_message(f"{pair} SHORT\nEntry: 64200\nTP: 63000 / 62000\nSL: 65100")
    assert parsed.symbol == "BTC/USD" and parsed.market.value == "futures"


@pytest.mark.parametrize("text", ["Sell #OP now, momentum is gone. Take what you have 🙏", "Sell all #OP now ✅ +9%"])
def test_a_sell_command_heading_the_post_closes_the_held_coin(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.symbol == "OP/USDT"


@pytest.mark.parametrize("text", ["Sell half #OP now, rest runs", "Sell #OP entry: see chart", "Sell #OP futures now"])
def test_a_sell_command_for_a_part_an_entry_or_futures_is_no_close_of_the_coin(text):
    assert parse_message(text).kind.value != "close"


@pytest.mark.parametrize("note", ["Current price: 0.0531", "Price now: 0.0531"])
def test_a_note_line_of_the_price_now_keeps_the_dca_rung(note):
    parsed = parse_message(f"#C98 spot buy\nEntry: 0.0512\nDCA: 0.0488\nTP: 0.0545 / 0.0580\nSL: 0.0459\n{note}")
    assert parsed.entries == (D("0.0488"), D("0.0512"))


def test_a_note_after_a_dca_rungs_price_keeps_the_rung_and_holds_the_call():
    parsed = parse_message("#WIF long\nGiriş: 2.34\nDCA: 2.21 Funding +0.01%\nTP: 2.48 / 2.62\nSL: 2.12\n10x")
    assert parsed.entries == (D("2.21"), D("2.34")) and not parsed.tradable and "carries a note" in parsed.rejected


def test_a_leverage_ending_its_line_is_no_multiple_of_the_next_lines_word():
    parsed = parse_message("long $WIF at 2.184, sl 2.09, tps 2.25 2.33 2.45, 10x\nRisk 2% of balance")
    assert parsed.leverage == 10 and parsed.targets == (D("2.25"), D("2.33"), D("2.45"))


def test_a_dca_price_beside_an_entry_at_the_market_is_no_zone_entry():
    parsed = parse_message("Mua spot #DOT giá hiện tại, DCA 6.10 nếu về\nTP: 6.80 - 7.20 - 7.80\nSL: 5.85")
    assert parsed.entries == () and parsed.entry_type.value == "market"


def test_cancelling_a_pending_order_that_never_triggered_closes_the_call():
    parsed = parse_message("#SUI — entry never triggered, cancel the pending limit order. Setup invalidated.")
    assert parsed.kind.value == "close"


def test_a_ukrainian_rung_label():
    parsed = parse_message("#NEAR шорт\nВхід: 5.48\nДобір: 5.66\nЦілі: 5.30 / 5.12\nСтоп: 5.79\nПлече 10x")
    assert parsed.entries == (D("5.48"), D("5.66"))


@pytest.mark.parametrize("text", ["#TIA LONG 10x 🚀\nEntry + targets in 5 min, get ready", "#TIA LONG, stay tuned"])
def test_a_direction_told_to_get_ready_is_a_held_open(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and not parsed.tradable


@pytest.mark.parametrize("note", ["на откате", "— только на свои", "(30% позиции)", "for risky traders", "(small size)",
                                  "Bybit", "x2"])
def test_a_rung_with_words_after_its_price_is_read_and_held(note):
    parsed = parse_message(f"#LINK long\nEntry: 13.50\nDCA: 12.90 {note}\nTargets: 14.20 / 14.90\nSL: 12.40")
    assert not parsed.tradable


@pytest.mark.parametrize("note", ["(если дадут)", "по желанию", "не обязателен", "(optional)", "(avg 13.20)",
                                  "(manual)", "(personal, not for copy)", "Risk 2% of balance"])
def test_an_optional_or_averaged_rung_is_no_order_and_the_call_is_held(note):
    parsed = parse_message(f"#LINK лонг\nВход: 13.50\nДобор: 12.90 {note}\nЦели: 14.20 / 14.90\nСтоп: 12.40")
    assert parsed.entries == (D("13.50"),) and not parsed.tradable


@pytest.mark.parametrize("text", ["Update 2.1.3\n📚 Lesson 4: set your stop where the idea is wrong, not where the pain is.",
                                  "📚 Lesson 7: move your stop to breakeven only after TP1"])
def test_a_numbered_lesson_is_no_stop_and_no_change(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "not_a_signal" and parsed.new_stop is None


@pytest.mark.parametrize("tag", ["#SafeEntry", "#NEWENTRY", "#Retry", "#Poetry"])
def test_a_channel_tag_ending_in_try_is_no_lira_pair(tag):
    parsed = parse_message(f"{tag}\nSOL long\nEntry: 142\nTP: 150 / 158\nSL: 136")
    assert parsed.symbol != f"{tag[1:-3].upper()}/TRY" and not (parsed.symbol or "").endswith("/TRY")


@pytest.mark.parametrize("text", ["#LINK в позиции. Откупаем ещё по рынку\nДобор: 13.20\nТейки 15.10 / 16.40\nСтоп 12.60",
                                  "Позиция по #LINK уже открыта, откупаем по рынку\nДобор: 13.20\nТейки 15.10\nСтоп 12.60"])
def test_buying_more_into_a_running_position_stays_an_add_on(text):
    assert parse_message(text).kind.value == "update"


def test_a_partial_close_at_a_price_that_waits_is_no_partial_close_now():
    parsed = parse_message("#AVAX short — take 50% at 37.60 if it gets there, SL 38.40")
    assert parsed.update_action != UpdateAction.PARTIAL_CLOSE and not parsed.tradable


@pytest.mark.parametrize("payload", [
    '{"symbol":"ETHUSDT","orderId":1234567,"status":"FILLED","type":"LIMIT","side":"SELL","price":"3450.20"}',
    '{"symbol":"BTCUSDT","side":"Buy","size":"0.01","avgPrice":"64250.5","leverage":"10","unrealisedPnl":"6.49"}',
    '{"category":"linear","symbol":"XRPUSDT","side":"Sell","price":"0.62","takeProfit":"0.58","reduceOnly":true}',
    '{"symbol":"ETHUSDT","side":"buy","status":"cancelled","price":"3450","tp":"3600","sl":"3300"}',
])
def test_an_exchanges_record_of_an_order_or_position_is_no_signal(payload):
    assert parse_message(payload).kind.value == "not_a_signal"


@pytest.mark.parametrize("payload,symbol,market", [
    ('{"coin":"JUP","side":"long","entry":"1.10","tp":["1.25"],"sl":"0.98"}', "JUP/USDT", None),
    ('{"ticker":"TRUMPUSDT","action":"buy","price":"9.1","tp":"9.8","sl":"8.6"}', "TRUMP/USDT", None),
    ('{"symbol":"ETH_USDT","side":"buy","price":"3450","tp":"3600","sl":"3300"}', "ETH/USDT", None),
    ('{"symbol":"BTC/USDT:USDT","side":"buy","price":"64000","tp":"66000","sl":"62000"}', "BTC/USDT", "futures"),
    ('{"symbol":"BTCUSDT","side":"long","entry":"64,250","tp":"66,000","sl":"62,000","leverage":"20x"}', "BTC/USDT", "futures"),
])
def test_payload_symbols_quotes_and_venues(payload, symbol, market):
    parsed = parse_message(payload)
    assert parsed.symbol == symbol and (parsed.market.value if parsed.market else None) == market


def test_a_payload_whose_pair_names_no_clear_quote_is_no_signal():
    assert parse_message('{"symbol":"ETH_BTC","side":"buy","price":"0.052","tp":"0.055","sl":"0.05"}').symbol is None


@pytest.mark.parametrize("payload", [
    '{"action":"exit_long","tv_instrument":"SOLUSDT","order":{"amount":"50","currency_type":"position_percent"}}',
    '{"action":"close","symbol":"SOLUSDT","amount":"50%"}',
    '{"code":"EXIT-LONG_BINANCE_SOLUSDT_Bot_1H_8c1e","amountPerTradeType":"percents","amountPerTrade":50}',
])
def test_a_partial_exit_in_a_payload_is_a_partial_close(payload):
    parsed = parse_message(payload)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.PARTIAL_CLOSE


def test_a_payload_entering_at_the_market_is_held():
    parsed = parse_message('{"code":"ENTER-LONG_BINANCE_ARBUSDT_Bot_1H_8c1e","orderType":"market","leverage":5,'
                           '"takeProfits":[{"price":1.5,"portfolio":0.5}],"stopLoss":{"price":1}}')
    assert parsed.kind.value == "open" and not parsed.tradable


@pytest.mark.parametrize("text", ["Sell #MEME 1/2", "Sell #FET now, target +11%", "Sell half #FET now", "#TON отменяем второй тейк"])
def test_a_sell_of_a_part_a_sell_with_a_target_or_a_cancelled_take_profit_closes_nothing(text):
    assert parse_message(text).kind.value != "close"


# (a sell at a price said for later, "SELL #ADA @ 0.45", closes nothing since session 15: review 26's G11)
@pytest.mark.parametrize("text", ["Sell #SOL now", "SELL #ADA @ 0.45 now", "Sell #ADA at 0.45 immediately"])
def test_a_plain_spot_sell_still_exits_the_held_coin(text):
    assert parse_message(text).kind.value == "close"


def test_no_secret_of_a_payload_reaches_the_parse_result():
    # (secrets shaped like tickers, so that a reader taking one for the coin would show it)
    secret, token = "K3YZ9QSECRET", "TOKEN7788"
    payloads = (
        (f'{{"secret": "{secret}", "tv_instrument": "SOLUSDT", "action": "enter_long", "email_token": "{token}", '
        '"order": {"order_type": "market"}}'),
        f'{{"secret": "{secret}", "tv_instrument": "SOLUSDT", "action": "exit_long"}}',
        f'{{"secret": "{secret}", "msg": "Invalid API-key {token}"}}',
    )
    for payload in payloads:
        parsed = parse_message(payload)
        shown = (repr(parsed) + repr(parsed.to_expected_dict())).lower()
        assert parsed.kind.value in ("open", "close", "not_a_signal")
        assert secret.lower() not in shown and token.lower() not in shown
