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
Evidence added offline is not merged (it is reported): add it in the team workspace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from trustframe.errors import WorkspaceError
from trustframe.services.assessments import AnswerInput
from trustframe.services.context import Services
from trustframe.storage import checkout as storage_checkout
from trustframe.storage.database import Workspace
from trustframe.storage.repositories import EvidenceRepository

Key = tuple[int, str]


@dataclass(frozen=True)
class MergeConflict:
    """One answer changed differently on both sides: (value, comment) at check-out, here, there."""

    assessment_id: int
    question_id: str
    base: dict[str, Any] | None
    local: dict[str, Any] | None
    remote: dict[str, Any] | None


@dataclass
class MergeResult:
    """What a merge did (``merged`` False: conflicts without a decision, nothing was written)."""

    merged: bool
    applied: list[Key] = field(default_factory=list)
    kept_remote: list[Key] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)
    evidence_not_merged: list[str] = field(default_factory=list)


def _pair(state: Mapping[str, Any] | None) -> tuple[Any, str] | None:
    return None if state is None else (state.get("value"), state.get("comment") or "")


def checkout(source: str | Path, assessment_ids: list[int], target: Path) -> dict[str, int]:
    """Copy ``assessment_ids`` and what belongs to them into the new file ``target``."""
    target = Path(target).expanduser()
    if target.exists():
        raise WorkspaceError(f"{target} already exists; check out into a new file.")
    with Workspace.open(source, create=False, migrate=False, read_only=True) as src:
        with Workspace.open(target, create=True) as dst:
            return storage_checkout.checkout(src, dst, assessment_ids)


def merge(local: Path, remote: str | Path, *, resolutions: Mapping[Key, str] | None = None,
          take: str | None = None, user: str | None = None) -> MergeResult:
    """Merge the answers of the checked-out file ``local`` into ``remote`` (see the module doc).

    ``resolutions`` maps (assessment id, question id) to "local" or "remote"; ``take`` decides
    every other conflict the same way. Without a decision for every conflict nothing is written.
    """
    resolutions = dict(resolutions or {})
    for choice in list(resolutions.values()) + ([take] if take else []):
        if choice not in ("local", "remote"):
            raise WorkspaceError(f"A conflict is decided with 'local' or 'remote', not '{choice}'.")
    with Services.open(Path(local).expanduser(), create=False, user=user) as here:
        record = storage_checkout.checkout_record(here.workspace)
        ids = [int(i) for i in record["assessments"]]
        base: dict[str, dict[str, Any]] = record["base"]
        with here.workspace.reading() as session:
            local_state = storage_checkout.answer_state(session, ids)
            local_titles = EvidenceRepository(session).titles()
        with Services.open(remote, create=False, migrate=False, user=user) as there:
            result = MergeResult(merged=False)
            with there.workspace.reading() as session:
                remote_ids = set(EvidenceRepository(session).titles())
            result.evidence_not_merged = sorted(title for eid, title in local_titles.items() if eid not in remote_ids)
            with there.workspace.transaction() as session:
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
                if result.conflicts:
                    # A decision is needed for every conflict before anything is written.
                    result.applied, result.kept_remote = [], []
                    return result
                for aid, items in to_apply.items():
                    there.assessments.set_answers(aid, items, session=session)
                session.flush()
                merged_state = storage_checkout.answer_state(session, ids)
            result.merged = True
        # The file follows the merged state (its answers and its base): merging again does nothing.
        with here.workspace.transaction() as session:
            for aid in ids:
                items = []
                for qid, state in merged_state[str(aid)].items():
                    if _pair(local_state.get(str(aid), {}).get(qid)) != _pair(state):
                        items.append(AnswerInput(qid, state["value"], state["comment"]))
                if items:
                    here.assessments.set_answers(aid, items, session=session)
            record["base"] = merged_state
            storage_checkout.save_base(session, record)
    return result
