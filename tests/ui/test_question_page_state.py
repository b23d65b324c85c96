"""The assessment screen's page logic without Qt (trustframe/ui/controllers/question_page.py):
navigation, what the page shows, what an edit means, the comment being typed."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from typing import Any

import pytest

from trustframe.domain.assessment import AnswerSource, AssessmentStatus
from trustframe.ui.controllers.question_page import (
    AnswerEdit,
    EditKind,
    MergeGroup,
    QuestionPageState,
    ScreenState,
)


def _screen(services: Any, assessment_id: int, previous: dict[str, Any] | None = None) -> ScreenState:
    """One load of the screen, read the way the controller reads it (without Qt)."""
    assessment = services.assessments.get(assessment_id)
    answers = services.assessments.answers(assessment_id)
    return ScreenState(assessment, services.assessments.questionnaire(assessment), answers, previous or {},
                       services.evidence.for_assessment(assessment_id),
                       tuple(services.assessments.applicable_questions(assessment, answers)))


def _save(services: Any, assessment_id: int, edit: AnswerEdit) -> Any:
    return services.assessments.set_answer(assessment_id, edit.question_id, **edit.changes)


def _page(services: Any, assessment_id: int, current: str = "") -> QuestionPageState:
    page = QuestionPageState(current_question_id=current)
    page.load(_screen(services, assessment_id))
    return page


def test_the_module_never_imports_qt() -> None:
    code = ("import sys; import trustframe.ui.controllers.question_page; "
            "sys.exit(1 if any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_navigation_goes_in_domain_order_and_stops_at_the_ends(services: Any, sample_assessment: Any) -> None:
    page = _page(services, sample_assessment.id)
    # VUL-02 waits for VUL-01 (show-if); HW-01 is for hardware; VUL-03 applies to the sample's tier.
    assert page.ids() == ("GOV-01", "GOV-02", "GOV-03", "VUL-01", "VUL-03")
    assert page.step(1) == ("GOV-01", False)             # nothing shown yet: the first question
    page.current_question_id = "GOV-01"
    assert page.step(-1) == (None, True)                 # the first question
    assert page.step(1) == ("GOV-02", False)
    page.current_question_id = "VUL-03"
    assert page.step(1) == (None, True)                  # the last question
    assert page.step(-1) == ("VUL-01", False)
    assert QuestionPageState().step(1) == (None, False)  # nothing loaded


def test_next_open_skips_answered_questions_and_wraps_round(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid)
    assert page.first_open() == "GOV-01"
    _save(services, aid, page.value_edit("GOV-01", "verified", typed_text=False))
    _save(services, aid, page.value_edit("GOV-03", "A team", typed_text=True))
    page.load(_screen(services, aid))
    assert page.first_open() == "GOV-02"
    page.current_question_id = "GOV-02"
    assert page.next_open() == "VUL-01"                  # GOV-03 is answered
    page.current_question_id = "VUL-03"
    assert page.next_open() == "GOV-02"                  # wraps round
    for qid, value in (("GOV-02", ["soc2"]), ("VUL-01", "no"), ("VUL-03", "2025-03-01")):
        _save(services, aid, page.value_edit(qid, value, typed_text=False))
    page.load(_screen(services, aid))
    assert page.next_open() is None and page.first_open() == ""


def test_a_question_hidden_by_its_condition_leaves_the_page(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid)
    _save(services, aid, page.value_edit("VUL-01", "yes", typed_text=False))
    assert page.load(_screen(services, aid)) is False
    assert "VUL-02" in page.ids()
    page.current_question_id = "VUL-02"
    assert page.shown() is not None and page.shown().question.id == "VUL-02"
    _save(services, aid, page.value_edit("VUL-01", "no", typed_text=False))
    assert page.load(_screen(services, aid)) is True     # the caller moves to the first question
    assert page.current_question_id == "" and page.shown() is None


def test_what_the_page_shows(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid, current="GOV-01")
    shown = page.shown()
    assert shown is not None
    assert (shown.position, shown.total, shown.section_title) == (1, 5, "Governance")
    assert shown.answer is None and shown.value is None and shown.comment == "" and not shown.needs_follow_up
    assert not shown.has_previous and not shown.show_confirm and shown.flags == () and shown.evidence == ()
    _save(services, aid, page.value_edit("GOV-01", "no", typed_text=False))
    page.load(_screen(services, aid))
    page.set_score(services.scoring.score_or_none(aid))
    shown = page.shown()
    assert shown.value == "no"
    assert [f.flag_id for f in shown.flags] == ["RF-GOV-01"]
    assert "GOV-01" in page.flagged_ids()
    assert [q.flagged for s in page.sections() for q in s.questions if q.id == "GOV-01"] == [True]


def test_a_reassessment_shows_last_times_answer_and_what_changed(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid)
    _save(services, aid, page.value_edit("GOV-01", "verified", typed_text=False))
    _save(services, aid, page.value_edit("VUL-01", "yes", typed_text=False))
    answers = services.assessments.answers(aid)
    previous = {"GOV-01": dataclasses.replace(answers["GOV-01"], value="no"), "VUL-01": answers["VUL-01"]}
    page.load(_screen(services, aid, previous))
    page.current_question_id = "GOV-01"
    shown = page.shown()
    assert shown.has_previous and shown.previous_text == "No" and shown.changed_since_last
    page.current_question_id = "VUL-01"
    assert page.shown().previous_text == "Yes" and not page.shown().changed_since_last
    page.current_question_id = "GOV-02"
    assert page.shown().previous_text is None and not page.shown().changed_since_last   # unanswered now
    changed = {q.id: q.changed for s in page.sections() for q in s.questions}
    assert changed["GOV-01"] and not changed["VUL-01"] and not changed["GOV-02"]


def test_confirming_a_carried_answer(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid, current="GOV-01")
    assert page.confirm_edit("GOV-01") is None           # nothing to confirm
    services.assessments.set_answer(aid, "GOV-01", "verified", to_confirm=True)
    page.load(_screen(services, aid))
    assert page.shown().show_confirm and page.availability(True).confirm
    assert page.next_open() != "GOV-01" and page.first_open() == "GOV-01"   # still open until confirmed
    edit = page.confirm_edit("GOV-01")
    assert edit == AnswerEdit("GOV-01", {"to_confirm": False}, EditKind.CONFIRM)
    _save(services, aid, edit)
    page.load(_screen(services, aid))
    assert not page.shown().show_confirm and page.first_open() == "GOV-02"


def test_edits_are_the_service_calls_the_screen_makes(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid, current="GOV-03")
    assert page.value_edit("GOV-03", "typed", typed_text=True).merge is MergeGroup.TEXT
    assert page.value_edit("GOV-01", "no", typed_text=False).merge is MergeGroup.NONE
    follow = page.follow_up_edit("GOV-03")                # toggles what is saved
    assert follow.changes == {"needs_follow_up": True} and follow.kind is EditKind.FOLLOW_UP
    change = _save(services, aid, follow)
    page.record_saved("GOV-03", change.after)
    assert page.follow_up_edit("GOV-03").changes == {"needs_follow_up": False}
    assert page.follow_up_edit("GOV-03", True).changes == {"needs_follow_up": True}
    assert page.clear_edit("GOV-03") == AnswerEdit("GOV-03", {"value": None}, EditKind.CLEAR)
    override = page.override_edit("GOV-01", "documented", "Seen the policy")
    _save(services, aid, override)
    stored = services.assessments.answers(aid)["GOV-01"]
    assert (stored.value, stored.source, stored.override_reason) == ("documented", AnswerSource.REVIEWER,
                                                                     "Seen the policy")


def test_team_mode_saves_against_the_version_shown(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid)
    assert page.versioned(page.clear_edit("GOV-01")).changes["expected_version"] == 0   # a new answer
    change = _save(services, aid, page.value_edit("GOV-01", "no", typed_text=False))
    page.record_saved("GOV-01", change.after)
    edit = page.versioned(page.value_edit("GOV-01", "verified", typed_text=False))
    assert edit.changes == {"value": "verified", "expected_version": change.after.version}


def test_the_comment_being_typed(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid, current="GOV-01")
    assert page.comment_to_show("") == ""                 # a new question: its saved comment
    assert page.take_comment("x") is None                 # nothing typed
    assert page.comment_typed()
    assert page.comment_to_show("Checked the org ch") is None   # never rewritten while typing
    edit = page.take_comment("Checked the org chart ")
    assert edit == AnswerEdit("GOV-01", {"comment": "Checked the org chart "}, EditKind.COMMENT, MergeGroup.COMMENT)
    assert page.take_comment("again") is None             # no longer pending
    change = _save(services, aid, edit)
    page.load(_screen(services, aid))
    assert change.after.comment == "Checked the org chart"
    assert page.comment_to_show("Checked the org chart ") is None   # only the stripped spaces differ
    assert page.comment_to_show("stale text") == "Checked the org chart"
    page.comment_typed()
    page.current_question_id = "GOV-02"                   # another question: its comment, typing forgotten
    assert page.comment_to_show("Checked the org chart!") == "" and not page.comment_pending


def test_a_decided_assessment_offers_no_edits(services: Any, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    page = _page(services, aid, current="GOV-01")
    open_ = page.availability(True)
    assert open_.edit and open_.follow_up and open_.link_evidence and not open_.reopen and open_.pick
    assert AssessmentStatus.SENT in open_.statuses and not open_.clear
    assert not page.availability(False).follow_up
    locked = dataclasses.replace(page.screen, assessment=dataclasses.replace(
        page.screen.assessment, status=AssessmentStatus.DECIDED))
    page.load(locked)
    assert page.locked
    closed = page.availability(True)
    assert not (closed.edit or closed.follow_up or closed.link_evidence or closed.clear or closed.statuses)
    assert closed.reopen and closed.pick
    assert not page.comment_typed()                       # typing into a locked page saves nothing


@pytest.mark.parametrize("answered", [False, True])
def test_not_applicable_answers_are_listed_for_the_review(services: Any, sample_assessment: Any,
                                                          answered: bool) -> None:
    aid = sample_assessment.id
    page = _page(services, aid)
    if answered:
        services.assessments.set_answer(aid, "GOV-01", "na", comment="No product team")
    page.load(_screen(services, aid))
    items = page.not_applicable()
    assert [(i.question_id, i.answer_label, i.comment) for i in items] == (
        [("GOV-01", "Not applicable", "No product team")] if answered else [])
