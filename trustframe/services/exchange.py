"""The vendor Excel exchange: export a questionnaire workbook, preview a returned one, apply it.

The workbook code (``trustframe.exchange.excel_export`` / ``excel_import``) is pure; this
service gathers the domain objects it needs, identifies which assessment a returned file
belongs to, and writes the accepted answers with their provenance in one unit of work.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.domain.assessment import (
    ALLOWED_TRANSITIONS,
    Answer,
    AnswerSource,
    Assessment,
    AssessmentStatus,
)
from trustframe.domain.exchange import ExportBinding, ExportRecord, ImportRecord
from trustframe.errors import ConflictError
from trustframe.exchange.excel_model import (
    ExportQuestion,
    ExportResult,
    ImportPreview,
    ImportResult,
    RowCategory,
    WorkbookMeta,
    WorkbookSpec,
    split_comment,
)
from trustframe.exchange.workbook_identity import keyed_seal
from trustframe.services.assessments import AnswerInput
from trustframe.services.changes import Change, Entity
from trustframe.services.import_preview import build_preview, missing_message
from trustframe.services.vendors import InvalidInput
from trustframe.storage.exchange_records import ExchangeRecordRepository
from trustframe.storage.export_bindings import ExportBindingRepository
from trustframe.storage.repositories import AssessmentRepository, HistoryRepository

if TYPE_CHECKING:
    from trustframe.domain.questionnaire import Question, Questionnaire
    from trustframe.services.context import Services

log = logging.getLogger(__name__)


class ExchangeService:
    """Export questionnaires to vendors and import their answers."""

    def __init__(self, services: Services) -> None:
        self._s = services

    # -- export --------------------------------------------------------------------------------

    def export_questionnaire(self, assessment_id: int, path: Path, *, prefill: bool = True,
                             only_open: bool = False, deadline: date | None = None,
                             contact: str = "", language: str = "en", bilingual: bool = False) -> ExportResult:
        """Write the vendor workbook for an assessment and record what it carried.

        Questions are those in scope (show-if questions included with an "answer only if" note:
        the vendor's own answers decide whether they apply). ``prefill`` writes the answers we
        already have (marked "to confirm" when they came from an earlier assessment);
        ``only_open`` leaves out questions that already have a confirmed answer. ``language``
        is the vendor's language (questions from the bank's translation overlay, the workbook's
        own words from the catalogue); ``bilingual`` adds each question's English text beside it.
        """
        from trustframe.exchange.excel_export import checksums_for, write_workbook
        from trustframe.exchange.workbook_language import describe_condition_in

        assessment = self._s.assessments.get(assessment_id)
        questionnaire = self._s.assessments.questionnaire(assessment)
        shown, english_texts = _in_vendor_language(questionnaire, language, bilingual)
        answers = self._s.assessments.answers(assessment_id)
        scoped = [shown.question(q.id) for q in self._s.assessments.scoped_questions(assessment)]
        items: list[ExportQuestion] = []
        snapshot: dict[str, Any] = {}
        for question in scoped:
            answer = answers.get(question.id)
            has_value = answer is not None and answer.value is not None
            if only_open and has_value and not answer.to_confirm:  # type: ignore[union-attr]
                continue
            value, comment, evidence, to_confirm, reworded = None, "", "", False, False
            if prefill and has_value:
                value, to_confirm = answer.value, answer.to_confirm  # type: ignore[union-attr]
                # Carried onto a newer bank version whose wording changed (see reassess_report).
                reworded = to_confirm and bool(answer.confirm_note)  # type: ignore[union-attr]
                # Only the vendor's own words go back to the vendor: an officer's comment on an
                # answer may be an internal note ("evasive on the phone").
                if answer.source is AnswerSource.VENDOR:  # type: ignore[union-attr]
                    comment, evidence = split_comment(answer.comment)  # type: ignore[union-attr]
            if answer is not None and (answer.value is not None or answer.comment):
                snapshot[question.id] = {"value": answer.value, "comment": answer.comment,
                                         "prefilled": value is not None}
            section = shown.sections_by_id.get(question.section_id)
            items.append(ExportQuestion(
                question=question, section_title=section.title if section else question.section_id,
                value=value, comment=comment, evidence=evidence, to_confirm=to_confirm, reworded=reworded,
                condition_note=describe_condition_in(question.show_if, shown, language) if question.show_if else ""))
        if not items:
            raise InvalidInput("There is nothing to send: every question in scope already has an answer. "
                               "Export without 'only open questions' to send them all for confirmation.")
        now = datetime.now().replace(microsecond=0)
        export_uid = str(uuid.uuid4())
        meta = WorkbookMeta(
            workspace_id=self._s.workspace.workspace_id, assessment_uid=self._s.assessments.uid(assessment_id),
            export_uid=export_uid, questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version, exported_at=now.isoformat(),
            checksums=checksums_for(items))
        with self._s.workspace.reading() as session:
            seal = keyed_seal(meta, ExportBindingRepository(session).seal_key())
        organisation = str(self._s.setting("organisation_name", "") or "").strip()
        spec = WorkbookSpec(seal=seal, meta=meta, questions=tuple(items), questionnaire_title=shown.title,
                            vendor_name=assessment.vendor_name, product_name=assessment.product_name,
                            organisation=organisation, deadline=deadline, contact=contact.strip(),
                            disclaimer=shown.disclaimer, language=language, english_texts=english_texts)
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            raise InvalidInput(f"Export to an .xlsx file (got '{path.name}').")
        write_workbook(spec, shown, path)
        try:
            with self._s.workspace.transaction() as session:
                ExchangeRecordRepository(session).add_export(
                    export_uid, assessment_id, now, self._s.user, path.name, snapshot, [i.question.id for i in items])
                # The binding that lets only this assessment (of this vendor) take the workbook back.
                ExportBindingRepository(session).add(export_uid, assessment_id, assessment.vendor_id,
                                                     assessment.product_id, assessment.vendor_name, now)
                HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "exported", None,
                                                  path.name, assessment_id=assessment_id,
                                                  note=f"{len(items)} questions, export {export_uid}")
        except Exception:
            # Without its record the workbook could not be matched on return: do not leave it.
            path.unlink(missing_ok=True)
            raise
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return ExportResult(path=path, export_uid=export_uid, assessment_id=assessment_id,
                            question_count=len(items), prefilled_count=sum(1 for i in items if i.value is not None),
                            exported_at=now)

    # -- import --------------------------------------------------------------------------------

    def preview_import(self, path: Path, assessment_id: int | None = None, *,
                       accept_legacy_seal: bool = False) -> ImportPreview:
        """Read a returned workbook and say what importing it would do. Never writes.

        ``assessment_id`` is the officer's explicit choice of assessment (needed when the file's
        identity cannot be verified); ``accept_legacy_seal`` the officer's confirmation that a
        workbook sealed the old, unkeyed way may be imported. Raises ExchangeError when the file
        cannot be read or belongs elsewhere (another workspace, assessment, vendor or
        questionnaire version); see :mod:`trustframe.services.workbook_binding` and
        :func:`trustframe.services.import_preview.build_preview` (shared with the light path of
        ``import-response --dry-run``).
        """
        return build_preview(ServicesReads(self._s), path, assessment_id, accept_legacy_seal=accept_legacy_seal)

    def apply_import(self, preview: ImportPreview, accepted: set[str] | None = None, *,
                     allow_missing_rows: bool = False) -> ImportResult:
        """Apply the accepted rows of a preview in one transaction, with provenance.

        ``accepted`` holds question ids; None takes the preview's default (new and changed
        answers and confirmations; conflicts only when named). Refuses when the answers changed
        since the preview was made (preview again), and when rows of questions that were sent are
        missing from the file unless ``allow_missing_rows`` confirms it (a return that lost its
        rows must not pass as a complete one). Re-applying the same file changes nothing.
        """
        rows = {r.question_id: r for r in preview.rows}
        chosen = set(preview.default_accepted if accepted is None else accepted)
        for qid in sorted(chosen):
            row = rows.get(qid)
            if row is None:
                raise InvalidInput(f"Question {qid} is not in the preview of {preview.file_name}.")
            if row.category is RowCategory.REJECTED:
                raise InvalidInput(f"Question {qid} was rejected ({row.note or 'see the problems'}); it cannot "
                                   "be imported.")
        items: list[AnswerInput] = []
        applied: list[str] = []
        for row in preview.rows:
            if row.question_id not in chosen:
                continue
            if row.category.acceptable:
                items.append(AnswerInput(question_id=row.question_id, value=row.new_value, comment=row.new_comment,
                                         to_confirm=False))
                applied.append(row.question_id)
            elif row.category is RowCategory.UNCHANGED and row.confirms:
                items.append(AnswerInput(question_id=row.question_id, to_confirm=False))
                applied.append(row.question_id)
        counts = preview.counts
        if not items:
            return ImportResult(assessment_id=preview.assessment_id, import_id=None, applied=(), counts=counts,
                                status=self._s.assessments.get(preview.assessment_id).status.value)
        if preview.missing_rows and not allow_missing_rows:
            raise InvalidInput(missing_message(preview.file_name, list(preview.missing_rows), None)
                               .replace("importing it needs your confirmation",
                                        "nothing was imported; confirm to import the remaining rows only "
                                        "(--allow-missing-rows)"))
        # A restorable copy before anything from a vendor's file lands (`workspace restore`).
        self._s.workspace.backup("before-import")
        now = datetime.now().replace(microsecond=0)
        status_changed = False
        with self._s.workspace.transaction() as session:
            current = AssessmentRepository(session).answers(preview.assessment_id)
            for qid in applied:
                row = rows[qid]
                answer = current.get(qid)
                value = answer.value if answer is not None else None
                comment = answer.comment if answer is not None else ""
                if value != row.old_value or comment != row.old_comment:
                    raise ConflictError(f"The answer to {qid} changed after the preview was made; preview "
                                        f"{preview.file_name} again before importing.")
            record = ExchangeRecordRepository(session).add_import(
                preview.assessment_id, preview.file_name, preview.sha256, now, self._s.user,
                {"counts": counts, "applied": applied, "export_uid": preview.export_uid,
                 "identified_by": preview.identified_by, "verification": preview.verification})
            self._s.assessments.set_answers(preview.assessment_id, items, source=AnswerSource.VENDOR,
                                            import_id=record.id, session=session)
            history = HistoryRepository(session)
            history.record(self._s.user, "assessment", preview.assessment_id, "imported", None, preview.file_name,
                           assessment_id=preview.assessment_id,
                           note=f"{len(applied)} answers from {preview.file_name} (sha256 {preview.sha256[:12]})")
            assessment_row = AssessmentRepository(session).row(preview.assessment_id)
            status = AssessmentStatus(assessment_row.status)
            # Done here rather than through AssessmentService.set_status so the status moves in
            # the same unit of work as the answers (set_status opens its own transaction).
            if status is AssessmentStatus.SENT and AssessmentStatus.RETURNED in ALLOWED_TRANSITIONS[status]:
                history.record(self._s.user, "assessment", preview.assessment_id, "status", status.value,
                               AssessmentStatus.RETURNED.value, assessment_id=preview.assessment_id,
                               note=f"Vendor return {preview.file_name} imported")
                assessment_row.status = AssessmentStatus.RETURNED.value
                status = AssessmentStatus.RETURNED
                status_changed = True
            assessment_row.updated_at = now
        self._s.changes.announce(Change(Entity.ASSESSMENT, preview.assessment_id, preview.assessment_id))
        return ImportResult(assessment_id=preview.assessment_id, import_id=record.id, applied=tuple(applied),
                            counts=counts, status_changed=status_changed, status=status.value)

    def imports(self, assessment_id: int) -> list[ImportRecord]:
        """Provenance of the imports applied to an assessment, newest first."""
        with self._s.workspace.reading() as session:
            return ExchangeRecordRepository(session).imports(assessment_id)

    def exports(self, assessment_id: int) -> list[ExportRecord]:
        """Workbooks sent for an assessment, newest first."""
        with self._s.workspace.reading() as session:
            return ExchangeRecordRepository(session).exports(assessment_id)


def _in_vendor_language(questionnaire: Questionnaire, language: str,
                        bilingual: bool) -> tuple[Questionnaire, dict[str, str]]:
    """The questionnaire in the vendor's language and, for a bilingual workbook, each question's
    English text; a clear error for a language TrustFrame cannot write."""
    from trustframe.errors import QuestionnaireError
    from trustframe.exchange import i18n
    from trustframe.exchange.questionnaire_translations import in_language

    try:
        i18n.check_language(language)
        shown = in_language(questionnaire, language)
    except (ValueError, QuestionnaireError) as exc:
        raise InvalidInput(str(exc)) from None
    english = {q.id: q.text for q in questionnaire.iter_questions()} if bilingual and language != "en" else {}
    return shown, english


class ServicesReads:
    """:class:`~trustframe.services.workbook_binding.WorkspaceReads` through the services and the
    repositories (the normal path; the dry run's light path has :class:`LightReads`)."""

    def __init__(self, services: Services) -> None:
        self._s = services

    @property
    def workspace_id(self) -> str:
        """The workspace's unique id."""
        return self._s.workspace.workspace_id

    def seal_key(self) -> bytes:
        """The workspace's seal key (WorkspaceError when missing)."""
        with self._s.workspace.reading() as session:
            return ExportBindingRepository(session).seal_key()

    def binding(self, export_uid: str) -> ExportBinding | None:
        """The record of an export this workspace made."""
        with self._s.workspace.reading() as session:
            return ExportBindingRepository(session).get(export_uid)

    def assessment(self, assessment_id: int) -> Assessment:
        """An assessment with vendor and product names (NotFoundError when absent)."""
        return self._s.assessments.get(assessment_id)

    def assessment_id_by_uid(self, uid: str) -> int | None:
        """The id of the assessment with this uid."""
        with self._s.workspace.reading() as session:
            row = AssessmentRepository(session).by_uid(uid)
            return row.id if row is not None else None

    def assessment_uid(self, assessment_id: int) -> str:
        """The uid of an assessment."""
        return self._s.assessments.uid(assessment_id)

    def questionnaire(self, assessment: Assessment) -> Questionnaire:
        """The exact questionnaire version an assessment uses."""
        return self._s.assessments.questionnaire(assessment)

    def scoped_questions(self, assessment: Assessment) -> list[Question]:
        """Questions in scope before show-if."""
        return self._s.assessments.scoped_questions(assessment)

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        """The vendor-side answers."""
        return self._s.assessments.answers(assessment_id)

    def export_by_uid(self, uid: str) -> ExportRecord | None:
        """The export with this uid."""
        with self._s.workspace.reading() as session:
            return ExchangeRecordRepository(session).export_by_uid(uid)

    def latest_export(self, assessment_id: int) -> ExportRecord | None:
        """The newest export of an assessment."""
        with self._s.workspace.reading() as session:
            return ExchangeRecordRepository(session).latest_export(assessment_id)

    def imports(self, assessment_id: int, sha256: str) -> list[ImportRecord]:
        """Imports of this file content into an assessment, newest first."""
        with self._s.workspace.reading() as session:
            return ExchangeRecordRepository(session).imports(assessment_id, sha256)
