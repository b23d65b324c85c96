"""Plain data shared by the Excel writer, the Excel reader, the exchange service, the CLI and
the GUI: workbook layout constants, the metadata carried in a workbook, the parsed content of
a returned workbook, and the import preview.

No openpyxl here, so the GUI and the CLI can use these types without loading the Excel stack.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trustframe.domain.answer_types import CHOICE_SEPARATOR
from trustframe.domain.questionnaire import Question
from trustframe.errors import Issue

#: Format marker of the hidden metadata sheet; bump when the layout changes incompatibly.
#: Format 2: the seal is keyed with the workspace's secret (see ``workbook_identity``).
EXCHANGE_FORMAT = "trustframe-exchange/2"
#: Format 1: the same layout with an unkeyed seal; still recognised, imported only on confirmation.
LEGACY_EXCHANGE_FORMAT = "trustframe-exchange/1"
#: Prefix of the visible reference written on the Instructions sheet (for people: quoting it
#: identifies the workbook; on import it is only checked against the officer's choice, never trusted).
REFERENCE_PREFIX = "TF1"

INSTRUCTIONS_SHEET = "Instructions"
QUESTIONS_SHEET = "Questions"
META_SHEET = "_trustframe_meta"
LISTS_SHEET = "_trustframe_lists"

#: Questions-sheet columns in order: (key, header). Import finds columns by header text, so
#: a workbook whose columns were moved still reads.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Question ID"),
    ("section", "Section"),
    ("text", "Question"),
    ("help", "Help and allowed answers"),
    ("required", "Required"),
    ("answer", "Answer"),
    ("comment", "Comment / explanation"),
    ("evidence", "Evidence reference"),
)
COLUMN_INDEX: dict[str, int] = {key: i + 1 for i, (key, _header) in enumerate(COLUMNS)}
TITLE_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3

#: Separator of several choices in one answer cell (option labels often contain commas); the
#: typed-answer parser's, so the help text says what the import accepts.
MULTI_SEPARATOR = CHOICE_SEPARATOR
#: First characters that make a spreadsheet (or a CSV import of it) read text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: Visible prefix that keeps vendor text inert in the workbook we send (see neutralise_text).
NEUTRALISER = "'"


def neutralise_text(text: str) -> str:
    """Vendor text as written into the next vendor workbook: text starting with a formula
    trigger gets a visible apostrophe, as the Excel reports do. Why visible: a string cell type or
    Excel's quote prefix is lost when the sheet is saved as CSV, and the text would then be a
    live formula (``=cmd|' /C calc'!A0``). :func:`restore_text` undoes it on import."""
    return NEUTRALISER + text if text.startswith(FORMULA_TRIGGERS) else text


def restore_text(text: str) -> str:
    """Returned text without the apostrophe :func:`neutralise_text` added."""
    if text.startswith(NEUTRALISER) and text[1:2] and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text
#: How an evidence reference is kept inside an answer's comment (the answer model has one
#: free-text field; a labelled last line keeps the reference readable and splittable).
EVIDENCE_PREFIX = "Evidence: "


def question_checksum(text: str) -> str:
    """SHA-256 prefix of a question's text with whitespace collapsed.

    Collapsing whitespace keeps the checksum stable when a spreadsheet program rewrites line
    endings (LibreOffice writes CR LF differently from Excel) while any edit of words shows.
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def join_comment(comment: str, evidence: str) -> str:
    """One stored comment from the vendor's comment and evidence reference."""
    comment, evidence = comment.strip(), evidence.strip()
    if not evidence:
        return comment
    return f"{comment}\n{EVIDENCE_PREFIX}{evidence}" if comment else f"{EVIDENCE_PREFIX}{evidence}"


def split_comment(stored: str) -> tuple[str, str]:
    """The inverse of :func:`join_comment`: (comment, evidence reference)."""
    if stored.startswith(EVIDENCE_PREFIX):
        return "", stored[len(EVIDENCE_PREFIX):].strip()
    head, sep, tail = stored.rpartition("\n" + EVIDENCE_PREFIX)
    if sep and "\n" not in tail:
        return head.strip(), tail.strip()
    return stored, ""


@dataclass(frozen=True)
class WorkbookMeta:
    """Machine-readable identity of an exported workbook (the hidden metadata sheet)."""

    workspace_id: str
    assessment_uid: str
    export_uid: str
    questionnaire_id: str
    questionnaire_version: str
    exported_at: str
    #: question id -> checksum of the question text as exported, in sheet order.
    checksums: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    format: str = EXCHANGE_FORMAT

    def fields(self) -> dict[str, str]:
        """The key/value part, in the order written."""
        return {
            "format": self.format,
            "workspace_id": self.workspace_id,
            "assessment_uid": self.assessment_uid,
            "export_uid": self.export_uid,
            "questionnaire_id": self.questionnaire_id,
            "questionnaire_version": self.questionnaire_version,
            "exported_at": self.exported_at,
        }

    @property
    def reference(self) -> str:
        """The visible reference: ``TF1:<assessment uid>:<export uid>``."""
        return f"{REFERENCE_PREFIX}:{self.assessment_uid}:{self.export_uid}"


@dataclass(frozen=True)
class ExportQuestion:
    """One question row to write, with what to pre-fill."""

    question: Question
    section_title: str
    value: Any = None
    comment: str = ""
    evidence: str = ""
    #: The pre-filled value comes from an earlier assessment and needs the vendor's confirmation.
    to_confirm: bool = False
    #: The question was reworded since the pre-filled answer was given (a newer bank version).
    reworded: bool = False
    #: "Answer only if ..." for questions with a show-if condition; empty otherwise.
    condition_note: str = ""


@dataclass(frozen=True)
class WorkbookSpec:
    """Everything the writer needs; built by the service from domain objects."""

    meta: WorkbookMeta
    questions: tuple[ExportQuestion, ...]
    questionnaire_title: str
    vendor_name: str
    product_name: str
    organisation: str = ""
    deadline: date | None = None
    contact: str = ""
    disclaimer: str = ""
    #: The seal of ``meta`` (computed by the service with the workspace's key, which the writer
    #: never sees).
    seal: str = ""
    #: Language of the workbook's own words (the questions come already translated).
    language: str = "en"
    #: Question id -> English text, for a bilingual workbook (empty: one language only).
    english_texts: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class ExportResult:
    """What an export produced."""

    path: Path
    export_uid: str
    assessment_id: int
    question_count: int
    prefilled_count: int
    exported_at: datetime


# ------------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class CellValue:
    """One cell read from a returned workbook."""

    sheet: str
    coordinate: str
    value: Any
    is_formula: bool = False

    @property
    def where(self) -> str:
        """``Sheet!B7``: the location used in problem reports."""
        return f"{self.sheet}!{self.coordinate}"

    @property
    def is_blank(self) -> bool:
        """True for an empty cell or whitespace-only text."""
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass(frozen=True)
class ParsedRow:
    """One non-empty data row of the Questions sheet."""

    sheet: str
    row: int
    question_id: CellValue
    question_text: CellValue | None = None
    answer: CellValue | None = None
    comment: CellValue | None = None
    evidence: CellValue | None = None
    #: Formula cells anywhere in the row (also outside the known columns).
    formulas: tuple[CellValue, ...] = ()


@dataclass(frozen=True)
class ParsedWorkbook:
    """The content of a returned workbook, read without judging it against a questionnaire."""

    file_name: str
    sha256: str
    size: int
    sheet_names: tuple[str, ...]
    questions_sheet: str
    rows: tuple[ParsedRow, ...]
    meta: WorkbookMeta | None = None
    #: Why the metadata is unusable ("missing", "damaged: ..."); empty when it is fine.
    meta_problem: str = ""
    #: (assessment uid, export uid) from the visible reference on the Instructions sheet.
    #: Anyone can edit it: it is never trusted to identify the assessment.
    reference: tuple[str, str] | None = None
    issues: tuple[Issue, ...] = ()
    #: The seal written on the metadata sheet. ``meta`` is what the file *claims*; only
    #: ``workbook_identity.check_seal`` with the workspace's key says whether to trust it.
    meta_seal: str = ""


# ------------------------------------------------------------------------------------------------
# Preview


class RowCategory(str, enum.Enum):
    """What importing one row would do."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CONFLICT = "conflicting"
    REJECTED = "rejected"
    EMPTY = "empty"

    @property
    def label(self) -> str:
        """Human-readable category."""
        return {
            "new": "New answer",
            "changed": "Changed",
            "unchanged": "Unchanged",
            "conflicting": "Conflict",
            "rejected": "Rejected",
            "empty": "Not answered",
        }[self.value]

    @property
    def acceptable(self) -> bool:
        """True when the officer can choose to apply the row."""
        return self in (RowCategory.NEW, RowCategory.CHANGED, RowCategory.CONFLICT)


@dataclass(frozen=True)
class ImportRowPreview:
    """One row of the preview: the current answer, the returned one and what would happen."""

    question_id: str
    sheet: str
    row: int
    category: RowCategory
    question_text: str = ""
    old_value: Any = None
    new_value: Any = None
    old_comment: str = ""
    new_comment: str = ""
    old_display: str = ""
    new_display: str = ""
    #: The answer at export time (shown for conflicts).
    base_display: str = ""
    #: An unchanged answer that was marked "to confirm": importing clears the mark.
    confirms: bool = False
    note: str = ""
    issues: tuple[Issue, ...] = ()

    @property
    def where(self) -> str:
        """``Questions!A7``."""
        return f"{self.sheet}!A{self.row}" if self.row else self.sheet

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {
            "question_id": self.question_id, "sheet": self.sheet, "row": self.row,
            "category": self.category.value, "question": self.question_text,
            "old_value": self.old_value, "new_value": self.new_value,
            "old_display": self.old_display, "new_display": self.new_display,
            "old_comment": self.old_comment, "new_comment": self.new_comment,
            "exported_display": self.base_display, "confirms": self.confirms, "note": self.note,
            "problems": [issue_to_dict(i) for i in self.issues],
        }


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    """Plain data of an issue."""
    return {"severity": issue.severity, "where": issue.where, "message": issue.message}


@dataclass(frozen=True)
class ImportPreview:
    """Everything an import would do, computed without writing anything."""

    path: Path
    file_name: str
    sha256: str
    assessment_id: int
    assessment_label: str
    questionnaire_key: str
    rows: tuple[ImportRowPreview, ...]
    issues: tuple[Issue, ...] = ()
    export_uid: str | None = None
    #: "metadata" (the sealed metadata sheet) or "argument" (the officer chose the assessment).
    identified_by: str = "metadata"
    already_imported_at: datetime | None = None
    status: str = ""
    #: The target, named before anything is applied.
    vendor_name: str = ""
    product_name: str = ""
    #: The vendor the workbook was sent to (from this workspace's export record; empty when unknown).
    sent_to_vendor: str = ""
    #: How the file's identity was established: "keyed-seal" (verified), "legacy-seal" (old seal,
    #: accepted on the officer's confirmation) or "unverified" (the officer chose the assessment).
    verification: str = "keyed-seal"

    @property
    def identity_verified(self) -> bool:
        """True only when the workspace's keyed seal proves which export the file came from."""
        return self.verification == "keyed-seal"
    #: Questions the workbook was sent with whose rows are not in the returned file (deleted, or
    #: lost by damage). Applying such a return needs an explicit confirmation.
    missing_rows: tuple[str, ...] = ()

    def by_category(self, category: RowCategory) -> list[ImportRowPreview]:
        """Rows of one category, in sheet order."""
        return [r for r in self.rows if r.category is category]

    @property
    def counts(self) -> dict[str, int]:
        """Rows per category (every category present, zero when none)."""
        return {c.value: sum(1 for r in self.rows if r.category is c) for c in RowCategory}

    @property
    def default_accepted(self) -> set[str]:
        """Rows applied when the officer accepts "all": new and changed answers, and confirmations.
        Conflicts need an explicit choice because they would overwrite the officer's later edit."""
        return {r.question_id for r in self.rows
                if r.category in (RowCategory.NEW, RowCategory.CHANGED)
                or (r.category is RowCategory.UNCHANGED and r.confirms)}

    @property
    def errors(self) -> list[Issue]:
        """Problems of severity "error"."""
        return [i for i in self.issues if i.severity == "error"]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``: counts, rows per category and every problem."""
        groups = {c.value: [r.to_dict() for r in self.rows if r.category is c] for c in RowCategory}
        return {
            "file": self.file_name, "sha256": self.sha256, "assessment_id": self.assessment_id,
            "assessment": self.assessment_label, "questionnaire": self.questionnaire_key,
            "export_uid": self.export_uid, "identified_by": self.identified_by,
            "target": {"assessment_id": self.assessment_id, "vendor": self.vendor_name,
                       "product": self.product_name},
            "sent_to_vendor": self.sent_to_vendor or None, "verification": self.verification,
            "identity_verified": self.identity_verified,
            "already_imported_at": self.already_imported_at.isoformat() if self.already_imported_at else None,
            "counts": self.counts, **groups,
            "missing_rows": list(self.missing_rows),
            "problems": [issue_to_dict(i) for i in self.issues],
        }


@dataclass(frozen=True)
class ImportResult:
    """What an applied import changed."""

    assessment_id: int
    import_id: int | None
    applied: tuple[str, ...]
    counts: dict[str, int]
    status_changed: bool = False
    status: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {"assessment_id": self.assessment_id, "import_id": self.import_id, "applied": list(self.applied),
                "applied_count": len(self.applied), "counts": self.counts,
                "status_changed": self.status_changed, "status": self.status}
