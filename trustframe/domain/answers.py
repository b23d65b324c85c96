"""Checking and parsing answer values against their question.

Used by every way an answer arrives: the GUI's widgets, the CLI's text, and returned vendor
workbooks. Errors are :class:`AnswerValueError` with a message a person can act on.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from trustframe.domain.questionnaire import AnswerType, Question

MAX_TEXT_LENGTH = 10_000


class AnswerValueError(ValueError):
    """The value does not fit the question."""


def normalise(question: Question, value: Any) -> Any:
    """Check ``value`` for ``question`` and return it in canonical form.

    Canonical forms: option id (str) for single choice and yes/no; sorted-by-definition list of
    option ids for multiple choice; float (int when whole) for numbers; ISO ``YYYY-MM-DD`` for
    dates; stripped text for text. ``None`` (or empty) clears the answer.
    """
    if value is None or (isinstance(value, str) and value.strip() == "") or value == []:
        return None
    qtype = question.type
    if qtype in (AnswerType.SINGLE_CHOICE, AnswerType.YES_NO):
        if not isinstance(value, str) or question.option(value) is None:
            raise AnswerValueError(_not_an_option(question, value))
        return value
    if qtype is AnswerType.MULTIPLE_CHOICE:
        items = [value] if isinstance(value, str) else list(value)
        for item in items:
            if not isinstance(item, str) or question.option(item) is None:
                raise AnswerValueError(_not_an_option(question, item))
        chosen = set(items)
        ordered = [o.id for o in question.options if o.id in chosen]
        _check_exclusive(question, ordered)
        return ordered
    if qtype is AnswerType.NUMBER:
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
    if qtype is AnswerType.DATE:
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value).strip()[:10]).isoformat()
        except ValueError:
            raise AnswerValueError(f"{question.id} expects a date as YYYY-MM-DD, got {str(value)[:40]!r}") from None
    text = str(value).strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise AnswerValueError(f"{question.id}: the text is {len(text)} characters; the limit is {MAX_TEXT_LENGTH}")
    return text


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


def _check_exclusive(question: Question, chosen: list[str]) -> None:
    """Refuse an exclusive option ("none", "declined", "unknown") combined with others (rule 6)."""
    if len(chosen) < 2:
        return
    for option_id in chosen:
        option = question.option(option_id)
        if option is not None and option.exclusive:
            others = ", ".join(o for o in chosen if o != option_id)
            raise AnswerValueError(f"{question.id}: '{option.label}' cannot be combined with other options "
                                   f"(also chosen: {others}); choose it alone or remove it")


def parse_text(question: Question, text: str) -> Any:
    """Parse an answer typed as text (CLI, spreadsheet cell) and normalise it.

    Choice answers accept the option id or its label, case-insensitively; multiple choice takes
    several separated by commas or semicolons.
    """
    raw = text.strip()
    if raw == "":
        return None
    if question.type in (AnswerType.SINGLE_CHOICE, AnswerType.YES_NO):
        return normalise(question, _match_option(question, raw))
    if question.type is AnswerType.MULTIPLE_CHOICE:
        parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
        return normalise(question, [_match_option(question, p) for p in parts])
    return normalise(question, raw)


def _match_option(question: Question, raw: str) -> str:
    folded = raw.casefold()
    for option in question.options:
        if option.id.casefold() == folded or option.label.casefold() == folded:
            return option.id
    raise AnswerValueError(_not_an_option(question, raw))


def _not_an_option(question: Question, value: Any) -> str:
    choices = ", ".join(f"{o.id} ({o.label})" if o.label.casefold() != o.id.casefold() else o.id
                        for o in question.options)
    return f"{str(value)[:60]!r} is not an option of {question.id}; choose one of: {choices}"


def display(question: Question, value: Any) -> str:
    """The answer as a person reads it (option labels rather than ids)."""
    if value is None:
        return ""
    if question.type.has_options:
        ids = value if isinstance(value, (list, tuple)) else [value]
        labels = []
        for option_id in ids:
            option = question.option(str(option_id))
            labels.append(option.label if option else str(option_id))
        return "; ".join(labels)
    if question.type is AnswerType.NUMBER and question.unit:
        return f"{value} {question.unit}"
    return str(value)
