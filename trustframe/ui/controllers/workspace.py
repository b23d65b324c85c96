"""The main window's controller: the workspace lifecycle and the dialogs the window launches.

:class:`WorkspaceController` opens, creates and switches workspaces (files and team workspaces on
PostgreSQL, with the password asked when the server wants one), builds the demo workspace in the
background, keeps the recent list, asks for the user's name once, and launches the window's
dialogs (vendors, products, evidence, new assessment, export, import, reports, preferences,
shortcuts, about). :class:`~trustframe.ui.main_window.MainWindow` keeps the menus, tabs and slots
and delegates to it; the start-up hand-over (:mod:`trustframe.ui.startup`) lands in
:meth:`WorkspaceController.set_services`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit

from trustframe import __version__, paths
from trustframe.services.locations import is_server_location
from trustframe.ui import error_dialog, messages
from trustframe.ui.operations import Operation, Task

if TYPE_CHECKING:
    from trustframe.services.context import Services
    from trustframe.ui.main_window import MainWindow

log = logging.getLogger(__name__)

WORKSPACE_FILTER = "TrustFrame workspace (*.tfw);;All files (*)"
DEMO_FILE_NAME = "demo.tfw"
#: Settings key: the first-start name question was asked (it is asked once only).
NAME_ASKED_KEY = "assessment/name_asked"


def demo_workspace_path() -> Path:
    """Where the demo workspace is built (user data folder)."""
    return paths.user_data_dir() / DEMO_FILE_NAME


def is_team_location(location: Path | str) -> bool:
    """True for a team workspace on PostgreSQL (a URL or ``service=NAME``) rather than a file."""
    return is_server_location(location)


def open_services(path: Path | str, create: bool, user: str | None = None, password: str | None = None) -> Services:
    """Open a workspace (imported here so the window module stays light to import); ``user`` is
    the name from Preferences recorded as the actor (never the operating-system login; in team
    mode the database login is recorded instead). ``password``: a team workspace's, asked each
    time and never stored."""
    from trustframe.services.context import Services

    return Services.open(path, create=create, user=user or None, password=password)


def _elide(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _needs_password(exc: BaseException) -> bool:
    """True when a team workspace could not be opened only for want of a password."""
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen).lower()
        if "password" in text and ("no password supplied" in text or "authentication failed" in text):
            return True
        seen = seen.__cause__
    return False


class WorkspaceController(QObject):
    """Workspace lifecycle and dialog launching for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        #: The demo workspace being built in the background (None when idle).
        self.demo_operation: Operation | None = None

    def open_workspace(self, path: Path | str, create: bool = False, password: str | None = None) -> bool:
        """Open (or create) the workspace at ``path`` (a file, or a team workspace's URL); errors
        are shown, never raised. A team workspace whose server wants a password that libpq's
        files do not give asks for it (used for this connection only, never stored)."""
        team = is_team_location(path)
        location: Path | str = str(path).strip() if team else Path(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            settings = self.ctx.settings
            services = open_services(location, create=create,
                                     user=settings.assessor_name if settings is not None else None, password=password)
        except Exception as exc:  # noqa: BLE001 - every failure to open is shown; the callers get False
            # Opening runs the database driver, the file system and the migrations, any of which may fail:
            # known errors get a clear dialog, bugs the log path.
            QApplication.restoreOverrideCursor()
            if team and password is None and _needs_password(exc):
                asked, ok = QInputDialog.getText(
                    self.window, self.tr("Team workspace"),
                    self.tr("Password for {location}:").format(location=location),
                    QLineEdit.EchoMode.Password)
                if ok:
                    return self.open_workspace(location, create=create, password=asked)
                return False
            name = str(location) if team else Path(location).name
            error_dialog.show_exception(self.window, exc, context=self.tr("Opening {name}").format(name=name))
            if not team and not Path(location).exists():
                self.ctx.settings.remove_recent_workspace(location)
            return False
        QApplication.restoreOverrideCursor()
        self.set_services(services)
        return True

    def set_services(self, services: Services | None) -> None:
        """Switch the whole window to ``services`` (closing the previous workspace)."""
        old = self.ctx.services
        self.window._close_document_tabs()
        self.ctx.set_services(services)
        if old is not None and old is not services:
            old.close()
        if services is not None:
            self.ctx.settings.add_recent_workspace(services.workspace.location)
            from trustframe.ui.dialogs.preferences_dialog import mirror_to_workspace

            try:
                mirror_to_workspace(self.ctx)
            except Exception:  # branding is a convenience: never block opening a workspace
                log.exception("Could not copy the organisation settings into the workspace")
            self.window.workspace_opened.emit(services.workspace.location)

    def new_workspace(self) -> None:
        """Ask where, then create an empty workspace."""
        from trustframe.ui import file_dialogs

        path = file_dialogs.choose_save(self.window, self.ctx.settings, file_dialogs.WORKSPACE,
                                        self.tr("Create a workspace"), self.tr("My vendors.tfw"), WORKSPACE_FILTER)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != paths.WORKSPACE_SUFFIX:
            target = target.with_name(target.name + paths.WORKSPACE_SUFFIX)
        if target.exists() and target.stat().st_size > 0:
            messages.warning(self.window, self.tr("Create a workspace"),
                             self.tr("{name} already exists.").format(name=target.name),
                             self.tr("Choose another name, or open it with File > Open Workspace."))
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.open_workspace(target, create=True):
            self.ctx.hub.status_message.emit(self.tr("Created {name}").format(name=target.name), 5000)

    def choose_and_open_workspace(self) -> None:
        """Ask for a workspace file and open it."""
        from trustframe.ui import file_dialogs

        path = file_dialogs.choose_open(self.window, self.ctx.settings, file_dialogs.WORKSPACE,
                                        self.tr("Open a workspace"), WORKSPACE_FILTER)
        if path:
            self.open_workspace(path, create=False)

    def choose_and_open_team_workspace(self) -> None:
        """Ask for a team workspace's address (PostgreSQL URL or libpq service) and open it."""
        location, ok = QInputDialog.getText(
            self.window, self.tr("Open a team workspace"),
            self.tr("Address of the team workspace, e.g. postgresql://server/trustframe or service=trustframe "
                    "(no password here: you are asked for it when the server needs one):"),
            QLineEdit.EchoMode.Normal, "service=trustframe")
        location = location.strip()
        if not ok or not location:
            return
        if not is_team_location(location):
            messages.warning(self.window, self.tr("Open a team workspace"),
                             self.tr("{location} is not a PostgreSQL address; it starts with postgresql:// or "
                                     "service=.").format(location=location))
            return
        self.open_workspace(location, create=False)

    def open_demo_workspace(self) -> None:
        """Open the demo workspace, building it first (in the background) when absent."""
        target = demo_workspace_path()
        if target.exists() and target.stat().st_size > 0:
            self.open_workspace(target)
            return
        if self.demo_operation is not None:
            return
        target.parent.mkdir(parents=True, exist_ok=True)

        def build(task: Task) -> Path:
            from trustframe.services.demo import build_demo_workspace

            task.report(0, 0, self.tr("Building the demo workspace (fictional vendors and assessments)…"))
            # Built in a temporary file and moved into place when complete, so an interrupted
            # build never leaves a half-filled demo that would be opened next time.
            build_demo_workspace(target, replace=True, rescore=True)
            return target

        self.demo_operation = Operation(
            build, parent=self.window, ctx=self.ctx, title=self.tr("Demo workspace"),
            label=self.tr("Building the demo workspace…"), delay_ms=0,
            on_success=self._on_demo_built, error_context=self.tr("Building the demo workspace"))
        self.demo_operation.finished.connect(self._on_demo_operation_finished)
        self.demo_operation.start()

    def _on_demo_built(self, path: Path) -> None:
        if self.open_workspace(path):
            self.window.demo_built.emit(str(path))
            self.ctx.hub.status_message.emit(self.tr("Demo workspace ready: every vendor in it is fictional."), 8000)

    def _on_demo_operation_finished(self) -> None:
        self.demo_operation = None

    def _on_recent_chosen(self, path: str) -> None:
        if not is_team_location(path) and not Path(path).exists():
            messages.warning(self.window, self.tr("Open recent"), self.tr("{path} no longer exists.").format(path=path),
                             self.tr("It was removed from the recent list."))
            self.ctx.settings.remove_recent_workspace(path)
            self.window._on_workspace_switched()
            return
        self.open_workspace(path)

    def _fill_recent_menu(self) -> None:
        self.window.recent_menu.clear()
        recent = self.ctx.settings.recent_workspaces
        for index, path in enumerate(recent, start=1):
            name = path if is_team_location(path) else Path(path).name
            action = self.window.recent_menu.addAction(f"&{index} {name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self._on_recent_chosen(p))
        if not recent:
            empty = self.window.recent_menu.addAction(self.tr("No recent workspaces"))
            empty.setEnabled(False)
        else:
            self.window.recent_menu.addSeparator()
            self.window.recent_menu.addAction(self.tr("Clear List"), self._on_clear_recent)

    def _on_clear_recent(self) -> None:
        self.ctx.settings.clear_recent_workspaces()
        self.window.welcome.set_recent([])

    def add_vendor(self) -> None:
        """Add a vendor through the vendor dialog, then open its page."""
        from trustframe.ui.dialogs.vendor_dialog import VendorDialog

        if self.ctx.services is None:
            return
        dialog = VendorDialog(self.ctx, parent=self.window)
        if dialog.exec() and dialog.saved_vendor is not None and dialog.saved_vendor.id is not None:
            self.ctx.hub.status_message.emit(self.tr("Added {name}").format(name=dialog.saved_vendor.name), 4000)
            self.window.open_vendor(dialog.saved_vendor.id)

    def edit_vendor(self, vendor_id: int) -> None:
        """Edit a vendor."""
        from trustframe.ui.dialogs.vendor_dialog import VendorDialog

        vendor = self.ctx.require_services.vendors.get_vendor(vendor_id)
        dialog = VendorDialog(self.ctx, vendor, parent=self.window)
        if dialog.exec() and dialog.saved_vendor is not None:
            widget = self.window._tabs_by_key.get(("vendor", vendor_id))
            if widget is not None:
                self.window.tabs.setTabText(self.window.tabs.indexOf(widget), _elide(dialog.saved_vendor.name))

    def add_product(self, vendor_id: int) -> None:
        """Add a product to a vendor."""
        from trustframe.ui.dialogs.product_dialog import ProductDialog

        dialog = ProductDialog(self.ctx, vendor_id, parent=self.window)
        if dialog.exec() and dialog.saved_product is not None:
            self.ctx.hub.status_message.emit(self.tr("Added {name}").format(name=dialog.saved_product.name), 4000)

    def edit_product(self, product_id: int) -> None:
        """Edit a product."""
        from trustframe.ui.dialogs.product_dialog import ProductDialog

        product = self.ctx.require_services.vendors.get_product(product_id)
        ProductDialog(self.ctx, product.vendor_id, product, parent=self.window).exec()

    def add_evidence(self, vendor_id: int, product_id: int = 0) -> None:
        """Record evidence for a vendor."""
        from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog

        dialog = EvidenceDialog(self.ctx, vendor_id, product_id or None, parent=self.window)
        if dialog.exec() and dialog.saved_evidence is not None:
            self.ctx.hub.status_message.emit(self.tr("Evidence added: {t}").format(t=dialog.saved_evidence.title), 4000)

    def new_assessment(self, vendor_id: int = 0, product_id: int = 0) -> None:
        """Start an assessment with the new-assessment wizard, then open it."""
        from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog

        dialog = NewAssessmentDialog(self.ctx, vendor_id=vendor_id or None, product_id=product_id or None,
                                     parent=self.window)
        if dialog.exec():
            created = dialog.created_assessment_id
            if created is not None:
                self.window.open_assessment(created)

    def pick_assessments_to_compare(self, preselected: list[int]) -> list[int]:
        """Open the compare picker; the ticked assessment ids ([] when cancelled)."""
        from trustframe.ui import prompts
        from trustframe.ui.dialogs.compare_picker import ComparePickerDialog

        # The register already knows the latest assessments' ratings: no need to score them again.
        known = {r.assessment_id: r.rating for r in self.window.store.rows if r.assessment_id is not None} \
            if self.window.store.is_loaded else {}
        dialog = ComparePickerDialog(self.ctx, preselected, known, parent=self.window)
        try:
            return dialog.chosen_ids() if prompts.exec_dialog(dialog) else []
        finally:
            dialog.deleteLater()

    def export_questionnaire(self) -> None:
        """Write the current assessment's questionnaire as a workbook for the vendor."""
        assessment_id = self.window.current_assessment_id()
        if assessment_id is None:
            messages.information(self.window, self.tr("Export questionnaire"), self.tr(
                "Select a product with an assessment in the register (or open an assessment) first."))
            return
        from trustframe.ui.dialogs.export_dialog import ExportDialog  # dialogs load when first used

        self._exec_dialog(lambda: ExportDialog(self.ctx, assessment_id, parent=self.window),
                          self.tr("Export questionnaire"))

    def import_response(self, path: str | None = None) -> None:
        """Import a workbook the vendor filled in (into the current assessment when one is chosen;
        the import dialog can also recognise the assessment from the workbook)."""
        from trustframe.ui.dialogs.import_dialog import ImportDialog

        self._exec_dialog(lambda: ImportDialog(self.ctx, self.window.current_assessment_id(), path=path,
                                               parent=self.window),
                          self.tr("Import vendor response"))

    def open_reports(self, kind: str | None = None) -> None:
        """Open the report dialog for the current assessment, or the portfolio."""
        if kind is None:
            kind = "portfolio" if self.window.tabs.currentWidget() is self.window._portfolio_page else "assessment"
        ids: list[int] = []
        if kind == "assessment":
            current = self.window.current_assessment_id()
            if current is None:
                kind = "portfolio"
            else:
                ids = [current]
        if kind == "portfolio":
            ids = [r.assessment_id for r in self.window.store.rows if r.assessment_id is not None]
        from trustframe.ui.dialogs.report_dialog import ReportDialog

        self._exec_dialog(lambda: ReportDialog(self.ctx, ids, kind=kind, parent=self.window), self.tr("Reports"))

    def _exec_dialog(self, make: Callable[[], QDialog], title: str) -> None:
        """Build a dialog with ``make`` and run it; an error building or running it becomes a message."""
        try:
            make().exec()
        except Exception as exc:  # noqa: BLE001 - any dialog's failure: known errors get advice, bugs the log path
            error_dialog.show_exception(self.window, exc, context=title)

    def open_preferences(self) -> None:
        """Edit preferences."""
        from trustframe.ui.dialogs.preferences_dialog import PreferencesDialog

        PreferencesDialog(self.ctx, self.window).exec()

    def ask_user_name_once(self) -> None:
        """First start: ask for the name to record (once; Preferences can change it later)."""
        from trustframe import actor

        settings = self.ctx.settings
        if settings is None or settings.assessor_name or settings.value(NAME_ASKED_KEY, False) in (True, "true"):
            return
        if actor.resolve() != actor.UNNAMED:
            return  # named explicitly (TRUSTFRAME_USER): nothing to ask
        # Imported only when asking: this runs right after the first paint, on every start.
        from trustframe.ui import prompts
        from trustframe.ui.dialogs.name_dialog import NameDialog

        settings.set_value(NAME_ASKED_KEY, True)
        dialog = NameDialog(self.ctx, self.window)
        try:
            prompts.exec_dialog(dialog)
        finally:
            dialog.deleteLater()

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: the window's and the current screen's shortcuts."""
        from trustframe.ui import prompts
        from trustframe.ui.dialogs.shortcuts_dialog import ShortcutsDialog, collect_shortcuts

        screen = self.window.tabs.currentWidget() if self.window.stack.currentWidget() is self.window.tabs else None
        dialog = ShortcutsDialog(collect_shortcuts(self.window, screen), self.window)
        try:
            prompts.exec_dialog(dialog)
        finally:
            dialog.deleteLater()

    def show_about(self) -> None:
        """Help > About."""
        messages.information(self.window, self.tr("About TrustFrame"), self.tr(
            "<b>TrustFrame {version}</b><br>Assess the trustworthiness of ICT vendors and their products "
            "before you buy, offline.").format(version=__version__), self.tr(
            "Questions follow the EWI Buyers Guide and the Weathering TechNationalism framework: vendors are "
            "judged by what they do and prove, never by their country of origin.\n\nLog file: {log}").format(
            log=paths.log_file_path()))

    def open_log_folder(self) -> None:
        """Help > Open Log Folder."""
        folder = paths.user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
