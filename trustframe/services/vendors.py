"""Use cases for the vendor register: vendors, their contacts and their products."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.vendors import Contact, Product, Vendor
from trustframe.errors import ConflictError, NotFoundError, TrustFrameError
from trustframe.services.changes import Change, Entity
from trustframe.storage.repositories import HistoryRepository, VendorRepository, product_from_row, vendor_from_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from trustframe.services.context import Services

_COUNTRY = re.compile(r"^[A-Z]{2}$")


class InvalidInput(TrustFrameError):
    """A field has a value that cannot be saved; the message says which and why."""


class VendorService:
    """Register, update and list vendors and their products."""

    def __init__(self, services: Services) -> None:
        self._s = services

    # -- vendors -------------------------------------------------------------------------------

    def add_vendor(self, name: str, country: str = "", ownership_notes: str = "", website: str = "",
                   notes: str = "", contacts: tuple[Contact, ...] = ()) -> Vendor:
        """Register a vendor. Names are unique (case-insensitive)."""
        vendor = new_vendor(name, country, ownership_notes, website, notes, contacts)
        with self._s.workspace.transaction() as session:
            saved = insert_vendor(session, self._s.user, vendor)
        self._s.changes.announce(Change(Entity.VENDOR, saved.id))
        return saved

    def update_vendor(self, vendor: Vendor) -> Vendor:
        """Save changes to a vendor; every changed field is logged."""
        vendor = _checked_vendor(vendor)
        with self._s.workspace.transaction() as session:
            repo = VendorRepository(session)
            other = repo.by_name(vendor.name)
            if other is not None and other.id != vendor.id:
                raise ConflictError(f"A vendor named '{vendor.name}' already exists.")
            before, after = repo.update(vendor)
            history = HistoryRepository(session)
            for field in ("name", "country", "ownership_notes", "website", "notes", "contacts"):
                old, new = getattr(before, field), getattr(after, field)
                if old != new:
                    if field == "contacts":
                        old = [dataclasses.asdict(c) for c in old]
                        new = [dataclasses.asdict(c) for c in new]
                    history.record(self._s.user, "vendor", vendor.id, field, old, new)
        self._s.changes.announce(Change(Entity.VENDOR, after.id))
        return after

    def delete_vendor(self, vendor_id: int) -> Vendor:
        """Delete a vendor with its products, assessments and evidence."""
        with self._s.workspace.transaction() as session:
            vendor = VendorRepository(session).delete(vendor_id)
            HistoryRepository(session).record(self._s.user, "vendor", vendor_id, "deleted", vendor.name, None)
        self._s.changes.announce(Change(Entity.VENDOR, vendor_id))
        return vendor

    def get_vendor(self, vendor_id: int) -> Vendor:
        """A vendor by id."""
        with self._s.workspace.reading() as session:
            return vendor_from_row(VendorRepository(session).row(vendor_id))

    def find_vendor(self, name_or_id: str) -> Vendor:
        """A vendor by (case-insensitive) name or numeric id."""
        with self._s.workspace.reading() as session:
            repo = VendorRepository(session)
            row = repo.by_name(name_or_id)
            if row is None and name_or_id.strip().isdigit():
                row = repo.row(int(name_or_id))
            if row is None:
                raise NotFoundError(f"There is no vendor named '{name_or_id}'.")
            return vendor_from_row(row)

    def list_vendors(self) -> list[Vendor]:
        """All vendors by name."""
        with self._s.workspace.reading() as session:
            return VendorRepository(session).all_vendors()

    # -- products ------------------------------------------------------------------------------

    def add_product(self, vendor_id: int, name: str, category: ProductCategory | str, version: str = "",
                    deployment_notes: str = "") -> Product:
        """Register a product or service of a vendor."""
        checked = new_product(vendor_id, name, category, version, deployment_notes)
        with self._s.workspace.transaction() as session:
            product = insert_product(session, self._s.user, checked)
        self._s.changes.announce(Change(Entity.PRODUCT, product.id))
        return product

    def update_product(self, product: Product) -> Product:
        """Save changes to a product."""
        with self._s.workspace.transaction() as session:
            repo = VendorRepository(session)
            other = repo.product_by_name(product.vendor_id, product.name)
            if other is not None and other.id != product.id:
                raise ConflictError(f"This vendor already has a product named '{product.name}'.")
            before, after = repo.update_product(product)
            history = HistoryRepository(session)
            for field in ("name", "category", "version", "deployment_notes"):
                old, new = getattr(before, field), getattr(after, field)
                if old != new:
                    history.record(self._s.user, "product", product.id, field,
                                   getattr(old, "value", old), getattr(new, "value", new))
        self._s.changes.announce(Change(Entity.PRODUCT, after.id))
        return after

    def get_product(self, product_id: int) -> Product:
        """A product by id."""
        with self._s.workspace.reading() as session:
            row = VendorRepository(session).product_row(product_id)
            return product_from_row(row, row.vendor.name)

    def find_product(self, vendor_id: int, name_or_id: str) -> Product:
        """A vendor's product by (case-insensitive) name or numeric id."""
        with self._s.workspace.reading() as session:
            repo = VendorRepository(session)
            row = repo.product_by_name(vendor_id, name_or_id)
            if row is None and name_or_id.strip().isdigit():
                candidate = repo.product_row(int(name_or_id))
                row = candidate if candidate.vendor_id == vendor_id else None
            if row is None:
                vendor = repo.row(vendor_id)
                raise NotFoundError(f"{vendor.name} has no product named '{name_or_id}'.")
            return product_from_row(row, row.vendor.name)

    def list_products(self, vendor_id: int | None = None) -> list[Product]:
        """Products of a vendor, or all products."""
        with self._s.workspace.reading() as session:
            return VendorRepository(session).products(vendor_id)


def parse_category(value: ProductCategory | str) -> ProductCategory:
    """A product category from its id or a common alias (saas, cloud, network, iot...)."""
    return _category(value)


def _category(value: ProductCategory | str) -> ProductCategory:
    if isinstance(value, ProductCategory):
        return value
    key = value.strip().lower().replace("-", "_").replace(" ", "_").replace("/", "_")
    aliases = {"cloud": "cloud_service", "saas": "cloud_service", "managed": "managed_service",
               "network": "network_equipment", "telecom": "network_equipment", "iot": "iot_ot", "ot": "iot_ot"}
    key = aliases.get(key, key)
    try:
        return ProductCategory(key)
    except ValueError:
        known = ", ".join(c.value for c in ProductCategory)
        raise InvalidInput(f"'{value}' is not a product category; use one of: {known}") from None


def _checked_vendor(vendor: Vendor) -> Vendor:
    if not vendor.name:
        raise InvalidInput("The vendor name is empty.")
    if len(vendor.name) > 200:
        raise InvalidInput("The vendor name is longer than 200 characters.")
    if vendor.country and not _COUNTRY.match(vendor.country):
        raise InvalidInput(f"'{vendor.country}' is not a two-letter ISO country code (for example DE, US, JP).")
    if vendor.website and not re.match(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", vendor.website, re.I):
        raise InvalidInput(f"'{vendor.website}' does not look like a web address.")
    for contact in vendor.contacts:
        if not contact.name.strip():
            raise InvalidInput("Every contact needs a name.")
        if contact.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", contact.email):
            raise InvalidInput(f"'{contact.email}' is not an e-mail address.")
    return vendor


# -- the checks and inserts, shared with AssessmentService.create (one transaction) ----------------


def new_vendor(name: str, country: str = "", ownership_notes: str = "", website: str = "", notes: str = "",
               contacts: Iterable[Contact] = ()) -> Vendor:
    """A vendor to register, its fields trimmed and checked (InvalidInput says what is wrong)."""
    return _checked_vendor(Vendor(None, name.strip(), country.strip().upper(), ownership_notes.strip(),
                                  website.strip(), notes.strip(), tuple(contacts)))


def new_product(vendor_id: int, name: str, category: ProductCategory | str, version: str = "",
                deployment_notes: str = "") -> Product:
    """A product to register, its fields trimmed and checked (InvalidInput says what is wrong)."""
    name = name.strip()
    if not name:
        raise InvalidInput("The product name is empty.")
    if len(name) > 200:
        raise InvalidInput("The product name is longer than 200 characters.")
    return Product(None, vendor_id, name, _category(category), version.strip(), deployment_notes.strip())


def insert_vendor(session: Session, user: str, vendor: Vendor) -> Vendor:
    """Add a checked vendor (:func:`new_vendor`) inside the caller's transaction, logged.
    Names are unique (case-insensitive)."""
    repo = VendorRepository(session)
    if repo.by_name(vendor.name) is not None:
        raise ConflictError(f"A vendor named '{vendor.name}' already exists.")
    saved = repo.add(vendor)
    HistoryRepository(session).record(user, "vendor", saved.id, "created", None, saved.name)
    return saved


def insert_product(session: Session, user: str, product: Product) -> Product:
    """Add a checked product (:func:`new_product`) of an existing vendor inside the caller's
    transaction, logged. Product names are unique per vendor."""
    repo = VendorRepository(session)
    vendor = repo.row(product.vendor_id)
    if repo.product_by_name(product.vendor_id, product.name) is not None:
        raise ConflictError(f"{vendor.name} already has a product named '{product.name}'.")
    saved = repo.add_product(product)
    HistoryRepository(session).record(user, "product", saved.id, "created", None, f"{vendor.name} / {product.name}")
    return saved
