"""The assessment report (HTML/PDF and Excel) shows the overlays applied with their sub-scores, and
the Excel report lists the buyer's own answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from trustframe.reports import excel, pdf

AS_OF = date(2026, 6, 1)


def _assessment(services: Any) -> Any:
    s = services.assessments
    vendor = services.vendors.add_vendor("Borealis <b>Systems</b>", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    a = s.create(vendor.id, product.id, tier=1, overlays=["eu-nis2", "us-far-889"])
    merged = s.questionnaire(a)
    s.set_answer(a.id, "NIS2-01", merged.question("NIS2-01").options[0].id, comment="=HYPERLINK(\"x\")")
    module = services.buyer.module(a.id)
    first = module.sections[0].questions[0]
    services.buyer.set_answer(a.id, first.id, first.options[0].id, comment="signed in 2025")
    return a


def test_report_has_an_overlay_section_with_sub_scores(services: Any) -> None:
    a = _assessment(services)
    report = services.reports.assessment_report(a.id, AS_OF)
    keys = [o.key for o in report.overlays]
    assert keys == ["eu-nis2@1.0.0", "us-far-889@1.0.0"]
    nis2 = report.overlays[0]
    assert nis2.answered == 1 and nis2.score is not None
    assert {line.question_id: line.origin for line in nis2.lines}["NIS2-01"] == "added"
    assert any(line.origin == "raised" for line in nis2.lines) or any(line.origin == "red flag" for line in nis2.lines)
    html = pdf.render_html("assessment.html", report=report)
    assert "1.5 Regulatory overlays" in html and "eu-nis2@1.0.0" in html and "NIS2-01" in html
    assert "<b>Systems</b>" not in html  # vendor text is escaped


def test_excel_report_has_overlay_and_buyer_sheets(services: Any, tmp_path: Path) -> None:
    a = _assessment(services)
    report = services.reports.assessment_report(a.id, AS_OF)
    target = tmp_path / "a.xlsx"
    excel.write_assessment_workbook(report, target)
    wb = openpyxl.load_workbook(target)
    assert "Overlays" in wb.sheetnames and "Buyer readiness" in wb.sheetnames
    rows = list(wb["Overlays"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == {"eu-nis2@1.0.0", "us-far-889@1.0.0"}
    nis2 = next(r for r in rows if r[5] == "NIS2-01")
    assert nis2[2] == report.overlays[0].score and nis2[7] == "added"
    buyer = list(wb["Buyer readiness"].iter_rows(min_row=2, values_only=True))
    answered = [r for r in buyer if r[3]]
    assert len(answered) == 1 and answered[0][4] == "signed in 2025"
    assert len(buyer) == len(services.buyer.questions(a.id))
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=3, max_row=30, values_only=True)}
    assert summary["Regulatory overlays"] == "eu-nis2@1.0.0, us-far-889@1.0.0"
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


def test_report_without_overlays_has_no_overlay_section(services: Any, sample_assessment: Any) -> None:
    report = services.reports.assessment_report(sample_assessment.id, AS_OF)
    assert report.overlays == ()
    assert "1.5 Regulatory overlays" not in pdf.render_html("assessment.html", report=report)
