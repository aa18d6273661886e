"""Session 24, status24a: trade management in languages other than English (blind z65).

Rules, each with its traps:
- one unfilled rung "taken off" (ru "снимаем / убираем", uk "знімаємо", es/pt "quitamos / retiramos", it "togliamo",
  tr "kaldırıyoruz", en "pull"), or cancelled with its price between the rung and the verb ("вторую лимитку на 1,742
  отменяем", "2nd entry at 1.742 cancelled"), is that rung's cancel — an update; the position filled runs on. The
  whole order or limit taken off ("лимитку снимаем") stays the call withdrawn; "снимаем прибыль" (taking profit) and
  "pull the rest" are no cancel;
- ru/uk "ТП3" (the take-profit's letters in Cyrillic) is a target: "ТП3 ✅ 0,6450" a target hit (its price is no stop
  to be rewritten), "стоп подтянут к ТП1" a stop moved onto target 1 (the perfective "подтянут / подтянули" too);
- the stop with its coin and its price, then said hit ("Стоп по #BTC на 61 200 сработал", "#BTC stop at 61 200 hit",
  "#ETH SL 3120 tocado") is a stop-out — a close; "Стоп по #BTC на 61200" alone moves the stop; "almost hit", "not hit
  yet", "SL 3120, TP1 hit" and a question are no stop-out;
- a ticker we know alone on the post's first line ("XRP //", "SOL —", "AVAX L 🟢", "ETH S"), under a relay's line at
  most, heads the status below: the status is that coin's — not over a close of every trade ("close everything",
  "close your alts") nor over a close beside a share of the position ("1/3 closed");
- one capital letter after the coin heading a status post ("ETH S", "#SUI S", "AVAX L", "#SUI (S)") is the trade's
  side; the letter anywhere else is none;
- a reader asking for advice ("Подскажите, …?", "Підкажіть, …?", "Can someone tell me …?", "¿Alguien me puede decir
  …?", "Kann mir jemand sagen …?", "Qualcuno sa …?") is no signal; an order after the question still stands.
"""

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


def _bold(text: str) -> str:
    return "\n".join(f"**{line}**" if line.strip() else line for line in text.split("\n"))


def _relayed(text: str) -> str:
    return "Forwarded from Some Channel\n" + text.replace("\n", "\n\n")


# --- one unfilled rung taken off --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#DOT: третью лимитку на 6,12 снимаем.\nВ сделке остаёмся с первым входом.",
    "#DOT третью лимитку снимаем",
    "#DOT второй вход (6,12) убираем, остальное без изменений",
    "#DOT другий вхід на 6,12 знімаємо",
    "#DOT second entry at 6.12 cancelled",
    "#DOT pull the 2nd entry at 6.12",
    "#DOT la segunda entrada en 6,12 la quitamos",
    "#DOT ikinci giriş kaldırıyoruz",
    "#DOT вторую лимитку на 6,12 отменяем",
])
def test_one_rung_taken_off_is_an_update(text):
    for variant in (text, _bold(text), _relayed(text)):
        parsed = parse_message(variant)
        assert parsed.kind == MessageKind.UPDATE, variant
        assert parsed.update_action == UpdateAction.CANCEL_ENTRY
        assert parsed.symbol == "DOT/USDT"


@pytest.mark.parametrize("text", [
    "#DOT лимитку снимаем, неактуально",
    "#DOT лимитку на 6,12 снимаем",
])
def test_the_whole_limit_taken_off_still_withdraws_the_call(text):
    assert parse_message(text).kind == MessageKind.CLOSE


@pytest.mark.parametrize("text", ["#DOT снимаем прибыль", "#DOT pull the rest", "#DOT снимаем остаток позиции"])
def test_taking_profit_or_the_rest_is_no_rung_cancel(text):
    assert parse_message(text).update_action != UpdateAction.CANCEL_ENTRY


# --- ТП in Cyrillic -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "#LINK ТП2 ✅ 15,80",
    "#LINK ТП2 ✅ 15,80 — стоп подтянут к ТП1.",
    "LINK //\nТП2 ✅ 15,80 — осталось 40% позиции, стоп подтянут к ТП1.",
])
def test_cyrillic_tp_hit_is_an_update_of_the_coin(text):
    for variant in (text, _bold(text)):
        parsed = parse_message(variant)
        assert parsed.kind == MessageKind.UPDATE, variant
        assert parsed.symbol == "LINK/USDT"
        assert parsed.stop_loss is None


@pytest.mark.parametrize(("text", "target"), [
    ("#LINK стоп подтянули к ТП1", 1),
    ("#LINK стоп подтянули к TP2", 2),
])
def test_stop_pulled_onto_a_cyrillic_target(text, target):
    parsed = parse_message(text)
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.stop_at_target == target


def test_a_lone_price_before_a_stop_word_is_still_the_stop():
    # (the older rule: "0.390 — там выходим по стопу" states the stop; only a Cyrillic target before the price stops it)
    parsed = parse_message("#LINK LONG\nВход 15,20\nЦель 16,40\n14,60 — там выходим по стопу")
    assert parsed.stop_loss is not None


# --- the stop at its price, said hit -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🔴 Стоп по #ETH на 3 120 сработал.\nМинус 1% к депо.",
    "#ETH stop at 3 120 hit.",
    "#ETH SL 3120 triggered, -1R",
    "#ETH SL 3120 tocado",
    "Стоп по #ETH на 3120 сработал",
])
def test_stop_at_its_price_hit_is_a_stop_out(text):
    for variant in (text, _bold(text), _relayed(text)):
        parsed = parse_message(variant)
        assert parsed.kind == MessageKind.CLOSE, variant
        assert parsed.symbol == "ETH/USDT"
        assert parsed.update_action == UpdateAction.SL_HIT


@pytest.mark.parametrize("text", [
    "#ETH SL 3120 almost hit",
    "#ETH SL 3120 not hit yet",
    "#ETH SL 3120, TP1 hit",
    "#ETH SL at 3120 hit?",
])
def test_stop_price_look_alikes_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_stop_for_the_coin_at_a_price_alone_moves_it():
    parsed = parse_message("Стоп по #ETH на 3120")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP


# --- a ticker heading the post, and its side letter ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "symbol", "side"), [
    ("ADA //\nCerrada a mercado en 0,4512 💰 +1,9R. Salimos antes del dato de empleo.", MessageKind.CLOSE, "ADA/USDT", None),
    ("ADA —\nClosed at market 0.4512. Good trade.", MessageKind.CLOSE, "ADA/USDT", None),
    ("LINK L 🟢\nTüm hedefler tamamlandı, pozisyon kapatıldı. Toplam +%24 (5x)", MessageKind.CLOSE, "LINK/USDT", Side.LONG),
    ("DOT S\nЗафіксував половину на 6,40. Решту тримаємо, стоп у беззбиток.", MessageKind.UPDATE, "DOT/USDT", Side.SHORT),
    ("#ARB S\nPreso metà a 0,812 ✅ stop spostato a 0,845.", MessageKind.UPDATE, "ARB/USDT", Side.SHORT),
    ("#ARB (S)\nclosed", MessageKind.CLOSE, "ARB/USDT", Side.SHORT),
])
def test_ticker_heading_names_the_status(text, kind, symbol, side):
    for variant in (text, _bold(text), _relayed(text)):
        parsed = parse_message(variant)
        assert (parsed.kind, parsed.symbol, parsed.side) == (kind, symbol, side), variant


@pytest.mark.parametrize("text", [
    "BTC\nDumping hard. Close your alts.",
    "BTC\nDumping hard. Закрываем альты.",
])
def test_ticker_heading_over_a_close_of_everything_is_not_the_coins(text):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.CLOSE and parsed.symbol in ("BTC/USDT", "ETH/USDT"))


def test_ticker_heading_over_a_share_closed_is_no_close_of_the_coin():
    parsed = parse_message("ATOM S\n1/3 zamknięte na 4,12, SL przesunięty na wejście.")
    assert parsed.kind != MessageKind.CLOSE


@pytest.mark.parametrize("text", [
    "ETH S\nBTC L closed",
    "#ETH S&P looks weak, closed",
    "S\nETH closed",
])
def test_a_side_letter_elsewhere_is_no_side(text):
    assert parse_message(text).side is None


# --- a reader asking for advice ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Подскажите, по #AVAX стоп на 24 ещё держим или закрывать? Зашёл поздно",
    "Підкажіть, по #AVAX стоп на 24 ще тримаємо чи закривати?",
    "Can someone tell me if #AVAX SL is still 24? I joined late",
    "¿Alguien me puede decir si cerramos #AVAX o seguimos? Entré tarde",
    "Kann mir jemand sagen, ob der Stop bei #AVAX noch 24 ist? Bin spät rein",
    "Qualcuno sa se chiudiamo #AVAX? Sono entrato tardi",
])
def test_reader_asking_for_advice_is_no_signal(text):
    for variant in (text, _bold(text), _relayed(text)):
        assert parse_message(variant).kind == MessageKind.NOT_A_SIGNAL, variant


def test_an_order_after_the_question_stands():
    parsed = parse_message("Подскажите, куда ставить стоп? #AVAX стоп переносим на 25")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP
