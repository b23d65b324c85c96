"""Use cases of the vendor answer library: offer earlier answers "to confirm", with provenance.

A vendor assessed again (for another product, or next year) should not have to answer what it
answered last month. The library offers its confirmed answers from other assessments within a
configurable age (Preferences / workspace setting ``answer_library_max_age_months``, 12 months by
default); pre-filled answers arrive marked "to confirm" and keep where they came from (the
assessment and the date) so the officer and the reports can show it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from trustframe.domain import answers as answer_values
from trustframe.domain.answer_library import DEFAULT_MAX_AGE_MONTHS, LibraryAnswer, pick_reusable
from trustframe.domain.questionnaire import Question
from trustframe.services.changes import Change
from trustframe.storage.orm import AnswerRow
from trustframe.storage.repositories import AssessmentRepository, HistoryRepository

if TYPE_CHECKING:
    from trustframe.services.context import Services

#: Workspace setting holding the age limit in months.
MAX_AGE_SETTING = "answer_library_max_age_months"


def _still_valid(question: Question, value: object) -> bool:
    try:
        answer_values.normalise(question, value)
    except Exception:  # any answer the target question would refuse is simply not offered
        return False
    return True


class AnswerLibraryService:
    """Offer and pre-fill a vendor's earlier answers."""

    def __init__(self, services: "Services") -> None:
        self._s = services

    def max_age_months(self) -> int:
        """The configured age limit (months); 12 when not set."""
        value = self._s.setting(MAX_AGE_SETTING, DEFAULT_MAX_AGE_MONTHS)
        try:
            return max(0, int(value))
        except (TypeError, ValueError):
            return DEFAULT_MAX_AGE_MONTHS

    def offers(self, assessment_id: int, as_of: date | None = None,
               max_age_months: int | None = None) -> dict[str, LibraryAnswer]:
        """The earlier answers that would be pre-filled into this assessment, by question id."""
        as_of = as_of or date.today()
        limit = self.max_age_months() if max_age_months is None else max_age_months
        target = self._s.assessments.get(assessment_id)
        questionnaire = self._s.assessments.questionnaire(target)
        candidates: list[LibraryAnswer] = []
        with self._s.workspace.reading() as session:
            repo = AssessmentRepository(session)
            current = repo.answers(assessment_id)
            for other in repo.list(vendor_id=target.vendor_id):
                if other.id == assessment_id:
                    continue
                for qid, answer in repo.answers(other.id).items():  # type: ignore[arg-type]
                    if answer.to_confirm or answer.updated_at is None:
                        continue  # only answers confirmed in their own assessment are offered
                    candidates.append(LibraryAnswer(
                        qid, answer.value, answer.comment, other.id, answer.updated_at.date(),  # type: ignore[arg-type]
                        other.product_name, f"{other.questionnaire_id}@{other.questionnaire_version}"))
        answered = [qid for qid, a in current.items() if a.value is not None]
        return pick_reusable(candidates, questionnaire, as_of=as_of, max_age_months=limit,
                             already_answered=answered, is_valid=_still_valid)

    def prefill(self, assessment_id: int, as_of: date | None = None, max_age_months: int | None = None) -> int:
        """Write the offered answers into the assessment as "to confirm", in one transaction.

        Returns how many answers were pre-filled. Refused for decided assessments (they are
        read-only). Each answer keeps its origin (assessment and date) and the change log
        records it.
        """
        offers = self.offers(assessment_id, as_of, max_age_months)
        if not offers:
            return 0
        now = datetime.now().replace(microsecond=0)
        user = self._s.user
        with self._s.workspace.transaction() as session:
            self._s.assessments._editable_row(session, assessment_id)  # refuses decided assessments
            existing = {r.question_id: r for r in session.query(AnswerRow).filter_by(assessment_id=assessment_id)}
            history = HistoryRepository(session)
            for qid, offer in offers.items():
                row = existing.get(qid)
                if row is None:
                    row = AnswerRow(assessment_id=assessment_id, question_id=qid)
                    session.add(row)
                row.value, row.comment = offer.value, offer.comment
                row.source, row.to_confirm, row.needs_follow_up = "vendor", True, False
                row.origin_assessment_id, row.origin_date = offer.assessment_id, offer.answered_on
                row.updated_at, row.updated_by = now, user
                history.record(user, "answer", qid, "prefilled", None, offer.value, assessment_id=assessment_id,
                               note=f"from {offer.provenance}")
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return len(offers)
