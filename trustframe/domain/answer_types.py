"""One kind per answer type: everything the domain knows about how a type of answer behaves.

Each :class:`~trustframe.domain.questionnaire.AnswerType` has exactly one :class:`AnswerKind`
(:func:`kind_of` dispatches with ``match`` and ``assert_never``, so a type without a kind is a
type-checker error and, at run time, an ``AssertionError`` instead of a silent "text" fallback).
A kind knows how to

- ``normalise`` a value into its canonical stored form (or refuse it with :class:`AnswerValueError`),
- ``parse_text`` an answer typed as text: the one parser used by the CLI, the GUI and the
  returned vendor workbook alike,
- ``display`` a value as a person reads it,
- ``score`` a value against the scoring facts of its question, and name its ``best`` answer.

"Is an answer given at all" is defined once, by :func:`is_answered` (kept in
:mod:`~trustframe.domain.conditions`, below the questionnaire model, and re-exported here).

The layers above keep their per-type parts (the workbook cell format, the GUI editor) in tables
keyed by ``AnswerType``; ``tests/domain/test_answer_types.py`` fails when one lacks a type.
"""

from __future__ import annotations

import enum
import math
import re
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, NoReturn, Protocol

from trustframe.domain.conditions import is_answered
from trustframe.domain.questionnaire import AnswerType, Band, Question
from trustframe.errors import TrustFrameError

if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # pragma: no cover - Python 3.10 has no typing.assert_never
    def assert_never(value: NoReturn) -> NoReturn:
        """Fail loudly on a value a type checker proved impossible."""
        raise AssertionError(f"unhandled value: {value!r}")

#: The longest free text an answer (or comment) may have.
MAX_TEXT_LENGTH: Final = 10_000

#: What separates several choices typed as text ("ISO 27001; SOC 2"). A newline works too (a
#: spreadsheet cell with one answer per line). A comma separates only where the text between
#: semicolons is not itself an option, because option labels often contain commas.
CHOICE_SEPARATOR: Final = ";"

#: Looks up an option id for text that is no option's id or English label (the workbook and the
#: CLI pass the labels of the questionnaire's translations). None when nothing matches.
OptionAlias = Callable[[Question, str], "str | None"]


class AnswerValueError(TrustFrameError, ValueError):
    """The value does not fit the question (a ValueError too, for callers that check values)."""


__all__ = ["MAX_TEXT_LENGTH", "CHOICE_SEPARATOR", "AnswerKind", "AnswerValueError", "Best", "OptionAlias",
           "ScoreRule", "ScoringFacts", "is_answered", "is_numeric", "kind_of", "not_an_option"]


class ScoringFacts(Protocol):
    """What scoring precomputes about a question (see ``trustframe.domain.scoring._Q``); read only."""

    @property
    def options(self) -> Mapping[str, tuple[float | None, bool]]:
        """option id -> (score, not applicable)"""

    @property
    def exclusive(self) -> frozenset[str]:
        """The options that cannot be combined with others."""

    @property
    def bands(self) -> tuple[Band, ...]:
        """The number bands and their scores."""

    @property
    def min_value(self) -> float | None:
        """The smallest number accepted."""

    @property
    def max_value(self) -> float | None:
        """The largest number accepted."""


#: (answered, not applicable, raw score) of a value; the raw score is None when not scored.
RawScore = tuple[bool, bool, "float | None"]
_NOT_ANSWERED: Final[RawScore] = (False, False, None)


class ScoreRule(enum.Enum):
    """Which scoring rule a kind's values follow (the scoring plan's fast paths switch on it)."""

    #: One option, scored by the option's score.
    CHOICE = "choice"
    #: Several options, their scores summed up to 1.
    MULTIPLE = "multiple"
    #: A number, scored by the question's bands.
    BANDS = "bands"
    #: Never scored (text, dates).
    NONE = "none"


@dataclass(frozen=True)
class Best:
    """The strongest answer a question can get: its score, the value and how it reads."""

    score: float
    value: Any
    label: str


class AnswerKind(ABC):
    """How one answer type is checked, parsed, shown and scored."""

    #: The answer type this kind serves.
    answer_type: AnswerType
    #: How its values are scored (when the question is scored at all).
    score_rule: ScoreRule = ScoreRule.NONE

    def normalise(self, question: Question, value: Any) -> Any:
        """Check ``value`` for ``question`` and return it in canonical form (None clears).

        Canonical forms: option id (str) for single choice and yes/no; list of option ids in the
        question's order for multiple choice; int or float for numbers; ISO ``YYYY-MM-DD`` for
        dates; stripped text for text.
        """
        if not is_answered(value):
            return None
        return self._check(question, value)

    @abstractmethod
    def _check(self, question: Question, value: Any) -> Any:
        """Canonical form of an answered ``value`` (never empty here)."""

    def parse_text(self, question: Question, text: str, option_alias: OptionAlias | None = None) -> Any:
        """Parse an answer typed as text and normalise it; blank text clears the answer.

        Choices accept the option id or label case-insensitively (and, through ``option_alias``,
        a translated label).
        """
        raw = text.strip()
        if raw == "":
            return None
        return self._parse(question, raw, option_alias)

    def _parse(self, question: Question, raw: str, option_alias: OptionAlias | None) -> Any:
        return self.normalise(question, raw)

    def display(self, question: Question, value: Any) -> str:
        """The answer as a person reads it (option labels rather than ids); "" for None."""
        if value is None:
            return ""
        return self._show(question, value)

    def _show(self, question: Question, value: Any) -> str:
        return str(value)

    def score(self, facts: ScoringFacts, value: Any) -> RawScore:
        """(answered, not applicable, raw score) of an answered value of a scored question.

        A value the question does not accept (an unknown option, a number out of range) counts
        as not answered. Kinds that are never scored return (True, False, None).
        """
        return True, False, None

    def best(self, question: Question) -> Best | None:
        """The strongest answer of a scored question; None when the question is not scored."""
        return None


# ------------------------------------------------------------------------------------------------
# Choices


def _match_option(question: Question, raw: str, option_alias: OptionAlias | None) -> str | None:
    folded = raw.strip().casefold()
    for option in question.options:
        if option.id.casefold() == folded or option.label.casefold() == folded:
            return option.id
    return option_alias(question, raw) if option_alias is not None else None


def not_an_option(question: Question, value: Any) -> str:
    """The message for a value that is none of the question's options."""
    choices = "; ".join(f"{o.id} ({o.label})" if o.label.casefold() != o.id.casefold() else o.id
                        for o in question.options)
    return f"{str(value)[:60]!r} is not an option of {question.id}; choose one of: {choices}"


def _labels(question: Question, value: Any) -> str:
    ids = value if isinstance(value, (list, tuple)) else [value]
    labels = []
    for option_id in ids:
        option = question.option(str(option_id))
        labels.append(option.label if option else str(option_id))
    return "; ".join(labels)


class SingleChoiceKind(AnswerKind):
    """One option out of several; the value is the option id."""

    answer_type = AnswerType.SINGLE_CHOICE
    score_rule = ScoreRule.CHOICE

    def _check(self, question: Question, value: Any) -> Any:
        if not isinstance(value, str) or question.option(value) is None:
            raise AnswerValueError(not_an_option(question, value))
        return value

    def _parse(self, question: Question, raw: str, option_alias: OptionAlias | None) -> Any:
        option_id = _match_option(question, raw, option_alias)
        if option_id is None:
            raise AnswerValueError(not_an_option(question, raw))
        return self.normalise(question, option_id)

    def _show(self, question: Question, value: Any) -> str:
        return _labels(question, value)

    def score(self, facts: ScoringFacts, value: Any) -> RawScore:
        option = facts.options.get(value) if isinstance(value, str) else None
        if option is None:
            return _NOT_ANSWERED
        return True, option[1], option[0]

    def best(self, question: Question) -> Best | None:
        if not question.is_scored:
            return None
        scored = [o for o in question.options if o.score is not None]
        top = max(scored, key=lambda o: o.score or 0.0)  # the first of the best: options are listed strongest first
        return Best(float(top.score or 0.0), top.id, top.label)


class YesNoKind(SingleChoiceKind):
    """A single choice between the question's yes/no options (which the questionnaire names)."""

    answer_type = AnswerType.YES_NO


class MultipleChoiceKind(AnswerKind):
    """One or more options; the value is the list of option ids in the question's order."""

    answer_type = AnswerType.MULTIPLE_CHOICE
    score_rule = ScoreRule.MULTIPLE

    def _check(self, question: Question, value: Any) -> Any:
        items = [value] if isinstance(value, str) else list(value)
        for item in items:
            if not isinstance(item, str) or question.option(item) is None:
                raise AnswerValueError(not_an_option(question, item))
        chosen = set(items)
        ordered = [o.id for o in question.options if o.id in chosen]
        _check_exclusive(question, ordered)
        return ordered

    def _parse(self, question: Question, raw: str, option_alias: OptionAlias | None) -> Any:
        ids: list[str] = []
        for part in (p.strip() for p in re.split(f"[{re.escape(CHOICE_SEPARATOR)}\n]", raw)):
            if not part:
                continue
            option_id = _match_option(question, part, option_alias)
            if option_id is not None:
                ids.append(option_id)
                continue
            # Not an option as a whole: a comma may separate several ("iso27001, soc2").
            pieces = [p.strip() for p in part.split(",") if p.strip()] if "," in part else [part]
            for piece in pieces:
                option_id = _match_option(question, piece, option_alias)
                if option_id is None:
                    raise AnswerValueError(not_an_option(question, piece))
                ids.append(option_id)
        return self.normalise(question, ids)

    def _show(self, question: Question, value: Any) -> str:
        return _labels(question, value)

    def score(self, facts: ScoringFacts, value: Any) -> RawScore:
        ids = value if isinstance(value, (list, tuple)) else [value]
        if facts.exclusive and len(ids) > 1 and not facts.exclusive.isdisjoint(ids):
            return _NOT_ANSWERED  # an exclusive option combined with others: not a valid answer
        total = 0.0
        any_scored = False
        for option_id in ids:
            option = facts.options.get(option_id) if isinstance(option_id, str) else None
            if option is None or option[1]:
                continue
            any_scored = True
            total += option[0] or 0.0
        if not any_scored:
            known = [i for i in ids if isinstance(i, str) and i in facts.options]
            if not known:
                return _NOT_ANSWERED
            return True, True, None  # only not-applicable options chosen
        return True, False, min(1.0, total)

    def best(self, question: Question) -> Best | None:
        if not question.is_scored:
            return None
        # The strongest combination: highest-scoring options until the sum reaches 1.
        chosen: list[str] = []
        total = 0.0
        for option in sorted((o for o in question.options if o.score), key=lambda o: -(o.score or 0.0)):
            if total >= 1.0:
                break
            chosen.append(option.id)
            total += option.score or 0.0
        value = [o.id for o in question.options if o.id in chosen]
        return Best(min(1.0, total), value, self.display(question, value))


def _check_exclusive(question: Question, chosen: Sequence[str]) -> None:
    """Refuse an exclusive option ("none", "declined", "unknown") combined with others (rule 6)."""
    if len(chosen) < 2:
        return
    for option_id in chosen:
        option = question.option(option_id)
        if option is not None and option.exclusive:
            others = ", ".join(o for o in chosen if o != option_id)
            raise AnswerValueError(f"{question.id}: '{option.label}' cannot be combined with other options "
                                   f"(also chosen: {others}); choose it alone or remove it")


# ------------------------------------------------------------------------------------------------
# Text, numbers, dates


class TextKind(AnswerKind):
    """Free text, stripped, at most MAX_TEXT_LENGTH characters; never scored."""

    answer_type = AnswerType.TEXT

    def _check(self, question: Question, value: Any) -> Any:
        text = str(value).strip()
        if len(text) > MAX_TEXT_LENGTH:
            raise AnswerValueError(f"{question.id}: the text is {len(text)} characters; "
                                   f"the limit is {MAX_TEXT_LENGTH}")
        return text


class NumberKind(AnswerKind):
    """A finite number inside the question's range; scored by the question's bands."""

    answer_type = AnswerType.NUMBER
    score_rule = ScoreRule.BANDS

    def _check(self, question: Question, value: Any) -> Any:
        if isinstance(value, bool):
            raise AnswerValueError(f"{question.id} expects a number, not {value!r}")
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise AnswerValueError(f"{question.id} expects a number, got {str(value)[:40]!r}") from None
        if math.isnan(number) or math.isinf(number):
            raise AnswerValueError(f"{question.id} expects a finite number")
        _check_range(question, number)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number

    def _parse(self, question: Question, raw: str, option_alias: OptionAlias | None) -> Any:
        # "30 days" for a question whose unit is "days": the unit is what the help text shows.
        if question.unit and raw.casefold().endswith(question.unit.casefold()):
            raw = raw[: -len(question.unit)].strip()
        return self.normalise(question, raw)

    def _show(self, question: Question, value: Any) -> str:
        return f"{value} {question.unit}" if question.unit else str(value)

    def score(self, facts: ScoringFacts, value: Any) -> RawScore:
        if isinstance(value, bool):
            return _NOT_ANSWERED
        try:
            number = float(value)
        except (TypeError, ValueError):
            return _NOT_ANSWERED
        if (facts.min_value is not None and number < facts.min_value) or \
                (facts.max_value is not None and number > facts.max_value):
            return _NOT_ANSWERED  # outside the declared range: not a valid answer
        for band in facts.bands:
            if band.contains(number):
                return True, False, band.score
        return True, False, None  # outside every band: answered but not scored

    def best(self, question: Question) -> Best | None:
        if not question.is_scored:
            return None
        top = max(question.bands, key=lambda b: b.score)
        if top.min is not None:
            value: Any = top.min
        elif top.max is not None:
            value = top.max - 1
        else:
            value = 0
        return Best(top.score, value, top.label or self.display(question, value))


def _check_range(question: Question, number: float) -> None:
    """Refuse a number outside the question's declared range (scoring rule 6)."""
    low, high = question.min_value, question.max_value
    if (low is not None and number < low) or (high is not None and number > high):
        unit = f" {question.unit}" if question.unit else ""
        if low is not None and high is not None:
            allowed = f"between {low:g} and {high:g}{unit}"
        elif low is not None:
            allowed = f"at least {low:g}{unit}"
        else:
            allowed = f"at most {high:g}{unit}"
        raise AnswerValueError(f"{question.id}: {number:g}{unit} is out of range; the answer must be {allowed}")


class DateKind(AnswerKind):
    """A calendar date, stored as ISO ``YYYY-MM-DD``; never scored."""

    answer_type = AnswerType.DATE

    def _check(self, question: Question, value: Any) -> Any:
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value).strip()[:10]).isoformat()
        except ValueError:
            raise AnswerValueError(f"{question.id} expects a date as YYYY-MM-DD, got {str(value)[:40]!r}") from None


# ------------------------------------------------------------------------------------------------
# Dispatch

SINGLE_CHOICE: Final = SingleChoiceKind()
MULTIPLE_CHOICE: Final = MultipleChoiceKind()
YES_NO: Final = YesNoKind()
TEXT: Final = TextKind()
NUMBER: Final = NumberKind()
DATE: Final = DateKind()


def kind_of(answer_type: AnswerType) -> AnswerKind:
    """The kind of ``answer_type``; exhaustive, so a new type without a kind fails type checking."""
    match answer_type:
        case AnswerType.SINGLE_CHOICE:
            return SINGLE_CHOICE
        case AnswerType.MULTIPLE_CHOICE:
            return MULTIPLE_CHOICE
        case AnswerType.YES_NO:
            return YES_NO
        case AnswerType.TEXT:
            return TEXT
        case AnswerType.NUMBER:
            return NUMBER
        case AnswerType.DATE:
            return DATE
        case _:
            assert_never(answer_type)


def is_numeric(answer_type: AnswerType) -> bool:
    """True for the answer types whose value is a number: they take bands, a range, and the
    ``below``/``above`` tests (questionnaire files), and are scored by their bands."""
    return kind_of(answer_type).score_rule is ScoreRule.BANDS
