"""Repository of the ``exports`` and ``imports`` tables (Excel exchange provenance).

Kept apart from ``repositories.py`` so the exchange feature can evolve without touching the
shared repository module; same rules: wraps the caller's session, never commits, returns
domain objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from trustframe.domain.exchange import ExportRecord, ImportRecord
from trustframe.storage.orm import ExportRow, ImportRow


def export_from_row(row: ExportRow) -> ExportRecord:
    """Domain export record from its row."""
    return ExportRecord(uid=row.uid, assessment_id=row.assessment_id, exported_at=row.exported_at,
                        exported_by=row.exported_by, file_name=row.file_name, answers=dict(row.answers or {}),
                        question_ids=tuple(row.question_ids or ()))


def import_from_row(row: ImportRow) -> ImportRecord:
    """Domain import record from its row."""
    return ImportRecord(id=row.id, assessment_id=row.assessment_id, file_name=row.file_name, sha256=row.sha256,
                        imported_at=row.imported_at, importer=row.importer, summary=dict(row.summary or {}))


class ExchangeRecordRepository:
    """Exports sent and imports applied."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_export(self, uid: str, assessment_id: int, exported_at: datetime, exported_by: str,
                   file_name: str, answers: dict[str, Any], question_ids: Iterable[str]) -> ExportRecord:
        """Record a workbook sent to the vendor."""
        row = ExportRow(uid=uid, assessment_id=assessment_id, exported_at=exported_at, exported_by=exported_by,
                        file_name=file_name, answers=answers, question_ids=list(question_ids))
        self.session.add(row)
        self.session.flush()
        return export_from_row(row)

    def export_by_uid(self, uid: str) -> ExportRecord | None:
        """The export with this uid, if it was made in this workspace."""
        row = self.session.scalars(select(ExportRow).where(ExportRow.uid == uid)).first()
        return export_from_row(row) if row is not None else None

    def latest_export(self, assessment_id: int) -> ExportRecord | None:
        """The newest export of an assessment."""
        row = self.session.scalars(select(ExportRow).where(ExportRow.assessment_id == assessment_id)
                                   .order_by(ExportRow.exported_at.desc(), ExportRow.id.desc())).first()
        return export_from_row(row) if row is not None else None

    def exports(self, assessment_id: int) -> list[ExportRecord]:
        """Every export of an assessment, newest first."""
        rows = self.session.scalars(select(ExportRow).where(ExportRow.assessment_id == assessment_id)
                                    .order_by(ExportRow.exported_at.desc(), ExportRow.id.desc())).all()
        return [export_from_row(r) for r in rows]

    def add_import(self, assessment_id: int, file_name: str, sha256: str, imported_at: datetime,
                   importer: str, summary: dict[str, Any]) -> ImportRecord:
        """Record an applied import; the id is available at once (flushed) for the answers."""
        row = ImportRow(assessment_id=assessment_id, file_name=file_name, sha256=sha256, imported_at=imported_at,
                        importer=importer, summary=summary)
        self.session.add(row)
        self.session.flush()
        return import_from_row(row)

    def imports(self, assessment_id: int, sha256: str | None = None) -> list[ImportRecord]:
        """Imports of an assessment (optionally only of one file content), newest first."""
        stmt = select(ImportRow).where(ImportRow.assessment_id == assessment_id)
        if sha256 is not None:
            stmt = stmt.where(ImportRow.sha256 == sha256)
        rows = self.session.scalars(stmt.order_by(ImportRow.imported_at.desc(), ImportRow.id.desc())).all()
        return [import_from_row(r) for r in rows]
