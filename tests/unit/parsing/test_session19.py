"""Session 19 (lead): a rung's cancel beside a fill report, "take half here", and a question the writer answers yes."""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


@pytest.mark.parametrize("text", [
    "#INJ: cancel only entry 2 (22.40) — entry 1 is filled ✅ SL unchanged.",
    "#INJ: entry 1 filled ✅ cancel entry 2",
    "[VIP] #APT entry 1 filled ✅\nCancel entries 2 & 3, price moving away from them",
    "#OP update: first two entries filled ✅ Cancel the remaining entry (1.58).",
])
def test_a_rung_cancel_beside_a_fill_report_is_the_cancel(text):
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE
    assert message.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#INJ entry 2 filled ✅ avg 22.10",
    "#INJ: both entries filled, SL unchanged",
])
def test_a_fill_report_alone_stays_a_fill(text):
    assert parse_message(text).update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "#ICP take half here",
    "#ICP took half of the profits now, rest runs",
    "#APT take half here 💰 and move SL to BE",
    "#ICP — close 50%? Yes. Take half here ✅ rest runs, SL to entry.",
    "Close half of #ICP? Yes, take half here.",
    "¿Cerramos la mitad de #ICP? Sí. Cerramos 50% aquí.",
])
def test_take_half_now_is_a_partial_close(text):
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE
    assert message.update_action == UpdateAction.PARTIAL_CLOSE
    assert message.symbol == "ICP/USDT" or message.symbol == "APT/USDT"


@pytest.mark.parametrize("text", [
    "#ICP entry 2: take half size here",
    "Should I take half here on #ICP?",
    "#ICP close 50%? Yes or no?",
    "#ICP close 50%? Yes / No — vote",
    "#ICP close 50%?\nYes — 👍\nNo — 👎",
    "#ICP close 50%? No. Hold it all.",
    "#ICP close 50%? Yes? No? Vote below",
    "¿Cerramos la mitad de #ICP? si el precio cae a 8, sí",
    "where would you put your stop on #ICP? yes, I'd say 8.8",
])
def test_a_share_asked_about_or_sized_is_no_partial_close(text):
    message = parse_message(text)
    assert message.update_action != UpdateAction.PARTIAL_CLOSE
    assert message.kind != MessageKind.CLOSE
    assert message.update_action not in (UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN)


@pytest.mark.parametrize("text", [
    # (a yes alone, a yes with a condition or a joke, a member's yes: the question stays a question)
    "Should we move SL to entry on #SOL? Yes, tomorrow after the daily close.",
    "Should we move SL to entry on #ICP? Yes, do it now.",
    "Anyone here closing half of #ETH? yes. me. scared of CPI",
    "Cerrar 50% de #SOL? Sí, pero solo si pierde 140. Por ahora nada.",
    "@john: closing half #TIA here? yes!\n@admin: we're holding ours",
    "#ICP close 50%? Yes. Just kidding, we hold 😂",
])
def test_a_yes_without_the_change_made_after_it_changes_nothing(text):
    message = parse_message(text)
    assert message.kind != MessageKind.CLOSE
    assert message.update_action not in (UpdateAction.PARTIAL_CLOSE, UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.NEW_STOP)


@pytest.mark.parametrize("text", [
    "@mike took half of the profits now on #WIF 😎 nice one bro",
    "@john took half here on #TIA, smart 👏",
    "@john closed half here on #TIA, smart 👏",
    "@sara just moved her SL to entry on #SOL, good habit",
    "I'd take half here personally on #ARB but the call is hold",
])
def test_a_members_or_the_writers_own_change_is_not_the_channels(text):
    message = parse_message(text)
    assert message.kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "#INJ: no need to cancel entry 2, leave it",
    "#INJ entry 1 filled ✅ — no need to cancel entry 2, leave it",
    "#SOL cancel entry 2 if you're on a small account",
    "#SOL entry 1 filled ✅ — cancel entry 2 if you're on a small account",
    "#ETH entry 1 filled. Yesterday I wrote cancel entry 2 — ignore that, it stays.",
])
def test_a_rung_cancel_not_needed_taken_back_or_optional_cancels_nothing(text):
    message = parse_message(text)
    assert message.update_action != UpdateAction.CANCEL_ENTRY
    assert message.kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#XRP cancel entry 2 — entry 1 not filled yet, keep that one",
    "#XRP entry 1 not filled yet. Cancel entry 2 (2.05), keep entry 1 at 2.15",
    "#SOL cancel entry 2 if you are not in yet",
])
def test_a_later_rung_cancelled_with_the_first_kept_is_no_whole_cancel(text):
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE
    assert message.update_action == UpdateAction.CANCEL_ENTRY


@pytest.mark.parametrize("text", [
    "#SUI SL now 2 hours old and price didn't move, patience",
    "#SUI SL now 3 candles below price",
    "#SUI stop is now 1 tick away",
    "#SUI SL now 1.5R away",
    "#SUI SL now 19 pips below",
])
def test_a_count_or_distance_after_sl_now_is_no_new_stop(text):
    assert parse_message(text).update_action != UpdateAction.NEW_STOP


@pytest.mark.parametrize("text", ["#SUI SL now 1.92", "SL now 1.92 on #SUI", "#SUI stop is now at 3,120"])
def test_sl_now_at_a_price_is_a_new_stop(text):
    assert parse_message(text).update_action == UpdateAction.NEW_STOP


@pytest.mark.parametrize("text", [
    "Kill it, stop the music 😂 we're in a voice chat",
    "Get out of this trade-every-candle mindset. Patience pays.",
    "Kill it, risk managers!",
    "Cut it, SL hunters everywhere today 😤 (just venting, we're still in)",
    "kill it, setup of the week coming tonight",
    "Kill it out there today fam",
    "Kill it, trade safe everyone",
    "kill it, done for today guys, good night 🌙",
    "Get out of that loss-averse mindset",
    "Kill it $DOGE army 🐕🚀",
    "Kill it $PEPE fam",
    "Cut it #SHIB fud spreaders",
])
def test_kill_it_as_a_cheer_or_idiom_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "kill it. out at market 🔪", "kill it, we're out", "Cut it. Not worth the risk", "Cut it, #AVAX is done",
    "kill it", "cut it now", "get out of this trade now", "kill it, too risky",
])
def test_kill_it_as_an_exit_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "Back in '21 I sold all my #ETH at 4800. Never again.",
    "Sold all my #BTC at the 2021 top, still proud 😎",
    "In '22 we closed #LUNA",
])
def test_a_close_told_as_an_old_story_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "#DOGE 50% closed ✅ — fees left: none on this exchange 😎",
    "#ETH TP1 ✅ closed 25%. Upside left: 0% to TP2? no — 4% to TP2.",
    "#BNB closed 50% — margin left: 0% free, careful",
    "#SOL closed 30% at TP1 ✅ risk left: 0% (SL at entry)",
])
def test_something_else_left_at_zero_keeps_the_partial_close(text):
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE
    assert message.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", ["#SOL Closed 50% | Remaining: 0%", "#SOL closed 50%\nRemaining: 0%",
                                  "#SOL closed 50%, position left: 0 %"])
def test_nothing_of_the_position_left_is_a_close(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "test 123\n#BTC LONG\nEntry 67000\nTP 68000\nSL 66000",
    "Example of a good R:R 👇\n#SOL LONG\nEntry 142\nTP 160\nSL 136",
    "Template for new members:\nCoin: BTC/USDT\nSide: LONG\nEntry: 67000\nTP: 68000\nSL: 66000",
    "#ETH kharido mat abhi\nEntry 3450\nTP 3500\nSL 3380",
])
def test_a_feed_check_a_teaching_card_or_a_dont_buy_is_never_tradable(text):
    assert not parse_message(text).tradable


@pytest.mark.parametrize("text", [
    "#BTC LONG\nEntry 67000\nTP 68000\nSL 66000",
    "Bhai log #DOGE short lena hai 👇\nEntry 0.3650 se 0.3700 tak\nTarget 0.3580, 0.3500\nSL 0.3790\nLeverage 10x se zyada mat lena",
    "Tested the support, holding ✅\n#BTC LONG\nEntry 67000\nTP 68000\nSL 66000",
])
def test_plain_cards_beside_those_stay_tradable(text):
    assert parse_message(text).tradable


def test_a_tradable_open_with_a_leverage_the_post_does_not_state_is_scored_wrong():
    from verzek.parsing.scoring import wrong_trade

    text = "ETH/USDT LONG\nEntry 3000\nTP 3100\nSL 2900\nLeverage 20x"
    row = {"id": "t", "text": text, "expected": {"kind": "open", "symbol": "ETH/USDT", "side": "long", "market": "futures",
           "leverage": None, "entries": [3000], "entry_type": "limit", "targets": [3100], "stop_loss": 2900}}
    parsed = parse_message(text)
    assert parsed.tradable and parsed.leverage == 20
    assert "leverage" in wrong_trade(row, parsed)
    assert wrong_trade({**row, "expected": {**row["expected"], "leverage": 20}}, parsed) is None


@pytest.mark.parametrize("text", ["#ETH took half here ✅ move SL to 3,150", "#ETH closed half here ✅ move SL to 3,150"])
def test_a_stop_move_beside_a_partial_whose_comma_reads_two_ways_carries_both_readings(text):
    """(session 14 held this stop back; since session 17 a comma read two ways goes with both readings, the signal's levels
    choose — "took half here" is now the partial close it says, so the stop beside it is read the same way)"""
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE and UpdateAction.NEW_STOP in parsed.also_actions
    assert parsed.new_stop is None and len(parsed.stop_readings) == 2


@pytest.mark.parametrize("text", [
    "#SOL ⚠️ De-risking: close half at market (≈146.2), keep the other half with SL 141.0",
    "#SOL close half, keep the other half",
    "#SOL close 50% now, hold the remaining half",
])
def test_a_half_closed_with_the_other_half_kept_is_a_partial(text):
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE
    assert message.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", ["#SOL closed the other half ✅", "#SOL TP2: close the remaining half", "#SOL closed the last 50%"])
def test_the_last_part_closed_ends_the_trade(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "closed everything the second Marco posted, only paid fees 🙏 you guys are legends",
    "sold mine as soon as you called it, thanks!",
])
def test_a_reader_telling_how_they_followed_a_close_closes_nothing_new(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", ["closed everything ✅", "#ETH closed everything at market"])
def test_the_channels_own_close_everything_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


def test_take_half_keep_the_rest_is_a_partial():
    message = parse_message("$SOL: take half, keep the rest. Stop already sits at entry so the runner is free.")
    assert message.update_action == UpdateAction.PARTIAL_CLOSE and message.symbol == "SOL/USDT"


def test_an_empty_leverage_field_on_a_spot_card_keeps_it_spot():
    card = "🪙 DOGE/USDT · Spot\n🧭 BUY\n⚙️ Lev: —\n📥 Entry: 0.1012 – 0.1035\n🎯 TP1 0.1090\n🛑 SL 0.0968"
    assert parse_message(card).market.value == "spot"
    assert parse_message("#SOL LONG\nLev: 10x\nEntry 140\nTP 150\nSL 130").market.value == "futures"


@pytest.mark.parametrize("text", [
    "The CME gap on #BTC at 64,900 finally closed 🎯 told you last Sunday. No trade here, just chart talk.",
    "⚠️ FYI: OKX will delist #ZRO perpetuals — open positions on those contracts get closed automatically on 14 Dec.",
    "Exit poll 🗳️ 62% of you are still holding #DOGE from last week's call, 21% took profit 😂 thanks for voting!",
    "💬 From the member chat: “#OP stopped out at 1.712, -5.4% on x8” — that was Dave's own scalp, we posted no OP call.",
    "Пишут в личку: «выбило по стопу #AVAX на 27,85». Ребята, это ваш личный стоп — у канала стоп 28,40, шорт в работе.",
    "We're exiting Bybit as our main venue 👋 From Monday all VIP calls (#ZRO setups included) are sized for Binance.",
])
def test_a_gap_an_exchange_schedule_a_poll_a_members_stop_or_a_venue_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text, symbol", [
    ("#OP stopped out at 1.712 ❌ -5.4%", "OP/USDT"),
    ("Close Binance futures positions on #SOL now", "SOL/USDT"),
    ("TradingView alert: EXIT LONG BINANCE:AVAXUSDT @ 38.41 (4H SuperTrend flip)", "AVAX/USDT"),
    ("We're exiting #ZRO now at market", "ZRO/USDT"),
])
def test_the_channels_own_closes_beside_those_still_close(text, symbol):
    message = parse_message(text)
    assert message.kind == MessageKind.CLOSE and message.symbol == symbol


def test_a_rung_cancelled_while_running_with_entry_1_only_is_one_rung():
    message = parse_message("ARB: cancel the 0.7600 order, we won't get it after CPI. Running with entry 1 only, SL stays 0.7380")
    assert message.kind == MessageKind.UPDATE and message.update_action == UpdateAction.CANCEL_ENTRY


def test_the_channels_earlier_call_translated_is_no_second_open():
    text = "🇷🇺 Перевод для русскоязычных — утренний сигнал по #XRP:\nШОРТ\nВход: 2.41\nЦели: 2.34 / 2.27\nСтоп: 2.47\nПлечо x10"
    message = parse_message(text)
    assert message.kind == MessageKind.UPDATE and not message.tradable
    fresh = parse_message("#XRP SHORT\nEntry 2.41\nTP 2.34 / 2.27\nSL 2.47\n🇷🇺 Перевод: ШОРТ, вход 2.41")
    assert fresh.kind == MessageKind.OPEN and fresh.tradable


@pytest.mark.parametrize("text, symbol", [
    ("Encerrem a operação de #SOL agora, o mercado virou. Saímos no zero a zero 🤝", "SOL/USDT"),
    ("Cắt lệnh #TIA toàn bộ tại 5.61, thị trường xấu quá ae ạ 😔", "TIA/USDT"),
])
def test_pt_and_vi_closes_to_the_readers(text, symbol):
    message = parse_message(text)
    assert message.kind == MessageKind.CLOSE and message.symbol == symbol


@pytest.mark.parametrize("text", ["Cắt lệnh #TIA một nửa", "Encerrem 50% de #SOL agora", "Cắt lệnh 50% #TIA",
                                  "Não encerrem a operação de #SOL ainda", "#TIA LONG\nVào lệnh: 5.8\nTP: 6.2\nCắt lỗ: 5.61"])
def test_a_share_a_negation_or_a_stop_label_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    ("LESSON FOR NEW MEMBERS\n\n✅ Wetin be Stop Loss? No SL = you fit lose everything\n\n"
    "Example only: if you buy ETH for 3000, you fit put SL for 2920. No be signal o!"),
    ("🔥 LESSON FOR NEW MEMBERS 📚\n\n✅ Wetin be Stop Loss? Na the price wey you go comot if market go against you.\n▪️ \n"
    "▪️ Example only: if you buy ETH for 3000, you fit put SL for 2920. No be signal o!"),
])
def test_a_lesson_with_a_ticked_line_moves_no_stop(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_breakeven_close_with_an_exchange_named_after_it_still_closes():
    assert parse_message("#AVAX закрыли в безубыток Bybit").kind == MessageKind.CLOSE


def test_a_current_price_noted_after_the_entry_is_no_second_entry():
    base = parse_message("#ETH\nNOW → 3,405\nTP 3,470 / 3,540\nSL 3,352")
    edited = parse_message("#ETH\nNOW → 3,405 Current price: 3412.50\nTP 3,470 / 3,540\nSL 3,352")
    assert edited.tradable and edited.entries == base.entries and edited.entry_type == base.entry_type
