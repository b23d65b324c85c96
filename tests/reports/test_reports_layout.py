"""Layout of the assessment PDF: tables fit A4 portrait, headers wrap between words only, the
evidence register's "Supports" column is visible and wraps, the change history reads as labels,
and the executive summary reconciles a recorded decision with the recommendation.

The layout checks walk WeasyPrint's boxes (what the PDF is drawn from); the text checks read the
PDF with pdftotext in reading order (no -layout), which keeps a wrapped cell's lines together.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from weasyprint import CSS, HTML
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import TODAY, fill_sample, make_score  # noqa: E402
from trustframe import paths  # noqa: E402
from trustframe.domain.assessment import AssessmentStatus, Decision  # noqa: E402
from trustframe.domain.history import ChangeLogEntry  # noqa: E402
from trustframe.domain.scoring_model import Rating, Recommendation  # noqa: E402
from trustframe.reports import model, pdf  # noqa: E402

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

#: Question ids linked to one evidence item (more than the register lists).
MANY = ["GOV-01", "GOV-02", "GOV-03", "VUL-01", "VUL-02", "VUL-03", "HW-01"]


def _decided_input(services, assessment, *, recommendation: Recommendation = Recommendation.REJECT,
                   decision: Decision = Decision.APPROVE_WITH_CONDITIONS) -> model.AssessmentReportInput:
    """The sample assessment, moved through review and decided against the recommendation, with
    one evidence item supporting many questions."""
    s = services
    used = fill_sample(s, assessment)
    for qid in MANY:
        if qid not in ("GOV-01",):
            s.evidence.link(assessment.id, qid, used["evidence"][0].id)
    s.assessments.set_answer(assessment.id, "GOV-02", ["iso27001", "soc2"])
    s.assessments.set_status(assessment.id, AssessmentStatus.IN_REVIEW)
    s.assessments.decide(assessment.id, decision, decided_by="M. Reviewer",
                         notes="Conditions agreed with the vendor's CISO.", decided_on=TODAY)
    a = s.assessments.get(assessment.id)
    answers = s.assessments.answers(a.id)
    return model.AssessmentReportInput(
        assessment=a, vendor=s.vendors.get_vendor(a.vendor_id), product=s.vendors.get_product(a.product_id),
        questionnaire=s.assessments.questionnaire(a),
        score=make_score(a.id, rating=Rating.CRITICAL, recommendation=recommendation), answers=answers,
        applicable_question_ids=[q.id for q in s.assessments.applicable_questions(a, answers)],
        evidence=s.evidence.list_evidence(a.vendor_id), evidence_links=s.evidence.for_assessment(a.id),
        history=s.history(a.id), generated_on=TODAY, generated_by="tester")


def _layout(html: str):
    font_config = FontConfiguration()
    css = CSS(string=pdf.font_face_css(), font_config=font_config)
    return HTML(string=html, base_url=paths.report_templates_dir().as_uri() + "/",
                url_fetcher=pdf.new_fetcher()).render(stylesheets=[css], font_config=font_config)


def _overflowing_lines(cell: boxes.Box) -> list[str]:
    """Lines whose text runs past the cell's content box (into the neighbour or off the page)."""
    right = cell.content_box_x() + cell.width + 0.5
    out = []
    for line in cell.descendants():
        if isinstance(line, boxes.LineBox):
            texts = [t for t in line.descendants() if isinstance(t, boxes.TextBox) and t.text.strip()]
            if texts and max(t.position_x + t.width for t in texts) > right:
                out.append("".join(t.text for t in texts))
    return out


def _lines(cell: boxes.Box) -> list[str]:
    return ["".join(t.text for t in line.descendants() if isinstance(t, boxes.TextBox)).strip()
            for line in cell.descendants() if isinstance(line, boxes.LineBox)]


def _pages(report: model.AssessmentReport):
    """Every laid-out page of the report and its appendix (two documents), as (label, page)."""
    for name in pdf.assessment_templates(report):
        for number, page in enumerate(_layout(pdf.render_html(name, report=report)).pages, 1):
            yield f"{name} page {number}", page


def test_text_stays_inside_the_page(services, sample_assessment) -> None:
    """No line of the report or its appendix runs into the right margin (paragraph blocks too),
    even with vendor text that has nowhere to break (a long URL in a comment and in a flag)."""
    unbreakable = "https://vendor.example/" + "x" * 300
    inp = _decided_input(services, sample_assessment)
    answers = dict(inp.answers)
    answers["VUL-01"] = dataclasses.replace(answers["VUL-01"], comment=f"See {unbreakable}")
    inp = dataclasses.replace(inp, answers=answers,
                              score=make_score(sample_assessment.id, rating=Rating.CRITICAL, extra_flag_text=unbreakable))
    report = model.build_assessment_report(inp)
    assert any(unbreakable in line.comment for sec in report.answer_sections for line in sec.lines)
    checked = 0
    for number, page in _pages(report):
        page_box = page._page_box
        right = page.width - page_box.margin_right + 0.5
        body = [child for child in page_box.children if not isinstance(child, boxes.MarginBox)]
        for line in (line for child in body for line in child.descendants()):
            if isinstance(line, boxes.LineBox):
                texts = [t for t in line.descendants() if isinstance(t, boxes.TextBox) and t.text.strip()]
                if texts:
                    checked += 1
                    edge = max(t.position_x + t.width for t in texts)
                    assert edge <= right, f"{number}: {''.join(t.text for t in texts)!r} ends at {edge:.0f}px"
    assert checked > 200


def test_tables_fit_the_page_and_headers_break_between_words(services, sample_assessment) -> None:
    report = model.build_assessment_report(_decided_input(services, sample_assessment))
    headers: set[str] = set()
    for number, page in _pages(report):
        page_box = page._page_box
        right = page.width - page_box.margin_right + 0.5  # the right margin's inner edge
        for box in page_box.descendants():
            if not isinstance(box, boxes.TableCellBox):
                continue
            edge = box.position_x + box.margin_width()
            assert edge <= right, f"{number}: a {box.element_tag} cell ends at {edge:.0f}px, past {right:.0f}px"
            overflowing = _overflowing_lines(box)
            assert not overflowing, f"{number}: text runs out of its {box.element_tag} cell: {overflowing}"
            if box.element_tag == "th":
                lines = _lines(box)
                words = " ".join(lines).split()
                header = " ".join(words)
                headers.add(header)
                for line in lines:
                    assert all(word in words for word in line.split()), (number, lines)
                # A header broken inside a word leaves fragments ("G", "a", "i", "n") on their own lines.
                assert all(len(line) > 1 for line in lines if line), f"{number}: header split as {lines}"
    for expected in ("Supports", "Validity", "Old value", "New value"):
        assert expected in headers, (expected, sorted(headers))


def test_evidence_register_lists_a_few_questions_and_counts_the_rest(services, sample_assessment) -> None:
    report = model.build_assessment_report(_decided_input(services, sample_assessment))
    item = next(e for e in report.evidence if len(e.questions.split(", ")) == len(MANY))
    assert item.question_ids == tuple(sorted(MANY))[: model.EVIDENCE_QUESTIONS_MAX]
    assert item.questions_more == len(MANY) - model.EVIDENCE_QUESTIONS_MAX
    assert item.questions_short.endswith(f" +{item.questions_more} more")
    html = pdf.render_html("assessment.html", report=report)
    register = html[html.index('id="evidence"'):html.index('id="history"')]
    assert '<th style="width: 19%">Supports</th>' in register
    # Ids are separated by comma and space (a break opportunity) and never split at their hyphen.
    assert '<span class="nowrap">GOV-01</span>, <span class="nowrap">GOV-02</span>' in register
    assert "Appendix A names the evidence under every answer" in register


def test_history_values_read_as_labels(services, sample_assessment) -> None:
    inp = _decided_input(services, sample_assessment)
    history = model.history_summary(inp.history, inp.questionnaire)
    rows = {(h.what, h.old, h.new) for h in history.recent}
    assert ("Status", "Draft", "In review") in rows
    assert ("Status", "In review", "Decided") in rows
    assert ("Decision", "–", "Approve with conditions") in rows
    assert ("GOV-02 answer", "–", "ISO/IEC 27001; SOC 2 Type II") in rows  # option labels, not JSON
    assert ("VUL-01 answer", "–", "No") in rows
    every = " ".join(f"{h.what} {h.old} {h.new}" for h in history.recent + history.status_changes)
    for raw in ("in_review", "approve_with_conditions", "[", '"', "assessment 1"):
        assert raw not in every, raw
    # Without the questionnaire (or for a question it lacks) lists are still joined, not JSON.
    entry = ChangeLogEntry(1, inp.history[0].at, "x", "answer", "ZZ-99", "value", None, '["a", "b"]')
    assert model.history_value(entry, entry.new_value, inp.questionnaire) == "a, b"
    assert model.history_value(entry, entry.old_value) == "–"


def test_executive_summary_reconciles_decision_and_recommendation(services, sample_assessment) -> None:
    inp = _decided_input(services, sample_assessment)
    report = model.build_assessment_report(inp)
    assert report.decision_note == (
        f"Decided: Approve with conditions by M. Reviewer on {TODAY.isoformat()}, against the current "
        "recommendation Reject; the reviewer's notes: Conditions agreed with the vendor's CISO.")
    html = pdf.render_html("assessment.html", report=report)
    summary = html[html.index('id="brief"'):html.index('id="contents"')]  # page 1: the decision brief
    assert "against the current recommendation Reject" in summary and "decision-differs" in summary
    # A decision that follows the recommendation gets a quiet line, not a warning.
    same = model.build_assessment_report(dataclasses.replace(
        inp, score=make_score(inp.assessment.id, recommendation=Recommendation.APPROVE_WITH_CONDITIONS)))
    assert same.decision_matches and same.decision_note.endswith(", as recommended.")
    # Undecided: nothing to reconcile.
    undecided = dataclasses.replace(inp, assessment=dataclasses.replace(inp.assessment, decision=None))
    assert model.build_assessment_report(undecided).decision_note == ""


def test_decision_basis_note_kept_when_the_rating_moved(services, sample_assessment) -> None:
    inp = _decided_input(services, sample_assessment)
    basis = make_score(inp.assessment.id, rating=Rating.MODERATE, recommendation=Recommendation.APPROVE_WITH_CONDITIONS)
    report = model.build_assessment_report(dataclasses.replace(inp, decision_basis=basis))
    assert "the rating was moderate" in report.decision_basis_note and "critical now" in report.decision_basis_note
    html = pdf.render_html("assessment.html", report=report)
    summary = html[html.index('id="brief"'):html.index('id="contents"')]  # page 1: the decision brief
    assert "against the current recommendation" in summary and "the rating was moderate" in summary


def test_appendix_can_be_left_out(services, sample_assessment) -> None:
    report = model.build_assessment_report(_decided_input(services, sample_assessment))
    html = pdf.render_html("assessment.html", report=dataclasses.replace(report, include_appendix=False))
    assert 'id="answers"' not in html and 'href="#answers"' not in html
    method = html[html.index('id="method"'):html.index('id="signoff"')]
    assert "Excel report" in method
    assert "Appendix A" not in html
    assert pdf.assessment_templates(dataclasses.replace(report, include_appendix=False)) == ("assessment.html",)
    # With the appendix: the contents link to it (it is a document of its own, numbered A-1, …).
    full = pdf.render_html("assessment.html", report=report)
    assert 'href="#answers" data-page="A-1"' in full and "leaves out the appendix" not in full
    assert pdf.assessment_templates(report) == ("assessment.html", "assessment_appendix.html")
    appendix = pdf.render_html("assessment_appendix.html", report=report)
    assert '<section id="answers">' in appendix and "Appendix A: All answers" in appendix


@needs_poppler
def test_pdf_text_of_the_fixed_sections(services, sample_assessment, tmp_path: Path) -> None:
    report = model.build_assessment_report(_decided_input(services, sample_assessment))
    target = tmp_path / "r.pdf"
    pdf.render_pdf(pdf.assessment_templates(report), {"report": report}, report.meta, target)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Supports" in text.split() and "Validity" in text.split()  # whole words, not S/u/p/p/o/r/t/s
    assert "GOV-01, GOV-02," in flat and "+1 more" in flat
    assert "against the current recommendation Reject" in flat
    assert "In review" in flat and "Approve with conditions" in flat
    assert "in_review" not in text and "approve_with_c" not in text


def test_comparison_labels_tell_reassessments_apart(services, sample_assessment) -> None:
    """Two assessments of the same product (a reassessment) get their numbers in the labels."""
    s = services
    a = s.assessments.get(sample_assessment.id)
    b = s.assessments.create(a.vendor_id, a.product_id, "sample-trust")
    qn = s.assessments.questionnaire(a)
    entries = [model.ComparisonEntry(s.assessments.get(x.id), qn, make_score(x.id)) for x in (a, b)]
    report = model.build_comparison_report(entries, TODAY, "tester")
    labels = [c.label for c in report.columns]
    assert labels == [f"Acme Secure Ltd – Acme Gateway (#{a.id})", f"Acme Secure Ltd – Acme Gateway (#{b.id})"]
    assert labels[0] in report.pillar_chart and labels[1] in report.pillar_chart
