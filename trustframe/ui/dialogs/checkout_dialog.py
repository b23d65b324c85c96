"""File > Check Out for Offline Work (team mode): copy assessments of the team workspace, with
their vendor, products and evidence, into a workspace file for work without a network.

The officer ticks the assessments (the register's selection comes ticked) and names the new
file (the chooser remembers the workspace folder); the copy runs off the GUI thread
(:class:`~trustframe.ui.operations.Operation`), then the window offers to open the file. The
team workspace already open is the source, so no password is asked again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustframe.ui import error_dialog, file_dialogs, messages, prompts
from trustframe.ui.operations import Operation, Task

if TYPE_CHECKING:
    from trustframe.ui.main_window import MainWindow

#: What the file chooser offers for a checked-out file.
FILE_FILTER = "TrustFrame workspace (*.tfw)"


@dataclass(frozen=True)
class Choice:
    """One assessment the officer may check out, as the list shows it."""

    assessment_id: int
    text: str


class CheckoutDialog(QDialog):
    """Tick assessments and name the new file; :meth:`chosen_ids` and :meth:`target` after OK."""

    def __init__(self, choices: list[Choice], preselected: Iterable[int], settings: Any,
                 suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Check out for offline work"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(self.tr("The ticked assessments are copied with their vendor, products and evidence into a "
                               "new workspace file. Work in it without a network, then use File > Merge Back into "
                               "the Team Workspace to bring the answers and evidence back."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Assessments to check out"))
        ticked = set(preselected)
        for choice in choices:
            # Vendor and product names are shown as plain text in list items (never rich text).
            item = QListWidgetItem(choice.text)
            item.setData(Qt.ItemDataRole.UserRole, choice.assessment_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.assessment_id in ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.path_edit = QLineEdit(str(suggested))
        self.path_edit.setAccessibleName(self.tr("New workspace file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check Out"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(file_row)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._update_ok)
        self.path_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(560, 420)

    def chosen_ids(self) -> list[int]:
        """The ticked assessments' ids."""
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, assessment_ids: Iterable[int]) -> None:
        """Tick exactly ``assessment_ids`` (for the keyboard-free path and tests)."""
        wanted = set(assessment_ids)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def target(self) -> Path:
        """The new file (a .tfw suffix added when none was typed)."""
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix(".tfw")

    def _choose_file(self) -> None:
        chosen = file_dialogs.choose_save(self, self._settings, file_dialogs.WORKSPACE,
                                          self.tr("Check out into"), self.target().name, FILE_FILTER)
        if chosen:
            self.path_edit.setText(chosen)

    def _update_ok(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.chosen_ids()) and bool(self.path_edit.text().strip()))


def _choices(window: MainWindow) -> list[Choice]:
    """Every register row with an assessment, as "Vendor / Product (#id)"."""
    seen: set[int] = set()
    out: list[Choice] = []
    for row in window.store.rows:
        for aid in (row.assessment_id, row.reassessment_id):
            if aid is not None and aid not in seen:
                seen.add(aid)
                out.append(Choice(aid, f"{row.vendor_name} / {row.product_name} (#{aid})"))
    return out


def suggested_file(settings: Any, location: str) -> Path:
    """A new file's name in the workspace folder: "<database> offline <date>.tfw", never an
    existing file's."""
    database = re.sub(r"[^A-Za-z0-9_-]+", "-", location.rsplit("/", 1)[-1].split("?")[0]).strip("-") or "team"
    folder = file_dialogs.remembered_folder(settings, file_dialogs.WORKSPACE)
    stem = f"{database} offline {date.today().isoformat()}"
    candidate, n = folder / f"{stem}.tfw", 2
    while candidate.exists():
        candidate, n = folder / f"{stem} ({n}).tfw", n + 1
    return candidate


class CheckoutFlow(QObject):
    """File > Check Out for Offline Work, from choosing to opening the new file."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: The background copy once started (tests wait for it).
        self.operation: Operation | None = None
        self.target: Path | None = None

    def run(self) -> Operation | None:
        """Ask what to check out and where, copy in the background, then offer to open the
        file. Returns the running copy (None when there is nothing to do or it was cancelled)."""
        from trustframe.services import team_sync

        window, ctx = self.window, self.window.ctx
        services = ctx.services
        if services is None:
            return None
        title = self.tr("Check out for offline work")
        if not services.workspace.is_server:
            messages.information(window, title, self.tr("Only a team workspace (on a server) is checked out; this "
                                                        "workspace is already a file on this computer."))
            return None
        choices = _choices(window)
        if not choices:
            messages.information(window, title, self.tr("This team workspace has no assessment to check out yet."))
            return None
        preselected = [r.assessment_id for r in window.register_view.selected_rows() if r.assessment_id is not None]
        dialog = CheckoutDialog(choices, preselected, ctx.settings,
                                suggested_file(ctx.settings, services.workspace.location), window)
        try:
            if not prompts.exec_dialog(dialog):
                return None
            ids, target = dialog.chosen_ids(), dialog.target()
        finally:
            dialog.deleteLater()
        file_dialogs.remember_folder(ctx.settings, file_dialogs.WORKSPACE, target)
        workspace = services.workspace
        self.target = target

        def copy(_task: Task) -> dict[str, int]:
            return team_sync.checkout_workspace(workspace, ids, target)

        self.operation = Operation(
            copy, parent=window, ctx=ctx, title=self.tr("Checking out"),
            label=self.tr("Copying the assessments for offline work"), on_success=self._done,
            on_failure=lambda exc: error_dialog.show_exception(
                window, exc, context=self.tr("Checking out for offline work"))).start()
        return self.operation

    def _done(self, counts: dict[str, int]) -> None:
        text = self.tr("%n assessment(s) checked out to {file}.", "", counts.get("assessments", 0)).format(
            file=str(self.target))
        informative = self.tr("%n piece(s) of evidence copied. Open the file now to work without a network?", "",
                              counts.get("evidence", 0))
        if messages.ask(self.window, self.tr("Checked out"), text, informative) and self.target is not None:
            self.window.open_workspace(self.target)
