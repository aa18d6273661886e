"""Broadcast HTML: every value escaped, valid for Telegram's HTML parse mode, policy applied."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from verzek.telegram.format import price, render_event, render_signal

from tests.support.telegram_bot_api import html_error


def _signal(**changes) -> dict:
    row = {"id": 7, "source": "vip", "symbol": "BTC/USDT:USDT", "side": "long", "market_type": "futures",
           "leverage": 10, "margin_mode": "cross", "entry_type": "range",
           "entries": [Decimal("64000.000000000000000000"), Decimal("64500.5")],
           "targets": [Decimal(65000), Decimal(66000), Decimal("0.000012340000")], "stop_loss": Decimal(62500),
           "status": "open", "rejected_reason": None, "meta": {}, "posted_at": datetime(2026, 3, 1, 12, 0, tzinfo=UTC)}
    row.update(changes)
    return row


def test_prices_print_as_written_without_zeros_or_exponents():
    assert price(Decimal("64000.000000000000000000")) == "64000"
    assert price(Decimal("0.000012340000")) == "0.00001234"
    assert price(Decimal("1E+3")) == "1000"


def test_vip_broadcast_shows_every_level():
    text = render_signal(_signal())
    assert html_error(text) is None
    assert text.splitlines()[0] == "🟢 <b>LONG · BTC/USDT</b> (futures)"
    assert "Entry zone:</b> 64000 – 64500.5" in text and "TP3 0.00001234" in text and "62500" in text
    assert "cross 10x" in text and "VIP signal #7 · 2026-03-01 12:00 UTC" in text
    assert "Confidence" not in text


def test_house_signal_shows_its_source_and_confidence():
    text = render_signal(_signal(source="ml", confidence=Decimal("0.7150")))
    assert "📊 <b>Confidence:</b> 72%" in text and "House strategy · ML #7" in text and html_error(text) is None


def test_trial_copy_withholds_targets_everywhere():
    signal = _signal()
    text = render_signal(signal, withhold_targets=True)
    assert "3 targets · 🔒 VIP members only" in text and "65000" not in text and "66000" not in text
    tp = render_event(signal, {"kind": "tp_hit", "target_index": 2, "data": {}}, withhold_targets=True)
    assert "TP2 hit" in tp and "66000" not in tp
    assert "(66000)" in render_event(signal, {"kind": "tp_hit", "target_index": 2, "data": {}})


def test_stale_and_rejected_banners():
    stale = render_signal(_signal(status="stale", meta={"age_seconds": 3725}))
    assert stale.startswith("⚠️ <b>STALE</b>: reached us 62 min 5 s after it was posted. Not auto-traded.")
    edited = render_event(_signal(status="rejected", rejected_reason="stop 65500 is not below the long entry"),
                          {"kind": "edited", "data": {}})
    assert "Not auto-traded</b>: stop 65500 is not below" in edited and html_error(edited) is None


def test_event_kinds_render_valid_html():
    signal = _signal(side="short", symbol="ETH/USDT", market_type=None, leverage=None, entry_type="market",
                     entries=[], targets=[], stop_loss=None)
    for event in ({"kind": "sl_moved", "data": {"breakeven": True}}, {"kind": "sl_moved", "price": Decimal(3100)},
                  {"kind": "sl_hit"}, {"kind": "closed"}, {"kind": "cancelled"}, {"kind": "entry_added",
                  "price": Decimal(1)}, {"kind": "entry_cancelled"}, {"kind": "entry_filled"},
                  {"kind": "partial_close"}, {"kind": "note"}, {"kind": "tp_hit", "target_index": None}):
        assert html_error(render_event(signal, event)) is None
    assert "Stop loss:</b> not given" in render_signal(signal) and "Entry:</b> market" in render_signal(signal)
    # a stop the provider wrote as a share of the price is shown as that share, with its side
    as_share = render_signal({**signal, "stop_loss_pct": Decimal("2.50")})
    assert "Stop loss:</b> 2.5% above the entry" in as_share and html_error(as_share) is None
    # a partial close with its amount names the share; a third is shown to the hundredth of a percent
    third = render_event(signal, {"kind": "partial_close", "data": {"fraction": "0.3333"}})
    assert "Partial close</b>: 33.33% of the position · " in third and html_error(third) is None


def test_a_stop_moved_onto_a_target_names_the_target_and_withholds_its_price_from_the_trial_group():
    signal = _signal(targets=[Decimal(3300), Decimal(3400)])
    event = {"kind": "sl_moved", "price": Decimal(3300), "data": {"stop_at_target": 1}}
    assert "Stop moved</b> to TP1 (3300) · " in render_event(signal, event)
    trial = render_event(signal, event, withhold_targets=True)
    assert "to TP1 · " in trial and "3300" not in trial and html_error(trial) is None
    beyond = render_event(signal, {"kind": "sl_moved", "price": None, "data": {"stop_at_target": 5}})
    assert "to TP5 · " in beyond and "—" not in beyond


@settings(max_examples=200, deadline=None)
@given(symbol=st.text(min_size=1, max_size=20), reason=st.text(max_size=50), mode=st.text(max_size=10))
def test_hostile_values_are_escaped(symbol, reason, mode):
    """Whatever a provider or a bug puts in a field, Telegram can parse the message (no injected tags)."""
    text = render_signal(_signal(symbol=f"{symbol}/USDT", margin_mode=mode, status="rejected",
                                 rejected_reason=reason))
    assert html_error(text) is None
