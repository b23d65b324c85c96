"""Answers from another questionnaire, through a mapping file (``import-answers``).

A vendor may already have filled in another standard questionnaire. A *mapping file* says which
of its question ids answers which TrustFrame question, and how its answer texts translate into
TrustFrame's options; the vendor's filled-in answers (CSV or XLSX) are then read through it and
arrive as answers "to confirm". The format is documented in ``docs/answer-mapping.md``.

Both files are untrusted: size-limited, no formula is ever evaluated (an XLSX is read for its
stored values only), and every problem is reported with its file and row or mapping entry.
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trustframe.domain import answers as answer_values
from trustframe.domain.answers import AnswerValueError
from trustframe.domain.questionnaire import Questionnaire
from trustframe.errors import Issue, ValidationFailed

FORMAT = "trustframe-answer-mapping/1"
MAX_MAPPING_BYTES = 2 * 1024 * 1024
MAX_ANSWERS_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000


@dataclass(frozen=True)
class QuestionMap:
    """One entry: their question id -> our question id, with optional answer-text translation."""

    source_id: str
    target_id: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AnswerMapping:
    """A validated mapping file."""

    title: str
    source_title: str
    source_citation: str
    target_questionnaire: str
    id_column: str
    answer_column: str
    comment_column: str
    questions: dict[str, QuestionMap]


@dataclass(frozen=True)
class MappedAnswer:
    """An answer read from the vendor's file and translated for one TrustFrame question."""

    question_id: str
    value: Any
    comment: str
    source_id: str
    row: int


@dataclass(frozen=True)
class MappingResult:
    """What a file gives through a mapping: answers, rows not mapped, and problems."""

    answers: tuple[MappedAnswer, ...]
    unmapped: tuple[str, ...]
    problems: tuple[Issue, ...]


def _read_limited(path: Path, limit: int, what: str) -> bytes:
    if not path.is_file():
        raise ValidationFailed(f"{path.name} cannot be read", [Issue(f"{path} is not a regular file", str(path))])
    size = path.stat().st_size
    if size > limit:
        raise ValidationFailed(f"{path.name} is too large", [
            Issue(f"{what} of {size // 1024} KB is over the {limit // 1024} KB limit", str(path))])
    return path.read_bytes()


def load_mapping(path: Path, questionnaire: Questionnaire) -> AnswerMapping:
    """Read and validate a mapping file against the target questionnaire (all problems at once)."""
    path = Path(path)
    text = _read_limited(path, MAX_MAPPING_BYTES, "a mapping file").decode("utf-8-sig", errors="replace")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ValidationFailed(f"{path.name} is not valid YAML", [
            Issue(str(getattr(exc, "problem", exc)), str(path), line=mark.line + 1 if mark else None)]) from exc
    problems: list[Issue] = []
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValidationFailed(f"{path.name} is not an answer mapping", [
            Issue(f"the first key must be 'format: {FORMAT}'", str(path))])
    source = _table(raw.get("source"))
    target = _table(raw.get("target"))
    columns = _table(raw.get("columns"))
    if target.get("questionnaire") and target.get("questionnaire") != questionnaire.id:
        problems.append(Issue(f"the mapping is for '{target.get('questionnaire')}', the assessment uses "
                              f"'{questionnaire.id}'", str(path), "target.questionnaire"))
    if not source.get("citation"):
        problems.append(Issue("source.citation must say where the question ids come from (the published "
                              "questionnaire and its version)", str(path), "source.citation"))
    entries = raw.get("questions")
    if not isinstance(entries, list) or not entries:
        problems.append(Issue("'questions' must be a non-empty list", str(path), "questions"))
        entries = []
    known = questionnaire.questions_by_id
    out: dict[str, QuestionMap] = {}
    for i, entry in enumerate(entries):
        where = f"questions[{i}]"
        if not isinstance(entry, dict) or not entry.get("from") or not entry.get("to"):
            problems.append(Issue("each entry needs 'from' (their id) and 'to' (a TrustFrame question id)",
                                  str(path), where))
            continue
        src, dst = str(entry["from"]).strip(), str(entry["to"]).strip()
        if dst not in known:
            problems.append(Issue(f"'{dst}' is not a question of {questionnaire.key}", str(path), f"{where}.to"))
            continue
        if src in out:
            problems.append(Issue(f"'{src}' is mapped twice", str(path), f"{where}.from"))
            continue
        values = entry.get("values") or {}
        if not isinstance(values, dict):
            problems.append(Issue("'values' must map answer texts to option ids", str(path), f"{where}.values"))
            continue
        q = known[dst]
        for text_, target_value in values.items():
            try:
                answer_values.normalise(q, target_value)
            except (AnswerValueError, TypeError, ValueError) as exc:
                problems.append(Issue(f"'{text_}' maps to {target_value!r}, not a valid answer to {dst}: {exc}",
                                      str(path), f"{where}.values"))
        out[src] = QuestionMap(src, dst, {str(k).strip().casefold(): v for k, v in values.items()})
    if problems:
        raise ValidationFailed(f"{path.name}: {len(problems)} problem(s) in the mapping", problems)
    return AnswerMapping(
        title=str(raw.get("title") or path.stem), source_title=str(source.get("title", "")),
        source_citation=str(source.get("citation", "")), target_questionnaire=questionnaire.id,
        id_column=str(columns.get("id", "Question ID")), answer_column=str(columns.get("answer", "Answer")),
        comment_column=str(columns.get("comment", "Comment")), questions=out)


def _table(value: object) -> dict[str, Any]:
    """A mapping's sub-table (``source:``, ``target:``, ``columns:``), empty when absent or not a table."""
    return value if isinstance(value, dict) else {}


def _cell(row: list[str], index: int | None) -> str:
    """One cell of an answers row, stripped; empty for a missing column or a short row."""
    return row[index].strip() if index is not None and index < len(row) else ""


def _rows(path: Path) -> list[list[str]]:
    data = _read_limited(path, MAX_ANSWERS_BYTES, "an answers file")
    if path.suffix.lower() == ".csv":
        text = data.decode("utf-8-sig", errors="replace")
        return list(itertools.islice(csv.reader(io.StringIO(text)), MAX_ROWS + 1))
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            # data_only: stored values only; a formula is never evaluated.
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl and zipfile raise many types for damaged files
            raise ValidationFailed(f"{path.name} cannot be read", [
                Issue(f"not a readable Excel workbook ({type(exc).__name__})", str(path))]) from exc
        try:
            rows: list[list[str]] = []
            for row in wb.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 1):
                rows.append(["" if v is None else str(v) for v in row])
            return rows
        finally:
            wb.close()
    raise ValidationFailed(f"{path.name} cannot be read", [Issue("answers are read from .csv or .xlsx", str(path))])


def read_mapped_answers(path: Path, mapping: AnswerMapping, questionnaire: Questionnaire) -> MappingResult:
    """The answers a vendor's file gives through ``mapping`` (rows are 1-based as in the file)."""
    path = Path(path)
    rows = _rows(path)
    if len(rows) > MAX_ROWS:
        raise ValidationFailed(f"{path.name} is too long", [Issue(f"more than {MAX_ROWS} rows", str(path))])
    header_at = next((i for i, r in enumerate(rows[:20]) if mapping.id_column in [c.strip() for c in r]), None)
    if header_at is None:
        raise ValidationFailed(f"{path.name} has no '{mapping.id_column}' column", [
            Issue(f"no header row with '{mapping.id_column}' in the first 20 rows", str(path))])
    header = [c.strip() for c in rows[header_at]]
    try:
        id_col = header.index(mapping.id_column)
        ans_col = header.index(mapping.answer_column)
    except ValueError:
        raise ValidationFailed(f"{path.name} has no '{mapping.answer_column}' column", [
            Issue(f"the header row {header_at + 1} has no '{mapping.answer_column}' column", str(path))]) from None
    com_col = header.index(mapping.comment_column) if mapping.comment_column in header else None
    answers: list[MappedAnswer] = []
    unmapped: list[str] = []
    problems: list[Issue] = []
    seen: set[str] = set()
    for n, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        src, text = _cell(row, id_col), _cell(row, ans_col)
        if not src:
            continue
        qmap = mapping.questions.get(src)
        if qmap is None:
            unmapped.append(src)
            continue
        if not text:
            continue
        if qmap.target_id in seen:
            problems.append(Issue(f"{src}: {qmap.target_id} is already answered by an earlier row", str(path),
                                  line=n))
            continue
        q = questionnaire.question(qmap.target_id)
        try:
            value = qmap.values[text.casefold()] if text.casefold() in qmap.values \
                else answer_values.parse_text(q, text)
            value = answer_values.normalise(q, value)
        except (AnswerValueError, TypeError, ValueError) as exc:
            problems.append(Issue(f"{src} -> {q.id}: '{text[:80]}' is not a valid answer ({exc})", str(path), line=n))
            continue
        seen.add(q.id)
        answers.append(MappedAnswer(q.id, value, _cell(row, com_col)[:4000], src, n))
    return MappingResult(tuple(answers), tuple(unmapped), tuple(problems))
