"""The assessment screen's controller: every service call of the screen, its scoring and its undo.

:class:`AssessmentController` loads one frozen :class:`ScreenState` per reload (a few quick
queries, on the GUI thread so that keyboard sequences such as "1, Ctrl+Enter" always act on
fresh state), saves answers, comments, evidence links, review and status changes through the
services and pushes the undo commands (:mod:`trustframe.ui.undo`). Scoring, the one potentially
slow step, runs through the background :class:`~trustframe.ui.operations.Operation`, coalesced by
a timer: while one score runs, further requests wait for it and then run once with fresh data.

The page logic (current question, navigation, what an edit means) is the Qt-free
:class:`QuestionPageState`; the :class:`~trustframe.ui.views.assessment_view.AssessmentView` keeps
the widgets and slots.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import AnswerSource, AssessmentStatus
from trustframe.domain.scoring_model import ScoreResult
from trustframe.errors import ConnectionLostError, NotFoundError, StaleWriteError, TrustFrameError
from trustframe.ui import i18n, labels, messages, prompts
from trustframe.ui.controllers.question_page import AnswerEdit, EditKind, MergeGroup, QuestionPageState, ScreenState
from trustframe.ui.models.review_model import ReviewRow
from trustframe.ui.operations import Operation, Task
from trustframe.ui.undo import COMMENT_MERGE_ID, TEXT_MERGE_ID, AnswerCommand, EvidenceLinkCommand

if TYPE_CHECKING:
    from trustframe.services.context import Services
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

#: When one score takes longer than this, later scores wait for a pause in the typing.
_SLOW_SCORE_SECONDS = 0.15
_SLOW_SCORE_DELAY_MS = 400
_MERGE_IDS = {MergeGroup.NONE: -1, MergeGroup.TEXT: TEXT_MERGE_ID, MergeGroup.COMMENT: COMMENT_MERGE_ID}


class AssessmentController(QObject):
    """Service calls, background scoring and undo for one assessment screen."""

    #: A save or change was refused (the reason was shown): the screen reloads.
    refused = Signal()
    #: A new score arrived (ScoreResult or None).
    scored = Signal(object)

    def __init__(self, ctx: UiContext, assessment_id: int, widget: QWidget) -> None:
        super().__init__(widget)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.page = QuestionPageState()
        self._widget = widget  # the parent of the messages shown
        self._previous_loaded_for: int | None = None
        self._operation: Operation | None = None
        self._score_again = False
        #: Bumped by a synchronous score: a background result started before it is stale.
        self._generation = 0
        self.score_timer = QTimer(self)
        self.score_timer.setSingleShot(True)
        self.score_timer.setInterval(0)
        self.score_timer.timeout.connect(self._on_score_timer_timeout)

    # == loading ===================================================================================

    def load(self) -> ScreenState | None:
        """Read the screen afresh (None when the assessment no longer exists or no workspace is open)."""
        services = self.ctx.services
        if services is None:
            return None
        try:
            assessment = services.assessments.get(self.assessment_id)
        except NotFoundError:
            return None
        old = self.page.screen
        # The overlays applied change the questions (same key): reload when either changes.
        if old is not None and (old.questionnaire.key, old.assessment.overlays) == (
                f"{assessment.questionnaire_id}@{assessment.questionnaire_version}", assessment.overlays):
            questionnaire = old.questionnaire
        else:
            # Shown in the GUI's language where the bank has a translation (ids, scores unchanged).
            questionnaire = i18n.for_display(services.assessments.questionnaire(assessment))
        # Answers kept while the connection was lost are shown as typed until they are saved.
        answers = self.ctx.kept_answers.shown(self.assessment_id, services.assessments.answers(self.assessment_id))
        evidence = services.evidence.for_assessment(self.assessment_id)
        previous = old.previous_answers if old is not None else {}
        if assessment.previous_assessment_id != self._previous_loaded_for:
            self._previous_loaded_for = assessment.previous_assessment_id
            previous = {}
            if assessment.previous_assessment_id is not None:
                try:
                    previous = services.assessments.answers(assessment.previous_assessment_id)
                except NotFoundError:
                    previous = {}
        shown = questionnaire.questions_by_id  # the same questions, worded in the GUI's language
        visible = tuple(shown.get(q.id, q) for q in services.assessments.applicable_questions(assessment, answers))
        return ScreenState(assessment, questionnaire, answers, previous, evidence, visible)

    # == saving ====================================================================================

    def edit_text(self, edit: AnswerEdit) -> str:
        """The undo command's text for ``edit``."""
        texts = {EditKind.ANSWER: self.tr("Answer %1"), EditKind.COMMENT: self.tr("Comment on %1"),
                 EditKind.FOLLOW_UP: self.tr("Follow-up on %1"), EditKind.CONFIRM: self.tr("Confirm %1"),
                 EditKind.CLEAR: self.tr("Clear %1"), EditKind.OVERRIDE: self.tr("Override %1")}
        return texts[edit.kind].replace("%1", edit.question_id)

    def save(self, edit: AnswerEdit, text: str = "", merge_id: int | None = None) -> AnswerCommand | None:
        """Save ``edit`` through the service and push it on the undo stack (``text`` and
        ``merge_id`` replace the command's text and merge id of the edit's kind).

        Returns the command, or None when nothing changed or the change was refused (the reason
        is shown and :attr:`refused` asks the screen to reload)."""
        services = self.ctx.require_services
        if services.workspace.is_server:
            # Team mode: save against the version shown, so a colleague's save in between is
            # never overwritten unseen (no lost update, docs/team-mode.md).
            edit = self.page.versioned(edit)
        changes = dict(edit.changes)
        try:
            try:
                change = services.assessments.set_answer(self.assessment_id, edit.question_id, **changes)
            except StaleWriteError as conflict:
                if not self._keep_mine(edit.question_id, conflict):
                    self.refused.emit()
                    return None
                changes["expected_version"] = conflict.version
                change = services.assessments.set_answer(self.assessment_id, edit.question_id, **changes)
        except ConnectionLostError:
            # Team mode, server gone: kept (and shown) until it is back, then saved (ui/kept_edits.py).
            self.ctx.kept_answers.keep(self.assessment_id, edit.question_id, changes)
            if self.page.screen is not None:
                kept = self.ctx.kept_answers.shown(self.assessment_id, self.page.screen.answers)
                self.page.record_saved(edit.question_id, kept.get(edit.question_id))
            return None
        except (TrustFrameError, answer_values.AnswerValueError) as exc:
            messages.warning(self._widget, self.tr("Answer not saved"), str(exc))
            self.refused.emit()
            return None
        self.page.record_saved(edit.question_id, change.after)  # its new version: the next save is against it
        if change.before == change.after:
            return None
        command = AnswerCommand(self.ctx, change, text or self.edit_text(edit),
                                _MERGE_IDS[edit.merge] if merge_id is None else merge_id)
        self.ctx.undo_stack.push(command)
        return command

    def _keep_mine(self, question_id: str, conflict: StaleWriteError) -> bool:
        """Someone else saved this answer since it was shown: show both and let the officer
        choose. True to save theirs over with mine, False to keep theirs."""
        def shown(value: Any) -> str:
            return self.tr("(empty)") if value in (None, "", []) else str(value)

        return messages.ask(
            self._widget, self.tr("Answer changed by someone else"),
            self.tr("{question} was saved by someone else while you edited it.").format(question=question_id),
            self.tr("Theirs: {theirs}\nYours: {yours}\n\nSave yours over theirs? No keeps theirs.").format(
                theirs=shown(conflict.theirs), yours=shown(conflict.yours)))

    def call(self, failure_title: str, call: Callable[[Services], Any]) -> bool:
        """Run one service call; a refusal is shown under ``failure_title`` (False)."""
        try:
            call(self.ctx.require_services)
        except TrustFrameError as exc:
            messages.warning(self._widget, failure_title, str(exc))
            return False
        return True

    def set_evidence_link(self, question_id: str, evidence_id: int, linked: bool) -> bool:
        """Link or unlink evidence (undoable)."""
        evidence_service = self.ctx.require_services.evidence
        try:
            if linked:
                evidence_service.link(self.assessment_id, question_id, evidence_id)
            else:
                evidence_service.unlink(self.assessment_id, question_id, evidence_id)
        except TrustFrameError as exc:
            messages.warning(self._widget, self.tr("Evidence link not changed"), str(exc))
            return False
        text = (self.tr("Link evidence to %1") if linked else self.tr("Unlink evidence from %1")).replace(
            "%1", question_id)
        self.ctx.undo_stack.push(EvidenceLinkCommand(self.ctx, self.assessment_id, question_id, evidence_id,
                                                     linked, text))
        return True

    def accept_flag(self, flag_id: str, reason: str) -> bool:
        """Accept a red flag as mitigated."""
        return self.call(self.tr("Red flag not accepted"),
                         lambda s: s.assessments.accept_flag(self.assessment_id, flag_id, reason))

    def revoke_flag(self, flag_id: str) -> bool:
        """Withdraw the acceptance of a red flag."""
        return self.call(self.tr("Acceptance not revoked"),
                         lambda s: s.assessments.revoke_flag_acceptance(self.assessment_id, flag_id))

    def reopen(self, reason: str) -> bool:
        """Reopen the decided assessment (explicit and logged with its reason)."""
        return self.call(self.tr("Not reopened"), lambda s: s.assessments.reopen(self.assessment_id, reason))

    def accept_not_applicable(self, question_ids: list[str], reason: str) -> bool:
        """Accept "not applicable" answers with one reason (one transaction)."""
        return self.call(self.tr("Not applicable answers not accepted"),
                         lambda s: s.assessments.accept_not_applicable(self.assessment_id, question_ids, reason))

    def set_status(self, status: AssessmentStatus) -> bool:
        """Move the assessment to ``status`` (only the transitions the domain allows)."""
        done = self.call(self.tr("Status not changed"), lambda s: s.assessments.set_status(self.assessment_id, status))
        if done:
            self.ctx.hub.status_message.emit(self.tr("Status: %1").replace("%1", labels.status(status)), 4000)
        return done

    def start_next_assessment(self) -> int | None:
        """Start the next assessment of this product and ask the shell to open it."""
        try:
            report = self.ctx.require_services.assessments.reassess_report(self.assessment_id)
        except TrustFrameError as exc:
            messages.warning(self._widget, self.tr("Next assessment not started"), str(exc))
            return None
        new = report.assessment
        if report.new_version:
            # A newer bank version: say what was carried and what was not (the change log lists them).
            self.ctx.hub.status_message.emit(
                self.tr("Started the next assessment on %1: %2 answers carried, %3 reworded to confirm, "
                        "%4 dropped, %5 questions to answer again.")
                .replace("%1", report.new_key).replace("%2", str(len(report.carried)))
                .replace("%3", str(len(report.confirm))).replace("%4", str(len(report.dropped)))
                .replace("%5", str(len(report.to_answer) + len(report.reask))), 10000)
        else:
            self.ctx.hub.status_message.emit(
                self.tr("Started the next assessment: answers from this one are marked \"to confirm\"."), 5000)
        if new.id is not None:  # just stored, so it has its id
            self.ctx.hub.assessment_requested.emit(new.id)
        return new.id

    def prefill_from_library(self) -> int | None:
        """Pre-fill the vendor's recent answers from its other assessments ("to confirm") after
        asking; how many were pre-filled (None when nothing was written)."""
        library = self.ctx.require_services.answer_library
        offers = library.offers(self.assessment_id)
        months = library.max_age_months()
        if not offers:
            self.ctx.hub.status_message.emit(
                self.tr("No earlier answers of this vendor from the last %1 months to offer.").replace(
                    "%1", str(months)), 5000)
            return None
        sources = sorted({o.provenance for o in offers.values()})
        if not messages.ask(self._widget, self.tr("Pre-fill from earlier answers"),
                            self.tr("Pre-fill %1 answers from this vendor's other assessments?").replace(
                                "%1", str(len(offers))),
                            self.tr("They arrive marked \"to confirm\" and keep where they came from: %1. "
                                    "Questions already answered are left as they are.").replace(
                                "%1", "; ".join(sources[:4]) + (" …" if len(sources) > 4 else ""))):
            return None
        return int(library.prefill(self.assessment_id))

    # == dialogs =================================================================================

    def refuse_locked(self) -> None:
        """Say that a decided assessment cannot change (status bar)."""
        self.ctx.hub.status_message.emit(
            self.tr("This assessment is decided and locked. Reopen it (with a reason) to change it."), 6000)

    def ask_reopen(self) -> bool:
        """Ask for the reason, then reopen the decided assessment."""
        reason = prompts.ask_reason(self._widget, self.tr("Reopen assessment"),
                                    self.tr("Why is this decided assessment reopened? The reason is kept in the "
                                            "change log."), self.tr("Reopen"))
        return self.reopen(reason) if reason else False

    def ask_next_assessment(self, title: str) -> int | None:
        """Ask, then start the next assessment of this product (opened by the shell)."""
        assessment = self.page.screen.assessment if self.page.screen is not None else None
        if assessment is None:
            return None
        decided = labels.decision(assessment.decision) if assessment.decision else ""
        when = assessment.decision_date.isoformat() if assessment.decision_date else ""
        # A new assessment is a lasting record in the register: never started by a stray click.
        if not messages.ask(self._widget, self.tr("Start next assessment"),
                            self.tr("Start the next assessment of %1?").replace("%1", title),
                            self.tr("This one stays decided (%1 on %2) and is shown in the register until the "
                                    "new one is decided. Its answers are copied into the new assessment, "
                                    "marked \"to confirm\".").replace("%1", decided).replace("%2", when)):
            return None
        return self.start_next_assessment()

    def ask_accept_flag(self, flag_id: str) -> bool:
        """Ask why a red flag is mitigated, then accept it."""
        reason = prompts.ask_reason(self._widget, self.tr("Accept red flag"),
                                    self.tr("Why is red flag %1 accepted as mitigated?").replace("%1", flag_id),
                                    self.tr("Accept"))
        return self.accept_flag(flag_id, reason) if reason else False

    def ask_accept_not_applicable(self, question_ids: list[str]) -> bool:
        """Ask why the answers do not apply, then accept them."""
        reason = prompts.ask_reason(self._widget, self.tr("Accept 'not applicable'"),
                                    self.tr("Why do these %n answer(s) not apply? (%1)", "", len(question_ids))
                                    .replace("%1", ", ".join(question_ids)), self.tr("Accept"))
        return self.accept_not_applicable(question_ids, reason) if reason else False

    def ask_override(self, question_id: str) -> AnswerEdit | None:
        """The reviewer's override from the override dialog (None when cancelled)."""
        question = self.page.question(question_id)
        if question is None:
            return None
        from trustframe.ui.dialogs.override_dialog import OverrideAnswerDialog

        dialog = OverrideAnswerDialog(question, self.page.answer(question_id), self._widget)
        try:
            return self.page.override_edit(question_id, dialog.value(), dialog.reason()) \
                if prompts.exec_dialog(dialog) else None
        finally:
            dialog.deleteLater()

    def ask_evidence_to_link(self, question_id: str) -> list[int]:
        """The evidence chosen in the link dialog that is not linked to the answer yet."""
        screen = self.page.screen
        if screen is None:
            return []
        from trustframe.ui.dialogs.evidence_link_dialog import EvidenceLinkDialog

        question = self.page.question(question_id)
        linked = {e.id for e in screen.evidence.get(question_id, []) if e.id is not None}
        dialog = EvidenceLinkDialog(self.ctx, screen.assessment.vendor_id, linked,
                                    question.evidence if question else (), screen.assessment.product_id,
                                    self._widget)
        try:
            return [i for i in dialog.selected_ids() if i not in linked] if prompts.exec_dialog(dialog) else []
        finally:
            dialog.deleteLater()

    def edit_details(self) -> None:
        """Open the Details dialog (assessor, reviewer, purchase reference, due and review dates)."""
        if self.page.screen is None:
            return
        from trustframe.ui.dialogs.assessment_details_dialog import edit_details

        edit_details(self.ctx, self.page.screen.assessment, self._widget)

    def edit_scope_and_tier(self) -> bool:
        """Open the scope-and-tier dialog; True when something was changed."""
        if self.page.screen is None:
            return False
        from trustframe.ui.dialogs.scope_tier_dialog import ScopeTierDialog

        dialog = ScopeTierDialog(self.ctx, self.page.screen.assessment, self._widget)
        changed = prompts.exec_dialog(dialog) and bool(dialog.applied)
        dialog.deleteLater()
        return changed

    def decide(self) -> None:
        """Score now and open the decision dialog."""
        from trustframe.ui.dialogs.decision_dialog import DecisionDialog

        score = self.score_now()
        dialog = DecisionDialog(self.ctx, self.assessment_id, score, self._widget)
        prompts.exec_dialog(dialog)
        dialog.deleteLater()

    # == review ====================================================================================

    def review_rows(self) -> list[ReviewRow]:
        """The review table's rows: every shown question with the vendor's and the verified answer."""
        screen = self.page.screen
        if screen is None:
            return []
        flagged = self.page.flagged_ids()
        rows = []
        for question in screen.visible:
            answer = screen.answers.get(question.id)
            value = answer.value if answer else None
            vendor = answer.vendor_value if answer else None
            notes = []
            if answer and answer.source is AnswerSource.REVIEWER and answer.override_reason:
                notes.append(self.tr("Override: %1").replace("%1", answer.override_reason))
            if answer and answer.needs_follow_up:
                notes.append(self.tr("Follow-up"))
            if answer and answer.to_confirm:
                notes.append(self.tr("To confirm (reworded)") if answer.confirm_note else self.tr("To confirm"))
            if answer and answer.comment:
                notes.append(answer.comment)
            rows.append(ReviewRow(
                question.id, question.section_id, question.text,
                answer_values.display(question, vendor) if vendor is not None else "",
                answer_values.display(question, value) if value is not None else "",
                labels.answer_source(answer.source) if answer and value is not None else "",
                " · ".join(notes), differs=vendor is not None and vendor != value,
                flagged=question.id in flagged,
                overridden=bool(answer and answer.source is AnswerSource.REVIEWER)))
        return rows

    # == scoring ===================================================================================

    def request_score(self) -> None:
        """Score again soon, in the background (requests while one runs are coalesced)."""
        self.score_timer.start()

    def score_now(self) -> ScoreResult | None:
        """Score on the GUI thread and wait for it (before a decision: the dialog needs it now)."""
        self.score_timer.stop()
        if self.ctx.services is None:
            return self.page.score
        self._generation += 1
        result = self.ctx.services.scoring.score_or_none(self.assessment_id)
        self._apply_score(result)
        return result

    def _on_score_timer_timeout(self) -> None:
        services = self.ctx.services
        if services is None:
            return
        if self._operation is not None:
            self._score_again = True  # the running score may miss the latest edit: once more after it
            return
        started = time.perf_counter()
        assessment_id, generation = self.assessment_id, self._generation
        scoring = services.scoring

        def score(_task: Task) -> tuple[ScoreResult | None, float, int]:
            return scoring.score_or_none(assessment_id), time.perf_counter() - started, generation

        operation = Operation(score, show_progress=False, on_success=self._on_scored,
                              on_failure=self._on_score_failed)
        operation.finished.connect(self._on_score_finished)
        self._operation = operation
        operation.start()

    def _on_scored(self, outcome: tuple[ScoreResult | None, float, int]) -> None:
        result, elapsed, generation = outcome
        if not isValid(self) or generation != self._generation:
            return  # the screen closed, or a synchronous score is newer than this one
        # Scoring is normally a few milliseconds; if it is not, wait for a pause in the edits.
        self.score_timer.setInterval(_SLOW_SCORE_DELAY_MS if elapsed > _SLOW_SCORE_SECONDS else 0)
        self._apply_score(result)

    def _on_score_failed(self, exc: BaseException) -> None:
        # The workspace closed under the running score, or the assessment was deleted: the next
        # reload shows it; a score is never worth an error dialog.
        log.info("Background score failed: %s", exc)

    def _on_score_finished(self) -> None:
        if not isValid(self):
            return
        self._operation = None
        if self._score_again:
            self._score_again = False
            self.score_timer.start()

    def _apply_score(self, result: ScoreResult | None) -> None:
        self.page.set_score(result)
        self.scored.emit(result)
