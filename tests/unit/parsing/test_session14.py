"""Session 14: rules from the first looks at blind batches q1–q2, from reviews 23–24 and from session 13's leftovers,
each tested on look-alikes in our own wording (not the batches' rows) and on guards that must not change."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

D = Decimal


@pytest.mark.parametrize("text, price", [
    ("#DOGE took 50% here ✅ and moving our SL to 0.1840", D("0.1840")),
    ("#DOGE TP1 ✅ Closing 30% now, stop moved to 0.1840", D("0.1840")),
    ("#DOGE фиксируем треть, стоп переносим на 0.1840", D("0.1840")),
    ("#DOGE — cerramos la mitad y subimos el stop a 0.1840", D("0.1840")),
    ("#DOGE secured 50% ✅ SL -> 0.1840", D("0.1840")),
])
def test_a_partial_close_beside_a_stop_move_to_a_price_keeps_the_stop_move(text, price):
    """The executor acts on the stop move, not on the partial close (the TP ladder takes the profit): a post that says
    both used to keep only the first change read."""
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE and parsed.also_actions == (UpdateAction.NEW_STOP,)
    assert parsed.new_stop == price and parsed.stop_at_target is None


@pytest.mark.parametrize("text, target", [
    ("#DOGE TP3 ✅ — stop moved to TP2 now", 2),
    ("#DOGE target 2 done, moving SL to target 1", 1),
    ("#DOGE SL → TP1", 1),
    ("#DOGE SL 0.1700 -> TP1", 1),
    ("#DOGE вторая цель взята, стоп переносим на первую цель", 1),
    ("#DOGE 第二目标到达 止损移到第一止盈", 1),
])
def test_a_stop_moved_onto_a_target_names_the_target_not_another_number(text, target):
    """"SL → TP1" carried no price, so the executor moved no stop ("SL 0.1700 -> TP1" even read the old stop as the new
    one): the target's number goes with the update and its price is read off the signal."""
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.stop_at_target == target and parsed.new_stop is None


def test_a_partial_close_beside_a_stop_move_onto_a_target_keeps_both():
    parsed = parse_message("#DOGE take another 25% off and move the stop to TP2")
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE and parsed.also_actions == (UpdateAction.NEW_STOP,)
    assert parsed.stop_at_target == 2


@pytest.mark.parametrize("text", [
    "#DOGE took half here, we move SL to 0.1840 once TP2 is hit",  # later, on a condition
    "#DOGE took half here, don't move SL to 0.1840 yet",  # negated
    "#DOGE took half here ✅ move SL to 0.1840 or 0.1860, your call",  # two prices: which is a reading
])
def test_a_stop_move_beside_a_partial_close_that_is_unsure_or_later_adds_no_stop_move(text):
    parsed = parse_message(text)
    assert UpdateAction.NEW_STOP not in parsed.also_actions and parsed.new_stop is None


def test_a_stop_move_whose_comma_reads_two_ways_carries_both_readings():
    """"#XRP move SL to 2,312": 2.312 or 2312 — a long's stop moved to 2312 would close the trade at once. Both readings
    go with the update (the signal's levels choose); a comma of decimals reads one way."""
    parsed = parse_message("#XRP move SL to 2,312")
    assert parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop is None
    assert parsed.stop_readings == (D("2312"), D("2.312"))
    assert parse_message("#LINK stop przesunięty na 14,80, pozycja nadal otwarta").new_stop == D("14.80")
    # (session 15, review 26 G1: a point before three digits reads two ways too — "стоп переносим на 61.800" is 61800 on
    # BTC — so "2.312" carries both readings and the signal's levels choose 2.312; "2.31" or "0.418" read one way)
    assert parse_message("#XRP move SL to 2.312").stop_readings == (D("2.312"), D("2312"))
    assert parse_message("#XRP move SL to 2.31").new_stop == D("2.31")


def test_a_target_hit_beside_an_arrow_onto_the_new_stop_keeps_the_stop_move():
    parsed = parse_message("#DOGE TP1 ✅ SL -> 0.1840")
    assert UpdateAction.NEW_STOP in (parsed.update_action, *parsed.also_actions) and parsed.new_stop == D("0.1840")


@pytest.mark.parametrize("text, action", [
    ("#AVAX TP2 hit SL to entry", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#AVAX TP1 HIT SL BE", UpdateAction.MOVE_SL_BREAKEVEN),
    ("AVAXUSDT TP1 HIT SL TO ENTRY 🔒", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#AVAX TP1 kena SL ke entry", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#AVAX TP1 hit stop loss moved to 36.20", UpdateAction.NEW_STOP),
    ("#AVAX TP3 hit 🔥 SL to TP2", UpdateAction.NEW_STOP),
    ("#AVAX TP1 ✅ SL to 36.20", UpdateAction.NEW_STOP),
])
def test_a_target_hit_then_the_stop_moved_is_no_stop_out(text, action):
    """"TP2 hit SL to entry" without a comma read "hit SL" as a stop-out and closed a winning trade."""
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == action


@pytest.mark.parametrize("text", ["#AVAX hit SL at 35.10", "#AVAX hit SL ❌ -4%", "#AVAX hit stop loss", "#AVAX kena SL",
                                  "#AVAX hit SL at entry, closed flat"])
def test_a_stop_hit_is_still_a_stop_out(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.SL_HIT


@pytest.mark.parametrize("text", [
    "#ATOM cancel the rest of the buy orders",
    "#ATOM cancel the remaining entries, position stays open",
    "#ATOM cancel limit orders and keep the position",
    "#ATOM Cancel this one if you are not in yet, others hold",
    "#ATOM отменяем оставшиеся заявки",
    "#ATOM отмена второго ордера",
    "#ATOM üçüncü girişi iptal ediyoruz",
    "#ATOM kalan emirler iptal",
    "#ATOM cancelamos la tercera entrada",
    "#ATOM cancelem a terceira entrada",
    "#ATOM batalkan entry ketiga",
    "#ATOM hủy lệnh chờ còn lại nhé",
    "#ATOM 남은 주문 취소합니다",
])
def test_cancelling_the_unfilled_rungs_is_an_update_not_a_close(text):
    """The executor closes the position on a close; cancelling the unfilled entries ("entry_cancelled") keeps the filled
    part running and cancels the position when nothing filled — what these posts ask."""
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", ["#ATOM signal cancelled, entry never filled", "#ATOM cancel ❌",
                                  "#ATOM отменяем сделку", "#ATOM cancelar órdenes pendientes"])
def test_a_cancel_of_the_whole_call_is_still_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.CANCEL_ENTRY


def test_a_target_hit_beside_a_cancel_of_the_remaining_orders_keeps_the_cancel():
    parsed = parse_message("#ATOM TP1 done ✅ cancel the remaining orders")
    assert parsed.kind.value == "update" and UpdateAction.CANCEL_ENTRY in parsed.also_actions


@pytest.mark.parametrize("text", ["#ATOM close one third now", "#ATOM closing the first half here", "#ATOM close a small part",
                                  "#ATOM close now half", "#ATOM closed one quarter at TP1", "#ATOM close the majority here",
                                  "#ATOM took one third off", "#ATOM cerramos una parte aquí", "#ATOM fechamos parte agora",
                                  "#ATOM pozisyonun bir kısmını kapatıyoruz", "#ATOM आधी पोजीशन बंद कर दो"])
def test_a_share_of_the_position_closed_is_a_partial_close_not_a_close(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", ["#ATOM close the remaining half", "#ATOM close rest now", "#ATOM close remaining 50%"])
def test_closing_what_remains_is_a_close(text):
    assert parse_message(text).kind.value == "close"


@pytest.mark.parametrize("text", ["#ATOM TP1 hit SL to cost", "#ATOM TP1 взят, стоп на вход", "#ATOM переносим стоп в точку входа",
                                  "#ATOM TP1 chạm, SL về entry"])
def test_more_words_for_the_stop_to_the_entry(text):
    assert parse_message(text).update_action == UpdateAction.MOVE_SL_BREAKEVEN


@pytest.mark.parametrize("text", [
    "Format example of our signals:\nCoin: #INJ\nSide: LONG\nEntry: 21.5\nTP: 23\nSL: 20.4",
    "This is the signal format we use 👇\n#INJ LONG\nEntry: 21.5\nTP: 23\nSL: 20.4",
    "Our VIP members got this one earlier 👇\n#INJ LONG\nEntry: 21.5\nTP: 23 / 24\nSL: 20.4\nJoin VIP today!",
    "Would you buy #INJ here? 21.5 entry, 23 target, 20.4 stop",
    "#INJ LONG (expired)\nEntry: 21.5\nTP: 23\nSL: 20.4",
    "Looking for a long on #INJ above 22.1\nTargets 23 / 24\nSL 20.9",
    "#INJ short setup — trigger: 1H close below 20.9\nEntry: 20.9\nTP: 19.8\nSL: 21.6",
    "#INJ Long on confirmation\nEntry: 21.5\nTP: 23\nSL: 20.4",
    "#INJ entry soon, levels: 21.5 / TP 23 / SL 20.4",
    "#INJ idea forming. Entry if price sweeps 20.9: TP 23, SL 20.3",
    "#INJ possible long\nEntry: 21.5\nTP: 23\nSL: 20.4",
    "#INJ long scenario\nEntry: 21.5\nTP: 23\nSL: 20.4",
])
def test_an_example_a_promo_a_question_or_an_entry_for_later_is_not_traded(text):
    parsed = parse_message(text)
    assert not parsed.tradable


@pytest.mark.parametrize("text", ["#INJ LONG\nEntry: 21.5\nTP: 23 / 24\nSL: 20.4\nNot financial advice",
                                  "#INJ long on retest 21.5\nTP 23\nSL 20.4",
                                  "#INJ LONG\nEntry: 21.5\nTP: 23\nSL: 20.4\nStay tuned for updates"])
def test_an_ordinary_call_still_trades(text):
    assert parse_message(text).tradable


@pytest.mark.parametrize("text, symbol", [
    ("Mua spot DOT\nVào: 6.10\nChốt lời: 6.50 / 7.00\nSL: 5.80", "DOT/USDT"),
    ("Posisi BELI (long) ATOM\nHarga masuk 5.10\nTP 5.40\nSL 4.90", "ATOM/USDT"),
    ("SHORT futures ARB\nEntry 0.81\nTP 0.77\nSL 0.84", "ARB/USDT"),
])
def test_a_coin_after_a_side_word_and_a_market_word_or_a_bracketed_side_is_the_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.symbol == symbol and parsed.tradable


@pytest.mark.parametrize("text", ["LONG $ARB\nPasok: 0.81 hanggang 0.79\nTarget: 0.85\nSL: 0.76",
                                  "#ARB nunua 0.81 hadi 0.79\nLengo 0.85\nSL 0.76"])
def test_a_range_word_in_tagalog_or_swahili_makes_a_zone(text):
    parsed = parse_message(text)
    assert parsed.entries == (D("0.79"), D("0.81")) and parsed.entry_type.value == "range"


def test_a_cashtag_of_a_thousand_unit_contract_is_the_coin_and_money_is_not():
    parsed = parse_message("LONG $1000BONK\nEntry: 0.0215\nTP: 0.0230\nSL: 0.0205\nLev 10x")
    assert parsed.symbol == "1000BONK/USDT" and parsed.tradable
    assert parse_message("Made $1000 today on #SOL").kind.value == "not_a_signal"


@pytest.mark.parametrize("text", ["#ARB LONG\nEntry 0.81\nTP 0.85\nSL 0.76\nLev 10x, not spot",
                                  "#ARB LONG\nEntry 0.81\nTP 0.85\nSL 0.76\n10x futures, bukan spot"])
def test_a_market_ruled_out_is_not_the_market(text):
    assert parse_message(text).market.value == "futures"


def test_a_markdown_table_of_one_call_is_read_as_its_card():
    text = ("| Coin | Direction | Entry | Target 1 | Target 2 | Stop | Leverage |\n|:---|:---:|---|---|---|---|---|\n"
            "| OPUSDT | LONG | 1.842 | 1.905 | 1.970 | 1.790 | 10x |")
    parsed = parse_message(text)
    assert (parsed.symbol, parsed.side.value, parsed.entries, parsed.targets, parsed.stop_loss, parsed.leverage) == (
        "OP/USDT", "long", (D("1.842"),), (D("1.905"), D("1.970")), D("1.790"), 10)
    two_rows = text + "\n| ARBUSDT | SHORT | 0.81 | 0.77 | 0.74 | 0.84 | 10x |"
    assert not parse_message(two_rows).tradable  # two calls in one table: not one trade


@pytest.mark.parametrize("text, kind", [
    ("SELL ARB now now, no dey wait", "close"),
    ("VINDEM ARB acum!", "close"),
    ("Sell ARB if it loses 0.75", "not_a_signal"),
])
def test_a_sell_command_on_a_coin_in_capitals_closes_it(text, kind):
    assert parse_message(text).kind.value == kind


@pytest.mark.parametrize("text, kind, action", [
    ("Na-stop out tayo sa ARB long, -8%", "close", UpdateAction.SL_HIT),
    ("#ARB ٹریڈ کینسل کر دیں، انٹری نہیں لگی", "close", UpdateAction.CANCEL_ENTRY),
    ("#ARB – מבטלים את העסקה", "close", UpdateAction.CANCEL_ENTRY),
    ("ARB entry 0.81 fill ho gaya ✅", "update", UpdateAction.ENTRY_FILLED),
    ("#ARB: mutăm stop-ul la 0,7950", "update", UpdateAction.NEW_STOP),
    ("#ARB ridicăm stop-ul la intrare", "update", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_status_words_of_tagalog_urdu_hebrew_hinglish_and_romanian_channels(text, kind, action):
    parsed = parse_message(text)
    assert parsed.kind.value == kind and parsed.update_action == action and parsed.symbol == "ARB/USDT"


@pytest.mark.parametrize("text", ["#ARB Long jetzt 🚀 Einstieg und SL folgen gleich",
                                  "#ARB LONG açıyoruz, seviyeler birazdan paylaşılacak"])
def test_a_direction_now_with_the_levels_promised_later_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and not parsed.tradable


@pytest.mark.parametrize("text, price", [
    ("#OP Move SL from 1.72 to 1.80", D("1.80")),
    ("#OP raise the stop loss from 1.720 to 1.805", D("1.805")),
    ("#OP SL changed 1.72 → 1.80", D("1.80")),
    ("#OP SL adjusted 1.72 -> 1.80", D("1.80")),
    ("#OP переносим стоп с 1.72 на 1.80", D("1.80")),
])
def test_a_stop_moved_from_one_price_to_another_takes_the_new_one(text, price):
    """"Move SL from 1.72 to 1.80" carried no price (the executor moved nothing); read naively it takes the old one."""
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.NEW_STOP
    if parsed.stop_readings:
        # ("from 1.720 to 1.805": a point before three digits may group thousands — both readings of the new price go,
        # the signal's levels choose, session 15)
        assert parsed.new_stop is None and parsed.stop_readings == (price, price * 1000)
    else:
        assert parsed.new_stop == price


@pytest.mark.parametrize("text, kind, action", [
    ("#NEAR Точки входа достигнуты ✅", "update", UpdateAction.ENTRY_FILLED),
    ("#NEAR все входы исполнены", "update", UpdateAction.ENTRY_FILLED),
    ("#NEAR girişler doldu", "update", UpdateAction.ENTRY_FILLED),
    ("#NEAR alle Einstiege gefüllt", "update", UpdateAction.ENTRY_FILLED),
    ("#NEAR خذوا ربح جزئي الآن", "update", UpdateAction.PARTIAL_CLOSE),
    ("#NEAR ambil profit 30% dulu", "update", UpdateAction.PARTIAL_CLOSE),
    ("#NEAR 30 درصد سود رو سیو کنید", "update", UpdateAction.PARTIAL_CLOSE),
    ("#NEAR 익절 마감했습니다 +18%", "close", None),
    ("#NEAR 진입 취소합니다", "close", UpdateAction.CANCEL_ENTRY),
    ("#NEAR फायदे में बंद +12%", "close", None),
])
def test_fills_partial_profits_and_closes_in_more_languages(text, kind, action):
    parsed = parse_message(text)
    assert (parsed.kind.value, parsed.update_action, parsed.symbol) == (kind, action, "NEAR/USDT")


@pytest.mark.parametrize("text, entries, etype", [
    ("XRP 做多\n限价 2.18\n补仓 2.10\n止盈 2.30 / 2.42\n止损 2.04", (D("2.10"), D("2.18")), "limit"),
    ("XRP 롱\n진입 2.18\n추가매수 2.10\n목표 2.30\n손절 2.04", (D("2.10"), D("2.18")), "limit"),
    ("XRP 롱 시장가 진입\n추가매수 2.10\n목표 2.30 / 2.42\n손절 2.04", (), "market"),
])
def test_a_fresh_card_with_an_averaging_rung_line_is_an_open_not_an_add_on(text, entries, etype):
    """"补仓 / 추가매수 2.10" under a fresh card is the card's own rung (an entry beside a limit entry, none beside the
    market), not an add to a running trade."""
    parsed = parse_message(text)
    assert parsed.kind.value == "open" and parsed.entries == entries and parsed.entry_type.value == etype


@pytest.mark.parametrize("text", ["📣 어제 VIP 채널 시그널 공개\nXRP 롱\n진입: 2.18\n목표: 2.30\n손절: 2.04",
                                  "In case you missed it 👇\n#XRP LONG\nEntry 2.18\nTP 2.30\nSL 2.04"])
def test_yesterdays_call_shown_again_is_not_traded(text):
    assert not parse_message(text).tradable


# --- review 25 (this session's rules attacked) ---

@pytest.mark.parametrize("text, price", [
    ("#BTC SL to 61 800", D("61800")),
    ("#BTC стоп переносим на 61 800", D("61800")),
    ("#BTC SL moved 60 500 → 61 800", D("61800")),
    ("#ETH SL 3320 -> 3390 (TP1 hit)", D("3390")),
    ("#ETH SL updated: 3390", D("3390")),
])
def test_the_new_stop_is_the_whole_price_after_the_move(text, price):
    assert parse_message(text).new_stop == price


@pytest.mark.parametrize("text, action, new_stop", [
    ("#ETH SL changed: 3320 → BE", UpdateAction.MOVE_SL_BREAKEVEN, None),
    ("#ETH moved SL from 3320", UpdateAction.NEW_STOP, None),  # only the old stop is written
    ("#ETH SL to -1%", UpdateAction.NEW_STOP, None),  # a stop placed in percent: no stop-out
    ("#ETH SL at +2% (profit locked)", UpdateAction.NEW_STOP, None),
])
def test_a_stop_move_with_no_new_price_moves_nothing_and_closes_nothing(text, action, new_stop):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == action and parsed.new_stop == new_stop


def test_a_stop_with_a_comma_that_reads_two_ways_and_no_verb_carries_both_readings():
    parsed = parse_message("#XRP SL: 2,312")
    assert parsed.new_stop is None and parsed.stop_readings == (D("2312"), D("2.312"))


@pytest.mark.parametrize("text", ["#ATOM stopped out, cancel the rest of the orders",
                                  "#ATOM SL hit ❌ cancel the remaining orders",
                                  "#ATOM TP2 hit, SL to TP1 and it got hit"])
def test_a_stop_out_beside_a_cancel_or_after_a_stop_move_is_a_stop_out(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.SL_HIT


@pytest.mark.parametrize("text, target", [("#ETH TP2 hit ✅ SL → TP1", 1), ("#ETH Closed 50% at TP2, SL → TP1", 1),
                                          ("#ETH TP3 ✅ stop to second target", 2), ("#ETH закрываем треть, стоп на TP2", 2)])
def test_a_stop_onto_a_target_after_a_target_hit_or_a_partial_close_is_kept(text, target):
    parsed = parse_message(text)
    assert UpdateAction.NEW_STOP in (parsed.update_action, *parsed.also_actions) and parsed.stop_at_target == target


@pytest.mark.parametrize("text", ["#ATOM cancel rest", "#ATOM kalan alım emirlerini iptal edin",
                                  "#ATOM отменить неисполненные ордера", "#ATOM cancelar las entradas restantes",
                                  "#ATOM cancelem as ordens restantes", "#ATOM batalkan sisa order",
                                  "#ATOM hủy các lệnh còn lại", "#ATOM 미체결 주문 취소", "#ATOM restliche Orders stornieren",
                                  "#ATOM annulez les ordres restants", "#ATOM cancellate gli ordini rimanenti",
                                  "#ATOM pozostałe zlecenia anulujemy", "#ATOM बाकी ऑर्डर कैंसिल करें"])
def test_more_wordings_of_cancelling_the_remaining_orders_are_entry_cancels(text):
    parsed = parse_message(text)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.CANCEL_ENTRY


def test_a_fill_beside_a_cancel_of_the_rest_keeps_the_cancel():
    parsed = parse_message("#ATOM entry 1 filled, cancel the rest")
    assert UpdateAction.CANCEL_ENTRY in (parsed.update_action, *parsed.also_actions)


@pytest.mark.parametrize("text", ["#INJ posible long\nEntry: 21.5\nTP: 23\nSL: 20.4",
                                  "#INJ olası long\nEntry: 21.5\nTP: 23\nSL: 20.4",
                                  "#INJ возможен лонг\nВход: 21.5\nЦель: 23\nСтоп: 20.4",
                                  "#INJ kemungkinan long\nEntry: 21.5\nTP: 23\nSL: 20.4",
                                  ("Yesterday's trades:\n| Coin | Side | Entry | Target | Stop |\n|---|---|---|---|---|\n"
                                   "| INJUSDT | LONG | 21.5 | 23 | 20.4 |")])
def test_a_possible_call_in_other_languages_or_a_table_of_past_trades_is_not_traded(text):
    assert not parse_message(text).tradable


@pytest.mark.parametrize("footer", ["VIP members got this signal 5 minutes earlier", "Long scenario active ✅"])
def test_a_live_call_with_a_relay_or_status_footer_still_trades(footer):
    assert parse_message(f"#INJ LONG\nEntry: 21.5\nTP1: 23\nTP2: 24\nSL: 20.4\n{footer}").tradable


def test_prices_in_chinese_ten_thousands_are_read_whole():
    parsed = parse_message("BTC 空单 6.42万附近挂单\n止损 6.55万\n目标 6.3万 / 6.2万")
    assert (parsed.entries, parsed.targets, parsed.stop_loss) == ((D("64200"),), (D("63000"), D("62000")), D("65500"))


def test_a_tagalog_call_names_its_coin_after_ng():
    assert parse_message("Bili ng ARB sa 0.81\nTarget: 0.85\nStop loss: 0.78").symbol == "ARB/USDT"


def test_a_sentence_about_another_trade_does_not_name_the_new_call():
    """"Example of a winning trade: #INJ hit TP2 ✅ … New signal: #SOL LONG …" gave the SOL card INJ's name (a limit buy
    at SOL's 150 on INJ fills at once): "trade:" ending a sentence is no coin label."""
    parsed = parse_message("Example of a winning trade: #INJ hit TP2 ✅\n\nNew signal:\n#SOL LONG\nEntry: 150\nTP1: 160\nSL: 140")
    assert parsed.symbol == "SOL/USDT"
    assert parse_message("Trade: #SOL LONG\nEntry: 150\nTP1: 160\nSL: 140").symbol == "SOL/USDT"


@pytest.mark.parametrize("text", ["Correction: #OP SL 1.71 not 1.74", "Исправление: #OP стоп 1.71, а не 1.74",
                                  "Düzeltme: #OP stop 1.71 olacak", "Corrección: #OP SL 1.71 no 1.74",
                                  "Correction #OP: SL is 1.71 (typo in the first post)", "更正：#OP 止损 1.71"])
def test_a_corrected_stop_moves_the_stop_to_the_corrected_price(text):
    """A correction of the stop changed nothing (an update with no action): the follower kept the typo's stop."""
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop == D("1.71") and parsed.symbol == "OP/USDT"
