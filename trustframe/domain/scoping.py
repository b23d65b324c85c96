"""Which questions an assessment asks: applicability by category and tier, scope adjustments
made by the officer, and show-if conditions on the answers given so far."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from trustframe.domain.questionnaire import ProductCategory, Question, Questionnaire


def in_scope(
    questionnaire: Questionnaire,
    category: ProductCategory | None,
    tier: int | None,
    added: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> list[Question]:
    """Questions in scope before show-if conditions: applicable to the category and tier, plus
    questions the officer added, minus those removed. Questionnaire order is kept."""
    added_set, removed_set = set(added), set(removed)
    return [
        q for q in questionnaire.iter_questions()
        if q.id not in removed_set and (q.id in added_set or q.applies_to.applies(category, tier))
    ]


def visible(questions: Iterable[Question], answers: Mapping[str, object]) -> list[Question]:
    """The questions whose show-if condition holds for ``answers`` (hidden ones are excluded
    from the score). A question whose condition depends on a hidden question is hidden too."""
    shown: list[Question] = []
    hidden: set[str] = set()
    pending = list(questions)
    # Conditions are acyclic (the validator guarantees it), so one pass in questionnaire order
    # settles questions that depend on earlier ones; a second pass settles forward references.
    for _ in range(2):
        effective = {k: v for k, v in answers.items() if k not in hidden}
        shown, hidden = [], set()
        for q in pending:
            if q.show_if is None or q.show_if.evaluate(effective):
                shown.append(q)
            else:
                hidden.add(q.id)
    return shown


def applicable_questions(
    questionnaire: Questionnaire,
    category: ProductCategory | None,
    tier: int | None,
    answers: Mapping[str, object],
    added: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> list[Question]:
    """In scope and visible: the questions that count for this assessment."""
    return visible(in_scope(questionnaire, category, tier, added, removed), answers)
