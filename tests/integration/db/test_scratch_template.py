"""Scratch databases copied from a migrated template (`scratch_database(template=True)`): the template is
made once per server and migration set, and each copy has every migration without running any."""

from __future__ import annotations

import psycopg2
from verzek.db import scratch
from verzek.db.migrate import pending


def test_copies_of_the_template_are_migrated_without_migrating_them(pg_admin_dsn, monkeypatch):
    from verzek.db import migrate

    runs: list[str] = []
    real = migrate.apply_migrations

    def counting(dsn=None):
        runs.append(dsn)
        return real(dsn)

    monkeypatch.setattr(migrate, "apply_migrations", counting)  # scratch imports it where it uses it
    template = f"verzek_template_{scratch._migrations_digest()}"
    with scratch.scratch_database("verzek_tpl", server_dsn=pg_admin_dsn, template=True) as first:
        assert pending(first) == []
    built = len(runs)  # 0 when an earlier run on this server made the template, else 1 (the template)
    assert built <= 1
    with scratch.scratch_database("verzek_tpl", server_dsn=pg_admin_dsn, template=True, durable=False) as second:
        assert pending(second) == [] and len(runs) == built  # copied, not migrated
        with psycopg2.connect(second) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM paper_orders")  # the schema is there
            cur.execute("SHOW synchronous_commit")
            assert cur.fetchone()[0] == "off"  # the database's own setting, set on the copy
    admin = psycopg2.connect(pg_admin_dsn)
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT datname, datistemplate, datallowconn FROM pg_database WHERE datname LIKE 'verzek_t%%'")
            rows = cur.fetchall()
    finally:
        admin.close()
    assert (template, True, False) in rows  # kept for the next run, closed to connections
    assert not [r for r in rows if r[0].startswith("verzek_tpl_")]  # the copies are dropped
