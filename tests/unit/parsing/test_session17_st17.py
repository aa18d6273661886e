"""Session 17, fixer "status" (st17): closes, close-all, management and corrections missed by blind batches z2-z4.

- an exit command in capitals ("FLATTEN ALL", "KILL ALL POSITIONS") is no coin, and is a close of every position;
  a coin after an emoji in the market talk beside a close-all ("EXIT ALL NOW 🚨 BTC dumping") is no coin either;
- close-all in other words: pt "zeramos todas as posições", "saindo de tudo", es "salimos de todo", hi-en "sab positions
  close kar do"; a coin's tag inside a verb-last close ("Alle Positionen in #PEPE jetzt glattstellen");
- lower-case coins of a close: uk/ru "закриваю ltc по ринку", "stopped out on ordi", "SL hit on arb";
- ro cancels: "Anulăm ordinul pe #KAS" (the call withdrawn), "al doilea ordin" (one rung), "Nu anulăm" (negated);
- the dot of an ordinal ("ETH 1. hedef geldi") does not cut the coin off its sentence;
- a show of hands among readers ("who is still holding DOGE? drop a 🚀 if you're still in") is no status;
- a reply correcting a level of the quoted call is an update of that trade, never the call again (a corrected stop on
  the wrong side of the quoted entry is not applied).
"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message


@pytest.mark.parametrize("text", [
    "🚨 FLATTEN EVERYTHING 🚨\nRisk off until CPI is out.",
    "⛔ KILL ALL TRADES ⛔",
    "🔴 KILL ALL POSITIONS 🔴\nFunding is insane, not worth it.",
    "CUT EVERYTHING NOW, market is crashing",
    "Dump all open positions now",
    "⚠️ EXIT ALL NOW ⚠️ ETH dumping hard",
])
def test_an_exit_command_in_capitals_closes_everything_and_names_no_coin(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, None)
    assert not parsed.tradable


@pytest.mark.parametrize("text,symbol,side", [
    ("CLOSE ALL BTC LONGS NOW", "BTC/USDT", Side.LONG),
])
def test_a_close_all_of_one_coin_keeps_its_coin(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side) == (MessageKind.CLOSE, symbol, side)


@pytest.mark.parametrize("text", [
    "Not flattening anything, all positions stay open",
    "We are not going to kill all positions, relax",
    "sell all at TP3",
    "SELL ALL",
])
def test_exit_words_that_close_nothing_now(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "Sair de tudo agora, zerem todas as posições",
    "Saindo de tudo agora 🚪",
    "Zeramos tudo, mercado muito instável",
    "Salimos de todo ya, el mercado está feo",
    "Sab trades close kar do turant",
    "sab positions exit karo abhi",
])
def test_close_all_in_other_languages(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, None)


@pytest.mark.parametrize("text", [
    "Saindo de tudo que é memecoin este ano",
    "Não saia de tudo agora, segura as posições",
    "sab kuch theek hai, close mat karo",
    "Hum sab positions hold kar rahe hain",
])
def test_close_all_look_alikes_close_nothing(text):
    assert parse_message(text).kind != MessageKind.CLOSE


def test_zeroing_the_risk_is_the_stop_to_entry_not_a_close():
    parsed = parse_message("zeramos o risco da posição #SOL, stop na entrada")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "SOL/USDT",
                                                                  UpdateAction.MOVE_SL_BREAKEVEN)


@pytest.mark.parametrize("text,symbol", [
    ("Alle Trades in #ARB jetzt glattstellen", "ARB/USDT"),
    ("Bitte alle Positionen bei #ETH jetzt schließen", "ETH/USDT"),
    ("zeramos a posição de #SOL", "SOL/USDT"),
])
def test_a_verb_last_close_with_the_coin_inside(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "Alle Positionen in #PEPE laufen weiter",
    "Se #DOGE perde 0,1450 in chiusura daily, chiudiamo l'operazione. Per ora teniamo.",
])
def test_a_tag_inside_a_sentence_that_closes_nothing_now(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,symbol,action", [
    ("Закриваю sol по ринку", "SOL/USDT", None),
    ("Закрываю doge по рынку, хватит", "DOGE/USDT", None),
    ("Got stopped out on link, -1R", "LINK/USDT", UpdateAction.SL_HIT),
    ("SL hit on wif 😔", "WIF/USDT", UpdateAction.SL_HIT),
    ("we got stopped out on doge today", "DOGE/USDT", UpdateAction.SL_HIT),
])
def test_a_lower_case_coin_of_a_close(text, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.CLOSE, symbol, action)


@pytest.mark.parametrize("text", [
    "Stopped out on the retest, -1R",
    "stopped out in profit",
])
def test_a_stop_out_on_a_word_that_is_no_coin_names_none(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, None)


@pytest.mark.parametrize("text,symbol", [
    ("Anulăm ordinul pe #SEI, prețul nu a ajuns la intrare", "SEI/USDT"),
    ("Anulăm semnalul #TIA", "TIA/USDT"),
    ("Semnalul #KAS a fost anulat", "KAS/USDT"),
])
def test_a_romanian_cancel_of_the_call_closes_it(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "Anulăm al doilea ordin pe #KAS",
    "Anulăm ordinele rămase pe #KAS, poziția rămâne",
    "Anulăm a doua intrare pe #KAS",
])
def test_a_romanian_cancel_of_one_rung_keeps_the_trade(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "KAS/USDT",
                                                                  UpdateAction.CANCEL_ENTRY)


@pytest.mark.parametrize("text", [
    "Nu anulăm semnalul pe #KAS, rămâne valabil",
    "Nu anulăm ordinul pe #KAS",
    "Nu anulăm al doilea ordin pe #KAS",
])
def test_a_negated_romanian_cancel_changes_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,symbol,action", [
    ("SOL 2. hedef geldi, stopu girişe çekiyoruz", "SOL/USDT", UpdateAction.MOVE_SL_BREAKEVEN),
    ("SOL 2. Ziel erreicht ✅\nWir schließen 50% und ziehen den Stop auf Einstieg.", "SOL/USDT", UpdateAction.PARTIAL_CLOSE),
    ("ETH 1. hedef geldi 🎯\nPozisyonun %50'sini kapatıp stopu girişe çekiyoruz.", "ETH/USDT", UpdateAction.PARTIAL_CLOSE),
])
def test_an_ordinal_dot_keeps_the_coin_in_its_sentence(text, symbol, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, action)


@pytest.mark.parametrize("text", [
    "BTC weak. Move SL to entry",
    "BTC at 2. Moving SL to entry on alts",
])
def test_a_coin_in_a_sentence_of_its_own_is_still_no_coin_of_the_change(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, None)


@pytest.mark.parametrize("text", [
    "Anyone still holding #PEPE? 🙋 leave a 👍 if you're in",
    "who is still holding SOL? 🙋 drop a 🚀 if you're still in",
    "Who's still in #ARB? Drop a 🔥",
])
def test_a_show_of_hands_is_no_status(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text,action", [
    ("Still holding #DOGE, targets ahead 🚀", UpdateAction.OTHER),
    ("#DOGE still holding strong above entry, SL to BE", UpdateAction.MOVE_SL_BREAKEVEN),
    # (a show of hands beside a change or a target hit leaves the status)
    ("#DOGE TP1 hit 🎯 who's still holding? drop a 🚀", UpdateAction.TP_HIT),
    ("#DOGE TP1 hit ✅\nQ: anyone still in? move SL to entry", UpdateAction.MOVE_SL_BREAKEVEN),
])
def test_the_channel_still_holding_is_still_a_status(text, action):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "DOGE/USDT", action)


_AVAX = "↩️ Reply to: 🟢 LONG #AVAX Entry 24.5 TP 26/27 SL 23.4\n\n"


@pytest.mark.parametrize("reply,action,new_stop", [
    ("Correction: the TP2 is 27.5 not 27", UpdateAction.OTHER, None),
    ("Correction: entry is 24.2 not 24.5", UpdateAction.OTHER, None),
    ("Typo ⚠️ SL is 22.4 not 23.4", UpdateAction.NEW_STOP, D("22.4")),
    ("Correction ⚠️ typo in the SL above, it's 22.9 not 23.4. Everything else stays the same.", UpdateAction.NEW_STOP,
     D("22.9")),
    # (a corrected stop above a long's entry would close the trade at once: no price to act on)
    ("Typo ⚠️ SL is 25.4 not 23.4", UpdateAction.NEW_STOP, None),
])
def test_a_reply_correcting_a_level_updates_the_quoted_trade(reply, action, new_stop):
    parsed = parse_message(_AVAX + reply)
    assert (parsed.kind, parsed.symbol, parsed.side, parsed.update_action) == (MessageKind.UPDATE, "AVAX/USDT", Side.LONG,
                                                                               action)
    assert parsed.new_stop == new_stop
    assert not parsed.tradable


def test_a_spanish_reply_correcting_a_target():
    parsed = parse_message("↩️ Respuesta a: $ICP LONG Entrada 12.10 TP 12.90 / 13.40 / 18.30 SL 11.60\n\n"
                           "Corrección: el TP3 es 13.80, no 18.30. Lo demás igual.")
    assert (parsed.kind, parsed.symbol, parsed.side, parsed.update_action) == (MessageKind.UPDATE, "ICP/USDT", Side.LONG,
                                                                               UpdateAction.OTHER)


def test_a_short_reply_correcting_its_stop_to_the_wrong_side_moves_nothing():
    parsed = parse_message("↩️ Reply to: 🔴 SHORT #SUI/USDT Entry 1.82-1.86 TP 1.76/1.70/1.62 SL 1.94\n\n"
                           "Correction: SL is 1.49 not 1.94")
    assert (parsed.kind, parsed.symbol, parsed.update_action, parsed.new_stop) == (MessageKind.UPDATE, "SUI/USDT",
                                                                                   UpdateAction.NEW_STOP, None)


def test_a_reply_saying_nothing_of_a_level_is_no_update():
    parsed = parse_message(_AVAX + "Great entry, thanks")
    assert parsed.kind == MessageKind.NOT_A_SIGNAL
