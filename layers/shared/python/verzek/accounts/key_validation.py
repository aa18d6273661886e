"""Checking a new exchange API key with the exchange, through the proxy client (ccxt).

The check authenticates the key and, where the exchange reports it (Binance
`GET /sapi/v1/account/apiRestrictions`, Bybit `GET /v5/user/query-api`), refuses a key that can withdraw, warns when the key has no
IP restriction (naming the proxy IPs to whitelist) and records the trading-permission expiry.
ccxt is imported inside the call (API cold start). Error messages never contain the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from verzek.accounts.errors import Invalid, Unavailable, UpstreamError
from verzek.config import Settings, get_settings
from verzek.exchange.fleet import FleetNode
from verzek.observability import logger


@dataclass(frozen=True)
class KeyCheck:
    """What the exchange told us about a key (no secrets)."""

    permissions: dict = field(default_factory=dict)
    can_withdraw: bool | None = None      # None: the exchange does not report it
    ip_restricted: bool | None = None
    trading_expires_at: datetime | None = None
    warnings: tuple[str, ...] = ()


class KeyValidator(Protocol):
    def __call__(self, exchange: str, *, api_key: str, secret: str, password: str | None,
                 testnet: bool, proxy_node: FleetNode | None = None) -> KeyCheck: ...


def whitelist_hint(settings: Settings, node: FleetNode | None = None) -> str:
    """The IP a user restricts their key to: their account's proxy node's (`verzek.exchange.fleet`)."""
    if node is not None:
        return f"{node.public_ip} (your proxy node)" if node.public_ip else f"the static IP of proxy node {node.name}"
    ips = [ip.strip() for ip in settings.proxy_public_ips.split(",") if ip.strip()]
    return ", ".join(ips) if ips else "the proxy node's static IP"


def _binance_restrictions(client, settings: Settings, node: FleetNode | None) -> KeyCheck:
    answer = client.sapi_get_account_apirestrictions()
    permissions = {k: v for k, v in (answer or {}).items() if isinstance(v, (bool, int, str)) and k != "createTime"}
    can_withdraw = bool(answer.get("enableWithdrawals"))
    ip_restricted = bool(answer.get("ipRestrict"))
    expires = None
    raw_expiry = answer.get("tradingAuthorityExpirationTime")
    try:
        if raw_expiry not in (None, "", 0, "0"):
            expires = datetime.fromtimestamp(int(raw_expiry) / 1000, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        expires = None
    warnings = []
    if not ip_restricted:
        warnings.append(f"this key has no IP restriction: restrict it on Binance to {whitelist_hint(settings, node)}")
    if not (answer.get("enableSpotAndMarginTrading") or answer.get("enableFutures")):
        warnings.append("this key has no trading permission (enable spot or futures trading on Binance)")
    if expires is not None:
        warnings.append(f"Binance trading permission on this key expires at {expires.isoformat()}")
    return KeyCheck(permissions=permissions, can_withdraw=can_withdraw, ip_restricted=ip_restricted,
                    trading_expires_at=expires, warnings=tuple(warnings))


def _bybit_restrictions(client, settings: Settings, node: FleetNode | None) -> KeyCheck:
    result = (client.private_get_v5_user_query_api() or {}).get("result") or {}
    granted = result.get("permissions") or {}
    permissions = {k: list(v) for k, v in granted.items() if isinstance(v, list)}
    permissions["readOnly"] = bool(result.get("readOnly"))
    can_withdraw = "Withdraw" in (granted.get("Wallet") or [])
    ips = [ip for ip in (result.get("ips") or []) if isinstance(ip, str)]
    ip_restricted = bool(ips) and "*" not in ips
    expires = None
    if result.get("expiredAt"):
        try:
            expires = datetime.fromisoformat(str(result["expiredAt"]))
        except ValueError:
            expires = None
    warnings = []
    if not ip_restricted:
        warnings.append(f"this key has no IP restriction: restrict it on Bybit to {whitelist_hint(settings, node)}")
    if result.get("readOnly"):
        warnings.append("this key is read-only: enable trading permissions on Bybit")
    if expires is not None:
        warnings.append(f"this Bybit key expires at {expires.isoformat()}")
    return KeyCheck(permissions=permissions, can_withdraw=can_withdraw, ip_restricted=ip_restricted,
                    trading_expires_at=expires, warnings=tuple(warnings))


def validate_with_exchange(exchange: str, *, api_key: str, secret: str, password: str | None, testnet: bool,
                           proxy_node: FleetNode | None = None, settings: Settings | None = None) -> KeyCheck:
    """The production validator: a real ccxt call through the proxy client, sent through `proxy_node`
    (the node the new account is assigned to) first, whose IP the warnings name."""
    import ccxt

    from verzek.exchange.proxy_client import create_ccxt_client

    settings = settings or get_settings()
    try:
        client = create_ccxt_client(exchange, api_key=api_key, secret=secret, password=password, testnet=testnet,
                                    market_type="spot", settings=settings,
                                    prefer_nodes=(proxy_node.name,) if proxy_node else ())
    except ValueError as exc:
        logger.error("exchange client misconfigured", extra={"exchange": exchange, "error": str(exc)})
        raise Unavailable("exchange connectivity is not configured on this server") from None
    try:
        if exchange == "binance":
            try:
                check = _binance_restrictions(client, settings, proxy_node)
            except ccxt.NotSupported:  # the sandbox has no /sapi: authenticate with a balance read
                client.fetch_balance()
                check = KeyCheck(warnings=("the testnet does not report key permissions",))
        elif exchange == "bybit":
            check = _bybit_restrictions(client, settings, proxy_node)
        else:
            client.fetch_balance()
            hint = (f"{exchange} does not report key permissions here: make sure the key cannot withdraw and is "
                    f"restricted to {whitelist_hint(settings, proxy_node)}")
            check = KeyCheck(warnings=(hint,))
    except (ccxt.AuthenticationError, ccxt.PermissionDenied, ccxt.AccountNotEnabled, ccxt.AccountSuspended):
        raise Invalid(f"{exchange} rejected this API key: check the key, the secret and that the key is active"
                      ) from None
    except (ccxt.NetworkError, ccxt.ExchangeNotAvailable, ccxt.RateLimitExceeded) as exc:
        logger.warning("key validation could not reach the exchange",
                       extra={"exchange": exchange, "error_type": type(exc).__name__})
        raise UpstreamError(f"could not reach {exchange} to check the key; try again shortly") from None
    except ccxt.BaseError as exc:
        logger.warning("key validation refused by the exchange",
                       extra={"exchange": exchange, "error_type": type(exc).__name__})
        raise Invalid(f"{exchange} refused the key check ({type(exc).__name__}); check the key's permissions"
                      ) from None
    if check.can_withdraw:
        raise Invalid("this API key can withdraw funds: create a key with withdrawals disabled (trading only)")
    return check
