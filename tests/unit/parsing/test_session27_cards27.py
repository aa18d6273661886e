"""Session 27 (cards27): cards whose levels carry allocations or weights ("1) 0.612 - 40%", "Buy 30% at", USDT-sized
orders, level tables) and their follow-ups.

Rules:
- Money, forwarded cards asked about: a Russian member asking whether a forwarded card is a scam ("норм или скам?") or
  worth entering ("стоит заходить?", "стоит ли входить?") holds the card, as "legit or scam?" / "worth entering?" do.
"""
import pytest
from verzek.parsing import parse_message


def _check(text, expected, tradable):
    parsed = parse_message(text)
    got = parsed.to_expected_dict()
    for key, value in expected.items():
        assert got[key] == value, (key, got)
    assert parsed.tradable is tradable, parsed.rejected


# --- a forwarded card asked about is held -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Народ, это скам или нет? 🤔\n\n#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\nЦели: 25.0 / 25.8\nСтоп: 23.40",
    "Прислали сигнал из другого чата, стоит ли входить? \n#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\nЦели: 25.0 / 25.8\nСтоп: 23.40",
    "Кто-нибудь знает этот канал? скам? стоит брать? 👇\nForwarded from Alpha Pumps\n#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\n"
    "Цели: 25.0 / 25.8\nСтоп: 23.40",
])
def test_forwarded_card_asked_about_in_russian_is_held(text):
    _check(text, {"kind": "open", "symbol": "LINK/USDT", "side": "long", "entries": [24.1, 24.4], "stop_loss": 23.4}, False)


def test_russian_card_without_question_still_trades():
    _check("#LINK/USDT LONG 20x\nВход: 24.10 - 24.40\nЦели: 25.0 / 25.8\nСтоп: 23.40",
           {"kind": "open", "symbol": "LINK/USDT", "side": "long", "entries": [24.1, 24.4]}, True)


# --- legs that carry weights or sizes: the weight, the size, the date are no price --------------------------------------
LEGS = [
    # es "Compras:" heading weighted legs; "vender 40%" after a target takes a share, names no side
    ("💎 Par: LINK/USDT\nOperación: COMPRA\n🛒 Compras:\n1️⃣ 24.10 ➝ 60% del capital\n2️⃣ 23.40 ➝ 40%\n"
     "🎯 Objetivo 1: 25.20 – vender 60%\n🎯 Objetivo 2: 26.40 – vender 40%\n⛔ Stop: 22.70",
     {"kind": "open", "symbol": "LINK/USDT", "side": "long", "entries": [23.4, 24.1], "entry_type": "limit",
      "targets": [25.2, 26.4], "stop_loss": 22.7}, True),
    # en "TP — sell 50%" after each target, "of balance" after a leg's share
    ("NEAR/USDT BUY\nBuys:\n1) 5.410 — 50% of balance\n2) 5.220 — 50%\nTP1 5.700 — sell 50%\nTP2 5.980 — sell 50%\nSL 4.990",
     {"kind": "open", "symbol": "NEAR/USDT", "side": "long", "entries": [5.22, 5.41], "targets": [5.7, 5.98],
      "stop_loss": 4.99}, True),
    # a bot's "orders:" over "#1 limit … | N USDT" rows: the USDT amount is the order's size
    ("🤖 plan #88\npair: APTUSDT.P\nside: BUY\nleverage: 8x\norders:\n  #1 limit 9.420 | 100 USDT\n  #2 limit 9.180 | 150 USDT\n"
     "exits:\n  tp1 9.900 | 50%\n  tp2 10.300 | 50%\nsl: 8.850",
     {"kind": "open", "symbol": "APT/USDT", "side": "long", "leverage": 8, "entries": [9.18, 9.42], "entry_type": "limit",
      "targets": [9.9, 10.3], "stop_loss": 8.85}, True),
    # lettered legs a) b) with a size after a column mark
    ("ETHUSDT PERP · SHORT · 4x\nentries\n  a) 3,480 · 200 USDT\n  b) 3,540 · 300 USDT\nexits\n  t1 3,390 · 50%\n"
     "  t2 3,310 · 50%\nstop 3,610",
     {"kind": "open", "symbol": "ETH/USDT", "side": "short", "entries": [3480, 3540], "targets": [3390, 3310],
      "stop_loss": 3610}, True),
    # a table's fraction column after each exit's price
    ("DOT LONG 5x\nEntry A    6.120    60%\nEntry B    5.940    40%\nExit 1     6.450    1/2\nExit 2     6.800    1/2\n"
     "Stop       5.700",
     {"kind": "open", "symbol": "DOT/USDT", "side": "long", "entries": [5.94, 6.12], "targets": [6.45, 6.8],
      "stop_loss": 5.7}, True),
    # a dated heading with a clock time: "12 Jan 18:05" is no price of the accumulation
    ("SPOT ACCUMULATION · 12 Jan 18:05 UTC\n$INJ (spot)\nBuy 50% at 21.40\nBuy 50% at 20.60\nSell 100% at 24.10\nStop 19.20",
     {"kind": "open", "symbol": "INJ/USDT", "side": "long", "market": "spot", "entries": [20.6, 21.4],
      "targets": [24.1], "stop_loss": 19.2}, True),
]


@pytest.mark.parametrize("text,expected,tradable", LEGS)
def test_weighted_or_sized_legs(text, expected, tradable):
    _check(text, expected, tradable)


# --- an order at the market with the mark as its reference; distances in pips are no levels -----------------------------
MARKET_REF = [
    ("GO NOW ▶ #WIF long\nmark ~2.315, fill at market, half size (no adds)\nTP 2.400 / 2.520\nSL 2.240 | lev 4x",
     {"kind": "open", "symbol": "WIF/USDT", "side": "long", "entries": [2.315], "entry_type": "market",
      "targets": [2.4, 2.52], "stop_loss": 2.24}, True),
    ("#LTC short\nmark ≈ 98.40 — fill at market, one clip\nTP 95.10 / 92.80\nSL 101.20\nlev 3x",
     {"kind": "open", "symbol": "LTC/USDT", "side": "short", "entries": [98.4], "entry_type": "market",
      "targets": [95.1, 92.8], "stop_loss": 101.2}, True),
    ("#SOL long 10x\nEntry 182.40\nTP 184.20 (+180 pips) / 186.50 (+410 pips)\nSL 180.10 (-230 pips)",
     {"kind": "open", "symbol": "SOL/USDT", "side": "long", "entries": [182.4], "targets": [184.2, 186.5],
      "stop_loss": 180.1}, True),
]


@pytest.mark.parametrize("text,expected,tradable", MARKET_REF)
def test_market_reference_and_pip_distances(text, expected, tradable):
    _check(text, expected, tradable)


# --- follow-ups of weighted cards ---------------------------------------------------------------------------------------
FOLLOW_UPS = [
    # a leg of a split entry filled, by the channel's word for it
    ("🧺 $SEI — first bag filled at 0.2870, two more orders resting below.", {"kind": "update", "symbol": "SEI/USDT"}),
    ("⚓ DOTUSDT\nleg a) filled @ 6.120\nlegs b) c) resting", {"kind": "update", "symbol": "DOT/USDT"}),
    ("#ARB tranche 2 executed at 0.7410, avg now 0.7560", {"kind": "update", "symbol": "ARB/USDT"}),
    # a level put at a new price in place of the old one
    ("📐 #NEAR — the final 30% now targets 6.40 instead of 6.10. Rest unchanged.", {"kind": "update", "symbol": "NEAR/USDT"}),
    ("#NEAR último objetivo ahora 6.40 en lugar de 6.10", {"kind": "update", "symbol": "NEAR/USDT"}),
    # the trade said done as a whole, the bag emptied; a card named by its coin in brackets
    ("🧺 $SEI — last third sold at 0.3320, bag is empty. Trade done ✅", {"kind": "close", "symbol": "SEI/USDT"}),
    ("#SEI final target hit, position complete.", {"kind": "close", "symbol": "SEI/USDT"}),
    ("📘 KESTON — Card #77 (OP)\nOnly leg A filled. Stopped at 1.612. Card closed.", {"kind": "close", "symbol": "OP/USDT"}),
    # the price's move after TP1 told in the past (es/pt)
    ("#LINK\nDespués del objetivo 1 el precio regresó y tocó el stop en entrada. Operación cerrada.",
     {"kind": "close", "symbol": "LINK/USDT"}),
    ("#LINK depois do alvo 1 o preço voltou e tocou o stop. Operação encerrada.", {"kind": "close", "symbol": "LINK/USDT"}),
    # a reminder with nothing to do; a look at the market with no position
    ("📌 Reminder: $SEI bids from yesterday still stand — 0.2870 / 0.2790, same split. No action needed.",
     {"kind": "not_a_signal", "symbol": None}),
    ("ETH daily view: holding the 3.1k floor, 3.4k above. No position from us yet, just watching.",
     {"kind": "not_a_signal", "symbol": None}),
]


@pytest.mark.parametrize("text,expected", FOLLOW_UPS)
def test_follow_ups_of_weighted_cards(text, expected):
    _check(text, expected, False)


# --- direction-only alert and a conditional card -------------------------------------------------------------------------
OPENS = [
    # "right now" and "levels follow", a sizing line beside: a direction alert, held
    ("🐦 SWIFT\nSHORT #APT right now, levels follow shortly.\nUse 1/2 of your normal size.",
     {"kind": "open", "symbol": "APT/USDT", "side": "short", "entry_type": "market", "entries": [], "targets": []}, False),
    ("LONG #TIA right now 🚀 targets will follow in a few min", {"kind": "open", "symbol": "TIA/USDT", "side": "long",
                                                                "entry_type": "market"}, False),
    # the condition and its "no close, no trade" on one line of a full card: held as a conditional card
    ("Coin: INJ\nDirection: LONG\n⚠️ Valid ONLY after a 4H close above 24.00 — no close, no trade.\nEntry zone: 24.10 – 24.40\n"
     "Target 1: 25.20\nTarget 2: 26.00\nSL: 23.30",
     {"kind": "open", "symbol": "INJ/USDT", "side": "long", "entries": [24.1, 24.4], "entry_type": "range",
      "targets": [25.2, 26.0], "stop_loss": 23.3}, False),
]


@pytest.mark.parametrize("text,expected,tradable", OPENS)
def test_direction_alert_and_conditional_card(text, expected, tradable):
    _check(text, expected, tradable)


@pytest.mark.parametrize("text,entries", [
    ("#TON/USDT ЛОНГ\nПокупки:\n1) 4.318 — 50%\n2) 4.210 — 50%\nЦель 1: 4.450\nСтоп: 4.090", [4.21, 4.318]),
    ("#SOL/USDT LONG\nAchats :\n1) 182.40 — 50 % du capital\n2) 178.90 — 50 %\nObjectif 1 : 188.00\nStop : 174.50", [178.9, 182.4]),
])
def test_plural_buys_heading_in_other_languages(text, entries):
    _check(text, {"kind": "open", "side": "long", "entries": entries, "entry_type": "limit"}, True)
