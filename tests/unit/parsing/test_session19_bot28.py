"""Session 19, fixer bot28: a VIP provider's group on a CPI day — bot templates and the admins' manual management
(blind_z28 misses, with two of blind_z26), each read as a family.

Every case is written in its own words, never a corpus row. A bot's last notice disowned as a false report of a level
hit ("never got near 149", with the trade's end told with its time) withdraws no call and closes nothing; a call
disowned stays a close. The stops of every trade moved to the entry ("Move stops to entry on everything", "Stops to
entry on every open short") are one update naming no coin, as "SL to entry on all open trades" is. A one-sentence
question with a price in it ("¿todavía se puede entrar en XRP a 0.5530?") is a question. A correction that posts the
whole card again, its mistyped stop on the wrong side of the entry, is the call — held, since it may have been opened
by hand. A card priced in won is the KRW pair, never the USDT one, and "원" settles the comma as thousands. A Thai
teaser promising its levels is the held direction alert.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import EntryType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a bot's notice disowned as a false report of a level hit: nothing to do --------------------------------------------


@pytest.mark.parametrize("text", [
    ("Please ignore the previous bot alert. AVAX never came close to 41.2 — the trade was closed at breakeven at 09:15. "
     "Feed glitch."),
    "Disregard the last bot post 👆 #DOGE didn't reach 0.19, it was already stopped out earlier.",
    "Ignore the last bot message, #SOL never got near 149 — we closed it at entry at 12:31.",
    "Ignore the last bot notification: ETH never hit 3,500, the trade closed at 3,420 at 08:05 this morning.",
])
def test_a_false_report_of_a_level_hit_disowned_closes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "Ignore the last bot message: #ARB never hit TP2. Still running, SL at entry.",
    "Ignore the last bot message — NEAR never touched the stop, we're still in.",
])
def test_a_false_report_disowned_beside_the_trade_held_is_no_close(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text, coin", [
    # (a call disowned: the trade it opened is withdrawn)
    ("ignore the last bot message about #WIF, it was a test webhook, NOT a trade", "WIF/USDT"),
    ("Ignore the last bot message ☝️ the #LINK call was a test, close it if you entered", "LINK/USDT"),
    # (a close now beside the false report: the close stands)
    ("Ignore the last bot message, #ETH never got near 3500. We close ETH at market now.", "ETH/USDT"),
    ("Ignore the last signal, #SOL never got near 149. Close it now.", "SOL/USDT"),
])
def test_a_call_disowned_or_a_close_now_stays_a_close(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


def test_a_trade_closed_at_a_time_without_a_disowned_notice_stays_a_close():
    assert parse_message("#SOL closed at entry at 12:31.").kind == MessageKind.CLOSE


# --- every trade's stop to the entry: one update naming no coin ------------------------------------------------------


@pytest.mark.parametrize("text, side", [
    ("⏰ 20 min to the FOMC.\nMove stops to entry on everything that's filled. No exceptions.", None),
    ("Move stops to breakeven on all running positions.", None),
    ("Stops at entry for everything that filled.", None),
    ("Move your stops to entry now, everyone.", None),
    ("Stops to entry on every open short. Locking it in before the US open 🔒", Side.SHORT),
    ("SLs to entry on every open long 🔒", Side.LONG),
])
def test_every_trades_stops_to_entry_is_an_update_of_no_coin(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.symbol is None
    assert parsed.side == side


def test_stops_to_entry_on_a_coin_names_it():
    parsed = parse_message("Stops to entry on #SOL")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.symbol == "SOL/USDT"


@pytest.mark.parametrize("text", [
    "Move stops to entry on everything except #ETH",
    "Stops to BE on all longs except #BTC",
    "Stops to be honest are underrated.",
])
def test_stops_to_entry_traps(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_stops_moved_to_entries_under_a_result_card_keeps_the_target_reached():
    parsed = parse_message("COIN: $DOT/USDT\nDirection: SHORT\nTarget 1: 4.310✅\nTarget 2: 4.245✅\n\n"
                           "Profits taken and stops moved to entries")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert parsed.target_index == 2


# --- a one-sentence question with a price in it is a question --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "¿todavía se puede entrar en ADA a 0.4410 o ya es tarde? 🙏",
    "¿sigue valiendo entrar en #SOL a 142.5 o ya se fue?",
    "ainda dá pra entrar em XRP a 0.5530 ou já é tarde?",
    "still ok to get in #SOL at 142.5? 🙏",
    "XRP entry still valid at 0.5530?",
])
def test_a_question_with_a_price_is_no_update(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_statement_with_a_price_stays_an_update():
    parsed = parse_message("#SOL update: entry 142.5 still valid")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == "SOL/USDT"


# --- a corrected card posted again, the typo's stop on the wrong side: the call, held ----------------------------------


@pytest.mark.parametrize("text, coin, side, stop", [
    (("✏️ Correction #0522 — bot typo in the SL, sorry about the template.\n\n#ETH LONG (perp, 10x)\nEntry 3400 – 3420\n"
      "TP 3480 / 3550\nSL 3350 ← not 3450\n\nIf you set 3450 already, change it."), "ETH/USDT", Side.LONG, Decimal(3350)),
    ("Correction #0310\n#AVAX SHORT\nEntry 41.0 - 41.6\nTP 39.8 / 38.9\nSL 42.4 not 40.4", "AVAX/USDT", Side.SHORT,
     Decimal("42.4")),
    ("🛠 Correction — typo in the stop\n#AVAX LONG\nEntry 41.0 - 41.6\nTP 42.8 / 43.9\nSL 40.4 not 42.4", "AVAX/USDT",
     Side.LONG, Decimal("40.4")),
])
def test_a_corrected_card_never_tradable_as_first_posted_is_the_call_held(text, coin, side, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert parsed.side == side
    assert parsed.stop_loss == stop
    assert not parsed.tradable
    assert "corrected card posted again" in parsed.rejected


@pytest.mark.parametrize("text", [
    # (the typo's stop was on the right side: the first card was tradable — the running trade's correction)
    "Correction #0311 — typo in the SL\n#AVAX SHORT\nEntry 41.0 - 41.6\nTP 39.8 / 38.9\nSL 42.4 not 43.4",
    "✏️ CORRECTED ✏️\n#DOT SHORT\nEntry: 7.66 - 7.70 (not 7.60)\nTP: 7.55 / 7.42\nSL: 7.82",
])
def test_a_corrected_card_that_was_tradable_stays_an_update(text):
    assert parse_message(text).kind == MessageKind.UPDATE


def test_a_stop_correction_alone_stays_a_new_stop():
    parsed = parse_message("Correction: #ETH SL 3350 not 3450")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP


# --- a card priced in won is the KRW pair, never the USDT one ----------------------------------------------------------


@pytest.mark.parametrize("text, coin, entries, etype", [
    ("🟢 빗썸 현물\n이더리움(ETH) 매수\n\n매수가: 4,150,000원 / 4,050,000원 분할\n목표: 4,400,000원\n손절: 3,900,000원",
     "ETH/KRW", [Decimal(4050000), Decimal(4150000)], EntryType.LIMIT),
    ("도지(DOGE) 매수\n매수가: 520원\n목표: 560원, 600원\n손절: 490원", "DOGE/KRW", [Decimal(520)], EntryType.LIMIT),
    ("🟢 업비트 현물\n솔라나(SOL) 매수\n매수가: 251,500 / 248,000 분할\n목표: 262,000\n손절: 241,000\n원화마켓 기준",
     "SOL/KRW", [Decimal(248000), Decimal(251500)], EntryType.LIMIT),
    ("#XRP 매수 3,150원에 진입\n목표 3,300원\n손절 2,940원", "XRP/KRW", [Decimal(3150)], EntryType.LIMIT),
])
def test_a_card_priced_in_won_is_the_krw_pair_held(text, coin, entries, etype):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert list(parsed.entries) == entries
    assert parsed.entry_type == etype
    assert not parsed.tradable
    assert "comma may be a decimal point" not in parsed.rejected


def test_a_usdt_pair_priced_in_won_is_held():
    parsed = parse_message("#XRP/USDT 매수\n매수가: 3,150원\n목표: 3,300원\n손절: 2,940원")
    assert parsed.symbol == "XRP/USDT"
    assert not parsed.tradable
    assert "won" in parsed.rejected


@pytest.mark.parametrize("text, coin", [
    ("#SOL 롱\n진입: 142.5\n목표: 150\n손절: 138", "SOL/USDT"),
    ("#ARB 매수\n진입가: 0.85\n목표: 0.92\n손절: 0.80", "ARB/USDT"),
])
def test_a_korean_card_in_dollars_stays_usdt(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert parsed.tradable


# --- a Thai teaser promising its levels: the held direction alert ------------------------------------------------------


@pytest.mark.parametrize("text, coin, side", [
    ("🔥 เตรียมตัวให้พร้อม!\nจะเปิด Long #AVAX เร็วๆ นี้ รายละเอียดจุดเข้า/เป้า/SL จะตามมาในอีก 5 นาที", "AVAX/USDT",
     Side.LONG),
    ("จะเปิด Short #SEI เร็วๆ นี้ จุดเข้าจะแจ้งภายหลัง", "SEI/USDT", Side.SHORT),
    ("Long #SOL รายละเอียดจะตามมา", "SOL/USDT", Side.LONG),
])
def test_a_thai_teaser_is_the_held_direction_alert(text, coin, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == coin
    assert parsed.side == side
    assert not parsed.entries
    assert not parsed.tradable


def test_a_thai_card_with_its_levels_stays_tradable():
    parsed = parse_message("#OP Short\nจุดเข้า: 1.85\nเป้า: 1.70\nSL: 1.95\nรายละเอียดเพิ่มเติมจะตามมา")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.stop_loss == Decimal("1.95")
    assert parsed.tradable
