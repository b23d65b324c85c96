"""The report content (pure data) for a known assessment, and the SVG charts."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import TODAY, make_score, sample_report_input  # noqa: E402
from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.reports import charts, model


@pytest.fixture
def report_input(services, sample_assessment) -> model.AssessmentReportInput:
    """The sample assessment, filled in, with a hand-built score (independent of the engine)."""
    return sample_report_input(services, sample_assessment, branding=model.Branding("Ministry of Examples", ""))


def test_assessment_report_headline(report_input) -> None:
    r = model.build_assessment_report(report_input)
    assert (r.vendor_name, r.product_name) == ("Acme Secure Ltd", "Acme Gateway")
    assert r.rating == "high" and r.rating_label == "High"
    assert r.recommendation_label == "Approve with conditions"
    assert r.recommendation_sentence.startswith("Approve only on conditions")
    assert r.overall_text == "46" and r.overall_band == "poor"
    assert r.completeness_pct == 60
    assert "only 60%" in r.completeness_note.lower()
    assert r.tier == 2 and r.tier_text == "Tier 2 (high)"
    assert r.rating_sentence == "The residual risk is high for a purchase of inherent-risk tier 2 (high)."
    assert r.meta.title == "Vendor trust assessment: Acme Secure Ltd – Acme Gateway"
    assert r.meta.organisation == "Ministry of Examples"
    assert r.sign_off.assessor == "Alex Officer" and r.sign_off.reviewer == "Morgan Reviewer"


def test_flags_gaps_and_conditions(report_input) -> None:
    r = model.build_assessment_report(report_input)
    # Open flags worst first; the accepted medium flag is listed separately.
    assert [f.flag_id for f in r.flags] == ["RF-VUL-01", "RF-GOV-01"]
    assert [f.flag_id for f in r.key_flags] == ["RF-VUL-01", "RF-GOV-01"]
    assert [f.flag_id for f in r.accepted_flags] == ["RF-VUL-02"]
    assert r.flags[0].question_text == "Do you publish a vulnerability disclosure policy?"
    assert r.flags[0].contract_clause.startswith("The supplier shall publish")
    # Key gaps are the drivers, worst first, each with something to ask of the vendor.
    assert [g.question_id for g in r.key_gaps] == ["VUL-01", "GOV-01", "GOV-02", "VUL-02"]
    assert r.key_gaps[0].action.startswith("Require a published policy")       # the flag's mitigation
    assert r.key_gaps[2].action.startswith("Obtain an answer from the vendor")  # unanswered
    assert [g.question_id for g in r.gaps] == ["GOV-02"]
    assert len(r.conditions) == 2
    assert r.next_rating_label == "Moderate"
    assert [i.question_id for i in r.improvements] == ["VUL-01", "GOV-01"]


def test_groups_and_charts(report_input) -> None:
    r = model.build_assessment_report(report_input)
    assert [(g.title, g.score_text, g.band) for g in r.sections] == [
        ("Governance", "40", "poor"), ("Vulnerability handling", "55", "fair"), ("Hardware integrity", "–", "none")]
    assert [g.title for g in r.pillars] == ["Assurance", "Transparency", "Accountability"]
    for svg in (r.domain_chart, r.pillar_chart, r.buyers_guide_chart):
        root = ElementTree.fromstring(svg)  # well-formed XML
        assert root.tag.endswith("svg") and root.get("role") == "img"
    assert "no scored answers" in r.domain_chart  # a domain without a score says so, no zero bar


def test_evidence_register_marks_expiry(report_input) -> None:
    r = model.build_assessment_report(report_input)
    states = [(e.title, e.state_label, e.questions) for e in r.evidence]
    assert states == [("ISO/IEC 27001 certificate", "Expired", "GOV-01"),
                      ("Vulnerability disclosure policy", "Expiring soon", "VUL-01")]
    assert (r.evidence_expired, r.evidence_expiring) == (1, 1)


def test_answers_appendix_and_history(report_input) -> None:
    r = model.build_assessment_report(report_input)
    lines = {line.question_id: line for sec in r.answer_sections for line in sec.lines}
    assert lines["GOV-01"].answer == "No" and lines["GOV-01"].source == "Officer"
    assert lines["GOV-01"].comment == "Confirmed in the vendor call."
    assert lines["GOV-01"].evidence == "ISO/IEC 27001 certificate"
    assert lines["VUL-02"].answer == "120 days" and lines["VUL-02"].score_text == "30"
    assert not lines["GOV-02"].answered
    assert "HW-01" not in lines  # software: the hardware question does not apply
    assert r.history.total > 0 and r.history.answer_changes >= 4
    assert r.history.actors[0][0] == "tester"


def test_methodology_never_claims_ewi_wording(report_input) -> None:
    r = model.build_assessment_report(report_input)
    assert any("country of origin is never scored" in note for note in r.method_notes)
    assert [s.title for s in r.sources][0].startswith("Purchasing Secure ICT Products")


def test_comparison_report(report_input) -> None:
    inp = report_input
    a = inp.assessment
    good = make_score(a.id, rating=Rating.LOW, recommendation=Recommendation.APPROVE)
    entries = [model.ComparisonEntry(a, inp.questionnaire, make_score(a.id)),
               model.ComparisonEntry(a, inp.questionnaire, good)]
    r = model.build_comparison_report(entries, TODAY, "tester")
    assert [c.rating_label for c in r.columns] == ["High", "Low"]
    assert [c.rank for c in r.columns] == [2, 1]
    assert r.columns[0].critical_flags == 1 and r.columns[0].high_flags == 1
    assert "lowest residual risk" in r.summary
    assert r.differences[0].startswith("Residual risk differs")
    assert [row.title for row in r.pillar_rows] == ["Assurance", "Transparency", "Accountability"]


def _row(vendor: str, tier: int | None, score: float | None, rating: Rating | None, *, critical: int = 0,
         review: date | None = None) -> RegisterRow:
    return RegisterRow(1 if vendor == "A" else 2, vendor, "GB", 1, f"{vendor} product", ProductCategory.SOFTWARE,
                       7 if rating else None, AssessmentStatus.DECIDED if rating else None, tier, score, rating,
                       Recommendation.APPROVE if rating else None, 1.0, critical, critical, 0, 0, review, None, None)


def test_portfolio_report() -> None:
    rows = [_row("A", 1, 30.0, Rating.CRITICAL, critical=1, review=date(2026, 1, 1)),
            _row("B", 3, 80.0, Rating.LOW), _row("B", None, None, None)]
    r = model.build_portfolio_report(rows, [], [], TODAY, "tester")
    assert dict((k, n) for k, _, n in r.by_rating) == {"low": 1, "moderate": 0, "high": 0, "critical": 1,
                                                       "in_progress": 0, "none": 1}
    assert r.matrix[0] == ("Tier 1 (critical)", (0, 0, 0, 1))
    assert [row.vendor_name for row in r.overdue] == ["A"]
    assert r.rows[0].rating == "critical"  # worst first
    # Shapes tell the ratings apart without colour: a circle for low, a diamond (polygon) for critical.
    assert r.chart.count("<circle") >= 1 + 1 and r.chart.count("<polygon") >= 2 + 1
    assert "A product: tier 1, score 30, critical risk" in r.chart_alt and r.chart_alt in r.chart


@pytest.mark.parametrize("draft_status", [s for s in AssessmentStatus if s is not AssessmentStatus.DECIDED])
def test_portfolio_never_counts_drafts_in_rating_totals(draft_status: AssessmentStatus) -> None:
    """Whatever a draft's provisional rating, the rating totals, the matrix and the chart count
    decided assessments only; the draft is listed apart with its completeness."""
    import dataclasses

    decided = _row("A", 1, 30.0, Rating.CRITICAL, critical=1)
    for rating in Rating:
        draft = dataclasses.replace(_row("B", 2, 70.0, rating), status=draft_status, completeness=0.4)
        r = model.build_portfolio_report([decided, draft], [], [], TODAY, "tester")
        totals = {k: n for k, _, n in r.by_rating}
        assert sum(totals[rt.value] for rt in Rating) == 1 and totals["in_progress"] == 1
        assert sum(sum(counts) for _, counts in r.matrix) == 1
        assert [row.vendor_name for row in r.in_progress] == ["B"] and r.in_progress[0].completeness_pct == 40
        assert [row.vendor_name for row in r.decided] == ["A"]
        assert "B product" not in r.chart


def test_comparison_across_tenders_and_categories_says_so_and_compares_common_questions(report_input) -> None:
    import dataclasses

    inp = report_input
    a = inp.assessment
    other = dataclasses.replace(a, id=(a.id or 0) + 100, procurement="Tender B", vendor_name="Other Ltd",
                                product_category=ProductCategory.CLOUD_SERVICE)
    first = dataclasses.replace(a, procurement="Tender A", product_category=ProductCategory.SOFTWARE)
    score = make_score(a.id)
    # The first candidate was asked every question, the second only GOV-01 and VUL-01.
    entries = [model.ComparisonEntry(first, inp.questionnaire, score, {}, ("GOV-01", "GOV-02", "VUL-01", "VUL-02")),
               model.ComparisonEntry(other, inp.questionnaire, score, {}, ("GOV-01", "VUL-01"))]
    r = model.build_comparison_report(entries, TODAY, "tester")
    assert r.common_count == 2 and r.asked_counts == (4, 2)
    notes = " ".join(r.scope_notes)
    assert "span 2 tenders" in notes and "Tender A" in notes and "Tender B" in notes
    assert "product categories" in notes and "compared on the 2 questions all candidates were asked" in notes
    assert "Acme" in r.meta.title and "Other Ltd" in r.meta.title  # the title names the candidates
    # GOV-01 and VUL-01 both score 0 in make_score: the common score is 0, not the overall 46.5.
    assert [c.common_score_text for c in r.columns] == ["0", "0"]
    assert model.subset_score(score, {"VUL-02"}) == pytest.approx(30.0)


def test_comparison_lists_per_question_answer_differences(services, sample_assessment) -> None:
    s = services
    other_product = s.vendors.add_product(sample_assessment.vendor_id, "Acme Other", "software")
    b = s.assessments.create(sample_assessment.vendor_id, other_product.id, "sample-trust")
    s.assessments.set_answer(sample_assessment.id, "VUL-01", "no")
    s.assessments.set_answer(b.id, "VUL-01", "yes")
    s.assessments.set_answer(sample_assessment.id, "GOV-03", "Same text")
    s.assessments.set_answer(b.id, "GOV-03", "Same text")
    r = s.reports.comparison_report([sample_assessment.id, b.id])
    differing = {d.question_id: d.answers for d in r.answer_differences}
    assert "VUL-01" in differing and "GOV-03" not in differing
    assert differing["VUL-01"][0] != differing["VUL-01"][1]
    # Same tender (none) and category; "yes" to VUL-01 opens a follow-up question, so the common set is smaller.
    assert not any("tenders" in n or "categories" in n for n in r.scope_notes)
    assert r.common_count == min(r.asked_counts) < max(r.asked_counts)


def test_charts_have_text_alternatives_with_the_numbers_and_patterns() -> None:
    bars = [charts.Bar("Governance", 40.0), charts.Bar("Hardware", None)]
    for svg in (charts.bar_chart(bars, "Scores by domain"), charts.column_chart(bars, "Scores by pillar")):
        title = ElementTree.fromstring(svg).find("{http://www.w3.org/2000/svg}title").text
        assert "Governance 40" in title and "Hardware no scored answers" in title
        assert "Score (0–100)" in svg  # axis title
    grouped = charts.grouped_bar_chart(["Assurance"], [charts.Series("X", (80.0,)), charts.Series("Y", (35.0,))],
                                       "Pillars")
    title = ElementTree.fromstring(grouped).find("{http://www.w3.org/2000/svg}title").text
    assert "Assurance: A 80, B 35" in title and "A is X" in title and "B is Y" in title
    assert "<pattern" in grouped and ">A 80<" in grouped and ">B 35<" in grouped  # not colour alone


def test_chart_text_is_escaped() -> None:
    svg = charts.bar_chart([charts.Bar('<script>x</script>"&', 50.0)], "t <b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ElementTree.fromstring(svg)
