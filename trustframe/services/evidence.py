"""Use cases for evidence: files kept inside the workspace (with SHA-256) or links."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind
from trustframe.errors import NotFoundError
from trustframe.services.changes import Change
from trustframe.services.vendors import InvalidInput
from trustframe.storage.repositories import AssessmentRepository, EvidenceRepository, HistoryRepository, VendorRepository

if TYPE_CHECKING:
    from trustframe.services.context import Services

#: Largest evidence file kept in a workspace.
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024


class EvidenceService:
    """Add, list, link and retrieve evidence."""

    def __init__(self, services: "Services") -> None:
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
        with self._s.workspace.transaction() as session:
            VendorRepository(session).row(vendor_id)
            repo = EvidenceRepository(session)
            digest = repo.store_blob(data) if file is not None else ""
            evidence = repo.add(Evidence(
                None, vendor_id, title, kind, issuer.strip(), independent, issued_on, expires_on, file_name,
                digest, len(data), url.strip(), notes.strip(), product_id), added_by=self._s.user)
            HistoryRepository(session).record(self._s.user, "evidence", evidence.id, "created", None, title)
        self._s.changes.announce(Change("evidence", evidence.id))
        return evidence

    def list(self, vendor_id: int | None = None) -> list[Evidence]:
        """Evidence of a vendor (or all)."""
        with self._s.workspace.reading() as session:
            return EvidenceRepository(session).list(vendor_id)

    def get(self, evidence_id: int) -> Evidence:
        """One piece of evidence."""
        with self._s.workspace.reading() as session:
            from trustframe.storage.repositories import evidence_from_row

            return evidence_from_row(EvidenceRepository(session).row(evidence_id))

    def for_assessment(self, assessment_id: int) -> dict[str, list[Evidence]]:
        """Evidence linked to each answer of an assessment, keyed by question id."""
        with self._s.workspace.reading() as session:
            repo = EvidenceRepository(session)
            links = repo.links_for_assessment(assessment_id)
            by_id = {e.id: e for e in repo.list(ids={eid for _, eid in links})}
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
        self._s.changes.announce(Change("answer", question_id, assessment_id))

    def unlink(self, assessment_id: int, question_id: str, evidence_id: int) -> None:
        """Remove the link between evidence and an answer."""
        with self._s.workspace.transaction() as session:
            evidence = EvidenceRepository(session).row(evidence_id)
            if EvidenceRepository(session).unlink(assessment_id, question_id, evidence_id):
                HistoryRepository(session).record(self._s.user, "answer", question_id, "evidence",
                                                  evidence.title, None, assessment_id=assessment_id)
        self._s.changes.announce(Change("answer", question_id, assessment_id))

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


def _kind(value: EvidenceKind | str) -> EvidenceKind:
    if isinstance(value, EvidenceKind):
        return value
    try:
        return EvidenceKind(value.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise InvalidInput(f"'{value}' is not an evidence kind; use one of: "
                           f"{', '.join(k.value for k in EvidenceKind)}") from None
