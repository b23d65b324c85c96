"""Crosswalks out: the question bank mapped to the standards an auditor already uses.

``questionnaire crosswalk [ID] -o FILE.csv|FILE.xlsx`` writes one row per question: its id,
domain, text, the EWI Buyers Guide part, the Weathering TechNationalism pillar and actor, then one
column per standard family (grouped by the standards catalogue's ``column``), then every other
reference. Cells hold the clause identifiers (with the note where there is one).

Questionnaire text may come from a custom file, so every cell is neutralised against formula
injection in both formats.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from trustframe.domain.questionnaire import Question, Questionnaire, Reference
from trustframe.exchange.excel_model import neutralise_text
from trustframe.exchange.references import Standard, load_catalogue, match_standard

#: The standard columns every crosswalk has, in this order (issue 15 §4); other catalogue
#: columns follow when a question cites them.
CORE_COLUMNS = (
    "ISO/IEC 27036",
    "ISO/IEC 20243 (O-TTPS)",
    "NIST SP 800-161r1 / 800-53",
    "NIST SSDF (SP 800-218)",
    "CISA Vendor SCRM Template",
)
OTHER_COLUMN = "Other references"
FIXED_HEADERS = ("Question ID", "Domain", "Question", "EWI Buyers Guide part", "WT pillar", "WT actor")

@dataclass(frozen=True)
class Crosswalk:
    """The crosswalk table: headers and one row per question."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    standard_columns: tuple[str, ...]

    def empty_columns(self) -> list[str]:
        """Standard columns without a single entry (a crosswalk should have none)."""
        first = len(FIXED_HEADERS)
        return [h for i, h in enumerate(self.headers[first:], start=first)
                if h != OTHER_COLUMN and not any(row[i] for row in self.rows)]


def _cite(ref: Reference, with_standard: bool) -> str:
    parts = [ref.standard] if with_standard else []
    if ref.clause:
        parts.append(ref.clause)
    text = " ".join(parts) if parts else ref.standard
    if ref.note:
        text += f" ({ref.note})"
    return text


def _column_of(ref: Reference, catalogue: tuple[Standard, ...]) -> str:
    std = match_standard(ref, catalogue)
    return std.column if std is not None and std.column else OTHER_COLUMN


def build_crosswalk(questionnaire: Questionnaire, overlays: tuple[Questionnaire, ...] = ()) -> Crosswalk:
    """The crosswalk of a questionnaire (and of any regulatory overlays' questions)."""
    catalogue = load_catalogue()
    questions: list[tuple[str, Question]] = []
    for q in questionnaire.iter_questions():
        questions.append((questionnaire.sections_by_id[q.section_id].title, q))
    for overlay in overlays:
        for q in overlay.iter_questions():
            questions.append((f"{overlay.title}: {overlay.sections_by_id[q.section_id].title}", q))

    seen: list[str] = []
    for _, q in questions:
        for ref in q.references:
            col = _column_of(ref, catalogue)
            if col not in seen:
                seen.append(col)
    extra = [c for c in seen if c not in CORE_COLUMNS and c != OTHER_COLUMN]
    columns = (*CORE_COLUMNS, *extra)
    headers = (*FIXED_HEADERS, *columns, OTHER_COLUMN)

    rows: list[tuple[str, ...]] = []
    for domain, q in questions:
        cells: dict[str, list[str]] = {c: [] for c in (*columns, OTHER_COLUMN)}
        for ref in q.references:
            col = _column_of(ref, catalogue)
            # In a family column the standard's own name is kept when the family has several
            # members (27036-3 vs 27036-4; 800-161 vs 800-53) so the cell is unambiguous.
            cells[col].append(_cite(ref, with_standard=True))
        trace = q.trace
        row = (
            q.id, domain, " ".join(q.text.split()),
            ", ".join(p.value for p in trace.buyers_guide),
            ", ".join(p.value for p in trace.pillar),
            ", ".join(a.value for a in trace.actor),
            *("; ".join(cells[c]) for c in columns),
            "; ".join(cells[OTHER_COLUMN]),
        )
        rows.append(tuple(neutralise_text(v) for v in row))
    return Crosswalk(headers, tuple(rows), columns)


def write_crosswalk(crosswalk: Crosswalk, target: Path) -> Path:
    """Write the crosswalk as CSV (UTF-8 with BOM, so Excel reads the accents) or XLSX."""
    suffix = target.suffix.lower()
    tmp = target.with_name(f".~{target.name}.tmp")
    try:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(crosswalk.headers)
                writer.writerows(crosswalk.rows)
        elif suffix == ".xlsx":
            _write_xlsx(crosswalk, tmp)
        else:
            raise ValueError(f"{target.name}: the crosswalk is written as .csv or .xlsx")
        tmp.replace(target)  # a reader never sees a half-written file
    finally:
        if tmp.exists():  # only our own temporary file, never the target
            tmp.unlink()
    return target


def _write_xlsx(crosswalk: Crosswalk, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Crosswalk"
    ws.append(list(crosswalk.headers))
    for row in crosswalk.rows:
        ws.append(list(row))
    header_fill = PatternFill("solid", fgColor="1F3A5F")
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {1: 11, 2: 22, 3: 60, 4: 14, 5: 14, 6: 12}
    for i in range(1, len(crosswalk.headers) + 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(i, 28)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.data_type = "s"
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = ws.dimensions
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "Page &P of &N"
    wb.save(path)
