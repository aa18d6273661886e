"""Session 22, thread50: replies, edits, partial fills and status posts in channel threads (hi-en, tl, pcm, nl, ro).

- A status reply never opens a trade from the prices it restates: "Entry 1 (price) filled", tl "na-fill na", pcm "our
  buys for <price> don fill", "partial fill at <price>" are fills of the running call (an update), never an open; tl
  "hindi pa na-fill" (not yet filled) is no fill; "partial fill ok" inside a full card leaves the card a call.
- "Entry 1 (price)" in a card: the 1 is the rung's number, the bracketed price its level; ro "Intrarea 1 (…) executată",
  pcm "first entry <price> don enter" are fills.
- A target hit with its price between the target and the verb: pcm "TP1 <price> don land", tl "TP1 <price> tapos na",
  nl "geraakt", ro "atins"
  (tl "tapos" alone is "then": a card "TP1 … tapos TP2 …" stays a call). pcm "sell small, hold the rest" sells a part.
- Stop-outs: nl "gestopt op <price>", "uitgestopt" (not "gestopt met traden", quit); tl "tinamaan yung SL"; ro
  "stop-ul a fost atins".
- Closes: hi-en "band karo" (not "band mat karo"), "<price> pe nikal gaye", "<price> pe poora close" (not "… karenge",
  the plan), "trade khatam" (not the day's "kaam khatam"); tl "sarado na" (not "hindi pa sarado"); pcm "we don close
  am" (not "we don close half", a part); ro "Închideți acest trade", nl "Sluit deze trade" with no coin close the replied
  trade — "ACUM", "SOFORT", "NGAYON" … in capitals are "now", never a coin; closing one's eyes ("ogen", "ochii") is none.
- A numbered call withdrawn ("SCALP #7 cancel ❌ — <coin> …"), "remove the order", hi-en "order hata do" cancel the call —
  not one rung's ("DCA order hata do", "remove the order at <price>, keep the first").
- A quoted line opening on a known ticker and the call's word ("> ARB call …") names the replied-to coin; an old card
  quoted under a look-back heading ("Throwback …") is a results post.
- A re-entry at "the same levels" with no level written is an update of the call (its "same SL ✅" is no stop-out); with
  the levels written it is a call; "same stop" in a card's plan for its rungs restates nothing.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


def _read(text):
    return parse_message(text)


# --- fills never open ------------------------------------------------------------------------------------------------
FILLS = [
    ("#OP LONG — Entry 1 (1.842) filled ✅\nEntry 2 (1.790) still waiting.", "OP/USDT"),
    ("#OP Entry 2 (1.790) na-fill na ✅", "OP/USDT"),
    ("$FET spot: our first buys for 1.315 don fill ✅ lower part still dey wait.", "FET/USDT"),
    ("$FET spot: our first buys at 1.315 filled ✅", "FET/USDT"),
    ("#ETH long: partial fill at 3,214 (about a third of size). The order at 3,150 is still resting.", "ETH/USDT"),
    ("#ETH short: partial fill lang sa 3,214. Yung isa sa 3,290 nakabukas pa.", "ETH/USDT"),
    ("#OP LONG — Intrarea 1 (1.842) executată ✅", "OP/USDT"),
    ("#OP long: first entry 1.842 don enter ✅", "OP/USDT"),
]


@pytest.mark.parametrize("text,symbol", FILLS)
def test_fill_reply_is_an_update_never_an_open(text, symbol):
    parsed = _read(text)
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.symbol == symbol
    assert parsed.update_action == UpdateAction.ENTRY_FILLED
    assert not parsed.entries


@pytest.mark.parametrize("text", [
    "#OP Entry 2 (1.790) hindi pa na-fill",
    "#OP entry hindi na-fill",
])
def test_fill_said_not_yet_is_no_fill(text):
    assert _read(text).update_action != UpdateAction.ENTRY_FILLED


def test_rung_numbers_before_bracketed_prices_are_no_prices():
    parsed = _read("#OP LONG\nEntry 1 (1.842)\nEntry 2 (1.790)\nTP 1.95\nSL 1.72")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable
    assert [float(e) for e in parsed.entries] == [1.79, 1.842]


def test_price_before_a_bracketed_percent_stays_a_price():
    parsed = _read("#OP LONG\nEntry 4.8\nTP 5 (+4%)\nSL 4.5")
    assert parsed.tradable and [float(t) for t in parsed.targets] == [5.0]


def test_partial_fill_rule_inside_a_card_keeps_the_call():
    parsed = _read("#ETH partial fill ok, entry 3200 tp 3300 sl 3150 long")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


# --- target hits with the price between ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "$TIA TP1 6.40 don land 🎉",
    "#TIA TP1 6.40 tapos na ✅ +18%",
    "$TIA TP2 6.90 don hit",
    "#TIA LONG TP1 6.40 geraakt ✅",
    "#TIA LONG TP1 6.40 atins ✅",
])
def test_target_hit_with_its_price_between(text):
    parsed = _read(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.TP_HIT


def test_tapos_as_then_in_a_card_keeps_the_call():
    parsed = _read("#TIA TP1 6.40 tapos TP2 6.90 SL 5.70 long 6.05")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


def test_sell_small_sells_a_part():
    parsed = _read("Re: $TIA spot bag 💎\nTP1 6.40 don land 🎉 Sell small, hold the rest for TP2.")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE
    assert parsed.side is None


def test_closed_small_is_still_a_close():
    assert _read("#TIA closed small, -2%").kind == MessageKind.CLOSE


# --- stop-outs -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "⛔ AVAX short gestopt op 38,20.",
    "#AVAX long uitgestopt ❌",
    "#AVAX short gestopt.",
    "#AVAX sarado na, tinamaan yung SL 😔",
    "#AVAX SL tinamaan ❌",
    "#AVAX stop-ul a fost atins ❌",
])
def test_stop_out_in_thread_languages(text):
    parsed = _read(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.update_action == UpdateAction.SL_HIT
    assert parsed.symbol == "AVAX/USDT"


@pytest.mark.parametrize("text", [
    "Ik ben gestopt met traden op #AVAX",
    "We zijn gestopt op tijd met #AVAX",
])
def test_gestopt_as_quit_is_no_stop_out(text):
    assert _read(text).kind != MessageKind.CLOSE


def test_gestopt_in_market_talk_above_a_card_keeps_the_call():
    parsed = _read("#AVAX gestopt met stijgen, long 36 tp 38 sl 35")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


# --- closes ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "XRP wala swing band karo, 2.41 pe nikal gaye 😎",
    "#XRP band karo",
    "#XRP trade band kar diya ✅",
    "#XRP 2.41 pe nikal gaye +12%",
    "XRP ✅✅ dono TP hit, 2.41 pe poora close. Done for today.",
    "#XRP trade khatam, 2.41 pe book kiya",
    "#XRP sarado na ✅ +20%",
    "#XRP we don close am ✅",
])
def test_close_in_thread_languages(text):
    parsed = _read(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == "XRP/USDT"


@pytest.mark.parametrize("text", [
    "#XRP band mat karo",
    "#XRP 2.60 pe poora close karenge",
    "#XRP hindi pa sarado, hold",
])
def test_close_words_negated_or_planned_close_nothing(text):
    assert _read(text).kind != MessageKind.CLOSE


def test_days_work_done_is_no_close():
    parsed = _read("Aaj ka kaam khatam 😎 #XRP TP1 hit ✅")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.TP_HIT


def test_we_don_close_half_is_a_part():
    parsed = _read("#XRP we don close half")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("text", [
    "↩️ Ca răspuns la postarea de sus\n\n🚨 Închideți acest trade la piață ACUM. Luăm profitul.",
    "Închidem tranzacția la piață ACUM.",
    "Sluit deze trade SOFORT, markt draait.",
])
def test_close_command_names_no_coin(text):
    parsed = _read(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol is None


@pytest.mark.parametrize("text", [
    "Sluit je ogen en adem rustig",
    "Închideți ochii și respirați",
])
def test_closing_ones_eyes_is_no_close(text):
    assert _read(text).kind == MessageKind.NOT_A_SIGNAL


# --- cancels ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,symbol", [
    ("SWING #12 cancel ❌ — DOT long entry 4.10 fill hi nahi hua. Order hata do.", "DOT/USDT"),
    ("Signal #12 cancelled ❌ #DOT", "DOT/USDT"),
    ("#DOT order hata do", "DOT/USDT"),
    ("#DOT remove the order", "DOT/USDT"),
])
def test_call_or_its_order_withdrawn_cancels(text, symbol):
    parsed = _read(text)
    assert parsed.kind == MessageKind.CLOSE and parsed.symbol == symbol
    assert parsed.update_action == UpdateAction.CANCEL_ENTRY
    assert not parsed.entries


@pytest.mark.parametrize("text", [
    "#DOT DCA order hata do, pehla order chalne do",
    "#DOT remove the order at 3.95, keep the first",
])
def test_one_rung_removed_is_no_close(text):
    assert _read(text).kind != MessageKind.CLOSE


def test_numbered_call_cancel_as_a_condition_inside_a_card_is_no_close():
    parsed = _read("Signal #12: #DOT long 4.10 tp 4.40 sl 3.90 — if 4H closes below 4.00, signal #12 cancelled")
    assert parsed.kind != MessageKind.CLOSE


# --- quotes ----------------------------------------------------------------------------------------------------------
def test_quoted_call_line_names_the_coin():
    parsed = _read("> SEI call kanina, market entry 0.412\n\nTP1 0.430 tapos na ✅ Hold pa yung iba.")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SEI/USDT"
    assert parsed.update_action == UpdateAction.TP_HIT


def test_look_back_heading_over_a_quoted_card_is_a_results_post():
    text = ("🔙 Throwback to last month 👇\n\n> ENTER SHORT\n> SEI/USDT\n> 0.455\n> TP: 0.44 / 0.43\n> SL: 0.47\n\n"
            "Both targets smashed, +40% 🎯 Join VIP for the next one.")
    assert _read(text).kind == MessageKind.NOT_A_SIGNAL


def test_quoted_card_without_a_look_back_is_still_its_update():
    text = "> ENTER SHORT\n> SEI/USDT\n> 0.455\n> TP: 0.44 / 0.43\n> SL: 0.47\n\nBoth targets smashed ✅"
    parsed = _read(text)
    assert parsed.kind in (MessageKind.UPDATE, MessageKind.CLOSE) and parsed.symbol == "SEI/USDT"


# --- re-entries ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Re-entering #ATOM same levels jaise kal diye the, same SL ✅",
    "Re-entering #ATOM same levels as Monday",
    "#ATOM — entry was 4.60, now 4.75 🚀 Still fine up to 4.65, same TP/SL as the original call.",
])
def test_reentry_at_the_same_levels_written_nowhere_is_an_update(text):
    parsed = _read(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "ATOM/USDT"


def test_same_sl_ticked_is_no_stop_out():
    assert _read("#ATOM same SL ✅").kind != MessageKind.CLOSE


def test_reentry_with_levels_written_is_a_call():
    parsed = _read("Re-enter #ATOM, same levels\nBuy 4.52 - 4.60\nTP 4.90 / 5.20\nSL 4.35")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


def test_same_stop_in_a_cards_rung_plan_keeps_the_call():
    text = ("ATOM long — two orders:\n• 1st buy 4.60\n• 2nd buy 4.52\nTP 4.90 / 5.20\nSL 4.35\n10x cross\n"
            "if only the 1st fills that's fine, same stop")
    parsed = _read(text)
    assert parsed.kind == MessageKind.OPEN and parsed.entries
