"""Conditions over answers: used by show-if rules, red-flag rules and tier escalations.

A condition is a small tree: ``AllOf``/``AnyOf``/``NotOf`` combine leaves, and a
:class:`AnswerTest` checks one question's answer. Evaluation is pure and total: an unanswered
question makes every value test false (``answered: false`` is how to test for absence).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass


class Op(str, enum.Enum):
    """Leaf operators."""

    EQUALS = "equals"
    IN = "in"
    INCLUDES = "includes"
    BELOW = "below"
    ABOVE = "above"
    ANSWERED = "answered"


@dataclass(frozen=True)
class AnswerTest:
    """A test on one question's answer."""

    question: str
    op: Op
    operand: object

    def evaluate(self, answers: Mapping[str, object]) -> bool:
        """Evaluate against a mapping of question id to answer value."""
        value = answers.get(self.question)
        if self.op is Op.ANSWERED:
            return is_answered(value) is bool(self.operand)
        if not is_answered(value):
            return False
        if self.op is Op.EQUALS:
            return _as_set(value) == {self.operand} if isinstance(value, (list, tuple)) else value == self.operand
        if self.op is Op.IN:
            operand = self.operand
            assert isinstance(operand, tuple)
            if isinstance(value, (list, tuple)):
                return bool(_as_set(value) & set(operand))
            return value in operand
        if self.op is Op.INCLUDES:
            return self.operand in _as_set(value)
        number = _as_number(value)
        if number is None:
            return False
        assert isinstance(self.operand, (int, float))
        if self.op is Op.BELOW:
            return number < self.operand
        return number > self.operand

    def option_refs(self) -> tuple[str, ...]:
        """Option ids this test names (for validation)."""
        if self.op in (Op.EQUALS, Op.INCLUDES):
            return (str(self.operand),)
        if self.op is Op.IN:
            assert isinstance(self.operand, tuple)
            return tuple(str(o) for o in self.operand)
        return ()


@dataclass(frozen=True)
class AllOf:
    """True when every part is true."""

    parts: tuple[Condition, ...]

    def evaluate(self, answers: Mapping[str, object]) -> bool:
        """Evaluate against answers."""
        return all(p.evaluate(answers) for p in self.parts)


@dataclass(frozen=True)
class AnyOf:
    """True when at least one part is true."""

    parts: tuple[Condition, ...]

    def evaluate(self, answers: Mapping[str, object]) -> bool:
        """Evaluate against answers."""
        return any(p.evaluate(answers) for p in self.parts)


@dataclass(frozen=True)
class NotOf:
    """True when its part is false."""

    part: Condition

    def evaluate(self, answers: Mapping[str, object]) -> bool:
        """Evaluate against answers."""
        return not self.part.evaluate(answers)


Condition = AnswerTest | AllOf | AnyOf | NotOf


def iter_tests(condition: Condition) -> Iterator[AnswerTest]:
    """Every leaf test of a condition, depth first."""
    if isinstance(condition, AnswerTest):
        yield condition
    elif isinstance(condition, NotOf):
        yield from iter_tests(condition.part)
    else:
        for part in condition.parts:
            yield from iter_tests(part)


def referenced_questions(condition: Condition) -> set[str]:
    """Ids of the questions a condition reads."""
    return {t.question for t in iter_tests(condition)}


def describe(condition: Condition) -> str:
    """A short human-readable rendering, e.g. ``SUP-01 in (no, declined)``."""
    if isinstance(condition, AnswerTest):
        if condition.op is Op.IN:
            assert isinstance(condition.operand, tuple)
            return f"{condition.question} in ({', '.join(map(str, condition.operand))})"
        if condition.op is Op.ANSWERED:
            return f"{condition.question} {'answered' if condition.operand else 'unanswered'}"
        return f"{condition.question} {condition.op.value} {condition.operand}"
    if isinstance(condition, NotOf):
        return f"not ({describe(condition.part)})"
    joiner = " and " if isinstance(condition, AllOf) else " or "
    return "(" + joiner.join(describe(p) for p in condition.parts) + ")"




def _as_set(value: object) -> set[object]:
    if isinstance(value, (list, tuple)):
        return set(value)
    return {value}


def _as_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def is_answered(value: object) -> bool:
    """True when ``value`` is an answer at all: not None, not blank text, not an empty list.

    The one definition (re-exported by :mod:`trustframe.domain.answer_types`) used by the
    ``answered`` test here, by normalising (an empty value clears the answer) and by scoring.
    It lives in this module because the questionnaire model, and so every answer type, builds on it.
    """
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    return True
