"""Session 16, adversarial review 30: a market order ruled out is no market entry (#1); a numbered rung said NOT
cancelled cancels nothing (#3); other traders' stop-outs in zh/id/vi/ja/th close nothing (#4); a fa "if you want" partial
is advice (#8); "almost TP1, but then SL" is a stop-out (#9); a rung cancel beside a full close in uk/fa/ar closes (#10).
(Own look-alikes, with the plain forms next to them that must still act.)"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import EntryType, UpdateAction
from verzek.parsing import parse_message

# --- #1 a market / instant order ruled out: the price waited for is a limit ------------------------------------------


@pytest.mark.parametrize("post,entry", [
    ("#XRP لانگ\nورود آنی نکنید، صبر کنید تا ۰.۵۱\nتارگت ۰.۵۶\nاستاپ ۰.۴۸", D("0.51")),
    ("#LINK لانگ\nبدون ورود آنی، لیمیت ۱۴.۲\nتارگت ۱۵.۵\nاستاپ ۱۳.۶", D("14.2")),
    ("#AVAX لا دخول فوري، ننتظر 24.5\nالأهداف 26\nوقف 23.6", D("24.5")),
    ("#ADA LONG\nอย่าเพิ่งเข้าที่ราคาตลาด รอ 0.42\nTP 0.46\nSL 0.40", D("0.42")),
    ("#NEAR 시장가 진입 금지, 5.10 대기 롱\n목표 5.6\n손절 4.9", D("5.10")),
    ("#DOT LONG\nEntry: 6.60\nPrice now 6.90 — do not buy at market\nTP 7.2\nSL 6.3", D("6.60")),
    ("#OP LONG\nВход не по рынку, ждём 1.82\nЦель 2.0\nСтоп 1.74", D("1.82")),
])
def test_a_market_order_ruled_out_keeps_the_written_price_a_limit(post, entry):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.entries == (entry,)
    assert parsed.entry_type == EntryType.LIMIT


@pytest.mark.parametrize("post,entry", [
    ("#BNB دخول فوري 582.4\nالأهداف 600\nوقف 570", D("582.4")),
    ("#ETH لانگ\nورود آنی ۳۱۰۰\nتارگت ۳۲۰۰\nاستاپ ۳۰۰۰", D(3100)),
])
def test_an_instant_entry_not_ruled_out_stays_at_the_market(post, entry):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.entries == (entry,)
    assert parsed.entry_type == EntryType.MARKET


def test_a_market_entry_with_no_price_stays_a_market_entry():
    parsed = parse_message("#SOL LONG\nEntry: market\nTP 150\nSL 136")
    assert parsed.kind.value == "open" and parsed.entry_type == EntryType.MARKET and parsed.entries == ()


def test_dont_enter_at_market_with_no_price_opens_no_market_order():
    parsed = parse_message("#SOL LONG\nDo not enter at market yet\nTP 150\nSL 136")
    assert not (parsed.kind.value == "open" and parsed.entry_type == EntryType.MARKET and parsed.tradable)


# --- #3 a numbered rung said NOT cancelled: nothing to do --------------------------------------------------------------


@pytest.mark.parametrize("post", [
    "#BNB ورود دوم کنسل نشده، صبر کنید",
    "#BNB ورود دوم رو کنسل نکنید",
    "#AVAX 2. giriş iptal değil, bekliyoruz",
    "#AVAX 2. giriş iptal edilmedi",
    "#DOT 2-й вход не отменён, ждём",
])
def test_a_rung_said_not_cancelled_cancels_nothing(post):
    parsed = parse_message(post)
    assert parsed.update_action != UpdateAction.CANCEL_ENTRY and parsed.kind.value != "close"


@pytest.mark.parametrize("post,symbol", [
    ("#BNB ورود دوم کنسل شد", "BNB/USDT"),
    ("#AVAX 2. giriş iptal", "AVAX/USDT"),
    ("#DOT 2-й вход отменён", "DOT/USDT"),
    # (a "not" that says whom the cancel is for, and a question the post answers, deny nothing)
    ("#DOT cancel the 2nd entry if you are not in yet, the rest hold", "DOT/USDT"),
    ("#DOT\nWhy did we cancel the 2nd entry? Price ran away. Cancelled.", "DOT/USDT"),
])
def test_a_rung_cancelled_still_cancels_it(post, symbol):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY


# --- #4 other traders stopped out, not us ---------------------------------------------------------------------------


@pytest.mark.parametrize("post", [
    "#AVAX 别人都止损出局了，我们还在 💪",
    "不少人 #AVAX 打到止损了，我们没有",
    "Banyak trader kena SL di #AVAX, kita aman 😎",
    "#AVAX nhiều người dính SL, mình thì không",
    "#AVAX 多くの人が損切りされた、私たちは無事",
    "#AVAX หลายคนโดนสต็อป เราไม่โดน",
])
def test_other_traders_stopped_out_close_nothing(post):
    parsed = parse_message(post)
    assert parsed.kind.value != "close"


@pytest.mark.parametrize("post", ["#AVAX 止损出局了", "#AVAX 打到止损了", "#AVAX kena SL", "#AVAX dính SL rồi"])
def test_our_stop_out_still_closes(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == "AVAX/USDT"


# --- #8 a fa partial offered "if you want" -------------------------------------------------------------------------


@pytest.mark.parametrize("post", [
    "#LINK اگه خواستید ۳۰٪ سیو سود کنید، ما نگه می‌داریم",
    "#LINK اگه دوست دارید نصف پوزیشن رو سیو سود کنید",
])
def test_a_partial_offered_if_you_want_is_no_partial(post):
    parsed = parse_message(post)
    assert parsed.update_action != UpdateAction.PARTIAL_CLOSE and parsed.kind.value != "close"


def test_a_fa_partial_said_plainly_still_acts():
    parsed = parse_message("#LINK ۳۰٪ سیو سود کنید")
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.PARTIAL_CLOSE


# --- #9 "almost" the target, "but" the stop ------------------------------------------------------------------------


@pytest.mark.parametrize("post", [
    "#NEAR suýt chạm TP1 nhưng rồi dính SL",
    "#NEAR almost hit TP1 but then got stopped out",
    "#NEAR hampir TP1 tapi kena SL",
])
def test_almost_a_target_but_the_stop_hit_is_a_close(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == "NEAR/USDT"
    assert parsed.update_action != UpdateAction.TP_HIT


@pytest.mark.parametrize("post", ["#NEAR suýt dính SL", "#NEAR almost hit SL"])
def test_almost_the_stop_alone_closes_nothing(post):
    assert parse_message(post).kind.value != "close"


# --- #10 a rung cancel beside a full close: the close wins -----------------------------------------------------------


@pytest.mark.parametrize("post,symbol", [
    ("#ARB другий вхід скасовано, угоду повністю закриваємо", "ARB/USDT"),
    ("#ARB другий вхід скасовано і закриваємо позицію", "ARB/USDT"),
    ("#ARB ورود دوم کنسل، کل پوزیشن رو ببندید", "ARB/USDT"),
    ("#ARB ورود دوم کنسل شد و پوزیشن بسته شد", "ARB/USDT"),
    ("#ARB الدخول الثاني ملغي، وأغلقنا الصفقة", "ARB/USDT"),
])
def test_a_rung_cancel_beside_a_full_close_closes(post, symbol):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.symbol == symbol


@pytest.mark.parametrize("post", [
    "#ARB другий вхід скасовано, позицію не закриваємо",
    "#ARB ورود دوم کنسل، پوزیشن رو نگه دارید",
    "#ARB الدخول الثاني ملغي، الصفقة مستمرة",
])
def test_a_rung_cancel_with_the_trade_kept_stays_a_rung_cancel(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.CANCEL_ENTRY
