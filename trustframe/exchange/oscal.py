"""OSCAL 1.1 out: the question bank as a catalog, an assessment as assessment-results and a POA&M.

``trustframe export oscal ASSESSMENT_ID -o FOLDER`` writes three JSON documents:

- ``catalog.json``: the questionnaire as an OSCAL catalog; each domain is a group and each
  question a control whose ``statement`` part is the question (``GOV-01`` -> part
  ``GOV-01_smt``), with the buyer guidance as a ``guidance`` part and the trace (Buyers Guide
  part, pillar, actor, importance) as properties in TrustFrame's namespace;
- ``assessment-results.json``: one result for the assessment as of the scoring date, with one
  observation per answered question that has a finding (what the vendor answered, its comment
  and the evidence linked to it) and one finding per open red flag and per weak answer, each
  targeting the question's statement in the catalog;
- ``poam.json``: a plan of action and milestones with one item per condition or open flag
  (and its risk), with the assessment's due date as deadline and the assessor as owner where
  they are recorded.

UUIDs are derived (UUID v5) from the assessment's uid and the item, so exporting the same
assessment twice gives the same identifiers and a tool can track findings over time.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import Answer, Assessment
from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import Question, Questionnaire
from trustframe.domain.scoring_model import ScoreResult

OSCAL_VERSION = "1.1.3"
#: Namespace of TrustFrame's own properties (OSCAL requires an http(s) URI; .invalid is never resolved).
NS = "https://ns.trustframe.invalid/oscal"
_UUID_NS = uuid.UUID("5d1f6d4e-3c2b-4c59-9a7e-2f0f7f1b8a10")
#: An answered question scoring below this share of its best answer is reported as a weak answer.
WEAK_ANSWER = 0.5


@dataclass(frozen=True)
class OscalInput:
    """Everything the three documents are built from (plain domain objects)."""

    questionnaire: Questionnaire
    assessment: Assessment
    assessment_uid: str
    answers: dict[str, Answer]
    result: ScoreResult
    evidence: Sequence[Evidence] = ()
    organisation: str = ""
    assessor: str = ""
    tool_version: str = ""


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(_UUID_NS, "/".join(str(p) for p in parts)))


def _ts(value: datetime | date | None) -> str:
    if value is None:
        value = datetime.now(timezone.utc)
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0), tzinfo=timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.isoformat()


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": name, "value": value, "ns": NS}


def _prose(text: str) -> str:
    return " ".join(text.split()) or "-"


def _metadata(title: str, version: str, last_modified: datetime | None,
              data: OscalInput | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": title, "last-modified": _ts(last_modified), "version": version,
                            "oscal-version": OSCAL_VERSION}
    parties = []
    if data is not None and data.organisation:
        parties.append({"uuid": _uuid(data.assessment_uid, "party", "org"), "type": "organization",
                        "name": data.organisation})
    if data is not None and data.assessor:
        parties.append({"uuid": _uuid(data.assessment_uid, "party", "assessor"), "type": "person",
                        "name": data.assessor})
    if parties:
        meta["parties"] = parties
    return meta


def build_catalog(questionnaire: Questionnaire, last_modified: datetime | None = None) -> dict[str, Any]:
    """The questionnaire as an OSCAL catalog (groups = domains, controls = questions)."""
    groups = []
    for section in questionnaire.sections:
        controls = []
        for q in section.questions:
            props = [_prop("importance", q.importance.value), _prop("answer-type", q.type.value)]
            props += [_prop("buyers-guide-part", p.value) for p in q.trace.buyers_guide]
            props += [_prop("pillar", p.value) for p in q.trace.pillar]
            props += [_prop("actor", a.value) for a in q.trace.actor]
            parts: list[dict[str, Any]] = [{"id": f"{q.id}_smt", "name": "statement", "prose": _prose(q.text)}]
            guidance = " ".join(t for t in (q.guidance.why, q.help) if t)
            if guidance:
                parts.append({"id": f"{q.id}_gdn", "name": "guidance", "prose": _prose(guidance)})
            if q.references:
                parts.append({"id": f"{q.id}_ref", "name": "guidance", "title": "References",
                              "prose": _prose("; ".join(str(r) for r in q.references))})
            controls.append({"id": q.id, "class": "trustframe-question", "title": _prose(q.text)[:200],
                             "props": props, "parts": parts})
        groups.append({"id": section.id, "class": "domain", "title": section.title, "controls": controls})
    return {"catalog": {
        "uuid": _uuid("catalog", questionnaire.key),
        "metadata": _metadata(questionnaire.title, questionnaire.version, last_modified),
        "groups": groups,
    }}


def _answer_text(q: Question, answer: Answer | None) -> str:
    if answer is None or answer.value is None:
        return "unanswered"
    return answer_values.display(q, answer.value)


def _observation(data: OscalInput, q: Question, collected: str) -> dict[str, Any]:
    answer = data.answers.get(q.id)
    text = f"{q.id}: the answer is \"{_answer_text(q, answer)}\""
    if answer is not None and answer.comment:
        text += f"; comment: {_prose(answer.comment)}"
    obs: dict[str, Any] = {
        "uuid": _uuid(data.assessment_uid, "observation", q.id), "title": f"Answer to {q.id}",
        "description": text, "methods": ["INTERVIEW"], "collected": collected,
    }
    if answer is not None and answer.source:
        obs["props"] = [_prop("answer-source", answer.source.value)]
    linked = {e.id: e for e in data.evidence}
    evidence = [linked[i] for i in (answer.evidence_ids if answer else ()) if i in linked]
    if evidence:
        obs["methods"] = ["INTERVIEW", "EXAMINE"]
        items = []
        for e in evidence:
            desc = f"{e.kind.label}: {e.title}"
            if e.expires_on:
                desc += f" (valid until {e.expires_on.isoformat()})"
            if e.sha256:
                desc += f", SHA-256 {e.sha256}"
            item: dict[str, Any] = {"description": desc}
            if e.url:
                item["href"] = e.url
            items.append(item)
        obs["relevant-evidence"] = items
    return obs


def build_assessment_results(data: OscalInput, catalog_href: str = "catalog.json") -> dict[str, Any]:
    """Assessment results: one finding per open red flag and per weak answer."""
    result = data.result
    questions = data.questionnaire.questions_by_id
    collected = _ts(result.as_of)
    findings: list[dict[str, Any]] = []
    observed: dict[str, dict[str, Any]] = {}
    risks: list[dict[str, Any]] = []

    def observe(qid: str) -> str:
        if qid not in observed:
            observed[qid] = _observation(data, questions[qid], collected)
        return str(observed[qid]["uuid"])

    for flag in result.open_flags:
        if flag.question_id not in questions:
            continue
        obs = observe(flag.question_id)
        risk_uuid = _uuid(data.assessment_uid, "risk", flag.flag_id)
        risks.append({"uuid": risk_uuid, "title": flag.title, "description": _prose(flag.rationale),
                      "statement": _prose(flag.mitigation), "status": "open",
                      "props": [_prop("severity", flag.severity.value)]})
        findings.append({
            "uuid": _uuid(data.assessment_uid, "finding", flag.flag_id),
            "title": f"Red flag ({flag.severity.value}): {flag.title}",
            "description": _prose(flag.rationale),
            "props": [_prop("severity", flag.severity.value), _prop("red-flag", flag.flag_id)],
            "target": {"type": "statement-id", "target-id": f"{flag.question_id}_smt",
                       "status": {"state": "not-satisfied"}},
            "related-observations": [{"observation-uuid": obs}],
            "related-risks": [{"risk-uuid": risk_uuid}],
        })
    flagged = {f.question_id for f in result.open_flags}
    for qs in result.questions:
        if not qs.answered or qs.not_applicable or qs.score is None or qs.question_id in flagged:
            continue
        if qs.score >= WEAK_ANSWER or qs.question_id not in questions:
            continue
        obs = observe(qs.question_id)
        findings.append({
            "uuid": _uuid(data.assessment_uid, "finding", "weak", qs.question_id),
            "title": f"Weak answer: {qs.question_id}",
            "description": _prose(f"Scored {qs.score * 100:.0f} of 100 for this question"
                                  + (f" ({qs.evidence_note})" if qs.evidence_note else "") + "."),
            "props": [_prop("question-score", f"{qs.score * 100:.0f}")],
            "target": {"type": "statement-id", "target-id": f"{qs.question_id}_smt",
                       "status": {"state": "not-satisfied"}},
            "related-observations": [{"observation-uuid": obs}],
        })
    a = data.assessment
    title = f"{a.vendor_name} - {a.product_name}".strip(" -") or f"Assessment {a.id}"
    res: dict[str, Any] = {
        "uuid": _uuid(data.assessment_uid, "result", result.as_of.isoformat()),
        "title": f"Trustworthiness assessment: {title}",
        "description": _prose(f"Rating {result.rating.label}, recommendation {result.recommendation.label}, "
                              f"score {'-' if result.overall is None else f'{result.overall:.0f}'} of 100, "
                              f"completeness {result.completeness * 100:.0f} %, tier {result.tier or '-'}."),
        "start": _ts(a.created_at or result.as_of),
        "props": [_prop("rating", result.rating.value), _prop("recommendation", result.recommendation.value)],
        "reviewed-controls": {"control-selections": [{"include-controls": [
            {"control-id": q.question_id} for q in result.questions if q.question_id in questions]
            or [{"control-id": next(iter(questions))}]}]},
    }
    if observed:
        res["observations"] = list(observed.values())
    if risks:
        res["risks"] = risks
    if findings:
        res["findings"] = findings
    return {"assessment-results": {
        "uuid": _uuid(data.assessment_uid, "assessment-results"),
        "metadata": _metadata(f"Assessment results: {title}", data.tool_version or "1", a.updated_at, data),
        "import-ap": {"href": catalog_href,
                      "remarks": "TrustFrame keeps no OSCAL assessment plan: the controls assessed are the "
                                 "questions of the catalog, scoped by tier and category."},
        "results": [res],
    }}


def build_poam(data: OscalInput, results: dict[str, Any]) -> dict[str, Any]:
    """A POA&M: one item per open flag (with its risk) and per condition without a flag."""
    result = data.result
    a = data.assessment
    res = results["assessment-results"]["results"][0]
    risks = {r["uuid"]: r for r in res.get("risks", [])}
    deadline = _ts(a.due_date) if a.due_date else None
    owner = [_prop("owner", data.assessor)] if data.assessor else []
    items: list[dict[str, Any]] = []
    out_risks: list[dict[str, Any]] = []
    for flag in result.open_flags:
        risk_uuid = _uuid(data.assessment_uid, "risk", flag.flag_id)
        if risk_uuid in risks:
            risk = dict(risks[risk_uuid])
            if deadline:
                risk["deadline"] = deadline
            out_risks.append(risk)
        item: dict[str, Any] = {
            "uuid": _uuid(data.assessment_uid, "poam-item", flag.flag_id),
            "title": flag.title, "description": _prose(flag.mitigation),
            "props": [_prop("severity", flag.severity.value), _prop("question", flag.question_id), *owner],
        }
        if risk_uuid in risks:
            item["related-risks"] = [{"risk-uuid": risk_uuid}]
        if flag.contract_clause:
            item["remarks"] = _prose(f"Contract clause: {flag.contract_clause}")
        items.append(item)
    mitigations = {_prose(f.mitigation) for f in result.open_flags}
    for i, condition in enumerate(result.conditions, start=1):
        if _prose(condition) in mitigations:
            continue  # already an item through its flag
        items.append({"uuid": _uuid(data.assessment_uid, "poam-item", "condition", i),
                      "title": f"Condition {i}", "description": _prose(condition),
                      "props": [_prop("kind", "condition"), *owner]})
    if not items:
        items.append({"uuid": _uuid(data.assessment_uid, "poam-item", "none"),
                      "title": "No open actions",
                      "description": "The assessment has no open red flag and no condition.",
                      "props": [_prop("kind", "none")]})
    title = f"{a.vendor_name} - {a.product_name}".strip(" -") or f"Assessment {a.id}"
    doc: dict[str, Any] = {
        "uuid": _uuid(data.assessment_uid, "poam"),
        "metadata": _metadata(f"Plan of action: {title}", data.tool_version or "1", a.updated_at, data),
        # The assessed "system" is the assessment; its id is a UUID derived from the assessment uid.
        "system-id": {"identifier-type": "https://ietf.org/rfc/rfc4122", "id": _uuid(data.assessment_uid, "system")},
        "poam-items": items,
    }
    if out_risks:
        doc["risks"] = out_risks
    return {"plan-of-action-and-milestones": doc}


def write_oscal(data: OscalInput, folder: Path) -> list[Path]:
    """Write catalog.json, assessment-results.json and poam.json into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    catalog = build_catalog(data.questionnaire, data.assessment.updated_at)
    results = build_assessment_results(data)
    poam = build_poam(data, results)
    written = []
    for name, doc in (("catalog.json", catalog), ("assessment-results.json", results), ("poam.json", poam)):
        target = folder / name
        tmp = folder / f".~{name}.tmp"
        tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)  # never a half-written document at the target path
        written.append(target)
    return written
