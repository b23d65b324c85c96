"""Editing and deleting evidence through the evidence service."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.questionnaire import EvidenceKind
from trustframe.errors import ConflictError, NotFoundError
from trustframe.services.changes import Change
from trustframe.services.vendors import InvalidInput

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _file_evidence(services: Any, vendor_id: int, tmp_path: Path) -> Any:
    cert = tmp_path / "iso.pdf"
    cert.write_bytes(b"%PDF-1.4 certificate")
    return services.evidence.add(vendor_id, "ISO 27001", "certificate", file=cert, issuer="BSI",
                                 issued_on=date(2025, 1, 1), expires_on=date(2028, 1, 1))


def test_update_changes_the_record_but_never_the_file(services: Any, sample_assessment: Any,
                                                      tmp_path: Path) -> None:
    a = sample_assessment
    e = _file_evidence(services, a.vendor_id, tmp_path)
    product = services.vendors.list_products(a.vendor_id)[0]
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    updated = services.evidence.update(replace(
        e, title=" ISO/IEC 27001 certificate ", kind=EvidenceKind.AUDIT_REPORT, issuer="BSI Group",
        independent=True, expires_on=date(2027, 6, 30), notes="Scope: cloud", product_id=product.id,
        sha256="0" * 64, file_name="other.pdf", size=1))
    assert updated.title == "ISO/IEC 27001 certificate" and updated.kind is EvidenceKind.AUDIT_REPORT
    assert updated.independent and updated.expires_on == date(2027, 6, 30) and updated.product_id == product.id
    # the stored file is the record of what the vendor supplied: untouched
    assert (updated.sha256, updated.file_name, updated.size) == (e.sha256, e.file_name, e.size)
    assert services.evidence.file_bytes(e.id) == b"%PDF-1.4 certificate"
    assert seen == [Change("evidence", e.id)]
    fields = sorted(h.field for h in services.history() if h.entity == "evidence" and h.field != "created")
    assert fields == ["expires_on", "independent", "issuer", "kind", "notes", "product_id", "title"]


def test_update_validates(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    a = sample_assessment
    e = _file_evidence(services, a.vendor_id, tmp_path)
    link = services.evidence.add(a.vendor_id, "Policy", "policy", url="https://docs.example/p")
    with pytest.raises(InvalidInput, match="title"):
        services.evidence.update(replace(e, title="  "))
    with pytest.raises(InvalidInput, match="before the issue date"):
        services.evidence.update(replace(e, expires_on=date(2024, 1, 1)))
    with pytest.raises(InvalidInput, match="cannot become a link"):
        services.evidence.update(replace(e, url="https://x.example"))
    with pytest.raises(InvalidInput, match="not a link"):
        services.evidence.update(replace(link, url="docs.example/p"))
    other = services.vendors.add_vendor("Other Ltd")
    with pytest.raises(InvalidInput, match="another vendor"):
        services.evidence.update(replace(link, vendor_id=other.id))
    with pytest.raises(NotFoundError):
        services.evidence.update(replace(link, id=9999))
    moved = services.evidence.update(replace(link, url=" https://docs.example/policy-v2 "))
    assert moved.url == "https://docs.example/policy-v2"


def test_update_marks_citing_assessments_changed(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    a = sample_assessment
    e = _file_evidence(services, a.vendor_id, tmp_path)
    services.evidence.link(a.id, "GOV-01", e.id)
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    services.evidence.update(replace(e, expires_on=date(2026, 1, 1)))
    assert seen == [Change("evidence", e.id), Change("evidence", e.id, a.id)]


def test_delete_removes_links_file_and_logs(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    a = sample_assessment
    e = _file_evidence(services, a.vendor_id, tmp_path)
    services.evidence.link(a.id, "GOV-01", e.id)
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    services.evidence.delete(e.id)
    assert services.evidence.list_evidence(a.vendor_id) == []
    assert services.evidence.for_assessment(a.id) == {}
    assert services.assessments.answers(a.id).get("GOV-01") is None or \
        services.assessments.answers(a.id)["GOV-01"].evidence_ids == ()
    with pytest.raises(NotFoundError):
        services.evidence.get(e.id)
    assert seen == [Change("evidence", e.id), Change("evidence", e.id, a.id)]
    log = services.history()
    assert any(h.entity == "evidence" and h.field == "deleted" and "ISO 27001" in (h.old_value or "") for h in log)
    assert any(h.entity == "answer" and h.entity_id == "GOV-01" and h.note == "evidence deleted" for h in log)
    with pytest.raises(NotFoundError):
        services.evidence.delete(e.id)


def test_delete_keeps_a_file_another_record_shares(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    a = sample_assessment
    first = _file_evidence(services, a.vendor_id, tmp_path)
    second = _file_evidence(services, a.vendor_id, tmp_path)
    assert first.sha256 == second.sha256
    services.evidence.delete(first.id)
    assert services.evidence.file_bytes(second.id) == b"%PDF-1.4 certificate"


def test_delete_is_refused_while_a_decided_assessment_cites_it(services: Any, sample_assessment: Any,
                                                               tmp_path: Path) -> None:
    a = sample_assessment
    e = _file_evidence(services, a.vendor_id, tmp_path)
    services.evidence.link(a.id, "GOV-01", e.id)
    services.assessments.set_status(a.id, AssessmentStatus.IN_REVIEW)
    services.assessments.decide(a.id, Decision.APPROVE, "Rita Reviewer")
    with pytest.raises(ConflictError, match="decided assessment .*Acme Secure Ltd / Acme Gateway"):
        services.evidence.delete(e.id)
    assert services.evidence.get(e.id).title == "ISO 27001"
    # editing the record stays possible (a typo in the issuer, say)
    assert services.evidence.update(replace(e, issuer="BSI Group")).issuer == "BSI Group"
    services.assessments.reopen(a.id, "Wrong certificate attached")
    services.evidence.delete(e.id)
    assert services.evidence.list_evidence(a.vendor_id) == []
