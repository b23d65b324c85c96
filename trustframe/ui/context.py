"""The UI context: one object passed through constructors (no module-level singletons).

It holds the open workspace's services, the user settings, the undo stack and the signal hub
through which every screen learns what changed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from trustframe.services.changes import Change
    from trustframe.services.context import Services


log = logging.getLogger(__name__)

# How often a team workspace is asked for what others changed (the screens show it within ~5 s).
POLL_MS = 2000


class SignalHub(QObject):
    """Application-wide signals. Services announce changes in plain Python; the hub re-emits
    them as Qt signals so views refresh only what changed."""

    # A service committed a change (a trustframe.services.changes.Change).
    data_changed = Signal(object)
    # The open workspace was replaced (new/open/recent).
    workspace_changed = Signal()
    # The user asked to open an assessment (its id).
    assessment_requested = Signal(int)
    # A status-bar message (text, timeout ms).
    status_message = Signal(str, int)
    # Team mode: the connection to the server was lost (False) or is back (True).
    connection_changed = Signal(bool)
    # Edits kept while the connection is lost, waiting to be saved (their number, all screens).
    kept_edits_changed = Signal(int)


class UiContext:
    """Everything a widget needs, passed explicitly."""

    def __init__(self, services: Services | None, settings: Any, hub: SignalHub | None = None,
                 undo_stack: QUndoStack | None = None) -> None:
        self.hub = hub or SignalHub()
        self.undo_stack = undo_stack or QUndoStack()
        self.settings = settings
        self.services: Services | None = None
        self._poll_failed = False
        #: Edits kept while the connection is lost, by whoever keeps them (see ui/kept_edits.py).
        self._kept: dict[int, int] = {}
        self._poll_timer = QTimer(self.hub)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll)
        from trustframe.ui.kept_edits import KeptAnswers

        #: Answers changed while the connection to the team workspace is lost, saved when it is back.
        self.kept_answers = KeptAnswers(self)
        if services is not None:
            self.set_services(services)

    def set_services(self, services: Services | None) -> None:
        """Switch to another workspace: rewires change announcements and clears undo history.
        A team workspace is also polled for what others commit (every POLL_MS), so open
        screens show their changes within a few seconds."""
        if self.services is not None:
            self.services.changes.unsubscribe(self._forward)
        self.services = services
        self.undo_stack.clear()
        self._poll_timer.stop()
        self._poll_failed = False  # another workspace: the banner goes with workspace_changed
        if services is not None:
            services.changes.subscribe(self._forward)
            if getattr(services.workspace, "is_server", False):
                self._poll_failed = False
                self._poll()  # notes where the change log ends now
                self._poll_timer.start()
        self.hub.workspace_changed.emit()

    def _poll(self) -> None:
        services = self.services
        if services is None:
            return
        try:
            services.poll_changes()
        except Exception:  # a dropped connection: say so once, keep polling until it is back
            log.warning("Polling the team workspace failed", exc_info=True)
            self.note_connection_lost()
            return
        if self._poll_failed:
            self._poll_failed = False
            self.hub.status_message.emit(self.hub.tr("The connection to the team workspace is back."), 5000)
            self.hub.connection_changed.emit(True)  # kept edits are saved now (ui/kept_edits.py)

    @property
    def connected(self) -> bool:
        """False while the connection to the team workspace is known to be lost."""
        return not self._poll_failed

    def note_connection_lost(self) -> None:
        """A save or a poll found the team workspace unreachable: show the banner (once) and keep
        polling; the first poll that succeeds again announces that the connection is back."""
        if self._poll_failed:
            return
        self._poll_failed = True
        self.hub.status_message.emit(self.hub.tr(
            "The connection to the team workspace is lost; changes are not saved until it is back."), 0)
        self.hub.connection_changed.emit(False)
        if self.services is not None and not self._poll_timer.isActive():
            self._poll_timer.start()

    def set_kept_edits(self, owner: object, count: int) -> None:
        """``owner`` (a screen) now keeps ``count`` unsaved edits; the banner shows the total."""
        if count:
            self._kept[id(owner)] = count
        else:
            self._kept.pop(id(owner), None)
        self.hub.kept_edits_changed.emit(self.kept_edits)

    @property
    def kept_edits(self) -> int:
        """How many edits all screens keep, waiting for the connection."""
        return sum(self._kept.values())

    def _forward(self, change: Change) -> None:
        self.hub.data_changed.emit(change)

    @property
    def require_services(self) -> Services:
        """The services; raises when no workspace is open (a programming error in a view)."""
        if self.services is None:
            raise RuntimeError("No workspace is open")
        return self.services
