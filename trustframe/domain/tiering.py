"""Inherent-risk tier from the criticality profile (1 = critical ... 4 = low).

Formula (documented in docs/scoring.md): exposure = sum(weight_q * score(option_q)) /
sum(weight_q) over the answered, applicable profile questions; the tier is the first of tier 1,
2, 3 whose threshold the exposure reaches, else tier 4. Escalation rules then force a minimum
tier (for example, anything connected to operational technology is at least tier 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from trustframe.domain.questionnaire import Questionnaire, QuestionnaireKind


@dataclass(frozen=True)
class TierResult:
    """The computed tier and why."""

    tier: int
    exposure: float
    answered: int
    total: int
    reasons: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True when every profile question was answered."""
        return self.answered == self.total


def compute_tier(profile: Questionnaire, answers: Mapping[str, object]) -> TierResult:
    """Compute the inherent-risk tier from profile answers.

    Unanswered questions are left out of the mean; with no answers at all the purchase is
    treated as tier 1 (unknown criticality is not assumed to be low).
    """
    if profile.kind is not QuestionnaireKind.PROFILE or profile.tiering is None:
        raise ValueError(f"{profile.key} is not a criticality profile")
    tiering = profile.tiering
    weighted = 0.0
    weights = 0.0
    answered = 0
    total = 0
    for question in profile.iter_questions():
        total += 1
        value = answers.get(question.id)
        option = question.option(value) if isinstance(value, str) else None
        if option is None:
            continue
        answered += 1
        if option.score is None:
            continue
        weight = question.weight if question.weight is not None else 1.0
        weighted += weight * option.score
        weights += weight
    if answered == 0:
        return TierResult(1, 1.0, 0, total, ("No profile answers yet: treated as critical until answered.",))
    exposure = weighted / weights if weights else 0.0
    if exposure >= tiering.tier1:
        tier = 1
    elif exposure >= tiering.tier2:
        tier = 2
    elif exposure >= tiering.tier3:
        tier = 3
    else:
        tier = 4
    reasons = [f"Weighted exposure {exposure:.2f} gives tier {tier}."]
    for escalation in tiering.escalations:
        if escalation.tier < tier and escalation.when.evaluate(answers):
            tier = escalation.tier
            reasons.append(f"Raised to tier {tier}: {escalation.reason}")
    return TierResult(tier, round(exposure, 4), answered, total, tuple(reasons))
