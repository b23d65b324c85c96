"""Facts of machine-readable evidence (SBOM, VEX), kept beside the evidence record."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from trustframe.storage.orm import EvidenceFactsRow


class EvidenceFactsRepository:
    """Read and write the parsed facts of evidence files."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, evidence_id: int, kind: str, fmt: str, facts: dict[str, Any]) -> None:
        """Store (or replace) the facts of one piece of evidence."""
        row = self.session.get(EvidenceFactsRow, evidence_id)
        if row is None:
            row = EvidenceFactsRow(evidence_id=evidence_id)
            self.session.add(row)
        row.kind, row.format, row.facts = kind, fmt, facts
        row.parsed_at = datetime.now().replace(microsecond=0)

    def get(self, evidence_id: int) -> dict[str, Any] | None:
        """The stored facts with their kind and format, or None."""
        row = self.session.get(EvidenceFactsRow, evidence_id)
        return None if row is None else {"kind": row.kind, "format": row.format, **row.facts}

    def many(self, evidence_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Facts of several pieces of evidence, by evidence id (those without facts are left out)."""
        ids = list(evidence_ids)
        if not ids:
            return {}
        rows = self.session.scalars(select(EvidenceFactsRow).where(EvidenceFactsRow.evidence_id.in_(ids)))
        return {r.evidence_id: {"kind": r.kind, "format": r.format, **r.facts} for r in rows}
