"""The main window: menus, toolbar, status bar, and the central area.

The central area is a stack: the welcome screen when no workspace is open, else tabs with the
Register (home) and the Portfolio overview, which cannot be closed, followed by the vendors,
assessments and comparisons the user opened. Screens by other parts of the team (assessment,
compare, import, export, reports) are imported lazily and guarded, so the shell works while a
part is missing and start-up never pays for them.

The workspace lifecycle (open, new, team, demo, recent) and the dialogs the window launches are
the :class:`~trustframe.ui.controllers.workspace.WorkspaceController`'s; the window keeps the
menus, tabs and slots, and its public methods of the same names delegate to the controller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from trustframe.errors import TrustFrameError
from trustframe.ui import error_dialog, icons, messages
from trustframe.ui.controllers.workspace import (
    DEMO_FILE_NAME,
    NAME_ASKED_KEY,
    WORKSPACE_FILTER,
    WorkspaceController,
    _elide,
    demo_workspace_path,
    is_team_location,
    open_services,
)
from trustframe.ui.models.register_store import RegisterStore
from trustframe.ui.operations import Operation
from trustframe.ui.views.portfolio_view import PortfolioView
from trustframe.ui.views.register_view import RegisterView
from trustframe.ui.views.welcome_view import WelcomeView

if TYPE_CHECKING:
    from trustframe.services.context import Services
    from trustframe.ui.context import UiContext
    from trustframe.ui.startup import StartupLoader

log = logging.getLogger(__name__)

# Kept importable from here: the start-up hand-over, app.py and tests use these names (and
# QInputDialog, whose getText tests replace).
__all__ = ["DEMO_FILE_NAME", "NAME_ASKED_KEY", "WORKSPACE_FILTER", "MainWindow", "QInputDialog", "demo_workspace_path",
           "is_team_location", "open_services"]


class MainWindow(QMainWindow):
    """TrustFrame's window. Owns the tabs and wires the screens to each other."""

    #: A workspace was opened (its path) — after the context switched to it.
    workspace_opened = Signal(str)
    #: The demo workspace finished building (its path).
    demo_built = Signal(str)

    REGISTER_TAB = 0
    PORTFOLIO_TAB = 1

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = RegisterStore(ctx, self)
        self._tabs_by_key: dict[tuple[str, Any], QWidget] = {}
        self.controller = WorkspaceController(self)
        # Opens the start-up workspace behind the shown window (trustframe.ui.startup), if any.
        self.startup_loader: StartupLoader | None = None
        self.setWindowIcon(icons.icon(icons.APP))
        self.setAcceptDrops(True)
        self.setAccessibleName("TrustFrame")
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_layout()
        self._connect_signals()
        self._restore_window()
        self._on_workspace_switched()
        if ctx.services is not None:
            # After the first paint: the loader thread would otherwise compete for the GIL
            # with building and showing the window.
            QTimer.singleShot(0, self.store.reload)

    # -- construction --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.welcome = WelcomeView()
        self.register_view = RegisterView(self.ctx, self.store)
        # The portfolio page is built when first shown: start-up only pays for the register.
        self._portfolio_view: PortfolioView | None = None
        self._portfolio_page = QWidget()
        QVBoxLayout(self._portfolio_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setAccessibleName(self.tr("Open screens"))
        self.tabs.setIconSize(QSize(16, 16))
        self.tabs.addTab(self.register_view, icons.icon(icons.REGISTER), self.tr("Register"))
        self.tabs.addTab(self._portfolio_page, icons.icon(icons.PORTFOLIO), self.tr("Portfolio"))
        for index in (self.REGISTER_TAB, self.PORTFOLIO_TAB):
            # The home screens stay: no close button on their tabs.
            for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
                self.tabs.tabBar().setTabButton(index, side, None)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.workspace_label = QLabel()
        self.workspace_label.setObjectName("Muted")
        self.workspace_label.setAccessibleName(self.tr("Open workspace"))

    def _action(self, text: str, icon: str | None = None,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                slot: Callable[..., Any] | None = None, tip: str = "") -> QAction:
        action = QAction(icons.icon(icon) if icon else QIcon(), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_workspace_action = self._action(self.tr("&New Workspace…"), icons.WORKSPACE_NEW, K.New,
                                                 self.new_workspace, self.tr("Create an empty workspace file"))
        self.open_workspace_action = self._action(self.tr("&Open Workspace…"), icons.OPEN, K.Open,
                                                  self.choose_and_open_workspace, self.tr("Open a workspace file"))
        self.open_team_action = self._action(self.tr("Open &Team Workspace…"), icons.OPEN, None,
                                             self.choose_and_open_team_workspace,
                                             self.tr("Open a workspace shared on a PostgreSQL server"))
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.checkout_action = self._action(self.tr("Check Out for &Offline Work…"), None, None, self.check_out,
                                            self.tr("Copy assessments of the team workspace to a file"))
        self.merge_back_action = self._action(self.tr("&Merge Back into the Team Workspace…"), None, None,
                                              self.merge_back, self.tr("Bring a checked-out file's work back"))
        self.demo_action = self._action(self.tr("Open &Demo Workspace"), icons.DEMO, None, self.open_demo_workspace,
                                        self.tr("Explore TrustFrame with fictional vendors"))
        self.import_action = self._action(self.tr("&Import Vendor Response…"), icons.IMPORT, "Ctrl+I",
                                          self.import_response, self.tr("Import a questionnaire workbook the vendor "
                                                                        "filled in"))
        self.export_action = self._action(self.tr("&Export Questionnaire…"), icons.EXPORT, "Ctrl+E",
                                          self.export_questionnaire, self.tr("Write the questionnaire as an Excel "
                                                                             "workbook to send to the vendor"))
        self.reports_action = self._action(self.tr("&Reports…"), icons.REPORT, "Ctrl+P", self.open_reports,
                                           self.tr("Assessment, comparison and portfolio reports (PDF, Excel)"))
        self.preferences_action = self._action(self.tr("&Preferences…"), icons.PREFERENCES, K.Preferences,
                                               self.open_preferences)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.tr("&Quit"), icons.QUIT, K.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setIcon(icons.icon(icons.UNDO))
        self.undo_action.setShortcuts([QKeySequence(K.Undo)])
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setIcon(icons.icon(icons.REDO))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(K.Redo)]
                                      if QKeySequence(K.Redo) != QKeySequence("Ctrl+Shift+Z")
                                      else [QKeySequence("Ctrl+Shift+Z")])
        self.find_action = self._action(self.tr("&Find…"), icons.SEARCH, K.Find, self.focus_search,
                                        self.tr("Search the vendor register"))

        self.register_action = self._action(self.tr("&Register"), icons.REGISTER, "Ctrl+1",
                                            lambda: self.tabs.setCurrentIndex(self.REGISTER_TAB))
        self.portfolio_action = self._action(self.tr("&Portfolio Overview"), icons.PORTFOLIO, "Ctrl+2",
                                             lambda: self.tabs.setCurrentIndex(self.PORTFOLIO_TAB))
        self.refresh_action = self._action(self.tr("Re&fresh"), icons.REFRESH, K.Refresh, self.refresh)
        self.close_tab_action = self._action(self.tr("&Close Tab"), icons.CLOSE, K.Close, self.close_current_tab)
        # F11, not the platform's FullScreen key: on KDE that is Ctrl+Shift+F, the assessment's Follow-up.
        self.fullscreen_action = self._action(self.tr("&Full Screen"), None, "F11", self._toggle_full_screen)
        self.fullscreen_action.setCheckable(True)

        self.add_vendor_action = self._action(self.tr("Add &Vendor…"), icons.VENDOR, "Ctrl+Shift+V",
                                              lambda: self.add_vendor())
        self.new_assessment_action = self._action(self.tr("&New Assessment…"), icons.ASSESSMENT_NEW, "Ctrl+Shift+N",
                                                  self.new_assessment_for_selection,
                                                  self.tr("Assess a vendor's product or service"))
        self.open_assessment_action = self._action(self.tr("&Open Assessment"), icons.ASSESSMENT, "Ctrl+Shift+O",
                                                   self.open_selected_assessment,
                                                   self.tr("Open the latest assessment of the selected product"))
        self.compare_action = self._action(self.tr("&Compare…"), icons.COMPARE, "Ctrl+Shift+C", self.compare_selected,
                                           self.tr("Compare the selected assessments side by side"))

        self.shortcuts_action = self._action(self.tr("&Keyboard Shortcuts"), None, "F1", self.show_shortcuts,
                                             self.tr("Every keyboard shortcut of the window and the screen shown"))
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.about_action = self._action(self.tr("&About TrustFrame"), icons.ABOUT, None, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.log_folder_action = self._action(self.tr("Open &Log Folder"), icons.LOG_FOLDER, None,
                                              self.open_log_folder)
        self.workspace_actions = [self.import_action, self.export_action, self.reports_action, self.find_action,
                                  self.register_action, self.portfolio_action, self.refresh_action,
                                  self.add_vendor_action, self.new_assessment_action, self.open_assessment_action,
                                  self.compare_action]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_workspace_action, self.open_workspace_action, self.open_team_action])
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action, self.reports_action])
        file_menu.addSeparator()
        file_menu.addActions([self.checkout_action, self.merge_back_action])
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.add_vendor_action)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions([self.register_action, self.portfolio_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.refresh_action, self.close_tab_action])
        self.view_menu.addSeparator()

        assessment_menu = bar.addMenu(self.tr("&Assessment"))
        assessment_menu.addActions([self.new_assessment_action, self.open_assessment_action, self.compare_action])

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action, self.log_folder_action])

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Actions only: the Register and Portfolio tabs are always there, so switching to them
        # lives on the tab bar and under View (Ctrl+1 / Ctrl+2), not here as duplicate buttons.
        self.toolbar.addActions([self.add_vendor_action, self.new_assessment_action, self.compare_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.export_action, self.import_action, self.reports_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        toggle = self.toolbar.toggleViewAction()
        toggle.setText(self.tr("Show &Toolbar"))
        self.view_menu.addAction(toggle)
        self.view_menu.addAction(self.fullscreen_action)

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        from trustframe.ui.widgets.connection_banner import ConnectionBanner

        self.connection_banner = ConnectionBanner(self.ctx)  # team mode: shown while the server is gone
        layout.addWidget(self.connection_banner)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.workspace_label)

    def _connect_signals(self) -> None:
        hub = self.ctx.hub
        hub.workspace_changed.connect(self._on_workspace_switched)
        hub.assessment_requested.connect(self._on_hub_assessment_requested)
        hub.status_message.connect(self._on_hub_status_message)
        self.welcome.new_requested.connect(self.new_workspace)
        self.welcome.open_requested.connect(self.choose_and_open_workspace)
        self.welcome.demo_requested.connect(self.open_demo_workspace)
        self.welcome.recent_activated.connect(self.controller._on_recent_chosen)
        self.recent_menu.aboutToShow.connect(self.controller._fill_recent_menu)
        self.tabs.tabCloseRequested.connect(self._on_tabs_tabCloseRequested)
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        self.register_view.vendor_activated.connect(self.open_vendor)
        self.register_view.add_vendor_requested.connect(self.add_vendor)
        self.register_view.new_assessment_requested.connect(self.new_assessment)
        self.register_view.table.selectionModel().selectionChanged.connect(self._update_actions)

    @property
    def portfolio_view(self) -> PortfolioView:
        """The portfolio page (built on first use)."""
        if self._portfolio_view is None:
            view = PortfolioView(self.ctx, self.store)
            view.vendor_activated.connect(self.open_vendor)
            view.report_requested.connect(lambda: self.open_reports(kind="portfolio"))
            layout = self._portfolio_page.layout()
            assert layout is not None
            layout.addWidget(view)
            self._portfolio_view = view
        return self._portfolio_view

    def _restore_window(self) -> None:
        settings = self.ctx.settings
        geometry = settings.window_geometry if settings is not None else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1320, 840)
        state = settings.window_state if settings is not None else None
        if state is not None:
            self.restoreState(state)

    # -- workspaces ----------------------------------------------------------------------------

    # -- workspaces and dialogs: the WorkspaceController's, under the window's public names ------

    @property
    def demo_operation(self) -> Operation | None:
        """The demo workspace being built in the background (None when idle)."""
        return self.controller.demo_operation

    def open_workspace(self, path: Path | str, create: bool = False, password: str | None = None) -> bool:
        """Open (or create) the workspace at ``path`` (a file, or a team workspace's URL); errors are shown."""
        return self.controller.open_workspace(path, create, password)

    def set_services(self, services: Services | None) -> None:
        """Switch the whole window to ``services`` (closing the previous workspace)."""
        self.controller.set_services(services)

    def new_workspace(self) -> None:
        """Ask where, then create an empty workspace."""
        self.controller.new_workspace()

    def choose_and_open_workspace(self) -> None:
        """Ask for a workspace file and open it."""
        self.controller.choose_and_open_workspace()

    def choose_and_open_team_workspace(self) -> None:
        """Ask for a team workspace's address (PostgreSQL URL or libpq service) and open it."""
        self.controller.choose_and_open_team_workspace()

    def open_demo_workspace(self) -> None:
        """Open the demo workspace, building it first (in the background) when absent."""
        self.controller.open_demo_workspace()

    def add_vendor(self) -> None:
        """Add a vendor through the vendor dialog, then open its page."""
        self.controller.add_vendor()

    def edit_vendor(self, vendor_id: int) -> None:
        """Edit a vendor."""
        self.controller.edit_vendor(vendor_id)

    def add_product(self, vendor_id: int) -> None:
        """Add a product to a vendor."""
        self.controller.add_product(vendor_id)

    def edit_product(self, product_id: int) -> None:
        """Edit a product."""
        self.controller.edit_product(product_id)

    def add_evidence(self, vendor_id: int, product_id: int = 0) -> None:
        """Record evidence for a vendor."""
        self.controller.add_evidence(vendor_id, product_id)

    def new_assessment(self, vendor_id: int = 0, product_id: int = 0) -> None:
        """Start an assessment with the new-assessment wizard, then open it."""
        self.controller.new_assessment(vendor_id, product_id)

    def pick_assessments_to_compare(self, preselected: list[int]) -> list[int]:
        """Open the compare picker; the ticked assessment ids ([] when cancelled)."""
        return self.controller.pick_assessments_to_compare(preselected)

    def export_questionnaire(self) -> None:
        """Write the current assessment's questionnaire as a workbook for the vendor."""
        self.controller.export_questionnaire()

    def import_response(self, path: str | None = None) -> None:
        """Import a workbook the vendor filled in (into the current assessment, when one is chosen)."""
        self.controller.import_response(path)

    def open_reports(self, kind: str | None = None) -> None:
        """Open the report dialog for the current assessment, or the portfolio."""
        self.controller.open_reports(kind)

    def open_preferences(self) -> None:
        """Edit preferences."""
        self.controller.open_preferences()

    def ask_user_name_once(self) -> None:
        """First start: ask for the name to record (once)."""
        self.controller.ask_user_name_once()

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: the window's and the current screen's."""
        self.controller.show_shortcuts()

    def show_about(self) -> None:
        """Help > About."""
        self.controller.show_about()

    def open_log_folder(self) -> None:
        """Help > Open Log Folder."""
        self.controller.open_log_folder()

    def _on_workspace_switched(self) -> None:
        services = self.ctx.services
        has_workspace = services is not None
        self.stack.setCurrentWidget(self.tabs if has_workspace else self.welcome)
        for action in self.workspace_actions:
            action.setEnabled(has_workspace)
        if services is not None:
            workspace = services.workspace
            # A team workspace is named "database on server"; a file by its name without suffix.
            title = workspace.path.name if workspace.is_server else workspace.path.stem
            self.setWindowTitle(f"{title} — TrustFrame")
            self.workspace_label.setText(workspace.location)
            self.workspace_label.setToolTip(workspace.location)
            self.tabs.setCurrentIndex(self.REGISTER_TAB)
        else:
            self.setWindowTitle("TrustFrame")
            self.workspace_label.setText(self.tr("No workspace open"))
            self.welcome.set_recent(self.ctx.settings.recent_workspaces)
        self._update_actions()

    # -- tabs ----------------------------------------------------------------------------------

    def _show_tab(self, key: tuple[str, Any], factory: Callable[[], QWidget], title: str, icon: str) -> QWidget:
        widget = self._tabs_by_key.get(key)
        if widget is None or self.tabs.indexOf(widget) < 0:
            widget = factory()
            self._tabs_by_key[key] = widget
            index = self.tabs.addTab(widget, icons.icon(icon), _elide(title))
            self.tabs.setTabToolTip(index, title)
        self.tabs.setCurrentWidget(widget)
        return widget

    def _close_document_tabs(self) -> None:
        for widget in list(self._tabs_by_key.values()):
            index = self.tabs.indexOf(widget)
            if index >= 0:
                self.tabs.removeTab(index)
            widget.deleteLater()
        self._tabs_by_key.clear()

    def close_current_tab(self) -> None:
        """Close the current tab (not Register or Portfolio)."""
        self._on_tabs_tabCloseRequested(self.tabs.currentIndex())

    def _on_tabs_tabCloseRequested(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or widget in (self.register_view, self._portfolio_page):
            return
        self.tabs.removeTab(index)
        for key, value in list(self._tabs_by_key.items()):
            if value is widget:
                del self._tabs_by_key[key]
        widget.deleteLater()

    def _on_tabs_currentChanged(self, index: int) -> None:
        if index == self.PORTFOLIO_TAB and self.tabs.widget(index) is self._portfolio_page:
            self.portfolio_view  # noqa: B018 - builds the page on first visit
        self._update_actions()

    def open_vendor(self, vendor_id: int, product_id: int = 0) -> QWidget | None:
        """Show a vendor's page (a tab), selecting ``product_id`` when given."""
        from trustframe.ui.views.vendor_view import VendorView

        services = self.ctx.services
        if services is None:
            return None
        try:
            name = services.vendors.get_vendor(vendor_id).name
        except TrustFrameError as exc:  # deleted meanwhile, workspace faults (translated by the storage)
            error_dialog.show_exception(self, exc)
            return None

        def make() -> QWidget:
            view = VendorView(self.ctx, vendor_id, self.store, product_id or None)
            view.vanished.connect(lambda: self._on_tabs_tabCloseRequested(self.tabs.indexOf(view)))
            view.edit_vendor_requested.connect(self.edit_vendor)
            view.add_product_requested.connect(self.add_product)
            view.edit_product_requested.connect(self.edit_product)
            view.add_evidence_requested.connect(self.add_evidence)
            view.new_assessment_requested.connect(self.new_assessment)
            return view

        return self._show_tab(("vendor", vendor_id), make, name, icons.VENDOR)

    def _on_hub_assessment_requested(self, assessment_id: int) -> None:
        self.open_assessment(assessment_id)

    def open_assessment(self, assessment_id: int) -> QWidget | None:
        """Show an assessment in a tab (the assessment screen, when installed)."""
        services = self.ctx.services
        if services is None:
            return None
        try:
            assessment = services.assessments.get(assessment_id)
        except TrustFrameError as exc:  # deleted meanwhile, workspace faults (translated by the storage)
            error_dialog.show_exception(self, exc)
            return None
        created = assessment.created_at.date().isoformat() if assessment.created_at else ""
        title = f"{assessment.product_name} ({created})"

        def make() -> QWidget:
            from trustframe.ui.views.assessment_view import AssessmentView

            return AssessmentView(self.ctx, assessment_id, self)

        try:
            return self._show_tab(("assessment", assessment_id), make, title, icons.ASSESSMENT)
        except Exception as exc:  # noqa: BLE001 - building the screen runs much code; no half-made tab is left
            error_dialog.show_exception(self, exc, context=self.tr("Opening the assessment"))
            return None

    # -- selections ----------------------------------------------------------------------------

    def current_assessment_id(self) -> int | None:
        """The assessment in the current tab, or the latest of the register's current row."""
        widget = self.tabs.currentWidget()
        assessment_id = getattr(widget, "assessment_id", None)
        if isinstance(assessment_id, int):
            return assessment_id
        if widget is self.register_view:
            row = self.register_view.current_row()
            return row.assessment_id if row is not None else None
        selected = getattr(widget, "selected_assessment_id", None)
        if callable(selected):
            chosen = selected()
            return chosen if isinstance(chosen, int) else None
        return None

    def _update_actions(self, *_args: object) -> None:
        services = self.ctx.services
        has = services is not None
        assessment_id = self.current_assessment_id() if has else None
        self.open_assessment_action.setEnabled(has and assessment_id is not None)
        self.export_action.setEnabled(has and assessment_id is not None)
        team = services is not None and services.workspace.is_server
        self.checkout_action.setEnabled(team)
        self.merge_back_action.setEnabled(has and not team)

    # -- commands ------------------------------------------------------------------------------

    def check_out(self) -> None:
        """File > Check Out for Offline Work (team mode): see ``dialogs/checkout_dialog.py``."""
        from trustframe.ui.dialogs.checkout_dialog import CheckoutFlow

        CheckoutFlow(self).run()

    def merge_back(self) -> None:
        """File > Merge Back into the Team Workspace (a checked-out file): see ``dialogs/merge_dialog.py``."""
        from trustframe.ui.dialogs.merge_dialog import MergeFlow

        MergeFlow(self).run()

    def focus_search(self) -> None:
        """Edit > Find: show the register and put the cursor in its search field."""
        self.tabs.setCurrentIndex(self.REGISTER_TAB)
        self.register_view.focus_search()

    def refresh(self) -> None:
        """Reload what is shown."""
        self.store.reload()
        widget = self.tabs.currentWidget()
        reload = getattr(widget, "reload", None)
        if callable(reload) and widget not in (self.register_view, self._portfolio_page):
            reload()

    def new_assessment_for_selection(self) -> None:
        """Assessment > New for the register's current row (or the vendor page shown)."""
        widget = self.tabs.currentWidget()
        if widget is self.register_view:
            row = self.register_view.current_row()
            self.new_assessment(row.vendor_id if row else 0, (row.product_id or 0) if row else 0)
            return
        vendor_id = getattr(widget, "vendor_id", 0) or 0
        selected = getattr(widget, "selected_product_id", None)
        self.new_assessment(vendor_id, (selected() or 0) if callable(selected) else 0)

    def open_selected_assessment(self) -> None:
        """Open the current row's latest assessment."""
        assessment_id = self.current_assessment_id()
        if assessment_id is None:
            messages.information(self, self.tr("Open assessment"),
                                 self.tr("Select a product that has an assessment in the register first."))
            return
        self.open_assessment(assessment_id)

    def compare_selected(self) -> None:
        """Compare the register's selected products' latest assessments; with fewer than two
        selected, pick them in the compare picker (the current assessment ticked)."""
        services = self.ctx.services
        if services is None:
            return
        ids = [r.assessment_id for r in self.register_view.selected_rows() if r.assessment_id is not None]
        if len(ids) < 2:
            # Let the officer pick from every assessment (filtered by procurement and category)
            # rather than explaining how to multi-select; a product's history is a tick away.
            current = self.current_assessment_id()
            ids = self.pick_assessments_to_compare(ids or ([current] if current is not None else []))
            if len(ids) < 2:
                return
        from trustframe.ui.views.compare_view import CompareView

        key = ("compare", tuple(ids))
        try:
            self._show_tab(key, lambda: CompareView(self.ctx, ids, self),
                           self.tr("Compare %n assessment(s)", "", len(ids)), icons.COMPARE)
        except Exception as exc:  # noqa: BLE001 - scoring every assessment runs much code; the window stays usable
            error_dialog.show_exception(self, exc, context=self.tr("Comparing assessments"))

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    # -- events --------------------------------------------------------------------------------

    def _on_hub_status_message(self, text: str, timeout: int) -> None:
        if text:
            self.statusBar().showMessage(text, timeout)
        else:
            self.statusBar().clearMessage()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.ctx.services is not None and _dropped_workbook(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = _dropped_workbook(event.mimeData())
        if path is None or self.ctx.services is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_response(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.ctx.kept_answers.may_quit(self):  # answers kept while the server is gone
            event.ignore()
            return
        settings = self.ctx.settings
        if settings is not None:
            settings.window_geometry = self.saveGeometry()
            settings.window_state = self.saveState()
        from trustframe.ui.operations import wait_for_all

        if not wait_for_all(10000):
            log.warning("Background work was still running at exit")
        services = self.ctx.services
        if services is not None:
            settings.last_workspace = services.workspace.location  # never with a password
        super().closeEvent(event)


def _dropped_workbook(mime: QMimeData) -> str | None:
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        path = url.toLocalFile()
        if url.isLocalFile() and path.lower().endswith(".xlsx"):
            return path
    return None
