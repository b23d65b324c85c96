"""When a decision needs a written justification (issue 13 §4).

A decision that departs from the scoring's recommendation, or that is taken while too few
questions are answered for the rating to be trusted, must say why: the reason goes to the audit
log and into the assessment report, so a reader of either sees that the decision was deliberate.
Pure functions, stdlib only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JustificationNeed:
    """Why a justification is needed (empty reasons: none is needed)."""

    reasons: tuple[str, ...]

    @property
    def required(self) -> bool:
        """True when the decision must be justified in writing."""
        return bool(self.reasons)

    def sentence(self) -> str:
        """The reasons as one sentence for people ("" when none)."""
        if not self.reasons:
            return ""
        text = "; ".join(self.reasons)
        return text[0].upper() + text[1:] + "."


def justification_need(decision: str, recommendation: str | None, completeness: float | None,
                       completeness_minimum: float) -> JustificationNeed:
    """Whether recording ``decision`` needs a written justification.

    ``decision`` and ``recommendation`` are decision values ("approve", "reject", ...; the
    recommendation None when no score is available, which also needs a justification);
    ``completeness`` is the share of applicable questions answered (0..1, None when unknown) and
    ``completeness_minimum`` the threshold below which the rating is not trusted.
    """
    reasons: list[str] = []
    if recommendation is None:
        reasons.append("no scored recommendation is available")
    elif decision != recommendation:
        reasons.append(f"the decision ({decision.replace('_', ' ')}) differs from the recommendation "
                       f"({recommendation.replace('_', ' ')})")
    if completeness is None or completeness < completeness_minimum:
        shown = "an unknown share" if completeness is None else f"only {completeness:.0%}"
        reasons.append(f"{shown} of the applicable questions are answered "
                       f"(the threshold is {completeness_minimum:.0%})")
    return JustificationNeed(tuple(reasons))
