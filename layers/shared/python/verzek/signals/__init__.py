"""Signal ingest (every source), updates and edits, fan-out to following users. See `ingest`."""

from verzek.signals.ingest import (
                                   EditResult,
                                   IngestResult,
                                   SignalInputError,
                                   SignalNotFound,
                                   SignalUpdate,
                                   UpdateResult,
                                   apply_edit,
                                   apply_update,
                                   ingest_signal,
                                   resume_pending_fanouts,
                                   update_from_parsed,
)

__all__ = ["EditResult", "IngestResult", "SignalInputError", "SignalNotFound", "SignalUpdate", "UpdateResult",
           "apply_edit", "apply_update", "ingest_signal", "resume_pending_fanouts", "update_from_parsed"]
