"""Expo push client and notifier against a local Expo double on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.integration.api.expo_double import ExpoDouble

GOOD = "ExponentPushToken[good-device-000000000]"
GONE = "ExponentPushToken[gone-device-000000000]"


@pytest.fixture
def expo():
    with ExpoDouble() as double:
        yield double


def test_notifier_pushes_to_the_users_devices_and_disables_gone_ones(client, db, signup, expo, settings_env):
    from verzek.notify.push import PushNotifier
    from verzek.ports import Notification

    settings_env(EXPO_PUSH_URL=expo.url, EXPO_ACCESS_TOKEN="expo-access-token-123")
    user = signup("phone@example.com")
    for token in (GOOD, GONE):
        client.post(f"/api/users/{user.id}/devices", headers=user.headers, json={"token": token, "platform": "ios"})
    expo.unregistered.add(GONE)
    expo.fail_next = 1  # a transient 503 is retried

    sent = PushNotifier().send(Notification(kind="position_opened", text="BTC/USDT long opened at 60000.5",
                                            user_id=user.id, data={"position_id": 7}))
    assert sent == 1
    assert [m["to"] for m in expo.received[0]] == [GOOD, GONE]
    assert expo.received[0][0]["body"] == "BTC/USDT long opened at 60000.5"
    assert expo.received[0][0]["data"] == {"kind": "position_opened", "position_id": 7}
    assert expo.headers[0]["authorization"] == "Bearer expo-access-token-123"
    devices = {d["token"]: d["enabled"] for d in
               client.get(f"/api/users/{user.id}/devices", headers=user.headers).json()}
    assert devices == {GOOD: True, GONE: False}

    PushNotifier().send(Notification(kind="tp_hit", text="TP1 hit", user_id=user.id))
    assert [m["to"] for m in expo.received[1]] == [GOOD]  # the gone device is no longer pushed to
    assert PushNotifier().send(Notification(kind="note", text="x", user_id=None)) == 0


def test_client_batches_and_reports_refusals(expo, settings_env):
    from verzek.notify.push import ExpoPushClient, PushError, PushMessage

    client = ExpoPushClient(expo.url, attempts=2)
    tickets = client.send([PushMessage(to=f"ExponentPushToken[t{i:020d}]", title="t", body="b") for i in range(150)])
    assert len(tickets) == 150 and all(t.ok for t in tickets)
    assert [len(batch) for batch in expo.received] == [100, 50]
    expo.fail_next = 5
    with pytest.raises(PushError, match="unavailable after 2 attempts"):
        client.send([PushMessage(to=GOOD, title="t", body="b")])
    client.close()
