"""Edit an assessment's details: assessor, reviewer, purchase reference, due date and next
review date.

The save names the version of the assessment the dialog opened with. When a colleague saved the
assessment in between (team mode, or another window on the same file), the conflict dialog lists
the details that differ, yours beside theirs, and the officer's choice is saved against the
version stored now (docs/team-mode.md, "No lost update"). Cancelling that choice saves nothing
and leaves the entries in this form.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from trustframe.domain.assessment import Assessment
from trustframe.errors import NotFoundError, StaleWriteError
from trustframe.ui.dialogs import conflict_dialog
from trustframe.ui.dialogs.evidence_dialog import OptionalDate
from trustframe.ui.dialogs.form_dialog import FormDialog

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext

#: The details this dialog edits (AssessmentService.update_details accepts exactly these).
DETAIL_FIELDS = ("assessor", "reviewer", "procurement", "due_date", "next_review_due")


class AssessmentDetailsDialog(FormDialog):
    """Edit ``assessment``'s details; after an accepted ``exec()``, :attr:`saved` holds it."""

    def __init__(self, ctx: UiContext, assessment: Assessment, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assessment details"), parent)
        self._ctx = ctx
        #: The assessment as read when the dialog opened (its version is what the save names).
        self.base = assessment
        self.saved: Assessment | None = None
        self.assessor_edit = QLineEdit(assessment.assessor or "")
        self.assessor_edit.setAccessibleName(self.tr("Assessor"))
        self.reviewer_edit = QLineEdit(assessment.reviewer or "")
        self.reviewer_edit.setAccessibleName(self.tr("Reviewer"))
        self.procurement_edit = QLineEdit(assessment.procurement or "")
        self.procurement_edit.setAccessibleName(self.tr("Purchase reference"))
        self.procurement_edit.setPlaceholderText(self.tr("Tender or purchase reference (optional)"))
        self.due = OptionalDate(self.tr("Due"))
        self.due.set_value(assessment.due_date)
        self.next_review = OptionalDate(self.tr("Review again"))
        self.next_review.set_value(assessment.next_review_due)
        form = QFormLayout()
        form.addRow(self.tr("&Assessor:"), self.assessor_edit)
        form.addRow(self.tr("&Reviewer:"), self.reviewer_edit)
        form.addRow(self.tr("&Purchase reference:"), self.procurement_edit)
        form.addRow(self.tr("Due date:"), self.due)
        form.addRow(self.tr("Next review:"), self.next_review)
        self.form_area.addLayout(form)
        self.resize(520, 260)

    def entered(self) -> dict[str, Any]:
        """The details as entered (empty text is "not set")."""
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return {"assessor": text(self.assessor_edit), "reviewer": text(self.reviewer_edit),
                "procurement": text(self.procurement_edit), "due_date": self.due.value(),
                "next_review_due": self.next_review.value()}

    def conflict_labels(self) -> dict[str, str]:
        """Each detail's label, as the conflict dialog lists them."""
        return {"assessor": self.tr("Assessor"), "reviewer": self.tr("Reviewer"),
                "procurement": self.tr("Purchase reference"), "due_date": self.tr("Due date"),
                "next_review_due": self.tr("Next review")}

    def save(self) -> None:
        """Save what changed against the version read; on a conflict, let the officer choose."""
        services = self._ctx.require_services
        assessment_id = self.base.id
        if assessment_id is None:  # the dialog edits a stored assessment, which has its id
            raise NotFoundError("The assessment is not stored in the workspace.")
        fields = {k: v for k, v in self.entered().items() if v != _stored(self.base, k)}
        if not fields:
            self.saved = self.base
            return
        version: int | None = self.base.version
        while True:
            try:
                self.saved = services.assessments.update_details(assessment_id, expected_version=version, **fields)
                return
            except StaleWriteError as conflict:
                theirs = conflict.theirs
                if not isinstance(theirs, Assessment):
                    raise
                differing = conflict_dialog.differing_fields(
                    {k: v for k, v in self.conflict_labels().items() if k in fields},
                    fields, {k: _stored(theirs, k) for k in fields}, {k: _stored(self.base, k) for k in fields})
                chosen = conflict_dialog.ask(
                    self, self.tr("Assessment changed by someone else"),
                    self.tr("Someone else saved this assessment while you edited its details. Choose, field by "
                            "field, what to keep."), differing, _display) if differing else {}
                if chosen is None:
                    raise conflict_dialog.ConflictNotResolved(self.tr(
                        "Not saved: someone else saved this assessment while you edited it. Your entries are "
                        "still here; save again to compare them with theirs, or cancel to keep theirs.")) from conflict
                fields = {**fields, **chosen}
                version = conflict.version


def _stored(assessment: Assessment, key: str) -> Any:
    """A detail as stored (empty text counts as not set, as the form enters it)."""
    value = getattr(assessment, key)
    return value or None if isinstance(value, str) or value is None else value


def _display(_key: str, value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return conflict_dialog.shown_value(value)


def edit_details(ctx: UiContext, assessment: Assessment | None, parent: QWidget | None = None) -> bool:
    """Open the details dialog for ``assessment`` (modal); True when something was saved."""
    from trustframe.ui import prompts

    if assessment is None:
        return False
    dialog = AssessmentDetailsDialog(ctx, assessment, parent)
    try:
        return prompts.exec_dialog(dialog) and dialog.saved is not None and dialog.saved is not assessment
    finally:
        dialog.deleteLater()
