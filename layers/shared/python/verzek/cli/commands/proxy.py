"""`verzek proxy`: run the static-IP proxy node with uvicorn. `--workers N` runs N processes sharing
the node's state file (PROXY_NODE_STATE_PATH: nonces, rate buckets, exchange budgets and bans);
without a state file the node runs as one process, enforced here."""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("proxy", help="run the static-IP exchange proxy node",
                                   description="Run the HMAC-authenticated exchange proxy node (settings from "
                                               "PROXY_NODE_* environment variables; see proxy_node/README.md).")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1, behind nginx)")
    parser.add_argument("--port", type=int, default=8081, help="bind port (default 8081)")
    parser.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"],
                        help="uvicorn's own log level; request lines are logged as JSON regardless")
    parser.add_argument("--workers", type=int, default=1,
                        help="worker processes (default 1); more than one needs PROXY_NODE_STATE_PATH")
    parser.add_argument("--check", action="store_true", help="validate the settings and exit")
    parser.set_defaults(func=run)


def run(args) -> int:
    from pydantic import ValidationError

    from verzek.cli import CliError

    if not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    from proxy_node.settings import NodeSettings

    try:
        settings = NodeSettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"invalid proxy node settings: {first.get('msg', 'invalid value')}") from None
    if not settings.key_table():
        raise CliError("PROXY_NODE_HMAC_KEYS is empty: set it to 'keyid:secret' (see proxy_node/README.md)")
    if not 1 <= args.workers <= 64:
        raise CliError(f"--workers must be between 1 and 64, not {args.workers}")
    if args.workers > 1 and not settings.state_path.strip():
        raise CliError("--workers > 1 needs PROXY_NODE_STATE_PATH: without a shared state file each worker would "
                       "keep its own nonces and budgets (a replay accepted twice, an exchange limit counted per worker)")
    if args.check:
        print(f"proxy node settings OK: node {settings.node_id}, {len(settings.key_table())} key(s), "
              f"{len(settings.allowed_host_set())} allowed hosts, {args.workers} worker(s), state "
              f"{settings.state_path or 'in memory (one process)'}")
        return 0

    import uvicorn

    from proxy_node.app import create_app

    # Several workers: each process builds its app from the same environment (the factory by name).
    app = create_app(settings) if args.workers == 1 else "proxy_node.app:create_app"
    uvicorn.run(app, factory=args.workers > 1, host=args.host, port=args.port, workers=args.workers,
                log_level=args.log_level,
                proxy_headers=False, server_header=False, date_header=False, timeout_graceful_shutdown=20,
                timeout_keep_alive=30)
    return 0
