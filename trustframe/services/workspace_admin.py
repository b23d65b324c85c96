"""Looking after workspace files: check, repair (on a copy), upgrade, backups and restore.

These work on a workspace *file*, not an open workspace: a damaged or older file must be
examined without being opened for writing. The functions are thin on purpose; the rules live in
:mod:`trustframe.storage.maintenance` and :mod:`trustframe.storage.backups`.
"""

from __future__ import annotations

from pathlib import Path

from trustframe.errors import WorkspaceError
from trustframe.storage import backups, maintenance
from trustframe.storage.backups import BackupInfo
from trustframe.storage.database import SCHEMA_HEAD, Workspace, inspect_file
from trustframe.storage.maintenance import CheckReport, RepairResult

__all__ = ["BackupInfo", "CheckReport", "RepairResult", "check", "repair", "upgrade", "list_backups",
           "backup_now", "restore", "set_backups_kept"]


def check(path: Path) -> CheckReport:
    """Examine a workspace file (read-only): what it is, integrity and foreign keys."""
    return maintenance.check_file(path)


def repair(path: Path, target: Path | None = None) -> RepairResult:
    """Repair a copy of ``path``; the original is kept unchanged."""
    return maintenance.repair_copy(path, target)


def upgrade(path: Path) -> Path | None:
    """Migrate an older workspace to this version after a backup; returns the backup, or None
    when the workspace was already up to date."""
    path = Path(path).expanduser().resolve()
    if not path.exists():
        raise WorkspaceError(f"There is no workspace at {path}.")
    if inspect_file(path) == SCHEMA_HEAD:
        return None
    workspace = Workspace.open(path, create=False, migrate=True)
    workspace.close()
    return workspace.backup_path


def list_backups(path: Path) -> list[BackupInfo]:
    """The automatic and manual backups of a workspace, oldest first."""
    return backups.list_backups(Path(path).expanduser().resolve())


def backup_now(path: Path) -> Path:
    """Take a backup of a workspace now."""
    path = Path(path).expanduser().resolve()
    if inspect_file(path) is None:  # refuses anything that is not a workspace, unchanged
        raise WorkspaceError(f"There is no workspace at {path}.")
    return backups.take_backup(path, "manual")


def restore(path: Path, backup: Path) -> Path:
    """Put a backup's content back into the workspace (the current content is backed up first);
    returns the backup of what was replaced."""
    return maintenance.restore_backup(path, backup)


def set_backups_kept(path: Path, keep: int) -> None:
    """How many backups of this workspace to keep (older ones are removed as new ones are taken)."""
    if keep < 1:
        raise WorkspaceError("Keep at least one backup.")
    path = Path(path).expanduser().resolve()
    with Workspace.open(path, create=False) as workspace:
        from trustframe.storage.repositories import SettingsRepository

        with workspace.transaction() as session:
            SettingsRepository(session).set(backups.KEEP_SETTING, keep)
    backups.prune(path, keep)


def backups_kept(path: Path) -> int:
    """How many backups of this workspace are kept."""
    return backups.keep_count(Path(path).expanduser().resolve())


def copy(source: str | Path, target: str | Path) -> dict[str, int]:
    """Copy the whole workspace ``source`` into ``target`` (a new file or an empty database; a
    file path or a PostgreSQL URL / ``service=NAME`` on either side). Returns rows per table,
    verified in the target before it is committed (evidence files included, by SHA-256).

    The source is only read (it must be at this version's schema); the target is created or
    must be empty, and stays empty when the copy fails."""
    from trustframe.storage import copying

    with Workspace.open(source, create=False, migrate=False, read_only=True) as src:
        with Workspace.open(target, create=True) as dst:
            return copying.copy_workspace(src, dst)
