"""Regulatory overlays: data files that extend a question bank for one regime (NIS2, CRA, DORA, ...).

An overlay (``format: trustframe-overlay/1``, bundled in ``questionnaires/overlays/``) names the
bank it extends (``base``) and may

* add questions, in sections of their own, with the same question schema as the bank; their ids
  start with the overlay's ``prefix`` and each cites the article it comes from in ``references``;
* raise the importance of bank questions (``raise``; lowering is refused), each with the article;
* add red flags to bank questions (``red_flags``, same rule schema as in the bank).

It is validated by building the merged questionnaire (bank + overlay) with the normal questionnaire
checks, so an overlay can never reference a question, option or source that does not exist.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trustframe import paths
from trustframe.domain.questionnaire import Importance, Questionnaire, is_buyer_question_id
from trustframe.errors import Issue
from trustframe.exchange.questionnaire_files import MAX_FILE_BYTES, check_questionnaire_text

OVERLAY_FORMAT = "trustframe-overlay/1"
#: The order importance may only be raised along (an overlay never makes a question count less).
_RANK = {Importance.LOW: 0, Importance.STANDARD: 1, Importance.HIGH: 2, Importance.CRITICAL: 3}
#: What a citation of a legal provision looks like: an article, annex, section or FAR clause.
_ARTICLE = re.compile(r"\b(Art\.|Article|Annex|Section|§|Regulation \d|52\.204-\d+|s\.\s?\d)", re.IGNORECASE)
_REQUIRED = ("id", "version", "title", "base", "prefix", "regime")


@dataclass(frozen=True)
class ImportanceRaise:
    """A bank question whose importance the regime raises."""

    question_id: str
    importance: Importance
    reason: str


@dataclass(frozen=True)
class Overlay:
    """A validated overlay: its own questions (as a questionnaire of their own) and its changes."""

    id: str
    version: str
    title: str
    regime: str
    base_key: str
    prefix: str
    questions: Questionnaire            # the added questions only (for references, crosswalks, sub-scores)
    raises: tuple[ImportanceRaise, ...]
    red_flag_ids: tuple[str, ...]
    merged: Questionnaire                # bank + overlay, as an assessment would use it
    #: The merged questionnaire's YAML text (what :func:`apply_overlays` chains on).
    merged_text: str = field(default="", repr=False, compare=False)

    @property
    def key(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"

    @property
    def mapped_question_ids(self) -> tuple[str, ...]:
        """The questions this overlay speaks to: those it adds, raises or gives a red flag, in
        the merged questionnaire's order (what its sub-score is computed over)."""
        touched = {q.id for q in self.questions.iter_questions()} | {r.question_id for r in self.raises}
        flagged = set(self.red_flag_ids)
        for q in self.merged.iter_questions():
            if any(rf.id in flagged for rf in q.red_flags):
                touched.add(q.id)
        return tuple(q.id for q in self.merged.iter_questions() if q.id in touched)


def is_overlay_text(text: str) -> bool:
    """True when a YAML text declares the overlay format."""
    return re.search(r"^format:\s*['\"]?" + re.escape(OVERLAY_FORMAT), text, re.MULTILINE) is not None


def overlays_dir() -> Path:
    """Bundled overlays."""
    return paths.questionnaires_dir() / "overlays"


def bundled_overlay_files() -> list[Path]:
    """The YAML files of the bundled overlays."""
    folder = overlays_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def check_overlay_text(text: str, base_text: str, file: str = "<overlay>") -> tuple[Overlay | None, list[Issue]]:
    """Validate an overlay against the bank text it extends; returns (overlay or None, issues)."""
    issues: list[Issue] = []

    def add(where: str, message: str) -> None:
        issues.append(Issue(file=file, where=where, message=message))

    if len(text) > MAX_FILE_BYTES:
        add("", f"the overlay is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return None, issues
    try:
        data = yaml.safe_load(text)
        base = yaml.safe_load(base_text)
    except yaml.YAMLError as exc:
        add("", f"not valid YAML ({exc.__class__.__name__})")
        return None, issues
    if not isinstance(data, dict) or data.get("format") != OVERLAY_FORMAT:
        add("format", f"an overlay must declare 'format: {OVERLAY_FORMAT}'")
        return None, issues
    for name in _REQUIRED:
        if not str(data.get(name) or "").strip():
            add(name, f"'{name}' is required")
    if issues:
        return None, issues
    if data["base"] != base.get("id"):
        add("base", f"the overlay extends '{data['base']}', not '{base.get('id')}'")
        return None, issues
    try:
        return _merge(data, base, file, add, issues)
    except (AttributeError, KeyError, TypeError) as exc:
        # Untrusted input with the wrong shape (a list where a mapping belongs, a missing key).
        add("", f"the overlay is not structured as the format requires ({exc.__class__.__name__}: {exc})")
        return None, issues


def _merge(data: dict[str, Any], base: dict[str, Any], file: str, add: Any,
           issues: list[Issue]) -> tuple[Overlay | None, list[Issue]]:
    """The body of :func:`check_overlay_text`: apply the overlay to a copy of the bank and check it."""
    merged, raises, flag_ids, own_sections, option_sets = _apply(data, base, add)
    if issues:
        return None, issues
    return _checked(data, base, file, merged, raises, flag_ids, own_sections, option_sets)


def _apply(data: dict[str, Any], base: dict[str, Any], add: Any) -> tuple[
        dict[str, Any], list[ImportanceRaise], list[str], list[Any], dict[str, Any]]:
    """Apply an overlay to a copy of the bank's data; problems go to ``add(where, message)``."""
    prefix = str(data["prefix"])
    merged: dict[str, Any] = copy.deepcopy(base)
    questions = {q["id"]: q for sec in merged["sections"] for q in sec["questions"]}

    raises: list[ImportanceRaise] = []
    for i, item in enumerate(data.get("raise") or []):
        where = f"raise[{i}]"
        qid, level, reason = item.get("question"), item.get("importance"), str(item.get("reason") or "")
        if qid not in questions:
            add(where, f"the bank has no question '{qid}'")
            continue
        try:
            importance = Importance(level)
        except ValueError:
            add(where, f"'{level}' is not an importance (critical, high, standard, low)")
            continue
        current = Importance(questions[qid].get("importance", "standard"))
        if _RANK[importance] <= _RANK[current]:
            add(where, f"{qid} is already {current.value}; an overlay may only raise importance")
            continue
        if not _ARTICLE.search(reason):
            add(where, f"the reason for raising {qid} must cite the article it comes from")
        questions[qid]["importance"] = importance.value
        raises.append(ImportanceRaise(qid, importance, reason))

    flag_ids: list[str] = []
    for i, item in enumerate(data.get("red_flags") or []):
        where = f"red_flags[{i}]"
        qid = item.get("question")
        if qid not in questions:
            add(where, f"the bank has no question '{qid}'")
            continue
        rule = {k: v for k, v in item.items() if k != "question"}
        if not str(rule.get("id", "")).startswith(f"RF-{prefix}"):
            add(where, f"red flag ids of this overlay start with 'RF-{prefix}'")
        questions[qid].setdefault("red_flags", []).append(rule)
        flag_ids.append(str(rule.get("id")))

    own_sections = data.get("sections") or []
    for si, sec in enumerate(own_sections):
        for qi, q in enumerate(sec.get("questions") or []):
            where = f"sections[{si}].questions[{qi}]"
            qid = str(q.get("id", ""))
            if not qid.startswith(prefix) or is_buyer_question_id(qid):
                add(where, f"question ids of this overlay start with '{prefix}' ('{qid}' does not)")
            refs = q.get("references") or []
            if not any(_ARTICLE.search(f"{r.get('clause', '')} {r.get('standard', '')}") for r in refs):
                add(where, f"{qid} must cite the article, annex or clause it comes from in 'references'")
    source_ids = {s["id"] for s in merged.get("sources") or []}
    merged["sources"] = list(merged.get("sources") or []) + [
        s for s in data.get("sources") or [] if s.get("id") not in source_ids]
    option_sets = dict(merged.get("option_sets") or {})
    for name, options in (data.get("option_sets") or {}).items():
        if name in option_sets:
            add(f"option_sets.{name}", f"the bank already has an option set '{name}'")
        option_sets[name] = options
    if option_sets:
        merged["option_sets"] = option_sets
    merged["sections"] = list(merged["sections"]) + list(own_sections)
    merged["id"] = f"{base['id']}.{data['id']}"
    merged["version"] = str(data["version"])
    return merged, raises, flag_ids, list(own_sections), option_sets


def _checked(data: dict[str, Any], base: dict[str, Any], file: str, merged: dict[str, Any],
             raises: list[ImportanceRaise], flag_ids: list[str], own_sections: list[Any],
             option_sets: dict[str, Any]) -> tuple[Overlay | None, list[Issue]]:
    """Check the merged questionnaire and the overlay's own questions; build the :class:`Overlay`."""
    prefix = str(data["prefix"])

    # The merged questionnaire goes through every check a bank does (schema, options, conditions,
    # sources, unique ids): an overlay cannot point at anything that is not there.
    merged_text = yaml.safe_dump(merged, allow_unicode=True, sort_keys=False)
    merged_q, merged_issues = check_questionnaire_text(merged_text, file=f"{file} (merged with {base['id']})")
    if merged_q is None:
        return None, merged_issues
    own = {
        "format": base["format"], "id": str(data["id"]), "version": str(data["version"]), "kind": "assessment",
        "language": base.get("language", "en"), "title": str(data["title"]),
        "description": str(data.get("description") or ""), "disclaimer": str(data.get("disclaimer") or ""),
        "sources": merged["sources"], "sections": own_sections or [],
    }
    if option_sets:
        own["option_sets"] = option_sets
    own_q = None
    if own_sections:
        own_text = yaml.safe_dump(own, allow_unicode=True, sort_keys=False)
        own_q, own_issues = check_questionnaire_text(own_text, file=file)
        if own_q is None:
            return None, own_issues
    else:
        own_q = Questionnaire(id=str(data["id"]), version=str(data["version"]), title=str(data["title"]),
                              kind=merged_q.kind, sections=())
    overlay = Overlay(id=str(data["id"]), version=str(data["version"]), title=str(data["title"]),
                      regime=str(data["regime"]), base_key=f"{base['id']}@{base['version']}", prefix=prefix,
                      questions=own_q, raises=tuple(raises), red_flag_ids=tuple(flag_ids), merged=merged_q,
                      merged_text=merged_text)
    return overlay, []


@dataclass(frozen=True)
class AppliedOverlay:
    """One overlay as applied to an assessment's bank: what it is and which questions it maps."""

    id: str
    version: str
    title: str
    regime: str
    added: tuple[str, ...]          # questions it adds
    raised: tuple[str, ...]         # bank questions whose importance it raises
    flagged: tuple[str, ...]        # bank questions it gives a red flag
    mapped: tuple[str, ...]         # all of them, in questionnaire order (its sub-score's questions)

    @property
    def key(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"


def apply_overlays(base_text: str, overlay_texts: list[tuple[str, str]], trusted: bool = False,
                   ) -> tuple[Questionnaire, list[AppliedOverlay]]:
    """The bank with several overlays applied in order, as an assessment uses it.

    ``overlay_texts`` is ``[(label, text), ...]``. Each overlay is applied to the bank as the
    previous ones left it (two overlays cannot add the same question id: the unique-id check of
    the result refuses it). The result keeps the bank's id and version, so answers, workbooks and
    imports stay tied to the bank; the overlays chosen are recorded with the assessment.
    ``trusted`` (bundled overlays, validated in full by ``questionnaire validate`` and the test
    suite) skips the JSON-Schema pass of the result. Raises ``QuestionnaireError`` when an overlay
    does not apply."""
    from trustframe.errors import QuestionnaireError

    base = yaml.safe_load(base_text)
    bank_id, bank_version = base["id"], str(base["version"])
    current: dict[str, Any] = base
    applied: list[tuple[dict[str, Any], list[ImportanceRaise], list[str], list[Any]]] = []
    for label, text in overlay_texts:
        issues: list[Issue] = []

        def add(where: str, message: str, _label: str = label, _issues: list[Issue] = issues) -> None:
            _issues.append(Issue(file=_label, where=where, message=message))

        data = yaml.safe_load(text)
        if not isinstance(data, dict) or data.get("format") != OVERLAY_FORMAT or data.get("base") != bank_id:
            raise QuestionnaireError(f"{label} is not an overlay of {bank_id}", [])
        try:
            merged, raises, flag_ids, own_sections, _ = _apply(data, current, add)
        except (AttributeError, KeyError, TypeError) as exc:
            raise QuestionnaireError(f"{label} is not structured as an overlay ({exc.__class__.__name__})", []) from exc
        if issues:
            raise QuestionnaireError(f"The overlay {label} does not apply to {bank_id}@{bank_version}", issues)
        merged["id"], merged["version"] = bank_id, bank_version  # the next overlay extends the bank
        current = merged
        applied.append((data, raises, flag_ids, own_sections))
    text = yaml.safe_dump(current, allow_unicode=True, sort_keys=False)
    questionnaire, issues = check_questionnaire_text(text, file=f"{bank_id}@{bank_version} with overlays",
                                                     trusted=trusted)
    if questionnaire is None:
        raise QuestionnaireError(f"{bank_id}@{bank_version} with its overlays is not valid", issues)
    order = [q.id for q in questionnaire.iter_questions()]
    out: list[AppliedOverlay] = []
    for data, raises, flag_ids, own_sections in applied:
        added = tuple(str(q.get("id")) for sec in own_sections for q in sec.get("questions") or [])
        raised = tuple(r.question_id for r in raises)
        wanted = set(flag_ids)
        flagged = tuple(q.id for q in questionnaire.iter_questions() if any(rf.id in wanted for rf in q.red_flags))
        touched = set(added) | set(raised) | set(flagged)
        out.append(AppliedOverlay(str(data["id"]), str(data["version"]), str(data["title"]), str(data["regime"]),
                                  added, raised, flagged, tuple(qid for qid in order if qid in touched)))
    return questionnaire, out


def check_overlay_file(path: Path | str, base_path: Path | str | None = None) -> tuple[Overlay | None, list[Issue]]:
    """Validate an overlay file against its base bank (the bundled bank file of that id by default)."""
    path = Path(path)
    if not path.is_file():  # a folder, a device or a named pipe (reading one would block)
        return None, [Issue(file=str(path), where="", message="is not a regular file")]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Issue(file=str(path), where="", message=f"cannot be read ({exc.__class__.__name__})")]
    if base_path is None:
        match = re.search(r"^base:\s*['\"]?([A-Za-z0-9_.-]+)", text, re.MULTILINE)
        base_path = paths.questionnaires_dir() / f"{match.group(1) if match else 'ict-supply-chain-trust'}.yaml"
    try:
        base_text = Path(base_path).read_text(encoding="utf-8-sig")
    except OSError:
        return None, [Issue(file=str(path), where="base", message=f"the base questionnaire {Path(base_path).name} "
                                                                  "is not available")]
    return check_overlay_text(text, base_text, file=str(path))
