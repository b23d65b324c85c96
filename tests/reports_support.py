"""Test helpers for the reports: a known assessment on the sample questionnaire, a hand-built
ScoreResult (so report tests do not depend on the scoring engine's arithmetic), and hostile
vendor text."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import (
    Driver,
    GroupScore,
    Improvement,
    QuestionScore,
    RaisedFlag,
    Rating,
    Recommendation,
    ScoreResult,
)

TODAY = date(2026, 3, 2)

#: Vendor text that would fetch files or run code if it were treated as markup.
HOSTILE = {
    "script": "<script>alert('x')</script>",
    "img": '<img src="file:///etc/passwd">',
    "css": '<style>body{background:url("http://evil.example/css.png")}</style>',
    "url": "http://evil.example/track.png",
    "svg": '<svg><image href="https://evil.example/i.svg"/></svg>',
    "formula": '=HYPERLINK("http://evil.example","click")',
}


def hostile_vendor_name() -> str:
    """A vendor name carrying markup and URLs."""
    return f"Evil {HOSTILE['img']} Corp {HOSTILE['script']}"


def make_score(assessment_id: int | None, *, rating: Rating = Rating.HIGH,
               recommendation: Recommendation = Recommendation.APPROVE_WITH_CONDITIONS,
               extra_flag_text: str = "") -> ScoreResult:
    """A plausible score for the sample questionnaire (GOV, VUL, HW)."""
    flags = (
        RaisedFlag("RF-VUL-01", "VUL-01", Severity.CRITICAL, "No vulnerability disclosure policy",
                   "Researchers have no safe way to report flaws.",
                   "Require a published policy aligned with ISO/IEC 29147 within 90 days.",
                   "The supplier shall publish a vulnerability disclosure policy." + extra_flag_text),
        RaisedFlag("RF-GOV-01", "GOV-01", Severity.HIGH, "No accountable owner for product security",
                   "Without an owner, security commitments are nobody's job.",
                   "Require the vendor to name an accountable executive in the contract."),
        RaisedFlag("RF-VUL-02", "VUL-02", Severity.MEDIUM, "Slow fixes for critical vulnerabilities",
                   "Critical flaws stay open for months.", "Contract a 30-day fix time.", accepted=True,
                   accepted_reason="Compensating control: virtual patching", accepted_by="Morgan Reviewer"),
    )
    return ScoreResult(
        assessment_id=assessment_id, as_of=TODAY, tier=2, overall=46.5, completeness=0.6,
        rating=rating, recommendation=recommendation,
        by_section=(GroupScore("GOV", "Governance", 40.0, 2, 3, 1), GroupScore("VUL", "Vulnerability handling", 55.0, 1, 2, 1),
                    GroupScore("HW", "Hardware integrity", None, 0, 0, 0)),
        by_pillar=(GroupScore("assurance", "Assurance", 61.0, 2, 3, 1),
                   GroupScore("transparency", "Transparency", 38.0, 1, 2, 0),
                   GroupScore("accountability", "Accountability", 20.0, 1, 1, 0)),
        by_buyers_guide=(GroupScore("governance", "Governance", 40.0, 2, 3, 1),
                         GroupScore("response", "Response", 55.0, 1, 2, 1),
                         GroupScore("verification", "Verification", 80.0, 1, 1, 0)),
        questions=(QuestionScore("GOV-01", "GOV", 3.0, 0.0, 0.0, 1.0, True, False, 3.0),
                   QuestionScore("GOV-02", "GOV", 2.0, None, None, 1.0, False, False, 2.0),
                   QuestionScore("VUL-01", "VUL", 4.0, 0.0, 0.0, 1.0, True, False, 4.0),
                   QuestionScore("VUL-02", "VUL", 3.0, 0.3, 0.3, 1.0, True, False, 2.1)),
        flags=flags, gaps=("GOV-02",),
        drivers=(Driver("VUL-01", "VUL", "No", 28.6, 4.0, "answered 'No'"),
                 Driver("GOV-01", "GOV", "No", 21.4, 3.0, "answered 'No'"),
                 Driver("GOV-02", "GOV", "unanswered", 14.3, 2.0, "unanswered"),
                 Driver("VUL-02", "VUL", "120 days", 15.0, 3.0, "answered '120 days'")),
        improvements=(Improvement("VUL-01", "No", "Yes", 28.6),
                      Improvement("GOV-01", "No", "Yes, independently verified", 21.4, kind="answer")),
        conditions=("Require a published policy aligned with ISO/IEC 29147 within 90 days.",
                    "Require the vendor to name an accountable executive in the contract."),
        rating_reasons=("An open critical red flag caps the rating.",),
        profile_id="default", questionnaire_key="sample-trust@1.2.0", next_rating=Rating.MODERATE,
    )


def fill_sample(services: Any, assessment: Any, *, hostile: bool = False) -> dict[str, Any]:
    """Answers, evidence and a reviewer for the sample assessment; returns what was used."""
    s = services
    comment = f"See {HOSTILE['url']} {HOSTILE['css']}" if hostile else "Confirmed in the vendor call."
    s.assessments.set_answer(assessment.id, "GOV-01", "no", comment=comment)
    s.assessments.set_answer(assessment.id, "VUL-01", "no")
    s.assessments.set_answer(assessment.id, "VUL-02", 120, comment=HOSTILE["formula"] if hostile else "")
    s.assessments.set_answer(assessment.id, "GOV-03", HOSTILE["svg"] if hostile else "A central PSIRT of six people.")
    title = f"ISO cert {HOSTILE['img']}" if hostile else "ISO/IEC 27001 certificate"
    ev1 = s.evidence.add(assessment.vendor_id, title, "certificate", issuer="Cert Body", independent=True,
                         issued_on=TODAY - timedelta(days=400), expires_on=TODAY - timedelta(days=5),
                         url=HOSTILE["url"] if hostile else "https://docs.example/iso")
    ev2 = s.evidence.add(assessment.vendor_id, "Vulnerability disclosure policy", "policy", issuer="Vendor",
                         issued_on=TODAY - timedelta(days=30), expires_on=TODAY + timedelta(days=20),
                         url="https://vendor.example/vdp")
    s.evidence.link(assessment.id, "GOV-01", ev1.id)
    s.evidence.link(assessment.id, "VUL-01", ev2.id)
    s.assessments.update_details(assessment.id, reviewer="Morgan Reviewer", assessor="Alex Officer")
    return {"evidence": [ev1, ev2]}


def sample_report_input(services: Any, assessment: Any, *, hostile: bool = False,
                        **overrides: Any) -> Any:
    """The report input of the sample assessment, filled in by :func:`fill_sample`, with the
    hand-built :func:`make_score`; ``overrides`` replace fields (branding, score, …)."""
    from trustframe.reports import model  # tests of the domain alone need not import it

    s = services
    fill_sample(s, assessment, hostile=hostile)
    a = s.assessments.get(assessment.id)
    answers = s.assessments.answers(a.id)
    fields: dict[str, Any] = dict(
        assessment=a, vendor=s.vendors.get_vendor(a.vendor_id), product=s.vendors.get_product(a.product_id),
        questionnaire=s.assessments.questionnaire(a), score=make_score(a.id), answers=answers,
        applicable_question_ids=[q.id for q in s.assessments.applicable_questions(a, answers)],
        evidence=s.evidence.list_evidence(a.vendor_id), evidence_links=s.evidence.for_assessment(a.id),
        history=s.history(a.id), generated_on=TODAY, generated_by="tester")
    fields.update(overrides)
    return model.AssessmentReportInput(**fields)
