"""Evidence supplied by vendors: certificates, audit reports, SBOMs... with validity dates."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from trustframe.domain.questionnaire import EvidenceKind

#: Evidence expiring within this many days is "expiring soon".
EXPIRING_SOON_DAYS = 60


class EvidenceState(str, enum.Enum):
    """Validity of a piece of evidence on a given date."""

    CURRENT = "current"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    UNDATED = "undated"


@dataclass(frozen=True)
class Evidence:
    """A piece of evidence. Either a file stored in the workspace (with its SHA-256) or a link."""

    id: int | None
    vendor_id: int
    title: str
    kind: EvidenceKind
    issuer: str = ""
    independent: bool = False
    issued_on: date | None = None
    expires_on: date | None = None
    file_name: str = ""
    sha256: str = ""
    size: int = 0
    url: str = ""
    notes: str = ""
    product_id: int | None = None
    added_at: datetime | None = field(default=None, compare=False)
    added_by: str = field(default="", compare=False)
    #: What a machine-readable file (SBOM, VEX) says about itself, parsed when it was added
    #: (see ``domain/sbom.py``); None for other evidence.
    facts: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)
    #: Team mode (no lost update): the stored row's version, given back when saving so a save
    #: against a version someone else has moved on is refused (0 when not read from a workspace).
    version: int = field(default=0, compare=False)

    def state(self, as_of: date, soon_days: int = EXPIRING_SOON_DAYS) -> EvidenceState:
        """Validity on ``as_of``."""
        if self.issued_on is not None and self.issued_on > as_of:
            return EvidenceState.NOT_YET_VALID
        if self.expires_on is None:
            return EvidenceState.UNDATED
        if self.expires_on < as_of:
            return EvidenceState.EXPIRED
        if self.expires_on <= as_of + timedelta(days=soon_days):
            return EvidenceState.EXPIRING
        return EvidenceState.CURRENT

    def is_valid(self, as_of: date) -> bool:
        """True when the evidence is in force on ``as_of`` (undated counts as in force)."""
        return self.state(as_of) not in (EvidenceState.EXPIRED, EvidenceState.NOT_YET_VALID)
