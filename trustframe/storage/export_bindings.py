"""Repository of the workbook identity records: the workspace's seal key and export bindings.

The seal key lives in ``workspace_secrets`` and is read only here; nothing else in storage
selects from that table, so no listing of workspace data can carry it into a file.
Same rules as the other repositories: wraps the caller's session, never commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from trustframe.domain.exchange import SEAL_KEY_MISSING, SEAL_KEY_NAME, SEAL_KEYED, SEAL_LEGACY, ExportBinding
from trustframe.errors import WorkspaceError
from trustframe.storage.orm import ExportBindingRow, WorkspaceSecretRow

__all__ = ["SEAL_KEY_NAME", "SEAL_KEYED", "SEAL_LEGACY", "ExportBindingRepository", "binding_from_row"]


def binding_from_row(row: ExportBindingRow) -> ExportBinding:
    """Domain binding from its row."""
    return ExportBinding(export_uid=row.export_uid, assessment_id=row.assessment_id, vendor_id=row.vendor_id,
                         product_id=row.product_id, exported_at=row.exported_at, seal=row.seal,
                         vendor_name=row.vendor_name)


class ExportBindingRepository:
    """Export uid -> assessment, vendor and product; and the key that seals workbooks."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def seal_key(self) -> bytes:
        """The workspace's secret seal key. Raises WorkspaceError when it is missing (a workspace
        damaged by hand): without it no workbook can be sealed or verified."""
        row = self.session.get(WorkspaceSecretRow, SEAL_KEY_NAME)
        if row is None or not row.value:
            raise WorkspaceError(SEAL_KEY_MISSING)
        return bytes(row.value)

    def add(self, export_uid: str, assessment_id: int, vendor_id: int, product_id: int, vendor_name: str,
            exported_at: datetime, seal: str = SEAL_KEYED) -> ExportBinding:
        """Record which assessment an export was made for."""
        row = ExportBindingRow(export_uid=export_uid, assessment_id=assessment_id, vendor_id=vendor_id,
                               product_id=product_id, vendor_name=vendor_name, exported_at=exported_at, seal=seal)
        self.session.add(row)
        self.session.flush()
        return binding_from_row(row)

    def get(self, export_uid: str) -> ExportBinding | None:
        """The binding of an export uid, if this workspace made that export."""
        row = self.session.scalars(select(ExportBindingRow).where(ExportBindingRow.export_uid == export_uid)).first()
        return binding_from_row(row) if row is not None else None
