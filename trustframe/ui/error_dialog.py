"""Turning exceptions into dialogs a procurement officer can act on.

Known problems (:class:`~trustframe.errors.TrustFrameError`) already carry a message written for
people; we add a line saying what to do next. Anything else is a bug: it is logged with its
traceback and shown with the log file's path so it can be reported. Nothing fails silently.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from trustframe import errors, paths
from trustframe.ui import messages

log = logging.getLogger(__name__)


# Every text is a literal translate("ErrorDialog", ...) call: pyside6-lupdate only sees literal
# calls, so a helper taking the text as a variable kept these strings out of the translations.
translate = QCoreApplication.translate


def advice_for(exc: BaseException) -> tuple[str, str]:
    """(title, what to do next) for a known error."""
    if isinstance(exc, errors.WorkspaceBusyError):
        return translate("ErrorDialog", "Workspace busy"), translate("ErrorDialog",
            "Another program (or another TrustFrame window) is saving to this workspace. Wait a moment and "
            "try again; nothing was lost.")
    if isinstance(exc, errors.DiskFullError):
        return translate("ErrorDialog", "Disk full"), translate("ErrorDialog",
            "Free some space on the disk, then try again. The change was not saved; what was saved before is safe.")
    if isinstance(exc, errors.WorkspaceReadOnlyError):
        return translate("ErrorDialog", "Workspace cannot be changed"), translate("ErrorDialog",
            "Copy the workspace to a folder you may write to and open the copy, or ask for write access.")
    if isinstance(exc, errors.WorkspaceNeedsUpgradeError):
        return translate("ErrorDialog", "Workspace needs an upgrade"), translate("ErrorDialog",
            "Open it in TrustFrame (File > Open Workspace), which upgrades it after taking a backup.")
    if isinstance(exc, errors.WorkspaceDamagedError):
        return translate("ErrorDialog", "Workspace damaged or not recognised"), translate("ErrorDialog",
            "The file was not changed. Run `trustframe workspace check --repair FILE` for a repaired copy, "
            "or restore a backup from the folder next to it ending in .backups.")
    if isinstance(exc, errors.WorkspaceTooNewError):
        return translate("ErrorDialog", "Workspace made by a newer TrustFrame"), translate("ErrorDialog",
            "Install the newer version of TrustFrame to open this workspace. The file was not changed.")
    if isinstance(exc, errors.NotAWorkspaceError):
        return translate("ErrorDialog", "Not a TrustFrame workspace"), translate("ErrorDialog",
            "Choose a .tfw workspace file, or create a new workspace with File > New Workspace.")
    if isinstance(exc, errors.WorkspaceError):
        return translate("ErrorDialog", "Workspace problem"), translate("ErrorDialog",
            "Check that the file is not open in another program and that you may write to its folder.")
    if isinstance(exc, errors.ValidationFailed):
        return translate("ErrorDialog", "The file has problems"), translate("ErrorDialog",
            "Correct the listed problems and try again.")
    if isinstance(exc, errors.ConflictError):
        return translate("ErrorDialog", "Cannot do that now"), translate("ErrorDialog",
            "Change the conflicting value, or refresh and try again.")
    if isinstance(exc, errors.NotFoundError):
        return translate("ErrorDialog", "Not found"), translate("ErrorDialog",
            "It may have been deleted. Refresh the view (F5) and try again.")
    return translate("ErrorDialog", "Cannot complete the action"), translate("ErrorDialog",
        "Correct the input and try again.")


def show_exception(parent: QWidget | None, exc: BaseException,
                   tb: TracebackType | None = None, context: str = "") -> None:
    """Show ``exc``: a clear dialog for known errors; traceback + log path for bugs.

    A raw SQLite lock, read-only or full-disk error that reached the GUI is an environment
    fault, not a bug: it is shown as the one-sentence workspace error it stands for."""
    if not isinstance(exc, errors.TrustFrameError):
        fault = errors.describe_fault(exc)
        if fault is not None:
            log.info("Environment fault shown to the user: %s", exc)
            exc = fault
    if isinstance(exc, errors.WorkspaceBusyError):
        # Calm: nothing is wrong with the data; the user only has to try again.
        title, advice = advice_for(exc)
        text = f"{context}\n\n{exc}" if context else str(exc)
        messages.information(parent, title, text, advice)
        return
    if isinstance(exc, errors.TrustFrameError):
        log.info("Known error shown to the user: %s", exc)
        title, advice = advice_for(exc)
        details = ""
        if isinstance(exc, errors.ValidationFailed):
            details = "\n".join(str(issue) for issue in exc.issues)
        text = f"{context}\n\n{exc.args[0] if exc.args else exc}" if context else str(exc.args[0] if exc.args else exc)
        messages.warning(parent, title, text, advice, details)
        return
    trace = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
    log.error("Unexpected error%s:\n%s", f" ({context})" if context else "", trace)
    messages.critical(
        parent, translate("ErrorDialog", "Unexpected problem"),
        translate("ErrorDialog", "TrustFrame ran into an unexpected problem and could not finish what it was doing. "
            "Your saved data is safe: every change is saved in its own transaction."),
        translate("ErrorDialog", "The details were written to the log file:\n{path}\n\nPlease include that file when "
            "you report the problem.").format(path=paths.log_file_path()),
        trace)
