"""Layouts the corpora had not shown yet, and readings the parser must hold for review ("not sure") rather than trade.

Each case is a general rule (a structure or a word class), not a row of a corpus: the open is read as written and
either traded or held with `rejected` starting "held for review".
"""

import pytest
from verzek.parsing import parse_message


def expected(kind="open", symbol=None, side=None, market=None, leverage=None, entries=(), entry_type=None,
             targets=(), stop_loss=None):
    return {"kind": kind, "symbol": symbol, "side": side, "market": market, "leverage": leverage,
            "entries": list(entries), "entry_type": entry_type, "targets": list(targets), "stop_loss": stop_loss}


TRADED = [
    # advice about other readers' leverage ends with its sentence, not with the line
    ("#OP LONG lev 20x entry 2.0 TP 2.1 2.2 SL 1.9. Safe traders use max 5x.",
     expected(symbol="OP/USDT", side="long", market="futures", leverage=20, entries=[2], entry_type="limit",
              targets=[2.1, 2.2], stop_loss=1.9)),
    # one spaced number after "TP" that does not count rows 1, 2, 3... is the first target
    ("#FIL LONG entry 5.5 TP 6 6.5 SL 5.2",
     expected(symbol="FIL/USDT", side="long", entries=[5.5], entry_type="limit", targets=[6, 6.5], stop_loss=5.2)),
    ("#BLUR long\nTarget 1 0.42\nTarget 2 0.45\nEntry 0.38\nSL 0.35",
     expected(symbol="BLUR/USDT", side="long", entries=[0.38], entry_type="limit", targets=[0.42, 0.45],
              stop_loss=0.35)),
    # close/exit words after a price on the same line head the exits
    ("#LINK long entry 15 Close: 16 / 17 SL 14",
     expected(symbol="LINK/USDT", side="long", entries=[15], entry_type="limit", targets=[16, 17], stop_loss=14)),
    ("#LINK long entry 15, exit 16 / 17, SL 14",
     expected(symbol="LINK/USDT", side="long", entries=[15], entry_type="limit", targets=[16, 17], stop_loss=14)),
    # "Now:" after the coin tag, and in other languages
    ("#ENA Now: 0.52\nTargets: 0.55 - 0.58 - 0.62\nStop: 0.49",
     expected(symbol="ENA/USDT", side="long", entries=[0.52], entry_type="market", targets=[0.55, 0.58, 0.62],
              stop_loss=0.49)),
    ("#ENA Сейчас: 0.52\nЦели: 0.55 / 0.58\nСтоп: 0.49",
     expected(symbol="ENA/USDT", side="long", entries=[0.52], entry_type="market", targets=[0.55, 0.58],
              stop_loss=0.49)),
    ("#SOL\nŞimdi: 150\nHedef: 155 / 160\nStop: 145",
     expected(symbol="SOL/USDT", side="long", entries=[150], entry_type="market", targets=[155, 160], stop_loss=145)),
]


@pytest.mark.parametrize("text,want", TRADED, ids=[f"traded-{i}" for i in range(len(TRADED))])
def test_layouts_read_and_traded(text, want):
    parsed = parse_message(text)
    assert parsed.to_expected_dict() == want
    assert parsed.tradable, parsed.rejected


HELD = [
    # a channel's tag heading the post and the coin in plain text on a line of its own
    ("#CRYPTOKINGS\nBTC\nLong\nEntry 64000\nTP 65000 / 66000\nSL 63000",
     expected(symbol="BTC/USDT", side="long", entries=[64000], entry_type="limit", targets=[65000, 66000],
              stop_loss=63000)),
    # an unlabelled price line with no side word: the levels give the side, the entry is a reading
    ("**#JUP/USDT**\n0.95-1.00\nTP 1.10 1.20\nSL 0.88",
     expected(symbol="JUP/USDT", side="long", entries=[0.95, 1], entry_type="range", targets=[1.1, 1.2],
              stop_loss=0.88)),
    # a stop and no word about taking profit: the exits may be under a word we do not know
    ("#LINK long entry 15 Ausgang 16 SL 14",
     expected(symbol="LINK/USDT", side="long", entries=[15, 16], entry_type="limit", stop_loss=14)),
]


@pytest.mark.parametrize("text,want", HELD, ids=[f"held-{i}" for i in range(len(HELD))])
def test_doubtful_readings_are_held_for_review(text, want):
    parsed = parse_message(text)
    assert parsed.to_expected_dict() == want
    assert not parsed.tradable
    assert parsed.rejected.startswith("held for review") or "; held for review" in parsed.rejected
