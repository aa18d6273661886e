"""Session 16, review 30 (fixer r30b): Persian '/' lists, Persian fraction partials, zh stop-price wording, test/demo
headings, Thai size lines, full-width target lists, Russian spot negations."""
from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


# --- Persian "/": two prices of like size are a list, a short part after a price is the decimal ----------------------

@pytest.mark.parametrize(("text", "entries", "targets", "stop"), [
    ("#AVAX لانگ\nورود: ۲۸۰۰/۲۷۵۰\nتارگت: ۲۹۵۰\nاستاپ: ۲۷۰۰", ("2750", "2800"), ("2950",), "2700"),
    ("#LTC لانگ\nورود: ۸۵\nتارگت: ۱۲۰/۱۳۰\nاستاپ: ۸۰", ("85",), ("120", "130"), "80"),
    ("#ETH شورت\nورود: ۳۴۰۰\nتارگت: ۳۳۰۰/۳۲۰۰\nاستاپ: ۳۵۰۰", ("3400",), ("3300", "3200"), "3500"),
    ("#SOL لانگ\nورود: ۹۴\nتارگت ها: ۹۸/۱۰۶\nاستاپ: ۹۰", ("94",), ("98", "106"), "90"),
])
def test_persian_slash_between_like_prices_is_a_list(text, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert parsed.entries == _d(*entries)
    assert parsed.targets == _d(*targets)
    assert parsed.stop_loss == Decimal(stop)
    assert parsed.tradable


@pytest.mark.parametrize(("text", "entries", "targets", "stop"), [
    ("#SOL لانگ\nورود: ۱۴۲/۵\nتارگت: ۱۴۸/۲۵\nاستاپ: ۱۳۸/۰۵", ("142.5",), ("148.25",), "138.05"),
    ("#DOGE لانگ\nورود: ۰/۱۴۲\nتارگت: ۰/۱۵۵\nاستاپ: ۰/۱۳۶", ("0.142",), ("0.155",), "0.136"),
    ("#FIL شورت\nورود: ۴/۱۲\nتارگت: ۳/۹۵\nاستاپ: ۴/۳۰", ("4.12",), ("3.95",), "4.30"),
    ("#LINK لانگ\nورود: ۱۶/۴\nتارگت: ۱۷/۱\nاستاپ: ۱۵/۹\nاهرم: ۵/۱۰", ("16.4",), ("17.1",), "15.9"),
])
def test_persian_slash_decimal_still_reads(text, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.entries == _d(*entries)
    assert parsed.targets == _d(*targets)
    assert parsed.stop_loss == Decimal(stop)
    assert parsed.tradable


@pytest.mark.parametrize("text", [
    "#LINK لانگ\nورود: ۱۴/۱۶\nتارگت: ۱۵/۹۰\nاستاپ: ۱۳/۵۰",   # 14.16, or the prices 14 and 16?
    "#SOL شورت\nورود: ۱۱۲\nتارگت: ۱۰۶/۹۹\nاستاپ: ۱۱۸",       # 106.99, or targets 106 and 99?
])
def test_persian_slash_of_unsure_reading_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert not parsed.tradable


# --- Persian fraction / share of the position: a partial close ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#AVAX ۱/۲ پوزیشن رو ببندید",
    "#AVAX ۱/۳ حجم رو ببندید",
    "#AVAX 2/3 پوزیشن رو ببندید",
    "#AVAX ۱/۴ سیو سود کنید",
    "#AVAX ۳۰٪ با سود ببندید",
    "#AVAX ۲۵٪ حجم رو با سود ببندید",
])
def test_persian_share_or_fraction_is_a_partial_close(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE
    assert parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text", [
    "#AVAX پوزیشن رو ببندید",
    "#AVAX با ۳۰٪ سود ببندید",   # close with a 30 % profit: the whole position
])
def test_persian_close_without_a_share_still_closes(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE


# --- zh: the stop's trigger price is a level, not a stop-out ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#DOT 止损触发价 5.80 不变",
    "#DOT 止损价维持 5.80，止损触发后再看",
    "#DOT 止损触发位 5.80",
])
def test_zh_stop_trigger_price_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", ["#DOT 止损触发了 ❌", "#DOT 止损已触发", "#DOT 止损触发，出局"])
def test_zh_stop_triggered_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- a post headed as a test or a demo opens and closes nothing ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "TEST\n#AVAX LONG\nEntry 34.2\nTP 36\nSL 33",
    "[TEST] #AVAX LONG\nEntry 34.2\nTP 36\nSL 33",
    "Test signal 🧪\n#AVAX SHORT\nEntry 34.2\nTP 32\nSL 35",
    "testing\n#AVAX close now",
    "DEMO ⚙️\n#AVAX SL hit ❌",
    "Test (pls ignore)\n#AVAX closed ✅",
    "Тестовый пост\n#AVAX ЛОНГ\nВход 34.2\nЦель 36\nСтоп 33",
    "Пример оформления сигнала:\n#AVAX LONG\nEntry 34.2\nTP 36\nSL 33",
    "Demo account update 👇\n#AVAX closed +20% ✅",
])
def test_test_or_demo_heading_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize(("text", "kind"), [
    ("AVAX will test 36 soon\n#AVAX LONG\nEntry 34.2\nTP 36\nSL 33", MessageKind.OPEN),
    ("#AVAX LONG\nEntry 34.2\nTP 36\nSL 33\nretest of 34 is the entry", MessageKind.OPEN),
    ("#AVAX closed ✅ — the retest failed", MessageKind.CLOSE),
])
def test_test_inside_a_sentence_changes_nothing(text, kind):
    assert parse_message(text).kind == kind


# --- Thai size lines, full-width target lists, ru/uk spot negations ---------------------------------------------------

@pytest.mark.parametrize("size_line", ["เข้า 4 ไม้", "เข้า 25 USDT ต่อไม้", "เข้า: 3 ไม้ ไม้ละ 2%"])
def test_thai_size_line_is_no_entry(size_line):
    parsed = parse_message(f"#ETH LONG\nEntry 3,150\n{size_line}\nTP 3,300\nSL 3,050")
    assert parsed.entries == _d("3150")
    assert parsed.tradable


def test_thai_bare_entry_price_still_reads():
    parsed = parse_message("#ETH LONG\nเข้า 3150\nTP 3300\nSL 3050")
    assert parsed.entries == _d("3150")


@pytest.mark.parametrize(("text", "entries", "targets", "stop"), [
    ("#AVAX 做多\n入场 ９７\n目标 ９９，１０３，１０８\n止损 ９３", ("97",), ("99", "103", "108"), "93"),
    ("#AVAX 做多\n入场 ９６\n目标 ９８，１０２\n止损 ９３", ("96",), ("98", "102"), "93"),
    ("#BTC 做多\n入场 ６５，９００\n目标 ６８，５００\n止损 ６４，８００", ("65900",), ("68500",), "64800"),
])
def test_fullwidth_commas_list_or_thousands(text, entries, targets, stop):
    parsed = parse_message(text)
    assert parsed.entries == _d(*entries)
    assert parsed.targets == _d(*targets)
    assert parsed.stop_loss == Decimal(stop)
    assert parsed.tradable


@pytest.mark.parametrize("note", ["на споте не торгуем, только фьючерсы", "не на споті", "спотом не лонгуем"])
def test_ru_uk_spot_negation_is_not_spot(note):
    parsed = parse_message(f"#LINK Лонг\nВход 14.2\nЦели 15.1\nСтоп 13.6\n{note}")
    assert parsed.market != "spot"
    assert parsed.tradable


def test_ru_spot_call_still_spot():
    assert parse_message("#LINK Лонг на споте\nВход 14.2\nЦели 15.1\nСтоп 13.6").market == "spot"
