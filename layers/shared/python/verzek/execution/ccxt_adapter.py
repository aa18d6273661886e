"""The live `Exchange`: ccxt's real clients, every request through the proxy node
(`verzek.exchange.proxy_client.create_ccxt_client`). Binance (spot + USD-M) and Bybit (spot +
linear) are tested against the exchange double; Phemex and Kraken go through the same code. Kraken
Futures' account reads (free balance from the flex wallet, open positions, funding, forced closes) are
tested against the double too; its order endpoints are not.

Error mapping (ccxt → port), which decides what the caller may retry:

* `InvalidNonce` (clock skew: timestamp outside recvWindow) → resync the time difference
  (`load_time_difference`) and resend once — the exchange refused it before executing;
* `RateLimitExceeded` / `DDoSProtection` → `RateLimited` (refused, back off);
* `ProxyUnavailable` / `ProxyRefused` (never forwarded) → `RequestNotSent`;
* `RequestTimeout` and other `NetworkError`s → `OutcomeUnknown` (may have executed);
* `InsufficientFunds` → `OrderRejected(kind="insufficient_funds")`;
* `DuplicateOrderId` or the exchange's duplicate message → `OrderRejected(kind="duplicate")`;
* `OrderNotFound` → `OrderNotFound`; other `InvalidOrder` / `BadRequest` → `OrderRejected`;
* `AuthenticationError` / `PermissionDenied` / `AccountSuspended` → `AccountError`;
* any other `ExchangeError` → `OrderRejected(kind="other")` with ccxt's message (never the keys).

* `OrderImmediatelyFillable` (Binance -2021 "Order would immediately trigger") and Bybit's
  110092/110093 ("expect Falling, but trigger_price >= current") → `OrderRejected(kind="would_trigger")`.

Client order ids go in ccxt's unified `clientOrderId` (Binance newClientOrderId, Bybit
orderLinkId). Reduce-only is sent for futures only (spot has no such flag: the monitor never sells
more than the position holds).

Protective stops (`OrderType.STOP_MARKET`, reduce-only) rest on the exchange for linear futures on
Binance and Bybit (`supports_protective_stop`); elsewhere the monitor watches the stop:

* Binance USD-M: ccxt sends a conditional order to the Algo Service (`POST /fapi/v1/algoOrder`,
  algoType CONDITIONAL, type STOP_MARKET, `triggerPrice`, `quantity`, `reduceOnly=true`,
  `clientAlgoId` = our client id). `workingType=CONTRACT_PRICE`: the trigger follows the last
  price, the same price the monitor's candles show, so the exchange stop and the monitor's backstop
  agree on when the stop was reached (MARK_PRICE would let the monitor see a touch the exchange
  ignored, or the reverse). Lookups and cancels go to `/fapi/v1/algoOrder` (`trigger=True`); once
  triggered, the fill lives on the matching-engine order `actualOrderId`, which is read and merged
  (status, filled amount, average price) into the stop's state.
* Bybit v5 linear: a conditional reduce-only Market order (`triggerPrice`, `triggerDirection` 2 =
  fires when the price falls to it for a long's sell stop, 1 = rises for a short's buy stop,
  `triggerBy=LastPrice` for the same reason as above) with our `orderLinkId`. Chosen over the
  position's trading-stop (`/v5/position/trading-stop`) because that one is a position attribute
  with no client id: it could not be reconciled by client id after a crash, nor versioned (cancel
  + replace with a new id) like every other order. The conditional order keeps its id through the
  trigger and is found by the usual `/v5/order/realtime|history?orderLinkId=...`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation

import ccxt

from verzek.execution.ports import (
    ZERO,
    AccountError,
    ExchangePosition,
    ExecutionError,
    MarketRules,
    OrderNotFound,
    OrderRejected,
    OrderRequest,
    OrderSide,
    OrderState,
    OrderStatus,
    OrderType,
    OutcomeUnknown,
    RateLimited,
    RequestNotSent,
)
from verzek.ports import Candle

_STATUS = {"open": OrderStatus.OPEN, "closed": OrderStatus.FILLED, "canceled": OrderStatus.CANCELLED,
           "cancelled": OrderStatus.CANCELLED, "rejected": OrderStatus.REJECTED, "expired": OrderStatus.EXPIRED}
_TIMEFRAME_MS = {"1m": 60_000}
# a read of more pages than this is refused as incomplete rather than trusted (200 rows a page)
_BYBIT_POSITION_PAGES = 25
# Bybit 110092/110093 ("expect Rising/Falling, but trigger_price ... current"), Binance -2021
_WOULD_TRIGGER = re.compile(r'retCode"?\s*:\s*"?11009[23]\b|expect (rising|falling), but trigger_price'
                            r'|would immediately trigger', re.IGNORECASE)
# ccxt quotes the request URL in timeout / HTTP-status errors; Binance signs the query string.
_URL_QUERY = re.compile(r"(https?://[^\s?#]+)\?\S*")


def _dec(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value))


def _reply_number(raw: dict, key: str, *, signed: bool = False) -> Decimal | None:
    """A number from an exchange's order reply; NaN, infinite, unreadable or (unless `signed`) negative
    values mean we do not know the order's state (stored, NaN would read as 'fully filled')."""
    try:
        value = _dec(raw.get(key))
    except (InvalidOperation, ValueError, TypeError):
        raise OutcomeUnknown(f"unreadable {key} in the exchange's order reply") from None
    if value is not None and (not value.is_finite() or (value < 0 and not signed)):
        raise OutcomeUnknown(f"invalid {key} in the exchange's order reply: {value}")
    return value


def _money_str(value: Decimal) -> str:
    return format(value.normalize(), "f")


def map_ccxt_error(exc: Exception) -> Exception:
    """A ccxt exception as the port's error (ccxt's message, with any URL query string, which may carry a
    request signature, cut out)."""
    from verzek.exchange.proxy_client import ProxyRefused, ProxyUnavailable

    text = str(exc)
    message = f"{type(exc).__name__}: {_URL_QUERY.sub(r'\1?...', text)[:300]}"
    if isinstance(exc, ccxt.OrderImmediatelyFillable) or _WOULD_TRIGGER.search(text):
        return OrderRejected(message, "would_trigger")
    if isinstance(exc, (ccxt.RateLimitExceeded, ccxt.DDoSProtection)):
        return RateLimited(message)
    if isinstance(exc, (ProxyUnavailable, ProxyRefused)):
        return RequestNotSent(message)
    if isinstance(exc, ccxt.InvalidNonce):
        return RequestNotSent(message)
    if isinstance(exc, ccxt.NetworkError):  # RequestTimeout, ExchangeNotAvailable, ...
        return OutcomeUnknown(message)
    if isinstance(exc, ccxt.InsufficientFunds):
        return OrderRejected(message, "insufficient_funds")
    if isinstance(exc, ccxt.DuplicateOrderId) or "duplicate" in str(exc).lower():
        return OrderRejected(message, "duplicate")
    if isinstance(exc, ccxt.OrderNotFound):
        return OrderNotFound(message)
    if isinstance(exc, (ccxt.AuthenticationError, ccxt.PermissionDenied, ccxt.AccountSuspended,
                        ccxt.AccountNotEnabled)):
        return AccountError(message)
    if isinstance(exc, ccxt.BadSymbol):  # the exchange lists no such market: a misspelt or unlisted ticker
        return OrderRejected(message, "unknown_symbol")
    if isinstance(exc, (ccxt.InvalidOrder, ccxt.BadRequest)):
        return OrderRejected(message, "invalid_order")
    return OrderRejected(message, "other")


# Kraken Futures marks the forced closes among the account's fills (`fillType`): liquidated (by the engine,
# taken over by another account, or unwound at bankruptcy) or auto-deleveraged (unwound as counterparty)
_KRAKEN_FORCED = {"liquidation": "liq", "assignor": "liq", "unwindBankrupt": "liq", "unwindCounterparty": "adl"}


class CcxtExchange:
    """`Exchange` over one ccxt client (sync). Also a `PriceSource` (1m candles) for the monitor."""

    def __init__(self, client, *, market_type: str, price_source=None) -> None:
        self.client = client
        # optional shared market data for last prices/candles (public data needs no user request)
        self.price_source = price_source
        self.name = client.id
        self.market_type = market_type  # spot | futures
        self._time_synced = False

    @classmethod
    def connect(cls, exchange_id: str, *, api_key: str, secret: str, password: str | None = None,
                testnet: bool = False, market_type: str = "spot", settings=None,
                price_source=None, prefer_nodes: tuple[str, ...] = ()) -> CcxtExchange:
        from verzek.exchange.proxy_client import create_ccxt_client

        client = create_ccxt_client(exchange_id, api_key=api_key, secret=secret, password=password, testnet=testnet,
                                    market_type="spot" if market_type == "spot" else "future", settings=settings,
                                    options={"adjustForTimeDifference": True, "recvWindow": 10_000},
                                    prefer_nodes=prefer_nodes)
        return cls(client, market_type=market_type, price_source=price_source)

    # --- plumbing ---
    def _call(self, fn: Callable, *args, **kwargs):
        """Run one ccxt call; a clock-skew refusal resyncs the time difference and is sent once more."""
        for attempt in (1, 2):
            try:
                return fn(*args, **kwargs)
            except ccxt.InvalidNonce as exc:
                if attempt == 2:
                    raise map_ccxt_error(exc) from None
                try:
                    self.client.load_time_difference()
                except ccxt.BaseError as sync_exc:
                    raise map_ccxt_error(sync_exc) from None
            except ccxt.BaseError as exc:
                raise map_ccxt_error(exc) from None

    def _load(self) -> None:
        if not self.client.markets:
            self._call(self.client.load_markets)

    def _is_bybit(self) -> bool:
        return self.client.id == "bybit"

    def _bybit_category(self, symbol: str) -> str:
        return "spot" if self.client.market(symbol)["spot"] else "linear"

    def _binance_algo(self, trigger: bool) -> bool:
        """Binance USD-M stop orders live in the Algo Service book, not the order book."""
        return trigger and self.client.id == "binance" and self.market_type == "futures"

    def supports_protective_stop(self, symbol: str) -> bool:
        return self.market_type == "futures" and self.client.id in ("binance", "bybit")

    # --- port ---
    def market_rules(self, symbol: str) -> MarketRules:
        self._load()
        try:
            market = self.client.market(symbol)
        except ccxt.BaseError as exc:
            raise map_ccxt_error(exc) from None
        tiers = ()
        if self.market_type == "futures":  # the planner's liquidation check: the exchange's recorded tiers
            from verzek.execution import markets

            tiers = markets.leverage_tiers(symbol, self.client.id)
        return MarketRules.from_ccxt_market(market, self.client.precisionMode, tiers=tiers)

    def position_mode(self, symbol: str) -> str:
        """`hedge` when the futures account keeps longs and shorts apart (Binance dual-side position mode,
        Bybit positionIdx 1/2), else `one_way`. ccxt has no fetchPositionMode for Bybit: its v5 position list
        of the symbol says (one row of positionIdx 0 in one-way mode, rows 1 and 2 in hedge mode, empty
        positions included). Other exchanges: `one_way`."""
        if self.market_type != "futures":
            return "one_way"
        if self._is_bybit():
            self._load()
            rows = self._bybit_positions({"symbol": self.client.market(symbol)["id"]})
            return "hedge" if any(str(r.get("positionIdx")) in ("1", "2") for r in rows) else "one_way"
        if not self.client.has.get("fetchPositionMode"):
            return "one_way"
        self._load()
        mode = self._call(self.client.fetch_position_mode, symbol)
        return "hedge" if mode.get("hedged") else "one_way"

    def _bybit_positions(self, params: dict) -> list[dict]:
        """Every row, page by page (Bybit pages at most 200 rows, 20 by default): a row missing from a
        short read would look like a position closed outside us."""
        rows: list[dict] = []
        cursor = ""
        for _ in range(_BYBIT_POSITION_PAGES):
            query = {"category": "linear", "limit": 200, **params, **({"cursor": cursor} if cursor else {})}
            result = (self._call(self.client.privateGetV5PositionList, query) or {}).get("result") or {}
            rows += list(result.get("list") or [])
            cursor = result.get("nextPageCursor") or ""
            if not cursor:
                return rows
        raise ExecutionError(f"bybit position list longer than {_BYBIT_POSITION_PAGES} pages")

    def fetch_positions(self) -> list[ExchangePosition] | None:
        """The futures account's open positions in one request (Binance USD-M `GET /fapi/v3/positionRisk`,
        Bybit `GET /v5/position/list` of USDT-settled linear contracts), through ccxt's implicit API: its
        `fetch_positions` would also load Binance's leverage brackets, a second request per client.
        None where the exchange is not one of these (the monitor then cannot reconcile)."""
        if self.market_type != "futures" or self.client.id not in ("binance", "bybit", "krakenfutures"):
            return None
        self._load()
        out = []
        if self.client.id == "krakenfutures":  # GET /derivatives/api/v3/openpositions; one-way accounts only
            for raw in (self._call(self.client.privateGetOpenpositions, {}) or {}).get("openPositions") or []:
                size = _dec(raw.get("size"))
                if not size or raw.get("side") not in ("long", "short"):
                    continue
                out.append(ExchangePosition(self._swap_symbol(raw.get("symbol")), raw["side"], abs(size),
                                            _dec(raw.get("price")), None, False))
            return out
        if self._is_bybit():
            for raw in self._bybit_positions({"settleCoin": "USDT"}):
                size = _dec(raw.get("size"))
                if not size or raw.get("side") not in ("Buy", "Sell"):
                    continue
                out.append(ExchangePosition(self._swap_symbol(raw.get("symbol")),
                                            "long" if raw["side"] == "Buy" else "short", abs(size),
                                            _dec(raw.get("avgPrice")), _dec(raw.get("markPrice")),
                                            str(raw.get("positionIdx")) in ("1", "2")))
            return out
        for raw in self._call(self.client.fapiPrivateV3GetPositionRisk, {}) or []:
            amount = _dec(raw.get("positionAmt"))
            if not amount:
                continue
            side = raw.get("positionSide") or "BOTH"
            out.append(ExchangePosition(self._swap_symbol(raw.get("symbol")),
                                        ("long" if amount > 0 else "short") if side == "BOTH" else side.lower(),
                                        abs(amount), _dec(raw.get("entryPrice")), _dec(raw.get("markPrice")),
                                        side != "BOTH"))
        return out

    def _swap_symbol(self, market_id) -> str:
        return self.client.safe_market(market_id, None, None, "swap")["symbol"]

    def fetch_funding_history(self, symbol: str, since_ms: int) -> list[dict]:
        """Funding the account paid (-) or received (+) on `symbol` since `since_ms` (ccxt
        `fetch_funding_history`: Binance's income history of type FUNDING_FEE, Bybit's executions of
        type Funding), oldest first; [] where the exchange does not offer it. Bybit reports the funding
        as a fee (positive = paid), so its sign is turned to ours."""
        if self.market_type != "futures" or not self.client.has.get("fetchFundingHistory"):
            return []
        self._load()
        events = []
        for raw in self._call(self.client.fetch_funding_history, symbol, since_ms) or []:
            amount, ts = _dec(raw.get("amount")), raw.get("timestamp")
            if amount is None or ts is None or not amount.is_finite() or int(ts) < since_ms:
                continue
            event = {"symbol": symbol, "timestamp": int(ts), "amount": -amount if self._is_bybit() else amount,
                     "code": raw.get("code"), "id": raw.get("id")}
            info = raw.get("info") or {}
            rate, mark = _dec(info.get("feeRate")), _dec(info.get("markPrice"))
            if self._is_bybit() and rate is not None and mark:
                event["rate"], event["mark"] = rate, mark  # Bybit's funding execution states both
            events.append(event)
        return sorted(events, key=lambda e: e["timestamp"])

    def funding_rate_at(self, symbol: str, ts_ms: int) -> tuple[Decimal, Decimal] | None:
        """The funding rate settled on `symbol` at `ts_ms` (within a minute) and the mark price it was
        charged at (ccxt `fetch_funding_rate_history`: Binance's `/fapi/v1/fundingRate` states both); None
        where the exchange does not say (a hedge-mode payment cannot then be split between the sides)."""
        if self.market_type != "futures" or self.client.id != "binance":
            return None
        self._load()
        for raw in self._call(self.client.fetch_funding_rate_history, symbol, ts_ms - 60_000, 10) or []:
            rate, mark = _dec(raw.get("fundingRate")), _dec((raw.get("info") or {}).get("markPrice"))
            if raw.get("timestamp") is not None and abs(int(raw["timestamp"]) - ts_ms) <= 60_000 and rate is not None \
                    and mark:
                return rate, mark
        return None

    def fetch_liquidations(self, symbol: str, since_ms: int) -> list[OrderState]:
        """The exchange's forced closes of the account's `symbol` position since `since_ms` (ccxt
        `fetch_my_liquidations`: Binance USD-M's force orders of type LIQUIDATION, Bybit's BustTrade
        executions; then the auto-deleveraging ones, Binance autoCloseType ADL / Bybit AdlTrade, whose
        client ids start with `adl-`), as filled market orders at the exchange's price (`average`, also
        `trigger_price`, where the position was taken over); [] where the exchange does not offer it."""
        if self.market_type == "futures" and self.client.id == "krakenfutures":
            return self._kraken_forced_closes(symbol, since_ms)
        if self.market_type != "futures" or not self.client.has.get("fetchMyLiquidations"):
            return []
        self._load()
        adl = {"autoCloseType": "ADL"} if self.client.id == "binance" else {"execType": "AdlTrade"}
        out = self._forced_closes(symbol, since_ms, {}, "liq")
        if self.client.id in ("binance", "bybit"):
            out += self._forced_closes(symbol, since_ms, adl, "adl")
        return sorted(out, key=lambda o: o.updated_ms)

    def _kraken_forced_closes(self, symbol: str, since_ms: int) -> list[OrderState]:
        """Kraken Futures' forced closes of `symbol` since `since_ms`, from its recent fills
        (`GET /derivatives/api/v3/fills`, the last 100; ccxt has no fetch_my_liquidations for Kraken)."""
        self._load()
        market_id = self.client.market(symbol)["id"].upper()
        out = []
        for raw in (self._call(self.client.privateGetFills, {}) or {}).get("fills") or []:
            prefix = _KRAKEN_FORCED.get(str(raw.get("fillType")))
            side = str(raw.get("side") or "").lower()
            size, price, ts = _dec(raw.get("size")), _dec(raw.get("price")), self.client.parse8601(raw.get("fillTime"))
            if (prefix is None or str(raw.get("symbol") or "").upper() != market_id or side not in ("buy", "sell")
                    or not size or not price or ts is None or ts < since_ms):
                continue
            xid = str(raw.get("fill_id") or raw.get("order_id") or ts)
            out.append(OrderState(f"{prefix}-{xid}", xid, symbol, OrderSide(side), OrderType.MARKET, OrderStatus.FILLED,
                                  size, size, price, trigger_price=price, reduce_only=True, updated_ms=int(ts)))
        return sorted(out, key=lambda o: o.updated_ms)

    def _forced_closes(self, symbol: str, since_ms: int, params: dict, prefix: str) -> list[OrderState]:
        out = []
        for raw in self._call(self.client.fetch_my_liquidations, symbol, since_ms, None, params) or []:
            info = raw.get("info") or {}
            contracts, price = _dec(raw.get("contracts")), _dec(raw.get("price"))
            if not contracts or not price:
                continue
            amount = contracts * (_dec(raw.get("contractSize")) or Decimal(1))
            side = str(raw.get("side") or info.get("side") or "").lower()
            if side not in ("buy", "sell"):
                continue
            ts = int(raw.get("timestamp") or 0)
            xid = str(info.get("orderId") or info.get("execId") or ts)
            out.append(OrderState(f"{prefix}-{xid}", xid, symbol, OrderSide(side), OrderType.MARKET,
                                  OrderStatus.FILLED, amount, amount, price, trigger_price=price, reduce_only=True,
                                  updated_ms=ts))
        return out

    def taker_fee_rate(self, symbol: str) -> Decimal | None:
        """The market's taker fee as a rate (ccxt's market info; the account's own tier may be lower)."""
        self._load()
        try:
            return _dec(self.client.market(symbol).get("taker"))
        except ccxt.BaseError:
            return None

    def last_price(self, symbol: str) -> Decimal:
        if self.price_source is not None:
            import time

            candle = self.price_source.last_candle(symbol, int(time.time() * 1000))
            if candle is None:
                raise OrderRejected(f"no price for {symbol}", "other")
            return candle.close
        self._load()
        ticker = self._call(self.client.fetch_ticker, symbol)
        price = _dec(ticker.get("last") or ticker.get("close"))
        if price is None:
            raise OrderRejected(f"no last price for {symbol}", "other")
        return price

    def free_balance(self, asset: str) -> Decimal:
        self._load()
        balance = self._call(self.client.fetch_balance)
        if self.client.id == "krakenfutures" and asset == "USD":
            # Kraken Futures' USD perpetuals are margined by the multi-collateral ("flex") wallet: what a new
            # order may use is its `availableMargin`, in USD, from every currency held (USDT, USDC, USD, BTC…
            # after Kraken's haircuts) less the margin in use. ccxt's free["USD"] is only the USD cash held there:
            # a wallet of USDT reads 0 and every trade would be refused for a balance the account has.
            flex = ((balance.get("info") or {}).get("accounts") or {}).get("flex") or {}
            margin = _dec(flex.get("availableMargin"))
            if margin is None:
                raise AccountError("Kraken Futures: no multi-collateral (flex) wallet on this account; Verzek "
                                   "trades Kraken's USD perpetuals from the flex wallet")
            return max(margin, ZERO)
        return _dec((balance.get("free") or {}).get(asset)) or ZERO

    def account_balances(self) -> dict[str, tuple[Decimal, Decimal | None]]:
        """Per asset with a balance: (wallet balance, equity or None). ccxt's unified `total` is the wallet
        on spot; on Binance USD-M it is the margin balance (wallet + unrealised PnL), so there the wallet
        and the equity are read from the account's own fields."""
        self._load()
        balance = self._call(self.client.fetch_balance)
        answer: dict[str, tuple[Decimal, Decimal | None]] = {}
        info = balance.get("info")
        if self.client.id == "binance" and self.market_type == "futures" and isinstance(info, dict):
            for asset in info.get("assets") or []:
                wallet, margin = _dec(asset.get("walletBalance")), _dec(asset.get("marginBalance"))
                if wallet is not None and (wallet or margin):
                    answer[str(asset.get("asset"))] = (wallet, margin)
            return answer
        for asset, total in (balance.get("total") or {}).items():
            amount = _dec(total)
            if amount:
                answer[asset] = (amount, None)
        return answer

    def set_leverage(self, symbol: str, leverage: int, margin_mode: str | None) -> None:
        if self.market_type != "futures":
            return
        self._load()
        if margin_mode:
            try:
                self._call(self.client.set_margin_mode, margin_mode, symbol)
            except OrderRejected as exc:  # "no need to change margin type" is success
                if "no need" not in exc.reason.lower() and "not modified" not in exc.reason.lower():
                    raise
        try:
            self._call(self.client.set_leverage, int(leverage), symbol)
        except OrderRejected as exc:
            if "not modified" not in exc.reason.lower() and "no need" not in exc.reason.lower():
                raise

    def create_order(self, request: OrderRequest) -> OrderState:
        self._load()
        params: dict = {"clientOrderId": request.client_order_id}
        if request.reduce_only and self.market_type == "futures":
            params["reduceOnly"] = True
        if request.position_side is not None and self.market_type == "futures":
            # hedge mode: ccxt names the side from the order's side and reduceOnly (a reduce-only sell closes
            # the long): Binance positionSide LONG/SHORT without reduceOnly, Bybit positionIdx 1/2
            params["hedged"] = True
        type_ = "market" if request.type in (OrderType.MARKET, OrderType.STOP_MARKET) else "limit"
        if request.type == OrderType.STOP_MARKET:
            params["triggerPrice"] = _money_str(request.trigger_price)
            if self.client.id == "binance" and self.market_type == "futures":
                params["workingType"] = "CONTRACT_PRICE"
            elif self._is_bybit() and self.market_type == "futures":
                # a sell stop protects a long: it fires when the price falls to the trigger
                params["triggerDirection"] = "descending" if request.side == OrderSide.SELL else "ascending"
                params["triggerBy"] = "LastPrice"
        price = _money_str(request.price) if request.price is not None else None
        raw = self._call(self.client.create_order, request.symbol, type_, request.side.value,
                         _money_str(request.amount), price, params)
        state = self._to_state(raw, request.symbol)
        # Some exchanges acknowledge with only ids (Bybit): fill in what we sent.
        return state.with_(client_order_id=request.client_order_id, side=request.side, type=request.type,
                           amount=state.amount or request.amount, price=request.price,
                           trigger_price=request.trigger_price, reduce_only=request.reduce_only)

    def fetch_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        self._load()
        if self._binance_algo(trigger):
            return self._fetch_binance_algo(symbol, client_order_id)
        if self._is_bybit():
            market = self.client.market(symbol)
            request = {"category": self._bybit_category(symbol), "symbol": market["id"],
                       "orderLinkId": client_order_id}
            for endpoint in (self.client.privateGetV5OrderRealtime, self.client.privateGetV5OrderHistory):
                response = self._call(endpoint, request)
                rows = ((response or {}).get("result") or {}).get("list") or []
                if rows:
                    return self._to_state(self.client.parse_order(rows[0], market), symbol)
            raise OrderNotFound(f"order {client_order_id} not found")
        raw = self._call(self.client.fetch_order, None, symbol, {"clientOrderId": client_order_id})
        return self._to_state(raw, symbol)

    @property
    def open_orders_scope(self) -> str | None:
        """How `open_orders` reads: "symbol" (Binance: weight 1 per symbol on USD-M, 6 on spot, against
        40 / 80 for the whole account, so one read per symbol is cheaper for any usual account),
        "account" (Bybit: one paged read), None (not supported: orders are looked up one by one)."""
        if self.client.id == "binance":
            return "symbol"
        if self._is_bybit():
            return "account"
        return None

    def open_orders(self, symbol: str | None = None) -> dict[str, OrderState] | None:
        """The account's open orders (of `symbol` where the scope is "symbol") on its market type,
        keyed by client id: one request per order book (Binance USD-M keeps stops in a second one,
        the Algo Service; Bybit pages by 50)."""
        self._load()
        if self.client.id == "binance":
            book = {"type": "swap", "subType": "linear"} if self.market_type == "futures" else {"type": "spot"}
            if symbol is None:
                self.client.options.setdefault("fetchOpenOrders", {})["warnWithoutSymbol"] = False
            out = {}
            for raw in self._call(self.client.fetch_open_orders, symbol, None, None, dict(book)):
                state = self._to_state(raw, raw.get("symbol") or "")
                out[state.client_order_id] = state
            if self.market_type == "futures":
                for raw in self._call(self.client.fetch_open_orders, symbol, None, None, {**book, "trigger": True}):
                    state = self._to_state(raw, raw.get("symbol") or "")
                    # a resting algo order has not filled: its fills belong to the order it triggers
                    out[state.client_order_id] = state.with_(status=OrderStatus.OPEN, filled=ZERO,
                                                             type=OrderType.STOP_MARKET)
            out.pop("", None)
            return out
        if self._is_bybit():
            spot = self.market_type == "spot"
            request: dict = {"category": "spot" if spot else "linear", "limit": 50}
            if symbol is not None:
                request["symbol"] = self.client.market(symbol)["id"]
            elif not spot:
                request["settleCoin"] = "USDT"
            out = {}
            for _ in range(100):  # 5,000 open orders at most; an account never has that many
                response = self._call(self.client.privateGetV5OrderRealtime, dict(request))
                result = (response or {}).get("result") or {}
                for row in result.get("list") or []:
                    market = next((m for m in self.client.markets_by_id.get(row.get("symbol"), [])
                                   if bool(m.get("spot")) == spot), None)
                    if market is None:
                        continue
                    state = self._to_state(self.client.parse_order(row, market), market["symbol"])
                    if state.client_order_id:
                        out[state.client_order_id] = state
                cursor = result.get("nextPageCursor")
                if not cursor:
                    break
                request["cursor"] = cursor
            return out
        return None

    def _fetch_binance_algo(self, symbol: str, client_order_id: str) -> OrderState:
        raw = self._call(self.client.fetch_order, None, symbol, {"clientOrderId": client_order_id, "trigger": True})
        state = self._to_state(raw, symbol)
        info = raw.get("info") or {}
        algo_status = str(info.get("algoStatus") or "").upper()
        actual_id = str(info.get("actualOrderId") or "")
        if algo_status in ("NEW", "TRIGGERING") or state.status in (OrderStatus.CANCELLED, OrderStatus.REJECTED,
                                                                    OrderStatus.EXPIRED):
            return state.with_(status=OrderStatus.OPEN if algo_status in ("NEW", "TRIGGERING") else state.status,
                               filled=ZERO, type=OrderType.STOP_MARKET)
        if not actual_id or actual_id == "0":
            # triggered but the matching-engine order is not visible yet: still in flight
            return state.with_(status=OrderStatus.OPEN, filled=ZERO, type=OrderType.STOP_MARKET)
        try:
            actual = self._to_state(self._call(self.client.fetch_order, actual_id, symbol), symbol)
        except OrderNotFound:
            return state.with_(status=OrderStatus.OPEN, filled=ZERO, type=OrderType.STOP_MARKET)
        status = actual.status
        if status == OrderStatus.FILLED and actual.filled < state.amount:
            status = OrderStatus.EXPIRED  # a reduce-only close capped to a smaller position
        return state.with_(status=status, filled=actual.filled, average=actual.average, fee=actual.fee,
                           fee_currency=actual.fee_currency, type=OrderType.STOP_MARKET,
                           updated_ms=actual.updated_ms or state.updated_ms)

    def cancel_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        self._load()
        params = {"orderLinkId": client_order_id} if self._is_bybit() else {"clientOrderId": client_order_id}
        if self._binance_algo(trigger):
            params["trigger"] = True
        try:
            self._call(self.client.cancel_order, None, symbol, params)
        except OrderRejected:
            pass  # already final (filled / cancelled): the lookup below tells which
        except OrderNotFound:
            pass
        return self.fetch_order(symbol, client_order_id, trigger=trigger)

    # --- PriceSource for the monitor (public candles) ---
    def timeframe_ms(self, symbol: str) -> int:
        return _TIMEFRAME_MS["1m"]

    def candles(self, symbol: str, since_ms: int, until_ms: int) -> Sequence[Candle]:
        self._load()
        rows = self._call(self.client.fetch_ohlcv, symbol, "1m", since_ms, 500)
        out = []
        for ts, o, h, lo, c, v in rows:
            if ts >= since_ms and ts + 60_000 <= until_ms:
                out.append(Candle(int(ts), _dec(o), _dec(h), _dec(lo), _dec(c), _dec(v) or ZERO))
        return out

    def last_candle(self, symbol: str, until_ms: int) -> Candle | None:
        rows = self.candles(symbol, until_ms - 10 * 60_000, until_ms)
        return rows[-1] if rows else None

    # --- conversion ---
    def _to_state(self, raw: dict, symbol: str) -> OrderState:
        status = _STATUS.get(raw.get("status") or "open", OrderStatus.OPEN)
        amount = _reply_number(raw, "amount") or ZERO
        filled = _reply_number(raw, "filled") or ZERO
        average = _reply_number(raw, "average")
        price = _reply_number(raw, "price")
        trigger_price = _reply_number(raw, "triggerPrice")
        fee = ZERO
        fee_currency = None
        for item in raw.get("fees") or ([raw["fee"]] if raw.get("fee") else []):
            cost = _reply_number(item or {}, "cost", signed=True)  # a maker rebate is negative
            if not cost:
                continue
            currency = item.get("currency")
            market = self.client.markets.get(symbol) if self.client.markets else None
            if market and currency == market.get("base") and average:
                cost = cost * average  # fee charged in the base asset, valued in quote
            fee += cost
            fee_currency = market.get("quote") if market else currency
        try:
            side = OrderSide(raw.get("side") or "buy")
        except ValueError:
            raise OutcomeUnknown(f"invalid side in the exchange's order reply: {str(raw.get('side'))[:20]}") from None
        type_ = OrderType.LIMIT if raw.get("type") == "limit" else OrderType.MARKET
        if trigger_price:
            type_ = OrderType.STOP_MARKET
        return OrderState(client_order_id=raw.get("clientOrderId") or "", exchange_order_id=raw.get("id"),
                          symbol=symbol, side=side, type=type_, status=status, amount=amount, filled=filled,
                          average=average, fee=fee, fee_currency=fee_currency, price=price,
                          trigger_price=trigger_price, reduce_only=bool(raw.get("reduceOnly")),
                          updated_ms=int(raw.get("lastUpdateTimestamp") or raw.get("timestamp") or 0))


class PublicPrices:
    """`PriceSource` from an exchange's public 1m candles (paper mode in the cloud). Public market
    data needs no keys and no static IP, so it does not go through the proxy node."""

    def __init__(self, exchange_id: str = "binance") -> None:
        import ccxt as _ccxt

        self.client = getattr(_ccxt, exchange_id)({"enableRateLimit": True, "timeout": 10_000})
        self._cache: dict[str, tuple[int, list[Candle]]] = {}

    def timeframe_ms(self, symbol: str) -> int:
        return 60_000

    def candles(self, symbol: str, since_ms: int, until_ms: int) -> Sequence[Candle]:
        try:
            rows = self.client.fetch_ohlcv(symbol, "1m", since_ms, 500)
        except ccxt.BaseError as exc:
            raise map_ccxt_error(exc) from None
        return [Candle(int(ts), _dec(o), _dec(h), _dec(lo), _dec(c), _dec(v) or ZERO)
                for ts, o, h, lo, c, v in rows if ts >= since_ms and ts + 60_000 <= until_ms]

    def last_candle(self, symbol: str, until_ms: int) -> Candle | None:
        rows = self.candles(symbol, until_ms - 10 * 60_000, until_ms)
        return rows[-1] if rows else None
