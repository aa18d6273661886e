"""Trading settings (live gate, validation, audit), the signals feed (TRIAL policy, filters, pages),
positions (PnL, orders, manual close through the queue), push devices."""

from __future__ import annotations

from tests.integration.api.seed import insert_event, insert_position, insert_signal
from tests.integration.api.test_exchange_accounts import add


def test_settings_defaults_update_and_validation(client, db, signup):
    user = signup("set@example.com")
    url = f"/api/users/{user.id}/settings"
    defaults = client.get(url, headers=user.headers).json()
    assert defaults["mode"] == "paper" and defaults["size_value"] == "100" and defaults["tp_split"] == ["50", "30", "20"]
    changed = client.patch(url, headers=user.headers, json={
        "auto_trade": True, "size_type": "percent", "size_value": "2.5", "leverage_cap": 5, "max_open_positions": 3,
        "dca_enabled": True, "dca_safety_orders": 3, "dca_step_pct": 1.5, "dca_volume_scale": "2",
        "tp_split": [40, 30, 30], "breakeven_after_tp": 1, "follow_sources": ["vip", "trend", "qfl"]})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["size_value"], body["dca_step_pct"], body["tp_split"], body["follow_sources"]) == (
        "2.5", "1.5", ["40", "30", "30"], ["vip", "trend", "qfl"])

    for bad in ({"tp_split": [50, 30]}, {"follow_sources": ["vip", "moon"]}, {"leverage_cap": 500},
                {"size_value": 150}, {"dca_step_pct": 0}, {"leverage_cap": None}, {"size_value": "NaN"},
                {"symbol_allow": ["btc/usdt"]}, {"unknown_field": 1}):
        answer = client.patch(url, headers=user.headers, json=bad)
        assert answer.status_code == 422, (bad, answer.text)
        assert "error" in answer.json()
    assert client.get(url, headers=user.headers).json()["tp_split"] == ["40", "30", "30"]  # unchanged

    with db.cursor() as cur:
        cur.execute("SELECT details FROM audit_log WHERE action = 'settings.changed'")
        rows = cur.fetchall()
    db.commit()
    assert len(rows) == 1 and "tp_split" in rows[0]["details"]["fields"]


def test_live_mode_needs_verified_email_enabled_account_and_confirmation(client, db, signup):
    unverified = signup("unver@example.com", verify=False)
    account = add(client, unverified).json()["account"]["id"]
    url = f"/api/users/{unverified.id}/settings"
    refused = client.patch(url, headers=unverified.headers,
                           json={"mode": "live", "exchange_account_id": account, "confirm_live": True})
    assert refused.status_code == 422 and "verified email" in refused.json()["error"]

    user = signup("live@example.com")
    url = f"/api/users/{user.id}/settings"
    no_account = client.patch(url, headers=user.headers, json={"mode": "live", "confirm_live": True})
    assert no_account.status_code == 422 and "exchange_account_id" in no_account.json()["error"]
    foreign = client.patch(url, headers=user.headers, json={"mode": "live", "exchange_account_id": account,
                                                            "confirm_live": True})
    assert foreign.status_code == 422  # another user's account id is "no such exchange account"
    own = add(client, user).json()["account"]["id"]
    unconfirmed = client.patch(url, headers=user.headers, json={"mode": "live", "exchange_account_id": own})
    assert unconfirmed.status_code == 422 and "confirm_live" in unconfirmed.json()["error"]
    live = client.patch(url, headers=user.headers, json={"mode": "live", "exchange_account_id": own,
                                                         "confirm_live": True})
    assert live.status_code == 200 and live.json()["mode"] == "live" and live.json()["live_confirmed_at"]
    paper = client.patch(url, headers=user.headers, json={"mode": "paper"}).json()
    assert paper["live_confirmed_at"] is None

    killed = client.put(f"/api/users/{user.id}/kill-switch", headers=user.headers, json={"enabled": True})
    assert killed.json()["kill_switch"] is True
    with db.cursor() as cur:
        cur.execute("SELECT action, details FROM audit_log WHERE user_id = %s AND action IN "
                    "('live_mode.switched', 'kill_switch.user') ORDER BY id", (user.id,))
        rows = [(r["action"], r["details"].get("mode", r["details"].get("enabled"))) for r in cur.fetchall()]
    db.commit()
    assert rows == [("live_mode.switched", "live"), ("live_mode.switched", "paper"), ("kill_switch.user", True)]


def test_signals_feed_vip_sees_all_trial_sees_delayed_without_targets(client, db, signup, settings_env):
    settings_env(TRIAL_DELAY_MINUTES=30, TRIAL_WITHHOLD_TARGETS="true")
    vip = signup("vip@example.com", plan="vip")
    trial = signup("trial@example.com")
    fresh = insert_signal(db, age_minutes=1)
    old = insert_signal(db, age_minutes=45)
    insert_event(db, old)
    house = insert_signal(db, source="trend", symbol="ETH/USDT", age_minutes=50, status="closed")

    vip_feed = client.get("/api/signals", headers=vip.headers).json()
    assert [s["id"] for s in vip_feed["items"]] == [fresh, old, house]
    assert vip_feed["items"][0]["targets"] == ["61000", "62000"] and vip_feed["items"][0]["entries"] == ["60000.5"]

    trial_feed = client.get("/api/signals", headers=trial.headers).json()
    assert [s["id"] for s in trial_feed["items"]] == [old, house]
    assert all(s["targets"] == [] and s["targets_withheld"] and s["raw_text"] is None for s in trial_feed["items"])
    assert client.get(f"/api/signals/{fresh}", headers=trial.headers).status_code == 404
    detail = client.get(f"/api/signals/{old}", headers=trial.headers).json()
    assert detail["targets"] == [] and detail["events"][0]["kind"] == "tp_hit" and detail["events"][0]["price"] is None
    vip_detail = client.get(f"/api/signals/{old}", headers=vip.headers).json()
    assert vip_detail["events"][0]["price"] == "61000"

    by_source = client.get("/api/signals", headers=vip.headers, params={"source": "trend"}).json()["items"]
    assert [s["id"] for s in by_source] == [house]
    by_symbol = client.get("/api/signals", headers=vip.headers, params={"symbol": "BTC/USDT", "status": "open"})
    assert [s["id"] for s in by_symbol.json()["items"]] == [fresh, old]

    page1 = client.get("/api/signals", headers=vip.headers, params={"limit": 2}).json()
    page2 = client.get("/api/signals", headers=vip.headers, params={"limit": 2, "cursor": page1["next_cursor"]}).json()
    assert [s["id"] for s in page1["items"] + page2["items"]] == [fresh, old, house] and page2["next_cursor"] is None
    assert client.get("/api/signals", headers=vip.headers, params={"cursor": "bm9wZQ"}).status_code == 422

    settings_env(TRIAL_DELAY_MINUTES=0, TRIAL_WITHHOLD_TARGETS="false")
    open_trial = client.get("/api/signals", headers=trial.headers).json()["items"]
    assert len(open_trial) == 3 and open_trial[0]["targets"] == ["61000", "62000"]

    # a stop the provider wrote as a share of the price comes with the signal (and no stop price)
    assert vip_feed["items"][0]["stop_loss_pct"] is None
    with db, db.cursor() as cur:
        cur.execute("UPDATE signals SET stop_loss = NULL, stop_loss_pct = 2.5 WHERE id = %s", (fresh,))
    shared = client.get(f"/api/signals/{fresh}", headers=vip.headers).json()
    assert shared["stop_loss"] is None and shared["stop_loss_pct"] == "2.5"


def test_positions_orders_pnl_and_manual_close(client, db, signup, queue):
    user = signup("pos@example.com")
    open_id = insert_position(db, user.id, insert_signal(db, message_id=1))
    closed_id = insert_position(db, user.id, insert_signal(db, message_id=2), status="closed", realized="40.25",
                                unrealized="0")
    base = f"/api/users/{user.id}/positions"
    assert [p["id"] for p in client.get(base, headers=user.headers, params={"status": "open"}).json()["items"]] \
        == [open_id]
    assert [p["id"] for p in client.get(base, headers=user.headers, params={"status": "closed"}).json()["items"]] \
        == [closed_id]
    detail = client.get(f"{base}/{open_id}", headers=user.headers).json()
    assert detail["entry_price"] == "60000.5" and detail["orders"][0]["client_order_id"] == f"vz-{open_id}-entry"
    assert detail["currency"] == "USDT"
    assert (detail["funding"], detail["net_realized_pnl"]) == ("0", "-0.3")  # net = after fees (and funding)
    with db, db.cursor() as cur:  # the paper account's rows (migration 0012)
        cur.execute("INSERT INTO paper_balances (user_id, asset, total) VALUES (%s, 'USDT', 9400.25), "
                    "(%s, 'BTC', 0.5), (%s, 'ETH', 3)", (user.id, user.id, user.id))
    summary = client.get(f"{base}/summary", headers=user.headers).json()
    # equity = balance + what the open positions add: a spot position the coins it holds (0.01 x 60000.5)
    usdt = {"mode": "paper", "currency": "USDT", "open_positions": 1, "closed_positions": 1, "balance": "9400.25",
            "equity": "10000.255", "balance_error": None, "realized_pnl": "40.25", "fees": "0.6", "funding": "0",
            "net_realized_pnl": "39.65", "unrealized_pnl": "12.5"}
    assert summary == {"open_positions": 1, "closed_positions": 1, "currencies": [usdt]}

    # A BTC-quoted spot position and a USDT-settled perpetual that paid funding: amounts stay with their own
    # currency; the ETH held (a base coin, not a quote currency) is no entry of its own.
    insert_position(db, user.id, insert_signal(db, message_id=3), status="closed", realized="0.002", unrealized="0",
                    fees="0.0001", symbol="ETH/BTC")
    insert_position(db, user.id, insert_signal(db, message_id=4), unrealized="-2.5", fees="0.1",
                    symbol="BTC/USDT:USDT", funding="-0.35")
    summary = client.get(f"{base}/summary", headers=user.headers).json()
    assert summary == {"open_positions": 2, "closed_positions": 2, "currencies": [
        {"mode": "paper", "currency": "BTC", "open_positions": 0, "closed_positions": 1, "balance": "0.5",
         "equity": "0.5", "balance_error": None, "realized_pnl": "0.002", "fees": "0.0001", "funding": "0",
         "net_realized_pnl": "0.0019", "unrealized_pnl": "0"},
        {**usdt, "open_positions": 2, "fees": "0.7", "funding": "-0.35", "net_realized_pnl": "39.2",
         "unrealized_pnl": "10", "equity": "9997.755"}]}  # the perpetual adds its unrealised -2.5, not its margin
    listed = client.get(base, headers=user.headers).json()["items"]
    currencies = {p["symbol"]: p["currency"] for p in listed}
    assert currencies == {"BTC/USDT": "USDT", "ETH/BTC": "BTC", "BTC/USDT:USDT": "USDT"}
    # the market's steps for display (recorded Binance rules); a market nobody recorded: null, shown exactly
    steps = {p["symbol"]: (p["price_step"], p["amount_step"]) for p in listed}
    assert steps == {"BTC/USDT": ("0.01", "0.00001"), "BTC/USDT:USDT": ("0.1", "0.001"), "ETH/BTC": (None, None)}
    from verzek.local.console import ConsoleSummary  # the local stack's console: per user and currency too

    line = ConsoleSummary().status_line()
    assert line.endswith(
        f"positions open 2 closed 2 | PnL user {user.id} paper BTC: balance 0.50000000 BTC, equity 0.50000000 BTC, "
        "net realised +0.00190000 BTC (after fees 0.00010000 BTC and funding 0.00000000 BTC), unrealised "
        "0.00000000 BTC; paper USDT: balance 9400.25 USDT, equity 9997.76 USDT, net realised +39.20 USDT (after "
        "fees 0.70 USDT and funding -0.35 USDT), unrealised +10.00 USDT"), line

    assert client.post(f"{base}/{closed_id}/close", headers=user.headers).status_code == 409
    accepted = client.post(f"{base}/{open_id}/close", headers=user.headers)
    assert accepted.status_code == 202 and accepted.json() == {"status": "close_requested", "position_id": open_id}
    assert queue.sent == [({"type": "close_position", "position_id": open_id, "user_id": user.id,
                            "reason": "manual"}, f"close-{open_id}")]
    assert client.get(f"{base}/99999", headers=user.headers).status_code == 404


def test_positions_carry_the_steps_of_their_own_exchange(client, db, signup, settings_env):
    # display rounding (price_step / amount_step) follows each position's exchange: its recorded market rules
    settings_env(PAPER_EXCHANGE="phemex")
    user = signup("steps@example.com")
    insert_position(db, user.id, insert_signal(db, message_id=21), mode="live", exchange="bybit")
    insert_position(db, user.id, insert_signal(db, message_id=22), symbol="ADA/USDT", mode="live", exchange="kraken")
    insert_position(db, user.id, insert_signal(db, message_id=23), symbol="ETH/USDT:USDT", exchange="paper")
    listed = client.get(f"/api/users/{user.id}/positions", headers=user.headers).json()["items"]
    steps = {p["symbol"]: (p["price_step"], p["amount_step"]) for p in listed}
    assert steps == {"BTC/USDT": ("0.1", "0.000001"),          # Bybit spot (Binance: 0.01 / 0.00001)
                     "ADA/USDT": ("0.000001", "0.00000001"),    # Kraken spot
                     "ETH/USDT:USDT": ("0.01", "0.01")}         # paper under PAPER_EXCHANGE=phemex


def test_push_devices(client, signup):
    user = signup("push@example.com")
    other = signup("push2@example.com")
    url = f"/api/users/{user.id}/devices"
    token = "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]"
    first = client.post(url, headers=user.headers, json={"token": token, "platform": "ios"})
    again = client.post(url, headers=user.headers, json={"token": token, "platform": "ios"})
    assert first.status_code == 201 and again.json()["id"] == first.json()["id"]  # idempotent
    assert client.post(url, headers=user.headers, json={"token": "not-an-expo-token"}).status_code == 422
    # The phone changes hands: the token follows the account that registers it last.
    client.post(f"/api/users/{other.id}/devices", headers=other.headers, json={"token": token})
    assert client.get(url, headers=user.headers).json() == []
    device_id = client.get(f"/api/users/{other.id}/devices", headers=other.headers).json()[0]["id"]
    assert client.delete(f"/api/users/{other.id}/devices/{device_id}", headers=other.headers).status_code == 204
    assert client.get(f"/api/users/{other.id}/devices", headers=other.headers).json() == []


def test_protection_settings_are_validated(client, signup):
    # issue 13 item 10: the protections are per user, off until their trigger is set
    user = signup("protect@example.com")
    url = f"/api/users/{user.id}/settings"
    defaults = client.get(url, headers=user.headers).json()
    assert (defaults["sl_guard_trades"], defaults["max_drawdown_pct"], defaults["low_profit_trades"]) == (None,) * 3
    changed = client.patch(url, headers=user.headers, json={
        "sl_guard_trades": 3, "sl_guard_lookback_minutes": 120, "sl_guard_pause_minutes": 30, "max_drawdown_pct": "15",
        "low_profit_trades": 2, "low_profit_min_pct": "-1.5"})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["sl_guard_trades"], body["sl_guard_pause_minutes"], body["max_drawdown_pct"],
            body["low_profit_min_pct"]) == (3, 30, "15", "-1.5")
    for bad in ({"sl_guard_trades": 0}, {"sl_guard_lookback_minutes": None}, {"sl_guard_pause_minutes": 50000},
                {"max_drawdown_pct": 0}, {"max_drawdown_pct": 101}, {"low_profit_trades": "many"},
                {"low_profit_min_pct": "NaN"}, {"low_profit_lock_minutes": 0}):
        answer = client.patch(url, headers=user.headers, json=bad)
        assert answer.status_code == 422, (bad, answer.text)
    assert client.get(url, headers=user.headers).json()["sl_guard_trades"] == 3  # unchanged
    assert client.patch(url, headers=user.headers, json={"sl_guard_trades": None}).json()["sl_guard_trades"] is None


def test_the_opposite_signal_policy_takes_hedge_and_nothing_unknown(client, signup):
    # issue 13 item 1: refuse (default), reverse or hedge; whether a live account can hedge is read from the
    # exchange at each trade (a one-way account refuses the opposite signal then, with the reason)
    user = signup("hedge@example.com")
    url = f"/api/users/{user.id}/settings"
    assert client.get(url, headers=user.headers).json()["opposite_signal_policy"] == "refuse"
    changed = client.patch(url, headers=user.headers, json={"opposite_signal_policy": "hedge"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["opposite_signal_policy"] == "hedge"
    for bad in ({"opposite_signal_policy": "both"}, {"opposite_signal_policy": None}, {"opposite_signal_policy": 1}):
        answer = client.patch(url, headers=user.headers, json=bad)
        assert answer.status_code == 422, (bad, answer.text)
    assert client.get(url, headers=user.headers).json()["opposite_signal_policy"] == "hedge"
