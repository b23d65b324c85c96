"""The same workspace reads alike on SQLite and PostgreSQL: the orders and groupings that SQLite
gave by accident of its query plans (rowid and primary-key order, NULLs first) are asked for
explicitly, so team mode (PostgreSQL: hash joins, heap order, NULLs last) shows the same."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from trustframe.domain.assessment import AssessmentStatus, Decision

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def test_a_reassessment_created_after_other_products_shows_its_product_once(services: Any) -> None:
    """The register groups a product's assessments from adjacent lines; on PostgreSQL the
    unordered join returned them in creation order, so a later reassessment was a second row."""
    products = []
    for i in range(6):
        vendor = services.vendors.add_vendor(f"Vendor {i}", "DE")
        for name in ("Gateway", "Switch"):
            product = services.vendors.add_product(vendor.id, name, "software")
            products.append((product, services.assessments.create(vendor.id, product.id, "sample-trust")))
    first_product, first = products[0]
    for status in (AssessmentStatus.SENT, AssessmentStatus.RETURNED, AssessmentStatus.IN_REVIEW):
        services.assessments.set_status(first.id, status)
    services.assessments.decide(first.id, Decision.APPROVE, "Rita Reviewer", decided_on=date(2026, 3, 2))
    # Created last: its lines come after every other product's in creation (heap) order.
    second = services.assessments.reassess(first.id)
    services.assessments.create(products[3][0].vendor_id, products[3][0].id, "sample-trust")
    if services.workspace.is_server:
        # A server in use has statistics (autovacuum): with them PostgreSQL hash-joins the register.
        with services.workspace.transaction() as session:
            session.connection().exec_driver_sql("ANALYZE")
    rows = services.scoring.register_rows(date(2026, 6, 1))
    assert sorted(r.product_id for r in rows) == sorted(p.id for p, _ in products)
    row = next(r for r in rows if r.product_id == first_product.id)
    assert (row.assessment_id, row.decision, row.reassessment_id) == (first.id, Decision.APPROVE, second.id)
    assert row.assessment_count == 2
    assert [r.vendor_name for r in rows] == sorted(r.vendor_name for r in rows)


def test_evidence_without_an_expiry_date_comes_first(services: Any, sample_assessment: Any) -> None:
    """SQLite sorts NULLs first, PostgreSQL last: the list asks for NULLs first on both."""
    vid = sample_assessment.vendor_id
    later = services.evidence.add(vid, "B Pentest", "penetration_test", url="https://docs.example/b",
                                  expires_on=date(2028, 1, 1))
    sooner = services.evidence.add(vid, "A Certificate", "certificate", url="https://docs.example/a",
                                   expires_on=date(2027, 1, 1))
    undated = services.evidence.add(vid, "Z Policy", "policy", url="https://docs.example/z")
    assert [e.id for e in services.evidence.list_evidence(vid)] == [undated.id, sooner.id, later.id]


def test_linked_evidence_comes_in_id_order(services: Any, sample_assessment: Any) -> None:
    """Evidence links read in key order (SQLite's primary-key index), not in the order they were
    written (PostgreSQL's heap)."""
    a = sample_assessment
    first = services.evidence.add(a.vendor_id, "Policy 1", "policy", url="https://docs.example/1")
    second = services.evidence.add(a.vendor_id, "Policy 2", "policy", url="https://docs.example/2")
    services.assessments.set_answer(a.id, "VUL-01", "yes")
    services.assessments.set_answer(a.id, "GOV-01", "verified")
    services.evidence.link(a.id, "GOV-01", second.id)
    services.evidence.link(a.id, "GOV-01", first.id)
    linked = services.evidence.for_assessment(a.id)
    assert [e.id for e in linked["GOV-01"]] == [first.id, second.id]
    assert services.assessments.answers(a.id)["GOV-01"].evidence_ids == (first.id, second.id)


@pytest.mark.parametrize(("first", "second"), [("Ärzte IT", "ÄRZTE it"), ("Société Générale", "SOCIÉTÉ GÉNÉRALE")])
def test_vendor_names_are_unique_ignoring_case_beyond_ascii(services: Any, first: str, second: str) -> None:
    """SQLite's lower() folds ASCII letters only, PostgreSQL's folds every letter: a name that
    differs only in the case of an accented letter was a duplicate on one engine and not on the
    other. It is one on both."""
    from trustframe.errors import ConflictError

    vendor = services.vendors.add_vendor(first, "DE")
    with pytest.raises(ConflictError, match="already exists"):
        services.vendors.add_vendor(second, "DE")
    assert services.vendors.find_vendor(second).id == vendor.id
    product = services.vendors.add_product(vendor.id, "Übersicht", "software")
    with pytest.raises(ConflictError):
        services.vendors.add_product(vendor.id, "ÜBERSICHT", "software")
    assert services.vendors.find_product(vendor.id, "übersicht").id == product.id
