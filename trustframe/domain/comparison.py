"""Side-by-side comparison of several scored assessments (vendors competing in one procurement).

Built from :class:`ScoreResult` objects by :func:`build_comparison`; the GUI and the reports show
it as a table: one column per assessment, rows per section, pillar and Buyers Guide part, and the
red flags each vendor raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import GroupScore, Rating, Recommendation, ScoreResult


@dataclass(frozen=True)
class ComparisonColumn:
    """One compared assessment."""

    assessment_id: int | None
    vendor_name: str
    product_name: str
    questionnaire_key: str
    tier: int | None
    overall: float | None
    rating: Rating
    recommendation: Recommendation
    completeness: float
    open_flags: int
    critical_flags: int


@dataclass(frozen=True)
class ComparisonRow:
    """One group (section, pillar or Buyers Guide part) across the columns."""

    key: str
    title: str
    scores: tuple[float | None, ...]        # 0-100 per column; None = nothing answered / not asked
    completeness: tuple[float | None, ...]  # 0..1 per column; None = the group is not in that questionnaire
    best: int | None                        # index of the highest score (first on ties); None if no scores


@dataclass(frozen=True)
class ComparisonFlag:
    """A red flag and its state in each column: "open", "accepted" or None (not raised)."""

    flag_id: str
    title: str
    severity: Severity
    states: tuple[str | None, ...]


@dataclass(frozen=True)
class Comparison:
    """Scores of several assessments side by side, as of one date."""

    as_of: date
    columns: tuple[ComparisonColumn, ...]
    overall: ComparisonRow
    by_section: tuple[ComparisonRow, ...]
    by_pillar: tuple[ComparisonRow, ...]
    by_buyers_guide: tuple[ComparisonRow, ...]
    flags: tuple[ComparisonFlag, ...]
    results: tuple[ScoreResult, ...]

    @property
    def best_overall(self) -> int | None:
        """Index of the column with the best rating, then the highest score (None when empty)."""
        if not self.columns:
            return None
        def key(i: int) -> tuple[int, float, int]:
            column = self.columns[i]
            return column.rating.rank, -(column.overall if column.overall is not None else -1.0), i

        return min(range(len(self.columns)), key=key)


def _best(scores: Sequence[float | None]) -> int | None:
    present = [(s, i) for i, s in enumerate(scores) if s is not None]
    if not present:
        return None
    return max(present, key=lambda t: (t[0], -t[1]))[1]


def _rows(results: Sequence[ScoreResult], attr: str) -> tuple[ComparisonRow, ...]:
    # Keys in first-seen order: assessments of the same questionnaire line up exactly, and a
    # group only some questionnaires have still gets a row.
    order: dict[str, str] = {}
    per_result: list[dict[str, GroupScore]] = []
    for result in results:
        groups: dict[str, GroupScore] = {}
        for g in getattr(result, attr):
            order.setdefault(g.key, g.title)
            groups[g.key] = g
        per_result.append(groups)
    rows = []
    for key, title in order.items():
        scores = tuple(m[key].score if key in m else None for m in per_result)
        completeness = tuple(m[key].completeness if key in m else None for m in per_result)
        rows.append(ComparisonRow(key, title, scores, completeness, _best(scores)))
    return tuple(rows)


def build_comparison(results: Sequence[ScoreResult], names: Sequence[tuple[str, str]], as_of: date) -> Comparison:
    """Line up ``results``; ``names`` gives (vendor name, product name) for each, in order."""
    columns = tuple(
        ComparisonColumn(r.assessment_id, vendor, product, r.questionnaire_key, r.tier, r.overall, r.rating,
                         r.recommendation, r.completeness, len(r.open_flags), len(r.critical_flags))
        for r, (vendor, product) in zip(results, names, strict=True))
    overall_scores = tuple(r.overall for r in results)
    overall = ComparisonRow("overall", "Overall", overall_scores, tuple(r.completeness for r in results),
                            _best(overall_scores))
    flag_info: dict[str, tuple[str, Severity]] = {}
    for r in results:
        for f in r.flags:
            flag_info.setdefault(f.flag_id, (f.title, f.severity))
    flags = []
    for flag_id, (title, severity) in sorted(flag_info.items(), key=lambda kv: (kv[1][1].rank, kv[0])):
        states = []
        for r in results:
            found = next((f for f in r.flags if f.flag_id == flag_id), None)
            states.append(None if found is None else ("accepted" if found.accepted else "open"))
        flags.append(ComparisonFlag(flag_id, title, severity, tuple(states)))
    return Comparison(as_of, columns, overall, _rows(results, "by_section"), _rows(results, "by_pillar"),
                      _rows(results, "by_buyers_guide"), tuple(flags), tuple(results))
