"""A workspace is never deleted or lost: refusals leave files byte-for-byte unchanged, new
workspaces appear complete or not at all, writes wait for locks, backups can be restored."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from trustframe.domain.vendors import Vendor
from trustframe.errors import (
    NotAWorkspaceError,
    WorkspaceBusyError,
    WorkspaceDamagedError,
    WorkspaceError,
    WorkspaceNeedsUpgradeError,
    WorkspaceReadOnlyError,
)
from trustframe.storage import backups, database, maintenance
from trustframe.storage.database import SCHEMA_HEAD, Workspace, create_workspace_file
from trustframe.storage.repositories import VendorRepository


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_workspace(path: Path, vendors: tuple[str, ...] = ("Kept Ltd",)) -> Path:
    """A closed workspace with some vendors (WAL folded in, so the file alone holds everything)."""
    with Workspace.open(path) as ws, ws.transaction() as session:
        for name in vendors:
            VendorRepository(session).add(Vendor(None, name))
    return path


def sql(path: Path, statement: str) -> None:
    con = sqlite3.connect(path)
    con.execute(statement)
    con.commit()
    con.close()


def vendor_names(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM vendors ORDER BY name")]
    finally:
        con.close()


@pytest.mark.parametrize("open_kwargs", [{}, {"create": False}, {"read_only": True}, {"migrate": False}])
def test_empty_revision_file_is_refused_and_left_unchanged(tmp_path: Path, open_kwargs: dict) -> None:
    path = make_workspace(tmp_path / "d.tfw")
    sql(path, "DELETE FROM alembic_version")
    before = digest(path)
    with pytest.raises(WorkspaceDamagedError) as info:
        Workspace.open(path, **open_kwargs)
    message = str(info.value)
    assert "not a TrustFrame workspace, or it is damaged" in message
    assert "no schema revision" in message and "alembic_version" in message  # says what was found
    assert "workspace check --repair" in message
    assert path.exists() and digest(path) == before


def test_file_with_unknown_tables_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ledger.tfw"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                      "INSERT INTO invoices (total) VALUES (12.5);")
    con.close()
    before = digest(path)
    for kwargs in ({}, {"read_only": True}):
        with pytest.raises(NotAWorkspaceError, match="invoices"):
            Workspace.open(path, **kwargs)
    assert digest(path) == before


def test_workspace_tables_without_marker_are_damaged_not_new(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "m.tfw")
    sql(path, "DELETE FROM workspace_meta WHERE key = 'app'")
    before = digest(path)
    with pytest.raises(WorkspaceDamagedError, match="no TrustFrame marker"):
        Workspace.open(path)
    assert digest(path) == before


def test_truncated_workspace_is_refused_unchanged(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "t.tfw", tuple(f"Vendor {i}" for i in range(300)))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    before = digest(path)
    with pytest.raises(NotAWorkspaceError):
        with Workspace.open(path) as ws, ws.reading() as session:
            VendorRepository(session).all_vendors()
    assert digest(path) == before


def test_failed_creation_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(engine: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(database, "_run_migrations", broken)
    with pytest.raises(WorkspaceError, match="power cut"):
        Workspace.open(tmp_path / "new.tfw")
    assert list(tmp_path.iterdir()) == []  # neither the target nor the temporary file


def test_new_workspace_appears_complete_and_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "race.tfw"
    seen: list[list[str]] = []

    def fill(temp: Path) -> None:
        # While this call builds its file, "another process" publishes a workspace at target.
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        make_workspace(target, ("Theirs Ltd",))

    assert create_workspace_file(target, fill=fill) is False
    assert target.name not in seen[0]  # nothing half-made was visible at the target
    assert vendor_names(target) == ["Theirs Ltd"]  # theirs kept, not replaced
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_existing_empty_file_becomes_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "touched.tfw"
    path.touch()
    with Workspace.open(path) as ws:
        assert len(ws.workspace_id) == 36
    assert database.inspect_file(path) == SCHEMA_HEAD


def test_concurrent_opens_of_a_new_path_agree_on_one_workspace(tmp_path: Path) -> None:
    target = tmp_path / "shared.tfw"
    ids: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with Workspace.open(target) as ws:
                ids.append(ws.workspace_id)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(set(ids)) == 1


def test_read_only_open_never_migrates_and_names_the_upgrade_command(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_workspace(tmp_path / "old.tfw")
    sql(path, "UPDATE alembic_version SET version_num = '0000'")
    monkeypatch.setattr(database, "KNOWN_REVISIONS", ("0000", *database.KNOWN_REVISIONS))
    before = digest(path)
    for kwargs in ({"read_only": True}, {"migrate": False}):
        with pytest.raises(WorkspaceNeedsUpgradeError, match="workspace upgrade"):
            Workspace.open(path, **kwargs)
    assert digest(path) == before
    assert not backups.backup_folder(path).exists()


def test_read_only_workspace_refuses_writes_and_writes_nothing(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "r.tfw")
    before = digest(path)
    with Workspace.open(path, read_only=True) as ws:
        with ws.reading() as session:
            assert [v.name for v in VendorRepository(session).all_vendors()] == ["Kept Ltd"]
        with pytest.raises(WorkspaceReadOnlyError):
            with ws.transaction() as session:
                VendorRepository(session).add(Vendor(None, "Sneaky"))
        with ws.engine.connect() as conn:  # even a raw write is stopped by SQLite (query_only)
            with pytest.raises(Exception, match="readonly|read-only|attempt to write"):
                conn.exec_driver_sql("INSERT INTO vendors (name) VALUES ('Raw')")
    assert digest(path) == before


def _hold_write_lock(path: Path, seconds: float) -> threading.Thread:
    ready = threading.Event()

    def hold() -> None:
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO vendors (name, country, ownership_notes, website, notes, created_at, "
                    "updated_at) VALUES ('Holder', '', '', '', '', '2026-01-01', '2026-01-01')")
        ready.set()
        time.sleep(seconds)
        con.execute("COMMIT")
        con.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    return thread


def test_write_waits_for_a_held_lock_instead_of_failing(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "w.tfw")
    engine = database.create_sqlite_engine(path, busy_timeout_ms=100)  # force the retry path too
    ws = Workspace(path, engine, lock_wait_seconds=10)
    holder = _hold_write_lock(path, 0.8)
    started = time.monotonic()
    with ws.transaction() as session:
        VendorRepository(session).add(Vendor(None, "Waited Ltd"))
    waited = time.monotonic() - started
    holder.join()
    ws.close()
    assert waited >= 0.5
    assert vendor_names(path) == ["Holder", "Kept Ltd", "Waited Ltd"]


def test_lock_outlasting_the_bound_is_one_sentence_and_nothing_is_written(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "b.tfw")
    engine = database.create_sqlite_engine(path, busy_timeout_ms=100)
    ws = Workspace(path, engine, lock_wait_seconds=0.5)
    holder = _hold_write_lock(path, 2.0)
    with pytest.raises(WorkspaceBusyError) as info:
        with ws.transaction() as session:
            VendorRepository(session).add(Vendor(None, "Never"))
    holder.join()
    ws.close()
    message = str(info.value)
    assert message.startswith("Another program is writing to the workspace") and "\n" not in message
    assert "Never" not in vendor_names(path)


def test_reads_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "r.tfw")
    with Workspace.open(path) as ws:
        holder = _hold_write_lock(path, 5.0)
        started = time.monotonic()
        with ws.reading() as session:
            names = [v.name for v in VendorRepository(session).all_vendors()]
        elapsed = time.monotonic() - started
        still_holding = holder.is_alive()
        holder.join()
    assert still_holding and elapsed < 4  # read while the writer held its lock
    assert names == ["Kept Ltd"]  # and saw the last committed state


def test_writes_begin_immediate(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "i.tfw")
    statements: list[str] = []
    with Workspace.open(path) as ws:
        from sqlalchemy import event

        event.listen(ws.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *a: statements.append(statement))
        with ws.transaction() as session:
            VendorRepository(session).add(Vendor(None, "New"))
        with ws.reading() as session:
            VendorRepository(session).all_vendors()
    assert statements[0] == "BEGIN IMMEDIATE"
    assert "BEGIN" in statements and statements.count("BEGIN IMMEDIATE") == 1


# -- backups, check, repair, restore ------------------------------------------------------------


def test_backups_are_complete_copies_and_kept_to_the_set_number(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "k.tfw")
    made = [backups.take_backup(path, f"step {i}", keep=3) for i in range(5)]
    kept = backups.list_backups(path)
    assert [b.path for b in kept] == made[-3:]
    assert kept[-1].reason == "step-4"
    assert vendor_names(kept[-1].path) == ["Kept Ltd"]
    assert maintenance.check_file(kept[-1].path).ok


def test_a_backup_pruned_by_another_program_meanwhile_is_no_error(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 22 (import vs import): two processes importing at once each back up and prune; a
    backup the other one removed between listing the folder and reading its size ended the
    import with FileNotFoundError."""
    path = make_workspace(tmp_path / "p.tfw")
    made = [backups.take_backup(path, f"step {i}", keep=5) for i in range(4)]
    vanishing = made[0]
    real_stat = Path.stat

    def stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == vanishing and os.path.exists(vanishing):
            os.unlink(vanishing)  # the other program's prune, just after our listing saw the file
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", stat)
    assert [b.path for b in backups.list_backups(path)] == made[1:]
    monkeypatch.setattr(Path, "stat", real_stat)
    # ... and pruning a backup that is already gone is no error either (listed, then removed by
    # the other program before our unlink)
    listed = backups.list_backups(path)
    monkeypatch.setattr(backups, "list_backups", lambda workspace: listed)
    listed[0].path.unlink()
    assert backups.prune(path, 2) == [b.path for b in listed[:1]]
    assert [b.path for b in listed[1:]] == [p for p in made[2:] if p.exists()]


def test_backup_keep_setting_is_read_from_the_workspace(tmp_path: Path) -> None:
    from trustframe.storage.repositories import SettingsRepository

    path = make_workspace(tmp_path / "s.tfw")
    assert backups.keep_count(path) == backups.DEFAULT_KEEP
    with Workspace.open(path) as ws, ws.transaction() as session:
        SettingsRepository(session).set(backups.KEEP_SETTING, 2)
    assert backups.keep_count(path) == 2
    for i in range(4):
        backups.take_backup(path, f"b{i}")
    assert len(backups.list_backups(path)) == 2


def test_restore_puts_the_backup_back_in_the_same_file(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "x.tfw", ("Before",))
    backup = backups.take_backup(path, "manual")
    with Workspace.open(path) as ws, ws.transaction() as session:
        VendorRepository(session).add(Vendor(None, "After"))
    inode = path.stat().st_ino
    saved = maintenance.restore_backup(path, backup)
    assert path.stat().st_ino == inode  # the file itself was never replaced or removed
    assert vendor_names(path) == ["Before"]
    assert vendor_names(saved) == ["After", "Before"]  # what was replaced is kept
    with Workspace.open(path) as ws, ws.transaction() as session:  # and it is usable
        VendorRepository(session).add(Vendor(None, "Later"))
    assert maintenance.check_file(path).ok


def test_restore_refuses_a_file_that_is_not_a_good_workspace(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "y.tfw")
    bogus = tmp_path / "bogus.tfw"
    bogus.write_text("not a database")
    before = digest(path)
    with pytest.raises(WorkspaceError, match="cannot be restored"):
        maintenance.restore_backup(path, bogus)
    assert digest(path) == before


def test_check_finds_foreign_key_problems(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "fk.tfw")
    con = sqlite3.connect(path)  # foreign keys are off by default here, as in other tools
    con.execute("INSERT INTO products (vendor_id, name, category, version, deployment_notes, created_at) "
                "VALUES (999, 'Orphan', 'software', '', '', '2026-01-01')")
    con.commit()
    con.close()
    report = maintenance.check_file(path)
    assert not report.ok and report.state == "damaged"
    assert any("products" in f and "vendors" in f for f in report.findings)


def test_repair_works_on_a_copy_and_keeps_the_original(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "d.tfw", ("Precious Ltd",))
    sql(path, "DELETE FROM alembic_version")
    before = digest(path)
    report = maintenance.check_file(path)
    assert report.state == "damaged" and "alembic_version" in report.tables
    result = maintenance.repair_copy(path)
    assert digest(path) == before
    assert result.copy != path and result.after.ok
    with Workspace.open(result.copy) as ws, ws.reading() as session:
        assert [v.name for v in VendorRepository(session).all_vendors()] == ["Precious Ltd"]


def test_no_temporary_files_are_left_after_creation(tmp_path: Path) -> None:
    Workspace.open(tmp_path / "clean.tfw").close()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "clean.tfw"]
    assert leftovers == [] or all(not n.startswith(".") for n in leftovers)
    assert os.path.getsize(tmp_path / "clean.tfw") > 0


def test_a_transaction_nested_on_the_same_thread_does_not_wait_for_itself(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "n.tfw")
    with Workspace.open(path) as ws:
        ws.lock_wait_seconds = 30
        started = time.monotonic()
        with ws.transaction() as outer:
            VendorRepository(outer).add(Vendor(None, "Outer"))
            with ws.transaction() as inner:  # reads only: as before BEGIN IMMEDIATE, no waiting
                assert [v.name for v in VendorRepository(inner).all_vendors()] == ["Kept Ltd"]
        assert time.monotonic() - started < 3
    assert vendor_names(path) == ["Kept Ltd", "Outer"]
