"""`verzek migrate`: apply pending SQL migrations to DATABASE_URL (or the embedded server)."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("migrate", help="apply pending database migrations (no-op when up to date)")
    p.add_argument("--status", action="store_true", help="only list pending migrations")
    p.set_defaults(func=run)


def run(args) -> int:
    from verzek.cli import CliError
    from verzek.db.embedded import EmbeddedDatabaseError
    from verzek.db.migrate import apply_migrations, pending

    try:
        if args.status:
            todo = pending()
            print("up to date" if not todo else "pending: " + ", ".join(todo))
            return 0
        applied = apply_migrations()
    except EmbeddedDatabaseError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # psycopg2 / yoyo errors: one readable line, no DSN
        raise CliError(f"migration failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    print("applied: " + ", ".join(applied) if applied else "up to date")
    return 0
