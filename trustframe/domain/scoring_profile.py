"""The scoring profile: every number the scoring engine uses, as data.

The shipped default lives in ``resources/scoring/default.json``; a workspace can override any
part of it through the ``scoring_profile`` setting (a partial dictionary merged over the
default, see :func:`merge_profile_data`). This module only parses and checks the data; the
service layer reads the file. docs/scoring.md explains every key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from trustframe.domain.questionnaire import Importance, Severity
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.errors import TrustFrameError

PROFILE_FORMAT = "trustframe-scoring-profile/1"

#: Knock-outs are not configurable: an open critical red flag always makes the rating critical.
CRITICAL_FLAG_FLOOR = Rating.CRITICAL


class ScoringProfileError(TrustFrameError, ValueError):
    """The scoring profile data is not valid; the message says which key and why."""


@dataclass(frozen=True)
class EvidenceFactors:
    """Multipliers applied to a positive answer to a question that asks for evidence.

    The best piece of linked evidence decides: current evidence from an independent issuer
    (auditor, certification body, test lab) keeps the full score; current evidence the vendor
    issued itself, evidence that has lapsed (or is not yet valid), and no evidence at all (the
    vendor's word only) count less.
    """

    independent_current: float = 1.0
    vendor_issued_current: float = 0.85
    expired: float = 0.6
    none: float = 0.6
    expiring_soon_days: int = 60


@dataclass(frozen=True)
class RatingThresholds:
    """Minimum score (0-100) for each rating at one tier; below ``high`` the rating is critical."""

    low: float
    moderate: float
    high: float

    def rating(self, score: float) -> Rating:
        """The rating a score earns at this tier."""
        if score >= self.low:
            return Rating.LOW
        if score >= self.moderate:
            return Rating.MODERATE
        if score >= self.high:
            return Rating.HIGH
        return Rating.CRITICAL

    def minimum(self, rating: Rating) -> float | None:
        """The score needed for ``rating`` (None for critical: any score)."""
        return {Rating.LOW: self.low, Rating.MODERATE: self.moderate, Rating.HIGH: self.high}.get(rating)


@dataclass(frozen=True)
class FlagAccumulation:
    """Rule 4: ``count`` or more open flags of ``severity`` at one of ``tiers`` make the rating at
    least ``rating``, even when each flag alone would not (docs/scoring.md)."""

    severity: Severity
    count: int
    tiers: frozenset[int]
    rating: Rating


#: Used when a profile has no ``flag_accumulation`` key (the shipped default states it too).
DEFAULT_FLAG_ACCUMULATION: tuple[FlagAccumulation, ...] = (
    FlagAccumulation(Severity.HIGH, 3, frozenset({1, 2}), Rating.HIGH),
    FlagAccumulation(Severity.HIGH, 5, frozenset({3, 4}), Rating.HIGH),
)


@dataclass(frozen=True)
class ScoringProfile:
    """All tunable numbers of the scoring model. Build with :meth:`from_dict`."""

    id: str
    version: str
    title: str
    importance_weights: Mapping[Importance, float]
    evidence: EvidenceFactors
    thresholds: Mapping[int, RatingThresholds]
    unknown_tier: int = 1
    completeness_minimum: float = 0.8
    critical_questions_required: bool = True
    best_rating_when_incomplete: Rating = Rating.HIGH
    flag_floors: Mapping[Severity, Rating | None] = field(default_factory=dict)
    recommendations: Mapping[Rating, Recommendation] = field(default_factory=dict)
    tier_thresholds: tuple[float, float, float] | None = None
    tier_method: str | None = None
    max_gap_conditions: int = 10
    #: Rule 2: a declined, unknown or missing answer to a question that carries a knock-out
    #: makes the rating at least this (high: escalate, approval blocked until answered).
    withheld_knock_out_floor: Rating = Rating.HIGH
    #: Rule 4: accumulation of open flags.
    flag_accumulation: tuple[FlagAccumulation, ...] = DEFAULT_FLAG_ACCUMULATION
    #: Rule 3: when more than this share of the in-scope scored questions is answered "not
    #: applicable", the rating is no better than ``best_rating_when_mostly_na``.
    na_max_share: float = 0.5
    best_rating_when_mostly_na: Rating = Rating.MODERATE
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def weight(self, importance: Importance) -> float:
        """The weight of a question of this importance."""
        return self.importance_weights[importance]

    def thresholds_for(self, tier: int | None) -> RatingThresholds:
        """Rating thresholds of a tier (the ``unknown_tier`` ones when the tier is not known)."""
        return self.thresholds[tier if tier is not None and tier in self.thresholds else self.unknown_tier]

    @cached_property
    def fingerprint(self) -> str:
        """``id@version#hash``: identifies the exact numbers a stored score was computed with."""
        digest = hashlib.sha256(json.dumps(self.data, sort_keys=True).encode("utf-8")).hexdigest()[:10]
        return f"{self.id}@{self.version}#{digest}"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringProfile:
        """Parse and check profile data; raises :class:`ScoringProfileError` naming the bad key."""
        fmt = data.get("format", PROFILE_FORMAT)
        if fmt != PROFILE_FORMAT:
            raise ScoringProfileError(f"format: expected {PROFILE_FORMAT!r}, got {fmt!r}")
        weights_raw = _mapping(data, "importance_weights")
        weights: dict[Importance, float] = {}
        for imp in Importance:
            value = _number(weights_raw, imp.value, "importance_weights")
            if value <= 0:
                raise ScoringProfileError(f"importance_weights.{imp.value}: must be greater than 0")
            weights[imp] = value
        ev_raw = _mapping(data, "evidence")
        factors = {}
        for name in ("independent_current", "vendor_issued_current", "expired", "none"):
            value = _number(ev_raw, name, "evidence")
            if not 0 <= value <= 1:
                raise ScoringProfileError(f"evidence.{name}: must be between 0 and 1")
            factors[name] = value
        evidence = EvidenceFactors(**factors, expiring_soon_days=int(ev_raw.get("expiring_soon_days", 60)))
        thresholds: dict[int, RatingThresholds] = {}
        th_raw = _mapping(data, "rating_thresholds")
        for tier in (1, 2, 3, 4):
            entry = th_raw.get(str(tier), th_raw.get(tier))  # type: ignore[call-overload]
            if not isinstance(entry, Mapping):
                raise ScoringProfileError(f"rating_thresholds.{tier}: missing (need low, moderate, high)")
            where = f"rating_thresholds.{tier}"
            t = RatingThresholds(_number(entry, "low", where), _number(entry, "moderate", where),
                                 _number(entry, "high", where))
            if not 0 <= t.high <= t.moderate <= t.low <= 100:
                raise ScoringProfileError(f"{where}: need 0 <= high <= moderate <= low <= 100")
            thresholds[tier] = t
        unknown_tier = int(data.get("unknown_tier", 1))
        if unknown_tier not in thresholds:
            raise ScoringProfileError("unknown_tier: must be 1, 2, 3 or 4")
        comp = data.get("completeness") or {}
        minimum = float(comp.get("minimum", 0.8))
        if not 0 <= minimum <= 1:
            raise ScoringProfileError("completeness.minimum: must be between 0 and 1")
        best_incomplete = _rating(comp.get("best_rating_when_incomplete", "high"),
                                  "completeness.best_rating_when_incomplete")
        floors: dict[Severity, Rating | None] = {}
        floors_raw = data.get("flag_floors") or {}
        for sev in Severity:
            raw = floors_raw.get(sev.value)
            floors[sev] = None if raw is None else _rating(raw, f"flag_floors.{sev.value}")
        if floors.get(Severity.CRITICAL, CRITICAL_FLAG_FLOOR) is not CRITICAL_FLAG_FLOOR:
            raise ScoringProfileError("flag_floors.critical: an open critical flag always rates 'critical'")
        floors[Severity.CRITICAL] = CRITICAL_FLAG_FLOOR
        recs_raw = data.get("recommendations") or {}
        defaults = {Rating.LOW: "approve", Rating.MODERATE: "approve_with_conditions",
                    Rating.HIGH: "escalate", Rating.CRITICAL: "reject"}
        recommendations: dict[Rating, Recommendation] = {}
        for rating in Rating:
            raw = recs_raw.get(rating.value, defaults[rating])
            try:
                recommendations[rating] = Recommendation(raw)
            except ValueError:
                raise ScoringProfileError(f"recommendations.{rating.value}: {raw!r} is not a recommendation") from None
        tier_thresholds = None
        tier_method = None
        tiering = data.get("tiering")
        if tiering:
            if "thresholds" in tiering:
                tt = tiering["thresholds"]
                tier_thresholds = (_number(tt, "tier1", "tiering.thresholds"),
                                   _number(tt, "tier2", "tiering.thresholds"),
                                   _number(tt, "tier3", "tiering.thresholds"))
                if not tier_thresholds[0] >= tier_thresholds[1] >= tier_thresholds[2]:
                    raise ScoringProfileError("tiering.thresholds: need tier1 >= tier2 >= tier3")
            tier_method = tiering.get("method")
            if tier_method not in (None, "weighted_exposure", "highest_exposure"):
                raise ScoringProfileError("tiering.method: use weighted_exposure or highest_exposure")
        withheld_floor = _rating(data.get("withheld_knock_out_floor", "high"), "withheld_knock_out_floor")
        if withheld_floor.rank < Rating.HIGH.rank:
            raise ScoringProfileError("withheld_knock_out_floor: must be high or critical (declining a "
                                      "knock-out question must block approval)")
        accumulation = DEFAULT_FLAG_ACCUMULATION
        if "flag_accumulation" in data:
            rules = []
            for i, raw in enumerate(data.get("flag_accumulation") or []):
                where = f"flag_accumulation.{i}"
                if not isinstance(raw, Mapping):
                    raise ScoringProfileError(f"{where}: expected a mapping with severity, count, tiers, rating")
                try:
                    severity = Severity(raw.get("severity"))
                except ValueError:
                    raise ScoringProfileError(f"{where}.severity: use critical, high or medium") from None
                count = int(_number(raw, "count", where))
                if count < 1:
                    raise ScoringProfileError(f"{where}.count: must be at least 1")
                tiers = frozenset(int(t) for t in raw.get("tiers") or (1, 2, 3, 4))
                if not tiers <= {1, 2, 3, 4}:
                    raise ScoringProfileError(f"{where}.tiers: use tiers 1 to 4")
                rules.append(FlagAccumulation(severity, count, tiers, _rating(raw.get("rating"), f"{where}.rating")))
            accumulation = tuple(rules)
        na_raw = data.get("not_applicable") or {}
        na_share = float(na_raw.get("max_share_for_approve", 0.5))
        if not 0 <= na_share <= 1:
            raise ScoringProfileError("not_applicable.max_share_for_approve: must be between 0 and 1")
        mostly_na = _rating(na_raw.get("best_rating_when_mostly_na", "moderate"),
                            "not_applicable.best_rating_when_mostly_na")
        if mostly_na is Rating.LOW:
            raise ScoringProfileError("not_applicable.best_rating_when_mostly_na: must be moderate or worse "
                                      "(a mostly not-applicable questionnaire cannot reach Approve)")
        return cls(
            id=str(data.get("id", "custom")), version=str(data.get("version", "0")),
            title=str(data.get("title", "")), importance_weights=weights, evidence=evidence,
            thresholds=thresholds, unknown_tier=unknown_tier, completeness_minimum=minimum,
            critical_questions_required=bool(comp.get("critical_questions_required", True)),
            best_rating_when_incomplete=best_incomplete, flag_floors=floors,
            recommendations=recommendations, tier_thresholds=tier_thresholds, tier_method=tier_method,
            max_gap_conditions=int((data.get("explanation") or {}).get("max_gap_conditions", 10)),
            withheld_knock_out_floor=withheld_floor, flag_accumulation=accumulation,
            na_max_share=na_share, best_rating_when_mostly_na=mostly_na,
            data=json.loads(json.dumps(data)),
        )


def merge_profile_data(base: Mapping[str, Any], override: Mapping[str, Any] | None) -> dict[str, Any]:
    """``base`` with ``override`` merged in key by key (nested dictionaries merge; other values
    replace). Lets a workspace change one threshold without copying the whole profile."""
    result: dict[str, Any] = json.loads(json.dumps(base))
    for key, value in (override or {}).items():
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merge_profile_data(result[key], value)
        else:
            result[key] = value
    return result


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ScoringProfileError(f"{key}: missing or not a mapping")
    return value


def _number(data: Mapping[str, Any], key: str, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScoringProfileError(f"{where}.{key}: expected a number, got {value!r}")
    return float(value)


def _rating(value: Any, where: str) -> Rating:
    try:
        return Rating(value)
    except ValueError:
        raise ScoringProfileError(f"{where}: {value!r} is not one of low, moderate, high, critical") from None
