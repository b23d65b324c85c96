"""Scoring engine: small hand-computed cases, the worked example of docs/scoring.md, flags,
evidence, completeness, explanation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from trustframe.domain.assessment import FlagAcceptance
from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind, ProductCategory, Question, Questionnaire, QuestionnaireKind
from trustframe.domain.scoring import score_answers
from trustframe.domain.scoring_codec import result_from_dict, result_to_dict
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.domain.scoring_profile import ScoringProfile, ScoringProfileError, merge_profile_data
from trustframe.exchange.questionnaire_files import load_questionnaire

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "sample-questionnaire.yaml"
DEFAULT_PROFILE = ROOT / "resources" / "scoring" / "default.json"


@pytest.fixture(scope="module")
def sample() -> Questionnaire:
    return load_questionnaire(SAMPLE)


@pytest.fixture(scope="module")
def profile() -> ScoringProfile:
    return ScoringProfile.from_dict(json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8")))


ISO_CERT = Evidence(1, 1, "ISO/IEC 27001 certificate", EvidenceKind.CERTIFICATE, issuer="BSI", independent=True,
                    issued_on=date(2024, 3, 1), expires_on=date(2027, 2, 28))
POLICY = Evidence(2, 1, "Product security policy", EvidenceKind.POLICY, issuer="Acme", independent=False,
                  issued_on=date(2024, 1, 10))
# A policy reviewed by an independent auditor: VUL-01 asks for a policy (rule 5: kinds must fit).
AUDITED_POLICY = Evidence(4, 1, "Vulnerability policy, audited", EvidenceKind.POLICY, issuer="Auditor",
                          independent=True, issued_on=date(2024, 3, 1), expires_on=date(2027, 2, 28))

WORKED_ANSWERS = {"GOV-01": "documented", "GOV-02": ["iso27001", "soc2"], "VUL-01": "yes", "VUL-02": 20}
WORKED_EVIDENCE = {"GOV-01": [POLICY], "GOV-02": [ISO_CERT]}


def _worked(sample: Questionnaire, profile: ScoringProfile, as_of: date = date(2025, 6, 30)):
    return score_answers(sample, WORKED_ANSWERS, profile=profile, as_of=as_of, category=ProductCategory.SOFTWARE,
                         tier=2, evidence=WORKED_EVIDENCE, assessment_id=7)


def test_worked_example_of_the_documentation(sample: Questionnaire, profile: ScoringProfile) -> None:
    """docs/scoring.md, "A worked example": every number there is asserted here."""
    r = _worked(sample, profile)
    q = {s.question_id: s for s in r.questions}
    assert q["GOV-01"].weight == 2 and q["GOV-01"].raw_score == 0.75 and q["GOV-01"].evidence_factor == 0.85
    assert q["GOV-01"].score == pytest.approx(0.6375)
    assert q["GOV-02"].raw_score == 1.0 and q["GOV-02"].evidence_factor == 1.0      # 0.6 + 0.5 capped at 1
    assert q["VUL-01"].weight == 4 and q["VUL-01"].evidence_factor == 0.6            # vendor's word only
    assert q["VUL-02"].raw_score == 0.6 and q["VUL-02"].evidence_factor == 1.0       # asks for no evidence
    assert "HW-01" not in q                                                          # hardware only
    assert q["GOV-03"].weight == 0 and q["VUL-03"].weight == 0                       # text/date: unscored
    assert r.overall == 65.28                                                        # 5.875 / 9
    assert {g.key: g.score for g in r.by_section} == {"GOV": 75.83, "VUL": 60.0, "HW": None}
    assert {g.key: g.score for g in r.by_pillar} == {"assurance": 65.71, "transparency": 60.0,
                                                     "accountability": 63.75}
    assert {g.key: g.score for g in r.by_buyers_guide} == {"governance": 75.83, "verification": None,
                                                           "delivery": None, "response": 60.0}
    assert r.completeness == 1.0 and r.gaps == ()
    assert r.rating is Rating.HIGH and r.recommendation is Recommendation.ESCALATE
    assert [(d.question_id, d.points_lost) for d in r.drivers] == [("VUL-01", 17.78), ("VUL-02", 8.89),
                                                                   ("GOV-01", 8.06)]
    assert [(i.question_id, i.kind, i.gain) for i in r.improvements] == [("VUL-01", "evidence", 17.78)]
    assert r.next_rating is Rating.MODERATE
    assert r.valid_until == date(2027, 3, 1)
    # A year and a half later the ISO certificate has lapsed: GOV-02 drops to 0.6.
    later = _worked(sample, profile, as_of=date(2027, 3, 1))
    assert later.overall == 60.83
    assert any("expired 2027-02-28" in c for c in later.conditions)
    assert "Obtain a current 'ISO/IEC 27001 certificate' (expired 2027-02-28); it supports the answer to " \
           "GOV-02" in later.conditions


def test_not_applicable_leaves_the_denominator(sample: Questionnaire, profile: ScoringProfile) -> None:
    base = score_answers(sample, {"GOV-01": "verified", "VUL-01": "no"}, profile=profile, as_of=date(2025, 1, 1),
                         category=ProductCategory.SOFTWARE, tier=3)
    na = score_answers(sample, {"GOV-01": "na", "VUL-01": "no"}, profile=profile, as_of=date(2025, 1, 1),
                       category=ProductCategory.SOFTWARE, tier=3, na_accepted={"GOV-01"})
    assert base.overall == round(100 * 2 * 0.6 / 6, 2)   # GOV-01 verified but no evidence: 0.6
    assert na.overall == 0.0                              # only VUL-01 (0) counts
    gov = next(g for g in na.by_section if g.key == "GOV")
    assert gov.score is None and gov.applicable == 1      # GOV-02 is the remaining gap
    # Not accepted by a reviewer, the N/A answer is a gap (rule 3).
    pending = score_answers(sample, {"GOV-01": "na", "VUL-01": "no"}, profile=profile, as_of=date(2025, 1, 1),
                            category=ProductCategory.SOFTWARE, tier=3)
    assert "GOV-01" in pending.gaps and next(g for g in pending.by_section if g.key == "GOV").applicable == 2


def test_unanswered_questions_are_gaps_not_zeros(sample: Questionnaire, profile: ScoringProfile) -> None:
    r = score_answers(sample, {"VUL-01": "yes"}, profile=profile, as_of=date(2025, 1, 1),
                      category=ProductCategory.SOFTWARE, tier=4, evidence={"VUL-01": [AUDITED_POLICY]})
    assert r.overall == 100.0
    assert set(r.gaps) == {"GOV-01", "GOV-02", "VUL-02"}
    assert r.completeness == 0.25
    assert r.rating is Rating.HIGH                      # incomplete: no better than High
    assert any("Incomplete" in reason for reason in r.rating_reasons)
    assert {i.kind for i in r.improvements} == {"gap"}


def test_open_critical_flag_caps_the_rating_and_acceptance_lifts_it(sample: Questionnaire,
                                                                    profile: ScoringProfile) -> None:
    answers = {"GOV-01": "verified", "GOV-02": ["iso27001", "soc2"], "VUL-01": "no"}
    evidence = {"GOV-01": [ISO_CERT], "GOV-02": [ISO_CERT]}
    r = score_answers(sample, answers, profile=profile, as_of=date(2025, 1, 1), category=ProductCategory.SOFTWARE,
                      tier=4, evidence=evidence)
    assert [f.flag_id for f in r.critical_flags] == ["RF-VUL-01"]
    assert r.rating is Rating.CRITICAL and r.recommendation is Recommendation.REJECT
    assert r.improvements[0].kind == "flag" and r.improvements[0].flag_id == "RF-VUL-01"
    accepted = score_answers(sample, answers, profile=profile, as_of=date(2025, 1, 1),
                             category=ProductCategory.SOFTWARE, tier=4, evidence=evidence,
                             accepted_flags={"RF-VUL-01": FlagAcceptance("RF-VUL-01", "policy due in 30 days", "rev")})
    assert accepted.flags[0].accepted and accepted.critical_flags == ()
    assert accepted.rating is not Rating.CRITICAL
    assert not any(c.startswith("VUL-01 – ") for c in accepted.conditions)


def test_high_flag_floors_at_moderate_and_medium_flag_adds_a_condition(sample: Questionnaire,
                                                                       profile: ScoringProfile) -> None:
    answers = {"GOV-01": "no", "GOV-02": ["iso27001", "soc2"], "VUL-01": "yes", "VUL-02": 120}
    r = score_answers(sample, answers, profile=profile, as_of=date(2025, 1, 1), category=ProductCategory.SOFTWARE,
                      tier=4, evidence={"GOV-02": [ISO_CERT], "VUL-01": [ISO_CERT]})
    assert {f.flag_id for f in r.open_flags} == {"RF-GOV-01", "RF-VUL-02"}
    assert r.rating.rank >= Rating.MODERATE.rank
    assert any(c.startswith("VUL-02 – Slow fixes") for c in r.conditions)


def test_hidden_questions_do_not_count(sample: Questionnaire, profile: ScoringProfile) -> None:
    # VUL-02 is shown only when VUL-01 is yes/partial: its answer is ignored when VUL-01 is "no".
    r = score_answers(sample, {"VUL-01": "no", "VUL-02": 5}, profile=profile, as_of=date(2025, 1, 1),
                      category=ProductCategory.SOFTWARE, tier=3)
    assert "VUL-02" not in {q.question_id for q in r.questions}
    assert "VUL-02" not in r.gaps


def test_scope_removal_and_addition(sample: Questionnaire, profile: ScoringProfile) -> None:
    r = score_answers(sample, {"HW-01": "verified"}, profile=profile, as_of=date(2025, 1, 1),
                      category=ProductCategory.SOFTWARE, tier=3, scope_added=("HW-01",), scope_removed=("GOV-02",))
    ids = {q.question_id for q in r.questions}
    assert "HW-01" in ids and "GOV-02" not in ids


def test_evidence_strength_order(sample: Questionnaire, profile: ScoringProfile) -> None:
    def score_with(items: list[Evidence]) -> float:
        r = score_answers(sample, {"VUL-01": "yes"}, profile=profile, as_of=date(2026, 1, 1),
                          category=ProductCategory.SOFTWARE, tier=3, evidence={"VUL-01": items})
        return next(q.evidence_factor for q in r.questions if q.question_id == "VUL-01")

    expired = Evidence(3, 1, "Old report", EvidenceKind.POLICY, independent=True, expires_on=date(2025, 1, 1))
    assert score_with([AUDITED_POLICY]) == 1.0
    assert score_with([ISO_CERT]) == 0.6                   # a certificate is not a kind VUL-01 asks for
    assert score_with([POLICY]) == 0.85
    assert score_with([expired]) == 0.6
    assert score_with([]) == 0.6
    assert score_with([expired, POLICY]) == 0.85          # the best support wins


def test_negative_answers_ignore_evidence(sample: Questionnaire, profile: ScoringProfile) -> None:
    r = score_answers(sample, {"VUL-01": "no"}, profile=profile, as_of=date(2026, 1, 1), tier=3)
    assert next(q for q in r.questions if q.question_id == "VUL-01").evidence_factor == 1.0


def test_tier_thresholds_make_tier_1_stricter(sample: Questionnaire, profile: ScoringProfile) -> None:
    answers = {"GOV-01": "verified", "GOV-02": ["iso27001", "soc2"], "VUL-01": "yes", "VUL-02": 40}  # 84.44
    ev = {"GOV-01": [ISO_CERT], "GOV-02": [ISO_CERT], "VUL-01": [ISO_CERT]}
    ratings = [score_answers(sample, answers, profile=profile, as_of=date(2025, 1, 1), tier=t, evidence=ev,
                             category=ProductCategory.SOFTWARE).rating for t in (1, 2, 3, 4)]
    assert [r.rank for r in ratings] == sorted((r.rank for r in ratings), reverse=True)
    assert ratings[0] is not ratings[3]


def test_unknown_tier_uses_tier_1_thresholds(sample: Questionnaire, profile: ScoringProfile) -> None:
    r = score_answers(sample, WORKED_ANSWERS, profile=profile, as_of=date(2025, 6, 30), tier=None,
                      category=ProductCategory.SOFTWARE, evidence=WORKED_EVIDENCE)
    assert any("not known" in reason for reason in r.rating_reasons)


def test_codec_round_trip(sample: Questionnaire, profile: ScoringProfile) -> None:
    r = _worked(sample, profile)
    assert result_from_dict(json.loads(json.dumps(result_to_dict(r)))) == r
    compact = result_from_dict(result_to_dict(r, compact=True))
    assert compact.overall == r.overall and compact.questions == ()


def test_profile_override_and_validation(profile: ScoringProfile) -> None:
    base = json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8"))
    merged = merge_profile_data(base, {"importance_weights": {"critical": 8}})
    custom = ScoringProfile.from_dict(merged)
    assert custom.importance_weights[next(iter(custom.importance_weights))] == 8
    assert custom.fingerprint != profile.fingerprint
    with pytest.raises(ScoringProfileError, match="flag_floors.critical"):
        ScoringProfile.from_dict(merge_profile_data(base, {"flag_floors": {"critical": "high"}}))
    with pytest.raises(ScoringProfileError, match="rating_thresholds.2"):
        ScoringProfile.from_dict(merge_profile_data(base, {"rating_thresholds": {"2": {"low": 10}}}))
    with pytest.raises(ScoringProfileError, match="importance_weights.low"):
        ScoringProfile.from_dict(merge_profile_data(base, {"importance_weights": {"low": 0}}))


SOC2_EXPIRED = Evidence(5, 1, "SOC 2 Type II report", EvidenceKind.AUDIT_REPORT, issuer="Auditor", independent=True,
                        issued_on=date(2023, 1, 1), expires_on=date(2024, 10, 19))
# The same lapsed report filed as a policy document, so that it fits GOV-01 and VUL-01 (which ask
# for a policy) and is ignored on GOV-02 (certificate or audit report): one condition either way.
SOC2_POLICY_EXPIRED = Evidence(5, 1, "SOC 2 Type II report", EvidenceKind.POLICY, issuer="Auditor", independent=True,
                               issued_on=date(2023, 1, 1), expires_on=date(2024, 10, 19))


def test_one_lapsed_report_is_one_condition_naming_the_answers_it_supports(sample: Questionnaire,
                                                                           profile: ScoringProfile) -> None:
    answers = {"GOV-01": "verified", "GOV-02": ["iso27001", "soc2"], "VUL-01": "yes", "VUL-02": 120}
    evidence = {"GOV-01": [SOC2_POLICY_EXPIRED], "GOV-02": [SOC2_POLICY_EXPIRED], "VUL-01": [SOC2_POLICY_EXPIRED]}
    r = score_answers(sample, answers, profile=profile, as_of=date(2025, 1, 1), category=ProductCategory.SOFTWARE,
                      tier=4, evidence=evidence)
    about_evidence = [c for c in r.conditions if "SOC 2 Type II report" in c]
    assert about_evidence == ["Obtain a current 'SOC 2 Type II report' (expired 2024-10-19); it supports "
                              "2 answers: GOV-01, VUL-01"]
    # flag mitigations (worst first) come before the evidence
    assert r.conditions[0].startswith("VUL-02 – Slow fixes") and r.conditions[-1] == about_evidence[0]


def test_evidence_condition_lists_a_few_answers_then_a_count() -> None:
    from trustframe.domain.questionnaire import AnswerType, Importance, Option, Section

    questions = [Question(id=f"Q-{n:02d}", section_id="S", text=f"Control {n}?", type=AnswerType.SINGLE_CHOICE,
                          options=(Option("yes", "Yes", 1.0), Option("no", "No", 0.0)),
                          importance=Importance.STANDARD, evidence=(EvidenceKind.AUDIT_REPORT,))
                 for n in range(1, 26)]
    questionnaire = Questionnaire(id="many", version="1", title="Many", kind=QuestionnaireKind.ASSESSMENT,
                                  sections=(Section(id="S", title="S", questions=tuple(questions)),))
    profile = ScoringProfile.from_dict(json.loads(DEFAULT_PROFILE.read_text(encoding="utf-8")))
    cert = Evidence(8, 1, "ISO certificate", EvidenceKind.AUDIT_REPORT, independent=True,
                    issued_on=date(2026, 1, 1), expires_on=date(2028, 1, 1))
    evidence = {q.id: [SOC2_EXPIRED] for q in questions}
    evidence["Q-25"] = [cert]  # not valid yet on the scoring date: a condition of its own
    r = score_answers(questionnaire, {q.id: "yes" for q in questions}, profile=profile, as_of=date(2025, 1, 1),
                      evidence=evidence)
    assert r.conditions == (
        "Obtain a current 'SOC 2 Type II report' (expired 2024-10-19); it supports 24 answers: "
        "Q-01, Q-02, Q-03, Q-04, Q-05, Q-06 and 18 more",
        "Obtain a current 'ISO certificate' (not valid before 2026-01-01); it supports the answer to Q-25",
    )
