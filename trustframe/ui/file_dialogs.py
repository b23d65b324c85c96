"""File choosers that remember the last folder per purpose, and opening a file with the desktop's
application that says so when it fails.

Each purpose (workspaces, evidence, returned workbooks, exported questionnaires, reports, logos)
has its own folder in the settings, so choosing a report folder does not send the next evidence
file dialog there. The modal choosers themselves stay behind ``trustframe.ui.messages`` (the
seam tests patch).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from trustframe.ui import messages

WORKSPACE = "workspace"
EVIDENCE = "evidence"
EVIDENCE_COPY = "evidence_copy"
RETURNED_WORKBOOK = "returned_workbook"
QUESTIONNAIRE = "questionnaire"
REPORT = "report"
LOGO = "logo"

_KEY = "folders/{purpose}"


def default_folder() -> Path:
    """Where choosers start before anything was chosen: the user's documents folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remembered_folder(settings: Any, purpose: str) -> Path:
    """The folder last used for ``purpose`` (the documents folder when none is, or it is gone)."""
    value = settings.value(_KEY.format(purpose=purpose), "") if settings is not None else ""
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else default_folder()


def remember_folder(settings: Any, purpose: str, path: Path | str) -> None:
    """Remember the folder of ``path`` (a file) for ``purpose``."""
    if settings is None or not str(path):
        return
    folder = Path(path).expanduser().parent
    settings.set_value(_KEY.format(purpose=purpose), str(folder))


def choose_open(parent: QWidget | None, settings: Any, purpose: str, caption: str, filter: str = "") -> str:
    """A file to open, starting in the purpose's folder ("" when cancelled)."""
    path = messages.choose_open_file(parent, caption, str(remembered_folder(settings, purpose)), filter)
    if path:
        remember_folder(settings, purpose, path)
    return path


def choose_save(parent: QWidget | None, settings: Any, purpose: str, caption: str, file_name: str,
                filter: str = "") -> str:
    """A file to write, suggested as ``file_name`` in the purpose's folder ("" when cancelled)."""
    start = remembered_folder(settings, purpose) / Path(file_name).name
    path = messages.choose_save_file(parent, caption, str(start), filter)
    if path:
        remember_folder(settings, purpose, path)
    return path


def open_with_desktop(parent: QWidget | None, target: Path | str) -> bool:
    """Open a file (or a web link) with the desktop's application; a failure is shown, not
    swallowed, with the path so the user can open it by hand."""
    text = str(target)
    url = QUrl(text) if "://" in text else QUrl.fromLocalFile(text)
    if QDesktopServices.openUrl(url):
        return True
    messages.warning(parent, QCoreApplication.translate("FileDialogs", "Could not open the file"),
                     QCoreApplication.translate("FileDialogs", "No application opened {path}.").format(path=text),
                     QCoreApplication.translate("FileDialogs", "The file is saved; open it from its folder, or set "
                                                               "a default application for this kind of file."))
    return False
