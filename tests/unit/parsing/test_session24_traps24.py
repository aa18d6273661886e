"""Session 24, traps24: posts that look like a call, a close or a stop move but must neither trade nor change a position.

Rules, each with its traps:
- a trade reviewed under a heading that says so — "Trade review", "Trade breakdown", "Post-mortem", "Разбор сделки",
  "İşlem analizi", "复盘" — is no signal: a card under it is the old trade's, and a close word in it ("the rest closed
  at entry") tells how that trade ended. A position change under such a heading is dropped only with a word of a past
  time beside it. Not caught: a live close or card with no review heading; "review" in other senses ("review my
  entry" is a reader's question, read by the older rule);
- a reader asking whether a channel or its calls can be trusted ("anyone know if this channel is legit?", "is this group
  a scam?", "¿este canal es confiable?", "этому каналу можно доверять?", "bu kanal güvenilir mi?") beside a forwarded
  card: the card is another channel's, shown to ask — no signal. Not caught: a card whose footer only warns of fake
  channels;
- an impostor's bait: a card beside a request to send an amount of USDT (or another coin) to a wallet address (TRON
  "T…", EVM "0x…", "bc1…") in en/ru/es/tr/id/vi — a deposit scam, no signal. Not caught: a card whose footer names a
  payment in words with no amount and no address;
- a rule taught with a past trade as its example ("Example from our RENDER short last month: entry 4.12 …"), the
  channel's format shown with placeholders ("FORMAT we use for every call"), a member's win ("Member win! @x copied our
  LTC long …") and a running trade restated for newcomers with "no new entry here" are no signal;
- a close or change beside a question put to the channel's admin ("I closed my ATOM at 4.62, admin are you still
  holding?", "sir should I close too?", "админ, вы ещё держите?") is the reader's own: no signal, in a reply to the
  call too (the reply's quoted coin is not closed). Not caught: "ADMIN:" heading the channel's own note;
- a stop told where it stands ("with stop at entry") beside the word that nothing is to be done ("nothing to do for
  now", "no action needed", "nada que hacer", "ничего не делаем") moves no stop: the running trade's update with no
  change. Not caught: "move SL to entry now, nothing else to do" (the move is ordered);
- a reader asking the others whether they know something about a call ("anyone know if the $SOL long from earlier is
  still valid??") is chat, no update.
"""

import pytest
from verzek.domain.signals import MessageKind, UpdateAction
from verzek.parsing import parse_message
from verzek.parsing.status import POSITION_CHANGES


def _nothing(text: str) -> None:
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol, parsed.update_action, parsed.rejected)
    assert not parsed.tradable


def _traded(text: str):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert parsed.tradable, parsed.rejected
    return parsed


# --- a trade reviewed --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("📘 Trade breakdown — the #AVAX long from two weeks ago\nWe bought 31.20–31.60, stop 29.90, targets 33 / 34.5.\n"
    "TP1 printed on day one, the rest closed at entry. Takeaway: size down into news."),
    "Post-mortem on last week's #NEAR short: entry 5.40, SL 5.62. Stopped out ❌ — we ignored the BTC bounce.",
    ("CALL REVIEW #87 — ARB\nSide: short\nEntry: 1.142\nTP: 1.100 / 1.060\nSL: 1.181\nResult: ✅ TP2 hit\nWhy it worked: "
    "clean rejection at the weekly level"),
    "Разбор сделки по #ETH: вход 3120, стоп 3040, закрыли остаток в безубытке. Вывод: не спешить.",
    "İşlem analizi: #SOL long 142 giriş, 136 stop — geçen hafta TP2 geldi, kalanı girişte kapandı.",
])
def test_a_trade_reviewed_is_no_signal(text):
    _nothing(text)


@pytest.mark.parametrize("text", [
    "#AVAX LONG\nEntry: 31.20 - 31.60\nTP: 33.00 / 34.50\nSL: 29.90",
    "#ARB SHORT 1.142 TP 1.100 / 1.060 SL 1.181 10x",
])
def test_a_live_card_still_trades(text):
    _traded(text)


@pytest.mark.parametrize("text", [
    "#AVAX closed at entry, done with this one ✅",
    "Closing #NEAR short here at 5.21 ✅",
])
def test_a_live_close_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- a channel's trust asked about ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("Forwarded from 🚀 Moon Whales VIP\n#APT LONG 8.10-8.25 TP 8.70/9.20 SL 7.80 15x\n\nanyone know if this channel is "
    "legit? they post a lot of wins"),
    "#DOGE SHORT 0.1720 TP 0.1650 / 0.1590 SL 0.1780\n\nis this group a scam? a friend keeps sending me their calls",
    "#LINK LONG 14.20 TP 15.10 SL 13.70\n¿este canal es confiable? me lo pasaron ayer",
    "#OP LONG 1.85 TP 1.98 SL 1.77\nребят, этому каналу можно доверять?",
    "#SUI LONG 3.41 TP 3.62 SL 3.28\nbu kanal güvenilir mi arkadaşlar?",
])
def test_a_card_asked_about_as_a_channel_is_no_call(text):
    _nothing(text)


def test_a_card_with_a_fake_channel_footer_still_trades():
    _traded("#APT LONG\nEntry 8.10 - 8.25\nTP 8.70 / 9.20\nSL 7.80\n⚠️ We never DM you first")


# --- a deposit scam ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("⚡ VIP PRO (new link)\nARB/USDT LONG\nEntry: 1.10 - 1.12\nTP: 1.18 / 1.24\nSL: 1.05\n\nTo unlock the copy pool send "
    "150 USDT (TRC20) to\nTQ8rT5mHkP2wZx7cN4bVd9LfGs3Ja6YeUq\nand DM the receipt."),
    ("Hi friend 🙂 today's free call: SOL long 171 → 178 / 184, stop 166. For all calls pay 80 USDT BEP20 to "
    "0x2b7C4e91Fa03D6d58E1c0b9A7f3E24c6D8a1F05e then write me"),
    "#TON LONG 5.40 TP 5.75 SL 5.18\nДля доступа в VIP отправьте 100 USDT на адрес TVx3pQ7kLm9Rs2Wd8NfH4cZb6Yt1Ju5GeK",
])
def test_a_card_beside_a_deposit_request_is_no_call(text):
    _nothing(text)


def test_a_card_with_a_vip_price_but_no_address_still_trades():
    _traded("#ARB LONG\nEntry 1.10 - 1.12\nTP 1.18 / 1.24\nSL 1.05\nVIP access: 50 USDT/month, DM @support")


# --- lessons, formats, member wins, newcomers ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "📚 Tip: after TP1, trail the stop. Example from our SOL long last week: entry 142, TP1 150, then SL to 142.",
    "📋 The format we use for every call:\n#TICKER LONG/SHORT\nEntry: 0.00 - 0.00\nTP1 / TP2\nSL: 0.00\nLev: Xx",
    "🏆 Member win — @kai copied our AVAX long from 31.40, TP2 33.80 hit ✅ +48% on 10x",
])
def test_lessons_formats_member_wins_and_restated_trades_are_no_calls(text):
    _nothing(text)


@pytest.mark.parametrize("text", [
    "Welcome to the new folks 👋 we're still in the INJ long from 21.30, no new entry here — wait for the next update.",
    "for anyone who just joined: still holding TIA long from 6.05 avg, no new entries for now 🙏",
])
def test_a_running_trade_restated_with_no_new_entry_opens_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.OPEN and not parsed.tradable, (parsed.kind, parsed.rejected)
    assert not (parsed.kind == MessageKind.UPDATE and parsed.update_action in POSITION_CHANGES)


# --- a reader's own exit beside a question to the admin ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "I sold my SUI at 3.44, couldn't sleep 😅 admin are you still in?",
    "↩️ Reply to: #DOT SHORT\nclosed mine at 6.12 with small profit. admin did you close too?",
    "sir I moved my SL to entry on #ETH, should I close?",
    "админ, я закрыл свой #SOL в плюс, вы ещё держите?",
])
def test_a_readers_own_exit_beside_a_question_to_the_admin_changes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol, parsed.update_action)


@pytest.mark.parametrize("text", [
    "ADMIN: closing #SUI here at 3.44 ✅",
    "Closed #SUI at 3.44 ✅ Questions? Ask the admin.",
])
def test_the_channels_own_close_still_closes(text):
    assert parse_message(text).kind == MessageKind.CLOSE


# --- where a stop stands, nothing to do ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "still riding the SOL long from 142 with stop at entry, nothing to do for now.",
    "#AVAX long running, SL at breakeven, no action needed.",
])
def test_a_stop_told_where_it_stands_beside_nothing_to_do_moves_nothing(text):
    parsed = parse_message(text)
    assert not (parsed.kind == MessageKind.UPDATE and parsed.update_action in POSITION_CHANGES), parsed.update_action


@pytest.mark.parametrize("text", [
    "#SOL move SL to entry now, nothing else to do after that",
    "#AVAX TP1 hit ✅ SL to entry",
])
def test_a_stop_move_ordered_still_moves(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN, \
        (parsed.kind, parsed.update_action)


# --- a question to the other readers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "anyone know if the #ARB short from this morning is still on?? entry was 1.14 right?",
    "does anybody know if the $OP long is still valid? just woke up",
])
def test_a_readers_question_to_the_others_is_no_update(text):
    _nothing(text)
