"""A dialog with a form whose save can be refused by a service with a readable reason.

Services validate (they raise ``InvalidInput`` / ``ConflictError`` with text written for
people); the dialog shows that text inline above the buttons and stays open, so the user fixes
the field instead of dismissing a message box and retyping.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from trustframe.errors import ConnectionLostError, TrustFrameError
from trustframe.ui import error_dialog
from trustframe.ui.focus import focus_first_field

log = logging.getLogger(__name__)


class FormDialog(QDialog):
    """Subclasses build their form into :attr:`form_area` and implement :meth:`save`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.form_area = QVBoxLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("InlineError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(self.form_area)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # The first field, not Save: a space typed there must not submit the form.
        if not event.spontaneous():
            focus_first_field(self)

    def save(self) -> None:
        """Validate and save through a service; raise TrustFrameError to refuse."""
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        """Show a validation message inline."""
        self.error_label.setText(text)
        self.error_label.show()

    @property
    def error_text(self) -> str:
        """The inline message shown ("" when none)."""
        return self.error_label.text() if self.error_label.isVisible() or self.error_label.text() else ""

    def _on_buttons_accepted(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
        try:
            self.save()
        except TrustFrameError as exc:
            log.info("%s refused: %s", type(self).__name__, exc)
            self.show_error(str(exc))
            ctx = getattr(self, "_ctx", None)
            if isinstance(exc, ConnectionLostError) and ctx is not None:
                ctx.note_connection_lost()  # the banner at once, not at the next poll
            return
        except Exception as exc:  # noqa: BLE001 - a bug: shown with the log path, the dialog keeps the input
            error_dialog.show_exception(self, exc)
            return
        self.accept()
