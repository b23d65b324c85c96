"""Score results to and from plain JSON-ready dictionaries.

Used for stored snapshots (the basis of a decision), ``trustframe assessment score --json`` and
anything else that needs a :class:`ScoreResult` outside Python. ``compact=True`` drops the
per-question detail (kept for decisions, not for the many "live" register snapshots).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import (
    Driver,
    GroupScore,
    Improvement,
    QuestionScore,
    RaisedFlag,
    Rating,
    Recommendation,
    RuleFinding,
    ScoreResult,
)

CODEC_VERSION = 1


def _group(g: GroupScore) -> dict[str, Any]:
    return {"key": g.key, "title": g.title, "score": g.score, "answered": g.answered, "applicable": g.applicable,
            "gaps": g.gaps, "weight_answered": g.weight_answered, "weight_total": g.weight_total}


def _flag(f: RaisedFlag) -> dict[str, Any]:
    return {"flag_id": f.flag_id, "question_id": f.question_id, "severity": f.severity.value, "title": f.title,
            "rationale": f.rationale, "mitigation": f.mitigation, "contract_clause": f.contract_clause,
            "accepted": f.accepted, "accepted_reason": f.accepted_reason, "accepted_by": f.accepted_by}


def _rule(f: RuleFinding) -> dict[str, Any]:
    return {"rule": f.rule, "fired": f.fired, "effect": f.effect.value if f.effect else None, "reason": f.reason,
            "question_ids": list(f.question_ids), "flag_ids": list(f.flag_ids)}


def _rule_from(data: Mapping[str, Any]) -> RuleFinding:
    return RuleFinding(rule=data["rule"], fired=bool(data.get("fired")),
                       effect=Rating(data["effect"]) if data.get("effect") else None, reason=data.get("reason", ""),
                       question_ids=tuple(data.get("question_ids", ())), flag_ids=tuple(data.get("flag_ids", ())))


def result_to_dict(result: ScoreResult, compact: bool = False) -> dict[str, Any]:
    """A JSON-ready dictionary of ``result`` (dates as ISO text, enums as their values)."""
    data: dict[str, Any] = {
        "codec": CODEC_VERSION,
        "assessment_id": result.assessment_id,
        "as_of": result.as_of.isoformat(),
        "tier": result.tier,
        "overall": result.overall,
        "completeness": result.completeness,
        "rating": result.rating.value,
        "recommendation": result.recommendation.value,
        "by_section": [_group(g) for g in result.by_section],
        "by_pillar": [_group(g) for g in result.by_pillar],
        "by_buyers_guide": [_group(g) for g in result.by_buyers_guide],
        "flags": [_flag(f) for f in result.flags],
        "gaps": list(result.gaps),
        "conditions": list(result.conditions),
        "rating_reasons": list(result.rating_reasons),
        "profile_id": result.profile_id,
        "questionnaire_key": result.questionnaire_key,
        "next_rating": result.next_rating.value if result.next_rating else None,
        "valid_until": result.valid_until.isoformat() if result.valid_until else None,
        "profile_version": result.profile_version,
        "rules": [_rule(f) for f in result.rules],
    }
    if compact:
        return data
    # Questions as rows (not objects): a 200-question decision snapshot stays around 10 kB.
    data["question_fields"] = ["question_id", "section_id", "weight", "raw_score", "score", "evidence_factor",
                               "answered", "not_applicable", "points_lost", "evidence_note"]
    data["questions"] = [[q.question_id, q.section_id, q.weight, q.raw_score, q.score, q.evidence_factor,
                          q.answered, q.not_applicable, q.points_lost, q.evidence_note] for q in result.questions]
    data["drivers"] = [{"question_id": d.question_id, "section_id": d.section_id, "answer": d.answer,
                        "points_lost": d.points_lost, "weight": d.weight, "reason": d.reason} for d in result.drivers]
    data["improvements"] = [{"question_id": i.question_id, "from_answer": i.from_answer, "to_answer": i.to_answer,
                             "gain": i.gain, "kind": i.kind, "flag_id": i.flag_id,
                             "to_value": list(i.to_value) if isinstance(i.to_value, tuple) else i.to_value,
                             "with_evidence": i.with_evidence} for i in result.improvements]
    return data


def _improvement(data: Mapping[str, Any]) -> Improvement:
    # Several chosen options are a tuple in the result (JSON has only lists).
    value = data.get("to_value")
    return Improvement(**{**data, "to_value": tuple(value) if isinstance(value, list) else value})


def result_from_dict(data: Mapping[str, Any]) -> ScoreResult:
    """The :class:`ScoreResult` written by :func:`result_to_dict` (compact ones have no
    questions, drivers or improvements)."""
    def groups(key: str) -> tuple[GroupScore, ...]:
        return tuple(GroupScore(**g) for g in data.get(key, ()))

    return ScoreResult(
        assessment_id=data.get("assessment_id"),
        as_of=date.fromisoformat(data["as_of"]),
        tier=data.get("tier"),
        overall=data.get("overall"),
        completeness=float(data.get("completeness", 0.0)),
        rating=Rating(data["rating"]),
        recommendation=Recommendation(data["recommendation"]),
        by_section=groups("by_section"),
        by_pillar=groups("by_pillar"),
        by_buyers_guide=groups("by_buyers_guide"),
        questions=tuple(QuestionScore(*row) for row in data.get("questions", ())),
        flags=tuple(RaisedFlag(**{**f, "severity": Severity(f["severity"])}) for f in data.get("flags", ())),
        gaps=tuple(data.get("gaps", ())),
        drivers=tuple(Driver(**d) for d in data.get("drivers", ())),
        improvements=tuple(_improvement(i) for i in data.get("improvements", ())),
        conditions=tuple(data.get("conditions", ())),
        rating_reasons=tuple(data.get("rating_reasons", ())),
        profile_id=data.get("profile_id", ""),
        questionnaire_key=data.get("questionnaire_key", ""),
        next_rating=Rating(data["next_rating"]) if data.get("next_rating") else None,
        valid_until=date.fromisoformat(data["valid_until"]) if data.get("valid_until") else None,
        rules=tuple(_rule_from(r) for r in data.get("rules", ())),
        profile_version=data.get("profile_version", ""),
    )
