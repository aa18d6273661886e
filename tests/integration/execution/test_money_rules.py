"""Issue 13, on the real execution engine (paper venue, real PostgreSQL), with candles made by hand so
every number can be checked by hand: breakeven that pays back the fees, trailing exits labelled as
such, a signal without a stop traded with the default stop."""

from __future__ import annotations

from decimal import Decimal

import pytest
from verzek.domain.jobs import ExecuteSignalJob
from verzek.execution.executor import Executor
from verzek.execution.monitor import run_monitor
from verzek.execution.paper import RecordedPrices
from verzek.execution.venues import VenueProvider
from verzek.marketdata.replay import ManualClock

D = Decimal
MIN = 60_000
T0 = 1_700_000_000_000 // MIN * MIN
SYMBOL = "SOL/USDT"
FUTURES = "SOL/USDT:USDT"


def _venues(candles, settings_env, symbol=SYMBOL):
    settings_env(PAPER_TAKER_FEE_PCT="0.1", PAPER_MAKER_FEE_PCT="0.1", PAPER_SLIPPAGE_PCT="0",
                 PAPER_START_BALANCE="10000")
    rows = [[T0 + i * MIN, *c, "1"] for i, c in enumerate(candles)]  # open, high, low, close
    clock = ManualClock(T0 + MIN)
    return VenueProvider(RecordedPrices().add(symbol, "1m", rows), clock), clock


def _run(venues, clock, user, sig, minutes):
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    for minute in range(2, minutes + 1):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)


def test_a_breakeven_exit_pays_back_the_fees(factory, settings_env):
    # futures at 1x (the stop rests on the venue and fills at its level): entry 100 fills at minute 1,
    # TP1 110 at minute 2, then the price falls back through the entry
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (105, 110.5, 104, 110),
                             (108, 108, 106, 106), (106, 106, 95, 96), (96, 96, 96, 96)], settings_env,
                            symbol=FUTURES)
    user = factory.user(size_value=D(200), breakeven_after_tp=1, tp_split=[D(50), D(50)], leverage_cap=1)
    sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110", "120"], stop_loss="90",
                         market_type="futures", leverage=1)
    _run(venues, clock, user, sig, 6)
    pos = factory.position(user, sig)
    assert pos["status"] == "closed" and pos["close_reason"] == "breakeven"
    # by hand: 2 SOL bought at 100 (fee 0.2 USDT; Binance's SOL/USDT:USDT trades whole SOL, so the 50/50 split
    # needs 2); breakeven = (100 + 0.2 / 2) / (1 - 0.001) = 100.2002002..., up to the 0.01 tick: 100.21
    assert pos["stop_loss"] == D("100.21")
    rest = [o for o in factory.orders(pos["id"]) if o["role"] not in ("entry", "tp") and o["filled"] > 0]
    assert rest, factory.orders(pos["id"])
    exit_qty = sum(o["filled"] for o in rest)
    exit_value = sum(o["filled"] * o["average_price"] for o in rest)
    exit_fees = sum(o["fee"] for o in rest)
    # the half closed at breakeven: its price gain covers its share of the entry fee and its own exit fee
    assert exit_value - exit_qty * D(100) - D("0.1") * exit_qty - exit_fees >= 0


def test_a_trailing_exit_is_labelled_trailing_stop(factory, settings_env):
    # fills at 100, rises to 120 (trail 5 % -> 114, written into the stop), then falls through 114
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (105, 115, 104, 114),
                             (114, 120, 113.5, 119), (119, 119, 117, 118), (118, 118, 112, 112),
                             (112, 112, 112, 112)], settings_env)
    user = factory.user(size_value=D(100), trailing_stop_pct=D(5))
    sig = factory.signal(SYMBOL, "long", entries=["100"], targets=["200"], stop_loss="90")
    _run(venues, clock, user, sig, 7)
    pos = factory.position(user, sig)
    assert pos["status"] == "closed" and pos["close_reason"] == "trailing_stop"
    assert pos["stop_loss"] == D("114")  # 120 x 0.95


@pytest.mark.parametrize(("policy", "expected"), [("default_stop", "opened"), ("skip", "skipped:no_stop")])
def test_a_signal_without_a_stop_gets_the_default_stop_or_is_skipped(factory, settings_env, policy, expected):
    venues, _clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5)], settings_env)
    user = factory.user(size_value=D(100), no_stop_policy=policy, default_stop_pct=D(8))
    sig = factory.signal(SYMBOL, "long", entries=["100"], targets=["110"])
    outcome = Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user))
    assert outcome == expected
    if expected == "opened":
        # spot, 1x: 8 % / 1 below the 100 entry
        assert factory.position(user, sig)["stop_loss"] == D("92")


def test_unfilled_entries_are_cancelled_after_the_timeout(factory, settings_env):
    # entry 95 with the market at ~100 (5 % away, within the 10 % limit) is never reached
    venues, clock = _venues([(100, 100.5, 99.5, 100)] * 8, settings_env)
    user = factory.user(size_value=D(100), entry_timeout_hours=D("0.05"))  # 3 minutes
    sig = factory.signal(SYMBOL, "long", entries=["95"], targets=["110"], stop_loss="90")
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    clock.set(T0 + 3 * MIN)
    run_monitor(venues)
    assert factory.position(user, sig)["status"] == "open"  # 2 minutes after opening: still waiting
    clock.set(T0 + 5 * MIN)
    run_monitor(venues)
    pos = factory.position(user, sig)
    assert pos["status"] == "cancelled" and pos["close_reason"] == "entry_timeout"
    assert all(o["status"] == "cancelled" for o in factory.orders(pos["id"]))


def _stop_scenario(candles, settings_env, factory, slippage="0"):
    venues, clock = _venues(candles, settings_env)
    settings_env(PAPER_SLIPPAGE_PCT=slippage)
    user = factory.user(size_value=D(100), tp_split=[D(100)])
    sig = factory.signal(SYMBOL, "long", entries=["100"], targets=["110"], stop_loss="90")
    _run(venues, clock, user, sig, len(candles))
    pos = factory.position(user, sig)
    return pos, [o for o in factory.orders(pos["id"]) if o["filled"] > 0]


def test_spot_candle_touching_stop_and_target_is_stopped_at_the_stop(factory, settings_env):
    # issue 13 item 4: the old monitor let the spot TP limit fill first on a candle that also reached
    # the stop. One rule now (as futures): stop first, filled at the stop level.
    # entry 100 fills at minute 1 (low 99.5); the minute-2 tick rests the stop at 90 and the TP at 110;
    # minute 2's candle (open 100, high 111, low 89) touches both
    pos, filled = _stop_scenario([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (100, 111, 89, 95),
                                  (95, 95, 95, 95), (95, 95, 95, 95)], settings_env, factory)
    assert pos["status"] == "closed" and pos["close_reason"] == "stop_loss"
    # by hand: 100 USDT / 100 = 1 SOL; sold at 90: PnL -10, fees 0.1 + 0.09
    assert [(o["role"], o["average_price"]) for o in filled] == [("entry", D("100")), ("sl", D("90"))]
    assert pos["realized_pnl"] == D("-10") and pos["fees"] == D("0.19")


def test_spot_stop_gapped_through_fills_at_the_open_with_slippage(factory, settings_env):
    # minute 3 opens at 85, below the 90 stop: filled at the open moved 0.5 % against the seller
    pos, filled = _stop_scenario([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (100, 102, 98, 99),
                                  (85, 86, 80, 82), (82, 82, 82, 82), (82, 82, 82, 82)], settings_env, factory,
                                 slippage="0.5")
    assert pos["status"] == "closed" and pos["close_reason"] == "stop_loss"
    # by hand: entry limit 100 fills at the limit (makers do not slip); stop sells 1 SOL at 85 x 0.995 = 84.575
    assert [(o["role"], o["average_price"]) for o in filled] == [("entry", D("100")), ("sl", D("84.575"))]
    assert pos["realized_pnl"] == D("-15.425")


@pytest.mark.parametrize(("policy", "short", "expected"), [
    # issue 13 item 1: a long then a short on one symbol netted to zero in the paper account and left both
    # positions closing forever. With the default policy the short is refused; the long keeps its exits.
    ("refuse", ("100.5", "95", "105"), "skipped:opposite_position"),
    # policy reverse, but the short's entry 200 lies 99 % from the market (100.5; the limit is 10 %): the plan
    # is refused, so the held long must stay open (closing it first left the user flat with nothing)
    ("reverse", ("200", "150", "210"), "skipped:entry_too_far"),
])
def test_a_refused_opposite_signal_leaves_the_held_side_open(factory, settings_env, policy, short, expected):
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (100.5, 101, 100, 100.5)],
                            settings_env, symbol=FUTURES)
    user = factory.user(size_value=D(100), leverage_cap=1, opposite_signal_policy=policy)
    long_sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110"], stop_loss="90",
                              market_type="futures", leverage=1)
    _run(venues, clock, user, long_sig, 2)
    entry, target, stop = short
    short_sig = factory.signal(FUTURES, "short", entries=[entry], targets=[target], stop_loss=stop,
                               market_type="futures", leverage=1)
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=short_sig, user_id=user)) == expected
    clock.set(T0 + 3 * MIN)
    run_monitor(venues)
    held = factory.position(user, long_sig)
    assert held["status"] == "open" and held["close_reason"] is None and held["filled_amount"] == D(1)
    assert D(factory.paper_state(user)["positions"][FUTURES][0]) == 1  # still long 1 on the venue


def test_close_and_reverse_closes_the_held_side_then_opens_the_new_one(factory, settings_env):
    # issue 13 item 1, policy reverse: long 1 SOL at 100 (minute 1). At minute 2 a short arrives: the long is
    # closed at market and the short's marketable limit 100.5 is sent; on the minute-2 candle (open 100.5) the
    # venue fills the close first (sell 1 at 100.5: +0.5), then the short entry (sell 1 at the open 100.5).
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (100.5, 101, 100, 100.5),
                             (100.5, 100.6, 100.2, 100.4), (100.4, 100.5, 100.3, 100.4)], settings_env, symbol=FUTURES)
    user = factory.user(size_value=D(110), leverage_cap=1, opposite_signal_policy="reverse")  # 1 whole SOL each
    long_sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110"], stop_loss="90",
                              market_type="futures", leverage=1)
    _run(venues, clock, user, long_sig, 2)
    short_sig = factory.signal(FUTURES, "short", entries=["100.5"], targets=["95"], stop_loss="105",
                               market_type="futures", leverage=1)
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=short_sig, user_id=user)) == "opened"
    for minute in (3, 4, 5):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)
    held, new = factory.position(user, long_sig), factory.position(user, short_sig)
    assert held["status"] == "closed" and held["close_reason"] == "reversed"
    assert held["realized_pnl"] == D("0.5")  # sold at the 100.5 open
    assert new["status"] == "open" and new["side"] == "short" and new["filled_amount"] == D(1)
    assert new["entry_price"] == D("100.5")
    assert D(factory.paper_state(user)["positions"][FUTURES][0]) == -1  # short 1 on the venue, nothing netted


def test_hedge_holds_both_sides_and_each_exit_acts_on_its_own_side(factory, settings_env):
    # issue 13 item 1, policy hedge: long 1 SOL at 100 (minute 1, maker); at minute 2 a short opens beside it
    # (marketable limit 100.5, filled at the minute-2 open). Minute 4 falls to 94: the short's target 95
    # buys its 1 back (+5.5 gross, fees 0.1005 + 0.095); the long, its stop at 90 untouched, stays open. In
    # one-way mode the short's buy would have closed the long instead (and both positions netted to zero).
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (100.5, 101, 100, 100.5),
                             (100.5, 100.6, 100.2, 100.4), (100.4, 100.5, 94, 95), (95, 96, 94.5, 95.5)],
                            settings_env, symbol=FUTURES)
    user = factory.user(size_value=D(110), leverage_cap=1, opposite_signal_policy="hedge")  # 1 whole SOL each
    long_sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110"], stop_loss="90",
                              market_type="futures", leverage=1)
    _run(venues, clock, user, long_sig, 2)
    short_sig = factory.signal(FUTURES, "short", entries=["100.5"], targets=["95"], stop_loss="105",
                               market_type="futures", leverage=1)
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=short_sig, user_id=user)) == "opened"
    clock.set(T0 + 3 * MIN)
    run_monitor(venues)
    positions = factory.paper_state(user)["positions"]
    assert D(positions[f"{FUTURES}|long"][0]) == 1 and D(positions[f"{FUTURES}|short"][0]) == -1
    for minute in (4, 5, 6):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)
    held, new = factory.position(user, long_sig), factory.position(user, short_sig)
    assert new["status"] == "closed" and new["close_reason"] == "take_profit"
    assert (new["entry_price"], new["realized_pnl"], new["fees"]) == (D("100.5"), D("5.5"), D("0.1955"))
    assert held["status"] == "open" and held["filled_amount"] == D(1) and held["closed_amount"] == 0
    stops = [o for o in factory.orders(held["id"]) if o["role"] == "sl"]
    assert [(o["status"], o["trigger_price"]) for o in stops] == [("open", D(90))]
    positions = factory.paper_state(user)["positions"]  # amount, entry, margin
    assert {k: [D(v) for v in p] for k, p in positions.items()} == {f"{FUTURES}|long": [1, 100, 100]}


def test_hedged_sides_each_account_their_own_funding(factory, settings_env):
    # the same long 1 @ 100 and short 1 @ 100.5 held at once; a funding event at minute 3, rate 0.1 %, mark
    # = the minute-3 open 100.5 (no mark candles): the long pays 1 x 100.5 x 0.001 = 0.1005, the short
    # receives 0.1005. Each position counts its own side's payment only (both sides' payments share the
    # symbol and the time: counting both would leave each at 0).
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (100.5, 101, 100, 100.5),
                             (100.5, 100.6, 100.2, 100.4), (100.4, 100.5, 100.3, 100.4),
                             (100.4, 100.5, 100.3, 100.4)], settings_env, symbol=FUTURES)
    venues.paper_prices().add_funding(FUTURES, [[T0 + 3 * MIN, "0.001", 0, 0, 0, 0]])
    user = factory.user(size_value=D(110), leverage_cap=1, opposite_signal_policy="hedge")
    long_sig = factory.signal(FUTURES, "long", entries=["100"], targets=["110"], stop_loss="90",
                              market_type="futures", leverage=1)
    _run(venues, clock, user, long_sig, 2)
    short_sig = factory.signal(FUTURES, "short", entries=["100.5"], targets=["95"], stop_loss="105",
                               market_type="futures", leverage=1)
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=short_sig, user_id=user)) == "opened"
    for minute in (3, 4, 5, 6):
        clock.set(T0 + minute * MIN)
        run_monitor(venues)
    held, new = factory.position(user, long_sig), factory.position(user, short_sig)
    assert (held["status"], new["status"]) == ("open", "open")
    assert (held["funding"], new["funding"]) == (D("-0.1005"), D("0.1005"))


def test_dca_like_3commas_step_scale_max_active_and_targets_from_the_new_average(factory, settings_env):
    # issue 13 item 9. 100 USDT, entry 100, 2 safety orders, step 2 % with step scale 2 (SO1 2 % below = 98, SO2
    # 2 + 4 = 6 % below = 94), volume scale 2 (weights 1 : 1 : 2 -> 25 / 25 / 50 USDT), at most 1 resting at once
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (99, 99.5, 97.5, 98.5),
                             (98.5, 99, 98.2, 98.6), (98.6, 99, 98.3, 98.7)], settings_env)
    user = factory.user(size_value=D(100), tp_split=[D(100)], dca_enabled=True, dca_safety_orders=2,
                        dca_step_pct=D(2), dca_step_scale=D(2), dca_volume_scale=D(2), dca_max_active=1)
    sig = factory.signal(SYMBOL, "long", entries=["100"], targets=["110"], stop_loss="80")
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=sig, user_id=user)) == "opened"
    pos = factory.position(user, sig)

    def rows(role):
        return [o for o in factory.orders(pos["id"]) if o["role"] == role]

    # entry 25 / 100 = 0.25 SOL; SO1 25 / 98 = 0.255 (step 0.001); SO2 50 / 94 = 0.531, held back
    assert [(o["price"], o["amount"], o["status"]) for o in rows("safety")] == [
        (D(98), D("0.255"), "open"), (D(94), D("0.531"), "waiting")]
    clock.set(T0 + 2 * MIN)
    run_monitor(venues)  # the entry filled at minute 1: the TP rests at 110 (the average is the planned 100)
    assert [(o["price"], o["status"]) for o in rows("tp")] == [(D(110), "open")]
    assert rows("safety")[1]["status"] == "waiting"
    clock.set(T0 + 3 * MIN)
    run_monitor(venues)  # SO1 filled at 98 on minute 2: SO2 is placed, the TP follows the new average
    assert [o["status"] for o in rows("safety")] == ["filled", "open"]
    # average (0.25 x 100 + 0.255 x 98) / 0.505 = 98.990099...; x 110 / 100 = 108.889... -> 108.89 (tick 0.01)
    live_tp = [o for o in rows("tp") if o["status"] == "open"]
    assert [(o["price"], o["amount"]) for o in live_tp] == [(D("108.89"), D("0.505"))]


def test_a_stop_written_as_a_percentage_is_placed_from_the_entry_not_the_default(factory, settings_env):
    # "SL 5%" under a spot card: the provider's stop, 5 % of the price below the 100 entry — before, the signal kept
    # no stop and the user's default (8 % of the margin / 1x here; 50 % unset) was placed instead
    from verzek.parsing import parse_message
    from verzek.queue import InProcessQueue
    from verzek.signals import ingest_signal
    from verzek.telegram.webhook import signal_from_parsed

    venues, _clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5)], settings_env)
    user = factory.user(size_value=D(100), default_stop_pct=D(8))
    parsed = parse_message("#SOL LONG spot\nEntry 100\nTP 110\nSL 5%")
    assert parsed.tradable and parsed.stop_loss is None and parsed.stop_loss_pct == D(5)
    signal, why = signal_from_parsed(parsed, chat_id=-100, message_id=9_001, posted_at=None, raw_text="x")
    assert why is None and signal.stop_loss_pct == D(5)
    stored = ingest_signal(signal, queue=InProcessQueue())
    with factory.conn, factory.conn.cursor() as cur:
        cur.execute("SELECT stop_loss, stop_loss_pct FROM signals WHERE id = %s", (stored.signal_id,))
        assert cur.fetchone() == {"stop_loss": None, "stop_loss_pct": D(5)}
    assert Executor(venues).handle(ExecuteSignalJob(signal_id=stored.signal_id, user_id=user)) == "opened"
    assert factory.position(user, stored.signal_id)["stop_loss"] == D("95")


def _partial_close_job(signal_id, fraction, message_id, text=None):
    from verzek.domain.jobs import parse_job
    from verzek.domain.signals import MessageKind, ParsedMessage, UpdateAction
    from verzek.parsing import parse_message
    from verzek.queue import InProcessQueue
    from verzek.signals import apply_update, update_from_parsed

    parsed = ParsedMessage(kind=MessageKind.UPDATE, symbol=SYMBOL, update_action=UpdateAction.PARTIAL_CLOSE,
                           close_fraction=fraction) if text is None else parse_message(text)
    assert parsed.update_action == UpdateAction.PARTIAL_CLOSE and parsed.close_fraction == fraction
    update = update_from_parsed(parsed, raw_text="close half", provider_message_id=message_id,
                                dedupe_key=f"tg:1:{message_id}")
    queue = InProcessQueue()
    apply_update(signal_id, update, queue=queue)
    return [parse_job(b) for b in queue.drain()]


def test_the_providers_partial_close_sells_that_share_once_and_resizes_the_ladder(factory, settings_env):
    # spot: 3 SOL bought at 100 (minute 1), TPs 1.5 @ 110 and 1.5 @ 120. "Close half" at minute 2 (market 104):
    # 1.5 sold at market and the TPs re-sized to 0.75 each; the same job again sends nothing. Before, the
    # executor ignored a partial close.
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5)] + [(104, 104.5, 103.5, 104)] * 5,
                            settings_env)
    user = factory.user(size_value=D(300), tp_split=[D(50), D(50)])
    sig = factory.signal(SYMBOL, "long", entries=["100"], targets=["110", "120"], stop_loss="90")
    _run(venues, clock, user, sig, 2)
    pos = factory.position(user, sig)
    assert pos["status"] == "open" and pos["filled_amount"] == D(3)
    tps = [(o["price"], o["amount"]) for o in factory.orders(pos["id"]) if o["role"] == "tp" and o["status"] == "open"]
    assert tps == [(D(110), D("1.5")), (D(120), D("1.5"))]

    clock.set(T0 + 3 * MIN)
    [job] = _partial_close_job(sig, D("0.5"), 77, text="#SOL close half now")  # the provider's post, as parsed
    executor = Executor(venues)
    assert executor.apply_update(job) == "reduced"
    assert executor.apply_update(job) == "already_reduced"  # redelivered: nothing sold twice
    clock.set(T0 + 4 * MIN)  # (the paper venue fills a market order on the next candle)
    run_monitor(venues)
    pos = factory.position(user, sig)
    orders = factory.orders(pos["id"])
    partial = [o for o in orders if o["role"] == "close"]
    assert [(o["leg"], o["amount"], o["filled"], o["reduce_only"]) for o in partial] == [(1, D("1.5"), D("1.5"), True)]
    tps = [(o["price"], o["amount"]) for o in orders if o["role"] == "tp" and o["status"] == "open"]
    assert tps == [(D(110), D("0.75")), (D(120), D("0.75"))]
    assert pos["status"] == "open" and pos["closed_amount"] == D("1.5")
    stops = [(o["trigger_price"], o["amount"]) for o in orders if o["role"] == "sl" and o["status"] == "open"]
    assert stops == [(D(90), D("1.5"))]  # the resting stop re-sized to what is left
    assert D(factory.paper_state(user)["balances"]["SOL"]) == D("1.5")  # what the venue holds matches the books

    # a second "close half" is the signal's second partial: half of what is left
    [job2] = _partial_close_job(sig, D("0.5"), 78, text="Closing SOL, 50% only")
    assert executor.apply_update(job2) == "reduced"
    clock.set(T0 + 5 * MIN)
    run_monitor(venues)
    orders = factory.orders(factory.position(user, sig)["id"])
    assert [(o["leg"], o["filled"]) for o in orders if o["role"] == "close"] == [(1, D("1.5")), (2, D("0.75"))]


def test_a_partial_close_without_an_amount_sells_nothing(factory, settings_env):
    venues, clock = _venues([(101, 101, 101, 101), (100.5, 101, 99.5, 100.5), (104, 104.5, 103.5, 104)], settings_env)
    user = factory.user(size_value=D(300))
    sig = factory.signal(SYMBOL, "long", entries=["100"], targets=["110"], stop_loss="90")
    _run(venues, clock, user, sig, 2)
    [job] = _partial_close_job(sig, None, 79)  # "take some profit": the share would be a guess
    assert Executor(venues).apply_update(job) == "ignored:partial_close_without_amount"
    assert not [o for o in factory.orders(factory.position(user, sig)["id"]) if o["role"] == "close"]
