"""Session 27 (day27): one day across English channels (blind batch z83) — X threads numbered by tweet, a desk's
ticket numbers, label-first tallies, 🧯 stops, formal notices ("Objectives", "Risk limit"), "if it prints X im out",
bot exit events with a keyed side, reposted ideas, Discord bridge relays, "flat now", fills at an average, profit on a
share, armed conditional cards, "aping a bag", and a heading word over a ticker's sentence. Each family in new wordings."""

import pytest
from verzek.parsing import parse_message


def _open(symbol, side, market, leverage, entries, entry_type, targets, stop):
    return {"kind": "open", "symbol": symbol, "side": side, "market": market, "leverage": leverage, "entries": entries,
            "entry_type": entry_type, "targets": targets, "stop_loss": stop}


def _status(kind, symbol, side=None):
    return {"kind": kind, "symbol": symbol, "side": side, "market": None, "leverage": None, "entries": [],
            "entry_type": None, "targets": [], "stop_loss": None}


NOT_A_SIGNAL = _status("not_a_signal", None)

CASES = [
    # a pasted X thread: "3/" numbers a tweet — never the stop (it was read as SL 3 on a short at 1.486)
    ("🧵 thread time\n1/ going short $OP here at 1.912, funding is silly\n2/ targets 1.850 then 1.790\n"
     "3/ invalidation above 1.975. 5x",
     _open("OP/USDT", "short", "futures", 5, [1.912], "market", [1.85, 1.79], 1.975), True),
    ("1/ longing $SEI now at 0.4120\n2/ tp 0.4300 / 0.4480\n3/ stop below 0.3990. 4x\n4/ nfa",
     _open("SEI/USDT", "long", "futures", 4, [0.412], "market", [0.43, 0.448], 0.399), True),
    # a desk's ticket number heading the post is no coin
    ("TK-0091 SOL · runner stopped at entry 182.40. ticket closed.", _status("close", "SOL/USDT"), False),
    ("RX-0044 DOGE · tp1 printed 0.1810. half off, stop to entry 0.1750.", _status("update", "DOGE/USDT"), False),
    ("QD-0310 INJ · filled 24.15 avg. stop unchanged 23.10.", _status("update", "INJ/USDT"), False),
    # a tally written label first ("Wins: 2 · Losses: 1") is a recap, its "closed" no close
    ("📊 ORBIT tonight\nSignals: 3 · Wins: 2 · Losses: 1\nSOL long +6.1% (closed)\nNext card 09:00 UTC", NOT_A_SIGNAL, False),
    ("Weekly board\nTrades: 9 | Winners: 6 | Cancelled: 2\nETH short: +3.2% closed", NOT_A_SIGNAL, False),
    # 🧯 heads the stop
    ("$AVAX SELL now @ 27.40\n🎯 26.90 — 26.30\n🧯 27.95\nx10",
     _open("AVAX/USDT", "short", "futures", 10, [27.4], "market", [26.9, 26.3], 27.95), True),
    ("#LINK BUY 18.40\n🎯 19.10\n🧯 17.80", _open("LINK/USDT", "long", None, None, [18.4], "limit", [19.1], 17.8), True),
    # a formal notice: "Objectives" are the targets, "Risk limit" the stop
    ("MERIDIAN DESK — Notice\nInstrument: SOL/USDT perpetual\nPosition: Short\nOrder: limit 186.50\n"
     "Objectives: 181.00; 176.50\nRisk limit: 190.20\nExposure: 5x isolated",
     _open("SOL/USDT", "short", "futures", 5, [186.5], "limit", [181, 176.5], 190.2), True),
    ("Instrument: LINK/USDT spot\nPosition: Long\nOrder: limit 18.20\nObjectives: 19.40; 20.60\nRisk limit: 17.45",
     _open("LINK/USDT", "long", "spot", None, [18.2], "limit", [19.4, 20.6], 17.45), True),
    # "if it prints X im out", "if it tags X we're out": the stop
    ("shorting DOGEUSDT perp rn @ 0.1825\ntp 0.1780 / 0.1740\nif it prints 0.1870 im out\n10x",
     _open("DOGE/USDT", "short", "futures", 10, [0.1825], "market", [0.178, 0.174], 0.187), True),
    ("longing $SOL here @ 184.2\ntp 189 / 195\nif it tags 180.5 we're out",
     _open("SOL/USDT", "long", None, None, [184.2], "market", [189, 195], 180.5), True),
    # a bot's bare exit event, the position's side keyed beside it
    ("event=EXIT\npair=AVAXUSDT.P\ndir=LONG\nreason=TP3", _status("close", "AVAX/USDT", "long"), False),
    ("event=EXIT pair=OPUSDT dir=SHORT reason=SL_HIT", _status("close", "OP/USDT", "short"), False),
    # another author's idea reposted is a call, not the channel's own call shown again
    ("📈 TV IDEA REPOST | by @chartguy | 1D\nBNBUSDT — cup and handle\nLong entry: 905\nTP1: 930\nTP2: 955\nSL: 884",
     _open("BNB/USDT", "long", None, None, [905], "limit", [930, 955], 884), True),
    ("Chart repost from @wedgequeen\n#ARB long\nEntry 0.512\nTP 0.54 / 0.57\nSL 0.49",
     _open("ARB/USDT", "long", None, None, [0.512], "limit", [0.54, 0.57], 0.49), True),
    ("Reposted from @alphaking\n#ARB long\nEntry 0.512\nTP 0.54 / 0.57\nSL 0.49",
     _open("ARB/USDT", "long", None, None, [0.512], "limit", [0.54, 0.57], 0.49), True),
    # (the channel's own call shown again stays its update)
    ("Reposting from this morning\n#ARB long\nEntry 0.512\nTP 0.54 / 0.57\nSL 0.49",
     {**_status("update", "ARB/USDT", "long")}, False),
    # a Discord bridge's line and the author's "Today at 9:41 PM" name no coin
    ("[Discord ➜ TG relay] #alpha-calls\n**Nia | Analyst** — Today at 9:41 PM\n> SOL 188 tp1 done. SL up to 181, rest running",
     _status("update", "SOL/USDT"), False),
    ("[mirrored from Discord] #signals\n**Kai** — Yesterday at 11:02 AM\n> AVAX entry 2 filled ✅",
     _status("update", "AVAX/USDT"), False),
    # flat after the targets: the trade is over
    ("NIGHT DESK ⚡ $SOL scalp done ✅ both targets hit, flat now. +18%", _status("close", "SOL/USDT"), False),
    ("$ARB tp2 hit, now flat ✅", _status("close", "ARB/USDT"), False),
    # profit on a share, the stop at the writer's entry: the running trade changes
    ("Hey fam 🌸 LINK tapped 19.40! I took profit on half, rest aims for 20.50. Stop is now at my entry",
     _status("update", "LINK/USDT"), False),
    ("AVAX tagged 29.10 today. Booked profits on 30%, stop now at our entry 🙏", _status("update", "AVAX/USDT"), False),
    # (the market's milestone beside a change names no trade of its own: the change is the replied-to trade's)
    ("BTC hit 100k!! Booked profits on 30%, stop now at our entry", _status("update", None), False),
    # armed conditional cards: read literally, held
    ("ALPHA DESK ⚡ scalp (ARMED, not live)\n$SOL BUY — only if a 15m candle closes above 190, then enter @ 190.4\n"
     "🎯 193 — 196\n🧯 187.5\nx10",
     _open("SOL/USDT", "long", "futures", 10, [190.4], "limit", [193, 196], 187.5), False),
    ("TK-0050 · LINK-PERP · BUY (armed: only after a 4h close > 19.20)\nzone 19.25–19.40\ntgt 20.1 · 20.8\ninval 18.7\nlev 5",
     _open("LINK/USDT", "long", "futures", 5, [19.25, 19.4], "range", [20.1, 20.8], 18.7), False),
    # "aping a bag here @ X cmp": a buy at the market
    ("gm\n$PEPE\naping a small spot bag here @ 0.00001210 cmp\ntp 0.0000132 / 0.0000145\nsl 0.0000112",
     _open("PEPE/USDT", "long", "spot", None, [0.0000121], "market", [0.0000132, 0.0000145], 0.0000112), True),
    # a heading word and its colon over the ticker's sentence
    ("📚 DESK: SOL trade is DONE ✅ both targets hit, position fully closed.", _status("close", "SOL/USDT"), False),
]


@pytest.mark.parametrize("text,expected,tradable", CASES, ids=[c[0][:40] for c in CASES])
def test_session27_day27(text, expected, tradable):
    message = parse_message(text)
    assert message.to_expected_dict() == expected
    assert bool(message.tradable) == tradable
