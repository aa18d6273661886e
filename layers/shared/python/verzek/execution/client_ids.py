"""Deterministic client order ids: the same (signal, user, role, leg, revision) always gives the
same id, so a redelivered job or a retry after a crash asks the exchange about the *same* order
instead of placing a new one (and exchanges refuse a duplicate open client id).

Format: ``vz<signal b36>-<user b36>-<role><leg>[r<rev>]``, e.g. ``vz2n9c-rs-e0``, ``vz2n9c-rs-t2r1``.
Characters are [a-z0-9-]: accepted by Binance (``^[.A-Z:/a-z0-9_-]{1,36}$``), Bybit orderLinkId
(36), Phemex clOrdID (40) and Kraken cl_ord_id. The longest possible id (both ids at 2**63-1,
leg 99, rev 99) is 36 characters.
"""

from __future__ import annotations

import re

MAX_LENGTH = 36
ROLE_CODES = {"entry": "e", "safety": "s", "tp": "t", "sl": "l", "close": "c", "liquidation": "q"}
_CODE_ROLES = {v: k for k, v in ROLE_CODES.items()}
_PATTERN = re.compile(r"^vz(?P<signal>[0-9a-z]+)-(?P<user>[0-9a-z]+)-(?P<role>[estlcq])(?P<leg>\d{1,2})"
                      r"(?:r(?P<rev>\d{1,2}))?$")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _b36(value: int) -> str:
    if value <= 0:
        raise ValueError("ids must be positive")
    out = []
    while value:
        value, rem = divmod(value, 36)
        out.append(_DIGITS[rem])
    return "".join(reversed(out))


def client_order_id(signal_id: int, user_id: int, role: str, leg: int = 0, revision: int = 0) -> str:
    if role not in ROLE_CODES:
        raise ValueError(f"unknown order role {role!r}")
    if not 0 <= leg <= 99 or not 0 <= revision <= 99:
        raise ValueError("leg and revision must be between 0 and 99")
    if signal_id >= 2**63 or user_id >= 2**63:
        raise ValueError("ids must fit in bigint")
    cid = f"vz{_b36(signal_id)}-{_b36(user_id)}-{ROLE_CODES[role]}{leg}" + (f"r{revision}" if revision else "")
    assert len(cid) <= MAX_LENGTH
    return cid


# Protective (resting, reduce-only) stop orders: role "sl", stop version v -> leg 1 + v // 100,
# revision v % 100 (leg 0 of "sl" is the monitor's market close after a stop), so a stop can be
# moved 9,899 times and every version has its own id: `...-l1` (v0), `...-l1r7` (v7), `...-l2` (v100).
MAX_STOP_VERSION = 98 * 100 + 99


def protective_stop_id(signal_id: int, user_id: int, version: int) -> str:
    if not 0 <= version <= MAX_STOP_VERSION:
        raise ValueError(f"stop version must be between 0 and {MAX_STOP_VERSION}")
    return client_order_id(signal_id, user_id, "sl", 1 + version // 100, version % 100)


def protective_stop_version(cid: str) -> int | None:
    """The stop version encoded in a protective stop's id, or None for any other id."""
    parts = parse_client_order_id(cid)
    if parts is None or parts["role"] != "sl" or parts["leg"] < 1:
        return None
    return (parts["leg"] - 1) * 100 + parts["revision"]


def parse_client_order_id(cid: str) -> dict | None:
    """The parts of one of our ids, or None for an id we did not make (e.g. a manual order)."""
    match = _PATTERN.match(cid or "")
    if not match:
        return None
    return {"signal_id": int(match["signal"], 36), "user_id": int(match["user"], 36),
            "role": _CODE_ROLES[match["role"]], "leg": int(match["leg"]), "revision": int(match["rev"] or 0)}
