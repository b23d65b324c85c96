"""Help > Keyboard Shortcuts: every shortcut of the window and of the screen shown, read from the
actions themselves, so the list can never drift from what the keys really do."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutRow:
    """One line of the shortcuts list."""

    where: str        # "Window" or the screen's name ("Assessment", "Answer area")
    command: str      # the action's text without mnemonics and ellipses
    keys: str         # every key sequence, in the platform's native text, comma-separated


def clean_text(text: str) -> str:
    """An action text as a reader expects it: no "&" mnemonic markers, no trailing dots."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip(".…").strip()


def _rows_for(actions: list[QAction], where: str) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    seen: set[int] = set()
    for action in actions:
        if id(action) in seen:
            continue
        seen.add(id(action))
        keys = [s for s in action.shortcuts() if not s.isEmpty()]
        if not keys:
            continue
        rows.append(ShortcutRow(where, clean_text(action.text()),
                                ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))
    return rows


def _scope_name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.windowTitle() or type(widget).__name__


def collect_shortcuts(window: QWidget, screen: QWidget | None = None) -> list[ShortcutRow]:
    """The shortcuts of ``window`` (the actions it owns) and of ``screen`` and the widgets inside it
    that carry actions (for example the assessment's answer area, where the number keys work)."""
    own = list(window.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly))
    rows = _rows_for(own + list(window.actions()), QCoreApplication.translate("ShortcutsDialog", "Window"))
    if screen is not None:
        for owner in [screen] + [w for w in screen.findChildren(QWidget) if w.actions()]:
            rows += _rows_for(list(owner.actions()), _scope_name(owner))
    # An action attached in two places is listed once.
    unique: dict[tuple[str, str], ShortcutRow] = {}
    for row in rows:
        unique.setdefault((row.command, row.keys), row)
    return list(unique.values())


class ShortcutsDialog(QDialog):
    """A filterable table of the shortcuts from :func:`collect_shortcuts`."""

    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.rows = rows
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Type to filter, e.g. comment or Ctrl+K"))
        self.filter_edit.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys"), self.tr("Where")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(rows):
            for c, text in enumerate((row.command, row.keys, row.where)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        note = QLabel(self.tr("The number keys choose an answer option only while the answer area has the focus; "
                              "in text fields they are text."))
        note.setWordWrap(True)
        note.setObjectName("Muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)

    def visible_commands(self) -> list[str]:
        """Commands of the rows not filtered out (for tests and accessibility checks)."""
        return [self.rows[r].command for r in range(len(self.rows)) if not self.table.isRowHidden(r)]

    def _on_filter_edit_text_changed(self, text: str) -> None:
        needle = text.strip().lower()
        for r, row in enumerate(self.rows):
            hay = f"{row.command} {row.keys} {row.where}".lower()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)
