"""The demo workspace: fictional vendors, products in every category, assessments in every
status with answers and evidence (some current, some expired), so every feature has something
real to show in the GUI, the reports and the exchange. Deterministic (seeded)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.domain.assessment import AnswerSource, Assessment, AssessmentStatus, Decision
from trustframe.domain.questionnaire import AnswerType, EvidenceKind, ProductCategory, Question, Severity
from trustframe.domain.vendors import Contact
from trustframe.errors import NotFoundError, QuestionnaireError
from trustframe.services.assessments import AnswerInput, NewAssessment

if TYPE_CHECKING:
    from trustframe.services.context import Services


@dataclass(frozen=True)
class _DemoVendor:
    name: str
    country: str
    website: str
    ownership: str
    contact: Contact
    quality: float  # 0..1: how strong this vendor's answers are
    products: tuple[tuple[str, ProductCategory, str, int], ...]  # name, category, version, criticality 1..4


DEMO_VENDORS: tuple[_DemoVendor, ...] = (
    _DemoVendor("Northwind Networks AG", "DE", "https://northwind-networks.example",
                "Listed on a regulated exchange; no shareholder above 10%. Annual report names the board.",
                Contact("Greta Lindqvist", "Head of Product Security", "psirt@northwind-networks.example"),
                0.97, (("NW-7000 Core Router", ProductCategory.NETWORK_EQUIPMENT, "7.4", 1),
                      ("NW Manage Cloud", ProductCategory.CLOUD_SERVICE, "2026.3", 2))),
    _DemoVendor("Helios Cloud Ltd", "GB", "https://helios-cloud.example",
                "Private company, majority owned by a growth fund; ultimate owners disclosed on request.",
                Contact("Amara Okafor", "Trust & Compliance Lead", "trust@helios-cloud.example"),
                0.88, (("Helios HR Suite", ProductCategory.CLOUD_SERVICE, "SaaS", 2),)),
    _DemoVendor("Kestrel Software Inc.", "US", "https://kestrel-soft.example",
                "Founder-owned; venture minority stakes.",
                Contact("Dan Whitaker", "CISO", "security@kestrel-soft.example"),
                0.72, (("Kestrel Endpoint Agent", ProductCategory.SOFTWARE, "5.2", 1),
                      ("Kestrel Reporting", ProductCategory.SOFTWARE, "3.0", 4))),
    _DemoVendor("Aurora Devices KK", "JP", "https://aurora-devices.example",
                "Subsidiary of a listed industrial group.",
                Contact("Kenji Mori", "Quality and Security Manager", "kenji.mori@aurora-devices.example"),
                0.84, (("AD-40 Building Sensor", ProductCategory.IOT_OT, "1.8", 2),)),
    _DemoVendor("Meridian Managed Services BV", "NL", "https://meridian-ms.example",
                "Partnership; partners listed in the chamber of commerce register.",
                Contact("Sanne de Vries", "Service Security Officer", "sanne.devries@meridian-ms.example"),
                0.55, (("Meridian SOC-as-a-Service", ProductCategory.MANAGED_SERVICE, "", 1),)),
    _DemoVendor("Sable Hardware Co.", "TW", "https://sable-hw.example",
                "Family-owned manufacturer; contract manufacturing in two countries.",
                Contact("Lin Chen", "Supply Chain Security", "supplychain@sable-hw.example"),
                0.62, (("Sable R2 Rack Server", ProductCategory.HARDWARE, "Gen 4", 2),)),
    _DemoVendor("Tundra Telecom Oy", "FI", "https://tundra-telecom.example",
                "Owned by a holding whose ultimate owners were not disclosed.",
                Contact("Mikko Laine", "Sales Engineer", "mikko.laine@tundra-telecom.example"),
                0.25, (("Tundra RAN Node", ProductCategory.NETWORK_EQUIPMENT, "22.1", 1),)),
    _DemoVendor("Orchid Analytics SAS", "FR", "https://orchid-analytics.example",
                "Subsidiary of a European software group.",
                Contact("Claire Martin", "DPO", "dpo@orchid-analytics.example"),
                0.95, (("Orchid Insight", ProductCategory.CLOUD_SERVICE, "SaaS", 4),)),
)

#: Status to give each product's current assessment, in DEMO_VENDORS product order.
_PLAN: tuple[AssessmentStatus, ...] = (
    AssessmentStatus.DECIDED, AssessmentStatus.IN_REVIEW, AssessmentStatus.DECIDED, AssessmentStatus.RETURNED,
    AssessmentStatus.DRAFT, AssessmentStatus.SENT, AssessmentStatus.IN_REVIEW, AssessmentStatus.DECIDED,
    AssessmentStatus.DECIDED, AssessmentStatus.DECIDED,
)


def _pick_option(question: Question, quality: float, rng: random.Random) -> Any:
    scored = [o for o in question.options if o.score is not None]
    if question.type is AnswerType.MULTIPLE_CHOICE:
        chosen = [o.id for o in scored if (o.score or 0) > 0 and rng.random() < quality]
        return chosen or [scored[-1].id]
    if not scored:
        return question.options[0].id if question.options else None
    # Now and then a vendor calls a question "not applicable" without a reason a reviewer could
    # accept; the best vendors (quality 0.9 and above) answer everything that applies, so the
    # demo keeps an outright approval whatever the bank's question order (the draw is still made,
    # which keeps the random sequence of every other vendor unchanged).
    if rng.random() < 0.03 and quality < 0.9:
        na = [o for o in question.options if o.not_applicable]
        if na:
            return na[0].id
    # Options are listed strongest first. A vendor of quality q gives a strong answer (one of
    # the two best options) with probability q, a middling one now and then, and otherwise
    # one of the weak answers: the demo spreads from "approve" to "reject".
    draw = rng.random()
    if draw < quality:
        return scored[0 if rng.random() < quality else min(1, len(scored) - 1)].id
    if draw < quality + (1 - quality) * 0.6:
        # "Partly" rather than "no": middling answers are the commonest weakness.
        return scored[min(max(1, len(scored) // 3), len(scored) - 1)].id
    return scored[rng.randrange(max(1, len(scored) // 2), len(scored))].id


def _strongest(question: Question) -> Any:
    scored = [o for o in question.options if o.score is not None]
    if not scored:
        return None
    best = max(scored, key=lambda o: o.score or 0.0)
    return [best.id] if question.type is AnswerType.MULTIPLE_CHOICE else best.id


def _within(question: Question, number: int) -> int:
    """Keep a generated number inside the question's declared range (rule 6: bounded inputs)."""
    if question.max_value is not None and number > question.max_value:
        number = int(question.max_value)
    if question.min_value is not None and number < question.min_value:
        number = int(question.min_value)
    return number


def _demo_number(question: Question, quality: float, rng: random.Random, today: date) -> Any:
    if question.bands:
        ordered = sorted(question.bands, key=lambda b: -b.score)
        band = ordered[min(len(ordered) - 1, int((1 - quality) * len(ordered) * rng.uniform(0.5, 1.5)))]
        low = band.min if band.min is not None else (band.max or 1) / 2
        high = band.max if band.max is not None else low * 2 + 10
        return _within(question, int(low + (high - low) * rng.random() * 0.9))
    return _within(question, rng.randint(1, 100))


def _demo_date(question: Question, quality: float, rng: random.Random, today: date) -> Any:
    return (today - timedelta(days=rng.randint(30, 500))).isoformat()


def _demo_text(question: Question, quality: float, rng: random.Random, today: date) -> Any:
    return rng.choice([
        "Described in our security whitepaper, section 3; available under NDA.",
        "Handled by the central product security team; see attached policy.",
        "Reviewed yearly by internal audit.",
    ])


def _demo_choice(question: Question, quality: float, rng: random.Random, today: date) -> Any:
    return _pick_option(question, quality, rng)


#: How the demo makes up an answer of each type (tests/test_answer_type_tables.py checks it is complete).
DEMO_ANSWERS: dict[AnswerType, Callable[[Question, float, random.Random, date], Any]] = {
    AnswerType.SINGLE_CHOICE: _demo_choice,
    AnswerType.YES_NO: _demo_choice,
    AnswerType.MULTIPLE_CHOICE: _demo_choice,
    AnswerType.NUMBER: _demo_number,
    AnswerType.DATE: _demo_date,
    AnswerType.TEXT: _demo_text,
}


def _answer_value(question: Question, quality: float, rng: random.Random, today: date) -> Any:
    return DEMO_ANSWERS[question.type](question, quality, rng, today)


def _profile_answers(services: Services, criticality: int) -> dict[str, Any]:
    """Profile answers that land near the wanted tier (1 critical .. 4 low)."""
    try:
        profile = services.catalog.profile()
    except (NotFoundError, QuestionnaireError):  # no (usable) profile bundled: tier is set directly
        return {}
    wanted_exposure = {1: 0.9, 2: 0.62, 3: 0.4, 4: 0.1}[criticality]
    answers: dict[str, Any] = {}
    for q in profile.iter_questions():
        scored = [o for o in q.options if o.score is not None]
        if scored:
            answers[q.id] = min(scored, key=lambda o: abs((o.score or 0) - wanted_exposure)).id
    return answers


def build_demo_workspace(target: Path, replace: bool = False, rescore: bool = False,
                         today: date | None = None) -> dict[str, int] | None:
    """Build a complete demo workspace at ``target``; returns the counts, or None when another
    program created ``target`` meanwhile (it is then left alone).

    The whole demo is built in a temporary file next to ``target`` and moved into place only
    when complete, so a build that is interrupted (even by kill -9) never leaves a half-filled
    demo behind. ``replace`` rebuilds an existing demo file (the user's demo.tfw only).
    """
    from trustframe.services.context import Services
    from trustframe.storage.database import create_workspace_file

    counts: dict[str, int] = {}

    def fill(temp: Path) -> None:
        with Services.open(temp, user="demo", create=False) as services:
            counts.update(build_demo(services, today))
            if rescore:
                services.scoring.rescore_all()

    published = create_workspace_file(Path(target), fill=fill, replace=replace)
    return counts if published else None


def build_demo(services: Services, today: date | None = None, seed: int = 2016) -> dict[str, int]:
    """Fill ``services``' workspace with the demo data; returns counts."""
    today = today or date.today()
    rng = random.Random(seed)
    s = services
    # The change log records who did what: the demo's own officer, not the login running it.
    previous_user, s.user = s.user, "Alex Officer"
    try:
        return _build(s, today, rng)
    finally:
        s.user = previous_user


def _build(s: Services, today: date, rng: random.Random) -> dict[str, int]:
    counts = {"vendors": 0, "products": 0, "assessments": 0, "evidence": 0}
    plan_index = 0
    for dv in DEMO_VENDORS:
        vendor = s.vendors.add_vendor(dv.name, dv.country, dv.ownership, dv.website, contacts=(dv.contact,))
        assert vendor.id is not None  # a stored vendor has its id
        counts["vendors"] += 1
        evidence_ids = _demo_evidence(s, vendor.id, dv, rng, today)
        counts["evidence"] += len(evidence_ids)
        for pname, category, pversion, criticality in dv.products:
            product = s.vendors.add_product(vendor.id, pname, category, pversion)
            assert product.id is not None  # a stored product has its id
            counts["products"] += 1
            status = _PLAN[plan_index % len(_PLAN)]
            plan_index += 1
            previous_id = None
            if status is AssessmentStatus.DECIDED and criticality <= 2:
                # A decided assessment from last year, so reassessment and trends have history.
                old = _assess(s, vendor.id, product.id, dv, criticality, AssessmentStatus.DECIDED, rng,
                              today - timedelta(days=380), evidence_ids, max(0.1, dv.quality - 0.15))
                previous_id = old.id
                counts["assessments"] += 1
            _assess(s, vendor.id, product.id, dv, criticality, status, rng, today, evidence_ids, dv.quality,
                    previous_id)
            counts["assessments"] += 1
    return counts


def _demo_evidence(s: Services, vendor_id: int, dv: _DemoVendor, rng: random.Random, today: date) -> list[int]:
    items = [
        ("ISO/IEC 27001 certificate", EvidenceKind.CERTIFICATE, "Accredited certification body", True, 900, 195),
        # The best vendors keep their audit report current; the others let it lapse last month.
        ("SOC 2 Type II report", EvidenceKind.AUDIT_REPORT, "Independent audit firm", True, 400,
         120 if dv.quality >= 0.95 else -35),
        ("Penetration test summary", EvidenceKind.PENETRATION_TEST, "External test lab", True, 300, 40),
        ("Software bill of materials (CycloneDX)", EvidenceKind.SBOM, dv.name, False, 60, None),
        ("Vulnerability disclosure policy", EvidenceKind.POLICY, dv.name, False, 700, None),
    ]
    if dv.quality < 0.4:
        items = items[3:]  # weak vendors supply little
    ids = []
    for title, kind, issuer, independent, age, expires_in in items:
        issued = today - timedelta(days=age)
        expires = today + timedelta(days=expires_in) if expires_in is not None else None
        slug = title.lower().replace(" ", "-").replace("/", "-").replace("(", "").replace(")", "")
        evidence = s.evidence.add(vendor_id, title, kind, url=f"https://docs.example/{slug}", issuer=issuer,
                                  independent=independent, issued_on=issued, expires_on=expires)
        assert evidence.id is not None  # stored evidence has its id
        ids.append(evidence.id)
    return ids


def _assess(s: Services, vendor_id: int, product_id: int, dv: _DemoVendor, criticality: int,
            status: AssessmentStatus, rng: random.Random, today: date, evidence_ids: list[int],
            quality: float, previous_id: int | None = None) -> Assessment:
    profile = _profile_answers(s, criticality)
    if previous_id is not None:
        assessment = s.assessments.reassess(previous_id)
        assert assessment.id is not None  # a stored assessment has its id
        if profile:
            s.assessments.set_profile_answers(assessment.id, profile)
        else:
            s.assessments.override_tier(assessment.id, criticality, "Demo data")
    else:
        # One transaction, as the new-assessment wizard does it.
        assessment = s.assessments.create(NewAssessment(
            vendor_id, product_id, assessor="Alex Officer", procurement=f"Tender {today.year}-{product_id:03d}",
            due_date=today + timedelta(days=30), profile_answers=profile or None,
            tier_override=None if profile else criticality, tier_override_reason="" if profile else "Demo data"))
    assert assessment.id is not None  # a stored assessment has its id
    questions = s.assessments.scoped_questions(assessment.id)
    evidence = s.evidence.list_evidence(vendor_id)
    share = {AssessmentStatus.DRAFT: 0.35, AssessmentStatus.SENT: 0.15}.get(status, 1.0)
    source = AnswerSource.BUYER if status in (AssessmentStatus.DRAFT, AssessmentStatus.SENT) else AnswerSource.VENDOR
    answers: dict[str, Any] = {}
    batch: list[AnswerInput] = []
    links: list[tuple[str, int]] = []
    for question in questions:
        if rng.random() > share or (question.show_if is not None and not question.show_if.evaluate(answers)):
            continue
        value = _answer_value(question, quality, rng, today)
        if value is None:
            continue
        if quality >= 0.8 and any(rule.severity is Severity.CRITICAL
                                  and rule.when.evaluate({**answers, question.id: value})
                                  for rule in question.red_flags):
            # Strong vendors do not trip knock-outs in the demo; they give the best answer instead.
            value = _strongest(question) or value
        answers[question.id] = value
        comment = "Confirmed in the vendor call." if rng.random() < 0.1 else None
        batch.append(AnswerInput(question.id, value, comment=comment, needs_follow_up=rng.random() < 0.05))
        option = question.option(value) if isinstance(value, str) else None
        positive = option is not None and (option.score or 0) >= 0.7
        if question.evidence and evidence and positive and rng.random() < 0.3 + 0.7 * quality:
            # Prefer evidence of a kind the question asks for, as an officer would.
            fitting = [e for e in evidence if e.kind in question.evidence] or evidence
            chosen = rng.choice(fitting)
            assert chosen.id is not None  # listed evidence is stored, with its id
            links.append((question.id, chosen.id))
    # One transaction per assessment keeps building the demo quick.
    s.assessments.set_answers(assessment.id, batch, source=source)
    for question_id, evidence_id in links:
        s.evidence.link(assessment.id, question_id, evidence_id)
    if status in (AssessmentStatus.SENT, AssessmentStatus.RETURNED, AssessmentStatus.IN_REVIEW,
                  AssessmentStatus.DECIDED):
        s.assessments.set_status(assessment.id, AssessmentStatus.SENT)
    if status in (AssessmentStatus.RETURNED, AssessmentStatus.IN_REVIEW, AssessmentStatus.DECIDED):
        s.assessments.set_status(assessment.id, AssessmentStatus.RETURNED)
    if status in (AssessmentStatus.IN_REVIEW, AssessmentStatus.DECIDED):
        s.assessments.set_status(assessment.id, AssessmentStatus.IN_REVIEW)
        s.assessments.update_details(assessment.id, reviewer="Morgan Reviewer")
    if status is AssessmentStatus.DECIDED:
        # Decide as a reviewer following the recommendation would.
        recommendation = s.scoring.score(assessment.id, as_of=today).recommendation
        s.assessments.decide(assessment.id, Decision(recommendation.value), "Morgan Reviewer",
                             notes="Demo decision following the recommendation of the assessment report.",
                             decided_on=today,
                             next_review_due=today + timedelta(days=365 if criticality > 1 else 180))
    return s.assessments.get(assessment.id)
