"""Repositories: the only code that reads and writes ORM rows. They return domain objects.

Each repository wraps the session of the current unit of work; it never commits (the
service's ``workspace.transaction()`` does).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from trustframe.domain.assessment import (
    Answer,
    AnswerSource,
    Assessment,
    AssessmentStatus,
    Decision,
    FlagAcceptance,
)
from trustframe.domain.evidence import Evidence
from trustframe.domain.history import ChangeLogEntry
from trustframe.domain.questionnaire import EvidenceKind, ProductCategory
from trustframe.domain.vendors import Contact, Product, Vendor
from trustframe.errors import NotFoundError, StaleWriteError
from trustframe.storage.evidence_facts import attach_facts
from trustframe.storage.orm import (
    AnswerEvidenceRow,
    AnswerRow,
    AssessmentRow,
    ChangeLogRow,
    ContactRow,
    EvidenceBlobRow,
    EvidenceRow,
    FlagAcceptanceRow,
    ProductRow,
    QuestionnaireTextRow,
    ScoreSnapshotRow,
    SettingRow,
    VendorRow,
)


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


# ------------------------------------------------------------------------------------------------
# Conversions


def vendor_from_row(row: VendorRow) -> Vendor:
    """Domain vendor from its row."""
    return Vendor(
        id=row.id, name=row.name, country=row.country, ownership_notes=row.ownership_notes,
        website=row.website, notes=row.notes,
        contacts=tuple(Contact(c.name, c.role, c.email, c.phone) for c in row.contacts),
        created_at=row.created_at, version=row.row_version or 0,
    )


def product_from_row(row: ProductRow, vendor_name: str = "") -> Product:
    """Domain product from its row."""
    return Product(
        id=row.id, vendor_id=row.vendor_id, name=row.name, category=ProductCategory(row.category),
        version=row.version, deployment_notes=row.deployment_notes, vendor_name=vendor_name,
        created_at=row.created_at,
    )


def assessment_from_row(row: AssessmentRow, vendor_name: str = "", product_name: str = "",
                        category: str | None = None) -> Assessment:
    """Domain assessment from its row."""
    return Assessment(
        id=row.id, vendor_id=row.vendor_id, product_id=row.product_id,
        questionnaire_id=row.questionnaire_id, questionnaire_version=row.questionnaire_version,
        status=AssessmentStatus(row.status), tier=row.tier, tier_override=row.tier_override,
        tier_override_reason=row.tier_override_reason, profile_answers=dict(row.profile_answers or {}),
        scope_added=tuple(row.scope_added or ()), scope_removed=tuple(row.scope_removed or ()),
        assessor=row.assessor, reviewer=row.reviewer,
        decision=Decision(row.decision) if row.decision else None, decision_by=row.decision_by,
        decision_date=row.decision_date, decision_notes=row.decision_notes, due_date=row.due_date,
        decision_justification=row.decision_justification or "",
        next_review_due=row.next_review_due, previous_assessment_id=row.previous_assessment_id,
        procurement=row.procurement, created_at=row.created_at, updated_at=row.updated_at,
        vendor_name=vendor_name, product_name=product_name,
        product_category=ProductCategory(category) if category else None, version=row.row_version or 0,
        overlays=tuple((str(o.get("id", "")), str(o.get("version", ""))) for o in (row.overlays or [])
                       if isinstance(o, dict)),
        buyer_module_version=row.buyer_module_version, scoring_profile_version=row.scoring_profile_version,
    )


def answer_from_row(row: AnswerRow, evidence_ids: Sequence[int] = ()) -> Answer:
    """Domain answer from its row."""
    return Answer(
        question_id=row.question_id, value=row.value, comment=row.comment,
        source=AnswerSource(row.source), override_reason=row.override_reason,
        needs_follow_up=row.needs_follow_up, to_confirm=row.to_confirm,
        evidence_ids=tuple(evidence_ids), updated_at=row.updated_at, updated_by=row.updated_by,
        import_id=row.import_id, vendor_value=row.vendor_value,
        origin_assessment_id=row.origin_assessment_id, origin_date=row.origin_date,
        na_accepted_reason=row.na_accepted_reason or "", na_accepted_by=row.na_accepted_by or "",
        na_accepted_at=row.na_accepted_at, confirm_note=row.confirm_note or "", version=row.row_version or 0,
    )


def evidence_from_row(row: EvidenceRow) -> Evidence:
    """Domain evidence from its row."""
    return Evidence(
        id=row.id, vendor_id=row.vendor_id, product_id=row.product_id, title=row.title,
        kind=EvidenceKind(row.kind), issuer=row.issuer, independent=row.independent,
        issued_on=row.issued_on, expires_on=row.expires_on, file_name=row.file_name,
        sha256=row.sha256 or "", size=row.size, url=row.url, notes=row.notes,
        added_at=row.added_at, added_by=row.added_by, version=row.row_version or 0,
    )


def claim_version(row: Any, expected: int | None, entity: str, key: object, yours: object = None,
                  theirs: object = None) -> None:
    """Optimistic concurrency (no lost update): refuse a save that names a version someone else
    has moved on (``expected`` 0 or None: the caller did not read one, so nothing is checked),
    then move the row's version on. Call with the row locked (:func:`locked`)."""
    current = int(row.row_version or 0) if row is not None else 0
    if expected and current != expected:
        raise StaleWriteError(
            f"Someone else saved this {entity} meanwhile (now version {current}, you edited version {expected}); "
            "nothing was overwritten. Look at both values and save again.",
            entity=entity, key=key, yours=yours, theirs=theirs, version=current)
    if row is not None:
        row.row_version = current + 1


def locked(session: Session, row_class: Any, key: Any) -> Any:
    """The row with the given primary key, locked until the transaction ends (SELECT ... FOR
    UPDATE on PostgreSQL, where two officers may save at once; SQLite's writes are serialised by
    BEGIN IMMEDIATE already and ignores FOR UPDATE)."""
    return session.get(row_class, key, with_for_update=True, populate_existing=True)


# ------------------------------------------------------------------------------------------------
# Repositories


class VendorRepository:
    """Vendors, contacts and products."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def row(self, vendor_id: int) -> VendorRow:
        """The vendor row; NotFoundError when absent."""
        row = self.session.get(VendorRow, vendor_id)
        if row is None:
            raise NotFoundError(f"There is no vendor with id {vendor_id}.")
        return row

    def by_name(self, name: str) -> VendorRow | None:
        """Case-insensitive lookup by name."""
        return self.session.scalars(
            select(VendorRow).where(func.lower(VendorRow.name) == name.strip().lower())
        ).first()

    def add(self, vendor: Vendor) -> Vendor:
        """Insert a vendor with its contacts."""
        now = _now()
        row = VendorRow(name=vendor.name, country=vendor.country, ownership_notes=vendor.ownership_notes,
                        website=vendor.website, notes=vendor.notes, created_at=now, updated_at=now)
        row.contacts = [ContactRow(position=i, name=c.name, role=c.role, email=c.email, phone=c.phone)
                        for i, c in enumerate(vendor.contacts)]
        self.session.add(row)
        self.session.flush()
        return vendor_from_row(row)

    def update(self, vendor: Vendor) -> tuple[Vendor, Vendor]:
        """Update a vendor; returns (before, after). A ``vendor.version`` that someone else has
        moved on raises :class:`StaleWriteError` (see :func:`claim_version`)."""
        assert vendor.id is not None
        row = locked(self.session, VendorRow, vendor.id) or self.row(vendor.id)
        before = vendor_from_row(row)
        claim_version(row, vendor.version, "vendor", vendor.id, yours=vendor, theirs=before)
        row.name, row.country, row.ownership_notes = vendor.name, vendor.country, vendor.ownership_notes
        row.website, row.notes, row.updated_at = vendor.website, vendor.notes, _now()
        row.contacts = [ContactRow(position=i, name=c.name, role=c.role, email=c.email, phone=c.phone)
                        for i, c in enumerate(vendor.contacts)]
        self.session.flush()
        return before, vendor_from_row(row)

    def all_vendors(self) -> list[Vendor]:
        """All vendors by name."""
        rows = self.session.scalars(select(VendorRow).order_by(func.lower(VendorRow.name))).all()
        return [vendor_from_row(r) for r in rows]

    def delete(self, vendor_id: int) -> Vendor:
        """Delete a vendor and everything that belongs to it."""
        row = self.row(vendor_id)
        vendor = vendor_from_row(row)
        self.session.delete(row)
        self.session.flush()
        return vendor

    def product_row(self, product_id: int) -> ProductRow:
        """The product row; NotFoundError when absent."""
        row = self.session.get(ProductRow, product_id)
        if row is None:
            raise NotFoundError(f"There is no product with id {product_id}.")
        return row

    def product_by_name(self, vendor_id: int, name: str) -> ProductRow | None:
        """Case-insensitive product lookup within a vendor."""
        return self.session.scalars(
            select(ProductRow).where(ProductRow.vendor_id == vendor_id,
                                     func.lower(ProductRow.name) == name.strip().lower())
        ).first()

    def add_product(self, product: Product) -> Product:
        """Insert a product."""
        vendor = self.row(product.vendor_id)
        row = ProductRow(vendor_id=product.vendor_id, name=product.name, category=product.category.value,
                         version=product.version, deployment_notes=product.deployment_notes, created_at=_now())
        self.session.add(row)
        self.session.flush()
        return product_from_row(row, vendor.name)

    def update_product(self, product: Product) -> tuple[Product, Product]:
        """Update a product; returns (before, after)."""
        assert product.id is not None
        row = self.product_row(product.id)
        vendor_name = row.vendor.name
        before = product_from_row(row, vendor_name)
        row.name, row.category, row.version = product.name, product.category.value, product.version
        row.deployment_notes = product.deployment_notes
        self.session.flush()
        return before, product_from_row(row, vendor_name)

    def products(self, vendor_id: int | None = None) -> list[Product]:
        """Products, of one vendor or all, by vendor then name."""
        stmt = select(ProductRow, VendorRow.name).join(VendorRow).order_by(
            func.lower(VendorRow.name), func.lower(ProductRow.name))
        if vendor_id is not None:
            stmt = stmt.where(ProductRow.vendor_id == vendor_id)
        return [product_from_row(p, vname) for p, vname in self.session.execute(stmt).all()]


class AssessmentRepository:
    """Assessments, answers, flag acceptances, snapshots, imports and exports."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def row(self, assessment_id: int) -> AssessmentRow:
        """The assessment row; NotFoundError when absent."""
        row = self.session.get(AssessmentRow, assessment_id)
        if row is None:
            raise NotFoundError(f"There is no assessment with id {assessment_id}.")
        return row

    def by_uid(self, uid: str) -> AssessmentRow | None:
        """Lookup by the workspace-independent uid written into workbooks."""
        return self.session.scalars(select(AssessmentRow).where(AssessmentRow.uid == uid)).first()

    def get(self, assessment_id: int) -> Assessment:
        """The domain assessment with vendor and product names."""
        row = self.row(assessment_id)
        return assessment_from_row(row, row.vendor.name, row.product.name, row.product.category)

    def find(self, vendor_id: int | None = None, product_id: int | None = None,
             status: AssessmentStatus | None = None) -> list[Assessment]:
        """Assessments, newest first, with vendor and product names (one query)."""
        stmt = (select(AssessmentRow, VendorRow.name, ProductRow.name, ProductRow.category)
                .join(VendorRow, AssessmentRow.vendor_id == VendorRow.id)
                .join(ProductRow, AssessmentRow.product_id == ProductRow.id)
                .order_by(AssessmentRow.created_at.desc(), AssessmentRow.id.desc()))
        if vendor_id is not None:
            stmt = stmt.where(AssessmentRow.vendor_id == vendor_id)
        if product_id is not None:
            stmt = stmt.where(AssessmentRow.product_id == product_id)
        if status is not None:
            stmt = stmt.where(AssessmentRow.status == status.value)
        return [assessment_from_row(r, v, p, c) for r, v, p, c in self.session.execute(stmt).all()]

    def add(self, **fields: Any) -> AssessmentRow:
        """Add an assessment row with ``fields`` (flushed: it has its id)."""
        row = AssessmentRow(**fields)
        self.session.add(row)
        self.session.flush()
        return row

    def locked_row(self, assessment_id: int) -> AssessmentRow | None:
        """The assessment's row locked until the transaction ends (see :func:`locked`), or None."""
        row: AssessmentRow | None = locked(self.session, AssessmentRow, assessment_id)
        return row

    def names(self) -> dict[int, tuple[str, str]]:
        """(vendor name, product name) of every assessment, by assessment id (one query)."""
        rows = self.session.execute(
            select(AssessmentRow.id, VendorRow.name, ProductRow.name)
            .join(VendorRow, AssessmentRow.vendor_id == VendorRow.id)
            .join(ProductRow, AssessmentRow.product_id == ProductRow.id)).all()
        return {aid: (vendor, product) for aid, vendor, product in rows}

    def add_answer_row(self, assessment_id: int, question_id: str, **fields: Any) -> AnswerRow:
        """Add an answer row (not flushed) and return it for the caller to fill in."""
        row = AnswerRow(assessment_id=assessment_id, question_id=question_id, **fields)
        self.session.add(row)
        return row

    def add_flag_acceptance(self, assessment_id: int, flag_id: str, reason: str, accepted_by: str,
                            accepted_at: datetime) -> None:
        """Record a red flag accepted as mitigated."""
        self.session.add(FlagAcceptanceRow(assessment_id=assessment_id, flag_id=flag_id, reason=reason,
                                           accepted_by=accepted_by, accepted_at=accepted_at))

    def flag_acceptance_row(self, assessment_id: int, flag_id: str) -> FlagAcceptanceRow | None:
        """The stored acceptance of a red flag, if any."""
        return self.session.scalars(select(FlagAcceptanceRow).where(
            FlagAcceptanceRow.assessment_id == assessment_id, FlagAcceptanceRow.flag_id == flag_id)).first()

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        """All answers of an assessment keyed by question id, with their evidence links."""
        links: dict[str, list[int]] = {}
        for qid, eid in self.session.execute(
            select(AnswerEvidenceRow.question_id, AnswerEvidenceRow.evidence_id)
            .where(AnswerEvidenceRow.assessment_id == assessment_id)
            .order_by(AnswerEvidenceRow.evidence_id)
        ).all():
            links.setdefault(qid, []).append(eid)
        rows = self.session.scalars(select(AnswerRow).where(AnswerRow.assessment_id == assessment_id)).all()
        result = {r.question_id: answer_from_row(r, links.get(r.question_id, ())) for r in rows}
        for qid, eids in links.items():
            if qid not in result:
                result[qid] = Answer(question_id=qid, value=None, evidence_ids=tuple(eids))
        return result

    def answer_rows(self, assessment_id: int) -> dict[str, AnswerRow]:
        """All answer rows of an assessment keyed by question id (for batch updates)."""
        # Locked until the transaction ends (FOR UPDATE, PostgreSQL): a batch and a concurrent
        # save of one of its answers are serialised, never interleaved.
        rows = self.session.scalars(select(AnswerRow).where(AnswerRow.assessment_id == assessment_id)
                                    .with_for_update()).all()
        return {r.question_id: r for r in rows}

    def answer_row(self, assessment_id: int, question_id: str, lock: bool = False) -> AnswerRow | None:
        """The stored answer row, if any (``lock``: held until the transaction ends, see :func:`locked`)."""
        query = select(AnswerRow).where(AnswerRow.assessment_id == assessment_id,
                                        AnswerRow.question_id == question_id)
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        return self.session.scalars(query).first()

    def flag_acceptances(self, assessment_id: int) -> dict[str, FlagAcceptance]:
        """Accepted flags keyed by flag id."""
        rows = self.session.scalars(select(FlagAcceptanceRow).where(
            FlagAcceptanceRow.assessment_id == assessment_id)).all()
        return {r.flag_id: FlagAcceptance(r.flag_id, r.reason, r.accepted_by, r.accepted_at) for r in rows}

    def latest_snapshot(self, assessment_id: int) -> ScoreSnapshotRow | None:
        """The newest score snapshot of an assessment."""
        return self.session.scalars(select(ScoreSnapshotRow).where(
            ScoreSnapshotRow.assessment_id == assessment_id).order_by(ScoreSnapshotRow.id.desc())).first()


class EvidenceRepository:
    """Evidence records, their stored files and their links to answers."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def row(self, evidence_id: int) -> EvidenceRow:
        """The evidence row; NotFoundError when absent."""
        row = self.session.get(EvidenceRow, evidence_id)
        if row is None:
            raise NotFoundError(f"There is no evidence with id {evidence_id}.")
        return row

    def store_blob(self, data: bytes) -> str:
        """Store file content once per hash; returns the SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        if self.session.get(EvidenceBlobRow, digest) is None:
            self.session.add(EvidenceBlobRow(sha256=digest, size=len(data), data=data))
        return digest

    def blob(self, sha256: str) -> bytes:
        """The stored file content."""
        row = self.session.get(EvidenceBlobRow, sha256)
        if row is None:
            raise NotFoundError(f"The file with hash {sha256[:12]}... is not in this workspace.")
        return row.data

    def add(self, evidence: Evidence, added_by: str) -> Evidence:
        """Insert an evidence record."""
        row = EvidenceRow(
            vendor_id=evidence.vendor_id, product_id=evidence.product_id, title=evidence.title,
            kind=evidence.kind.value, issuer=evidence.issuer, independent=evidence.independent,
            issued_on=evidence.issued_on, expires_on=evidence.expires_on, file_name=evidence.file_name,
            sha256=evidence.sha256 or None, size=evidence.size, url=evidence.url, notes=evidence.notes,
            added_at=_now(), added_by=added_by,
        )
        self.session.add(row)
        self.session.flush()
        return evidence_from_row(row)

    def find(self, vendor_id: int | None = None, ids: Iterable[int] | None = None) -> list[Evidence]:
        """Evidence of a vendor (or the given ids), by expiry then title."""
        # Undated first, said explicitly: SQLite sorts NULLs first, PostgreSQL (team mode) last.
        # "IS NOT NULL" rather than NULLS FIRST, which SQLite before 3.30 does not parse. The id
        # keeps equal titles in one order on both.
        stmt = select(EvidenceRow).order_by(EvidenceRow.expires_on.is_not(None), EvidenceRow.expires_on,
                                            EvidenceRow.title, EvidenceRow.id)
        if vendor_id is not None:
            stmt = stmt.where(EvidenceRow.vendor_id == vendor_id)
        if ids is not None:
            stmt = stmt.where(EvidenceRow.id.in_(list(ids)))
        items = {r.id: evidence_from_row(r) for r in self.session.scalars(stmt).all()}
        attach_facts(self.session, items)  # SBOM/VEX facts travel with the evidence
        return list(items.values())

    def link(self, assessment_id: int, question_id: str, evidence_id: int) -> bool:
        """Link evidence to an answer; False when already linked."""
        key = (assessment_id, question_id, evidence_id)
        if self.session.get(AnswerEvidenceRow, key) is not None:
            return False
        self.session.add(AnswerEvidenceRow(assessment_id=assessment_id, question_id=question_id,
                                           evidence_id=evidence_id))
        return True

    def unlink(self, assessment_id: int, question_id: str, evidence_id: int) -> bool:
        """Remove a link; False when there was none."""
        result = self.session.execute(delete(AnswerEvidenceRow).where(
            AnswerEvidenceRow.assessment_id == assessment_id, AnswerEvidenceRow.question_id == question_id,
            AnswerEvidenceRow.evidence_id == evidence_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def links_for_evidence(self, evidence_id: int) -> list[tuple[int, str, str]]:
        """(assessment id, question id, assessment status) of every answer the evidence supports."""
        return [(a, q, s) for a, q, s in self.session.execute(
            select(AnswerEvidenceRow.assessment_id, AnswerEvidenceRow.question_id, AssessmentRow.status)
            .join(AssessmentRow, AssessmentRow.id == AnswerEvidenceRow.assessment_id)
            .where(AnswerEvidenceRow.evidence_id == evidence_id)
            .order_by(AnswerEvidenceRow.assessment_id, AnswerEvidenceRow.question_id)).all()]

    def delete(self, evidence_id: int) -> None:
        """Delete an evidence record with its links, and its stored file when no other record
        shares it (files are stored once per hash)."""
        row = self.row(evidence_id)
        digest = row.sha256
        self.session.execute(delete(AnswerEvidenceRow).where(AnswerEvidenceRow.evidence_id == evidence_id))
        self.session.delete(row)
        self.session.flush()
        if digest:
            still_used = self.session.scalar(
                select(func.count()).select_from(EvidenceRow).where(EvidenceRow.sha256 == digest))
            if not still_used:
                self.session.execute(delete(EvidenceBlobRow).where(EvidenceBlobRow.sha256 == digest))

    def locked_row(self, evidence_id: int) -> EvidenceRow:
        """The evidence row locked until the transaction ends (see :func:`locked`)."""
        row: EvidenceRow | None = locked(self.session, EvidenceRow, evidence_id)
        return row if row is not None else self.row(evidence_id)

    def titles(self) -> dict[int, str]:
        """Every evidence title by evidence id."""
        return {eid: title for eid, title in self.session.execute(select(EvidenceRow.id, EvidenceRow.title))}

    def links_for_assessment(self, assessment_id: int) -> list[tuple[str, int]]:
        """(question id, evidence id) pairs of an assessment."""
        # Ordered as SQLite's primary-key index returns them; PostgreSQL (team mode) would return
        # them in the order they were linked, and an answer's evidence would change order.
        return [(q, e) for q, e in self.session.execute(
            select(AnswerEvidenceRow.question_id, AnswerEvidenceRow.evidence_id)
            .where(AnswerEvidenceRow.assessment_id == assessment_id)
            .order_by(AnswerEvidenceRow.question_id, AnswerEvidenceRow.evidence_id)).all()]


class HistoryRepository:
    """The append-only change log."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, actor: str, entity: str, entity_id: Any, field: str = "", old: Any = None,
               new: Any = None, assessment_id: int | None = None, note: str = "") -> None:
        """Append one entry. Values are stored as JSON text (None stays NULL)."""
        self.session.add(ChangeLogRow(
            at=_now(), actor=actor, entity=entity, entity_id=str(entity_id), field=field,
            old_value=_to_text(old), new_value=_to_text(new), assessment_id=assessment_id, note=note,
        ))

    def last_id(self) -> int:
        """The id of the newest entry (0 for an empty log)."""
        return int(self.session.execute(select(func.max(ChangeLogRow.id))).scalar() or 0)

    def after(self, last_id: int, limit: int = 500) -> list[tuple[int, str, str, str, int | None]]:
        """Entries newer than ``last_id``, oldest first: (id, actor, entity, entity_id, assessment_id)."""
        rows = self.session.execute(
            select(ChangeLogRow.id, ChangeLogRow.actor, ChangeLogRow.entity, ChangeLogRow.entity_id,
                   ChangeLogRow.assessment_id).where(ChangeLogRow.id > last_id).order_by(ChangeLogRow.id).limit(limit))
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def entries(self, assessment_id: int | None = None, entity: str | None = None,
                entity_id: Any = None, limit: int = 1000) -> list[ChangeLogEntry]:
        """Newest first."""
        stmt = select(ChangeLogRow).order_by(ChangeLogRow.id.desc()).limit(limit)
        if assessment_id is not None:
            stmt = stmt.where(ChangeLogRow.assessment_id == assessment_id)
        if entity is not None:
            stmt = stmt.where(ChangeLogRow.entity == entity)
        if entity_id is not None:
            stmt = stmt.where(ChangeLogRow.entity_id == str(entity_id))
        return [ChangeLogEntry(r.id, r.at, r.actor, r.entity, r.entity_id, r.field, r.old_value, r.new_value,
                               r.assessment_id, r.note) for r in self.session.scalars(stmt).all()]


class SettingsRepository:
    """Workspace-level settings stored as JSON."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str, default: Any = None) -> Any:
        """A setting's value or ``default``."""
        row = self.session.get(SettingRow, key)
        return default if row is None else row.value

    def set(self, key: str, value: Any) -> None:
        """Set a setting."""
        self.session.merge(SettingRow(key=key, value=value))


class QuestionnaireTextRepository:
    """Copies of the questionnaire versions the workspace uses."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, questionnaire_id: str, version: str) -> QuestionnaireTextRow | None:
        """The stored copy, if any."""
        return self.session.get(QuestionnaireTextRow, (questionnaire_id, version))

    def put(self, questionnaire_id: str, version: str, text: str, origin: str) -> None:
        """Store a copy once (an existing copy of the same version is kept: versions are immutable)."""
        if self.get(questionnaire_id, version) is None:
            self.session.add(QuestionnaireTextRow(
                questionnaire_id=questionnaire_id, version=version, text=text,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), origin=origin, added_at=_now()))

    def all_texts(self) -> list[QuestionnaireTextRow]:
        """All stored copies."""
        return list(self.session.scalars(select(QuestionnaireTextRow)).all())


def _to_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

