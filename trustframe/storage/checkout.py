"""Offline check-out: a few assessments of a (team) workspace copied into a new workspace file.

The file holds the assessments with their vendor (contacts, products), evidence (files
included), answers, evidence links, accepted flags, imports, score snapshots, the question
banks' texts and the workspace settings, under the same ids as in the source, plus the *base*:
each checked-out answer as it was at check-out time. :mod:`trustframe.services.team_sync`
compares base, local and remote when merging back.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from trustframe.errors import NotFoundError, WorkspaceError
from trustframe.storage.database import Workspace
from trustframe.storage.orm import Base

#: workspace_meta key of a checked-out file: source, assessment ids, time and base answers,
#: base evidence, base evidence links and which local evidence id is which on the server.
CHECKOUT_KEY = "checkout"

#: What a merge compares of a piece of evidence (what :meth:`EvidenceService.update` may change;
#: the stored file, its name and hash never change).
EVIDENCE_FIELDS = ("title", "kind", "issuer", "independent", "issued_on", "expires_on", "notes", "product_id", "url")


def _filters(assessment_ids: list[int], vendor_ids: list[int], digests: list[str]) -> dict[str, Any]:
    """Which rows of each table belong to the check-out (None: none of the table's rows)."""
    t = Base.metadata.tables
    return {
        "settings": True,
        "questionnaire_texts": True,
        "vendors": t["vendors"].c.id.in_(vendor_ids),
        "contacts": t["contacts"].c.vendor_id.in_(vendor_ids),
        "products": t["products"].c.vendor_id.in_(vendor_ids),
        "assessments": t["assessments"].c.id.in_(assessment_ids),
        "imports": t["imports"].c.assessment_id.in_(assessment_ids),
        "exports": t["exports"].c.assessment_id.in_(assessment_ids),
        "export_bindings": t["export_bindings"].c.assessment_id.in_(assessment_ids),
        "answers": t["answers"].c.assessment_id.in_(assessment_ids),
        "evidence_blobs": t["evidence_blobs"].c.sha256.in_(digests),
        "evidence": t["evidence"].c.vendor_id.in_(vendor_ids),
        "evidence_facts": t["evidence_facts"].c.evidence_id.in_(
            select(t["evidence"].c.id).where(t["evidence"].c.vendor_id.in_(vendor_ids))),
        "answer_evidence": t["answer_evidence"].c.assessment_id.in_(assessment_ids),
        "flag_acceptances": t["flag_acceptances"].c.assessment_id.in_(assessment_ids),
        "score_snapshots": t["score_snapshots"].c.assessment_id.in_(assessment_ids),
    }


def answer_state(session: Session, assessment_ids: list[int]) -> dict[str, dict[str, Any]]:
    """assessment id (as text) -> question id -> {"value", "comment", "version"} of every stored answer."""
    answers = Base.metadata.tables["answers"]
    out: dict[str, dict[str, Any]] = {str(a): {} for a in assessment_ids}
    for aid, qid, value, comment, version in session.execute(
            select(answers.c.assessment_id, answers.c.question_id, answers.c.value, answers.c.comment,
                   answers.c.row_version).where(answers.c.assessment_id.in_(assessment_ids))):
        out[str(aid)][qid] = {"value": value, "comment": comment or "", "version": int(version or 0)}
    return out


def evidence_state(session: Session, vendor_ids: list[int] | None = None,
                   ids: list[int] | None = None) -> dict[str, dict[str, Any]]:
    """evidence id (as text) -> its :data:`EVIDENCE_FIELDS` (dates as ISO text, so the state
    survives JSON) plus "version", of the vendors' evidence (or of the given ids; or all)."""
    evidence = Base.metadata.tables["evidence"]
    query = select(evidence.c.id, evidence.c.row_version, *(evidence.c[f] for f in EVIDENCE_FIELDS))
    if vendor_ids is not None:
        query = query.where(evidence.c.vendor_id.in_(vendor_ids))
    if ids is not None:
        query = query.where(evidence.c.id.in_(ids))
    out: dict[str, dict[str, Any]] = {}
    for row in session.execute(query).mappings():
        state = {f: _plain(row[f]) for f in EVIDENCE_FIELDS}
        state["version"] = int(row["row_version"] or 0)
        out[str(row["id"])] = state
    return out


def _plain(value: Any) -> Any:
    """A JSON-safe value that compares equal after a round trip (dates as ISO text, bools kept)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def link_state(session: Session, assessment_ids: list[int]) -> list[list[Any]]:
    """Sorted [assessment id, question id, evidence id] of every evidence link of the assessments."""
    links = Base.metadata.tables["answer_evidence"]
    return sorted([int(a), str(q), int(e)] for a, q, e in session.execute(
        select(links.c.assessment_id, links.c.question_id, links.c.evidence_id)
        .where(links.c.assessment_id.in_(assessment_ids))))


def checkout(source: Workspace, target: Workspace, assessment_ids: list[int]) -> dict[str, int]:
    """Copy ``assessment_ids`` with what belongs to them from ``source`` into the new, empty
    ``target``; returns rows per table. One transaction in the target."""
    if not assessment_ids:
        raise WorkspaceError("Name at least one assessment to check out.")
    t = Base.metadata.tables
    ids = sorted(set(assessment_ids))
    with source.reading() as src:
        found = {r[0]: r[1] for r in src.execute(select(t["assessments"].c.id, t["assessments"].c.vendor_id)
                                                 .where(t["assessments"].c.id.in_(ids)))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"There is no assessment with id {', '.join(map(str, missing))} in {source.location}.")
        vendor_ids = sorted(set(found.values()))
        digests = [d for (d,) in src.execute(select(t["evidence"].c.sha256).where(
            t["evidence"].c.vendor_id.in_(vendor_ids), t["evidence"].c.sha256.is_not(None)))]
        filters = _filters(ids, vendor_ids, digests)
        base = answer_state(src, ids)
        evidence_base = evidence_state(src, vendor_ids)
        links_base = link_state(src, ids)
        counts: dict[str, int] = {}
        with target.transaction() as dst:
            for name in ("vendors", "contacts", "products", "assessments", "imports", "answers"):
                if dst.execute(select(t[name].c[next(iter(t[name].primary_key.columns)).name]).limit(1)).first():
                    raise WorkspaceError(f"{target.location} is not empty; check out into a new file.")
            for table in Base.metadata.sorted_tables:
                condition = filters.get(table.name)
                if condition is None:
                    continue
                query = select(table)
                if condition is not True:
                    query = query.where(condition)
                rows = [dict(r) for r in src.execute(query).mappings()]
                if table.name == "assessments":
                    for row in rows:
                        if row["previous_assessment_id"] not in ids:
                            row["previous_assessment_id"] = None  # its predecessor stays on the server
                if table.name in ("settings", "questionnaire_texts"):
                    dst.execute(table.delete())  # the new file's defaults, replaced by the source's
                if rows:
                    dst.execute(table.insert(), rows)
                counts[table.name] = len(rows)
            meta = t["workspace_meta"]
            record = {"source": source.location, "assessments": ids,
                      "at": datetime.now().isoformat(timespec="seconds"), "base": base,
                      "evidence_base": evidence_base, "links_base": links_base,
                      # Checked-out evidence keeps its id; evidence added offline is mapped
                      # to its new server id by the merge (so merging again adds nothing).
                      "evidence_ids": {eid: int(eid) for eid in evidence_base}}
            dst.execute(meta.delete().where(meta.c.key == CHECKOUT_KEY))
            dst.execute(meta.insert().values(key=CHECKOUT_KEY, value=json.dumps(record, default=str)))
    return counts


def checkout_record(workspace: Workspace) -> dict[str, Any]:
    """What a checked-out file was taken from (source, assessments, base answers)."""
    meta = Base.metadata.tables["workspace_meta"]
    with workspace.reading() as session:
        row = session.execute(select(meta.c.value).where(meta.c.key == CHECKOUT_KEY)).first()
    if row is None:
        raise WorkspaceError(f"{workspace.location} was not made by `workspace checkout`; there is nothing to merge.")
    return dict(json.loads(row[0]))


def save_base(session: Session, record: dict[str, Any]) -> None:
    """Store a new base after a merge (the merged state), so merging again changes nothing."""
    meta: Table = Base.metadata.tables["workspace_meta"]
    session.execute(meta.update().where(meta.c.key == CHECKOUT_KEY).values(value=json.dumps(record, default=str)))
