"""Metamorphic probe of the parser: edits a channel or relay makes to a post (a heading, a footer, a forwarded-from
line, a note on a line, markdown, emoji bullets, blank lines, a leverage line) must never turn a tradable open into a
different tradable trade. Used by `scripts/probe_parser_mutations.py` and a unit test."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

from verzek.parsing import parse_message
from verzek.parsing.scoring import wrong_close, wrong_position_change, wrong_trade

TRADE_FIELDS = ("symbol", "side", "entries", "targets", "stop_loss")

HEADINGS = ["GO", "NEW", "HOT", "VIP", "ALPHA", "🔥 PREMIUM CALL 🔥", "NEW TRADE", "SCALP", "AI SIGNAL", "LONG TERM",
            "Signal #482", "Trade ID: 7F3A", "[2026-12-04 09:12:40]", "04.12.2026 14:05", "Update 2.1.3", "v1.2.0"]
NOTES = ["(M15)", "(H4)", "(1H)", "— 4H", "TF: 15m", "#VIP #CRYPTO", "Binance Futures", "Bybit", "by @signals_admin",
         "Risk 2% of balance", "Position: $300 | Cross 10x", "R/R 1:2.5", "(+1.8% / ~+$5.4)", "Use proper money management",
         "Not financial advice", "Current price: 3412.50", "Volume 2.3x", "RSI 28", "Funding +0.01%", "Score 88/100",
         "Confidence 71.2%"]
RELAYS = ["Forwarded from Crypto Lions 🦁", "🔁 Whale Room → VIP relay", "[Forwarded]", "From: @vip_signals_bot"]
LEVERAGE_LINES = ["Leverage: Cross 10x", "Lev 5-10x", "⚖️ 20X", "Isolated 3x", "(max 10x)"]
FOOTERS = ["Good luck 🍀", "⚠️ Not financial advice. DYOR.", "Join VIP: t.me/xyz", "📈 Win rate 87% last month",
           "Next update in 4H", "#crypto #signals #binance", "Posted 2026-12-04 21:14 UTC", "ID 4481 | v2.3.1",
           # (another coin named under the call: a chart caption, market context)
           "Chart: BTCUSDT 4H", "📊 BTC | USDT chart below", "#BTC dominance 54.2%", "ETH/BTC 0.0521 for context"]


def mutations(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """(kind, mutated text) for one post."""
    lines = text.split("\n")
    yield "heading", rng.choice(HEADINGS) + "\n" + text
    yield "note line", text + "\n" + rng.choice(NOTES)
    row = rng.randrange(len(lines))
    noted = lines[:]
    noted[row] = noted[row] + " " + rng.choice(NOTES)
    yield "note on a line", "\n".join(noted)
    yield "blank lines", text.replace("\n", "\n\n")
    yield "emoji bullets", "\n".join(rng.choice(["🔥 ", "✅ ", "➡️ ", "▪️ ", ""]) + line for line in lines)
    yield "relay line", rng.choice(RELAYS) + "\n" + text
    yield "leverage line", text + "\n" + rng.choice(LEVERAGE_LINES)
    yield "bold", "\n".join(("**" + line + "**") if line.strip() else line for line in lines)
    yield "footer", text + "\n" + rng.choice(FOOTERS)


def corpus_rows(folder, opens: bool, every: int = 1) -> list[dict]:
    """The labelled rows of every corpus in `folder`: the opens, or every other kind."""
    return [row for path in sorted(folder.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and ((row := json.loads(line))["expected"]["kind"] == "open") == opens][::every]


def probe_open(row: dict, rng: random.Random) -> tuple[int, int, list[tuple[str, dict, str]]]:
    """Edit one open that parses tradable: (edits made, edits held, [(kind, changed fields, text)] of the edits that
    trade something else). An open that does not parse tradable is not probed."""
    parsed = parse_message(row["text"])
    if not parsed.tradable:
        return 0, 0, []
    base = _order(parsed)
    made = held = 0
    changed = []
    for kind, text in mutations(row["text"], rng):
        made += 1
        mutated = parse_message(text)
        if not mutated.tradable:
            held += 1
            continue
        got = _order(mutated)
        if got != base and _same_price_now(parsed, mutated):
            # (an edit noting "Current price: 3412.50" beside a limit entry of 3412.50 makes the entry the price now — a
            # market order at that same price: the same trade, session 9's rule)
            got = {**got, "entry_type": base["entry_type"], "entries": base["entries"]}
        if got != base:
            changed.append((kind, {k: (got[k], base[k]) for k in got if got[k] != base[k]}, text))
    return made, held, changed


def _same_price_now(base, mutated) -> bool:
    """The edit turned one limit entry into a market entry noted at exactly that price."""
    return base.entry_type is not None and base.entry_type.value == "limit" and len(base.entries) == 1 \
        and mutated.entry_type is not None and mutated.entry_type.value == "market" and list(mutated.entries) == list(base.entries)


def _order(parsed) -> dict:
    """The fields that decide the orders placed. A market entry is placed at the market whatever price the post notes
    beside it ("… market … Current price: 3412.50": the planner reads no price of a market entry)."""
    fields = parsed.to_expected_dict()
    order = {k: fields[k] for k in TRADE_FIELDS}
    order["entry_type"] = fields["entry_type"]
    if fields["entry_type"] == "market":
        order["entries"] = []
    return order


def probe_status(row: dict, rng: random.Random, kinds: set[str] | None = None) -> tuple[int, list[tuple[str, str, str]]]:
    """Edit one status or noise post the parser reads right: (edits made, [(kind, why, text)] of the edits that become
    a wrong trade, close or position change)."""
    if _wrong(row, parse_message(row["text"])):
        return 0, []
    made = 0
    wrong = []
    for kind, text in mutations(row["text"], rng):
        if kinds is not None and kind not in kinds:
            continue
        made += 1
        if why := _wrong(row, parse_message(text)):
            wrong.append((kind, why, text))
    return made, wrong


def _wrong(row: dict, parsed) -> str | None:
    return wrong_trade(row, parsed) or wrong_close(row, parsed) or wrong_position_change(row, parsed)
