"""`verzek admin ...`: operator actions without the API (bootstrap the first admin, set plans,
read the local email outbox)."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("admin", help="operator actions: set-plan, set-role, outbox")
    admin_sub = p.add_subparsers(dest="admin_command", metavar="ACTION")
    admin_sub.required = True
    plan = admin_sub.add_parser("set-plan", help="set a user's plan (trial | vip | premium)")
    plan.add_argument("email")
    plan.add_argument("plan", choices=["trial", "vip", "premium"])
    plan.set_defaults(func=set_plan)
    role = admin_sub.add_parser("set-role", help="set a user's role (user | admin)")
    role.add_argument("email")
    role.add_argument("role", choices=["user", "admin"])
    role.set_defaults(func=set_role)
    outbox = admin_sub.add_parser("outbox", help="show the latest emails in the local outbox")
    outbox.add_argument("--to", default=None, help="only emails to this address")
    outbox.add_argument("--limit", type=int, default=5)
    outbox.set_defaults(func=show_outbox)


def _change(column: str, email: str, value: str) -> int:
    from verzek.accounts import admin as service
    from verzek.accounts.errors import NotFound
    from verzek.cli import CliError
    from verzek.db import connection

    try:
        with connection() as conn:
            setter = service.set_plan if column == "plan" else service.set_role
            row = setter(conn, value, email=email)
    except NotFound:
        raise CliError(f"no user with email {email.strip().lower()}") from None
    print(f"{row['email']}: plan={row['plan']} role={row['role']}")
    return 0


def set_plan(args) -> int:
    return _change("plan", args.email, args.plan)


def set_role(args) -> int:
    return _change("role", args.email, args.role)


def show_outbox(args) -> int:
    from verzek.accounts.email import latest_outbox
    from verzek.db import connection

    with connection() as conn:
        mails = latest_outbox(conn, args.to, max(1, min(args.limit, 100)))
    if not mails:
        print("outbox is empty")
    for mail in reversed(mails):
        print(f"--- #{mail['id']} {mail['created_at']:%Y-%m-%d %H:%M:%S} to {mail['to_address']}: {mail['subject']}")
        print(mail["body"])
    return 0
