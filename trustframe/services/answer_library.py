"""Use cases of the vendor answer library: offer earlier answers "to confirm", with provenance.

A vendor assessed again (for another product, or next year) should not have to answer what it
answered last month. The library offers its confirmed answers from other assessments within a
configurable age (Preferences / workspace setting ``answer_library_max_age_months``, 12 months by
default); pre-filled answers arrive marked "to confirm" and keep where they came from (the
assessment and the date) so the officer and the reports can show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trustframe.domain import answers as answer_values
from trustframe.domain.answer_library import DEFAULT_MAX_AGE_MONTHS, LibraryAnswer, pick_reusable
from trustframe.domain.answers import AnswerValueError
from trustframe.domain.questionnaire import Question
from trustframe.services.changes import Change, Entity
from trustframe.storage.repositories import AssessmentRepository, HistoryRepository

if TYPE_CHECKING:
    from trustframe.services.context import Services

@dataclass(frozen=True)
class MappedImport:
    """What importing another questionnaire's answers did (or would do, for a dry run)."""

    mapping_title: str
    applied: tuple[str, ...]
    skipped_answered: tuple[str, ...]
    unmapped: tuple[str, ...]
    problems: tuple[str, ...]


#: Workspace setting holding the age limit in months.
MAX_AGE_SETTING = "answer_library_max_age_months"


def _still_valid(question: Question, value: object) -> bool:
    try:
        answer_values.normalise(question, value)
    except (AnswerValueError, TypeError, ValueError):  # a value the target question refuses is not offered
        return False
    return True


class AnswerLibraryService:
    """Offer and pre-fill a vendor's earlier answers."""

    def __init__(self, services: Services) -> None:
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
            for other in repo.find(vendor_id=target.vendor_id):
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
            existing = AssessmentRepository(session).answer_rows(assessment_id)
            history = HistoryRepository(session)
            for qid, offer in offers.items():
                row = existing.get(qid)
                if row is None:
                    row = AssessmentRepository(session).add_answer_row(assessment_id, qid)
                row.value, row.comment = offer.value, offer.comment
                row.source, row.to_confirm, row.needs_follow_up = "vendor", True, False
                row.origin_assessment_id, row.origin_date = offer.assessment_id, offer.answered_on
                row.updated_at, row.updated_by = now, user
                history.record(user, "answer", qid, "prefilled", None, offer.value, assessment_id=assessment_id,
                               note=f"from {offer.provenance}")
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return len(offers)

    def import_mapped(self, assessment_id: int, answers_file: Path, mapping_file: Path,
                      dry_run: bool = False) -> MappedImport:
        """Answers from another questionnaire, through a mapping file, as "to confirm".

        Questions already answered in the assessment are left as they are (listed as skipped);
        rows the mapping does not cover are listed; rows whose answer cannot be translated are
        reported with their row number and nothing else is held back. One transaction.
        """
        from trustframe.exchange.answer_mapping import load_mapping, read_mapped_answers

        questionnaire = self._s.assessments.questionnaire(assessment_id)
        mapping = load_mapping(Path(mapping_file), questionnaire)
        result = read_mapped_answers(Path(answers_file), mapping, questionnaire)
        current = self._s.assessments.answers(assessment_id)
        todo = [a for a in result.answers if current.get(a.question_id) is None or current[a.question_id].value is None]
        skipped = tuple(a.question_id for a in result.answers if a not in todo)
        outcome = MappedImport(mapping.title, tuple(a.question_id for a in todo), skipped, result.unmapped,
                               tuple(str(p) for p in result.problems))
        if dry_run or not todo:
            return outcome
        now = datetime.now().replace(microsecond=0)
        user = self._s.user
        source_name = Path(answers_file).name
        with self._s.workspace.transaction() as session:
            self._s.assessments._editable_row(session, assessment_id)  # refuses decided assessments
            existing = AssessmentRepository(session).answer_rows(assessment_id)
            history = HistoryRepository(session)
            for a in todo:
                row = existing.get(a.question_id)
                if row is None:
                    row = AssessmentRepository(session).add_answer_row(assessment_id, a.question_id)
                row.value, row.comment = a.value, a.comment
                row.source, row.to_confirm, row.needs_follow_up = "vendor", True, False
                row.updated_at, row.updated_by = now, user
                history.record(user, "answer", a.question_id, "mapped_import", None, a.value,
                               assessment_id=assessment_id,
                               note=f"{mapping.title}: {a.source_id} in {source_name}, row {a.row}")
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return outcome
