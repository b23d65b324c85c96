"""Message boxes and file choosers behind one patchable seam.

Every screen asks the user through these functions instead of calling ``QMessageBox`` or
``QFileDialog`` directly. Tests replace :data:`presenter` (or the ``choose_*`` functions) with
monkeypatch so no modal dialog ever blocks a test run, and can assert what would have been
shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


@dataclass(frozen=True)
class Message:
    """What a message box shows. ``kind`` is information, warning, critical or question."""

    kind: str
    title: str
    text: str
    details: str = ""
    informative: str = ""


def _present_with_qt(parent: QWidget | None, message: Message) -> bool:
    """Show ``message`` modally; True when the user accepted (Yes/OK)."""
    icons = {
        "information": QMessageBox.Icon.Information,
        "warning": QMessageBox.Icon.Warning,
        "critical": QMessageBox.Icon.Critical,
        "question": QMessageBox.Icon.Question,
    }
    box = QMessageBox(parent)
    box.setIcon(icons.get(message.kind, QMessageBox.Icon.NoIcon))
    box.setWindowTitle(message.title)
    box.setText(message.text)
    if message.informative:
        box.setInformativeText(message.informative)
    if message.details:
        box.setDetailedText(message.details)
    if message.kind == "question":
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
    else:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(message.title)
    result = box.exec()
    return result in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok)


#: The function that shows a message. Tests monkeypatch this.
presenter: Callable[[QWidget | None, Message], bool] = _present_with_qt


def information(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    """Tell the user something went well or needs noting."""
    presenter(parent, Message("information", title, text, informative=informative))


def warning(parent: QWidget | None, title: str, text: str, informative: str = "", details: str = "") -> None:
    """Tell the user about a known problem and what to do."""
    presenter(parent, Message("warning", title, text, details, informative))


def critical(parent: QWidget | None, title: str, text: str, informative: str = "", details: str = "") -> None:
    """Tell the user about an unexpected failure."""
    presenter(parent, Message("critical", title, text, details, informative))


def ask(parent: QWidget | None, title: str, text: str, informative: str = "") -> bool:
    """Ask a yes/no question; True for yes. The default button is No (the safe answer)."""
    return presenter(parent, Message("question", title, text, informative=informative))


# -- file choosers (patched in tests) ---------------------------------------------------------

def choose_open_file(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> str:
    """A file to open, or "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, directory, filter)
    return path


def choose_save_file(parent: QWidget | None, caption: str, directory: str = "", filter: str = "") -> str:
    """A file to write, or "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, directory, filter)
    return path
