"""The eight scoring rules of docs/scoring.md ("Rules a vendor cannot game"), tested from their
statement, property-style, over the shipped question bank at every tier (1-4) and in every
product category. No test here checks today's numbers; each checks what the rule promises.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from trustframe.domain import answers as answer_values
from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import AnswerType, EvidenceKind, ProductCategory, Question, Severity
from trustframe.domain.scoring import compile_questionnaire, score_answers
from trustframe.domain.scoring_model import Rating, Recommendation, ScoreResult
from trustframe.domain.scoring_profile import ScoringProfile
from trustframe.exchange.questionnaire_files import load_questionnaire

ROOT = Path(__file__).resolve().parents[2]
BANK = load_questionnaire(ROOT / "questionnaires" / "ict-supply-chain-trust.yaml")
PROFILE = ScoringProfile.from_dict(json.loads((ROOT / "resources" / "scoring" / "default.json").read_text()))
AS_OF = date(2026, 6, 1)
TIERS = st.sampled_from([1, 2, 3, 4])
CATEGORIES = st.sampled_from(list(ProductCategory))
RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUESTIONS = list(BANK.iter_questions())
APPROVALS = (Recommendation.APPROVE, Recommendation.APPROVE_WITH_CONDITIONS)


def _fresh(kind: EvidenceKind, n: int = 900) -> Evidence:
    return Evidence(n, 1, f"Current independent {kind.value}", kind, independent=True, issued_on=date(2026, 1, 1),
                    expires_on=date(2028, 1, 1))


def _in_scope(q: Question, tier: int, category: ProductCategory) -> bool:
    return q.applies_to.applies(category, tier)


def _best(tier: int, category: ProductCategory) -> tuple[dict[str, Any], dict[str, list[Evidence]]]:
    """Every in-scope question at its strongest answer, backed by current independent evidence
    of a kind the question asks for: the best an honest vendor can do."""
    plan = compile_questionnaire(BANK)
    answers: dict[str, Any] = {}
    evidence: dict[str, list[Evidence]] = {}
    for x in plan.questions:
        if not _in_scope(x.q, tier, category) or x.best_value is None:
            continue
        answers[x.id] = x.best_value
        if x.q.evidence:
            evidence[x.id] = [_fresh(x.q.evidence[0])]
    return answers, evidence


def _score(answers: dict[str, Any], tier: int, category: ProductCategory,
           evidence: dict[str, list[Evidence]] | None = None, **kw: Any) -> ScoreResult:
    return score_answers(BANK, answers, profile=PROFILE, as_of=AS_OF, tier=tier, category=category,
                         evidence=evidence or {}, **kw)


def _triggers(q: Question, severity: Severity) -> list[tuple[str, str]]:
    """(rule id, option id) pairs: answering the option alone fires the rule."""
    out = []
    for rule in q.red_flags:
        if rule.severity is not severity:
            continue
        for option in q.options:
            if rule.when.evaluate({q.id: option.id}):
                out.append((rule.id, option.id))
    return out


KNOCK_OUTS = [(q.id, rule_id, option_id) for q in QUESTIONS for rule_id, option_id in _triggers(q, Severity.CRITICAL)]
HIGH_FLAGS = [(q.id, rule_id, option_id) for q in QUESTIONS for rule_id, option_id in _triggers(q, Severity.HIGH)]
WITHHOLDING = ("declined", "unknown")
KNOCK_OUT_QUESTIONS = [q for q in QUESTIONS if any(r.severity is Severity.CRITICAL for r in q.red_flags)
                       and any(o.id in WITHHOLDING for o in q.options)]


@st.composite
def other_answers(draw: st.DrawFn, tier: int, category: ProductCategory) -> dict[str, Any]:
    """The best answers with some questions answered anything at all (any option)."""
    answers, _evidence = _best(tier, category)
    for q in QUESTIONS:
        if q.id in answers and q.type.has_options and draw(st.integers(0, 9)) == 0:
            answers[q.id] = draw(st.sampled_from(q.option_ids))
            if q.type is AnswerType.MULTIPLE_CHOICE:
                answers[q.id] = [answers[q.id]]
    return answers


def _shown(question: Question, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with the gate of a follow-up knock-out question opened (VUL-18 is asked only
    after an incident is admitted in VUL-17): declining a question that is not shown is not
    declining anything, so rule 2 is about the question as the vendor sees it."""
    if question.show_if is None:
        return answers
    from trustframe.domain.conditions import Op, iter_tests

    opened = dict(answers)
    for test in iter_tests(question.show_if):
        if test.op is Op.EQUALS:
            opened[test.question] = test.operand
        elif test.op is Op.IN:
            opened[test.question] = list(test.operand)[0]  # type: ignore[call-overload]
    assume(question.show_if.evaluate(opened))
    return opened


# -- Rule 1: knock-outs are knock-outs at every tier -------------------------------------------------------


def test_the_bank_has_knock_outs_outside_some_tiers_scope() -> None:
    """The case the rule is about exists: knock-out questions that tier 4 does not ask."""
    assert any(any(r.severity is Severity.CRITICAL for r in q.red_flags) and q.applies_to.tiers
               and 4 not in q.applies_to.tiers for q in QUESTIONS)


@RULES
@given(TIERS, CATEGORIES, st.sampled_from(KNOCK_OUTS), st.data())
def test_an_open_knock_out_never_leaves_approval(tier: int, category: ProductCategory,
                                                 knock_out: tuple[str, str, str], data: st.DataObject) -> None:
    """Rule 1: an admitted knock-out rates Critical / Reject at every tier and in every category,
    whether or not the tier's scope asks the question."""
    qid, rule_id, option_id = knock_out
    answers = _shown(BANK.question(qid), data.draw(other_answers(tier, category)))
    _a, evidence = _best(tier, category)
    answers[qid] = option_id
    r = _score(answers, tier, category, evidence)
    assert rule_id in {f.flag_id for f in r.open_flags}
    assert r.rating is Rating.CRITICAL and r.recommendation is Recommendation.REJECT
    assert r.recommendation not in APPROVALS
    finding = next(f for f in r.rules if f.rule == "knock_out")
    assert finding.fired and rule_id in finding.flag_ids


# -- Rule 2: declining is never better than the worst honest answer ---------------------------------------


@RULES
@given(TIERS, CATEGORIES, st.sampled_from(KNOCK_OUT_QUESTIONS), st.data())
def test_declining_a_knock_out_question_is_never_better_than_admitting(
        tier: int, category: ProductCategory, question: Question, data: st.DataObject) -> None:
    """Rule 2: a declined (or unknown, or missing) answer to a knock-out question rates no better
    than admitting the knock-out, or blocks approval (Escalate) with the reason shown."""
    assume(_in_scope(question, tier, category))
    answers = _shown(question, data.draw(other_answers(tier, category)))
    _a, evidence = _best(tier, category)
    worst = [option for _rule, option in _triggers(question, Severity.CRITICAL)]
    withheld = data.draw(st.sampled_from([o.id for o in question.options if o.id in WITHHOLDING] + [None]))
    admitted = _score({**answers, question.id: worst[0]}, tier, category, evidence)
    declined_answers = {**answers, question.id: withheld}
    if withheld is None:
        del declined_answers[question.id]
    declined = _score(declined_answers, tier, category, evidence)
    if declined.rating.rank < admitted.rating.rank:
        assert declined.recommendation in (Recommendation.ESCALATE, Recommendation.REJECT)
        assert any(question.id in reason for reason in declined.rating_reasons)
        finding = next(f for f in declined.rules if f.rule == "withheld_knock_out")
        assert finding.fired and question.id in finding.question_ids
    assert declined.recommendation not in APPROVALS


@RULES
@given(TIERS, CATEGORIES, st.data())
def test_declining_several_knock_out_questions_is_not_better_than_declining_one(
        tier: int, category: ProductCategory, data: st.DataObject) -> None:
    in_scope = [q for q in KNOCK_OUT_QUESTIONS if _in_scope(q, tier, category)]
    several = data.draw(st.lists(st.sampled_from(in_scope), min_size=2, unique_by=lambda q: q.id))
    answers, evidence = _best(tier, category)
    one = _score({**answers, several[0].id: "declined"}, tier, category, evidence)
    many = _score({**answers, **{q.id: "declined" for q in several}}, tier, category, evidence)
    assert many.rating.rank >= one.rating.rank
    assert (many.overall or 0) <= (one.overall or 0)


# -- Rule 3: not applicable needs a reason and a reviewer ------------------------------------------------

NA_QUESTIONS = [q for q in QUESTIONS if any(o.not_applicable for o in q.options)]


def _na(q: Question) -> str:
    return next(o.id for o in q.options if o.not_applicable)


@RULES
@given(TIERS, CATEGORIES, st.data())
def test_not_applicable_counts_only_once_accepted(tier: int, category: ProductCategory, data: st.DataObject) -> None:
    """Rule 3: an N/A answer is a gap until a reviewer accepts it; accepted, it leaves the score."""
    in_scope = [q for q in NA_QUESTIONS if _in_scope(q, tier, category) and q.show_if is None]
    chosen = data.draw(st.lists(st.sampled_from(in_scope), min_size=1, max_size=5, unique_by=lambda q: q.id))
    answers, evidence = _best(tier, category)
    answers.update({q.id: _na(q) for q in chosen})
    pending = _score(answers, tier, category, evidence)
    accepted = _score(answers, tier, category, evidence, na_accepted={q.id for q in chosen})
    for q in chosen:
        if q.required:
            assert q.id in pending.gaps
        assert q.id not in accepted.gaps
    assert pending.completeness < accepted.completeness or not any(q.required for q in chosen)
    finding = next(f for f in pending.rules if f.rule == "not_applicable")
    assert finding.fired and set(finding.question_ids) == {q.id for q in chosen}


@RULES
@given(TIERS, CATEGORIES, st.floats(min_value=0.0, max_value=1.0))
@example(1, ProductCategory.SOFTWARE, 1.0)
@example(4, ProductCategory.CLOUD_SERVICE, 1.0)
def test_a_mostly_not_applicable_questionnaire_cannot_reach_approve(tier: int, category: ProductCategory,
                                                                   share: float) -> None:
    """Rule 3: more than ``not_applicable.max_share_for_approve`` (half) of the scored questions
    answered N/A, even accepted, never gives "Approve"."""
    answers, evidence = _best(tier, category)
    scored = [q for q in QUESTIONS if q.id in answers and q.is_scored]
    candidates = [q for q in scored if q in NA_QUESTIONS and q.show_if is None]
    chosen = candidates[:int(share * len(candidates))]
    answers.update({q.id: _na(q) for q in chosen})
    r = _score(answers, tier, category, evidence, na_accepted={q.id for q in chosen})
    shown_scored = [q for q in r.questions if q.weight > 0]
    na_shown = [q for q in shown_scored if q.not_applicable]
    if len(na_shown) / len(shown_scored) > PROFILE.na_max_share:
        assert r.recommendation is not Recommendation.APPROVE and r.rating is not Rating.LOW
        assert any("not applicable" in c for c in r.conditions)
        assert next(f for f in r.rules if f.rule == "not_applicable").effect is PROFILE.best_rating_when_mostly_na
    elif not na_shown:
        assert r.rating is Rating.LOW  # the best honest answers everywhere: nothing holds it back


# -- Rule 4: flags accumulate ----------------------------------------------------------------------------


@RULES
@given(TIERS, CATEGORIES, st.data())
def test_many_open_high_flags_escalate_whatever_the_score(tier: int, category: ProductCategory,
                                                          data: st.DataObject) -> None:
    """Rule 4: at tiers 1-2, three or more open high flags rate at least High (Escalate); at tiers
    3-4, five or more do."""
    in_scope = [h for h in HIGH_FLAGS if _in_scope(BANK.question(h[0]), tier, category)]
    by_question = {h[0]: h for h in in_scope}
    picked = data.draw(st.lists(st.sampled_from(sorted(by_question)), min_size=1, max_size=7, unique=True))
    answers, evidence = _best(tier, category)
    answers.update({qid: by_question[qid][2] for qid in picked})
    r = _score(answers, tier, category, evidence)
    high = [f for f in r.open_flags if f.severity is Severity.HIGH]
    needed = 3 if tier in (1, 2) else 5
    if len(high) >= needed:
        assert r.rating.rank >= Rating.HIGH.rank
        assert r.recommendation in (Recommendation.ESCALATE, Recommendation.REJECT)
        assert next(f for f in r.rules if f.rule == "flag_accumulation").fired
    elif high:
        assert r.rating.rank >= Rating.MODERATE.rank  # one high flag alone: at least moderate


# -- Rule 5: evidence must fit the question ----------------------------------------------------------------

EVIDENCE_QUESTIONS = [q for q in QUESTIONS if q.evidence and q.is_scored]


@RULES
@given(TIERS, CATEGORIES, st.sampled_from(list(EvidenceKind)))
def test_one_document_linked_everywhere_lifts_only_the_answers_that_ask_for_its_kind(
        tier: int, category: ProductCategory, kind: EvidenceKind) -> None:
    answers, _evidence = _best(tier, category)
    document = _fresh(kind, 1)
    everywhere = {qid: [document] for qid in answers}
    r = _score(answers, tier, category, everywhere)
    for q in r.questions:
        question = BANK.question(q.question_id)
        if not question.evidence or not q.answered or not q.raw_score:
            continue
        if kind in question.evidence:
            assert q.evidence_factor == PROFILE.evidence.independent_current
        else:
            assert q.evidence_factor == PROFILE.evidence.none
    lifted = [q for q in r.questions if q.answered and q.raw_score and BANK.question(q.question_id).evidence
              and q.evidence_factor == 1.0]
    asking = [q for q in r.questions if q.answered and q.raw_score and BANK.question(q.question_id).evidence]
    assert len(lifted) < len(asking)


@RULES
@given(TIERS, CATEGORIES, st.sampled_from(EVIDENCE_QUESTIONS), st.booleans(), st.booleans())
def test_lapsed_or_future_evidence_never_counts(tier: int, category: ProductCategory, question: Question,
                                                future: bool, independent: bool) -> None:
    assume(_in_scope(question, tier, category))
    answers, _evidence = _best(tier, category)
    kind = question.evidence[0]
    lapsed = (Evidence(5, 1, "Not yet valid", kind, independent=independent, issued_on=date(2027, 1, 1))
              if future else
              Evidence(5, 1, "Lapsed", kind, independent=independent, expires_on=date(2026, 1, 1)))
    with_lapsed = _score(answers, tier, category, {question.id: [lapsed]})
    without = _score(answers, tier, category, {})
    factor = {q.question_id: q.evidence_factor for q in with_lapsed.questions}
    factor_none = {q.question_id: q.evidence_factor for q in without.questions}
    assert factor.get(question.id) == factor_none.get(question.id)
    # even when a profile values lapsed evidence above none, it still counts as none
    generous = ScoringProfile.from_dict({**PROFILE.data, "evidence": {**PROFILE.data["evidence"], "expired": 0.9}})
    g = score_answers(BANK, answers, profile=generous, as_of=AS_OF, tier=tier, category=category,
                      evidence={question.id: [lapsed]})
    g_factor = {q.question_id: q.evidence_factor for q in g.questions}.get(question.id)
    assert g_factor in (None, generous.evidence.none, 1.0)
    if g_factor is not None and factor.get(question.id) is not None and factor[question.id] < 1.0:
        assert g_factor == generous.evidence.none


# -- Rule 6: inputs are bounded ----------------------------------------------------------------------------

NUMBER_QUESTIONS = [q for q in QUESTIONS if q.type is AnswerType.NUMBER]
MULTI_QUESTIONS = [q for q in QUESTIONS if q.type is AnswerType.MULTIPLE_CHOICE]


def test_every_number_question_declares_a_range_from_zero() -> None:
    assert NUMBER_QUESTIONS
    for q in NUMBER_QUESTIONS:
        assert q.min_value is not None and q.min_value >= 0 and q.max_value is not None, q.id
        assert q.max_value > q.min_value


def test_none_declined_and_unknown_options_of_multiple_choice_are_exclusive() -> None:
    for q in MULTI_QUESTIONS:
        for option in q.options:
            if option.id in ("none", "declined", "unknown"):
                assert option.exclusive, f"{q.id}: {option.id}"


@RULES
@given(st.sampled_from(NUMBER_QUESTIONS), st.floats(allow_nan=False, allow_infinity=False, width=32))
def test_numbers_outside_the_declared_range_are_refused(question: Question, value: float) -> None:
    inside = question.min_value <= value <= question.max_value  # type: ignore[operator]
    if inside:
        assert answer_values.normalise(question, value) == pytest.approx(value)
    else:
        with pytest.raises(answer_values.AnswerValueError, match=f"{question.id}.*out of range"):
            answer_values.normalise(question, value)
        with pytest.raises(answer_values.AnswerValueError, match="out of range"):
            answer_values.parse_text(question, repr(value))


@RULES
@given(st.sampled_from(MULTI_QUESTIONS), st.data())
def test_an_exclusive_option_with_others_is_refused(question: Question, data: st.DataObject) -> None:
    exclusive = [o.id for o in question.options if getattr(o, "exclusive", o.id in ("none", "declined"))]
    assume(exclusive)
    first = data.draw(st.sampled_from(exclusive))
    others = data.draw(st.lists(st.sampled_from([o for o in question.option_ids if o != first]), min_size=1,
                                unique=True))
    with pytest.raises(answer_values.AnswerValueError, match="cannot be combined"):
        answer_values.normalise(question, [first, *others])
    assert answer_values.normalise(question, [first]) == [first]


@RULES
@given(TIERS, CATEGORIES, st.sampled_from(MULTI_QUESTIONS), st.data())
def test_a_stored_exclusive_combination_scores_no_better_than_the_option_alone(
        tier: int, category: ProductCategory, question: Question, data: st.DataObject) -> None:
    """A value written before the check existed (or by hand) cannot game the score either."""
    assume(_in_scope(question, tier, category) and any(o.exclusive for o in question.options))
    answers, evidence = _best(tier, category)
    exclusive = next(o.id for o in question.options if o.exclusive)
    scored = max((o for o in question.options if o.score), key=lambda o: o.score or 0.0)
    combined = _score({**answers, question.id: [scored.id, exclusive]}, tier, category, evidence)
    q = next((s for s in combined.questions if s.question_id == question.id), None)
    if q is not None:  # shown
        assert not q.answered
        assert question.id in next(f for f in combined.rules if f.rule == "input_bounds").question_ids


# -- Rule 7: the recommendation agrees with itself ---------------------------------------------------------


@st.composite
def middling(draw: st.DrawFn, tier: int, category: ProductCategory) -> dict[str, Any]:
    """Best answers with a few questions at a middle option: a score between the thresholds."""
    answers, _evidence = _best(tier, category)
    for q in QUESTIONS:
        if q.id in answers and q.type is AnswerType.SINGLE_CHOICE and draw(st.integers(0, 3)) == 0:
            middle = [o.id for o in q.options if o.score is not None and 0 < o.score < 1]
            if middle:
                answers[q.id] = draw(st.sampled_from(middle))
    return answers


@RULES
@given(TIERS, CATEGORIES, st.data())
def test_approve_with_conditions_always_names_a_condition(tier: int, category: ProductCategory,
                                                          data: st.DataObject) -> None:
    answers = data.draw(middling(tier, category))
    _a, evidence = _best(tier, category)
    for detail in (True, False):
        r = _score(answers, tier, category, evidence, detail=detail)
        if r.recommendation is Recommendation.APPROVE_WITH_CONDITIONS:
            assert len(r.conditions) >= 1
        if r.recommendation is Recommendation.APPROVE:
            assert not r.conditions


def test_json_reasons_name_every_rule() -> None:
    answers, evidence = _best(1, ProductCategory.SOFTWARE)
    r = _score(answers, 1, ProductCategory.SOFTWARE, evidence)
    assert {f.rule for f in r.rules} >= {"score_threshold", "completeness", "knock_out", "withheld_knock_out",
                                         "not_applicable", "flag_floor", "flag_accumulation", "evidence_fit",
                                         "input_bounds", "conditions"}
    assert r.profile_version == PROFILE.version and PROFILE.version in r.profile_id
