"""The paper engine: a simulated exchange account implementing the `Exchange` port, and a
`PriceSource` over recorded candles. Pure objects (no database): backtests use them directly.

    from verzek.execution.paper import PaperExchange, RecordedPrices
    prices = RecordedPrices.from_files(["../shared/data/ohlcv/ETH_BTC-5m.json"])
    clock = verzek.marketdata.ManualClock(start_ms)
    paper = PaperExchange(prices, clock, balances={"BTC": Decimal("1")})
    paper.create_order(OrderRequest(...)); clock.advance(300_000); paper.fetch_order(symbol, cid)

Fill model (all `Decimal`, fees charged in the quote currency):
* Market orders fill at the *next* price: the open of the first candle that opens at or after the
  order's time, moved against the trader by `slippage_pct` (buy higher, sell lower); taker fee.
* Limit orders fill only when the price trades *through* them (a buy when a candle's low is
  strictly below the limit, a sell when the high is strictly above), at the limit price with the
  maker fee — or at the candle's open when the price gapped past the limit. A limit that is
  already marketable at its first candle fills at that open as a taker.
* Stop-market orders trigger when a candle touches the trigger, fill at the trigger (or the open
  when it gapped past) moved by the slippage; taker fee. Like Binance (-2021) and Bybit
  (110092/110093), a stop whose trigger the last price has already passed is refused
  (`OrderRejected(kind="would_trigger")`).
* Protective stops: every paper market rests reduce-only stops (`supports_protective_stop`), like
  the live adapter on Binance/Bybit linear, so the position monitor runs the same code path
  in paper and live (place once filled, re-size, cancel + replace on a move, cancel on close).
  Spot exits are OCO-like: reduce-only sells (TPs and the stop) reserve nothing and share the base
  held, so the stop rule is the same for spot and futures (issue 13 item 4). Live spot keeps the
  monitor-watched stop.
* Fills are whole (no volume model). Within one candle, orders are evaluated entries first, then
  stops, then reduce-only limits (pessimistic: a candle touching both a stop and a target is
  treated as stopped first). Reduce-only orders never open or flip a position: they are capped
  to the position and expire when there is nothing left to reduce.
* Spot: buys spend quote, sells need the base held. Futures (linear, USDT-margined): margin
  = notional / leverage is reserved; realised PnL and fees settle in the quote currency.
  Funding: at every recorded funding event (`RecordedPrices.add_funding`) while a position is held,
  position value at the mark price x the rate moves the quote balance (an isolated position's margin
  too); read back through `fetch_funding_history`. Liquidation (isolated and cross, maintenance
  margin from the market's leverage tiers, see `liquidation_price`): when the mark price reaches the
  liquidation price (a gap past it before the stops, a touch after them) the position is taken
  over and its whole margin lost, never more. The mark is read from recorded mark candles
  (`RecordedPrices.mark_range`; one coarser than the trade candles only when it closes), the
  trade candle standing in where none is recorded for the period; a close's loss is capped at its margin too, so the
  paper balance cannot go negative. Checked on candles new to a resting exit order.
* Hedge mode: an order naming a `position_side` ("long"/"short") opens or closes that side of the
  symbol, kept as a position of its own (`position_key`: `SYMBOL|long`), with its own margin,
  liquidation price and funding; a symbol is held one-way or hedged, never both at once.
* Time comes from `clock()` (epoch ms); only candles closed by then are used, so a paper order
  never fills on prices from its own future.
"""

from __future__ import annotations

import bisect
import gzip
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from verzek.execution.ports import (
    ZERO,
    MarketRules,
    OrderNotFound,
    OrderRejected,
    OrderRequest,
    OrderSide,
    OrderState,
    OrderStatus,
    OrderType,
    bankruptcy_price,
    liquidation_price,
)
from verzek.ports import Candle

HUNDRED = Decimal(100)
DEFAULT_TAKER_FEE = Decimal("0.001")  # 0.1 %
DEFAULT_MAKER_FEE = Decimal("0.001")
DEFAULT_SLIPPAGE_PCT = Decimal("0.05")


# ---------------------------------------------------------------------------------------------
# Prices
# ---------------------------------------------------------------------------------------------

_TF_MS = {"m": 60_000, "h": 3_600_000, "d": 86_400_000}


def _timeframe_ms(tf: str) -> int:
    return int(tf[:-1]) * _TF_MS[tf[-1]]


@dataclass
class _Series:
    timeframe_ms: int
    ts: list[int]
    candles: list[Candle]


class RecordedPrices:
    """`PriceSource` over recorded candle rows `[ts_ms, o, h, l, c, v]`, parsed straight to
    `Decimal` (no float round trip, so hand-checked PnL is exact)."""

    def __init__(self) -> None:
        self._series: dict[str, _Series] = {}
        self._funding: dict[str, tuple[list[int], list[Decimal]]] = {}  # symbol -> (event times, rates)
        self._marks: dict[str, _Series] = {}  # mark-price candles

    def add_funding(self, symbol: str, rows: Iterable[Sequence]) -> RecordedPrices:
        """Funding events `[funding_time_ms, rate, ...]` (freqtrade's funding_rate files: the rate in `open`)."""
        events = sorted((int(r[0]), Decimal(str(r[1]))) for r in rows)
        self._funding[symbol] = ([t for t, _ in events], [rate for _, rate in events])
        return self

    def add_marks(self, symbol: str, timeframe: str, rows: Iterable[Sequence]) -> RecordedPrices:
        """Mark-price candles `[ts_ms, o, h, l, c, v]`."""
        candles = sorted((Candle(int(r[0]), Decimal(str(r[1])), Decimal(str(r[2])), Decimal(str(r[3])),
                                 Decimal(str(r[4])), ZERO) for r in rows), key=lambda c: c.ts)
        self._marks[symbol] = _Series(_timeframe_ms(timeframe), [c.ts for c in candles], candles)
        return self

    def funding_events(self, symbol: str, after_ms: int, until_ms: int) -> list[tuple[int, Decimal]]:
        """Funding events of `symbol` with after_ms < time <= until_ms, as (time, rate)."""
        times, rates = self._funding.get(symbol, ((), ()))
        lo, hi = bisect.bisect_right(times, after_ms), bisect.bisect_right(times, until_ms)
        return list(zip(times[lo:hi], rates[lo:hi], strict=True))

    def mark_price(self, symbol: str, ts: int) -> Decimal | None:
        """The mark price at `ts`: the open of the mark candle opening then, else the close of the last one
        before; without mark data, the same read from the traded candles."""
        for series in (self._marks.get(symbol), self._series.get(symbol)):
            if series is None or not series.ts:
                continue
            i = bisect.bisect_right(series.ts, ts) - 1
            if i >= 0:
                candle = series.candles[i]
                return candle.open if candle.ts == ts else candle.close
        return None

    def mark_range(self, symbol: str, ts: int, timeframe_ms: int) -> tuple[Decimal | None, Decimal | None,
                                                                           Decimal | None] | None:
        """What the mark price did during the trade candle [ts, ts + timeframe_ms), as far as it is known
        when that candle closes: (the mark open when a mark candle opens at `ts`, else None; the lowest
        low and highest high of the mark candles that close within the trade candle, else None, None).
        None when no mark candle covers `ts` (no mark data for the symbol or the period: the caller falls
        back to the trade candle). A mark candle coarser than the trade candles (1h marks under 5m trades)
        is read only by the trade candle it closes with: its range is not known before."""
        series = self._marks.get(symbol)
        if series is None or not series.ts:
            return None
        i = bisect.bisect_right(series.ts, ts) - 1
        if i < 0 or series.ts[i] + series.timeframe_ms <= ts:
            return None
        opening = series.candles[i].open if series.ts[i] == ts else None
        end = ts + timeframe_ms
        low = high = None
        while i < len(series.ts) and series.ts[i] < end:
            if series.ts[i] + series.timeframe_ms <= end:
                candle = series.candles[i]
                low = candle.low if low is None else min(low, candle.low)
                high = candle.high if high is None else max(high, candle.high)
            i += 1
        return opening, low, high

    @classmethod
    def from_directory(cls, directory: Path | str) -> RecordedPrices:
        """Every recorded file of a folder: tradable candles, and the funding events and mark prices
        beside them (`*-funding_rate.json[.gz]`, `*-mark.json[.gz]`)."""
        from verzek.marketdata.replay import symbol_from_filename

        folder = Path(directory)
        prices = cls.from_files(sorted(p for p in folder.iterdir() if symbol_from_filename(p.name)))
        return prices.add_funding_files(folder)

    def add_funding_files(self, folder: Path | str) -> RecordedPrices:
        """The funding-rate and mark-price files of `folder` (candles left alone)."""
        from verzek.marketdata.replay import _FILE_RE

        for path in sorted(Path(folder).iterdir()):
            match = _FILE_RE.match(path.name)
            if not match or match.group("kind") not in ("funding_rate", "mark"):
                continue
            parts = match.group("pair").upper().split("_")
            symbol = f"{parts[0]}/{parts[1]}" + (f":{parts[2]}" if len(parts) == 3 else "")
            if path.name.endswith(".feather"):  # freqtrade's own format (the shared USDT set)
                from verzek.marketdata.replay import feather_rows

                rows = [[r[0], *(Decimal(repr(v)) for v in r[1:])] for r in feather_rows(path)]
            else:
                raw = path.read_bytes()
                rows = json.loads(gzip.decompress(raw) if path.name.endswith(".gz") else raw, parse_float=Decimal)
            if match.group("kind") == "funding_rate":
                self.add_funding(symbol, rows)
            else:
                self.add_marks(symbol, match.group("tf"), rows)
        return self

    def add(self, symbol: str, timeframe: str, rows: Iterable[Sequence]) -> RecordedPrices:
        candles = [Candle(int(r[0]), Decimal(str(r[1])), Decimal(str(r[2])), Decimal(str(r[3])),
                          Decimal(str(r[4])), Decimal(str(r[5] if r[5] is not None else 0))) for r in rows]
        candles.sort(key=lambda c: c.ts)
        current = self._series.get(symbol)
        if current is None or _timeframe_ms(timeframe) <= current.timeframe_ms:  # the finest recording fills orders
            self._series[symbol] = _Series(_timeframe_ms(timeframe), [c.ts for c in candles], candles)
        return self

    @classmethod
    def from_files(cls, paths: Iterable[Path | str]) -> RecordedPrices:
        """Files named like the shared data (`ETH_BTC-5m.json`, `XRP_USDT_USDT-5m-futures.json`)."""
        from verzek.marketdata.replay import symbol_from_filename

        prices = cls()
        for path in map(Path, paths):
            parsed = symbol_from_filename(path.name)
            if parsed is None:
                raise ValueError(f"{path.name}: not a recorded candle file")
            raw = path.read_bytes()
            if path.name.endswith(".gz"):
                raw = gzip.decompress(raw)
            prices.add(parsed[0], parsed[1], json.loads(raw, parse_float=Decimal, parse_int=int))
        return prices

    def symbols(self) -> list[str]:
        return sorted(self._series)

    def timeframe_ms(self, symbol: str) -> int:
        return self._get(symbol).timeframe_ms

    def _get(self, symbol: str) -> _Series:
        try:
            return self._series[symbol]
        except KeyError:
            raise OrderRejected(f"no price data for {symbol}: {self.coverage()}", "invalid_order") from None

    def coverage(self) -> str:
        """What this recording can fill, for messages: its symbols and the period they share."""
        if not self._series:
            return "no recorded prices loaded"
        from datetime import UTC, datetime

        first = max(s.ts[0] for s in self._series.values() if s.ts)
        last = min(s.ts[-1] + s.timeframe_ms for s in self._series.values() if s.ts)
        fmt = "%Y-%m-%d %H:%M"
        return (f"the replay covers only {', '.join(sorted(self._series))} "
                f"({datetime.fromtimestamp(first / 1000, UTC):{fmt}} → {datetime.fromtimestamp(last / 1000, UTC):{fmt}} UTC)")

    def candles(self, symbol: str, since_ms: int, until_ms: int) -> Sequence[Candle]:
        """Candles opening at or after `since_ms` and closed by `until_ms`."""
        s = self._get(symbol)
        lo = bisect.bisect_left(s.ts, since_ms)
        hi = bisect.bisect_right(s.ts, until_ms - s.timeframe_ms)
        return s.candles[lo:hi] if hi > lo else []

    def last_candle(self, symbol: str, until_ms: int) -> Candle | None:
        s = self._get(symbol)
        hi = bisect.bisect_right(s.ts, until_ms - s.timeframe_ms)
        return s.candles[hi - 1] if hi else None

    def first_ts(self, symbol: str) -> int:
        return self._get(symbol).ts[0]


class MarketDataPrices:
    """`PriceSource` over any `verzek.ports.MarketData` (live ccxt or the house engine's replay)."""

    def __init__(self, market_data, timeframe: str = "1m", limit: int = 500) -> None:
        self._md, self._tf, self._limit = market_data, timeframe, limit

    def timeframe_ms(self, symbol: str) -> int:
        return _timeframe_ms(self._tf)

    def candles(self, symbol: str, since_ms: int, until_ms: int) -> Sequence[Candle]:
        import asyncio

        rows = asyncio.run(self._md.fetch_ohlcv(symbol, self._tf, self._limit))
        tf = self.timeframe_ms(symbol)
        return [c for c in rows if c.ts >= since_ms and c.ts + tf <= until_ms]

    def last_candle(self, symbol: str, until_ms: int) -> Candle | None:
        rows = self.candles(symbol, 0, until_ms)
        return rows[-1] if rows else None


# ---------------------------------------------------------------------------------------------
# The simulated account
# ---------------------------------------------------------------------------------------------


@dataclass
class _Order:
    state: OrderState
    created_ms: int
    checked_ms: int  # candles opening before this were already evaluated
    reserved: Decimal = ZERO  # quote (or base, for spot sells) held for this order
    reserved_asset: str = ""
    leverage: int = 1
    position_side: str | None = None  # hedge mode: "long" | "short"; None: one-way

    @property
    def position_key(self) -> str:
        return position_key(self.state.symbol, self.position_side)


def position_key(symbol: str, position_side: str | None) -> str:
    """Where a position is kept: by symbol in one-way mode, by symbol and side in hedge mode
    (`BTC/USDT:USDT|long`), so one symbol can hold a long and a short at once."""
    return symbol if position_side is None else f"{symbol}|{position_side}"


def key_symbol(key: str) -> str:
    return key.partition("|")[0]


def key_side(key: str) -> str | None:
    return key.partition("|")[2] or None


@dataclass
class _Position:
    amount: Decimal = ZERO  # signed: + long, - short
    entry: Decimal = ZERO  # average entry price
    margin: Decimal = ZERO
    funding_ms: int = 0  # funding events up to this time are settled (the position's open time at first)


def _d(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class PaperExchange:
    """A simulated exchange account (see the module docstring for the fill model)."""

    name = "paper"

    def __init__(self, prices, clock: Callable[[], int], *, balances: dict[str, Decimal] | None = None,
                 taker_fee: Decimal | None = DEFAULT_TAKER_FEE, maker_fee: Decimal | None = DEFAULT_MAKER_FEE,
                 slippage_pct: Decimal = DEFAULT_SLIPPAGE_PCT, rules: dict[str, MarketRules] | None = None,
                 default_balance: Decimal | None = None, exchange: str = "binance") -> None:
        self.prices, self.clock = prices, clock
        self.exchange = exchange  # whose recorded market rules, fees and leverage tiers apply (`markets`)
        self.taker_fee, self.maker_fee, self.slippage = taker_fee, maker_fee, slippage_pct / HUNDRED
        self.balances: dict[str, Decimal] = dict(balances or {})
        self.default_balance = default_balance  # an asset never seen starts with this (quote currencies)
        self.rules = dict(rules or {})
        self.orders: dict[str, _Order] = {}
        self.positions: dict[str, _Position] = {}
        self.leverage: dict[str, int] = {}
        self.margin_modes: dict[str, str] = {}  # symbol -> isolated | cross (isolated when never set)
        self.fills: list[dict] = []
        self.liquidations: list[dict] = []
        self.funding: list[dict] = []  # funding payments settled by this object (ccxt funding-history entries)

    # --- port: reads ---
    def market_rules(self, symbol: str) -> MarketRules:
        """The rules given to the account, else the exchange's recorded ones (`verzek.execution.markets`:
        steps, minimums, maximum leverage, leverage tiers), else the exchange's conservative rules for a
        market it does not record, else permissive (8-decimal steps, no minimums; quote currencies the
        exchange's file has no policy for). docs/decisions/recorded-market-rules.md"""
        given = self.rules.get(symbol)
        if given is not None:
            return given
        from verzek.execution import markets

        return markets.paper_rules(symbol, self.exchange)

    def _unrecorded(self, rules: MarketRules) -> str:
        """The note a refusal under the conservative rules carries (they are not the market's own)."""
        return "" if rules.recorded else f" (conservative rule: {rules.symbol} is not recorded for {self.exchange})"

    def _refusal(self, request: OrderRequest, rules: MarketRules, reference: Decimal) -> str | None:
        """Why the exchange would refuse this order under its market rules (Binance's filters), or None:
        amount and prices off the steps (-1111), below the minimum amount or notional (-4164; reduce-only
        futures orders are exempt from the notional minimum, as on Binance), or a futures position larger
        than its leverage tier allows (-2027)."""
        def off_step(value: Decimal | None, step: Decimal) -> bool:
            return value is not None and step > 0 and value % step != 0

        if off_step(request.amount, rules.amount_step):
            return f"amount {request.amount} is not a multiple of the step {rules.amount_step}"
        for name, value in (("price", request.price), ("stop price", request.trigger_price)):
            if off_step(value, rules.price_step):
                return f"{name} {value} is not a multiple of the tick {rules.price_step}"
        if rules.min_amount and request.amount < rules.min_amount:
            return f"amount {request.amount} below the market minimum {rules.min_amount} {rules.base}"
        notional = request.amount * reference * rules.contract_size
        exempt = rules.market_type == "futures" and request.reduce_only
        if rules.min_notional and notional < rules.min_notional and not exempt:
            return (f"order value {notional.quantize(Decimal('0.01'))} {rules.quote} below the market minimum "
                    f"{rules.min_notional} {rules.quote}" + self._unrecorded(rules))
        if rules.market_type == "futures" and not request.reduce_only and rules.leverage_tiers:
            leverage = self.leverage.get(request.symbol, 1)
            key = position_key(request.symbol, request.position_side)
            held = self.positions.get(key)
            size = abs(held.amount) * held.entry * rules.contract_size if held and held.amount else ZERO
            size += sum((o.state.remaining * (o.state.price or reference) * rules.contract_size
                         for o in self.orders.values() if o.position_key == key
                         and o.state.status == OrderStatus.OPEN and not o.state.reduce_only), ZERO)
            allowed = rules.max_leverage_for(size + notional)
            if allowed is not None and leverage > allowed:
                return (f"a {(size + notional).quantize(Decimal('0.01'))} {rules.quote} position is above the "
                        f"maximum for {leverage}x leverage (at most {allowed}x at that size)")
        return None

    def fee_rates(self, symbol: str) -> tuple[Decimal, Decimal]:
        """(maker, taker) on `symbol`: the rates given to the account, or (None) the market's own as
        ccxt states them for `exchange` (Binance USD-M 0.02 % / 0.05 %, spot 0.1 %), else 0.1 %."""
        recorded = None
        if self.maker_fee is None or self.taker_fee is None:
            from verzek.execution import markets

            recorded = markets.fees(symbol, self.exchange)
        maker = self.maker_fee if self.maker_fee is not None else (recorded[0] if recorded else DEFAULT_MAKER_FEE)
        taker = self.taker_fee if self.taker_fee is not None else (recorded[1] if recorded else DEFAULT_TAKER_FEE)
        return maker, taker

    def taker_fee_rate(self, symbol: str) -> Decimal:
        return self.fee_rates(symbol)[1]

    def last_price(self, symbol: str) -> Decimal:
        candle = self.prices.last_candle(symbol, self.clock())
        if candle is None:
            raise OrderRejected(f"no price for {symbol} yet", "invalid_order")
        return candle.close

    def _balance(self, asset: str, *, quote: bool = False) -> Decimal:
        """An asset never seen starts at `default_balance` if it is a quote currency, else at 0."""
        if asset not in self.balances:
            self.balances[asset] = (self.default_balance or ZERO) if quote else ZERO
        return self.balances[asset]

    def free_balance(self, asset: str, *, quote: bool = True) -> Decimal:
        """Free balance; the port asks for quote currencies (a new one starts at `default_balance`)."""
        self.sync()
        total = self._balance(asset, quote=quote)
        used = sum((o.reserved for o in self.orders.values()
                    if o.state.status == OrderStatus.OPEN and o.reserved_asset == asset), ZERO)
        margins = sum((p.margin for k, p in self.positions.items() if self.market_rules(key_symbol(k)).quote == asset),
                      ZERO)
        return total - used - margins

    def supports_protective_stop(self, symbol: str) -> bool:
        """Every paper market rests the protective stop, spot included (as an OCO with the take
        profits: spot exits share the base held instead of each locking it), so one stop rule holds in
        paper for spot and futures: a candle touching stop and target is stopped, at the stop."""
        return True

    def position(self, symbol: str, position_side: str | None = None) -> _Position:
        """The position on `symbol` (one-way), or its `position_side` ("long"/"short") in hedge mode."""
        self.sync()
        return self.positions.get(position_key(symbol, position_side), _Position())

    def _keys(self, symbol: str) -> list[str]:
        """The keys of the positions held on `symbol`: itself (one-way) or its sides (hedge mode)."""
        return [k for k in (symbol, f"{symbol}|long", f"{symbol}|short")
                if k in self.positions and self.positions[k].amount]

    def set_leverage(self, symbol: str, leverage: int, margin_mode: str | None) -> None:
        if not 1 <= int(leverage) <= 125:
            raise OrderRejected(f"leverage {leverage} out of range", "invalid_order")
        if margin_mode not in (None, "isolated", "cross"):
            raise OrderRejected(f"margin mode {margin_mode} is not isolated or cross", "invalid_order")
        rules = self.market_rules(symbol)
        maximum = rules.max_leverage
        if maximum is not None and int(leverage) > maximum:
            raise OrderRejected(f"leverage {leverage}x above the market's maximum {maximum}x" + self._unrecorded(rules),
                                "invalid_order")
        self.leverage[symbol] = int(leverage)
        if margin_mode is not None:
            self.margin_modes[symbol] = margin_mode

    def margin_mode(self, symbol: str) -> str:
        return self.margin_modes.get(symbol, "isolated")

    # --- port: orders ---
    def create_order(self, request: OrderRequest) -> OrderState:
        self.sync()
        if request.client_order_id in self.orders:
            raise OrderRejected(f"duplicate client order id {request.client_order_id}", "duplicate")
        rules = self.market_rules(request.symbol)
        now = self.clock()
        reference = request.price or request.trigger_price or self.last_price(request.symbol)
        refusal = self._refusal(request, rules, reference)
        if refusal is not None:
            raise OrderRejected(refusal, "invalid_order")
        if request.position_side is not None and rules.market_type != "futures":
            raise OrderRejected("a position side is for futures in hedge mode only", "invalid_order")
        if (request.position_side is not None and not request.reduce_only
                and request.side != (OrderSide.BUY if request.position_side == "long" else OrderSide.SELL)):
            raise OrderRejected(f"a {request.side.value} order cannot open a {request.position_side} position "
                                "(closing orders are reduce-only)", "invalid_order")
        held = self._keys(request.symbol)
        if held and (request.position_side is None) != (held[0] == request.symbol):
            # one account cannot hold a symbol both ways (Binance -4061: the order's position side does not
            # match the account's position mode)
            raise OrderRejected("the order's position side does not match the position held on "
                                f"{request.symbol} ({'one-way' if held[0] == request.symbol else 'hedge'} mode)",
                                "invalid_order")
        if request.type == OrderType.STOP_MARKET:
            last = self.last_price(request.symbol)
            if last <= request.trigger_price if request.side == OrderSide.SELL else last >= request.trigger_price:
                raise OrderRejected(f"stop {request.trigger_price} would immediately trigger (last price {last})",
                                    "would_trigger")
        order = _Order(OrderState(request.client_order_id, self._exchange_order_id(request), request.symbol, request.side,
                                  request.type, OrderStatus.OPEN, request.amount, price=request.price,
                                  trigger_price=request.trigger_price, reduce_only=request.reduce_only,
                                  updated_ms=now),
                       created_ms=now, checked_ms=now, leverage=self.leverage.get(request.symbol, 1),
                       position_side=request.position_side)
        # Reserve what the order may spend so the account cannot over-commit.
        # what a fill may cost at worst: a limit never fills above its price; market/stop buys slip
        if request.type == OrderType.LIMIT or request.side == OrderSide.SELL:
            worst = reference
        else:
            worst = reference * (1 + self.slippage)
        if rules.market_type == "spot":
            if request.side == OrderSide.BUY:
                order.reserved_asset = rules.quote
                order.reserved = request.amount * worst * (1 + max(self.fee_rates(request.symbol)))
            elif not request.reduce_only:  # exits (TPs + stop) share the base held, like an OCO
                order.reserved_asset = rules.base
                order.reserved = request.amount
        elif not request.reduce_only:
            order.reserved_asset = rules.quote
            notional = request.amount * worst * rules.contract_size
            order.reserved = notional / order.leverage + notional * max(self.fee_rates(request.symbol))
        if order.reserved and self.free_balance(order.reserved_asset,
                                                quote=order.reserved_asset == rules.quote) < order.reserved:
            raise OrderRejected(f"insufficient {order.reserved_asset} balance for this order", "insufficient_funds")
        self.orders[request.client_order_id] = order
        return order.state

    def _exchange_order_id(self, request: OrderRequest) -> str:
        return f"P{len(self.orders) + 1}"

    def fetch_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        self.sync()
        order = self.orders.get(client_order_id)
        if order is None or order.state.symbol != symbol:
            raise OrderNotFound(f"order {client_order_id} not found")
        return order.state

    def cancel_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        self.sync()
        order = self.orders.get(client_order_id)
        if order is None or order.state.symbol != symbol:
            raise OrderNotFound(f"order {client_order_id} not found")
        if order.state.status == OrderStatus.OPEN:
            order.state = order.state.with_(status=OrderStatus.CANCELLED, updated_ms=self.clock())
            order.reserved = ZERO
        return order.state

    def open_orders(self, symbol: str | None = None) -> list[OrderState]:
        self.sync()
        return [o.state for o in self.orders.values()
                if o.state.status == OrderStatus.OPEN and (symbol is None or o.state.symbol == symbol)]

    # --- the matching engine ---
    def sync(self) -> None:
        """Evaluate every open order against the candles closed since it was last evaluated."""
        now = self.clock()
        by_symbol: dict[str, list[_Order]] = {}
        for order in self.orders.values():
            if order.state.status == OrderStatus.OPEN:
                by_symbol.setdefault(order.state.symbol, []).append(order)
        for symbol, orders in by_symbol.items():
            since = min(o.checked_ms for o in orders)
            tf = self.prices.timeframe_ms(symbol)
            futures = self.market_rules(symbol).market_type == "futures"
            for candle in self.prices.candles(symbol, since, now):
                if futures:
                    self._settle_funding(symbol, candle.ts)
                # liquidation is checked on candles new to a resting exit order of the position (so never
                # on a candle from before it existed): a gap past it first, then after the stops
                watch = sorted({o.position_key for o in orders if futures and o.state.reduce_only
                                and o.state.status == OrderStatus.OPEN and candle.ts >= o.checked_ms})
                for key in watch:
                    self._liquidate_if_reached(key, candle, gap_only=True)
                stops_done = False
                for order in sorted(orders, key=self._priority):
                    if order.state.status != OrderStatus.OPEN or candle.ts < order.checked_ms:
                        continue
                    if watch and not stops_done and self._priority(order)[0] == 2:
                        for key in watch:
                            self._liquidate_if_reached(key, candle, gap_only=False)
                        stops_done = True
                    first = candle.ts < order.checked_ms + tf and order.checked_ms == order.created_ms
                    self._match(order, candle, first)
                    order.checked_ms = candle.ts + tf
                if watch and not stops_done:
                    for key in watch:
                        self._liquidate_if_reached(key, candle, gap_only=False)
            if futures:
                self._settle_funding(symbol, now)

    def _settle_funding(self, symbol: str, until_ms: int) -> None:
        """Funding of the position on `symbol` for the events after its last settled one, up to `until_ms`:
        position value at the mark price x the rate, paid by longs and received by shorts when the rate
        is positive (the other way round when negative). It moves the quote balance; on an isolated
        position it comes out of (or goes into) the position's margin, as on Binance, which moves the
        liquidation price."""
        events = getattr(self.prices, "funding_events", None)
        if events is None:
            return
        for key in self._keys(symbol):  # both sides in hedge mode, each on its own
            self._settle_position_funding(key, events, until_ms)

    def _settle_position_funding(self, key: str, events, until_ms: int) -> None:
        symbol = key_symbol(key)
        position = self.positions[key]
        rules = self.market_rules(symbol)
        for ts, rate in events(symbol, position.funding_ms, until_ms):
            mark = self.prices.mark_price(symbol, ts)
            if mark is None:
                continue
            direction = 1 if position.amount > 0 else -1
            amount = -direction * abs(position.amount) * rules.contract_size * mark * rate
            if self.margin_mode(symbol) == "isolated":
                # an isolated position pays from its own margin and never more: the wallet behind it is
                # not at stake (at zero margin the position is liquidated on its next candle)
                amount = max(amount, -position.margin)
                position.margin += amount
            self.balances[rules.quote] = self._balance(rules.quote, quote=True) + amount
            position.funding_ms = ts
            self.funding.append({"symbol": symbol, "timestamp": ts, "amount": amount, "code": rules.quote,
                                 "rate": rate, "mark": mark, "position_amount": position.amount, "key": key})

    def fetch_funding_history(self, symbol: str, since_ms: int) -> list[dict]:
        """Funding paid (-) or received (+) on `symbol` since `since_ms` (ccxt `fetch_funding_history`)."""
        self.sync()
        return [f for f in self.funding if f["symbol"] == symbol and f["timestamp"] >= since_ms]

    def liquidation_price(self, symbol: str, position_side: str | None = None) -> Decimal | None:
        """Where the position's backing + unrealised PnL falls to the maintenance margin of its leverage
        tier (`verzek.execution.ports.liquidation_price`). Isolated: backed by its margin. Cross: by
        `cross_backing`, the wallet balance the other positions do not hold. `position_side`: which side
        of a hedge-mode symbol (each side is a position of its own, with its own margin)."""
        return self._liquidation_price(position_key(symbol, position_side))

    def _liquidation_price(self, key: str) -> Decimal | None:
        position = self.positions.get(key)
        rules = self.market_rules(key_symbol(key))
        if position is None or not position.amount or rules.market_type != "futures":
            return None
        return liquidation_price(position.amount > 0, abs(position.amount), position.entry, self._backing(key), rules)

    def _backing(self, key: str) -> Decimal:
        position = self.positions[key]
        return position.margin if self.margin_mode(key_symbol(key)) == "isolated" else max(ZERO, self.cross_backing(key))

    def cross_backing(self, key: str) -> Decimal:
        """What backs a cross position `key` (a symbol, or a symbol's side in hedge mode; Binance's cross
        wallet, one position's view): the quote balance, less the margins isolated positions hold, plus
        every other cross position's (the other side of the symbol's included) unrealised PnL at its last
        close less its maintenance margin."""
        rules = self.market_rules(key_symbol(key))
        backing = self._balance(rules.quote, quote=True)
        for other, p in self.positions.items():
            other_symbol = key_symbol(other)
            if other == key or not p.amount or self.market_rules(other_symbol).quote != rules.quote:
                continue
            if self.margin_mode(other_symbol) == "isolated":
                backing -= p.margin
                continue
            other_rules = self.market_rules(other_symbol)
            candle = self.prices.last_candle(other_symbol, self.clock())
            mark = candle.close if candle is not None else p.entry
            q = abs(p.amount) * other_rules.contract_size
            tier = other_rules.tier(q * mark)
            backing += (mark - p.entry) * q * (1 if p.amount > 0 else -1)
            backing -= q * mark * tier.maintenance_rate - tier.maintenance_amount
        return backing

    def _liquidate_if_reached(self, key: str, candle: Candle, *, gap_only: bool) -> None:
        price = self._liquidation_price(key)
        if price is None:
            return
        symbol = key_symbol(key)
        position = self.positions[key]
        long = position.amount > 0
        # exchanges liquidate on the mark price: where marks are recorded for the candle, they decide (a
        # wick of the trade price alone liquidates nothing); elsewhere the trade candle stands in for them
        marks = getattr(self.prices, "mark_range", None)
        mark = marks(symbol, candle.ts, self.prices.timeframe_ms(symbol)) if callable(marks) else None
        if mark is None:
            opening, low, high = candle.open, candle.low, candle.high
        else:
            opening, low, high = mark
        if gap_only:
            reached = opening is not None and (opening <= price if long else opening >= price)
        else:
            reached = (low is not None and low <= price) if long else (high is not None and high >= price)
        if not reached:
            return
        # the exchange takes the position over and closes it at the bankruptcy price: the whole backing
        # is lost (isolated: its margin; cross: the cross wallet behind it; what is left of the
        # maintenance margin goes to the insurance fund), never more, so the balance cannot go negative
        rules = self.market_rules(symbol)
        lost = self._backing(key)
        amount = abs(position.amount)
        closed_at = bankruptcy_price(long, amount, position.entry, lost, rules.contract_size)
        self.balances[rules.quote] = self._balance(rules.quote, quote=True) - lost
        self.liquidations.append({"symbol": symbol, "ts": candle.ts, "price": price, "amount": position.amount,
                                  "entry": position.entry, "margin_lost": lost, "margin_mode": self.margin_mode(symbol),
                                  "position_side": key_side(key)})
        # recorded like the exchange's own liquidation order (Binance: an "autoclose" order in the history)
        cid = f"liq-{key}-{candle.ts}"
        state = OrderState(cid, f"L-{symbol}-{candle.ts}", symbol, OrderSide.SELL if long else OrderSide.BUY,
                           OrderType.MARKET, OrderStatus.FILLED, amount, amount, closed_at, ZERO, rules.quote,
                           trigger_price=price, reduce_only=True, updated_ms=candle.ts)
        self.orders[cid] = _Order(state, candle.ts, candle.ts + self.prices.timeframe_ms(symbol),
                                  leverage=self.leverage.get(symbol, 1), position_side=key_side(key))
        self.positions[key] = _Position()
        for order in self.orders.values():  # its exit orders have nothing left to close
            s = order.state
            if order.position_key == key and s.reduce_only and s.status == OrderStatus.OPEN:
                order.state = s.with_(status=OrderStatus.EXPIRED, updated_ms=candle.ts)
                order.reserved = ZERO

    def fetch_liquidations(self, symbol: str, since_ms: int) -> list[OrderState]:
        """The exchange's liquidation orders on `symbol` since `since_ms` (ccxt `fetch_my_liquidations`)."""
        self.sync()
        return [o.state for o in self.orders.values() if o.state.client_order_id.startswith("liq-")
                and o.state.symbol == symbol and o.state.updated_ms >= since_ms]

    @staticmethod
    def _priority(order: _Order) -> tuple:
        """Within a candle: market closes (sent before anything else on the symbol, e.g. by a
        close-and-reverse), entries, stops, then reduce-only limits (take profits)."""
        s = order.state
        if s.reduce_only and s.type == OrderType.MARKET:
            kind = -1
        else:
            kind = 0 if not s.reduce_only else (1 if s.type != OrderType.LIMIT else 2)
        return kind, order.created_ms

    def _match(self, order: _Order, candle: Candle, first_candle: bool) -> None:
        s = order.state
        buy = s.side == OrderSide.BUY
        maker_fee, taker_fee = self.fee_rates(s.symbol)
        if s.type == OrderType.MARKET:
            price = candle.open * (1 + self.slippage) if buy else candle.open * (1 - self.slippage)
            self._fill(order, price, taker_fee, candle.ts)
        elif s.type == OrderType.LIMIT:
            limit = s.price
            if first_candle and (candle.open <= limit if buy else candle.open >= limit):
                self._fill(order, candle.open, taker_fee, candle.ts)  # marketable on arrival
            elif buy and candle.low < limit:
                self._fill(order, min(limit, candle.open), maker_fee, candle.ts)
            elif not buy and candle.high > limit:
                self._fill(order, max(limit, candle.open), maker_fee, candle.ts)
        elif s.type == OrderType.STOP_MARKET:
            trigger = s.trigger_price
            if buy and candle.high >= trigger:
                self._fill(order, max(trigger, candle.open) * (1 + self.slippage), taker_fee, candle.ts)
            elif not buy and candle.low <= trigger:
                self._fill(order, min(trigger, candle.open) * (1 - self.slippage), taker_fee, candle.ts)

    def _fill(self, order: _Order, price: Decimal, fee_rate: Decimal, ts: int) -> None:
        s = order.state
        rules = self.market_rules(s.symbol)
        amount = s.remaining
        signed = amount if s.side == OrderSide.BUY else -amount
        position = self.positions.setdefault(order.position_key, _Position())
        if s.reduce_only:
            # never open or flip: cap to what is held in the opposite direction
            if position.amount == 0 or (position.amount > 0) == (signed > 0):
                order.state = s.with_(status=OrderStatus.EXPIRED, updated_ms=ts)
                order.reserved = ZERO
                return
            amount = min(amount, abs(position.amount))
            signed = amount if s.side == OrderSide.BUY else -amount
        order.reserved = ZERO  # released before settling so the settlement sees the real balance
        notional = amount * price * rules.contract_size
        fee = notional * fee_rate
        if rules.market_type == "spot":
            if s.side == OrderSide.BUY:
                self.balances[rules.quote] = self._balance(rules.quote, quote=True) - notional - fee
                self.balances[rules.base] = self._balance(rules.base) + amount
            else:
                if self._balance(rules.base) < amount:
                    order.state = s.with_(status=OrderStatus.REJECTED, updated_ms=ts)
                    return
                self.balances[rules.base] = self._balance(rules.base) - amount
                self.balances[rules.quote] = self._balance(rules.quote, quote=True) + notional - fee
            self._apply_position(position, signed, price, rules, order.leverage, realise=False)
        else:
            if not position.amount:
                position.funding_ms = ts  # funding is owed from the next event after the position opened
            cross = self.margin_mode(s.symbol) == "cross" and position.amount
            cap = max(ZERO, self.cross_backing(order.position_key)) if cross else None
            pnl = self._apply_position(position, signed, price, rules, order.leverage, realise=True, loss_cap=cap)
            self.balances[rules.quote] = self._balance(rules.quote, quote=True) + pnl - fee
        filled = s.filled + amount
        average = price if s.average is None else (s.average * s.filled + price * amount) / filled
        status = OrderStatus.FILLED if filled >= s.amount else OrderStatus.EXPIRED  # capped reduce-only
        order.state = s.with_(status=status, filled=filled, average=average, fee=s.fee + fee,
                              fee_currency=rules.quote, updated_ms=ts)
        self.fills.append({"client_order_id": s.client_order_id, "ts": ts, "price": price, "amount": amount,
                           "fee": fee})

    @staticmethod
    def _apply_position(position: _Position, signed: Decimal, price: Decimal, rules: MarketRules, leverage: int,
                        realise: bool, loss_cap: Decimal | None = None) -> Decimal:
        """Update the net position; returns realised PnL (futures) of the reduced part. A close never
        loses more than what backs it: its share of the margin (isolated), or `loss_cap` (cross)."""
        pnl = ZERO
        if position.amount == 0 or (position.amount > 0) == (signed > 0):
            total = position.amount + signed
            position.entry = (position.entry * abs(position.amount) + price * abs(signed)) / abs(total)
            position.amount = total
            if realise:
                position.margin += abs(signed) * price * rules.contract_size / leverage
            return pnl
        reduce = min(abs(signed), abs(position.amount))
        direction = 1 if position.amount > 0 else -1
        pnl = (price - position.entry) * reduce * direction * rules.contract_size
        if realise and position.amount:
            share = position.margin * reduce / abs(position.amount)
            pnl = max(pnl, -share if loss_cap is None else -loss_cap)  # a gapped stop loses its backing, not more
            position.margin -= share
        position.amount += reduce * (1 if signed > 0 else -1)
        if position.amount == 0:
            position.entry, position.margin = ZERO, ZERO
        return pnl if realise else ZERO

    # --- persistence (the DB-backed account stores this JSON) ---
    def to_state(self) -> dict:
        def order_json(o: _Order) -> dict:
            s = o.state
            return {"cid": s.client_order_id, "xid": s.exchange_order_id, "symbol": s.symbol, "side": s.side.value,
                    "type": s.type.value, "status": s.status.value, "amount": str(s.amount), "filled": str(s.filled),
                    "average": None if s.average is None else str(s.average), "fee": str(s.fee),
                    "fee_currency": s.fee_currency, "price": None if s.price is None else str(s.price),
                    "trigger": None if s.trigger_price is None else str(s.trigger_price),
                    "reduce_only": s.reduce_only, "updated": s.updated_ms, "created": o.created_ms,
                    "checked": o.checked_ms, "reserved": str(o.reserved), "reserved_asset": o.reserved_asset,
                    "leverage": o.leverage, "position_side": o.position_side}

        return {"balances": {k: str(v) for k, v in self.balances.items()},
                "positions": {k: [str(p.amount), str(p.entry), str(p.margin), p.funding_ms]
                              for k, p in self.positions.items() if p.amount},
                "leverage": self.leverage, "margin_modes": self.margin_modes,
                "orders": [order_json(o) for o in self.orders.values()]}

    def load_state(self, state: dict) -> PaperExchange:
        self.balances = {k: Decimal(v) for k, v in state.get("balances", {}).items()}
        self.positions = {k: _Position(Decimal(p[0]), Decimal(p[1]), Decimal(p[2]), int(p[3]) if len(p) > 3 else 0)
                          for k, p in state.get("positions", {}).items()}
        self.leverage = {k: int(v) for k, v in state.get("leverage", {}).items()}
        self.margin_modes = dict(state.get("margin_modes", {}))
        self.orders = {}
        for o in state.get("orders", []):
            st = OrderState(o["cid"], o["xid"], o["symbol"], OrderSide(o["side"]), OrderType(o["type"]),
                            OrderStatus(o["status"]), Decimal(o["amount"]), Decimal(o["filled"]), _d(o["average"]),
                            Decimal(o["fee"]), o["fee_currency"], _d(o["price"]), _d(o["trigger"]),
                            o["reduce_only"], o["updated"])
            self.orders[o["cid"]] = _Order(st, o["created"], o["checked"], Decimal(o["reserved"]),
                                           o["reserved_asset"], o["leverage"], o.get("position_side"))
        return self

    def prune(self, keep_final: int = 200) -> None:
        """Forget the oldest final orders beyond `keep_final` (bounds the stored state)."""
        final = [cid for cid, o in self.orders.items() if o.state.status != OrderStatus.OPEN]
        for cid in final[:-keep_final] if keep_final else final:
            del self.orders[cid]
