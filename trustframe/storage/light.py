"""A light read path for listing commands and the GUI's start-up: the standard library's sqlite3,
no SQLAlchemy.

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
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from trustframe.domain.vendors import Contact, Vendor
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


def _connect(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
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

    def __enter__(self) -> "LightReader":
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
        sql, params = REGISTER_SQL, [as_of.isoformat(), as_of.isoformat(), soon.isoformat()]
        if first_vendors is not None:
            sql += " WHERE v.id IN (SELECT id FROM vendors ORDER BY name COLLATE NOCASE, id LIMIT ?4)"
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
