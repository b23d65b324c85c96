"""The append-only change log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ChangeLogEntry:
    """Who changed what, when, with the old and new value (as display text or JSON)."""

    id: int
    at: datetime
    actor: str
    entity: str
    entity_id: str
    field: str
    old_value: str | None
    new_value: str | None
    assessment_id: int | None = None
    note: str = ""
