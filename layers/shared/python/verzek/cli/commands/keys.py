"""`verzek keys generate` prints a new Fernet master key; `verzek keys rotate` re-encrypts every
exchange-key row and TOTP secret with the newest key (first in VERZEK_MASTER_KEY), or with KMS
data keys when KMS_KEY_ID is set.

Rotation procedure: prepend the new key (`VERZEK_MASTER_KEY=new,old`), deploy, run
`verzek keys rotate`, then drop the old key once the report shows nothing left on it.
"""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("keys", help="master encryption keys: generate, rotate")
    keys_sub = p.add_subparsers(dest="keys_command", metavar="ACTION")
    keys_sub.required = True
    gen = keys_sub.add_parser("generate", help="print a new Fernet master key")
    gen.set_defaults(func=generate)
    rot = keys_sub.add_parser("rotate", help="re-encrypt every stored secret with the newest key")
    rot.add_argument("--dry-run", action="store_true", help="report what would change, then roll back")
    rot.set_defaults(func=rotate)
    status = keys_sub.add_parser("status", help="count stored secrets per key id")
    status.set_defaults(func=key_status)


def generate(args) -> int:
    from verzek.security.keyring import generate_master_key, master_key_id

    key = generate_master_key()
    print(key)
    import sys

    print(f"key id: {master_key_id(key)} (put it first in VERZEK_MASTER_KEY, then run `verzek keys rotate`)",
          file=sys.stderr)
    return 0


def rotate(args) -> int:
    from verzek.cli import CliError
    from verzek.db import connect
    from verzek.security.keyring import KeyringError
    from verzek.security.keystore import rotate_all

    conn = connect()
    try:
        try:
            report = rotate_all(conn)
        except KeyringError as exc:
            conn.rollback()
            raise CliError(str(exc)) from None
        if args.dry_run:
            conn.rollback()
        else:
            conn.commit()
    finally:
        conn.close()
    verb = "would re-encrypt" if args.dry_run else "re-encrypted"
    print(f"target key: {report.target_key_id}")
    print(f"exchange accounts: {verb} {report.accounts_reencrypted}, already current {report.accounts_already_current}")
    print(f"totp secrets: {verb} {report.totp_reencrypted}, already current {report.totp_already_current}")
    for failure in report.failures:
        print(f"FAILED {failure}")
    if not report.failures and not args.dry_run:
        print("every exchange-key row is bound to its owner: set KEYS_ACCEPT_UNBOUND=false")
    return 1 if report.failures else 0


def key_status(args) -> int:
    from verzek.db import connect

    conn = connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT key_id, count(*) AS n FROM exchange_accounts GROUP BY key_id ORDER BY key_id")
            rows = cur.fetchall()
            cur.execute("SELECT split_part(totp_secret_enc, '$', 1) AS key_id, count(*) AS n FROM users "
                        "WHERE totp_secret_enc IS NOT NULL GROUP BY 1 ORDER BY 1")
            totp = cur.fetchall()
    finally:
        conn.close()
    for row in rows:
        print(f"exchange accounts  {row['key_id']}: {row['n']}")
    for row in totp:
        print(f"totp secrets       {row['key_id']}: {row['n']}")
    if not rows and not totp:
        print("no stored secrets")
    return 0
