"""Session 12 (f20a): two whole levels joined by a bare comma are a list, not one decimal ("TP: 3500,3550" is
3500 and 3550, never 3500.355), while decimal commas and thousands keep their reading; and exchange ticker
notations — KuCoin's "…USDTM" perpetuals and BitMEX/Kraken's "XBT" for bitcoin."""

from decimal import Decimal

import pytest
from verzek.parsing import parse_message


def _d(xs):
    return [Decimal(str(x)) for x in xs]


@pytest.mark.parametrize(
    ("text", "entries", "targets", "stop"),
    [
        ("#ETH LONG\nBuy: 3460\nTargets: 3520,3580\nStop: 3390", [3460], [3520, 3580], 3390),
        ("#ETH LONG\nBuy zone: 3460,3430\nTarget: 3540\nStop: 3370", [3430, 3460], [3540], 3370),
        ("#BTC SHORT\nEntry: 64900\nTargets: 63900,63100\nStop: 65800", [64900], [63900, 63100], 65800),
        ('{"coin":"BTCUSDT","direction":"LONG","price":61800,"targets":[62700,63900],"stop":60900}',
         [61800], [62700, 63900], 60900),
        ('{"pair":"SOLUSDT","side":"SELL","entry":1445,"tp":[1410,1380],"sl":1490}', [1445], [1410, 1380], 1490),
    ],
)
def test_comma_joined_whole_levels_are_a_list(text, entries, targets, stop):
    p = parse_message(text)
    assert sorted(p.entries) == sorted(_d(entries))
    assert p.tradable
    assert list(p.targets) == _d(targets)
    assert p.stop_loss == Decimal(stop)


@pytest.mark.parametrize(
    ("text", "entries", "targets", "stop"),
    [
        # decimal commas keep their reading
        ("#ADA LONG\nEntrada: 0,4820\nAlvo: 0,5050\nStop: 0,4610", [Decimal("0.482")], [Decimal("0.505")],
         Decimal("0.461")),
        ("#DOT LONG\nGiriş 6,45\nHedef 6,80\nStop 6,10", [Decimal("6.45")], [Decimal("6.8")], Decimal("6.1")),
        ("#ETH LONG\nEntry: 3460,50\nTP: 3520\nSL: 3390", [Decimal("3460.5")], [Decimal(3520)], Decimal(3390)),
        # thousands commas too
        ("#BTC LONG\nEntry: 61,800\nTP: 62,700\nSL: 60,900", [Decimal(61800)], [Decimal(62700)], Decimal(60900)),
        # three or more stay a list
        ("#ETH LONG\nEntry: 3460\nTP: 3520,3580,3640\nSL: 3390", [Decimal(3460)], _d([3520, 3580, 3640]),
         Decimal(3390)),
    ],
)
def test_decimal_and_thousands_commas_keep_their_reading(text, entries, targets, stop):
    p = parse_message(text)
    assert list(p.entries) == entries
    assert list(p.targets) == targets
    assert p.stop_loss == stop


@pytest.mark.parametrize(
    "text",
    [
        "#XRP LONG\nEntry: 2,315\nTP: 2,480\nSL: 2,190",  # 2.315 or 2315: still held
        "#SOL LONG\nEntry: 151\nTP: 156,160\nSL: 146",  # magnitudes apart: still held
        "$BNB short\nentry 612\ntp 598,585\nsl 624",  # three digits after the comma: a thousands group, held
    ],
)
def test_ambiguous_commas_stay_held(text):
    assert not parse_message(text).tradable


@pytest.mark.parametrize(
    ("text", "symbol", "market"),
    [
        ("AVAXUSDTM Short (KuCoin)\nEntry 34.5\nTP 33.6 / 32.8\nSL 35.4", "AVAX/USDT", "futures"),
        ("XBTUSDTM short\nEntry 64900\nTP 63900\nSL 65800", "BTC/USDT", "futures"),
        ("#LINKUSDTM LONG\nEntry 14.3\nTP 14.9\nSL 13.8", "LINK/USDT", "futures"),
        ("#ETHUSDCM LONG\nEntry 3460\nTP 3540\nSL 3390", "ETH/USDC", "futures"),
        ("#XBTUSD SHORT\nEntry 64900\nTP 63900\nSL 65800", "BTC/USD", None),
        ("XBT/USD long\nEntry 61800\nTP 62700\nSL 60900", "BTC/USD", None),
        ("#XBT SHORT\nEntry 64900\nTP 63900\nSL 65800", "BTC/USDT", None),
        # guards: ordinary glued pairs
        ("#ETHUSDT LONG\nEntry 3460\nTP 3540\nSL 3390", "ETH/USDT", None),
        ("#BTCUSD LONG\nEntry 61800\nTP 62700\nSL 60900", "BTC/USD", None),
    ],
)
def test_exchange_ticker_notations(text, symbol, market):
    p = parse_message(text)
    assert p.symbol == symbol
    if market is not None:
        assert p.market == market
