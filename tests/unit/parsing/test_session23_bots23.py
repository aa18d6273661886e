"""Session 23, bots23: posts from automated sources (signal bots, TradingView webhooks, copy-trade notices, DCA bots)
and unusual card layouts.

Rules, each with its traps:
- a bot's JSON payload is read by more of the keys these tools write: TradingView's "strategy.order.action" written
  as its own key (its "strategy.market_position" / "strategy.prev_market_position" name the position), a signal
  bot's short keys "cmd", "dir", "sym" and "exch" ("BINANCE-FUT" is the futures account); a direction with no price is
  still held as direction-only; a close whose own side field names a position ("side": "long") closes that side — an
  order's "buy"/"sell" there names none;
- a payload's event that the call's entry filled ("event": "ENTRY_FILLED", "entry1_triggered") is the running call's
  fill (an update), never an open; a bare "filled" or an exchange's order record stays no signal;
- a bot's event word written in snake case ("event=ENTRY_FILLED", "TP2_REACHED", "SL_TRIGGERED", "ENTRY_CANCELLED")
  is read as the words it joins; other snake-case values stay as they are;
- a label alone heading its line, set off from its price by a pointer ("ZONE ▸ a ~ b", "Stop ► x", "Zone ➤ a", "Zona »
  a") is read as a "Zone:" label; a pointer between other words, or before a word, is left alone, and so are arrows
  ("SL → x" says a change);
- a bot's heading glued to its word by a double slash ("BOT//CANCEL") is two words; a link keeps its slashes;
- "entry not filled, order removed" takes the unfilled call off — a cancel, a close by the corpora's convention; one
  later rung's ("2nd entry not filled, order removed", "entry 2 …") is no cancel of the call;
- a margin mode written right after the leverage mark ("margin 4x isolated", "Margin: 7x cross") makes the mark the
  call's leverage, as it does written before it; an amount of margin ("Margin: 40 USDT") is none; a copy-trade
  notice's "Nx isolated" / "cross Nx" is its leverage;
- a DCA bot's deal card reads "Base order: filled @ p" as the base entry and "Safety orders (armed): a · b" as its
  rungs (still held: the post reports a fill);
- "DCA buy plan", "DCA buy ladder" head a fresh card (an open) — "DCA buy at x" and a bare "dca buy" stay adds to the
  running trade.
"""

import json

import pytest
from verzek.domain.signals import MessageKind, Side
from verzek.parsing import parse_message


def _open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.reason, parsed.rejected)
    return parsed


# --- JSON payload keys ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("payload", "side", "leverage"), [
    ({"ticker": "NEARUSDT.P", "strategy.order.action": "buy", "alert": "entry", "price": "5.120", "lev": "x6",
      "tp1": "5.30", "tp2": "5.45", "sl": "4.98"}, Side.LONG, 6),
    ({"ticker": "ATOMUSDT.P", "strategy.order.action": "sell", "price": "8.450", "tp": "8.10", "sl": "8.70", "lev": 4},
     Side.SHORT, 4),
    ({"cmd": "OPEN", "exch": "BYBIT-FUT", "sym": "ARBUSDT", "dir": "SHORT", "type": "LIMIT", "price": 1.215,
      "tp": 1.17, "sl": 1.245, "lev": 12}, Side.SHORT, 12),
])
def test_payload_keys_of_more_tools_are_read(payload, side, leverage):
    parsed = _open(json.dumps(payload))
    assert parsed.side == side
    assert parsed.leverage == leverage
    assert parsed.to_expected_dict()["market"] == "futures"
    assert parsed.entries and parsed.targets and parsed.stop_loss is not None


def test_a_direction_only_payload_is_held():
    parsed = _open(json.dumps({"cmd": "OPEN", "exch": "BINANCE-FUT", "sym": "FETUSDT", "dir": "SHORT", "type": "MARKET",
                               "lev": 3, "qty_pct": 20}))
    assert parsed.side == Side.SHORT and parsed.leverage == 3
    assert not parsed.tradable


@pytest.mark.parametrize(("payload", "side"), [
    ({"action": "close_all", "symbol": "ADAUSDT", "side": "short", "price": 0.71}, Side.SHORT),
    ({"cmd": "CLOSE", "sym": "ETHUSDT", "dir": "LONG"}, Side.LONG),
    ({"ticker": "ARBUSDT.P", "strategy.order.action": "buy", "strategy.market_position": "flat",
      "strategy.prev_market_position": "short", "price": "1.20"}, Side.SHORT),
])
def test_a_close_payload_names_the_side_it_closes(payload, side):
    parsed = parse_message(json.dumps(payload))
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.side == side


@pytest.mark.parametrize("payload", [
    {"action": "close", "symbol": "ADAUSDT", "side": "sell"},
    {"action": "close", "symbol": "ADAUSDT", "side": "buy"},
])
def test_an_orders_buy_or_sell_on_a_close_names_no_position(payload):
    parsed = parse_message(json.dumps(payload))
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.side is None


def test_a_flat_strategy_position_closes_whatever_its_order_says():
    parsed = parse_message(json.dumps({"ticker": "OPUSDT.P", "strategy.order.action": "sell",
                                       "strategy.position_size": "0", "price": "1.90"}))
    assert parsed.kind == MessageKind.CLOSE


@pytest.mark.parametrize("payload", [
    {"event": "ENTRY_FILLED", "symbol": "INJUSDT", "price": 21.05},
    {"alert": "entry1_triggered", "ticker": "INJUSDT.P", "fill": "21.05", "side": "long"},
])
def test_a_payloads_entry_filled_event_is_the_calls_fill(payload):
    parsed = parse_message(json.dumps(payload))
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "INJ/USDT"
    assert parsed.to_expected_dict()["kind"] == "update"


@pytest.mark.parametrize("payload", [
    {"event": "filled", "symbol": "INJUSDT", "price": 21.05},
    {"status": "filled", "symbol": "INJUSDT", "price": 21.05},
    {"event": "entry_filled", "symbol": "INJUSDT", "price": 21.05, "orderId": "99120"},
])
def test_a_bare_fill_or_an_order_record_is_no_signal(payload):
    assert parse_message(json.dumps(payload)).kind == MessageKind.NOT_A_SIGNAL


# --- bot event words in snake case ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("▪ KESTREL · APTUSDT ▪ event=ENTRY_FILLED price=8.812", MessageKind.UPDATE),
    ("KESTREL | APTUSDT | event=TP2_REACHED px=9.40", MessageKind.UPDATE),
    ("KESTREL | APTUSDT | event=SL_TRIGGERED px=8.30", MessageKind.CLOSE),
    ("KESTREL | APTUSDT | event=ENTRY_CANCELLED", MessageKind.CLOSE),
])
def test_snake_case_event_words_are_read(text, kind):
    parsed = parse_message(text)
    assert parsed.kind == kind
    assert parsed.symbol == "APT/USDT"


@pytest.mark.parametrize("text", [
    "KESTREL | APTUSDT | event=HEARTBEAT status=tp_sl_armed",
    "KESTREL | APTUSDT | status=tp_sl_armed",
])
def test_other_snake_case_values_change_nothing(text):
    assert parse_message(text).kind not in (MessageKind.CLOSE, MessageKind.OPEN)


# --- a pointer as a label's colon ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🤖 AUTOCALL ▸ #AAVE/USDT\nSIDE ▸ SHORT\nLEV ▸ 7x\nZONE ▸ 96.20 ~ 97.40\nTGT ▸ 93.80 | 91.50\nSL ▸ 99.10",
    "#AAVE/USDT SHORT\nLeverage ► 7x\nEntry ► 96.20 - 97.40\nTargets ► 93.80 / 91.50\nStop ► 99.10",
    "#AAVE/USDT SHORT\nLev ➤ 7x\nZone ➤ 96.20 ~ 97.40\nTP ➤ 93.80 / 91.50\nSL ➤ 99.10",
    "#AAVE/USDT SHORT\nLev » 7x\nZona » 96.20 ~ 97.40\nTP » 93.80 / 91.50\nSL » 99.10",
    "#AAVE/USDT SHORT\nLev ▶️ 7x\nZone ▶️ 96.20 ~ 97.40\nTP ▶️ 93.80 / 91.50\nSL ▶️ 99.10",
])
def test_a_pointer_after_a_line_label_is_its_colon(text):
    parsed = _open(text)
    assert [float(e) for e in parsed.entries] == [96.2, 97.4]
    assert parsed.to_expected_dict()["entry_type"] == "range"
    assert parsed.leverage == 7
    assert float(parsed.stop_loss) == 99.1


@pytest.mark.parametrize("text", ["#SOL update\nSL → 179", "#SOL update\nSL ▸ 179", "#SOL SL moved ▸ 179"])
def test_a_stop_line_in_a_status_post_stays_a_stop_move(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action.value == "new_stop"


def test_a_pointer_between_words_is_left_alone():
    parsed = parse_message("VAULT EXIT ▸ XRP ▸ fully closed at 0.5010")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "XRP/USDT"


# --- words glued by a double slash ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("📟 RELAY//CANCEL LINKUSDT", MessageKind.CLOSE),
    ("RELAY//TP1 HIT LINKUSDT", MessageKind.UPDATE),
])
def test_a_double_slash_separates_two_words(text, kind):
    parsed = parse_message(text)
    assert parsed.kind == kind
    assert parsed.symbol == "LINK/USDT"


def test_a_link_keeps_its_slashes():
    parsed = parse_message("#LINK long 14.20, tp 14.90, sl 13.80 — chart https://www.tradingview.com/x/AbCd")
    assert parsed.kind == MessageKind.OPEN


# --- an unfilled entry's order removed ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🔔 LINKUSDT — ENTRY NOT FILLED, ORDER REMOVED",
    "#LINK entry never triggered - order deleted",
    "#LINK entry was not filled; the order was withdrawn",
])
def test_an_unfilled_entry_taken_off_is_a_cancel(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "LINK/USDT"


@pytest.mark.parametrize("text", [
    "#LINK 2nd entry not filled, order removed",
    "#LINK entry 3 not filled, order removed",
    "#LINK DCA entry never filled - order deleted",
    "#LINK entry not filled yet, order stays",
    "#LINK entry filled, order removed from the watchlist",
])
def test_a_rung_or_a_kept_order_is_no_cancel_of_the_call(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- leverage beside a margin mode ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "leverage"), [
    ("margin 4x isolated", 4),
    ("Margin: 7x cross", 7),
    ("Margen: 9x aislado", 9),
    ("isolated 6x", 6),
])
def test_a_margin_mode_after_the_mark_makes_it_the_leverage(line, leverage):
    parsed = _open(f"#APT/USDT SHORT\nEntry: 9.12\nTP: 8.80, 8.55\nSL: 9.40\n{line}")
    assert parsed.leverage == leverage


def test_an_amount_of_margin_is_no_leverage():
    parsed = _open("#APT/USDT SHORT\nEntry: 9.12\nTP: 8.80, 8.55\nSL: 9.40\nMargin: 40 USDT")
    assert parsed.leverage is None


@pytest.mark.parametrize("line", ["Margin mode: margin 8x isolated", "Mode: cross 8x", "Leverage: 8x"])
def test_a_copy_trade_notice_carries_its_leverage(line):
    text = ("Copy trade notice\nLead trader \"Pelican\" opened a position\nFutures · TIAUSDT Perpetual\n"
            f"Side: Open Long\n{line}\nAvg. open price: 6.114\nTP / SL: 6.480 / 5.870")
    parsed = _open(text)
    assert parsed.side == Side.LONG
    assert parsed.leverage == 8
    assert not parsed.tradable  # (a notice of a fill on the writer's account stays held)


# --- a DCA bot's deal card ----------------------------------------------------------------------------------------------------------


def test_a_dca_deal_card_reads_the_base_fill_and_the_armed_safety_orders():
    text = ("🤖 GridPal DCA · Deal 7731 OPENED\nExchange: Binance Spot\nPair: NEAR_USDT\nBase order: filled @ 5.210\n"
            "Safety orders (armed): 5.090 · 4.960\nTake profit: 5.400 (+3.6%)\nStop loss: 4.800")
    parsed = _open(text)
    assert parsed.symbol == "NEAR/USDT"
    assert parsed.side == Side.LONG
    assert [float(e) for e in parsed.entries] == [4.96, 5.09, 5.21]
    assert float(parsed.stop_loss) == 4.8
    assert not parsed.tradable


def test_a_safety_order_with_a_condition_stays_out():
    text = ("#NEAR/USDT\nBase order: 5.210\nSafety orders (if it dips): 5.090 · 4.960\nTake profit: 5.400\n"
            "Stop loss: 4.800")
    parsed = _open(text)
    assert [float(e) for e in parsed.entries] == [5.21]


# --- a DCA buy plan is a fresh card -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📋 DCA buy plan — $TAO (spot)\nLadder: 410 / 395 / 380\nTake profit: 450 / 480\nHard stop: 360",
    "DCA buy ladder for #TAO\nBuys: 410 / 395 / 380\nTP: 450 / 480\nSL: 360",
])
def test_a_dca_buy_plan_is_an_open(text):
    parsed = _open(text)
    assert parsed.side == Side.LONG
    assert [float(e) for e in parsed.entries] == [380, 395, 410]


@pytest.mark.parametrize("text", ["#TAO DCA buy at 395", "#TAO dca buy"])
def test_a_dca_buy_into_the_running_trade_stays_an_add(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
