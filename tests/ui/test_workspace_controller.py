"""The main window's workspace lifecycle, owned by ui/controllers/workspace.py: opening and
switching workspaces, the recent list, and a workspace that can no longer be opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def window(qtbot: Any, shown: list) -> Any:
    """A main window with no workspace open."""
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    win = MainWindow(UiContext(None, AppSettings()))
    qtbot.addWidget(win)
    win.show()
    yield win
    services = win.ctx.services
    win.close()
    if services is not None:
        services.close()


def test_switching_workspaces_closes_the_old_one_and_its_tabs(qtbot: Any, window: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "first.tfw", tmp_path / "second.tfw"
    assert window.controller.open_workspace(first, create=True)
    old = window.ctx.services
    vendor = old.vendors.add_vendor("Acme Secure Ltd", "GB")
    window.open_vendor(vendor.id)
    assert window.tabs.count() == 3                        # register, portfolio and the vendor
    opened: list[str] = []
    window.workspace_opened.connect(opened.append)
    assert window.open_workspace(second, create=True)      # the window's name for the same call
    assert window.ctx.services is not old and window.ctx.services.workspace.path == second.resolve()
    assert window.tabs.count() == 2 and opened == [window.ctx.services.workspace.location]
    assert [Path(p).name for p in window.ctx.settings.recent_workspaces][:2] == ["second.tfw", "first.tfw"]
    assert window.windowTitle().startswith("second")


def test_the_recent_menu_lists_workspaces_and_forgets_one_that_vanished(qtbot: Any, window: Any, tmp_path: Path,
                                                                         shown: list) -> None:
    kept, gone = tmp_path / "kept.tfw", tmp_path / "gone.tfw"
    for path in (gone, kept):
        assert window.open_workspace(path, create=True)
    window.set_services(None)
    gone.unlink()  # test data in tmp_path: removed to simulate a workspace deleted elsewhere
    window.controller._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert texts[:2] == ["&1 kept.tfw", "&2 gone.tfw"]
    window.controller._on_recent_chosen(str(gone))
    assert window.ctx.services is None and any("no longer exists" in m.text for m in shown)
    assert [Path(p).name for p in window.ctx.settings.recent_workspaces] == ["kept.tfw"]
    window.controller._on_recent_chosen(str(kept))
    assert window.ctx.services is not None and window.ctx.services.workspace.path == kept.resolve()


def test_a_workspace_that_cannot_be_opened_is_shown_and_left_closed(qtbot: Any, window: Any, tmp_path: Path,
                                                                    shown: list) -> None:
    broken = tmp_path / "broken.tfw"
    broken.write_bytes(b"this is not a database")
    assert not window.open_workspace(broken)
    assert window.ctx.services is None and window.stack.currentWidget() is window.welcome
    assert shown, "the reason is shown"
