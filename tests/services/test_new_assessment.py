"""AssessmentService.create(NewAssessment): a whole new assessment in one transaction."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from trustframe.domain.scoping import in_scope
from trustframe.domain.vendors import Contact
from trustframe.errors import ConflictError, DiskFullError, NotFoundError
from trustframe.services.assessments import NewAssessment, NewProduct, NewVendor
from trustframe.services.changes import Change, Entity
from trustframe.services.vendors import InvalidInput

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _count_transactions(services: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the write transactions the services open from now on."""
    opened: list[int] = []
    original = services.workspace.transaction

    @contextlib.contextmanager
    def counted() -> Iterator[Any]:
        opened.append(1)
        with original() as session:
            yield session

    monkeypatch.setattr(services.workspace, "transaction", counted)
    return opened


def _nothing_stored(services: Any) -> None:
    assert services.vendors.list_vendors() == []
    assert services.vendors.list_products() == []
    assert services.assessments.list_assessments() == []


def _profile_with_tier_2(services: Any) -> dict[str, str]:
    """Low exposure everywhere except controlling physical processes (never below tier 2)."""
    profile = {q.id: q.options[-1].id for q in services.catalog.profile().iter_questions()}
    profile["CP-08"] = "controls_physical"
    return profile


def test_create_writes_vendor_product_assessment_profile_tier_and_scope_in_one_transaction(
        services: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    opened = _count_transactions(services, monkeypatch)
    bank = services.catalog.get("sample-trust")
    new = NewAssessment(
        vendor=NewVendor("Northwind Networks", "se", contacts=(Contact("Greta", "PSIRT", "g@nw.example"),)),
        product=NewProduct("NW-9000 router", "network"),
        questionnaire_id="sample-trust", profile_answers=_profile_with_tier_2(services),
        tier_override=1, tier_override_reason="Feeds the grid control room",
        scope=frozenset(q.id for q in in_scope(bank, None, 1)) - {"GOV-03"} | {"HW-01"},
        procurement="RFP-2026-07", due_date=date(2027, 1, 31), assessor="Ann Officer")
    created = services.assessments.create(new)
    assert len(opened) == 1
    vendor, = services.vendors.list_vendors()
    product, = services.vendors.list_products()
    assert (vendor.name, vendor.country, vendor.contacts[0].email) == ("Northwind Networks", "SE", "g@nw.example")
    assert (product.name, product.category.value, product.vendor_id) == ("NW-9000 router", "network_equipment",
                                                                          vendor.id)
    assert (created.vendor_id, created.product_id) == (vendor.id, product.id)
    assert created.tier == 2 and created.tier_override == 1
    assert created.tier_override_reason == "Feeds the grid control room"
    assert created.profile_answers["CP-08"] == "controls_physical"
    assert (created.procurement, created.due_date, created.assessor) == ("RFP-2026-07", date(2027, 1, 31),
                                                                         "Ann Officer")
    # The default scope is the service's: HW-01 applies to network equipment already, GOV-03 is removed.
    assert created.scope_removed == ("GOV-03",) and created.scope_added == ()
    assert "GOV-03" not in {q.id for q in services.assessments.scoped_questions(created.id)}
    logged = {(e.entity, e.field) for e in services.history()}
    assert {("vendor", "created"), ("product", "created"), ("assessment", "created"),
            ("assessment", "profile_answers"), ("assessment", "tier"), ("assessment", "tier_override"),
            ("assessment", "scope")} <= logged
    assert any(e.field == "tier_override" and e.note == "Feeds the grid control room"
               for e in services.history(created.id))
    assert seen == [Change(Entity.VENDOR, vendor.id), Change(Entity.PRODUCT, product.id),
                    Change(Entity.ASSESSMENT, created.id, created.id)]


def test_create_for_a_registered_product_takes_the_default_scope(services: Any) -> None:
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    product = services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    created = services.assessments.create(NewAssessment(vendor.id, product.id, "sample-trust",
                                                        profile_answers={}))
    assert created.tier is not None and created.tier_override is None
    assert (created.scope_added, created.scope_removed) == ((), ())
    # The short form is the same use case for a registered vendor and product.
    short = services.assessments.create(vendor.id, product.id, "sample-trust", tier=3)
    assert short.tier is None and short.tier_override == 3
    assert short.tier_override_reason == "Set when the assessment was created"


def test_a_fault_after_the_vendor_insert_leaves_nothing_behind(services: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.storage.repositories import VendorRepository

    def disk_full(self: Any, product: Any) -> Any:
        assert VendorRepository(self.session).by_name("Northwind Networks") is not None  # the vendor is in
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(VendorRepository, "add_product", disk_full)
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    with pytest.raises(DiskFullError):
        services.assessments.create(NewAssessment(NewVendor("Northwind Networks"), NewProduct("Router", "software"),
                                                  "sample-trust", profile_answers={}))
    monkeypatch.undo()
    _nothing_stored(services)
    assert seen == []
    assert services.history() == []


def test_a_failure_in_the_last_step_rolls_back_vendor_and_product(services: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.storage import repositories

    real = repositories.AssessmentRepository.get

    def broken(self: Any, assessment_id: int) -> Any:
        real(self, assessment_id)  # the assessment row is written by now
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(repositories.AssessmentRepository, "get", broken)
    with pytest.raises(DiskFullError):
        services.assessments.create(NewAssessment(
            NewVendor("Northwind Networks"), NewProduct("Router", "software"), "sample-trust",
            profile_answers=_profile_with_tier_2(services), scope=frozenset({"GOV-01"})))
    monkeypatch.undo()
    _nothing_stored(services)


@pytest.mark.parametrize(("change", "error", "message"), [
    ({"due_date": "next Friday"}, InvalidInput, "is not a date"),
    ({"tier_override": 5, "tier_override_reason": "x"}, InvalidInput, "Tier 5 does not exist"),
    ({"tier_override": 1}, InvalidInput, "reason for overriding"),
    ({"scope": frozenset({"NOPE-99"})}, NotFoundError, "no question 'NOPE-99'"),
    ({"profile_answers": {"XX-1": "a"}}, InvalidInput, "not a question of the criticality profile"),
    ({"product": NewProduct("", "software")}, InvalidInput, "product name is empty"),
    ({"vendor": NewVendor("Acme", country="Germany")}, InvalidInput, "two-letter ISO country code"),
])
def test_a_refusal_writes_nothing(services: Any, change: dict[str, Any], error: type[Exception],
                                  message: str) -> None:
    fields: dict[str, Any] = {"vendor": NewVendor("Acme"), "product": NewProduct("Portal", "saas"),
                              "questionnaire_id": "sample-trust", "profile_answers": {}}
    fields.update(change)
    with pytest.raises(error, match=message):
        services.assessments.create(NewAssessment(**fields))
    _nothing_stored(services)


def test_a_vendor_name_taken_refuses_the_whole_creation(services: Any) -> None:
    services.vendors.add_vendor("Acme")
    with pytest.raises(ConflictError, match="already exists"):
        services.assessments.create(NewAssessment(NewVendor("ACME"), NewProduct("Portal", "saas"), "sample-trust"))
    assert services.vendors.list_products() == [] and services.assessments.list_assessments() == []


def test_new_assessment_is_frozen_all_the_way_down() -> None:
    answers = {"CP-01": "a"}
    new = NewAssessment(1, 2, profile_answers=answers, overlays=["eu-cra"], scope={"GOV-01"})  # type: ignore[arg-type]
    answers["CP-01"] = "b"
    assert new.profile_answers == {"CP-01": "a"}
    assert new.overlays == ("eu-cra",) and new.scope == frozenset({"GOV-01"})
    with pytest.raises(TypeError):
        new.profile_answers["CP-01"] = "c"  # type: ignore[index]
