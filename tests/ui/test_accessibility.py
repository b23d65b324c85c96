"""Accessibility of the assessment page (issue 13 §6): Tab runs navigator, question, answer
options, comment, evidence, actions (the options within three Tabs of the question), and every
widget the Tab key reaches has a name a screen reader can read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from tests.ui.assessment_ui_support import ctx, no_dialogs, view  # noqa: F401 (fixtures)


def _tab_walk(qtbot: Any, start: QWidget, limit: int = 120) -> list[QWidget]:
    """Press Tab from ``start`` until the focus comes back round; the widgets focused in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    seen: list[QWidget] = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is None or current is start or current in seen:
            break
        seen.append(current)
    return seen


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _first_choice_question(view: Any) -> None:
    from trustframe.ui.widgets.answer_widgets import ChoiceEditor

    for qid in view.visible_question_ids():
        view.go_to_question(qid, focus=False)
        if isinstance(view._editor, ChoiceEditor):
            return
    raise AssertionError("no choice question in the sample")


def test_tab_order_navigator_question_options_comment_evidence_actions(qtbot: Any, view: Any) -> None:
    _first_choice_question(view)
    chain = _tab_walk(qtbot, view.navigator)
    position = {id(w): i for i, w in enumerate(chain)}

    def at(widget: QWidget) -> int:
        assert id(widget) in position, f"{widget.accessibleName() or widget} is not reached by Tab"
        return position[id(widget)]

    options = [b for b in view._editor.buttons if id(b) in position]
    assert options, "no answer option is reached by Tab"
    first_option = min(at(b) for b in options)
    assert at(view.navigator) < at(view.question_label) < first_option
    assert first_option - at(view.question_label) <= 3
    assert first_option < at(view.comment_edit) < at(view.evidence_list)
    actions = [b for b in view.toolbar.findChildren(QToolButton) if b.isVisible() and b.isEnabled()]
    assert actions and all(at(view.evidence_list) < at(b) for b in actions)


def test_every_widget_reached_by_tab_has_an_accessible_name(qtbot: Any, view: Any) -> None:
    for move in (lambda: _first_choice_question(view), lambda: view.go_next(1), lambda: view.go_next(1)):
        move()
        chain = _tab_walk(qtbot, view.navigator)
        assert len(chain) > 8
        unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in chain if not _name(w)]
        assert not unnamed, unnamed
