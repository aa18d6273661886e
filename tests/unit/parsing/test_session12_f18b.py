"""Session 12, review 18 groups B1, B3, B5 and C6: partial closes, closes at breakeven, a lower-case coin after the change.

B1/C6: a share of the position closed or to close ("40% bei TP2 geschlossen", "chiusa la metà", "Hälfte glattstellen",
"أغلقوا نصف", "20%平仓", "ปิด 40%") and a target named as the part closed ("TP2 closed", "закрыли вторую цель") are
updates (partial close), never a close of the whole trade. B3: "out at the entry price" in Japanese and Korean ("建値撤退",
"본절 마감") closes the trade; moving the stop there ("본절로 이동") stays a stop move. B5: a ticker in lower case right after
the change ("close half eth now", "move sl to entry on avax") names the update's coin. Guards keep full closes, the
results and the cards that carry an exit plan as they were read.
"""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message


def _read(text: str) -> tuple[str, str | None, str | None]:
    parsed = parse_message(text)
    action = parsed.update_action.value if parsed.update_action else None
    return parsed.kind.value, parsed.symbol, action


@pytest.mark.parametrize(("text", "symbol"), [
    # a share first, the verb after it, a few words between
    ("#LINK 40% bei TP2 geschlossen ✅", "LINK/USDT"),
    ("#AVAX 25 % au TP1 clôturé", "AVAX/USDT"),
    ("#ADA TP2 에서 30% 청산 했습니다", "ADA/USDT"),
    ("#DOT ۳۰ درصد در تارگت دوم بسته شد ✅", "DOT/USDT"),
    ("#NEAR Hälfte der Position jetzt schließen", "NEAR/USDT"),
    ("#UNI die Hälfte glattstellen bitte", "UNI/USDT"),
    ("#OP 40% 정리합니다", "OP/USDT"),
    ("#APT 20%平仓", "APT/USDT"),
    ("#SEI 40%利確", "SEI/USDT"),
    ("#INJ 半分クローズ", "INJ/USDT"),
    # the verb first
    ("#LINK chiusa la metà al TP1", "LINK/USDT"),
    ("#AVAX chiuso il 30% al primo target", "AVAX/USDT"),
    ("#DOT أغلقوا نصف الصفقة الآن", "DOT/USDT"),
    ("اغلق 30% من #NEAR", "NEAR/USDT"),
    ("بستن ۴۰ درصد #UNI", "UNI/USDT"),
    ("#APT ปิด 30%", "APT/USDT"),
    ("#SEI ปิดกำไรครึ่งหนึ่ง", "SEI/USDT"),
    ("#ADA ปิดไป 30% ที่ TP2", "ADA/USDT"),
    ("#ADA TP2 पर 30% क्लोज़ कर दिया", "ADA/USDT"),
    ("#INJ 先平30%", "INJ/USDT"),
    ("Cierren la mitad en #LINK", "LINK/USDT"),
    ("Закройте половину по #AVAX", "AVAX/USDT"),
    ("#DOT фіксуємо половину позиції", "DOT/USDT"),
    ("#NEAR đóng một nửa vị thế", "NEAR/USDT"),
    ("Prenez 30% de profit sur #UNI", "UNI/USDT"),
    ("#APT में आधा प्रॉफिट बुक करें", "APT/USDT"),
    ("نصف پوزیشن #SEI رو سیو سود کنید", "SEI/USDT"),
    ("#INJ pozisyonun %30 unu kapat", "INJ/USDT"),
    ("#LINK pozisyonun %40 ını kapatın", "LINK/USDT"),
    # a target named as the part closed
    ("#AVAX TP2 closed ✅ +35%", "AVAX/USDT"),
    ("#DOT second target closed 🎯", "DOT/USDT"),
    ("#NEAR закрыли вторую цель ✅", "NEAR/USDT"),
    ("#UNI we closed TP1, the rest keeps running", "UNI/USDT"),
    ("#APT closed part of the position here, runner stays", "APT/USDT"),
])
def test_a_part_closed_is_a_partial_close(text: str, symbol: str) -> None:
    assert _read(text) == ("update", symbol, "partial_close")


@pytest.mark.parametrize(("text", "symbol"), [
    ("#LINK 建値撤退です", "LINK/USDT"),
    ("#AVAX 建値で決済しました", "AVAX/USDT"),
    ("#DOT 본절 마감합니다", "DOT/USDT"),
    ("#NEAR 본절로 청산 완료", "NEAR/USDT"),
    ("#UNI 본전 탈출", "UNI/USDT"),
])
def test_out_at_the_entry_price_is_a_close(text: str, symbol: str) -> None:
    kind, got, _ = _read(text)
    assert (kind, got) == ("close", symbol)


@pytest.mark.parametrize(("text", "symbol", "action"), [
    ("close half eth now", "ETH/USDT", "partial_close"),
    ("close half of xrp here", "XRP/USDT", "partial_close"),
    ("take 30% off doge now", "DOGE/USDT", "partial_close"),
    ("pls close 25% of the sol", "SOL/USDT", "partial_close"),
    ("move sl to entry on arb", "ARB/USDT", "move_sl_breakeven"),
    ("move the stop to breakeven for bnb", "BNB/USDT", "move_sl_breakeven"),
])
def test_a_lower_case_coin_after_the_change_names_it(text: str, symbol: str, action: str) -> None:
    assert _read(text) == ("update", symbol, action)


@pytest.mark.parametrize(("text", "expected"), [
    # full closes stay closes
    ("Close everything on #LINK now", ("close", "LINK/USDT")),
    ("#AVAX closed at TP3 — trade done", ("close", "AVAX/USDT")),
    ("Закрыли #DOT полностью ✅", ("close", "DOT/USDT")),
    ("#NEAR 100% closed at entry", ("close", "NEAR/USDT")),
    ("#UNI closed +40% ✅", ("close", "UNI/USDT")),
    ("#APT 전량 청산 완료", ("close", "APT/USDT")),
    ("#SEI 全部平仓", ("close", "SEI/USDT")),
    ("#INJ TP2 closed — the trade is finished", ("close", "INJ/USDT")),
    ("#LINK 40% up and closed", ("close", "LINK/USDT")),
    ("#AVAX 60% ROI closed ✅", ("close", "AVAX/USDT")),
    # stop moves to the entry price stay stop moves
    ("#LINK 본절로 이동합니다", ("update", "LINK/USDT")),
    ("#AVAX SLを建値に移動", ("update", "AVAX/USDT")),
    # a partial close with no coin names none
    ("close half here", ("update", None)),
    ("take 30% off the table", ("update", None)),
    ("move sl to entry on xrp and doge", ("update", None)),
    ("close half, eth looks heavy", ("update", None)),
])
def test_guards_keep_their_reading(text: str, expected: tuple[str, str | None]) -> None:
    assert _read(text)[:2] == expected


def test_a_card_with_an_exit_plan_stays_a_tradable_open() -> None:
    parsed = parse_message("#LINK LONG\nEntry 14.20\nTP1 14.80 (close 50%)\nTP2 15.40\nSL 13.70")
    assert (parsed.kind.value, parsed.tradable) == ("open", True)
