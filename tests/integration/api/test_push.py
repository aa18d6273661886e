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


def test_outbox_dispatcher_hook(client, signup, expo, settings_env):
    from verzek.notify import push

    settings_env(EXPO_PUSH_URL=expo.url)
    push._default_notifier = None  # built from the current settings
    user = signup("outbox-push@example.com")
    client.post(f"/api/users/{user.id}/devices", headers=user.headers, json={"token": GOOD})
    row = {"id": 1, "user_id": user.id, "channel": "push", "kind": "signal_broadcast",
           "payload": {"text": "New VIP signal: BTC/USDT long", "title": "VIP", "data": {"signal_id": 3}}}
    assert push.send_push(row) == 1
    assert expo.received[-1][0]["title"] == "VIP" and expo.received[-1][0]["data"] == {"kind": "signal_broadcast",
                                                                                       "signal_id": 3}
    expo.fail_next = 10
    with pytest.raises(push.PushError) as caught:
        push.send_push(row)
    assert caught.value.permanent is False  # unavailable: the dispatcher retries later
    push._default_notifier = None
