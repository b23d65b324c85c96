"""Facts of machine-readable evidence (SBOM, VEX), kept beside the evidence record."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, MutableMapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind
from trustframe.storage.orm import EvidenceFactsRow

#: Kinds whose files carry facts.
MACHINE_READABLE = (EvidenceKind.SBOM, EvidenceKind.VEX)


def attach_facts(session: Session, items: MutableMapping[int, Evidence]) -> None:
    """Give the SBOM and VEX items of ``items`` (by id) their stored facts, in one query."""
    ids = [i for i, e in items.items() if e.kind in MACHINE_READABLE and e.sha256]
    if not ids:
        return
    for evidence_id, facts in EvidenceFactsRepository(session).many(ids).items():
        items[evidence_id] = dataclasses.replace(items[evidence_id], facts=facts)


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
        out: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            chunk = ids[start:start + 900]
            rows = self.session.scalars(select(EvidenceFactsRow).where(EvidenceFactsRow.evidence_id.in_(chunk)))
            out.update({r.evidence_id: {"kind": r.kind, "format": r.format, **r.facts} for r in rows})
        return out

    def all_of_kind(self, kind: str) -> dict[int, dict[str, Any]]:
        """Stored facts of every piece of evidence of one kind (``vex``), by evidence id."""
        rows = self.session.scalars(select(EvidenceFactsRow).where(EvidenceFactsRow.kind == kind))
        return {r.evidence_id: dict(r.facts) for r in rows}
