"""Rule 7 of docs/scoring.md in the reports: the recommendation text agrees with itself.

A Reject never shows a "Conditions for approval" heading, and the action recommended for a
driver follows the actual answer: only the mitigation of a red flag that the answer raised,
never "Knock-out: do not proceed" for the best option or "negotiate 30 days" for a 5-day fix."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
sys.path.insert(0, str(Path(__file__).resolve().parent))
from reports_support import make_score  # noqa: E402
from test_reports_render import _input  # noqa: E402
from trustframe.domain.questionnaire import ProductCategory  # noqa: E402
from trustframe.domain.scoring import compile_questionnaire, score_answers  # noqa: E402
from trustframe.domain.scoring_model import Rating, Recommendation  # noqa: E402
from trustframe.domain.scoring_profile import ScoringProfile  # noqa: E402
from trustframe.exchange.questionnaire_files import load_questionnaire  # noqa: E402
from trustframe.reports import model, pdf  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BANK = load_questionnaire(ROOT / "questionnaires" / "ict-supply-chain-trust.yaml")
PROFILE = ScoringProfile.from_dict(json.loads((ROOT / "resources" / "scoring" / "default.json").read_text()))


@pytest.mark.parametrize("recommendation", list(Recommendation))
def test_reject_never_shows_conditions_for_approval(services, sample_assessment, recommendation) -> None:
    inp = _input(services, sample_assessment)
    rating = {Recommendation.REJECT: Rating.CRITICAL, Recommendation.ESCALATE: Rating.HIGH,
              Recommendation.APPROVE_WITH_CONDITIONS: Rating.MODERATE, Recommendation.APPROVE: Rating.LOW}[recommendation]
    score = make_score(sample_assessment.id, rating=rating, recommendation=recommendation)
    report = model.build_assessment_report(dataclasses.replace(inp, score=score))
    html = pdf.render_html("assessment.html", report=report)
    if recommendation is Recommendation.REJECT:
        assert "Conditions for approval" not in html
        assert "What the vendor would have to resolve" in html
    else:
        assert "Conditions for approval" in html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([1, 2, 3, 4]), st.sampled_from(list(ProductCategory)), st.data())
def test_driver_actions_follow_the_actual_answer(tier: int, category: ProductCategory, data: st.DataObject) -> None:
    """Every answer given, none backed by evidence (so even the best options are drivers): an
    action quotes a red flag's mitigation only when that flag fired on the answer."""
    plan = compile_questionnaire(BANK)
    answers = {}
    for x in plan.questions:
        if x.best_value is None or not x.q.applies_to.applies(category, tier):
            continue
        answers[x.id] = x.best_value if data.draw(st.integers(0, 3)) else data.draw(st.sampled_from(x.q.option_ids)) \
            if x.q.type.has_options and x.q.type.value != "multiple_choice" else x.best_value
    answers["VUL-05"] = 5
    r = score_answers(BANK, answers, profile=PROFILE, as_of=date(2026, 6, 1), tier=tier, category=category)
    fired = {f.flag_id for f in r.flags}
    lines = {line.question_id: line for line in model.driver_lines(r, BANK)}
    for qid, line in lines.items():
        question = BANK.question(qid)
        for rule in question.red_flags:
            if rule.id not in fired and rule.mitigation and rule.mitigation not in {
                    other.mitigation for other in question.red_flags if other.id in fired}:
                assert rule.mitigation not in line.action, (qid, answers.get(qid), line.action)
        if plan.by_id[qid].best_value == answers.get(qid):
            assert "do not proceed" not in line.action.lower() and "knock-out" not in line.action.lower()
    if "VUL-05" in lines:
        assert "30 days" not in lines["VUL-05"].action
