"""Session 24, cards24: signal cards of channel templates and of posts mangled by relays and chat clients.

Rules, each with its traps:
- a chat client's "(edited)" mark at a line's end (or alone on the last line) is no word of the post: a full card so
  marked is the card, read and traded as any. Not an open: a writer's own "EDIT:" heading over the card (a change of the
  call) and a status line marked "(edited)" (it stays the status it is);
- a price struck through with "~~" and a new one written after it ("Entry: ~~2.10~~ 2.04") — the struck price is taken
  back; only the new one is the entry;
- leverage spelt in keycap emojis right before the "x" ("🔟x", "2️⃣5️⃣x") is that number; a keycap elsewhere is a list
  marker, no leverage;
- a Discord card whose body sits in a "> " quote block under its own short heading (":red_circle: **SHORT** $ARB"), with a
  bridge's footer under it, is the card read whole — the heading names the coin, the quote none, so nothing earlier is
  quoted. A reply quoting an earlier card (the coin inside the quote) keeps its reading;
- Discord's spoiler bars ("long ||ARB||") hide nothing from the parser: the words inside are the post's;
- a copy-trading card's order line — "Order: Limit @ 1.234", "Order: Market (last 64,210)", "Orden: Límite 1.234" — gives
  the entry's kind and its price; such a card ("Side: Open Long", "New position signal") is the lead trader's call, not
  a fill on anyone's account. An exchange's notice that the order FILLED is still held;
- a machine translator's labels word for word — "Zone of entering: A until B", "Take the profit:", "Stop the loss:" —
  are the entry, target and stop labels;
- "margin 3x" / "Margin: 5x" is leverage; "Margin: 50 USDT" stays an amount;
- "(Mercado Bitcoin)", the exchange's name, orders nothing at the market;
- a pair quoted in a fiat currency (EUR, TRY) no longer says spot by itself: "BTC/EUR LONG" writes no market (still held);
- an exchange app's shared position (a mark price line and a signed ROI/ROE/PnL, no target, no stop) is a flex, no call;
  a card with its TP/SL beside a "Mark price" note is still a card;
- a full card with its own condition row ("Condition: BTC must hold above 100k on the daily close — if it doesn't, skip
  this one", "Rule: valid only after a 4H candle closes above 0.4350 — no close, no trade") is a conditional open, held
  with its levels; a plan in the would-mood ("I'd long 645–650 … No sweep = no trade") stays no call, and "Missed it?
  skip this one" under a reminder stays what it was.
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _traded(text: str):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert parsed.tradable, parsed.rejected
    return parsed


def _held(text: str):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert not parsed.tradable
    return parsed


def _f(values):
    return [float(v) for v in values]


# --- the client's "(edited)" mark and a struck-through price ------------------------------------------------------------


@pytest.mark.parametrize(("text", "entries", "leverage"), [
    ("🔴 DOT/USDT SHORT\nEntry: 7.420\nTP: 7.210 / 7.050\nSL: 7.610\nLeverage 8x\n(edited)", [7.42], 8),
    ("LINK/USDT 🟢 LONG\nEntry 1: 14.20\nEntry 2: 13.85\nTP: 14.90 / 15.60\nSL: 13.40\nLev: 5x (edited)", [13.85, 14.2], 5),
    ("#OP LONG\nEntry: ~~2.10~~ 2.04\nTP: 2.22 / 2.35\nSL: 1.95\n7x\n(edited)", [2.04], 7),
    ("#FTM SHORT\nEntry: ~~0.7420~~ 0.7380\nTargets: 0.7200 / 0.7050\nStop: 0.7560\nLeverage 10x", [0.738], 10),
    # (a relay's bold around each line, the mark inside it)
    ("**🔴 DOT/USDT SHORT**\n**Entry: 7.420**\n**TP: 7.210 / 7.050**\n**SL: 7.610**\n**Leverage 8x (edited)**", [7.42], 8),
    ("**#OP LONG**\n\n**Entry: ~~2.10~~ 2.04**\n\n**TP: 2.22 / 2.35**\n\n**SL: 1.95**\n\n**7x**\n\n**(edited)**", [2.04], 7),
])
def test_client_edit_mark_and_struck_price_leave_the_card(text, entries, leverage):
    parsed = _traded(text)
    assert _f(parsed.entries) == entries
    assert parsed.leverage == leverage


@pytest.mark.parametrize("text", [
    "EDIT: #DOT SHORT\nEntry 7.42\nTP 7.21 / 7.05\nSL 7.61",
    "EDIT: #NEAR SL changed to 5.25 (typo in the first post)",
    "OP TP1 2.22 ✅ move SL to 2.04 (edited)",
])
def test_a_writers_edit_is_no_fresh_open(text):
    assert parse_message(text).kind == MessageKind.UPDATE


# --- keycap leverage --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "leverage"), [
    ("🟢 BUY $ARB NOW\nmarket entry ~1.120\nTP 1.160 | 1.210\nSL 1.080\nLeverage: 🔟x", 10),
    ("#AAVE LONG\nEntry 182.5\nTP 190 / 198\nSL 176\nLev 2️⃣5️⃣x", 25),
    ("#AAVE LONG\nEntry 182.5\nTP 190 / 198\nSL 176\nLeverage 5️⃣ x", 5),
])
def test_keycap_leverage(text, leverage):
    assert _traded(text).leverage == leverage


def test_keycap_list_marker_is_no_leverage():
    parsed = parse_message("#AAVE LONG\nEntry 182.5\nTP 190 / 198\nSL 176\n🔟 xtra notes follow")
    assert parsed.kind == MessageKind.OPEN and parsed.leverage is None


# --- Discord cards: a quote block under the card's heading, spoilers -----------------------------------------------------


@pytest.mark.parametrize(("text", "coin", "stop"), [
    ((":red_circle: **SHORT** $ARB\n> Entry: 1.100 - 1.115\n> Lev: 5x iso\n> :dart: 1.050 / 1.010\n> :octagonal_sign: 1.150\n\n"
     "_relayed by BridgeBot_"), "ARB/USDT", 1.15),
    (("<@&771122334455>\n:green_circle: LONG $TIA\n> Entry 6.40\n> TP 6.75 / 7.10\n> SL 6.12\n> 8x\n:warning: relayed, layout may "
     "differ"), "TIA/USDT", 6.12),
    ("**:green_circle: LONG $TIA**\n\n**> Entry 6.40**\n\n**> TP 6.75 / 7.10**\n\n**> SL 6.12**\n\n**_relayed by BridgeBot_**",
     "TIA/USDT", 6.12),
    ("**Trader Z** via Discord:\n> :green_circle: long ||TIA||\n> entry 6.35-6.45\n> tp 6.75 7.10\n> sl 6.12\n> 8x iso",
     "TIA/USDT", 6.12),
])
def test_discord_card_in_a_quote_block(text, coin, stop):
    parsed = _traded(text)
    assert parsed.symbol == coin and float(parsed.stop_loss) == stop


def test_discord_card_with_a_stop_on_the_wrong_side_is_read_and_not_traded():
    parsed = _held(":green_circle: LONG $TIA\n> Entry 6.40\n> TP 6.75 / 7.10\n> SL 6.90\n> 8x\n_relayed by BridgeBot_")
    assert float(parsed.stop_loss) == 6.9


def test_a_bridges_heading_over_a_quoted_card_with_a_footer():
    parsed = _traded("**Trader Z** via Discord:\n> :green_circle: long TIA\n> entry 6.35-6.45\n> tp 6.75 7.10\n> sl 6.12\n"
                     "Good luck 🍀")
    assert parsed.symbol == "TIA/USDT" and _f(parsed.entries) == [6.35, 6.45]


@pytest.mark.parametrize("text", [
    # a reply quoting an earlier card: the quote names the coin, the reply closes it
    "> #ARB SHORT\n> Entry 1.10\n> TP 1.05\n> SL 1.15\nclosing this one now",
    "via Discord:\n> #ARB SHORT\n> Entry 1.10\n> TP 1.05\n> SL 1.15\nclosing this one now",
    # a card shown to be laughed at
    "😂 Look what a 'premium' group posted today:\n> LONG $PEPE 100x\n> Entry 0.0000101\n> TP 0.0000150\nlol",
])
def test_a_quoted_earlier_card_is_no_new_open(text):
    assert parse_message(text).kind != MessageKind.OPEN


# --- copy-trading cards' order lines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entries", "etype"), [
    (("🤖 COPYDESK | Lead Trader \"Orion\"\nNew position signal\nContract: LINKUSDT Perpetual\nSide: Open Long\nMode: Cross 8x\n"
     "Order: Limit @ 14.62\nTP: 15.10\nSL: 14.20\nFollowers: 2,310 | Copy ratio 1:1"), [14.62], "limit"),
    (("🤖 COPYDESK | Lead Trader \"Orion\"\nNew position signal\nContract: BTCUSDT Perpetual\nSide: Open Short\nMode: Isolated 5x\n"
     "Order: Market (last 64,210)\nTP: 63,100 / 62,400\nSL: 64,900\nFollowers: 2,311"), [64210], "market"),
    ("#SUI/USDT\nSide: Open Long\nLeverage 6x\nOrden: Límite 3.412\nTP: 3.560\nSL: 3.300", [3.412], "limit"),
])
def test_copy_trading_order_line(text, entries, etype):
    parsed = _traded(text)
    assert _f(parsed.entries) == entries
    assert parsed.entry_type.value == etype


def test_an_exchange_fill_notice_is_still_held():
    parsed = parse_message("Order filled ✅\nContract: LINKUSDT Perpetual\nSide: Open Long\nOrder: Limit @ 14.62\n"
                           "Status: Filled\nAvg price: 14.62\nLeverage: 8x")
    assert not parsed.tradable


# --- machine-translated labels, margin leverage, an exchange named "Mercado" ---------------------------------------------


def test_machine_translated_labels():
    parsed = _traded("Coin: ATOM\nDirection: Short (to fall)\nShoulder: 5x\nZone of entry: 6.30 until 6.42\n"
                     "Take the profit: 6.10, 5.95\nStop the loss: 6.58\nWe wish good trading!")
    assert _f(parsed.entries) == [6.3, 6.42] and _f(parsed.targets) == [6.1, 5.95] and float(parsed.stop_loss) == 6.58


@pytest.mark.parametrize(("text", "leverage"), [
    ("SOL/USDT LONG\nBybit margin 4x\nEntry: 142 - 144\nTP: 150\nSL: 138", 4),
    ("SOL/USDT LONG\nMargin: 6x\nEntry: 142 - 144\nTP: 150\nSL: 138", 6),
    ("SOL/USDT LONG\nMargin: 50 USDT\nEntry: 142 - 144\nTP: 150\nSL: 138", None),
])
def test_margin_leverage(text, leverage):
    assert _traded(text).leverage == leverage


def test_mercado_bitcoin_is_an_exchange_not_a_market_order():
    parsed = parse_message("ADA/BRL spot buy (Mercado Bitcoin)\nEntry: R$ 3.10\nTargets: R$ 3.30\nStop: R$ 2.95")
    assert parsed.kind == MessageKind.OPEN and parsed.entry_type.value == "limit" and not parsed.tradable


@pytest.mark.parametrize("text", [
    "ETH/EUR SHORT\nEntry: 3.120\nTP: 3.010\nSL: 3.190",
    "<b>BTC/EUR</b> LONG<br>Entry: 61&nbsp;200<br>TP: 62&nbsp;500<br>SL: 60&nbsp;100",
])
def test_a_fiat_quote_writes_no_market(text):
    parsed = _held(text)
    assert parsed.market is None


def test_a_fiat_pair_said_spot_stays_spot():
    assert _held("BTC/EUR spot buy\nEntry: 61 200\nTP: 62 500\nSL: 60 100").market.value == "spot"


# --- shared position cards ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Shared from Bybit 📱\nSOLUSDT Perpetual · Long · 10x\nROI +88.10%\nEntry Price 142.30\nMark Price 154.80\nReferral code: ZED7",
    "BTCUSDT Perp · Short · 25x\nROE -14.2%\nEntry Price 64,210\nMark Price 64,580",
])
def test_shared_position_card_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_card_with_a_mark_price_note_is_still_a_card():
    parsed = _traded("#SOL LONG\nEntry 142.30\nTP 150 / 156\nSL 138\nMark price 143.10")
    assert _f(parsed.entries) == [142.3]


# --- a card's own condition row ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entries"), [
    (("#DOT LONG\nCondition: BTC must hold above 95k on the 4H close — if it doesn't, skip this one.\nEntry 4.10–4.16\n"
     "TP 4.40 / 4.62\nSL 3.95\n5x"), [4.1, 4.16]),
    ("#DOT LONG\nCondition: ETH has to close above 3,500 today\nEntry 4.12\nTP 4.40\nSL 3.95", [4.12]),
    (("DESK ▸ CALL 77\n┃ Pair ┃ #DOT/USDT\n┃ Side ┃ LONG\n┃ Entry ┃ 4.120\n┃ Target ┃ 4.400 · 4.620\n┃ Stop ┃ 3.950\n"
     "┃ Rule ┃ valid only after a 1H candle closes above 4.080 — no close, no trade"), [4.12]),
])
def test_conditional_card_is_held_with_its_levels(text, entries):
    parsed = _held(text)
    assert _f(parsed.entries) == entries
    assert parsed.rejected and "condition" in parsed.rejected


@pytest.mark.parametrize(("text", "kind"), [
    ("DOT plan: IF we sweep 3.90 and reclaim it, I'd long 3.95–4.00, tp 4.30, sl 3.80. No sweep = no trade.",
     MessageKind.NOT_A_SIGNAL),
    ("🔁 Reminder: #DOT long still active\nEntry 4.10 - 4.16\nTP 4.40 / 4.62\nSL 3.95\nAlready in? Hold. Not in? Skip this one.",
     MessageKind.UPDATE),
])
def test_plans_and_reminders_stay_what_they_were(text, kind):
    assert parse_message(text).kind == kind
