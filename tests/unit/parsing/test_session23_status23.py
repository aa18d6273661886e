"""Session 23, status23: updates and closes in threads and in many languages (blind z57/z58).

Rules, each with its traps:
- a status word shouted in capitals ("CANCELADA", "ANULADO", "ANNULLATO", "STORNIERT", "İPTAL EDİLDİ", "BATAL", "VOID",
  "EXPIRADO", "FECHADA") is what became of the call, never its coin: the ticker after it is the one closed;
- a heading of close words alone over the post ("❌ CANCELLED ❌", "İPTAL EDİLDİ") does not make the close name no coin
  when the coin's own sentence below closes; a heading with an "all" word ("CLOSE ALL NOW") still closes every trade,
  and a heading over market talk names no coin;
- a timeframe right before the close verb ("1h closed at 0.78", "H4 candle closed at …") is a candle's close, no trade
  closed; "closed the 4h scalp" names the trade after the verb and still closes it;
- the call's waiting orders said live or active, ending the clause ("the re-entry is live now", "orders active") are
  the conditional call activated — an entry-fill update; "Entry live: 3.20" heading levels, "orders active until …"
  and "if the entry is live" are not;
- a target reached at its price ("TP1 at 23.40 hit", "Ziel 1 bei 23,40 erreicht") is a target hit; the target's line
  alone or "not hit yet" is not;
- German puts the close infinitive last ("Sofort zum Marktpreis schließen: …", "wir schließen den … Short"): a close;
  "schließen wir nicht" / "wir schließen noch nicht" is none;
- a stop-out of the trade named by its buy or sell noun ("a venda de LTC bateu o stop", "la compra de SOL tocó el stop",
  "our LTC sell got stopped") tells the side; a sale that closes ("Vendemos LTC …") or another coin's noun tells none;
- ja/zh/ko limit orders by their own word ("指値 … 約定しました", "挂单已成交") filled are an entry fill; "約定したら"
  (once filled) and "未約定" (not filled) are not;
- a mail-style reply subject ("Re: ONDO") names the thread's coin; a subject with no ticker names none;
- a stop written with the typo it takes back ("SL is 2.27 not 2.11", "stop 0,41 statt 0,44") is a new stop at the first
  price, without the word "correction"; asked, in percent, or under "do not move" it is no change;
- a ticker that is also a noun ("dot", "ton", "ape"), in lower case, right against a numbered target heading a status
  names the coin; "near tp1" is "almost at TP1" and names none.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- status words shouted in capitals are no coin ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("⛔ ANULADO el trade de ARB, no llegó a la entrada", "ARB/USDT"),
    ("🚫 CANCELADA la operación en SOL (corto). Quiten las órdenes.", "SOL/USDT"),
    ("ANNULLATO il segnale su AVAX, non entrate", "AVAX/USDT"),
    ("BATAL sinyal DOGE, hapus order limit kalian", "DOGE/USDT"),
    ("STORNIERT: das Signal für LINK, Orders löschen", "LINK/USDT"),
])
def test_a_shouted_status_word_gives_way_to_the_coin_after_it(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == symbol


@pytest.mark.parametrize("word", ["CANCELADA", "ANULADO", "STORNIERT", "ABGESAGT", "VOID", "EXPIRADO", "FECHADA",
                                  "ANNULLATO", "GEANNULEERD", "EDILDI"])
def test_a_shouted_status_word_is_never_read_as_a_coin(word):
    parsed = parse_message(f"{word} — ARB setup, entry never came")
    assert parsed.symbol != f"{word}/USDT"


# --- a heading of close words over the coin's own close ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("❌ CANCELLED ❌\nThe TIA signal is cancelled, price never reached our zone.", "TIA/USDT"),
    ("İPTAL EDİLDİ\nARB sinyali iptal edildi, girişe gelmedi.", "ARB/USDT"),
])
def test_a_close_word_heading_over_the_coins_close_names_that_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    "CLOSE ALL NOW\nBTC dumped, AVAX closed too",
    "CLOSE EVERYTHING\nOP closed at entry",
])
def test_a_close_all_heading_still_closes_every_trade(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol is None


def test_a_close_word_heading_over_market_talk_names_no_coin():
    assert parse_message("CANCELLED\nBTC dumped hard overnight.").symbol is None


# --- a candle's close is no trade's ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "OP trigger confirmed ✅ 4h closed at 1.912, the plan is on",
    "SEI condition met, H1 candle closed at 0.4410 above the level",
])
def test_a_timeframe_before_the_close_verb_is_a_candle(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_closing_a_trade_named_by_its_timeframe_still_closes():
    parsed = parse_message("closed the 4h scalp on AVAX at 31.2")
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol == "AVAX/USDT"


# --- waiting orders said live: the conditional call activated ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "TIA condition met ✅ the entry is live now",
    "OP trigger hit — our limits are active now",
])
def test_orders_said_live_are_an_entry_fill(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ENTRY_FILLED


@pytest.mark.parametrize("text", [
    "Entry live: 3.20",
    "orders active until 14:00 UTC",
    "if the entry is live, hold",
])
def test_live_said_otherwise_is_no_fill(text):
    assert parse_message(text).update_action != UpdateAction.ENTRY_FILLED


# --- a target reached at its price -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("AVAX TP1 at 31.40 hit ✅", "AVAX/USDT"),
    ("ARB: Ziel 2 bei 0,9120 erreicht 🎯", "ARB/USDT"),
    ("#OP target 1 @ 1.95 reached", "OP/USDT"),
])
def test_a_target_reached_at_its_price_is_a_target_hit(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.TP_HIT
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", ["AVAX TP1 at 31.40", "AVAX TP1 at 31.40 not hit yet"])
def test_a_target_at_its_price_not_reached_is_no_hit(text):
    assert parse_message(text).update_action != UpdateAction.TP_HIT


# --- German closes with the verb last -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "side"), [
    ("Jetzt zum Marktpreis schließen: unseren Long bei SEI!", Side.LONG),
    ("wir schließen den AVAX Short jetzt", Side.SHORT),
])
def test_a_german_close_with_the_verb_last_closes(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.side == side


@pytest.mark.parametrize("text", [
    "SEI: zum Marktpreis schließen wir nicht, wir halten",
    "AVAX Short: wir schließen noch nicht",
])
def test_a_german_close_negated_after_the_verb_closes_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


# --- the side of a stopped trade named by its buy or sell noun --------------------------------------------------------


@pytest.mark.parametrize(("text", "side"), [
    ("Infelizmente a venda de DOT bateu o stop em 6,12 ❌", Side.SHORT),
    ("La compra de ARB tocó el stop en 0,86 ❌ operación cerrada", Side.LONG),
    ("our AVAX sell got stopped out at 31.9", Side.SHORT),
])
def test_a_stopped_trade_named_by_its_noun_has_that_side(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.update_action == UpdateAction.SL_HIT
    assert parsed.side == side


@pytest.mark.parametrize("text", [
    "Vendemos DOT a 6,12, operação encerrada",
    "DOT stop hit. La venta de ARB sigue abierta",
])
def test_a_sale_or_another_coins_noun_tells_no_side(text):
    assert parse_message(text).side is None


# --- ja/zh/ko limit orders filled ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("AVAX 2つ目の指値（30.10）約定しました", "AVAX/USDT"),
    ("ARB 第二个挂单已成交", "ARB/USDT"),
])
def test_a_limit_order_by_its_own_word_filled_is_an_entry_fill(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", ["AVAX 指値（30.10）約定したら損切りは28.90", "AVAX 2つ目の指値（30.10）は未約定です"])
def test_a_limit_order_not_yet_filled_is_no_fill(text):
    assert parse_message(text).update_action != UpdateAction.ENTRY_FILLED


# --- a mail-style reply subject -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "symbol"), [
    ("Re: TIA\nboth entries filled ✅ avg 6.02", MessageKind.UPDATE, "TIA/USDT"),
    ("RE: AVAX\nclosing this one here, momentum gone", MessageKind.CLOSE, "AVAX/USDT"),
])
def test_a_reply_subject_names_the_threads_coin(text, kind, symbol):
    parsed = parse_message(text)
    assert parsed.kind == kind
    assert parsed.symbol == symbol


def test_a_reply_subject_with_no_ticker_names_no_coin():
    assert parse_message("Re: the weekend plan\nclosing this one here").symbol is None


# --- a stop written with the typo it takes back -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "stop"), [
    ("oops, TIA SL is 5.84 not 5.48 😅", Decimal("5.84")),
    ("ARB SL 0,8120 statt 0,8210", Decimal("0.8120")),
    ("#AVAX стоп 29.40, а не 24.90", Decimal("29.40")),
])
def test_a_stop_with_its_typo_taken_back_is_the_new_stop(text, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.NEW_STOP
    assert parsed.new_stop == stop


@pytest.mark.parametrize("text", [
    "TIA SL is 5.84 not 5.48?",
    "TIA SL is 5.84 not 5.48%",
    "TIA: do not move SL 5.84 not 5.48",
])
def test_a_stop_correction_asked_in_percent_or_refused_is_no_change(text):
    assert parse_message(text).update_action != UpdateAction.NEW_STOP


# --- a noun-ticker in lower case against a numbered target --------------------------------------------------------------


@pytest.mark.parametrize(("text", "symbol"), [
    ("dot tp2 ✅ sl to tp1", "DOT/USDT"),
    ("ton tp1 hit", "TON/USDT"),
])
def test_a_noun_ticker_against_a_numbered_target_is_the_coin(text, symbol):
    assert parse_message(text).symbol == symbol


def test_near_a_target_names_no_coin():
    assert parse_message("near tp1 ✅ sl to be").symbol is None
