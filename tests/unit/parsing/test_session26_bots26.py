"""Session 26, bots26: a VIP provider's signal bot and its admins (blind round 20's z74 misses).

Rules, each with its traps (every case written here in its own words, never a corpus row):
- a service notice of the channel's bot — maintenance, downtime, an outage, "technical works", in several languages —
  naming no coin is no signal once its sentences about the work and the delay of the bot's posts are set aside: the
  status words in it ("TP hits, SL moves may arrive late") name kinds of messages, no trade's change. An order beside
  the notice ("… move your stops to entry by hand", "… close all positions now") still stands;
- "ignore signal #N COIN" (or "disregard call #N", es "ignoren la señal #N", ru "игнорируйте сигнал №N") withdraws the
  call named by its number: a close of its coin. A copy withdrawn ("it was sent twice", "duplicate", "the first one
  stays valid") leaves the call running: no close;
- a subscription advert — "ONLY 7 SLOTS LEFT", a price list ("1 month $79 · lifetime $499"), "DM @admin to join" — that
  quotes a past call's result is no signal;
- a side closed beside the other side kept with a modal ("close all longs … Shorts can stay", ru "шорты можно
  оставить", es "los shorts pueden quedarse") closes that side's trades; the side is no longer lost;
- a bot's statistics under the channel's name ("NAME AUTO-STATS", "weekly stats", "Статистика", "Estadísticas") is a
  results post: no signal, and the channel's name in capitals is no coin;
- a whole card reposted while its entry still waits ("Signal #N is still NOT triggered — entry valid") is the call, not a
  running trade's update: the open, held for an operator (the first post may have been opened from); a running call
  reposted for the record ("Reposting #N for reference only … Do NOT open it now") is no signal, unless it changes the
  trade;
- a target line and "Stop moved to entry PRICE" under a card's header is an update (the stop to breakeven): the price
  after "moved to entry" is the breakeven's level, no card's entry; a card whose own entry row stands apart from a "move
  SL to entry after TP1" rule is still an open.
"""

from decimal import Decimal

import pytest
from verzek.domain.signals import MessageKind, Side, UpdateAction
from verzek.parsing import parse_message

# --- a service notice of the bot ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("⚙️ Service notice: the NOVA bot is down for maintenance from 01:00 to 01:45 UTC. Updates (target hits, stop moves) "
    "may arrive with a delay. Open positions on the exchange are not affected."),
    "Scheduled maintenance tonight 23:00 UTC.\nTP and SL alerts might come late.",
    "Технические работы на сервере сегодня ночью. Уведомления о TP и переносе SL могут задерживаться.",
    "Mantenimiento del bot esta noche. Los avisos de TP y de stop movido pueden llegar con retraso.",
    "**Bot maintenance at 02:00 UTC.**\n\n**Stop moves and TP hits may arrive late.**",
])
def test_a_service_notice_naming_no_coin_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.update_action)


@pytest.mark.parametrize("text, kind, action", [
    ("Bot maintenance tonight 02:00 UTC. Move your SL to entry on all trades manually.", MessageKind.UPDATE,
     UpdateAction.MOVE_SL_BREAKEVEN),
    ("Exchange maintenance in 1h — close all positions now", MessageKind.CLOSE, None),
])
def test_an_order_beside_a_service_notice_stands(text, kind, action):
    parsed = parse_message(text)
    assert parsed.kind == kind
    assert parsed.update_action == action


def test_a_target_hit_told_with_a_delay_word_is_still_a_target_hit():
    parsed = parse_message("TP1 hit after a small delay 🎯")
    assert parsed.kind == MessageKind.UPDATE and parsed.update_action == UpdateAction.TP_HIT


# --- a call withdrawn by its number ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, symbol", [
    ("ADMIN: ignore signal #2207 XRP — wrong side was posted. It is cancelled, remove any pending order.", "XRP/USDT"),
    ("Disregard call #88 on LINK, setup broken", "LINK/USDT"),
    ("Ignoren la señal #88 de SOL, está cancelada", "SOL/USDT"),
    ("**ignore signal #512 AVAX**\n\n**it's cancelled, delete the limit orders**", "AVAX/USDT"),
])
def test_a_call_withdrawn_by_its_number_closes_its_coin(text, symbol):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE, (parsed.kind, parsed.rejected)
    assert parsed.symbol == symbol


@pytest.mark.parametrize("text", [
    "Disregard call #214 on LINK, it was sent twice",
    "Ignore signal #214 LINK (duplicate), the first one stays valid",
    "don't ignore signal #12 ETH, it is valid",
])
def test_a_copy_withdrawn_or_a_call_kept_closes_nothing(text):
    parsed = parse_message(text)
    assert parsed.kind != MessageKind.CLOSE, parsed.symbol


# --- a subscription advert quoting a past result --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("⚡ ONLY 4 SPOTS LEFT ⚡\nNOVA VIP 1 month $59 · lifetime $399\nPrevious call: #SOL long 141.2 → 158.9 all targets ✅ +126%\n"
    "DM @nova_help to join"),
    "Last 3 slots remaining!\nRecent win: #INJ short from 27.10 → 23.40 ✅ +88%\nMessage us to join VIP",
])
def test_a_subscription_advert_quoting_a_result_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol)


def test_a_target_hit_without_an_advert_stays_a_target_hit():
    parsed = parse_message("#SOL long from 141.2 — TP2 ✅ +60%")
    assert parsed.kind == MessageKind.UPDATE and parsed.symbol == "SOL/USDT"


# --- one side closed, the other kept --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, side", [
    ("ADMIN: close every short right now at market, ETH squeezed above 3.9k. Longs can stay.", Side.SHORT),
    ("Close all longs now. Shorts may remain open.", Side.LONG),
    ("Закрываем все лонги по рынку. Шорты можно оставить.", Side.LONG),
    ("Cerramos todos los longs ahora, los shorts pueden quedarse", Side.LONG),
    # (in capitals the words keeping the other side are no coin: "CAN", "STAY" closed a coin of that name)
    ("CLOSE ALL LONGS NOW AT MARKET. SHORTS CAN STAY.", Side.LONG),
    ("CLOSE EVERY LONG NOW. SHORTS STAY.", Side.LONG),
])
def test_a_side_closed_beside_the_other_kept_is_that_sides_close(text, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.CLOSE
    assert parsed.symbol is None and parsed.side == side


def test_both_sides_closed_names_no_side():
    parsed = parse_message("Close all longs and all shorts now")
    assert parsed.side is None


# --- a bot's statistics ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "🤖 ORBIT AUTO-STATS · Friday\nSignals this week: 11\n✅ TP hit: 8  ⛔ SL: 2  ⏳ open: 1\nBest: #2210 SOL +96.4%",
    "📊 Weekly stats: 12 signals, 9 TP ✅ 3 SL ❌ +140%",
    "Статистика за неделю: 10 сигналов, 8 в плюс, TP взят 8 раз, +95%",
    "KRAKENX | monthly stats\nTP hit: 31 | SL hit: 6\nNet +212%",
])
def test_a_bots_statistics_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol)


# --- a card reposted while it waits, or for the record --------------------------------------------------------------


@pytest.mark.parametrize("text, side, entries, stop", [
    (("♻️ Reposting for late joiners\nSignal #2290 is still not triggered, entry valid\n\n#ARB/USDT LONG\nLeverage 10x\n"
     "Entry: 0.7410 - 0.7520\nTargets: 0.7700 / 0.7900\nStop: 0.7180"), Side.LONG, ("0.7410", "0.7520"), "0.7180"),
    ("🔁 REPOST\nCall not filled yet — entry still valid\n\n#NEAR SHORT\nEntry 5.42\nTP 5.20 5.05\nSL 5.61", Side.SHORT,
     ("5.42",), "5.61"),
])
def test_a_card_reposted_while_its_entry_waits_is_the_open_held(text, side, entries, stop):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.OPEN, (parsed.kind, parsed.rejected)
    assert parsed.side == side
    assert list(parsed.entries) == [Decimal(e) for e in entries] and parsed.stop_loss == Decimal(stop)
    assert not parsed.tradable and "pending call shown again" in (parsed.rejected or "")
    assert parse_message(text.upper()).kind == MessageKind.OPEN


@pytest.mark.parametrize("text", [
    ("📌 Reposting #2281 for reference only\n#ETHUSDT LONG · Entry 3,120 - 3,160 · SL 3,040\nAlready running, TP1 hit. "
    "Don't enter it now."),
    "Shared again for the record\n#SOL SHORT update · Entry 188 · SL 194\nDo not open this trade now, it's far from entry.",
])
def test_a_running_call_reposted_for_the_record_is_no_signal(text):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.NOT_A_SIGNAL, (parsed.kind, parsed.symbol)
    assert parse_message(text.upper()).kind == MessageKind.NOT_A_SIGNAL


def test_a_reposted_running_call_that_moves_its_stop_is_still_the_update():
    parsed = parse_message("Reposting #2281 for reference\n#ETHUSDT LONG update · Entry 3,120 · SL 3,040\nMove SL to entry now.")
    assert parsed.kind == MessageKind.UPDATE
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN


# --- a target line and the stop moved to the entry under a card's header --------------------------------------------


@pytest.mark.parametrize("text, symbol, side", [
    ("🤖 #SUI/USDT LONG · Signal #2301\n✅ Target 1: 3.912 (+18.0%)\n🛡 Stop moved to entry 3.780", "SUI/USDT", Side.LONG),
    ("#OP/USDT SHORT\n✅ TP1: 1.642 (+22%)\nSL moved to entry (1.701)", "OP/USDT", Side.SHORT),
    ("**#SUI/USDT LONG**\n\n**✅ Target 1: 3.912 (+18.0%)**\n\n**🛡 Stop moved to entry 3.780**", "SUI/USDT", Side.LONG),
])
def test_a_target_and_the_stop_moved_to_entry_is_an_update(text, symbol, side):
    parsed = parse_message(text)
    assert parsed.kind == MessageKind.UPDATE, (parsed.kind, parsed.rejected)
    assert parsed.symbol == symbol and parsed.side == side
    assert parsed.update_action == UpdateAction.MOVE_SL_BREAKEVEN
    assert not parsed.entries


def test_a_card_with_a_breakeven_rule_apart_from_its_entry_row_is_still_an_open():
    parsed = parse_message("#SUI/USDT LONG\nEntry 3.780\nTP1 3.912\nSL 3.650\nMove SL to entry after TP1")
    assert parsed.kind == MessageKind.OPEN
    assert list(parsed.entries) == [Decimal("3.780")] and parsed.stop_loss == Decimal("3.650")
