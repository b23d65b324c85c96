"""Buyer readiness: the buying organisation's own answers to the buyer and operator module.

The module (``questionnaires/buyer-readiness.yaml``, kind ``buyer``) asks about the buyer's own
duties: due diligence, clauses actually signed, integrity checks on delivery, secure deployment,
update intake, vendor notices, exit, sub-suppliers and regulatory reporting. Its answers are
stored as answers of the same assessment under their ``BUY-`` ids, which no vendor-facing
questionnaire may use (checked when a questionnaire is loaded). They are scored with the same
engine as the vendor's answers but separately, so buyer readiness never moves the vendor's
rating, and they are left out of everything the vendor sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from trustframe.domain.assessment import Answer
from trustframe.domain.questionnaire import Question, Questionnaire, is_buyer_question_id
from trustframe.domain.scoping import applicable_questions
from trustframe.domain.scoring import score_answers
from trustframe.domain.scoring_model import GroupScore, RaisedFlag
from trustframe.services.assessments import AnswerChange
from trustframe.services.vendors import InvalidInput
from trustframe.storage.repositories import AssessmentRepository

if TYPE_CHECKING:
    from trustframe.services.context import Services


@dataclass(frozen=True)
class BuyerReadiness:
    """The buyer's own readiness for one assessment, scored apart from the vendor."""

    assessment_id: int
    module_key: str                      # e.g. "buyer-readiness@1.0.0"
    as_of: date
    score: float | None                  # 0-100; None while nothing scorable is answered
    completeness: float                  # 0..1, share of applicable scored questions answered
    answered: int
    applicable: int
    by_section: tuple[GroupScore, ...]
    flags: tuple[RaisedFlag, ...]        # the buyer's own weaknesses, worst first
    gaps: tuple[str, ...]                # applicable required questions not answered yet

    @property
    def started(self) -> bool:
        """True once at least one buyer question has been answered."""
        return self.answered > 0


class BuyerReadinessService:
    """Reads, answers and scores the buyer module of an assessment."""

    def __init__(self, services: Services) -> None:
        self._s = services

    def module(self, assessment_id: int | None = None) -> Questionnaire:
        """The buyer and operator module: the version pinned to the assessment (with its first
        buyer answer), or the newest one."""
        if assessment_id is None:
            return self._s.catalog.buyer_module()
        return self._s.assessments.buyer_module(assessment_id)

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        """The buyer's answers of an assessment (``BUY-`` ids only), keyed by question id."""
        with self._s.workspace.reading() as session:
            answers = AssessmentRepository(session).answers(assessment_id)
        return {qid: a for qid, a in answers.items() if is_buyer_question_id(qid)}

    def questions(self, assessment_id: int) -> list[Question]:
        """The module's questions that apply to this assessment's product category and tier."""
        assessment = self._s.assessments.get(assessment_id)
        values = {qid: a.value for qid, a in self.answers(assessment_id).items()}
        return applicable_questions(self.module(assessment_id), assessment.product_category, assessment.effective_tier,
                                    values)

    def set_answer(self, assessment_id: int, question_id: str, value: Any, *, comment: str | None = None,
                   parse_text: bool = False) -> AnswerChange:
        """Save the buyer's answer to one module question (checked like any answer, logged)."""
        if not is_buyer_question_id(question_id):
            raise InvalidInput(f"'{question_id}' is not a buyer-module question (their ids start with BUY-).")
        return self._s.assessments.set_answer(assessment_id, question_id, value, comment=comment,
                                              parse_text=parse_text)

    def score(self, assessment_id: int, as_of: date | None = None) -> BuyerReadiness:
        """Score the buyer's answers with the scoring engine and profile in force, on their own."""
        as_of = as_of or date.today()
        assessment = self._s.assessments.get(assessment_id)
        module = self.module(assessment_id)
        answers = self.answers(assessment_id)
        # Rule 3 (a "not applicable" answer counts once a reviewer accepts it) guards against a
        # vendor dodging questions; here the buyer answers for itself, so its N/A stands as given.
        result = score_answers(module, answers, profile=self._s.scoring.profile, as_of=as_of,
                               category=assessment.product_category, tier=assessment.effective_tier,
                               assessment_id=assessment_id, detail=False, na_accepted=frozenset(answers))
        answered = sum(g.answered for g in result.by_section)
        applicable = sum(g.applicable for g in result.by_section)
        return BuyerReadiness(
            assessment_id=assessment_id, module_key=module.key, as_of=as_of, score=result.overall,
            completeness=result.completeness, answered=answered, applicable=applicable,
            by_section=result.by_section, flags=result.open_flags, gaps=result.gaps)
