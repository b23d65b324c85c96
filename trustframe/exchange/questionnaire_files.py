"""Read questionnaire YAML files into domain objects, reporting every problem with its line.

Questionnaire files may come from outside the organisation (custom questionnaires), so they
are read defensively: a size limit, YAML's safe loader only, a cap on the number of nodes
(which also stops alias "billion laughs" expansion), duplicate mapping keys reported rather than
silently overwritten, then the JSON Schema, then semantic checks the schema cannot express.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml

from trustframe import paths
from trustframe.domain.answer_types import is_numeric
from trustframe.domain.conditions import AllOf, AnswerTest, AnyOf, Condition, NotOf, Op, iter_tests
from trustframe.domain.questionnaire import (
    BUYER_QUESTION_PREFIX,
    Actor,
    AnswerType,
    Applicability,
    Band,
    BuyersGuidePart,
    EvidenceKind,
    Guidance,
    Importance,
    Option,
    Pillar,
    ProductCategory,
    Question,
    Questionnaire,
    QuestionnaireKind,
    RedFlagRule,
    Reference,
    Section,
    Severity,
    Source,
    TierEscalation,
    Tiering,
    Trace,
    is_buyer_question_id,
)
from trustframe.errors import Issue, QuestionnaireError, TrustFrameError

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 300_000

#: Options a ``yes_no`` question gets when it lists none.
DEFAULT_YES_NO_OPTIONS: tuple[Option, ...] = (
    Option("yes", "Yes", 1.0),
    Option("partial", "Partly", 0.5),
    Option("no", "No", 0.0),
    Option("na", "Not applicable", None, not_applicable=True),
)

Path_ = tuple[Any, ...]


@dataclass
class _Document:
    """Parsed YAML plus the line of every node, keyed by its path."""

    data: Any
    lines: dict[Path_, int]

    def line(self, path: Iterable[Any]) -> int | None:
        """The line of the node at ``path``, or of its nearest ancestor."""
        key = tuple(path)
        while True:
            if key in self.lines:
                return self.lines[key]
            if not key:
                return None
            key = key[:-1]


def format_path(path: Iterable[Any]) -> str:
    """``('sections', 1, 'questions', 0)`` -> ``sections[1].questions[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Collector:
    def __init__(self, file: str, doc: _Document | None) -> None:
        self.file = file
        self.doc = doc
        self.issues: list[Issue] = []

    def add(self, path: Iterable[Any], message: str) -> None:
        path = tuple(path)
        line = self.doc.line(path) if self.doc else None
        self.issues.append(Issue(message, file=self.file, where=format_path(path), line=line))


# --------------------------------------------------------------------------------------------
# Parsing


def _parse_yaml(text: str, out: _Collector) -> _Document | None:
    # libyaml's C parser is ~10x faster on the 300 KB bank; same safe constructors either way.
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        out.issues.append(Issue(f"not valid YAML: {exc.problem or exc}", file=out.file, line=line))
        return None
    except yaml.YAMLError as exc:
        out.issues.append(Issue(f"not valid YAML: {exc}", file=out.file))
        return None
    finally:
        loader.dispose()
    if root is None:
        out.issues.append(Issue("the file is empty", file=out.file, line=1))
        return None
    lines: dict[Path_, int] = {}
    budget = [MAX_NODES]

    def walk(node: yaml.Node, path: Path_) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooLarge()
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Unsupported(key_node.start_mark.line + 1, "YAML merge keys (<<) are not supported")
                try:
                    key = loader.construct_object(key_node, deep=True)
                except (ValueError, OverflowError):
                    raise _Unsupported(key_node.start_mark.line + 1, "mapping keys must be plain text") from None
                if isinstance(key, bool):
                    key = "yes" if key else "no"
                if not isinstance(key, (str, int, float)):
                    raise _Unsupported(key_node.start_mark.line + 1, "mapping keys must be plain text")
                if key in result:
                    out.issues.append(
                        Issue(f"duplicate key '{key}' (the first one would be silently lost)",
                              file=out.file, where=format_path(path), line=key_node.start_mark.line + 1)
                    )
                result[key] = walk(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [walk(item, path + (i,)) for i, item in enumerate(node.value)]
        try:
            return loader.construct_object(node, deep=True)
        except (ValueError, OverflowError) as exc:
            # YAML reads 2024-13-01 as a date and the calendar refuses it ("month must be in
            # 1..12"): say so with the line, as for every other problem.
            raise _Unsupported(node.start_mark.line + 1,
                               f"'{str(node.value)[:40]}' is not a valid date or value ({exc}); "
                               "write dates as YYYY-MM-DD") from None

    try:
        data = walk(root, ())
    except _TooLarge:
        out.issues.append(Issue(f"the document has more than {MAX_NODES} nodes (aliases expanded); refusing it",
                                file=out.file))
        return None
    except _Unsupported as exc:
        out.issues.append(Issue(exc.message, file=out.file, line=exc.line))
        return None
    except yaml.YAMLError as exc:
        out.issues.append(Issue(f"not valid YAML: {exc}", file=out.file))
        return None
    return _Document(data, lines)


#: Version of the parsed-document cache format (change it when _parse_yaml's output changes).
_CACHE_FORMAT = 1


def _parse_trusted(text: str, out: _Collector) -> _Document | None:
    """A bundled file's document, from a JSON cache of the parse when one matches its text.

    Why: parsing the 300 KB bank with YAML takes most of a CLI command's own time (about 20 times
    what reading the same data as JSON takes). The cache holds the parsed data with the SHA-256 of
    the text it came from, so an edited or replaced file is parsed again; a document JSON cannot
    hold exactly (dates, number keys) is never cached. Only for trusted (bundled) text: its line
    numbers are not kept, and bundled files have no problems to report."""
    import hashlib
    import os
    import tempfile

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        folder = paths.user_cache_dir() / "questionnaires"
        cached = folder / f"{digest}.json"
    except Exception:  # noqa: BLE001 - no cache folder (platformdirs unavailable): parse
        return _parse_yaml(text, out)
    try:
        stored = json.loads(cached.read_text(encoding="utf-8"))
        if stored.get("format") == _CACHE_FORMAT and stored.get("sha256") == digest:
            return _Document(stored["data"], {})
    except (OSError, ValueError, AttributeError):
        pass  # an unreadable or stale cache entry: parse the YAML again below
    doc = _parse_yaml(text, out)
    if doc is None:
        return None
    try:
        payload = json.dumps({"format": _CACHE_FORMAT, "sha256": digest, "data": doc.data}, ensure_ascii=False)
        if json.loads(payload)["data"] != doc.data:
            return doc  # JSON would change it (tuples, number keys): never cache an approximation
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".~", suffix=".json", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(temp, cached)  # a reader sees the old file or the whole new one
    except (OSError, TypeError, ValueError):
        pass  # dates and other non-JSON values, a read-only folder: no cache, same result
    return doc


class _TooLarge(TrustFrameError):
    pass


class _Unsupported(TrustFrameError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@lru_cache(maxsize=1)
def _schema_validator() -> Any:
    import jsonschema

    schema = json.loads(paths.questionnaire_schema_path().read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _schema_check(doc: _Document, out: _Collector) -> None:
    validator = _schema_validator()
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # Point at the first offending key rather than at the start of its mapping.
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)
            if extra:
                path = path + (extra[0],)
        out.add(path, _friendly_schema_message(error))


def _friendly_schema_message(error: Any) -> str:
    instance = error.instance
    if error.validator == "additionalProperties":
        extra = sorted(set(instance) - set(error.schema.get("properties", {})), key=str)
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown key(s) {', '.join(map(repr, extra))}; allowed here: {allowed}"
    if error.validator == "type" and isinstance(instance, bool):
        return (f"{instance!r} is a YAML boolean; write it in quotes (\"{'yes' if instance else 'no'}\") "
                "to use it as text")
    if error.validator == "oneOf" and isinstance(instance, dict):
        return ("not a valid condition: use {all: [...]}, {any: [...]}, {not: ...} or "
                "{question: ID, <equals|in|includes|below|above|answered>: value}")
    if error.validator == "enum":
        return f"{instance!r} is not one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "required":
        return str(error.message).replace("is a required property", "is required here")
    return str(error.message)


# --------------------------------------------------------------------------------------------
# Semantic checks and construction


def _build(doc: _Document, out: _Collector, origin: str) -> Questionnaire | None:
    data: Mapping[str, Any] = doc.data
    option_sets: dict[str, list[Any]] = data.get("option_sets") or {}
    sources = tuple(
        Source(id=s["id"], title=s["title"], publisher=s.get("publisher", ""), year=s.get("year"),
               url=s.get("url", ""), confidence=s.get("confidence", ""), note=s.get("note", ""))
        for s in data.get("sources") or []
    )
    _check_unique(((("sources", i, "id"), s.id) for i, s in enumerate(sources)), "source id", out)
    source_ids = {s.id for s in sources}
    kind = QuestionnaireKind(data["kind"])

    # First pass: questions with their options, so conditions can be checked against any question.
    raw_questions: list[tuple[Path_, Mapping[str, Any], str]] = []
    section_paths: list[tuple[Path_, Mapping[str, Any]]] = []
    for si, sec in enumerate(data["sections"]):
        section_paths.append((("sections", si), sec))
        for qi, q in enumerate(sec["questions"]):
            raw_questions.append((("sections", si, "questions", qi), q, sec["id"]))
    _check_unique(((p + ("id",), s["id"]) for p, s in section_paths), "section id", out)
    _check_unique(((p + ("id",), q["id"]) for p, q, _ in raw_questions), "question id", out)

    options_by_question: dict[str, tuple[Option, ...]] = {}
    types: dict[str, AnswerType] = {}
    for path, q, _ in raw_questions:
        qtype = AnswerType(q["type"])
        types[q["id"]] = qtype
        options_by_question[q["id"]] = _options(path, q, qtype, option_sets, out)

    red_flag_ids: list[tuple[Path_, str]] = []
    sections: list[Section] = []
    show_if_edges: dict[str, set[str]] = {}
    for sec_path, sec in section_paths:
        questions: list[Question] = []
        for qi, q in enumerate(sec["questions"]):
            path = sec_path + ("questions", qi)
            qid = q["id"]
            qtype = types[qid]
            show_if = None
            if "show_if" in q:
                show_if = _condition(path + ("show_if",), q["show_if"], None, options_by_question, types, out)
                if show_if is not None:
                    refs = {t.question for t in iter_tests(show_if)}
                    if qid in refs:
                        out.add(path + ("show_if",), f"question {qid} cannot be shown depending on its own answer")
                    show_if_edges[qid] = refs - {qid}
            flags: list[RedFlagRule] = []
            for fi, rf in enumerate(q.get("red_flags") or []):
                fpath = path + ("red_flags", fi)
                red_flag_ids.append((fpath + ("id",), rf["id"]))
                when = _condition(fpath + ("when",), rf["when"], qid, options_by_question, types, out)
                if when is not None:
                    flags.append(RedFlagRule(
                        id=rf["id"], question_id=qid, when=when, severity=Severity(rf["severity"]),
                        title=rf["title"], rationale=rf["rationale"], mitigation=rf["mitigation"],
                        contract_clause=rf.get("contract_clause", ""),
                    ))
            trace_raw = q.get("trace") or {}
            for ti, src in enumerate(trace_raw.get("sources") or []):
                if src not in source_ids:
                    out.add(path + ("trace", "sources", ti),
                            f"source '{src}' is not listed in the top-level 'sources'")
            bands = _bands(path, q, qtype, out)
            min_value, max_value = _range(path, q, qtype, bands, out)
            if kind is QuestionnaireKind.PROFILE and "weight" not in q:
                out.add(path, f"profile question {qid} needs a 'weight'")
            if kind is not QuestionnaireKind.PROFILE and "weight" in q:
                out.add(path + ("weight",), "'weight' is only used in profile questionnaires")
            # Buyer answers share the assessment's answer table; the id prefix keeps them apart.
            if kind is QuestionnaireKind.BUYER and not is_buyer_question_id(qid):
                out.add(path + ("id",), f"buyer-module question ids must start with "
                                        f"'{BUYER_QUESTION_PREFIX}' ('{qid}' does not)")
            if kind is not QuestionnaireKind.BUYER and is_buyer_question_id(qid):
                out.add(path + ("id",), f"question id '{qid}' starts with '{BUYER_QUESTION_PREFIX}', "
                                        f"which is reserved for the buyer module")
            if kind is QuestionnaireKind.PROFILE and qtype not in (AnswerType.SINGLE_CHOICE, AnswerType.YES_NO):
                out.add(path + ("type",), "profile questions must be single_choice or yes_no")
            applies = q.get("applies_to") or {}
            guidance = q.get("guidance") or {}
            questions.append(Question(
                id=qid,
                section_id=sec["id"],
                text=q["text"].strip(),
                type=qtype,
                help=(q.get("help") or "").strip(),
                guidance=Guidance(why=(guidance.get("why") or "").strip(),
                                  good_evidence=(guidance.get("good_evidence") or "").strip(),
                                  weak_answer=(guidance.get("weak_answer") or "").strip()),
                options=options_by_question[qid],
                bands=bands,
                unit=q.get("unit", ""),
                required=q.get("required", True),
                importance=Importance(q.get("importance", "standard")),
                evidence=tuple(EvidenceKind(e) for e in q.get("evidence") or []),
                applies_to=Applicability(
                    categories=frozenset(ProductCategory(c) for c in applies.get("categories") or []),
                    tiers=frozenset(applies.get("tiers") or []),
                ),
                show_if=show_if,
                red_flags=tuple(flags),
                no_red_flag_reason=(q.get("no_red_flag_reason") or "").strip(),
                trace=Trace(
                    buyers_guide=tuple(BuyersGuidePart(v) for v in trace_raw.get("buyers_guide") or []),
                    pillar=tuple(Pillar(v) for v in trace_raw.get("pillar") or []),
                    actor=tuple(Actor(v) for v in trace_raw.get("actor") or []),
                    sources=tuple(trace_raw.get("sources") or []),
                    note=trace_raw.get("note", ""),
                ),
                references=tuple(Reference(r["standard"], r.get("clause", ""), r.get("note", ""))
                                 for r in q.get("references") or []),
                weight=q.get("weight"),
                min_value=min_value,
                max_value=max_value,
                split_from=str(q.get("split_from") or ""),
            ))
        tags = sec.get("tags") or {}
        sections.append(Section(
            id=sec["id"], title=sec["title"], description=(sec.get("description") or "").strip(),
            pillars=tuple(Pillar(p) for p in tags.get("pillar") or []),
            buyers_guide=tuple(BuyersGuidePart(p) for p in tags.get("buyers_guide") or []),
            questions=tuple(questions),
        ))
    _check_unique(red_flag_ids, "red flag id", out)
    _check_cycles(show_if_edges, raw_questions, out)

    tiering = None
    if kind is QuestionnaireKind.PROFILE:
        if "tiering" not in data:
            out.add((), "a profile questionnaire needs a 'tiering' block")
        else:
            tiering = _tiering(data["tiering"], options_by_question, types, out)
    elif "tiering" in data:
        out.add(("tiering",), "'tiering' is only used in profile questionnaires")

    if out.issues:
        return None
    return Questionnaire(
        id=data["id"], version=data["version"], title=data["title"], kind=kind,
        sections=tuple(sections), description=(data.get("description") or "").strip(),
        language=data.get("language", "en"), disclaimer=(data.get("disclaimer") or "").strip(),
        sources=sources, tiering=tiering, origin=origin,
    )


def _check_unique(items: Iterable[tuple[Path_, str]], what: str, out: _Collector) -> None:
    seen: dict[str, Path_] = {}
    for path, value in items:
        if value in seen:
            first = seen[value]
            first_line = out.doc.line(first) if out.doc else None
            where = f"line {first_line}" if first_line else format_path(first)
            out.add(path, f"duplicate {what} '{value}' (first used at {where})")
        else:
            seen[value] = path


def _options(path: Path_, q: Mapping[str, Any], qtype: AnswerType,
             option_sets: Mapping[str, list[Any]], out: _Collector) -> tuple[Option, ...]:
    raw = q.get("options")
    raw_path = path + ("options",)
    if "option_set" in q:
        if raw is not None:
            out.add(path, "give either 'options' or 'option_set', not both")
        name = q["option_set"]
        if name not in option_sets:
            known = ", ".join(sorted(option_sets)) or "none defined"
            out.add(path + ("option_set",), f"option set '{name}' is not defined (known: {known})")
            return ()
        raw = option_sets[name]
        raw_path = ("option_sets", name)
    if not qtype.has_options:
        if raw is not None:
            out.add(path, f"a {qtype.value} question takes no options")
        return ()
    if raw is None:
        if qtype is AnswerType.YES_NO:
            return DEFAULT_YES_NO_OPTIONS
        out.add(path, f"a {qtype.value} question needs 'options' or 'option_set'")
        return ()
    options = []
    _check_unique(((raw_path + (i, "id"), o["id"]) for i, o in enumerate(raw)), "option id", out)
    for i, o in enumerate(raw):
        na = bool(o.get("not_applicable", False))
        score = o.get("score")
        if na and score is not None:
            out.add(raw_path + (i, "score"), f"option '{o['id']}' is not applicable, so it takes no score")
        if not na and score is None:
            out.add(raw_path + (i,), f"option '{o['id']}' needs a 'score' between 0 and 1")
        exclusive = o.get("exclusive", False)
        if not isinstance(exclusive, bool):
            out.add(raw_path + (i, "exclusive"), f"option '{o['id']}': 'exclusive' must be true or false")
            exclusive = False
        options.append(Option(id=o["id"], label=o["label"], score=None if na else float(score or 0.0),
                              not_applicable=na, help=o.get("help", ""), exclusive=exclusive))
    return tuple(options)


def _bands(path: Path_, q: Mapping[str, Any], qtype: AnswerType, out: _Collector) -> tuple[Band, ...]:
    raw = q.get("bands")
    if raw is None:
        return ()
    if not is_numeric(qtype):
        out.add(path + ("bands",), "only number questions take 'bands'")
        return ()
    bands = [Band(b.get("min"), b.get("max"), float(b["score"]), b.get("label", "")) for b in raw]
    for i, b in enumerate(bands):
        if b.min is not None and b.max is not None and b.min >= b.max:
            out.add(path + ("bands", i), f"band min {b.min} must be below max {b.max}")
    ordered = sorted(bands, key=lambda b: float("-inf") if b.min is None else b.min)
    for a, b in zip(ordered, ordered[1:], strict=False):
        a_max = float("inf") if a.max is None else a.max
        b_min = float("-inf") if b.min is None else b.min
        if b_min < a_max:
            out.add(path + ("bands",), f"bands overlap: [{a.min}, {a.max}) and [{b.min}, {b.max})")
    return tuple(bands)


def _range(path: Path_, q: Mapping[str, Any], qtype: AnswerType, bands: tuple[Band, ...],
           out: _Collector) -> tuple[float | None, float | None]:
    """The declared ``range: {min, max}`` of a number question (both inclusive)."""
    raw = q.get("range")
    if raw is None:
        return None, None
    if not is_numeric(qtype):
        out.add(path + ("range",), "only number questions take a 'range'")
        return None, None
    if not isinstance(raw, Mapping):
        out.add(path + ("range",), "'range' needs 'min' and/or 'max' numbers")
        return None, None
    bounds: list[float | None] = []
    for key in ("min", "max"):
        value = raw.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            out.add(path + ("range", key), f"range {key} must be a number, got {value!r}")
            value = None
        bounds.append(None if value is None else float(value))
    low, high = bounds
    if low is not None and high is not None and low > high:
        out.add(path + ("range",), f"range min {low:g} must not be above max {high:g}")
        return None, None
    return low, high


def _condition(path: Path_, raw: Mapping[str, Any], default_question: str | None,
               options: Mapping[str, tuple[Option, ...]], types: Mapping[str, AnswerType],
               out: _Collector) -> Condition | None:
    if "all" in raw or "any" in raw:
        key = "all" if "all" in raw else "any"
        parts = [_condition(path + (key, i), p, default_question, options, types, out)
                 for i, p in enumerate(raw[key])]
        if any(p is None for p in parts):
            return None
        return (AllOf if key == "all" else AnyOf)(tuple(p for p in parts if p is not None))
    if "not" in raw:
        part = _condition(path + ("not",), raw["not"], default_question, options, types, out)
        return None if part is None else NotOf(part)
    ops = [k for k in raw if k != "question"]
    if len(ops) != 1:
        out.add(path, "a condition needs exactly one of: equals, in, includes, below, above, answered")
        return None
    op = Op(ops[0])
    question = raw.get("question", default_question)
    if question is None:
        out.add(path, "this condition must name a 'question'")
        return None
    if question not in types:
        out.add(path + ("question",) if "question" in raw else path,
                f"question '{question}' does not exist in this questionnaire")
        return None
    qtype = types[question]
    operand: object = raw[op.value]
    if op in (Op.EQUALS, Op.IN, Op.INCLUDES):
        if not qtype.has_options:
            out.add(path, f"'{op.value}' tests option ids, but {question} is a {qtype.value} question")
            return None
        if op is Op.INCLUDES and qtype is not AnswerType.MULTIPLE_CHOICE:
            out.add(path, f"'includes' is for multiple_choice questions; {question} is {qtype.value}: use 'in'")
            return None
        # The schema allows only a list after 'in' (checked before this runs).
        names = [operand] if op is not Op.IN else list(cast("Iterable[object]", operand))
        known = [o.id for o in options.get(question, ())]
        for name in names:
            if known and name not in known:
                out.add(path, f"option '{name}' does not exist in question {question} (options: {', '.join(known)})")
                return None
        if op is Op.IN:
            operand = tuple(operand)  # type: ignore[arg-type]
    elif op in (Op.BELOW, Op.ABOVE) and not is_numeric(qtype):
        out.add(path, f"'{op.value}' compares numbers, but {question} is a {qtype.value} question")
        return None
    return AnswerTest(question=question, op=op, operand=operand)


def _check_cycles(edges: Mapping[str, set[str]], raw_questions: list[tuple[Path_, Mapping[str, Any], str]],
                  out: _Collector) -> None:
    """Report show-if dependency cycles (A shown if B, B shown if A), once per cycle."""
    path_of = {q["id"]: p for p, q, _ in raw_questions}
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    out.add(path_of[node] + ("show_if",), "show_if conditions form a cycle: " + " -> ".join(cycle))
            elif state.get(nxt) is None and nxt in edges:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if state.get(node) is None:
            visit(node, [])


def _tiering(raw: Mapping[str, Any], options: Mapping[str, tuple[Option, ...]],
             types: Mapping[str, AnswerType], out: _Collector) -> Tiering | None:
    th = raw["thresholds"]
    if not th["tier1"] >= th["tier2"] >= th["tier3"]:
        out.add(("tiering", "thresholds"), "thresholds must satisfy tier1 >= tier2 >= tier3")
    escalations = []
    for i, esc in enumerate(raw.get("escalations") or []):
        cond = _condition(("tiering", "escalations", i, "when"), esc["when"], None, options, types, out)
        if cond is not None:
            escalations.append(TierEscalation(cond, int(esc["tier"]), esc["reason"]))
    return Tiering(raw["method"], float(th["tier1"]), float(th["tier2"]), float(th["tier3"]), tuple(escalations))


# --------------------------------------------------------------------------------------------
# Public API


def check_questionnaire_text(text: str, file: str = "<text>", trusted: bool = False
                             ) -> tuple[Questionnaire | None, list[Issue]]:
    """Parse and validate questionnaire YAML text. Returns the questionnaire (None when invalid)
    and every issue found.

    ``trusted`` skips the JSON-Schema pass (70% of the load time) and is only for the files
    bundled with the app, which the test suite validates in full.
    """
    out = _Collector(file, None)
    if len(text.encode("utf-8", errors="replace")) > MAX_FILE_BYTES:
        out.issues.append(Issue(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", file=file))
        return None, out.issues
    doc = _parse_trusted(text, out) if trusted else _parse_yaml(text, out)
    if doc is None:
        return None, out.issues
    out.doc = doc
    if not isinstance(doc.data, dict):
        out.add((), "the top level must be a mapping (key: value pairs)")
        return None, out.issues
    if not trusted:
        _schema_check(doc, out)
        if out.issues:
            # Still run the semantic checks, so an author sees duplicate ids or red flags on
            # missing options in the same pass. They assume a schema-valid document, so on
            # a structure they cannot follow they stop; what they found so far is kept.
            schema_issues = list(out.issues)
            try:
                _build(doc, out, origin=file)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                pass
            seen = {(i.where, i.message) for i in schema_issues}
            extra = [i for i in out.issues[len(schema_issues):] if (i.where, i.message) not in seen]
            return None, sorted(schema_issues + extra, key=lambda i: (i.line or 0, i.where))
    questionnaire = _build(doc, out, origin=file)
    return questionnaire, out.issues


def check_questionnaire_file(path: Path | str, trusted: bool = False) -> tuple[Questionnaire | None, list[Issue]]:
    """Validate a questionnaire file; see :func:`check_questionnaire_text`."""
    path = Path(path)
    name = path.name
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # Reading a named pipe or a device would block (or never end): only plain files.
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe" if stat.S_ISFIFO(info.st_mode) \
                else "a device or socket"
            return None, [Issue(f"this is {what}, not a regular file; give the path of a questionnaire file",
                                file=name)]
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return None, [Issue(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", file=name)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Issue(f"cannot read the file: {exc.strerror or exc}", file=name)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Issue(f"the file is not UTF-8 text (byte {exc.start})", file=name)]
    questionnaire, issues = check_questionnaire_text(text, file=name, trusted=trusted)
    if questionnaire is not None:
        questionnaire = _with_origin(questionnaire, str(path))
    return questionnaire, issues


def _with_origin(q: Questionnaire, origin: str) -> Questionnaire:
    import dataclasses

    return dataclasses.replace(q, origin=origin)


#: Parsed bundled questionnaires by (path, mtime, size); see :func:`load_questionnaire`.
_TRUSTED_CACHE: dict[tuple[str, int, int], Questionnaire] = {}


def load_questionnaire(path: Path | str, trusted: bool = False) -> Questionnaire:
    """Load a questionnaire file; raise :class:`QuestionnaireError` listing every problem.

    ``trusted=True`` is for bundled files only (see :func:`check_questionnaire_text`)."""
    if trusted:
        # Bundled files do not change while the program runs; every Services/catalog opened in
        # one process (GUI workspace switches, the test and fuzz suites) shares one parse.
        try:
            info = Path(path).stat()
            key = (str(Path(path).resolve()), info.st_mtime_ns, info.st_size)
        except OSError:
            key = None
        if key is not None and key in _TRUSTED_CACHE:
            return _TRUSTED_CACHE[key]
    questionnaire, issues = check_questionnaire_file(path, trusted=trusted)
    if questionnaire is not None and trusted and key is not None:
        _TRUSTED_CACHE[key] = questionnaire
    if questionnaire is None:
        raise QuestionnaireError(f"{Path(path).name} is not a valid questionnaire "
                                 f"({len(issues)} problem{'s' if len(issues) != 1 else ''})", issues)
    return questionnaire


def bundled_questionnaire_files() -> list[Path]:
    """The YAML files of the bundled questionnaires (not the schema, not authoring parts)."""
    folder = paths.questionnaires_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def archived_questionnaire_files() -> list[Path]:
    """Earlier versions of bundled questionnaires (``questionnaires/archive/<id>-<version>.yaml``).

    They stay loadable by ``id@version`` (diffs, reassessment from an old version, workspaces
    made before their text was stored) but are never the current version of their id."""
    folder = paths.questionnaires_dir() / "archive"
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []
