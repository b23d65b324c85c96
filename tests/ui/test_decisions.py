"""Decisions that do not mislead (issue 13 §4): a decision against the recommendation, or on fewer
answers than the threshold, needs a written justification that lands in the audit log and the
report; "Start next assessment" asks first."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from tests.ui.assessment_ui_support import ctx, no_dialogs, view  # noqa: F401 (fixtures)
from trustframe.domain.assessment import Decision
from trustframe.domain.decision_rules import justification_need


@pytest.mark.parametrize("decision,recommendation", list(itertools.product(
    [d.value for d in Decision], [d.value for d in Decision] + [None])))
@pytest.mark.parametrize("completeness", [None, 0.0, 0.5, 0.79, 0.8, 1.0])
def test_justification_rule_from_its_statement(decision: str, recommendation: str | None,
                                               completeness: float | None) -> None:
    minimum = 0.8
    need = justification_need(decision, recommendation, completeness, minimum)
    differs = recommendation is None or decision != recommendation
    too_few = completeness is None or completeness < minimum
    assert need.required == (differs or too_few)
    assert bool(need.sentence()) == need.required


def _dialog(qtbot: Any, ctx: Any, assessment_id: int) -> Any:
    from trustframe.ui.dialogs.decision_dialog import DecisionDialog

    dialog = DecisionDialog(ctx, assessment_id, ctx.services.scoring.score_or_none(assessment_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _answer_everything(services: Any, assessment_id: int) -> None:
    """Answer every applicable question with its first option (or a plain value)."""
    from datetime import date

    from trustframe.domain.questionnaire import AnswerType

    for _ in range(3):  # show-if questions appear as their conditions are met
        a = services.assessments.get(assessment_id)
        answers = services.assessments.answers(assessment_id)
        for q in services.assessments.applicable_questions(a, answers):
            if q.id in answers and answers[q.id].value is not None:
                continue
            kind = q.type
            value: Any = (q.option_ids[0] if q.option_ids and kind is not AnswerType.MULTIPLE_CHOICE
                          else [q.option_ids[0]] if q.option_ids else
                          12 if kind is AnswerType.NUMBER else date(2026, 1, 5).isoformat()
                          if kind is AnswerType.DATE else "Documented")
            services.assessments.set_answer(assessment_id, q.id, value=value)


def test_decision_against_the_recommendation_needs_a_justification(qtbot: Any, ctx: Any,
                                                                   sample_assessment: Any) -> None:
    services = ctx.services
    aid = sample_assessment.id
    _answer_everything(services, aid)
    dialog = _dialog(qtbot, ctx, aid)
    ok = dialog._box.button(dialog._box.StandardButton.Ok)
    recommended = Decision(dialog.score.recommendation.value)
    assert dialog.score.completeness == 1.0
    dialog.set_decision(recommended)
    assert not dialog.justification_edit.isVisible() and ok.isEnabled()
    other = next(d for d in Decision if d is not recommended)
    dialog.set_decision(other)
    assert dialog.justification_edit.isVisible()
    assert "differs from the recommendation" in dialog.justification_reason.text()
    assert not ok.isEnabled()
    dialog.accept()                                      # refused without a justification
    assert services.assessments.get(aid).decision is None
    dialog.justification_edit.setPlainText("The vendor's new SOC 2 report arrives next week; <b>contract</b> clause 9.")
    assert ok.isEnabled()
    dialog.accept()
    decided = services.assessments.get(aid)
    assert decided.decision is other
    assert decided.decision_justification.startswith("The vendor's new SOC 2 report")
    logged = [e for e in services.history(aid) if e.field == "decision_justification"]
    assert logged and "SOC 2" in str(logged[0].new_value)
    # ... and the assessment report shows it where the decision is shown, escaped.
    report = services.reports.assessment_report(aid)
    assert report.sign_off.decision_justification == decided.decision_justification
    html = "".join(services.reports.assessment_documents(aid))
    assert "Justification:" in html and "SOC 2 report arrives" in html
    assert "<b>contract</b>" not in html


def test_too_few_answers_need_a_justification_even_when_following_the_recommendation(
        qtbot: Any, ctx: Any, sample_assessment: Any) -> None:
    dialog = _dialog(qtbot, ctx, sample_assessment.id)   # nothing answered
    dialog.set_decision(Decision(dialog.score.recommendation.value))
    assert dialog.justification_edit.isVisible()
    assert "of the applicable questions are answered" in dialog.justification_reason.text()
    dialog.accept()
    assert ctx.services.assessments.get(sample_assessment.id).decision is None


def test_start_next_assessment_asks_first(qtbot: Any, view: Any, ctx: Any, services: Any,
                                          monkeypatch: pytest.MonkeyPatch, no_dialogs: list) -> None:
    from trustframe.ui import messages

    services.assessments.decide(view.assessment_id, Decision.REJECT, "Dana Reviewer", justification="Test")
    view.reload()
    before = len(services.assessments.list_assessments(product_id=view.assessment.product_id))
    answers: list[bool] = [False]
    monkeypatch.setattr(messages, "presenter", lambda _p, m: no_dialogs.append(m) or answers[0])
    requested: list[int] = []
    ctx.hub.assessment_requested.connect(requested.append)
    view.next_assessment_button.click()
    assert no_dialogs and no_dialogs[-1].kind == "question"
    assert "stays decided" in no_dialogs[-1].informative
    assert requested == []                                # declined: nothing started
    assert len(services.assessments.list_assessments(product_id=view.assessment.product_id)) == before
    answers[0] = True
    view.next_assessment_button.click()
    assert len(requested) == 1
