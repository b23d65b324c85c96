"""The register paged by the database (team mode, issue 16 section 5), without the GUI: the
unfiltered register in its own order is exactly ``ScoringService.register_rows()``, a page at
a time, from the computed query and from the cache, on both engines. (Every filter and sort
against the GUI's local model: tests/ui/test_server_register.py.)"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from trustframe.services.register_pages import RegisterPages
from trustframe.storage.register_filters import NONE, RegisterQuery

pytestmark = pytest.mark.both_engines


def test_pages_in_the_registers_own_order_are_its_rows(services: Any, sample_assessment: Any) -> None:
    s = services
    for i in range(7):
        vendor = s.vendors.add_vendor(f"vendor {chr(ord('g') - i)}", "DE")
        if i % 3:
            s.vendors.add_product(vendor.id, f"Thing {i}", "hardware")
    s.evidence.add(sample_assessment.vendor_id, "Certificate", "certificate", url="https://example.org",
                   expires_on=date.today() + timedelta(days=5))
    expected = s.scoring.register_rows()
    pages = RegisterPages(s)
    try:
        pages.prepare()
        for warmed in (False, True):
            if warmed:
                assert pages.warm()
            got = [row for offset in range(0, 12, 3) for row in pages.page(RegisterQuery(), offset, 3)]
            assert got == expected
            counts = pages.counts(RegisterQuery(text="VENDOR", status=NONE))
            assert (counts.visible, counts.total, counts.vendors, counts.products) == (
                7, len(expected), 8, len(expected) - 7 + 4)
            assert pages.page(RegisterQuery(text="acme"), 0, 10)[0].evidence_expiring == 1
    finally:
        pages.close()
