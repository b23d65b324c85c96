"""Use cases for evidence: files kept inside the workspace (with SHA-256) or links."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind
from trustframe.errors import ConflictError, NotFoundError
from trustframe.services.changes import Change, Entity
from trustframe.services.vendors import InvalidInput
from trustframe.storage.evidence_facts import EvidenceFactsRepository
from trustframe.storage.repositories import (
    AssessmentRepository,
    EvidenceRepository,
    HistoryRepository,
    SettingsRepository,
    VendorRepository,
    claim_version,
    evidence_from_row,
)

if TYPE_CHECKING:
    from trustframe.services.context import Services

log = logging.getLogger(__name__)

#: Largest evidence file kept in a workspace.
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024


_INTERNAL_NAMES = ("localhost", "localhost.localdomain", "metadata", "metadata.google.internal")
_INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".intranet", ".lan", ".home.arpa", ".corp")


def _ip_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host name spells, also in the forms browsers accept (2852039166, 0xa9fea9fe,
    0251.0376.0251.0376); None for a real name. Never looks anything up."""
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass  # not a literal address: try the numeric forms below
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        try:
            numbers.append(int(part, 16) if part.lower().startswith("0x") else
                           int(part, 8) if len(part) > 1 and part.startswith("0") else int(part, 10))
        except ValueError:
            return None
    value = 0
    for number in numbers[:-1]:
        if not 0 <= number <= 255:
            return None
        value = value * 256 + number
    rest = 4 - (len(numbers) - 1)
    if not 0 <= numbers[-1] < 256 ** rest:
        return None
    return ipaddress.IPv4Address(value * 256 ** rest + numbers[-1])


@dataclass(frozen=True)
class LinkConcern:
    """Why an evidence link points inside a network: ``kind`` is one of ``link-local``,
    ``loopback``, ``private``, ``reserved`` or ``internal-name``; ``where`` the address or host."""

    kind: str
    where: str


def link_concern(url: str) -> LinkConcern | None:
    """The structured form of :func:`link_warning`, for interfaces that word it themselves
    (the GUI translates it); None when the link points to a public site or cannot be parsed."""
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    address = _ip_of(host)
    if address is not None:
        ipv4 = getattr(address, "ipv4_mapped", None) or address
        kind = ("link-local" if ipv4.is_link_local else "loopback" if ipv4.is_loopback
                else "private" if ipv4.is_private else "reserved" if (ipv4.is_reserved or ipv4.is_unspecified
                                                                      or ipv4.is_multicast) else "")
        return LinkConcern(kind, str(ipv4)) if kind else None
    if host in _INTERNAL_NAMES or host.endswith(_INTERNAL_SUFFIXES) or "." not in host:
        return LinkConcern("internal-name", host)
    return None


def link_warning(url: str) -> str | None:
    """Why a link to evidence deserves a second look, or None.

    TrustFrame never fetches evidence links, but someone opening one from a report would reach
    their own network: a link-local (cloud metadata, 169.254.169.254), private, loopback or
    otherwise internal address in a vendor's evidence is suspicious."""
    concern = link_concern(url)
    if concern is None:
        return None
    if concern.kind == "internal-name":
        return (f"The link points to an internal host name ({concern.where}), not to a public site; it is stored "
                "but never fetched. Check that the vendor meant it.")
    kind = "link-local (cloud metadata)" if concern.kind == "link-local" else concern.kind
    return (f"The link points to a {kind} address ({concern.where}), not to a public site; it is stored but never "
            "fetched. Check that the vendor meant it.")


class EvidenceService:
    """Add, edit, delete, list, link and retrieve evidence."""

    def __init__(self, services: Services) -> None:
        self._s = services

    def add(self, vendor_id: int, title: str, kind: EvidenceKind | str, *, file: Path | str | None = None,
            url: str = "", issuer: str = "", independent: bool = False, issued_on: date | None = None,
            expires_on: date | None = None, notes: str = "", product_id: int | None = None) -> Evidence:
        """Record evidence: a file (copied into the workspace) or a link."""
        kind = _kind(kind)
        title = title.strip()
        if not title:
            raise InvalidInput("The evidence needs a title.")
        if (file is None) == (not url.strip()):
            raise InvalidInput("Give either a file or a link for the evidence (one of them).")
        if issued_on and expires_on and expires_on < issued_on:
            raise InvalidInput(f"The expiry date {expires_on} is before the issue date {issued_on}.")
        data = b""
        file_name = ""
        if file is not None:
            path = Path(file)
            try:
                size = path.stat().st_size
                if size > MAX_EVIDENCE_BYTES:
                    raise InvalidInput(f"{path.name} is {size // (1024 * 1024)} MB; evidence files are limited "
                                       f"to {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB. Store a link instead.")
                data = path.read_bytes()
            except OSError as exc:
                raise InvalidInput(f"Cannot read {path}: {exc.strerror or exc}") from exc
            file_name = path.name
        elif not url.strip().lower().startswith(("http://", "https://", "file://")):
            raise InvalidInput(f"'{url}' is not a link (it should start with https://).")
        # An SBOM or VEX file is checked before anything is stored: what is not a valid document
        # of its kind is refused with the reason, and its facts are kept with the record.
        facts = machine_readable_facts(kind, data, file_name, self.known_exploited()) if file is not None else None
        with self._s.workspace.transaction() as session:
            VendorRepository(session).row(vendor_id)
            repo = EvidenceRepository(session)
            digest = repo.store_blob(data) if file is not None else ""
            evidence = repo.add(Evidence(
                None, vendor_id, title, kind, issuer.strip(), independent, issued_on, expires_on, file_name,
                digest, len(data), url.strip(), notes.strip(), product_id), added_by=self._s.user)
            if facts is not None:
                EvidenceFactsRepository(session).put(evidence.id, kind.value, str(facts["format"]), facts)  # type: ignore[arg-type]
            HistoryRepository(session).record(self._s.user, "evidence", evidence.id, "created", None, title)
        self._s.changes.announce(Change(Entity.EVIDENCE, evidence.id))
        return evidence

    def update(self, evidence: Evidence) -> Evidence:
        """Change what is recorded about a piece of evidence: title, kind, issuer, independence,
        dates, notes, the product it applies to and, for a link, the address.

        The stored file, its name, size and hash never change (they are the record of what the
        vendor supplied); to replace a file, add the new one as new evidence. Each changed field
        is logged. Returns the evidence as stored.
        """
        if evidence.id is None:
            raise InvalidInput("Only recorded evidence can be edited (it has no id).")
        kind = _kind(evidence.kind)
        title = evidence.title.strip()
        if not title:
            raise InvalidInput("The evidence needs a title.")
        if evidence.issued_on and evidence.expires_on and evidence.expires_on < evidence.issued_on:
            raise InvalidInput(f"The expiry date {evidence.expires_on} is before the issue date {evidence.issued_on}.")
        url = evidence.url.strip()
        with self._s.workspace.transaction() as session:
            repo = EvidenceRepository(session)
            row = repo.locked_row(evidence.id)
            claim_version(row, evidence.version, "evidence", evidence.id, yours=evidence, theirs=evidence_from_row(row))
            if evidence.vendor_id != row.vendor_id:
                raise InvalidInput("Evidence cannot be moved to another vendor; add it to that vendor instead.")
            if row.sha256:
                if url:
                    raise InvalidInput("This evidence is a stored file; it cannot become a link. "
                                       "Add the link as new evidence.")
            elif not url.lower().startswith(("http://", "https://", "file://")):
                raise InvalidInput(f"'{url}' is not a link (it should start with https://).")
            if evidence.product_id is not None and \
                    VendorRepository(session).product_row(evidence.product_id).vendor_id != row.vendor_id:
                raise InvalidInput("The product belongs to another vendor.")
            new_values = {
                "title": title, "kind": kind.value, "issuer": evidence.issuer.strip(),
                "independent": bool(evidence.independent), "issued_on": evidence.issued_on,
                "expires_on": evidence.expires_on, "notes": evidence.notes.strip(),
                "product_id": evidence.product_id, "url": "" if row.sha256 else url,
            }
            history = HistoryRepository(session)
            for field, value in new_values.items():
                old = getattr(row, field)
                if old != value:
                    history.record(self._s.user, "evidence", row.id, field, old, value)
                    setattr(row, field, value)
            session.flush()
            affected = sorted({aid for aid, _q, _s in repo.links_for_evidence(row.id)})
            result = evidence_from_row(row)
        self._announce(result.id, affected)  # type: ignore[arg-type]
        return result

    def delete(self, evidence_id: int) -> None:
        """Delete a piece of evidence, its links to answers and (when no other evidence shares
        it) its stored file.

        Refused with a :class:`ConflictError` while an answer of a decided assessment cites it:
        the decision's record must keep its evidence (reopen the assessment first).
        """
        with self._s.workspace.transaction() as session:
            repo = EvidenceRepository(session)
            row = repo.row(evidence_id)
            title = row.title
            links = repo.links_for_evidence(evidence_id)
            decided = sorted({aid for aid, _q, status in links if status == AssessmentStatus.DECIDED.value})
            if decided:
                assessments = AssessmentRepository(session)
                names = ", ".join(
                    f"{a.vendor_name} / {a.product_name} (#{a.id})" for a in (assessments.get(aid) for aid in decided))
                raise ConflictError(
                    f"'{title}' supports answers of a decided assessment ({names}) and is part of the record of "
                    "that decision, so it cannot be deleted. Reopen the assessment and unlink the evidence first, "
                    "or edit the evidence instead.")
            history = HistoryRepository(session)
            for assessment_id, question_id, _status in links:
                history.record(self._s.user, "answer", question_id, "evidence", title, None,
                               assessment_id=assessment_id, note="evidence deleted")
            history.record(self._s.user, "evidence", evidence_id, "deleted", title, None,
                           note=row.file_name or row.url)
            repo.delete(evidence_id)
        self._announce(evidence_id, sorted({aid for aid, _q, _s in links}))

    def _announce(self, evidence_id: int, assessment_ids: list[int]) -> None:
        """Announce the evidence change, then once per assessment citing it: its scores (which
        count evidence validity) are out of date."""
        self._s.changes.announce(Change(Entity.EVIDENCE, evidence_id))
        for assessment_id in assessment_ids:
            self._s.changes.announce(Change(Entity.EVIDENCE, evidence_id, assessment_id))

    def list_evidence(self, vendor_id: int | None = None) -> list[Evidence]:
        """Evidence of a vendor (or all)."""
        with self._s.workspace.reading() as session:
            return EvidenceRepository(session).find(vendor_id)

    def facts(self, evidence_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Parsed facts of machine-readable evidence (SBOM, VEX) by evidence id; others are absent."""
        with self._s.workspace.reading() as session:
            return EvidenceFactsRepository(session).many(evidence_ids)

    def import_known_exploited(self, path: Path) -> int:
        """Keep a known-exploited-vulnerabilities catalogue (CISA KEV JSON, supplied by the user)
        in the workspace: affected and known-exploited vulnerabilities in a VEX then raise a high
        finding. Nothing is fetched. Returns the number of CVE ids kept."""
        from trustframe.domain.sbom import mark_known_exploited
        from trustframe.exchange.sbom import EvidenceFileError, parse_kev

        try:
            cves = parse_kev(Path(path))
        except EvidenceFileError as exc:
            raise InvalidInput(str(exc)) from exc
        value = {"file": Path(path).name, "imported": date.today().isoformat(), "cves": sorted(cves)}
        affected: dict[int, list[int]] = {}
        # One transaction: the catalogue and the marks it puts on every stored VEX document.
        with self._s.workspace.transaction() as session:
            settings = SettingsRepository(session)
            HistoryRepository(session).record(self._s.user, "settings", KEV_SETTING, "value",
                                              None, f"{len(cves)} CVE ids from {value['file']}")
            settings.set(KEV_SETTING, value)
            facts_repo = EvidenceFactsRepository(session)
            evidence_repo = EvidenceRepository(session)
            for evidence_id, facts in facts_repo.all_of_kind(EvidenceKind.VEX.value).items():
                facts_repo.put(evidence_id, EvidenceKind.VEX.value, str(facts.get("format", "")),
                               mark_known_exploited(facts, cves))
                affected[evidence_id] = sorted({aid for aid, _q, _s in evidence_repo.links_for_evidence(evidence_id)})
        self._s.changes.announce(Change(Entity.SETTINGS, KEV_SETTING))
        for evidence_id, assessment_ids in affected.items():
            self._announce(evidence_id, assessment_ids)
        return len(cves)

    def known_exploited(self) -> frozenset[str]:
        """CVE ids of the known-exploited catalogue imported into this workspace (empty if none)."""
        stored = self._s.setting(KEV_SETTING, None)
        return frozenset(stored.get("cves", ())) if isinstance(stored, dict) else frozenset()

    def get(self, evidence_id: int) -> Evidence:
        """One piece of evidence."""
        with self._s.workspace.reading() as session:
            return evidence_from_row(EvidenceRepository(session).row(evidence_id))

    def for_assessment(self, assessment_id: int) -> dict[str, list[Evidence]]:
        """Evidence linked to each answer of an assessment, keyed by question id."""
        with self._s.workspace.reading() as session:
            repo = EvidenceRepository(session)
            links = repo.links_for_assessment(assessment_id)
            by_id = {e.id: e for e in repo.find(ids={eid for _, eid in links})}
        result: dict[str, list[Evidence]] = {}
        for qid, eid in links:
            result.setdefault(qid, []).append(by_id[eid])
        return result

    def link(self, assessment_id: int, question_id: str, evidence_id: int) -> None:
        """Link evidence to an answer."""
        questionnaire = self._s.assessments.questionnaire(assessment_id)
        if question_id not in questionnaire.questions_by_id:
            raise NotFoundError(f"{questionnaire.key} has no question '{question_id}'.")
        with self._s.workspace.transaction() as session:
            assessment = AssessmentRepository(session).row(assessment_id)
            evidence = EvidenceRepository(session).row(evidence_id)
            if evidence.vendor_id != assessment.vendor_id:
                raise InvalidInput("This evidence belongs to another vendor.")
            if EvidenceRepository(session).link(assessment_id, question_id, evidence_id):
                HistoryRepository(session).record(self._s.user, "answer", question_id, "evidence", None,
                                                  evidence.title, assessment_id=assessment_id)
        self._s.changes.announce(Change(Entity.ANSWER, question_id, assessment_id))

    def unlink(self, assessment_id: int, question_id: str, evidence_id: int) -> None:
        """Remove the link between evidence and an answer."""
        with self._s.workspace.transaction() as session:
            evidence = EvidenceRepository(session).row(evidence_id)
            if EvidenceRepository(session).unlink(assessment_id, question_id, evidence_id):
                HistoryRepository(session).record(self._s.user, "answer", question_id, "evidence",
                                                  evidence.title, None, assessment_id=assessment_id)
        self._s.changes.announce(Change(Entity.ANSWER, question_id, assessment_id))

    def file_bytes(self, evidence_id: int) -> bytes:
        """The stored file's content (checked against its hash)."""
        import hashlib

        with self._s.workspace.reading() as session:
            repo = EvidenceRepository(session)
            row = repo.row(evidence_id)
            title, digest = row.title, row.sha256
            if not digest:
                raise NotFoundError(f"Evidence '{title}' is a link, not a stored file.")
            data = repo.blob(digest)
        if hashlib.sha256(data).hexdigest() != digest:
            raise InvalidInput(f"The stored file of '{title}' does not match its hash; the workspace is damaged.")
        return data

    def save_file(self, evidence_id: int, target: Path) -> Path:
        """Write a stored evidence file out to ``target``."""
        target = Path(target)
        target.write_bytes(self.file_bytes(evidence_id))
        return target


#: Settings key of the imported known-exploited-vulnerabilities catalogue.
KEV_SETTING = "known_exploited_vulnerabilities"


def machine_readable_facts(kind: EvidenceKind, data: bytes, name: str,
                           known_exploited: frozenset[str] = frozenset()) -> dict[str, Any] | None:
    """Facts of an SBOM or VEX file (None for other kinds); :class:`InvalidInput` when the file
    is not a valid document of its kind. VEX entries are marked against ``known_exploited``."""
    if kind not in (EvidenceKind.SBOM, EvidenceKind.VEX):
        return None
    from trustframe.domain.sbom import mark_known_exploited
    from trustframe.exchange.sbom import EvidenceFileError, sbom_from_bytes, vex_from_bytes

    try:
        if kind is EvidenceKind.SBOM:
            return sbom_from_bytes(data, name).as_dict()
        return mark_known_exploited(vex_from_bytes(data, name).as_dict(), known_exploited)
    except EvidenceFileError as exc:
        what = "an SBOM" if kind is EvidenceKind.SBOM else "a VEX document"
        raise InvalidInput(f"{exc} Choose {what} in CycloneDX or SPDX (SBOM) or CSAF 2.0 / CycloneDX "
                           "(VEX), or record the file with another kind.") from exc


def _kind(value: EvidenceKind | str) -> EvidenceKind:
    if isinstance(value, EvidenceKind):
        return value
    try:
        return EvidenceKind(value.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise InvalidInput(f"'{value}' is not an evidence kind; use one of: "
                           f"{', '.join(k.value for k in EvidenceKind)}") from None
