"""Session 21, status21: status reports by bots and admins in English, several-coin boards, re-posted calls and shout-outs
(blind_z41, blind_z42, blind_z44).

Rules, each with its traps:
- a report headed by the channel's name or a bracketed tag before "daily wrap", "monthly report", "weekly recap" ("ORCA
  daily wrap", "[XP-LAB] MONTHLY REPORT — JUNE") is a look back, no signal; in a day's wrap-up, where a stop stands
  ("stop at entry", "SL sits at BE") is the state of a trade already managed — a move ordered now ("SL to entry now",
  "move the stop to entry") still changes the trade;
- a trade the writer says was no channel call ("wasn't a channel call", "isn't an official signal"), or beside the
  channel's trades said untouched ("channel positions unaffected"), closes nothing — an admin's "side trades" alone are
  still the channel's;
- a full card shown as a sample of the paid room or as another day's call ("free sample from the VIP room",
  "yesterday's call 👇", "last night's VIP signal:") is held — not when the past call is only told about over a new card
  ("Yesterday's call delivered 3/3 ✅ / Next: …");
- a member's own closed trade shown with its result ("@ana closed her #DOT long at 9.10 for +48%") is no call;
- a reader asking the others ("anyone else stopped on the op long?", "is it just me or …?") is no call and no status;
- a ticker we know alone on the first line, or after a channel's name and a bar ("Harbour Desk | ALGO"), names the trade
  whose target the next line reports reached ("Take-profit 1 printed at …"); not over market talk;
- one rung of the ladder cancelled by its price after the first bid is said filled is an update (the filled part runs);
- "TP1 and TP2 both touched" reports targets reached (a running trade's update, never an open);
- a bot's notice headed by the target reached, over the pair, the price and the trailed stop, with no target levels, is
  the running trade's update; "T3 1.522 reached" (a one-letter target row with its level) is a target hit;
- an inline reply heading naming the earlier call by its coin ("↩️ Reply to: OP call") gives the reply its coin;
- a board of one row per coin ("#FET — closed …", "#DOT — hold") closes the one coin whose row ends its trade, or with
  none ended changes the one coin whose row changes while the others are held; two closing rows are a recap, two
  changing rows a reading.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message


def _read(text):
    parsed = parse_message(text)
    return parsed.kind, parsed.symbol


# --- reports headed by the channel's name -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🦈 ORCA daily wrap 🦈\n\n✅ NEAR — TP2, stop at entry, still running\n✅ OP — every TP, +96%\n\nTotal today: +140%",
    "[XP-LAB] MONTHLY REPORT — JUNE\nCALLS: 58\nTP1 HIT: 44 (75.9%)\nSTOPPED: 10\nTOP: #0517 ARBUSDT.P +4.2R",
    "Orca | weekly recap\n#SOL TP3 done\n#ADA stopped",
    "Harbour EOD wrap\nLINK — TP1, SL sits at BE\nDOT — waiting for entry",
])
def test_a_report_under_the_channels_name_is_no_signal(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "That's a wrap fam, NEAR still running, SL to entry there now",
    "#NEAR TP2 hit, stop at entry",
])
def test_a_stop_moved_now_is_still_a_change(text):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.update_action) == (MessageKind.UPDATE, UpdateAction.MOVE_SL_BREAKEVEN)


# --- not the channel's trade -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Quick one: I got stopped on my own #DOT punt at 6.10 (wasn't a channel call). Channel positions unaffected.",
    "Closed my #ATOM at 8.2 — this isn't an official signal, just my bag",
    "#INJ stopped out on my personal account. Channel positions unaffected.",
])
def test_a_trade_said_not_to_be_the_channels_closes_nothing(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


def test_an_admins_side_trades_are_still_the_channels():
    assert _read("DOGE scalp closed ✅ out at 0.1710, +19% on 10x\nthat's all for my side trades today") \
        == (MessageKind.CLOSE, "DOGE/USDT")


# --- cards shown as samples or as past calls --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🎁 Free sample from the VIP room — yesterday's call 👇\n#APT LONG\nEntry 8.40\nTP 8.70 / 9.00\nSL 8.10\nUp +41% 🚀",
    "Last night's VIP signal:\n#ARB SHORT\nEntry 0.812\nTP 0.790 / 0.770\nSL 0.835",
    "Sneak peek of the premium group 👀\n#TIA LONG\nEntry 5.20\nTP 5.40\nSL 5.05",
])
def test_a_card_shown_as_a_sample_or_past_call_is_held(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN
    assert not parsed.tradable and "past or sample call" in parsed.rejected


def test_a_past_call_told_about_over_a_new_card_leaves_the_new_card_tradable():
    parsed = parse_message("Yesterday's call went 2/2 ✅\n\nNext: #ATOM SHORT\nEntry 8.10 - 8.20\nTP 7.90 / 7.70\nSL 8.45")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


# --- members' trades and questions ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📸 Member win: @lena_trades closed her #DOT long at 9.10 for +48% (from 8.20, 10x) 🔥 Share yours!",
    "Shout-out 🙌 @raj_fx closed his #AVAX short at 31.2, +35% (from 33.0, 5x)",
])
def test_a_members_closed_trade_with_its_result_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


@pytest.mark.parametrize("text", [
    "[Discord] #general | user: cryptokat\nanyone else get stopped on the arb long or just me? my sl filled at 0.771",
    "is it just me or did the sol long hit sl at 171.2?",
    "did anyone catch the link short at 15.40? sl 15.90",
])
def test_a_readers_question_to_the_others_is_no_call(text):
    assert parse_message(text).kind == MessageKind.NOT_A_SIGNAL


# --- a coin heading a target report -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,symbol", [
    ("⚓ Harbour Desk | ALGO\n\nTake-profit 1 printed at 0,1880 (+6.1%).\nWe sold 25% of the bag; the rest rides.",
     "ALGO/USDT"),
    ("NEAR\nTP1 printed at 5.40.\nWe sold 30% here, rest runs for TP2.", "NEAR/USDT"),
])
def test_a_ticker_heading_a_target_report_is_the_trades_coin(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, symbol)


def test_a_ticker_heading_market_talk_is_not_the_trades_coin():
    parsed = parse_message("BTC\nDumping hard. TP1 hit on the alts, close 50% of them.")
    assert parsed.symbol is None


# --- rungs, targets and bot notices -----------------------------------------------------------------------------------


def test_a_priced_rung_cancelled_after_the_first_bid_filled_is_an_update():
    parsed = parse_message("📡 SEI — only the first bid got filled. Cancel the 0.4120 order, no more size up here.")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "SEI/USDT", UpdateAction.CANCEL_ENTRY)


def test_targets_both_touched_are_a_running_trades_update():
    parsed = parse_message("⭐ LTC short doing well — 🎯1 and 🎯2 both touched. Closing 50% here, stop trails to 88.40.")
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, "LTC/USDT")


@pytest.mark.parametrize("text,symbol", [
    (("🐺 WOLFBOT • #WB-2210\n🎯 Target 1 reached\nPair: AVAX/USDT | SHORT\nPrice: 30.85\nProfit: +41.0% (10x)\n"
      "SL → 32.10 (entry)"), "AVAX/USDT"),
    ("⚡OMEGA-3⚡ #OM-7781 #LINKUSDT\n🎯🎯 T2 15.82 reached\n💰 +66.0% (x10)\n🔐 stop ➜ 15.10", "LINK/USDT"),
])
def test_a_bots_target_notice_is_an_update(text, symbol):
    parsed = parse_message(text)
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, symbol, UpdateAction.TP_HIT)


def test_a_fresh_card_with_its_targets_is_still_an_open():
    parsed = parse_message("Pair: AVAX/USDT | SHORT\nEntry: 31.50\nTP1: 30.80\nTP2: 30.10\nSL: 32.40")
    assert parsed.kind == MessageKind.OPEN and parsed.tradable


# --- a reply's coin -----------------------------------------------------------------------------------------------------


def test_a_reply_heading_naming_the_call_by_its_coin_gives_the_coin():
    parsed = parse_message("[Discord] #signals | user: deskbot\n↩️ Reply to: ARB call\ntp1 hit, took 30% off. sl for the rest → 0.79")
    assert (parsed.kind, parsed.symbol) == (MessageKind.UPDATE, "ARB/USDT")


def test_a_reply_heading_naming_no_coin_we_know_gives_none():
    parsed = parse_message("↩️ Reply to: GM call\ntp1 hit, took 30% off. sl for the rest → 0.79")
    assert parsed.symbol is None


# --- boards of several coins -------------------------------------------------------------------------------------------


def test_a_board_closing_one_coin_is_its_close():
    parsed = parse_message("Night status 🌙\n#LINK — fully closed at 15.90 ✅ (+18%)\n#ATOM — TP1 8.40 hit, SL to breakeven\n"
                           "#OP — nothing to do, hold")
    assert (parsed.kind, parsed.symbol) == (MessageKind.CLOSE, "LINK/USDT")


def test_a_board_changing_one_coin_is_its_update():
    parsed = parse_message("Board 📋\n#SUI — TP2 ✅ taking another 25% off\n#APT — hold\n#SEI — hold, SL unchanged")
    assert (parsed.kind, parsed.symbol, parsed.update_action) == (MessageKind.UPDATE, "SUI/USDT", UpdateAction.PARTIAL_CLOSE)


@pytest.mark.parametrize("text", [
    # (two rows closing: a recap)
    "Status\n#LINK — closed at 15.90 ✅\n#ATOM — stopped out ❌\n#OP — hold",
    # (two rows changing: which is meant is a reading)
    "Board\n#SUI — TP2 ✅ taking 25% off\n#APT — SL to breakeven\n#SEI — hold",
])
def test_a_board_of_two_actions_is_no_single_coins_status(text):
    parsed = parse_message(text)
    assert parsed.symbol is None
