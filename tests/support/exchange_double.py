"""An exchange double on 127.0.0.1 for tests: a real HTTP server speaking enough of Binance's
(spot `/api/v3`, `/sapi`, USD-M futures `/fapi`) and Bybit v5's REST APIs for ccxt's real clients,
and checking their real request signatures.

    from tests.support.exchange_double import ExchangeDouble

    with ExchangeDouble() as double:                     # a server on a free loopback port
        double.add_account("my-key", "my-secret")        # accepted by both exchanges
        double.set_balance("binance", "spot", "USDT", "1000")
        client = ccxt.binance({"apiKey": "my-key", "secret": "my-secret",
                               "urls": ...})             # or route through the proxy node, see
                                                         # tests/integration/proxy/conftest.py
        ...
        double.fill("my-client-id", "60000", "0.01")     # fill an open order (partly or fully)

One server serves every host: point `api.binance.com`, `fapi.binance.com` and `api.bybit.com` (or
their testnets) at `double.base_url`. What it checks, like the exchanges do:

* Binance: `X-MBX-APIKEY` known; HMAC-SHA256 hex `signature` over the query string + body without
  the signature; `timestamp` within `recvWindow` (-1021, -1022, -2014/-2015 errors otherwise).
* Bybit v5: `X-BAPI-API-KEY`, `X-BAPI-TIMESTAMP`, `X-BAPI-RECV-WINDOW`, `X-BAPI-SIGN` = HMAC-SHA256
  hex of timestamp + key + recvWindow + (query string for GET | body for POST) (10002-10004).

State: an in-memory order book per (exchange, market) honouring client order ids (Binance
`newClientOrderId` / `origClientOrderId`, Bybit `orderLinkId`; a duplicate gets the exchange's real
duplicate error), balances, leverage and margin mode, Binance API-key restrictions. Limit orders
rest until `fill()`; market orders fill at once at `mark_prices[symbol]`.

Stop (conditional) orders, as ccxt sends them for linear futures:

* Binance USD-M: the Algo Service (`POST|GET|DELETE /fapi/v1/algoOrder`, `GET /fapi/v1/openAlgoOrders`;
  `algoType=CONDITIONAL`, `type` STOP_MARKET / TAKE_PROFIT_MARKET, `triggerPrice`, `quantity` or
  `closePosition=true` (not both, and no `reduceOnly` with it: -1106), `workingType` MARK_PRICE /
  CONTRACT_PRICE, `clientAlgoId`; tick/step precision (-4014/-1111); a trigger the mark price has
  already passed answers -2021 "Order would immediately trigger."). The regular `/fapi/v1/order`
  refuses conditional types (-4120), as Binance does since the algo migration. When triggered, the
  algo order turns TRIGGERED and a MARKET order appears in the order book (`actualOrderId`); once
  that one is filled the algo order is FINISHED.
* Bybit v5 linear: `/v5/order/create` with `triggerPrice`, `triggerDirection` (1 rise / 2 fall,
  required), `triggerBy` (LastPrice/MarkPrice/IndexPrice); an already-passed trigger answers
  110092/110093. The order rests as "Untriggered" under its own orderLinkId, a cancel makes it
  "Deactivated", a trigger turns it into a normal order (same ids) that fills.

`trigger(client_id, price=None)` fires a stop and fills it completely (at `price`, default the mark
price); `fill(client_id, price, amount)` on an untriggered stop fires it and fills `amount`.

Futures account history: `add_funding(exchange, symbol, amount)` records a funding payment (Binance
`GET /fapi/v1/income` FUNDING_FEE, Bybit `GET /v5/execution/list` execType Funding, its execFee
positive = paid); `liquidate(exchange, symbol, side, qty, price, kind=...)` cancels the symbol's open
orders (regular and conditional) and records the forced close (Binance `GET /fapi/v1/forceOrders`
autoCloseType LIQUIDATION / ADL, Bybit execType BustTrade / AdlTrade).

Spot balances: with `settle_spot(fee_rate)` spot orders check and lock the free balance (Binance
-2010 / Bybit 170131 "insufficient balance") and fills move balances, charging the fee like Binance
without BNB: in the asset received (base on a buy, quote on a sell). Off by default.

Phemex (`GET /g-accounts/accountPositions`, USDT perpetuals) and Kraken Futures
(`GET /derivatives/api/v3/openpositions`) answer their account reads for load tests, checking their
real signatures: Phemex `x-phemex-request-signature` = HMAC-SHA256 hex of path + query + expiry +
body (expiry in the future); Kraken Futures `Authent` = base64 HMAC-SHA512 (base64-decoded secret)
of SHA-256(postData + "/api/" + endpoint). Kraken Futures also serves its instruments list (PF_XBTUSD,
PF_ETHUSD, public), the accounts read (the flex wallet: `kraken_flex_wallet(currencies, available_margin)`),
its open positions (`kraken_position(symbol, qty, price)`) and the account log's funding entries
(`add_funding("krakenfutures", "PF_XBTUSD", ...)`, `GET /api/history/v3/account-log`) and the forced closes among
its fills (`liquidate("krakenfutures", ...)`, `GET /derivatives/api/v3/fills`); no Kraken orders.

Per-IP limits like the exchanges' (`limit_per_ip({"binance-usdm": (2400, 60), ...})`): each source IP
is counted per budget group (Binance: request weight in clock-aligned windows, reported in
X-MBX-USED-WEIGHT-1M for that IP; the others: requests over a sliding window); over the limit an IP
gets 429 + Retry-After, and an IP that keeps sending while told to wait is banned with 418 (as
Binance does). `ip_stats()` (also `GET /__double/ip-stats`) counts requests, weight, 429s and 418s
per IP and group.

Faults: `slow(seconds)`, `inject_error(429|418|..., retry_after=..., used_weight=...)`,
`order_not_found_for_next(n)`, and `used_weight` reported in X-MBX-USED-WEIGHT-1M.
`requests` records every request received (for "nothing was forwarded" assertions).
"""

from __future__ import annotations

import asyncio
import base64
import collections
import hashlib
import hmac
import itertools
import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Self
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

D = Decimal

# Markets the double lists: exchange symbol -> (base, quote, tick size, step size).
MARKETS = {
    "BTCUSDT": ("BTC", "USDT", "0.10", "0.00001"),
    "ETHUSDT": ("ETH", "USDT", "0.01", "0.0001"),
}
FUTURES_STEP = {"BTCUSDT": "0.001", "ETHUSDT": "0.001"}
_BN_CONDITIONAL = ("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET")


def _fmt(value: Decimal | None) -> str:
    return "0" if value is None else format(value.normalize(), "f")


def _kf_time(ms: int) -> str:
    """Kraken Futures' timestamps: ISO 8601 UTC with milliseconds."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + f".{ms % 1000:03d}Z"


def _now_ms() -> int:
    return int(time.time() * 1000)


class ServerThread:
    """Run an ASGI app with uvicorn in a background thread on a free 127.0.0.1 port."""

    def __init__(self, app, *, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning"):
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        config = uvicorn.Config(app, log_level=log_level, lifespan="auto", server_header=False,
                                date_header=False, timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ServerThread:
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self._sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("server thread failed to start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.server.should_exit = True
            self._thread.join(timeout=10)
            self._thread = None
        self._sock.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass
class DoubleOrder:
    exchange: str             # "binance" | "bybit"
    market: str               # "spot" | "linear"
    symbol: str               # exchange id, e.g. BTCUSDT
    order_id: str
    client_order_id: str
    side: str                 # "BUY" | "SELL"
    type: str                 # "LIMIT" | "MARKET"
    price: Decimal | None
    amount: Decimal
    time_in_force: str = "GTC"
    reduce_only: bool = False
    filled: Decimal = field(default_factory=Decimal)
    cost: Decimal = field(default_factory=Decimal)
    status: str = "open"      # "open" | "filled" | "canceled"
    created_ms: int = field(default_factory=_now_ms)
    updated_ms: int = field(default_factory=_now_ms)
    # stop (conditional) orders
    trigger_price: Decimal | None = None
    trigger_direction: int | None = None   # Bybit: 1 rise, 2 fall
    trigger_by: str | None = None          # Bybit triggerBy / Binance workingType
    close_position: bool = False
    algo: bool = False                     # Binance Algo Service book (not the order book)
    triggered: bool = False
    actual_order_id: str | None = None     # Binance: the order-book order created by the trigger
    trigger_ms: int = 0
    fills: list = field(default_factory=list)
    position_side: str = "BOTH"            # Binance: BOTH (one-way) | LONG | SHORT (hedge mode)

    @property
    def is_conditional(self) -> bool:
        return self.trigger_price is not None

    @property
    def average(self) -> Decimal:
        return self.cost / self.filled if self.filled else D(0)


@dataclass
class RecordedRequest:
    exchange: str
    method: str
    path: str
    query: str
    body: bytes
    headers: dict[str, str]
    authenticated: bool | None   # None: public endpoint


@dataclass
class _InjectedError:
    status: int
    remaining: int
    retry_after: float | None
    used_weight: int | None
    path_prefix: str | None


class _InsufficientBalance(Exception):
    """A spot order the free balance cannot cover (with `settle_spot` on)."""


class DoubleError(Exception):
    """An exchange error answer (raised inside handlers)."""

    def __init__(self, status: int, body: dict):
        self.status, self.body = status, body


class ExchangeDouble:
    """See the module docstring. Thread-safe enough for tests: state changes hold one lock."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0):
        self.accounts: dict[str, str] = {}
        self.api_restrictions: dict[str, dict] = {}
        self.balances: dict[tuple[str, str], dict[str, Decimal]] = {}
        self.unrealized: dict[tuple[str, str], dict[str, Decimal]] = {}
        self.orders: list[DoubleOrder] = []
        self.leverage: dict[tuple[str, str], int] = {}
        self.margin_mode: dict[tuple[str, str], str] = {}
        self.hedge_mode: bool = False  # Binance USD-M position mode (GET /fapi/v1/positionSide/dual)
        self.bybit_hedge_mode: bool = False  # Bybit linear position mode (positionIdx 1/2 instead of 0)
        # Bybit's /v5/position/list pages its rows (limit 1-200, default 20; nextPageCursor): a test lowers the
        # cap to see pagination with a few positions
        self.bybit_position_page_cap: int = 200
        # futures positions from fills: (exchange, symbol, position side BOTH|LONG|SHORT) -> {"qty" (signed:
        # + long, - short), "entry", "updated"}; served by Binance /fapi/v{2,3}/positionRisk, Bybit /v5/position/list
        self.positions: dict[tuple[str, str, str], dict] = {}
        # Kraken Futures' multi-collateral ("flex") wallet, as GET /derivatives/api/v3/accounts states it (see
        # `kraken_flex`); its positions are `positions[("krakenfutures", "PF_XBTUSD", "BOTH")]` (one-way only)
        self.kraken_flex: dict = {"currencies": {}, "availableMargin": "0"}
        # futures account history: funding payments and liquidations, per exchange (see `add_funding`,
        # `liquidate`): {"symbol", "time", "amount"} / {"symbol", "time", "side", "qty", "price", "order_id"}
        self.funding: list[dict] = []
        self.funding_rates: list[dict] = []  # public funding rate history: {"symbol", "time", "rate", "mark"}
        self.liquidations: list[dict] = []
        self.mark_prices: dict[str, Decimal] = {"BTCUSDT": D("60000"), "ETHUSDT": D("3000")}
        self.requests: list[RecordedRequest] = []
        self.used_weight = 0
        self.delay_seconds = 0.0
        self._delay_prefix: str | None = None
        self._errors: list[_InjectedError] = []
        self._not_found_remaining = 0
        self.spot_fee_rate: Decimal | None = None
        self._ids = itertools.count(1_000_001)
        self.ip_limits: dict[str, tuple[int, float]] = {}
        self._record = True
        self.ban_seconds = 120.0
        self._ip_windows: dict[tuple[str, str], list] = {}     # (ip, group) -> counting state
        self._ip_stats: dict[str, dict[str, dict[str, int]]] = {}
        self._lock = threading.RLock()
        self._route_table = self._routes()
        self._server = ServerThread(self._build_app(), host=host, port=port)

    # ----------------------------------------------------------------- lifecycle
    @property
    def base_url(self) -> str:
        return self._server.url

    def start(self) -> ExchangeDouble:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ----------------------------------------------------------------- test controls
    def add_account(self, api_key: str, secret: str, **restrictions) -> None:
        """An API key known to both exchanges; `restrictions` override Binance's apiRestrictions."""
        with self._lock:
            self.accounts[api_key] = secret
            self.api_restrictions[api_key] = {
                "ipRestrict": False, "createTime": _now_ms() - 86_400_000, "enableReading": True,
                "enableWithdrawals": False, "enableInternalTransfer": False, "enableMargin": False,
                "enableFutures": True, "permitsUniversalTransfer": False, "enableVanillaOptions": False,
                "enableFixApiTrade": False, "enableFixReadOnly": False, "enableSpotAndMarginTrading": True,
                "enablePortfolioMarginTrading": False, **restrictions}

    def set_unrealized(self, exchange: str, market: str, asset: str, amount: str | Decimal) -> None:
        """Unrealised PnL the account reports for `asset` (Binance USD-M: marginBalance = wallet + this)."""
        with self._lock:
            self.unrealized.setdefault((exchange, market), {})[asset] = D(str(amount))

    def set_balance(self, exchange: str, market: str, asset: str, amount: str | Decimal) -> None:
        with self._lock:
            self.balances.setdefault((exchange, market), {})[asset] = D(str(amount))

    def fill(self, client_order_id: str, price: str | Decimal, amount: str | Decimal) -> DoubleOrder:
        """Fill `amount` more of an open order at `price` (fully filled orders become "filled").
        An untriggered stop order is triggered first."""
        price, amount = D(str(price)), D(str(amount))
        with self._lock:
            order = self.order_by_client_id(client_order_id)
            if order is None or order.status != "open":
                raise KeyError(f"no open order with client id {client_order_id!r}")
            target = self._fire(order) if order.is_conditional else order
            if amount <= 0 or target.filled + amount > target.amount:
                raise ValueError("fill amount must be positive and at most the remaining amount")
            self._apply_fill(target, price, amount)
            if order.algo and target.status == "filled":
                order.status, order.updated_ms = "filled", _now_ms()   # algoStatus FINISHED
            return target

    def trigger(self, client_order_id: str, price: str | Decimal | None = None) -> DoubleOrder:
        """Fire a resting stop order: it executes as a market order, filled completely at `price`
        (default the symbol's mark price). Returns the executing order (Binance: the order-book
        order `actualOrderId`; Bybit: the stop order itself)."""
        with self._lock:
            order = self.order_by_client_id(client_order_id)
            if order is None or order.status != "open" or not order.is_conditional:
                raise KeyError(f"no open stop order with client id {client_order_id!r}")
            fill_price = D(str(price)) if price is not None else self.mark_prices[order.symbol]
            target = self._fire(order)
            self._apply_fill(target, fill_price, target.amount - target.filled)
            if order.algo:
                order.status, order.updated_ms = "filled", _now_ms()
            return target

    def add_funding(self, exchange: str, symbol: str, amount: str | Decimal, ts: int | None = None,
                    rate: str | Decimal = "0", mark: str | Decimal = "0") -> dict:
        """A funding payment on the account's `symbol` (exchange id, e.g. BTCUSDT) position: `amount`
        received (+) or paid (-), in our sign (Bybit reports it as a fee: the double turns it); Bybit's
        execution also states the funding `rate` (feeRate) and the `mark` price it was charged at."""
        with self._lock:
            event = {"exchange": exchange, "symbol": symbol, "time": ts or _now_ms(), "amount": D(str(amount)),
                     "id": str(next(self._ids)), "rate": D(str(rate)), "mark": D(str(mark))}
            self.funding.append(event)
            return event

    def add_funding_rate(self, symbol: str, rate: str | Decimal, mark: str | Decimal, ts: int) -> None:
        """A settled funding rate and the mark price it was charged at (Binance `GET /fapi/v1/fundingRate`)."""
        with self._lock:
            self.funding_rates.append({"exchange": "binance", "symbol": symbol, "time": ts, "rate": D(str(rate)),
                                       "mark": D(str(mark))})

    def liquidate(self, exchange: str, symbol: str, side: str, qty: str | Decimal, price: str | Decimal,
                  ts: int | None = None, position_side: str = "BOTH", kind: str = "LIQUIDATION") -> dict:
        """The exchange liquidates the account's `symbol` position: every open order of the symbol
        (regular and conditional) is cancelled first, as Binance and Bybit do, and the liquidation is
        recorded (Binance: a force order `autoclose-...` of autoCloseType LIQUIDATION; Bybit: an
        execution of execType BustTrade). `side` closes the position (SELL for a long)."""
        with self._lock:
            now = ts or _now_ms()
            for order in self.orders:
                if (order.exchange == exchange and order.market == "linear" and order.symbol == symbol
                        and order.status == "open" and position_side in ("BOTH", order.position_side)):
                    order.status, order.updated_ms = "canceled", now
            event = {"exchange": exchange, "symbol": symbol, "time": now, "side": side.upper(),
                     "qty": D(str(qty)), "price": D(str(price)), "order_id": str(next(self._ids)),
                     "position_side": position_side, "kind": kind}
            self.liquidations.append(event)
            self._move_position(exchange, symbol, position_side, event["qty"] if side.upper() == "BUY"
                                else -event["qty"], event["price"], reduce_only=True)
            return event

    def settle_spot(self, fee_rate: str | Decimal = "0.001") -> None:
        """Spot orders check/lock balances and fills move them, fee in the asset received."""
        with self._lock:
            self.spot_fee_rate = D(str(fee_rate))

    def free_balance(self, exchange: str, market: str, asset: str) -> Decimal:
        with self._lock:
            return self._free(exchange, market, asset)

    def _fire(self, order: DoubleOrder) -> DoubleOrder:
        if order.triggered:
            return self._by_order_id(order.actual_order_id) if order.algo else order
        order.triggered, order.trigger_ms, order.updated_ms = True, _now_ms(), _now_ms()
        if not order.algo:
            return order
        actual = DoubleOrder(order.exchange, order.market, order.symbol, str(next(self._ids)),
                             f"algo-{order.order_id}", order.side, "MARKET", None, order.amount,
                             reduce_only=order.reduce_only, position_side=order.position_side)
        self.orders.append(actual)
        order.actual_order_id = actual.order_id
        return actual

    def _by_order_id(self, order_id: str | None) -> DoubleOrder:
        return next(o for o in self.orders if o.order_id == order_id)

    def _move_position(self, exchange: str, symbol: str, position_side: str, delta: Decimal, price: Decimal,
                       reduce_only: bool = False) -> None:
        """A futures fill of `delta` (+ buy, - sell) at `price` on the position: adding averages the entry,
        reducing keeps it, crossing zero opens the other side at `price` (one-way mode); a reduce-only fill
        never goes past zero."""
        key = (exchange, symbol, position_side)
        held = self.positions.get(key, {"qty": D(0), "entry": D(0)})
        old = held["qty"]
        if reduce_only or position_side != "BOTH":
            if old == 0 or (old > 0) == (delta > 0):
                if reduce_only:
                    return
            else:
                delta = max(delta, -old) if old > 0 else min(delta, -old)
        new = old + delta
        if old == 0 or (old > 0) == (delta > 0):
            entry = (abs(old) * held["entry"] + abs(delta) * price) / abs(new)
        elif new != 0 and (new > 0) != (old > 0):
            entry = price
        else:
            entry = held["entry"] if new != 0 else D(0)
        self.positions[key] = {"qty": new, "entry": entry, "updated": _now_ms()}

    def position(self, exchange: str, symbol: str, position_side: str = "BOTH") -> Decimal:
        """The account's signed position size on `symbol` (exchange id; + long, - short)."""
        with self._lock:
            return self.positions.get((exchange, symbol, position_side), {"qty": D(0)})["qty"]

    def close_position(self, exchange: str, symbol: str, price: str | Decimal, qty: str | Decimal | None = None,
                       position_side: str = "BOTH") -> DoubleOrder:
        """The user closes (all or `qty` of) the position by hand on the exchange's site: a filled
        reduce-only market order under the site's own client id, not ours. Resting orders stay."""
        with self._lock:
            held = self.positions.get((exchange, symbol, position_side), {"qty": D(0)})["qty"]
            if held == 0:
                raise KeyError(f"no {position_side} position on {symbol}")
            amount = abs(held) if qty is None else D(str(qty))
            order = DoubleOrder(exchange, "linear", symbol, str(next(self._ids)), f"web_{next(self._ids)}",
                                "SELL" if held > 0 else "BUY", "MARKET", None, amount, reduce_only=True,
                                position_side=position_side)
            self.orders.append(order)
            self._apply_fill(order, D(str(price)), amount)
            return order

    def _apply_fill(self, order: DoubleOrder, price: Decimal, amount: Decimal) -> None:
        if order.market == "linear":
            self._move_position(order.exchange, order.symbol, order.position_side,
                                amount if order.side == "BUY" else -amount, price, order.reduce_only)
        order.filled += amount
        order.cost += amount * price
        order.updated_ms = _now_ms()
        if order.filled == order.amount:
            order.status = "filled"
        fee, fee_asset = D(0), None
        if order.market == "spot" and self.spot_fee_rate is not None:
            base, quote = MARKETS[order.symbol][:2]
            balances = self.balances.setdefault(self._balance_key(order.exchange, order.market), {})
            if order.side == "BUY":
                fee, fee_asset = amount * self.spot_fee_rate, base
                balances[quote] = balances.get(quote, D(0)) - amount * price
                balances[base] = balances.get(base, D(0)) + amount - fee
            else:
                fee, fee_asset = amount * price * self.spot_fee_rate, quote
                balances[base] = balances.get(base, D(0)) - amount
                balances[quote] = balances.get(quote, D(0)) + amount * price - fee
        order.fills.append({"price": _fmt(price), "qty": _fmt(amount), "commission": _fmt(fee),
                            "commissionAsset": fee_asset or MARKETS[order.symbol][1], "tradeId": next(self._ids)})

    @staticmethod
    def _balance_key(exchange: str, market: str) -> tuple[str, str]:
        return ("bybit", "unified") if exchange == "bybit" else (exchange, market)

    def _free(self, exchange: str, market: str, asset: str) -> Decimal:
        """Balance minus what open spot orders lock (sells lock base, limit buys lock quote)."""
        total = self.balances.get(self._balance_key(exchange, market), {}).get(asset, D(0))
        locked = D(0)
        for o in self.orders:
            if o.exchange != exchange or o.market != "spot" or o.status != "open":
                continue
            base, quote = MARKETS[o.symbol][:2]
            if o.side == "SELL" and asset == base:
                locked += o.amount - o.filled
            elif o.side == "BUY" and asset == quote and o.price is not None:
                locked += (o.amount - o.filled) * o.price
        return total - locked

    def order_by_client_id(self, client_order_id: str) -> DoubleOrder | None:
        with self._lock:
            return next((o for o in self.orders if o.client_order_id == client_order_id), None)

    def slow(self, seconds: float, path_prefix: str | None = None) -> None:
        """Delay every answer (or those under `path_prefix`) by `seconds`; 0 turns it off."""
        self.delay_seconds, self._delay_prefix = seconds, path_prefix

    def inject_error(self, status: int, *, times: int = 1, retry_after: float | None = None,
                     used_weight: int | None = None, path_prefix: str | None = None) -> None:
        """The next `times` requests (under `path_prefix`) answer `status` (429/418/5xx) with the
        exchange's rate-limit body, a Retry-After and X-MBX-USED-WEIGHT-1M if given."""
        with self._lock:
            self._errors.append(_InjectedError(status, times, retry_after, used_weight, path_prefix))

    def order_not_found_for_next(self, lookups: int) -> None:
        """The next `lookups` order queries answer "order does not exist" (eventual consistency)."""
        self._not_found_remaining = lookups

    def reset_requests(self) -> None:
        with self._lock:
            self.requests.clear()

    def limit_per_ip(self, limits: dict[str, tuple[int, float]], *, ban_seconds: float = 120.0,
                     record_requests: bool = False) -> None:
        """Enforce per-source-IP limits per group ('binance-usdm', 'binance-spot', 'bybit', 'phemex',
        'kraken-futures'): (units, window seconds). `record_requests=False` stops keeping every request
        (load tests send hundreds of thousands)."""
        with self._lock:
            self.ip_limits = dict(limits)
            self.ban_seconds = ban_seconds
            self._ip_windows.clear()
            self._ip_stats.clear()
            self._record = record_requests

    def ip_stats(self) -> dict:
        with self._lock:
            return json.loads(json.dumps(self._ip_stats))

    def reset_ip_stats(self) -> None:
        with self._lock:
            self._ip_windows.clear()
            self._ip_stats.clear()

    @staticmethod
    def _ip_group(path: str) -> str:
        if path.startswith("/fapi/"):
            return "binance-usdm"
        if path.startswith("/v5/"):
            return "bybit"
        if path.startswith("/derivatives/"):
            return "kraken-futures"
        if path.startswith(("/g-", "/accounts", "/orders", "/positions", "/md/", "/public/", "/exchange/")):
            return "phemex"
        return "binance-spot"

    @staticmethod
    def _ip_weight(path: str, query: str) -> int:
        if path in ("/fapi/v2/account", "/fapi/v3/account", "/api/v3/account"):
            return 5 if path.startswith("/fapi") else 20
        if path.endswith("/openOrders") and "symbol=" not in query:
            return 40
        return 1

    def _ip_admit(self, ip: str, path: str, query: str) -> tuple[int, float, int] | None:
        """None when no limit applies; else (status 0/429/418, retry-after seconds, used units for the header)."""
        group = self._ip_group(path)
        limit = self.ip_limits.get(group)
        if limit is None:
            return None
        units, window = limit
        weight = self._ip_weight(path, query) if group.startswith("binance") else 1
        now = time.time()
        with self._lock:
            stats = self._ip_stats.setdefault(ip, {}).setdefault(
                group, {"requests": 0, "weight": 0, "429": 0, "418": 0})
            # state: [window index | deque of times, used, told_to_wait_until, banned_until]
            state = self._ip_windows.setdefault((ip, group), [None, 0, 0.0, 0.0])
            if now < state[3]:
                stats["418"] += 1
                return 418, state[3] - now, state[1]
            if group.startswith("binance"):
                index = int(now // window)
                if state[0] != index:
                    state[0], state[1] = index, 0
                reset_in = (index + 1) * window - now
            else:
                if state[0] is None:
                    state[0] = collections.deque()
                times = state[0]
                while times and times[0] <= now - window:
                    times.popleft()
                state[1] = len(times)
                reset_in = (times[0] + window - now) if times else 0.0
            if state[1] + weight > units:
                if now < state[2]:                       # told to wait and did not: banned
                    state[3] = now + self.ban_seconds
                    stats["418"] += 1
                    return 418, self.ban_seconds, state[1]
                state[2] = now + max(reset_in, 0.001)
                stats["429"] += 1
                return 429, reset_in, state[1]
            if group.startswith("binance"):
                state[1] += weight
            else:
                state[0].append(now)
                state[1] += 1
            stats["requests"] += 1
            stats["weight"] += weight
            return 0, 0.0, state[1]

    # ----------------------------------------------------------------- HTTP plumbing
    def _build_app(self) -> Starlette:
        routes = [Route("/{path:path}", self._dispatch, methods=["GET", "POST", "PUT", "DELETE"])]
        return Starlette(routes=routes)

    async def _dispatch(self, request: Request) -> Response:
        path = request.url.path
        if path == "/__double/ip-stats":
            return JSONResponse(self.ip_stats())
        exchange = ("bybit" if path.startswith("/v5/")
                    else "krakenfutures" if path.startswith(("/derivatives/", "/api/history/"))
                    else "phemex" if path.startswith("/g-") else "binance")
        query = request.scope.get("query_string", b"").decode("latin-1")
        body = await request.body()
        record = RecordedRequest(exchange, request.method, path, query, body,
                                 {k.lower(): v for k, v in request.headers.items()}, None)
        with self._lock:
            if self._record:
                self.requests.append(record)
            self.used_weight += 1
        limited = self._ip_admit(request.client.host if request.client else "?", path, query) \
            if self.ip_limits else None
        if limited is not None:
            status, retry_after, used = limited
            headers = {"X-MBX-USED-WEIGHT-1M": str(used)} if exchange == "binance" else {}
            if status:
                headers["Retry-After"] = str(max(1, int(retry_after + 0.999)))
                return JSONResponse({"code": -1003, "msg": "Too many requests; IP banned" if status == 418
                                     else "Too many requests"}, status_code=status, headers=headers)
            handler = self._route_table.get((request.method, path))
            return await self._answer(request, exchange, path, query, body, record, handler, headers)
        if self.delay_seconds and (self._delay_prefix is None or path.startswith(self._delay_prefix)):
            await asyncio.sleep(self.delay_seconds)
        injected = self._take_injected_error(path)
        if injected is not None:
            return self._injected_response(exchange, injected)
        handler = self._route_table.get((request.method, path))
        return await self._answer(request, exchange, path, query, body, record, handler, None)

    async def _answer(self, request, exchange, path, query, body, record, handler, headers) -> Response:
        if handler is None:
            return self._error_response(exchange, DoubleError(404, {"code": -1, "msg": f"double: no route "
                                                                                      f"{request.method} {path}"}))
        try:
            if exchange == "binance":
                params = dict(parse_qsl(query, keep_blank_values=True))
                if body:
                    params.update(parse_qsl(body.decode(), keep_blank_values=True))
                if handler.__name__.startswith("_bn_signed"):
                    record.authenticated = False
                    api_key = self._check_binance_signature(request, query, body, params)
                    record.authenticated = True
                    params["__api_key"] = api_key
            elif exchange == "phemex":
                params = dict(parse_qsl(query, keep_blank_values=True))
                record.authenticated = False
                params["__api_key"] = self._check_phemex_signature(request, path, query, body)
                record.authenticated = True
            elif exchange == "krakenfutures":
                params = dict(parse_qsl(query, keep_blank_values=True))
                if handler.__name__.startswith("_kf_signed"):
                    record.authenticated = False
                    params["__api_key"] = self._check_krakenfutures_signature(request, path, query)
                    record.authenticated = True
            else:
                params = dict(parse_qsl(query, keep_blank_values=True))
                if body:
                    params.update(json.loads(body))
                if handler.__name__.startswith("_bb_signed"):
                    record.authenticated = False
                    params["__api_key"] = self._check_bybit_signature(request, query, body)
                    record.authenticated = True
            params["__path"] = path
            with self._lock:
                payload = handler(params)
        except DoubleError as exc:
            return self._error_response(exchange, exc)
        return self._json(exchange, payload, headers=headers)

    def _take_injected_error(self, path: str) -> _InjectedError | None:
        with self._lock:
            for injected in self._errors:
                if injected.remaining > 0 and (injected.path_prefix is None or path.startswith(injected.path_prefix)):
                    injected.remaining -= 1
                    return injected
        return None

    def _weight_headers(self) -> dict[str, str]:
        return {"X-MBX-USED-WEIGHT-1M": str(self.used_weight)}

    def _json(self, exchange: str, payload, status: int = 200, headers: dict | None = None) -> Response:
        all_headers = self._weight_headers() if exchange == "binance" and not self.ip_limits else {}
        all_headers.update(headers or {})
        return JSONResponse(payload, status_code=status, headers=all_headers)

    def _error_response(self, exchange: str, exc: DoubleError) -> Response:
        return self._json(exchange, exc.body, exc.status)

    def _injected_response(self, exchange: str, injected: _InjectedError) -> Response:
        headers = {}
        if injected.retry_after is not None:
            headers["Retry-After"] = str(int(injected.retry_after))
        if injected.used_weight is not None:
            self.used_weight = injected.used_weight
        if exchange == "bybit":
            return self._json(exchange, {"retCode": 10006, "retMsg": "Too many visits!", "result": {},
                                         "retExtInfo": {}, "time": _now_ms()}, injected.status, headers)
        body = {"code": -1003, "msg": "Way too much request weight used; IP banned until later."
                if injected.status == 418 else "Too much request weight used; please use WebSocket Streams."}
        if injected.status >= 500:
            body = {"code": -1001, "msg": "Internal error; unable to process your request. Please try again."}
        return self._json(exchange, body, injected.status, headers)

    # ----------------------------------------------------------------- signatures
    def _check_binance_signature(self, request: Request, query: str, body: bytes, params: dict) -> str:
        api_key = request.headers.get("x-mbx-apikey")
        if not api_key:
            raise DoubleError(401, {"code": -2014, "msg": "API-key format invalid."})
        secret = self.accounts.get(api_key)
        if secret is None:
            raise DoubleError(401, {"code": -2015, "msg": "Invalid API-key, IP, or permissions for action."})
        # Binance signs totalParams = query string + request body, without the signature parameter.
        total = query + body.decode("latin-1")
        signed_part, sep, signature = total.rpartition("&signature=")
        if not sep or "&" in signature:
            raise DoubleError(400, {"code": -1102, "msg": "Mandatory parameter 'signature' was not sent, was empty/null, "
                                                          "or malformed."})
        expected = hmac.new(secret.encode(), signed_part.encode("latin-1"), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            raise DoubleError(400, {"code": -1022, "msg": "Signature for this request is not valid."})
        try:
            timestamp = int(params["timestamp"])
            recv_window = int(params.get("recvWindow", "5000"))
        except (KeyError, ValueError):
            raise DoubleError(400, {"code": -1102, "msg": "Mandatory parameter 'timestamp' was not sent, was empty/null, "
                                                          "or malformed."}) from None
        now = _now_ms()
        if timestamp > now + 1000 or now - timestamp > min(recv_window, 60_000):
            raise DoubleError(400, {"code": -1021, "msg": "Timestamp for this request is outside of the recvWindow."})
        return api_key

    def _check_phemex_signature(self, request: Request, path: str, query: str, body: bytes) -> str:
        api_key = request.headers.get("x-phemex-access-token", "")
        secret = self.accounts.get(api_key)
        if secret is None:
            raise DoubleError(401, {"code": 10500, "msg": "invalid api key"})
        expiry = request.headers.get("x-phemex-request-expiry", "")
        payload = path + query + expiry + body.decode("latin-1")
        expected = hmac.new(secret.encode(), payload.encode("latin-1"), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("x-phemex-request-signature", "")):
            raise DoubleError(401, {"code": 10500, "msg": "signature mismatch"})
        if not expiry.isdigit() or int(expiry) < time.time():
            raise DoubleError(401, {"code": 10500, "msg": "request expired"})
        return api_key

    def _check_krakenfutures_signature(self, request: Request, path: str, query: str) -> str:
        api_key = request.headers.get("apikey", "")
        secret = self.accounts.get(api_key)
        if secret is None:
            raise DoubleError(401, {"result": "error", "error": "apiKey"})
        endpoint = path.removeprefix("/derivatives")             # /api/v3/openpositions
        digest = hashlib.sha256((query + endpoint).encode()).digest()
        try:
            key = base64.b64decode(secret)
        except ValueError:
            raise DoubleError(401, {"result": "error", "error": "authenticationError"}) from None
        expected = base64.b64encode(hmac.new(key, digest, hashlib.sha512).digest()).decode()
        if not hmac.compare_digest(expected, request.headers.get("authent", "")):
            raise DoubleError(401, {"result": "error", "error": "authenticationError"})
        return api_key

    def _ph_signed_account_positions(self, params):
        balance = self.balances.get(("phemex", "swap"), {}).get("USDT", D(0))
        return {"code": 0, "msg": "", "data": {"account": {"userID": 1, "accountId": 1, "currency": "USDT",
                                                           "accountBalanceRv": _fmt(balance), "totalUsedBalanceRv": "0",
                                                           "bonusBalanceRv": "0"}, "positions": []}}

    def _kf_signed_open_positions(self, params):
        held = [{"side": "long" if p["qty"] > 0 else "short", "symbol": symbol, "price": _fmt(p["entry"]),
                 "fillTime": _kf_time(p["updated"]), "size": _fmt(abs(p["qty"])), "unrealizedFunding": "0"}
                for (exchange, symbol, _), p in self.positions.items() if exchange == "krakenfutures" and p["qty"]]
        return {"result": "success", "openPositions": held, "serverTime": _kf_time(_now_ms())}

    def _kf_signed_accounts(self, params):
        flex = {"type": "multiCollateralMarginAccount", "currencies": self.kraken_flex["currencies"],
                "initialMargin": "0.0", "initialMarginWithOrders": "0.0", "maintenanceMargin": "0.0",
                "balanceValue": self.kraken_flex["availableMargin"], "portfolioValue": self.kraken_flex["availableMargin"],
                "collateralValue": self.kraken_flex["availableMargin"], "pnl": "0.0", "unrealizedFunding": "0.0",
                "totalUnrealized": "0.0", "totalUnrealizedAsMargin": "0.0",
                "availableMargin": self.kraken_flex["availableMargin"], "marginEquity": self.kraken_flex["availableMargin"]}
        return {"result": "success", "accounts": {"flex": flex, "cash": {"type": "cashAccount", "balances": {}}},
                "serverTime": _kf_time(_now_ms())}

    def _kf_instruments(self, params):
        """Kraken Futures' USD-margined perpetuals (as its instruments list states them, a few fields)."""
        rows = [("PF_XBTUSD", "1", 4), ("PF_ETHUSD", "0.1", 3)]
        return {"result": "success", "serverTime": _kf_time(_now_ms()), "instruments": [
            {"symbol": symbol, "type": "flexible_futures", "underlying": "rr_" + symbol[3:].lower(), "tickSize": tick,
             "contractSize": 1, "tradeable": True, "contractValueTradePrecision": precision,
             "marginLevels": [{"numNonContractUnits": 0, "initialMargin": 0.02, "maintenanceMargin": 0.01}],
             "fundingRateCoefficient": 8, "maxRelativeFundingRate": 0.001, "isin": "", "tags": [],
             "openingDate": "2022-01-01T00:00:00.000Z", "feeScheduleUid": "eef90775-995b-4596-9257-0917f6134766",
             "retailMarginLevels": [], "category": "", "postOnly": False}
            for symbol, tick, precision in rows]}

    def _kf_signed_account_log(self, params):
        """Kraken Futures' account log: the funding entries (`add_funding("krakenfutures", "PF_XBTUSD", ...)`)."""
        since = int(params.get("since") or 0)
        logs = [{"asset": "usd", "contract": e["symbol"].lower(), "booking_uid": e["id"], "collateral": None,
                 "date": _kf_time(e["time"]), "execution": None, "fee": 0, "funding_rate": float(e["rate"]),
                 "id": int(e["id"]), "info": "funding rate change", "margin_account": "flex", "mark_price": None,
                 "realized_funding": float(e["amount"]), "realized_pnl": None}
                for e in self.funding if e["exchange"] == "krakenfutures" and e["time"] >= since]
        if params.get("info") not in (None, "funding rate change"):
            logs = []
        return {"accountUid": "double", "logs": logs}

    def _kf_signed_fills(self, params):
        """Kraken Futures' recent fills: the forced closes `liquidate("krakenfutures", ...)` recorded (fillType
        liquidation, or unwindCounterparty for kind ADL), newest first."""
        fills = [{"fill_id": e["order_id"], "symbol": e["symbol"], "side": e["side"].lower(), "order_id": e["order_id"],
                  "size": float(e["qty"]), "price": float(e["price"]), "fillTime": _kf_time(e["time"]),
                  "fillType": "unwindCounterparty" if e["kind"] == "ADL" else "liquidation"}
                 for e in self.liquidations if e["exchange"] == "krakenfutures"]
        return {"result": "success", "fills": fills[::-1][:100], "serverTime": _kf_time(_now_ms())}

    def kraken_flex_wallet(self, currencies: dict[str, dict], available_margin: str | Decimal) -> None:
        """The Kraken Futures flex wallet: per currency Kraken's {"quantity", "value", "collateral", "available"}
        and the account's `availableMargin` (USD: the collateral of every currency, after haircuts, less margin
        in use)."""
        with self._lock:
            self.kraken_flex = {"currencies": {c: {k: _fmt(D(str(v))) for k, v in row.items()}
                                               for c, row in currencies.items()},
                                "availableMargin": _fmt(D(str(available_margin)))}

    def kraken_position(self, symbol: str, qty: str | Decimal, price: str | Decimal) -> None:
        """A fill on the Kraken Futures `symbol` (e.g. PF_XBTUSD) position: `qty` + buy / - sell at `price`."""
        with self._lock:
            self._move_position("krakenfutures", symbol, "BOTH", D(str(qty)), D(str(price)))

    def _check_bybit_signature(self, request: Request, query: str, body: bytes) -> str:
        api_key = request.headers.get("x-bapi-api-key", "")
        secret = self.accounts.get(api_key)
        if secret is None:
            raise DoubleError(401, {"retCode": 10003, "retMsg": "API key is invalid.", "result": {},
                                    "retExtInfo": {}, "time": _now_ms()})
        timestamp = request.headers.get("x-bapi-timestamp", "")
        recv_window = request.headers.get("x-bapi-recv-window", "5000")
        signature = request.headers.get("x-bapi-sign", "")
        payload = timestamp + api_key + recv_window + (query if request.method == "GET" else body.decode())
        expected = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            raise DoubleError(200, {"retCode": 10004, "retMsg": "error sign! origin_string[" + payload[:20] + "...]",
                                    "result": {}, "retExtInfo": {}, "time": _now_ms()})
        now = _now_ms()
        if not timestamp.isdigit() or not (now - int(recv_window) <= int(timestamp) < now + 1000):
            raise DoubleError(200, {"retCode": 10002, "retMsg": "invalid request, please check your server timestamp "
                                                                "or recv_window param", "result": {},
                                    "retExtInfo": {}, "time": _now_ms()})
        return api_key

    # ----------------------------------------------------------------- shared order logic
    def _new_order(self, exchange, market, symbol, client_id, side, type_, price, amount, tif,
                   reduce_only, **stop) -> DoubleOrder:
        if symbol not in MARKETS:
            raise LookupError(symbol)
        order = DoubleOrder(exchange, market, symbol, str(next(self._ids)), client_id, side, type_,
                            D(price) if price else None, D(amount), tif, reduce_only, **stop)
        if market == "spot" and self.spot_fee_rate is not None:
            base, quote = MARKETS[symbol][:2]
            needed = (order.amount * (order.price or self.mark_prices[symbol]), quote) if side == "BUY" \
                else (order.amount, base)
            if self._free(exchange, market, needed[1]) < needed[0]:
                raise _InsufficientBalance(needed[1])
        if type_ == "MARKET" and not order.is_conditional:
            order.price = None
            self.orders.append(order)
            self._apply_fill(order, self.mark_prices[symbol], order.amount)
            return order
        self.orders.append(order)
        return order

    def _find(self, exchange, market, symbol, order_id=None, client_id=None, *, algo=False) -> DoubleOrder | None:
        if self._not_found_remaining > 0:
            self._not_found_remaining -= 1
            return None
        for order in self.orders:
            if order.algo != algo:
                continue
            if (order.exchange, order.market) == (exchange, market) and (not symbol or order.symbol == symbol) and (
                    (order_id and order.order_id == str(order_id)) or (client_id and order.client_order_id == client_id)):
                return order
        return None

    # ----------------------------------------------------------------- Binance
    @staticmethod
    def _bn_market(path: str) -> str:
        return "linear" if path.startswith("/fapi/") else "spot"

    def _bn_time(self, params):
        return {"serverTime": _now_ms()}

    def _bn_ping(self, params):
        return {}

    def _bn_ticker_price(self, params):
        """Public last price (`mark_prices`), as the ingest market-price check reads it; Binance's -1121 for a
        symbol it does not list."""
        symbol = params.get("symbol", "")
        if symbol not in MARKETS:
            raise DoubleError(400, {"code": -1121, "msg": "Invalid symbol."})
        return {"symbol": symbol, "price": _fmt(self.mark_prices.get(symbol))}

    def _bn_spot_exchange_info(self, params):
        symbols = []
        for sym, (base, quote, tick, step) in MARKETS.items():
            symbols.append({
                "symbol": sym, "status": "TRADING", "baseAsset": base, "baseAssetPrecision": 8,
                "quoteAsset": quote, "quotePrecision": 8, "quoteAssetPrecision": 8, "baseCommissionPrecision": 8,
                "quoteCommissionPrecision": 8, "orderTypes": ["LIMIT", "LIMIT_MAKER", "MARKET"],
                "icebergAllowed": True, "ocoAllowed": True, "otoAllowed": True, "quoteOrderQtyMarketAllowed": True,
                "allowTrailingStop": True, "cancelReplaceAllowed": True, "isSpotTradingAllowed": True,
                "isMarginTradingAllowed": True, "permissions": [], "permissionSets": [["SPOT"]],
                "defaultSelfTradePreventionMode": "EXPIRE_MAKER", "allowedSelfTradePreventionModes": ["NONE"],
                "filters": [
                    {"filterType": "PRICE_FILTER", "minPrice": tick, "maxPrice": "1000000.00", "tickSize": tick},
                    {"filterType": "LOT_SIZE", "minQty": step, "maxQty": "9000.00", "stepSize": step},
                    {"filterType": "NOTIONAL", "minNotional": "5.00", "applyMinToMarket": True,
                     "maxNotional": "9000000.00", "applyMaxToMarket": False, "avgPriceMins": 5},
                ]})
        return {"timezone": "UTC", "serverTime": _now_ms(), "rateLimits": [], "exchangeFilters": [], "symbols": symbols}

    def _bn_futures_exchange_info(self, params):
        symbols = []
        for sym, (base, quote, tick, _) in MARKETS.items():
            step = FUTURES_STEP[sym]
            symbols.append({
                "symbol": sym, "pair": sym, "contractType": "PERPETUAL", "deliveryDate": 4133404800000,
                "onboardDate": 1569398400000, "status": "TRADING", "maintMarginPercent": "2.5000",
                "requiredMarginPercent": "5.0000", "baseAsset": base, "quoteAsset": quote, "marginAsset": quote,
                "pricePrecision": 2, "quantityPrecision": 3, "baseAssetPrecision": 8, "quotePrecision": 8,
                "underlyingType": "COIN", "underlyingSubType": [], "triggerProtect": "0.0500",
                "liquidationFee": "0.012500", "marketTakeBound": "0.05", "maxMoveOrderLimit": 10000,
                "filters": [
                    {"filterType": "PRICE_FILTER", "minPrice": tick, "maxPrice": "4529764", "tickSize": tick},
                    {"filterType": "LOT_SIZE", "minQty": step, "maxQty": "1000", "stepSize": step},
                    {"filterType": "MARKET_LOT_SIZE", "minQty": step, "maxQty": "120", "stepSize": step},
                    {"filterType": "MIN_NOTIONAL", "notional": "100"},
                ],
                "orderTypes": ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET"],
                "timeInForce": ["GTC", "IOC", "FOK", "GTX"]})
        return {"timezone": "UTC", "serverTime": _now_ms(), "futuresType": "U_MARGINED", "rateLimits": [],
                "exchangeFilters": [], "assets": [], "symbols": symbols}

    def _bn_order_json(self, order: DoubleOrder) -> dict:
        status = {"open": "PARTIALLY_FILLED" if order.filled else "NEW", "filled": "FILLED",
                  "canceled": "CANCELED"}[order.status]
        common = {"symbol": order.symbol, "orderId": int(order.order_id), "clientOrderId": order.client_order_id,
                  "price": _fmt(order.price), "origQty": _fmt(order.amount), "executedQty": _fmt(order.filled),
                  "status": status, "timeInForce": order.time_in_force, "type": order.type, "side": order.side,
                  "stopPrice": _fmt(order.trigger_price), "updateTime": order.updated_ms}
        if order.market == "spot":
            return {**common, "orderListId": -1, "cummulativeQuoteQty": _fmt(order.cost), "icebergQty": "0",
                    "time": order.created_ms, "isWorking": True, "workingTime": order.created_ms,
                    "transactTime": order.created_ms, "origQuoteOrderQty": "0", "selfTradePreventionMode": "NONE"}
        return {**common, "avgPrice": _fmt(order.average), "cumQuote": _fmt(order.cost), "origType": order.type,
                "reduceOnly": order.reduce_only, "positionSide": order.position_side, "closePosition": False,
                "time": order.created_ms, "workingType": "CONTRACT_PRICE", "priceProtect": False,
                "priceMatch": "NONE", "selfTradePreventionMode": "NONE", "goodTillDate": 0}

    def _bn_position_side(self, params, market: str) -> tuple[str, bool]:
        """(positionSide, reduce-only) of a USD-M order as Binance checks them against the account's
        position mode: one-way takes BOTH only; hedge mode takes LONG/SHORT only and no reduceOnly (a SELL
        LONG closes the long: it is reduce-only by nature)."""
        position_side = params.get("positionSide", "BOTH")
        reduce_only = params.get("reduceOnly", "false").lower() == "true"
        if market != "linear":
            return "BOTH", reduce_only
        if position_side not in ("BOTH", "LONG", "SHORT"):
            raise DoubleError(400, {"code": -4006, "msg": "Position side is invalid."})
        if (position_side == "BOTH") == self.hedge_mode:
            raise DoubleError(400, {"code": -4061, "msg": "Order's position side does not match user's setting."})
        if self.hedge_mode:
            if "reduceOnly" in params:
                raise DoubleError(400, {"code": -1106, "msg": "Parameter 'reduceonly' sent when not required."})
            reduce_only = (params.get("side") == "SELL") == (position_side == "LONG")
        return position_side, reduce_only

    def _bn_signed_create_order(self, params):
        market = self._bn_market(params["__path"])
        position_side, reduce_only = self._bn_position_side(params, market)
        client_id = params.get("newClientOrderId") or f"x-double-{uuid.uuid4().hex[:16]}"
        # Binance: "a unique id among open orders" — once filled or cancelled the id is accepted again
        if any(o.client_order_id == client_id and o.exchange == "binance" and o.market == market and not o.algo
               and o.status == "open" for o in self.orders):
            if market == "spot":
                raise DoubleError(400, {"code": -2010, "msg": "Duplicate order sent."})
            raise DoubleError(400, {"code": -4116, "msg": "ClientOrderId is duplicated."})
        if market == "linear" and params.get("type") in _BN_CONDITIONAL:
            raise DoubleError(400, {"code": -4120, "msg": "Order type not supported for this endpoint. Please use "
                                                         "the Algo Order API endpoints instead."})
        try:
            order = self._new_order("binance", market, params.get("symbol"), client_id, params.get("side"),
                                    params.get("type"), params.get("price"), params.get("quantity"),
                                    params.get("timeInForce", "GTC"), reduce_only, position_side=position_side)
        except LookupError:
            raise DoubleError(400, {"code": -1121, "msg": "Invalid symbol."}) from None
        except _InsufficientBalance:
            raise DoubleError(400, {"code": -2010, "msg": "Account has insufficient balance for requested "
                                                         "action."}) from None
        answer = self._bn_order_json(order)
        if market == "spot":  # newOrderRespType FULL: the fills with their commission
            answer["fills"] = list(order.fills)
        return answer

    # --- USD-M Algo Service (conditional orders) ---
    def _bn_algo_json(self, order: DoubleOrder) -> dict:
        if order.status == "canceled":
            status = "CANCELED"
        elif not order.triggered:
            status = "NEW"
        else:
            actual = self._by_order_id(order.actual_order_id)
            status = "FINISHED" if actual.status != "open" else "TRIGGERED"
        return {"algoId": int(order.order_id), "clientAlgoId": order.client_order_id, "algoType": "CONDITIONAL",
                "orderType": order.type, "symbol": order.symbol, "side": order.side, "positionSide": order.position_side,
                "timeInForce": order.time_in_force, "quantity": _fmt(order.amount), "algoStatus": status,
                "actualOrderId": order.actual_order_id or "", "actualPrice": "0.00000",
                "triggerPrice": _fmt(order.trigger_price), "price": "0.00", "icebergQuantity": None,
                "tpTriggerPrice": "0.0000", "tpPrice": "0.0000", "slTriggerPrice": "0.0000", "slPrice": "0.0000",
                "tpOrderType": "", "selfTradePreventionMode": "EXPIRE_MAKER", "workingType": order.trigger_by,
                "priceMatch": "NONE", "closePosition": order.close_position, "priceProtect": False,
                "reduceOnly": order.reduce_only, "createTime": order.created_ms, "updateTime": order.updated_ms,
                "triggerTime": order.trigger_ms, "goodTillDate": 0}

    @staticmethod
    def _bn_decimal(params, name: str, step: str, code: int, msg: str) -> Decimal:
        raw = params.get(name)
        if raw in (None, ""):
            raise DoubleError(400, {"code": -1102, "msg": f"Mandatory parameter '{name}' was not sent, was "
                                                          "empty/null, or malformed."})
        try:
            value = D(raw)
        except ArithmeticError:
            raise DoubleError(400, {"code": -1100, "msg": f"Illegal characters found in parameter '{name}'."}) \
                from None
        if value <= 0 or value % D(step) != 0:
            raise DoubleError(400, {"code": code, "msg": msg})
        return value

    def _bn_signed_algo_create(self, params):
        if params.get("algoType") != "CONDITIONAL":
            raise DoubleError(400, {"code": -1116, "msg": "Invalid algoType."})
        symbol, type_, side = params.get("symbol"), params.get("type"), params.get("side")
        if symbol not in MARKETS:
            raise DoubleError(400, {"code": -1121, "msg": "Invalid symbol."})
        if type_ not in ("STOP_MARKET", "TAKE_PROFIT_MARKET"):
            raise DoubleError(400, {"code": -1116, "msg": "Invalid orderType."})  # the double's subset
        if side not in ("BUY", "SELL"):
            raise DoubleError(400, {"code": -1117, "msg": "Invalid side."})
        for flag in ("reduceOnly", "closePosition", "priceProtect"):
            if params.get(flag, "false").lower() not in ("true", "false"):
                raise DoubleError(400, {"code": -1100, "msg": f"Illegal characters found in parameter '{flag}'."})
        position_side, reduce_only = self._bn_position_side(params, "linear")
        close_position = params.get("closePosition", "false").lower() == "true"
        working_type = params.get("workingType", "CONTRACT_PRICE")
        if working_type not in ("MARK_PRICE", "CONTRACT_PRICE"):
            raise DoubleError(400, {"code": -1100, "msg": "Illegal characters found in parameter 'workingType'."})
        tick = MARKETS[symbol][2]
        trigger = self._bn_decimal(params, "triggerPrice", tick, -4014, "Price not increased by tick size.")
        if close_position:
            for extra in ("quantity", "reduceOnly"):
                if extra in params:
                    raise DoubleError(400, {"code": -1106, "msg": f"Parameter '{extra}' sent when not required."})
            amount = D(0)
        else:
            amount = self._bn_decimal(params, "quantity", FUTURES_STEP[symbol], -1111,
                                      "Precision is over the maximum defined for this asset.")
        client_id = params.get("clientAlgoId") or uuid.uuid4().hex[:22]
        if any(o.algo and o.client_order_id == client_id for o in self.orders):
            raise DoubleError(400, {"code": -20132, "msg": "The client algo id is duplicated."})
        # a sell stop fires when the price falls to it, a sell take-profit when it rises (buy: reversed)
        falls = (side == "SELL") == (type_ == "STOP_MARKET")
        mark = self.mark_prices[symbol]
        if (falls and mark <= trigger) or (not falls and mark >= trigger):
            raise DoubleError(400, {"code": -2021, "msg": "Order would immediately trigger."})
        order = DoubleOrder("binance", "linear", symbol, str(next(self._ids)), client_id, side, type_, None, amount,
                            params.get("timeInForce", "GTC"), reduce_only, trigger_price=trigger,
                            trigger_by=working_type, close_position=close_position, algo=True,
                            position_side=position_side)
        self.orders.append(order)
        return self._bn_algo_json(order)

    def _bn_algo_lookup(self, params) -> DoubleOrder:
        order = self._find("binance", "linear", params.get("symbol"), params.get("algoId"), params.get("clientAlgoId"),
                           algo=True)
        if order is None:
            raise DoubleError(400, {"code": -2013, "msg": "Order does not exist."})
        return order

    def _bn_signed_algo_fetch(self, params):
        return self._bn_algo_json(self._bn_algo_lookup(params))

    def _bn_signed_algo_cancel(self, params):
        try:
            order = self._bn_algo_lookup(params)
        except DoubleError:
            raise DoubleError(400, {"code": -2011, "msg": "Unknown order sent."}) from None
        if order.status != "open" or order.triggered:
            raise DoubleError(400, {"code": -2011, "msg": "Unknown order sent."})
        order.status, order.updated_ms = "canceled", _now_ms()
        return {"algoId": int(order.order_id), "clientAlgoId": order.client_order_id, "code": "200", "msg": "success"}

    def _bn_signed_algo_open(self, params):
        symbol = params.get("symbol")
        return [self._bn_algo_json(o) for o in self.orders if o.algo and o.status == "open" and not o.triggered
                and (not symbol or o.symbol == symbol)]

    def _bn_lookup(self, params) -> DoubleOrder:
        market = self._bn_market(params["__path"])
        order = self._find("binance", market, params.get("symbol"), params.get("orderId"),
                           params.get("origClientOrderId"))
        if order is None:
            raise DoubleError(400, {"code": -2013, "msg": "Order does not exist."})
        return order

    def _bn_signed_fetch_order(self, params):
        return self._bn_order_json(self._bn_lookup(params))

    def _bn_signed_cancel_order(self, params):
        try:
            order = self._bn_lookup(params)
        except DoubleError:
            raise DoubleError(400, {"code": -2011, "msg": "Unknown order sent."}) from None
        if order.status != "open":
            raise DoubleError(400, {"code": -2011, "msg": "Unknown order sent."})
        order.status, order.updated_ms = "canceled", _now_ms()
        answer = self._bn_order_json(order)
        if order.market == "spot":
            answer["origClientOrderId"] = order.client_order_id
        return answer

    def _bn_signed_open_orders(self, params):
        market = self._bn_market(params["__path"])
        symbol = params.get("symbol")
        return [self._bn_order_json(o) for o in self.orders
                if o.exchange == "binance" and o.market == market and o.status == "open"
                and (not symbol or o.symbol == symbol)]

    def _bn_signed_spot_account(self, params):
        restrictions = self.api_restrictions[params["__api_key"]]
        balances = self.balances.get(("binance", "spot"), {})
        if self.spot_fee_rate is not None:
            free = {a: self._free("binance", "spot", a) for a in balances}
            balances_json = [{"asset": a, "free": _fmt(free[a]), "locked": _fmt(v - free[a])}
                             for a, v in balances.items()]
        else:
            balances_json = [{"asset": a, "free": _fmt(v), "locked": "0"} for a, v in balances.items()]
        return {"makerCommission": 10, "takerCommission": 10, "buyerCommission": 0, "sellerCommission": 0,
                "commissionRates": {"maker": "0.00100000", "taker": "0.00100000", "buyer": "0", "seller": "0"},
                "canTrade": restrictions["enableSpotAndMarginTrading"],
                "canWithdraw": restrictions["enableWithdrawals"], "canDeposit": True, "brokered": False,
                "requireSelfTradePrevention": False, "preventSor": False, "updateTime": _now_ms(),
                "accountType": "SPOT", "permissions": ["SPOT"], "uid": 354937868,
                "balances": balances_json}

    def _bn_signed_api_restrictions(self, params):
        return dict(self.api_restrictions[params["__api_key"]])

    def _bn_signed_futures_account(self, params):
        balances = self.balances.get(("binance", "linear"), {})
        total = sum(balances.values(), D(0))
        upnl = self.unrealized.get(("binance", "linear"), {})
        assets = [{"asset": a, "walletBalance": _fmt(v), "unrealizedProfit": _fmt(upnl.get(a, D(0))),
                   "marginBalance": _fmt(v + upnl.get(a, D(0))),
                   "maintMargin": "0", "initialMargin": "0", "positionInitialMargin": "0",
                   "openOrderInitialMargin": "0", "crossWalletBalance": _fmt(v), "crossUnPnl": "0",
                   "availableBalance": _fmt(v), "maxWithdrawAmount": _fmt(v), "updateTime": _now_ms()}
                  for a, v in balances.items()]
        return {"totalInitialMargin": "0", "totalMaintMargin": "0", "totalWalletBalance": _fmt(total),
                "totalUnrealizedProfit": "0", "totalMarginBalance": _fmt(total),
                "totalPositionInitialMargin": "0", "totalOpenOrderInitialMargin": "0",
                "totalCrossWalletBalance": _fmt(total), "totalCrossUnPnl": "0", "availableBalance": _fmt(total),
                "maxWithdrawAmount": _fmt(total), "assets": assets, "positions": []}

    def _bn_signed_leverage(self, params):
        symbol, leverage = params.get("symbol"), int(params.get("leverage", "0"))
        if symbol not in MARKETS or not 1 <= leverage <= 125:
            raise DoubleError(400, {"code": -4028, "msg": "Leverage is not valid"})
        self.leverage[("binance", symbol)] = leverage
        return {"symbol": symbol, "leverage": leverage, "maxNotionalValue": "1000000"}

    def _bn_signed_position_side(self, params):
        return {"dualSidePosition": self.hedge_mode}

    def _bn_signed_margin_type(self, params):
        symbol, mode = params.get("symbol"), params.get("marginType")
        if mode not in ("ISOLATED", "CROSSED"):
            raise DoubleError(400, {"code": -4003, "msg": "marginType is not valid"})
        if self.margin_mode.get(("binance", symbol), "CROSSED") == mode:
            raise DoubleError(400, {"code": -4046, "msg": "No need to change margin type."})
        self.margin_mode[("binance", symbol)] = mode
        return {"code": 200, "msg": "success"}

    @staticmethod
    def _window(params, events: list[dict], exchange: str, symbol_key: str = "symbol") -> list[dict]:
        start, end = int(params.get("startTime") or 0), int(params.get("endTime") or 2**62)
        symbol = params.get(symbol_key)
        return [e for e in events if e["exchange"] == exchange and start <= e["time"] <= end
                and (not symbol or e["symbol"] == symbol)]

    def _bn_signed_income(self, params):
        """GET /fapi/v1/income: only FUNDING_FEE records are kept by the double."""
        if params.get("incomeType") not in (None, "", "FUNDING_FEE"):
            return []
        rows = self._window(params, self.funding, "binance")[: int(params.get("limit") or 100)]
        return [{"symbol": e["symbol"], "incomeType": "FUNDING_FEE", "income": _fmt(e["amount"]), "asset": "USDT",
                 "info": "FUNDING_FEE", "time": e["time"], "tranId": e["id"], "tradeId": ""} for e in rows]

    def _bn_funding_rate(self, params):
        """GET /fapi/v1/fundingRate (public): settled funding rates with their mark price, oldest first."""
        rows = sorted(self._window(params, self.funding_rates, "binance"), key=lambda e: e["time"])
        return [{"symbol": e["symbol"], "fundingTime": e["time"], "fundingRate": _fmt(e["rate"]),
                 "markPrice": _fmt(e["mark"])} for e in rows[: int(params.get("limit") or 100)]]

    def _bn_signed_force_orders(self, params):
        """GET /fapi/v1/forceOrders: the account's liquidation (autoclose) orders."""
        kind = params.get("autoCloseType") or None  # LIQUIDATION | ADL | None (both)
        rows = [e for e in self._window(params, self.liquidations, "binance")
                if kind is None or e["kind"] == kind][: int(params.get("limit") or 50)]
        return [{"orderId": int(e["order_id"]), "symbol": e["symbol"], "status": "FILLED",
                 "clientOrderId": f"{'adl_autoclose' if e['kind'] == 'ADL' else 'autoclose'}-{e['time']}", "price": _fmt(e["price"]), "avgPrice": _fmt(e["price"]),
                 "origQty": _fmt(e["qty"]), "executedQty": _fmt(e["qty"]), "cumQuote": _fmt(e["qty"] * e["price"]),
                 "timeInForce": "IOC", "type": "LIMIT", "reduceOnly": False, "closePosition": False,
                 "side": e["side"], "positionSide": e.get("position_side", "BOTH"), "stopPrice": "0",
                 "workingType": "CONTRACT_PRICE", "origType": "LIMIT", "time": e["time"], "updateTime": e["time"]}
                for e in rows]

    def _bn_signed_position_risk(self, params):
        """GET /fapi/v2/positionRisk (every symbol, empty ones at 0) and /fapi/v3/positionRisk (only symbols
        holding a position): one row per symbol in one-way mode, LONG and SHORT rows in hedge mode."""
        v2 = params["__path"].startswith("/fapi/v2/")
        sides = ("LONG", "SHORT") if self.hedge_mode else ("BOTH",)
        rows = []
        for sym in MARKETS:
            if params.get("symbol") and params["symbol"] != sym:
                continue
            for side in sides:
                held = self.positions.get(("binance", sym, side), {"qty": D(0), "entry": D(0), "updated": 0})
                if not v2 and held["qty"] == 0:
                    continue
                mark = self.mark_prices[sym]
                rows.append({"symbol": sym, "positionSide": side, "positionAmt": _fmt(held["qty"]),
                             "entryPrice": _fmt(held["entry"]), "breakEvenPrice": _fmt(held["entry"]),
                             "markPrice": _fmt(mark), "unRealizedProfit": _fmt(held["qty"] * (mark - held["entry"])),
                             "liquidationPrice": "0", "isolatedMargin": "0", "notional": _fmt(held["qty"] * mark),
                             "marginAsset": "USDT", "isolatedWallet": "0", "initialMargin": "0", "maintMargin": "0",
                             "positionInitialMargin": "0", "openOrderInitialMargin": "0", "adl": 0,
                             "bidNotional": "0", "askNotional": "0", "updateTime": held["updated"],
                             **({"marginType": "cross", "isAutoAddMargin": "false", "leverage": "10",
                                 "maxNotionalValue": "20000000"} if v2 else {})})
        return rows

    # ----------------------------------------------------------------- Bybit v5
    def _bb_signed_positions(self, params):
        """GET /v5/position/list (linear): by `symbol` (its rows, empty ones with size 0: one row of positionIdx 0
        in one-way mode, rows 1 and 2 in hedge mode) or by `settleCoin` (rows holding a position)."""
        if params.get("category") != "linear":
            raise self._bb_fail(10001, "params error: category only support linear or inverse or option")
        symbol = params.get("symbol")
        if not symbol and not params.get("settleCoin"):
            raise self._bb_fail(10001, "params error: symbol or settleCoin is required")
        sides = ((1, "LONG"), (2, "SHORT")) if self.bybit_hedge_mode else ((0, "BOTH"),)
        rows = []
        for sym in MARKETS:
            if symbol and symbol != sym:
                continue
            for idx, side in sides:
                held = self.positions.get(("bybit", sym, side), {"qty": D(0), "entry": D(0), "updated": 0})
                if not symbol and held["qty"] == 0:
                    continue
                mark = self.mark_prices[sym]
                rows.append({"positionIdx": idx, "riskId": 1, "riskLimitValue": "2000000", "symbol": sym,
                             "side": "" if held["qty"] == 0 else "Buy" if held["qty"] > 0 else "Sell",
                             "size": _fmt(abs(held["qty"])), "avgPrice": _fmt(held["entry"]),
                             "positionValue": _fmt(abs(held["qty"]) * held["entry"]), "tradeMode": 0,
                             "positionStatus": "Normal", "autoAddMargin": 0, "adlRankIndicator": 2,
                             "leverage": str(self.leverage.get(("bybit", sym), 10)), "positionBalance": "0",
                             "markPrice": _fmt(mark), "liqPrice": "", "bustPrice": "", "positionMM": "0",
                             "positionIM": "0", "tpslMode": "Full", "takeProfit": "0", "stopLoss": "0",
                             "trailingStop": "0", "unrealisedPnl": _fmt(held["qty"] * (mark - held["entry"])),
                             "curRealisedPnl": "0", "cumRealisedPnl": "0", "seq": 1, "isReduceOnly": False,
                             "createdTime": "1700000000000", "updatedTime": str(held["updated"])})
        limit = min(int(params.get("limit") or 20), 200, self.bybit_position_page_cap)
        start = int(params.get("cursor") or 0)
        page = rows[start:start + limit]
        cursor = str(start + limit) if start + limit < len(rows) else ""
        return self._bb_ok({"category": "linear", "list": page, "nextPageCursor": cursor})

    def _bb_signed_executions(self, params):
        """GET /v5/execution/list: Funding (execFee: positive = paid) and BustTrade (liquidation) executions."""
        kind = params.get("execType")
        rows = []
        if kind in (None, "", "Funding"):
            rows += [{"symbol": e["symbol"], "execType": "Funding", "execFee": _fmt(-e["amount"]),
                      "execTime": str(e["time"]), "execId": e["id"], "feeRate": _fmt(e.get("rate", D(0))),
                      "execPrice": "0", "execQty": "0", "orderId": "", "orderLinkId": "", "side": "Buy",
                      "orderType": "UNKNOWN", "markPrice": _fmt(e.get("mark", D(0))),
                      "execValue": "0", "isMaker": False, "leavesQty": "0", "closedSize": "0"}
                     for e in self._window(params, self.funding, "bybit")]
        for exec_type, liquidation_kind in (("BustTrade", "LIQUIDATION"), ("AdlTrade", "ADL")):
            if kind not in (None, "", exec_type):
                continue
            rows += [{"symbol": e["symbol"], "execType": exec_type, "execFee": "0", "execTime": str(e["time"]),
                      "execId": e["order_id"], "orderId": e["order_id"], "orderLinkId": "",
                      "side": e["side"].capitalize(), "orderType": "Market", "execPrice": _fmt(e["price"]),
                      "execQty": _fmt(e["qty"]), "execValue": _fmt(e["qty"] * e["price"]), "markPrice": "0",
                      "isMaker": False, "leavesQty": "0", "closedSize": _fmt(e["qty"]), "feeRate": "0"}
                     for e in self._window(params, self.liquidations, "bybit") if e["kind"] == liquidation_kind]
        return self._bb_ok({"category": params.get("category"), "list": rows, "nextPageCursor": ""})

    @staticmethod
    def _bb_ok(result) -> dict:
        return {"retCode": 0, "retMsg": "OK", "result": result, "retExtInfo": {}, "time": _now_ms()}

    @staticmethod
    def _bb_fail(code: int, message: str) -> DoubleError:
        return DoubleError(200, {"retCode": code, "retMsg": message, "result": {}, "retExtInfo": {}, "time": _now_ms()})

    def _bb_time(self, params):
        now = time.time()
        return self._bb_ok({"timeSecond": str(int(now)), "timeNano": str(int(now * 1e9))})

    def _bb_tickers(self, params):
        """Public ticker (`mark_prices` as the last price); Bybit's 10001 for a symbol it does not list."""
        symbol = params.get("symbol", "")
        if symbol not in MARKETS:
            raise self._bb_fail(10001, "Not supported symbols")
        price = _fmt(self.mark_prices.get(symbol))
        return self._bb_ok({"category": params.get("category"),
                            "list": [{"symbol": symbol, "lastPrice": price, "markPrice": price}]})

    def _bb_instruments(self, params):
        category = params.get("category")
        items = []
        if params.get("status", "Trading") != "Trading":   # ccxt also asks for PreLaunch symbols
            return self._bb_ok({"category": category, "list": [], "nextPageCursor": ""})
        for sym, (base, quote, tick, step) in MARKETS.items():
            if category == "spot":
                items.append({"symbol": sym, "baseCoin": base, "quoteCoin": quote, "innovation": "0",
                              "status": "Trading", "marginTrading": "both", "stTag": "0",
                              "lotSizeFilter": {"basePrecision": step, "quotePrecision": "0.0000001",
                                                "minOrderQty": step, "maxOrderQty": "100", "minOrderAmt": "5",
                                                "maxOrderAmt": "2000000"},
                              "priceFilter": {"tickSize": tick}, "riskParameters": {}})
            elif category == "linear":
                fstep = FUTURES_STEP[sym]
                items.append({"symbol": sym, "contractType": "LinearPerpetual", "status": "Trading",
                              "baseCoin": base, "quoteCoin": quote, "launchTime": "1585526400000",
                              "deliveryTime": "0", "deliveryFeeRate": "", "priceScale": "2",
                              "leverageFilter": {"minLeverage": "1", "maxLeverage": "100.00", "leverageStep": "0.01"},
                              "priceFilter": {"minPrice": tick, "maxPrice": "199999.80", "tickSize": tick},
                              "lotSizeFilter": {"maxOrderQty": "1190", "minOrderQty": fstep, "qtyStep": fstep,
                                                "postOnlyMaxOrderQty": "1190", "maxMktOrderQty": "500",
                                                "minNotionalValue": "5"},
                              "unifiedMarginTrade": True, "fundingInterval": 480, "settleCoin": quote,
                              "copyTrading": "both", "upperFundingRate": "0.005", "lowerFundingRate": "-0.005",
                              "isPreListing": False, "preListingInfo": None})
        return self._bb_ok({"category": category, "list": items, "nextPageCursor": ""})

    def _bb_order_json(self, order: DoubleOrder) -> dict:
        status = {"open": "PartiallyFilled" if order.filled else "New", "filled": "Filled",
                  "canceled": "Cancelled"}[order.status]
        if order.is_conditional and not order.triggered:
            status = "Deactivated" if order.status == "canceled" else "Untriggered"
        return {"orderId": order.order_id, "orderLinkId": order.client_order_id, "blockTradeId": "",
                "symbol": order.symbol, "price": _fmt(order.price), "qty": _fmt(order.amount),
                "side": order.side.capitalize(), "isLeverage": "",
                "positionIdx": {"BOTH": 0, "LONG": 1, "SHORT": 2}[order.position_side], "orderStatus": status,
                "cancelType": "UNKNOWN", "rejectReason": "EC_NoError", "avgPrice": _fmt(order.average),
                "leavesQty": _fmt(order.amount - order.filled if order.status == "open" else D(0)),
                "leavesValue": "0", "cumExecQty": _fmt(order.filled), "cumExecValue": _fmt(order.cost),
                "cumExecFee": "0", "timeInForce": order.time_in_force, "orderType": order.type.capitalize(),
                "stopOrderType": "Stop" if order.is_conditional else "", "orderIv": "",
                "triggerPrice": _fmt(order.trigger_price) if order.is_conditional else "", "takeProfit": "",
                "stopLoss": "", "tpTriggerBy": "", "slTriggerBy": "", "triggerDirection": order.trigger_direction or 0,
                "triggerBy": order.trigger_by or "",
                "lastPriceOnCreated": "", "reduceOnly": order.reduce_only, "closeOnTrigger": False,
                "smpType": "None", "smpGroup": 0, "smpOrderId": "", "tpslMode": "", "tpLimitPrice": "",
                "slLimitPrice": "", "placeType": "", "createdTime": str(order.created_ms),
                "updatedTime": str(order.updated_ms)}

    @staticmethod
    def _bb_market(params) -> str:
        category = params.get("category")
        if category not in ("spot", "linear"):
            raise ExchangeDouble._bb_fail(10001, "params error: category is invalid")
        return category

    def _bb_signed_create_order(self, params):
        market = self._bb_market(params)
        client_id = params.get("orderLinkId") or uuid.uuid4().hex
        if any(o.client_order_id == client_id and o.exchange == "bybit" for o in self.orders):
            raise self._bb_fail(110072, "OrderLinkedID is duplicate")
        stop = {}
        if params.get("triggerPrice") not in (None, ""):
            stop = self._bb_stop_params(market, params)
        position_side = "BOTH"
        if market == "linear":
            # Bybit: positionIdx 0 in one-way mode, 1 (long) / 2 (short) in hedge mode; anything else is refused
            idx = str(params.get("positionIdx", 0))
            if idx not in ("0", "1", "2") or (idx == "0") == self.bybit_hedge_mode:
                raise self._bb_fail(10001, "position idx not match position mode")
            position_side = {"0": "BOTH", "1": "LONG", "2": "SHORT"}[idx]
        try:
            order = self._new_order("bybit", market, params.get("symbol"), client_id,
                                    str(params.get("side", "")).upper(), str(params.get("orderType", "")).upper(),
                                    params.get("price"), params.get("qty"), params.get("timeInForce", "GTC"),
                                    bool(params.get("reduceOnly", False)), position_side=position_side, **stop)
        except LookupError:
            raise self._bb_fail(10001, "params error: symbol invalid") from None
        except _InsufficientBalance:
            raise self._bb_fail(170131, "Insufficient balance.") from None
        return self._bb_ok({"orderId": order.order_id, "orderLinkId": order.client_order_id})

    def _bb_stop_params(self, market: str, params) -> dict:
        """Validate a conditional order (linear) the way Bybit does; the DoubleOrder stop fields."""
        symbol = params.get("symbol")
        if market != "linear" or symbol not in MARKETS:
            raise self._bb_fail(10001, "params error: conditional orders are linear-only in the double")
        try:
            trigger = D(str(params["triggerPrice"]))
        except ArithmeticError:
            raise self._bb_fail(10001, "params error: triggerPrice invalid") from None
        if trigger <= 0 or trigger % D(MARKETS[symbol][2]) != 0:
            raise self._bb_fail(10001, "params error: triggerPrice invalid")
        direction = params.get("triggerDirection")
        if direction not in (1, 2):
            raise self._bb_fail(10001, "params error: triggerDirection must be 1 or 2 for a conditional order")
        trigger_by = params.get("triggerBy", "LastPrice")
        if trigger_by not in ("LastPrice", "MarkPrice", "IndexPrice"):
            raise self._bb_fail(10001, "params error: triggerBy invalid")
        current = self.mark_prices[symbol]
        if direction == 1 and trigger <= current:
            raise self._bb_fail(110092, f"expect Rising, but trigger_price[{_fmt(trigger)}] <= "
                                        f"current[{_fmt(current)}]??{trigger_by}")
        if direction == 2 and trigger >= current:
            raise self._bb_fail(110093, f"expect Falling, but trigger_price[{_fmt(trigger)}] >= "
                                        f"current[{_fmt(current)}]??{trigger_by}")
        return {"trigger_price": trigger, "trigger_direction": direction, "trigger_by": trigger_by}

    def _bb_signed_orders(self, params, *, open_only: bool):
        market = self._bb_market(params)
        order_id, link_id = params.get("orderId"), params.get("orderLinkId")
        if order_id or link_id:
            order = self._find("bybit", market, params.get("symbol"), order_id, link_id)
            found = [order] if order is not None and (order.status == "open" or not open_only) else []
        else:
            found = [o for o in self.orders if o.exchange == "bybit" and o.market == market
                     and (not params.get("symbol") or o.symbol == params.get("symbol"))
                     and (o.status == "open") == open_only]
        return self._bb_ok({"category": market, "list": [self._bb_order_json(o) for o in found],
                            "nextPageCursor": ""})

    def _bb_signed_realtime(self, params):
        # Like Bybit: the realtime endpoint also returns recently closed orders when asked by id.
        if params.get("orderId") or params.get("orderLinkId"):
            return self._bb_signed_orders(params, open_only=False)
        return self._bb_signed_orders(params, open_only=True)

    def _bb_signed_history(self, params):
        return self._bb_signed_orders(params, open_only=False)

    def _bb_signed_cancel(self, params):
        market = self._bb_market(params)
        order = self._find("bybit", market, params.get("symbol"), params.get("orderId"), params.get("orderLinkId"))
        if order is None or order.status != "open":
            raise self._bb_fail(110001, "order not exists or too late to cancel")
        order.status, order.updated_ms = "canceled", _now_ms()
        return self._bb_ok({"orderId": order.order_id, "orderLinkId": order.client_order_id})

    def _bb_signed_wallet(self, params):
        coins = []
        for (exchange, _), assets in self.balances.items():
            if exchange != "bybit":
                continue
            for asset, amount in assets.items():
                coins.append({"coin": asset, "equity": _fmt(amount), "usdValue": _fmt(amount),
                              "walletBalance": _fmt(amount), "free": "", "locked": "0", "spotHedgingQty": "0",
                              "borrowAmount": "0", "availableToWithdraw": _fmt(amount), "accruedInterest": "0",
                              "totalOrderIM": "0", "totalPositionIM": "0", "totalPositionMM": "0",
                              "unrealisedPnl": "0", "cumRealisedPnl": "0", "bonus": "0",
                              "marginCollateral": True, "collateralSwitch": True})
        return self._bb_ok({"list": [{"accountType": "UNIFIED", "accountIMRate": "0", "accountMMRate": "0",
                                      "totalEquity": "0", "totalWalletBalance": "0", "totalMarginBalance": "0",
                                      "totalAvailableBalance": "0", "totalPerpUPL": "0",
                                      "totalInitialMargin": "0", "totalMaintenanceMargin": "0", "coin": coins}]})

    def _bb_signed_set_leverage(self, params):
        symbol = params.get("symbol")
        buy, sell = params.get("buyLeverage"), params.get("sellLeverage")
        if symbol not in MARKETS or not buy or buy != sell:
            raise self._bb_fail(10001, "params error: leverage invalid")
        if self.leverage.get(("bybit", symbol)) == int(D(buy)):
            raise self._bb_fail(110043, "Set leverage not modified")
        self.leverage[("bybit", symbol)] = int(D(buy))
        return self._bb_ok({})

    def _bb_signed_set_margin_mode(self, params):
        mode = params.get("setMarginMode")
        if mode not in ("ISOLATED_MARGIN", "REGULAR_MARGIN", "PORTFOLIO_MARGIN"):
            raise self._bb_fail(10001, "params error: setMarginMode invalid")
        self.margin_mode[("bybit", "*")] = mode
        return self._bb_ok({"reasons": []})

    def _bb_signed_query_api(self, params):
        return self._bb_ok({"id": "1", "note": "double", "apiKey": params["__api_key"], "readOnly": 0,
                            "secret": "", "permissions": {"ContractTrade": ["Order", "Position"],
                                                          "Spot": ["SpotTrade"], "Wallet": [], "Options": [],
                                                          "Derivatives": [], "Exchange": [], "NFT": []},
                            "ips": ["*"], "type": 1, "deadlineDay": 80, "expiredAt": "", "createdAt": "",
                            "unified": 0, "uta": 1, "userID": 24617703, "inviterID": 0, "vipLevel": "No VIP",
                            "mktMakerLevel": "0", "affiliateID": 0, "rsaPublicKey": "", "isMaster": True,
                            "parentUid": "0", "kycLevel": "LEVEL_DEFAULT", "kycRegion": ""})

    def _bb_signed_account_info(self, params):
        return self._bb_ok({"marginMode": self.margin_mode.get(("bybit", "*"), "REGULAR_MARGIN"),
                            "updatedTime": str(_now_ms()), "unifiedMarginStatus": 4, "dcpStatus": "OFF",
                            "timeWindow": 10, "smpGroup": 0, "isMasterTrader": False, "spotHedgingStatus": "OFF"})

    def _routes(self) -> dict:
        routes = {
            ("GET", "/api/v3/ping"): self._bn_ping,
            ("GET", "/api/v3/time"): self._bn_time,
            ("GET", "/api/v3/exchangeInfo"): self._bn_spot_exchange_info,
            ("GET", "/fapi/v1/ping"): self._bn_ping,
            ("GET", "/fapi/v1/time"): self._bn_time,
            ("GET", "/fapi/v1/exchangeInfo"): self._bn_futures_exchange_info,
            ("GET", "/api/v3/account"): self._bn_signed_spot_account,
            ("GET", "/sapi/v1/account/apiRestrictions"): self._bn_signed_api_restrictions,
            ("GET", "/fapi/v2/account"): self._bn_signed_futures_account,
            ("GET", "/fapi/v3/account"): self._bn_signed_futures_account,
            ("POST", "/fapi/v1/leverage"): self._bn_signed_leverage,
            ("POST", "/fapi/v1/marginType"): self._bn_signed_margin_type,
            ("GET", "/fapi/v1/positionSide/dual"): self._bn_signed_position_side,
            ("GET", "/fapi/v1/income"): self._bn_signed_income,
            ("GET", "/fapi/v1/forceOrders"): self._bn_signed_force_orders,
            ("GET", "/fapi/v1/fundingRate"): self._bn_funding_rate,
            ("GET", "/fapi/v2/positionRisk"): self._bn_signed_position_risk,
            ("GET", "/fapi/v3/positionRisk"): self._bn_signed_position_risk,
            ("GET", "/v5/position/list"): self._bb_signed_positions,
            ("GET", "/v5/execution/list"): self._bb_signed_executions,
            ("POST", "/fapi/v1/algoOrder"): self._bn_signed_algo_create,
            ("GET", "/fapi/v1/algoOrder"): self._bn_signed_algo_fetch,
            ("DELETE", "/fapi/v1/algoOrder"): self._bn_signed_algo_cancel,
            ("GET", "/fapi/v1/openAlgoOrders"): self._bn_signed_algo_open,
            ("GET", "/v5/market/time"): self._bb_time,
            ("GET", "/v5/market/instruments-info"): self._bb_instruments,
            ("GET", "/v5/market/tickers"): self._bb_tickers,
            ("GET", "/api/v3/ticker/price"): self._bn_ticker_price,
            ("GET", "/fapi/v1/ticker/price"): self._bn_ticker_price,
            ("POST", "/v5/order/create"): self._bb_signed_create_order,
            ("GET", "/v5/order/realtime"): self._bb_signed_realtime,
            ("GET", "/v5/order/history"): self._bb_signed_history,
            ("POST", "/v5/order/cancel"): self._bb_signed_cancel,
            ("GET", "/v5/account/wallet-balance"): self._bb_signed_wallet,
            ("POST", "/v5/position/set-leverage"): self._bb_signed_set_leverage,
            ("POST", "/v5/account/set-margin-mode"): self._bb_signed_set_margin_mode,
            ("GET", "/v5/user/query-api"): self._bb_signed_query_api,
            ("GET", "/v5/account/info"): self._bb_signed_account_info,
            ("GET", "/g-accounts/accountPositions"): self._ph_signed_account_positions,
            ("GET", "/derivatives/api/v3/openpositions"): self._kf_signed_open_positions,
            ("GET", "/derivatives/api/v3/accounts"): self._kf_signed_accounts,
            ("GET", "/api/history/v3/account-log"): self._kf_signed_account_log,
            ("GET", "/derivatives/api/v3/fills"): self._kf_signed_fills,
            ("GET", "/derivatives/api/v3/instruments"): self._kf_instruments,
        }
        for prefix in ("/api/v3", "/fapi/v1"):
            routes[("POST", f"{prefix}/order")] = self._bn_signed_create_order
            routes[("GET", f"{prefix}/order")] = self._bn_signed_fetch_order
            routes[("DELETE", f"{prefix}/order")] = self._bn_signed_cancel_order
            routes[("GET", f"{prefix}/openOrders")] = self._bn_signed_open_orders
        return routes
