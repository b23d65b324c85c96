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


class NotFoundError(TrustFrameError):
    """A vendor, product, assessment, question or questionnaire does not exist."""


class ConflictError(TrustFrameError):
    """The action conflicts with the current state (duplicate name, locked assessment...)."""


class ExchangeError(ValidationFailed):
    """A returned workbook cannot be imported; ``issues`` say where and why."""
