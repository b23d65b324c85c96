"""Colours with a meaning (ratings, red-flag severities, score levels) as Qt colours.

The colours come from :mod:`trustframe.domain.palette`, shared with the reports, so every screen
(score panel, compare view, navigator, shell) speaks the same visual language. The colours are
dark enough for white text (WCAG AA at normal weight) and remain distinguishable for the common
forms of colour blindness because they always come with a word.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from trustframe.domain import palette
from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import Rating
from trustframe.ui import theme

RATING_COLORS: dict[str, str] = {r.value: theme.rating_colour(r).name() for r in Rating}

SEVERITY_COLORS: dict[str, str] = {severity.value: swatch.strong for severity, swatch in palette.SEVERITY.items()}

#: Neutral grey for "unknown / not scored".
NEUTRAL = palette.NO_RATING.strong
#: Accent for "to confirm" (copied from last time) markers.
TO_CONFIRM = "#2f6fb0"
#: Accent for "needs follow-up" markers.
FOLLOW_UP = "#7c3aed"
#: Accent for "answered".
ANSWERED = palette.RATING[Rating.LOW].strong


def rating_color(rating: Rating | str | None) -> QColor:
    """The colour of a residual-risk rating (the shell's theme colours, so badges match)."""
    try:
        value = Rating(getattr(rating, "value", rating)) if rating is not None else None
    except ValueError:
        value = None
    return QColor(theme.rating_colour(value))


def severity_color(severity: Severity | str | None) -> QColor:
    """The colour of a red-flag severity."""
    key = getattr(severity, "value", severity)
    return QColor(SEVERITY_COLORS.get(str(key), NEUTRAL))


def score_color(score: float | None) -> QColor:
    """The colour of a 0-100 score: green when good, amber, orange, red when poor."""
    if score is None:
        return QColor(NEUTRAL)
    if score >= 75:
        return QColor(RATING_COLORS["low"])
    if score >= 55:
        return QColor(RATING_COLORS["moderate"])
    if score >= 35:
        return QColor(RATING_COLORS["high"])
    return QColor(RATING_COLORS["critical"])
