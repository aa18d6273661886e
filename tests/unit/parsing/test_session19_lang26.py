"""Session 19, fixer lang26: channel wording in ten languages (blind_z26 misses), each read as a family.

Every case is written in its own words, never a corpus row. Closes: the Ukrainian call-off and limit removal, the Uzbek
"whole position closed", the German separable "steige komplett aus" and "Rest … glattgestellt", the Korean "remaining
size all closed" with its verb ending glued on. A Korean later rung cancelled (its price in brackets, a particle before
the verb) is one rung's cancel; a Korean negated or conditional ending never acts now. Opens: Arabic ordinal tranches,
the CJK limit-price label, the Thai entry zone, a "(DCA)" mark after the second slashed price, Polish spot at market.
Updates: the Thai target touched and the stop moved to the entry.
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, MarketType, MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- closes ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, coin", [
    # uk: the call called off, the resting limits taken off
    ("🚫 Відміна по #ATOM\nВхід так і не спрацював, лімітки знімаємо", "ATOM/USDT"),
    ("#ARB лімітки знімаємо, ціна пішла без нас", "ARB/USDT"),
    ("Відміна угоди по #INJ", "INJ/USDT"),
    # uz: the whole position closed
    ("#DOGE бўйича барча позицияни ёпдик ✅", "DOGE/USDT"),
    ("#WIF pozitsiyani to'liq yopdik, foyda +15%", "WIF/USDT"),
    ("#TIA савдо ёпилди", "TIA/USDT"),
    # de: out of all of it, the rest closed at a price
    ("Wir steigen bei #SOL jetzt vollständig aus.", "SOL/USDT"),
    ("#AVAX: Rest bei 41,20 glattgestellt 🎉", "AVAX/USDT"),
    ("#LINK komplett ausgestiegen", "LINK/USDT"),
    # ko: all the remaining size closed, the ending glued on
    ("#BNB 남은 물량 전량 청산했습니다", "BNB/USDT"),
    ("#ADA 나머지 물량 정리할게요 🙏", "ADA/USDT"),
    ("#DOT 전량 익절했습니다!", "DOT/USDT"),
])
def test_whole_position_closes(text, coin):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == coin


@pytest.mark.parametrize("text", [
    "#ETH не відміна, тримаємо далі",                   # uk: not a call-off
    "#DOGE позицияни ёпманг",                           # uz: do not close the position
    "#DOGE позициянинг ярмини ёпдик",                   # uz: half of it closed
    "Wenn #ETH unter 3000 fällt, steige ich komplett aus",  # de: a condition first
    "#ETH: Hälfte glattgestellt, Rest läuft weiter",    # de: the rest runs on
    "#SOL 남은 물량 정리하지 마세요",                      # ko: do not close the rest
    "#SOL 남은 물량 전량 정리할 예정입니다",                 # ko: a plan for later
    "#SOL 130 깨지면 전량 청산",                          # ko: if 130 breaks
    "#SOL 130 이탈 시 청산합니다",                        # ko: on a break below 130
])
def test_close_look_alikes_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_a_korean_share_closed_is_a_partial_close():
    parsed = parse_message("#SOL 물량 50% 정리합니다")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


def test_an_uzbek_stop_hit_close_keeps_its_reason():
    parsed = parse_message("#AVAX стоп урилди, позиция ёпилди")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.update_action == UpdateAction.SL_HIT


# --- one later rung cancelled (ko), and the negation -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#AVAX 안내\n2차 진입(24.1) 주문은 취소합니다.\n1차 물량만 보유하세요",
    "#AVAX 3차 매수(23.5)는 취소할게요",
    "#AVAX 2차 매수 주문은 취소합니다",
])
def test_a_korean_later_rung_cancel_is_one_rung(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY
    assert parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text", [
    "#AVAX 2차 진입(24.1) 주문은 취소하지 않습니다",
    "#AVAX 2차 진입 주문 취소 안 합니다",
    "#AVAX 남은 주문 취소하지 않습니다",
])
def test_a_korean_cancel_said_not_done_changes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL


# --- opens --------------------------------------------------------------------------------------------------------


def test_arabic_ordinal_tranches_are_two_limit_orders():
    parsed = parse_message("#DOT سبوت\nشراء على دفعتين:\nالدفعة الاولى 6.20\nالدفعة الثانية 5.95\n"
                           "الأهداف: 6.60 / 7.10\nالستوب: 5.70")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "DOT/USDT"
    assert parsed.side == Side.LONG
    assert parsed.entries == (D("5.95"), D("6.20"))
    assert parsed.entry_type == EntryType.LIMIT
    assert parsed.stop_loss == D("5.70")


def test_arabic_buy_in_two_tranches_on_one_line_is_no_zone():
    parsed = parse_message("#DOT\nشراء على دفعتين: 6.20 / 5.95\nالأهداف: 6.60 / 7.10\nالستوب: 5.70")
    assert parsed.entries == (D("5.95"), D("6.20"))
    assert parsed.entry_type == EntryType.LIMIT


def test_a_payment_tranche_is_no_entry():
    assert parse_message("تم دفع الدفعة الأولى 100 دولار للاشتراك").kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text, entries", [
    ("ショート $APT\n指値：9.80\n追加：10.15\nTP1 9.20\nSL 10.60", (D("9.80"), D("10.15"))),
    ("ロング $SOL\n指値：140.5\nTP 150\nSL 135", (D("140.5"),)),
    ("#BTC 做多\n限价: 64200\n补仓: 63500\n止盈: 66000\n止损: 62800", (D(63500), D(64200))),
])
def test_the_cjk_limit_price_label_is_read(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entries == entries
    assert parsed.entry_type == EntryType.LIMIT
    assert parsed.tradable


@pytest.mark.parametrize("text, entries", [
    ("#APT\nฝั่ง: Short\nโซนเข้า: 9.90 - 10.10\nเป้า: 9.40\nSL: 10.45", (D("9.90"), D("10.10"))),
    ("#ETH Long\nโซนซื้อ: 3200 - 3250\nเป้า: 3400\nSL: 3100", (D(3200), D(3250))),
])
def test_the_thai_entry_zone_is_a_range(text, entries):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entries == entries
    assert parsed.entry_type == EntryType.RANGE


@pytest.mark.parametrize("text", [
    "$DOT LONG\nEntrée : 6,20 / 5,95 (DCA)\nObjectifs : 6,60\nStop : 5,70",
    "$DOT LONG\nEntry: 6.20 / 5.95 (add-on)\nTP: 6.60\nSL: 5.70",
    "#DOT LONG\nВход: 6.20 / 5.95 (добор)\nЦели: 6.60\nСтоп: 5.70",
])
def test_a_dca_mark_after_the_second_price_makes_two_orders(text):
    parsed = parse_message(text)
    assert parsed.entries == (D("5.95"), D("6.20"))
    assert parsed.entry_type == EntryType.LIMIT


@pytest.mark.parametrize("text", [
    "$DOT LONG\nEntry: 6.20 / 5.95\nTP: 6.60\nSL: 5.70",             # no mark: the ends of a zone
    "$DOT LONG\nEntry zone: 6.20 / 5.95 (DCA)\nTP: 6.60\nSL: 5.70",  # named a zone
])
def test_slashed_entries_without_an_add_mark_stay_a_range(text):
    assert parse_message(text).entry_type == EntryType.RANGE


def test_polish_spot_buy_at_market_keeps_the_price_noted():
    parsed = parse_message("Kupujemy #TIA na spocie po rynkowej (aktualnie ~5,10)\nCele: 5,60 / 6,00\nSL: 4,70")
    assert parsed.kind == MessageKind.OPEN
    assert parsed.symbol == "TIA/USDT"
    assert parsed.side == Side.LONG
    assert parsed.market == MarketType.SPOT
    assert parsed.entry_type == EntryType.MARKET
    assert parsed.entries == (D("5.10"),)
    assert parsed.targets == (D("5.60"), D("6.00"))


def test_polish_spot_ruled_out_is_not_spot():
    parsed = parse_message("#TIA LONG nie na spocie, futures x5\nWejście: 5,10\nCele: 5,60\nSL: 4,70")
    assert parsed.market != MarketType.SPOT


# --- updates (th) ----------------------------------------------------------------------------------------------------


def test_a_thai_target_touched_then_stop_to_entry_is_breakeven():
    parsed = parse_message("#APT ✅ TP1 แตะแล้วที่ 9.40 🎯\nย้าย SL ไปที่จุดเข้าได้เลย")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN


def test_a_thai_target_touched_is_a_target_hit():
    parsed = parse_message("#APT TP2 แตะแล้ว")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.TP_HIT


@pytest.mark.parametrize("text", [
    "#APT อย่าเพิ่งย้าย SL ไปที่จุดเข้า",             # don't move it yet
    "#APT ถ้า TP1 แตะ ให้ย้าย SL ไปที่จุดเข้า",          # if TP1 touches
])
def test_thai_stop_move_not_now_changes_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL
