"""Translatable display names for domain values.

The domain has English ``label`` properties for the CLI and reports; the GUI shows these
instead so every word on screen goes through Qt's translation system. Widgets never show a
domain ``.label`` (a test checks that).

Every text is a literal ``translate("labels", "...")`` call so ``pyside6-lupdate`` finds it
(see resources/translations/README.md); the names are looked up on each call, so a language
switch takes effect on the next refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from trustframe.domain.assessment import AnswerSource, AssessmentStatus, Decision
from trustframe.domain.evidence import EvidenceState
from trustframe.domain.questionnaire import BuyersGuidePart, EvidenceKind, Pillar, ProductCategory, Severity
from trustframe.domain.scoring_model import Rating, Recommendation

if TYPE_CHECKING:
    # Imported where used: the register imports this module at start-up, the import screens only later.
    from trustframe.services.exchange_types import RowCategory

#: The translation context of every name in this module.
CONTEXT = "labels"

translate = QCoreApplication.translate


def rating(value: Rating | None) -> str:
    """"Low" ... "Critical", or "Not rated"."""
    if value is None:
        return translate("labels", "Not rated")
    return {Rating.LOW: translate("labels", "Low"), Rating.MODERATE: translate("labels", "Moderate"),
            Rating.HIGH: translate("labels", "High"), Rating.CRITICAL: translate("labels", "Critical")}[value]


def tier(value: int | None, short: bool = False) -> str:
    """Inherent-risk tier 1 (critical) .. 4 (low)."""
    if value is None:
        return translate("labels", "Not set") if not short else "–"
    names = {1: translate("labels", "Critical"), 2: translate("labels", "High"),
             3: translate("labels", "Medium"), 4: translate("labels", "Low")}
    if short:
        return translate("labels", "Tier {n}").format(n=value)
    return translate("labels", "Tier {n} · {name}").format(n=value, name=names.get(value, "?"))


def status(value: AssessmentStatus | None) -> str:
    """Assessment status, or "Not assessed"."""
    if value is None:
        return translate("labels", "Not assessed")
    return {AssessmentStatus.DRAFT: translate("labels", "Draft"),
            AssessmentStatus.SENT: translate("labels", "Sent to vendor"),
            AssessmentStatus.RETURNED: translate("labels", "Returned"),
            AssessmentStatus.IN_REVIEW: translate("labels", "In review"),
            AssessmentStatus.DECIDED: translate("labels", "Decided")}[value]


def decision(value: Decision | None) -> str:
    """Review decision, or "" when undecided."""
    if value is None:
        return ""
    return {Decision.APPROVE: translate("labels", "Approve"),
            Decision.APPROVE_WITH_CONDITIONS: translate("labels", "Approve with conditions"),
            Decision.ESCALATE: translate("labels", "Escalate"),
            Decision.REJECT: translate("labels", "Reject")}[value]


def recommendation(value: Recommendation | None) -> str:
    """Recommended decision (same words as :func:`decision`), or "" when there is none."""
    if value is None:
        return ""
    return {Recommendation.APPROVE: translate("labels", "Approve"),
            Recommendation.APPROVE_WITH_CONDITIONS: translate("labels", "Approve with conditions"),
            Recommendation.ESCALATE: translate("labels", "Escalate"),
            Recommendation.REJECT: translate("labels", "Reject")}[value]


def category(value: ProductCategory | None) -> str:
    """Product category."""
    if value is None:
        return ""
    return {ProductCategory.HARDWARE: translate("labels", "Hardware"),
            ProductCategory.SOFTWARE: translate("labels", "Software"),
            ProductCategory.CLOUD_SERVICE: translate("labels", "Cloud service"),
            ProductCategory.MANAGED_SERVICE: translate("labels", "Managed service"),
            ProductCategory.NETWORK_EQUIPMENT: translate("labels", "Network / telecom equipment"),
            ProductCategory.IOT_OT: translate("labels", "IoT / OT device")}[value]


def evidence_kind(value: EvidenceKind) -> str:
    """Kind of evidence."""
    return {EvidenceKind.CERTIFICATE: translate("labels", "Certificate"),
            EvidenceKind.AUDIT_REPORT: translate("labels", "Audit report"),
            EvidenceKind.PENETRATION_TEST: translate("labels", "Penetration test"),
            EvidenceKind.SBOM: translate("labels", "SBOM"),
            EvidenceKind.VEX: translate("labels", "VEX document"),
            EvidenceKind.POLICY: translate("labels", "Policy"),
            EvidenceKind.CONTRACT_CLAUSE: translate("labels", "Contract clause"),
            EvidenceKind.OTHER: translate("labels", "Other")}[value]


def evidence_state(value: EvidenceState) -> str:
    """Validity of evidence."""
    return {EvidenceState.CURRENT: translate("labels", "Current"),
            EvidenceState.EXPIRING: translate("labels", "Expiring soon"),
            EvidenceState.EXPIRED: translate("labels", "Expired"),
            EvidenceState.NOT_YET_VALID: translate("labels", "Not yet valid"),
            EvidenceState.UNDATED: translate("labels", "No expiry")}[value]


def severity(value: Severity) -> str:
    """Severity of a red flag."""
    return {Severity.CRITICAL: translate("labels", "Critical"), Severity.HIGH: translate("labels", "High"),
            Severity.MEDIUM: translate("labels", "Medium")}[value]


def answer_source(value: AnswerSource) -> str:
    """Who gave an answer."""
    return {AnswerSource.BUYER: translate("labels", "Officer"),
            AnswerSource.VENDOR: translate("labels", "Vendor return"),
            AnswerSource.REVIEWER: translate("labels", "Reviewer override")}[value]


def pillar(value: Pillar) -> str:
    """Framework pillar."""
    return {Pillar.ASSURANCE: translate("labels", "Assurance"),
            Pillar.TRANSPARENCY: translate("labels", "Transparency"),
            Pillar.ACCOUNTABILITY: translate("labels", "Accountability")}[value]


def buyers_guide_part(value: BuyersGuidePart) -> str:
    """Buyers Guide lens."""
    return {BuyersGuidePart.GOVERNANCE: translate("labels", "Governance"),
            BuyersGuidePart.DESIGN: translate("labels", "Design"),
            BuyersGuidePart.DEVELOPMENT: translate("labels", "Development"),
            BuyersGuidePart.SOURCING: translate("labels", "Sourcing"),
            BuyersGuidePart.VERIFICATION: translate("labels", "Verification"),
            BuyersGuidePart.DELIVERY: translate("labels", "Delivery"),
            BuyersGuidePart.SUSTAINMENT: translate("labels", "Sustainment"),
            BuyersGuidePart.RESPONSE: translate("labels", "Response"),
            BuyersGuidePart.SERVICES: translate("labels", "Services")}[value]


def import_category(value: RowCategory) -> str:
    """What importing one row of a returned workbook would do."""
    from trustframe.services.exchange_types import RowCategory

    return {RowCategory.NEW: translate("labels", "New answer"),
            RowCategory.CHANGED: translate("labels", "Changed"),
            RowCategory.UNCHANGED: translate("labels", "Unchanged"),
            RowCategory.CONFLICT: translate("labels", "Conflict"),
            RowCategory.REJECTED: translate("labels", "Rejected"),
            RowCategory.EMPTY: translate("labels", "Not answered")}[value]


def import_count(value: RowCategory, n: int) -> str:
    """A count of import rows for a summary line: "14 new answers", "1 conflict", "112 not answered"."""
    from trustframe.services.exchange_types import RowCategory

    forms = {RowCategory.NEW: (translate("labels", "1 new answer"), translate("labels", "{n} new answers")),
             RowCategory.CHANGED: (translate("labels", "1 changed"), translate("labels", "{n} changed")),
             RowCategory.UNCHANGED: (translate("labels", "1 unchanged"), translate("labels", "{n} unchanged")),
             RowCategory.CONFLICT: (translate("labels", "1 conflict"), translate("labels", "{n} conflicts")),
             RowCategory.REJECTED: (translate("labels", "1 rejected"), translate("labels", "{n} rejected")),
             RowCategory.EMPTY: (translate("labels", "1 not answered"), translate("labels", "{n} not answered"))}
    return plural(n, *forms[value])


def pillar_title(key: str, fallback: str) -> str:
    """A score group's pillar key (``"assurance"``) as a translated name; ``fallback`` (the
    score's own English title) for a key this version does not know."""
    try:
        return pillar(Pillar(key))
    except ValueError:
        return fallback


def buyers_guide_title(key: str, fallback: str) -> str:
    """A score group's Buyers Guide key as a translated name (``fallback`` when unknown)."""
    try:
        return buyers_guide_part(BuyersGuidePart(key))
    except ValueError:
        return fallback


def plural(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (with ``{n}``) by count; both already translated by the caller.

    Qt's ``%n`` plurals need a compiled English translation to read well; choosing the form
    here keeps English right without one and stays translatable (each form is its own string).
    """
    return (one if n == 1 else many).format(n=f"{n:,}")
