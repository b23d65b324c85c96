"""The register's rows, loaded off the GUI thread and shared by the register and portfolio.

One load = one ``services.scoring.register_rows()`` call in a worker thread. Change
announcements arrive in bursts (an import saves hundreds of answers), so reloads are debounced
and never overlap: a change during a load schedules exactly one more load.

At start-up the rows may arrive before the services (:mod:`trustframe.ui.startup` reads them with
sqlite3 alone): :meth:`RegisterStore.adopt_light` shows them, and when the services of that same
workspace arrive the rows stay; only the rows whose stored score was out of date are recomputed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from trustframe.domain.portfolio import RegisterRow, RegisterRows
from trustframe.ui.models.register_model import load_register_rows
from trustframe.ui.operations import Operation, Task

if TYPE_CHECKING:
    from trustframe.services.register_build import LightRegister
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

#: Entities whose change can alter a register row.
_RELEVANT = {"vendor", "product", "assessment", "answer", "evidence", "workspace", "score", "import", "settings"}


class RegisterStore(QObject):
    """Holds the current register rows; emits :attr:`loaded` after each (re)load."""

    #: New rows are available (a RegisterRows, a sequence of RegisterRow). ``object``, not
    #: ``list``: a ``list`` signal copies the list on every emit (47 ms at 130,000 rows).
    loaded = Signal(object)
    #: A load started (views may show "Loading…").
    loading_started = Signal()

    def __init__(self, ctx: UiContext, parent_widget: QWidget | None = None, debounce_ms: int = 200) -> None:
        super().__init__()
        self._ctx = ctx
        self._parent_widget = parent_widget
        self.rows: Sequence[RegisterRow] = RegisterRows([])
        self.today = date.today()
        self.is_loaded = False
        self._operation: Operation | None = None
        self._pending = False
        self._light: LightRegister | None = None   # rows read before the services (start-up)
        #: While only a first screenful is shown (start-up, large workspace): all the vendors
        #: the register will show; None once every row is there.
        self.partial_total: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.reload)
        ctx.hub.data_changed.connect(self._on_hub_data_changed)
        ctx.hub.workspace_changed.connect(self._on_hub_workspace_changed)

    @property
    def is_loading(self) -> bool:
        """True while a load runs."""
        return self._operation is not None

    def reload(self) -> None:
        """Load the rows now (or right after the running load)."""
        services = self._ctx.services
        if services is None:
            self.rows = RegisterRows([])
            self.is_loaded = False
            self.loaded.emit(self.rows)
            return
        if self._operation is not None:
            self._pending = True
            return
        self._pending = False
        self.loading_started.emit()

        def load(task: Task) -> tuple[Any, RegisterRows]:
            return services, load_register_rows(services)

        self._operation = Operation(load, parent=self._parent_widget, show_progress=False,
                                    on_success=self._on_load_succeeded,
                                    error_context=self.tr("Loading the vendor register"))
        self._operation.finished.connect(self._on_operation_finished)
        self._operation.start()

    def _on_load_succeeded(self, result: tuple[Any, RegisterRows]) -> None:
        services, rows = result
        if services is not self._ctx.services:
            return  # the workspace changed while loading: a newer load follows
        self.rows = rows
        self.today = date.today()
        self.is_loaded = True
        self.loaded.emit(rows)

    def _on_operation_finished(self) -> None:
        self._operation = None
        if self._pending:
            self.reload()

    def _on_hub_data_changed(self, change: Any) -> None:
        if getattr(change, "entity", None) in _RELEVANT:
            self._timer.start()

    def _on_hub_workspace_changed(self) -> None:
        light, self._light = self._light, None
        services = self._ctx.services
        self._timer.stop()
        self.partial_total = None
        if (light is not None and light.complete and services is not None
                and _same_file(light.path, services.workspace.path)):
            # The rows shown at start-up are this workspace's register: keep them, and let the
            # services recompute only what the light read could not (out-of-date snapshots).
            if light.stale:
                self._refresh_stale(services, light)
            return
        self.is_loaded = False
        self.rows = RegisterRows([])
        self.reload()

    # -- start-up: rows before the services ------------------------------------------------------

    def adopt_light(self, light: LightRegister) -> None:
        """Show the rows read without the services (:func:`read_register_light`); kept when the
        services of the same workspace arrive (see :meth:`_on_hub_workspace_changed`)."""
        self._light = light
        self.rows = light.rows
        self.today = light.as_of
        self.is_loaded = True
        # A first screenful (light.complete False) is shown as such until every row is there.
        self.partial_total = None if light.complete else light.vendor_total
        self.loaded.emit(self.rows)

    def drop_light(self) -> None:
        """Forget rows read without the services (their workspace could not be opened, or the
        rest of the register could not be read: the services then load it the usual way)."""
        self._light = None
        self.partial_total = None
        self.rows = RegisterRows([])
        self.is_loaded = False

    def _refresh_stale(self, services: Any, light: LightRegister) -> None:
        # A copy of the tuples (the shown rows stay as they are until the refreshed ones arrive).
        rows, stale, as_of = light.rows.copy(), dict(light.stale), light.as_of

        def refresh(task: Task) -> tuple[Any, RegisterRows]:
            services.scoring.refresh_register_rows(rows, stale, as_of)
            return services, rows

        if self._operation is not None:
            self._pending = True
            return
        self.loading_started.emit()
        self._operation = Operation(refresh, parent=self._parent_widget, show_progress=False,
                                    on_success=self._on_load_succeeded,
                                    error_context=self.tr("Loading the vendor register"))
        self._operation.finished.connect(self._on_operation_finished)
        self._operation.start()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
