"""SBOM and VEX evidence through the services and the CLI: checked on the way in, facts kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.sbom_support import make_csaf_vex, make_cyclonedx, make_kev, make_spdx
from trustframe.cli import main as cli_main
from trustframe.services.vendors import InvalidInput

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


@pytest.fixture()
def vendor(services: Any) -> Any:
    return services.vendors.add_vendor("Northwind Networks AG", country="DE")


def test_sbom_evidence_keeps_its_facts(services: Any, vendor: Any, tmp_path: Path) -> None:
    ev = services.evidence.add(vendor.id, "SBOM NW-7000 7.1", "sbom", file=make_spdx(tmp_path / "nw.spdx.json"))
    facts = services.evidence.facts([ev.id])[ev.id]
    assert facts["kind"] == "sbom" and facts["format"] == "SPDX"
    assert facts["component_count"] == 5 and facts["dependency_count"] == 4
    assert facts["ntia_minimum_met"] is True


def test_invalid_sbom_is_refused_and_nothing_is_stored(services: Any, vendor: Any, tmp_path: Path) -> None:
    bad = tmp_path / "licences.csv"
    bad.write_text("component,licence\nopenssl,Apache-2.0\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        services.evidence.add(vendor.id, "SBOM?", "sbom", file=bad)
    assert "licences.csv: not an SBOM" in str(err.value)
    assert services.evidence.list_evidence(vendor.id) == []
    # The same file is fine as evidence of another kind.
    services.evidence.add(vendor.id, "Licence list", "other", file=bad)


def test_vex_evidence_and_known_exploited_catalogue(services: Any, vendor: Any, tmp_path: Path) -> None:
    vex = make_csaf_vex(tmp_path / "vex.json", affected={"CVE-2026-1111": date(2026, 9, 1)})
    ev = services.evidence.add(vendor.id, "VEX NW-7000", "vex", file=vex)
    facts = services.evidence.facts([ev.id])[ev.id]
    assert facts["format"] == "CSAF 2.0"
    assert facts["by_status"]["affected"] == 1
    assert services.evidence.known_exploited() == frozenset()
    assert services.evidence.import_known_exploited(make_kev(tmp_path / "kev.json", ("CVE-2026-1111",))) == 1
    assert services.evidence.known_exploited() == {"CVE-2026-1111"}
    with pytest.raises(InvalidInput, match="no cveID"):
        (tmp_path / "empty.json").write_text('{"vulnerabilities": []}')
        services.evidence.import_known_exploited(tmp_path / "empty.json")
    assert services.evidence.known_exploited() == {"CVE-2026-1111"}  # a bad file changes nothing


def test_cli_evidence_list_shows_facts(workspace_path: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(workspace_path)
    assert cli_main(["--workspace", ws, "vendor", "add", "Kestrel Software Inc."]) == 0
    sbom = make_cyclonedx(tmp_path / "bom.json", components=10, supplier_every=3, with_dependencies=False)
    assert cli_main(["--workspace", ws, "evidence", "add", "Kestrel Software Inc.", "SBOM", "--kind", "sbom",
                     "--file", str(sbom)]) == 0
    capsys.readouterr()
    assert cli_main(["--workspace", ws, "--json", "evidence", "list"]) == 0
    items = json.loads(capsys.readouterr().out)
    facts = items[0]["facts"]
    assert facts["format"] == "CycloneDX" and facts["spec_version"] == "1.5"
    assert facts["component_count"] == 10 and facts["has_dependencies"] is False
    assert facts["with_supplier"] == pytest.approx(0.4)
    notsbom = tmp_path / "x.json"
    notsbom.write_text('{"hello": 1}')
    rc = cli_main(["--workspace", ws, "evidence", "add", "Kestrel Software Inc.", "Bad", "--kind", "sbom",
                   "--file", str(notsbom)])
    assert rc == 1
    assert "neither a CycloneDX BOM" in capsys.readouterr().err
