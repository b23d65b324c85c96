"""The assessment flow driven through the real widgets: keyboard answering, undo/redo,
show-if, evidence, review, decision, reopening and reassessment."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from trustframe.domain.assessment import AnswerSource, AssessmentStatus, Decision
from trustframe.ui import prompts

# Helpers shared by the assessment-flow tests (tests is not a package; import mode is importlib).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import activate, ctx, no_dialogs, run_dialogs_with, view  # noqa: E402,F401 (fixtures)


def _key(qtbot: Any, view: Any, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is (as a person would)."""
    target = QApplication.focusWidget() or view
    qtbot.keyClick(target, key, modifier)


def _stored(services: Any, assessment_id: int) -> dict[str, Any]:
    return {qid: a.value for qid, a in services.assessments.answers(assessment_id).items()}


def test_run_to_completion_by_keyboard(qtbot: Any, view: Any, services: Any, no_dialogs: list) -> None:
    aid = view.assessment_id
    assert view.current_question_id == "GOV-01"
    assert "VUL-02" not in view.visible_question_ids()      # show_if on VUL-01 not met yet
    assert "HW-01" not in view.visible_question_ids()       # hardware only; the product is software
    _key(qtbot, view, Qt.Key.Key_1)                          # GOV-01: "Yes, independently verified"
    _key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_question_id == "GOV-02"
    _key(qtbot, view, Qt.Key.Key_1)                          # GOV-02: toggle ISO/IEC 27001
    _key(qtbot, view, Qt.Key.Key_2)                          # ... and SOC 2
    _key(qtbot, view, Qt.Key.Key_F8)
    assert view.current_question_id == "GOV-03"
    qtbot.keyClicks(QApplication.focusWidget(), "A 12-person product security team")  # digits stay text
    _key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_question_id == "VUL-01"
    _key(qtbot, view, Qt.Key.Key_1)                          # Yes -> VUL-02 appears
    assert "VUL-02" in view.visible_question_ids()
    _key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_question_id == "VUL-02"
    spin = QApplication.focusWidget()
    qtbot.keyClicks(spin, "14")
    _key(qtbot, view, Qt.Key.Key_Return)                     # Enter commits the number
    _key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_question_id == "VUL-03"
    view._editor.set_date(date(2025, 3, 1))                  # the date edit (typing dates is locale-bound)
    assert not view.go_next_open()                           # everything answered
    assert _stored(services, aid) == {
        "GOV-01": "verified", "GOV-02": ["iso27001", "soc2"], "GOV-03": "A 12-person product security team",
        "VUL-01": "yes", "VUL-02": 14, "VUL-03": "2025-03-01"}
    assert all(section.answered == section.total for section in view.navigator_model.sections())
    qtbot.waitUntil(lambda: view.score is not None and view.score.completeness == 1.0)
    assert view.score_panel.overall_label.text() != "—"
    assert no_dialogs == []


def test_number_keys_do_nothing_in_review_mode(qtbot: Any, view: Any, services: Any) -> None:
    view.tabs.setCurrentIndex(1)
    view.review_panel.answers_table.setFocus()
    _key(qtbot, view, Qt.Key.Key_2)
    assert services.assessments.answers(view.assessment_id) == {}
    _key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # navigation returns to answering
    assert view.tabs.currentIndex() == 0


def test_alt_arrows_move_between_questions(qtbot: Any, view: Any) -> None:
    _key(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current_question_id == "GOV-02"
    _key(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current_question_id == "GOV-01"
    assert "Alt+Right" in view.next_action.toolTip()


def test_undo_and_redo_restore_stored_answers(qtbot: Any, view: Any, ctx: Any, services: Any) -> None:
    aid = view.assessment_id
    view.pick_option(1)
    view.pick_option(4)
    assert _stored(services, aid)["GOV-01"] == "no"
    ctx.undo_stack.undo()
    assert _stored(services, aid)["GOV-01"] == "verified"
    assert view._editor.value() == "verified"               # the page follows the stored answer
    ctx.undo_stack.undo()
    assert "GOV-01" not in _stored(services, aid)
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    assert _stored(services, aid)["GOV-01"] == "no"


def test_comment_typing_merges_into_one_undo_step(qtbot: Any, view: Any, ctx: Any, services: Any) -> None:
    aid = view.assessment_id
    view.comment_edit.setFocus()
    qtbot.keyClicks(view.comment_edit, "Checked the org chart")
    view.flush_comment()
    qtbot.keyClicks(view.comment_edit, " and the board minutes")
    view.flush_comment()
    assert services.assessments.answers(aid)["GOV-01"].comment == "Checked the org chart and the board minutes"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert "GOV-01" not in services.assessments.answers(aid)
    assert view.comment_edit.toPlainText() == ""


def test_comment_is_saved_after_a_pause(qtbot: Any, view: Any, services: Any) -> None:
    view.comment_edit.setFocus()
    qtbot.keyClicks(view.comment_edit, "pending")
    qtbot.waitUntil(lambda: "GOV-01" in services.assessments.answers(view.assessment_id), timeout=3000)


def test_show_if_hides_and_shows_a_question(view: Any, services: Any) -> None:
    view.go_to_question("VUL-01")
    view.pick_option(1)                                      # yes
    assert "VUL-02" in view.visible_question_ids()
    view.go_to_question("VUL-02")
    view.pick_option(3)                                      # no: VUL-02 hidden again, page moves on
    view.go_to_question("VUL-01")
    view.pick_option(3)
    assert "VUL-02" not in view.visible_question_ids()
    assert view.current_question_id != "VUL-02"


def test_follow_up_toggle_by_keyboard(qtbot: Any, view: Any, services: Any) -> None:
    view.pick_option(2)
    _key(qtbot, view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert services.assessments.answers(view.assessment_id)["GOV-01"].needs_follow_up
    item = view.navigator_model.question("GOV-01")
    assert item is not None and item.follow_up


def test_attach_evidence_through_the_dialog(qtbot: Any, view: Any, ctx: Any, services: Any,
                                            monkeypatch: pytest.MonkeyPatch, no_dialogs: list) -> None:
    vendor_id = view.assessment.vendor_id
    existing = services.evidence.add(vendor_id, "Security policy", "policy", url="https://example.com/policy")

    def fill_and_accept(dialog: Any) -> bool:
        dialog.title_edit.setText("Org chart 2025")
        dialog.url_edit.setText("https://example.com/org")
        assert dialog.add_evidence() is not None
        dialog.set_checked(existing.id)
        dialog.accept()
        return True

    monkeypatch.setattr(prompts, "exec_dialog", fill_and_accept)
    view.link_button.click()
    linked = services.evidence.for_assessment(view.assessment_id)["GOV-01"]
    assert {e.title for e in linked} == {"Security policy", "Org chart 2025"}
    assert view.evidence_list.count() == 2
    ctx.undo_stack.undo()
    assert len(services.evidence.for_assessment(view.assessment_id)["GOV-01"]) == 1
    view.evidence_list.setCurrentRow(0)
    view.unlink_button.click()
    assert "GOV-01" not in services.evidence.for_assessment(view.assessment_id)
    assert no_dialogs == []


def test_review_override_and_accept_flag(qtbot: Any, view: Any, services: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    view.go_to_question("VUL-01")
    view.pick_option(3)                                      # "no" raises the critical RF-VUL-01
    view.refresh_score()
    assert any(f.flag_id == "RF-VUL-01" for f in view.score.open_flags)
    assert view.flag_label.isVisible()
    view.tabs.setCurrentIndex(1)
    panel = view.review_panel
    # accept the flag as mitigated
    panel.select_flag("RF-VUL-01")
    monkeypatch.setattr(prompts, "ask_reason", lambda *a, **k: "Policy published since; link checked")
    panel.accept_button.click()
    assert "RF-VUL-01" in services.assessments.flag_acceptances(aid)
    view.refresh_score()
    assert not any(f.flag_id == "RF-VUL-01" for f in view.score.open_flags)
    panel.select_flag("RF-VUL-01")
    panel.revoke_button.click()
    assert "RF-VUL-01" not in services.assessments.flag_acceptances(aid)

    # reviewer override of GOV-01 with a reason
    def override(dialog: Any) -> bool:
        dialog.editor.pick(2)
        dialog.set_reason("Org chart shows the CISO owns product security")
        dialog.accept()
        return True

    monkeypatch.setattr(prompts, "exec_dialog", override)
    panel.select_question("GOV-01")
    panel.override_button.click()
    answer = services.assessments.answers(aid)["GOV-01"]
    assert (answer.value, answer.source) == ("documented", AnswerSource.REVIEWER)
    assert answer.override_reason.startswith("Org chart")
    row = panel.answers_model.row_at(panel.answers_model.row_of("GOV-01"))
    assert row is not None and row.overridden


def _decide(monkeypatch: pytest.MonkeyPatch, view: Any, decision: Decision = Decision.APPROVE) -> None:
    def decide(dialog: Any) -> bool:
        dialog.set_decision(decision)
        dialog.name_edit.setText("Dana Reviewer")
        if dialog.justification_need().required:
            dialog.justification_edit.setPlainText("Test decision on a partly answered sample")
        dialog.accept()
        return dialog.decided is not None

    monkeypatch.setattr(prompts, "exec_dialog", decide)
    view.decide_action.trigger()


def test_decide_locks_and_reopen_unlocks(qtbot: Any, view: Any, services: Any, ctx: Any,
                                         monkeypatch: pytest.MonkeyPatch, no_dialogs: list) -> None:
    aid = view.assessment_id
    view.pick_option(1)
    _decide(monkeypatch, view, Decision.APPROVE_WITH_CONDITIONS)
    decided = services.assessments.get(aid)
    assert decided.status is AssessmentStatus.DECIDED and decided.decision_by == "Dana Reviewer"
    assert view.locked and view.banner.isVisible()
    # editing is refused: number keys, direct saves, comments, undo
    _key(qtbot, view, Qt.Key.Key_4)
    assert view.save_answer("GOV-01", value="no") is None
    assert view.comment_edit.isReadOnly()
    ctx.undo_stack.undo()
    assert _stored(services, aid)["GOV-01"] == "verified"
    # reopening needs a reason and is logged
    monkeypatch.setattr(prompts, "ask_reason", lambda *a, **k: "Vendor sent a new pen-test report")
    view.reopen_button.click()
    assert services.assessments.get(aid).status is AssessmentStatus.IN_REVIEW
    assert not view.locked and not view.banner.isVisible()
    assert any("Reopened" in (e.note or "") for e in services.history(aid))
    view.pick_option(4)
    assert _stored(services, aid)["GOV-01"] == "no"


def test_decision_dialog_shows_conditions(qtbot: Any, ctx: Any, sample_assessment: Any) -> None:
    from trustframe.ui.dialogs.decision_dialog import DecisionDialog

    services = ctx.services
    services.assessments.set_answer(sample_assessment.id, "VUL-01", "no")
    score = services.scoring.score_or_none(sample_assessment.id)
    dialog = DecisionDialog(ctx, sample_assessment.id, score)
    qtbot.addWidget(dialog)
    dialog.set_decision(Decision.APPROVE_WITH_CONDITIONS)
    assert not dialog.conditions.isHidden()
    if score is not None and score.conditions:
        assert dialog.conditions.count() == len(score.conditions)
        assert score.conditions[0] in dialog.notes_edit.toPlainText()
    dialog.set_decision(Decision.REJECT)
    assert dialog.conditions.isHidden()
    dialog.justification_edit.setPlainText("Rejected: no vulnerability disclosure")
    dialog.accept()
    assert services.assessments.get(sample_assessment.id).decision is Decision.REJECT


def test_reassess_marks_answers_to_confirm(qtbot: Any, view: Any, ctx: Any, services: Any,
                                           monkeypatch: pytest.MonkeyPatch, no_dialogs: list) -> None:
    from trustframe.ui.views.assessment_view import AssessmentView

    view.pick_option(1)
    view.go_to_question("VUL-01")
    view.pick_option(1)
    _decide(monkeypatch, view)
    with qtbot.waitSignal(ctx.hub.assessment_requested, timeout=2000) as opened:
        view.next_assessment_button.click()
    new_id = opened.args[0]
    assert new_id != view.assessment_id
    second = AssessmentView(ctx, new_id)
    qtbot.addWidget(second)
    activate(qtbot, second)
    assert second.previous_answers
    marked = {q.id for s in second.navigator_model.sections() for q in s.questions if q.to_confirm}
    assert marked == {"GOV-01", "VUL-01"}
    second.go_to_question("GOV-01")
    assert second.confirm_frame.isVisible()
    assert "Last time" in second.previous_label.text()
    _key(qtbot, second, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)   # confirm with one keystroke
    assert not services.assessments.answers(new_id)["GOV-01"].to_confirm
    assert second.current_question_id != "GOV-01"            # and moved on to the next open question
    second.go_to_question("VUL-01")
    second.pick_option(3)                                    # changed since last time
    item = second.navigator_model.question("VUL-01")
    assert item is not None and item.changed and not item.to_confirm
    assert "Changed since last time" in second.previous_label.text()


def test_navigator_and_review_models_pass_modeltester(qtmodeltester: Any, view: Any) -> None:
    view.pick_option(1)
    qtmodeltester.check(view.navigator_model)
    qtmodeltester.check(view.review_panel.answers_model)


def test_navigator_model_updates_in_place(qtmodeltester: Any) -> None:
    from trustframe.ui.models.question_navigator import NavQuestion, NavSection, QuestionNavigatorModel

    model = QuestionNavigatorModel()
    sections = [NavSection("A", "Alpha", (NavQuestion("A-1", "A", "one"), NavQuestion("A-2", "A", "two"))),
                NavSection("B", "Beta", (NavQuestion("B-1", "B", "three", answered=True),))]
    model.set_sections(sections)
    qtmodeltester.check(model)
    changed: list = []
    model.dataChanged.connect(lambda a, b: changed.append(a.data()))
    model.modelReset.connect(lambda: changed.append("reset"))
    model.set_sections([NavSection("A", "Alpha", (NavQuestion("A-1", "A", "one", answered=True),
                                                  NavQuestion("A-2", "A", "two"))), sections[1]])
    assert "reset" not in changed and any("A-1" in str(c) for c in changed)
    model.set_sections(sections[1:])
    assert "reset" in changed
    qtmodeltester.check(model)


def test_inputs_have_accessible_names(qtbot: Any, view: Any, ctx: Any) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QHeaderView, QLineEdit, QPlainTextEdit

    from trustframe.ui.dialogs.decision_dialog import DecisionDialog
    from trustframe.ui.dialogs.evidence_link_dialog import EvidenceLinkDialog
    from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog

    widgets = [view, DecisionDialog(ctx, view.assessment_id),
               EvidenceLinkDialog(ctx, view.assessment.vendor_id), NewAssessmentDialog(ctx)]
    for top in widgets[1:]:
        qtbot.addWidget(top)
    for top in widgets:
        for kind in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView, QAbstractSpinBox):
            for widget in top.findChildren(kind):
                if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)) or isinstance(widget, QLineEdit) and \
                        isinstance(widget.parent(), QAbstractSpinBox):
                    continue  # internal parts of composite widgets
                if isinstance(widget, QHeaderView) or (
                        isinstance(widget, QAbstractItemView) and isinstance(widget.parent().parent(), QComboBox)):
                    continue
                assert widget.accessibleName(), (type(top).__name__, widget)
