"""Offline work on a team workspace: check out assessments to a file, merge them back.

``checkout`` copies assessments (with vendor, products, evidence and answers) from a team
workspace into a new workspace file, remembering each answer as it was (the *base*). ``merge``
brings the answers back in one transaction of the team workspace:

* changed only locally (local differs from base, remote still equals base): applied;
* changed only on the server, or changed alike on both sides: nothing to do;
* changed on both sides differently: a *conflict*, listed with base, local and remote. Nothing at
  all is written while a conflict has no decision; decide per answer (``resolutions``) or for
  all (``take``), then merge again.

After a merge the file's base becomes the merged state (and its answers the merged answers), so
merging again changes nothing: the merge is idempotent. An answer is its value and comment.

Evidence travels the same way, in the same transaction:

* evidence added offline (to a checked-out vendor) is created on the server with its stored file
  and its facts; the file remembers its server id, so merging again adds nothing;
* evidence edited offline (title, kind, issuer, dates, notes, product, link) follows the answer
  rules: applied when only changed locally, a conflict (base, local, remote) when changed on both
  sides differently; decide it with ``evidence_resolutions`` (by evidence id) or ``take``;
* evidence links added or removed offline are added or removed on the server (a link is there or
  not: no conflict is possible);
* evidence deleted offline, or deleted on the server while edited offline, is not merged: it is
  reported in ``evidence_not_merged`` (deleting is done in the team workspace, deliberately).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustframe.errors import WorkspaceError
from trustframe.services.assessments import AnswerInput
from trustframe.services.changes import Change, Entity
from trustframe.services.context import Services
from trustframe.storage import checkout as storage_checkout
from trustframe.storage.database import Workspace
from trustframe.storage.evidence_facts import EvidenceFactsRepository
from trustframe.storage.repositories import EvidenceRepository, HistoryRepository

Key = tuple[int, str]


@dataclass(frozen=True)
class MergeConflict:
    """One answer changed differently on both sides: (value, comment) at check-out, here, there."""

    assessment_id: int
    question_id: str
    base: dict[str, Any] | None
    local: dict[str, Any] | None
    remote: dict[str, Any] | None


@dataclass(frozen=True)
class EvidenceConflict:
    """One piece of evidence edited differently on both sides: its fields
    (:data:`~trustframe.storage.checkout.EVIDENCE_FIELDS`) at check-out, here and there."""

    evidence_id: int
    title: str
    base: dict[str, Any]
    local: dict[str, Any]
    remote: dict[str, Any]

    def changed_fields(self) -> list[str]:
        """The fields that differ between the sides (in the usual order)."""
        return [f for f in storage_checkout.EVIDENCE_FIELDS
                if len({repr(self.base.get(f)), repr(self.local.get(f)), repr(self.remote.get(f))}) > 1]


@dataclass
class MergeResult:
    """What a merge did (``merged`` False: conflicts without a decision, or a preview; nothing was
    written). Evidence is named by its id in the checked-out file (``evidence_added`` by title)."""

    merged: bool
    applied: list[Key] = field(default_factory=list)
    kept_remote: list[Key] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)
    evidence_added: list[str] = field(default_factory=list)
    evidence_applied: list[int] = field(default_factory=list)
    evidence_kept_remote: list[int] = field(default_factory=list)
    evidence_conflicts: list[EvidenceConflict] = field(default_factory=list)
    links_added: list[tuple[int, str, int]] = field(default_factory=list)
    links_removed: list[tuple[int, str, int]] = field(default_factory=list)
    evidence_not_merged: list[str] = field(default_factory=list)
    #: Where the file was checked out from (the check-out record's source).
    source: str = ""

    @property
    def conflict_count(self) -> int:
        """Answer and evidence conflicts together."""
        return len(self.conflicts) + len(self.evidence_conflicts)


def _pair(state: Mapping[str, Any] | None) -> tuple[Any, str] | None:
    return None if state is None else (state.get("value"), state.get("comment") or "")


def checkout(source: str | Path, assessment_ids: list[int], target: Path, *,
             password: str | None = None) -> dict[str, int]:
    """Copy ``assessment_ids`` and what belongs to them into the new file ``target``."""
    target = Path(target).expanduser()
    if target.exists():
        raise WorkspaceError(f"{target} already exists; check out into a new file.")
    with Workspace.open(source, create=False, migrate=False, read_only=True, password=password) as src:
        with Workspace.open(target, create=True) as dst:
            return storage_checkout.checkout(src, dst, assessment_ids)


def checkout_workspace(source: Workspace, assessment_ids: list[int], target: Path) -> dict[str, int]:
    """Like :func:`checkout`, from a team workspace that is already open (the window's): no
    second login, so no password is asked again."""
    target = Path(target).expanduser()
    if target.exists():
        raise WorkspaceError(f"{target} already exists; check out into a new file.")
    with Workspace.open(target, create=True) as dst:
        return storage_checkout.checkout(source, dst, assessment_ids)


def checkout_source(local: Path) -> tuple[str, list[int]]:
    """Where the checked-out file ``local`` came from and which assessments it holds
    (a :class:`WorkspaceError` when it is no checked-out file)."""
    with Workspace.open(Path(local).expanduser(), create=False, migrate=False, read_only=True) as workspace:
        record = storage_checkout.checkout_record(workspace)
    return str(record.get("source", "")), [int(i) for i in record.get("assessments", [])]


def _fields(state: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    return None if state is None else tuple(state.get(f) for f in storage_checkout.EVIDENCE_FIELDS)


def _legacy_evidence(record: dict[str, Any], local_evidence: dict[str, dict[str, Any]],
                     remote_ids: set[int]) -> None:
    """A file checked out before evidence was merged has no evidence base: its evidence that the
    server also has counts as checked out and unchanged (only evidence added offline merges)."""
    if "evidence_ids" in record:
        return
    known = {eid: state for eid, state in local_evidence.items() if int(eid) in remote_ids}
    record["evidence_base"] = known
    record["evidence_ids"] = {eid: int(eid) for eid in known}
    record.setdefault("links_base", [])


def merge(local: Path, remote: str | Path, *, resolutions: Mapping[Key, str] | None = None,
          take: str | None = None, evidence_resolutions: Mapping[int, str] | None = None,
          user: str | None = None, password: str | None = None, preview: bool = False) -> MergeResult:
    """Merge the answers and evidence of the checked-out file ``local`` into ``remote`` (see the
    module doc), in one transaction of ``remote``.

    ``resolutions`` maps (assessment id, question id) to "local" or "remote",
    ``evidence_resolutions`` maps an evidence id (as in the file) the same way; ``take`` decides
    every other conflict. Without a decision for every conflict nothing is written. ``preview``
    works out and returns everything a merge would do, writing nothing (``merged`` stays False).
    """
    resolutions = dict(resolutions or {})
    evidence_resolutions = {int(k): v for k, v in (evidence_resolutions or {}).items()}
    for given in list(resolutions.values()) + list(evidence_resolutions.values()) + ([take] if take else []):
        if given not in ("local", "remote"):
            raise WorkspaceError(f"A conflict is decided with 'local' or 'remote', not '{given}'.")
    with Services.open(Path(local).expanduser(), create=False, user=user) as here:
        record = storage_checkout.checkout_record(here.workspace)
        ids = [int(i) for i in record["assessments"]]
        base: dict[str, dict[str, Any]] = record["base"]
        with here.workspace.reading() as session:
            local_state = storage_checkout.answer_state(session, ids)
            vendor_ids = storage_checkout.assessment_vendor_ids(session, ids)
            local_evidence = storage_checkout.evidence_state(session)
            row_values = storage_checkout.evidence_row_values(session)
            local_links = {tuple(link) for link in storage_checkout.link_state(session, ids)}
            local_blobs = {eid: (EvidenceRepository(session).blob(values["sha256"]) if values["sha256"] else b"")
                           for eid, values in row_values.items() if eid not in (record.get("evidence_ids") or {})}
            # The facts row as stored (kind, format, facts), copied as it is for new evidence.
            facts = storage_checkout.evidence_facts(session)
        with Services.open(remote, create=False, migrate=False, user=user, password=password) as there:
            result = MergeResult(merged=False, source=str(record.get("source", "")))
            with there.workspace.transaction() as session:
                found = storage_checkout.existing_assessment_ids(session, ids)
                if missing := [a for a in ids if a not in found]:
                    raise WorkspaceError(
                        f"The team workspace no longer has assessment {', '.join(map(str, missing))} of this "
                        "check-out (deleted there meanwhile), or this file was checked out from another "
                        "workspace; nothing was merged.")
                remote_ids = storage_checkout.evidence_ids(session)
                _legacy_evidence(record, local_evidence, remote_ids)
                id_map: dict[str, int] = {str(k): int(v) for k, v in record["evidence_ids"].items()}
                evidence_base: dict[str, dict[str, Any]] = record["evidence_base"]
                remote_state = storage_checkout.answer_state(session, ids)
                to_apply: dict[int, list[AnswerInput]] = {}
                for aid in ids:
                    key_a = str(aid)
                    questions = set(base.get(key_a, {})) | set(local_state.get(key_a, {})) | set(remote_state[key_a])
                    for qid in sorted(questions):
                        b = _pair(base.get(key_a, {}).get(qid))
                        l_ = _pair(local_state.get(key_a, {}).get(qid))
                        r = _pair(remote_state[key_a].get(qid))
                        if l_ == b or l_ == r:
                            continue
                        if r != b:
                            choice = resolutions.get((aid, qid)) or take
                            if choice is None:
                                result.conflicts.append(MergeConflict(
                                    aid, qid, base.get(key_a, {}).get(qid), local_state.get(key_a, {}).get(qid),
                                    remote_state[key_a].get(qid)))
                                continue
                            if choice == "remote":
                                result.kept_remote.append((aid, qid))
                                continue
                        value, comment = l_ if l_ is not None else (None, "")
                        to_apply.setdefault(aid, []).append(AnswerInput(qid, value, comment))
                        result.applied.append((aid, qid))

                # Evidence: new (no server id yet), edited, deleted.
                checked = [id_map[eid] for eid in local_evidence if eid in id_map]
                # Locked until the transaction ends: nobody edits them between comparing and writing.
                storage_checkout.lock_evidence(session, checked)
                remote_evidence = storage_checkout.evidence_state(session, ids=checked)
                new_evidence: list[str] = []
                evidence_updates: list[str] = []
                for eid, state in sorted(local_evidence.items(), key=lambda item: int(item[0])):
                    if eid not in id_map:
                        if int(row_values[eid]["vendor_id"]) in vendor_ids:
                            new_evidence.append(eid)
                            result.evidence_added.append(state["title"])
                        else:
                            result.evidence_not_merged.append(
                                f"{state['title']} (its vendor is not part of the check-out)")
                        continue
                    b_e, l_e = _fields(evidence_base.get(eid)), _fields(state)
                    r_state = remote_evidence.get(str(id_map[eid]))
                    if l_e == b_e:
                        continue
                    if r_state is None:
                        result.evidence_not_merged.append(f"{state['title']} (deleted in the team workspace)")
                        continue
                    r_e = _fields(r_state)
                    if l_e == r_e:
                        continue
                    if r_e != b_e:
                        choice = evidence_resolutions.get(int(eid)) or take
                        if choice is None:
                            result.evidence_conflicts.append(EvidenceConflict(
                                int(eid), state["title"], dict(evidence_base.get(eid) or {}), dict(state),
                                dict(r_state)))
                            continue
                        if choice == "remote":
                            result.evidence_kept_remote.append(int(eid))
                            continue
                    evidence_updates.append(eid)
                    result.evidence_applied.append(int(eid))
                for eid, state in evidence_base.items():
                    if eid not in local_evidence:
                        result.evidence_not_merged.append(
                            f"{state.get('title', eid)} (deleted offline; delete it in the team workspace)")
                base_links = {tuple(link) for link in record.get("links_base", [])}
                added_links = sorted(local_links - base_links)
                removed_links = sorted(base_links - local_links)

                if result.conflicts or result.evidence_conflicts or preview:
                    # A decision is needed for every conflict before anything is written.
                    if not preview:
                        result.applied, result.kept_remote = [], []
                        result.evidence_applied, result.evidence_kept_remote = [], []
                    result.links_added = [(a, q, int(e)) for a, q, e in added_links]
                    result.links_removed = [(a, q, int(e)) for a, q, e in removed_links]
                    return result
                for aid, items in to_apply.items():
                    there.assessments.set_answers(aid, items, session=session)
                history = HistoryRepository(session)
                repo = EvidenceRepository(session)
                actor = there.user
                for eid in new_evidence:
                    values = row_values[eid]
                    new_id = storage_checkout.add_evidence_row(
                        session, values,
                        sha256=repo.store_blob(local_blobs[eid]) if values["sha256"] else None,
                        product_id=_product_on_server(session, values["product_id"], values["vendor_id"]),
                        # Team mode records the database login (who merged it); the time stays when it was added.
                        added_by=actor)
                    id_map[eid] = new_id
                    if eid in facts:
                        kind, fmt, stored = facts[eid]
                        EvidenceFactsRepository(session).put(new_id, kind, fmt, dict(stored))
                    history.record(actor, "evidence", new_id, "created", None, values["title"],
                                   note="merged from an offline check-out")
                for eid in evidence_updates:
                    server_values = storage_checkout.locked_evidence_values(session, id_map[eid])
                    changed: dict[str, Any] = {}
                    for name in storage_checkout.EVIDENCE_FIELDS:
                        value = row_values[eid][name]
                        if name == "product_id":
                            value = _product_on_server(session, value, server_values["vendor_id"])
                        if server_values[name] != value:
                            history.record(actor, "evidence", id_map[eid], name, server_values[name], value,
                                           note="merged from an offline check-out")
                            changed[name] = value
                    storage_checkout.write_evidence_fields(session, id_map[eid], changed, new_version=True)
                present = remote_ids | {id_map[eid] for eid in new_evidence}
                for aid, qid, eid in added_links:
                    server_id = id_map.get(str(eid))
                    if server_id is None or server_id not in present:
                        title = local_evidence.get(str(eid), {}).get("title", str(eid))
                        result.evidence_not_merged.append(f"link of {title} to {qid} (the evidence is not in the "
                                                          "team workspace)")
                    elif repo.link(int(aid), str(qid), server_id):
                        result.links_added.append((int(aid), str(qid), int(eid)))
                        history.record(actor, "answer", qid, "evidence", None, local_evidence[str(eid)]["title"],
                                       assessment_id=int(aid), note="merged from an offline check-out")
                for aid, qid, eid in removed_links:
                    server_id = id_map.get(str(eid))
                    # Removes one evidence-to-answer link row (the officer unlinked it offline), no file.
                    if server_id is not None and repo.unlink(int(aid), str(qid), server_id):
                        result.links_removed.append((int(aid), str(qid), int(eid)))
                        history.record(actor, "answer", qid, "evidence",
                                       evidence_base.get(str(eid), {}).get("title"), None,
                                       assessment_id=int(aid), note="merged from an offline check-out")
                session.flush()
                merged_state = storage_checkout.answer_state(session, ids)
                merged_evidence = storage_checkout.evidence_state(session, ids=sorted(set(id_map.values())))
                merged_links = storage_checkout.link_state(session, ids)
            result.merged = True
            for number in list(result.evidence_applied) + [int(e) for e in new_evidence]:
                there.changes.announce(Change(Entity.EVIDENCE, id_map[str(number)]))
            for aid in ids:
                there.changes.announce(Change(Entity.ASSESSMENT, aid))
        # The file follows the merged state (its answers, evidence, links and base): merging again does nothing.
        back = {server: int(eid) for eid, server in id_map.items()}
        with here.workspace.transaction() as session:
            for aid in ids:
                items = []
                for qid, state in merged_state[str(aid)].items():
                    if _pair(local_state.get(str(aid), {}).get(qid)) != _pair(state):
                        items.append(AnswerInput(qid, state["value"], state["comment"]))
                if items:
                    here.assessments.set_answers(aid, items, session=session)
            new_base: dict[str, dict[str, Any]] = {}
            for server_key, state in merged_evidence.items():
                local_id = back[int(server_key)]
                if not storage_checkout.has_evidence(session, local_id):
                    continue  # deleted offline: stays deleted here, kept there
                if _fields(storage_checkout.evidence_state(session, ids=[local_id]).get(str(local_id))) != \
                        _fields(state):
                    storage_checkout.write_evidence_fields(
                        session, local_id, storage_checkout.stored_evidence_values(state), new_version=False)
                    session.flush()
                new_base[str(local_id)] = storage_checkout.evidence_state(session, ids=[local_id])[str(local_id)]
            for eid, state in evidence_base.items():
                if eid not in new_base and eid in id_map and storage_checkout.has_evidence(session, int(eid)):
                    # Deleted in the team workspace but kept here: stays reported, never re-created.
                    new_base[eid] = state
            wanted = {(a, q, back[e]) for a, q, e in merged_links if e in back and str(back[e]) in new_base}
            # The file's links follow the merged state: link rows only, no evidence, no file.
            storage_checkout.change_links(session, local_links - wanted, wanted - local_links)
            record["base"] = merged_state
            record["evidence_base"] = new_base
            record["evidence_ids"] = {eid: server for eid, server in id_map.items() if eid in new_base}
            record["links_base"] = sorted([list(link) for link in wanted])
            storage_checkout.save_base(session, record)
    return result


def _product_on_server(session: Any, product_id: int | None, vendor_id: int) -> int | None:
    """The product id when the server has it for the same vendor (a product added offline is not
    merged, so its evidence applies to the vendor as a whole there)."""
    return storage_checkout.product_of_vendor(session, product_id, vendor_id)
