"""Vendors and the products or services bought from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from trustframe.domain.questionnaire import ProductCategory


@dataclass(frozen=True)
class Contact:
    """A person at the vendor."""

    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Vendor:
    """A supplier organisation.

    ``country`` is the ISO 3166 alpha-2 code of the headquarters. It is recorded for context
    and reporting only: following the Weathering TechNationalism framework, TrustFrame never
    scores a vendor by its country of origin.
    """

    id: int | None
    name: str
    country: str = ""
    ownership_notes: str = ""
    website: str = ""
    notes: str = ""
    contacts: tuple[Contact, ...] = ()
    created_at: datetime | None = field(default=None, compare=False)
    #: Team mode (no lost update): the stored row's version, given back when saving so a save
    #: against a version someone else has moved on is refused (0 when not read from a workspace).
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Product:
    """A product or service offered by a vendor."""

    id: int | None
    vendor_id: int
    name: str
    category: ProductCategory
    version: str = ""
    deployment_notes: str = ""
    vendor_name: str = ""
    created_at: datetime | None = field(default=None, compare=False)
