"""Local-only state kept in the data directory: generated secrets, demo logins, the running URL.

`verzek local` needs a JWT secret, a Fernet master key, a webhook secret and an ingest key but no
developer should have to make them: they are generated once into `<data dir>/local.json` (mode
0600) and reused, so tokens, encrypted keys and demo logins survive restarts. Variables already
set in the environment win. Never used outside `verzek local` and its `--send-signal` / `--press` / `--reply` helpers.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

DEMO_SOURCE_CHAT_ID = -1001000000001  # the demo VIP provider channel
DEMO_VIP_CHAT_ID = -1001000000002
DEMO_TRIAL_CHAT_ID = -1001000000003
DEMO_OPERATOR_CHAT_ID = -1001000000004  # the operator review chat (held / unrecognised posts, buttons)
DEMO_OPERATOR = {"id": 1000000001, "is_bot": False, "first_name": "Local operator", "username": "local_operator"}


def state_path(data_dir: Path) -> Path:
    return Path(data_dir) / "local.json"


def load_state(data_dir: Path) -> dict:
    path = state_path(data_dir)
    if path.exists():
        return json.loads(path.read_text())
    return {}


def save_state(data_dir: Path, state: dict) -> None:
    path = state_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(state, fh, indent=2)
    os.replace(tmp, path)


def ensure_local_environment(data_dir: Path) -> dict:
    """Fill unset settings with local defaults (generated secrets persisted in the data dir)."""
    from cryptography.fernet import Fernet

    state = load_state(data_dir)
    generated = state.setdefault("generated", {})
    generated.setdefault("JWT_SECRET", secrets.token_urlsafe(48))
    generated.setdefault("VERZEK_MASTER_KEY", Fernet.generate_key().decode())
    generated.setdefault("TELEGRAM_WEBHOOK_SECRET", secrets.token_urlsafe(24))
    generated.setdefault("HOUSE_INGEST_KEY", secrets.token_urlsafe(32))
    state.setdefault("demo", {"operator_email": "operator@verzek.local", "user_email": "demo@verzek.local",
                              "password": "Demo-" + secrets.token_urlsafe(12)})
    defaults = {
        **generated,
        "VERZEK_ENV": "local",
        "TELEGRAM_SOURCE_CHAT_IDS": str(DEMO_SOURCE_CHAT_ID),
        # The review loop is on locally: reviews print to the console (or go to a local Bot API server with
        # TELEGRAM_BOT_TOKEN); `verzek local --press` / `--reply` act as the demo operator.
        "TELEGRAM_OPERATOR_CHAT_ID": str(DEMO_OPERATOR_CHAT_ID),
        "TELEGRAM_OPERATOR_USER_IDS": str(DEMO_OPERATOR["id"]),
        "TRIAL_DELAY_MINUTES": "1",
        # The bundled replay sample is USDT-margined futures: a paper account starts with 10,000 USDT
        # (and 10,000 of any other quote currency it meets).
        "PAPER_START_BALANCE": "10000",
    }
    # Broadcast groups only when a bot can send to them: with TELEGRAM_BOT_TOKEN set and no chat ids
    # configured, the demo chat ids are used (a local Bot API server records them).
    if os.environ.get("TELEGRAM_BOT_TOKEN"):
        defaults.update({"TELEGRAM_VIP_CHAT_ID": str(DEMO_VIP_CHAT_ID), "TELEGRAM_TRIAL_CHAT_ID": str(DEMO_TRIAL_CHAT_ID)})
    for key, value in defaults.items():
        if not os.environ.get(key):
            os.environ[key] = value
    save_state(data_dir, state)
    return state
