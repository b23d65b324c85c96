"""A small dialog asking for a reason (reopening, overriding, accepting a red flag...).

Decisions in TrustFrame are accountable: every override and reopening keeps its reason in the
change log, so the OK button stays disabled until a reason is typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class ReasonDialog(QDialog):
    """Asks for a non-empty reason; ``reason()`` after ``exec()``."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *,
                 ok_text: str = "", initial: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # build widgets
        self._prompt = QLabel(prompt)
        self._prompt.setWordWrap(True)
        self._edit = QPlainTextEdit(initial)
        self._edit.setAccessibleName(self.tr("Reason"))
        self._edit.setTabChangesFocus(True)
        self._edit.setMinimumHeight(self.fontMetrics().height() * 4)
        self._prompt.setBuddy(self._edit)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if ok_text:
            self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        # build layout
        layout = QVBoxLayout(self)
        layout.addWidget(self._prompt)
        layout.addWidget(self._edit)
        layout.addWidget(self._buttons)
        # connect signals
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._edit.textChanged.connect(self._on_edit_text_changed)
        self._on_edit_text_changed()
        self.resize(self.fontMetrics().averageCharWidth() * 60, self.sizeHint().height())

    def set_reason(self, text: str) -> None:
        """Fill in the reason (tests, prefills)."""
        self._edit.setPlainText(text)

    def reason(self) -> str:
        """The reason typed, stripped."""
        return self._edit.toPlainText().strip()

    def _on_edit_text_changed(self) -> None:
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))
