"""`verzek local`: the whole platform on this machine with embedded defaults.

One process runs what the cloud runs as separate functions, on the same domain code paths:
PostgreSQL (embedded unless DATABASE_URL), migrations, demo accounts, the API with the Telegram
webhook route (uvicorn), the house strategies on replayed recorded candles with an accelerated
clock (or live ccxt data), a durable PostgreSQL job queue with executor workers (paper venue
driven by the same clock), the position monitor (a schedule loop enqueuing one message per account
to its own PostgreSQL queue, worker threads consuming it, as in the cloud) and the notification
dispatcher. Ctrl-C stops
taking new work, lets jobs in flight finish (an unfinished lease returns to the queue), records
the replay position and stops; the next start resumes from there.
"""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import socket
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from verzek.cli import CliError

HOUSE_STRATEGIES = ("scalping", "trend", "qfl", "ml")
MIN_WALL_INTERVAL_S = 0.5  # at high replay speeds the strategies are checked at most twice a second
DEFAULT_SPEED = 120.0
# Default replay start: two days into the recording, so a 5m strategy's 500-candle window is full.
DEFAULT_WARMUP_MS = 2 * 86_400_000


def _check_port_free(host: str, port: int) -> None:
    if port == 0:
        return
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise CliError(f"port {port} on {host} is already in use (choose another with --port)") from None
            raise CliError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def prepare_database() -> list[str]:
    from verzek.db.embedded import EmbeddedDatabaseError
    from verzek.db.migrate import apply_migrations

    try:
        applied = apply_migrations()
    except EmbeddedDatabaseError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:
        raise CliError(f"database not reachable or migration failed: {type(exc).__name__}") from None
    print("database: migrations " + (", ".join(applied) if applied else "up to date"), flush=True)
    return applied


def _parse_time_ms(text: str) -> int:
    if text.isdigit():
        return int(text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--replay-start must be ISO-8601 or epoch ms, got {text!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp() * 1000)


class _Loop:
    """Run `step()` every `interval` seconds on a thread until stopped (errors logged, never fatal)."""

    def __init__(self, name: str, step, interval: float) -> None:
        self.name, self.step, self.interval = name, step, interval
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        from verzek.observability import logger

        while not self._stop.is_set():
            try:
                self.step()
            except Exception:  # one bad tick must not end the loop
                logger.exception("local loop step failed", extra={"loop": self.name})
            self._stop.wait(self.interval)

    def start(self) -> _Loop:
        self.thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self.thread.join(timeout)


class LocalStack:
    def __init__(self, args, settings, state: dict) -> None:
        self.args, self.settings, self.state = args, settings, state
        self.loops: list[_Loop] = []
        self.server = None
        self.server_thread = None
        self.queue = None
        self.monitor_queue = None
        self.console = None
        self.clock = None
        self.replay_range: tuple[int, int] | None = None
        self.replay_coverage: str | None = None
        self.url = None

    # --- market data and the shared clock ---
    def build_market(self):
        from verzek.execution.paper import MarketDataPrices, RecordedPrices
        from verzek.marketdata import (
            AcceleratedClock,
            MarketDataError,
            ReplayMarketData,
            candle_files,
            live_market_data,
            usdt_sample_dir,
        )

        if self.args.market_data == "live":
            market = live_market_data(self.settings.house_exchange)
            self.clock = lambda: int(time.time() * 1000)
            return market, MarketDataPrices(market, "1m")
        data = Path(self.args.replay_data) if getattr(self.args, "replay_data", None) else usdt_sample_dir()
        try:
            files = candle_files(data) if data.is_dir() else []
        except OSError as exc:
            raise CliError(f"--replay-data {data}: {exc.strerror}") from None
        if not files:
            raise CliError(f"--replay-data {data}: no recorded candle files (BASE_QUOTE[_SETTLE]-<tf>[-futures].json[.gz])")
        try:
            probe = ReplayMarketData.from_files(files, clock=lambda: 0)
        except MarketDataError as exc:
            raise CliError(str(exc)) from None
        first, last = probe.time_range()
        # A resumed position belongs to the data it was recorded on (older runs replayed the 2018 sample).
        saved = self.state.get("replay_position_ms") if self.state.get("replay_data") == str(data) else None
        if self.args.replay_start:
            start = _parse_time_ms(self.args.replay_start)
        else:
            start = saved or min(first + DEFAULT_WARMUP_MS, last - 1)
        if not first <= start < last:
            raise CliError("replay start is outside the recorded data "
                           f"({datetime.fromtimestamp(first / 1000, UTC):%Y-%m-%d %H:%M} to "
                           f"{datetime.fromtimestamp(last / 1000, UTC):%Y-%m-%d %H:%M} UTC)")
        if self.args.speed <= 0:
            raise CliError("--speed must be positive")
        self.state["replay_data"] = str(data)
        self.replay_coverage = probe.coverage()
        self.clock = AcceleratedClock(start, speed=self.args.speed)
        self.replay_range = (start if self.args.replay_start else first, last)
        market = ReplayMarketData.from_files(files, clock=self.clock)
        # paper charges funding from the funding events and mark prices recorded beside the candles
        return market, RecordedPrices.from_files(files).add_funding_files(data)

    def progress(self):
        now = self.clock()
        if self.replay_range is None:
            return now, 0.0
        first, last = self.replay_range
        return min(now, last), max(0.0, min(1.0, (now - first) / max(1, last - first)))

    # --- workers ---
    def start_execution(self, prices) -> None:
        from verzek.domain.jobs import parse_monitor_job
        from verzek.execution.executor import Executor
        from verzek.execution.lifecycle import PositionEngine
        from verzek.execution.monitor import enqueue_monitor_pass, monitor_account
        from verzek.execution.venues import VenueProvider
        from verzek.local.jobqueue import PgJobQueue
        from verzek.notify.dispatcher import run_scheduled
        from verzek.queue import use_local_execution_queue

        venues = VenueProvider(paper_prices=prices, clock=self.clock)
        executor = Executor(venues)
        self.queue = PgJobQueue("execution", lease_seconds=60)
        use_local_execution_queue(self.queue)
        # batches as the dca_executor Lambda gets them from SQS: new paper trades share a transaction
        self.queue.start_batches(executor.handle_bodies, workers=2, size=10)
        # the monitor as in the cloud: the schedule enqueues one message per account, workers advance them
        engine = PositionEngine(venues)
        self.monitor_queue = PgJobQueue("monitor", lease_seconds=60, max_receives=3)
        self.monitor_queue.start(lambda body: monitor_account(parse_monitor_job(body), engine, deadline_s=20),
                                 workers=2)
        monitor_queue = self.monitor_queue

        def schedule_monitor() -> None:
            if monitor_queue.pending() == 0:  # the last pass is still being worked on: no second one
                monitor_queue.purge_done(600)
                enqueue_monitor_pass(monitor_queue)

        self.loops.append(_Loop("position-monitor", schedule_monitor, self.args.monitor_interval).start())
        self.loops.append(_Loop("notification-dispatcher", lambda: run_scheduled(queue=self.queue, budget_s=5),
                                0.5).start())

    def start_strategies(self, market) -> None:
        from verzek.config import get_settings
        from verzek.marketdata.series import timeframe_ms
        from verzek.signals.ingest import ingest_signal
        from verzek.strategies.cursors import MemoryDecisionCursors
        from verzek.strategies.registry import create_strategy
        from verzek.strategies.runner import run_tick

        settings = get_settings()
        strategies = [s for s in map(create_strategy, HOUSE_STRATEGIES)
                      if settings.house_strategy_enabled(s.name, s.config.enabled)]
        off = [n for n in HOUSE_STRATEGIES if n not in {s.name for s in strategies}]
        print("house strategies: " + (", ".join(s.name for s in strategies) or "none")
              + (f" (not running, disabled by default: {', '.join(off)}; HOUSE_STRATEGIES_ENABLED=name,... "
                 "turns one on)" if off else ""), flush=True)
        last_close = {s.name: None for s in strategies}
        symbols = {s.name: market.symbols(s.timeframe) or market.symbols() for s in strategies}
        cursors = MemoryDecisionCursors()  # per run: a replay may restart at an earlier time
        loop = asyncio.new_event_loop()

        def emit(signal):
            # Replayed candles are years old: date the signal now (as if it were live) and keep
            # the replay time, so the staleness guard measures only our own delivery delay.
            replay_time = signal.posted_at.isoformat() if signal.posted_at else None
            ingest_signal(replace(signal, posted_at=datetime.now(UTC), meta={**signal.meta, "replay_time": replay_time}))

        def step():
            # a strategy ticks when a candle of its timeframe has closed since its last tick: the same
            # decision points as the cloud runner (whose cursors also catch up skipped closes)
            now = self.clock()
            for strategy in strategies:
                close = now // timeframe_ms(strategy.timeframe)
                if close != last_close[strategy.name]:
                    last_close[strategy.name] = close
                    loop.run_until_complete(run_tick(strategy, market, emit, symbols[strategy.name], cursors=cursors))

        interval = MIN_WALL_INTERVAL_S if self.args.market_data == "replay" else 5.0
        self.loops.append(_Loop("house-strategies", step, interval).start())

    def start_api(self) -> None:
        import uvicorn

        from verzek.api.app import create_app

        host = self.args.host or self.settings.api_host
        port = self.settings.api_port if self.args.port is None else self.args.port
        config = api_server_config(create_app(), host, port, self.settings)
        self.server = uvicorn.Server(config)
        self.server_thread = threading.Thread(target=self.server.run, name="api", daemon=True)
        self.server_thread.start()
        while not self.server.started and self.server_thread.is_alive():
            self.server_thread.join(0.05)
        if not self.server_thread.is_alive():
            raise CliError(f"API server failed to start on {host}:{port}")
        bound = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://{host}:{bound}"
        if not os.environ.get("PUBLIC_BASE_URL"):
            # Links in emails (verify, reset) must open this running stack, on the port it really
            # bound (with --port 0 only known now), not the cloud default.
            from verzek.config import reset_settings_cache

            os.environ["PUBLIC_BASE_URL"] = self.url
            reset_settings_cache()

    # --- lifecycle ---
    def save_replay_position(self) -> None:
        """Where the replay is now, on disk (also every few seconds while running), so the next
        start resumes here even if this process is killed."""
        from verzek.local.state import save_state

        if self.replay_range is not None and self.clock is not None:
            self.state["replay_position_ms"] = min(self.clock(), self.replay_range[1] - 1)
            save_state(self.settings.data_dir, self.state)

    # --- lifecycle ---
    def stop(self) -> None:
        from verzek.db import close_pool
        from verzek.db.embedded import stop_embedded_servers
        from verzek.local.state import save_state

        # The replay position first: anything below may print, and with stdout piped into a process
        # that Ctrl-C already ended (`verzek local | tee`) a print raises BrokenPipeError.
        self.save_replay_position()
        _quiet_print("stopping: finishing jobs in flight…", file=sys.stderr)
        for loop in self.loops:  # producers first, then the workers that drain
            if loop.name == "house-strategies":
                loop.stop()
        if self.queue is not None:
            self.queue.stop(timeout=30)
        for loop in self.loops:
            if loop.name != "house-strategies":
                loop.stop()
        if self.monitor_queue is not None:
            self.monitor_queue.stop(timeout=30)
        if self.server is not None:
            self.server.should_exit = True
            self.server_thread.join(15)
        if self.console is not None:
            try:
                self.console.stop()
            except (BrokenPipeError, OSError):
                pass
        self.save_replay_position()
        self.state.pop("api_url", None)
        save_state(self.settings.data_dir, self.state)
        close_pool()
        stop_embedded_servers()


def api_server_config(app, host: str, port: int, settings):
    """uvicorn's settings for the local API. X-Forwarded-For is believed only from TRUSTED_PROXY_IPS
    (none by default): uvicorn's own default trusts 127.0.0.1, which let any local client choose the
    IP that the login limiter and the audit log see."""
    import uvicorn

    trusted = settings.trusted_proxy_ips.strip()
    return uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on",
                          proxy_headers=bool(trusted), forwarded_allow_ips=trusted or None)


def _lock_data_dir(data_dir: Path):
    """One `verzek local` per data directory: a second one would share the database and the replay
    clock. The lock is an flock on a file in the directory, released when the process ends (even
    killed), so a stale lock never blocks the next run."""
    import fcntl

    handle = open(data_dir / "local.lock", "a+")  # noqa: SIM115 -- held for the process lifetime
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        owner = handle.read().strip() or "another process"
        handle.close()
        raise CliError(f"another `verzek local` ({owner}) is already using {data_dir}; stop it first, or "
                       "set VERZEK_DATA_DIR to another directory") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}")
    handle.flush()
    return handle


def run_local_stack(args) -> int:
    import os

    from pydantic import ValidationError

    from verzek.config import get_settings, reset_settings_cache
    from verzek.local.state import ensure_local_environment, save_state

    if getattr(args, "send_signal", None) is not None:
        from verzek.local.send import send_signal

        return send_signal(args.send_signal, host=args.host, port=args.port)
    if getattr(args, "press", None) is not None or getattr(args, "reply", None) is not None:
        from verzek.local.send import press_button, reply_to

        message_id, value = args.press or args.reply
        if not message_id.isdigit():
            raise CliError("MESSAGE_ID must be the number printed with the review message")
        action = press_button if args.press else reply_to
        return action(int(message_id), value, host=args.host, port=args.port)
    if not args.verbose:
        os.environ.setdefault("LOG_LEVEL", "ERROR")
    try:
        settings = get_settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"bad configuration: {first.get('loc')}: {first.get('msg')}") from None
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        data_dir_lock = _lock_data_dir(settings.data_dir)
        state = ensure_local_environment(settings.data_dir)
    except OSError as exc:
        raise CliError(f"data directory {settings.data_dir} is not usable: {exc.strerror}") from None
    reset_settings_cache()
    settings = get_settings()
    host = args.host or settings.api_host
    port = settings.api_port if args.port is None else args.port
    _check_port_free(host, port)
    prepare_database()

    from verzek.local.seed import seed_demo_accounts

    demo = state["demo"]
    seed_demo_accounts(demo["operator_email"], demo["user_email"], demo["password"])

    stack = LocalStack(args, settings, state)
    stop = threading.Event()
    # Ctrl-C and SIGTERM only set an event: a KeyboardInterrupt raised at an arbitrary point (say,
    # between printing "ready" and waiting) would skip the orderly shutdown below.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        market, prices = stack.build_market()
        stack.start_execution(prices)
        if not args.no_strategies:
            stack.start_strategies(market)
        stack.start_api()
        from verzek.local.console import ConsoleSummary

        stack.console = ConsoleSummary(progress=stack.progress if stack.replay_range else None)
        stack.console.start()
    except BaseException:
        stack.stop()
        raise
    state["api_url"] = stack.url
    save_state(settings.data_dir, state)
    when = datetime.fromtimestamp(stack.clock() / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    from verzek.api.web_app import web_build_dir

    if web_build_dir(settings.web_app_dir) is not None:
        print(f"App:    {stack.url}/   (open it in a browser)", flush=True)
    else:
        print("App:    not built (scripts/bootstrap builds mobile_app's web version when Node.js is installed)",
              flush=True)
    print(f"API:    {stack.url}   (docs: {stack.url}/docs)", flush=True)
    print(f"Webhook: POST {stack.url}/telegram/webhook   (try: verzek local --send-signal \"...\")", flush=True)
    print(f"Market: {args.market_data}" + (f" from {when} at {args.speed:g}x (replay clock {stack.clock()} ms)"
                                           if args.market_data == "replay" else ""), flush=True)
    if stack.replay_coverage:
        print(f"Replay: {stack.replay_coverage}", flush=True)
        print("        signals for other symbols are not traded (the paper venue has no prices for them)",
              flush=True)
    print(f"Login:  {demo['user_email']} / {demo['password']}   (operator: {demo['operator_email']}, same password)",
          flush=True)
    print("ready", flush=True)
    saved_at = time.monotonic()
    while not stop.is_set():
        stop.wait(0.2)
        if time.monotonic() - saved_at > 5:
            stack.save_replay_position()
            saved_at = time.monotonic()
    # A second Ctrl-C must not tear the shutdown in half.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    stack.stop()
    data_dir_lock.close()
    _quiet_print("stopped", file=sys.stderr)
    return 0


def _quiet_print(text: str, *, file) -> None:
    try:
        print(text, file=file, flush=True)
    except (BrokenPipeError, OSError):
        pass


def data_dir_for_cli() -> Path:
    from verzek.config import get_settings

    return get_settings().data_dir
