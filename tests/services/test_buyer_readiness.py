"""Buyer readiness end to end: the buyer's BUY- answers are stored on the assessment, scored on
their own, never change the vendor's score and never reach anything the vendor receives."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from trustframe.domain.answers import AnswerValueError
from trustframe.domain.assessment import AnswerSource
from trustframe.domain.questionnaire import Question
from trustframe.errors import NotFoundError
from trustframe.services.vendors import InvalidInput

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

AS_OF = date(2026, 6, 1)


@pytest.fixture
def bank_assessment(services: Any) -> Any:
    """A tier-1 software assessment against the bundled bank, with some vendor answers."""
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    assessment = services.assessments.create(vendor.id, product.id, tier=1)
    for q in services.assessments.applicable_questions(assessment)[:25]:
        if q.options:
            services.assessments.set_answer(assessment.id, q.id, q.options[0].id)
    return services.assessments.get(assessment.id)


def _option(question: Question, best: bool) -> str:
    scored = [o for o in question.options if o.score is not None]
    return (max if best else min)(scored, key=lambda o: o.score or 0.0).id  # type: ignore[arg-type]


def _answer_all(services: Any, assessment_id: int, best: bool) -> list[Question]:
    questions = services.buyer.questions(assessment_id)
    for q in questions:
        services.buyer.set_answer(assessment_id, q.id, _option(q, best), comment=f"buyer note on {q.id}")
    return questions


def _vendor_view(services: Any, assessment_id: int) -> tuple[Any, ...]:
    r = services.scoring.score(assessment_id, as_of=AS_OF)
    return (r.overall, r.completeness, r.rating, tuple(f.flag_id for f in r.flags), r.gaps,
            tuple((g.key, g.score, g.answered, g.applicable) for g in r.by_section + r.by_pillar))


def test_the_vendor_workbook_never_contains_the_buyer_module(services: Any, bank_assessment: Any,
                                                              tmp_path: Path) -> None:
    questions = _answer_all(services, bank_assessment.id, best=True)
    path = tmp_path / "to-vendor.xlsx"
    services.exchange.export_questionnaire(bank_assessment.id, path, contact="Buyer <b@example.org>")
    texts = [q.text[:50] for q in services.buyer.module().iter_questions()]
    book = openpyxl.load_workbook(path)
    seen = 0
    for sheet in book.worksheets:  # hidden metadata sheets included
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    seen += 1
                    assert "BUY-" not in value, f"{sheet.title}: {value[:80]}"
                    assert "buyer note on" not in value
                    assert not any(t in value for t in texts), f"{sheet.title}: {value[:80]}"
    for name in book.defined_names:
        assert "BUY" not in name
    assert seen > 100 and questions  # the workbook was really read and the module really answered


def test_buyer_readiness_is_scored_apart_and_leaves_the_vendor_rating_alone(
        services: Any, bank_assessment: Any) -> None:
    before = _vendor_view(services, bank_assessment.id)
    for best, expected in ((True, 100.0), (False, 0.0)):
        questions = _answer_all(services, bank_assessment.id, best=best)
        readiness = services.buyer.score(bank_assessment.id, as_of=AS_OF)
        assert readiness.score == pytest.approx(expected)
        assert readiness.completeness == pytest.approx(1.0)
        assert readiness.answered == readiness.applicable == len([q for q in questions if q.is_scored])
        assert _vendor_view(services, bank_assessment.id) == before
        flagged = {f.question_id for f in readiness.flags}
        # Weakest answers raise the module's own flags; none of them is the vendor's.
        assert bool(flagged) is (not best)
        assert all(qid.startswith("BUY-") for qid in flagged)
    # Vendor answers and buyer answers are read apart.
    assert not [qid for qid in services.assessments.answers(bank_assessment.id) if qid.startswith("BUY-")]
    assert set(services.buyer.answers(bank_assessment.id)) == {q.id for q in services.buyer.questions(bank_assessment.id)}


def test_readiness_starts_empty_and_counts_completeness(services: Any, bank_assessment: Any) -> None:
    empty = services.buyer.score(bank_assessment.id, as_of=AS_OF)
    assert empty.score is None and empty.completeness == 0.0 and not empty.started
    first = services.buyer.questions(bank_assessment.id)[0]
    services.buyer.set_answer(bank_assessment.id, first.id, _option(first, best=True))
    one = services.buyer.score(bank_assessment.id, as_of=AS_OF)
    assert one.started and one.answered == 1 and 0 < one.completeness < 1


def test_bad_buyer_answers_are_refused_with_a_clear_message(services: Any, bank_assessment: Any) -> None:
    with pytest.raises(AnswerValueError, match="not an option of BUY-05"):
        services.buyer.set_answer(bank_assessment.id, "BUY-05", "maybe")
    with pytest.raises(NotFoundError, match="has no question 'BUY-99'"):
        services.buyer.set_answer(bank_assessment.id, "BUY-99", "done")
    with pytest.raises(InvalidInput, match="not a buyer-module question"):
        services.buyer.set_answer(bank_assessment.id, "GOV-01", "yes")
    with pytest.raises(InvalidInput, match="a vendor cannot answer it"):
        services.assessments.set_answer(bank_assessment.id, "BUY-05", "signed", source=AnswerSource.VENDOR)
    assert services.buyer.answers(bank_assessment.id) == {}


@pytest.mark.sqlite_only  # works on the workspace file itself
def test_the_cli_answers_and_shows_buyer_readiness(services: Any, bank_assessment: Any, workspace_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe.cli import main

    services.close()
    ws = ["--workspace", str(workspace_path)]
    assert main(ws + ["answer", str(bank_assessment.id), "BUY-03", "done"]) == 0
    assert main(ws + ["assessment", "buyer", str(bank_assessment.id), "--answer", "BUY-05",
                      "Yes, in the signed contract, with a remedy if it is broken"]) == 0
    capsys.readouterr()
    assert main(ws + ["--json", "assessment", "buyer", str(bank_assessment.id)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answers"] == {"BUY-03": "done", "BUY-05": "signed"}
    assert data["answered"] == 2 and data["module"].startswith("buyer-readiness@")
    assert main(ws + ["assessment", "buyer", str(bank_assessment.id), "--answer", "GOV-01", "yes"]) != 0
    assert "not a buyer-module question" in capsys.readouterr().err


def test_the_assessment_report_shows_buyer_readiness_beside_the_vendor_rating(
        services: Any, bank_assessment: Any) -> None:
    from trustframe.reports import pdf

    empty = services.reports.assessment_report(bank_assessment.id, as_of=AS_OF)
    assert empty.buyer is not None and empty.buyer.answered == 0
    assert "Not answered yet." in pdf.render_html("assessment.html", report=empty)
    _answer_all(services, bank_assessment.id, best=False)
    report = services.reports.assessment_report(bank_assessment.id, as_of=AS_OF)
    assert (report.overall, report.rating) == (empty.overall, empty.rating)  # the vendor's result is untouched
    assert report.buyer is not None and report.buyer.score_text == "0"
    assert report.buyer.weak_points and all(qid.startswith("BUY-") for qid, _ in report.buyer.weak_points)
    html = pdf.render_html("assessment.html", report=report)
    assert "1.4 Buyer readiness" in html and "score 0 / 100" in html
    assert report.buyer.weak_points[0][1] in html
    # The vendor's own flag and gap lists carry nothing of the buyer module.
    assert not [f for f in report.flags if f.question_id.startswith("BUY-")]


def test_no_vendor_path_reads_or_writes_buyer_answers(services: Any, bank_assessment: Any) -> None:
    from trustframe.services.assessments import AnswerInput

    _answer_all(services, bank_assessment.id, best=True)
    # A batch (what a workbook import writes) cannot carry a buyer-module id.
    with pytest.raises(NotFoundError, match="has no question 'BUY-05'"):
        services.assessments.set_answers(bank_assessment.id, [AnswerInput("BUY-05", "no")],
                                         source=AnswerSource.VENDOR)
    assert services.buyer.answers(bank_assessment.id)["BUY-05"].value == "signed"
    # The vendor's answer library never offers the buyer's own answers to another assessment.
    product = services.vendors.add_product(bank_assessment.vendor_id, "Borealis Edge", "software")
    second = services.assessments.create(bank_assessment.vendor_id, product.id, tier=1)
    offers = services.answer_library.offers(second.id)
    assert offers and not [qid for qid in offers if qid.startswith("BUY-")]
