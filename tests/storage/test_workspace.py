"""Workspace files: creation, identity checks, migrations with backup, transactions,
append-only change log, and round trips through the repositories."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind, ProductCategory
from trustframe.domain.vendors import Contact, Product, Vendor
from trustframe.errors import NotAWorkspaceError, WorkspaceTooNewError
from trustframe.storage import database
from trustframe.storage.database import SCHEMA_HEAD, Workspace
from trustframe.storage.repositories import EvidenceRepository, HistoryRepository, VendorRepository

# The repository round trips (tests taking `workspace_location`) also run on PostgreSQL (team
# mode, tests/conftest.py); the others are about the workspace file itself (SQLite only).
pytestmark = pytest.mark.both_engines


def test_new_workspace_has_identity_and_pragmas(workspace_path: Path) -> None:
    with Workspace.open(workspace_path) as ws:
        assert len(ws.workspace_id) == 36
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
    assert database.inspect_file(workspace_path) == SCHEMA_HEAD


def test_schema_head_constant_matches_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == SCHEMA_HEAD
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(database.KNOWN_REVISIONS)


def test_migrations_and_models_agree(workspace_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from trustframe.storage.orm import Base

    with Workspace.open(workspace_path) as ws, ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_text_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.tfw"
    path.write_text("these are my notes", encoding="utf-8")
    with pytest.raises(NotAWorkspaceError, match="not an SQLite database"):
        Workspace.open(path)
    assert path.read_text(encoding="utf-8") == "these are my notes"


def test_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NotAWorkspaceError, match="not a TrustFrame workspace"):
        Workspace.open(path)
    assert path.read_bytes() == before


def test_workspace_from_newer_version_is_refused_unchanged(workspace_path: Path) -> None:
    Workspace.open(workspace_path).close()
    con = sqlite3.connect(workspace_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = workspace_path.read_bytes()
    with pytest.raises(WorkspaceTooNewError, match="newer version of TrustFrame"):
        Workspace.open(workspace_path)
    assert workspace_path.read_bytes() == before


def test_older_workspace_is_backed_up_then_migrated(workspace_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulate a workspace written at revision "0000" by a TrustFrame whose head was 0000,
    # then opened by this version: a backup must be written before migrating.
    Workspace.open(workspace_path).close()
    con = sqlite3.connect(workspace_path)
    con.execute("UPDATE alembic_version SET version_num = '0000'")
    con.commit()
    con.close()
    monkeypatch.setattr(database, "KNOWN_REVISIONS", ("0000", "0001"))
    calls: list[str] = []

    def fake_migrate(engine: object) -> None:
        calls.append("migrated")
        with engine.begin() as conn:  # type: ignore[attr-defined]
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")

    monkeypatch.setattr(database, "_run_migrations", fake_migrate)
    with Workspace.open(workspace_path) as ws:
        assert calls == ["migrated"]
        assert ws.backup_path is not None and ws.backup_path.exists()
    backup = sqlite3.connect(ws.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0000"
    backup.close()


def test_failed_migration_restores_the_file(workspace_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(workspace_path).close()
    con = sqlite3.connect(workspace_path)
    con.execute("UPDATE alembic_version SET version_num = '0000'")
    con.commit()
    con.close()
    monkeypatch.setattr(database, "KNOWN_REVISIONS", ("0000", "0001"))

    def broken_migrate(engine: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(database, "_run_migrations", broken_migrate)
    with pytest.raises(database.WorkspaceError, match="disk on fire"):
        Workspace.open(workspace_path)
    con = sqlite3.connect(workspace_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0000"
    con.close()


def test_transaction_rolls_back_on_error(workspace_location: str) -> None:
    with Workspace.open(workspace_location) as ws:
        with pytest.raises(RuntimeError):
            with ws.transaction() as session:
                VendorRepository(session).add(Vendor(None, "Half-saved Ltd"))
                raise RuntimeError("crash in the middle of a save")
        with ws.reading() as session:
            assert VendorRepository(session).all_vendors() == []


def test_change_log_is_append_only(workspace_location: str) -> None:
    with Workspace.open(workspace_location) as ws:
        with ws.transaction() as session:
            HistoryRepository(session).record("me", "vendor", 1, "name", "a", "b")
        for statement in ("UPDATE change_log SET actor = 'someone else'", "DELETE FROM change_log"):
            with pytest.raises(Exception, match="append-only"):
                with ws.transaction() as session:
                    session.execute(text(statement))
        with ws.reading() as session:
            entries = HistoryRepository(session).entries()
        assert [(e.actor, e.old_value, e.new_value) for e in entries] == [("me", "a", "b")]


def test_vendor_product_round_trip(workspace_location: str) -> None:
    with Workspace.open(workspace_location) as ws:
        with ws.transaction() as session:
            repo = VendorRepository(session)
            v = repo.add(Vendor(None, "Northwind", "DE", "listed", "https://nw.example", "n",
                                (Contact("Greta", "PSIRT", "g@nw.example", "+49"),)))
            p = repo.add_product(Product(None, v.id, "Router", ProductCategory.NETWORK_EQUIPMENT, "7.4", "core"))
        with ws.reading() as session:
            repo = VendorRepository(session)
            (loaded,) = repo.all_vendors()
            assert loaded == v
            assert loaded.contacts[0].email == "g@nw.example"
            (product,) = repo.products(v.id)
            assert product == p and product.vendor_name == "Northwind"


def test_evidence_blob_is_stored_once_by_hash(workspace_location: str) -> None:
    with Workspace.open(workspace_location) as ws:
        with ws.transaction() as session:
            v = VendorRepository(session).add(Vendor(None, "V"))
            repo = EvidenceRepository(session)
            d1 = repo.store_blob(b"certificate")
            d2 = repo.store_blob(b"certificate")
            assert d1 == d2
            e = repo.add(Evidence(None, v.id, "ISO cert", EvidenceKind.CERTIFICATE, sha256=d1, size=11,
                                  expires_on=date(2030, 1, 1), file_name="c.pdf"), added_by="me")
        with ws.reading() as session:
            repo = EvidenceRepository(session)
            assert repo.blob(d1) == b"certificate"
            assert repo.find(v.id)[0].sha256 == e.sha256
            count = session.execute(text("SELECT COUNT(*) FROM evidence_blobs")).scalar()
        assert count == 1
