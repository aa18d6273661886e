"""Session 18, the lead's fixes (own look-alikes):

- a full card under "don't buy / do not long" is held: it may be a warning or a wait for a better price, and reading it
  as the call opens a trade the post told readers not to take (before, the rule that rejects a negated call stood aside
  whenever targets and a stop were written, and the card traded);
- a full card under a question whether to open ("Should we buy $OP at CMP?") is held the same way.
"""

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message


@pytest.mark.parametrize("text", [
    "Don't buy $OP at CMP 1.92\nTarget 2.05 / 2.18\nSL 1.81",
    "Do not long #SOL here\nEntry 150\nTP 155 160\nSL 145",
    "Never short #BTC into support\nEntry 64000\nTP 63000\nSL 65000",
    "Avoid buying #ARB at 1.20\nTP 1.30 / 1.40\nSL 1.12",
    "Should we buy $OP at CMP?\n1.92\nTarget 2.05 / 2.18\nSL 1.81",
    "Shall I long #SOL here? Entry 150, TP 155 160, SL 145",
    "#AVAX buy or not?\nEntry 34.5\nTP 36 / 38\nSL 33",
])
def test_a_full_card_told_not_to_take_or_asked_about_is_held(text):
    parsed = parse_message(text)
    assert not parsed.tradable
    # (read as a held open, or — "Shall I long … here?" — as a question by an older rule)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL or "side: " in (parsed.rejected or "")


@pytest.mark.parametrize("text,symbol", [
    ("#SOL long\nEntry 150\nTP 155 160\nSL 145", "SOL/USDT"),
    ("DON'T FOMO! Buy $OP only at 1.85\nTarget 2.05 / 2.18\nSL 1.78", "OP/USDT"),
    ("Don't miss this one 🚀 #LINK long\nEntry 14.6\nTP 15.1 / 15.6\nSL 14.1", "LINK/USDT"),
    ("#ETH short\nEntry 3400\nTP 3300 / 3200\nSL 3480\nWhy 3400? It's the weekly level", "ETH/USDT"),
])
def test_cards_without_a_negation_or_question_still_trade(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.tradable) == (MessageKind.OPEN, symbol, True)


@pytest.mark.parametrize("text", [
    "Don't buy #SOL here, it's overextended",
    "Should we buy #SOL here?",
])
def test_without_a_card_they_stay_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "cut it close on #BTC, stop is tight",
    "#SOL cutting it close to the stop",
    "#SOL cutting it very close to SL, hold",
    "#ETH we're cutting it fine here, patience",
])
def test_cutting_it_close_is_an_idiom_not_an_exit(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text,symbol", [
    ("Cut it, #SOL is done", "SOL/USDT"),
    ("#SOL cut it now", "SOL/USDT"),
    ("#ETH we are cutting it here", "ETH/USDT"),
])
def test_cut_it_still_closes(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text,symbol,side", [
    ("🦂 **Call #105** — #LINK LONG 🟢 x10\nentry + targets in 10 min, prepare margin ⏳", "LINK/USDT", "long"),
    ("Signal #57: #ARB SHORT", "ARB/USDT", "short"),
    ("Trade #12 — #SOL LONG", "SOL/USDT", "long"),
])
def test_a_call_number_beside_a_direction_alert_adds_no_level(text, symbol, side):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.side.value, parsed.tradable) == (MessageKind.OPEN, symbol, side, False)
    assert parsed.entries == () and parsed.targets == ()


@pytest.mark.parametrize("text,symbol", [
    ("‼️ #NEAR exit now", "NEAR/USDT"),
    ("‼️ #NEAR exit now, BTC dumping hard. Dont wait for SL", "NEAR/USDT"),
    ("⁉️‼️ #OP close now", "OP/USDT"),
])
def test_double_exclamation_emoji_is_decoration(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "Re-entry zone for #OP missed, no re-entry. Old levels were entry 1.85, TP 2.0, SL 1.75",
    "Reloading #INJ failed, never filled. Levels were buy 24.0, TP 26, SL 22.8",
    "#SOL recap: the plan was long 140, TP 150, SL 130",
])
def test_levels_written_as_the_past_never_trade(text):
    parsed = parse_message(text)
    assert not parsed.tradable


def test_a_card_with_present_levels_still_trades():
    parsed = parse_message("#OP LONG\nEntry 1.85\nTP 2.0\nSL 1.75")
    assert (parsed.kind, parsed.tradable) == (MessageKind.OPEN, True)


@pytest.mark.parametrize("text", [
    "Member results 🔥\n@ana closed #ETH at TP3 +40%",
    "Member results\n@mike_trades sold #SOL at 190 ✅",
])
def test_a_members_handle_heading_a_close_is_their_trade(text):
    assert parse_message(text).kind != MessageKind.CLOSE


@pytest.mark.parametrize("text,symbol", [
    ("@ApexVIP_bot closed #ETH at TP3", "ETH/USDT"),
    ("Closed #ETH at TP3 ✅\n@ScorpionAdm", "ETH/USDT"),
])
def test_a_bots_handle_or_an_admins_signature_keeps_the_close(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, symbol)


@pytest.mark.parametrize("text", [
    "Trade ID: 7F3A\nTEST — please ignore ⚙️ (checking the new bot formatting)\n#BNB/USDT LONG\nEntry 640\nTP 655 / 670\nSL 628",
    "🔁 Whale Room → VIP relay\nTEST — please ignore ⚙️ (checking the new bot formatting)\n#BNB/USDT LONG\nEntry 640\nTP 655 / 670\nSL 628",
])
def test_a_test_line_under_a_relay_or_bot_heading_is_still_a_test(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_a_support_test_is_no_test_post():
    parsed = parse_message("#BNB/USDT LONG\nTest of 640 support, ignore the noise\nEntry 640\nTP 655 / 670\nSL 628")
    assert (parsed.kind, parsed.tradable) == (MessageKind.OPEN, True)


def test_a_change_under_an_update_heading_naming_several_coins_is_for_an_operator():
    text = ("📌 #SOL update\nNothing to do on SOL, still waiting for TP2. Current price: 3412.50\n\n"
            "But #AVAX: move stop to 38.20 now 🔒")
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT")
