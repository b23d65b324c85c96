"""SBOM and VEX files as checked evidence: facts, findings and hostile samples."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.exchange.sbom_support import make_csaf_vex, make_cyclonedx, make_kev, make_spdx
from trustframe.domain.questionnaire import Severity
from trustframe.domain.sbom import SbomFacts, VexStatus, sbom_findings, vex_findings
from trustframe.exchange.sbom import MAX_DEPTH, EvidenceFileError, parse_kev, parse_sbom, parse_vex

CLAIM = {"TRN-01": "every_release", "TRN-02": "yes"}


def test_cyclonedx_15_json_facts(tmp_path: Path) -> None:
    facts = parse_sbom(make_cyclonedx(tmp_path / "bom.json", version="1.5"))
    assert (facts.format, facts.spec_version, facts.encoding) == ("CycloneDX", "1.5", "json")
    assert facts.component_count == 5
    assert facts.with_supplier == facts.with_version == facts.with_identifier == 1.0
    assert facts.with_hashes == facts.with_licence == 1.0
    assert facts.dependency_count == 4 and facts.has_dependencies
    assert (facts.top_level_name, facts.top_level_version) == ("nw-os", "7.1")
    assert facts.created is not None and facts.ntia_minimum_met
    assert sbom_findings(facts, CLAIM) == []
    assert SbomFacts.from_dict(json.loads(json.dumps(facts.as_dict()))) == facts


def test_cyclonedx_14_xml_facts(tmp_path: Path) -> None:
    facts = parse_sbom(make_cyclonedx(tmp_path / "bom.xml", version="1.4", fmt="xml"))
    assert (facts.format, facts.spec_version, facts.encoding) == ("CycloneDX", "1.4", "xml")
    assert facts.component_count == 5 and facts.dependency_count == 4


def test_spdx_23_json_facts(tmp_path: Path) -> None:
    facts = parse_sbom(make_spdx(tmp_path / "sbom.spdx.json"))
    assert (facts.format, facts.spec_version, facts.encoding) == ("SPDX", "2.3", "json")
    assert facts.component_count == 5  # root + 4
    assert facts.with_supplier == facts.with_version == 1.0
    assert facts.with_identifier == 0.8  # the root package has no purl
    assert facts.dependency_count == 4
    assert (facts.top_level_name, facts.top_level_version) == ("nw-os", "7.1")
    assert facts.authors == ("Northwind",)


def test_spdx_23_tag_value_facts(tmp_path: Path) -> None:
    facts = parse_sbom(make_spdx(tmp_path / "sbom.spdx", packages=3))
    assert (facts.format, facts.encoding, facts.component_count) == ("SPDX", "tag-value", 4)


def test_poor_sbom_raises_findings_when_the_answer_claims_completeness(tmp_path: Path) -> None:
    facts = parse_sbom(make_cyclonedx(tmp_path / "poor.json", components=10, supplier_every=3,
                                      with_dependencies=False))
    assert facts.with_supplier < 0.8 and not facts.has_dependencies
    findings = sbom_findings(facts, CLAIM, evidence_id=7)
    titles = {f.title for f in findings}
    assert "The SBOM has no dependency relationships" in titles
    assert "The SBOM misses NTIA minimum elements" in titles
    assert all(f.evidence_id == 7 and f.severity is Severity.MEDIUM for f in findings)
    # An honest "partly" answer is not penalised again by the file.
    assert sbom_findings(facts, {"TRN-01": "partial"}) == []


def test_vex_affected_past_patch_time_raises_a_finding(tmp_path: Path) -> None:
    path = make_csaf_vex(tmp_path / "vex.json", affected={"CVE-2026-1111": date(2026, 9, 1),
                                                          "CVE-2026-2222": date(2026, 11, 28),
                                                          "CVE-2026-3333": date(2026, 1, 5)},
                         fixed=("CVE-2025-9999",), remediated=("CVE-2026-3333",))
    doc = parse_vex(path)
    assert doc.format == "CSAF 2.0"
    assert doc.by_status() == {"affected": 3, "not_affected": 1, "fixed": 1, "under_investigation": 0}
    not_affected = next(e for e in doc.entries if e.status is VexStatus.NOT_AFFECTED)
    assert not_affected.justification == "vulnerable_code_not_present"
    findings = vex_findings(doc, patch_days=30, as_of=date(2026, 12, 6))
    # 1111 is 96 days old without a fix; 2222 is 8 days old; 3333 has a vendor fix.
    assert [f.id for f in findings] == ["EV-VEX-LATE-CVE-2026-1111"]
    assert findings[0].severity is Severity.HIGH and "30 days" in findings[0].rationale


def test_known_exploited_and_affected_is_high_whatever_its_age(tmp_path: Path) -> None:
    doc = parse_vex(make_csaf_vex(tmp_path / "vex.json", affected={"CVE-2026-2222": date(2026, 11, 28)}))
    kev = parse_kev(make_kev(tmp_path / "kev.json", ("CVE-2026-2222", "CVE-2020-0001")))
    findings = vex_findings(doc, patch_days=30, as_of=date(2026, 12, 6), known_exploited=kev)
    assert [f.id for f in findings] == ["EV-VEX-KEV-CVE-2026-2222"]
    assert findings[0].severity is Severity.HIGH


def test_cyclonedx_vex(tmp_path: Path) -> None:
    doc = {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "vulnerabilities": [
        {"id": "CVE-2026-4444", "published": "2026-06-01T00:00:00Z", "analysis": {"state": "exploitable"}},
        {"id": "CVE-2026-5555", "analysis": {"state": "not_affected", "justification": "code_not_reachable"}},
        {"id": "CVE-2026-6666", "analysis": {"state": "in_triage"}},
        {"id": "CVE-2026-7777", "analysis": {"state": "exploitable", "response": ["update"]},
         "published": "2026-01-01T00:00:00Z"}]}
    path = tmp_path / "vex.cdx.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    vex = parse_vex(path)
    assert vex.format == "CycloneDX VEX"
    assert vex.by_status() == {"affected": 2, "not_affected": 1, "fixed": 0, "under_investigation": 1}
    assert [f.id for f in vex_findings(vex, 90, date(2026, 12, 6))] == ["EV-VEX-LATE-CVE-2026-4444"]


# -- hostile and wrong files ----------------------------------------------------------------------


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return p


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("deep.json", '{"bomFormat": "CycloneDX", "x": ' + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "}",
     "nested deeper than 64"),
    ("deep.xml", '<bom xmlns="http://cyclonedx.org/schema/bom/1.5">' + "<a>" * 70 + "</a>" * 70 + "</bom>",
     "nested deeper than 64"),
    ("laughs.xml", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                   '<bom xmlns="http://cyclonedx.org/schema/bom/1.5">&lol2;</bom>', "DTD or entities"),
    ("xxe.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                '<bom xmlns="http://cyclonedx.org/schema/bom/1.5">&x;</bom>', "DTD or entities"),
    ("nan.json", '{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": NaN}', "not valid JSON"),
    ("future.json", '{"bomFormat": "CycloneDX", "specVersion": "9.9", "version": 1}', "CycloneDX 9.9 is not supported"),
    ("invalid.json", '{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": "one", "components": 3}',
     "not a valid CycloneDX 1.5"),
    ("spdx22.json", json.dumps({"spdxVersion": "SPDX-2.2", "SPDXID": "SPDXRef-DOCUMENT", "name": "x",
                                "dataLicense": "CC0-1.0", "documentNamespace": "https://example.invalid/x",
                                "creationInfo": {"created": "2026-01-01T00:00:00Z", "creators": ["Tool: x"]}}),
     "SPDX 2.2 is not supported"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not UTF-8"),
    ("list.csv", "name,version\nlib,1.0\n", "not an SBOM"),
    ("html.xml", "<html><body>SBOM</body></html>", "not a CycloneDX BOM"),
    ("latin1.json", b'{"bomFormat": "CycloneDX", "x": "\xe9"}', "not UTF-8"),
])
def test_hostile_or_wrong_sbom_files_are_refused_with_a_message(tmp_path: Path, name: str,
                                                                 content: bytes | str, needle: str) -> None:
    with pytest.raises(EvidenceFileError) as err:
        parse_sbom(_write(tmp_path, name, content))
    assert needle in str(err.value)
    assert name in str(err.value)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(EvidenceFileError, match="over the 50 MB limit"):
        parse_sbom(big)


def test_named_pipe_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(EvidenceFileError, match="not a regular file"):
        parse_sbom(fifo)


def test_zip_is_not_an_sbom(tmp_path: Path) -> None:
    z = tmp_path / "bom.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("bom.json", "{}")
    with pytest.raises(EvidenceFileError):
        parse_sbom(z)


def test_vex_and_kev_refuse_what_they_are_not(tmp_path: Path) -> None:
    csaf_advisory = {"document": {"category": "csaf_security_advisory", "csaf_version": "2.0"}, "vulnerabilities": []}
    with pytest.raises(EvidenceFileError, match="not csaf_vex"):
        parse_vex(_write(tmp_path, "adv.json", json.dumps(csaf_advisory)))
    with pytest.raises(EvidenceFileError, match="without vulnerabilities"):
        parse_vex(make_cyclonedx(tmp_path / "bom.json"))
    with pytest.raises(EvidenceFileError, match="no cveID"):
        parse_kev(_write(tmp_path, "kev.json", '{"vulnerabilities": [{"x": 1}]}'))
    with pytest.raises(EvidenceFileError, match="must be CSAF 2.0 or CycloneDX JSON"):
        parse_vex(_write(tmp_path, "vex.xml", "<x/>"))
