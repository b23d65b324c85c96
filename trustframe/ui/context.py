"""The UI context: one object passed through constructors (no module-level singletons).

It holds the open workspace's services, the user settings, the undo stack and the signal hub
through which every screen learns what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from trustframe.services.changes import Change
    from trustframe.services.context import Services


class SignalHub(QObject):
    """Application-wide signals. Services announce changes in plain Python; the hub re-emits
    them as Qt signals so views refresh only what changed."""

    #: A service committed a change (a trustframe.services.changes.Change).
    data_changed = Signal(object)
    #: The open workspace was replaced (new/open/recent).
    workspace_changed = Signal()
    #: The user asked to open an assessment (its id).
    assessment_requested = Signal(int)
    #: A status-bar message (text, timeout ms).
    status_message = Signal(str, int)


class UiContext:
    """Everything a widget needs, passed explicitly."""

    def __init__(self, services: "Services | None", settings: Any, hub: SignalHub | None = None,
                 undo_stack: QUndoStack | None = None) -> None:
        self.hub = hub or SignalHub()
        self.undo_stack = undo_stack or QUndoStack()
        self.settings = settings
        self.services: "Services | None" = None
        if services is not None:
            self.set_services(services)

    def set_services(self, services: "Services | None") -> None:
        """Switch to another workspace: rewires change announcements and clears undo history."""
        if self.services is not None:
            self.services.changes.unsubscribe(self._forward)
        self.services = services
        self.undo_stack.clear()
        if services is not None:
            services.changes.subscribe(self._forward)
        self.hub.workspace_changed.emit()

    def _forward(self, change: "Change") -> None:
        self.hub.data_changed.emit(change)

    @property
    def require_services(self) -> "Services":
        """The services; raises when no workspace is open (a programming error in a view)."""
        if self.services is None:
            raise RuntimeError("No workspace is open")
        return self.services
