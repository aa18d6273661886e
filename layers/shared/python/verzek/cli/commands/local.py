"""`verzek local`: the whole platform on this machine with embedded defaults."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("local", help="run the platform locally (embedded PostgreSQL, API, strategies, paper trading)")
    p.add_argument("--host", default=None, help="API bind address (default API_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="API port (default API_PORT or 8000; 0 = any free port)")
    p.set_defaults(func=run)


def run(args) -> int:
    from verzek.local.stack import run_local_stack

    return run_local_stack(args)
