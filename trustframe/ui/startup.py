"""Opening the start-up workspace: the register first, the services behind it.

Why: importing SQLAlchemy, the ORM models and the services was most of the time before the
window could show anything (docs/performance.md, "GUI start-up"). For a workspace the light path
may read (a TrustFrame workspace at this code's schema revision, see
:mod:`trustframe.storage.light`), the window now shows at once in an *opening* state and

1. a worker reads the register with the standard library's sqlite3 (read-only, nothing written)
   and the rows are shown: the officer can scroll, search, sort and filter. A large register
   shows its first screenful first (the first 200 vendors by name, a few milliseconds), marked
   as loading in the register's summary, then every row;
2. a second worker opens the workspace the normal way (SQLAlchemy, the ORM, the schema check);
   until it is done, every action that needs the services is disabled (and looks it) and the
   status bar says so. Then the actions are enabled and the rows read in step 1 stay (the
   services refresh only the rows whose stored score was out of date).

Every other file (missing, foreign, damaged, older or newer) is opened as before, before the
window shows, so its refusal or upgrade is unchanged. If step 1 fails the services load the
register the usual way; if step 2 fails, its error is shown and the welcome screen returns.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from trustframe.ui import error_dialog
from trustframe.ui.operations import Operation, Task

if TYPE_CHECKING:
    from trustframe.services.register_build import LightRegister
    from trustframe.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Vendors in the first screenful of a large register (a screen shows 30-40 rows; the rest of
#: the page is there to scroll while the whole register is read).
FIRST_SCREENFUL_VENDORS = 200
#: A workspace file up to this size has its register read on the GUI thread before the window is
#: first painted (about 3 ms of sqlite3 for the demo, cheaper than a thread hand-off that competes
#: with the first paint), so its rows arrive with the window.
SMALL_WORKSPACE_BYTES = 4 * 1024 * 1024
#: If no paint event arrives (a hidden or minimised window), the services load after this anyway.
SERVICES_FALLBACK_MS = 400


def can_open_light(path: Path) -> bool:
    """Whether the start-up workspace at ``path`` may be shown before the services load: the
    light path's own checks (a quick read-only look at the file; nothing is written)."""
    from trustframe.services.light_register import open_reader

    reader = open_reader(path)
    if reader is None:
        return False
    reader.close()
    return True


class StartupLoader(QObject):
    """Shows the register of ``path`` in ``window`` before the services, then hands the window
    the services. Create after the window, then :meth:`start`."""

    # The register read without the services is shown (its row count).
    rows_shown = Signal(int)
    # The services are in the window's context; every action is available.
    ready = Signal()
    # Opening the workspace failed (the exception; its dialog was shown).
    failed = Signal(object)

    def __init__(self, window: MainWindow, path: Path, create: bool = False, user: str | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.path = path
        self._create = create
        self._user = user
        self.light: LightRegister | None = None
        self.is_ready = False
        self._services_after_paint = False
        self._waiting_for_paint = False
        self._services_started = False

    def start(self) -> None:
        """Show the window's opening state and start reading."""
        window = self._window
        window.stack.setCurrentWidget(window.tabs)
        window.tabs.setCurrentIndex(window.REGISTER_TAB)
        # Everything that needs the services waits for them; the Portfolio tab too (its
        # screen reads the services). Disabled actions look disabled in the app's style.
        for action in window.workspace_actions:
            action.setEnabled(False)
        window.tabs.setTabEnabled(window.PORTFOLIO_TAB, False)
        window.setWindowTitle(f"{self.path.stem} — TrustFrame")
        window.workspace_label.setText(str(self.path))
        window.workspace_label.setToolTip(str(self.path))
        window.store.loading_started.emit()
        # Whichever workspace ends up open (this one, or one the officer opened meanwhile) gets
        # the Portfolio tab back.
        window.ctx.hub.workspace_changed.connect(self._on_workspace_changed)
        window.statusBar().showMessage(self.tr("Opening the workspace… editing, import and reports are "
                                               "available in a moment."))
        if self._is_small():
            # The services wait for the window's first paint: importing SQLAlchemy on their
            # thread beside it would slow the paint the officer is waiting for.
            self._services_after_paint = True
            try:
                light = self._read(None)
            except Exception as exc:  # noqa: BLE001 - same fallback as the threaded read
                self._on_read_failed(exc)
            else:
                self._on_read(light)
            return
        # After the first paint: the reading thread would otherwise compete for the GIL with
        # building and showing the window.
        QTimer.singleShot(0, self._begin_read)

    def _is_small(self) -> bool:
        try:
            return self.path.stat().st_size <= SMALL_WORKSPACE_BYTES
        except OSError:
            return False  # the threaded path reports what is wrong

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Starts the services once the window has painted (see :meth:`start`)."""
        if event.type() == QEvent.Type.Paint and self._waiting_for_paint:
            self._waiting_for_paint = False
            watched.removeEventFilter(self)
            # queued: the paint finishes first
            QTimer.singleShot(0, self._open_services_now)
        return False

    def _open_services_now(self) -> None:
        if not self._services_started:
            self._services_started = True
            Operation(self._open, parent=self._window, show_progress=False, on_success=self._on_opened,
                      on_failure=self._on_open_failed).start()

    def _begin_read(self) -> None:
        Operation(self._read, parent=self._window, show_progress=False, on_success=self._on_read,
                  on_failure=self._on_read_failed).start()

    # -- step 1: the register, sqlite3 alone ---------------------------------------------------

    def _read(self, task: Task | None) -> LightRegister | None:
        from trustframe.services.register_build import read_register_light

        # A large register shows a first screenful (the first vendors by name, read in a few
        # milliseconds) while the whole register is read; a small one is read whole at once.
        return read_register_light(self.path, first_vendors=FIRST_SCREENFUL_VENDORS)

    def _read_all(self, task: Task) -> LightRegister | None:
        from trustframe.services.register_build import read_register_light

        return read_register_light(self.path)

    def _on_read(self, light: LightRegister | None) -> None:
        if light is not None and self._window.ctx.services is None:
            self.light = light
            self._window.store.adopt_light(light)
            self.rows_shown.emit(len(light.rows))
            if not light.complete:
                Operation(self._read_all, parent=self._window, show_progress=False, on_success=self._on_read_all,
                          on_failure=self._on_read_failed).start()
                return
        self._open_services()

    def _on_read_all(self, light: LightRegister | None) -> None:
        if self._window.ctx.services is None:
            if light is None:
                # The rest could not be read this way: the services load the register instead.
                self.light = None
                self._window.store.drop_light()
            else:
                self.light = light
                self._window.store.adopt_light(light)
                self.rows_shown.emit(len(light.rows))
        self._open_services()

    def _on_read_failed(self, exc: BaseException) -> None:
        # A bug in the light read must not stop the workspace from opening: the services read
        # the register the usual way.
        log.warning("Reading the register before the services failed", exc_info=exc)
        self.light = None
        self._window.store.drop_light()
        self._open_services()

    # -- step 2: the services ------------------------------------------------------------------

    def _open_services(self) -> None:
        if self._services_after_paint:
            self._services_after_paint = False
            self._waiting_for_paint = True
            self._window.installEventFilter(self)
            QTimer.singleShot(SERVICES_FALLBACK_MS, self._open_services_now)
            return
        self._open_services_now()

    def _open(self, task: Task) -> Any:
        from trustframe.ui.main_window import open_services

        return open_services(self.path, create=self._create, user=self._user)

    def _on_workspace_changed(self) -> None:
        window = self._window
        if window.ctx.services is not None:
            window.tabs.setTabEnabled(window.PORTFOLIO_TAB, True)
            window.ctx.hub.workspace_changed.disconnect(self._on_workspace_changed)

    def _on_opened(self, services: Any) -> None:
        window = self._window
        if window.ctx.services is not None:  # another workspace was opened meanwhile
            services.close()
            return
        window.statusBar().clearMessage()
        # The context switch enables the actions (MainWindow._on_workspace_switched); the
        # register keeps the rows already shown (RegisterStore.adopt_light).
        window.ctx.set_services(services)
        settings = window.ctx.settings
        if settings is not None:
            settings.add_recent_workspace(services.workspace.location)
        self.is_ready = True
        self.ready.emit()

    def _on_open_failed(self, exc: BaseException) -> None:
        window = self._window
        log.warning("Could not open %s at start-up: %s", self.path, exc)
        window.statusBar().clearMessage()
        window.tabs.setTabEnabled(window.PORTFOLIO_TAB, True)
        window.store.drop_light()
        error_dialog.show_exception(window, exc, context=f"{self.path}")
        # Back to the welcome screen, as when opening fails before the window shows.
        window.ctx.hub.workspace_changed.emit()
        self.failed.emit(exc)
