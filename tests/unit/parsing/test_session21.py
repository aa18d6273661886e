"""Session 21, lead: a running trade shown again is no fresh call.

- "We're in #LINK long now, entry was 14.62, targets …, SL …": the entry written as the past and no fresh entry — the
  post shows the levels of a trade taken earlier; read at the market it would buy now, at a price the call never named.
  Held for review. A fresh entry beside the old one ("entry was 412, now 428 / For latecomers, new card / Entry: 418 -
  422") still trades.
- "We are already long #ETH from 3100. Targets …, stop …": held (unless the post calls itself a new signal).
- A call shown after it was taken (review 34): a results card ("SIGNAL RESULT", "KẾT QUẢ TÍN HIỆU", "信号结果"), an entry
  ticked as filled ("Entry: 3100 (already filled)"), the trade said to run ("Our AVAX long from 14.62 is doing great",
  "running +12%", "Мы уже в лонге по #SOL с 14.62", "Seguimos en #DOT long desde 4.10"), a call for those not in yet in
  other languages, an old call shown again ("Last week we posted:", "Сигнал от 3 декабря", "given to VIP at 10:00"), a
  reminder ("Pengingat:", "提醒："): held. A fresh call after a word about an old one ("Next: #OP SHORT …", "We go again")
  still trades.
- "The stop for SUI raised concerns in the chat": a stop talked about, not moved ("stop raised to 3.42" still moves it).
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable and "held for review" in (parsed.rejected or "")


# (review 34, session 21: each of these traded before)
STALE_CALLS = [
 '🏆 SIGNAL RESULT 🏆\n#TIA LONG\nEntry: 9.80\nTP1: 10.30\nTP2: 10.90\nSL: 9.40\nProfit: +56% with 10x',
 'KẾT QUẢ TÍN HIỆU\n#TIA LONG\nEntry: 9.80\nTP1: 10.30\nTP2: 10.90\nSL: 9.40\nProfit: +56% with 10x',
 '信号结果\n#TIA LONG\nEntry: 9.80\nTP1: 10.30\nTP2: 10.90\nSL: 9.40',
 'SİNYAL SONUCU\n#TIA LONG\nEntry: 9.80\nTP1: 10.30\nTP2: 10.90\nSL: 9.40\nKâr: %56',
 '#ETH LONG\nEntry: 3100 (already filled)\nTP: 3300 / 3400\nSL: 3000',
 '#ETH LONG\nEntry: 3100 (filled ✅)\nTP: 3300 / 3400\nSL: 3000',
 '#ETH LONG\nEntry: 3100 — reached ✅\nTP: 3300 / 3400\nSL: 3000',
 '#ETH LONG\nGiriş: 5.20 (gerçekleşti)\nTP: 5.5 / 5.8\nSL: 5.0',
 '#LINK LONG\nEntry was: 14.62\nTP: 15.5 / 16.5\nSL: 13.9',
 '#NEAR LONG\nВход был: 5.20\nЦели: 5.5 / 5.8\nСтоп: 5.0',
 '#NEAR LONG\nEntry price was 5.20\nTP: 5.5 / 5.8\nSL: 5.0',
 'Already long #ETH from 3100, TP 3300 3400, SL 3000. New signal coming soon!',
 "We're still long #ETH from 3100 (TP 3300 3400, SL 3000). Next new trade tonight.",
 'We entered #AVAX long at 14.62 yesterday. TP 15.5 / 16.5, SL 13.9',
 'Our AVAX long from 14.62 is doing great! TP 15.5 16.5 SL 13.9',
 'We went long on #LINK at 14.62 this morning. TP 15.5 16.5 SL 13.9',
 'We remain long #DOT from 4.10. TP 4.50 4.90, SL 3.85',
 '#DOT long from 4.10 is doing well, TP 4.50 4.90 SL 3.85',
 'Keep holding #DOT long. Entry 4.10 TP 4.50 4.90 SL 3.85',
 '#LINK long is in profit. Entry 14.62, TP 15.5 16.5, SL 13.9',
 'Our #LINK long: entry 14.62, TP 15.5 16.5, SL 13.9. Currently +8%',
 '#AVAX long entry 14.62 TP 15.5 16.5 SL 13.9 — running +12% 🚀',
 '#NEAR long is alive and well\nEntry 5.20 | TP 5.60 6.00 | SL 4.95',
 'Мы уже в лонге по #SOL с 14.62. Цели 15.5 16.5, стоп 13.9',
 "#SOL long pozisyonumuz 14.62'den açık. TP 15.5 16.5 SL 13.9",
 'Ya estamos en largo en #SOL desde 14.62. TP 15.5 16.5 SL 13.9',
 'Kita sudah long #SOL dari 14.62. TP 15.5 16.5 SL 13.9',
 'نحن بالفعل في صفقة شراء #SOL من 14.62 الأهداف 15.5 16.5 وقف 13.9',
 "#DOT long 4.10'dan beri tutuyoruz. TP 4.50 4.90 SL 3.85",
 'Seguimos en #DOT long desde 4.10. TP 4.50 4.90 SL 3.85',
 'Masih hold #DOT long dari 4.10. TP 4.50 4.90 SL 3.85',
 '🎁 FREE VIP SIGNAL 🎁\n#ARB LONG\nEntry 2.30\nTP 2.6 / 2.8\nSL 2.2\nThis was given to VIP at 10:00 UTC, TP1 already close!',
 'Free signal from our VIP channel (posted there yesterday) 👇\n#ARB LONG\nEntry 2.30\nTP 2.6 2.8\nSL 2.2',
 'Sinal grátis do VIP:\n#ARB LONG\nEntrada 2.30\nAlvos 2.6 / 2.8\nStop 2.2\n(já em andamento no VIP)',
 'Сигнал из VIP (уже в работе):\n#ARB LONG\nВход 2.30\nЦели 2.6 / 2.8\nСтоп 2.2',
 'Last week we posted: #FET LONG Entry 1.25 TP 1.35 1.45 SL 1.18',
 "From last week's VIP: #FET LONG Entry 1.25 TP 1.35 1.45 SL 1.18",
 "Here's the #FET call we shared on Monday:\n#FET LONG\nEntry 1.25\nTP 1.35 1.45\nSL 1.18",
 'Сигнал от 3 декабря:\n#FET LONG\nВход 1.25\nЦели 1.35 1.45\nСтоп 1.18',
 '#OP LONG Entry 1.85 TP 1.95 2.05 SL 1.78\n(posted 03.12.2026)',
 'Signal from 12/03: #AVAX LONG entry 14.62 TP 15.5 16.5 SL 13.9',
 'Another win for our members!\n#TIA LONG Entry 9.80 TP 10.30 10.90 SL 9.40',
 'Pengingat:\n#LINK LONG\nEntry: 14.20\nTP: 15 / 16\nSL: 13.50',
 '提醒：\n#LINK 做多\n入场: 14.20\n目标: 15 / 16\n止损: 13.50',
 'Кто ещё не зашёл — #ARB лонг, вход 2.4, цели 2.6 2.8, стоп 2.2',
 'Si aún no entraste: #ARB long entrada 2.4, TP 2.6 2.8, SL 2.2',
 'Henüz girmeyenler için: #ARB long giriş 2.4, TP 2.6 2.8, SL 2.2',
 'Yang belum masuk: #ARB long entry 2.4, TP 2.6 2.8, SL 2.2',
 'Ai chưa vào: #ARB long entry 2.4, TP 2.6 2.8, SL 2.2',
 'Missed #ARB at 2.30? Entry 2.40 still fine. TP 2.6 2.8 SL 2.2',
]


@pytest.mark.parametrize("text", STALE_CALLS)
def test_a_call_shown_after_it_was_taken_is_held(text):
    parsed = parse_message(text)
    assert not parsed.tradable, (parsed.to_expected_dict(), parsed.rejected)


@pytest.mark.parametrize("text", [
    "We're in #LINK long now, entry was 14.62, targets 15.10 / 15.80 / 16.50, SL 13.90",
    "#LINK long running ✅ entry was 14.62\nTargets 15.10 / 15.80 / 16.50\nSL 13.90",
    "For the ones holding: #OP short, entry was @ 2.41, TP 2.30 / 2.18, SL 2.52. Market now 2.36",
    "We are already long #ETH from 3100. Targets 3250 3400, stop 2990",
    "Still long #SOL from 142 — TP 150 / 158, SL 136",
    "#DOGE: we're already in the short from 0.1840. TP 0.1750 / 0.1680, SL 0.1905",
])
def test_a_running_trade_restated_is_held(text):
    parsed = parse_message(text)
    assert _held(parsed), (parsed.to_expected_dict(), parsed.rejected)


@pytest.mark.parametrize("text", [
    "#LINK long, entry 14.62, targets 15.10 / 15.80 / 16.50, SL 13.90",
    "We're in #LINK long now at 14.62, targets 15.10 / 15.80 / 16.50, SL 13.90",
    "#TAO LONG — entry was 412, now 428 📈\nFor latecomers, new card 👇\nEntry: 418 - 422\nTP: 445 / 468\nSL: 401\nLev 5x",
    "🆕 NEW SIGNAL\n#ETH long entry 3100, targets 3250 / 3400, stop 2990\n(already long from the last call: keep it, no add)",
    "Yesterday's call delivered 3/3 ✅\n\nNext: #OP SHORT\nEntry 1.842 - 1.870\nTP 1.805 / 1.768 / 1.720\nSL 1.905\nLev 10x",
    "Free signal for the public group 🎁\n#CRV/USDT\nBuy 0.5320\nSell 0.5500 0.5680\nStop 0.5150\n\nVIP got this 2 hours ago",
    "#ETH LONG\nEntry: 3100 (limit)\nTP: 3300 / 3400\nSL: 3000",
])
def test_a_fresh_entry_still_trades(text):
    parsed = parse_message(text)
    assert parsed.tradable, (parsed.to_expected_dict(), parsed.rejected)


@pytest.mark.parametrize("text", [
    "Stop for SUI raised concerns in the chat, let me explain why it sits there",
    "The way we trail stops raises questions every week — here is the logic",
    "#AVAX: moving the SL lowered some doubts? no, it raised questions. AMA tonight",
])
def test_a_stop_talked_about_is_no_stop_move(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.UPDATE or parsed.update_action is None, parsed


@pytest.mark.parametrize("text", ["#SUI stop raised to 3.42", "SUI: stop raised, now 3.42", "#SUI stop lowered to 3.10"])
def test_a_stop_raised_still_moves(text):
    assert parse_message(text).update_action.value == "new_stop"


# (review 34: each of these closed a trade or changed a position)
@pytest.mark.parametrize("text", [
    "Closing #ETH was a great decision last week",
    "#BTC partial close was a mistake yesterday",
    "#ETH: SL 3000 stays. Those who moved SL to entry got stopped out at BE, sorry",
    "#ETH SL hit for those who used tight stops, ours at 3000 is safe",
    "#ETH: our SL is 3000, not 3100 like some other channels — they got stopped",
    "Кто закрыл #ETH раньше — зря, мы держим до второй цели",
    "#ETH stop was raised to 3050 by some members, we keep 3000",
    "По #ETH стоп не двигаем, кто перенёс в безубыток — ваше решение",
    "#ETH'yi erken kapatanlar kaçırdı, biz TP2'yi bekliyoruz",
    "#ETH: hold. Those who want can take partial profit",
    "Guys who want to secure profit can close 50% of #ETH, we are holding",
])
def test_what_others_did_beside_the_channel_keeping_its_trade_changes_nothing(text):
    from verzek.parsing.status import POSITION_CHANGES

    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE and parsed.update_action not in POSITION_CHANGES, parsed


@pytest.mark.parametrize(("text", "kind"), [
    ("#AVAX stopped out. Those who entered late got a better price, we hold nothing now", MessageKind.CLOSE),
    ("Those who are still in #ETH: close it now, we are out", MessageKind.CLOSE),
    ("#ETH closed at 3300 ✅ great call", MessageKind.CLOSE),
])
def test_the_channels_own_close_still_closes(text, kind):
    assert parse_message(text).kind == kind


@pytest.mark.parametrize(("text", "symbol"), [
    ("SL moved to entry on #ETH and #BTC still as is", "ETH/USDT"),
    ("#ETH and #SOL: TP1 hit on ETH, move SL to entry there", "ETH/USDT"),
    ("#BTC unchanged, #ETH SL to entry", "ETH/USDT"),
])
def test_a_change_named_for_several_coins_goes_to_the_ones_it_is_for(text, symbol):
    parsed = parse_message(text)
    assert parsed.update_action.value == "move_sl_breakeven" and parsed.symbol == symbol and not parsed.also_symbols


def test_a_change_for_every_coin_named_stays_for_each():
    parsed = parse_message("Move SL to entry on #ETH and #BTC")
    assert set(parsed.also_symbols) == {"ETH/USDT", "BTC/USDT"}


def test_a_quick_scalp_shouted_in_capitals_trades_no_quick():
    # (found by en45: "1000PEPE QUICK SHORT" upper-cased traded QUICK/USDT; the coin QUICK is still read as a pair)
    shouted = parse_message("⚡ 1000PEPE QUICK SHORT\nIN 0.01182–0.01190\nOUT 0.01160 / 0.01142\nSTOP 0.01204\n25X ISO")
    assert not shouted.tradable or shouted.symbol == "1000PEPE/USDT"
    assert parse_message("QUICK/USDT LONG entry 0.0520 tp 0.0550 / 0.0580 sl 0.0490").symbol == "QUICK/USDT"
