"""Session 16, blind batch y2 (ru/uk/tr/fa/ar channels): a numbered later entry cancelled ("2. giriş iptal", "2-й вхід
скасовано", "ورود دوم کنسل شد", "الدخول الثاني ملغي") cancels one rung of the ladder — the trade stays open, so it is an
update cancel_entry, never a close. (Own look-alikes: other coins, wordings and languages.)"""

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

# --- a numbered later entry cancelled: one rung, the trade goes on ------------------------------------------------


@pytest.mark.parametrize("post,symbol", [
    ("ETH long: 3. giriş iptal edildi, fiyat gelmedi. İlk giriş açık ✅", "ETH/USDT"),
    ("#AVAX: 2. kademe iptal, ilk giriş aktif", "AVAX/USDT"),
    ("#SOL 2'nci giriş iptal ❌ hedefler aynı", "SOL/USDT"),
    ("#LINK: 2-й вхід скасовано, перший вхід відкритий", "LINK/USDT"),
    ("#LINK: другий вхід скасовуємо, ціна не дійшла", "LINK/USDT"),
    ("#DOT: 2-й вход отменён, первый вход в работе", "DOT/USDT"),
    ("#OP: ورود دوم کنسل شد، ورود اول باز است", "OP/USDT"),
    ("#OP: ورود ۲ لغو شد ❌ تارگت‌ها همان", "OP/USDT"),
    ("#APT: الدخول الثاني ملغي ❌ الدخول الأول مفعل", "APT/USDT"),
    ("#APT: تم إلغاء الدخول الثاني، الدخول الأول مفتوح", "APT/USDT"),
    ("#INJ 2nd entry cancelled, price turned before it. First entry is open, targets unchanged", "INJ/USDT"),
])
def test_a_numbered_later_entry_cancelled_is_an_update(post, symbol):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


# (guards: the whole call cancelled, or the position closed beside the rung, stays a close)
@pytest.mark.parametrize("post", [
    "#SOL 2. giriş iptal, pozisyonu kapatın",
    "#SOL: سیگنال کنسل شد",
    "#SOL: تم إلغاء الصفقة",
    "#SOL iptal, pozisyonu kapatın",
])
def test_a_whole_call_cancelled_or_closed_stays_a_close(post):
    assert parse_message(post).kind.value == "close"


# (guard: a numbered entry that is a price, not a cancel, keeps the call)
def test_a_numbered_entry_line_of_a_call_is_no_cancel():
    parsed = parse_message("#NEAR LONG\n1. giriş: 5.10\n2. giriş: 4.90\nHedef: 5.60\nStop: 4.70")
    assert parsed.kind.value == "open" and parsed.update_action is None
