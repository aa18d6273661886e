"""Session 16, the lead's fixes from the first look at blind_w1..w4 (own look-alikes, other coins and wording):

- "still holding / running" in other languages is progress on the running trade (an update that executes nothing), and a
  close that waits on a condition beside "holding for now" is no status at all (three authors label it not_a_signal);
- a target reported hit stays reported when the post also says the stop stays ("TP1 hit ✅ Don't move SL yet");
- "TP1 114.90 filled" ticks the target off like "hit" (it was read as a fresh open with the target and the new stop);
- "Sell orders unchanged" names the kind of the trade's orders, not its side;
- a "Reminder:" under a heading word we do not know as a coin names no coin;
- a bot's payload pasted under a delivery heading ("Webhook received ✅") is read as the payload; "order_action" is an
  action key; a payload's side stays on the stop move it reports.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


@pytest.mark.parametrize("text,symbol", [
    ("#INJ toujours en cours 💪 on garde la position", "INJ/USDT"),
    ("#ARB sigue abierta, paciencia", "ARB/USDT"),
    ("#SOL segue aberta, seguimos firmes", "SOL/USDT"),
    ("#AVAX ancora aperta, nessun cambiamento", "AVAX/USDT"),
    ("#DOT läuft noch, nichts zu tun", "DOT/USDT"),
    ("#TON позицию держим, без изменений", "TON/USDT"),
    ("#FET hala açık, sabır", "FET/USDT"),
    ("#OP ยังถืออยู่ ⏳", "OP/USDT"),
    ("#LINK vẫn giữ lệnh, chưa chốt", "LINK/USDT"),
    ("#SEI masih hold ya guys", "SEI/USDT"),
    ("#WIF abhi bhi hold karo bhai", "WIF/USDT"),
])
def test_still_holding_in_other_languages_is_an_update_that_executes_nothing(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.OTHER)
    assert not parsed.tradable


@pytest.mark.parametrize("text", [
    "#DOGE if the 4h candle closes below 0.1550 we will close the position. Still holding for now ✋",
    "#ADA 4 saatlik mum 0.41 altında kapanırsa pozisyonu kapatacağız. Şimdilik tutmaya devam",
    "Если BTC закроет день ниже 90.500 — выходим из всех лонгов. Продолжаем держать.",
])
def test_a_close_that_waits_beside_holding_for_now_is_no_status(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_holding_alone_and_a_close_now_are_unchanged():
    assert parse_message("#DOGE still holding ✋").update_action == UpdateAction.OTHER
    assert parse_message("#DOGE closing the position now. Still holding ETH").kind == MessageKind.CLOSE


@pytest.mark.parametrize("text,symbol", [
    ("#NEAR TP1 hit ✅\nDon't move SL yet — we move it to BE only after TP2.", "NEAR/USDT"),
    ("#APT target 1 reached 🎯 Do not move the stop yet", "APT/USDT"),
])
def test_a_target_hit_stays_reported_when_the_stop_stays(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.TP_HIT)
    assert parsed.new_stop is None


def test_the_stop_stays_with_no_target_hit_is_still_no_change():
    assert parse_message("#APT do not move the stop yet, wait for TP1").kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("word", ["filled", "taken", "touched", "smashed"])
def test_a_priced_target_ticked_off_with_another_verb_is_progress_not_an_open(word):
    parsed = parse_message(f"XRP short ➜ TP1 2.118 {word}. Taking 50% off, stop down to 2.205 (entry 1).")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "XRP/USDT" and not parsed.tradable
    assert parsed.update_action == UpdateAction.TP_HIT and UpdateAction.NEW_STOP in parsed.also_actions
    assert D("2.205") in parsed.stop_readings


def test_a_stop_said_to_go_down_or_up_to_a_price_moves_it():
    # (a point before three digits reads two ways: the ingest keeps the one near the running trade's levels)
    parsed = parse_message("#XRP short: TP1 hit. Taking 50% off, stop down to 2.205")
    assert UpdateAction.NEW_STOP in (parsed.update_action, *parsed.also_actions)
    assert set(parsed.stop_readings) == {D("2.205"), D(2205)}
    parsed = parse_message("#ADA long — stop up to 0.7120 now")
    assert parsed.update_action == UpdateAction.NEW_STOP and parsed.new_stop == D("0.7120")


def test_sell_orders_name_no_side():
    parsed = parse_message("ATOM update: buy orders 1 & 2 filled (6.10 / 5.90) ✅\nCancel the 3rd order at 5.70. "
                           "Sell orders unchanged")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.CANCEL_ENTRY
    assert parsed.side is None


def test_a_reminder_under_a_heading_word_names_no_coin():
    parsed = parse_message("📡 SIGNAL HUB — MORNING 📡\nReminder: max 2% risk per trade, no revenge trading.")
    assert parsed.kind == MessageKind.NOT_A_SIGNAL and parsed.symbol is None
    # (a coin we know under the same reminder is still the trade's)
    assert parse_message("Reminder: SOL long still active, entry 142").symbol == "SOL/USDT"


def test_a_payload_under_a_delivery_heading_is_read_as_the_payload():
    parsed = parse_message('Webhook received ✅\n{"ticker":"NEARUSDT","strategy":{"order_action":"buy","order_type":"limit",'
                           '"position_size":2},"price":5.12,"tp":[5.40,5.75],"sl":4.85}')
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "NEAR/USDT" and parsed.side.value == "long"
    assert [str(e) for e in parsed.entries] == ["5.12"] and parsed.stop_loss is not None


def test_a_heading_that_says_something_of_the_trade_is_not_skipped():
    parsed = parse_message('Close this one:\n{"ticker":"NEARUSDT","side":"buy","price":5.12}')
    assert parsed.kind != MessageKind.OPEN


def test_a_payload_keeps_the_side_on_the_stop_move_it_reports():
    parsed = parse_message('{"event":"sl_moved","symbol":"SOLUSDT","side":"short","new_sl":"entry","ts":1733412000}')
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.side.value == "short"


@pytest.mark.parametrize("line,leverage", [
    ("×10 lev, safe traders stick to 3x", 10),
    ("20x, beginners use 5x max", 20),
    ("Leverage 10x, newbies stay under 3x", 10),
    ("×10 lev", 10),
])
def test_leverage_advice_after_a_comma_leaves_the_calls_leverage(line, leverage):
    parsed = parse_message(f"🟢 #GALA LONG\nEntry 0.01842\nTP 0.01890 / 0.01950\nSL 0.01780\n{line}")
    assert parsed.tradable and parsed.leverage == leverage


def test_a_heading_word_before_the_coin_of_a_restated_entry_is_not_the_coin():
    parsed = parse_message("🔁 ENTRY REFRESH — OP\nWe're now filling between 1.82 and 1.85 instead. Targets & stop stay.")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "OP/USDT" and not parsed.tradable


def test_a_cancel_beside_a_close_that_waits_is_still_the_cancel():
    # (only a post whose one change is "still holding" goes with the waiting close)
    parsed = parse_message("#LINK cancel TP4, we exit everything at TP3")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.OTHER


@pytest.mark.parametrize("text", [
    "$PEPE bag fully sold ✅ +43%",
    "🚀 $PEPE ALL 4 TARGETS SMASHED ✅\nBAG FULLY SOLD, CONGRATS FAM",
    "$BONK sold the whole bag at 0.0000241",
    "#FLOKI position fully sold, we're done with this one",
])
def test_a_bag_fully_sold_ends_the_trade(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol is not None


@pytest.mark.parametrize("text,kind", [
    ("VIP spots fully sold out! #BTC calls tomorrow", MessageKind.NOT_A_SIGNAL),
    ("$PEPE half sold, rest riding", MessageKind.UPDATE),
])
def test_sold_out_promos_and_half_sold_are_no_close(text, kind):
    assert parse_message(text).kind == kind


@pytest.mark.parametrize("text,kind,action", [
    ("⚡ [Quick Scalps 🎯]\ninj runner stopped at be. flat on it, +0.4% total", MessageKind.CLOSE, UpdateAction.SL_HIT),
    ("⚡ [Quick Scalps 🎯]\narb tp1 .8780 ✔ sl -> be, rest rides", MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_a_bracketed_channel_name_heading_a_terse_post_is_no_part_of_it(text, kind, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.update_action) == (kind, action) and parsed.symbol in ("INJ/USDT", "ARB/USDT")


def test_a_bracketed_heading_that_says_the_trade_stays():
    parsed = parse_message("[LONG Alert]\n#SOL entry 142 tp 150 sl 138")
    assert parsed.kind == MessageKind.OPEN and parsed.side.value == "long"


def test_levels_dropping_in_minutes_hold_the_direction_only_call():
    parsed = parse_message("$WIF SPOT BUY 🔥🔥\nENTRY + TARGETS DROPPING IN 5 MIN ⏰")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "WIF/USDT" and not parsed.tradable


def test_a_reply_reporting_the_entry_zone_filled_is_no_new_open():
    parsed = parse_message("↩️ Reply to: 📍 #AVAX/USDT 📈 Direction: LONG ⚙️ Leverage: Isolated 5x …\n\nEntry zone fully "
                           "filled ✅\nAverage entry: 24.10\nStop stays at 22.90, targets unchanged.")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "AVAX/USDT", UpdateAction.ENTRY_FILLED)
    assert not parsed.tradable


_BUY = '{"symbol": "SOLUSDT", "action": "buy", "price": 142.5, "tp": 150, "sl": 135}'


@pytest.mark.parametrize("heading", [
    "Paper-trade alert received, do not copy", "Webhook received (TEST — ignore)", "Raw payload example for the docs",
    "Alert received - demo account", "Webhook received — replay of yesterday's alert", "Raw request from backtest:",
    "Webhook JSON (mistake — SOL not ETH)", "Incoming alert, ignore this one",
])
def test_a_payload_under_a_heading_that_says_it_is_not_live_is_not_acted_on(heading):
    parsed = parse_message(f"{heading}\n{_BUY}")
    assert parsed.kind == MessageKind.NOT_A_SIGNAL and not parsed.tradable
    assert parse_message(f'{heading}\n{{"symbol": "ETHUSDT", "action": "exit"}}').kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("heading", ["Webhook received ✅", "Incoming alert:", "📩 New webhook payload"])
def test_a_bare_delivery_heading_leaves_the_payload_live(heading):
    assert parse_message(f"{heading}\n{_BUY}").tradable


@pytest.mark.parametrize("text,entries", [
    ("#OP LONG lev 20x, beginners use 5x, entry 2.00, TP 2.10, SL 1.90", ["2.00"]),
    ("#BTC LONG 20x, beginners use 5x, entry 67000-67500, TP 68000, SL 66000", ["67000", "67500"]),
    ("Leverage 20x, safe traders use 5x and entry 0.52\n#ADA LONG\nTP 0.55\nSL 0.50", ["0.52"]),
])
def test_leverage_advice_after_a_comma_takes_only_itself_off_the_line(text, entries):
    parsed = parse_message(text)
    assert parsed.tradable and [str(e) for e in parsed.entries] == entries and parsed.leverage == 20


@pytest.mark.parametrize("text", [
    "Many got stopped out on #SOL, not us",
    "Many got stopped out on #AVAX today 😬",
    "A lot of people were stopped on #ETH — but not us 😎",
])
def test_other_traders_stopped_out_close_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", ["#SOL stopped out ❌", "Many thanks! #SOL closed at TP3 ✅", "#SOL got stopped out at entry"])
def test_our_own_stop_out_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text,symbol", [
    ("Close this week's #AVAX long now", "AVAX/USDT"),
    ("Closing the March #ETH long now at 3400", "ETH/USDT"),
    ("#SOL closed October's swing at TP3 +45%", "SOL/USDT"),
])
def test_a_month_or_week_that_names_the_trade_does_not_stop_its_close(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == symbol


@pytest.mark.parametrize("text", ["Fechamos novembro com 38 operações, 29 no gain ✅", "Closed October +180% 🚀",
                                  "We closed this week with +230%", "Cerramos marzo en verde, gracias"])
def test_a_month_or_week_of_results_is_still_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,entries", [
    ("#AVAX SHORT\nEntry: 36.85\nDCA: 37.90 Current price: 3412.50\nTP1 35.70 TP2 34.60\nSL 38.75\nLev 10x", ["36.85", "37.90"]),
    ("📉 #ARB SHORT\nVào lệnh: 1.12 và DCA thêm 1.16\nChốt lời: 1.06 / 1.01 Current price: 1.14\nCắt lỗ: 1.20", ["1.12", "1.16"]),
])
def test_a_current_price_note_glued_onto_a_line_does_not_drop_the_dca_rung(text, entries):
    parsed = parse_message(text)
    assert [str(e) for e in parsed.entries] == entries and parsed.entry_type.value == "limit"


def test_a_market_entry_still_carries_no_rung():
    parsed = parse_message("#AVAX SHORT\nEntry: CMP 36.85\nDCA: 37.90\nTP1 35.70\nSL 38.75")
    assert parsed.entry_type.value == "market" and 37.9 not in [float(e) for e in parsed.entries]
