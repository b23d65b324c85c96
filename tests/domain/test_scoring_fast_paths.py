"""The scoring engine's shortcuts give exactly what the straightforward computation gives.

``domain/scoring.py`` takes three shortcuts for speed (docs/performance.md, "Scoring"):

* the proposal of "what would change the rating" is checked by evaluating again only the
  questions it changes or brings into view (``_rescore``), not by scoring everything again;
* result objects (question records, drivers, group scores) are built by filling their
  dictionary instead of through the frozen dataclass's ``__init__``;
* answers are shown with option labels looked up in the compiled question.

Each is compared here with the plain computation on random assessments of the sample
questionnaire, whose VUL-01 decides whether VUL-02 is shown, and of a variant with red flags
that read another question's answer (VUL-02's, so whether they fire depends on VUL-01 too).
Equality is exact: a score that differs in the last bit could round to a different rating at
a threshold.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import yaml

from trustframe.domain import answers as answer_text
from trustframe.domain import scoring
from trustframe.domain.assessment import FlagAcceptance
from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import AnswerType, EvidenceKind, ProductCategory, Question, Questionnaire
from trustframe.domain.scoring_model import ScoreResult
from trustframe.domain.scoring_profile import ScoringProfile
from trustframe.exchange.questionnaire_files import check_questionnaire_text

ROOT = Path(__file__).resolve().parents[2]


def _questionnaire(data: dict[str, Any]) -> Questionnaire:
    questionnaire, issues = check_questionnaire_text(yaml.safe_dump(data, sort_keys=False))
    assert questionnaire is not None and not issues, issues
    return questionnaire


def _cross_question_flags(data: dict[str, Any]) -> dict[str, Any]:
    """The sample with two red flags on GOV-01 that read VUL-02, shown only when VUL-01 says so."""
    data = json.loads(json.dumps(data))
    gov01 = data["sections"][0]["questions"][0]
    assert gov01["id"] == "GOV-01"
    common = {"title": "Cross-question", "rationale": "Because.", "mitigation": "Fix it."}
    gov01["red_flags"] += [
        {"id": "RF-X-SLOW", "when": {"question": "VUL-02", "above": 60}, "severity": "critical", **common},
        {"id": "RF-X-UNKNOWN", "when": {"question": "VUL-02", "answered": False}, "severity": "high", **common},
    ]
    data["id"] = "sample-cross-flags"
    return data


SAMPLE_DATA = yaml.safe_load((ROOT / "tests" / "data" / "sample-questionnaire.yaml").read_text(encoding="utf-8"))
QUESTIONNAIRES = [_questionnaire(SAMPLE_DATA), _questionnaire(_cross_question_flags(SAMPLE_DATA))]
DEFAULT = json.loads((ROOT / "resources" / "scoring" / "default.json").read_text())
#: The default profile, and one with uneven weights and factors: with those the order in which
#: contributions are summed shows in the last bits, and assumed evidence is worth less than 1.
PROFILES = [
    ScoringProfile.from_dict(DEFAULT),
    ScoringProfile.from_dict({
        **DEFAULT, "id": "uneven",
        "importance_weights": {"critical": 3.7, "high": 1.9, "standard": 1.1, "low": 0.3},
        "evidence": {"independent_current": 0.95, "vendor_issued_current": 0.8, "expired": 0.55, "none": 0.5,
                     "expiring_soon_days": 60}}),
]
AS_OF = date(2025, 6, 1)
QUESTION_IDS = [q.id for q in QUESTIONNAIRES[0].iter_questions()]  # the same in both
FLAG_IDS = sorted({rule.id for qn in QUESTIONNAIRES for q in qn.iter_questions() for rule in q.red_flags})
EVIDENCE = [
    Evidence(1, 1, "Current independent", EvidenceKind.CERTIFICATE, independent=True, expires_on=date(2026, 1, 1)),
    Evidence(2, 1, "Vendor policy", EvidenceKind.POLICY),
    Evidence(3, 1, "Lapsed", EvidenceKind.AUDIT_REPORT, independent=True, expires_on=date(2025, 1, 1)),
    Evidence(4, 1, "Not yet valid", EvidenceKind.CERTIFICATE, independent=True, issued_on=date(2025, 9, 1)),
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _value(question: Question) -> st.SearchStrategy[Any]:
    """A valid answer most of the time; now and then one the engine must treat as unanswered."""
    if question.type is AnswerType.MULTIPLE_CHOICE:
        valid: st.SearchStrategy[Any] = st.lists(st.sampled_from(question.option_ids), min_size=1, unique=True)
    elif question.type.has_options:
        valid = st.sampled_from(question.option_ids)
    elif question.type is AnswerType.NUMBER:
        valid = st.integers(min_value=-5, max_value=400)
    else:
        valid = st.just("some text")
    odd = st.sampled_from([None, "", "  ", [], "not-an-option", ["not-an-option"], True, 12.5])
    return st.one_of(valid, valid, valid, odd)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    questionnaire = draw(st.sampled_from(QUESTIONNAIRES))
    questions = list(questionnaire.iter_questions())
    answers = {q.id: draw(_value(q)) for q in questions if draw(st.integers(0, 3))}
    evidence = {q.id: draw(st.lists(st.sampled_from(EVIDENCE), max_size=2, unique_by=lambda e: e.id))
                for q in questions if q.evidence}
    accepted = {f: FlagAcceptance(f, "mitigated", "reviewer") for f in draw(st.sets(st.sampled_from(FLAG_IDS)))}
    return {
        "questionnaire": questionnaire, "answers": answers, "evidence": evidence, "accepted_flags": accepted,
        "profile": draw(st.sampled_from(PROFILES)),
        "tier": draw(st.sampled_from([None, 1, 2, 3, 4])),
        "category": draw(st.sampled_from([None, *ProductCategory])),
        "scope_added": tuple(draw(st.lists(st.sampled_from(QUESTION_IDS), max_size=2))),
        "scope_removed": tuple(draw(st.lists(st.sampled_from(QUESTION_IDS), max_size=2))),
    }


def _score(case: dict[str, Any]) -> ScoreResult:
    return scoring.score_answers(case["questionnaire"], case["answers"], profile=case["profile"], as_of=AS_OF, category=case["category"],
                                 tier=case["tier"], scope_added=case["scope_added"],
                                 scope_removed=case["scope_removed"], evidence=case["evidence"],
                                 accepted_flags=case["accepted_flags"])


def _full_evaluation(case: dict[str, Any], values: dict[str, Any], forced: frozenset[str] = frozenset(),
                     extra_accepted: frozenset[str] = frozenset(), keep_rows: bool = False) -> Any:
    """Every applicable question evaluated from scratch: the reference for ``_rescore``."""
    plan = scoring.compile_questionnaire(case["questionnaire"])
    return scoring._evaluate(plan, case["profile"], values, case["evidence"], AS_OF, case["category"], case["tier"],
                             case["scope_added"], case["scope_removed"], case["accepted_flags"], forced,
                             extra_accepted, keep_rows=keep_rows)


@SETTINGS
@given(cases(), st.data())
def test_rescoring_a_proposal_equals_evaluating_it_in_full(case: dict[str, Any], data: st.DataObject) -> None:
    before = _full_evaluation(case, case["answers"], keep_rows=True)
    changed_ids = data.draw(st.lists(st.sampled_from(QUESTION_IDS), unique=True, max_size=4))
    changes = {qid: data.draw(_value(case["questionnaire"].question(qid))) for qid in changed_ids}
    forced = frozenset(data.draw(st.sets(st.sampled_from(changed_ids)))) if changed_ids else frozenset()
    extra_accepted = frozenset(data.draw(st.sets(st.sampled_from(FLAG_IDS))))
    after = {**case["answers"], **changes}

    rows_by_id = {r.x.id: r for r in before.rows}
    fast = scoring._rescore(before, rows_by_id, after, changes, case["profile"], case["evidence"], AS_OF,
                            case["accepted_flags"], forced, extra_accepted)
    full = _full_evaluation(case, after, forced, extra_accepted)
    assert fast == (full.overall, full.completeness, full.critical_gaps, full.flags)


def _assert_same_as_full_rescoring(case: dict[str, Any]) -> None:
    """The whole result, "what would change the rating" included, is what it was when every
    proposal was checked by scoring the assessment again from scratch and every red-flag rule
    was evaluated again."""
    evaluate_every_rule = scoring._raise_flags

    def rescore_in_full(ev: Any, rows_by_id: Any, values: dict[str, Any], changed: Any, profile: Any,
                        evidence: Any, as_of: Any, accepted: Any, forced: frozenset[str],
                        extra_accepted: frozenset[str], na_accepted: Any = frozenset()) -> tuple[Any, ...]:
        full = _full_evaluation(case, values, forced, extra_accepted)
        return full.overall, full.completeness, full.critical_gaps, full.flags

    def raise_flags_without_reuse(flagged: Any, effective: Any, accepted: Any, extra_accepted: Any,
                                  fired: Any = None, reuse: Any = None) -> Any:
        return evaluate_every_rule(flagged, effective, accepted, extra_accepted, fired)

    fast = _score(case)
    with mock.patch.object(scoring, "_rescore", rescore_in_full), \
            mock.patch.object(scoring, "_raise_flags", raise_flags_without_reuse):
        reference = _score(case)
    assert fast == reference
    assert fast.improvements == reference.improvements and fast.next_rating == reference.next_rating


@SETTINGS
@given(cases())
def test_improvements_are_the_same_as_with_full_rescoring(case: dict[str, Any]) -> None:
    _assert_same_as_full_rescoring(case)


def _flag_cases() -> list[dict[str, Any]]:
    """Every answer at its strongest with current independent evidence, except one question
    with red flags, set to each of its answers in turn: there a red flag often decides the
    rating, and the proposal must clear it (random answers rarely get that far)."""
    out = []
    for questionnaire in QUESTIONNAIRES:
        plan = scoring.compile_questionnaire(questionnaire)
        strongest = {x.id: x.best_value for x in plan.questions if x.best_value is not None}
        evidence = {q.id: [EVIDENCE[0]] for q in questionnaire.iter_questions() if q.evidence}
        for question in questionnaire.iter_questions():
            if not question.red_flags:
                continue
            values: list[Any] = list(question.option_ids) or [10, 70, 120]
            for value, tier in ((v, t) for v in values for t in (1, 4)):
                out.append({"questionnaire": questionnaire, "answers": {**strongest, question.id: value},
                            "evidence": evidence, "accepted_flags": {}, "profile": PROFILES[0], "tier": tier,
                            "category": None, "scope_added": (), "scope_removed": ()})
    return out


def test_improvements_that_clear_a_red_flag_are_the_same_as_with_full_rescoring() -> None:
    cases = _flag_cases()
    assert any(_score(case).improvements and _score(case).improvements[0].kind == "flag" for case in cases)
    for case in cases:
        _assert_same_as_full_rescoring(case)


@SETTINGS
@given(cases())
def test_result_objects_are_complete_dataclass_instances(case: dict[str, Any]) -> None:
    result = _score(case)
    built = [*result.questions, *result.drivers, *result.by_section, *result.by_pillar, *result.by_buyers_guide]
    for obj in built:
        assert set(vars(obj)) == {f.name for f in dataclasses.fields(obj)}
        rebuilt = dataclasses.replace(obj)  # through __init__
        assert rebuilt == obj and hash(rebuilt) == hash(obj) and repr(rebuilt) == repr(obj)


@SETTINGS
@given(cases())
def test_answers_are_shown_as_answers_display_shows_them(case: dict[str, Any]) -> None:
    ev = _full_evaluation(case, case["answers"], keep_rows=True)
    for row in ev.rows:
        expected = answer_text.display(row.x.q, row.value) if row.answered else "unanswered"
        option = row.x.q.option(row.value) if isinstance(row.value, str) else None
        if not row.answered and option is not None and option.not_applicable:
            expected = f"{option.label} (not yet accepted)"  # rule 3: an N/A awaiting a reviewer
        assert scoring._display(row) == expected
