"""``trustframe workspace ...`` and the backups around imports and migrations, through the CLI
entry point and the services."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from exchange_support import fill  # noqa: E402
from trustframe.cli import main
from trustframe.storage import backups


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def new_workspace(capsys: pytest.CaptureFixture[str], path: Path, *vendors: str) -> Path:
    for name in vendors:
        assert run(capsys, "--workspace", path, "vendor", "add", name)[0] == 0
    return path


def test_check_a_healthy_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_workspace(capsys, tmp_path / "ok.tfw", "Acme Ltd")
    code, out, _ = run(capsys, "--workspace", path, "workspace", "check")
    assert code == 0 and "is a TrustFrame workspace" in out and "integrity check: ok" in out
    code, out, _ = run(capsys, "--json", "workspace", "check", path)
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and data["state"] == "ok" and "vendors" in data["tables"]


def test_check_explains_a_damaged_file_and_repairs_a_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_workspace(capsys, tmp_path / "d.tfw", "Precious Ltd")
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.commit()
    con.close()
    before = digest(path)
    code, out, _ = run(capsys, "workspace", "check", path)
    assert code == 1 and "no schema revision" in out and "--repair" in out
    code, out, _ = run(capsys, "--json", "workspace", "check", "--repair", path, "--output", tmp_path / "fixed.tfw")
    data = json.loads(out)
    assert code == 0 and data["state"] == "damaged" and data["repair"]["ok"] is True
    assert digest(path) == before
    code, out, _ = run(capsys, "--workspace", tmp_path / "fixed.tfw", "vendor", "list")
    assert code == 0 and "Precious Ltd" in out


def test_check_a_file_that_is_not_a_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.tfw"
    path.write_text("shopping list")
    code, out, _ = run(capsys, "workspace", "check", path)
    assert code == 1 and "not an SQLite database" in out
    assert path.read_text() == "shopping list"


def test_backups_keep_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_workspace(capsys, tmp_path / "w.tfw", "First Ltd")
    code, out, _ = run(capsys, "--workspace", path, "workspace", "backups")
    assert code == 0 and "No backups" in out
    code, out, _ = run(capsys, "--workspace", path, "workspace", "backups", "--now")
    assert code == 0 and "Backed up" in out
    (first,) = backups.list_backups(path.resolve())
    new_workspace(capsys, path, "Second Ltd")
    code, out, _ = run(capsys, "--workspace", path, "workspace", "restore", first.path)
    assert code == 0 and "Restored" in out
    code, out, _ = run(capsys, "--workspace", path, "vendor", "list")
    assert "First Ltd" in out and "Second Ltd" not in out
    code, out, _ = run(capsys, "--workspace", path, "--json", "workspace", "backups", "--keep", "1")
    data = json.loads(out)
    assert data["keep"] == 1 and [b["reason"] for b in data["backups"]] == ["before-restore"]
    code, _, err = run(capsys, "--workspace", path, "workspace", "restore", tmp_path / "missing.tfw")
    assert code == 1 and "cannot be restored" in err


def test_upgrade_of_an_up_to_date_workspace_changes_nothing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = new_workspace(capsys, tmp_path / "u.tfw", "Acme Ltd")
    before = digest(path)
    code, out, _ = run(capsys, "--workspace", path, "workspace", "upgrade")
    assert code == 0 and "already up to date" in out and digest(path) == before


def test_read_only_commands_do_not_create(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--workspace", tmp_path / "typo.tfw", "assessment", "list")
    assert code == 1 and "There is no workspace" in err and not (tmp_path / "typo.tfw").exists()


def test_an_applied_import_is_preceded_by_a_backup(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    exported = tmp_path / "to-vendor.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, exported, deadline=date(2026, 1, 31))
    returned = fill(exported, {"VUL-01": "Yes"})
    preview = services.exchange.preview_import(returned)
    assert backups.list_backups(services.workspace.path) == []  # a preview writes nothing
    services.exchange.apply_import(preview)
    (backup,) = backups.list_backups(services.workspace.path)
    assert backup.reason == "before-import"
    con = sqlite3.connect(backup.path)  # the backup holds the state before the import
    try:
        assert con.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 0
    finally:
        con.close()


def test_import_is_refused_unchanged_when_the_backup_cannot_be_written(services: Any, sample_assessment: Any,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.errors import WorkspaceError

    exported = tmp_path / "to-vendor.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, exported, deadline=date(2026, 1, 31))
    preview = services.exchange.preview_import(fill(exported, {"VUL-01": "Yes"}))
    folder = backups.backup_folder(services.workspace.path)
    folder.write_text("in the way")  # a file where the backup folder should be: the backup fails
    with pytest.raises(WorkspaceError, match="could not back up"):
        services.exchange.apply_import(preview)
    assert services.exchange.imports(sample_assessment.id) == []


def test_killed_demo_leaves_no_partial_workspace(tmp_path: Path) -> None:
    """Issue 22: killing `demo` left a partial workspace that then needed --force."""
    target = tmp_path / "demo.tfw"
    proc = subprocess.Popen([sys.executable, "-m", "trustframe", "--workspace", str(target), "demo"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(".creating-" in p.name for p in tmp_path.iterdir()):
        time.sleep(0.02)
    time.sleep(0.5)  # well into building the demo data
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not target.exists()
    # Without --force, the next run builds the demo completely.
    result = subprocess.run([sys.executable, "-m", "trustframe", "--workspace", str(target), "demo"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir() if ".creating-" in p.name] == []  # the killed run's file swept
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT COUNT(*) FROM vendors").fetchone()[0] == 8
    finally:
        con.close()


def test_read_only_commands_leave_the_workspace_byte_for_byte(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.tfw"
    for command in (["vendor", "add", "Acme Ltd"],
                    ["product", "add", "Acme Ltd", "Gateway", "--category", "software"],
                    ["assessment", "create", "--vendor", "Acme Ltd", "--product", "Gateway", "--tier", "4"],
                    ["assessment", "create", "--vendor", "Acme Ltd", "--product", "Gateway", "--tier", "3"]):
        assert run(capsys, "--workspace", path, *command)[0] == 0
    before = digest(path)
    for command in (["vendor", "list"], ["assessment", "list"], ["assessment", "show", "1"],
                    ["assessment", "score", "1"], ["assessment", "compare", "1", "2"], ["portfolio", "register"],
                    ["portfolio", "summary"], ["evidence", "list"],
                    ["report", "1", "--format", "xlsx", "-o", tmp_path / "r.xlsx"]):
        code, _, err = run(capsys, "--workspace", path, *command)
        assert code == 0, (command, err)
        assert digest(path) == before, f"{command} changed the workspace"
        wal = Path(f"{path}-wal")
        assert not wal.exists() or wal.stat().st_size == 0, f"{command} wrote to the workspace's log"
