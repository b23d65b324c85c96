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


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


def advice_for(exc: BaseException) -> tuple[str, str]:
    """(title, what to do next) for a known error."""
    if isinstance(exc, errors.WorkspaceTooNewError):
        return _tr("Workspace made by a newer TrustFrame"), _tr(
            "Install the newer version of TrustFrame to open this workspace. The file was not changed.")
    if isinstance(exc, errors.NotAWorkspaceError):
        return _tr("Not a TrustFrame workspace"), _tr(
            "Choose a .tfw workspace file, or create a new workspace with File > New Workspace.")
    if isinstance(exc, errors.WorkspaceError):
        return _tr("Workspace problem"), _tr(
            "Check that the file is not open in another program and that you may write to its folder.")
    if isinstance(exc, errors.ValidationFailed):
        return _tr("The file has problems"), _tr("Correct the listed problems and try again.")
    if isinstance(exc, errors.ConflictError):
        return _tr("Cannot do that now"), _tr("Change the conflicting value, or refresh and try again.")
    if isinstance(exc, errors.NotFoundError):
        return _tr("Not found"), _tr("It may have been deleted. Refresh the view (F5) and try again.")
    return _tr("Cannot complete the action"), _tr("Correct the input and try again.")


def show_exception(parent: QWidget | None, exc: BaseException,
                   tb: TracebackType | None = None, context: str = "") -> None:
    """Show ``exc``: a clear dialog for known errors; traceback + log path for bugs."""
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
        parent, _tr("Unexpected problem"),
        _tr("TrustFrame ran into an unexpected problem and could not finish what it was doing. "
            "Your saved data is safe: every change is saved in its own transaction."),
        _tr("The details were written to the log file:\n{path}\n\nPlease include that file when "
            "you report the problem.").format(path=paths.log_file_path()),
        trace)
