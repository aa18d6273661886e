"""Broadcast messages in Telegram HTML: one clean format for every source, every value escaped.

Rendered from the stored rows when the dispatcher sends (so a pending TRIAL broadcast shows the
latest edit). Prices are printed exactly as stored, without trailing zeros or exponents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from html import escape
from typing import Any

_SOURCE_LABEL = {"vip": "VIP signal", "scalping": "House strategy · Scalping", "trend": "House strategy · Trend",
                 "qfl": "House strategy · QFL", "ml": "House strategy · ML"}
_STATUS_LINE = {"closed": "🏁 Status: closed", "cancelled": "❌ Status: cancelled"}


def price(value: Decimal | int | str | None) -> str:
    if value is None:
        return "—"
    d = Decimal(value)
    text = format(d.normalize(), "f")
    return escape(text)


def _prices(values: Sequence) -> list[str]:
    return [price(v) for v in values]


def _header(signal: Mapping[str, Any]) -> str:
    side = str(signal["side"]).lower()
    icon = "🟢" if side == "long" else "🔴"
    market = signal.get("market_type")
    symbol = escape(str(signal["symbol"]).split(":")[0])
    head = f"{icon} <b>{escape(side.upper())} · {symbol}</b>"
    if market:
        head += f" ({escape(str(market))})"
    return head


def _entry_line(signal: Mapping[str, Any]) -> str:
    entries = _prices(signal.get("entries") or [])
    entry_type = signal.get("entry_type")
    if entry_type == "market":
        return "📥 <b>Entry:</b> market" + (f" (around {entries[0]})" if entries else "")
    if entry_type == "range" and len(entries) >= 2:
        return f"📥 <b>Entry zone:</b> {entries[0]} – {entries[-1]}"
    if len(entries) == 1:
        return f"📥 <b>Entry:</b> {entries[0]}"
    return "📥 <b>Entries:</b> " + " · ".join(entries)


def signal_body(signal: Mapping[str, Any], *, withhold_targets: bool) -> list[str]:
    lines = [_header(signal)]
    leverage = signal.get("leverage")
    if leverage:
        mode = signal.get("margin_mode")
        lines.append(f"⚙️ <b>Leverage:</b> {escape(str(mode)) + ' ' if mode else ''}{int(leverage)}x")
    lines.append(_entry_line(signal))
    targets = _prices(signal.get("targets") or [])
    if targets and withhold_targets:
        count = len(targets)
        lines.append(f"🎯 <b>Targets:</b> {count} target{'s' if count > 1 else ''} · 🔒 VIP members only")
    elif targets:
        lines.append("🎯 <b>Targets:</b>")
        lines.extend(f"   TP{i} {t}" for i, t in enumerate(targets, 1))
    stop, stop_pct = signal.get("stop_loss"), signal.get("stop_loss_pct")
    if stop is not None:
        lines.append(f"🛑 <b>Stop loss:</b> {price(stop)}")
    elif stop_pct is not None:  # ("SL 5%"): a share of the price, placed from each user's average entry
        below = "below" if signal.get("side") == "long" else "above"
        lines.append(f"🛑 <b>Stop loss:</b> {Decimal(stop_pct).normalize():f}% {below} the entry")
    else:
        lines.append("🛑 <b>Stop loss:</b> not given")
    confidence = signal.get("confidence")
    if confidence is not None:  # house strategies state how sure the model / rule is
        lines.append(f"📊 <b>Confidence:</b> {Decimal(confidence) * 100:.0f}%")
    return lines


def _footer(signal: Mapping[str, Any]) -> str:
    label = _SOURCE_LABEL.get(str(signal.get("source")), "Signal")
    posted = signal.get("posted_at") or signal.get("received_at")
    when = f" · {posted:%Y-%m-%d %H:%M} UTC" if isinstance(posted, datetime) else ""
    return f"<i>{escape(label)} #{int(signal['id'])}{when}</i>"


def render_signal(signal: Mapping[str, Any], *, withhold_targets: bool = False) -> str:
    """The broadcast of a stored signal (a `signals` row as a dict)."""
    lines: list[str] = []
    status = signal.get("status")
    if status == "stale":
        age = (signal.get("meta") or {}).get("age_seconds")
        late = f" {int(age) // 60} min {int(age) % 60} s after it was posted" if isinstance(age, int) else " late"
        lines.append(f"⚠️ <b>STALE</b>: reached us{late}. Not auto-traded.")
    elif status == "rejected":
        lines.append(f"⛔ <b>Not auto-traded</b>: {escape(str(signal.get('rejected_reason') or 'rejected'))}")
    lines.extend(signal_body(signal, withhold_targets=withhold_targets))
    if status in _STATUS_LINE:
        lines.append(_STATUS_LINE[status])
    lines.append(_footer(signal))
    return "\n".join(lines)


def render_event(signal: Mapping[str, Any], event: Mapping[str, Any], *, withhold_targets: bool = False) -> str:
    """An update to a signal, posted as a reply to its broadcast."""
    symbol = escape(str(signal["symbol"]).split(":")[0])
    kind = event["kind"]
    data = event.get("data") or {}
    index = event.get("target_index")
    targets = signal.get("targets") or []
    if kind == "tp_hit":
        level = ""
        if index and index <= len(targets) and not withhold_targets:
            level = f" ({price(targets[index - 1])})"
        line = f"✅ <b>TP{int(index) if index else ''} hit</b>{level} · {symbol}"
    elif kind == "sl_hit":
        line = f"🛑 <b>Stop loss hit</b> · {symbol}"
    elif kind == "sl_moved" and data.get("breakeven"):
        line = f"🔒 <b>Stop moved to entry (breakeven)</b> · {symbol}"
    elif kind == "sl_moved" and data.get("stop_at_target"):
        # ("SL to TP1"): the stop sits on a target's price — the TRIAL group, whose targets are withheld, sees which one
        at = "" if withhold_targets or event.get("price") is None else f" ({price(event.get('price'))})"
        line = f"🔁 <b>Stop moved</b> to TP{int(data['stop_at_target'])}{at} · {symbol}"
    elif kind == "sl_moved":
        line = f"🔁 <b>Stop moved</b> to {price(event.get('price'))} · {symbol}"
    elif kind == "closed":
        line = f"🏁 <b>Closed</b> by the provider · {symbol}"
    elif kind == "cancelled":
        line = f"❌ <b>Cancelled</b> · {symbol}"
    elif kind == "entry_added":
        line = f"➕ <b>Entry added</b> at {price(event.get('price'))} · {symbol}"
    elif kind == "entry_cancelled":
        at = f" ({price(event.get('price'))})" if event.get("price") is not None else ""
        line = f"➖ <b>Entry cancelled</b>{at} · {symbol}"
    elif kind == "entry_filled":
        line = f"📥 <b>Entry filled</b> · {symbol}"
    elif kind == "partial_close" and data.get("fraction"):
        share = format((Decimal(str(data["fraction"])) * 100).quantize(Decimal("0.01")).normalize(), "f")
        line = f"💰 <b>Partial close</b>: {share}% of the position · {symbol}"
    elif kind == "partial_close":
        line = f"💰 <b>Partial close</b> · {symbol}"
    elif kind == "edited":
        lines = ["✏️ <b>Signal edited</b> by the provider. Current levels:"]
        if signal.get("status") == "rejected":
            lines.append(f"⛔ <b>Not auto-traded</b>: {escape(str(signal.get('rejected_reason') or 'rejected'))}")
        lines.extend(signal_body(signal, withhold_targets=withhold_targets))
        return "\n".join(lines)
    else:
        line = f"ℹ️ Update · {symbol}"
    return f"{line}\n<i>{escape(_SOURCE_LABEL.get(str(signal.get('source')), 'Signal'))} #{int(signal['id'])}</i>"
