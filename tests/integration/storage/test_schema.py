"""Schema v1 against a real PostgreSQL: migrations idempotent, constraints refuse bad data."""

from decimal import Decimal

import psycopg2
import pytest
from verzek.db.migrate import apply_migrations, pending


def _user(cur, email="a@example.com"):
    cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, 'x') RETURNING id", (email,))
    return cur.fetchone()["id"]


def _signal(cur, **over):
    row = dict(source="vip", provider_chat_id=-100, provider_message_id=1, external_id=None, symbol="BTC/USDT",
               side="long", entry_type="limit", entries=[Decimal("100.5")], targets=[Decimal(110)],
               stop_loss=Decimal(95))
    row.update(over)
    cur.execute(
        "INSERT INTO signals (source, provider_chat_id, provider_message_id, external_id, symbol, side, entry_type,"
        " entries, targets, stop_loss) VALUES (%(source)s, %(provider_chat_id)s, %(provider_message_id)s,"
        " %(external_id)s, %(symbol)s, %(side)s, %(entry_type)s, %(entries)s, %(targets)s, %(stop_loss)s)"
        " RETURNING id", row)
    return cur.fetchone()["id"]


def test_migrations_are_idempotent(db_dsn):
    assert pending(db_dsn) == []
    assert apply_migrations(db_dsn) == []


def test_money_round_trips_exactly_as_decimal(db):
    with db, db.cursor() as cur:
        sid = _signal(cur, entries=[Decimal("0.000012345678901234"), Decimal("65432.1")])
        cur.execute("SELECT entries, stop_loss FROM signals WHERE id = %s", (sid,))
        row = cur.fetchone()
    assert row["entries"] == [Decimal("0.000012345678901234"), Decimal("65432.1")]
    assert isinstance(row["stop_loss"], Decimal)


@pytest.mark.parametrize("bad", [
    dict(side="up"),
    dict(source="somebody"),
    dict(entry_type="whatever"),
    dict(stop_loss=Decimal(-1)),
    dict(external_id="also-set"),  # two identities
    dict(provider_chat_id=None, provider_message_id=None),  # no identity
])
def test_signal_constraints_refuse_bad_rows(db, bad):
    with pytest.raises(psycopg2.IntegrityError), db, db.cursor() as cur:
        _signal(cur, **bad)


def test_same_provider_message_is_stored_once(db):
    with db, db.cursor() as cur:
        _signal(cur)
    with pytest.raises(psycopg2.errors.UniqueViolation), db, db.cursor() as cur:
        _signal(cur)


def test_one_position_per_user_and_signal_and_unique_client_order_ids(db):
    with db, db.cursor() as cur:
        uid = _user(cur)
        sid = _signal(cur)
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type)"
                    " VALUES (%s, %s, 'paper', 'paper', 'BTC/USDT', 'long', 'spot') RETURNING id", (uid, sid))
        pid = cur.fetchone()["id"]
        cur.execute("INSERT INTO orders (position_id, user_id, client_order_id, role, side, order_type, price, amount)"
                    " VALUES (%s, %s, 'vz-1-1-e0', 'entry', 'buy', 'limit', 100, 1)", (pid, uid))
    with pytest.raises(psycopg2.errors.UniqueViolation), db, db.cursor() as cur:
        cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type)"
                    " VALUES (%s, %s, 'paper', 'paper', 'BTC/USDT', 'long', 'spot')", (uid, sid))
    with pytest.raises(psycopg2.errors.UniqueViolation):
        with db, db.cursor() as cur:
            cur.execute("INSERT INTO orders (position_id, user_id, client_order_id, role, side, order_type, amount)"
                        " VALUES (%s, %s, 'vz-1-1-e0', 'entry', 'buy', 'market', 1)", (pid, uid))
    with pytest.raises(psycopg2.errors.CheckViolation):
        with db, db.cursor() as cur:  # filled can never exceed the order amount
            cur.execute("INSERT INTO orders (position_id, user_id, client_order_id, role, side, order_type, amount,"
                        " filled) VALUES (%s, %s, 'vz-x', 'entry', 'buy', 'market', 1, 2)", (pid, uid))


def test_user_email_unique_and_lowercase(db):
    with db, db.cursor() as cur:
        _user(cur, "x@example.com")
    with pytest.raises(psycopg2.errors.UniqueViolation), db, db.cursor() as cur:
        _user(cur, "x@example.com")
    with pytest.raises(psycopg2.errors.CheckViolation), db, db.cursor() as cur:
        _user(cur, "Upper@Example.com")


def test_live_mode_needs_confirmation_and_sources_are_known(db):
    with db, db.cursor() as cur:
        uid = _user(cur)
        cur.execute("INSERT INTO trading_settings (user_id) VALUES (%s)", (uid,))
    with pytest.raises(psycopg2.errors.CheckViolation), db, db.cursor() as cur:
        cur.execute("UPDATE trading_settings SET mode = 'live' WHERE user_id = %s", (uid,))
    with pytest.raises(psycopg2.errors.CheckViolation):
        with db, db.cursor() as cur:
            cur.execute("UPDATE trading_settings SET follow_sources = '{vip,martians}' WHERE user_id = %s", (uid,))


def test_failed_migration_rolls_back_whole(db_dsn, tmp_path, monkeypatch):
    from verzek.db import migrate

    bad = tmp_path / "migrations"
    bad.mkdir()
    for f in migrate.MIGRATIONS_DIR.glob("*.sql"):
        (bad / f.name).write_text(f.read_text())
    (bad / "9999_broken.sql").write_text(
        "CREATE TABLE half_done (id int);\nINSERT INTO half_done VALUES (1);\nSELECT no_such_function();\n")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", bad)
    with pytest.raises(Exception):
        migrate.apply_migrations(db_dsn)
    conn = psycopg2.connect(db_dsn)
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('public.half_done')")
        assert cur.fetchone()[0] is None
        cur.execute("SELECT count(*) FROM _yoyo_migration WHERE migration_id = '9999_broken'")
        assert cur.fetchone()[0] == 0
    conn.close()
