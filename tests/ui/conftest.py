"""Fixtures shared by the GUI tests."""

from __future__ import annotations

from typing import Any

import pytest

from trustframe.ui import messages


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[messages.Message]:
    """Message boxes are recorded, never shown (a modal box would block the test)."""
    recorded: list[messages.Message] = []

    def present(_parent: Any, message: messages.Message) -> bool:
        recorded.append(message)
        return True

    monkeypatch.setattr(messages, "presenter", present)
    return recorded
