"""Shape tests over the bundled question bank and criticality profile.

These check the content rules the bank is written to (see docs/questionnaires.md), not the
loader itself: every question traced, referenced and guided; red flags with mitigations;
graded options ordered strongest first; and category/tier scoping that gives a short core set
for low-risk purchases and the whole bank for critical ones.
"""

from __future__ import annotations

import pytest
import yaml

from trustframe import paths
from trustframe.domain.questionnaire import (
    Importance,
    ProductCategory,
    Question,
    Questionnaire,
    QuestionnaireKind,
)
from trustframe.exchange.questionnaire_files import check_questionnaire_file, load_questionnaire

BANK_FILE = "ict-supply-chain-trust.yaml"
PROFILE_FILE = "criticality-profile.yaml"

#: The 13 domains, in order: part 1 (D1-D6) then part 2 (D7-D13).
DOMAINS = ("GOV", "OWN", "SDL", "SBD", "SCI", "TRN", "ASR", "VUL", "OPS", "SVC", "GAC", "CON", "RES")

REQUIRED_SOURCES = {
    "ewi-bg-2016", "ewi-wt-2020", "iso-27036-3", "iso-20243", "nist-800-161r1", "nist-800-53r5",
    "nist-ssdf", "iso-29147", "iso-30111", "iso-27001", "cisa-scrm-template",
    "cisa-secure-by-demand", "acsc-secure-verifiable", "common-criteria", "us-chamber-2024",
}

#: The shared option sets both parts of the bank use: id -> [(option id, score or None for N/A)].
SHARED_OPTION_SETS = {
    "evidence_graded": [("verified", 1.0), ("documented", 0.75), ("partial", 0.4), ("planned", 0.15),
                        ("no", 0.0), ("declined", 0.0), ("na", None)],
    "yes_no_graded": [("yes", 1.0), ("partial", 0.5), ("no", 0.0), ("declined", 0.0), ("na", None)],
    "commitment": [("accept", 1.0), ("accept_modified", 0.6), ("no", 0.0), ("declined", 0.0)],
}

TIERS = (4, 3, 2, 1)


@pytest.fixture(scope="module")
def bank_path():
    return paths.questionnaires_dir() / BANK_FILE


@pytest.fixture(scope="module")
def bank(bank_path) -> Questionnaire:
    return load_questionnaire(bank_path)


@pytest.fixture(scope="module")
def profile() -> Questionnaire:
    return load_questionnaire(paths.questionnaires_dir() / PROFILE_FILE)


def _applicable(q: Questionnaire, category: ProductCategory, tier: int) -> set[str]:
    return {x.id for x in q.iter_questions() if x.applies_to.applies(category, tier)}


def _scores_in_order(question: Question) -> list[float]:
    return [o.score for o in question.options if not o.not_applicable and o.score is not None]


# ---------------------------------------------------------------------------------------------
# The bank as a whole


def test_bank_validates_without_issues(bank_path):
    questionnaire, issues = check_questionnaire_file(bank_path)
    assert issues == [], "\n".join(str(i) for i in issues)
    assert questionnaire is not None
    assert questionnaire.kind is QuestionnaireKind.ASSESSMENT
    assert questionnaire.id == "ict-supply-chain-trust"


def test_bank_size(bank):
    assert 150 <= bank.question_count <= 220, bank.question_count


def test_all_thirteen_domains_present_in_order(bank):
    assert tuple(s.id for s in bank.sections) == DOMAINS
    for section in bank.sections:
        assert section.questions, f"section {section.id} has no questions"
        assert section.title.strip()


def test_question_ids_carry_their_section_prefix(bank):
    for section in bank.sections:
        for q in section.questions:
            assert q.id.startswith(section.id + "-"), f"{q.id} is in section {section.id}"


def test_disclaimer_states_derivation(bank):
    text = bank.disclaimer.lower()
    assert "derived from the themes" in text
    assert "not available" in text


def test_required_sources_listed_with_confidence(bank):
    ids = {s.id for s in bank.sources}
    assert REQUIRED_SOURCES <= ids, sorted(REQUIRED_SOURCES - ids)
    for source in bank.sources:
        assert source.confidence in {"found", "partial", "known", "inferred"}, source.id


def test_shared_option_sets_are_exactly_as_agreed(bank_path):
    raw = yaml.safe_load(bank_path.read_text(encoding="utf-8"))
    option_sets = raw.get("option_sets") or {}
    for name, expected in SHARED_OPTION_SETS.items():
        assert name in option_sets, name
        actual = [(o["id"], None if o.get("not_applicable") else o.get("score")) for o in option_sets[name]]
        assert actual == expected, name


# ---------------------------------------------------------------------------------------------
# Every question


def test_every_question_has_guidance_and_help(bank):
    for q in bank.iter_questions():
        assert q.text.strip(), q.id
        assert q.guidance.why, f"{q.id} has no guidance.why"
        assert q.guidance.good_evidence or q.guidance.weak_answer, f"{q.id} has no evidence guidance"
        assert q.help, f"{q.id} has no help for the vendor"


def test_every_question_has_a_reference(bank):
    for q in bank.iter_questions():
        assert q.references, f"{q.id} has no reference"
        assert all(r.standard.strip() for r in q.references), q.id


def test_every_question_is_traced_through_both_lenses(bank):
    for q in bank.iter_questions():
        assert q.trace.buyers_guide, f"{q.id} has no Buyers Guide trace"
        assert q.trace.pillar, f"{q.id} has no framework pillar"
        assert q.trace.actor, f"{q.id} has no actor"
        assert q.trace.sources, f"{q.id} names no source"


def test_unscored_questions_are_few_and_descriptive(bank):
    """Scored questions carry the assessment; a handful of free-text/date questions collect
    context (data locations, incident narrative, test dates) and never count as scored gaps."""
    unscored = [q for q in bank.iter_questions() if not q.is_scored]
    assert len(unscored) <= 10
    for q in unscored:
        assert q.type.value in ("text", "date"), f"{q.id} is a {q.type.value} question without scores"
        assert q.importance in (Importance.STANDARD, Importance.LOW), f"{q.id} is unscored but {q.importance.value}"
        assert not q.red_flags, f"{q.id} cannot raise a flag without a scored answer"


def test_critical_and_high_questions_have_red_flags_or_reason(bank):
    for q in bank.iter_questions():
        if q.importance in (Importance.CRITICAL, Importance.HIGH):
            assert q.red_flags or q.no_red_flag_reason, (
                f"{q.id} is {q.importance.value} but has no red flag and no no_red_flag_reason")


def test_every_red_flag_has_rationale_and_mitigation(bank):
    flags = [rf for q in bank.iter_questions() for rf in q.red_flags]
    assert flags
    for rf in flags:
        assert rf.title.strip(), rf.id
        assert rf.rationale.strip(), rf.id
        assert rf.mitigation.strip(), rf.id


def test_critical_red_flags_are_few(bank):
    """Knock-outs are reserved for disqualifying answers, not used as a general alarm."""
    critical = [rf.id for q in bank.iter_questions() for rf in q.red_flags if rf.severity.rank == 0]
    assert 1 <= len(critical) <= 15, critical


def test_option_scores_do_not_increase_in_listed_order(bank):
    for q in bank.iter_questions():
        scores = _scores_in_order(q)
        assert scores == sorted(scores, reverse=True), f"{q.id}: options not strongest first: {scores}"


def test_choice_questions_offer_a_declined_or_negative_answer(bank):
    """A vendor must always be able to answer honestly, including 'no' or 'declined'."""
    for q in bank.iter_questions():
        if q.type.has_options and q.type.value != "multiple_choice":
            scores = _scores_in_order(q)
            assert scores and min(scores) == 0.0, f"{q.id} has no zero-score option"


# ---------------------------------------------------------------------------------------------
# Scoping by category and tier


@pytest.mark.parametrize("category", list(ProductCategory), ids=lambda c: c.value)
def test_tier4_core_set_size(bank, category):
    count = len(_applicable(bank, category, 4))
    assert 30 <= count <= 45, f"{category.value}: {count} questions at tier 4"


@pytest.mark.parametrize("category", list(ProductCategory), ids=lambda c: c.value)
def test_tier_sets_nonempty_and_nested(bank, category):
    previous: set[str] = set()
    for tier in TIERS:
        current = _applicable(bank, category, tier)
        assert current, f"{category.value} tier {tier}: no questions"
        assert previous <= current, (
            f"{category.value}: tier {tier} drops {sorted(previous - current)} asked at a lower tier")
        previous = current
    assert len(_applicable(bank, category, 1)) > len(_applicable(bank, category, 4))


def test_every_category_gets_every_section_at_tier1(bank):
    for category in ProductCategory:
        for section in bank.sections:
            if section.id == "SVC":
                continue  # service delivery may legitimately not apply to pure hardware
            assert any(q.applies_to.applies(category, 1) for q in section.questions), (
                f"{category.value}: section {section.id} asks nothing even at tier 1")


def test_show_if_targets_exist_and_precede(bank):
    from trustframe.domain.conditions import iter_tests

    order = {q.id: i for i, q in enumerate(bank.iter_questions())}
    for q in bank.iter_questions():
        if q.show_if is None:
            continue
        for test in iter_tests(q.show_if):
            assert test.question in order, f"{q.id} depends on unknown {test.question}"
            assert order[test.question] < order[q.id], f"{q.id} depends on a later question {test.question}"


# ---------------------------------------------------------------------------------------------
# The criticality profile


def test_profile_validates(profile):
    assert profile.kind is QuestionnaireKind.PROFILE
    assert profile.id == "criticality-profile"


def test_profile_questions_and_weights(profile):
    questions = list(profile.iter_questions())
    assert 8 <= len(questions) <= 12
    for q in questions:
        assert q.weight is not None and q.weight > 0, q.id
        assert q.options, q.id
        scores = [o.score for o in q.options if o.score is not None]
        assert max(scores) == 1.0, f"{q.id}: no option marks the most exposed answer"
        assert q.trace.actor and q.references and q.guidance.why, q.id
    assert sum(q.weight for q in questions) == pytest.approx(1.0, abs=0.05)


def test_profile_tiering(profile):
    tiering = profile.tiering
    assert tiering is not None
    assert tiering.method == "weighted_exposure"
    assert 1 >= tiering.tier1 >= tiering.tier2 >= tiering.tier3 > 0
    assert tiering.escalations
    for esc in tiering.escalations:
        assert esc.tier in (1, 2, 3) and esc.reason.strip()


# ---------------------------------------------------------------------------------------------
# Bank 1.1 against the scoring profile, the criticality profile and the overlays


def _scoring_profile():
    import json

    from trustframe.domain.scoring_profile import ScoringProfile

    return ScoringProfile.from_dict(json.loads((paths.resources_dir() / "scoring" / "default.json").read_text()))


def test_scoring_profile_covers_every_question(bank):
    """Every question of the bank (and of each overlay merged with it) has a weight in the default
    scoring profile, and every scored question has a best answer the engine can reach."""
    from trustframe.domain.scoring import compile_questionnaire
    from trustframe.exchange.overlays import bundled_overlay_files, check_overlay_file

    import json

    profile = _scoring_profile()
    raw = json.loads((paths.resources_dir() / "scoring" / "default.json").read_text())
    # Per-domain weights (issue 15 section 6), where the profile has them, name every domain of
    # the bank, so no 1.1 section falls back to an unintended default.
    domain_weights = (raw.get("domain_weights") or {}).get(bank.id)
    if domain_weights is not None:
        assert set(domain_weights) == {s.id for s in bank.sections}
    merged = [bank]
    for path in bundled_overlay_files():
        overlay, issues = check_overlay_file(path)
        assert overlay is not None, issues
        merged.append(overlay.merged)
    for questionnaire in merged:
        plan = compile_questionnaire(questionnaire)
        compiled = {x.id: x for x in plan.questions}
        assert set(compiled) == {q.id for q in questionnaire.iter_questions()}, questionnaire.key
        for q in questionnaire.iter_questions():
            assert profile.weight(q.importance) > 0, q.id
            if q.is_scored:
                assert compiled[q.id].best_value is not None, q.id


def test_every_tier_the_criticality_profile_gives_has_rating_thresholds_and_questions(bank, profile):
    """The criticality profile decides tiers 1-4; each tier has rating thresholds in the scoring
    profile, and the bank asks at least the core set at every tier it can produce."""
    scoring = _scoring_profile()
    tiers = {1, 2, 3, 4} | {e.tier for e in profile.tiering.escalations}
    for tier in tiers:
        assert tier in scoring.thresholds, f"no rating thresholds for tier {tier}"
        for category in ProductCategory:
            assert _applicable(bank, category, tier), (tier, category.value)
    used = {t for q in bank.iter_questions() for t in q.applies_to.tiers}
    assert used <= tiers
