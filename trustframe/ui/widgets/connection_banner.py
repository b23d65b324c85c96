"""The banner that says the team workspace cannot be reached (team mode).

Shown above every screen from the moment a save or the change poll finds the server gone until
a poll succeeds again. It says what happens to edits meanwhile: answers and comments are kept
and saved when the connection is back (ui/kept_edits.py); a form (vendor, evidence, decision,
details) says on the spot that it was not saved and keeps what was typed, so nothing is lost
silently (docs/team-mode.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext


class ConnectionBanner(QFrame):
    """Hidden while connected; a red-bordered line of text while the connection is lost."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("ConnectionBanner")
        self.setStyleSheet("QFrame#ConnectionBanner { background: #fdecea; border: 1px solid #e0a39c; "
                           "border-radius: 6px; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Connection lost"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        self.hide()
        ctx.hub.connection_changed.connect(self._on_connection_changed)
        ctx.hub.kept_edits_changed.connect(self._on_kept_edits_changed)
        ctx.hub.workspace_changed.connect(self._on_workspace_changed)

    def text(self) -> str:
        """What the banner says now."""
        return self.message.text()

    def _refresh(self) -> None:
        kept = self._ctx.kept_edits
        text = self.tr("The connection to the team workspace is lost. Answers and comments you change are kept "
                       "and saved when it is back; other changes are refused with a message and what you typed "
                       "stays where you typed it.")
        if kept:
            text += " " + self.tr("%n edit(s) waiting to be saved.", "", kept)
        self.message.setText(text)

    def _on_connection_changed(self, connected: bool) -> None:
        if connected:
            self.hide()
        else:
            self._refresh()
            self.show()

    def _on_kept_edits_changed(self, _count: int) -> None:
        if not self._ctx.connected:
            self._refresh()

    def _on_workspace_changed(self) -> None:
        self.hide()
