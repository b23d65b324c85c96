"""Fixtures and helpers shared by the assessment-flow GUI tests (imported explicitly by them)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget


@pytest.fixture
def ctx(services: Any, qapp: Any) -> Any:
    """A UI context over the test services (settings are not needed by the assessment flow)."""
    from trustframe.ui.context import UiContext

    context = UiContext(services, settings=None)
    yield context
    context.undo_stack.clear()


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list:
    """Message boxes are recorded instead of shown; returns the list of messages."""
    from trustframe.ui import messages

    shown: list = []

    def present(_parent: Any, message: Any) -> bool:
        shown.append(message)
        return True

    monkeypatch.setattr(messages, "presenter", present)
    return shown


def activate(qtbot: Any, widget: QWidget) -> None:
    """Show a top-level widget and make it the active window (shortcuts need an active window)."""
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


@pytest.fixture
def view(qtbot: Any, ctx: Any, sample_assessment: Any) -> Any:
    """The guided assessment view of the sample assessment, shown and active."""
    from trustframe.ui.views.assessment_view import AssessmentView

    widget = AssessmentView(ctx, sample_assessment.id)
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def run_dialogs_with(monkeypatch: pytest.MonkeyPatch, fill: Any) -> list[Any]:
    """Replace the modal run of a dialog with ``fill(dialog)``; returns the dialogs opened."""
    from PySide6.QtWidgets import QWizard

    from trustframe.ui import prompts

    opened: list[Any] = []

    def run(dialog: Any) -> bool:
        opened.append(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result() == QWizard.DialogCode.Accepted

    monkeypatch.setattr(prompts, "exec_dialog", run)
    return opened
