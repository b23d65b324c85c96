"""The colours that carry a meaning: residual-risk ratings, red-flag severities and score bands.

Pure data (hex strings), so every front end draws from the same palette: the GUI
(``trustframe.ui.theme`` and ``trustframe.ui.widgets.colors``), the report charts
(``trustframe.reports.charts``), the Excel report (``trustframe.reports.excel``) and the report CSS,
which reads them as CSS variables (:func:`css_variables`, given to WeasyPrint with the fonts by
``trustframe.reports.layout.extra_css``). ``tests/test_palette.py`` checks that each of them takes
its colours from here.

The strong colours are dark enough for white text on badges and stay distinguishable for the
common forms of colour blindness because they differ in lightness and always come with a word.
The tints are the light fills of spreadsheet cells, where the text stays dark.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import Rating

__all__ = ["Swatch", "RATING", "NO_RATING", "SEVERITY", "SCORE_BANDS", "rating_swatch", "severity_swatch",
           "score_band", "css_variables"]


@dataclass(frozen=True)
class Swatch:
    """A meaning's colour: ``strong`` for badges, dots, bars and borders; ``tint`` for cell fills."""

    strong: str
    tint: str

    def bare(self, which: str = "strong") -> str:
        """The colour without its "#" (openpyxl's form), upper case: ``"2E7D4F"``."""
        colour = self.tint if which == "tint" else self.strong
        return colour.lstrip("#").upper()


#: Residual-risk ratings, best first.
RATING: Final[dict[Rating, Swatch]] = {
    Rating.LOW: Swatch("#2e7d4f", "#d7eddf"),
    Rating.MODERATE: Swatch("#c08a12", "#fbebc5"),
    Rating.HIGH: Swatch("#d0582a", "#f8d9c8"),
    Rating.CRITICAL: Swatch("#b42318", "#f2c9c6"),
}
#: No rating (not scored, unknown).
NO_RATING: Final = Swatch("#8a94a3", "#eef1f4")

#: Red-flag severities: critical and high share the rating colours of the same words; medium
#: is a darker amber than "moderate", so a medium flag never reads as a rating.
SEVERITY: Final[dict[Severity, Swatch]] = {
    Severity.CRITICAL: RATING[Rating.CRITICAL],
    Severity.HIGH: RATING[Rating.HIGH],
    Severity.MEDIUM: Swatch("#a15c07", "#fbebc5"),
}

#: 0-100 score bands of the reports: (lowest score, name, swatch), best first.
SCORE_BANDS: Final[tuple[tuple[float, str, Swatch], ...]] = (
    (75.0, "good", RATING[Rating.LOW]),
    (50.0, "fair", RATING[Rating.MODERATE]),
    (0.0, "poor", RATING[Rating.CRITICAL]),
)


def rating_swatch(rating: Rating | str | None) -> Swatch:
    """The swatch of a rating (or its value); :data:`NO_RATING` for None or an unknown value."""
    if rating is None:
        return NO_RATING
    try:
        return RATING[Rating(rating)]
    except ValueError:
        return NO_RATING


def severity_swatch(severity: Severity | str | None) -> Swatch:
    """The swatch of a red-flag severity (or its value); :data:`NO_RATING` when unknown."""
    if severity is None:
        return NO_RATING
    try:
        return SEVERITY[Severity(severity)]
    except (ValueError, KeyError):
        return NO_RATING


def score_band(score: float | None) -> tuple[str, Swatch]:
    """The band name (good, fair, poor; "none" without a score) and swatch of a 0-100 score."""
    if score is None:
        return "none", NO_RATING
    for bound, name, swatch in SCORE_BANDS:
        if score >= bound:
            return name, swatch
    return SCORE_BANDS[-1][1], SCORE_BANDS[-1][2]


def css_variables() -> str:
    """The palette as CSS custom properties (``--rating-low``, ``--rating-low-tint``, ``--sev-high`` ...)."""
    lines = [f"  --rating-{r.value}: {s.strong}; --rating-{r.value}-tint: {s.tint};" for r, s in RATING.items()]
    lines.append(f"  --rating-none: {NO_RATING.strong}; --rating-none-tint: {NO_RATING.tint};")
    lines += [f"  --sev-{v.value}: {s.strong};" for v, s in SEVERITY.items()]
    return ":root {\n" + "\n".join(lines) + "\n}\n"
