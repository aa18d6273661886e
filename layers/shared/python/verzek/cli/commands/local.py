"""`verzek local`: the whole platform on this machine with embedded defaults."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("local", help="run the platform locally (embedded PostgreSQL, API, strategies, paper trading)")
    p.add_argument("--host", default=None, help="API bind address (default API_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="API port (default API_PORT or 8000; 0 = any free port)")
    p.add_argument("--market-data", choices=("replay", "live"), default="replay",
                   help="replay recorded candles (default) or use live ccxt data (needs internet)")
    p.add_argument("--speed", type=float, default=120.0,
                   help="replay speed: recorded seconds per wall-clock second (default 120)")
    p.add_argument("--replay-data", default=None, metavar="DIR",
                   help="directory of recorded candles to replay (default: the bundled Binance USDT-M futures "
                        "sample, BTC/ETH/SOL/XRP/BNB/DOGE, 2025-05-05 → 2025-06-02)")
    p.add_argument("--replay-start", default=None,
                   help="replay start, ISO-8601 UTC or epoch ms (default: where the last run stopped)")
    p.add_argument("--no-strategies", action="store_true", help="do not run the house strategies")
    p.add_argument("--monitor-interval", type=float, default=0.5, help="seconds between position monitor runs")
    p.add_argument("--verbose", action="store_true", help="show the JSON logs (default: errors only)")
    p.add_argument("--send-signal", metavar="TEXT", default=None,
                   help="post TEXT as a VIP channel post to the running local stack's webhook, then exit")
    p.add_argument("--press", nargs=2, metavar=("MESSAGE_ID", "DATA"), default=None,
                   help="as the demo operator, press the button DATA under review message MESSAGE_ID (both printed "
                        "with the review), then exit")
    p.add_argument("--reply", nargs=2, metavar=("MESSAGE_ID", "TEXT"), default=None,
                   help="as the demo operator, reply to review message MESSAGE_ID with corrected TEXT, then exit")
    p.set_defaults(func=run)


def run(args) -> int:
    from verzek.local.stack import run_local_stack

    return run_local_stack(args)
