"""Machine-readable evidence: what an SBOM or a VEX document says, and where it contradicts answers.

Pure data and rules; the files themselves are parsed (defensively) in ``exchange/sbom.py``.

An SBOM's **facts** are the numbers a reviewer would check by hand: format and version, when it
was made, how many components, and what share of them carries each NTIA minimum element
(supplier, version, a unique identifier such as a purl or CPE, hashes, licence), whether
dependency relationships are present, and the top-level component it describes.

A **finding** is raised when the file and the vendor's answer disagree, e.g. the answer claims a
complete SBOM with every dependency but the file lists no dependency relationships. Findings
carry a severity and feed the score through the normal red-flag mechanism.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind, Severity
from trustframe.domain.scoring_model import RaisedFlag

#: Below this share of components with supplier and version, an SBOM is not "complete".
MIN_COMPLETE_SHARE = 0.8

#: Answers to the SBOM questions that claim a complete, machine-readable SBOM.
CLAIMS_COMPLETE_SBOM = {
    "TRN-01": {"every_release", "on_request"},
    "TRN-02": {"yes", "verified", "documented"},
}


@dataclass(frozen=True)
class SbomFacts:
    """What an SBOM file says about itself (all shares are 0.0-1.0 of ``component_count``)."""

    format: str  # "CycloneDX" or "SPDX"
    spec_version: str
    encoding: str  # "json", "xml" or "tag-value"
    created: datetime | None
    component_count: int
    with_supplier: float
    with_version: float
    with_identifier: float
    with_hashes: float
    with_licence: float
    dependency_count: int
    top_level_name: str = ""
    top_level_version: str = ""
    authors: tuple[str, ...] = ()

    @property
    def has_dependencies(self) -> bool:
        """True when the SBOM records dependency relationships between components."""
        return self.dependency_count > 0

    @property
    def ntia_minimum_met(self) -> bool:
        """True when every NTIA minimum element is present for enough of the components.

        The NTIA minimum elements are supplier, component name, version, other unique
        identifiers, dependency relationship, author of the SBOM data and timestamp.
        """
        return (self.component_count > 0 and self.with_supplier >= MIN_COMPLETE_SHARE
                and self.with_version >= MIN_COMPLETE_SHARE and self.with_identifier >= MIN_COMPLETE_SHARE
                and self.has_dependencies and self.created is not None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (``evidence list --json``, the evidence view, stored facts)."""
        data = asdict(self)
        data["created"] = self.created.isoformat() if self.created else None
        data["authors"] = list(self.authors)
        data["has_dependencies"] = self.has_dependencies
        data["ntia_minimum_met"] = self.ntia_minimum_met
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SbomFacts:
        """Inverse of :meth:`as_dict` (extra keys are ignored)."""
        created = data.get("created")
        return cls(
            format=str(data["format"]), spec_version=str(data["spec_version"]),
            encoding=str(data.get("encoding", "")),
            created=datetime.fromisoformat(created) if created else None,
            component_count=int(data["component_count"]),
            with_supplier=float(data["with_supplier"]), with_version=float(data["with_version"]),
            with_identifier=float(data["with_identifier"]), with_hashes=float(data["with_hashes"]),
            with_licence=float(data["with_licence"]), dependency_count=int(data["dependency_count"]),
            top_level_name=str(data.get("top_level_name", "")),
            top_level_version=str(data.get("top_level_version", "")),
            authors=tuple(data.get("authors", ())),
        )


@dataclass(frozen=True)
class EvidenceFinding:
    """A contradiction between machine-readable evidence and an answer (or a risk it shows)."""

    id: str
    question_id: str
    severity: Severity
    title: str
    rationale: str
    mitigation: str
    evidence_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"id": self.id, "question": self.question_id, "severity": self.severity.value,
                "title": self.title, "rationale": self.rationale, "mitigation": self.mitigation,
                "evidence_id": self.evidence_id}


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %"


def sbom_findings(facts: SbomFacts, answers: dict[str, Any], evidence_id: int | None = None) -> list[EvidenceFinding]:
    """Findings where an SBOM file contradicts the answers to the SBOM questions.

    ``answers`` maps question ids to answer values (option ids). A finding is raised only when
    an answer *claims* a complete SBOM and the file shows otherwise, so an honest "partly"
    is never penalised twice.
    """
    claims = any(answers.get(qid) in values for qid, values in CLAIMS_COMPLETE_SBOM.items())
    if not claims:
        return []
    claiming = next(qid for qid, values in CLAIMS_COMPLETE_SBOM.items() if answers.get(qid) in values)
    out: list[EvidenceFinding] = []
    if facts.component_count == 0:
        out.append(EvidenceFinding(
            f"EV-SBOM-EMPTY-{evidence_id or 0}", claiming, Severity.HIGH,
            "The supplied SBOM lists no components",
            f"The answer claims a complete SBOM, but the {facts.format} {facts.spec_version} file lists no components.",
            "Ask for the SBOM of the delivered version, generated by the build.", evidence_id))
        return out
    if not facts.has_dependencies:
        out.append(EvidenceFinding(
            f"EV-SBOM-DEPS-{evidence_id or 0}", claiming, Severity.MEDIUM,
            "The SBOM has no dependency relationships",
            f"The answer claims a complete SBOM with its dependencies, but the file lists "
            f"{facts.component_count} components and no dependency relationships, so transitive "
            "exposure cannot be traced.",
            "Require an SBOM with the dependency graph (CycloneDX dependencies or SPDX relationships).",
            evidence_id))
    weakest = min(facts.with_supplier, facts.with_version)
    if weakest < MIN_COMPLETE_SHARE:
        out.append(EvidenceFinding(
            f"EV-SBOM-NTIA-{evidence_id or 0}", claiming, Severity.MEDIUM,
            "The SBOM misses NTIA minimum elements",
            f"Only {_pct(facts.with_supplier)} of components name a supplier and {_pct(facts.with_version)} a "
            f"version (at least {_pct(MIN_COMPLETE_SHARE)} expected for a complete SBOM).",
            "Ask the vendor to complete supplier and version for every component.", evidence_id))
    return out


class VexStatus(str, enum.Enum):
    """Normalised status of a product with respect to one vulnerability."""

    AFFECTED = "affected"
    NOT_AFFECTED = "not_affected"
    FIXED = "fixed"
    UNDER_INVESTIGATION = "under_investigation"


@dataclass(frozen=True)
class VexEntry:
    """One vulnerability as a VEX document states it for the product."""

    vulnerability: str  # CVE id or the document's own id
    status: VexStatus
    justification: str = ""
    has_remediation: bool = False
    first_seen: date | None = None  # release / discovery / first publication, whichever is given
    title: str = ""
    #: In the known-exploited catalogue the user imported (marked when either arrives).
    known_exploited: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"vulnerability": self.vulnerability, "status": self.status.value,
                "justification": self.justification, "has_remediation": self.has_remediation,
                "first_seen": self.first_seen.isoformat() if self.first_seen else None, "title": self.title,
                "known_exploited": self.known_exploited}


@dataclass(frozen=True)
class VexDocument:
    """A parsed VEX document: its format and the entries for the product."""

    format: str  # "CSAF 2.0" or "CycloneDX VEX"
    entries: tuple[VexEntry, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored facts, ``evidence list --json``)."""
        return {"format": self.format, "by_status": self.by_status(),
                "vulnerabilities": [e.as_dict() for e in self.entries]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VexDocument:
        """Inverse of :meth:`as_dict`."""
        entries = tuple(VexEntry(
            vulnerability=str(v["vulnerability"]), status=VexStatus(v["status"]),
            justification=str(v.get("justification", "")), has_remediation=bool(v.get("has_remediation")),
            first_seen=date.fromisoformat(v["first_seen"]) if v.get("first_seen") else None,
            title=str(v.get("title", "")), known_exploited=bool(v.get("known_exploited")))
            for v in data.get("vulnerabilities", ()))
        return cls(str(data["format"]), entries)

    def by_status(self) -> dict[str, int]:
        """How many vulnerabilities per status."""
        counts = {s.value: 0 for s in VexStatus}
        for e in self.entries:
            counts[e.status.value] += 1
        return counts


def vex_findings(doc: VexDocument, patch_days: float | None, as_of: date,
                 known_exploited: frozenset[str] = frozenset(), question_id: str = "VUL-05",
                 evidence_id: int | None = None) -> list[EvidenceFinding]:
    """Findings from a VEX document.

    - "affected" without a remediation for longer than the vendor's stated patch time
      (``patch_days``, from the vulnerability-handling answers) raises a high finding;
    - "affected" and in the known-exploited list (a KEV file the user supplied) raises a high
      finding whatever its age, since exploitation is already happening.
    """
    out: list[EvidenceFinding] = []
    for e in doc.entries:
        if e.status is not VexStatus.AFFECTED:
            continue
        if e.known_exploited or e.vulnerability.upper() in known_exploited:
            out.append(EvidenceFinding(
                f"EV-VEX-KEV-{e.vulnerability}", question_id, Severity.HIGH,
                f"Affected by a known exploited vulnerability ({e.vulnerability})",
                f"The vendor's VEX states the product is affected by {e.vulnerability}, which is in the "
                "known-exploited-vulnerabilities list supplied"
                + ("" if e.has_remediation else ", and gives no remediation") + ".",
                "Require the fix or a documented mitigation before deployment, and a date for it.", evidence_id))
            continue
        if e.has_remediation or patch_days is None or e.first_seen is None:
            continue
        age = (as_of - e.first_seen).days
        if age > patch_days:
            out.append(EvidenceFinding(
                f"EV-VEX-LATE-{e.vulnerability}", question_id, Severity.HIGH,
                f"Unremediated vulnerability past the stated patch time ({e.vulnerability})",
                f"The VEX states the product is affected by {e.vulnerability} since {e.first_seen.isoformat()} "
                f"({age} days) with no remediation, longer than the {patch_days:g} days the vendor committed to.",
                "Ask for the fix or mitigation and hold the vendor to the patch-time commitment in the contract.",
                evidence_id))
    return out



#: The question holding the vendor's committed patch time for critical vulnerabilities (days).
PATCH_TIME_QUESTION = "VUL-05"


def mark_known_exploited(facts: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """VEX facts with each vulnerability's ``known_exploited`` set from the catalogue ``known``."""
    doc = VexDocument.from_dict(facts)
    marked = VexDocument(doc.format, tuple(
        VexEntry(e.vulnerability, e.status, e.justification, e.has_remediation, e.first_seen, e.title,
                 e.vulnerability.upper() in known) for e in doc.entries))
    return {**facts, **marked.as_dict()}


def evidence_flags(values: Mapping[str, Any], evidence: Mapping[str, Sequence[Evidence]], as_of: date,
                   accepted: Mapping[str, Any] | None = None) -> list[RaisedFlag]:
    """Red flags raised by machine-readable evidence linked to answers (SBOM and VEX findings).

    Only evidence valid on ``as_of`` counts (lapsed or future-dated files say nothing about
    today). A finding a reviewer accepted (by its id) is kept as accepted, like any flag.
    """
    accepted = accepted or {}
    patch = values.get(PATCH_TIME_QUESTION)
    patch_days = float(patch) if isinstance(patch, (int, float)) and not isinstance(patch, bool) else None
    found: dict[str, EvidenceFinding] = {}
    for qid in sorted(evidence):
        for item in evidence[qid]:
            facts = item.facts
            if not facts or not item.is_valid(as_of):
                continue
            try:
                if item.kind is EvidenceKind.SBOM:
                    findings = sbom_findings(SbomFacts.from_dict(dict(facts)), dict(values), item.id)
                elif item.kind is EvidenceKind.VEX:
                    findings = vex_findings(VexDocument.from_dict(dict(facts)), patch_days, as_of,
                                            question_id=qid, evidence_id=item.id)
                else:
                    continue
            except (KeyError, TypeError, ValueError):
                continue  # facts stored by another version: ignored rather than crash the score
            for f in findings:
                found.setdefault(f.id, f)
    out = []
    for f in found.values():
        acc = accepted.get(f.id)
        out.append(RaisedFlag(f.id, f.question_id, f.severity, f.title, f.rationale, f.mitigation,
                              accepted=acc is not None, accepted_reason=getattr(acc, "reason", "") or "",
                              accepted_by=getattr(acc, "accepted_by", "") or ""))
    return out
