"""Session 18, fixer mangle18: posts that went through a relay's pipeline (blind_z12 misses), each read as a family.

A scraped web page leaves HTML entities and tags, a Discord relay ":emoji:" shortcodes and pings, an X thread its
counters, 🧵 and glued hashtags, an OCR'd screenshot zeros for the letter O and labels cut from their numbers, a sheet
tab-separated rows. Every case is written in its own words, never a corpus row; the look-alikes keep their reading.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message
from verzek.parsing.normalize import unmangle
from verzek.parsing.triage import looks_like_signal


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


def _held(parsed) -> bool:
    return parsed.kind == MessageKind.OPEN and not parsed.tradable and bool(parsed.rejected)


# --- HTML: entities and tags are the markup of a web page, not the post's words -----------------------------------------

@pytest.mark.parametrize("text, coin, side, entry, targets, stop", [
    ("#AVAX&nbsp;LONG&nbsp;&#128640;<br/>Entry: 24.10<br>TP: 25.00 / 26.20<br>SL: 23.20<br>&copy; 2024 Alpha Desk",
     "AVAX/USDT", Side.LONG, "24.10", ("25.00", "26.20"), "23.20"),
    ("<p><b>#LINK</b> SHORT</p><p>Entry 14.20</p><p>TP 13.60 &ndash; 13.10</p><p>SL 14.75</p>",
     "LINK/USDT", Side.SHORT, "14.20", ("13.60", "13.10"), "14.75"),
    ("<div>#NEAR&#160;LONG</div><div>Entry&#58; 5.10</div><div>Targets&#58; 5.40 / 5.70</div><div>Stop&#58; 4.85</div>",
     "NEAR/USDT", Side.LONG, "5.10", ("5.40", "5.70"), "4.85"),
])
def test_a_card_scraped_from_html_reads_like_the_card(text, coin, side, entry, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == coin and parsed.side == side
    assert parsed.entries == _d(entry) and parsed.targets == _d(*targets) and parsed.stop_loss == Decimal(stop)
    assert parsed.tradable


@pytest.mark.parametrize("text, coin, side", [
    ("#DOGE&nbsp;SHORT &#10060; Cancelled &mdash; entry never filled, pull your limit orders", "DOGE/USDT", Side.SHORT),
    ("#ARB&nbsp;LONG &#x274C; stopped out &ndash; next one", "ARB/USDT", Side.LONG),
])
def test_a_status_scraped_from_html_is_read(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin and parsed.side == side


@pytest.mark.parametrize("text, kept", [
    ("#OP LONG entry < 1.85 TP > 2.10", "#OP LONG entry < 1.85 TP > 2.10"),  # a real "<" and ">"
    ("R&D and AT&T & co", "R&D and AT&T & co"),  # an "&" that opens no entity
    ("a<b and x>y", "a<b and x>y"),  # no tag we know
])
def test_ordinary_angle_brackets_and_ampersands_stay(text, kept):
    assert unmangle(text) == kept


def test_a_copyright_footers_year_is_no_price():
    parsed = parse_message("#SUI SHORT\nEntry: 1.52\nTP: 1.45 / 1.40\nSL: 1.58\n(c) 2023-2025 Some Signals")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable and parsed.stop_loss == Decimal("1.58")


# --- Discord: shortcodes, pings, the quote of the call replied to -------------------------------------------------------

@pytest.mark.parametrize("text, coin, side", [
    ("> **$BONK** long :dog:\n:x: stopped out at `0.0000231` :saluting_face:", "BONK/USDT", Side.LONG),
    ("> **#TIA** short :chart_with_downwards_trend:\n:white_check_mark: closed at 5.10, nice one :tada:", "TIA/USDT",
     Side.SHORT),
])
def test_a_discord_reply_under_the_quoted_call_closes_that_call(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin and parsed.side == side


def test_a_discord_card_with_pings_and_code_ticks_is_the_card():
    parsed = parse_message("<@&1234567890> :rotating_light: **#INJ LONG** :rocket:\nEntry: `21.40`\nTP: `22.60`\nSL: `20.80`")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "INJ/USDT" and parsed.tradable
    assert parsed.entries == _d("21.40") and parsed.targets == _d("22.60") and parsed.stop_loss == Decimal("20.80")


@pytest.mark.parametrize("text, coin, side", [
    ("<@&55512398761> :eyes: **$JUP SHORT** incoming — levels in the next msg :hourglass:", "JUP/USDT", Side.SHORT),
    ("<#88877766655> **#RNDR long** inbound, entry & targets in the next message", "RNDR/USDT", Side.LONG),
])
def test_a_discord_direction_alert_is_held_with_no_levels(text, coin, side):
    parsed = parse_message(text)
    assert _held(parsed) and parsed.symbol == coin and parsed.side == side
    assert parsed.entries == () and parsed.entry_type == EntryType.MARKET


@pytest.mark.parametrize("text, kept", [
    ("TP1:0.52: next", "TP1:0.52: next"),  # prices between colons
    ("closed at 12:30:45 UTC", "closed at 12:30:45 UTC"),  # a clock
    ("#SOL long Leverage :x10:", "#SOL long Leverage :x10:"),  # a leverage between colons
])
def test_colons_that_are_no_shortcode_stay(text, kept):
    assert unmangle(text) == kept


def test_the_hundred_shortcode_is_no_price():
    parsed = parse_message("#WLD LONG :100:\nEntry 2.10\nTP 2.30\nSL 1.98")
    assert parsed.kind == MessageKind.OPEN and parsed.entries == _d("2.10") and parsed.tradable


# --- X/Twitter: thread counters, the thread mark, short links, glued hashtags -------------------------------------------

@pytest.mark.parametrize("text, coin, side", [
    ("1/3 🧵 Next $JTO short loading… levels in 2/3 👇 #JTO#Solana", "JTO/USDT", Side.SHORT),
    ("🧵(1/2) $ARB long incoming, levels in 2/2 https://t.co/AbC123xyz", "ARB/USDT", Side.LONG),
])
def test_a_thread_teaser_is_held_with_no_levels(text, coin, side):
    parsed = parse_message(text)
    assert _held(parsed) and parsed.symbol == coin and parsed.side == side
    assert parsed.entries == () and parsed.targets == () and parsed.entry_type == EntryType.MARKET


def test_a_thread_card_keeps_its_levels_without_the_counter():
    parsed = parse_message("🧵 1/3 $SOL long 142, TP 150 / 158, SL 136 #SOL#crypto")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "SOL/USDT" and parsed.tradable
    assert parsed.entries == _d("142") and parsed.targets == _d("150", "158") and parsed.stop_loss == Decimal(136)


def test_a_part_of_the_position_in_a_thread_stays_a_partial_close():
    parsed = parse_message("🧵 Closing 1/2 of my #SOL here")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT"
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text, fraction", [
    ("🧵 Closing 1/2 of my #SOL here", "1/2"),
    ("Thread: #SOL take 1/2 off now", "1/2"),
    ("🧵 1/3 of the #SOL position closed", "1/3"),
    ("🧵 #SOL TP 2/3 hit", "2/3"),
    ("🧵 Booked 1/4, rest rides", "1/4"),
])
def test_a_fraction_in_a_thread_is_kept(text, fraction):
    assert fraction in unmangle(text)


@pytest.mark.parametrize("text", ["1/3 🧵 #SOL long idea", "🧵2/2 #SOL long idea", "(1/n) #SOL long idea"])
def test_a_thread_counter_is_dropped(text):
    assert "/" not in unmangle(text)


@pytest.mark.parametrize("text", [
    "If $ETH reclaims 3,600 on the daily I'm longing, targets 3,750 / 3,900 🧵1/2 #ETH#crypto https://t.co/Zz9y8X",
    "Once $SOL reclaims 150 I'm buying, TP 158 / 165",
    "Если #BTC пробьет 70000, открываю лонг, цели 72000 / 74000",
])
def test_a_plan_that_opens_on_its_condition_with_no_entry_or_stop_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "If #AVAX breaks 30 we long, TP 32 / 34, SL 28.5",  # a stop: held, not dropped
    "#LINK long if 15 breaks, TP 16 / 17",  # the condition after the call
])
def test_a_conditional_call_with_a_stop_or_the_call_first_stays_a_held_open(text):
    assert _held(parse_message(text))


def test_a_hashtag_in_a_link_is_not_split():
    assert unmangle("see https://x.com/a#b and #BTC#ETH") == "see https://x.com/a#b and  #BTC #ETH"


# --- OCR: a zero for the letter O inside a call's word, a label cut from its number by a line wrap ---------------------

def test_an_ocr_card_with_zeros_in_words_and_wrapped_labels():
    parsed = parse_message("L0NG #APTUSDT\nEntry: 8.150\nTarget 1: 8.400 Target\n2: 8.650 Target 3:\n8.900\n"
                           "St0p L0ss: 7.850\nLeverage: 5x")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "APT/USDT" and parsed.side == Side.LONG
    assert parsed.targets == _d("8.400", "8.650", "8.900") and parsed.stop_loss == Decimal("7.850") and parsed.tradable


@pytest.mark.parametrize("text, coin", [
    ("| #DOTUSDT |\nCL0SE ALL P0SITIONS N0W |\nManual exit at 6.12", "DOT/USDT"),
    ("#ATOM\nCl0se n0w at 7.02", "ATOM/USDT"),
])
def test_an_ocr_close_is_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == coin


@pytest.mark.parametrize("text, kept", [
    ("#B0ME long 0.0100", "#B0ME long 0.0100"),  # a ticker with a zero
    ("Ref code X0Y1, 10x, 0.05", "Ref code X0Y1, 10x, 0.05"),  # a code, a leverage, a price
    ("#ETH LONG\nEntry 3400 Targets:\n3500\n3600", "#ETH LONG\nEntry 3400 Targets:\n3500\n3600"),  # a list under its label
    ("#ETH LONG\nEntry 3400 TP\n1) 3500\n2) 3600", "#ETH LONG\nEntry 3400 TP\n1) 3500\n2) 3600"),
])
def test_numbers_tickers_and_label_lists_stay_as_written(text, kept):
    assert unmangle(text) == kept


# --- Sheets: a header row over tab-separated values ---------------------------------------------------------------------

def test_a_row_copied_from_a_sheet_maps_its_columns():
    parsed = parse_message("Symbol\tDirection\tEntry\tTP1\tTP2\tSL\tLeverage\nAVAXUSDT\tSHORT\t24.80\t24.10\t23.40\t25.50\t20x")
    assert parsed.kind == MessageKind.OPEN and parsed.symbol == "AVAX/USDT" and parsed.side == Side.SHORT
    assert parsed.entries == _d("24.80") and parsed.targets == _d("24.10", "23.40") and parsed.stop_loss == Decimal("25.50")
    assert parsed.leverage == 20 and parsed.tradable


@pytest.mark.parametrize("text", [
    "Coin\tResult\tROI\nOP\tTP3 done\t+61%\nTIA\tSL hit\t-20%\nJUP\tTP1 done\t+9%",
    "Coin\tResult\tROI\nARB\tTP2 ✅\t+22%\nWIF\tSL ❌\t-15%",
    "Coin | Result | ROI\nOP | TP3 ✅ | +61%\nTIA | SL ❌ | -20%",
    "Pair\tSide\tEntry\tTP1\tTP2\tSL\nSOLUSDT\tLong\t142\t150\t158\t137\nAVAXUSDT\tShort\t24.8\t24.1\t23.4\t25.5",
])
def test_a_sheet_of_several_trades_is_no_one_trades_status_or_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_table_of_one_trades_levels_keeps_every_row():
    parsed = parse_message("#SOL LONG\nTarget | Price | Profit\nTP1 | 150 | 5%\nTP2 | 158 | 10%\nEntry 142\nSL 137")
    assert parsed.kind == MessageKind.OPEN and parsed.targets == _d("150", "158") and parsed.stop_loss == Decimal(137)


def test_a_tab_between_a_label_and_its_price_is_still_a_card():
    parsed = parse_message("#SOL LONG\nEntry\t142\nTP\t150\nSL\t137")
    assert parsed.kind == MessageKind.OPEN and parsed.entries == _d("142") and parsed.stop_loss == Decimal(137)


def test_triage_reads_the_unmangled_post():
    assert looks_like_signal("#SEI&nbsp;SHORT<br>Entry&#58; 0.45<br>TP&#58; 0.44<br>SL&#58; 0.46")
