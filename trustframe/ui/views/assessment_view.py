"""The assessment screen: answer the questionnaire, watch the score, review and decide.

Layout: a header (vendor, product, tier, status chip) and, when decided, a lock banner; then a
splitter with the mode tabs (Answer: navigator + question page; Review) on the left and the live
score panel on the right.

Data flow: every edit is saved at once through the services (no Save button) and pushed on the
shared undo stack as a command holding the before/after answers (the scope-and-tier dialog
pushes its own command for tier and scope changes, on the same stack). Services announce what
changed; the view reloads its plain domain data synchronously (cheap: a few queries) so that
keyboard sequences such as "1, Ctrl+Enter" always act on fresh state, and the score is recomputed
in the background through a coalescing timer (it is the only potentially slow step).

This module is the slots. Widgets: ``assessment_view_ui``; service calls, undo and background
scoring: ``ui/controllers/assessment.py``; page logic without Qt: ``ui/controllers/question_page.py``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QWidget

from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.scoring_model import ScoreResult
from trustframe.ui.context import UiContext
from trustframe.ui.controllers.assessment import AssessmentController
from trustframe.ui.controllers.question_page import AnswerEdit, EditKind
from trustframe.ui.models.question_navigator import NavigatorRole
from trustframe.ui.undo import AnswerCommand
from trustframe.ui.views import assessment_view_ui as ui
from trustframe.ui.widgets.answer_widgets import TextEditor


class AssessmentView(ui.AssessmentViewWidgets):
    """One assessment, hosted by the shell in a tab."""

    #: The tab title changed (vendor · product).
    title_changed = Signal(str)
    #: The question shown changed (question id).
    question_changed = Signal(str)
    #: A new score was shown (ScoreResult or None).
    score_updated = Signal(object)

    def __init__(self, ctx: UiContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.controller = AssessmentController(ctx, assessment_id, self)
        self.state = self.controller.page
        self._loading = False
        self._deleted = False
        self.setAccessibleName(self.tr("Assessment"))
        ui.setup_ui(self)
        self._connect_signals()
        self.reload()
        ids = self.navigator_model.question_ids()
        if ids:
            # The focus starts in the answer area: the number keys work there (and only there).
            self.go_to_question(self.state.first_open() or ids[0], focus=True)

    # What the page state holds, under the names the screen always had (tests read them).
    assessment = property(lambda self: self.state.screen.assessment if self.state.screen else None)
    questionnaire = property(lambda self: self.state.screen.questionnaire if self.state.screen else None)
    answers = property(lambda self: dict(self.state.screen.answers) if self.state.screen else {})
    previous_answers = property(lambda self: dict(self.state.screen.previous_answers) if self.state.screen else {})
    score = property(lambda self: self.state.score)
    current_question_id = property(lambda self: self.state.current_question_id)

    # == building ==================================================================================

    def _connect_signals(self) -> None:
        hub = self.ctx.hub
        hub.data_changed.connect(self._on_hub_data_changed)
        self.overlays_panel.applied.connect(self.reload)
        hub.workspace_changed.connect(self._on_hub_workspace_changed)
        self.controller.refused.connect(self.reload)
        self.controller.scored.connect(self._on_controller_scored)
        self.navigator.selectionModel().currentChanged.connect(self._on_navigator_current_changed)
        self.navigator.activated.connect(self._on_navigator_activated)
        self.page.value_edited.connect(self._on_editor_value_edited)
        self.page.editor_replaced.connect(self._on_editor_replaced)
        self.comment_edit.textChanged.connect(self._on_comment_edit_text_changed)
        self.comment_edit.installEventFilter(self)
        self.comment_timer.timeout.connect(self.flush_comment)
        self.follow_up_box.clicked.connect(self._on_follow_up_box_clicked)
        self.link_button.clicked.connect(self._on_link_button_clicked)
        self.unlink_button.clicked.connect(self._on_unlink_button_clicked)
        self.evidence_list.currentRowChanged.connect(self._update_enabled)
        self.confirm_button.clicked.connect(self._on_confirm_action_triggered)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.next_assessment_button.clicked.connect(self._on_next_assessment_button_clicked)
        self.score_panel.flag_activated.connect(self._on_score_panel_flag_activated)
        self.review_panel.override_requested.connect(self._on_review_override_requested)
        self.review_panel.accept_flag_requested.connect(self._on_review_accept_flag_requested)
        self.review_panel.revoke_flag_requested.connect(self.revoke_flag)
        self.review_panel.decision_requested.connect(self._on_decide_requested)
        self.review_panel.question_activated.connect(self._on_score_panel_flag_activated)
        self.review_panel.accept_na_requested.connect(self._on_review_accept_na_requested)

    # == public API (also used by tests) ===========================================================

    @property
    def locked(self) -> bool:
        """True when the assessment is decided (read-only)."""
        return self.state.locked

    def title(self) -> str:
        """Tab title: vendor · product."""
        if self.assessment is None:
            return self.tr("Assessment")
        return f"{self.assessment.vendor_name} · {self.assessment.product_name}"

    def visible_question_ids(self) -> list[str]:
        """Questions shown (in scope and visible given the answers), in order."""
        return self.navigator_model.question_ids()

    def reload(self) -> None:
        """Re-read the assessment from the services and refresh everything shown."""
        if self._deleted or self.ctx.services is None:
            return
        screen = self.controller.load()
        if screen is None:
            self._deleted = True
            ui.show_deleted(self, self.tr("This assessment no longer exists."))
            return
        old_title = self.title()
        hidden = self.state.load(screen)
        ui.show_header(self)
        self._rebuild_navigator()
        if hidden and self.state.ids():
            # The question shown was hidden by a show-if condition or taken out of scope.
            self.go_to_question(self.state.ids()[0], focus=False)
        self._show_page()
        self._update_review()
        self.buyer_panel.reload(locked=self.locked)
        self.overlays_panel.reload(locked=self.locked)
        self._update_enabled()
        if self.title() != old_title:
            self.title_changed.emit(self.title())
        self.controller.request_score()

    def go_to_question(self, question_id: str, focus: bool = True) -> bool:
        """Show a question (False when it is not visible)."""
        index = self.navigator_model.index_of(question_id)
        if not index.isValid():
            return False
        self.tabs.setCurrentIndex(0)
        self.navigator.setCurrentIndex(index)  # shows the page through currentChanged
        self.navigator.scrollTo(index)
        if self.current_question_id != question_id:
            self._show_question(question_id)
        if focus and self._editor is not None:
            self._editor.focus_editor()
        return True

    def go_next(self, step: int = 1) -> bool:
        """Show the next (or previous, step=-1) visible question."""
        target, at_end = self.state.step(step)
        if target is None:
            if at_end:
                self.ctx.hub.status_message.emit(
                    self.tr("This is the last question.") if step > 0 else self.tr("This is the first question."),
                    3000)
            return False
        return self.go_to_question(target)

    def go_next_open(self) -> bool:
        """Show the next question that is unanswered or still to confirm (wrapping round)."""
        self._flush_all()
        if not self.state.ids():
            return False
        target = self.state.next_open()
        if target is not None:
            return self.go_to_question(target)
        self.ctx.hub.status_message.emit(self.tr("Every question is answered. Switch to Review to decide."), 5000)
        return False

    def pick_option(self, number: int) -> bool:
        """Choose option ``number`` (1-based) of the current question, as the number keys do."""
        # In the review tab the answer page is hidden: a digit must not change an unseen answer.
        if self._editor is None or self.tabs.currentIndex() != 0:
            return False
        if self.locked:
            self._refuse_locked()
            return False
        return self._editor.pick(number)

    def save_answer(self, question_id: str, *, text: str = "", merge_id: int = -1,
                    **changes: Any) -> AnswerCommand | None:
        """Save part of an answer (value=, comment=, needs_follow_up=, to_confirm=, source=,
        override_reason=) and push it on the undo stack; None when unchanged or refused (shown)."""
        return self._save(AnswerEdit(question_id, changes, EditKind.ANSWER), text, merge_id)

    def _save(self, edit: AnswerEdit | None, text: str = "", merge_id: int | None = None) -> AnswerCommand | None:
        if edit is None:
            return None
        if self.locked:
            self._refuse_locked()
            self._show_page()
            return None
        return self.controller.save(edit, text, merge_id)

    def flush_comment(self) -> None:
        """Save the comment being typed now (it is otherwise saved after a short pause)."""
        self.comment_timer.stop()
        self._save(self.state.take_comment(self.comment_edit.toPlainText()))

    def set_follow_up(self, question_id: str, needs_follow_up: bool) -> None:
        """Mark or unmark an answer for follow-up."""
        self._save(self.state.follow_up_edit(question_id, needs_follow_up))

    def confirm_answer(self, question_id: str) -> bool:
        """Confirm an answer copied from the previous assessment."""
        edit = self.state.confirm_edit(question_id)
        return edit is not None and self._save(edit) is not None

    def link_evidence(self, question_id: str, evidence_id: int) -> bool:
        """Link evidence to an answer (undoable)."""
        return self._set_evidence_link(question_id, evidence_id, True)

    def unlink_evidence(self, question_id: str, evidence_id: int) -> bool:
        """Remove the link between evidence and an answer (undoable)."""
        return self._set_evidence_link(question_id, evidence_id, False)

    def override_answer(self, question_id: str, value: Any, reason: str) -> bool:
        """Reviewer override: replace the answer with the verified value, with a reason."""
        return self._save(self.state.override_edit(question_id, value, reason)) is not None

    def accept_flag(self, flag_id: str, reason: str) -> bool:
        """Accept a red flag as mitigated."""
        self._flush_all()
        return self.controller.accept_flag(flag_id, reason)

    def revoke_flag(self, flag_id: str) -> bool:
        """Withdraw the acceptance of a red flag."""
        self._flush_all()
        return self.controller.revoke_flag(flag_id)

    def reopen(self, reason: str) -> bool:
        """Reopen the decided assessment (explicit and logged with its reason)."""
        self._flush_all()
        return self.controller.reopen(reason)

    def accept_not_applicable(self, question_ids: list[str], reason: str) -> bool:
        """Accept "not applicable" answers with one reason (one transaction)."""
        self._flush_all()
        return self.controller.accept_not_applicable(question_ids, reason)

    def set_status(self, status: AssessmentStatus) -> bool:
        """Move the assessment to ``status`` (only the transitions the domain allows)."""
        if self.locked:
            self._refuse_locked()
            return False
        self._flush_all()
        return self.controller.set_status(status)

    def edit_scope_and_tier(self) -> bool:
        """Open the scope-and-tier dialog; True when something was changed."""
        if self.locked:
            self._refuse_locked()
            return False
        self._flush_all()
        return self.controller.edit_scope_and_tier()

    def start_next_assessment(self) -> int | None:
        """Start the next assessment of this product and ask the shell to open it."""
        self._flush_all()
        return self.controller.start_next_assessment()

    def prefill_from_library(self) -> int:
        """Pre-fill the vendor's recent answers from its other assessments ("to confirm") after
        asking; returns how many were pre-filled."""
        if self.locked:
            self._refuse_locked()
            return 0
        self._flush_all()
        count = self.controller.prefill_from_library()
        if count is None:
            return 0
        self.reload()
        self.ctx.hub.status_message.emit(self.tr("Pre-filled %1 answers to confirm.").replace("%1", str(count)), 5000)
        return count

    def refresh_score(self) -> None:
        """Recompute and show the score now (on the GUI thread; routine scores run in the background)."""
        if not self._deleted:
            self.controller.score_now()

    # == Qt events =================================================================================

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.comment_edit and event.type() == QEvent.Type.FocusOut:
            self.flush_comment()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        # Leaving the tab (or closing it) must not lose a comment typed a moment ago.
        self._flush_all()
        super().hideEvent(event)

    # == showing ===================================================================================

    def _rebuild_navigator(self) -> None:
        had_focus = self.navigator.hasFocus()
        self._loading = True
        try:
            self.navigator_model.set_sections(self.state.sections())
            if self.navigator_model.rowCount() and not self.navigator.isExpanded(self.navigator_model.index(0, 0)):
                self.navigator.expandAll()
            index = self.navigator_model.index_of(self.current_question_id)
            if index.isValid() and self.navigator.currentIndex() != index:
                self.navigator.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._loading = False
        if had_focus:
            self.navigator.setFocus()

    def _show_question(self, question_id: str) -> None:
        """Switch the page to another question (saving what was being typed first)."""
        self._flush_all()
        self.state.current_question_id = question_id
        self._show_page()
        self.question_changed.emit(question_id)

    def _show_page(self) -> None:
        shown = self.state.shown()
        comment = None
        if shown is not None:
            was = self.state.comment_question_id
            comment = self.state.comment_to_show(self.comment_edit.toPlainText())
            if was != self.state.comment_question_id:
                self.comment_timer.stop()
        self.page.show_question(shown, comment)
        self.follow_up_action.setChecked(self.follow_up_box.isChecked())
        self._update_enabled()

    def _on_editor_replaced(self) -> None:
        ui.update_tab_order(self)

    def _update_review(self) -> None:
        assert self.assessment is not None
        self.review_panel.set_state(self.assessment, self.controller.review_rows(), self.score)
        self.review_panel.set_not_applicable(self.state.not_applicable())

    def _update_enabled(self, *_args: object) -> None:
        offered = self.state.availability(bool(self.current_question_id) and self._editor is not None)
        editable = not self._deleted
        self.follow_up_box.setEnabled(editable and offered.follow_up)
        self.follow_up_action.setEnabled(editable and offered.follow_up)
        self.link_button.setEnabled(editable and offered.link_evidence)
        self.link_action.setEnabled(editable and offered.link_evidence)
        self.unlink_button.setEnabled(editable and not self.locked and self.evidence_list.currentRow() >= 0)
        self.clear_action.setEnabled(editable and offered.clear)
        self.confirm_action.setEnabled(editable and offered.confirm)
        for act in (self.decide_action, self.scope_action, self.prefill_action):
            act.setEnabled(editable and offered.edit)
        for status, act in self.status_actions.items():
            act.setEnabled(editable and status in offered.statuses)
        self.status_button.setEnabled(editable and any(a.isEnabled() for a in self.status_actions.values()))
        self.reopen_action.setEnabled(offered.reopen)
        for act in self.pick_actions:
            act.setEnabled(offered.pick)

    # == saving helpers ============================================================================

    def _flush_all(self) -> None:
        self.flush_comment()
        if self._editor is not None:
            self._editor.flush()

    def _refuse_locked(self) -> None:
        self.controller.refuse_locked()

    def _set_evidence_link(self, question_id: str, evidence_id: int, linked: bool) -> bool:
        if self.locked:
            self._refuse_locked()
            return False
        return self.controller.set_evidence_link(question_id, evidence_id, linked)

    # == slots =====================================================================================

    def _on_hub_data_changed(self, change: Any) -> None:
        if self._deleted:
            return
        entity = getattr(change, "entity", "")
        mine = getattr(change, "assessment_id", None) == self.assessment_id
        if mine or entity in ("evidence", "vendor", "product", "workspace") or (
                entity == "assessment" and getattr(change, "entity_id", None) == self.assessment_id):
            self.reload()

    def _on_hub_workspace_changed(self) -> None:
        # Another workspace is open: this assessment belongs to the old one.
        self._deleted = True
        ui.show_deleted(self, self.tr("The workspace was closed."))

    def _on_navigator_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        question_id = current.data(NavigatorRole.QUESTION_ID)
        if question_id is None:
            # A domain row: show its first question but leave the cursor on the domain.
            section_row = current.row()
            first = self.navigator_model.index(0, 0, self.navigator_model.index(section_row, 0))
            question_id = first.data(NavigatorRole.QUESTION_ID)
            if question_id is None:
                return
        if question_id != self.current_question_id:
            self._show_question(str(question_id))

    def _on_navigator_activated(self, index: QModelIndex) -> None:
        if index.data(NavigatorRole.QUESTION_ID) and self._editor is not None:
            self._editor.focus_editor()

    def _on_editor_value_edited(self, value: Any) -> None:
        question_id = self.page.editor_question_id
        if question_id:
            self._save(self.state.value_edit(question_id, value, isinstance(self._editor, TextEditor)))

    def _on_comment_edit_text_changed(self) -> None:
        if self.page.setting_comment or self._loading:
            return
        if self.state.comment_typed():
            self.comment_timer.start()

    def _on_follow_up_box_clicked(self, checked: bool) -> None:
        if self.current_question_id:
            self.set_follow_up(self.current_question_id, checked)

    def _on_follow_up_action_triggered(self) -> None:
        if self.current_question_id:
            self._save(self.state.follow_up_edit(self.current_question_id))

    def _on_confirm_action_triggered(self) -> None:
        if self.current_question_id and self.confirm_answer(self.current_question_id):
            self.go_next_open()

    def _on_clear_action_triggered(self) -> None:
        if self.current_question_id:
            self._save(self.state.clear_edit(self.current_question_id))

    def _on_link_button_clicked(self) -> None:
        if not self.current_question_id or self.assessment is None or self.locked:
            return
        question_id = self.current_question_id
        for evidence_id in self.controller.ask_evidence_to_link(question_id):
            self.link_evidence(question_id, evidence_id)

    def _on_unlink_button_clicked(self) -> None:
        evidence_id = self.page.selected_evidence_id()
        if evidence_id is not None and self.current_question_id:
            self.unlink_evidence(self.current_question_id, evidence_id)

    def _on_reopen_button_clicked(self) -> None:
        self._flush_all()
        self.controller.ask_reopen()

    def _on_next_assessment_button_clicked(self) -> None:
        self._flush_all()
        self.controller.ask_next_assessment(self.title())

    def _on_decide_requested(self) -> None:
        if self.locked:
            self._refuse_locked()
            return
        self._flush_all()
        self.controller.decide()

    def _on_review_override_requested(self, question_id: str) -> None:
        self._save(self.controller.ask_override(question_id))

    def _on_review_accept_flag_requested(self, flag_id: str) -> None:
        self._flush_all()
        self.controller.ask_accept_flag(flag_id)

    def _on_review_accept_na_requested(self, question_ids: list[str]) -> None:
        self._flush_all()
        self.controller.ask_accept_not_applicable(question_ids)

    def _on_score_panel_flag_activated(self, question_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.go_to_question(question_id)

    def _on_controller_scored(self, score: ScoreResult | None) -> None:
        if self._deleted:
            return
        titles = {s.id: s.title for s in self.questionnaire.sections} if self.questionnaire else {}
        self.score_panel.set_result(score, titles)
        if self.assessment is not None:
            self._rebuild_navigator()
            self._update_review()
            if self.state.question(self.current_question_id) is not None:
                self._show_page()
        self.score_updated.emit(score)
