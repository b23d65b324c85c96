"""The error hierarchy. Known problems are :class:`TrustFrameError`; they carry a message a
user can act on. Importers and validators collect :class:`Issue` objects with locations rather
than stopping at the first problem."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One problem found in a file, with where it is.

    ``file`` is the file name; ``where`` a path inside it (``sections[2].questions[0]``) or a
    cell (``Questions!D14``); ``line`` a 1-based line number when known.
    """

    message: str
    file: str = ""
    where: str = ""
    line: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        location = self.file
        if self.line is not None:
            location = f"{location}:{self.line}" if location else f"line {self.line}"
        parts = [p for p in (location, self.where) if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message


class TrustFrameError(Exception):
    """Root of every error TrustFrame raises on purpose."""


class ValidationFailed(TrustFrameError):
    """A file or input has problems; ``issues`` lists every one with its location."""

    def __init__(self, summary: str, issues: list[Issue]) -> None:
        super().__init__(summary)
        self.issues = list(issues)

    def __str__(self) -> str:
        lines = [self.args[0]] + [f"  {issue}" for issue in self.issues[:50]]
        if len(self.issues) > 50:
            lines.append(f"  ... and {len(self.issues) - 50} more")
        return "\n".join(lines)


class QuestionnaireError(ValidationFailed):
    """A questionnaire file is not valid."""


class WorkspaceError(TrustFrameError):
    """A workspace cannot be opened or written."""


class NotAWorkspaceError(WorkspaceError):
    """The file is not a TrustFrame workspace."""


class WorkspaceTooNewError(WorkspaceError):
    """The workspace was written by a newer TrustFrame."""


class WorkspaceDamagedError(NotAWorkspaceError):
    """The file has tables but no recognisable TrustFrame schema revision (left unchanged)."""


class WorkspaceNeedsUpgradeError(WorkspaceError):
    """The workspace was written by an older TrustFrame; a read-only command will not migrate it."""


class WorkspaceBusyError(WorkspaceError):
    """Another program held the workspace's write lock for longer than TrustFrame waits."""


class WorkspaceReadOnlyError(WorkspaceError):
    """The workspace file, its folder or its disk cannot be written."""


class DiskFullError(WorkspaceError):
    """The disk is full; the change was not saved."""


class TeamPermissionError(WorkspaceError):
    """Team mode: the database refused a change this login may not make (its roles' grants, or
    the four-eyes rule on decisions)."""


class ConnectionLostError(WorkspaceError):
    """The connection to a team workspace's server was lost (network, restart): the change in
    hand was not committed. The GUI keeps it (or says it was refused) and shows a banner until
    the server answers again."""


class StaleWriteError(WorkspaceError):
    """Someone else saved the same record since it was read: the save was refused, nothing was
    overwritten. ``yours`` and ``theirs`` are the two values, ``version`` the current one."""

    def __init__(self, message: str, *, entity: str = "", key: object = None, yours: object = None,
                 theirs: object = None, version: int = 0) -> None:
        super().__init__(message)
        self.entity, self.key, self.yours, self.theirs, self.version = entity, key, yours, theirs, version


def describe_fault(exc: BaseException) -> TrustFrameError | None:
    """The one-sentence error for an environment fault that escaped as a raw exception
    (SQLite lock, read-only file, full disk), or None when ``exc`` is something else.

    Only the standard library is used (SQLAlchemy's wrapper is read through ``orig``) so the CLI
    and the GUI can call this without importing the storage layer.
    """
    import errno
    import sqlite3

    if isinstance(exc, TrustFrameError):
        return exc
    err = getattr(exc, "orig", None) or exc
    text = str(err).lower()
    if isinstance(err, sqlite3.Error):
        if "locked" in text or "busy" in text:
            return WorkspaceBusyError("Another program is writing to this workspace; try again in a moment "
                                      "(nothing was lost).")
        if "disk is full" in text:
            return DiskFullError("The disk holding the workspace is full; free some space and try again "
                                 "(the change was not saved).")
        if "readonly" in text or "read-only" in text or "unable to open database" in text:
            return WorkspaceReadOnlyError("The workspace cannot be written because the file, its folder or its "
                                          "disk is read-only; copy it to a folder you may write to.")
        return None
    if isinstance(err, OSError):
        where = f" ({err.filename})" if getattr(err, "filename", None) else ""
        if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFullError(f"The disk is full{where}; free some space and try again (nothing was written).")
        if err.errno == errno.EROFS:
            return WorkspaceReadOnlyError(f"The disk is read-only{where}; choose a folder you may write to.")
        if err.errno in (errno.EACCES, errno.EPERM):
            return WorkspaceReadOnlyError(f"You may not write there{where}; choose a folder you may write to.")
    return None


class NotFoundError(TrustFrameError):
    """A vendor, product, assessment, question or questionnaire does not exist."""


class ConflictError(TrustFrameError):
    """The action conflicts with the current state (duplicate name, locked assessment...)."""


class ExchangeError(ValidationFailed):
    """A returned workbook cannot be imported; ``issues`` say where and why."""
