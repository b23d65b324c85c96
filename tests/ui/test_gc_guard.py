"""Reference cycles are collected on the GUI thread only (trustframe/ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject

from trustframe.ui import gc_guard


class _Tracked(QObject):
    """A Qt object caught in a reference cycle, recording the thread its wrapper dies on."""

    died_on: list[str] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self  # the cycle: only the cyclic collector frees it

    def __del__(self) -> None:
        _Tracked.died_on.append(threading.current_thread().name)


def test_the_collector_is_off_and_cycles_die_on_the_gui_thread(qtbot: Any, qapp: Any) -> None:
    collector = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is collector          # installed once
    assert not gc.isenabled()                           # no collection in whatever thread allocates
    _Tracked.died_on.clear()
    _Tracked()                                          # unreachable at once, but in a cycle

    def churn() -> None:
        # Allocation on a worker thread far past the first threshold: with the automatic
        # collector on, the cycle above would be collected here, on this thread.
        junk = [[i] for i in range(gc.get_threshold()[0] * 50)]
        for item in junk:
            item.append(item)

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()
    assert _Tracked.died_on == []                       # nothing was collected on the worker
    qtbot.waitUntil(lambda: bool(_Tracked.died_on), timeout=5000)
    assert _Tracked.died_on == [threading.main_thread().name]


def test_install_from_the_app_composition_root(qapp: Any) -> None:
    from trustframe import app as gui

    assert gui.create_application() is qapp
    assert isinstance(qapp.findChild(gc_guard.GuiThreadCollector), gc_guard.GuiThreadCollector)


def test_a_background_worker_never_keeps_the_last_reference_to_a_gui_object(qtbot: Any) -> None:
    """The worker drops its references to the signals object (a QObject of the GUI thread)
    before it says it is done; the GUI thread releases the object only after that, so it is
    destroyed on the GUI thread, whichever thread finishes first."""
    from PySide6.QtCore import Qt

    from trustframe.ui import operations

    for delay in (0.0, 0.05):      # the worker returning before and after the GUI thread is done
        died_on: list[str] = []
        op = operations.Operation(lambda _task, d=delay: __import__("time").sleep(d) or 42)
        op._signals.destroyed.connect(lambda *_a, out=died_on: out.append(threading.current_thread().name),
                                      Qt.ConnectionType.DirectConnection)
        done = op._worker_done
        with qtbot.waitSignal(op.finished, timeout=10000):
            op.start()
        assert op.result == 42
        assert operations.wait_for_all(10000)
        qtbot.waitUntil(done.is_set, timeout=5000)
        del op
        operations._release_retired()
        qtbot.waitUntil(lambda out=died_on: bool(out), timeout=5000)
        assert died_on == [threading.main_thread().name]
