"""Changing an assessment after creation, through the real widgets: the scope-and-tier dialog
(re-answered profile, tier override, scope), the status actions, and the export dialog's offer
to mark a draft sent."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from trustframe.domain.assessment import AssessmentStatus, Decision

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import activate, ctx, no_dialogs, run_dialogs_with, view  # noqa: E402,F401 (fixtures)


# -- scope and tier ------------------------------------------------------------------------------

def test_reanswer_profile_and_adjust_scope(qtbot: Any, view: Any, services: Any, no_dialogs: list,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    assert "VUL-03" in view.visible_question_ids()          # no tier yet: every tier's questions
    assert "HW-01" not in view.visible_question_ids()       # hardware only; the product is software
    assert view.scope_action.isEnabled()

    def fill(dialog: Any) -> None:
        profile = dialog.profile_page
        for question in profile.profile.iter_questions():
            profile.set_answer(question.id, question.options[-1].id)   # low exposure everywhere
        assert dialog.tier_result().tier == 4
        dialog.next()
        assert "Tier 4" in dialog.tier_page.tier_label.text()
        dialog.next()
        scope = dialog.scope_page
        assert scope.counts()["VUL"] == (2, 3)               # VUL-03 is asked at tiers 1-2 only
        scope.set_in_scope("HW-01", True)
        scope.set_in_scope("GOV-03", False)
        assert dialog.pending_changes() == ["profile", "scope"]
        dialog.accept()

    opened = run_dialogs_with(monkeypatch, fill)
    with qtbot.waitSignal(view.score_updated, timeout=5000):
        view.scope_action.trigger()
    assert opened and opened[0].applied == ["profile", "scope"]
    stored = services.assessments.get(aid)
    assert stored.tier == 4 and stored.tier_override is None
    assert stored.scope_added == ("HW-01",) and stored.scope_removed == ("GOV-03",)
    # the navigator and the header follow at once
    ids = view.visible_question_ids()
    assert "HW-01" in ids and "GOV-03" not in ids and "VUL-03" not in ids
    assert "Tier 4" in view.subtitle_label.text()
    assert sum(section.total for section in view.navigator_model.sections()) == len(ids)
    assert no_dialogs == []


def test_override_tier_with_reason_keeps_scope_choices(qtbot: Any, view: Any, services: Any, no_dialogs: list,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    services.assessments.set_scope(aid, added=["HW-01"], removed=["GOV-03"])
    profile = services.catalog.profile()
    services.assessments.set_profile_answers(aid, {q.id: q.options[-1].id for q in profile.iter_questions()})
    qtbot.waitUntil(lambda: "VUL-03" not in view.visible_question_ids())

    def fill(dialog: Any) -> None:
        # the dialog starts from what the assessment has
        assert dialog.profile_page.answers() == services.assessments.get(aid).profile_answers
        dialog.next()
        tier = dialog.tier_page
        assert not tier.override_box.isChecked()
        tier.set_override(1, "")
        assert not tier.isComplete()                        # an override needs a reason
        tier.set_override(1, "Runs the payment switch")
        dialog.next()
        assert dialog.scope_page.in_scope_ids() >= {"HW-01", "VUL-03"}
        assert "GOV-03" not in dialog.scope_page.in_scope_ids()
        assert dialog.pending_changes() == ["tier override"]
        dialog.accept()

    run_dialogs_with(monkeypatch, fill)
    assert view.edit_scope_and_tier()
    stored = services.assessments.get(aid)
    assert stored.tier == 4 and stored.tier_override == 1
    assert stored.tier_override_reason == "Runs the payment switch"
    assert stored.scope_added == ("HW-01",) and stored.scope_removed == ("GOV-03",)
    assert "VUL-03" in view.visible_question_ids() and "GOV-03" not in view.visible_question_ids()
    assert "Tier 1" in view.subtitle_label.text() and "overridden" in view.subtitle_label.text()
    assert any(e.field == "tier_override" and e.note == "Runs the payment switch" for e in services.history(aid))

    # removing the override needs no walk through the scope page
    def remove(dialog: Any) -> None:
        dialog.tier_page.set_override(None)
        dialog.accept()

    run_dialogs_with(monkeypatch, remove)
    assert view.edit_scope_and_tier()
    assert services.assessments.get(aid).tier_override is None
    assert "VUL-03" not in view.visible_question_ids()


def test_cancel_changes_nothing_and_decided_assessments_are_locked(qtbot: Any, view: Any, services: Any,
                                                                   no_dialogs: list,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    aid = view.assessment_id
    before = services.assessments.get(aid)
    run_dialogs_with(monkeypatch, lambda dialog: dialog.reject())
    assert not view.edit_scope_and_tier()
    assert services.assessments.get(aid) == before
    services.assessments.set_status(aid, AssessmentStatus.IN_REVIEW)
    services.assessments.decide(aid, Decision.APPROVE)
    assert not view.scope_action.isEnabled()
    assert not view.edit_scope_and_tier()


# -- status --------------------------------------------------------------------------------------

def _enabled(view: Any) -> set[AssessmentStatus]:
    return {status for status, action in view.status_actions.items() if action.isEnabled()}


def test_status_actions_follow_the_allowed_transitions(qtbot: Any, view: Any, services: Any,
                                                       no_dialogs: list) -> None:
    aid = view.assessment_id
    assert view.status_chip.text() == "Draft" and view.status_chip.property("status") == "draft"
    assert _enabled(view) == {AssessmentStatus.SENT, AssessmentStatus.IN_REVIEW}
    assert view.status_button.isEnabled() and view.status_button.menu() is view.status_menu
    view.status_actions[AssessmentStatus.SENT].trigger()
    assert services.assessments.get(aid).status is AssessmentStatus.SENT
    assert view.status_chip.text() == "Sent to vendor"
    assert _enabled(view) == {AssessmentStatus.RETURNED, AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW}
    view.status_actions[AssessmentStatus.RETURNED].trigger()
    assert view.status_chip.text() == "Returned"
    assert _enabled(view) == {AssessmentStatus.IN_REVIEW, AssessmentStatus.SENT}
    view.status_actions[AssessmentStatus.IN_REVIEW].trigger()
    assert view.status_chip.text() == "In review" and view.status_chip.property("status") == "in_review"
    assert _enabled(view) == {AssessmentStatus.SENT, AssessmentStatus.DRAFT}
    # a disabled action does nothing even when triggered programmatically through the API
    assert not view.set_status(AssessmentStatus.RETURNED)
    assert no_dialogs and no_dialogs[-1].kind == "warning" and "cannot go from" in no_dialogs[-1].text
    services.assessments.decide(aid, Decision.APPROVE)
    qtbot.waitUntil(lambda: view.status_chip.text() == "Decided")
    assert _enabled(view) == set() and not view.status_button.isEnabled()
    statuses = [e.new_value for e in services.history(aid) if e.field == "status"]
    assert statuses == ["decided", "in_review", "returned", "sent"]


# -- export offers to mark a draft sent ------------------------------------------------------------

def test_export_marks_a_draft_sent_when_ticked(qtbot: Any, view: Any, ctx: Any, services: Any,
                                               tmp_path: Path, no_dialogs: list) -> None:
    from trustframe.ui.dialogs.export_dialog import ExportDialog

    aid = view.assessment_id
    dialog = ExportDialog(ctx, aid, tmp_path / "draft.xlsx")
    qtbot.addWidget(dialog)
    assert not dialog.mark_sent_check.isHidden() and dialog.will_mark_sent
    dialog.buttons.accepted.emit()
    assert dialog.export_result is not None and dialog.error_text == ""
    assert services.assessments.get(aid).status is AssessmentStatus.SENT
    assert any(e.field == "status" and "draft.xlsx" in e.note for e in services.history(aid))
    qtbot.waitUntil(lambda: view.status_chip.text() == "Sent to vendor")

    again = ExportDialog(ctx, aid, tmp_path / "again.xlsx")        # not a draft any more: no offer
    qtbot.addWidget(again)
    assert again.mark_sent_check.isHidden() and not again.will_mark_sent
    again.buttons.accepted.emit()
    assert services.assessments.get(aid).status is AssessmentStatus.SENT


def test_export_leaves_the_draft_when_unticked(qtbot: Any, ctx: Any, services: Any, sample_assessment: Any,
                                               tmp_path: Path) -> None:
    from trustframe.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(ctx, sample_assessment.id, tmp_path / "draft.xlsx")
    qtbot.addWidget(dialog)
    dialog.mark_sent_check.setChecked(False)
    dialog.buttons.accepted.emit()
    assert dialog.export_result is not None
    assert services.assessments.get(sample_assessment.id).status is AssessmentStatus.DRAFT
