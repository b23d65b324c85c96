"""Change an assessment's inherent-risk tier and scope after it was created.

The officer learns more about a purchase as the assessment goes on (the product will hold
personal data after all; a module is out of the contract), so the criticality profile, the tier
override and the question-by-question scope stay editable until the decision. The dialog reuses
the new-assessment wizard's profile, tier and scope pages, so both places look and behave the
same. Nothing is written until Apply; then only what changed goes through the services (each
change is logged there) and the assessment screen refreshes from the change announcement.

Each Apply that changed something pushes one :class:`~trustframe.ui.undo.ScopeTierCommand` on the
shared undo stack, so Ctrl+Z puts the profile, tier and scope back as they were before it. The
dialog pushes the command itself (rather than leaving it to whoever opened it) because it is the
only place that knows what was written, including what stayed written when a later step of the
same Apply was refused.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from trustframe.domain.assessment import Assessment
from trustframe.domain.questionnaire import ProductCategory, Questionnaire
from trustframe.domain.tiering import TierResult
from trustframe.errors import NotFoundError, StaleWriteError, TrustFrameError
from trustframe.services.assessments import ScopeTierChange, ScopeTierState
from trustframe.ui import i18n, messages
from trustframe.ui.context import UiContext
from trustframe.ui.dialogs.new_assessment import ProfilePage, ScopePage, TierPage
from trustframe.ui.undo import ScopeTierCommand

log = logging.getLogger(__name__)


class _FixedPurchase:
    """Stands in for the wizard's purchase page: the purchase of an existing assessment is fixed."""

    def __init__(self, questionnaire: Questionnaire, category: ProductCategory | None) -> None:
        self._questionnaire = questionnaire
        self._category = category

    def questionnaire(self) -> Questionnaire:
        """The questionnaire the assessment is pinned to."""
        return self._questionnaire

    def category(self) -> ProductCategory | None:
        """The product's category."""
        return self._category


class _EditScopePage(ScopePage):
    """The scope page, starting from the assessment's own additions and removals."""

    def __init__(self, wizard: ScopeTierDialog, added: tuple[str, ...], removed: tuple[str, ...]) -> None:
        super().__init__(wizard)
        self._added = added
        self._removed = removed
        self.setSubTitle(self.tr("Ticked questions are asked. The tier's default set is ticked, with this "
                                 "assessment's own additions and removals applied."))

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        super().initializePage()
        # Re-apply the officer's earlier choices on top of the (possibly new) tier's default.
        self._updating = True
        for question_id in self._added:
            self.set_in_scope(question_id, True)
        for question_id in self._removed:
            self.set_in_scope(question_id, False)
        self._updating = False
        self._update_counts()

    def _on_reset_button_clicked(self) -> None:
        ScopePage.initializePage(self)


class ScopeTierDialog(QWizard):
    """Re-answer the criticality profile, override the tier, adjust the scope. After ``exec()``
    :attr:`applied` lists what was changed ("profile", "tier override", "scope")."""

    def __init__(self, ctx: UiContext, assessment: Assessment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert assessment.id is not None
        self.ctx = ctx
        self.assessment = assessment
        self.applied: list[str] = []
        services = ctx.require_services
        self.purchase_page: Any = _FixedPurchase(i18n.for_display(services.assessments.questionnaire(assessment)),
                                                 assessment.product_category)
        # build widgets
        self.setWindowTitle(self.tr("Scope and tier: %1 · %2").replace("%1", assessment.vendor_name).replace(
            "%2", assessment.product_name))
        self.setAccessibleName(self.tr("Edit scope and tier"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        # Changing only the override (say) should not force a walk through every page.
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.profile_page = ProfilePage(ctx)
        self.tier_page = TierPage(self)
        self.scope_page = _EditScopePage(self, assessment.scope_added, assessment.scope_removed)
        for page in (self.profile_page, self.tier_page, self.scope_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Apply"))
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 120, fm.height() * 44)
        # fill in what the assessment has
        for question_id, value in assessment.profile_answers.items():
            if question_id in self.profile_page.editors and value is not None:
                self.profile_page.set_answer(question_id, value)
        self.tier_page.set_override(assessment.tier_override, assessment.tier_override_reason)

    # -- the state the shared pages read -------------------------------------------------------

    def tier_result(self) -> TierResult:
        """The inherent tier of the profile answers as they stand in the dialog."""
        return self.profile_page.tier_result()

    def answer_effects(self) -> tuple[Any, ...]:
        """Each profile answer's effect on the tier (shown on the tier page)."""
        return self.profile_page.answer_effects()

    def effective_tier(self) -> int:
        """The overriding tier when set, else the computed tier."""
        override = self.tier_page.override_tier()
        return override if override is not None else self.tier_result().tier

    # -- applying ------------------------------------------------------------------------------

    def pending_changes(self) -> list[str]:
        """What Apply would change ("profile", "tier override", "scope")."""
        a = self.assessment
        changes = []
        answers = self.profile_page.answers()
        # A profile never answered (no computed tier) counts as changed once anything is answered.
        if answers != dict(a.profile_answers) or (a.tier is None and answers):
            changes.append("profile")
        override = self.tier_page.override_tier()
        reason = self.tier_page.reason() if override is not None else ""
        if (override, reason) != (a.tier_override, a.tier_override_reason if a.tier_override is not None else ""):
            changes.append("tier override")
        if self.scope_page.tree.topLevelItemCount():  # the page was shown (and so built)
            added, removed = self.scope_page.adjustments()
            if (tuple(added), tuple(removed)) != (tuple(sorted(a.scope_added)), tuple(sorted(a.scope_removed))):
                changes.append("scope")
        return changes

    def accept(self) -> None:
        """Apply what changed; on a refusal the dialog stays open with the reason."""
        if not self._apply():
            return
        super().accept()

    def _apply(self) -> bool:
        services = self.ctx.require_services
        assessment_id = self.assessment.id
        if assessment_id is None:  # the dialog edits a stored assessment, which has its id
            raise NotFoundError("The assessment is not stored in the workspace.")
        pending = self.pending_changes()
        # Read the stored state now, not the one the dialog opened with: it is what undo restores.
        before = ScopeTierState.of(services.assessments.get(assessment_id))
        steps: list[str] = []
        refused = False
        # The first write names the version this dialog started from: a colleague's change of
        # the profile, tier or scope in between is shown, never overwritten unseen. The later
        # steps follow this dialog's own first write, so they name none.
        first: dict[str, Any] = {"expected_version": self.assessment.version}
        try:
            if "profile" in pending:
                result = services.assessments.set_profile_answers(assessment_id, self.profile_page.answers(),
                                                                  **first)
                first = {}
                self.applied.append("profile")
                steps.append(self.tr("Criticality profile (tier %1)").replace("%1", str(result.tier)))
            if "tier override" in pending:
                override = self.tier_page.override_tier()
                services.assessments.override_tier(assessment_id, override,
                                                   self.tier_page.reason() if override is not None else "", **first)
                first = {}
                self.applied.append("tier override")
                steps.append(self.tr("Tier override to %1").replace("%1", str(override)) if override is not None
                             else self.tr("Tier override removed"))
            if "scope" in pending:
                added, removed = self.scope_page.adjustments()
                scoped_before = {q.id for q in services.assessments.scoped_questions(assessment_id)}
                services.assessments.set_scope(assessment_id, added, removed, **first)
                self.applied.append("scope")
                scoped_after = {q.id for q in services.assessments.scoped_questions(assessment_id)}
                steps.append(self._scope_text(scoped_after - scoped_before, scoped_before - scoped_after))
        except StaleWriteError as conflict:
            # Refused visibly; the dialog keeps the officer's entries and, from now on, compares
            # them with the assessment as stored now, so Apply again saves them knowingly.
            log.info("Scope and tier not changed: %s", conflict)
            messages.warning(self, self.tr("Scope and tier not changed"), self.tr(
                "Someone else changed this assessment while this dialog was open (%1). Nothing was changed. "
                "Your entries are still here: Apply again to save them over theirs, or Cancel to keep theirs.")
                .replace("%1", self._changed_text(conflict.theirs)))
            refused = True
        except TrustFrameError as exc:
            log.info("Scope and tier not changed: %s", exc)
            messages.warning(self, self.tr("Scope and tier not changed"), str(exc))
            refused = True
        # What was applied before a refusal stays applied (and logged), so it is undoable too.
        self._push_undo(assessment_id, before, steps)
        if refused:
            self.assessment = services.assessments.get(assessment_id)
            return False
        if self.applied:
            self.ctx.hub.status_message.emit(self.tr("Scope and tier updated."), 4000)
        return True

    def _changed_text(self, theirs: object) -> str:
        """What someone else changed since the dialog opened: profile, tier override, scope."""
        a = self.assessment
        if not isinstance(theirs, Assessment):
            return self.tr("details")
        parts = []
        if dict(theirs.profile_answers) != dict(a.profile_answers) or theirs.tier != a.tier:
            parts.append(self.tr("criticality profile"))
        if (theirs.tier_override, theirs.tier_override_reason) != (a.tier_override, a.tier_override_reason):
            parts.append(self.tr("tier override"))
        if (theirs.scope_added, theirs.scope_removed) != (a.scope_added, a.scope_removed):
            parts.append(self.tr("scope"))
        return ", ".join(parts) or self.tr("details")

    def _push_undo(self, assessment_id: int, before: ScopeTierState, steps: list[str]) -> None:
        after = ScopeTierState.of(self.ctx.require_services.assessments.get(assessment_id))
        if after == before:
            return
        text = "; ".join(steps) or self.tr("Scope and tier")
        self.ctx.undo_stack.push(ScopeTierCommand(self.ctx, ScopeTierChange(assessment_id, before, after), text))

    def _scope_text(self, added: set[str], removed: set[str]) -> str:
        """Undo text of a scope change: the questions by id when few, else how many."""

        def ids(questions: set[str]) -> str:
            if len(questions) <= 3:
                return ", ".join(sorted(questions))
            return self.tr("%1 questions").replace("%1", str(len(questions)))

        parts = []
        if added:
            parts.append(self.tr("added %1").replace("%1", ids(added)))
        if removed:
            parts.append(self.tr("removed %1").replace("%1", ids(removed)))
        return self.tr("Scope: %1").replace("%1", ", ".join(parts) or self.tr("adjusted"))
