"""SQLAlchemy 2.x typed ORM models of a workspace.

Nothing above ``storage`` sees these classes: repositories turn rows into domain objects.
The schema is created and evolved only by Alembic migrations (``storage/migrations``); a test
checks that the migrations and these models agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (needed by batch migrations)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class WorkspaceMetaRow(Base):
    """Identity of the workspace: app marker, workspace id, creation time."""

    __tablename__ = "workspace_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    """Workspace-level settings (scoring profile override, organisation name...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class QuestionnaireTextRow(Base):
    """A copy of every questionnaire version used in the workspace, so assessments keep their
    basis even when the bundled questionnaire changes or a custom one is removed."""

    __tablename__ = "questionnaire_texts"
    questionnaire_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(32), default="bundled")
    added_at: Mapped[datetime] = mapped_column(DateTime)


class VendorRow(Base):
    """A vendor."""

    __tablename__ = "vendors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    country: Mapped[str] = mapped_column(String(2), default="")
    ownership_notes: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    contacts: Mapped[list[ContactRow]] = relationship(
        back_populates="vendor", cascade="all, delete-orphan", order_by="ContactRow.position"
    )
    products: Mapped[list[ProductRow]] = relationship(back_populates="vendor", cascade="all, delete-orphan")
    #: Optimistic concurrency (0012): moved on by every save of this row; a save naming an older
    #: version is refused (team mode: no lost update).
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class ContactRow(Base):
    """A person at a vendor."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    vendor: Mapped[VendorRow] = relationship(back_populates="contacts")


class ProductRow(Base):
    """A product or service of a vendor."""

    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("vendor_id", "name", name="uq_products_vendor_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(100), default="")
    deployment_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    vendor: Mapped[VendorRow] = relationship(back_populates="products")


class AssessmentRow(Base):
    """An assessment of one product against one questionnaire version."""

    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)
    tier: Mapped[int | None] = mapped_column(Integer)
    tier_override: Mapped[int | None] = mapped_column(Integer)
    tier_override_reason: Mapped[str] = mapped_column(Text, default="")
    profile_answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scope_added: Mapped[list[str]] = mapped_column(JSON, default=list)
    scope_removed: Mapped[list[str]] = mapped_column(JSON, default=list)
    assessor: Mapped[str] = mapped_column(String(200), default="")
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    decision: Mapped[str | None] = mapped_column(String(32))
    decision_by: Mapped[str] = mapped_column(String(200), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_notes: Mapped[str] = mapped_column(Text, default="")
    #: Why a decision departs from the recommendation or was taken on too few answers (0004).
    decision_justification: Mapped[str | None] = mapped_column(Text, nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    next_review_due: Mapped[date | None] = mapped_column(Date)
    previous_assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id", ondelete="SET NULL"))
    procurement: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    #: Regulatory overlays applied to this assessment: ``[{"id": ..., "version": ...}]`` (0011).
    overlays: Mapped[list[dict[str, str]] | None] = mapped_column(JSON, nullable=True)
    #: The buyer-module version the buyer's answers belong to; None until the first one (0011).
    buyer_module_version: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: The scoring-profile version this assessment is scored with (0011); None means the newest.
    scoring_profile_version: Mapped[str | None] = mapped_column(String(32), nullable=True)
    vendor: Mapped[VendorRow] = relationship()
    product: Mapped[ProductRow] = relationship()
    answers: Mapped[list[AnswerRow]] = relationship(back_populates="assessment", cascade="all, delete-orphan")
    #: Optimistic concurrency (0012): moved on by every save of this row; a save naming an older
    #: version is refused (team mode: no lost update).
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class ImportRow(Base):
    """Provenance of one imported vendor workbook."""

    __tablename__ = "imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    importer: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ExportRow(Base):
    """A questionnaire workbook sent to a vendor, with the answers it carried (to detect
    conflicts with the officer's later edits when the workbook comes back)."""

    __tablename__ = "exports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    exported_by: Mapped[str] = mapped_column(String(200), default="")
    file_name: Mapped[str] = mapped_column(String(500), default="")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    question_ids: Mapped[list[str]] = mapped_column(JSON, default=list)


class AnswerRow(Base):
    """The answer to one question of one assessment."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id", name="uq_answers_assessment_question"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(16), default="buyer")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    needs_follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    to_confirm: Mapped[bool] = mapped_column(Boolean, default=False)
    vendor_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id", ondelete="SET NULL"))
    #: Pre-filled from the answer library: the earlier assessment and the date it was answered.
    origin_assessment_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    origin_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Rule 3 of docs/scoring.md: a reviewer's acceptance of a "not applicable" answer (0003).
    na_accepted_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    na_accepted_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    na_accepted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: Why a carried answer must be confirmed, e.g. "reworded in 1.1.0: question text" (0011).
    confirm_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    assessment: Mapped[AssessmentRow] = relationship(back_populates="answers")
    #: Optimistic concurrency (0012): moved on by every save of this row; a save naming an older
    #: version is refused (team mode: no lost update).
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class EvidenceBlobRow(Base):
    """Evidence file content, stored once per SHA-256 inside the workspace file."""

    __tablename__ = "evidence_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class EvidenceRow(Base):
    """A piece of evidence: certificate, audit report, SBOM..."""

    __tablename__ = "evidence"
    # The register's evidence counts per vendor read this index alone (0013, storage/register_sql.py).
    __table_args__ = (Index("ix_evidence_vendor_expires", "vendor_id", "expires_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    issuer: Mapped[str] = mapped_column(String(300), default="")
    independent: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    file_name: Mapped[str] = mapped_column(String(500), default="")
    sha256: Mapped[str | None] = mapped_column(ForeignKey("evidence_blobs.sha256"))
    size: Mapped[int] = mapped_column(Integer, default=0)
    url: Mapped[str] = mapped_column(String(2000), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(200), default="")
    #: Optimistic concurrency (0012): moved on by every save of this row; a save naming an older
    #: version is refused (team mode: no lost update).
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class EvidenceFactsRow(Base):
    """What a machine-readable evidence file (SBOM, VEX) says about itself, parsed when added."""

    __tablename__ = "evidence_facts"
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(40))
    facts: Mapped[Any] = mapped_column(JSON)
    parsed_at: Mapped[datetime] = mapped_column(DateTime)


class AnswerEvidenceRow(Base):
    """Links evidence to the answers it supports."""

    __tablename__ = "answer_evidence"
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True)


class FlagAcceptanceRow(Base):
    """A red flag a reviewer accepted as mitigated, with the reason."""

    __tablename__ = "flag_acceptances"
    __table_args__ = (UniqueConstraint("assessment_id", "flag_id", name="uq_flag_acceptances_assessment_flag"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    flag_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    accepted_by: Mapped[str] = mapped_column(String(200), default="")
    accepted_at: Mapped[datetime] = mapped_column(DateTime)


class ScoreSnapshotRow(Base):
    """A stored scoring result (taken when an assessment is decided, or by a bulk rescore)."""

    __tablename__ = "score_snapshots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    as_of: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(32), default="decision")
    profile_id: Mapped[str] = mapped_column(String(64), default="")
    questionnaire_key: Mapped[str] = mapped_column(String(100), default="")
    overall_score: Mapped[float | None] = mapped_column(Float)
    rating: Mapped[str] = mapped_column(String(16), default="")
    recommendation: Mapped[str] = mapped_column(String(32), default="")
    tier: Mapped[int | None] = mapped_column(Integer)
    completeness: Mapped[float] = mapped_column(Float, default=0.0)
    open_flags: Mapped[int] = mapped_column(Integer, default=0)
    critical_flags: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The assessment's updated_at the snapshot was computed from, and the first day its linked
    # evidence changes state: the register compares both without reading the payload.
    basis_updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    valid_until: Mapped[date | None] = mapped_column(Date)
    # The scoring profile's version that produced this score (0003).
    profile_version: Mapped[str | None] = mapped_column(String(32), nullable=True)


class ChangeLogRow(Base):
    """Append-only change log (UPDATE and DELETE are refused by triggers)."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200), default="")
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    assessment_id: Mapped[int | None] = mapped_column(Integer, index=True)
    note: Mapped[str] = mapped_column(Text, default="")


class WorkspaceSecretRow(Base):
    """Secrets that never leave the workspace file (the key of the workbook seal).

    Kept apart from ``workspace_meta`` (which describes the workspace and may be shown) so no
    code that lists identity or settings can ever carry a secret into an export or a report.
    """

    __tablename__ = "workspace_secrets"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ExportBindingRow(Base):
    """Which assessment (and so which vendor and product) an exported workbook was made for.

    A returned workbook is accepted only into the assessment its export uid is recorded for;
    ``seal`` says how the workbook was sealed ("hmac-sha256", or "sha256" for exports made
    before the keyed seal), so an old-style seal on a newer export shows as tampering.
    """

    __tablename__ = "export_bindings"
    export_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    vendor_name: Mapped[str] = mapped_column(String(200), default="")
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    seal: Mapped[str] = mapped_column(String(16))
