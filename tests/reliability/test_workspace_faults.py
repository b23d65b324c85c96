"""Environment faults, as a user meets them from the command line: damaged and foreign files,
newer versions, a read-only disk, a full disk, a lock held by another program. Each gives one
clear line (no traceback), exit code 1, and leaves the workspace as it was.

Read-only and full disks are real tmpfs mounts (skipped where mounting is not permitted).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest


def run_cli(*args: object, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``trustframe ARGS`` as a user would (a separate process)."""
    return subprocess.run([sys.executable, "-m", "trustframe", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    """Assert the command failed with exactly one line on stderr and no traceback; return it."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "sqlalchemy" not in result.stderr.lower()
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_workspace(path: Path, *vendors: str) -> Path:
    from trustframe.services.context import Services

    with Services.open(path) as services:
        for name in vendors:
            services.vendors.add_vendor(name)
    return path


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip() or 'not permitted'})")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs (a disk that fills up quickly)."""
    where = tmp_path / "disk"
    _mount_tmpfs(where, "2m")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True, capture_output=True)


def fill_disk(folder: Path, leave: int = 0) -> None:
    """Write a filler file until the disk is full (then give back ``leave`` bytes)."""
    filler = folder / "filler.bin"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    if leave:
        with filler.open("r+b") as out:
            out.truncate(max(0, filler.stat().st_size - leave))


# -- damaged, foreign, newer -------------------------------------------------------------------


def test_empty_revision_workspace_survives_a_read_only_command(tmp_path: Path) -> None:
    """The issue's reproduction: `delete from alembic_version`, then `assessment list`: the file was gone."""
    path = make_workspace(tmp_path / "d.tfw", "Precious Ltd")
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.commit()
    con.close()
    before = digest(path)
    for command in (["assessment", "list"], ["vendor", "add", "New Ltd"], ["vendor", "list"]):
        line = one_clear_line(run_cli("--workspace", path, *command))
        assert "not a TrustFrame workspace, or it is damaged" in line
        assert path.exists() and digest(path) == before
    check = run_cli("workspace", "check", path)
    assert check.returncode == 1 and "no schema revision" in check.stdout
    repaired = run_cli("--json", "workspace", "check", "--repair", path)
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert digest(path) == before


def test_foreign_database_and_text_and_truncated_files_are_refused_unchanged(tmp_path: Path) -> None:
    foreign = tmp_path / "ledger.tfw"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    text = tmp_path / "notes.tfw"
    text.write_text("shopping list")
    truncated = make_workspace(tmp_path / "cut.tfw", *(f"Vendor {i}" for i in range(200)))
    truncated.write_bytes(truncated.read_bytes()[:8192])
    for path in (foreign, text, truncated):
        before = digest(path)
        one_clear_line(run_cli("--workspace", path, "vendor", "add", "X"))
        one_clear_line(run_cli("--workspace", path, "vendor", "list"))
        assert digest(path) == before


def test_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "new.tfw")
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = digest(path)
    assert "newer version" in one_clear_line(run_cli("--workspace", path, "vendor", "add", "X"))
    assert digest(path) == before


def make_old_workspace(path: Path, *vendors: str) -> Path:
    """A workspace as the first released schema (0001) left it."""
    from alembic import command
    from alembic.config import Config

    from trustframe.storage import database

    engine = database.create_sqlite_engine(path)
    try:
        config = Config()
        config.set_main_option("script_location", str(database.MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, database.KNOWN_REVISIONS[0])
        database._write_identity(engine)
        with engine.begin() as connection:
            for name in vendors:
                connection.exec_driver_sql(
                    "INSERT INTO vendors (name, country, ownership_notes, website, notes, created_at, updated_at) "
                    "VALUES (?, '', '', '', '', '2026-01-01', '2026-01-01')", (name,))
    finally:
        engine.dispose()
    return path


@pytest.mark.skipif(len(__import__("trustframe.storage.database", fromlist=["x"]).KNOWN_REVISIONS) < 2,
                    reason="needs a schema older than the head")
def test_read_only_command_on_an_older_workspace_names_the_upgrade(tmp_path: Path) -> None:
    """Read-only commands never migrate; they say which command does (it backs up first)."""
    from trustframe.storage import backups

    path = make_old_workspace(tmp_path / "old.tfw", "Old Ltd")
    before = digest(path)
    # (`vendor list` may read an older workspace through the light sqlite3 path without a word:
    # it reads only columns every known revision has, and writes nothing either.)
    for command in (["assessment", "list"], ["evidence", "list"], ["portfolio", "summary"]):
        line = one_clear_line(run_cli("--workspace", path, *command))
        assert "older version" in line and "workspace upgrade" in line
    assert digest(path) == before and not backups.backup_folder(path).exists()
    upgraded = run_cli("--workspace", path, "workspace", "upgrade")
    assert upgraded.returncode == 0 and "Upgraded" in upgraded.stdout, upgraded.stderr
    (backup,) = backups.list_backups(path.resolve())
    con = sqlite3.connect(backup.path)
    try:  # the backup is the workspace as it was before the upgrade
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        con.close()
    listing = run_cli("--workspace", path, "vendor", "list")
    assert listing.returncode == 0 and "Old Ltd" in listing.stdout


# -- read-only disk, full disk ----------------------------------------------------------------


def test_read_only_disk_reads_and_refuses_writes_in_one_line(tmp_path: Path, small_disk: Path) -> None:
    path = make_workspace(small_disk / "team.tfw", "Acme Ltd")
    _remount(small_disk, "ro")
    before = digest(path)
    listing = run_cli("--workspace", path, "vendor", "list")
    assert listing.returncode == 0 and "Acme Ltd" in listing.stdout, listing.stderr
    line = one_clear_line(run_cli("--workspace", path, "vendor", "add", "Beta Ltd"))
    assert "read-only" in line
    line = one_clear_line(run_cli("--workspace", small_disk / "other.tfw", "vendor", "add", "Beta Ltd"))
    assert "read-only" in line
    assert digest(path) == before
    _remount(small_disk, "rw")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write read-only files and folders; the read-only disk test covers root")
def test_read_only_file_and_folder_refuse_writes_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = make_workspace(folder / "team.tfw", "Acme Ltd")
    path.chmod(0o444)
    before = digest(path)
    assert "read-only" in one_clear_line(run_cli("--workspace", path, "vendor", "add", "Beta Ltd"))
    path.chmod(0o644)
    folder.chmod(0o555)
    try:
        assert "read-only" in one_clear_line(run_cli("--workspace", path, "vendor", "add", "Beta Ltd"))
    finally:
        folder.chmod(0o755)
    assert digest(path) == before


def test_full_disk_is_one_line_and_nothing_is_half_written(tmp_path: Path, small_disk: Path) -> None:
    path = make_workspace(small_disk / "team.tfw", "Acme Ltd")
    fill_disk(small_disk, leave=16384)
    big = tmp_path / "audit-report.pdf"  # kept off the small disk: a write that cannot fit on it
    big.write_bytes(os.urandom(600_000))
    line = one_clear_line(run_cli("--workspace", path, "evidence", "add", "Acme Ltd", "Audit", "--kind", "other",
                                  "--file", big))
    assert "full" in line
    line = one_clear_line(run_cli("--workspace", path, "vendor", "add", "Huge Ltd", "--notes", "x" * 100_000))
    assert "full" in line
    (small_disk / "filler.bin").unlink()  # space again, to look inside
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in con.execute("SELECT name FROM vendors")] == ["Acme Ltd"]
        assert con.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 0
    finally:
        con.close()
    # Creating a new workspace on the full disk: one line, and nothing is left behind.
    fill_disk(small_disk)
    line = one_clear_line(run_cli("--workspace", small_disk / "new.tfw", "vendor", "add", "X"))
    assert "full" in line
    assert sorted(p.name for p in small_disk.iterdir() if "new" in p.name) == []


def test_lock_outlasting_the_wait_is_one_sentence(tmp_path: Path) -> None:
    path = make_workspace(tmp_path / "busy.tfw", "Acme Ltd")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"con = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(30)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = run_cli("--workspace", path, "vendor", "add", "Beta Ltd",
                         env={"TRUSTFRAME_LOCK_WAIT_SECONDS": "1.5"})
        elapsed = time.monotonic() - started
        line = one_clear_line(result)
        assert "Another program is writing to the workspace" in line and "try again" in line
        assert elapsed >= 1.5
        json_result = run_cli("--workspace", path, "--json", "vendor", "add", "Beta Ltd",
                              env={"TRUSTFRAME_LOCK_WAIT_SECONDS": "0.5"})
        assert json_result.returncode == 1 and '"error": "Another program is writing' in json_result.stdout
        # Reading goes on while the other program holds its write lock.
        listing = run_cli("--workspace", path, "vendor", "list")
        assert listing.returncode == 0 and "Acme Ltd" in listing.stdout
    finally:
        holder.kill()
        holder.wait()
