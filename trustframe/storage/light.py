"""A light read path for listing commands, the import dry run and the GUI's start-up: the
standard library's sqlite3, no SQLAlchemy.

Why: ``trustframe vendor list`` spent most of its time importing SQLAlchemy and the service
layer (28.8x a bare sqlite3 query of the same file). Listing needs one read-only query. The
light path is used only when it is safe; otherwise it returns None and the caller opens the
workspace the normal way, which gives the usual messages (not a workspace, written by a newer
version, locked...) and migrates when needed:

* the file exists and is a TrustFrame workspace (its ``workspace_meta`` marker),
* its schema revision is the current one (the head of the migration scripts): an older file needs
  ``workspace upgrade``, and the normal open says so rather than reading it,
* the query succeeds (any sqlite3 error falls back).

Read-only (``mode=ro``): it never creates, migrates or locks a file for writing.

The GUI uses :func:`open_reader` to show the register before SQLAlchemy and the services have
loaded (they load on a worker thread meanwhile); the same rules apply, so a damaged, foreign,
older or newer file is never read here and gets the normal open with its clear refusal.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trustframe.domain.assessment import Answer, AnswerSource, Assessment, AssessmentStatus, Decision
from trustframe.domain.exchange import ExportBinding, ExportRecord, ImportRecord
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.vendors import Contact, Vendor
from trustframe.errors import TrustFrameError
from trustframe.storage.register_sql import REGISTER_SQL

MIGRATION_SCRIPTS = Path(__file__).resolve().parent / "migrations" / "versions"
APP_MARKER = "trustframe"


_REVISION = re.compile(r"^revision\s*=\s*['\"](\w+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"](\w+)['\"]", re.MULTILINE)


def _head_revision() -> str | None:
    """The newest schema revision: the one no migration script revises (read from the scripts'
    text, so that this path imports neither Alembic nor SQLAlchemy)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in MIGRATION_SCRIPTS.glob("*.py"):
        if script.name.startswith("_"):
            continue
        text = script.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(text))
        revised.update(_DOWN.findall(text))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def _lower(text: Any) -> Any:
    """SQL ``lower()`` folding every letter (SQLite's own folds ASCII letters only)."""
    return text.lower() if isinstance(text, str) else text


def _connect(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        # The lower() the services' connections use (storage/database.py): vendors with accented
        # names are then in the same order before and after the services load.
        connection.create_function("lower", 1, _lower, deterministic=True)
        revisions = [r[0] for r in connection.execute("SELECT version_num FROM alembic_version")]
        marker = connection.execute("SELECT value FROM workspace_meta WHERE key = 'app'").fetchone()
    except sqlite3.Error:
        return None
    if len(revisions) != 1 or revisions[0] != _head_revision() or marker is None or marker[0] != APP_MARKER:
        connection.close()
        return None
    return connection


def _when(value: object) -> datetime | None:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def read_vendors(path: Path) -> list[Vendor] | None:
    """Every vendor with its contacts, by name (as ``VendorService.list_vendors``), or None when
    the light path cannot be used for this file."""
    connection = _connect(Path(path))
    if connection is None:
        return None
    try:
        contacts: dict[int, list[Contact]] = {}
        for vendor_id, name, role, email, phone in connection.execute(
                "SELECT vendor_id, name, role, email, phone FROM contacts ORDER BY vendor_id, position, id"):
            contacts.setdefault(vendor_id, []).append(Contact(name, role or "", email or "", phone or ""))
        rows = connection.execute(
            "SELECT id, name, country, ownership_notes, website, notes, created_at FROM vendors ORDER BY lower(name)")
        return [Vendor(id=row[0], name=row[1], country=row[2] or "", ownership_notes=row[3] or "",
                       website=row[4] or "", notes=row[5] or "", contacts=tuple(contacts.get(row[0], ())),
                       created_at=_when(row[6]))
                for row in rows]
    except sqlite3.Error:
        return None
    finally:
        connection.close()


class LightReader:
    """A read-only sqlite3 connection to a workspace at the head revision (see the module
    docstring), for reads that must not wait for SQLAlchemy. Close it (or use ``with``)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path

    def __enter__(self) -> LightReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    def setting(self, key: str, default: Any = None) -> Any:
        """A workspace-level setting (stored as JSON, as ``SettingsRepository`` writes it)."""
        row = self._connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None or row[0] is None:
            return default
        value = row[0]
        return json.loads(value) if isinstance(value, (str, bytes)) else value

    def vendor_count(self) -> int:
        """How many vendors the workspace has."""
        return int(self._connection.execute("SELECT count(*) FROM vendors").fetchone()[0])

    def register_lines(self, as_of: date, soon: date, first_vendors: int | None = None) -> Iterator[tuple[Any, ...]]:
        """The register's lines, streamed (the query and columns of
        :meth:`trustframe.storage.scoring_repository.ScoringRepository.register_lines`).
        ``first_vendors``: only the lines of that many vendors first by name (SQLite's
        ASCII-only case folding: the first screenful, see :mod:`trustframe.ui.startup`).
        Raises ``sqlite3.Error`` when the file cannot be read; the caller falls back."""
        cursor = self._connection.cursor()
        cursor.arraysize = 2000
        sql, params = REGISTER_SQL, [as_of.isoformat(), soon.isoformat()]
        if first_vendors is not None:
            sql += " WHERE v.id IN (SELECT id FROM vendors ORDER BY name COLLATE NOCASE, id LIMIT ?3)"
            params.append(str(int(first_vendors)))
        try:
            cursor.execute(sql, params)
            while True:
                batch = cursor.fetchmany()
                if not batch:
                    return
                yield from batch
        finally:
            cursor.close()


def open_reader(path: Path | str) -> LightReader | None:
    """A :class:`LightReader` for ``path``, or None when the light path cannot be used for this
    file (missing, not a TrustFrame workspace, another schema revision, unreadable): the caller
    then opens it the normal way, which refuses or migrates with its usual messages."""
    target = Path(path)
    connection = _connect(target)
    return None if connection is None else LightReader(connection, target)


# ------------------------------------------------------------------------------------------------
# The import dry run's reads (``import-response --dry-run``)


class LightReadFailed(TrustFrameError):
    """An sqlite3 error on the light path: the caller falls back to the normal open (which
    reports the problem in its usual words, or succeeds where a read-only connection could not)."""


def _decode_json(value: object) -> Any:
    """A JSON column as SQLAlchemy's SQLite JSON type returns it: NULL and JSON null are both
    None; a number comes back as the number itself, because the column's NUMERIC affinity makes
    SQLite store the JSON text ``12`` as the integer 12 (``12.5`` as a real)."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    return json.loads(value)  # type: ignore[arg-type]  # text, or bytes for a BLOB


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


_ASSESSMENT_COLUMNS = (
    "a.id, a.vendor_id, a.product_id, a.questionnaire_id, a.questionnaire_version, a.status, a.tier, "
    "a.tier_override, a.tier_override_reason, a.profile_answers, a.scope_added, a.scope_removed, a.assessor, "
    "a.reviewer, a.decision, a.decision_by, a.decision_date, a.decision_notes, a.due_date, "
    "a.decision_justification, a.next_review_due, a.previous_assessment_id, a.procurement, a.created_at, "
    "a.updated_at, v.name, p.name, p.category, a.overlays, a.buyer_module_version, a.scoring_profile_version")


class LightWorkspace:
    """Read-only access to one workspace with the standard library's ``sqlite3``: exactly the
    reads the import preview makes, returning the same domain objects as the repositories.

    Open with :meth:`open` (None when the light path may not be used for the file); every
    sqlite3 error afterwards raises :class:`LightReadFailed`. Values are decoded the way
    SQLAlchemy's column types decode them (JSON text, ISO dates and times, 0/1 booleans).
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    @classmethod
    def open(cls, path: Path) -> LightWorkspace | None:
        """The workspace at ``path`` for reading, or None when the normal open must be used: not
        a workspace at the head revision, or one the normal open for writing would refuse (a
        read-only file or folder), so that the outcome never depends on which path ran."""
        import os

        path = Path(path).expanduser()
        if not path.is_file() or not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            return None
        connection = _connect(path)
        return cls(path, connection) if connection is not None else None

    def close(self) -> None:
        """Release the connection."""
        self._connection.close()

    def __enter__(self) -> LightWorkspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        try:
            return self._connection.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise LightReadFailed(str(exc)) from exc

    # -- identity --------------------------------------------------------------------------------

    @property
    def workspace_id(self) -> str:
        """As :attr:`Workspace.workspace_id`."""
        rows = self._rows("SELECT value FROM workspace_meta WHERE key = 'workspace_id'")
        return rows[0][0] if rows else ""

    def seal_key(self) -> bytes:
        """As ``ExportBindingRepository.seal_key`` (same refusal when the key is missing)."""
        from trustframe.domain.exchange import SEAL_KEY_MISSING, SEAL_KEY_NAME
        from trustframe.errors import WorkspaceError

        rows = self._rows("SELECT value FROM workspace_secrets WHERE name = ?", SEAL_KEY_NAME)
        if not rows or not rows[0][0]:
            raise WorkspaceError(SEAL_KEY_MISSING)
        return bytes(rows[0][0])

    def binding(self, export_uid: str) -> ExportBinding | None:
        """As ``ExportBindingRepository.get``."""
        rows = self._rows("SELECT export_uid, assessment_id, vendor_id, product_id, exported_at, seal, vendor_name "
                          "FROM export_bindings WHERE export_uid = ? LIMIT 1", export_uid)
        if not rows:
            return None
        uid, assessment_id, vendor_id, product_id, exported_at, seal, vendor_name = rows[0]
        return ExportBinding(export_uid=uid, assessment_id=assessment_id, vendor_id=vendor_id,
                             product_id=product_id, exported_at=_when(exported_at), seal=seal,  # type: ignore[arg-type]
                             vendor_name=vendor_name)

    # -- assessments -----------------------------------------------------------------------------

    def assessment(self, assessment_id: int) -> Assessment:
        """As ``AssessmentRepository.get`` (NotFoundError when absent)."""
        from trustframe.errors import NotFoundError

        rows = self._rows(f"SELECT {_ASSESSMENT_COLUMNS} FROM assessments a JOIN vendors v ON v.id = a.vendor_id "
                          "JOIN products p ON p.id = a.product_id WHERE a.id = ?", assessment_id)
        if not rows:
            raise NotFoundError(f"There is no assessment with id {assessment_id}.")
        r = rows[0]
        return Assessment(
            id=r[0], vendor_id=r[1], product_id=r[2], questionnaire_id=r[3], questionnaire_version=r[4],
            status=AssessmentStatus(r[5]), tier=r[6], tier_override=r[7], tier_override_reason=r[8],
            profile_answers=dict(_decode_json(r[9]) or {}), scope_added=tuple(_decode_json(r[10]) or ()),
            scope_removed=tuple(_decode_json(r[11]) or ()), assessor=r[12], reviewer=r[13],
            decision=Decision(r[14]) if r[14] else None, decision_by=r[15], decision_date=_day(r[16]),
            decision_notes=r[17], due_date=_day(r[18]), decision_justification=r[19] or "",
            next_review_due=_day(r[20]), previous_assessment_id=r[21], procurement=r[22],
            created_at=_when(r[23]), updated_at=_when(r[24]), vendor_name=r[25], product_name=r[26],
            product_category=ProductCategory(r[27]) if r[27] else None,
            overlays=tuple((str(o.get("id", "")), str(o.get("version", ""))) for o in (_decode_json(r[28]) or [])
                           if isinstance(o, dict)),
            buyer_module_version=r[29], scoring_profile_version=r[30])

    def assessment_id_by_uid(self, uid: str) -> int | None:
        """The id of the assessment with this uid (``AssessmentRepository.by_uid``)."""
        rows = self._rows("SELECT id FROM assessments WHERE uid = ? LIMIT 1", uid)
        return rows[0][0] if rows else None

    def assessment_uid(self, assessment_id: int) -> str:
        """As ``AssessmentService.uid`` (NotFoundError when absent)."""
        from trustframe.errors import NotFoundError

        rows = self._rows("SELECT uid FROM assessments WHERE id = ?", assessment_id)
        if not rows:
            raise NotFoundError(f"There is no assessment with id {assessment_id}.")
        return str(rows[0][0])

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        """As ``AssessmentRepository.answers``: every answer with its evidence links."""
        links: dict[str, list[int]] = {}
        for qid, eid in self._rows("SELECT question_id, evidence_id FROM answer_evidence WHERE assessment_id = ? "
                                   "ORDER BY evidence_id", assessment_id):
            links.setdefault(qid, []).append(eid)
        result: dict[str, Answer] = {}
        for r in self._rows(
                "SELECT question_id, value, comment, source, override_reason, needs_follow_up, to_confirm, "
                "updated_at, updated_by, import_id, vendor_value, origin_assessment_id, origin_date, "
                "na_accepted_reason, na_accepted_by, na_accepted_at, confirm_note FROM answers WHERE assessment_id = ?",
                assessment_id):
            result[r[0]] = Answer(
                question_id=r[0], value=_decode_json(r[1]), comment=r[2], source=AnswerSource(r[3]),
                override_reason=r[4],
                # Both columns are NOT NULL (migration 0001); SQLite hands booleans back as 0/1.
                needs_follow_up=bool(r[5]), to_confirm=bool(r[6]), evidence_ids=tuple(links.get(r[0], ())),
                updated_at=_when(r[7]), updated_by=r[8], import_id=r[9], vendor_value=_decode_json(r[10]),
                origin_assessment_id=r[11], origin_date=_day(r[12]), na_accepted_reason=r[13] or "",
                na_accepted_by=r[14] or "", na_accepted_at=_when(r[15]), confirm_note=r[16] or "")
        for qid, eids in links.items():
            if qid not in result:
                result[qid] = Answer(question_id=qid, value=None, evidence_ids=tuple(eids))
        return result

    def questionnaire_text(self, questionnaire_id: str, version: str) -> str | None:
        """The workspace's copy of a questionnaire version (``QuestionnaireTextRepository.get``)."""
        rows = self._rows("SELECT text FROM questionnaire_texts WHERE questionnaire_id = ? AND version = ?",
                          questionnaire_id, version)
        return rows[0][0] if rows else None

    # -- exchange records ------------------------------------------------------------------------

    _EXPORT = "SELECT uid, assessment_id, exported_at, exported_by, file_name, answers, question_ids FROM exports"

    @staticmethod
    def _export(r: tuple[Any, ...]) -> ExportRecord:
        return ExportRecord(uid=r[0], assessment_id=r[1], exported_at=_when(r[2]), exported_by=r[3],  # type: ignore[arg-type]
                            file_name=r[4], answers=dict(_decode_json(r[5]) or {}),
                            question_ids=tuple(_decode_json(r[6]) or ()))

    def export_by_uid(self, uid: str) -> ExportRecord | None:
        """As ``ExchangeRecordRepository.export_by_uid``."""
        rows = self._rows(f"{self._EXPORT} WHERE uid = ? LIMIT 1", uid)
        return self._export(rows[0]) if rows else None

    def latest_export(self, assessment_id: int) -> ExportRecord | None:
        """As ``ExchangeRecordRepository.latest_export``."""
        rows = self._rows(f"{self._EXPORT} WHERE assessment_id = ? ORDER BY exported_at DESC, id DESC LIMIT 1",
                          assessment_id)
        return self._export(rows[0]) if rows else None

    def imports(self, assessment_id: int, sha256: str) -> list[ImportRecord]:
        """As ``ExchangeRecordRepository.imports`` for one file content, newest first."""
        return [ImportRecord(id=r[0], assessment_id=r[1], file_name=r[2], sha256=r[3], imported_at=_when(r[4]),  # type: ignore[arg-type]
                             importer=r[5], summary=dict(_decode_json(r[6]) or {}))
                for r in self._rows("SELECT id, assessment_id, file_name, sha256, imported_at, importer, summary "
                                    "FROM imports WHERE assessment_id = ? AND sha256 = ? "
                                    "ORDER BY imported_at DESC, id DESC", assessment_id, sha256)]
