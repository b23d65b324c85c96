"""Python's cyclic garbage collection, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a generation's
threshold is crossed. TrustFrame runs service calls (scoring, imports, the demo build, register
pages) on worker threads, and those allocate a lot. When such a collection frees the last
reference to a Qt object that lives in the GUI thread (a closed dialog, a model, a timer's
owner caught in a cycle), its C++ destructor runs on the worker thread while the GUI thread's
event dispatcher still holds its timers and posted events: the next timer tick dereferences freed
memory and the process dies with a segmentation fault inside
``QCoreApplication::notifyInternal2``. That was observed (gdb backtrace in docs/reliability.md)
with a worker building the demo workspace while objects of earlier windows awaited collection.

The fix is the one pyqtgraph uses (``pyqtgraph.util.garbage_collector``): switch the automatic
collector off and collect from a timer on the GUI thread with the same generation thresholds.
Reference counting still frees acyclic objects at once wherever they die; only cycles wait for
the next tick (100 ms), and they are always freed on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

#: How often the GUI thread looks at the collector's counts.
INTERVAL_MS = 100


class GuiThreadCollector(QObject):
    """Collects reference cycles on the GUI thread; the automatic collector stays off meanwhile."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        # The thresholds in force when installed: the same pacing as Python's own collector.
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns objects freed."""
        first, second, third = gc.get_count()
        freed = 0
        if first > self.thresholds[0]:
            freed = gc.collect(0)
            if second > self.thresholds[1]:
                freed += gc.collect(1)
                if third > self.thresholds[2]:
                    freed += gc.collect(2)
        return freed

    def stop(self) -> None:
        """Give collection back to Python (the automatic collector runs again)."""
        self.timer.stop()
        gc.enable()


def install(app: QApplication) -> GuiThreadCollector:
    """Install the collector on ``app`` once (later calls return the installed one)."""
    existing = app.findChild(GuiThreadCollector)
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)
