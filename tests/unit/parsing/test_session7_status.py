"""Status and management posts (session 7): more real management wordings and the look-alikes around them.

Every case is a word class or a structure (my own wordings), never a corpus row.
"""

from __future__ import annotations

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


@pytest.mark.parametrize("text, symbol, side", [
    ("Close SEIUSDT buy", "SEI/USDT", Side.LONG),
    ("Close BTCUSDT sell", "BTC/USDT", Side.SHORT),
    ("AVAX/USDT sell limit was not triggered within 12 hours — pending order cancelled.", "AVAX/USDT", Side.SHORT),
    ("Cerrar #LINK compra", "LINK/USDT", Side.LONG),
])
def test_a_buy_or_sell_word_after_the_pair_is_the_side_of_the_close(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, symbol, side)


@pytest.mark.parametrize("text", ["Sell #SOL now", "Close #SOL, buy zone lost", "Close #SOL"])
def test_a_close_verb_or_a_word_in_another_clause_names_no_side(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.side) == (MessageKind.CLOSE, None)


@pytest.mark.parametrize("text", [
    "$SOLUSDT Update: 4H\nExpecting Solana to stay bullish over the next few days.\nHopefully it keeps going.",
    "#BTC CME gap at 91,200 still open. Careful this week.",
    "$DOGE update:\nMeme season looks close, sentiment is getting greedy.",
])
def test_an_update_heading_over_market_talk_is_no_status(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, symbol", [
    ("$ARBUSDT Update:\nAlready up 9% from where we posted, holding for more.", "ARB/USDT"),
    ("#ZRO update: setup still valid.", "ZRO/USDT"),
    ("#LINK update: orders stay, zone not reached yet", "LINK/USDT"),
    ("#TIA güncelleme: giriş aynı", "TIA/USDT"),
])
def test_an_update_about_the_call_stays_an_update(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, symbol)


# Management posts as channels write them to the trade they reply to (no coin: the ingest applies them only to the post
# they answer), in the families of a real channel journal: stop moves by the writer, reader-held conditions, partial
# exits of the first entries, coinless stop-outs and exits, a trade reported running.
@pytest.mark.parametrize("text, kind, action", [
    ("I will adjust my stop loss to 0.4717", MessageKind.UPDATE, UpdateAction.NEW_STOP),
    ("If you have lower entries keep them risk free.", MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN),
    ("BE now", MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN),
    ("Secure breakeven", MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN),
    ("Close your first entries now", MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE),
    ("Lets close TP1 here", MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE),
    ("Secured 30% partials", MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE),
    ("Re-enter here", MessageKind.UPDATE, UpdateAction.ADD_ENTRY),
    ("Running in profit", MessageKind.UPDATE, UpdateAction.OTHER),
    ("+50 pips secured", MessageKind.UPDATE, UpdateAction.OTHER),
    ("SL already hit", MessageKind.CLOSE, UpdateAction.SL_HIT),
    ("stop loss reached", MessageKind.CLOSE, UpdateAction.SL_HIT),
    ("I am out of this trade at BE", MessageKind.CLOSE, None),
    ("Closing this one early, market is too choppy", MessageKind.CLOSE, None),
    ("Closed manually in small profit", MessageKind.CLOSE, None),
    ("Take profits and close", MessageKind.CLOSE, None),
])
def test_coinless_management_posts(text, kind, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (kind, None, action)


def test_a_reader_held_condition_does_not_make_the_instruction_wait():
    assert parse_message("If you still hold #SOL, close it now").kind == MessageKind.CLOSE
    moved = parse_message("If you hold #SOL, move SL to entry now")
    assert (moved.kind, moved.update_action) == (MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN)


@pytest.mark.parametrize("text", [
    "Tip: if you have lower entries, always keep them risk free after TP1.",
    "Lesson 3: close your first entries at TP1 and let the rest run.",
    "If you see BTC lose 60k, move your SL to entry on all alts?",
    "#SOL re-enter here if we reclaim 150",
    "Most alts running in profit this week, BTC dominance falling",
    "Why did my SL get hit so early? Any tips?",
    "SL hit rate this month: 18%",
    "We will adjust our stop loss rules next month for all VIP signals.",
    "If you have any questions about closing trades, ask in the chat.",
])
def test_management_look_alikes_change_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#SOL Zarar Durdur tetiklendi",
    "#SOL cắt lỗ đã kích hoạt",
    "#SOL đã dính cắt lỗ",
    "#SOL وقف الخسارة تفعل",
    "#SOL حد ضرر فعال شد",
    "#SOL Stop-Loss wurde ausgelöst",
    "#SOL Stop Loss atingido",
    "#SOL se activó el stop loss",
    "#SOL saltó el stop",
    "#SOL 손절 나갔습니다",
    "#SOL 損切りされました",
    "#SOL stop loss déclenché",
    "#SOL stoploss'a takıldı",
])
def test_a_stop_word_and_a_triggered_verb_of_any_language_is_a_stop_out(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.CLOSE, "SOL/USDT", UpdateAction.SL_HIT)


@pytest.mark.parametrize("text", [
    "What happens when a stop loss is triggered? Lesson 5",
    "If the stop loss is triggered we re-enter #SOL at 140",
    "#BTC stop hunt triggered a lot of liquidations today",
    "#SOL almost triggered our stop loss 😅",
    "¿Se activó el stop loss en #SOL?",
    "Zarar durdur nasıl kullanılır? 📚 Eğitim videosu",
])
def test_stop_trigger_look_alikes_close_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_tp_hit_beside_a_stop_move_is_no_stop_out():
    parsed = parse_message("#SOL TP1 hit, SL to entry")
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN)


def test_a_german_stop_move_with_the_verb_last():
    parsed = parse_message("#SOL stop loss wurde auf 140 verschoben")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "SOL/USDT", UpdateAction.NEW_STOP)


def test_a_percent_line_above_a_turkish_stop_label_is_no_loss_report():
    # (the lead's label-language probe: 'Hedefler +3% / +8%' then 'Zarar Durdur -4%' closed WLD)
    parsed = parse_message("🔒 INSIDER CALL 🔒\n#WLDUSDT LONG x20\nGiriş: 1.612\nHedefler +3% / +5% / +8%\nZarar Durdur -4%")
    assert parsed.kind == MessageKind.OPEN and not parsed.tradable


def test_the_channel_adding_in_russian_is_an_added_entry():
    parsed = parse_message("Добавляем по #APT на 9.35, общий стоп 9.60")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "APT/USDT", UpdateAction.ADD_ENTRY)


@pytest.mark.parametrize("text", [
    "#DOT spot bags: average 6.90, selling half at 9 and the rest at 12 eventually. Personal, not advice.",
    "#LINK: will sell half at 40 one day, long-term bag",
])
def test_a_personal_or_some_day_plan_changes_no_position(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_channel_how_it_works_post_with_an_example_ladder_changes_nothing():
    text = ("Welcome!\nHow our signals work:\n- Updates (cancel, partial profit, stop moves) come as new posts\n"
            "Example of a ladder for $100 of SOL between 140 and 150:\n150 – Limit buy $50\n140 – Limit buy $50\n"
            "Average price: 145 instead of 150")
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, kind, side", [
    ("✅ ENTRY HIT\n\nAVAXUSDT | M15\nSELL @ 27.42\n\nStatus: LIVE", MessageKind.UPDATE, Side.SHORT),
    ("🛑 STOP LOSS HIT\n\nDOTUSDT | H4\nBUY @ 6.840\n\nResult: ❌ LOSS", MessageKind.CLOSE, Side.LONG),
])
def test_a_status_card_restating_its_call_line_keeps_the_side(text, kind, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.side) == (kind, side)


def test_tracking_ended_closes_and_a_chinese_set_stop_moves_the_stop():
    assert parse_message("#BTC tracking ended").kind == MessageKind.CLOSE
    assert parse_message("Tracking ended for today, see you tomorrow").kind == MessageKind.NOT_A_SIGNAL
    moved = parse_message("#SOL 带上止损 140")
    assert (moved.kind, moved.update_action, moved.new_stop) == (MessageKind.UPDATE, UpdateAction.NEW_STOP, 140)


@pytest.mark.parametrize("text, first, others", [
    ("Close both #ETH and #SOL", "ETH/USDT", ("SOL/USDT",)),
    ("Cerramos #ETH y #SOL", "ETH/USDT", ("SOL/USDT",)),
    ("Закрываем #ETH и #SOL", "ETH/USDT", ("SOL/USDT",)),
    ("Close #ETH, #SOL and #AVAX now", "ETH/USDT", ("SOL/USDT", "AVAX/USDT")),
])
def test_one_close_command_listing_several_coins_closes_each(text, first, others):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.also_symbols) == (MessageKind.CLOSE, first, others)


@pytest.mark.parametrize("text", [
    "#ETH and #SOL: TP1 hit, close half",
    "Our members closed #ETH and #SOL with +40%, join VIP",
    "Close #ETH and #SOL?",
    "If BTC loses 60k close #ETH and #SOL",
])
def test_several_coins_beside_a_partial_promo_question_or_condition_close_none(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE and parsed.also_symbols == ()


def test_a_comma_alone_does_not_list_a_second_coin_to_close():
    parsed = parse_message("Close #ETH, #SOL looks weak")
    assert (parsed.kind, parsed.symbol, parsed.also_symbols) == (MessageKind.CLOSE, "ETH/USDT", ())


# A level-move verb class and a share-taking verb class per language, paired with the stop word, the target word, a
# share or a "part" word (my own wordings in the families of real Russian/Persian/Arabic/Turkish/Latin/Asian channels).
@pytest.mark.parametrize("text, action", [
    ("#SOL стоп сдвигаем на 142.5", UpdateAction.NEW_STOP),
    ("تغییر حد ضرر #SOL به 142", UpdateAction.NEW_STOP),
    ("#SOL stop 142'ye çekildi", UpdateAction.NEW_STOP),
    ("#SOL subindo stop para 142", UpdateAction.NEW_STOP),
    ("#SOL 손절가 142로 상향", UpdateAction.NEW_STOP),
    ("#SOL 損切りを142に引き上げ", UpdateAction.NEW_STOP),
    ("#SOL Stop nachziehen auf 142", UpdateAction.NEW_STOP),
    ("#SOL on remonte le stop à 142", UpdateAction.NEW_STOP),
    ("#SOL тейк переносим на 171", UpdateAction.OTHER),
    ("#SOL رو فری کنید", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#SOL به تارگت دوم رسید", UpdateAction.TP_HIT),
    ("#SOL chiudiamo il 50%", UpdateAction.PARTIAL_CLOSE),
    ("#SOL chốt 50% vị thế", UpdateAction.PARTIAL_CLOSE),
    ("#SOL tomamos parciales del 50%", UpdateAction.PARTIAL_CLOSE),
    ("#SOL ambil profit sebagian 50%", UpdateAction.PARTIAL_CLOSE),
    ("#SOL Teilgewinne mitnehmen (50%)", UpdateAction.PARTIAL_CLOSE),
    ("#SOL prise de profits partielle 50%", UpdateAction.PARTIAL_CLOSE),
    ("#SOL جني جزء من الأرباح", UpdateAction.PARTIAL_CLOSE),
])
def test_multilingual_level_moves_and_partials(text, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "SOL/USDT", action)


@pytest.mark.parametrize("text", ["#SOL фиксируем прибыль полностью", "از #SOL خروج بزنید"])
def test_taking_everything_or_a_persian_exit_closes(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "SOL/USDT")


@pytest.mark.parametrize("text", [
    "#SOL بسته شد با سود ۱۲٪",             # closed with 12 % profit: a full close, not a share
    "تم إغلاق صفقة ETH بربح 12% 💰",
])
def test_a_profit_percentage_after_a_close_is_no_share(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#ETH price moving toward our stop loss, careful",
    "Stop subscribing to fake signal groups!",
    "#BTC stop loss hunters moved price down to 88k last night",
    "Cek stop loss kalian sebelum tidur!",
    "Relevant stop loss placement matters more than entry.",
    "Portfolio update: fixed 30% of profits this month 🔥",
])
def test_move_and_share_look_alikes_change_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_take_profit_percentage_label_is_no_partial():
    parsed = parse_message("Deal started\nPair: USDT_MATIC\nBuy price: 0.8520\nTake profit: 3%\nStop loss: 2%")
    assert parsed.update_action != UpdateAction.PARTIAL_CLOSE


def test_a_partial_then_the_whole_position_closed_is_a_close():
    text = "🎯 TP2 ДОСТИГНУТ — 🔴 SUIUSDT\nВход: 3.4120\nЗакрыто 50% по 3.5250\n✅ Сделка полностью закрыта"
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "SUI/USDT")


@pytest.mark.parametrize("text", ["⌛ ИСТЁК (48ч) — 🔴 LINKUSDT\nВход: 22.31\nЦена: 22.10 — цель не достигнута",
                                  "#LINK signal expired, entry never reached"])
def test_an_expired_call_is_cancelled(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.CLOSE, "LINK/USDT", UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", ["#BTC options expired today, max pain was 90k", "Your VIP subscription expired, renew 👇"])
def test_options_and_subscriptions_expiring_close_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_call_edited_with_a_closed_footer_is_a_close_of_its_side():
    text = ("🔔 NEW SIGNAL 🔔\n\nDOTUSDT SELL\n\nEntry Zone: 6.82-6.86\nStop loss: 7.05\nTake Profit 1: 6.70\n"
            "Take Profit 2: 6.55\n\nTP1,2 - Trade Closed ✅")
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "DOT/USDT", Side.SHORT)


@pytest.mark.parametrize("text, side", [
    ("✅ ĐÓNG LỆNH - SHORT DOTUSDT ✅\n\n💵 Giá vào: 6.8125\n💵 Giá ra: 6.6961\n⚡ Đòn bẩy: 10x", Side.SHORT),
    ("✅ إغلاق صفقة\nالعملة: DOTUSDT\nالاتجاه: بيع\nسعر الدخول: 6.8125\nسعر الإغلاق: 6.6961", Side.SHORT),
])
def test_a_card_headed_by_its_close_is_a_close_with_its_direction(text, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, "DOT/USDT", side)


def test_a_summary_named_after_the_channel_is_no_status():
    text = "Titanium ST3 – Resumo 04/12/2026\nSinais hoje: 7 (4 long / 3 short)\nMelhores alvos atingidos: 5/7"
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_trailing_stop_hit_card_is_a_close():
    text = "📉 TRAILING STOP HIT\n\n🪙 Symbol: SOL/USDT\n📈 Entry: $171.20\n🔝 Peak: $184.90\n📊 Exit: $181.10\n💰 Profit: +5.8%"
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.CLOSE, "SOL/USDT", UpdateAction.SL_HIT)


@pytest.mark.parametrize("text", [
    "#BTC funding expired? No — the quarterly futures expired today, volatility incoming",
    "#SOL 2024 recap: took 30% profit in March, rest in November. Good year!",
    "Trailing stop explained: the stop moves up as the price rises. #education",
    "#XRP lawsuit closed ✅ Ripple wins, what a day",
    "Binance closed the #LUNA market permanently",
    "#SHIB whale sold 50% of his bag, on-chain data shows",
])
def test_news_recaps_and_lessons_with_close_words_change_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", ["#SOL close at market", "Close market order #SOL", "Close the market position on #SOL"])
def test_closing_at_the_market_still_closes(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "SOL/USDT")


@pytest.mark.parametrize("text, kind, action", [
    ("For those with better entries make your stop loss 1.912", MessageKind.UPDATE, UpdateAction.NEW_STOP),
    ("可留小仓做格局", MessageKind.UPDATE, UpdateAction.OTHER),
    ("Closing here at BE", MessageKind.CLOSE, None),
])
def test_more_coinless_management_lines(text, kind, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (kind, None, action)


def test_keeping_a_stop_tight_without_a_price_moves_nothing():
    assert parse_message("Keep your stop loss tight this week, CPI tomorrow").kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, kind, action", [
    ("#SOL 2. hedef başarıyla ulaşıldı", MessageKind.UPDATE, UpdateAction.TP_HIT),
    ("#SOL تارگت دوم تاچ شد", MessageKind.UPDATE, UpdateAction.TP_HIT),
    ("#SOL 第2利確ライン到達", MessageKind.UPDATE, UpdateAction.TP_HIT),
    ("#SOL giriş emri gerçekleşti", MessageKind.UPDATE, UpdateAction.ENTRY_FILLED),
    ("#SOL entrada ejecutada", MessageKind.UPDATE, UpdateAction.ENTRY_FILLED),
    ("#SOL ordem de entrada executada", MessageKind.UPDATE, UpdateAction.ENTRY_FILLED),
    ("#SOL lệnh đã khớp", MessageKind.UPDATE, UpdateAction.ENTRY_FILLED),
    ("#SOL 入场单已成交", MessageKind.UPDATE, UpdateAction.ENTRY_FILLED),
    ("#SOL 진입 완료", MessageKind.UPDATE, UpdateAction.ENTRY_FILLED),
    ("#SOL 信号取消", MessageKind.CLOSE, UpdateAction.CANCEL_ENTRY),
    ("#SOL 시그널 취소", MessageKind.CLOSE, UpdateAction.CANCEL_ENTRY),
    ("#SOL シグナルキャンセル", MessageKind.CLOSE, UpdateAction.CANCEL_ENTRY),
])
def test_multilingual_target_fill_and_cancel_reports(text, kind, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (kind, "SOL/USDT", action)


@pytest.mark.parametrize("text", ["#SOL entry not triggered yet, waiting", "信号取消了吗？"])
def test_an_unfilled_entry_or_a_question_reports_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_bot_partially_exiting_is_a_partial_not_a_close():
    parsed = parse_message("🟡 Binance (dry): Partially exiting SOL/USDT:USDT (#31)\nAmount: 2.5\nExit Reason: tp1\nProfit: 1.9%")
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.PARTIAL_CLOSE)


def test_a_copier_script_calling_cancel_is_no_close():
    text = ("MyBybit(SOLUSDT) {\n  cancel(which=all);\n  market(side=sell, amount=25%);\n"
            "  stopOrder(side=buy, amount=100%, offset=@171.5, reduceOnly=true);\n}")
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", ["#FET/USDT Cancelled ❌ (entry not reached in 24h)",
                                  "LINK/USDT Take Profit erreicht ✅ Trade geschlossen (+1.5%)"])
def test_a_close_word_before_a_bracket_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


def test_japanese_stopped_out_and_thai_breakeven():
    stopped = parse_message("#AAVE 損切りにかかりました。ポジションクローズ。")
    assert (stopped.kind, stopped.symbol) == (MessageKind.CLOSE, "AAVE/USDT")
    moved = parse_message("#SUI ถึงเป้าแรกแล้ว ✅ เลื่อน SL ไปที่จุดเข้า")
    assert (moved.kind, moved.symbol, moved.update_action) == (MessageKind.UPDATE, "SUI/USDT", UpdateAction.MOVE_SL_BREAKEVEN)


def test_a_scale_out_is_a_partial_and_a_flat_stop_is_breakeven():
    scaled = parse_message("ALERT: Closed 2nd scale $SOL\nIN 171.2 OUT: 184.1 +12.9")
    assert (scaled.kind, scaled.symbol, scaled.update_action) == (MessageKind.UPDATE, "SOL/USDT", UpdateAction.PARTIAL_CLOSE)
    flat = parse_message("ALERT: Flat stop on $ETH, risk off from here")
    assert (flat.kind, flat.symbol, flat.update_action) == (MessageKind.UPDATE, "ETH/USDT", UpdateAction.MOVE_SL_BREAKEVEN)


def test_a_sale_card_with_its_result_closes_and_one_without_does_not():
    sold = parse_message("💰 VENTA EJECUTADA\n\n🪙 Par: DOT\n💵 Precio: $6.91\n📦 Cantidad: 12.5\n📋 Razón: Take Profit\n"
                         "💚 P&L: $1.20 (+2.1%)")
    assert (sold.kind, sold.symbol) == (MessageKind.CLOSE, "DOT/USDT")
    assert parse_message("SELL EXECUTED\nPair: DOTUSDT\nPrice: 6.91\nLeverage: 10x").kind != MessageKind.CLOSE


def test_a_footer_rule_for_when_tp1_hits_moves_no_stop_now():
    # (a full card whose footer says "move the SL to breakeven when TP1 hits", in Vietnamese and Indonesian)
    for footer in ("Dời SL về hòa vốn khi TP1 chạm", "Geser SL ke entry ketika TP1 kena"):
        text = ("🔥 DOT/USDT\nLOẠI GIAO DỊCH: Mua (Long)\nNhập Chính: 6.240\nDừng lỗ: 5.980\nTP1: 6.350\nTP2: 6.470\n" + footer)
        parsed = parse_message(text)
        assert parsed.kind != MessageKind.UPDATE and parsed.update_action is None


@pytest.mark.parametrize("text, symbol", [
    ("#DOT 全部利確しました ✅ 取引終了", "DOT/USDT"),
    ("AVAX — all targets hit 🎯🎯🎯 trade closed", "AVAX/USDT"),
])
def test_a_finished_trade_report_closes_its_coin(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


def test_a_close_all_beside_market_talk_still_names_no_coin():
    parsed = parse_message("Closing every open long, BTC lost 95K")
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, None)


@pytest.mark.parametrize("text, action", [
    ("#ARB добрали по 0.486, средняя теперь 0.495, стоп прежний", UpdateAction.ADD_ENTRY),
    ("#ARB ٹارگٹ 1 مکمل ✅ 30% منافع لے لیں، اسٹاپ انٹری پر", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#ARB 1. cél elérve ✅ stop a belépőre", UpdateAction.MOVE_SL_BREAKEVEN),
    ("#ARB instap 2 gevuld op 0.4760, gemiddelde 0.4792", UpdateAction.ENTRY_FILLED),
])
def test_ru_ur_hu_nl_management(text, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "ARB/USDT", action)
