"""The GUI composition root: logging, QApplication, look, translations, settings, the
workspace's services and the main window, in that order.

Start-up must be quick (see docs/performance.md, "GUI start-up"), so this module imports only
Qt and the window; heavy libraries (WeasyPrint, openpyxl, Jinja2, Alembic) are imported by the
screens and services that need them, when they need them. An up-to-date workspace is shown
before SQLAlchemy and the services load (:mod:`trustframe.ui.startup`); any other is opened (and
migrated, after a backup, or refused) before the window shows.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from trustframe import __version__, paths
from trustframe.storage.locations import is_server_location

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from trustframe.ui.main_window import MainWindow

log = logging.getLogger("trustframe")

_logging_configured = False


def configure_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file in the user log folder (once per process) and warnings to stderr."""
    global _logging_configured
    target = paths.log_file_path()
    if _logging_configured:
        return target
    root = logging.getLogger()
    root.setLevel(level)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError as exc:  # a read-only home must not stop the app; say so on stderr
        sys.stderr.write(f"TrustFrame: cannot write the log file {target}: {exc}\n")
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    _logging_configured = True
    log.info("TrustFrame %s starting (Python %s)", __version__, sys.version.split()[0])
    return target


def install_exception_hook() -> None:
    """Show every uncaught exception (GUI thread or worker) in a dialog and log it.

    Qt would otherwise print the traceback and carry on (or abort), so a failure in a slot
    would go unnoticed; here it is logged with its traceback and the user sees what to do.
    """
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("Uncaught exception", exc_info=(kind, exc, tb))
        try:
            from PySide6.QtCore import QThread
            from PySide6.QtWidgets import QApplication

            from trustframe.ui import error_dialog

            app = QApplication.instance()
            if app is None:
                return
            if QThread.currentThread() is not app.thread():
                # Dialogs belong to the GUI thread: queue the exception; a timer there shows it.
                _pending_errors.append((exc, tb))
                return
            error_dialog.show_exception(QApplication.activeWindow(), exc, tb)
        except Exception:  # the error dialog itself failed: the log still has both tracebacks
            log.exception("Showing the error dialog failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


#: Exceptions raised in non-GUI threads, waiting to be shown by the GUI thread.
_pending_errors: list[tuple[BaseException, TracebackType | None]] = []


def _show_pending_errors() -> None:
    from PySide6.QtWidgets import QApplication

    from trustframe.ui import error_dialog

    while _pending_errors:
        exc, tb = _pending_errors.pop(0)
        error_dialog.show_exception(QApplication.activeWindow(), exc, tb)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with TrustFrame's name, icon, look and translations (reused if one exists)."""
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from trustframe.ui import icons, theme
    from trustframe.ui.settings import AppSettings

    app = QApplication.instance()
    if app is None:
        # Fractional scaling (e.g. 150 %) renders at the exact factor instead of rounding, so
        # text and SVG icons stay crisp at 100 % and 200 % alike.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
        QCoreApplication.setApplicationName(paths.APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    QGuiApplication.setDesktopFileName("trustframe")
    app.setWindowIcon(icons.icon(icons.APP))
    theme.apply(app)

    from trustframe.ui import i18n

    i18n.install_translations(app, i18n.resolve_language(AppSettings().language))
    # Exceptions from worker threads are queued; show them from the GUI thread.
    timer = QTimer(app)
    timer.setInterval(500)
    timer.timeout.connect(_show_pending_errors)
    timer.start()
    return app


def _preload_services() -> None:
    try:
        import trustframe.services.context  # noqa: F401
    except Exception:  # the import is repeated on the GUI thread, which reports the error
        log.debug("Preloading the services failed", exc_info=True)


def start_gui(workspace: str | None = None, argv: list[str] | None = None) -> tuple[QApplication, MainWindow]:
    """Build everything and show the window; returns (app, window) without running the loop.

    ``workspace`` names a workspace to open or create. Without it the last workspace reopens;
    on the very first start (or when it has gone) the welcome screen offers to create one or to
    open the demo.

    A workspace the light path may read (:func:`trustframe.ui.startup.can_open_light`) opens
    with the window already shown: its register is read with sqlite3 alone while the services
    (SQLAlchemy, the ORM) load on a worker thread, and the actions that need them are enabled
    when they are there (``window.startup_loader``). Any other file is opened (created, migrated
    after a backup, or refused with its message) before the window shows, as it always was.
    """
    configure_logging()
    _import_before_qt()
    # A team workspace's URL / service=NAME is kept as given (Path would fold its //) and never
    # read the light way; a file path may be.
    team = bool(workspace) and is_server_location(workspace or "")
    explicit: Path | str | None = (workspace.strip() if team else Path(workspace).expanduser()) if workspace else None
    preload: threading.Thread | None = None
    if explicit is not None and not _light_first(explicit):
        # This file is opened the normal way before the window: import the services (SQLAlchemy
        # and the ORM) while Qt creates the application, loads fonts and parses the stylesheet
        # (C++ work that releases the GIL). Python's per-module import locks make this safe.
        preload = threading.Thread(target=_preload_services, name="preload-services", daemon=True)
        preload.start()
    app = create_application(argv)
    install_exception_hook()
    if preload is not None:
        preload.join()

    from PySide6.QtCore import QTimer

    from trustframe.ui import error_dialog
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow, open_services
    from trustframe.ui.settings import AppSettings
    from trustframe.ui.startup import StartupLoader

    settings = AppSettings()
    services = None
    # A file, or a team workspace's URL / service=NAME.
    target: Path | str | None = None
    create = False
    if explicit is not None:
        target, create = explicit, not team
    elif settings.last_workspace and is_server_location(settings.last_workspace):
        target = settings.last_workspace
    elif settings.last_workspace and Path(settings.last_workspace).is_file():
        target = Path(settings.last_workspace)
    user = settings.assessor_name or None
    light = target is not None and _light_first(target)
    if target is not None and not light:
        try:
            # Migrations (after a backup) happen here, before the window opens.
            services = open_services(target, create=create, user=user)
        except Exception as exc:  # noqa: BLE001 - shown once the window exists; the welcome screen follows
            log.warning("Could not open %s at start-up: %s", target, exc)
            error_dialog.show_exception(None, exc, context=f"{target}")
            services = None
    ctx = UiContext(services, settings)
    window = MainWindow(ctx)
    if services is not None:
        settings.add_recent_workspace(services.workspace.location)
    if light and isinstance(target, Path):
        window.startup_loader = StartupLoader(window, target, create=create, user=user)
        window.startup_loader.start()
    window.show()
    # Names on records come from Preferences, never the OS login: ask once, after the first paint.
    QTimer.singleShot(0, window.ask_user_name_once)
    return app, window


def _import_before_qt() -> None:
    """Import the pure-Python modules the window and the register need before PySide6.

    Why: once PySide6 is imported, it reads the source of every module imported after it (its
    ``__feature__`` check, about 0.7 ms per module); the domain modules, the light read path and
    the actor lookup do not use Qt, so importing them first saves that (about 15 ms of the demo's
    0.3 s of start-up CPU, which is measured against a bare PySide6 window)."""
    import trustframe.actor  # noqa: F401
    import trustframe.domain.evidence  # noqa: F401
    import trustframe.domain.scoring_profile  # noqa: F401
    import trustframe.errors  # noqa: F401
    import trustframe.services.register_build  # noqa: F401
    import trustframe.storage.light  # noqa: F401


def _light_first(path: Path | str) -> bool:
    """Whether ``path`` can be shown before the services load (an existing workspace file at this
    code's schema revision; a quick read-only look, nothing written). Team workspaces never are."""
    if not isinstance(path, Path) or not path.is_file():
        return False
    from trustframe.ui.startup import can_open_light

    return can_open_light(path)


def main(workspace: str | None = None) -> int:
    """Run the GUI; returns the exit code."""
    try:
        app, window = start_gui(workspace)
    except Exception:
        # Before the event loop there may be no window to show a dialog in: log and print.
        log.exception("TrustFrame could not start")
        sys.stderr.write(f"TrustFrame could not start; details are in {paths.log_file_path()}\n")
        return 1
    code = app.exec()
    services = window.ctx.services
    if services is not None:
        services.close()
    log.info("TrustFrame exited with code %s", code)
    return int(code)


if __name__ == "__main__":  # pragma: no cover - manual start
    raise SystemExit(main(os.environ.get("TRUSTFRAME_WORKSPACE")))
