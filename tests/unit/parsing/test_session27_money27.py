"""Session 27 (money27): the families behind the misses of blind_z81 (money traps beside safe twins) and blind_z82
(trade management and closes in twelve languages), each in new wordings — never the corpus rows' own text."""

import pytest

from verzek.parsing import parse_message


def _status(kind, symbol, side=None):
    return {"kind": kind, "symbol": symbol, "side": side, "market": None, "leverage": None, "entries": [],
            "entry_type": None, "targets": [], "stop_loss": None}


def _open(symbol, side, entries, entry_type, targets, stop, market=None, leverage=None):
    return {"kind": "open", "symbol": symbol, "side": side, "market": market, "leverage": leverage, "entries": entries,
            "entry_type": entry_type, "targets": targets, "stop_loss": stop}


NOTHING = {"kind": "not_a_signal", "symbol": None, "side": None, "market": None, "leverage": None, "entries": [],
           "entry_type": None, "targets": [], "stop_loss": None}

CASES = [
    # a target labelled "Close N" / "Exit N" by its index is no close (z81-027)
    ("BTC long — targets adjusted: Close 2 now 98,500, Close 1 & 3 unchanged.",
     _status("update", "BTC/USDT", "long"), False),
    ("ETH short — Exit 2 lowered to 3,450, Exit 1 & 3 unchanged.", _status("update", "ETH/USDT", "short"), False),
    ("#ETH close now", _status("close", "ETH/USDT"), False),
    # leverage in a clause about others' trades is never the call's (z81-033)
    ("Other channels are shorting ETH with 75x lol. Ours:\nETH/USDT SHORT\nEntry 3400\nTP 3300 / 3200\nSL 3480\nLev 5x",
     _open("ETH/USDT", "short", [3400], "limit", [3300, 3200], 3480, "futures", 5), True),
    ("Everyone is aping 100x into PEPE rn 🤡 we keep it sane\nPEPE/USDT long\nbuy 0.0000120\ntp 0.0000130\n"
     "sl 0.0000110\n5x cross",
     _open("PEPE/USDT", "long", [0.000012], "limit", [0.000013], 0.000011, "futures", 5), True),
    # a card a reader asks about as genuine or a scam: labelled literally, held (z82-052, z80-024)
    ("Forwarded from Moon Calls\n#sol شراء\nدخول 150\nأهداف 160 / 170\nوقف 140\n\nهل هذه الصفقة حقيقية أو نصب؟",
     _open("SOL/USDT", "long", [150], "limit", [160, 170], 140), False),
    ("Me lo pasaron por DM ¿es real o estafa?\n#SOL LONG\nEntrada 150\nTP 160\nSL 140",
     _open("SOL/USDT", "long", [150], "limit", [160], 140), False),
    ("Forwarded from Crypto Whales 🐳\n#avax buy\nentry 26.5\ntargets 28 / 30 / 33\nstop 25\n\nlegit or scam guys?",
     _open("AVAX/USDT", "long", [26.5], "limit", [28, 30, 33], 25), False),
    # Turkish close at the market price, the side with a case ending (z82-024)
    ("#avax long'u hemen piyasadan kapatın", _status("close", "AVAX/USDT", "long"), False),
    ("#sol şimdi kapatıyoruz", _status("close", "SOL/USDT"), False),
    ("#sol pozisyonu şimdi kapatmıyoruz, hedefler aynı", NOTHING, False),
    # an entry order filled, the coin's tag between (de, pt, uk) (z82-003, z82-013, z82-032)
    ("Kauf-Order für #sol wurde ausgeführt ✅", _status("update", "SOL/USDT"), False),
    ("A ordem de compra do #sol foi executada em 150,20 ✅", _status("update", "SOL/USDT"), False),
    ("#sol: вхід спрацював, тримаємо", _status("update", "SOL/USDT"), False),
    # holding, in Indonesian and Persian; bitcoin's Persian and Thai spellings (z82-038, z82-058, z82-047)
    ("#jup masih kami hold, santai aja", _status("update", "JUP/USDT"), False),
    ("#eth رو هنوز نگه می‌داریم", _status("update", "ETH/USDT"), False),
    ("บิทคอยน์ ถึงเป้า 2 แล้ว ✅ เลื่อนจุดตัดขาดทุนมาที่จุดเข้า", _status("update", "BTC/USDT"), False),
    # a heading saying "not an update", and a slash of two orders (z81-046)
    ("Fresh call, not an update 👇\n#OP SHORT\nentry 1.84\ntp 1.78 / 1.70\nsl 1.92",
     _open("OP/USDT", "short", [1.84], "limit", [1.78, 1.7], 1.92), True),
    ("#ARB LONG\nbuy 0.80 / 0.77 (two orders)\nTP 0.86 / 0.92\nSL 0.74",
     _open("ARB/USDT", "long", [0.77, 0.8], "limit", [0.86, 0.92], 0.74), True),
    # a channel's name tag beside the coin closed; the whole position dumped (z81-052, z81-053)
    pytest.param("#CRYPTOKING 👑 sol long — final target tagged. Position fully closed 🏁", _status("close", "SOL/USDT", "long"), False, marks=pytest.mark.xfail(strict=True, reason="session 27 lead: money27's channel-name tag rule reverted (it let a lower-case ticker beside a tag trade unheld); no close read (safe)")),
    pytest.param("🐋 #WHALECLUB — AVAX: dumping the whole position at market, done.", _status("close", "AVAX/USDT"), False, marks=pytest.mark.xfail(strict=True, reason="session 27 lead: money27's channel-name tag rule reverted (it let a lower-case ticker beside a tag trade unheld); no close read (safe)")),
    ("#SOL dumping the entire bag at market, done.", _status("close", "SOL/USDT"), False),
    # a term with a price asked about and explained: no stop moved (z81-055)
    ('What does "1.25 can be stop" mean? It is where the setup is invalid, put the SL there.', NOTHING, False),
    # a running trade told again for newcomers with nothing to do and no level: no status (z81-022)
    ("Heads up for newcomers: the ARB long from 0.812 (call #77) is still running — no action.", NOTHING, False),
    ("New here? Our SOL short from 182.4 is still running — no action, do not chase it.", NOTHING, False),
    ("#ARB long from 0.812 is still running, SL moved to 0.80", _status("update", "ARB/USDT", "long"), False),
    # "entry only if <a close beyond X>": X is the trigger, the entries follow it; a conditional card, held (z81-005)
    ("AVAX/USDT short\nentry only if a 4H candle closes below 24.80\nthen sell 24.60 – 24.75\nTP 23.90 / 23.10\nSL 25.40",
     _open("AVAX/USDT", "short", [24.6, 24.75], "range", [23.9, 23.1], 25.4), False),
    ("LINK/USDT long\nEntry only once the daily candle closes above 15.20\nthen buy 15.25 - 15.40\nTP 16.10 / 16.90\n"
     "SL 14.70", _open("LINK/USDT", "long", [15.25, 15.4], "range", [16.1, 16.9], 14.7), False),
    ("LINK/USDT long\nEntry ONLY if the 1h closes above 15.20 👉 15.25 - 15.40\nTP 16.10 / 16.90\nSL 14.70",
     _open("LINK/USDT", "long", [15.25, 15.4], "range", [16.1, 16.9], 14.7), False),
    # a space grouping thousands, the leverage on the next line (z82-027)
    ("#btc лонг\nвход 97 400\nЦели: 98 900 / 99 800\nСтоп: 96 700\nx5",
     _open("BTC/USDT", "long", [97400], "limit", [98900, 99800], 96700, "futures", 5), True),
]


@pytest.mark.parametrize(("text", "expected", "tradable"), CASES)
def test_session27_money27(text, expected, tradable):
    parsed = parse_message(text)
    assert parsed.to_expected_dict() == expected
    assert parsed.tradable is tradable
