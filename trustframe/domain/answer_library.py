"""A vendor's answer library: answers it gave before, offered again "to confirm".

When a vendor is assessed again (another product, or next year's reassessment), the answers it
gave recently are offered as pre-filled answers that the officer (or the vendor) confirms. Old
answers are not offered: a vendor's practices change, and an answer older than the limit
(12 months by default) proves little about today.

Rules (pure, tested from their statement):

- only answers that were *confirmed* in their own assessment are offered (an answer still
  waiting to be confirmed is not evidence of anything);
- only answers given within ``max_age_months`` before ``as_of``; newer wins per question;
- only questions that exist in the target questionnaire, and only values that are still
  valid answers there (an option id that no longer exists is not offered);
- a question the target assessment already answered is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from trustframe.domain.conditions import is_answered
from trustframe.domain.questionnaire import Questionnaire

DEFAULT_MAX_AGE_MONTHS = 12


@dataclass(frozen=True)
class LibraryAnswer:
    """An answer a vendor gave in an earlier assessment, with where and when it was given."""

    question_id: str
    value: Any
    comment: str
    assessment_id: int
    answered_on: date
    product_name: str = ""
    questionnaire_key: str = ""

    @property
    def provenance(self) -> str:
        """"assessment 12 (NW-7000, 2026-03-02)": what the officer sees beside the answer."""
        product = f"{self.product_name}, " if self.product_name else ""
        return f"assessment {self.assessment_id} ({product}{self.answered_on.isoformat()})"


def cutoff(as_of: date, max_age_months: int) -> date:
    """The oldest answer date still offered (months of 30.44 days, so leap years do not matter)."""
    if max_age_months < 0:
        raise ValueError("max_age_months must be 0 or more")
    return as_of - timedelta(days=round(max_age_months * 30.44))


def pick_reusable(candidates: Iterable[LibraryAnswer], target: Questionnaire, *, as_of: date,
                  max_age_months: int = DEFAULT_MAX_AGE_MONTHS,
                  already_answered: Iterable[str] = (),
                  is_valid: Callable[[Any, Any], bool] | None = None) -> dict[str, LibraryAnswer]:
    """The newest reusable answer per question of ``target`` (see the module rules).

    ``is_valid(question, value)`` decides whether a value is still a valid answer to the target
    question (the default accepts any non-empty value).
    """
    oldest = cutoff(as_of, max_age_months)
    questions = target.questions_by_id
    skip = set(already_answered)
    best: dict[str, LibraryAnswer] = {}
    for cand in candidates:
        q = questions.get(cand.question_id)
        if q is None or cand.question_id in skip or not is_answered(cand.value):
            continue
        if not (oldest <= cand.answered_on <= as_of):
            continue
        if is_valid is not None and not is_valid(q, cand.value):
            continue
        current = best.get(cand.question_id)
        if current is None or (cand.answered_on, cand.assessment_id) > (current.answered_on, current.assessment_id):
            best[cand.question_id] = cand
    return best


def count_by_assessment(picked: Mapping[str, LibraryAnswer]) -> dict[int, int]:
    """How many offered answers come from each earlier assessment."""
    out: dict[int, int] = {}
    for a in picked.values():
        out[a.assessment_id] = out.get(a.assessment_id, 0) + 1
    return out
