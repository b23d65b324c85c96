"""Issue 19 §1-2: the one-page decision brief (page 1 of the assessment report, and alone) and the
trend against the previous decided assessment of the same product."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import fill_sample  # noqa: E402
from trustframe.domain.assessment import Decision  # noqa: E402

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.fixture(scope="module")
def demo(demo_location: str):
    """This module's copy of the demo workspace (built as of 2026-03-02, tests/conftest.py)."""
    from trustframe.services.context import Services

    services = Services.open(demo_location, user="tester")
    yield services
    services.close()


def _best_and_worst(demo) -> list[int]:
    scored = [(demo.scoring.score(a.id), a) for a in demo.assessments.list_assessments()]
    ranked = sorted(scored, key=lambda p: (p[0].rating.rank, -(p[0].overall or 0.0), -len(p[0].open_flags)))
    worst = max(scored, key=lambda p: (p[0].rating.rank, len(p[0].open_flags), -(p[0].overall or 0.0)))
    return [ranked[0][1].id, worst[1].id]


@needs_poppler
@pytest.mark.slow
def test_brief_fits_one_page_for_best_and_worst(demo, tmp_path: Path) -> None:
    for assessment_id in _best_and_worst(demo):
        score = demo.scoring.score(assessment_id)
        assessment = demo.assessments.get(assessment_id)
        target = tmp_path / f"brief-{assessment_id}.pdf"
        result = demo.reports.write("brief", "pdf", target, [assessment_id])
        assert len(PdfReader(target).pages) == 1 == result.pages, f"brief of #{assessment_id} is not one page"
        text = " ".join(_pages_text(target)[0].split())
        assert assessment.vendor_name in text and assessment.product_name in text
        assert f"{score.rating.label} risk" in text and f"Recommendation: {score.recommendation.label}" in text
        # A rejected vendor's conditions are what it would have to resolve (the heading says so).
        assert "What drives the rating" in text and ("Conditions for approval" in text
                                                     or "What the vendor would have to resolve" in text)
        assert "Evidence expired or expiring within 90 days" in text
        assert f"{round(score.completeness * 100)}%" in text
        if assessment.decision is not None:
            assert assessment.decision.label in text
        # Conditions are numbered as they are in the full report.
        if score.conditions:
            assert "C1 " in text


@needs_poppler
@pytest.mark.slow
def test_brief_is_page_one_of_the_assessment_report(demo, tmp_path: Path) -> None:
    worst = _best_and_worst(demo)[1]
    demo.reports.write("assessment", "pdf", tmp_path / "a.pdf", [worst], include_appendix=False)
    demo.reports.write("brief", "pdf", tmp_path / "b.pdf", [worst])
    page_one = " ".join(_pages_text(tmp_path / "a.pdf")[0].split())
    alone = " ".join(_pages_text(tmp_path / "b.pdf")[0].split())
    assert "What drives the rating" in page_one
    # The same page, except the footer's page count.
    assert page_one.split("What drives the rating")[1][:400] == alone.split("What drives the rating")[1][:400]


def test_brief_states_a_decision_that_departs_and_its_justification(services, sample_assessment) -> None:
    s = services
    fill_sample(s, sample_assessment)
    recommended = s.scoring.score(sample_assessment.id).recommendation
    other = next(d for d in Decision if d.value != recommended.value)
    s.assessments.decide(sample_assessment.id, other, decided_by="Dana Manager", notes="Board meeting 12.",
                         decided_on=date(2026, 3, 1), justification="Sole supplier; board accepted the risk.")
    report = s.reports.assessment_report(sample_assessment.id)
    assert report.brief is not None and report.brief.decision_departs
    assert "Dana Manager" in report.brief.decision and "2026-03-01" in report.brief.decision
    assert report.brief.justification == "Sole supplier; board accepted the risk."  # the written justification


def test_trend_lists_changed_answers_of_a_reassessment(services, sample_assessment) -> None:
    s = services
    fill_sample(s, sample_assessment)
    s.assessments.decide(sample_assessment.id, Decision.ESCALATE, decided_by="Dana Manager",
                         decided_on=date(2026, 3, 1))
    before = s.scoring.score(sample_assessment.id)
    again = s.assessments.reassess(sample_assessment.id)
    assert s.reports.assessment_report(again.id).trend is not None
    s.assessments.set_answer(again.id, "VUL-01", "yes")
    s.assessments.set_answer(again.id, "GOV-01", "documented")
    report = s.reports.assessment_report(again.id)
    trend = report.trend
    assert trend is not None and trend.previous_id == sample_assessment.id
    changed = {c.question_id: c for c in trend.changes}
    assert set(changed) == {"VUL-01", "GOV-01"} and trend.changes_total == 2
    qn = s.assessments.questionnaire(again.id)
    label = {o.id: o.label for o in qn.questions_by_id["VUL-01"].options}
    assert (changed["VUL-01"].before, changed["VUL-01"].after) == (label["no"], label["yes"])
    now = s.scoring.score(again.id)
    assert trend.score_before_text == f"{before.overall:.0f}" and trend.score_after_text == f"{now.overall:.0f}"
    assert {d.title for d in trend.domains} >= {sec.title for sec in qn.sections if any(
        g.key == sec.id for g in now.by_section)}
    assert trend.line and "2 answers changed" in trend.line and report.brief.trend_line == trend.line
    # The first assessment of a product has no trend.
    assert s.reports.assessment_report(sample_assessment.id).trend is None


@needs_poppler
def test_trend_section_is_rendered(services, sample_assessment, tmp_path: Path) -> None:
    s = services
    fill_sample(s, sample_assessment)
    s.assessments.decide(sample_assessment.id, Decision.ESCALATE, decided_on=date(2026, 3, 1))
    again = s.assessments.reassess(sample_assessment.id)
    s.assessments.set_answer(again.id, "VUL-01", "yes")
    s.reports.write("assessment", "pdf", tmp_path / "r.pdf", [again.id], include_appendix=False)
    text = " ".join(" ".join(_pages_text(tmp_path / "r.pdf")).split())
    assert "4 Trend since the previous assessment" in text and "Answers that changed (1)" in text
    assert "Trend. Since #" in text  # the brief's one line


def test_report_author_comes_from_preferences_never_the_os_login(services, sample_assessment, monkeypatch) -> None:
    """The name on a report is the one given (the GUI passes Preferences' assessor name), else the
    assessment's assessor; the operating-system login ("root") never appears."""
    import getpass

    monkeypatch.delenv("TRUSTFRAME_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    s = services
    report = s.reports.assessment_report(sample_assessment.id, author="Alex Officer")
    assert report.meta.author == "Alex Officer" == report.meta.generated_by
    s.assessments.update_details(sample_assessment.id, assessor="Sam Assessor")
    report = s.reports.assessment_report(sample_assessment.id)
    assert report.meta.generated_by == "Sam Assessor" and "root" not in (report.meta.author, report.meta.generated_by)
    assert s.reports.portfolio_report().meta.generated_by == ""


@needs_poppler
@pytest.mark.slow
def test_comparison_across_two_tenders_says_so(demo, tmp_path: Path) -> None:
    by_tender: dict[str, int] = {}
    for a in demo.assessments.list_assessments():
        if a.procurement and a.status.value == "decided":
            by_tender.setdefault(a.procurement, a.id)
    ids = list(by_tender.values())[:2]
    assert len(ids) == 2, "the demo has decided assessments in two tenders"
    demo.reports.write("comparison", "pdf", tmp_path / "c.pdf", ids)
    text = " ".join(" ".join(_pages_text(tmp_path / "c.pdf")).split())
    assert "The candidates span 2 tenders" in text
    report = demo.reports.comparison_report(ids)
    assert f"compared on the {report.common_count} questions all candidates were asked" in text
    for aid in ids:
        assert demo.assessments.get(aid).vendor_name in report.meta.title
    assert "Where the answers differ" in text
