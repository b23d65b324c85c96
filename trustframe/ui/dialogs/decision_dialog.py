"""Record the decision on an assessment: approve, approve with conditions, escalate or reject,
with the decider's name, the date and notes. The scoring's recommendation is preselected and
its conditions are shown (and copied into the notes) for "approve with conditions". A decision
that departs from the recommendation, or is taken on fewer answers than the profile's threshold,
needs a written justification before it can be recorded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.assessment import Assessment, Decision
from trustframe.domain.decision_rules import JustificationNeed, justification_need
from trustframe.domain.scoring_model import ScoreResult
from trustframe.errors import ConnectionLostError, StaleWriteError, TrustFrameError
from trustframe.ui import labels, messages
from trustframe.ui.context import UiContext


class DecisionDialog(QDialog):
    """After ``exec()`` (accepted) ``decided`` holds the decided assessment."""

    def __init__(self, ctx: UiContext, assessment_id: int, score: ScoreResult | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.assessment_id = assessment_id
        self.score = score
        self.decided: Assessment | None = None
        assessment = ctx.require_services.assessments.get(assessment_id)
        #: The assessment as the officer decides on it: the decision names its version, so a
        #: colleague's change in between (tier, scope, status...) is shown before it is recorded.
        self.base = assessment
        self.setWindowTitle(self.tr("Record decision"))
        # build widgets
        self._summary = QLabel(self._summary_text(assessment, score))
        self._summary.setWordWrap(True)
        self._group = QButtonGroup(self)
        self.buttons: dict[Decision, QRadioButton] = {}
        for i, decision in enumerate(Decision):
            button = QRadioButton(f"&{i + 1} {labels.decision(decision)}")
            button.setAccessibleName(labels.decision(decision))
            self._group.addButton(button, i)
            self.buttons[decision] = button
        self.conditions = QListWidget()
        self.conditions.setAccessibleName(self.tr("Conditions"))
        self.conditions.setWordWrap(True)
        for condition in (score.conditions if score else ()):
            self.conditions.addItem(condition)
        self.conditions.setMaximumHeight(self.fontMetrics().height() * 7)
        self._conditions_label = QLabel(self.tr("Conditions to require:"))
        from trustframe.actor import UNNAMED

        user = ctx.require_services.user
        self.name_edit = QLineEdit("" if user == UNNAMED else user)
        self.name_edit.setPlaceholderText(self.tr("Your name (set once in Preferences)"))
        self.name_edit.setAccessibleName(self.tr("Decided by"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Decision date"))
        self.review_edit = QDateEdit(QDate.currentDate().addMonths(12))
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat("yyyy-MM-dd")
        self.review_edit.setAccessibleName(self.tr("Next review due"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setMaximumHeight(self.fontMetrics().height() * 6)
        self._justification_label = QLabel(self.tr("&Justification:"))
        self.justification_reason = QLabel()
        self.justification_reason.setWordWrap(True)
        self.justification_reason.setObjectName("InlineError")
        self.justification_edit = QPlainTextEdit()
        self.justification_edit.setTabChangesFocus(True)
        self.justification_edit.setAccessibleName(self.tr("Justification"))
        self.justification_edit.setPlaceholderText(self.tr("Why this decision is right although it departs from "
                                                           "the recommendation or rests on few answers"))
        self.justification_edit.setMaximumHeight(self.fontMetrics().height() * 5)
        self._justification_label.setBuddy(self.justification_edit)
        self._completeness_minimum = ctx.require_services.scoring.profile.completeness_minimum
        self._box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record decision"))
        # build layout
        choices = QVBoxLayout()
        for button in self.buttons.values():
            choices.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Decision:"), choices)
        form.addRow(self._conditions_label, self.conditions)
        form.addRow(self.tr("Decided &by:"), self.name_edit)
        form.addRow(self.tr("D&ate:"), self.date_edit)
        form.addRow(self.tr("Next &review due:"), self.review_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        form.addRow("", self.justification_reason)
        form.addRow(self._justification_label, self.justification_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addLayout(form)
        hint = QLabel(self.tr("Recording the decision locks the assessment; reopening needs a reason."))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self._box)
        # connect signals
        self._box.accepted.connect(self.accept)
        self._box.rejected.connect(self.reject)
        self._group.idToggled.connect(self._on_group_id_toggled)
        self.name_edit.textChanged.connect(self._update_ok)
        self.justification_edit.textChanged.connect(self._update_ok)
        recommended = Decision(score.recommendation.value) if score else None
        if recommended is not None:
            self.set_decision(recommended)
        self._on_group_id_toggled(-1, False)
        self.resize(self.fontMetrics().averageCharWidth() * 72, self.sizeHint().height())

    def set_decision(self, decision: Decision) -> None:
        """Choose a decision."""
        self.buttons[decision].setChecked(True)

    def decision(self) -> Decision | None:
        """The chosen decision."""
        for decision, button in self.buttons.items():
            if button.isChecked():
                return decision
        return None

    def justification_need(self) -> JustificationNeed:
        """Whether the chosen decision needs a written justification (and why)."""
        decision = self.decision()
        if decision is None:
            return JustificationNeed(())
        score = self.score
        return justification_need(decision.value, score.recommendation.value if score else None,
                                  score.completeness if score else None, self._completeness_minimum)

    def accept(self) -> None:
        """Record the decision through the service; stays open with a message when refused."""
        decision = self.decision()
        if decision is None:
            return
        need = self.justification_need()
        justification = self.justification_edit.toPlainText().strip() if need.required else ""
        if need.required and not justification:
            self.justification_edit.setFocus()
            return
        qd, qr = self.date_edit.date(), self.review_edit.date()
        try:
            self.decided = self._ctx.require_services.assessments.decide(
                self.assessment_id, decision, decided_by=self.name_edit.text(),
                notes=self.notes_edit.toPlainText(), decided_on=date(qd.year(), qd.month(), qd.day()),
                next_review_due=date(qr.year(), qr.month(), qr.day()), justification=justification,
                expected_version=self.base.version)
        except StaleWriteError as conflict:
            # Refused visibly; everything typed stays. The next OK decides on what is stored now.
            if isinstance(conflict.theirs, Assessment):
                changed = self._changed_fields(self.base, conflict.theirs)
                self.base = conflict.theirs
                messages.warning(self, self.tr("Decision not recorded"), self.tr(
                    "Someone else changed this assessment while you were deciding (%1). Look at the change; "
                    "your decision and notes are still here. Press OK again to record it on the assessment as "
                    "it is now.").replace("%1", ", ".join(changed) or self.tr("details")))
            else:
                messages.warning(self, self.tr("Decision not recorded"), str(conflict))
            return
        except TrustFrameError as exc:
            if isinstance(exc, ConnectionLostError):
                self._ctx.note_connection_lost()  # the banner at once; everything typed stays here
            messages.warning(self, self.tr("Decision not recorded"), str(exc))
            return
        super().accept()

    def _changed_fields(self, before: Assessment, after: Assessment) -> list[str]:
        """What someone else changed on the assessment, in words."""
        names = {"status": self.tr("status"), "tier": self.tr("tier"), "tier_override": self.tr("tier override"),
                 "profile_answers": self.tr("criticality profile"), "scope_added": self.tr("scope"),
                 "scope_removed": self.tr("scope"), "assessor": self.tr("assessor"), "reviewer": self.tr("reviewer"),
                 "procurement": self.tr("purchase reference"), "due_date": self.tr("due date"),
                 "next_review_due": self.tr("next review"), "decision": self.tr("decision")}
        changed: list[str] = []
        for key, name in names.items():
            if getattr(before, key) != getattr(after, key) and name not in changed:
                changed.append(name)
        return changed

    def _summary_text(self, assessment: Assessment, score: ScoreResult | None) -> str:
        head = f"{assessment.vendor_name} · {assessment.product_name}"
        if score is None:
            return head + "\n" + self.tr("The score is not available.")
        overall = "—" if score.overall is None else f"{score.overall:.0f}"
        summary = self.tr("Score %1 · rating %2 · %3 open red flags · %4% complete · recommended: %5")
        return head + "\n" + summary.replace(
            "%1", overall).replace("%2", labels.rating(score.rating)).replace(
            "%3", str(len(score.open_flags))).replace("%4", f"{score.completeness * 100:.0f}").replace(
            "%5", labels.decision(Decision(score.recommendation.value)))

    def _on_group_id_toggled(self, _id: int, _checked: bool) -> None:
        with_conditions = self.decision() is Decision.APPROVE_WITH_CONDITIONS
        self.conditions.setVisible(with_conditions)
        self._conditions_label.setVisible(with_conditions)
        # The conditions become part of the record: copied into the notes unless already typed.
        if with_conditions and not self.notes_edit.toPlainText().strip() and self.conditions.count():
            self.notes_edit.setPlainText("\n".join(
                f"- {self.conditions.item(i).text()}" for i in range(self.conditions.count())))
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        need = self.justification_need()
        self.justification_reason.setText(
            self.tr("A written justification is needed: %1").replace("%1", need.sentence()) if need.required else "")
        for widget in (self.justification_reason, self._justification_label, self.justification_edit):
            widget.setVisible(need.required)
        self._box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.decision() is not None and bool(self.name_edit.text().strip())
            and (not need.required or bool(self.justification_edit.toPlainText().strip())))
