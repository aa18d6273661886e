"""Session 22, open52: opens of blind round 2 (blind_z52..z54).

Rules, each with its traps:
- a side word mistyped with a letter doubled or its vowel left out ("lonng", "looong", "shrt", "shoort") is that side;
- "inv" right before a price (an arrow card's "▸ inv 0.5360 ▸") is the invalidation: the stop;
- a bare "Take" heading its line or a "|" cell right before a price is the take-profit — never a share ("Take 50% …");
- ko "1차 23.60" rows under a heading ("목표가", "진입가"): the rung's number is no price;
- zh "挂单：" heading prices is the limit entries, "防守：" heading a price is the stop;
- a fiat-quoted card whose numbers are space-grouped ("61 850") reads them whole and stays held as fiat;
- a side and its entry ticked with a gain ("long 2.60 ✅ +6.1%") or a trade "riding to" its next level is a running
  trade's update — never a fresh open; a tick without a gain, or a "riding" that is no ride to a level, changes nothing;
- a line of only 🎯 over keycap-numbered price rows is the targets' heading;
- a target label joined to its price by a verb ("the final target is 3,190") is no qualified hope;
- a ladder said in words ending its line ("entrando escalonado:", "scaling in:", "Kademeli giriş:") heads the entry rows
  under it;
- beside an entry label of its own, an entry label whose words set a condition before its price ("Entry only if … 1.72",
  id "Entry hanya jika …") names the trigger, no order; the card stays held for the condition.
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


def _levels(text):
    got = parse_message(text).to_expected_dict()
    return got["kind"], got["side"], got["entries"], got["targets"], got["stop_loss"]


# --- typo'd side words ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, side", [
    ("AVAX looong now cmp 31.2\nsl 29.8 tp 32.5 33.9", "long"),
    ("LINK lonng 14.10\ntp 14.60 15.20\nsl 13.70", "long"),
    ("DOGE shrt 0,1620-0,1650\ntp 0,1580 0,1520\nsl 0,1700", "short"),
    ("NEAR shoort 5.40\ntp 5.10 4.90\nsl 5.62", "short"),
])
def test_a_side_word_mistyped_is_that_side(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.to_expected_dict()["side"] == side


@pytest.mark.parametrize("text", [
    "the loan is long overdue, shortly more",
    "Looking at AVAX, nothing to do yet",
])
def test_words_near_a_side_word_are_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- "inv" as the stop ---------------------------------------------------------------------------------------------


def test_inv_before_a_price_is_the_stop():
    kind, side, entries, targets, stop = _levels("DESK ▸ LINK ▸ long ▸ 14.20 ▸ tgt 14.70 · 15.10 ▸ inv 13.80 ▸ futures 8x")
    assert (kind, side, entries, targets, stop) == ("open", "long", [14.2], [14.7, 15.1], 13.8)


# --- "Take" as the take-profit -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, target", [
    ("🔵 SELL | BINANCE:DOTUSDT | Sell @ market (6.120) | Stop 6.310 | Take 5.800", 5.8),
    ("#AVAX/USDT\nBuy limit 31.20\nTake 33.40\nStop 30.10", 33.4),
])
def test_a_bare_take_heading_a_price_is_the_target(text, target):
    assert _levels(text)[3] == [target]


def test_take_a_share_is_no_target():
    assert 50 not in _levels("BTC long 60000\nTake 50% at 62000\nSL 58000")[3]


# --- Korean bare rung numbers --------------------------------------------------------------------------------------


def test_korean_rung_numbers_under_a_heading_are_no_prices():
    text = "종목: SUI/USDT\n포지션: 롱\n진입가: 3.40 ~ 3.48\n\n목표가\n1차 3.60\n2차 3.75\n3차 3.90\n\n손절가: 3.28"
    assert _levels(text) == ("open", "long", [3.4, 3.48], [3.6, 3.75, 3.9], 3.28)


# --- zh pending orders and defence ---------------------------------------------------------------------------------


def test_pending_orders_are_the_entries_and_defence_the_stop():
    text = "SOL 多单\n挂单：140、138、136\n目标：146、150\n防守：133"
    assert _levels(text) == ("open", "long", [136, 138, 140], [146, 150], 133)


def test_defence_in_running_text_is_no_stop():
    assert _levels("BTC 多单 60000\n目标 62000\n止损 59000\n注意防守")[4] == 59000


# --- fiat card with space thousands --------------------------------------------------------------------------------


def test_space_grouped_fiat_card_reads_whole_and_stays_held():
    parsed = parse_message("Pair: ETH/EUR\nAction: SELL\nEntry: 3 150\nTP1: 3 080 | TP2: 3 020\nSL: 3 210")
    got = parsed.to_expected_dict()
    assert (got["entries"], got["targets"], got["stop_loss"]) == ([3150], [3080, 3020], 3210)
    assert not parsed.tradable and "fiat" in parsed.rejected


# --- a ticked entry with a gain is a running trade -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "$BONK short 0.0000231 ✅ +4.2% spot / +21% 5x. riding to 0.0000220",
    "#OP short 1.84 ✔️ (+4%)",
    "#OP short 1.84 ✅ +4%\ntp 1.70 sl 1.90",
    "$TIA long 6.10, riding to 6.60",
])
def test_a_ticked_entry_with_a_gain_is_an_update(text):
    assert parse_message(text).kind == MessageKind.UPDATE


@pytest.mark.parametrize("text", [
    "riding the wave: long $TIA 6.10 tp 6.60 sl 5.80",
    "$TIA long 6.10\ntp 6.60\nsl 5.80",
])
def test_a_ride_that_is_no_running_trade_stays_an_open(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


# --- 🎯 heading keycap rows ----------------------------------------------------------------------------------------


def test_target_emojis_alone_head_the_rows_under_them():
    text = "$FLOKI\nSPOT BUY\nBuy zone ➡️ 0.000171 – 0.000178\n\n🎯🎯\n1️⃣ 0.000190\n2️⃣ 0.000205\n\n🧯 SL 0.000160"
    parsed = parse_message(text)
    got = parsed.to_expected_dict()
    assert (got["entry_type"], got["targets"], got["stop_loss"]) == ("range", [0.00019, 0.000205], 0.00016)
    assert parsed.tradable


# --- a target joined to its price by a verb ------------------------------------------------------------------------


def test_a_final_target_told_with_is_is_kept():
    text = ("Opening a long on SOL between 140 and 142. I'll take profit at 146 first, then 150, and the final target is "
            "156 if we get it. Invalidation is a close below 136.")
    assert _levels(text)[3] == [146, 150, 156]


def test_a_dream_target_stays_out():
    assert 3000 not in _levels("ETH short 3412\nTP1 3340\nTP2 3280\nDream target is 3000\nSL 3498")[3]


# --- a ladder said in words ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Armé long en ATOM\nVoy a ir entrando escalonado:\n• 6.90\n• 6.80\n• 6.70\nTake profit: 7.20 – 7.45\nStop 6.50",
    "ATOM long\nI will be scaling in:\n• 6.90\n• 6.80\n• 6.70\nTP 7.20 7.45\nSL 6.50",
])
def test_a_ladder_in_words_heads_the_entries(text):
    parsed = parse_message(text)
    assert parsed.to_expected_dict()["entries"] == [6.7, 6.8, 6.9] and parsed.tradable


def test_scaling_in_words_mid_line_take_no_prices():
    assert _levels("ATOM long 6.90\nScaling in: later maybe\nTP 7.20 7.45\nSL 6.50")[2] == [6.9]


# --- a conditioned entry label beside a plain one ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Setup LONG ARB/USDT\nEntry hanya jika candle 4H close di atas 0,92\nEntry: 0,94\nTP: 0,99 / 1,04\nSL: 0,88\nLev 5x",
    "Setup LONG ARB/USDT\nEntry si la vela de 4H cierra sobre 0.92\nEntry: 0.94\nTP: 0.99 / 1.04\nSL: 0.88",
])
def test_the_conditions_price_is_no_entry_and_the_card_stays_held(text):
    parsed = parse_message(text)
    assert parsed.to_expected_dict()["entries"] == [0.94]
    assert not parsed.tradable
