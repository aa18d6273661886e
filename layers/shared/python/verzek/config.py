"""Typed settings read from the environment, one model for every deployable part.

In the cloud, secrets arrive as environment variables resolved by the template from Secrets
Manager / SSM (`{{resolve:...}}`), or by name through `*_SECRET_ARN` variables read once per
container (see `load_secret`). Every environment variable the product knows is a field here;
`tests/test_template.py` checks that the SAM template sets nothing else.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def find_checkout_root(start: Path | None = None) -> Path | None:
    """The source checkout holding this package (the folder with `template.yaml`), or None when the
    package runs from somewhere else, e.g. Lambda's `/opt/python/verzek`. Never derive a path from a
    fixed depth: the package is laid out differently in every place it runs."""
    here = (start or Path(__file__)).resolve()
    for parent in here.parents:
        if (parent / "template.yaml").is_file() and (parent / "layers").is_dir():
            return parent
    return None


def _default_data_dir() -> Path:
    # A checkout keeps local state beside the code; anywhere else it goes to the working directory.
    return (find_checkout_root() or Path.cwd()) / ".verzek"


class Settings(BaseSettings):
    # Empty variables mean "unset" (the template passes "" for optional parameters left blank).
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False, env_ignore_empty=True)

    # --- runtime ---
    environment: str = Field("local", alias="VERZEK_ENV", description="local | test | dev | prod")
    data_dir: Path = Field(default_factory=_default_data_dir, alias="VERZEK_DATA_DIR",
                           description="Local state: embedded PostgreSQL data directory and caches")
    log_level: str = Field("INFO", alias="LOG_LEVEL")

    # --- storage ---
    database_url: SecretStr | None = Field(None, alias="DATABASE_URL",
                                           description="PostgreSQL DSN; unset = embedded server")
    database_secret_arn: str | None = Field(None, alias="DATABASE_SECRET_ARN")
    database_host: str | None = Field(None, alias="DATABASE_HOST",
                                      description="With DATABASE_SECRET_ARN: the host to connect to (RDS Proxy "
                                                  "endpoint) instead of the secret's own")
    database_name: str | None = Field(None, alias="DATABASE_NAME",
                                      description="With DATABASE_SECRET_ARN: the database name")
    app_secrets_arn: str | None = Field(None, alias="APP_SECRETS_ARN",
                                        description="Secrets Manager JSON secret with database_url, jwt_secret, "
                                                    "telegram_bot_token, telegram_webhook_secret, proxy_hmac_key, "
                                                    "house_ingest_key; read at run time, cached SECRETS_MAX_AGE_SECONDS")
    secrets_max_age_seconds: int = Field(300, alias="SECRETS_MAX_AGE_SECONDS", ge=0, le=3600,
                                         description="How long a secret read from Secrets Manager is reused "
                                                     "(a rotated secret is picked up after at most this)")
    db_pool_max: int = Field(10, alias="DB_POOL_MAX", ge=1, le=100)
    db_prepared_statements: bool | None = Field(
        None, alias="DB_PREPARED_STATEMENTS",
        description="Prepare the hot statements once per connection (PREPARE/EXECUTE). Default: on, "
                    "except behind RDS Proxy (DATABASE_HOST set), where SQL-level PREPARE pins the session")
    db_pool_wait_seconds: float = Field(10.0, alias="DB_POOL_WAIT_SECONDS", gt=0, le=60,
                                        description="How long a caller waits for a free pooled connection "
                                                    "before DatabaseBusy (HTTP 503)")

    # --- keys and secrets ---
    master_key: SecretStr | None = Field(None, alias="VERZEK_MASTER_KEY",
                                         description="Fernet key(s), comma-separated, newest first")
    master_key_secret_arn: str | None = Field(None, alias="MASTER_KEY_SECRET_ARN")
    kms_key_id: str | None = Field(None, alias="KMS_KEY_ID", description="Envelope encryption key (cloud)")
    keys_accept_unbound: bool = Field(
        True, alias="KEYS_ACCEPT_UNBOUND",
        description="Still decrypt exchange-key rows written before ciphertexts were bound to their row "
                    "(scheme 1). Set false once `verzek keys rotate` reports none left: an old unbound "
                    "ciphertext copied into another row (with its scheme set back to 1) then opens nowhere")
    jwt_secret: SecretStr | None = Field(None, alias="JWT_SECRET")
    house_ingest_key: SecretStr | None = Field(None, alias="HOUSE_INGEST_KEY",
                                               description="HMAC key for POST /api/house-signals/ingest")

    # --- telegram ---
    telegram_bot_token: SecretStr | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_webhook_secret: SecretStr | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_api_base: str = Field("https://api.telegram.org", alias="TELEGRAM_API_BASE",
                                   description="Bot API server (a local one in tests)")
    telegram_source_chat_ids: str = Field("", alias="TELEGRAM_SOURCE_CHAT_IDS",
                                          description="Comma-separated chat ids whose posts are VIP signals")
    telegram_vip_chat_id: int | None = Field(None, alias="TELEGRAM_VIP_CHAT_ID")
    telegram_trial_chat_id: int | None = Field(None, alias="TELEGRAM_TRIAL_CHAT_ID")
    trial_delay_minutes: int = Field(30, alias="TRIAL_DELAY_MINUTES", ge=0)
    trial_withhold_targets: bool = Field(True, alias="TRIAL_WITHHOLD_TARGETS")
    signal_max_age_seconds: int = Field(300, alias="SIGNAL_MAX_AGE_SECONDS", ge=1)
    telegram_source_sender_ids: str = Field("", alias="TELEGRAM_SOURCE_SENDER_IDS",
                                            description="Comma-separated user ids allowed to post signals in a "
                                                        "source *group* (required for groups: empty = only "
                                                        "anonymous admins); channel posts are admin-only by nature")
    telegram_operator_chat_id: int | None = Field(
        None, alias="TELEGRAM_OPERATOR_CHAT_ID",
        description="Chat where held / rejected / unrecognised source posts are sent for review (buttons: Trade "
                    "as parsed, Ignore, Edit by reply); unset = no review loop")
    telegram_operator_user_ids: str = Field(
        "", alias="TELEGRAM_OPERATOR_USER_IDS",
        description="Comma-separated Telegram user ids allowed to decide reviews (required with "
                    "TELEGRAM_OPERATOR_CHAT_ID)")
    telegram_max_clock_skew_seconds: int = Field(60, alias="TELEGRAM_MAX_CLOCK_SKEW_SECONDS", ge=0, le=3600,
                                                 description="Posts dated further in the future are refused")
    trial_every_nth_signal: int = Field(1, alias="TRIAL_EVERY_NTH_SIGNAL", ge=1,
                                        description="TRIAL group gets every Nth signal (1 = all)")
    telegram_max_inline_wait_seconds: int = Field(10, alias="TELEGRAM_MAX_INLINE_WAIT_SECONDS", ge=0, le=60,
                                                  description="A 429 retry_after up to this is waited out in the "
                                                              "dispatcher; longer ones reschedule the row")
    telegram_messages_per_second: float = Field(29.0, alias="TELEGRAM_MESSAGES_PER_SECOND", gt=0, le=1000,
                                                description="The dispatcher's overall pace (Telegram allows "
                                                            "about 30 a second; one under absorbs jitter)")
    telegram_group_messages_per_minute: int = Field(20, alias="TELEGRAM_GROUP_MESSAGES_PER_MINUTE", ge=1, le=1000,
                                                    description="Messages to one group or channel per minute "
                                                                "(Telegram's limit: 20)")
    notify_drain_seconds: float = Field(40.0, alias="NOTIFY_DRAIN_SECONDS", gt=0, le=840,
                                        description="How long one dispatcher invocation keeps draining due "
                                                    "rows before it hands over to the next (re-enqueued) one")
    telegram_bot_username: str | None = Field(None, alias="TELEGRAM_BOT_USERNAME",
                                              pattern=r"^[A-Za-z][A-Za-z0-9_]{3,31}$",
                                              description="The bot's @username (without @) for link deep links; "
                                                          "unset = asked from Telegram (getMe) once per process")
    telegram_link_token_ttl_minutes: int = Field(15, alias="TELEGRAM_LINK_TOKEN_TTL_MINUTES", ge=1, le=1440,
                                                 description="Lifetime of a one-time Telegram link (deep link)")
    notify_max_attempts: int = Field(8, alias="NOTIFY_MAX_ATTEMPTS", ge=1, le=50,
                                     description="Deliveries tried per outbox row before it is marked failed")

    # --- queues ---
    execution_queue_url: str | None = Field(None, alias="EXECUTION_QUEUE_URL",
                                            description="SQS queue for (signal, user) jobs; unset = in-process")
    broadcast_queue_url: str | None = Field(None, alias="BROADCAST_QUEUE_URL")
    monitor_queue_url: str | None = Field(None, alias="MONITOR_QUEUE_URL",
                                          description="SQS queue of per-account monitor passes; unset = the "
                                                      "monitor runs every position in-process")
    monitor_batch_positions: int = Field(50, alias="MONITOR_BATCH_POSITIONS", ge=1, le=500,
                                         description="Positions of one account per monitor message")
    aws_region: str = Field("eu-west-1", alias="AWS_REGION")
    aws_endpoint_url: str | None = Field(None, alias="AWS_ENDPOINT_URL",
                                         description="moto / localstack endpoint in tests")

    # --- exchange proxy ---
    proxy_enabled: bool = Field(False, alias="PROXY_ENABLED")
    proxy_urls: str = Field("", alias="PROXY_URLS", description="Comma-separated proxy node URLs, in order")
    proxy_key_id: str = Field("k1", alias="PROXY_KEY_ID")
    proxy_hmac_key: SecretStr | None = Field(None, alias="PROXY_HMAC_KEY")
    proxy_direct_fallback: bool | None = Field(None, alias="PROXY_DIRECT_FALLBACK",
                                               description="All nodes unreachable -> send directly (IP-restricted "
                                                           "keys then fail); unset = on only in local/test")

    # --- api ---
    api_host: str = Field("127.0.0.1", alias="API_HOST")
    api_port: int = Field(8000, alias="API_PORT", ge=0, le=65535)
    trusted_proxy_ips: str = Field("", alias="TRUSTED_PROXY_IPS",
                                   description="Comma-separated addresses whose X-Forwarded-For / -Proto the local "
                                               "server believes (a reverse proxy in front of it); empty = none")
    public_base_url: str = Field("http://127.0.0.1:8000", alias="PUBLIC_BASE_URL")
    web_app_dir: str = Field("", alias="WEB_APP_DIR",
                             description="the app's exported web build served at /; empty = the checkout's "
                                         "mobile_app/dist when built (the cloud: /opt/web, a layer)")
    email_sender: str = Field("no-reply@verzek.local", alias="EMAIL_SENDER")
    email_backend: str = Field("outbox", alias="EMAIL_BACKEND", description="outbox | ses")
    expo_push_url: str = Field("https://exp.host/--/api/v2/push/send", alias="EXPO_PUSH_URL")
    expo_access_token: SecretStr | None = Field(None, alias="EXPO_ACCESS_TOKEN",
                                                description="Expo push security token (optional)")
    access_token_ttl_seconds: int = Field(900, alias="ACCESS_TOKEN_TTL_SECONDS", ge=60, le=3600,
                                          description="Lifetime of API access tokens (JWT)")
    refresh_token_ttl_days: int = Field(30, alias="REFRESH_TOKEN_TTL_DAYS", ge=1, le=365)
    email_token_ttl_hours: int = Field(24, alias="EMAIL_TOKEN_TTL_HOURS", ge=1, le=168,
                                       description="Lifetime of email verification / password reset links")
    login_window_minutes: int = Field(15, alias="LOGIN_WINDOW_MINUTES", ge=1,
                                      description="Window over which failed logins are counted")
    login_max_failures_per_account: int = Field(5, alias="LOGIN_MAX_FAILURES_PER_ACCOUNT", ge=1)
    login_max_failures_per_ip: int = Field(20, alias="LOGIN_MAX_FAILURES_PER_IP", ge=1)
    login_max_failures_per_account_all_ips: int = Field(
        50, alias="LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_IPS", ge=1,
        description="Failures on one account from all addresses in the window before it is paused for all")
    login_backoff_base_seconds: int = Field(
        30, alias="LOGIN_BACKOFF_BASE_SECONDS", ge=1, le=3600,
        description="Past LOGIN_MAX_FAILURES_PER_ACCOUNT failures from one address, each further try from it "
                    "waits this, doubling per failure")
    register_max_per_ip_per_hour: int = Field(10, alias="REGISTER_MAX_PER_IP_PER_HOUR", ge=1)
    refresh_max_per_ip_per_minute: int = Field(60, alias="REFRESH_MAX_PER_IP_PER_MINUTE", ge=1)
    house_ingest_max_skew_seconds: int = Field(300, alias="HOUSE_INGEST_MAX_SKEW_SECONDS", ge=1,
                                               description="Accepted clock skew of signed house-signal posts")
    proxy_public_ips: str = Field("", alias="PROXY_PUBLIC_IPS",
                                  description="The static IP of each node in PROXY_URLS, same order, comma-separated "
                                              "(each user whitelists their account's node's IP)")

    # --- trading ---
    global_kill_switch: bool = Field(False, alias="GLOBAL_KILL_SWITCH")
    paper_start_balance: str = Field("10000", alias="PAPER_START_BALANCE")
    paper_taker_fee_pct: str = Field("market", alias="PAPER_TAKER_FEE_PCT",
                                     description="Paper engine taker fee, %; `market`: each market's own fee as ccxt "
                                                 "states it for PAPER_EXCHANGE (0.1 % where none is recorded)")
    paper_maker_fee_pct: str = Field("market", alias="PAPER_MAKER_FEE_PCT",
                                     description="Paper engine maker fee, %; `market` as for the taker fee")
    paper_exchange: str = Field("binance", alias="PAPER_EXCHANGE",
                                description="Whose recorded market rules, fees and leverage tiers paper trades under: "
                                            "binance, bybit, phemex or kraken (verzek/execution/recorded/<exchange>.json)")
    paper_slippage_pct: str = Field("0.05", alias="PAPER_SLIPPAGE_PCT",
                                    description="Paper market/stop fills move this % against the trader")
    paper_price_source: str = Field("live:binance", alias="PAPER_PRICE_SOURCE",
                                    description="Paper prices: live:<exchange> (public candles) or replay:<dir>")
    public_market_data_url: str | None = Field(None, alias="PUBLIC_MARKET_DATA_URL",
                                               description="One base URL for every host of the ingest check's public "
                                                           "ticker (tests: the exchange double); unset = the "
                                                           "exchange's own hosts")
    ingest_price_check: bool = Field(True, alias="INGEST_PRICE_CHECK",
                                     description="Hold a VIP open for review when its entry is far from the market "
                                                 "price read from the executor's price source (PAPER_PRICE_SOURCE)")
    ingest_max_entry_deviation_pct: Decimal = Field(Decimal(30), alias="INGEST_MAX_ENTRY_DEVIATION_PCT", gt=0,
                                                    description="How far (%) an entry may be from the market price")

    # --- house strategies (strategy_runner) ---
    house_market_data: str = Field("ccxt", alias="HOUSE_MARKET_DATA",
                                   description="ccxt (live public candles) | replay (bundled recorded sample)")
    house_exchange: str = Field("binance", alias="HOUSE_EXCHANGE", description="ccxt exchange id for candles")
    house_symbols: str = Field("", alias="HOUSE_SYMBOLS",
                               description="Comma-separated symbols for all house strategies; empty = defaults")
    house_strategies_enabled: str = Field(
        "", alias="HOUSE_STRATEGIES_ENABLED",
        description="Comma-separated house strategies to run even if disabled by default (docs/decisions/"
                    "house-strategies-out-of-sample.md); empty = each strategy's default")

    @field_validator("environment")
    @classmethod
    def _known_environment(cls, value: str) -> str:
        if value not in ("local", "test", "dev", "prod"):
            raise ValueError("VERZEK_ENV must be one of local, test, dev, prod")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("paper_exchange")
    @classmethod
    def _recorded_exchange(cls, value: str) -> str:
        from importlib import resources

        folder = resources.files("verzek.execution") / "recorded"
        if not value.isalnum() or not (folder / f"{value}.json").is_file():
            shipped = ", ".join(sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")))
            raise ValueError(f"PAPER_EXCHANGE {value!r} has no recorded markets (shipped: {shipped})")
        return value

    @field_validator("paper_start_balance", "paper_taker_fee_pct", "paper_maker_fee_pct", "paper_slippage_pct")
    @classmethod
    def _non_negative_decimal(cls, value: str, info) -> str:
        from decimal import Decimal, InvalidOperation

        if value == "market" and info.field_name in ("paper_taker_fee_pct", "paper_maker_fee_pct"):
            return value

        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"{info.field_name.upper()} must be a number") from None
        if not number.is_finite() or number < 0 or (info.field_name == "paper_start_balance" and number <= 0):
            raise ValueError(f"{info.field_name.upper()} must be a positive number")
        return value

    @field_validator("telegram_source_chat_ids", "telegram_source_sender_ids", "telegram_operator_user_ids")
    @classmethod
    def _id_list(cls, value: str, info) -> str:
        for part in value.split(","):
            if part.strip() and not part.strip().lstrip("-").isdigit():
                raise ValueError(f"{info.field_name.upper()} must be comma-separated integer ids, got {part.strip()!r}")
        return value

    @model_validator(mode="after")
    def _operator_chat_is_separate(self):
        """The review chat must be its own chat: an operator's corrected text in a source chat would be read as a
        provider post, and review messages in a broadcast group would reach every member."""
        chat = self.telegram_operator_chat_id
        if chat is None:
            return self
        if chat in self.source_chat_ids() or chat in (self.telegram_vip_chat_id, self.telegram_trial_chat_id):
            raise ValueError("TELEGRAM_OPERATOR_CHAT_ID must not be a source, VIP or TRIAL chat")
        if not self.operator_user_ids():
            raise ValueError("TELEGRAM_OPERATOR_USER_IDS is required with TELEGRAM_OPERATOR_CHAT_ID "
                             "(only those Telegram users may decide reviews)")
        if any(user <= 0 for user in self.operator_user_ids()):
            raise ValueError("TELEGRAM_OPERATOR_USER_IDS must be Telegram user ids (positive integers)")
        return self

    def operator_user_ids(self) -> set[int]:
        return {int(x) for x in self.telegram_operator_user_ids.split(",") if x.strip()}

    def source_chat_ids(self) -> set[int]:
        return {int(x) for x in self.telegram_source_chat_ids.split(",") if x.strip()}

    def house_strategy_enabled(self, name: str, default: bool) -> bool:
        forced = {x.strip() for x in self.house_strategies_enabled.split(",") if x.strip()}
        return default or name in forced or "all" in forced

    def house_symbol_list(self) -> list[str]:
        return [x.strip() for x in self.house_symbols.split(",") if x.strip()]

    def source_sender_ids(self) -> set[int]:
        return {int(x) for x in self.telegram_source_sender_ids.split(",") if x.strip()}

    def direct_fallback_enabled(self) -> bool:
        """Deployed stages never go around the proxy unless told to: a direct request from a Lambda's IP is
        refused by an IP-restricted key, which would turn a proxy outage into a failed trade."""
        if self.proxy_direct_fallback is not None:
            return self.proxy_direct_fallback
        return self.environment in ("local", "test")

    def proxy_url_list(self) -> list[str]:
        return [u.strip() for u in self.proxy_urls.split(",") if u.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def reset_settings_cache() -> None:
    get_settings.cache_clear()


def known_env_vars() -> set[str]:
    """Every environment variable name the settings model reads (plus AWS runtime ones)."""
    names = {f.alias for f in Settings.model_fields.values() if f.alias}
    return names | {"POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_LOG_LEVEL",
                    "POWERTOOLS_TRACE_DISABLED"}


def load_secret(arn: str, *, region: str | None = None) -> str:
    """Read a Secrets Manager secret once per container (callers cache the value)."""
    import boto3  # imported lazily: only cloud paths need it

    client = boto3.client("secretsmanager", region_name=region or get_settings().aws_region)
    return client.get_secret_value(SecretId=arn)["SecretString"]


# Secrets that may live in the APP_SECRETS_ARN JSON secret instead of the environment.
APP_SECRET_FIELDS = ("database_url", "jwt_secret", "telegram_bot_token", "telegram_webhook_secret",
                     "proxy_hmac_key", "house_ingest_key")
_secrets_provider = None


def _secrets_provider_for(settings: Settings):
    global _secrets_provider
    if _secrets_provider is None:
        import boto3
        from aws_lambda_powertools.utilities.parameters import SecretsProvider

        client = boto3.client("secretsmanager", region_name=settings.aws_region,
                              endpoint_url=settings.aws_endpoint_url)
        _secrets_provider = SecretsProvider(boto3_client=client)
    return _secrets_provider


def app_secret(settings: Settings, field: str) -> SecretStr | None:
    """A secret setting: the environment variable when set (local runs, tests), else the key `field`
    of the APP_SECRETS_ARN JSON secret, fetched at run time and cached for SECRETS_MAX_AGE_SECONDS
    (Powertools Parameters), so a rotation is picked up without a redeploy. Never logged."""
    if field not in APP_SECRET_FIELDS:
        raise KeyError(field)
    value = getattr(settings, field)
    if value is not None and value.get_secret_value():
        return value
    if not settings.app_secrets_arn:
        return value
    document = _secrets_provider_for(settings).get(settings.app_secrets_arn, transform="json",
                                                    max_age=settings.secrets_max_age_seconds)
    found = document.get(field) if isinstance(document, dict) else None
    return SecretStr(str(found)) if found else None


def secret_string(settings: Settings, arn: str) -> str:
    """A whole secret's string, fetched at run time and cached like `app_secret`."""
    return _secrets_provider_for(settings).get(arn, max_age=settings.secrets_max_age_seconds)


def reset_secrets_cache() -> None:
    global _secrets_provider
    _secrets_provider = None
