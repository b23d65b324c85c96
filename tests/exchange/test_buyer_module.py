"""The buyer and operator module (questionnaires/buyer-readiness.yaml): a separate questionnaire
part the buying organisation answers about itself. It validates in full, cites current editions,
covers the buyer/operator duties the issue lists, strengthens the accountability pillar, and its
BUY- ids are reserved so it can never be mixed into a vendor-facing questionnaire."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustframe import paths
from trustframe.domain.questionnaire import (
    Actor,
    BUYER_QUESTION_PREFIX,
    Importance,
    Pillar,
    Questionnaire,
    QuestionnaireKind,
)
from trustframe.exchange.questionnaire_files import check_questionnaire_file, check_questionnaire_text, load_questionnaire
from trustframe.exchange.references import check_references

MODULE = paths.questionnaires_dir() / "buyer-readiness.yaml"
BANK = paths.questionnaires_dir() / "ict-supply-chain-trust.yaml"


def _load(path: Path) -> Questionnaire:
    # Untrusted load: the JSON schema and every semantic check run, as for a user's file.
    q, issues = check_questionnaire_file(path)
    assert q is not None, "\n".join(str(i) for i in issues)
    return q


@pytest.fixture(scope="module")
def module() -> Questionnaire:
    return _load(MODULE)


@pytest.fixture(scope="module")
def bank() -> Questionnaire:
    return _load(BANK)


def test_the_module_validates_as_a_buyer_questionnaire(module: Questionnaire) -> None:
    assert module.kind is QuestionnaireKind.BUYER
    assert all(q.id.startswith(BUYER_QUESTION_PREFIX) for q in module.iter_questions())


def test_the_module_cites_no_withdrawn_or_unknown_standard(module: Questionnaire) -> None:
    findings = check_references(module)
    assert [f for f in findings if f.severity == "error"] == []
    assert [f.message for f in findings if "not in the standards catalogue" in f.message] == []
    assert all(q.references for q in module.iter_questions()), "every question cites at least one clause"


def test_at_least_twenty_buyer_or_operator_questions_none_for_the_vendor(module: Questionnaire) -> None:
    questions = list(module.iter_questions())
    own = [q for q in questions if set(q.trace.actor) & {Actor.BUYER, Actor.OPERATOR}]
    assert len(own) >= 20
    assert not [q.id for q in questions if Actor.VENDOR in q.trace.actor]


def test_every_question_is_guided_graded_and_traced(module: Questionnaire) -> None:
    source_ids = {s.id for s in module.sources}
    for q in module.iter_questions():
        assert q.help and q.guidance.why and q.guidance.good_evidence and q.guidance.weak_answer, q.id
        assert q.is_scored, f"{q.id} is not graded"
        scores = [o.score for o in q.options if o.score is not None]
        assert len(set(scores)) >= 3, f"{q.id} needs graded options, not yes/no only"
        assert q.trace.buyers_guide and q.trace.pillar and q.trace.sources, q.id
        assert set(q.trace.sources) <= source_ids
        if q.importance in (Importance.CRITICAL, Importance.HIGH):
            assert q.red_flags or q.no_red_flag_reason, f"{q.id} is {q.importance.value} without a red flag"


def test_the_topics_of_the_issue_each_have_a_section(module: Questionnaire) -> None:
    # Due diligence, signed clauses, delivery checks, deployment/monitoring/updates, vendor
    # notices, exit, sub-suppliers and regulator reporting: each a section with questions.
    titles = " ".join(s.title.lower() for s in module.sections if s.questions)
    for word in ("due diligence", "contract", "integrity", "deployment", "update", "notification",
                 "exit", "sub-supplier", "regulatory"):
        assert word in titles, word


def test_accountability_questions_are_up_at_least_half_over_the_bank_alone(
        bank: Questionnaire, module: Questionnaire) -> None:
    def accountability(q: Questionnaire) -> int:
        return sum(1 for x in q.iter_questions() if Pillar.ACCOUNTABILITY in x.trace.pillar)

    # Issue 15 measures the rise against the bank as it was when the issue was filed (1.0.0,
    # kept in questionnaires/archive); bank 1.1 plus the module must be at least 50 % above it.
    before = accountability(load_questionnaire(BANK.parent / "archive" / "ict-supply-chain-trust-1.0.0.yaml"))
    alone = accountability(bank)
    together = alone + accountability(module)
    assert before > 0 and alone >= before
    assert together >= 1.5 * before, f"accountability questions {before} -> {together}"


def test_buyer_ids_are_reserved_for_buyer_modules() -> None:
    bank_text = BANK.read_text(encoding="utf-8")
    # A vendor questionnaire that uses a BUY- id is refused (its answers would be hidden as the buyer's).
    q, issues = check_questionnaire_text(bank_text.replace("- id: GOV-02\n", "- id: BUY-99\n", 1), "bank.yaml")
    assert q is None and any("reserved for the buyer module" in str(i) for i in issues)
    # A buyer module whose question lacks the prefix is refused (it could reach a vendor workbook).
    module_text = MODULE.read_text(encoding="utf-8")
    q, issues = check_questionnaire_text(module_text.replace("- id: BUY-02\n", "- id: DUE-02\n", 1), "module.yaml")
    assert q is None and any("must start with 'BUY-'" in str(i) and "DUE-02" in str(i) for i in issues)


def test_the_cli_validates_the_module_with_references(capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe.cli import main

    assert main(["questionnaire", "validate", "--references", str(MODULE)]) == 0
    out = capsys.readouterr().out
    assert "0 withdrawn" in out
