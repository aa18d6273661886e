"""Session 17, fixer bots17: bot, exchange and copier notices (blind_z6 misses), each read as a family.

Every case is written in its own words, never a corpus row. A close ends the whole position, a partial close keeps it,
an open read from a notice of someone's fill is held; the look-alikes below must keep their reading.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable and bool(parsed.rejected)


# --- liquidations: our position gone is a close, a part of it a partial close, an alert or a warning nothing -----------

@pytest.mark.parametrize("text, coin, side", [
    ("☠️ LIQUIDATED\nARBUSDT Perpetual · SHORT · 20x\nLiq. price: 1.204\nMargin lost: 75 USDT", "ARB/USDT", Side.SHORT),
    ("LIQUIDATED 💀\n#SUI/USDT LONG 15x\nLiquidation price 3.31", "SUI/USDT", Side.LONG),
    ("Bybit: Your position NEARUSDT LONG has been liquidated. Liq. price: 4.812", "NEAR/USDT", Side.LONG),
    ("#TIA bị thanh lý ở 5.43 rồi ae, x40 quá liều", "TIA/USDT", None),
    ("#APT terlikuidasi di 7.25, leverage 50x terlalu tinggi", "APT/USDT", None),
])
def test_our_position_liquidated_with_its_numbers_is_a_close(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin and parsed.side == side
    assert parsed.update_action == UpdateAction.SL_HIT


@pytest.mark.parametrize("text, coin", [
    ("#DOGE position partially liquidated (30%) at 0.1412, topped up margin, still holding", "DOGE/USDT"),
    ("#WIF liquidated 40% at 2.18 — rest still open, margin added", "WIF/USDT"),
    ("half of the position got liquidated on #ORDI at 31.5, the rest runs", "ORDI/USDT"),
])
def test_a_partial_liquidation_is_a_partial_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", [
    "#DOGE liquidation price 0.12, liquidated if it drops below",  # a card's field and a warning
    "#ARB liquidated at 0.9 if it dumps",
    "#TIA sẽ bị thanh lý ở 5.43 nếu giữ x40",  # vi: will be liquidated, if …
    "💀 LIQUIDATED\n#BTC Long $2.3M at 67,010 on Bybit",  # an exchange-wide alert
    "$150M in #ETH longs liquidated in the last hour",
])
def test_a_liquidation_warning_or_alert_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_a_liquidation_price_on_a_card_stays_a_card():
    parsed = parse_message("#OP LONG\nEntry 1.00\nTP 1.20\nSL 0.90\nLiq. price: 0.80")
    assert parsed.kind == MessageKind.OPEN and parsed.entries == (Decimal("1.00"),) and parsed.stop_loss == Decimal("0.90")


# --- a partial close keeps its coin and the rest said to run -----------------------------------------------------------

@pytest.mark.parametrize("text, coin", [
    ("Partial close done: 40% of #AVAX/USDT at 38.20\nRemaining 60% running", "AVAX/USDT"),
    ("Partial close: half of #LINK at 19.4", "LINK/USDT"),
    ("Closed 25% of #INJ at 31.2\nRemaining 75% still open", "INJ/USDT"),
])
def test_a_share_of_a_coin_closed_is_a_partial_close_of_that_coin(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == coin
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", ["#SOL TP3 hit, closed last 50% ✅", "#SOL closed remaining 50% at 160"])
def test_the_last_part_closed_still_ends_the_trade(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- a PnL card of a past trade is a results post ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "[Photo]\n#SEI long PnL card from yesterday 🚀 +148% ROI\nNext signal at 20:00 UTC",
    "ROI screenshot of last week's #ARB short +85%\nMore calls coming",
])
def test_a_pnl_card_of_a_past_trade_is_no_status(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_trade_still_running_beside_a_pnl_card_stays_an_update():
    parsed = parse_message("#WIF short still running +40%, PnL card from yesterday")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "WIF/USDT"


# --- webhook payloads: the side an exit ended ---------------------------------------------------------------------------

def test_a_webhook_exit_names_the_side_it_ended():
    parsed = parse_message('{"ticker":"APTUSDT.P","action":"exit","position":"flat","prev_market_position":"long"}')
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "APT/USDT" and parsed.side == Side.LONG


@pytest.mark.parametrize("payload", [
    '{"ticker":"APTUSDT","action":"exit","prev_market_position":"flat"}',
    '{"ticker":"APTUSDT","action":"exit_long"}',
])
def test_a_webhook_exit_without_a_previous_side_names_none(payload):
    parsed = parse_message(payload)
    assert parsed.kind == MessageKind.CLOSE and parsed.side is None


def test_a_webhook_partial_exit_stays_partial_with_a_previous_side():
    parsed = parse_message('{"ticker":"APTUSDT","action":"exit","prev_market_position":"short","percent":"50"}')
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE


# --- exchange fill notices -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, coin, entry", [
    ("Your order BUY 250 OP @ 1.734 is FILLED", "OP/USDT", Decimal("1.734")),
    ("Your buy order for 1,200 DOGE at 0.3812 has been filled", "DOGE/USDT", Decimal("0.3812")),
    ("KuCoin: Your limit order BUY 3.5 SOL @ 148.20 was executed", "SOL/USDT", Decimal("148.20")),
])
def test_a_buy_fill_notice_is_a_held_open_at_its_fill_price(text, coin, entry):
    parsed = parse_message(text)
    assert _held(parsed) and parsed.symbol == coin and parsed.side == Side.LONG
    assert parsed.entries == (entry,)  # (the amount bought is no price)


def test_a_buy_fill_notice_with_levels_is_still_held():
    parsed = parse_message("Your order BUY 120 ARB @ 0.8123 is FILLED\nTP 0.85 / SL 0.79")
    assert _held(parsed) and parsed.targets == (Decimal("0.85"),) and parsed.stop_loss == Decimal("0.79")


@pytest.mark.parametrize("text, coin", [
    ("Your limit order SELL 12 AVAX @ 39.80 has been FILLED.\nThat was the entire AVAX bag, trade done ✅", "AVAX/USDT"),
    ("Binance: Your order SELL 300 ARB @ 0.91 is FILLED\nWhole position closed +11%", "ARB/USDT"),
])
def test_a_sell_fill_of_the_whole_holding_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


def test_a_sell_fill_of_half_the_holding_is_a_partial_close():
    parsed = parse_message("Your limit order SELL 10 SOL @ 150 has been FILLED.\nSold half of the bag, rest rides")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE
    assert parsed.symbol == "SOL/USDT"


@pytest.mark.parametrize("text", [
    "Your limit order SELL 45.2 SUI @ 3.9150 has been FILLED.",  # a spot exit or a short? the whole or a part?
    "Your order SELL 1 BTC @ 67000 is FILLED (Futures, short opened)",
    "Your order BUY 120 THE @ 0.8123 is FILLED",  # a word that is no ticker we know
])
def test_an_unclear_fill_notice_closes_and_opens_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE and not parsed.tradable


# --- DCA bots ------------------------------------------------------------------------------------------------------------

def test_a_dca_bot_starting_a_deal_is_an_open_with_its_safety_orders_as_rungs():
    parsed = parse_message("🤖 DCA Bot 'SOL-Swing' started deal #311 — Binance Spot SOL/USDT\nBase order filled @ 150.00\n"
                           "Safety orders: 146.00 / 142.00\nTake profit: 156.00\nStop loss: 138.00")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "SOL/USDT" and parsed.side == Side.LONG
    assert parsed.entries == (Decimal("142.00"), Decimal("146.00"), Decimal("150.00"))
    assert parsed.targets == (Decimal("156.00"),) and parsed.stop_loss == Decimal("138.00")


def test_a_running_deal_whose_base_order_filled_stays_an_update():
    parsed = parse_message("🤖 Bot 'ETH-Swing' deal #9012\nBase order filled @ 3,480.00\nSafety orders: 3,400 / 3,350\n"
                           "Take profit: 3,600\nStop loss: 3,300")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text, coin", [
    ("🤖 Bot: SOL-dca-short | Deal #12\nSO #1 executed @ 150.2", "SOL/USDT"),
    ("Bot: BTC-grid-long | Deal #804\nSafety order #2 filled @ 94,100\nAvg price: 95,020 → new TP 96,000", "BTC/USDT"),
])
def test_a_safety_order_filled_is_an_entry_filled_of_the_bot_names_coin(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.ENTRY_FILLED
    assert parsed.symbol == coin and parsed.side is None  # (the side word in the bot's name is part of the name)


def test_so_numbered_is_no_coin():
    parsed = parse_message("SO #3 executed @ 3184.2")
    assert parsed.symbol is None


@pytest.mark.parametrize("text, side", [
    ("GRID-BOT: CLOSE-LONG DOGEUSDT 1H", Side.LONG),  # after a colon a command, not a bot's name
])
def test_a_bot_command_after_a_colon_keeps_its_side(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.side == side


def test_a_dca_word_naming_a_bot_is_no_rung_label():
    parsed = parse_message("DCA Bot started deal #9 — SOL/USDT\nBase order: 150\nSafety orders: 146 / 142\nTP: 156\nSL: 138")
    assert parsed.entries == (Decimal(142), Decimal(146), Decimal(150))


# --- a comma price in a decimal-comma language with nothing to check it against -----------------------------------------

@pytest.mark.parametrize("text, entry", [
    ("🤖 Robô abriu posição: #PYTH/USDT SHORT @ 0,412 (Futuros, 10x)", Decimal("0.412")),
    ("#JTO/USDT LONG entrada 2,871", Decimal("2.871")),
])
def test_a_comma_price_with_no_exit_reads_the_languages_decimal(text, entry):
    parsed = parse_message(text)
    assert _held(parsed) and parsed.entries == (entry,)


def test_a_comma_price_of_a_coin_priced_in_thousands_stays_thousands():
    parsed = parse_message("#BTC LONG @ 67,250")
    assert parsed.entries == (Decimal(67250),)


# --- a direction called in ko/ja/zh with its levels promised ---------------------------------------------------------------

@pytest.mark.parametrize("text, coin, side", [
    ("🤖 #DOT 숏 신호 발생 — 진입가는 곧 공지합니다", "DOT/USDT", Side.SHORT),
    ("#SOL 롱 시그널 — 타점은 곧 안내드립니다", "SOL/USDT", Side.LONG),
    ("#ETH ロング シグナル", "ETH/USDT", Side.LONG),
])
def test_a_direction_signal_in_cjk_is_a_held_direction_only_open(text, coin, side):
    parsed = parse_message(text)
    assert _held(parsed) and parsed.symbol == coin and parsed.side == side and parsed.entries == ()


@pytest.mark.parametrize("text", ["#TRX 롱 신호 없음", "#BTC 롱 신호 대기 중"])
def test_no_signal_or_waiting_for_one_is_no_open(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL
