"""Tier and scope changes share the answers' undo stack: Ctrl+Z / Ctrl+Shift+Z put the exact
earlier state back through the services, the change log gains entries (never loses them), and a
decided assessment refuses the undo with a readable message."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.services.assessments import ScopeTierState

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import activate, ctx, no_dialogs, run_dialogs_with, view  # noqa: E402,F401 (fixtures)


def _override(tier: int | None, reason: str = "") -> Any:
    def fill(dialog: Any) -> None:
        dialog.tier_page.set_override(tier, reason)
        dialog.accept()
    return fill


def _state(services: Any, aid: int) -> ScopeTierState:
    return services.assessments.scope_tier_state(aid)


def test_tier_override_undo_and_redo_share_the_answer_stack(qtbot: Any, view: Any, ctx: Any, services: Any,
                                                            no_dialogs: list,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    view.go_to_question("GOV-01", focus=False)
    assert view.pick_option(1)                                   # an answer edit first
    original = _state(services, aid)
    run_dialogs_with(monkeypatch, _override(2, "Holds customer data after all"))
    assert view.edit_scope_and_tier()
    overridden = _state(services, aid)
    assert overridden.tier_override == 2 and overridden.tier_override_reason == "Holds customer data after all"
    assert ctx.undo_stack.count() == 2 and ctx.undo_stack.undoText() == "Tier override to 2"
    logged = len(services.history(aid))

    ctx.undo_stack.undo()
    assert _state(services, aid) == original
    assert "overridden" not in view.subtitle_label.text()        # the screen follows the announcement
    assert services.assessments.answers(aid)["GOV-01"].value is not None   # the answer is untouched
    history = services.history(aid)
    assert len(history) == logged + 1                            # append-only: the undo is a new entry
    assert (history[0].field, history[0].note) == ("tier_override", "undo")

    ctx.undo_stack.redo()
    assert _state(services, aid) == overridden                   # the reason comes back exactly
    assert "Tier 2" in view.subtitle_label.text() and "overridden" in view.subtitle_label.text()
    assert services.history(aid)[0].note == "redo: Holds customer data after all"
    assert len(services.history(aid)) == logged + 2

    # one stack: two undos take back the override and then the answer
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert _state(services, aid) == original and "GOV-01" not in services.assessments.answers(aid)
    assert no_dialogs == []


def test_removing_the_override_is_undone_with_its_reason(qtbot: Any, view: Any, ctx: Any, services: Any,
                                                         no_dialogs: list,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    services.assessments.override_tier(aid, 1, "Runs the payment switch")
    before = _state(services, aid)
    run_dialogs_with(monkeypatch, _override(None))
    assert view.edit_scope_and_tier()
    assert _state(services, aid).tier_override is None
    assert ctx.undo_stack.undoText() == "Tier override removed"
    ctx.undo_stack.undo()
    assert _state(services, aid) == before
    assert services.assessments.get(aid).tier_override_reason == "Runs the payment switch"


def test_scope_change_undo_restores_the_exact_earlier_scope(qtbot: Any, view: Any, ctx: Any, services: Any,
                                                            no_dialogs: list,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    services.assessments.set_scope(aid, added=["HW-01"], removed=[])
    qtbot.waitUntil(lambda: "HW-01" in view.visible_question_ids())
    before = _state(services, aid)

    def fill(dialog: Any) -> None:
        dialog.next()
        dialog.next()
        dialog.scope_page.set_in_scope("HW-01", False)
        dialog.scope_page.set_in_scope("GOV-03", False)
        assert dialog.pending_changes() == ["scope"]
        dialog.accept()

    run_dialogs_with(monkeypatch, fill)
    assert view.edit_scope_and_tier()
    changed = _state(services, aid)
    assert changed.scope_added == () and changed.scope_removed == ("GOV-03",)
    assert ctx.undo_stack.undoText() == "Scope: removed GOV-03, HW-01"
    assert "HW-01" not in view.visible_question_ids() and "GOV-03" not in view.visible_question_ids()

    ctx.undo_stack.undo()
    assert _state(services, aid) == before
    ids = view.visible_question_ids()
    assert "HW-01" in ids and "GOV-03" in ids
    entry = services.history(aid)[0]
    assert (entry.field, entry.note) == ("scope", "undo")
    ctx.undo_stack.redo()
    assert _state(services, aid) == changed


def test_profile_and_scope_applied_together_are_one_undo_step(qtbot: Any, view: Any, ctx: Any, services: Any,
                                                              no_dialogs: list,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    before = _state(services, aid)
    assert before.tier is None and dict(before.profile_answers) == {}

    def fill(dialog: Any) -> None:
        profile = dialog.profile_page
        for question in profile.profile.iter_questions():
            profile.set_answer(question.id, question.options[-1].id)
        dialog.next()
        dialog.next()
        dialog.scope_page.set_in_scope("HW-01", True)
        assert dialog.pending_changes() == ["profile", "scope"]
        dialog.accept()

    run_dialogs_with(monkeypatch, fill)
    assert view.edit_scope_and_tier()
    assert _state(services, aid).tier == 4
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Criticality profile (tier 4); Scope: added HW-01"
    ctx.undo_stack.undo()
    # the computed tier goes back to "never computed", not to a recomputation of no answers
    assert _state(services, aid) == before
    assert "VUL-03" in view.visible_question_ids() and "HW-01" not in view.visible_question_ids()


def test_undo_is_refused_once_the_assessment_is_decided(qtbot: Any, view: Any, ctx: Any, services: Any,
                                                        no_dialogs: list,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    run_dialogs_with(monkeypatch, _override(3, "Small pilot only"))
    assert view.edit_scope_and_tier()
    services.assessments.set_status(aid, AssessmentStatus.IN_REVIEW)
    services.assessments.decide(aid, Decision.APPROVE)
    decided = _state(services, aid)
    logged = len(services.history(aid))
    messages: list[str] = []
    ctx.hub.status_message.connect(lambda text, _ms: messages.append(text))

    ctx.undo_stack.undo()
    assert _state(services, aid) == decided and decided.tier_override == 3
    assert len(services.history(aid)) == logged                  # nothing written, nothing logged
    assert any("decided and locked" in m and "Reopen" in m for m in messages)

    # reopened, the same command applies again (its undo was not lost)
    services.assessments.reopen(aid, "New evidence")
    ctx.undo_stack.redo()
    ctx.undo_stack.undo()
    assert _state(services, aid).tier_override is None


def test_ctrl_z_and_ctrl_shift_z_in_the_main_window(qtbot: Any, services: Any, sample_assessment: Any,
                                                    no_dialogs: list, monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    window = MainWindow(UiContext(services, AppSettings()))
    qtbot.addWidget(window)
    activate(qtbot, window)
    aid = sample_assessment.id
    view = window.open_assessment(aid)
    assert view is not None
    run_dialogs_with(monkeypatch, _override(2, "Holds customer data after all"))
    assert view.edit_scope_and_tier()
    assert "Tier override to 2" in window.undo_action.text() and window.undo_action.isEnabled()

    # The navigator has the focus: a text field would take Ctrl+Z for its own typing undo.
    view.navigator.setFocus()
    qtbot.keyClick(view.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.assessments.get(aid).tier_override is None
    assert "Tier override to 2" in window.redo_action.text()
    qtbot.keyClick(view.navigator, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert services.assessments.get(aid).tier_override == 2
    window.close()
