"""Excel reports (openpyxl): the assessment workbook and the portfolio workbook.

Each list is a real Excel table (filter buttons, banded rows, structured references) with a
frozen header row and proper number formats: scores as numbers, completeness as a percentage,
dates as dates. Every piece of text goes through :func:`~.safety.neutralise_cell_text` and is
stored as a string cell, so vendor text such as ``=HYPERLINK(...)`` never becomes a formula.

The "Plan of action" sheet is meant to be worked on: owner, due date and status columns are
empty and validated (a date, one of the listed statuses).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from trustframe.domain import palette
from trustframe.reports.model import AssessmentReport, PortfolioReport
from trustframe.reports.safety import neutralise_cell_text

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="163A5F")
TITLE_FONT = Font(bold=True, size=14, color="163A5F")
LABEL_FONT = Font(bold=True, color="4A5868")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0"
POINTS_FORMAT = "0.0"  # rating-plan gains: a point or two each, so one decimal, as the PDF prints them
PERCENT_FORMAT = "0%"
PLAN_STATUSES = ("Open", "In progress", "Done", "Risk accepted")
#: Light cell fills of the ratings (the palette's tints, as openpyxl wants them: "D7EDDF").
RATING_FILLS: dict[str, str] = {rating.value: swatch.bare("tint") for rating, swatch in palette.RATING.items()}


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> Any:
    """Write one cell; text is neutralised and forced to a string cell."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = neutralise_cell_text(value)
        cell.data_type = "s"  # never "f", whatever the text starts with
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    return cell


def _table(ws: Worksheet, name: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
           widths: Sequence[float], formats: dict[int, str] | None = None, start_row: int = 1,
           wrap: Sequence[int] = ()) -> Table | None:
    """Write headers and rows as an Excel table starting at ``start_row``; freeze its header."""
    formats = formats or {}
    for c, header in enumerate(headers, start=1):
        cell = ws.cell(row=start_row, column=c, value=header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, values in enumerate(rows, start=start_row + 1):
        lines = 1
        for c, value in enumerate(values, start=1):
            cell = _put(ws, r, c, value, formats.get(c))
            cell.alignment = WRAP if c in wrap else TOP
            if c in wrap and isinstance(value, str) and c <= len(widths):
                lines = max(lines, _wrapped_lines(value, widths[c - 1]))
        if lines > 1:
            # Neither Excel nor LibreOffice grows a row for wrapped text in a file they did not
            # lay out themselves: without a height, printed rows overlap.
            ws.row_dimensions[r].height = min(409, 12.75 * lines + 2)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    # An Excel table needs at least one data row; an empty list keeps a plain filtered header.
    last_row = start_row + max(1, len(rows))
    ref = f"A{start_row}:{get_column_letter(len(headers))}{last_row}"
    if not rows:
        ws.auto_filter.ref = ref
        return None
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    return table


def _wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide (word wrap)."""
    per_line = max(4, int(width * 1.1) - 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _key_values(ws: Worksheet, start_row: int, items: Sequence[tuple[str, Any, str | None]]) -> int:
    for offset, (label, value, fmt) in enumerate(items):
        ws.cell(row=start_row + offset, column=1, value=label).font = LABEL_FONT
        cell = _put(ws, start_row + offset, 2, value, fmt)
        cell.alignment = WRAP
    return start_row + len(items)


def _set_properties(wb: Workbook, title: str, subject: str, creator: str) -> None:
    wb.properties.title = neutralise_cell_text(title)
    wb.properties.subject = neutralise_cell_text(subject)
    wb.properties.creator = neutralise_cell_text(creator or "TrustFrame")


def assessment_workbook(report: AssessmentReport) -> Workbook:
    """The assessment report as a workbook: Summary, Answers, Plan of action, Rating plan, Evidence."""
    wb = Workbook()
    _set_properties(wb, report.meta.title, report.meta.subject, report.meta.author)

    ws = wb.active
    ws.title = "Summary"
    ws["A1"] = "Vendor trust assessment"
    ws["A1"].font = TITLE_FONT
    row = _key_values(ws, 3, [
        ("Organisation", report.meta.organisation, None),
        ("Vendor", report.vendor_name, None),
        ("Product or service", f"{report.product_name} {report.product_version}".strip(), None),
        ("Category", report.product_category, None),
        ("Procurement", report.procurement, None),
        ("Assessment", report.assessment_id, "0"),
        ("Status", report.status, None),
        ("Assessor", report.sign_off.assessor, None),
        ("Reviewer", report.sign_off.reviewer, None),
        ("Scored as of", _date(report.as_of), DATE_FORMAT),
        ("Residual risk rating", report.rating_label, None),
        ("Recommendation", report.recommendation_label, None),
        ("In plain words", report.recommendation_sentence, None),
        ("Inherent-risk tier", report.tier, "0"),
        ("Overall score (0-100)", report.overall, SCORE_FORMAT),
        ("Completeness", report.completeness_pct / 100, PERCENT_FORMAT),
        ("Open red flags", len(report.flags), "0"),
        ("Regulatory overlays", ", ".join(o.key for o in report.overlays) or "none", None),
        ("Buyer readiness (0-100)", report.buyer.score if report.buyer else None, SCORE_FORMAT),
        ("Decision", report.sign_off.decision, None),
        ("Generated", report.meta.generated_on, DATE_FORMAT),
    ])
    fill = RATING_FILLS.get(report.rating)
    if fill:
        ws.cell(row=13, column=2).fill = PatternFill("solid", fgColor=fill)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 70
    start = row + 2
    groups = [("Domain", g) for g in report.sections] + [("Pillar", g) for g in report.pillars] + \
             [("Buyers Guide part", g) for g in report.buyers_guide]
    _table(ws, "Scores", ["Group", "Name", "Score", "Answered", "Applicable", "Completeness", "Gaps"],
           [[kind, g.title, g.score, g.answered, g.applicable, g.completeness_pct / 100, g.gaps] for kind, g in groups],
           [24, 70, 10, 11, 11, 14, 8], {3: SCORE_FORMAT, 6: PERCENT_FORMAT}, start_row=start)
    ws.freeze_panes = None  # the summary reads top to bottom; a frozen middle row would confuse

    ws = wb.create_sheet("Answers")
    rows = []
    for sec in report.answer_sections:
        for a in sec.lines:
            score = float(a.score_text) if a.score_text not in ("", "n/a") else None
            rows.append([sec.title, a.question_id, a.text, a.answer if a.answered else "", a.comment, a.source,
                         score, a.evidence, "Yes" if a.follow_up else "", a.override_reason])
    _table(ws, "Answers", ["Domain", "Question ID", "Question", "Answer", "Comment", "Source", "Score",
                           "Evidence", "Follow-up", "Override reason"],
           rows, [22, 11, 60, 30, 40, 16, 8, 30, 10, 30], {7: SCORE_FORMAT}, wrap=(1, 3, 4, 5, 8, 10))

    if report.overlays:
        # One row per question an overlay maps, under the overlay's own sub-score.
        ws = wb.create_sheet("Overlays")
        _table(ws, "Overlays", ["Overlay", "Regime", "Sub-score", "Answered", "Applicable", "Question ID",
                                "Question", "Overlay effect", "Answer", "Score"],
               [[o.key, o.regime, o.score, o.answered, o.applicable, line.question_id, line.text, line.origin,
                 line.answer, float(line.score_text) if line.score_text not in ("", "–") else None]
                for o in report.overlays for line in o.lines],
               [20, 36, 10, 10, 11, 11, 60, 14, 30, 8], {3: SCORE_FORMAT, 10: SCORE_FORMAT}, wrap=(2, 7, 9))

    if report.buyer is not None and report.buyer.answers:
        # The buyer's own answers (never in the vendor workbook; this report is the buyer's).
        ws = wb.create_sheet("Buyer readiness")
        _table(ws, "BuyerReadiness", ["Buyer duty", "Question ID", "Question", "Answer", "Comment", "To confirm"],
               [list(line) for line in report.buyer.answers], [26, 11, 60, 30, 40, 30], {}, wrap=(1, 3, 4, 5, 6))

    ws = wb.create_sheet("Plan of action")
    plan: list[list[Any]] = []
    seen: set[str] = set()
    for f in report.flags:
        plan.append([f"A{len(plan) + 1}", "Red flag", f.severity_label, f.question_id, f.question_text, f.title,
                     f.mitigation, f.contract_clause, "", None, "Open", ""])
        seen.add(f.question_id)
    for g in report.gaps:
        plan.append([f"A{len(plan) + 1}", "Unanswered", "", g.question_id, g.question_text, g.reason, g.action, "",
                     "", None, "Open", ""])
        seen.add(g.question_id)
    for d in report.drivers:
        if d.question_id in seen:
            continue
        plan.append([f"A{len(plan) + 1}", "Weakness", "", d.question_id, d.question_text, d.reason, d.action, "",
                     "", None, "Open", ""])
    _table(ws, "PlanOfAction", ["Action", "Type", "Severity", "Question ID", "Question", "Finding",
                                "Recommended action", "Contract clause", "Owner", "Due date", "Status", "Notes"],
           plan, [8, 12, 10, 11, 45, 35, 50, 40, 18, 12, 13, 30], {10: DATE_FORMAT}, wrap=(5, 6, 7, 8, 12))
    last = max(2, len(plan) + 1)
    statuses = DataValidation(type="list", formula1='"' + ",".join(PLAN_STATUSES) + '"', allow_blank=True)
    statuses.add(f"K2:K{last + 200}")
    dates = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                           error="Enter a date (YYYY-MM-DD).", showErrorMessage=True)
    dates.add(f"J2:J{last + 200}")
    for column_cells in ws.iter_rows(min_row=2, max_row=last + 200, min_col=10, max_col=10):
        for cell in column_cells:
            cell.number_format = DATE_FORMAT
    ws.add_data_validation(statuses)
    ws.add_data_validation(dates)

    ws = wb.create_sheet("Rating plan")
    # Every change of "what would raise the rating" (the PDF prints the first dozen).
    _table(ws, "RatingPlan", ["Step", "Question ID", "Question", "Now", "Needed", "Gain (points)", "Kind"],
           [[n, i.question_id, i.question_text, i.from_answer, i.to_answer, i.gain, i.kind]
            for n, i in enumerate(report.improvements, 1)],
           [7, 11, 60, 30, 45, 13, 10], {6: POINTS_FORMAT}, wrap=(3, 4, 5))

    ws = wb.create_sheet("Evidence")
    _table(ws, "Evidence", ["Evidence", "Kind", "Issuer", "Independent", "Issued", "Expires", "Validity",
                            "Supports questions", "Reference"],
           [[e.title, e.kind, e.issuer, "Yes" if e.independent else "No", _date(e.issued_on), _date(e.expires_on),
             e.state_label, e.questions, e.reference] for e in report.evidence],
           [40, 18, 26, 12, 12, 12, 16, 24, 40], {5: DATE_FORMAT, 6: DATE_FORMAT}, wrap=(1, 9))
    for r, e in enumerate(report.evidence, start=2):
        if e.state in ("expired", "expiring"):
            fill = RATING_FILLS["critical" if e.state == "expired" else "moderate"]
            ws.cell(row=r, column=7).fill = PatternFill("solid", fgColor=fill)
    return wb


def portfolio_workbook(report: PortfolioReport) -> Workbook:
    """The portfolio as a workbook: one row per vendor/product, plus summary counts."""
    wb = Workbook()
    _set_properties(wb, report.meta.title, report.meta.subject, report.meta.author)
    # Decided assessments (counted in the rating totals) and the rest (drafts, assessments under
    # way, products not assessed yet: never counted) on separate sheets, as in the PDF.
    decided_ids = {id(r) for r in report.decided}
    groups = (("Portfolio", "Portfolio", [r for r in report.rows if id(r) in decided_ids]),
              ("Not yet decided", "NotYetDecided", [r for r in report.rows if id(r) not in decided_ids]))
    for index, (title, table_name, lines) in enumerate(groups):
        ws = wb.active if index == 0 else wb.create_sheet(title)
        ws.title = title
        rows = [[r.vendor_name, r.country, r.product_name, r.category, r.assessment_id, r.status, r.tier, r.score,
                 r.rating_label if r.rating else "", r.recommendation_label, r.completeness_pct / 100, r.open_flags,
                 r.critical_flags, r.evidence_expiring, r.evidence_expired, _date(r.next_review_due),
                 "Yes" if r.overdue else "", r.decision, _date(r.decided_on)] for r in lines]
        _table(ws, table_name, ["Vendor", "Country", "Product", "Category", "Assessment", "Status", "Tier", "Score",
                                "Rating", "Recommendation", "Completeness", "Open flags", "Critical flags",
                                "Evidence expiring", "Evidence expired", "Next review", "Review overdue",
                                "Decision", "Decided on"],
               rows, [30, 8, 30, 18, 11, 14, 6, 8, 11, 24, 13, 10, 10, 10, 10, 12, 10, 22, 12],
               {5: "0", 7: "0", 8: SCORE_FORMAT, 11: PERCENT_FORMAT, 16: DATE_FORMAT, 19: DATE_FORMAT})
        for r, line in enumerate(lines, start=2):
            fill = RATING_FILLS.get(line.rating)
            if fill:
                ws.cell(row=r, column=9).fill = PatternFill("solid", fgColor=fill)

    ws = wb.create_sheet("Summary")
    ws["A1"] = report.meta.title
    ws["A1"].font = TITLE_FONT
    row = _key_values(ws, 3, [("Vendors", report.vendor_count, "0"), ("Products", report.product_count, "0"),
                              ("Assessed", report.assessed_count, "0"),
                              ("Decided (counted in the rating totals)", len(report.decided), "0"),
                              ("Not yet decided (not counted)", len(report.in_progress), "0"),
                              ("Open critical flags", len(report.critical_flags), "0"),
                              ("Reviews overdue", len(report.overdue), "0"),
                              ("Evidence expired or expiring", len(report.evidence), "0"),
                              ("Generated", report.meta.generated_on, DATE_FORMAT)])
    _table(ws, "TierByRating", ["Tier"] + list(report.matrix_columns),
           [[label, *counts] for label, counts in report.matrix], [24] + [12] * len(report.matrix_columns),
           start_row=row + 2)
    ws.freeze_panes = None
    ws.column_dimensions["B"].width = 14
    return wb


#: Sheets whose columns add up to more than this many character widths print in landscape.
PORTRAIT_MAX_WIDTH = 110


def _header_row(ws: Worksheet) -> int:
    """The row of the sheet's (first) table header: repeated on every printed page."""
    refs = [table.ref for table in ws.tables.values()] + ([ws.auto_filter.ref] if ws.auto_filter.ref else [])
    rows = [int("".join(ch for ch in ref.split(":")[0] if ch.isdigit())) for ref in refs if ref]
    return min(rows) if rows else 1


def print_setup(ws: Worksheet, title: str) -> None:
    """Make a sheet print: A4 fitted to the page width (as many pages down as needed), landscape when
    its columns are wide, the header row repeated on every page, and a footer with the report title
    and "page n of N". Why: without it the assessment workbook printed as 41 pages of cut columns."""
    last_column = ws.max_column or 1
    width = sum((ws.column_dimensions[get_column_letter(c)].width or 9) for c in range(1, last_column + 1))
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if width > PORTRAIT_MAX_WIDTH else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0          # 0: as many pages down as the rows need
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.7
    ws.print_options.gridLines = False
    row = _header_row(ws)
    ws.print_title_rows = f"{row}:{row}"
    # Header/footer codes: &P page, &N pages, &A sheet name; "&&" is a literal ampersand.
    safe = neutralise_cell_text(title).replace("&", "&&")[:120]
    ws.oddFooter.left.text = safe
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = "&A"
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8


def _print_every_sheet(wb: Workbook, title: str) -> Workbook:
    for ws in wb.worksheets:
        print_setup(ws, title)
    return wb


def write_assessment_workbook(report: AssessmentReport, target: Path | BinaryIO) -> None:
    """Save the assessment workbook."""
    _print_every_sheet(assessment_workbook(report), report.meta.title).save(target)


def write_portfolio_workbook(report: PortfolioReport, target: Path | BinaryIO) -> None:
    """Save the portfolio workbook."""
    _print_every_sheet(portfolio_workbook(report), report.meta.title).save(target)
