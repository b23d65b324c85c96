"""Result types of scoring: the contract between the scoring engine (``domain/scoring.py``)
and everything that shows scores (GUI, reports, exchange, CLI).

All scores shown to people are 0-100 (``None`` when nothing scorable was answered);
per-question ``score`` values are 0-1 as in the questionnaire.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trustframe.domain.questionnaire import Severity


class Rating(str, enum.Enum):
    """Residual risk rating, best first."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for low ... 3 for critical."""
        return ["low", "moderate", "high", "critical"].index(self.value)

    @property
    def label(self) -> str:
        """Human-readable rating."""
        return self.value.capitalize()


class Recommendation(str, enum.Enum):
    """Decision recommendation derived from the rating."""

    APPROVE = "approve"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"
    ESCALATE = "escalate"
    REJECT = "reject"

    @property
    def label(self) -> str:
        """Human-readable recommendation."""
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class QuestionScore:
    """How one applicable question contributes."""

    question_id: str
    section_id: str
    weight: float                 # importance weight from the scoring profile
    raw_score: float | None       # option/band score 0..1 before evidence adjustment; None = n/a or unscored
    score: float | None           # after the evidence-strength factor
    evidence_factor: float        # 1.0 = current independent evidence ... lower = weaker support
    answered: bool
    not_applicable: bool
    points_lost: float            # weight * (1 - score) for answered; weight for gaps
    evidence_note: str = ""       # why the evidence factor is what it is


@dataclass(frozen=True)
class GroupScore:
    """Score of a group of questions: a section/domain, a pillar or a Buyers Guide part."""

    key: str
    title: str
    score: float | None           # 0-100
    answered: int
    applicable: int               # applicable, scorable questions (n/a excluded)
    gaps: int                     # required, unanswered
    weight_answered: float = 0.0
    weight_total: float = 0.0

    @property
    def completeness(self) -> float:
        """Share of applicable questions answered (0..1)."""
        return self.answered / self.applicable if self.applicable else 1.0


@dataclass(frozen=True)
class RaisedFlag:
    """A red-flag rule that fired."""

    flag_id: str
    question_id: str
    severity: Severity
    title: str
    rationale: str
    mitigation: str
    contract_clause: str = ""
    accepted: bool = False
    accepted_reason: str = ""
    accepted_by: str = ""


@dataclass(frozen=True)
class Driver:
    """One thing that pulled the score down, for the explanation."""

    question_id: str
    section_id: str
    answer: str                   # display text of the answer ("unanswered" for gaps)
    points_lost: float            # in score points (0-100 scale of the overall score)
    weight: float
    reason: str                   # e.g. "answered 'Partly'", "evidence expired 2026-01-31", "unanswered"


@dataclass(frozen=True)
class Improvement:
    """An answer change that would raise the score (part of "what would change the rating")."""

    question_id: str
    from_answer: str
    to_answer: str
    gain: float                   # score points gained
    kind: str = "answer"          # answer | evidence | gap | flag (see docs/scoring.md)
    flag_id: str = ""             # for kind "flag": the red flag that must be cleared or accepted
    #: The answer value to set (option id, option ids as a tuple, number); None when the change
    #: is accepting ``flag_id`` as mitigated rather than changing the answer.
    to_value: Any = None
    #: The change assumes current independent evidence linked to the answer.
    with_evidence: bool = False


@dataclass(frozen=True)
class RuleFinding:
    """Why one scoring rule did or did not act (machine-readable; docs/scoring.md "Rules").

    ``rule`` is a stable id (``score_threshold``, ``completeness``, ``knock_out``,
    ``withheld_knock_out``, ``not_applicable``, ``flag_floor``, ``flag_accumulation``,
    ``evidence_fit``, ``input_bounds``, ``conditions``); ``effect`` is the best rating the rule
    allows (None when it does not limit the rating).
    """

    rule: str
    fired: bool
    effect: Rating | None = None
    reason: str = ""
    question_ids: tuple[str, ...] = ()
    flag_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoreResult:
    """Everything known about an assessment's score as of a date."""

    assessment_id: int | None
    as_of: date
    tier: int | None
    overall: float | None
    completeness: float
    rating: Rating
    recommendation: Recommendation
    by_section: tuple[GroupScore, ...]
    by_pillar: tuple[GroupScore, ...]
    by_buyers_guide: tuple[GroupScore, ...]
    questions: tuple[QuestionScore, ...]
    flags: tuple[RaisedFlag, ...]
    gaps: tuple[str, ...]                       # required applicable questions unanswered
    drivers: tuple[Driver, ...]                 # what pulled it down most, worst first
    improvements: tuple[Improvement, ...]       # smallest set of changes that lifts the rating a level
    conditions: tuple[str, ...]                 # mitigations to require when approving with conditions
    rating_reasons: tuple[str, ...] = ()        # plain-language reasons ("critical flag caps the rating")
    profile_id: str = ""
    questionnaire_key: str = ""
    next_rating: Rating | None = field(default=None)  # the level ``improvements`` would reach
    valid_until: date | None = None             # first day linked evidence changes state (re-score then)
    rules: tuple[RuleFinding, ...] = ()         # per rule: whether it fired and why (machine-readable)
    profile_version: str = ""                   # the scoring profile's version (also inside profile_id)

    @property
    def open_flags(self) -> tuple[RaisedFlag, ...]:
        """Flags not accepted as mitigated, worst first."""
        return tuple(sorted((f for f in self.flags if not f.accepted), key=lambda f: f.severity.rank))

    @property
    def critical_flags(self) -> tuple[RaisedFlag, ...]:
        """Open critical flags."""
        return tuple(f for f in self.open_flags if f.severity is Severity.CRITICAL)


@dataclass(frozen=True)
class OverlayScore:
    """A regulatory overlay's own sub-score: how the questions it maps (those it adds, raises or
    gives a red flag) score in the assessment, with the same weights as the overall score."""

    overlay_id: str
    version: str
    title: str
    regime: str
    question_ids: tuple[str, ...]        # mapped questions that apply to the assessment
    rows: tuple[QuestionScore, ...]      # their scores, in questionnaire order
    score: float | None                  # 0-100; None while none of them is answered
    answered: int
    applicable: int                      # mapped, applicable and scorable
    gaps: tuple[str, ...]                # mapped required questions still unanswered
    flags: tuple[str, ...]               # open red flags raised on mapped questions

    @property
    def completeness(self) -> float:
        """Share of the mapped, applicable questions answered (0..1)."""
        return self.answered / self.applicable if self.applicable else 1.0


def overlay_score(result: ScoreResult, overlay_id: str, version: str, title: str, regime: str,
                  mapped: tuple[str, ...]) -> OverlayScore:
    """The sub-score of the questions ``mapped`` by an overlay, from a detailed result (rule of
    docs/scoring.md §4 applied to that group: Σ weight × effective / Σ weight over the answered)."""
    wanted = set(mapped)
    rows = tuple(q for q in result.questions if q.question_id in wanted)
    scored = [q for q in rows if q.answered and not q.not_applicable and q.score is not None]
    total = sum(q.weight for q in scored)
    score = round(100 * sum(q.weight * (q.score or 0.0) for q in scored) / total, 2) if total else None
    gaps = tuple(qid for qid in result.gaps if qid in wanted)
    applicable = len(scored) + sum(1 for q in rows if not q.answered and q.question_id in gaps)
    flags = tuple(f.flag_id for f in result.open_flags if f.question_id in wanted)
    return OverlayScore(overlay_id, version, title, regime, tuple(q.question_id for q in rows), rows, score,
                        len(scored), applicable, gaps, flags)
