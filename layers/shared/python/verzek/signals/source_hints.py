"""Per-source hints: defaults an operator records for one source chat (quote currency, market, leverage, and
"numbers after a coin are entries") that the provider never writes. Applied to a parsed `open` only where the post
itself is silent, and named in the field's provenance ("source hint"). Data access for `source_hints` lives here."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

from verzek.domain.signals import MarketType, MessageKind, ParsedMessage

BARE_ENTRY_RULE = "entry read from an unlabelled price line"
_QUOTE_RE = re.compile(r"^[A-Z0-9]{2,10}$")


@dataclass(frozen=True)
class SourceHints:
    chat_id: int
    quote: str | None = None
    market: MarketType | None = None
    leverage: int | None = None
    bare_numbers_are_entries: bool = False

    def __post_init__(self) -> None:
        if self.quote is not None and not _QUOTE_RE.match(self.quote):
            raise ValueError("quote must be 2-10 upper-case letters or digits (e.g. USDT)")
        if self.leverage is not None and not 1 <= self.leverage <= 125:
            raise ValueError("leverage must be between 1 and 125")

    def with_changes(self, *, quote=..., market=..., leverage=..., bare_numbers_are_entries=...) -> SourceHints:
        """These hints with the given fields replaced (None clears one); validated. `...` keeps a field."""
        given = {"quote": quote, "market": market, "leverage": leverage,
                 "bare_numbers_are_entries": bare_numbers_are_entries}
        return replace(self, **{k: v for k, v in given.items() if v is not ...})

    def describe(self) -> str:
        return (f"quote={self.quote or '-'} market={self.market.value if self.market else '-'} "
                f"leverage={self.leverage or '-'} "
                f"numbers-after-coin-are-entries={'yes' if self.bare_numbers_are_entries else 'no'}")

    def as_dict(self) -> dict:
        """For audit rows (chat id left out: the row names it)."""
        out = asdict(self)
        out.pop("chat_id")
        out["market"] = self.market.value if self.market else None
        return out


def get_hints(cur, chat_id: int) -> SourceHints | None:
    cur.execute("SELECT chat_id, quote, market, leverage, bare_numbers_are_entries FROM source_hints "
                "WHERE chat_id = %s", (chat_id,))
    row = cur.fetchone()
    if row is None:
        return None
    return SourceHints(row["chat_id"], row["quote"], MarketType(row["market"]) if row["market"] else None,
                       row["leverage"], row["bare_numbers_are_entries"])


def set_hints(cur, hints: SourceHints, *, updated_by: str) -> None:
    cur.execute(
        "INSERT INTO source_hints (chat_id, quote, market, leverage, bare_numbers_are_entries, updated_by) "
        "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (chat_id) DO UPDATE SET quote = EXCLUDED.quote, "
        "market = EXCLUDED.market, leverage = EXCLUDED.leverage, "
        "bare_numbers_are_entries = EXCLUDED.bare_numbers_are_entries, updated_by = EXCLUDED.updated_by, "
        "updated_at = now()",
        (hints.chat_id, hints.quote, hints.market.value if hints.market else None, hints.leverage,
         hints.bare_numbers_are_entries, updated_by))


def apply_hints(parsed: ParsedMessage, hints: SourceHints | None) -> ParsedMessage:
    """`parsed` with the source's defaults filled in where the post is silent (opens only)."""
    if hints is None or parsed.kind != MessageKind.OPEN:
        return parsed
    sources = dict(parsed.provenance)
    changes: dict = {}
    # (the post's own quote wins: a pair written with it, or "21 sats" that can only be priced in BTC)
    if hints.quote and parsed.symbol and "quote" not in sources.get("symbol", ""):
        changes["symbol"] = f"{parsed.symbol.split('/')[0]}/{hints.quote}"
        sources["symbol"] = f"{sources.get('symbol', 'ticker')}; quote from source hint"
    market = parsed.market
    if market is None and hints.market is not None:
        market = changes["market"] = hints.market
        sources["market"] = "source hint"
    if parsed.leverage is None and hints.leverage is not None and market == MarketType.FUTURES:
        changes["leverage"] = hints.leverage
        sources["leverage"] = "source hint"
    rejected = parsed.rejected
    if hints.bare_numbers_are_entries and sources.get("entries") == f"weak: {BARE_ENTRY_RULE}":
        # The operator confirmed this source's house style: the unlabelled price after the coin is the entry.
        sources["entries"] = "source hint: numbers after a coin are entries"
        rest = [p for p in (rejected or "").split("; ") if p and p != f"held for review: {BARE_ENTRY_RULE}"]
        rejected = "; ".join(rest) or None
    if not changes and rejected == parsed.rejected and sources == dict(parsed.provenance):
        return parsed
    return replace(parsed, **changes, rejected=rejected, provenance=tuple(sources.items()))
