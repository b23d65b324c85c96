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
