"""Automatic workspace backups (SQLite online backup), kept to a configurable number.

A backup is taken before every migration and before every import is applied. Backups live in a
folder next to the workspace (``team.tfw`` -> ``team.tfw.backups/``), named
``team-YYYYmmdd-HHMMSS-ffffff-REASON.tfw`` so they sort by time and say why they were made.
Each one is a complete workspace: ``trustframe workspace restore BACKUP`` copies it back.

SQLite's online backup API copies a consistent snapshot while other programs keep reading and
writing, so a backup never waits for, or blocks, the user's work for long.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trustframe.errors import WorkspaceError
from trustframe.storage.faults import translate

log = logging.getLogger(__name__)

#: How many backups of one workspace are kept when the workspace does not say otherwise.
DEFAULT_KEEP = 10
#: The workspace setting (``settings`` table) holding the number of backups to keep.
KEEP_SETTING = "backups_keep"
_REASON = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of a workspace."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def backup_folder(workspace: Path) -> Path:
    """The folder holding ``workspace``'s backups."""
    return workspace.with_name(workspace.name + ".backups")


def _pattern(workspace: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(workspace.stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-([a-z0-9-]+)\.tfw$")


def list_backups(workspace: Path) -> list[BackupInfo]:
    """The backups of ``workspace``, oldest first."""
    folder = backup_folder(workspace)
    if not folder.is_dir():
        return []
    pattern = _pattern(workspace)
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if not match:
            continue
        try:
            if not entry.is_file():
                continue
            size = entry.stat().st_size
        except FileNotFoundError:
            # Another program working on the same workspace pruned it meanwhile (two imports at
            # once each take a backup and prune): it is no longer a backup to list.
            continue
        found.append(BackupInfo(entry, datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f"), match.group(2), size))
    return sorted(found, key=lambda b: b.path.name)


def keep_count(workspace: Path) -> int:
    """How many backups to keep: the workspace's ``backups_keep`` setting, else the default."""
    try:
        con = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM settings WHERE key = ?", (KEEP_SETTING,)).fetchone()
        finally:
            con.close()
        value = row[0] if row else None
        if isinstance(value, str):  # SQLAlchemy's JSON type may store the number as JSON text
            value = json.loads(value)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
    except (sqlite3.Error, ValueError, TypeError):
        pass  # no readable setting: the default number of backups applies
    return DEFAULT_KEEP


def take_backup(workspace: Path, reason: str, keep: int | None = None) -> Path:
    """Copy ``workspace`` into its backup folder with SQLite's online backup; return the copy.

    The copy is written under a temporary name and renamed when complete, so a backup that a
    full disk or a crash interrupted is never mistaken for a good one. Older backups beyond
    ``keep`` (default: the workspace's setting) are then removed. Raises a one-sentence
    :class:`WorkspaceError` when the backup cannot be written; the workspace is not touched.
    """
    folder = backup_folder(workspace)
    slug = _REASON.sub("-", reason.lower()).strip("-") or "manual"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{workspace.stem}-{stamp}-{slug}.tfw"
    partial = folder / f".{target.name}.partial-{os.getpid()}"
    try:
        folder.mkdir(exist_ok=True)
        src = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                # The copy is a standalone file: no -wal to carry along.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        # A new, uniquely named backup file (microsecond stamp) in the backup folder: nothing to clobber.
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            # The partial copy is ours alone (its name carries our pid and it was created above).
            partial.unlink(missing_ok=True)
        fault = translate(exc, workspace)
        reason_text = str(fault) if fault is not None else str(exc)
        raise WorkspaceError(f"TrustFrame could not back up {workspace.name} before changing it, so nothing was "
                             f"changed: {reason_text}") from exc
    prune(workspace, keep if keep is not None else keep_count(workspace))
    log.info("Backed up %s to %s (%s)", workspace, target, reason)
    return target


def prune(workspace: Path, keep: int) -> list[Path]:
    """Remove the oldest backups of ``workspace`` beyond ``keep``; returns what was removed."""
    backups = list_backups(workspace)
    removed = []
    for info in backups[:max(0, len(backups) - max(1, keep))]:
        try:
            # Only files in the workspace's own backup folder whose names match the pattern this
            # module writes are ever removed, and never the newest ``keep`` of them.
            info.path.unlink(missing_ok=True)  # another program may have pruned it first
            removed.append(info.path)
        except OSError as exc:
            log.warning("Could not remove the old backup %s: %s", info.path, exc)
    return removed
