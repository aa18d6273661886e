"""Session 11, review 12 groups I and F: where a card's leverage is read from.

I: a leverage number in a channel's name, a relayed channel's name, a promo footer, a results brag or an exchange's
advert is no leverage of the card ("BETA 75X SIGNALS", "[Forwarded from Margin Lords 40x]", "Open an account on OKX,
up to 100x"); the card then has none. F: a maximum, an exchange's limit or a "don't use" leverage written before the
call's own on the same line gives way to it ("Max lev 40x, we trade 8x"). Guards keep the readings that were right:
a maximum alone, a range under a maximum, a labelled leverage before a footer, the leverage on the side line.
"""

from __future__ import annotations

import pytest
from verzek.parsing import parse_message

CARD = "#AVAX LONG\nEntry 24.6\nTP 25.4 / 26.1\nSL 23.9\n"


def _lev(text: str) -> tuple[int | None, bool]:
    parsed = parse_message(text)
    assert parsed.kind.value == "open", text
    return parsed.leverage, parsed.tradable


@pytest.mark.parametrize("text", [
    CARD + "Open an account on OKX — up to 100x 👉 link in bio",
    CARD + "Trade this on Bitget Futures with up to 125x, code 556677",
    CARD + "Bitget welcome bonus up to $5,000 — 75x leverage available",
    "BETA 75X SIGNALS\n" + CARD,
    "[Forwarded from Margin Lords 40x]\n" + CARD,
    CARD + "Subscribe to VIP: 40x calls every day",
    CARD + "🏆 WINRATE 88% | 30x VIP CLUB",
    CARD + "Наш канал «Плечо 40х» — заходи",
    CARD + "📈 Our record: 9 wins, avg 28x ROE",
    CARD + "Last month: 30 calls, 26 winners (avg 15x)",
    CARD + "PS: yesterday's LINK 25x call gave +60%",
    "⚡ DEGEN WHALES 30x ⚡\n" + CARD,
    "🌙 Moon 25x Gems 🌙\n" + CARD,
    CARD + "Únete al grupo VIP: señales 40x",
])
def test_promo_leverage_is_no_leverage_of_the_card(text: str) -> None:
    leverage, tradable = _lev(text)
    assert leverage is None
    assert tradable


@pytest.mark.parametrize(("text", "expected"), [
    (CARD + "Max lev 40x, we trade 8x", 8),
    (CARD + "Lev (max 40x): 8x", 8),
    (CARD + "Max 40x | Suggested 8x", 8),
    (CARD + "OKX allows 60x on AVAX, we enter with 8x", 8),
    (CARD + "Bitget offers up to 125x — we stick to 4x", 4),
    (CARD + "Do not use 40x, 8x is the plan", 8),
    (CARD + "Not 40x! 8x only", 8),
    (CARD + "Máximo 40x, usamos 8x", 8),
    (CARD + "Maksimum 40x, biz 8x kullanıyoruz", 8),
    (CARD + "Макс. плечо 40х, берём 8х", 8),
    (CARD + "最高40倍，建议8倍", 8),
    (CARD + "OKX erlaubt 60x, wir nehmen 8x", 8),
    (CARD + "Не используйте 40х, берём 8х", 8),
    (CARD + "No uses 40x, usa 8x", 8),
    (CARD + "Bitget permite hasta 100x, usamos 4x", 4),
])
def test_maximum_before_the_calls_leverage_gives_way(text: str, expected: int) -> None:
    assert _lev(text) == (expected, True)


@pytest.mark.parametrize(("text", "expected"), [
    (CARD + "Leverage: Cross 8x", 8),
    (CARD + "Lev 4-8x", 4),
    ("#AVAX LONG 8x\nEntry 24.6\nTP 25.4 / 26.1\nSL 23.9", 8),
    (CARD + "(max 8x)", 8),
    (CARD + "Lev max 8x", 8),
    (CARD + "Leverage: up to 15x", 15),
    (CARD + "Leverage: 6x (max 12x)", 6),
    (CARD + "Leverage: Máx. 8x-15x", 8),
    (CARD + "Leverage 25x\nCareful traders use less, 5x", 25),
    (CARD + "Leverage 8x (OKX allows up to 50x)", 8),
    ("🔥 AVAX LONG 15x 🔥\nEntry 24.6\nTP 25.4 / 26.1\nSL 23.9", 15),
    (CARD + "#15x", None),
])
def test_guards_keep_their_leverage(text: str, expected: int | None) -> None:
    assert _lev(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Exchange: OKX, max 12x\n" + CARD, 12),
    ("Join #AVAX long with 12x\nEntry 24.6\nTP 25.4 / 26.1\nSL 23.9", 12),
])
def test_a_line_of_the_call_is_no_advert(text: str, expected: int) -> None:
    assert _lev(text)[0] == expected
