"""The local stack behind `verzek local`: database, migrations, API server; clean start and stop."""

from __future__ import annotations

import errno
import signal
import socket
import sys
import threading

from verzek.cli import CliError


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


def prepare_database() -> None:
    from verzek.db.embedded import EmbeddedDatabaseError
    from verzek.db.migrate import apply_migrations

    try:
        applied = apply_migrations()
    except EmbeddedDatabaseError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:
        raise CliError(f"database not reachable or migration failed: {type(exc).__name__}") from None
    print("database: migrations " + (", ".join(applied) if applied else "up to date"), flush=True)


def run_local_stack(args) -> int:
    import uvicorn
    from pydantic import ValidationError

    try:
        from verzek.config import get_settings

        settings = get_settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"bad configuration: {first.get('loc')}: {first.get('msg')}") from None
    host = args.host or settings.api_host
    port = settings.api_port if args.port is None else args.port
    _check_port_free(host, port)
    prepare_database()

    from verzek.api.app import create_app

    config = uvicorn.Config(create_app(), host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    stop = threading.Event()

    def _stop(*_):
        stop.set()
        server.should_exit = True

    signal.signal(signal.SIGTERM, _stop)
    thread = threading.Thread(target=server.run, name="api", daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        thread.join(0.05)
    if not thread.is_alive():
        raise CliError("API server failed to start")
    bound = server.servers[0].sockets[0].getsockname()[1] if server.servers else port
    print(f"API:    http://{host}:{bound}   (docs: http://{host}:{bound}/docs)", flush=True)
    print("ready", flush=True)
    try:
        while thread.is_alive() and not stop.is_set():
            thread.join(0.2)
    except KeyboardInterrupt:
        pass
    # A second Ctrl-C must not tear the shutdown in half.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    server.should_exit = True
    thread.join(10)
    from verzek.db import close_pool
    from verzek.db.embedded import stop_embedded_servers

    close_pool()
    stop_embedded_servers()
    print("stopped", file=sys.stderr, flush=True)
    return 0
