"""Checking and parsing answer values against their question.

Used by every way an answer arrives: the GUI's widgets, the CLI's text, and returned vendor
workbooks. Errors are :class:`AnswerValueError` with a message a person can act on. The rules per
answer type live in :mod:`trustframe.domain.answer_types`; these functions pick the question's kind.
"""

from __future__ import annotations

from typing import Any

from trustframe.domain.answer_types import (
    MAX_TEXT_LENGTH,
    AnswerValueError,
    OptionAlias,
    is_answered,
    kind_of,
)
from trustframe.domain.questionnaire import Question

__all__ = ["MAX_TEXT_LENGTH", "AnswerValueError", "OptionAlias", "display", "is_answered", "normalise",
           "parse_text"]


def normalise(question: Question, value: Any) -> Any:
    """Check ``value`` for ``question`` and return it in canonical form.

    Canonical forms: option id (str) for single choice and yes/no; sorted-by-definition list of
    option ids for multiple choice; float (int when whole) for numbers; ISO ``YYYY-MM-DD`` for
    dates; stripped text for text. ``None`` (or empty) clears the answer.
    """
    return kind_of(question.type).normalise(question, value)


def parse_text(question: Question, text: str, option_alias: OptionAlias | None = None) -> Any:
    """Parse an answer typed as text (CLI, GUI, spreadsheet cell) and normalise it.

    Choice answers accept the option id or its label, case-insensitively (or a translated label
    through ``option_alias``); several choices are separated by ";" or new lines, and by commas
    where the text is not itself an option. Numbers may end with the question's unit.
    """
    return kind_of(question.type).parse_text(question, text, option_alias)


def display(question: Question, value: Any) -> str:
    """The answer as a person reads it (option labels rather than ids)."""
    return kind_of(question.type).display(question, value)
