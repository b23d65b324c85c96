"""Where the keyboard focus starts in a dialog: on the first field, never on a button.

Qt gives a dialog's focus to its default button when nothing else asks for it, so a space typed
by an officer who expected to be in the first field submits the form. Dialogs call
:func:`focus_first_field` when shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialogButtonBox, QRadioButton, QWidget


def _is_field(widget: QWidget, root: QWidget) -> bool:
    if not (widget.isVisibleTo(root) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
        return False
    if isinstance(widget, QAbstractButton) and not isinstance(widget, (QCheckBox, QRadioButton)):
        return False  # push and tool buttons act; they are not fields
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QDialogButtonBox):
            return False
        parent = parent.parentWidget()
    return True


def first_field(root: QWidget) -> QWidget | None:
    """The first field of ``root`` in Tab order (a radio group counts by its checked button)."""
    widget = root.nextInFocusChain()
    seen: set[int] = set()
    while widget is not None and widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if root.isAncestorOf(widget) and _is_field(widget, root):
            if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
                group = widget.group()
                checked = group.checkedButton() if group is not None else None
                if checked is not None and _is_field(checked, root):
                    return checked
            return widget
        widget = widget.nextInFocusChain()
    return None


def focus_first_field(root: QWidget) -> QWidget | None:
    """Put the focus on the first field of ``root``; returns it (None when there is none)."""
    field = first_field(root)
    if field is not None:
        field.setFocus(Qt.FocusReason.TabFocusReason)
    return field
