"""A date field that may be empty.

Qt's QDateEdit has no empty state, so "no date" is shown as the minimum date with a special text.
Plain QDateEdit then has two faults an officer meets at once: typing a date into the empty field
is lost (the digits land after the special text and the field reverts), and the calendar pop-up
opens on January 1900. This field starts from today's date as soon as the officer types a digit
(so "2026-12-15" is kept exactly as typed), opens its calendar on today's month, and stays empty
when it is only tabbed through.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

#: Shown as "no date" (the field's minimum).
NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A ``yyyy-MM-dd`` date field with a calendar pop-up whose empty state shows ``empty_text``."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(NO_DATE, parent)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(empty_text)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self._advanced = False
        calendar = self.calendarWidget()
        calendar.installEventFilter(self)
        # The pop-up's parts are reachable by keyboard: give them names a screen reader reads.
        calendar.setAccessibleName(self.tr("Calendar"))
        for part in calendar.findChildren(QWidget):
            if not part.accessibleName():
                part.setAccessibleName(self.tr("Calendar") if part.objectName() == "qt_calendar_calendarview"
                                       else part.objectName().removeprefix("qt_calendar_").replace("_", " "))

    # -- values --------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when no date is set."""
        return self.date() <= NO_DATE

    def value(self) -> date | None:
        """The date, None when empty."""
        qd = self.date()
        return None if qd <= NO_DATE or not qd.isValid() else date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: empty)."""
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def clear_date(self) -> None:
        """Make the field empty."""
        self.setDate(NO_DATE)

    # -- Qt overrides --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        advanced, self._advanced = self._advanced, False
        if event.text() == "-" and advanced:
            # The section just filled moved on by itself: the separator typed after it must not
            # skip the next one ("2026-12-15" would otherwise lose its day).
            return
        if self.is_empty() and not self.isReadOnly() and event.text().isdigit():
            # Start from today so the typed digits replace its year, month and day in turn.
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateTimeEdit.Section.YearSection)
            self.setSelectedSection(QDateTimeEdit.Section.YearSection)
        elif (not self.is_empty() and not self.isReadOnly() and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
              and self.lineEdit().selectedText() == self.lineEdit().text()):
            # Everything selected and deleted: the date is removed, not reset to 1900.
            self.clear_date()
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._advanced = event.text().isdigit() and self.currentSection() != before

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.is_empty():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
