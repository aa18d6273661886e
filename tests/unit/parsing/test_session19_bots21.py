"""Session 19, fixer bots21: machine-written notices relayed into channels (blind_z21 misses), each read as a family.

Every case is written in its own words, never a corpus row. A strategy left flat, a reduce-only stop filled, a bot's
"Exiting" and a grid stopped with its coin sold end the position; the buy or sell of a closing order is never the
position's side. An exchange's "Side: Open short" notice opens one (held: the order was the writer's); a TradingView
"long entry triggered on EXCHANGE:PAIR" alert is the call itself. A lead trader's add is an update; a bot's running
profit report asks for nothing; the admin's "ignore the last bot message about #X" withdraws that call.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a strategy left flat, a key=value exit: the position ends, the order's side is no position's --------------------


@pytest.mark.parametrize("text, coin", [
    ("ARBUSDT — order sell @ 350 filled. New strategy position is 0", "ARB/USDT"),
    ("Alert: order buy @ 12 filled on BINANCE:LINKUSDT.P. New strategy position is 0", "LINK/USDT"),
    ("OPUSDT strategy position now flat after the sell order", "OP/USDT"),
    ("TIAUSDT.P | position_size=0 | order=sell", "TIA/USDT"),
])
def test_a_strategy_left_flat_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin
    assert parsed.side is None  # (the buy or the sell that flattened it names no side of the position)


def test_a_strategy_position_left_open_is_no_close():
    parsed = parse_message("Strategy alert: order sell @ 2 filled on APTUSDT.P. New strategy position is -2")
    assert parsed.kind != MessageKind.CLOSE


@pytest.mark.parametrize("text, coin, side", [
    ("🔻 Exit | BINANCE:AVAXUSDT.P | TF 1h\naction=close_short price=38.12 pnl=+2.1%", "AVAX/USDT", Side.SHORT),
    ("ALERT NEARUSDT signal=exit_long price=5.41", "NEAR/USDT", Side.LONG),
    ("ALERT OPUSDT cmd=short_exit price=1.82", "OP/USDT", Side.SHORT),
    ("ALERT ATOMUSDT action=close price=8.01", "ATOM/USDT", None),
])
def test_a_keyed_exit_closes_with_the_side_it_names(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin
    assert parsed.side == side


def test_a_keyed_buy_is_no_close():
    assert parse_message("ALERT OPUSDT action=buy price=1.82").kind != MessageKind.CLOSE


# --- a JSON payload: position_size 0 or an exit comment closes; an unfilled {{ticker}} is an open nobody can trade ----


@pytest.mark.parametrize("text, coin", [
    ('{"ticker":"BYBIT:APTUSDT.P","action":"sell","contracts":"40","price":"9.12","position_size":"0"}', "APT/USDT"),
    ('{"ticker":"ARBUSDT","action":"buy","qty":"300","price":"0.81","position_size":0,"comment":"Exit"}', "ARB/USDT"),
    ('{"ticker":"SEIUSDT","action":"sell","price":"0.31","comment":"Long Exit"}', "SEI/USDT"),
])
def test_a_payload_left_flat_or_named_exit_is_a_whole_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin
    assert parsed.side is None


def test_a_payload_named_exit_with_a_position_left_is_never_an_open():
    text = '{"ticker":"SEIUSDT","action":"sell","price":"0.31","position_size":"150","comment":"Exit"}'
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_payload_with_a_position_left_keeps_its_open():
    parsed = parse_message('{"ticker":"ORDIUSDT","action":"sell","price":"37.1","position_size":"-12"}')
    assert parsed.kind == MessageKind.OPEN and parsed.side == Side.SHORT


@pytest.mark.parametrize("text, side", [
    ('{"signal":"LONG ENTRY","ticker":"{{ticker}}","entry":1.204,"tp":[1.25,1.31],"sl":1.17,"lev":"10x"}', Side.LONG),
    ('{"action":"sell","symbol":"{{ticker}}USDT","price":"0.62","tp":"0.58","sl":"0.65","market":"futures"}', Side.SHORT),
])
def test_an_unfilled_ticker_placeholder_is_an_open_with_no_coin_never_tradable(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol is None
    assert parsed.side == side
    assert parsed.entries and parsed.targets and parsed.stop_loss is not None
    assert not parsed.tradable


def test_an_unfilled_ticker_on_a_close_is_no_signal():
    assert parse_message('{"ticker":"{{ticker}}","action":"close_long"}').kind == MessageKind.NOT_A_SIGNAL


# --- an exchange's reduce-only stop filled, freqtrade's "Exiting", a grid sold out: the position ends -----------------


@pytest.mark.parametrize("text, coin", [
    ("🤖 OrderBot | BYBIT\nFILLED STOP_MARKET BUY ETHUSDT\nqty 2.5 avgPrice 3,412.0\nreduceOnly=true realized -88.1 USDT",
     "ETH/USDT"),
    ("FILLED MARKET SELL SOLUSDT qty 40 closePosition=true", "SOL/USDT"),
])
def test_a_reduce_only_stop_or_close_position_filled_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin
    assert parsed.side is None


@pytest.mark.parametrize("text", [
    "FILLED TAKE_PROFIT_MARKET BUY ETHUSDT\nqty 2 avgPrice 3100\nreduceOnly=true",  # (all of it or a part: not read)
    "PARTIALLY_FILLED STOP_MARKET SELL WIFUSDT qty 300 reduceOnly=true",
])
def test_a_reduce_only_order_not_wholly_stopped_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "CANCELED STOP_MARKET SELL WIFUSDT qty 300 reduceOnly=true",
    "EXPIRED TAKE_PROFIT_MARKET BUY ETHUSDT qty 2 reduceOnly=true",
])
def test_a_reduce_only_order_cancelled_changes_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin, side", [
    ("🔴 [dry] Exiting SOL/USDT:USDT (#57)\n reason: exit_signal | profit -1.2%", "SOL/USDT", None),
    ("🔴 Exiting short ARB/USDT:USDT (#31) reason: stop_loss", "ARB/USDT", Side.SHORT),
    ("*Kucoin:* Exiting LINK/USDT (#9)\nExit Reason: roi", "LINK/USDT", None),
])
def test_a_bot_exiting_a_trade_is_a_close(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin
    assert parsed.side == side


def test_a_bot_partially_exiting_is_no_close():
    parsed = parse_message("🟡 Partially exiting ETH/USDT:USDT (#29)\nAmount: 0.4")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", [
    "Exit cancelled for ETH/USDT:USDT (#29)",
    "🟠 *Binance:* Cancelling exit Order for AVAX/USDT:USDT (#12). Reason: timeout",
    "#SOL sell order canceled, still holding",
])
def test_an_exit_order_cancelled_is_no_close(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, coin", [
    ("⛔ DCA bot stopped · ADA/USDT\nReason: manual\nAll ADA sold at market · PnL +2.3 USDT", "ADA/USDT"),
    ("Futures Grid closed | LTC/USDT\nPosition closed at market, realized -3.1 USDT", "LTC/USDT"),
    ("Grid bot terminated (LINK/USDT): sold all LINK, profit 1.8 USDT", "LINK/USDT"),
])
def test_a_bot_ended_with_its_coin_sold_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


def test_a_grid_stopped_keeping_its_coins_is_no_close():
    assert parse_message("⛔ Spot Grid stopped · DOT/USDT\nCoins kept, not sold").kind != MessageKind.CLOSE


# --- a bot's running report asks for nothing ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📊 DCA Bot | SOL/USDT\nTotal profit: +4.2 USDT\nStatus: active",
    "🤖 Spot Grid · BNB/USDT\nRange 580 – 640 · 30 grids\nGrid profit (7d): +21.4 USDT · 44 matched trades\nStatus: running",
])
def test_a_bot_running_report_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
    assert parsed.symbol is None


def test_a_grid_report_that_says_it_stopped_is_not_read_as_a_report():
    # (a stop word is the bot doing something: left to the ordinary reading, never dropped as a report)
    parsed = parse_message("📊 Grid Bot | SOL/USDT\nGrid profit: +3 USDT\nStatus: stopped, all SOL sold at market")
    assert parsed.kind == MessageKind.CLOSE


# --- a lead trader's add or trim changes the running trade, never opens one -----------------------------------------


@pytest.mark.parametrize("text, coin, side, action", [
    ("🔔 Lead trader increased position\nPair: SOLUSDT Perp\nDirection: Short\nAdded size 12 SOL @ 150.2\nAvg entry now 148.9",
     "SOL/USDT", Side.SHORT, UpdateAction.ADD_ENTRY),
    ("Master trader added to the position · AVAXUSDT Long 10x\nAdded 40 AVAX @ 36.10", "AVAX/USDT", Side.LONG,
     UpdateAction.ADD_ENTRY),
    ("📉 Lead trader trimmed position\nLINKUSDT Short 8x\nClosed 30% @ 14.05", "LINK/USDT", Side.SHORT,
     UpdateAction.PARTIAL_CLOSE),
])
def test_a_lead_trader_change_is_an_update(text, coin, side, action):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == coin
    assert parsed.side == side
    assert parsed.update_action == action


def test_a_lead_trader_opening_is_still_an_open():
    text = "📢 Copy Trading | Lead trader opened a position\nSymbol: DOTUSDT Perpetual\nDirection: Long\nAvg. entry price: 4.12"
    assert parse_message(text).kind == MessageKind.OPEN


# --- an exchange's order notice: its side field says what the order did to the position -----------------------------


def test_an_open_side_notice_is_a_held_open_with_its_levels():
    parsed = parse_message("OKX | Trigger order filled\nSymbol: BTC-USDT-SWAP\nSide: Open long\nAvg price: 64,000\n"
                           "Leverage: 5x\nSL/TP: 62500 / 66000")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "BTC/USDT"
    assert parsed.side == Side.LONG
    assert parsed.entries == (Decimal(64000),)
    assert parsed.targets == (Decimal(66000),)
    assert parsed.stop_loss == Decimal(62500)
    assert parsed.leverage == 5
    assert not parsed.tradable


def test_an_open_side_notice_with_separate_level_lines():
    parsed = parse_message("Bitget | Order executed\nSymbol: ARBUSDT (USDT-M)\nSide: Open short\nFill price: 0.8120\n"
                           "TP: 0.7900\nSL: 0.8350")
    assert parsed.kind == MessageKind.OPEN
    assert (parsed.side, parsed.targets, parsed.stop_loss) == (Side.SHORT, (Decimal("0.79"),), Decimal("0.835"))


def test_a_close_side_notice_is_a_close_of_that_side():
    parsed = parse_message("Bybit | Order filled\nSymbol: ETHUSDT\nSide: Close long\nAvg fill: 3120")
    assert parsed.kind == MessageKind.CLOSE
    assert (parsed.symbol, parsed.side) == ("ETH/USDT", Side.LONG)


# --- a TradingView entry alert is the call; a channel's "entry triggered" over its card is the fill ------------------


def test_a_tradingview_entry_alert_is_an_open():
    parsed = parse_message("short entry triggered on BYBIT:ETHUSDT.P (1h) — entry 3400, tp 3300/3250, sl 3460 — strat: rsi_v3")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "ETH/USDT"
    assert parsed.side == Side.SHORT
    assert parsed.entries == (Decimal(3400),)
    assert parsed.targets == (Decimal(3300), Decimal(3250))
    assert parsed.stop_loss == Decimal(3460)


@pytest.mark.parametrize("text", [
    "#DOT LONG — ENTRY TRIGGERED ✅\nEntry 7.20\nTP 7.6\nSL 6.9",
    "Long entry triggered on #BNB — entry 598.7, tp 612/628, sl 586.5",
])
def test_a_channel_entry_triggered_stays_the_fill(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


# --- the admin's word that a bot's message was no trade withdraws that call ------------------------------------------


@pytest.mark.parametrize("text, coin", [
    ("admin: disregard the previous bot signal on #WIF, the webhook misfired", "WIF/USDT"),
    ("ignore the last alert about $SUI — test run, not a trade", "SUI/USDT"),
])
def test_ignoring_the_last_bot_message_about_a_coin_withdraws_it(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "ignore the last message about #PEPE and #DOGE",  # (two coins: which call is withdrawn is a reading)
    "please ignore the noise today, #BTC still fine",
    "ignore the last post about funding rates, #AVAX short still valid",  # (the coin is not what the message was about)
    "ignore the previous alert on #LINK, the #LINK long is still valid",
])
def test_an_ignore_naming_no_single_withdrawn_message_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE
