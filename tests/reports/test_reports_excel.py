"""Excel reports reopened: real tables, frozen headers, number formats, no formulas from vendor text."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import HOSTILE, TODAY, sample_report_input  # noqa: E402
from trustframe.domain.assessment import AssessmentStatus  # noqa: E402
from trustframe.domain.portfolio import RegisterRow  # noqa: E402
from trustframe.domain.questionnaire import ProductCategory  # noqa: E402
from trustframe.domain.scoring_model import Rating, Recommendation  # noqa: E402
from trustframe.reports import excel, model  # noqa: E402


@pytest.fixture
def report(services, sample_assessment) -> model.AssessmentReport:
    return model.build_assessment_report(sample_report_input(services, sample_assessment, hostile=True))


def test_assessment_workbook(report: model.AssessmentReport, tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    excel.write_assessment_workbook(report, target)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Summary", "Answers", "Plan of action", "Rating plan", "Evidence"]
    summary = wb["Summary"]
    values = {summary.cell(row=r, column=1).value: summary.cell(row=r, column=2) for r in range(3, 23)}
    assert values["Residual risk rating"].value == "High"
    assert values["Overall score (0-100)"].value == 46.5 and values["Overall score (0-100)"].number_format == "0"
    assert values["Completeness"].value == 0.6 and values["Completeness"].number_format == "0%"
    assert "Scores" in summary.tables
    answers = wb["Answers"]
    assert answers.freeze_panes == "A2"
    table = answers.tables["Answers"]
    assert table.ref.startswith("A1:J")
    header = [c.value for c in answers[1]]
    assert header[:4] == ["Domain", "Question ID", "Question", "Answer"]
    rows = {r[1].value: r for r in answers.iter_rows(min_row=2)}
    assert rows["VUL-02"][6].value == 30 and rows["VUL-02"][6].number_format == "0"
    # Vendor text that looks like a formula stays text.
    assert rows["VUL-02"][4].value == "'" + HOSTILE["formula"]
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    plan = wb["Plan of action"]
    assert [c.value for c in plan[1]][8:11] == ["Owner", "Due date", "Status"]
    plan_rows = list(plan.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in plan_rows[:3]] == ["Red flag", "Red flag", "Unanswered"]
    assert plan_rows[0][10] == "Open"
    assert plan["J2"].number_format == "yyyy-mm-dd"
    kinds = {dv.type for dv in plan.data_validations.dataValidation}
    assert kinds == {"list", "date"}
    rating_plan = wb["Rating plan"]
    assert "RatingPlan" in rating_plan.tables and rating_plan.freeze_panes == "A2"
    assert [c.value for c in rating_plan[1]][:6] == ["Step", "Question ID", "Question", "Now", "Needed", "Gain (points)"]
    steps = list(rating_plan.iter_rows(min_row=2, values_only=True))
    assert len(steps) == len(report.improvements) >= 1
    assert steps[0][:2] == (1, "VUL-01") and steps[0][5] == 28.6  # a number, not "+28.6"
    assert rating_plan["F2"].number_format == "0.0"  # shown as 28.6, as in the PDF, not rounded to 29
    evidence = wb["Evidence"]
    first = [c.value for c in evidence[2]]
    assert first[0].startswith("ISO cert <img") and first[6] == "Expired"
    assert isinstance(first[5], datetime) and evidence["F2"].number_format == "yyyy-mm-dd"


def test_portfolio_workbook(tmp_path: Path) -> None:
    rows = [RegisterRow(1, "=cmd|' /C calc'!A0", "GB", 1, "Gateway", ProductCategory.SOFTWARE, 3,
                        AssessmentStatus.DECIDED, 2, 72.4, Rating.MODERATE, Recommendation.APPROVE_WITH_CONDITIONS,
                        0.9, 2, 0, 1, 0, TODAY, None, None)]
    report = model.build_portfolio_report(rows, [], [], TODAY, "tester")
    target = tmp_path / "p.xlsx"
    excel.write_portfolio_workbook(report, target)
    wb = openpyxl.load_workbook(target)
    ws = wb["Portfolio"]
    assert ws.freeze_panes == "A2" and "Portfolio" in ws.tables
    row = [c for c in ws[2]]
    assert row[0].value == "'=cmd|' /C calc'!A0" and row[0].data_type == "s"
    assert row[7].value == 72.4 and row[10].value == 0.9 and row[10].number_format == "0%"
    assert "TierByRating" in wb["Summary"].tables


def _check_print_setup(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.print_title_rows, f"{ws.title}: no repeated header row"
        first, last = ws.print_title_rows.split(":")
        header = int(first.lstrip("$"))
        assert first == last and ws.cell(row=header, column=1).value, ws.title
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, ws.title
        wide = sum((ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width or 9)
                   for c in range(1, ws.max_column + 1)) > excel.PORTRAIT_MAX_WIDTH
        assert ws.page_setup.orientation == ("landscape" if wide else "portrait"), ws.title
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)


def test_every_sheet_prints_fitted_to_width_with_titles(report: model.AssessmentReport, tmp_path: Path) -> None:
    excel.write_assessment_workbook(report, tmp_path / "a.xlsx")
    _check_print_setup(tmp_path / "a.xlsx")
    portfolio = model.build_portfolio_report([], [], [], report.meta.generated_on, "tester")
    excel.write_portfolio_workbook(portfolio, tmp_path / "p.xlsx")
    _check_print_setup(tmp_path / "p.xlsx")
