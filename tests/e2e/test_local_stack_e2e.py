"""The whole platform locally, end to end (issue: local stack).

Starts `verzek local` in a subprocess on a free port with a local Bot API server as Telegram, posts
a real VIP channel post through `verzek local --send-signal`, and checks: the signal is stored, the
VIP group broadcast reaches the Bot API server, the demo user's paper position opens, replayed
candles carry it to TP1 (partial close, stop moved to breakeven, notifications), Ctrl-C stops the
stack cleanly, and after a restart the state is still there.
"""

from __future__ import annotations

import gzip
import json
import time
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from verzek.local.state import DEMO_VIP_CHAT_ID
from verzek.marketdata import usdt_sample_dir

from tests.support.local_stack import LocalStack
from tests.support.telegram_bot_api import LocalBotApi

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SPEED = 300.0
TOKEN = "424242:local-e2e-token"


class Stack(LocalStack):
    """`verzek local` at SPEED with the local Bot API server as Telegram (start/stop/lines: LocalStack)."""

    def __init__(self, data_dir: Path, bot_api: LocalBotApi):
        super().__init__(data_dir, "--speed", str(SPEED), env={"TELEGRAM_BOT_TOKEN": TOKEN,
                                                               "TELEGRAM_API_BASE": bot_api.base_url})

    def replay_now(self) -> int:
        return self.replay_ms + int((time.monotonic() - self.ready_at) * SPEED * 1000)

    def stop(self) -> str:
        super().stop()
        return "\n".join(self.lines)


def _candles(name: str) -> list[list]:
    return json.loads(gzip.decompress((usdt_sample_dir() / name).read_bytes()))


ARRIVAL_MINUTES = 45  # replay minutes the signal may take to reach the executor (9 s at SPEED 300 on a loaded machine)


def _pick_levels(after_ms: int) -> tuple[str, str, Decimal, list[Decimal], Decimal, int]:
    """From the recorded 1m futures candles after `after_ms`: a side, an entry past every price of the next
    ARRIVAL_MINUTES (so it fills at once whenever the signal arrives) and a TP1 beyond that, which the replay
    reaches within 8 hours after the arrival window before any candle touches the stop.

    The replay position at the pick depends on how long the stack took to start, and the signal's arrival on
    the machine's load: a long-only TP1 just above the market at the pick failed both ways (no rising window
    after a slow start; TP1 already passed when the signal arrived)."""
    tick = Decimal("0.01")
    for name, symbol in (("BTC_USDT_USDT-1m-futures.json.gz", "BTC/USDT"),
                         ("ETH_USDT_USDT-1m-futures.json.gz", "ETH/USDT")):
        rows = _candles(name)
        i = next(k for k, r in enumerate(rows) if r[0] >= after_ms)
        arrival = rows[i - 1:i + ARRIVAL_MINUTES]
        for side, sign in (("long", 1), ("short", -1)):
            extreme = (max(Decimal(str(r[2])) for r in arrival) if sign > 0
                       else min(Decimal(str(r[3])) for r in arrival))
            entry = (extreme * (1 + sign * Decimal("0.0005"))).quantize(tick)
            tp1, stop = (entry * (1 + sign * Decimal("0.002"))).quantize(tick), entry * (1 - sign * Decimal("0.03"))
            for r in rows[i - 1:i + ARRIVAL_MINUTES + 480]:
                low, high = Decimal(str(r[3])), Decimal(str(r[2]))
                if (low <= stop) if sign > 0 else (high >= stop):
                    break
                if (high > tp1) if sign > 0 else (low < tp1):
                    targets = [tp1, *((entry * (1 + sign * Decimal(p))).quantize(tick) for p in ("0.05", "0.08"))]
                    return symbol, side, entry, targets, stop.quantize(tick), r[0]
    raise AssertionError("no usable window in the sample after the replay position")


def _wait(what: str, probe, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}; last: {last!r}")


def test_vip_signal_end_to_end_through_the_local_stack(tmp_path):
    with LocalBotApi(token=TOKEN) as bot_api:
        stack = Stack(tmp_path / "state", bot_api)
        stack.start()  # the default replay: the bundled USDT-M futures sample
        try:
            banner = "\n".join(stack.lines)
            assert "Replay: BNB/USDT:USDT (5m), BTC/USDT:USDT (1m/5m), " in banner and "2025-05-05 00:00 → 2025-06-02 00:00 UTC" in banner
            pair, side, entry, targets, stop, _ = _pick_levels(stack.replay_now())
            symbol = f"{pair}:USDT"  # a leveraged post is a USDT-M futures signal
            text = (f"📊 #{pair} {side.upper()}\nLeverage: 10x\nEntry: {entry}\nTargets: {' - '.join(map(str, targets))}\n"
                    f"Stop loss: {stop}")
            stack.send_signal(text)
            headers = {"authorization": f"Bearer {stack.token()}"}

            # the signal is stored (and fanned out), as the demo user sees it in the feed
            signal_row = _wait("VIP signal in the feed", lambda: next(
                (s for s in httpx.get(f"{stack.url}/api/signals", params={"source": "vip"}, headers=headers,
                                      timeout=30).json()["items"] if s["symbol"] == symbol), None))
            assert signal_row["side"] == side
            assert [Decimal(t) for t in signal_row["targets"]] == targets
            assert Decimal(signal_row["stop_loss"]) == stop

            # broadcast to the VIP group through the real Bot API client
            vip = _wait("VIP broadcast", lambda: [m for m in bot_api.sent_messages(DEMO_VIP_CHAT_ID)
                                                  if pair in m.get("text", "")])
            assert f"{entry.normalize():f}" in vip[0]["text"]  # the broadcast prints prices without trailing zeros

            me = httpx.get(f"{stack.url}/api/users/me", headers=headers, timeout=30)
            user_id = me.json()["id"] if me.status_code == 200 else 2

            def vip_position():
                items = httpx.get(f"{stack.url}/api/users/{user_id}/positions", headers=headers,
                                  timeout=30).json()["items"]
                return next((p for p in items if p["signal_id"] == signal_row["id"]), None)

            opened = _wait("paper position opened", lambda: (p := vip_position()) and p["status"] in
                           ("open", "closing", "closed") and p)
            assert opened["mode"] == "paper"
            assert (opened["symbol"], opened["market_type"], opened["leverage"]) == (symbol, "futures", 10)

            # a symbol the replay lacks: not traded, and the user is told which symbols the replay has
            missing = "#LINK/USDT LONG\nLeverage: 10x\nEntry: 15.2\nTargets: 15.5 - 16\nStop loss: 14.6"
            stack.send_signal(missing)
            _wait("replay coverage message", lambda: any(
                "LINK/USDT:USDT long not traded: no price data for LINK/USDT:USDT: the replay covers only "
                "BNB/USDT:USDT, BTC/USDT:USDT" in line for line in stack.lines))

            # replay until TP1: partial close and the stop moved to breakeven
            after_tp1 = _wait("TP1 and breakeven", lambda: (p := vip_position()) and p["tp_hits"] >= 1
                              and p["breakeven_moved"] and p, timeout=180)
            detail = httpx.get(f"{stack.url}/api/users/{user_id}/positions/{after_tp1['id']}", headers=headers,
                               timeout=30).json()
            tp_fills = [o for o in detail["orders"] if o["role"] == "tp" and Decimal(o["filled"]) > 0]
            assert tp_fills, detail["orders"]
            assert Decimal(tp_fills[0]["filled"]) < Decimal(detail["filled_amount"])  # partial, not all
            # breakeven = the average fill (a limit past the market fills at the better market price)
            sign = 1 if side == "long" else -1
            assert sign * Decimal(after_tp1["entry_price"]) <= sign * entry
            assert sign * Decimal(after_tp1["stop_loss"]) >= sign * Decimal(after_tp1["entry_price"])
            assert Decimal(after_tp1["realized_pnl"]) > 0
            _wait("notifications on the console", lambda: any(f"{symbol} {side}: TP1 hit" in line for line in stack.lines)
                  and any(f"{symbol} {side}: stop moved to breakeven" in line for line in stack.lines))
        finally:
            out = stack.stop()
        assert stack.proc.returncode == 0, out[-3000:]
        assert "Traceback" not in out, out[-3000:]

        # restart: the state is still there
        stack.start()
        try:
            headers = {"authorization": f"Bearer {stack.token()}"}
            items = httpx.get(f"{stack.url}/api/users/{user_id}/positions", headers=headers, timeout=30).json()["items"]
            kept = next(p for p in items if p["signal_id"] == signal_row["id"])
            assert kept["tp_hits"] >= 1 and kept["breakeven_moved"]
            feed = httpx.get(f"{stack.url}/api/signals", params={"source": "vip"}, headers=headers, timeout=30).json()
            assert any(s["id"] == signal_row["id"] for s in feed["items"])
        finally:
            stack.stop()
        assert stack.proc.returncode == 0
