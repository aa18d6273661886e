"""Exchange access through the static-IP proxy.

`create_ccxt_client` (in `proxy_client`, imported lazily so the proxy node, which only needs the
signing helper, never imports ccxt) builds the ccxt client every exchange call uses;
`signing` holds the one HMAC canonical string shared by the client and the node.
"""

from __future__ import annotations

__all__ = ["ProxyRefused", "ProxyUnavailable", "create_ccxt_client"]


def __getattr__(name: str):
    if name in __all__:
        from verzek.exchange import proxy_client

        return getattr(proxy_client, name)
    raise AttributeError(f"module 'verzek.exchange' has no attribute {name!r}")
