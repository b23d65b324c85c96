"""Someone else saved the same record while you edited it: show both, let the officer choose.

A save against a stale row version is refused by the services with a
:class:`~trustframe.errors.StaleWriteError` that carries both values (yours, theirs) and the
version now stored. :class:`ConflictDialog` lists the fields that differ side by side, with the
value you started from when it is known, and lets the officer keep theirs or theirs per field or
for every field at once. :func:`save_resolving_conflicts` runs the whole round: try the save;
on a conflict ask; save the chosen values against the current version (one transaction in the
service); ask again if yet another save came in between. Cancel stores nothing and leaves the
officer's entries in the form (docs/team-mode.md, "No lost update").

The answer page asks the same question in its own words ("Theirs: ... Yours: ..."), see the
assessment screen; the words here are the same so both feel alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trustframe.errors import StaleWriteError, TrustFrameError
from trustframe.ui import prompts

YOURS = "yours"
THEIRS = "theirs"

#: Longest text shown in a cell; the whole value is in its tooltip.
_SHOWN_CHARS = 300

T = TypeVar("T")

# Texts outside a QObject are literal translate("ConflictDialog", ...) calls (pyside6-lupdate
# only sees literals), in the dialog's own context.
translate = QCoreApplication.translate


class _Unknown:
    """The base value when it is not known (shown as an empty column)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


class ConflictNotResolved(TrustFrameError):
    """The officer closed the conflict dialog without choosing: nothing was saved, and the
    form keeps what was typed (so the message is shown inline and the form stays open)."""


@dataclasses.dataclass(frozen=True)
class ConflictField:
    """One field that differs between your save and what is stored now."""

    key: str
    title: str
    yours: Any
    theirs: Any
    base: Any = UNKNOWN

    @property
    def default_choice(self) -> str:
        """Theirs when only they changed the field (you left it as it was), else yours."""
        if self.base is not UNKNOWN and self.yours == self.base and self.theirs != self.base:
            return THEIRS
        return YOURS

    @property
    def changed_by_both(self) -> bool:
        """Both you and they changed the field (from a known base) to different values."""
        return self.base is not UNKNOWN and self.yours != self.base and self.theirs != self.base


def differing_fields(labels: Mapping[str, str], yours: Any, theirs: Any, base: Any = None) -> list[ConflictField]:
    """The fields named in ``labels`` (key -> label, in order) whose values differ between
    ``yours`` and ``theirs``. Values are read as attributes, or as keys of a mapping; ``base``
    (None: unknown) is the record as it was when the officer started editing."""
    def value(record: Any, key: str) -> Any:
        if record is None:
            return UNKNOWN
        if isinstance(record, Mapping):
            return record.get(key, UNKNOWN)
        return getattr(record, key, UNKNOWN)

    found = []
    for key, label in labels.items():
        mine, other = value(yours, key), value(theirs, key)
        if mine is UNKNOWN or other is UNKNOWN or mine == other:
            continue
        found.append(ConflictField(key, label, mine, other, value(base, key)))
    return found


class ConflictDialog(QDialog):
    """The differing fields side by side; per field a choice of yours or theirs, and buttons to
    take every field from one side. After an accepted run, :meth:`chosen` gives the values."""

    def __init__(self, title: str, explanation: str, fields: Sequence[ConflictField],
                 display: Callable[[str, Any], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.fields = list(fields)
        self._display = display or (lambda _key, v: shown_value(v))
        self._choices: dict[str, QButtonGroup] = {}
        self.yours_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        # build widgets
        self.explanation = QLabel(explanation)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        has_base = any(f.base is not UNKNOWN for f in self.fields)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(14)
        headings = [self.tr("Field")] + ([self.tr("When you opened it")] if has_base else []) + [
            self.tr("Yours"), self.tr("Theirs (saved now)")]
        for column, heading in enumerate(headings):
            label = QLabel(heading)
            label.setObjectName("SectionTitle")
            grid.addWidget(label, 0, column)
        for row, field in enumerate(self.fields, start=1):
            name = QLabel(field.title + (" *" if field.changed_by_both else ""))
            name.setTextFormat(Qt.TextFormat.PlainText)
            if field.changed_by_both:
                name.setToolTip(self.tr("Changed by you and by them."))
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            column = 1
            if has_base:
                base = QLabel("" if field.base is UNKNOWN else self._shown(field.key, field.base))
                base.setTextFormat(Qt.TextFormat.PlainText)  # vendor text: never rich text
                base.setWordWrap(True)
                base.setObjectName("Muted")
                grid.addWidget(base, row, column, Qt.AlignmentFlag.AlignTop)
                column += 1
            group = QButtonGroup(self)
            for side, value in ((YOURS, field.yours), (THEIRS, field.theirs)):
                text = self._shown(field.key, value)
                button = QRadioButton(text)  # a radio button's text is always plain
                button.setToolTip(self._display(field.key, value))
                button.setAccessibleName(
                    (self.tr("Yours: %1") if side == YOURS else self.tr("Theirs: %1")).replace("%1", field.title))
                group.addButton(button)
                (self.yours_buttons if side == YOURS else self.theirs_buttons)[field.key] = button
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
                column += 1
            self._choices[field.key] = group
            self.choose(field.key, field.default_choice)
        grid.setRowStretch(len(self.fields) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.all_yours_button = QPushButton(self.tr("Keep all &mine"))
        self.all_theirs_button = QPushButton(self.tr("Take all &theirs"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save my choice"))
        self.buttons.addButton(self.all_yours_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.all_theirs_button, QDialogButtonBox.ButtonRole.ActionRole)
        # layout
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.explanation)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        # signals
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.all_yours_button.clicked.connect(self._on_all_yours_button_clicked)
        self.all_theirs_button.clicked.connect(self._on_all_theirs_button_clicked)
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 110, min(fm.height() * (8 + 3 * len(self.fields)), fm.height() * 36))

    def _shown(self, key: str, value: Any) -> str:
        text = self._display(key, value)
        return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 1] + "…"

    def choose(self, key: str, side: str) -> None:
        """Choose ``side`` (:data:`YOURS` or :data:`THEIRS`) for the field ``key``."""
        (self.yours_buttons if side == YOURS else self.theirs_buttons)[key].setChecked(True)

    def choose_all(self, side: str) -> None:
        """Choose ``side`` for every field."""
        for field in self.fields:
            self.choose(field.key, side)

    def choice(self, key: str) -> str:
        """The side chosen for ``key``."""
        return YOURS if self.yours_buttons[key].isChecked() else THEIRS

    def chosen(self) -> dict[str, Any]:
        """The chosen value of every listed field, by key."""
        return {f.key: (f.yours if self.choice(f.key) == YOURS else f.theirs) for f in self.fields}

    def _on_all_yours_button_clicked(self) -> None:
        self.choose_all(YOURS)

    def _on_all_theirs_button_clicked(self) -> None:
        self.choose_all(THEIRS)


def shown_value(value: Any) -> str:
    """A value as the conflict dialog shows it: "(empty)", yes/no, lists joined."""
    if value is None or value == "" or value == () or value == []:
        return translate("ConflictDialog", "(empty)")
    if isinstance(value, bool):
        return translate("ConflictDialog", "yes") if value else translate("ConflictDialog", "no")
    if isinstance(value, (list, tuple)):
        return "; ".join(shown_value(v) for v in value)
    return str(value)


def ask(parent: QWidget | None, title: str, explanation: str, fields: Sequence[ConflictField],
        display: Callable[[str, Any], str] | None = None) -> dict[str, Any] | None:
    """Show the conflict dialog; the chosen values by key, or None when cancelled."""
    dialog = ConflictDialog(title, explanation, fields, display, parent)
    try:
        if not prompts.exec_dialog(dialog):
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()


def save_resolving_conflicts(parent: QWidget | None, title: str, explanation: str, labels: Mapping[str, str],
                             edited: T, base: T | None, save: Callable[[T], T],
                             display: Callable[[str, Any], str] | None = None) -> T:
    """Save the dataclass ``edited`` (a vendor, a piece of evidence) with ``save``; when someone
    else saved the record since ``base`` was read, show the differing fields of ``labels`` and
    save the officer's choice against the version stored now (``save`` is one transaction).

    Fields the dialog does not list (the same on both sides, or not editable here) are taken
    from the record as stored now. Cancelling raises :class:`ConflictNotResolved`: nothing was
    saved and the caller's form keeps what was typed."""
    attempt = edited
    while True:
        try:
            return save(attempt)
        except StaleWriteError as conflict:
            theirs = conflict.theirs
            if theirs is None or not dataclasses.is_dataclass(theirs):
                raise
            fields = differing_fields(labels, attempt, theirs, base)
            chosen = ask(parent, title, explanation, fields, display) if fields else {}
            if chosen is None:
                raise ConflictNotResolved(translate(
                    "ConflictDialog",
                    "Not saved: someone else saved this record while you edited it. Your entries are still "
                    "here; save again to compare them with theirs, or cancel to keep theirs.")) from conflict
            # What is stored now, with the officer's choice field by field, against its version.
            # StaleWriteError.theirs is typed object (errors.py); the services put the stored record,
            # of the edited type, there.
            attempt = dataclasses.replace(theirs, **chosen, version=conflict.version)  # type: ignore[assignment, type-var]
