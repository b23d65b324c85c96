"""The register read without the services (GUI start-up) against the services' register."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from trustframe.services.register_build import _sort_rows, read_register_light, register_row_factory
from trustframe.storage.register_sql import EVIDENCE_PACK, evidence_counts


def _row(vendor_id: int, vendor: str, product_id: int | None, product: str) -> Any:
    make = register_row_factory()
    return make((vendor_id, vendor, "DE", product_id, product, None, None, None, None, None, None, None, 0.0, 0, 0,
                 0, 0, None, None, None, 0, None, None))


def test_the_per_vendor_sort_is_the_register_s_order() -> None:
    """Same order as one sort with the services' former key, ties, case and accents included."""
    rnd = random.Random(7)
    names = ["acme", "Acme", "ACME", "Ärzte IT", "arzte it", "Zulu", "beta", "Beta", "straße", "STRASSE", "ß"]
    products = ["", "Gateway", "gateway", "Äpfel", "apfel", "Z"]
    rows = []
    next_product = 1
    for vendor_id in rnd.sample(range(1, 400), 150):
        name = rnd.choice(names)
        if rnd.random() < 0.1:
            rows.append(_row(vendor_id, name, None, ""))
            continue
        for _ in range(rnd.randint(1, 4)):
            rows.append(_row(vendor_id, name, next_product, rnd.choice(products)))
            next_product += 1
    expected = sorted(rows, key=lambda r: (r.vendor_name.casefold(), r.vendor_id, r.product_id is not None,
                                           r.product_name.casefold(), r.product_id or 0))
    _sort_rows(rows)
    assert rows == expected


def test_light_register_equals_the_services_after_the_stale_rows_are_refreshed(
        services: Any, sample_assessment: Any, workspace_path: Path) -> None:
    s = services
    other = s.vendors.add_vendor("Beta Networks", "FR")
    s.vendors.add_product(other.id, "Beta Switch", "network_equipment")
    s.vendors.add_vendor("Gamma Without Products", "")
    today = date.today()
    light = read_register_light(workspace_path, today)
    assert light is not None
    # The new assessment has no stored score yet: the light read shows the row unscored and
    # names it; the services score it (and store the snapshot).
    assert list(light.stale) == [sample_assessment.id]
    index = light.stale[sample_assessment.id]
    assert light.rows[index].assessment_id == sample_assessment.id and light.rows[index].score is None
    rows = list(light.rows)
    s.scoring.refresh_register_rows(rows, light.stale, today)
    assert rows == s.scoring.register_rows(today)
    assert rows[index] == replace(light.rows[index], score=rows[index].score, rating=rows[index].rating,
                                  recommendation=rows[index].recommendation, completeness=rows[index].completeness,
                                  open_flags=rows[index].open_flags, critical_flags=rows[index].critical_flags)
    # Snapshots are stored now: a second light read needs no refresh and equals the services.
    again = read_register_light(workspace_path, today)
    assert again is not None and again.stale == {} and again.rows == rows
    assert [r.vendor_name for r in rows] == ["Acme Secure Ltd", "Beta Networks", "Gamma Without Products"]


@pytest.mark.parametrize("revision", ["0000", "9999"])
def test_an_older_or_newer_workspace_is_not_read_light(services: Any, workspace_path: Path, revision: str) -> None:
    services.vendors.add_vendor("Acme Secure Ltd", "GB")
    services.close()
    con = sqlite3.connect(workspace_path)
    con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.commit()
    con.close()
    before = workspace_path.read_bytes()
    assert read_register_light(workspace_path) is None
    assert workspace_path.read_bytes() == before


def test_a_file_that_is_not_a_workspace_is_not_read_light(tmp_path: Path) -> None:
    path = tmp_path / "notes.tfw"
    path.write_bytes(b"not a database" * 50)
    assert read_register_light(path) is None
    assert read_register_light(tmp_path / "missing.tfw") is None
    assert path.read_bytes() == b"not a database" * 50


def test_evidence_counts_per_vendor_from_the_packed_column(services: Any, workspace_path: Path) -> None:
    """The query counts a vendor's expired and soon-expiring evidence in one pass (packed into
    one number): each count lands in its own field, on every row of the vendor, in both paths."""
    s = services
    today = date(2030, 1, 1)
    acme = s.vendors.add_vendor("Acme Secure Ltd", "GB")
    s.vendors.add_product(acme.id, "Acme Gateway", "software")
    s.vendors.add_product(acme.id, "Acme VPN", "software")
    beta = s.vendors.add_vendor("Beta Networks", "FR")
    s.vendors.add_vendor("Gamma Without Evidence", "")
    for days, title in ((-400, "old audit"), (-1, "lapsed yesterday"), (0, "expires today"), (30, "soon"),
                        (60, "last day counted"), (61, "too late"), (None, "never expires")):
        s.evidence.add(acme.id, title, "policy", url="https://example.org/r",
                       expires_on=None if days is None else today + timedelta(days=days))
    s.evidence.add(beta.id, "lapsed", "policy", url="https://example.org/r", expires_on=date(2029, 12, 1))
    soon = s.scoring.profile.evidence.expiring_soon_days
    assert soon == 60, "the expected counts below assume the shipped 60-day window"
    expected = {"Acme Secure Ltd": (2, 3), "Beta Networks": (1, 0), "Gamma Without Evidence": (0, 0)}
    rows = s.scoring.register_rows(today)
    assert len(rows) == 4
    assert {r.vendor_name: (r.evidence_expired, r.evidence_expiring) for r in rows} == expected
    assert all(type(r.evidence_expired) is int and type(r.evidence_expiring) is int for r in rows)
    light = read_register_light(workspace_path, today)
    assert light is not None and light.rows == rows
    assert evidence_counts(None) == (0, 0) and evidence_counts(5 * EVIDENCE_PACK + 7) == (5, 7)


def test_the_table_and_the_row_list_are_the_same_register(services: Any, sample_assessment: Any) -> None:
    """build_register_table (tuples, rows built when read) and build_register_rows (every row
    built) give equal rows in the same order, with the same out-of-date rows."""
    from trustframe.domain.portfolio import RegisterRows
    from trustframe.services.register_build import build_register_rows, build_register_table
    from trustframe.storage.light import open_reader

    s = services
    other = s.vendors.add_vendor("beta networks", "FR")
    s.vendors.add_product(other.id, "Zeta", "network_equipment")
    s.vendors.add_product(other.id, "alpha", "network_equipment")
    s.vendors.add_product(other.id, "Äpfel", "network_equipment")
    s.vendors.add_vendor("Ärzte IT", "DE")
    s.vendors.add_vendor("Beta Systems", "DE")
    today = date.today()
    reader = open_reader(s.workspace.path)
    assert reader is not None
    with reader:
        lines = list(reader.register_lines(today, today + timedelta(days=60)))
    table, stale = build_register_table(iter(lines), today)
    rows, stale_rows = build_register_rows(iter(lines), today)
    assert isinstance(table, RegisterRows) and table.vendor_ordered
    assert stale == stale_rows == {sample_assessment.id: 0}
    assert table == rows and table.to_list() == rows and list(table) == rows
    assert table.counts == (len({r.vendor_id for r in rows}), sum(1 for r in rows if r.product_id is not None)) \
        == (4, 4)
    assert [(r.vendor_name, r.product_name) for r in rows] == [
        ("Acme Secure Ltd", "Acme Gateway"), ("beta networks", "alpha"), ("beta networks", "Zeta"),
        ("beta networks", "Äpfel"), ("Beta Systems", ""), ("Ärzte IT", "")]


def test_the_light_vendor_list_has_the_services_order_for_accented_names(services: Any, workspace_path: Path) -> None:
    """The light reader folds every letter in lower(), as the services' connections do: a vendor
    list read before the services load is in the order they give afterwards."""
    from trustframe.storage.light import read_vendors

    for name in ("Zeta Systems", "Ärzte IT", "acme", "ärmel Bau", "Öko Netz", "Beta"):
        services.vendors.add_vendor(name, "DE")
    light = read_vendors(workspace_path)
    assert light is not None
    assert [v.name for v in light] == [v.name for v in services.vendors.list_vendors()]
    # SQLite's own lower() leaves "Ä" upper case, which sorts before "ä": "Ärzte IT" first.
    names = [v.name for v in light]
    assert names.index("ärmel Bau") < names.index("Ärzte IT")
