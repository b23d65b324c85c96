"""Background work, one idiom for the whole GUI (after Anki's ``CollectionOp``).

An :class:`Operation` runs a plain Python callable on a worker thread (``QThreadPool``), shows
progress (a window-modal progress dialog that only appears when the work takes a moment, or
the status bar), lets the user cancel when the callable supports it, routes errors to the error
dialog, and finally announces what changed on the signal hub so each screen refreshes what it
must. The window never freezes.

The callable receives a :class:`Task`: ``task.report(done, total, text)`` updates the progress,
``task.is_cancelled()`` says whether the user pressed Cancel (``task.check()`` raises
:class:`OperationCancelled` for you). Use a *fresh* service call inside the callable: services
open a short unit of work per call, and SQLAlchemy's pool gives each thread its own SQLite
connection, so this is thread-safe as long as no ORM object crosses threads (they never do:
services return frozen domain objects).

Example::

    Operation(lambda task: services.scoring.rescore_all(task.report, task.is_cancelled),
              parent=self, ctx=ctx, title=self.tr("Rescoring"), cancellable=True,
              on_success=self._on_rescored).start()
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from trustframe.errors import TrustFrameError
from trustframe.ui import error_dialog

if TYPE_CHECKING:
    from trustframe.services.changes import Change
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)


class OperationCancelled(TrustFrameError):
    """Raised inside a callable (by :meth:`Task.check`) to stop after the user cancelled.

    A TrustFrameError like every error we raise on purpose; :class:`Operation` tells it apart first.
    """


class _Signals(QObject):
    """Lives in the GUI thread; the worker emits, so delivery is queued to the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class Task:
    """What the background callable gets: progress reporting and the cancel flag."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """Say how far the work is (``total`` 0 = unknown)."""
        self._signals.progressed.emit(int(done), int(total), str(text))

    def is_cancelled(self) -> bool:
        """True after the user pressed Cancel."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`OperationCancelled` when the user has cancelled."""
        if self._cancel.is_set():
            raise OperationCancelled()

    def cancel(self) -> None:
        """Ask the callable to stop at its next check (called from the GUI thread)."""
        self._cancel.set()


class _Runner(QRunnable):
    """Runs the callable on a pool thread and hands its outcome to the GUI thread.

    Why the hand-over of references: the signals object is a QObject living in the GUI thread.
    If the worker held the last reference to it, its C++ destructor would run on the worker (or
    the GUI thread would delete it while the worker was still inside ``emit``): a crash at the
    next event for it, seen as a segmentation fault in the suite. So the worker drops every
    reference before it says it is done (``done``), and the GUI thread keeps the signals object
    (:data:`_retired`) until then.
    """

    def __init__(self, fn: Callable[[Task], Any], task: Task, signals: _Signals, done: threading.Event) -> None:
        super().__init__()
        self._fn: Callable[[Task], Any] | None = fn
        self._task: Task | None = task
        self._signals: _Signals | None = signals
        self._done = done
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        fn, task, signals = self._fn, self._task, self._signals
        self._fn = self._task = self._signals = None
        assert fn is not None and task is not None and signals is not None
        try:
            try:
                result = fn(task)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread, none is lost
                self._emit(signals.failed, exc)
            else:
                self._emit(signals.succeeded, result)
                del result
        finally:
            del fn, task, signals   # no reference to a GUI-thread object stays with this thread
            self._done.set()

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The application is shutting down and the receiver is gone: nobody is left to tell.
            log.info("Background result dropped at shutdown", exc_info=True)


#: Running operations (a Python reference keeps each alive until it finishes).
_running: set[Operation] = set()
#: Signals objects of finished operations whose worker may still be returning, with its "done"
#: event: released here, on the GUI thread, once the worker holds no reference (see _Runner).
_retired: list[tuple[_Signals, threading.Event]] = []


def _release_retired() -> None:
    """Drop the signals objects whose workers are done (GUI thread)."""
    _retired[:] = [(signals, done) for signals, done in _retired if not done.is_set()]


class Operation(QObject):
    """One piece of background work. Create, connect or pass callbacks, then :meth:`start`."""

    #: The callable returned (its result).
    succeeded = Signal(object)
    #: The callable raised (the exception), after the error dialog was shown.
    failed = Signal(object)
    #: The user cancelled and the callable stopped.
    cancelled = Signal()
    #: Always emitted last.
    finished = Signal()

    def __init__(self, fn: Callable[[Task], Any], *, parent: QWidget | None = None,
                 ctx: UiContext | None = None, title: str = "", label: str = "",
                 cancellable: bool = False, show_progress: bool = True, delay_ms: int = 400,
                 on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 changes: Iterable[Change] = (), error_context: str = "") -> None:
        super().__init__()
        self._fn = fn
        self._parent = parent
        self._ctx = ctx
        self._title = title
        self._label = label or title
        self._cancellable = cancellable
        self._show_progress = show_progress
        self._delay_ms = delay_ms
        self._on_success = on_success
        self._on_failure = on_failure
        self._changes = tuple(changes)
        self._error_context = error_context
        self._signals = _Signals()
        self._worker_done = threading.Event()
        self.task = Task(self._signals)
        self._dialog: QProgressDialog | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    # -- starting ------------------------------------------------------------------------------

    def start(self) -> Operation:
        """Queue the work on the thread pool and show progress."""
        self._signals.progressed.connect(self._on_task_progressed, Qt.ConnectionType.QueuedConnection)
        self._signals.succeeded.connect(self._on_task_succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_task_failed, Qt.ConnectionType.QueuedConnection)
        if self._show_progress and self._parent is not None:
            self._dialog = self._build_dialog()
        if self._ctx is not None and self._label:
            self._ctx.hub.status_message.emit(self._label + "…", 0)
        _running.add(self)
        _release_retired()
        QThreadPool.globalInstance().start(_Runner(self._fn, self.task, self._signals, self._worker_done))
        return self

    def _build_dialog(self) -> QProgressDialog:
        cancel_text = QCoreApplication.translate("Operation", "Cancel") if self._cancellable else ""
        dialog = QProgressDialog(self._label, cancel_text, 0, 0, self._parent)
        dialog.setWindowTitle(self._title or QCoreApplication.translate("Operation", "Working"))
        dialog.setAccessibleName(dialog.windowTitle())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Quick work finishes before the dialog would appear, so nothing flashes on screen.
        dialog.setMinimumDuration(self._delay_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self._cancellable:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(self._on_dialog_canceled)
        dialog.setValue(0)
        return dialog

    # -- slots (GUI thread) --------------------------------------------------------------------

    def _on_dialog_canceled(self) -> None:
        self.task.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(QCoreApplication.translate("Operation", "Stopping…"))

    def _on_task_progressed(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is not None and not self.done:
            # A window-modal QProgressDialog processes events inside setValue(), where the
            # result may arrive and close the dialog: re-check before touching it again.
            if text:
                dialog.setLabelText(text)
            dialog.setMaximum(max(total, 0))
            if self._dialog is dialog and not self.done:
                dialog.setValue(min(done, total) if total else 0)
        if self._ctx is not None and text:
            self._ctx.hub.status_message.emit(text, 0)

    def _on_task_succeeded(self, result: Any) -> None:
        self.result = result
        self._close()
        if self._ctx is not None:
            for change in self._changes:
                self._ctx.hub.data_changed.emit(change)
        try:
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self.succeeded.emit(result)
            self._finish()

    def _on_task_failed(self, exc: BaseException) -> None:
        self.error = exc
        self._close()
        try:
            if isinstance(exc, OperationCancelled):
                log.info("Operation '%s' cancelled", self._title)
                self.cancelled.emit()
            elif self._on_failure is not None:
                self._on_failure(exc)
                self.failed.emit(exc)
            else:
                error_dialog.show_exception(self._parent, exc, context=self._error_context)
                self.failed.emit(exc)
        finally:
            self._finish()

    def _close(self) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        if self._ctx is not None and self._label:
            self._ctx.hub.status_message.emit("", 0)

    def _finish(self) -> None:
        self.finished.emit()
        # The worker may still be returning from its emit: its signals object outlives this
        # operation on the GUI thread until the worker says it is done.
        _retired.append((self._signals, self._worker_done))
        _release_retired()
        _running.discard(self)


def run_in_background(fn: Callable[[Task], Any], **options: Any) -> Operation:
    """Create and start an :class:`Operation` (keyword options as its constructor)."""
    return Operation(fn, **options).start()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until background work is done (used when quitting, and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
