"""The GUI meets a busy, read-only or full workspace calmly: one sentence and what to do, never
the "unexpected problem" dialog with a traceback."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest




@pytest.fixture
def quick_services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Services on a workspace that gives up waiting for a lock after 0.3 s (instead of 20 s)."""
    from trustframe.services.context import Services

    monkeypatch.setenv("TRUSTFRAME_LOCK_WAIT_SECONDS", "0.3")
    services = Services.open(tmp_path / "busy.tfw", user="tester")
    yield services
    services.close()


def _hold_lock(path: Path, seconds: float) -> threading.Thread:
    ready = threading.Event()

    def hold() -> None:
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        con.execute("ROLLBACK")
        con.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert ready.wait(5)
    return thread


def test_saving_while_another_program_writes_shows_a_calm_sentence(qtbot: Any, quick_services: Any,
                                                                   shown: list) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.dialogs.vendor_dialog import VendorDialog
    from trustframe.ui.settings import AppSettings

    services = quick_services
    dialog = VendorDialog(UiContext(services, AppSettings()))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Acme Secure Ltd")
    holder = _hold_lock(services.workspace.path, 1.5)
    try:
        dialog.buttons.accepted.emit()
    finally:
        holder.join()
    assert "Another program is writing to the workspace" in dialog.error_label.text()
    assert dialog.result() == 0  # still open: the user can simply try again
    assert [m for m in shown if m.kind == "critical"] == []
    dialog.buttons.accepted.emit()  # the lock is gone: now it saves
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [v.name for v in services.vendors.list_vendors()] == ["Acme Secure Ltd"]


def test_an_uncaught_lock_error_is_shown_calmly_not_as_a_bug(qapp: Any, quick_services: Any, shown: list) -> None:
    """A lock that escapes a slot reaches the exception hook: it must not look like a crash."""
    from sqlalchemy import exc as sa_exc

    from trustframe.app import install_exception_hook
    from trustframe.errors import WorkspaceBusyError

    services = quick_services
    holder = _hold_lock(services.workspace.path, 1.0)
    try:
        with pytest.raises(WorkspaceBusyError) as info:
            services.vendors.add_vendor("Blocked Ltd")
    finally:
        holder.join()
    import sys

    previous = sys.excepthook
    install_exception_hook()
    try:
        sys.excepthook(type(info.value), info.value, info.value.__traceback__)
        raw = sa_exc.OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
        sys.excepthook(type(raw), raw, None)
    finally:
        sys.excepthook = previous
    assert [m.kind for m in shown] == ["information", "information"]
    for message in shown:
        assert "Another program is writing" in message.text and "try again" in message.informative.lower()
        assert message.details == ""  # no traceback shown


@pytest.mark.parametrize("raw, title", [
    (sqlite3.OperationalError("attempt to write a readonly database"), "Workspace cannot be changed"),
    (sqlite3.OperationalError("database or disk is full"), "Disk full"),
    (OSError(28, "No space left on device"), "Disk full"),
])
def test_read_only_and_full_disk_are_one_sentence_with_advice(qapp: Any, shown: list, raw: BaseException,
                                                              title: str) -> None:
    from trustframe.ui import error_dialog

    error_dialog.show_exception(None, raw)
    (message,) = shown
    assert message.kind == "warning" and message.title == title
    assert message.text.count(".") <= 2 and "\n" not in message.text and message.details == ""
