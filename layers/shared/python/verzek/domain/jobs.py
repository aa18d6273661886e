"""Execution-queue job bodies: ids only, never secrets. Validated on the way in (SQS is outside input).

Producers: signal ingest (one `execute_signal` per following user), signal updates from the VIP
provider (`signal_update` per user with a position on that signal), the API (`close_position` when
a user closes by hand). Consumer: the `dca_executor` function / the local in-process worker.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


class _Job(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExecuteSignalJob(_Job):
    type: Literal["execute_signal"] = "execute_signal"
    signal_id: int = Field(gt=0)
    user_id: int = Field(gt=0)

    @property
    def dedupe_key(self) -> str:
        return f"exec-{self.signal_id}-{self.user_id}"


class SignalUpdateJob(_Job):
    type: Literal["signal_update"] = "signal_update"
    signal_id: int = Field(gt=0)
    user_id: int = Field(gt=0)
    event_id: int = Field(gt=0)  # signal_events.id describing the update

    @property
    def dedupe_key(self) -> str:
        return f"upd-{self.event_id}-{self.user_id}"


class ClosePositionJob(_Job):
    type: Literal["close_position"] = "close_position"
    position_id: int = Field(gt=0)
    user_id: int = Field(gt=0)
    reason: str = Field("manual", max_length=64)

    @property
    def dedupe_key(self) -> str:
        return f"close-{self.position_id}"


Job = Annotated[ExecuteSignalJob | SignalUpdateJob | ClosePositionJob, Field(discriminator="type")]
_job_adapter = TypeAdapter(Job)


class MonitorAccountJob(_Job):
    """One monitor pass over one account's open positions (monitor queue, not the execution queue).

    An account is (user, mode, live exchange account or None for paper, market type): everything one
    venue serves, so its open orders are read in one request per pass. `enqueued_ms` (epoch ms UTC):
    a position already advanced after it is skipped (a backlog or a redelivery does no second pass)."""

    type: Literal["monitor_account"] = "monitor_account"
    user_id: int = Field(gt=0)
    mode: Literal["paper", "live"]
    exchange_account_id: int | None = Field(None, gt=0)
    market_type: Literal["spot", "futures"]
    position_ids: list[int] = Field(min_length=1, max_length=500)
    enqueued_ms: int = Field(gt=0)

    @property
    def dedupe_key(self) -> str:
        account = self.exchange_account_id or 0
        return f"mon-{self.user_id}-{self.mode}-{account}-{self.market_type}-{self.enqueued_ms}-{self.position_ids[0]}"


def parse_monitor_job(body: str | bytes | dict) -> MonitorAccountJob:
    """Validate a monitor-queue body (JSON text or dict). Raises pydantic.ValidationError on bad input."""
    if isinstance(body, (str, bytes)):
        return MonitorAccountJob.model_validate_json(body)
    return MonitorAccountJob.model_validate(body)


def parse_job(body: str | bytes | dict) -> ExecuteSignalJob | SignalUpdateJob | ClosePositionJob:
    """Validate a job body (JSON text or dict). Raises pydantic.ValidationError on bad input."""
    if isinstance(body, (str, bytes)):
        return _job_adapter.validate_json(body)
    return _job_adapter.validate_python(body)
