"""Makers of SBOM, VEX and KEV files for tests, built with the same libraries TrustFrame reads them with."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path


def make_cyclonedx(path: Path, *, version: str = "1.5", fmt: str = "json", components: int = 5,
                   supplier_every: int = 1, with_dependencies: bool = True) -> Path:
    """A CycloneDX SBOM; every ``supplier_every``-th component names a supplier and a version."""
    from cyclonedx.model import HashAlgorithm, HashType
    from cyclonedx.model.bom import Bom
    from cyclonedx.model.component import Component, ComponentType
    from cyclonedx.model.contact import OrganizationalEntity
    from cyclonedx.model.license import DisjunctiveLicense
    from cyclonedx.output import make_outputter
    from cyclonedx.schema import OutputFormat, SchemaVersion
    from packageurl import PackageURL

    bom = Bom()
    root = Component(name="nw-os", version="7.1", type=ComponentType.FIRMWARE, bom_ref="root")
    bom.metadata.component = root
    comps = []
    for i in range(components):
        full = i % supplier_every == 0
        c = Component(name=f"lib{i}", version=f"1.{i}" if full else None,
                      supplier=OrganizationalEntity(name="ACME Components") if full else None,
                      purl=PackageURL("generic", None, f"lib{i}", f"1.{i}"), bom_ref=f"lib{i}",
                      hashes=[HashType(alg=HashAlgorithm.SHA_256, content=f"{i:064x}")],
                      licenses=[DisjunctiveLicense(id="MIT")])
        bom.components.add(c)
        comps.append(c)
    if with_dependencies and comps:
        bom.register_dependency(root, comps[:2])
        bom.register_dependency(comps[0], comps[2:4])
    out = make_outputter(bom, OutputFormat.JSON if fmt == "json" else OutputFormat.XML,
                         SchemaVersion.from_version(version))
    path.write_text(out.output_as_string(indent=1), encoding="utf-8")
    return path


def make_spdx(path: Path, *, packages: int = 4, with_dependencies: bool = True) -> Path:
    """An SPDX 2.3 JSON (``.json``) or tag-value (``.spdx``) SBOM."""
    from spdx_tools.spdx.model import (
        Actor, ActorType, Checksum, ChecksumAlgorithm, CreationInfo, Document, ExternalPackageRef,
        ExternalPackageRefCategory, Package, Relationship, RelationshipType, SpdxNoAssertion,
    )
    from spdx_tools.spdx.writer.write_anything import write_file

    info = CreationInfo("SPDX-2.3", "SPDXRef-DOCUMENT", "nw-os", "https://example.invalid/spdx/nw-os-7.1",
                        [Actor(ActorType.ORGANIZATION, "Northwind")], datetime(2026, 11, 1, 12, 0))
    pkgs = [Package("SPDXRef-root", "nw-os", SpdxNoAssertion(), version="7.1",
                    supplier=Actor(ActorType.ORGANIZATION, "Northwind"), files_analyzed=False)]
    for i in range(packages):
        pkgs.append(Package(f"SPDXRef-lib{i}", f"lib{i}", SpdxNoAssertion(), version=f"2.{i}",
                            supplier=Actor(ActorType.ORGANIZATION, "ACME"), files_analyzed=False,
                            checksums=[Checksum(ChecksumAlgorithm.SHA256, f"{i:064x}")],
                            external_references=[ExternalPackageRef(ExternalPackageRefCategory.PACKAGE_MANAGER,
                                                                    "purl", f"pkg:generic/lib{i}@2.{i}")]))
    rels = [Relationship("SPDXRef-DOCUMENT", RelationshipType.DESCRIBES, "SPDXRef-root")]
    if with_dependencies:
        rels += [Relationship("SPDXRef-root", RelationshipType.DEPENDS_ON, f"SPDXRef-lib{i}") for i in range(packages)]
    write_file(Document(info, packages=pkgs, relationships=rels), str(path), validate=True)
    return path


def make_csaf_vex(path: Path, *, affected: dict[str, date], fixed: tuple[str, ...] = (),
                  remediated: tuple[str, ...] = ()) -> Path:
    """A CSAF 2.0 VEX: ``affected`` maps CVE ids to their release dates."""
    vulns = []
    for cve, day in affected.items():
        v: dict[str, object] = {"cve": cve, "release_date": f"{day.isoformat()}T00:00:00Z",
                                "product_status": {"known_affected": ["CSAFPID-1"]}}
        if cve in remediated:
            v["remediations"] = [{"category": "vendor_fix", "details": "Update to 7.2", "product_ids": ["CSAFPID-1"]}]
        vulns.append(v)
    for cve in fixed:
        vulns.append({"cve": cve, "product_status": {"fixed": ["CSAFPID-1"]}})
    vulns.append({"cve": "CVE-2026-0001", "product_status": {"known_not_affected": ["CSAFPID-1"]},
                  "flags": [{"label": "vulnerable_code_not_present", "product_ids": ["CSAFPID-1"]}]})
    doc = {
        "document": {"category": "csaf_vex", "csaf_version": "2.0", "title": "NW-7000 VEX",
                     "publisher": {"category": "vendor", "name": "Northwind", "namespace": "https://example.invalid"},
                     "tracking": {"id": "NW-VEX-1", "status": "final", "version": "1",
                                  "initial_release_date": "2026-01-01T00:00:00Z",
                                  "current_release_date": "2026-11-01T00:00:00Z",
                                  "revision_history": [{"date": "2026-01-01T00:00:00Z", "number": "1",
                                                        "summary": "Initial"}]}},
        "product_tree": {"full_product_names": [{"name": "NW-7000 7.1", "product_id": "CSAFPID-1"}]},
        "vulnerabilities": vulns,
    }
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def make_kev(path: Path, cves: tuple[str, ...]) -> Path:
    """A known-exploited-vulnerabilities catalogue in CISA's JSON layout."""
    doc = {"title": "Known Exploited Vulnerabilities Catalog", "catalogVersion": "2026.12.01",
           "dateReleased": datetime(2026, 12, 1, tzinfo=timezone.utc).isoformat(), "count": len(cves),
           "vulnerabilities": [{"cveID": c, "vendorProject": "x", "product": "y"} for c in cves]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path
