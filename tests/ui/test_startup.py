"""Start-up (issues 13 and 22): an up-to-date workspace shows its register before the services
load, row for row what the services give; the actions that need the services wait for them; a
damaged or newer file is still refused, unchanged; the register's counts follow the language."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from trustframe.ui import messages


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo workspace, scored as the app builds it (once per module)."""
    from trustframe.services.demo import build_demo_workspace

    folder = tmp_path_factory.mktemp("startup-demo")
    path = folder / "demo.tfw"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRUSTFRAME_HOME", str(folder / "home"))  # the module has no per-test home yet
        build_demo_workspace(path, rescore=True)
    yield path



@pytest.fixture
def start(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``start(path)`` -> the started MainWindow (closed, with its services, afterwards)."""
    from trustframe import app as tfapp
    from trustframe.ui.operations import wait_for_all

    # start_gui installs the exception hooks; give pytest its own back afterwards.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setenv("TRUSTFRAME_USER", "Officer")
    windows: list[Any] = []

    def run(path: Path) -> Any:
        _app, window = tfapp.start_gui(str(path))
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield run
    for window in windows:
        # Let the start-up workers finish and their queued results arrive before closing.
        for _ in range(3):
            wait_for_all(30000)
            QCoreApplication.processEvents()
        window.close()
        if window.ctx.services is not None:
            window.ctx.services.close()


def _cells(model: Any) -> list[list[Any]]:
    """Every header and cell the register shows (display text and tooltip)."""
    columns = model.columnCount()
    out = [[model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]]
    for r in range(model.rowCount()):
        out.append([(model.index(r, c).data(), model.index(r, c).data(Qt.ItemDataRole.ToolTipRole))
                    for c in range(columns)])
    return out


def test_the_register_shows_before_the_services_and_is_the_services_register(
        qtbot: Any, start: Any, demo_path: Path) -> None:
    from trustframe.services.context import Services
    from trustframe.ui.models.register_model import RegisterTableModel

    window = start(demo_path)
    loader = window.startup_loader
    assert loader is not None, "an up-to-date workspace takes the light path"
    assert window.ctx.services is None  # the services load behind the shown window
    qtbot.waitUntil(lambda: loader.light is not None, timeout=30000)
    light_rows = loader.light.rows
    qtbot.waitUntil(lambda: loader.is_ready, timeout=30000)
    # The rows read with sqlite3 are the ones shown, kept when the services arrived (no reload).
    assert window.store.rows is light_rows
    assert not window.store.is_loading

    with Services.open(demo_path, create=False, read_only=True) as services:
        service_rows = services.scoring.register_rows()
    assert light_rows == service_rows
    assert len(light_rows) == 10
    reference = RegisterTableModel()
    reference.set_rows(service_rows, window.store.today)
    assert _cells(window.register_view.model) == _cells(reference)


def test_a_large_register_shows_a_first_screenful_then_every_row(
        qtbot: Any, start: Any, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.services.context import Services
    from trustframe.ui import startup

    monkeypatch.setattr(startup, "FIRST_SCREENFUL_VENDORS", 3)  # the demo has 8 vendors
    monkeypatch.setattr(startup, "SMALL_WORKSPACE_BYTES", 0)  # read as a large one is: on a worker
    window = start(demo_path)
    seen: list[tuple[int, int | None, str]] = []
    window.startup_loader.rows_shown.connect(
        lambda n: seen.append((n, window.store.partial_total, window.register_view.summary.text())))
    qtbot.waitUntil(lambda: window.startup_loader.is_ready, timeout=30000)
    with Services.open(demo_path, create=False, read_only=True) as services:
        every = services.scoring.register_rows()
    first_vendors = sorted({r.vendor_name for r in every}, key=str.casefold)[:3]
    (n_first, total_first, summary_first), (n_all, total_all, summary_all) = seen
    assert n_first == sum(1 for r in every if r.vendor_name in first_vendors) and total_first == 8
    assert summary_first == "Loading the register of 8 vendors… the first ones by name are shown."
    assert (n_all, total_all) == (len(every), None) and summary_all == "8 vendors · 10 products and services"
    assert window.store.rows == every


def test_a_small_register_is_there_when_the_window_first_shows(qtbot: Any, start: Any, demo_path: Path) -> None:
    """A small workspace is read before the first paint (no thread hand-off), so its rows come
    with the window; the services load after the window has painted."""
    from trustframe.services.context import Services

    window = start(demo_path)
    with Services.open(demo_path, create=False, read_only=True) as services:
        every = services.scoring.register_rows()
    assert window.store.rows == every and window.store.partial_total is None
    assert window.register_view.summary.text() == "8 vendors · 10 products and services"
    assert not window.startup_loader.is_ready
    qtbot.waitUntil(lambda: window.startup_loader.is_ready, timeout=30000)
    assert window.store.rows == every


def test_actions_that_need_the_services_wait_for_them(qtbot: Any, start: Any, demo_path: Path) -> None:
    window = start(demo_path)
    waiting = [window.import_action, window.export_action, window.reports_action, window.add_vendor_action,
               window.new_assessment_action, window.compare_action, window.refresh_action, window.portfolio_action]
    # Right after start-up: the register's tab is shown, the services are not there yet.
    assert window.ctx.services is None
    assert window.stack.currentWidget() is window.tabs
    assert all(not action.isEnabled() for action in waiting)
    assert not window.toolbar.widgetForAction(window.add_vendor_action).isEnabled()  # looks disabled
    assert not window.tabs.isTabEnabled(window.PORTFOLIO_TAB)
    page = window.register_view
    assert not page.add_vendor_button.isEnabled() and not page.new_assessment_button.isEnabled()
    assert "Opening the workspace" in window.statusBar().currentMessage()
    assert window.open_workspace_action.isEnabled() and window.quit_action.isEnabled()

    qtbot.waitUntil(lambda: window.ctx.services is not None, timeout=30000)
    ready = [a for a in waiting if a is not window.export_action]  # export also needs a selection
    assert all(action.isEnabled() for action in ready)
    assert window.toolbar.widgetForAction(window.add_vendor_action).isEnabled()
    assert window.tabs.isTabEnabled(window.PORTFOLIO_TAB)
    assert page.add_vendor_button.isEnabled() and page.new_assessment_button.isEnabled()
    assert window.statusBar().currentMessage() == ""
    assert str(window.ctx.services.workspace.path) in window.ctx.settings.recent_workspaces


def test_the_light_read_writes_nothing(demo_path: Path, tmp_path: Path) -> None:
    import shutil

    from trustframe.services.register_build import read_register_light

    copy = tmp_path / "copy.tfw"
    shutil.copyfile(demo_path, copy)
    before = copy.read_bytes()
    light = read_register_light(copy)
    assert light is not None and len(light.rows) == 10
    assert copy.read_bytes() == before
    # SQLite's read-only connection to a WAL workspace makes the shared-memory index and an
    # empty log next to it, as every reader does (the services' open makes and removes the
    # same); no page of the workspace is written.
    assert {p.name for p in tmp_path.iterdir()} <= {"copy.tfw", "copy.tfw-wal", "copy.tfw-shm"}
    wal = tmp_path / "copy.tfw-wal"
    assert not wal.exists() or wal.stat().st_size == 0


@pytest.mark.parametrize("damage", ["newer", "garbage", "truncated"])
def test_a_newer_or_damaged_workspace_is_refused_unchanged_at_start_up(
        qtbot: Any, start: Any, shown: list[messages.Message], demo_path: Path, tmp_path: Path, damage: str) -> None:
    import shutil

    path = tmp_path / "bad.tfw"
    shutil.copyfile(demo_path, path)
    if damage == "newer":
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
    elif damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        path.write_bytes(path.read_bytes()[:3000])
    before = path.read_bytes()
    window = start(path)
    # Not read before the services: opened the normal way, which refuses it with its message.
    assert window.startup_loader is None
    assert window.ctx.services is None
    assert window.stack.currentWidget() is window.welcome
    assert shown, "the refusal is shown"
    text = " ".join(f"{m.text} {m.informative}" for m in shown)
    if damage == "newer":
        assert "newer version of TrustFrame" in text
    else:
        assert "not a TrustFrame workspace" in text or "damaged or truncated" in text
    assert "Traceback" not in text
    assert path.read_bytes() == before
    assert all(action.isEnabled() is False for action in window.workspace_actions)


def test_register_counts_are_written_the_language_s_way(qtbot: Any, qapp: Any) -> None:
    from datetime import date

    from trustframe.services.register_build import register_row_factory
    from trustframe.ui import i18n
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_model import RegisterFilter
    from trustframe.ui.models.register_store import RegisterStore
    from trustframe.ui.settings import AppSettings
    from trustframe.ui.views.register_view import RegisterView

    make = register_row_factory()
    rows = [make((v, f"Vendor {v:05d}", "DE", v, f"Product {v}", None, None, None, None, None, None, None, 0.0, 0, 0,
                  0, 0, date(2000, 1, 1) if v % 2 else None, None, None, 0, None, None)) for v in range(1, 10_002)]
    ctx = UiContext(None, AppSettings())
    store = RegisterStore(ctx)
    view = RegisterView(ctx, store)
    qtbot.addWidget(view)
    for language, summary, count in (
            ("en", "10,001 vendors · 10,001 products and services", "Showing 5,001 of 10,001"),
            ("de", "10.001 Anbieter · 10.001 Produkte und Dienstleistungen", "5.001 von 10.001 angezeigt")):
        installed = i18n.install_translations(qapp, language)
        try:
            assert QLocale().name().startswith(language)
            view.model.clear_filters()
            store.rows, store.is_loaded = rows, True
            store.loaded.emit(rows)
            assert view.summary.text() == summary
            view.model.set_filter(RegisterFilter(overdue_only=True))
            view._update_counts()
            assert view.count_label.text() == count
        finally:
            i18n.remove_translations(installed)


def test_when_the_services_cannot_open_the_error_is_shown_and_the_welcome_screen_returns(
        qtbot: Any, start: Any, shown: list[messages.Message], demo_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.errors import WorkspaceBusyError
    from trustframe.ui import main_window

    def busy(*_args: Any, **_kwargs: Any) -> Any:
        raise WorkspaceBusyError("demo.tfw is busy: another program is writing to it. Try again in a moment.")

    monkeypatch.setattr(main_window, "open_services", busy)
    window = start(demo_path)
    loader = window.startup_loader
    failures: list[object] = []
    loader.failed.connect(failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=30000)
    assert window.ctx.services is None and not loader.is_ready
    assert window.stack.currentWidget() is window.welcome
    assert window.store.rows == [] and not window.store.is_loaded
    assert any("busy" in m.text for m in shown)
    assert all(not action.isEnabled() for action in window.workspace_actions)


def test_opening_another_workspace_meanwhile_wins(qtbot: Any, start: Any, demo_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.tfw"
    window = start(demo_path)
    loader = window.startup_loader
    assert window.open_workspace(other, create=True)  # before the start-up workspace's services
    from trustframe.ui.operations import wait_for_all

    for _ in range(3):  # the start-up workers (read, then services) and their queued results
        wait_for_all(30000)
        qtbot.wait(50)
    assert window.ctx.services is not None and window.ctx.services.workspace.path == other.resolve()
    assert not loader.is_ready  # its services were closed, not used
    assert window.tabs.isTabEnabled(window.PORTFOLIO_TAB)
    assert window.store.rows == [] and window.add_vendor_action.isEnabled()
