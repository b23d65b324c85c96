"""What changed between two versions of a question bank (``questionnaire diff OLD NEW``).

A question is matched by its id. Changes are sorted into the four kinds an auditor asks about:

- **added** / **removed**: the id exists on one side only;
- **reworded**: the text a respondent reads changed (question text, an option's label, the
  option ids offered, or the answer type), so an old answer must be confirmed before reuse;
- **re-weighted**: what the answer is worth changed (importance, weight, an option's score,
  number bands, red-flag rules) while the wording stayed the same.

A question can be both reworded and re-weighted. Help texts and guidance are not compared:
they change how the question is explained, not what it asks.

A fifth kind, **split**, comes from the new bank's own word: a question that declares
``split_from: OLD-ID`` asks part of what ``OLD-ID`` asked. Every part of a split (the new
questions, and ``OLD-ID`` itself when it stays, narrowed) is listed under ``split`` and nowhere
else, and ``OLD-ID`` is not "removed": one old answer cannot answer several facts, so a
reassessment carries none of it silently (see :func:`carry_plan`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trustframe.domain.questionnaire import Question, Questionnaire


@dataclass(frozen=True)
class QuestionChange:
    """One question present in both versions whose wording or weight changed."""

    question_id: str
    reworded: tuple[str, ...] = ()
    reweighted: tuple[str, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        """``("reworded",)``, ``("re-weighted",)`` or both."""
        out: list[str] = []
        if self.reworded:
            out.append("reworded")
        if self.reweighted:
            out.append("re-weighted")
        return tuple(out)


@dataclass(frozen=True)
class BankDiff:
    """Differences between an old and a new version of a questionnaire."""

    old_key: str
    new_key: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[QuestionChange, ...] = ()
    unchanged: tuple[str, ...] = field(default=(), repr=False)
    #: Old question id -> the new questions it was split into (declared with ``split_from``).
    split: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def split_parts(self) -> tuple[str, ...]:
        """Ids of the new questions that are parts of a split."""
        return tuple(part for _, parts in self.split for part in parts)

    @property
    def reworded(self) -> tuple[str, ...]:
        """Ids of questions whose wording changed."""
        return tuple(c.question_id for c in self.changed if c.reworded)

    @property
    def reweighted(self) -> tuple[str, ...]:
        """Ids of questions whose weight or scoring changed."""
        return tuple(c.question_id for c in self.changed if c.reweighted)

    @property
    def is_empty(self) -> bool:
        """True when no question was added, removed, reworded or re-weighted."""
        return not (self.added or self.removed or self.changed or self.split)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "old": self.old_key,
            "new": self.new_key,
            "added": list(self.added),
            "removed": list(self.removed),
            "reworded": {c.question_id: list(c.reworded) for c in self.changed if c.reworded},
            "reweighted": {c.question_id: list(c.reweighted) for c in self.changed if c.reweighted},
            "split": {old: list(parts) for old, parts in self.split},
            "unchanged": len(self.unchanged),
        }


def _norm(text: str) -> str:
    # Re-wrapping a YAML block must not count as rewording.
    return " ".join(text.split())


def _wording_changes(old: Question, new: Question) -> list[str]:
    out: list[str] = []
    if _norm(old.text) != _norm(new.text):
        out.append("question text")
    if old.type != new.type:
        out.append(f"answer type {old.type.value} -> {new.type.value}")
    old_ids, new_ids = old.option_ids, new.option_ids
    if old_ids != new_ids:
        gone = [i for i in old_ids if i not in new_ids]
        came = [i for i in new_ids if i not in old_ids]
        parts = []
        if gone:
            parts.append("options removed: " + ", ".join(gone))
        if came:
            parts.append("options added: " + ", ".join(came))
        if not parts:
            parts.append("options reordered")
        out.extend(parts)
    for opt in old.options:
        other = new.option(opt.id)
        if other is not None and _norm(other.label) != _norm(opt.label):
            out.append(f"option {opt.id} label")
    if old.unit != new.unit:
        out.append(f"unit {old.unit or '-'} -> {new.unit or '-'}")
    return out


def _weight_changes(old: Question, new: Question) -> list[str]:
    out: list[str] = []
    if old.importance != new.importance:
        out.append(f"importance {old.importance.value} -> {new.importance.value}")
    if old.weight != new.weight:
        out.append(f"weight {old.weight} -> {new.weight}")
    for opt in old.options:
        other = new.option(opt.id)
        if other is not None and other.score != opt.score:
            out.append(f"option {opt.id} score {opt.score} -> {other.score}")
    if [(b.min, b.max, b.score) for b in old.bands] != [(b.min, b.max, b.score) for b in new.bands]:
        out.append("number bands")
    old_flags = {(f.id, f.severity, repr(f.when)) for f in old.red_flags}
    new_flags = {(f.id, f.severity, repr(f.when)) for f in new.red_flags}
    if old_flags != new_flags:
        out.append("red-flag rules")
    if old.required != new.required:
        out.append(f"required {old.required} -> {new.required}")
    return out


def diff_banks(old: Questionnaire, new: Questionnaire) -> BankDiff:
    """Compare two versions of a questionnaire question by question (by id)."""
    old_q = old.questions_by_id
    new_q = new.questions_by_id
    splits: dict[str, list[str]] = {}
    for qid, part in new_q.items():
        source = part.split_from
        # A split happens in the version that declares it: a part already there, declaring the
        # same source, is an earlier split carried forward, not a new one.
        if source and source in old_q and source != qid and (qid not in old_q or old_q[qid].split_from != source):
            splits.setdefault(source, []).append(qid)
    for old_id, parts in splits.items():
        if old_id in new_q:  # the old question stays, narrowed to one of the facts
            parts.insert(0, old_id)
    in_split = {qid for parts in splits.values() for qid in parts} | set(splits)
    added = tuple(qid for qid in new_q if qid not in old_q and qid not in in_split)
    removed = tuple(qid for qid in old_q if qid not in new_q and qid not in in_split)
    changed: list[QuestionChange] = []
    unchanged: list[str] = []
    for qid, oq in old_q.items():
        nq = new_q.get(qid)
        if nq is None or qid in in_split:
            continue
        reworded = tuple(_wording_changes(oq, nq))
        reweighted = tuple(_weight_changes(oq, nq))
        if reworded or reweighted:
            changed.append(QuestionChange(qid, reworded, reweighted))
        else:
            unchanged.append(qid)
    return BankDiff(old.key, new.key, added, removed, tuple(changed), tuple(unchanged),
                    tuple((old_id, tuple(parts)) for old_id, parts in splits.items()))


@dataclass(frozen=True)
class CarryPlan:
    """What a reassessment on a newer bank does with each earlier answer (from :class:`BankDiff`).

    ``carry``: unchanged or only re-weighted questions, carried as they are; ``confirm``:
    reworded questions, carried but marked "to confirm" with the reason; ``dropped``: answered
    questions the new bank no longer has; ``to_answer``: parts of a split question whose old
    answer was not carried (each part asks one of the facts the old question mixed)."""

    diff: BankDiff
    carry: tuple[str, ...]
    confirm: tuple[tuple[str, str], ...]        # (question id, why it must be confirmed)
    dropped: tuple[str, ...]
    to_answer: tuple[str, ...]


def carry_plan(diff: BankDiff, answered: set[str] | frozenset[str]) -> CarryPlan:
    """Sort the answered question ids of an old assessment by what a reassessment does with them."""
    changed = {c.question_id: c for c in diff.changed}
    carry: list[str] = []
    confirm: list[tuple[str, str]] = []
    for qid in diff.unchanged:
        if qid in answered:
            carry.append(qid)
    for qid, change in changed.items():
        if qid not in answered:
            continue
        if change.reworded:
            confirm.append((qid, "reworded: " + "; ".join(change.reworded)))
        else:
            carry.append(qid)  # the wording is the same: the answer still answers it
    dropped = tuple(qid for qid in diff.removed if qid in answered)
    to_answer = tuple(part for old_id, parts in diff.split if old_id in answered for part in parts)
    return CarryPlan(diff, tuple(carry), tuple(confirm), dropped, to_answer)
