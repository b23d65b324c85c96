"""Use case: export one assessment as OSCAL (catalog, assessment results, POA&M)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from trustframe import __version__
from trustframe.exchange.oscal import OscalInput, write_oscal

if TYPE_CHECKING:
    from trustframe.services.context import Services


def export_oscal(services: Services, assessment_id: int, folder: Path) -> list[Path]:
    """Write ``catalog.json``, ``assessment-results.json`` and ``poam.json`` into ``folder``.

    The score is computed as of today with the full explanation, the same as the reports use.
    Reads only; nothing in the workspace changes.
    """
    assessment = services.assessments.get(assessment_id)
    data = OscalInput(
        questionnaire=services.assessments.questionnaire(assessment),
        assessment=assessment,
        assessment_uid=services.assessments.uid(assessment_id),
        answers=services.assessments.answers(assessment_id),
        result=services.scoring.score(assessment_id),
        evidence=services.evidence.list_evidence(assessment.vendor_id),
        organisation=str(services.setting("organisation_name", "") or "").strip(),
        assessor=assessment.assessor,
        tool_version=f"TrustFrame {__version__}",
    )
    return write_oscal(data, folder)
