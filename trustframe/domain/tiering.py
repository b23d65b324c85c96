"""Inherent-risk tier from the criticality profile (1 = critical ... 4 = low).

Formula (documented in docs/scoring.md): exposure = sum(weight_q * score(option_q)) /
sum(weight_q) over the answered, applicable profile questions; the tier is the first of tier 1,
2, 3 whose threshold the exposure reaches, else tier 4. Escalation rules then force a minimum
tier (for example, anything connected to operational technology is at least tier 2).

The method and thresholds come from the criticality profile's ``tiering`` block; a workspace's
scoring profile may override both (``tiering.method``, ``tiering.thresholds``). Method
``weighted_exposure`` (default) is the weighted mean above; ``highest_exposure`` takes the
highest exposure of any answered question, for buyers who want one very exposed dimension to be
enough.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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


def compute_tier(profile: Questionnaire, answers: Mapping[str, object],
                 thresholds: tuple[float, float, float] | None = None, method: str | None = None) -> TierResult:
    """Compute the inherent-risk tier from profile answers.

    Unanswered questions are left out of the mean; with no answers at all the purchase is
    treated as tier 1 (unknown criticality is not assumed to be low). ``thresholds``
    (tier1, tier2, tier3) and ``method`` override the profile's own when given.
    """
    if profile.kind is not QuestionnaireKind.PROFILE or profile.tiering is None:
        raise ValueError(f"{profile.key} is not a criticality profile")
    tiering = profile.tiering
    tier1, tier2, tier3 = thresholds or (tiering.tier1, tiering.tier2, tiering.tier3)
    method = method or tiering.method or "weighted_exposure"
    if method not in ("weighted_exposure", "highest_exposure"):
        raise ValueError(f"Unknown tiering method {method!r}")
    highest = 0.0
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
        highest = max(highest, option.score)
    if answered == 0:
        return TierResult(1, 1.0, 0, total, ("No profile answers yet: treated as critical until answered.",))
    if method == "highest_exposure":
        exposure = highest
    else:
        exposure = weighted / weights if weights else 0.0
    if exposure >= tier1:
        tier = 1
    elif exposure >= tier2:
        tier = 2
    elif exposure >= tier3:
        tier = 3
    else:
        tier = 4
    label = "Highest exposure" if method == "highest_exposure" else "Weighted exposure"
    reasons = [f"{label} {exposure:.2f} gives tier {tier} (thresholds {tier1:g} / {tier2:g} / {tier3:g})."]
    for escalation in tiering.escalations:
        if escalation.tier < tier and escalation.when.evaluate(answers):
            tier = escalation.tier
            reasons.append(f"Raised to tier {tier}: {escalation.reason}")
    return TierResult(tier, round(exposure, 4), answered, total, tuple(reasons))


@dataclass(frozen=True)
class AnswerEffect:
    """How one profile answer moves the inherent tier (rule 8, shown in the wizard)."""

    question_id: str
    answer_label: str
    share: float                   # this answer's part of the weighted exposure (0..1)
    forces: int | None             # the tier an escalation on this answer forces, if any
    tier_if_least_exposed: int     # the tier with this question answered the least exposed way
    text: str


def explain_answers(profile: Questionnaire, answers: Mapping[str, object],
                    thresholds: tuple[float, float, float] | None = None,
                    method: str | None = None) -> tuple[AnswerEffect, ...]:
    """Each answered profile question's effect on the tier: its share of the exposure, the tier it
    forces through an escalation, and the tier had it been answered the least exposed way (so the
    buyer sees which single answer decides the tier)."""
    if profile.tiering is None:
        raise ValueError(f"{profile.key} is not a criticality profile")
    current = compute_tier(profile, answers, thresholds, method).tier
    total_weight = sum((q.weight if q.weight is not None else 1.0) for q in profile.iter_questions()
                       if isinstance(answers.get(q.id), str) and q.option(str(answers.get(q.id))) is not None)
    effects = []
    for question in profile.iter_questions():
        value = answers.get(question.id)
        option = question.option(value) if isinstance(value, str) else None
        if option is None:
            continue
        weight = question.weight if question.weight is not None else 1.0
        share = weight * (option.score or 0.0) / total_weight if total_weight else 0.0
        forced = [e.tier for e in profile.tiering.escalations
                  if question.id in _questions_of(e) and e.when.evaluate(answers)]
        forces = min(forced) if forced else None
        least = min((o for o in question.options if o.score is not None), key=lambda o: o.score or 0.0)
        alternative = compute_tier(profile, {**answers, question.id: least.id}, thresholds, method).tier
        parts = [f"adds {share:.2f} to the exposure (weight {weight:.0%})"]
        if forces is not None:
            parts.append(f"forces at least tier {forces}")
        if alternative != current:
            parts.append(f"answered '{least.label}' the tier would be {alternative}")
        else:
            parts.append("does not decide the tier alone")
        effects.append(AnswerEffect(question.id, option.label, round(share, 4), forces, alternative,
                                    f"{question.id} '{option.label}': " + "; ".join(parts) + "."))
    return tuple(effects)


def _questions_of(escalation: object) -> set[str]:
    from trustframe.domain.conditions import referenced_questions

    return set(referenced_questions(escalation.when))  # type: ignore[attr-defined]
