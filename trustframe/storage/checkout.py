"""Offline check-out: a few assessments of a (team) workspace copied into a new workspace file.

The file holds the assessments with their vendor (contacts, products), evidence (files
included), answers, evidence links, accepted flags, imports, score snapshots, the question
banks' texts and the workspace settings, under the same ids as in the source, plus the *base*:
each checked-out answer as it was at check-out time. :mod:`trustframe.services.team_sync`
compares base, local and remote when merging back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from trustframe.errors import NotFoundError, WorkspaceError
from trustframe.storage.database import Workspace
from trustframe.storage.orm import Base, EvidenceFactsRow, EvidenceRow, ProductRow
from trustframe.storage.repositories import locked

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


# ------------------------------------------------------------------------------------------------
# Reads and writes of a merge (:func:`trustframe.services.team_sync.merge`): the rows stay here,
# the merge logic in the service.


def assessment_vendor_ids(session: Session, assessment_ids: list[int]) -> list[int]:
    """The vendors of the assessments, sorted, each once."""
    assessments = Base.metadata.tables["assessments"]
    return sorted({int(v) for (v,) in session.execute(
        select(assessments.c.vendor_id).where(assessments.c.id.in_(assessment_ids)))})


def existing_assessment_ids(session: Session, assessment_ids: list[int]) -> set[int]:
    """Those of the assessments the workspace has."""
    assessments = Base.metadata.tables["assessments"]
    return {int(a) for (a,) in session.execute(
        select(assessments.c.id).where(assessments.c.id.in_(assessment_ids)))}


def evidence_ids(session: Session) -> set[int]:
    """The id of every piece of evidence in the workspace."""
    return {int(e) for (e,) in session.execute(select(EvidenceRow.id))}


def evidence_row_values(session: Session) -> dict[str, dict[str, Any]]:
    """evidence id (as text) -> every column of its row as stored (dates as dates), of all
    evidence: what a merge copies into the team workspace for evidence added offline."""
    columns = [c.name for c in EvidenceRow.__table__.columns]
    return {str(row.id): {name: getattr(row, name) for name in columns}
            for row in session.scalars(select(EvidenceRow))}


def evidence_facts(session: Session) -> dict[str, tuple[str, str, Any]]:
    """evidence id (as text) -> (kind, format, facts) of every stored facts row, as stored."""
    return {str(f.evidence_id): (f.kind, f.format, f.facts) for f in session.scalars(select(EvidenceFactsRow))}


def lock_evidence(session: Session, ids: list[int]) -> None:
    """Lock the evidence rows until the transaction ends (SELECT ... FOR UPDATE on PostgreSQL;
    SQLite's writes are serialised by BEGIN IMMEDIATE already), so nobody edits them between a
    merge's comparing and writing."""
    session.execute(select(EvidenceRow.id).where(EvidenceRow.id.in_(ids)).with_for_update()).all()


def add_evidence_row(session: Session, values: Mapping[str, Any], *, sha256: str | None,
                     product_id: int | None, added_by: str) -> int:
    """Add a piece of evidence with the stored ``values`` of another workspace's row (its id and
    row version are the new workspace's own) and the given stored file, product and adder;
    flushed, returns the new id. The blob ``sha256`` names must already be stored."""
    row = EvidenceRow(**{k: v for k, v in values.items() if k not in ("id", "row_version")})
    row.sha256 = sha256
    row.product_id = product_id
    row.added_by = added_by
    session.add(row)
    session.flush()
    return int(row.id)


def locked_evidence_values(session: Session, evidence_id: int) -> dict[str, Any]:
    """Every column of the evidence row as stored, the row locked until the transaction ends
    (see :func:`~trustframe.storage.repositories.locked`); NotFoundError when there is no such row."""
    row = locked(session, EvidenceRow, evidence_id)
    if row is None:
        raise NotFoundError(f"There is no evidence with id {evidence_id}.")
    return {c.name: getattr(row, c.name) for c in EvidenceRow.__table__.columns}


def write_evidence_fields(session: Session, evidence_id: int, values: Mapping[str, Any], *,
                          new_version: bool) -> None:
    """Set the given fields (column name -> stored value) of the evidence row; ``new_version``
    moves its row version on (a save other officers must see as one). Not flushed."""
    row = session.get(EvidenceRow, evidence_id)
    if row is None:
        raise NotFoundError(f"There is no evidence with id {evidence_id}.")
    for name, value in values.items():
        setattr(row, name, value)
    if new_version:
        row.row_version = int(row.row_version or 0) + 1


def has_evidence(session: Session, evidence_id: int) -> bool:
    """Whether the workspace has this piece of evidence."""
    return session.get(EvidenceRow, evidence_id) is not None


def stored_evidence_values(state: Mapping[str, Any]) -> dict[str, Any]:
    """The :data:`EVIDENCE_FIELDS` as stored, from their JSON-safe state (:func:`evidence_state`;
    dates back from ISO text)."""
    out: dict[str, Any] = {}
    for name in EVIDENCE_FIELDS:
        value = state.get(name)
        if name in ("issued_on", "expires_on") and isinstance(value, str):
            value = date.fromisoformat(value)
        out[name] = value
    return out


def product_of_vendor(session: Session, product_id: int | None, vendor_id: int) -> int | None:
    """``product_id`` when the workspace has that product for the vendor, else None."""
    if product_id is None:
        return None
    product = session.get(ProductRow, product_id)
    return product_id if product is not None and product.vendor_id == vendor_id else None


def change_links(session: Session, removed: Iterable[tuple[int, str, int]],
                 added: Iterable[tuple[int, str, int]]) -> None:
    """Delete the evidence links ``removed`` and insert ``added`` (assessment id, question id,
    evidence id); rows of the link table only, never evidence or files."""
    links = Base.metadata.tables["answer_evidence"]
    for link_a, link_q, link_e in removed:
        # Removes one link row (the merge's state no longer has it), no evidence, no file.
        session.execute(links.delete().where(links.c.assessment_id == link_a, links.c.question_id == link_q,
                                             links.c.evidence_id == link_e))
    for link_a, link_q, link_e in added:
        session.execute(links.insert().values(assessment_id=link_a, question_id=link_q, evidence_id=link_e))
