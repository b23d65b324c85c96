"""Team mode in the GUI: a demo built on PostgreSQL opens in the window (File > Open Team
Workspace, start-up with a URL), and is remembered without a password."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest


pytestmark = pytest.mark.postgres



def test_the_window_opens_a_demo_built_on_postgresql(qtbot: Any, pg_cluster: Any, shown: list,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe import app as tfapp
    from trustframe.cli import main
    from trustframe.ui import main_window

    url = pg_cluster.url(pg_cluster.new_database())
    assert main(["--workspace", url, "demo"]) == 0
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    # With a password in the address, the window remembers the address without it.
    with_password = url.replace("postgres@", "postgres:not-needed@")
    monkeypatch.setattr(main_window.QInputDialog, "getText",
                        staticmethod(lambda *a, **k: (with_password, True)))
    _app, window = tfapp.start_gui()
    qtbot.addWidget(window)
    try:
        assert window.ctx.services is None
        window.choose_and_open_team_workspace()
        assert window.ctx.services is not None, shown
        assert window.ctx.services.workspace.is_server
        qtbot.waitUntil(lambda: window.store.is_loaded and not window.store.is_loading, timeout=30000)
        assert len(window.store.rows) >= 10
        # The register view pages from the server (its own queries, in its worker thread).
        qtbot.waitUntil(lambda: window.register_view.visible_row_count() == len(window.store.rows), timeout=30000)
        assert "on 127.0.0.1" in window.windowTitle()
        assert window.ctx.settings.recent_workspaces[0] == url
        assert all("not-needed" not in r for r in window.ctx.settings.recent_workspaces)
    finally:
        window.close()
        if window.ctx.services is not None:
            window.ctx.services.close()
    # The next start reopens the team workspace it was closed on.
    _app, again = tfapp.start_gui()
    qtbot.addWidget(again)
    try:
        assert again.ctx.services is not None and again.ctx.services.workspace.location == url
    finally:
        again.close()
        again.ctx.services.close()
