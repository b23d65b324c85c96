"""Change announcements: after a unit of work commits, services say what changed so each
screen refreshes only what it must (the GUI turns these into a Qt signal)."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


class Entity(str, enum.Enum):
    """What kind of thing changed. A ``str`` enum, so ``change.entity == "answer"`` still holds."""

    VENDOR = "vendor"
    PRODUCT = "product"
    ASSESSMENT = "assessment"
    ANSWER = "answer"
    EVIDENCE = "evidence"
    SETTINGS = "settings"
    WORKSPACE = "workspace"


@dataclass(frozen=True)
class Change:
    """``entity`` says what kind of thing changed; ``entity_id`` the id when one thing changed
    (None = many); ``assessment_id`` when the change belongs to an assessment.

    ``entity`` may be given as its string value ("answer"); it is stored as :class:`Entity`, and an
    unknown name raises ValueError at once instead of refreshing nothing later.
    """

    entity: Entity
    entity_id: int | str | None = None
    assessment_id: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.entity, Entity):
            object.__setattr__(self, "entity", Entity(self.entity))


Listener = Callable[[Change], None]


class ChangeNotifier:
    """Plain-Python observer list (no Qt below the ui layer)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` for every change from now on."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def announce(self, change: Change) -> None:
        """Tell every listener. A failing listener is logged and does not stop the others."""
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:  # a broken screen must not break a committed save
                log.exception("Change listener failed for %s", change)
