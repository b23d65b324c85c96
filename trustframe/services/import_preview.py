"""The preview of a returned vendor workbook, written once for both read paths.

:func:`build_preview` reads the workbook, applies the binding rules of
:mod:`trustframe.services.workbook_binding` and judges every row; it reads the workspace only
through :class:`~trustframe.services.workbook_binding.WorkspaceReads`. The exchange service
passes its SQLAlchemy-backed reads; ``import-response --dry-run`` passes :class:`LightReads`
(the standard library's sqlite3, see :mod:`trustframe.storage.light`), so that a dry run starts
without importing SQLAlchemy, the ORM models or the services (issue 22: the dry run as a whole
process within 2x a bare openpyxl load of the same file). Same rules, same messages, same
preview: a test compares both paths' output on valid and refused returns.

This module must not import SQLAlchemy (directly or through another module); a test checks it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.domain.assessment import Answer, Assessment
from trustframe.domain.exchange import ExportBinding, ExportRecord, ImportRecord
from trustframe.domain.questionnaire import is_buyer_question_id
from trustframe.domain.scoping import in_scope
from trustframe.errors import ExchangeError, Issue, TrustFrameError
from trustframe.exchange.excel_model import ImportPreview
from trustframe.services.workbook_binding import WorkspaceReads, identify

if TYPE_CHECKING:
    from trustframe.domain.questionnaire import Question, Questionnaire
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.light import LightWorkspace

log = logging.getLogger(__name__)


def build_preview(reads: WorkspaceReads, path: Path, assessment_id: int | None = None, *,
                  accept_legacy_seal: bool = False) -> ImportPreview:
    """Read a returned workbook and say what importing it would do. Never writes.

    ``assessment_id`` is the officer's explicit choice of assessment (needed when the file's
    identity cannot be verified); ``accept_legacy_seal`` the officer's confirmation that a
    workbook sealed the old, unkeyed way may be imported. Raises ExchangeError when the file
    cannot be read or belongs elsewhere (another workspace, assessment, vendor or
    questionnaire version); see :mod:`trustframe.services.workbook_binding`.
    """
    from trustframe.exchange.excel_import import build_rows, read_workbook

    path = Path(path)
    parsed = read_workbook(path)
    identity = identify(reads, parsed, assessment_id, accept_legacy_seal=accept_legacy_seal)
    parsed = identity.parsed or parsed
    issues: list[Issue] = list(identity.issues)
    assessment, identified_by = identity.assessment, identity.identified_by
    questionnaire = reads.questionnaire(assessment)
    meta = parsed.meta
    if meta is not None and (meta.questionnaire_id, meta.questionnaire_version) != (
            questionnaire.id, questionnaire.version):
        message = (f"{parsed.file_name} was made for questionnaire {meta.questionnaire_id} version "
                   f"{meta.questionnaire_version}, but assessment {assessment.id} uses {questionnaire.key}. "
                   "Send the vendor a new export.")
        raise ExchangeError(message, [])
    if assessment.locked:
        message = (f"Assessment {assessment.id} is decided and locked; reopen it (with a reason) before "
                   "importing answers.")
        raise ExchangeError(message, [])
    export = None
    if identity.binding is not None:
        export = reads.export_by_uid(identity.binding.export_uid)
        if export is not None and export.assessment_id != assessment.id:
            export = None
    if export is None:
        export = reads.latest_export(assessment.id)  # type: ignore[arg-type]
        if export is not None:
            issues.append(Issue(
                "The export this file came from is not recorded; answers are compared with the latest "
                f"export ({export.exported_at:%Y-%m-%d %H:%M}) to find conflicts.",
                file=parsed.file_name, severity="warning"))
        else:
            issues.append(Issue("No export of this assessment is recorded, so conflicts with answers "
                                "you changed after sending cannot be detected.",
                                file=parsed.file_name, severity="warning"))
    previous = reads.imports(assessment.id, parsed.sha256)  # type: ignore[arg-type]
    current = reads.answers(assessment.id)  # type: ignore[arg-type]
    scope = {q.id for q in reads.scoped_questions(assessment)}
    rows, row_issues = build_rows(parsed, questionnaire, scope, current,
                                  export.answers if export is not None else None,
                                  export.question_ids if export is not None else None)
    missing = missing_rows(rows, export.question_ids if export is not None else None, questionnaire)
    if missing:
        issues.append(Issue(missing_message(parsed.file_name, missing, len(export.question_ids or ())),  # type: ignore[union-attr]
                            file=parsed.file_name, where=parsed.questions_sheet))
    if previous:
        issues.append(Issue(f"This file was already imported on {previous[0].imported_at:%Y-%m-%d %H:%M} "
                            f"by {previous[0].importer or 'unknown'}.", file=parsed.file_name,
                            severity="info"))
    return ImportPreview(
        path=path, file_name=parsed.file_name, sha256=parsed.sha256, assessment_id=assessment.id,  # type: ignore[arg-type]
        assessment_label=_label(assessment), questionnaire_key=questionnaire.key, rows=tuple(rows),
        issues=_worst_first(issues + row_issues), export_uid=export.uid if export is not None else None,
        identified_by=identified_by, already_imported_at=previous[0].imported_at if previous else None,
        status=assessment.status.value, vendor_name=assessment.vendor_name, product_name=assessment.product_name,
        sent_to_vendor=identity.binding.vendor_name if identity.binding is not None else "",
        verification=identity.verification, missing_rows=tuple(missing))


def missing_rows(rows: Any, sent: tuple[str, ...] | None, questionnaire: Any) -> list[str]:
    """Questions the workbook was sent with that have no row in the returned file."""
    present = {r.question_id for r in rows}
    return [qid for qid in sent or () if qid not in present and qid in questionnaire.questions_by_id]


def missing_message(file_name: str, missing: list[str], sent: int | None) -> str:
    """The refusal (or warning) for rows of questions sent that the returned file lacks."""
    listed = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
    of = f" of the {sent}" if sent else ""
    return (f"{file_name}: {len(missing)}{of} questions sent are missing from the returned workbook ({listed}), "
            "so rows were deleted or lost; importing it needs your confirmation.")


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _worst_first(issues: list[Issue]) -> tuple[Issue, ...]:
    """Errors before warnings before notes; within a severity, in the order found (sheet order)."""
    return tuple(sorted(issues, key=lambda i: _SEVERITY_ORDER.get(i.severity, 1)))


def _label(assessment: Assessment) -> str:
    return f"{assessment.vendor_name} / {assessment.product_name}"


# ------------------------------------------------------------------------------------------------
# The light path


class LightReads:
    """:class:`WorkspaceReads` over a :class:`~trustframe.storage.light.LightWorkspace`, answering
    as the services do (the vendor-side answers only, the questionnaire version the assessment
    uses from the bundle or the workspace's copy, the scope before show-if)."""

    def __init__(self, workspace: LightWorkspace, catalog: QuestionnaireCatalog) -> None:
        self._ws = workspace
        self._catalog = catalog

    @property
    def workspace_id(self) -> str:
        """The workspace's unique id."""
        return self._ws.workspace_id

    def seal_key(self) -> bytes:
        """The workspace's seal key (WorkspaceError when missing)."""
        return self._ws.seal_key()

    def binding(self, export_uid: str) -> ExportBinding | None:
        """The record of an export this workspace made."""
        return self._ws.binding(export_uid)

    def assessment(self, assessment_id: int) -> Assessment:
        """An assessment with vendor and product names (NotFoundError when absent)."""
        return self._ws.assessment(assessment_id)

    def assessment_id_by_uid(self, uid: str) -> int | None:
        """The id of the assessment with this uid."""
        return self._ws.assessment_id_by_uid(uid)

    def assessment_uid(self, assessment_id: int) -> str:
        """The uid of an assessment."""
        return self._ws.assessment_uid(assessment_id)

    def questionnaire(self, assessment: Assessment) -> Questionnaire:
        """The exact questionnaire version an assessment uses, with its overlays (as
        ``AssessmentService.questionnaire``)."""
        bank = self._catalog.get(assessment.questionnaire_id, assessment.questionnaire_version)
        return self._catalog.with_overlays(bank, assessment.overlays)[0] if assessment.overlays else bank

    def scoped_questions(self, assessment: Assessment) -> list[Question]:
        """As ``AssessmentService.scoped_questions``."""
        return in_scope(self.questionnaire(assessment), assessment.product_category, assessment.effective_tier,
                        assessment.scope_added, assessment.scope_removed)

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        """The vendor-side answers (as ``AssessmentService.answers``: the buyer's own are left out)."""
        return {qid: a for qid, a in self._ws.answers(assessment_id).items() if not is_buyer_question_id(qid)}

    def export_by_uid(self, uid: str) -> ExportRecord | None:
        """The export with this uid."""
        return self._ws.export_by_uid(uid)

    def latest_export(self, assessment_id: int) -> ExportRecord | None:
        """The newest export of an assessment."""
        return self._ws.latest_export(assessment_id)

    def imports(self, assessment_id: int, sha256: str) -> list[ImportRecord]:
        """Imports of this file content into an assessment, newest first."""
        return self._ws.imports(assessment_id, sha256)


def light_preview(workspace: Path, path: Path, assessment_id: int | None = None, *,
                  accept_legacy_seal: bool = False) -> ImportPreview | None:
    """The preview of ``path`` built on the light path, or None when the light path cannot be
    used for this workspace (see :meth:`LightWorkspace.open`) or one of its reads failed; the
    caller then opens the workspace the normal way and previews again (nothing was written).

    Refusals (ExchangeError and the other TrustFrameErrors) are raised exactly as
    :meth:`ExchangeService.preview_import` raises them."""
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.light import LightReadFailed, LightWorkspace

    opened = LightWorkspace.open(workspace)
    if opened is None:
        return None
    with opened as ws:
        catalog = QuestionnaireCatalog(stored_text=ws.questionnaire_text)
        try:
            return build_preview(LightReads(ws, catalog), path, assessment_id, accept_legacy_seal=accept_legacy_seal)
        except LightReadFailed:  # (a TrustFrameError, so caught first) the normal path reads it
            return None
        except TrustFrameError:
            raise  # a verdict on the file or the workspace: the normal path says the same
        except Exception:  # noqa: BLE001 - see below
            # Anything else (a value this reader decodes differently, a bug) must not decide what
            # the officer sees: the normal path previews again and answers, or fails, its own way.
            log.debug("Light dry run failed; previewing the normal way", exc_info=True)
            return None
