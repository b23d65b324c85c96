"""Answer editors, one per answer type: radio buttons for single choice and yes/no, check boxes
for multiple choice, a spin box with its unit for numbers, a date edit with "clear" for dates and
a text edit for free text.

All editors share one small interface (:class:`AnswerEditor`): ``set_value`` (silent),
``value``, ``set_read_only``, ``pick(n)`` for the number keys, and the ``value_edited`` signal
carrying the new canonical value (None when cleared). They know nothing about storage.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.questionnaire import AnswerType, Option, Question

#: Text answers are saved this long after the last keystroke (and at once on leaving the field).
TEXT_SAVE_DELAY_MS = 700


class AnswerEditor(QWidget):
    """Base class of the answer editors."""

    #: The officer changed the answer (canonical value, None = cleared).
    value_edited = Signal(object)

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._read_only = False
        self.setAccessibleName(self.tr("Answer"))

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting ``value_edited``."""
        raise NotImplementedError

    def value(self) -> Any:
        """The value shown (canonical form, None when empty)."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock the editor (decided assessments are read-only)."""
        self._read_only = read_only

    def pick(self, number: int) -> bool:
        """Choose option ``number`` (1-based) as if clicked; False when not applicable."""
        return False

    def focus_editor(self) -> None:
        """Put the keyboard focus on the editor's main control."""
        self.setFocus()

    def flush(self) -> None:
        """Emit any pending edit now (text editors debounce their saves)."""


class _OptionLabel(QLabel):
    """The wrapping text of an option; clicking it clicks its button (like a button's own text)."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self._button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setBuddy(button)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self._button.isEnabled():
            self._button.click()
            self._button.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def _option_rows(editor: QWidget, buttons: Sequence[QAbstractButton], options: Sequence[Option]) -> QVBoxLayout:
    """Lay out option buttons as "[o] 1  wrapping label" rows: long option texts wrap instead of
    widening the page (QRadioButton and QCheckBox texts cannot wrap)."""
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(max(2, editor.fontMetrics().height() // 4))
    for button, option in zip(buttons, options, strict=True):  # one button per option
        row = QHBoxLayout()
        row.setSpacing(editor.fontMetrics().averageCharWidth())
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        label = _OptionLabel(option.label, button)
        label.setToolTip(button.toolTip())
        row.addWidget(label, 1)
        layout.addLayout(row)
    return layout


class ChoiceEditor(AnswerEditor):
    """Single choice and yes/no: radio buttons numbered 1..9 for the number keys."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        # build widgets
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: list[QRadioButton] = []
        for index, option in enumerate(question.options):
            button = QRadioButton(str(index + 1) if index < 9 else "")
            button.setAccessibleName(option.label)
            if option.help:
                button.setToolTip(option.help)
            elif index < 9:
                button.setToolTip(self.tr("Press %1 to choose").replace("%1", str(index + 1)))
            self._group.addButton(button, index)
            self.buttons.append(button)
        # build layout
        _option_rows(self, self.buttons, question.options)
        # connect signals
        self._group.idClicked.connect(self._on_group_id_clicked)

    def set_value(self, value: Any) -> None:
        ids = self.question.option_ids
        # An exclusive group cannot show "nothing checked" unless exclusivity is lifted briefly.
        self._group.setExclusive(False)
        for index, button in enumerate(self.buttons):
            button.setChecked(value is not None and ids[index] == value)
        self._group.setExclusive(True)

    def value(self) -> Any:
        checked = self._group.checkedId()
        return self.question.options[checked].id if checked >= 0 else None

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for button in self.buttons:
            button.setEnabled(not read_only)

    def pick(self, number: int) -> bool:
        if self._read_only or not 1 <= number <= len(self.buttons):
            return False
        button = self.buttons[number - 1]
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.value_edited.emit(self.question.options[number - 1].id)
        return True

    def focus_editor(self) -> None:
        checked = self._group.checkedButton()
        target = checked or (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_group_id_clicked(self, index: int) -> None:
        self.value_edited.emit(self.question.options[index].id)


class MultiChoiceEditor(AnswerEditor):
    """Multiple choice: check boxes; the number keys toggle them."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        # build widgets
        self.boxes: list[QCheckBox] = []
        for index, option in enumerate(question.options):
            box = QCheckBox(str(index + 1) if index < 9 else "")
            box.setAccessibleName(option.label)
            if option.help:
                box.setToolTip(option.help)
            elif index < 9:
                box.setToolTip(self.tr("Press %1 to tick or untick").replace("%1", str(index + 1)))
            self.boxes.append(box)
        # build layout
        _option_rows(self, self.boxes, question.options)
        # connect signals
        for box in self.boxes:
            box.clicked.connect(self._on_box_clicked)

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for option, box in zip(self.question.options, self.boxes, strict=True):
            box.setChecked(option.id in chosen)

    def value(self) -> Any:
        chosen = [o.id for o, b in zip(self.question.options, self.boxes, strict=True) if b.isChecked()]
        return chosen or None

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for box in self.boxes:
            box.setEnabled(not read_only)

    def pick(self, number: int) -> bool:
        if self._read_only or not 1 <= number <= len(self.boxes):
            return False
        box = self.boxes[number - 1]
        box.setChecked(not box.isChecked())
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.value_edited.emit(self.value())
        return True

    def focus_editor(self) -> None:
        if self.boxes:
            self.boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_box_clicked(self) -> None:
        self.value_edited.emit(self.value())


class _NumberSpinBox(QDoubleSpinBox):
    """A double spin box that shows 15 rather than 15.00 and reads an empty field as "clear"."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        text = f"{value:.{self.decimals()}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text


class NumberEditor(AnswerEditor):
    """A number with its unit. The lowest spin-box value stands for "not answered"."""

    _SENTINEL = -1.0

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        # build widgets
        self.spin = _NumberSpinBox()
        self.spin.setDecimals(2)
        self.spin.setRange(self._SENTINEL, 1e9)
        self.spin.setSpecialValueText(self.tr("Not answered"))
        # Only Enter, leaving the field or the arrows emit: one saved change per number typed.
        self.spin.setKeyboardTracking(False)
        self.spin.setAccelerated(True)
        self.spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        if question.unit:
            self.spin.setSuffix(f" {question.unit}")
        self.spin.setAccessibleName(self.tr("Number") + (f" ({question.unit})" if question.unit else ""))
        self.spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        if question.min_value is not None or question.max_value is not None:
            # Rule 6 of docs/scoring.md: the declared range; a value outside it is refused on save
            # with a message rather than silently corrected.
            low = "" if question.min_value is None else f"{question.min_value:g}"
            high = "" if question.max_value is None else f"{question.max_value:g}"
            self.spin.setToolTip(self.tr("Allowed: %1 to %2%3").replace("%1", low or "…").replace(
                "%2", high or "…").replace("%3", f" {question.unit}" if question.unit else ""))
        self.band_label = QLabel()
        self.band_label.setEnabled(False)  # greyed: a hint, not content
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove the number"))
        # build layout
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.band_label, 1)
        # connect signals
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)

    def set_value(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(self._SENTINEL if value is None else float(value))
        self.spin.blockSignals(False)
        self._show_band()

    def value(self) -> Any:
        number = self.spin.value()
        if number <= self._SENTINEL:
            return None
        return int(number) if float(number).is_integer() else number

    def set_number(self, number: float | None) -> None:
        """Enter a number as if typed (emits)."""
        self.spin.setValue(self._SENTINEL if number is None else float(number))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.spin.setReadOnly(read_only)
        self.clear_button.setEnabled(not read_only)

    def focus_editor(self) -> None:
        self.spin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.spin.selectAll()

    def _show_band(self) -> None:
        value = self.value()
        text = ""
        if value is not None and not math.isnan(float(value)):
            for band in self.question.bands:
                if band.contains(float(value)) and band.label:
                    text = "→ " + band.label
                    break
        self.band_label.setText(text)

    def _on_spin_value_changed(self, _number: float) -> None:
        self._show_band()
        if not self._read_only:
            self.value_edited.emit(self.value())

    def _on_clear_button_clicked(self) -> None:
        self.set_number(None)


class DateEditor(AnswerEditor):
    """A date with a calendar pop-up, "Today" and "Clear". The minimum date means "no date"."""

    _NO_DATE = QDate(1900, 1, 1)

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self._last: str | None = None
        # build widgets
        from trustframe.ui.widgets.date_edit import OptionalDateEdit

        self.date_edit = OptionalDateEdit(self.tr("No date"))
        self.date_edit.setKeyboardTracking(False)
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.today_button = QPushButton(self.tr("Today"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove the date"))
        # build layout
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.today_button)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        # connect signals
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.today_button.clicked.connect(self._on_today_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)

    def set_value(self, value: Any) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate.fromString(str(value), "yyyy-MM-dd") if value else self._NO_DATE)
        self.date_edit.blockSignals(False)
        self._last = self.value()

    def value(self) -> Any:
        qdate = self.date_edit.date()
        if not qdate.isValid() or qdate <= self._NO_DATE:
            return None
        return date(qdate.year(), qdate.month(), qdate.day()).isoformat()

    def set_date(self, value: date | None) -> None:
        """Enter a date as if picked (emits)."""
        self.date_edit.setDate(QDate(value.year, value.month, value.day) if value else self._NO_DATE)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.date_edit.setReadOnly(read_only)
        self.today_button.setEnabled(not read_only)
        self.clear_button.setEnabled(not read_only)

    def focus_editor(self) -> None:
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_date_edit_date_changed(self, _qdate: QDate) -> None:
        value = self.value()
        if value != self._last and not self._read_only:
            self._last = value
            self.value_edited.emit(value)

    def _on_today_button_clicked(self) -> None:
        self.set_date(date.today())

    def _on_clear_button_clicked(self) -> None:
        self.set_date(None)


class TextEditor(AnswerEditor):
    """Free text; saved shortly after typing stops and at once when the field loses focus."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self._loading = False
        self._pending = False
        # build widgets
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Answer text"))
        self.edit.setMinimumHeight(self.fontMetrics().height() * 5)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_SAVE_DELAY_MS)
        # build layout
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        # connect signals
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self._timer.timeout.connect(self.flush)
        self.edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def set_value(self, value: Any) -> None:
        current = self.edit.toPlainText()
        # Saved text is stripped; do not rewrite the field (and move the cursor) for that alone.
        if current.strip() == (value or "").strip():
            return
        self._loading = True
        self.edit.setPlainText(value or "")
        self._loading = False
        self._pending = False
        self._timer.stop()

    def value(self) -> Any:
        return self.edit.toPlainText().strip() or None

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.edit.setReadOnly(read_only)

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def flush(self) -> None:
        self._timer.stop()
        if self._pending and not self._read_only:
            self._pending = False
            self.value_edited.emit(self.value())

    def _on_edit_text_changed(self) -> None:
        if self._loading or self._read_only:
            return
        self._pending = True
        self._timer.start()


#: The editor of each answer type (tests/domain/test_answer_types.py checks that every type has one).
EDITORS: dict[AnswerType, type[AnswerEditor]] = {
    AnswerType.SINGLE_CHOICE: ChoiceEditor,
    AnswerType.YES_NO: ChoiceEditor,
    AnswerType.MULTIPLE_CHOICE: MultiChoiceEditor,
    AnswerType.NUMBER: NumberEditor,
    AnswerType.DATE: DateEditor,
    AnswerType.TEXT: TextEditor,
}


def create_answer_editor(question: Question, parent: QWidget | None = None) -> AnswerEditor:
    """The editor that fits the question's answer type."""
    return EDITORS[question.type](question, parent)
