"""What changed between two versions of a question bank (``questionnaire diff OLD NEW``).

A question is matched by its id. Changes are sorted into the four kinds an auditor asks about:

- **added** / **removed**: the id exists on one side only;
- **reworded**: the text a respondent reads changed (question text, an option's label, the
  option ids offered, or the answer type), so an old answer must be confirmed before reuse;
- **re-weighted**: what the answer is worth changed (importance, weight, an option's score,
  number bands, red-flag rules) while the wording stayed the same.

A question can be both reworded and re-weighted. Help texts and guidance are not compared:
they change how the question is explained, not what it asks.

**Lineage.** A new question may name the retired ids it takes over (``replaces``). A removed
question named that way is *replaced*, not simply dropped: ``replaced_by`` maps it to its
successors, and ``lineage_kind`` tells a split (one old question, several new ones), a merge
(several old into one, or one folded into a question that stays) and a renumbering (one new id
for one old question) apart. ``dropped`` lists the removed
questions nothing replaces; ``new`` the added ones that replace nothing.
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
    #: Removed question id -> the new version's questions that take it over (their ``replaces``).
    replaced_by: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def dropped(self) -> tuple[str, ...]:
        """Removed questions that no new question replaces."""
        return tuple(qid for qid in self.removed if qid not in self.replaced_by)

    @property
    def new(self) -> tuple[str, ...]:
        """Added questions that replace no removed question (genuinely new topics)."""
        successors = {n for ns in self.replaced_by.values() for n in ns}
        return tuple(qid for qid in self.added if qid not in successors)

    @property
    def split(self) -> dict[str, tuple[str, ...]]:
        """Removed question -> its successors, for questions split into several."""
        return {old: new for old, new in self.replaced_by.items() if len(new) > 1}

    @property
    def merged(self) -> dict[str, tuple[str, ...]]:
        """Successor -> the removed questions folded into it: a successor with several
        predecessors, or a question kept from the old version that takes over a removed one."""
        into: dict[str, list[str]] = {}
        for old, new in self.replaced_by.items():
            for successor in new:
                into.setdefault(successor, []).append(old)
        return {n: tuple(olds) for n, olds in into.items() if len(olds) > 1 or n not in self.added}

    def lineage_kind(self, removed_id: str) -> str:
        """``split``, ``merged``, ``renumbered`` or ``dropped`` for a removed question."""
        successors = self.replaced_by.get(removed_id, ())
        if not successors:
            return "dropped"
        if len(successors) > 1:
            return "split"
        if successors[0] in self.merged:
            return "merged"
        return "renumbered"

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
        return not (self.added or self.removed or self.changed)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "old": self.old_key,
            "new": self.new_key,
            "added": list(self.added),
            "removed": list(self.removed),
            "reworded": {c.question_id: list(c.reworded) for c in self.changed if c.reworded},
            "reweighted": {c.question_id: list(c.reweighted) for c in self.changed if c.reweighted},
            "unchanged": len(self.unchanged),
            "replaced_by": {old: list(new) for old, new in self.replaced_by.items()},
            "split": {old: list(new) for old, new in self.split.items()},
            "merged": {new: list(old) for new, old in self.merged.items()},
            "dropped": list(self.dropped),
            "new_topics": list(self.new),
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
    added = tuple(qid for qid in new_q if qid not in old_q)
    removed = tuple(qid for qid in old_q if qid not in new_q)
    changed: list[QuestionChange] = []
    unchanged: list[str] = []
    for qid, oq in old_q.items():
        nq = new_q.get(qid)
        if nq is None:
            continue
        reworded = tuple(_wording_changes(oq, nq))
        reweighted = tuple(_weight_changes(oq, nq))
        if reworded or reweighted:
            changed.append(QuestionChange(qid, reworded, reweighted))
        else:
            unchanged.append(qid)
    # Lineage only links a removed id to an added one; "replaces" naming an id that still
    # exists on the old side only (an unrelated bank) is ignored rather than trusted.
    replaced_by: dict[str, list[str]] = {}
    for qid, nq in new_q.items():
        for old_id in nq.replaces:
            if old_id in removed:
                replaced_by.setdefault(old_id, []).append(qid)
    return BankDiff(old.key, new.key, added, removed, tuple(changed), tuple(unchanged),
                    {k: tuple(v) for k, v in sorted(replaced_by.items(), key=lambda kv: removed.index(kv[0]))})
