"""Session 16, blind batch y2 (ru/uk/tr/fa/ar channels): a numbered later entry cancelled ("2. giriş iptal", "2-й вхід
скасовано", "ورود دوم کنسل شد", "الدخول الثاني ملغي") cancels one rung of the ladder — the trade stays open, so it is an
update cancel_entry, never a close. (Own look-alikes: other coins, wordings and languages.)"""

from decimal import Decimal as D

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


# --- fa: "/" between Persian digits is the decimal mark ---------------------------------------------------------------

def test_a_persian_slash_between_persian_digits_is_a_decimal_mark():
    parsed = parse_message("#ATOM لانگ\nورود: ۸/۴۵ - ۸/۲۰\nتارگت: ۸/۹۰ - ۹/۳۵\nحد ضرر: ۷/۹۵")
    assert parsed.kind.value == "open" and parsed.symbol == "ATOM/USDT" and parsed.side.value == "long"
    assert sorted(parsed.entries) == [D("8.20"), D("8.45")] and list(parsed.targets) == [D("8.90"), D("9.35")]
    assert parsed.stop_loss == D("7.95")


def test_a_persian_single_price_with_a_slash_decimal():
    parsed = parse_message("#FIL شورت 🔴\nورود: ۴/۱۲\nحد سود: ۳/۹۵ - ۳/۸۰\nاستاپ: ۴/۳۰\nلوریج: ۱۰x")
    assert parsed.kind.value == "open" and parsed.side.value == "short" and list(parsed.entries) == [D("4.12")]
    assert list(parsed.targets) == [D("3.95"), D("3.80")] and parsed.stop_loss == D("4.30") and parsed.leverage == 10


# (guards: a Persian date keeps its slashes — it is no price; a fraction "۱/۲" is no price 1.2)
def test_a_persian_date_is_no_price():
    parsed = parse_message("تاریخ ۱۴۰۲/۰۵/۱۲ #ATOM لانگ ورود ۸۴۵۰ استاپ ۸۰۰۰ تارگت ۹۰۰۰")
    assert parsed.kind.value == "open" and list(parsed.entries) == [D(8450)] and parsed.stop_loss == D(8000)


def test_a_persian_fraction_is_no_price():
    from verzek.parsing.normalize import normalize

    assert "1.2" not in normalize("#ATOM: ۱/۲ پوزیشن رو ببندید")


# --- fa: a share, then "save profit" / "close" — a partial close --------------------------------------------------------

@pytest.mark.parametrize("post,symbol", [
    ("LINK اسپات: ۳۰٪ سیو سود کنید، بقیه رو نگه دارید", "LINK/USDT"),
    ("#LINK: ۴۰٪ سود رو سیو کنید 💰", "LINK/USDT"),
    ("#ADA: ۵۰٪ پوزیشن رو ببندید، بقیه برای تارگت بعدی", "ADA/USDT"),
    ("#ADA: ۲۵ درصد از پوزیشن رو ببندید", "ADA/USDT"),
    ("#ADA: 50% سیو سود کنید", "ADA/USDT"),
])
def test_a_persian_share_saved_or_closed_is_a_partial_close(post, symbol):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.symbol == symbol
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


# (guards: a profit percentage beside a close is the result of a whole close; the whole position closed stays a close)
@pytest.mark.parametrize("post", [
    "#ADA: با ۱۲٪ سود بسته شد ✅",
    "#ADA: ۱۲٪ سود بسته شد ✅",
    "#ADA: ۲۰٪ سود گرفتیم، کل پوزیشن رو ببندید",
])
def test_a_persian_profit_result_is_no_partial_close(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "close" and parsed.update_action != UpdateAction.PARTIAL_CLOSE


# --- a bare coin heading a status post whose first sentence names a target or stop in the channel's language -------

@pytest.mark.parametrize("post,symbol,action", [
    ("LINK — третья цель ✅ 16,40\nСтоп подтягиваем на 15,10, позиция работает дальше", "LINK/USDT", UpdateAction.NEW_STOP),
    ("OP — перша ціль ✅ 1,92\nСтоп переносимо в беззбиток", "OP/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
    ("SOL — 2. hedef ✅ 152\nStop girişe çekildi", "SOL/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_a_bare_coin_heading_a_target_report_names_the_stop_move(post, symbol, action):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.symbol == symbol and parsed.update_action == action


# (guard: a coin in a sentence of market talk of its own is no trade's coin — the stop move names none)
@pytest.mark.parametrize("post", ["BTC слабый. Стоп в безубыток", "BTC падает. Стоп подтягиваем на 0,8125"])
def test_a_coin_in_a_market_talk_sentence_is_not_the_stop_moves(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "update" and parsed.symbol is None


# --- uk/ru spot words in their inflected forms; uk "Зона закупівлі" is the entry zone ------------------------------------

@pytest.mark.parametrize("post", [
    "Купівля на споті 🛒\n\n#NEAR\nЗона закупівлі: 5,20–5,45\nЦілі: 5,90 • 6,40\nСтоп-лосс: 4,88",
    "Спотова угода: #NEAR\nКупівля: 5,20\nЦілі: 5,90\nСтоп: 4,88",
    "Купуємо спотом #NEAR 5,20 цілі 5,90 стоп 4,88",
])
def test_ukrainian_spot_words_say_spot(post):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and parsed.symbol == "NEAR/USDT" and parsed.market.value == "spot"


def test_a_ukrainian_buy_zone_label_is_the_entry_range():
    parsed = parse_message("#SOL лонг\nЗона купівлі: 140–145\nЦілі: 150, 160\nСтоп: 135")
    assert parsed.kind.value == "open" and sorted(parsed.entries) == [D(140), D(145)] and parsed.entry_type.value == "range"
    assert parsed.tradable


# (guard: a word that only starts with "спот" is no market)
def test_a_word_starting_with_spot_letters_is_no_market():
    parsed = parse_message("#NEAR лонг 5,20\nЦілі: 5,90\nСтоп: 4,88\nБез спотикань 🙂")
    assert parsed.kind.value == "open" and parsed.market is None


# --- uk "Тейк-профіт(и):" is the take-profit label ----------------------------------------------------------------------

@pytest.mark.parametrize("post,targets", [
    ("#AVAX ШОРТ\nВхід: 27,35\nТейк-профіт: 26,80 / 26,10\nСтоп: 28,40", [D("26.80"), D("26.10")]),
    ("#INJ ЛОНГ\nВхід: 21,40\nТейк-профіти: 22,80 / 24,10\nСтоп: 20,40", [D("22.80"), D("24.10")]),
])
def test_a_ukrainian_take_profit_label_names_the_targets(post, targets):
    parsed = parse_message(post)
    assert parsed.kind.value == "open" and list(parsed.targets) == targets and parsed.tradable
