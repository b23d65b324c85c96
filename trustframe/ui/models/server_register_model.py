"""The vendor register of a team workspace, paged from the server (issue 16, section 5).

:class:`RegisterTableModel` holds every row in a Python list, which suits a workspace file; a team
workspace of 100,000 vendors would send 130,000 rows to every officer on each refresh. This model
asks the server (:class:`trustframe.services.register_pages.RegisterPages`) for the counts and for
the pages on screen: filtering, sorting and paging run in SQL. Columns, roles, formatting and the
filter/sort API are RegisterTableModel's (it is a subclass), so the register view needs only to
choose the model.

The model is a window of rows: ``rowCount`` is the number of rows passing the filters, rows are
held in pages of :data:`PAGE` fetched on demand when the view asks for a row not held yet (one
query of a few milliseconds to a few hundred at 100,000 vendors, never on the GUI thread: a worker
thread runs every query, the answers arrive as a queued signal). Rows not there yet show "…".

Every change of filter or sort, and every change announced (by this program or, polled, by
others), is one *refresh*: counts, the first page and the positions of the selected rows in one
job; the model is then reset, and :attr:`refreshed` tells the view where the selected rows and the
current row are now, so the selection survives (also for rows not on a held page).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating
from trustframe.services.light_register import SORT_COLUMNS, RegisterCounts, RegisterQuery
from trustframe.ui import labels
from trustframe.ui.models.register_model import NONE, Column, RegisterFilter, RegisterTableModel

if TYPE_CHECKING:
    from trustframe.services.context import Services
    from trustframe.services.register_pages import RegisterPages
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
Key = tuple[int, int | None]
#: Selected rows and the current row, by (vendor id, product id).
Keys = tuple[set[Key], Key | None]

#: Rows per page fetched from the server.
PAGE = 200
#: Pages held at most (4,000 rows); the ones farthest from the last one asked for are dropped.
MAX_PAGES = 20
#: Entities whose change can alter a register row (as the RegisterStore's).
_RELEVANT = {"vendor", "product", "assessment", "answer", "evidence", "workspace", "score", "import", "settings"}


def is_team_workspace(services: Services | None) -> bool:
    """Whether ``services`` work on a team (PostgreSQL) workspace: the register then pages."""
    return services is not None and bool(getattr(services.workspace, "is_server", False))


#: How often a refresh is asked again because the selection changed while it ran, before its
#: answer is shown anyway (a selection changing faster than the server answers).
_MAX_REQUERIES = 3


@dataclass
class _Job:
    """One unit of work for the worker thread: ``run`` is called there, ``result`` is set."""

    generation: int
    kind: str                       # "refresh" | "page" | "prepare"
    run: Callable[[], Any]
    page: int = -1
    keys: Keys = field(default_factory=lambda: (set(), None))
    result: Any = None
    error: BaseException | None = None


class _Worker(QObject):
    """One thread running the model's queries in order; each finished job is emitted as
    :attr:`finished` (queued into the GUI thread)."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="register-pages", daemon=True)
        self._thread.start()

    def submit(self, job: _Job) -> None:
        """Queue ``job``."""
        self._jobs.put(job)

    def stop(self) -> None:
        """Finish the running job and end the thread (jobs still queued are dropped)."""
        self._jobs.put(None)

    def join(self, timeout: float | None = None) -> None:
        """Wait for the thread to end (tests, closing)."""
        self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                job.result = job.run()
            except Exception as exc:  # noqa: BLE001 - any failure is reported to the GUI thread, which logs it
                job.error = exc
            try:
                self.finished.emit(job)
            except RuntimeError:  # the model was deleted while the query ran
                return


class ServerRegisterModel(RegisterTableModel):
    """The register as pages of a server query; the same columns, roles and filter API as
    :class:`RegisterTableModel`."""

    #: A refresh arrived: (positions of the kept keys, the kept keys) -- the view reselects.
    refreshed = Signal(object, object)
    #: A query failed (the message); the rows shown stay as they were.
    failed = Signal(str)
    #: The server-side cache was refilled in the background (emitted from that thread).
    _cache_refilled = Signal()

    def __init__(self, ctx: UiContext, parent: Any = None, debounce_ms: int = 300) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._pages_service: RegisterPages | None = None
        self._services: Services | None = None
        self._generation = 0
        self._count = 0
        self._counts = RegisterCounts(0, 0, 0, 0)
        self._held: dict[int, list[RegisterRow]] = {}
        self._asked: set[int] = set()
        self._loaded = False
        self._prepared = False
        self._busy = 0
        #: Called at each refresh for the rows to keep selected (set by the view).
        self.keys_provider: Callable[[], Keys] | None = None
        self._requeried = 0
        #: False while the view shows another model (a workspace file): announced changes are
        #: then not followed (see :meth:`release`).
        self.active = True
        self._worker = _Worker()
        self._worker.finished.connect(self._on_job_finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(lambda: self.refresh(changed=True))
        #: Changes announced since the last refresh (the server cache refreshes their vendors).
        self._changes: list[Any] = []
        self._cache_refilled.connect(self.refresh)
        ctx.hub.data_changed.connect(self._on_data_changed)
        self.destroyed.connect(self._worker.stop)

    # -- state ---------------------------------------------------------------------------------

    @property
    def is_loaded(self) -> bool:
        """True once the first refresh of the open workspace has arrived."""
        return self._loaded

    @property
    def is_busy(self) -> bool:
        """True while queries are queued or running."""
        return self._busy > 0

    @property
    def total_count(self) -> int:
        return self._counts.total

    @property
    def visible_count(self) -> int:
        return self._count

    @property
    def vendor_count(self) -> int:
        return self._counts.vendors

    @property
    def product_count(self) -> int:
        return self._counts.products

    @property
    def rows(self) -> list[RegisterRow]:
        """The rows held now (pages fetched so far), in display order; not every row."""
        return [row for page in sorted(self._held) for row in self._held[page]]

    def row_keys(self) -> list[tuple[int, int | None]]:
        """(vendor id, product id) of each row held now, in display order."""
        return [(row.vendor_id, row.product_id) for row in self.rows]

    def row_at(self, row: int) -> RegisterRow | None:
        """The row shown in model row ``row``, or None while its page is being fetched."""
        page = self._held.get(row // PAGE)
        if page is None or row % PAGE >= len(page):
            return None
        return page[row % PAGE]

    def query(self) -> RegisterQuery:
        """The server query for the filters and sort in force."""
        f = self._filter
        rating = f.rating.value if isinstance(f.rating, Rating) else f.rating
        status = f.status.value if isinstance(f.status, AssessmentStatus) else f.status
        return RegisterQuery(text=f.text, rating=rating, tier=f.tier, status=status, overdue_only=f.overdue_only,
                             sort=SORT_COLUMNS[int(self._sort_column)],
                             descending=self._sort_order == Qt.SortOrder.DescendingOrder)

    # -- Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        row = self.row_at(index.row())
        if row is None:
            self._ask(index.row() // PAGE)
            if role == Qt.ItemDataRole.DisplayRole and index.column() == Column.VENDOR:
                return "…"
            return None
        return self.row_data(row, index.column(), role)

    # -- filters and sort (RegisterTableModel's API, answered by the server) -------------------

    def set_rows(self, rows: Sequence[RegisterRow], today: date | None = None,
                 sort: tuple[int, Qt.SortOrder] | None = None) -> None:
        """Rows loaded the local way are not used: apply ``sort`` and refresh from the server."""
        del rows
        if sort is not None and 0 <= sort[0] < len(Column):
            self._sort_column, self._sort_order = Column(sort[0]), sort[1]
        self._today = today or date.today()
        self.refresh()

    def set_filter(self, new: RegisterFilter) -> bool:
        """Apply ``new`` filters (a refresh from the server). Returns whether anything changed."""
        new = replace(new, text=new.text.strip().casefold())
        if new == self._filter:
            return False
        self._filter = new
        self.refresh()
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` on the server (empty values last both ways; selection kept)."""
        if not (0 <= column < len(Column)):
            return
        if (Column(column), order) == (self._sort_column, self._sort_order) and self._loaded:
            return
        self._sort_column, self._sort_order = Column(column), order
        self.refresh()

    # -- loading -------------------------------------------------------------------------------

    def refresh(self, changed: bool = False) -> None:
        """Ask the server again for the counts and first page (filters or sort changed; with
        ``changed``, the data did: the server's cache is rebuilt when next needed). Pages held
        so far are dropped when the answer arrives."""
        self._timer.stop()
        services = self._ctx.services
        if services is None:
            return
        self.active = True
        if services is not self._services:
            self._open(services)
        pages = self._pages_service
        assert pages is not None
        self._generation += 1
        query, today = self.query(), date.today()
        announced, self._changes = self._changes, []
        keys = self.keys_provider() if self.keys_provider is not None else (set(), None)
        wanted = sorted(keys[0] | ({keys[1]} if keys[1] is not None else set()), key=lambda k: (k[0], k[1] or 0))
        label_map = _category_labels()

        def run() -> tuple[RegisterCounts, list[RegisterRow], dict[Key, int]]:
            if changed or announced:
                pages.invalidate(announced or None)
            counts = pages.counts(query, today, label_map)
            first = pages.page(query, 0, PAGE, today, label_map)
            wanted_set = set(wanted)
            positions = {key: n for n, key in enumerate((r.vendor_id, r.product_id) for r in first)
                         if key in wanted_set}
            missing = [k for k in wanted if k not in positions]
            if missing:
                positions.update(pages.positions(query, missing, today, label_map))
            return counts, first, positions

        self._today = today
        self._submit(_Job(self._generation, "refresh", run, keys=keys))
        if not self._prepared:
            # Stored scores out of date are recomputed after the first screen (the first rows do
            # not wait for it; when any was, the register is asked again), and the cache for
            # computed filters is filled while the officer looks at it.
            self._prepared = True
            self._submit(_Job(self._generation, "prepare", lambda: _prepare_and_warm(pages, today)))

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Process answers until no query is queued or running (tests, benchmarks)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(int(timeout_s * 1000))
        while self._busy and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            threading.Event().wait(0.002)
        return not self._busy

    def close(self) -> None:
        """Stop the worker and release the server connection it holds."""
        self._worker.stop()
        pages, self._pages_service = self._pages_service, None
        if pages is not None:
            self._worker.join(5)
            pages.close()

    def release(self) -> None:
        """The view shows another model: drop the rows and the server connection held for the
        cache; the next :meth:`refresh` starts afresh."""
        self.active = False
        self._timer.stop()
        self._generation += 1
        old, self._pages_service, self._services = self._pages_service, None, None
        if old is not None:
            self._submit(_Job(self._generation, "close", old.close))
        self.beginResetModel()
        self._held, self._asked, self._count, self._loaded = {}, set(), 0, False
        self._counts = RegisterCounts(0, 0, 0, 0)
        self.endResetModel()

    def _open(self, services: Services | None) -> None:
        from trustframe.services.register_pages import RegisterPages

        old = self._pages_service
        self._services = services
        self._pages_service = RegisterPages(services) if services is not None else None
        if self._pages_service is not None:
            self._pages_service.on_refilled = self._on_cache_refilled
        self._prepared = False
        self._loaded = False
        if old is not None:
            self._submit(_Job(self._generation, "close", old.close))

    def _ask(self, page: int) -> None:
        if page in self._asked or page in self._held or self._pages_service is None:
            return
        # Dragging the scroll bar asks for page after page: the ones left behind are skipped
        # by the worker instead of being fetched in turn (their rows ask again if shown again).
        self._asked = {p for p in self._asked if abs(p - page) <= 3}
        self._asked.add(page)
        pages, query, today, label_map = self._pages_service, self.query(), self._today, _category_labels()

        def run() -> list[RegisterRow] | None:
            if page not in self._asked:
                return None
            return pages.page(query, page * PAGE, PAGE, today, label_map)

        self._submit(_Job(self._generation, "page", run, page=page))

    def _submit(self, job: _Job) -> None:
        self._busy += 1
        self._worker.submit(job)

    def _on_job_finished(self, job: _Job) -> None:
        self._busy -= 1
        if job.error is not None:
            log.warning("The register query failed (%s)", job.kind, exc_info=job.error)
            self._asked.discard(job.page)
            self.failed.emit(str(job.error))
            return
        if job.generation != self._generation:
            return  # a newer refresh was asked for meanwhile
        if job.kind == "refresh":
            if (self.keys_provider is not None and self._requeried < _MAX_REQUERIES
                    and self.keys_provider() != job.keys):
                # The officer selected other rows while the server was answering: the positions
                # are those of the old selection, and the reset would drop the new one. Ask
                # again with the selection as it is now (still intact: nothing was reset).
                self._requeried += 1
                self.refresh()
                return
            self._requeried = 0
            counts, first, positions = job.result
            self.beginResetModel()
            self._counts, self._count = counts, counts.visible
            self._held, self._asked = ({0: first} if first else {}), set()
            self._loaded = True
            self.endResetModel()
            self.refreshed.emit(positions, job.keys)
        elif job.kind == "page" and job.result is not None and job.page in self._asked:
            self._asked.discard(job.page)
            self._held[job.page] = job.result
            self._forget_far(job.page)
            first_row = job.page * PAGE
            last_row = min(first_row + len(job.result), self._count) - 1
            if last_row >= first_row:
                self.dataChanged.emit(self.index(first_row, 0), self.index(last_row, len(Column) - 1))
        elif job.kind == "prepare" and job.result:
            # Scores were stored anew; the cache was filled after that (_prepare_and_warm).
            self.refresh()

    def _forget_far(self, near: int) -> None:
        while len(self._held) > MAX_PAGES:
            far = max(self._held, key=lambda p: abs(p - near))
            del self._held[far]

    def _on_cache_refilled(self) -> None:
        try:
            self._cache_refilled.emit()  # queued into the GUI thread: ask again
        except RuntimeError:  # the model was deleted meanwhile: nobody is left to ask again
            log.debug("Register cache refilled after its model was deleted")

    def _on_data_changed(self, change: Any) -> None:
        if self.active and getattr(change, "entity", None) in _RELEVANT and self._ctx.services is not None:
            self._changes.append(change)
            self._timer.start()


def _prepare_and_warm(pages: RegisterPages, today: date) -> int:
    """Recompute out-of-date scores, then fill the server-side cache for computed filters."""
    recomputed = pages.prepare(today)
    pages.warm(today)
    return recomputed


def _category_labels() -> dict[str, str]:
    """Category value -> its shown (translated) name: what the search text matches, as locally."""
    return {c.value: labels.category(c) for c in ProductCategory}


__all__ = ["NONE", "PAGE", "ServerRegisterModel", "is_team_workspace"]
