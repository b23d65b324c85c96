"""Turning SQLite and file-system failures into one-sentence workspace errors.

SQLite reports a busy lock, a read-only file and a full disk as ``OperationalError`` with its
message text (and, since Python 3.11, an extended error code); the OS reports EROFS, EACCES and
ENOSPC as ``OSError``. Users should see neither: each becomes a :class:`WorkspaceError` subclass
that says what happened and what to do. SQLAlchemy wraps the driver's exception; the original is
its ``orig`` attribute, read here without importing SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from trustframe.errors import (
    ConnectionLostError,
    DiskFullError,
    TeamPermissionError,
    WorkspaceBusyError,
    WorkspaceError,
    WorkspaceReadOnlyError,
)

# SQLite primary result codes (the low byte of the extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 5, 6, 8, 10, 13, 14
_SQLITE_IOERR_SHMSIZE = 4874


def _disk_nearly_full(path: Path | None) -> bool:
    """True when the disk holding ``path`` has (almost) no free space left."""
    if path is None:
        return False
    try:
        usage = shutil.disk_usage(path.parent)
    except OSError:
        return False
    return usage.free < max(1 << 20, usage.total // 200)


def _driver_error(exc: BaseException) -> BaseException:
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def is_lock_error(exc: BaseException) -> bool:
    """True when ``exc`` (driver or SQLAlchemy) is SQLite's "database is locked/busy"."""
    err = _driver_error(exc)
    if not isinstance(err, sqlite3.OperationalError):
        return False
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return True
    text = str(err).lower()
    return "database is locked" in text or "database table is locked" in text or "database is busy" in text


def translate(exc: BaseException, path: Path | None) -> WorkspaceError | None:
    """The workspace error that explains ``exc``, or None when it is not an environment fault."""
    name = path.name if path is not None else "the workspace"
    err = _driver_error(exc)
    if is_lock_error(err):
        return WorkspaceBusyError(
            f"Another program is writing to the workspace {name}; try again in a moment (nothing was lost).")
    if isinstance(err, sqlite3.Error):
        code = getattr(err, "sqlite_errorcode", None)
        primary = code & 0xFF if code is not None else None
        text = str(err).lower()
        if primary == _SQLITE_FULL or "database or disk is full" in text:
            return DiskFullError(f"The disk holding {name} is full; free some space and try again "
                                 "(the change was not saved).")
        if primary == _SQLITE_READONLY or "readonly database" in text or "read-only" in text:
            return WorkspaceReadOnlyError(
                f"{name} cannot be changed because the file, its folder or its disk is read-only; "
                "copy it to a folder you may write to (nothing was changed).")
        if primary == _SQLITE_CANTOPEN or "unable to open database" in text:
            return WorkspaceReadOnlyError(
                f"{name} cannot be opened: its folder is missing or read-only (SQLite must create a lock file "
                "next to it); copy it to a folder you may write to.")
        if primary == _SQLITE_IOERR or "disk i/o error" in text:
            if _disk_nearly_full(path) or code == _SQLITE_IOERR_SHMSIZE:
                # SQLite reports a full disk met while growing its WAL index or WAL as an I/O error.
                return DiskFullError(f"The disk holding {name} is full; free some space and try again "
                                     "(the change was not saved).")
            return WorkspaceError(f"The disk reported an error while TrustFrame used {name}; check the disk or "
                                  "network drive and try again (the change was not saved).")
        return None
    sqlstate = getattr(err, "sqlstate", None)  # PostgreSQL (team mode), without importing the driver
    if sqlstate == "42501":
        diag = getattr(err, "diag", None)
        message = getattr(diag, "message_primary", None) or str(err).strip().splitlines()[0]
        return TeamPermissionError(f"The team workspace refused this change: {message}. Nothing was changed.")
    if type(err).__module__.startswith("psycopg") and (
            (sqlstate or "").startswith(("08", "57P"))
            # InterfaceError: psycopg's "the connection is closed", met when a connection the
            # server dropped is used before the pool has noticed.
            or type(err).__name__ in ("OperationalError", "InterfaceError")):
        # Team mode: the server went away (network, restart). The transaction did not commit.
        return ConnectionLostError(f"The connection to the team workspace {name} was lost; the change was not saved. "
                              "Try again when the server is reachable.")
    if sqlstate == "25006":
        return WorkspaceReadOnlyError(f"{name} was opened for reading only; nothing was changed.")
    if isinstance(err, OSError):
        if err.errno == errno.ENOSPC or err.errno == getattr(errno, "EDQUOT", -1):
            return DiskFullError(f"The disk holding {name} is full; free some space and try again "
                                 "(nothing was written).")
        if err.errno == errno.EROFS:
            return WorkspaceReadOnlyError(f"{name} is on a read-only disk; copy it to a folder you may write to "
                                          "(nothing was changed).")
        if err.errno in (errno.EACCES, errno.EPERM):
            return WorkspaceReadOnlyError(f"You may not write to {name} or its folder; copy it to a folder you "
                                          "may write to (nothing was changed).")
    return None


@contextlib.contextmanager
def faults_translated(path: Path | None) -> Iterator[None]:
    """Re-raise environment faults inside the block as workspace errors (the cause is kept)."""
    try:
        yield
    except WorkspaceError:
        raise
    except Exception as exc:
        fault = translate(exc, path)
        if fault is None:
            raise
        raise fault from exc
