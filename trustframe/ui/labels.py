"""Translatable display names for domain values.

The domain has English ``label`` properties for the CLI and reports; the GUI shows these
instead so every word on screen goes through Qt's translation system.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.evidence import EvidenceState
from trustframe.domain.questionnaire import EvidenceKind, ProductCategory
from trustframe.domain.scoring_model import Rating


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def rating(value: Rating | None) -> str:
    """"Low" ... "Critical", or "Not rated"."""
    if value is None:
        return _tr("Not rated")
    return {Rating.LOW: _tr("Low"), Rating.MODERATE: _tr("Moderate"), Rating.HIGH: _tr("High"),
            Rating.CRITICAL: _tr("Critical")}[value]


def tier(value: int | None, short: bool = False) -> str:
    """Inherent-risk tier 1 (critical) .. 4 (low)."""
    if value is None:
        return _tr("Not set") if not short else "–"
    names = {1: _tr("Critical"), 2: _tr("High"), 3: _tr("Medium"), 4: _tr("Low")}
    if short:
        return _tr("Tier {n}").format(n=value)
    return _tr("Tier {n} · {name}").format(n=value, name=names.get(value, "?"))


def status(value: AssessmentStatus | None) -> str:
    """Assessment status, or "Not assessed"."""
    if value is None:
        return _tr("Not assessed")
    return {AssessmentStatus.DRAFT: _tr("Draft"), AssessmentStatus.SENT: _tr("Sent to vendor"),
            AssessmentStatus.RETURNED: _tr("Returned"), AssessmentStatus.IN_REVIEW: _tr("In review"),
            AssessmentStatus.DECIDED: _tr("Decided")}[value]


def decision(value: Decision | None) -> str:
    """Review decision, or "" when undecided."""
    if value is None:
        return ""
    return {Decision.APPROVE: _tr("Approve"), Decision.APPROVE_WITH_CONDITIONS: _tr("Approve with conditions"),
            Decision.ESCALATE: _tr("Escalate"), Decision.REJECT: _tr("Reject")}[value]


def category(value: ProductCategory | None) -> str:
    """Product category."""
    if value is None:
        return ""
    return {ProductCategory.HARDWARE: _tr("Hardware"), ProductCategory.SOFTWARE: _tr("Software"),
            ProductCategory.CLOUD_SERVICE: _tr("Cloud service"),
            ProductCategory.MANAGED_SERVICE: _tr("Managed service"),
            ProductCategory.NETWORK_EQUIPMENT: _tr("Network / telecom equipment"),
            ProductCategory.IOT_OT: _tr("IoT / OT device")}[value]


def evidence_kind(value: EvidenceKind) -> str:
    """Kind of evidence."""
    return {EvidenceKind.CERTIFICATE: _tr("Certificate"), EvidenceKind.AUDIT_REPORT: _tr("Audit report"),
            EvidenceKind.PENETRATION_TEST: _tr("Penetration test"), EvidenceKind.SBOM: _tr("SBOM"),
            EvidenceKind.POLICY: _tr("Policy"), EvidenceKind.CONTRACT_CLAUSE: _tr("Contract clause"),
            EvidenceKind.OTHER: _tr("Other")}[value]


def evidence_state(value: EvidenceState) -> str:
    """Validity of evidence."""
    return {EvidenceState.CURRENT: _tr("Current"), EvidenceState.EXPIRING: _tr("Expiring soon"),
            EvidenceState.EXPIRED: _tr("Expired"), EvidenceState.NOT_YET_VALID: _tr("Not yet valid"),
            EvidenceState.UNDATED: _tr("No expiry")}[value]


def plural(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (with ``{n}``) by count; both already translated by the caller.

    Qt's ``%n`` plurals need a compiled English translation to read well; choosing the form
    here keeps English right without one and stays translatable (each form is its own string).
    """
    return (one if n == 1 else many).format(n=f"{n:,}")
