"""Guarded access to the scoring service from the GUI.

The live score panel, review and compare screens must keep working while scoring is being
developed or when it fails for one odd assessment: a missing service shows "score unavailable"
instead of breaking the answering flow. Failures are logged with their traceback.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from trustframe.domain.scoring_model import ScoreResult
    from trustframe.services.context import Services

log = logging.getLogger(__name__)


def scoring_service(services: "Services") -> Any | None:
    """The scoring service, or None when it is not installed (yet)."""
    try:
        return services.scoring
    except ImportError:
        return None


def score_or_none(services: "Services", assessment_id: int) -> "ScoreResult | None":
    """``services.scoring.score(assessment_id)``, or None when unavailable or failing."""
    scoring = scoring_service(services)
    if scoring is None:
        return None
    try:
        return scoring.score(assessment_id)
    except Exception:  # a broken score must not stop the officer answering; it is logged
        log.exception("Scoring assessment %s failed", assessment_id)
        return None


def compare_or_none(services: "Services", assessment_ids: Sequence[int]) -> "list[ScoreResult | None]":
    """Scores of several assessments for side-by-side comparison, in the given order.

    Uses the scoring service's comparison when it offers one that returns ScoreResults, else
    scores each assessment on its own.
    """
    scoring = scoring_service(services)
    if scoring is None:
        return [None for _ in assessment_ids]
    compare = getattr(scoring, "compare", None)
    if compare is not None:
        try:
            result = compare(list(assessment_ids))
            scores = getattr(result, "scores", result)
            if isinstance(scores, (list, tuple)) and len(scores) == len(assessment_ids) and all(
                    hasattr(s, "overall") for s in scores):
                return list(scores)
        except Exception:  # fall back to one score per assessment; logged for the developer
            log.exception("Comparing assessments %s failed", list(assessment_ids))
    return [score_or_none(services, aid) for aid in assessment_ids]


def comparison_or_none(services: "Services", assessment_ids: Sequence[int]) -> Any | None:
    """``services.scoring.compare(ids)`` (a ``trustframe.domain.comparison.Comparison``), or
    None when scoring is unavailable or fails."""
    scoring = scoring_service(services)
    if scoring is None or not hasattr(scoring, "compare") or not assessment_ids:
        return None
    try:
        return scoring.compare(list(assessment_ids))
    except Exception:  # the compare screen shows "not available"; the traceback is logged
        log.exception("Comparing assessments %s failed", list(assessment_ids))
        return None
