"""Proxy node settings, read from the environment (the systemd unit loads `/etc/verzek/proxy.env`).

The node is its own deployable (a VPS, not Lambda), so its settings live here rather than in
`verzek.config`. Every variable is documented in `deploy/proxy.env.example`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from verzek.exchange.signing import KEY_ID_RE

from proxy_node.allowlist import DEFAULT_ALLOWED_HOSTS, is_valid_public_hostname


class NodeSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    # Production unless told otherwise: test-only switches (upstream overrides) stay refused on a node
    # whose environment file forgot VERZEK_ENV.
    environment: str = Field("prod", alias="VERZEK_ENV", description="local | test | dev | prod")
    node_id: str = Field("proxy-1", alias="PROXY_NODE_ID", description="Name of this node in logs and /health")
    hmac_keys: SecretStr = Field(SecretStr(""), alias="PROXY_NODE_HMAC_KEYS",
                                 description="Live keys as 'id:secret,id2:secret2' (several during rotation)")
    allowed_hosts: str = Field("", alias="PROXY_NODE_ALLOWED_HOSTS",
                               description="Comma-separated exchange API hosts; empty = the built-in list")
    upstream_overrides: str = Field(
        "", alias="PROXY_NODE_UPSTREAM_OVERRIDES",
        description="TEST/LOCAL ONLY: 'api.binance.com=http://127.0.0.1:5001,...' sends an allowed host's "
                    "traffic to a local double; refused when VERZEK_ENV=prod")
    timestamp_window_seconds: float = Field(30.0, alias="PROXY_NODE_TIMESTAMP_WINDOW_SECONDS", gt=0, le=300)
    max_body_bytes: int = Field(65536, alias="PROXY_NODE_MAX_BODY_BYTES", ge=1024, le=10 * 1024 * 1024)
    connect_timeout_seconds: float = Field(5.0, alias="PROXY_NODE_CONNECT_TIMEOUT_SECONDS", gt=0)
    read_timeout_seconds: float = Field(15.0, alias="PROXY_NODE_READ_TIMEOUT_SECONDS", gt=0)
    max_connections: int = Field(200, alias="PROXY_NODE_MAX_CONNECTIONS", ge=1)
    key_rate_per_second: float = Field(500.0, alias="PROXY_NODE_KEY_RATE_PER_SECOND", gt=0,
                                       description="Sustained requests/s allowed per HMAC key id (all users of "
                                                   "that key together: a cap on the node's load)")
    key_rate_burst: int = Field(1000, alias="PROXY_NODE_KEY_RATE_BURST", ge=1)
    account_rate_per_second: float = Field(
        10.0, alias="PROXY_NODE_ACCOUNT_RATE_PER_SECOND", gt=0,
        description="Sustained requests/s allowed per user account (X-Verzek-Account: a hash of the exchange API "
                    "key), so one busy account cannot starve the others")
    account_rate_burst: int = Field(100, alias="PROXY_NODE_ACCOUNT_RATE_BURST", ge=1)
    state_path: str = Field("", alias="PROXY_NODE_STATE_PATH",
                            description="SQLite file (WAL) holding nonces, rate buckets, exchange budgets and bans, "
                                        "shared by the node's workers and kept across restarts. Required in "
                                        "production and for --workers > 1; empty = in this process's memory")
    source_address: str = Field("", alias="PROXY_NODE_SOURCE_ADDRESS",
                                description="Local IP address outgoing exchange connections are made from (a host "
                                            "with several addresses); empty = the system's choice")
    budget_soft_ratio: float = Field(0.8, alias="PROXY_NODE_BUDGET_SOFT_RATIO", gt=0, le=1,
                                     description="Share of an exchange's IP limit above which requests are slowed")
    budget_hard_ratio: float = Field(0.95, alias="PROXY_NODE_BUDGET_HARD_RATIO", gt=0, le=1,
                                     description="Share of an exchange's IP limit above which requests are refused")
    budget_max_delay_seconds: float = Field(0.5, alias="PROXY_NODE_BUDGET_MAX_DELAY_SECONDS", ge=0, le=10)
    budget_limits: str = Field("", alias="PROXY_NODE_BUDGET_LIMITS",
                               description="Overrides of per-exchange IP limits: 'bybit=600/5,binance-spot=6000/60'")
    public_hosts: str = Field("", alias="PROXY_NODE_PUBLIC_HOSTS",
                              description="Comma-separated host[:port] names clients use for this node (its Host "
                                          "header); signatures are bound to them. Required in production")
    echo_url: str | None = Field(None, alias="PROXY_NODE_ECHO_URL",
                                 description="URL answering with the caller's IP (e.g. https://checkip.amazonaws.com)")

    @field_validator("budget_hard_ratio")
    @classmethod
    def _hard_above_soft(cls, value, info):
        soft = info.data.get("budget_soft_ratio")
        if soft is not None and value < soft:
            raise ValueError("PROXY_NODE_BUDGET_HARD_RATIO must be >= PROXY_NODE_BUDGET_SOFT_RATIO")
        return value

    @model_validator(mode="after")
    def _check(self):
        self.key_table()
        self.allowed_host_set()
        overrides = self.override_map()
        if overrides and self.environment.lower() == "prod":
            raise ValueError("PROXY_NODE_UPSTREAM_OVERRIDES is for tests/local runs and is refused when VERZEK_ENV=prod")
        self.budget_limit_overrides()
        if self.environment.lower() == "prod" and not self.public_host_list():
            raise ValueError("PROXY_NODE_PUBLIC_HOSTS must name this node's host (e.g. proxy1.example.com): "
                             "signatures are bound to it, so a request for another node is refused here")
        if self.environment.lower() == "prod" and not self.state_path.strip():
            raise ValueError("PROXY_NODE_STATE_PATH must name the node's state file (e.g. "
                             "/var/lib/verzek-proxy/state.sqlite3): nonces, budgets and bans must survive a restart")
        if self.source_address:
            import ipaddress

            try:
                ipaddress.ip_address(self.source_address)
            except ValueError:
                raise ValueError("PROXY_NODE_SOURCE_ADDRESS must be an IP address") from None
        if self.echo_url and urlsplit(self.echo_url).scheme not in ("http", "https"):
            raise ValueError("PROXY_NODE_ECHO_URL must be an http(s) URL")
        return self

    def public_host_list(self) -> list[str]:
        return [h.strip().lower() for h in self.public_hosts.split(",") if h.strip()]

    def key_table(self) -> dict[str, bytes]:
        """key id -> secret bytes. Validated: ids well formed, secrets at least 32 characters."""
        table: dict[str, bytes] = {}
        for item in self.hmac_keys.get_secret_value().split(","):
            item = item.strip()
            if not item:
                continue
            key_id, sep, secret = item.partition(":")
            if not sep or not KEY_ID_RE.match(key_id):
                raise ValueError("PROXY_NODE_HMAC_KEYS entries must look like 'keyid:secret'")
            if len(secret) < 32:
                raise ValueError(f"PROXY_NODE_HMAC_KEYS: the secret of key '{key_id}' is shorter than 32 characters")
            if key_id in table:
                raise ValueError(f"PROXY_NODE_HMAC_KEYS: key id '{key_id}' appears twice")
            table[key_id] = secret.encode("utf-8")
        return table

    def allowed_host_set(self) -> frozenset[str]:
        if not self.allowed_hosts.strip():
            return DEFAULT_ALLOWED_HOSTS
        hosts = frozenset(h.strip().lower() for h in self.allowed_hosts.split(",") if h.strip())
        for host in hosts:
            if not is_valid_public_hostname(host):
                raise ValueError(f"PROXY_NODE_ALLOWED_HOSTS: '{host}' is not a public DNS host name")
        return hosts

    def override_map(self) -> dict[str, str]:
        """allowed host -> base URL of a local stand-in (scheme://host:port, no path)."""
        mapping: dict[str, str] = {}
        allowed = self.allowed_host_set()
        for item in self.upstream_overrides.split(","):
            item = item.strip()
            if not item:
                continue
            host, sep, base = item.partition("=")
            host = host.strip().lower()
            parts = urlsplit(base.strip())
            if not sep or parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
                raise ValueError("PROXY_NODE_UPSTREAM_OVERRIDES entries must look like 'host=http://127.0.0.1:PORT'")
            if host not in allowed:
                raise ValueError(f"PROXY_NODE_UPSTREAM_OVERRIDES: '{host}' is not an allowed host")
            mapping[host] = f"{parts.scheme}://{parts.netloc}"
        return mapping

    def budget_limit_overrides(self) -> dict[str, tuple[int, float]]:
        result: dict[str, tuple[int, float]] = {}
        for item in self.budget_limits.split(","):
            item = item.strip()
            if not item:
                continue
            name, sep, spec = item.partition("=")
            limit, slash, window = spec.partition("/")
            try:
                parsed = (int(limit), float(window))
            except ValueError:
                parsed = None
            if not sep or not slash or parsed is None or parsed[0] < 1 or parsed[1] <= 0:
                raise ValueError("PROXY_NODE_BUDGET_LIMITS entries must look like 'bybit=600/5' (requests/seconds)")
            result[name.strip()] = parsed
        return result
