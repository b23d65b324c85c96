"""Keystrokes only change what has the focus (issue 13 §3): every shortcut of the window with an
assessment open is unique (pressing it fires exactly its action, never Qt's "ambiguous shortcut"),
mnemonics do not collide, number keys choose options only in the answer area, and Help lists the
shortcuts from the actions themselves."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenuBar, QTabBar, QToolButton, QWidget

from tests.ui.assessment_ui_support import activate, no_dialogs  # noqa: F401 (fixture)


@pytest.fixture
def window(qtbot: Any, services: Any, sample_assessment: Any, no_dialogs: list) -> Any:
    """The main window with the sample assessment open in a tab, active."""
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    settings = AppSettings()
    settings.assessor_name = "Alex Officer"      # no first-start name prompt
    win = MainWindow(UiContext(services, settings))
    qtbot.addWidget(win)
    activate(qtbot, win)
    view = win.open_assessment(sample_assessment.id)
    assert view is not None and win.tabs.currentWidget() is view
    yield win
    win.ctx.undo_stack.clear()


def _own_actions(win: Any) -> list[QAction]:
    return list(win.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly))


def _press(qtbot: Any, widget: QWidget, sequence: QKeySequence) -> None:
    combo = sequence[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def test_every_action_shortcut_fires_exactly_its_action(qtbot: Any, qtlog: Any, window: Any) -> None:
    view = window.tabs.currentWidget()
    answer_area = view.editor_host.actions()
    everything = _own_actions(window) + list(view.actions()) + list(answer_area)
    fired: list[QAction] = []
    for act in everything:
        # The test is about which action a key reaches, not what the action does: no dialogs.
        try:
            act.triggered.disconnect()
        except (RuntimeError, TypeError):
            pass
        act.triggered.connect(lambda _c=False, a=act: fired.append(a))
        act.setEnabled(True)
    pressed = 0
    for act in everything:
        for sequence in act.shortcuts():
            if sequence.isEmpty():
                continue
            target = view._editor if act in answer_area else view.navigator
            if act in answer_area:
                view._editor.focus_editor()
            else:
                view.navigator.setFocus()
            fired.clear()
            _press(qtbot, target if act not in answer_area else QApplication.focusWidget(), sequence)
            key = sequence.toString()
            ambiguous = [r.message for r in qtlog.records if "mbiguous" in r.message]
            assert not ambiguous, f"{key} ({act.text()}): {ambiguous}"
            assert fired == [act], f"{key} should trigger {act.text()!r}, triggered {[a.text() for a in fired]}"
            pressed += 1
    assert pressed >= 25


def test_comment_and_compare_have_different_keys(window: Any) -> None:
    view = window.tabs.currentWidget()
    assert view.comment_action.shortcuts()
    assert set(view.comment_action.shortcuts()).isdisjoint(window.compare_action.shortcuts())


_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_mnemonics_are_unique_in_the_window(window: Any) -> None:
    """Alt+letter reaches one thing: the menus, then the visible buttons, labels and tabs."""
    owners: dict[str, list[str]] = {}
    for menu_action in window.menuBar().actions():
        key = _mnemonic(menu_action.text())
        if key:
            owners.setdefault(key, []).append(f"menu {menu_action.text()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QMenuBar):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            key = _mnemonic(text)
            if key:
                owners.setdefault(key, []).append(text)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes


def _open_choice_question(view: Any) -> str:
    from trustframe.ui.widgets.answer_widgets import ChoiceEditor

    for qid in view.visible_question_ids():
        view.go_to_question(qid, focus=False)
        if isinstance(view._editor, ChoiceEditor) and len(view._editor.buttons) >= 2:
            return qid
    raise AssertionError("the sample has a choice question")


def test_number_keys_choose_only_in_the_answer_area(qtbot: Any, window: Any, services: Any) -> None:
    view = window.tabs.currentWidget()
    qid = _open_choice_question(view)

    def value() -> Any:
        answer = services.assessments.answers(view.assessment_id).get(qid)
        return answer.value if answer else None

    # From the navigator, the toolbar and the comment box a digit changes no answer.
    view.navigator.setFocus()
    qtbot.keyClick(view.navigator, Qt.Key.Key_2)
    assert value() is None
    button = next(b for b in view.toolbar.findChildren(QToolButton) if b.isVisible() and b.isEnabled())
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_2)
    assert value() is None
    view.comment_edit.setFocus()
    qtbot.keyClicks(view.comment_edit, "2 units")
    view.flush_comment()
    assert value() is None
    assert services.assessments.answers(view.assessment_id)[qid].comment == "2 units"
    # In the answer area the digit chooses the option.
    view._editor.focus_editor()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert value() == view.questionnaire.questions_by_id[qid].option_ids[1]


def test_shortcuts_dialog_lists_every_action_shortcut(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui import prompts
    from trustframe.ui.dialogs.shortcuts_dialog import clean_text

    shown: list[Any] = []
    monkeypatch.setattr(prompts, "exec_dialog", lambda d: shown.append(d) or False)
    view = window.tabs.currentWidget()
    view.navigator.setFocus()
    _press(qtbot, view.navigator, QKeySequence("F1"))
    _press(qtbot, view.navigator, QKeySequence("Ctrl+/"))
    assert len(shown) == 2
    dialog = shown[0]
    listed = {(r.command, r.keys) for r in dialog.rows}
    for act in _own_actions(window) + list(view.actions()) + list(view.editor_host.actions()):
        keys = [s for s in act.shortcuts() if not s.isEmpty()]
        if keys:
            native = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            assert (clean_text(act.text()), native) in listed, act.text()
    assert any(r.where == "Answer area" and r.keys == "1" for r in dialog.rows)
    dialog.filter_edit.setText("comment")
    assert dialog.visible_commands() == ["Comment"]
