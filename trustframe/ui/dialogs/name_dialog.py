"""Asked once on first start: the name TrustFrame records as assessor, reviewer and in the change
log (instead of the operating-system login). It can be changed later in Preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from trustframe.errors import TrustFrameError
from trustframe.ui.dialogs.form_dialog import FormDialog

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext


class NameDialog(FormDialog):
    """Ask for the user's name; saving stores it in Preferences and in the open services."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your name"), parent)
        self._ctx = ctx
        intro = QLabel(self.tr("TrustFrame puts your name on the assessments you prepare, the decisions you "
                               "record and the change log. You can change it later in Preferences."))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Alex Officer"))
        self.name_edit.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("Your &name"), self.name_edit)
        label = form.labelForField(self.name_edit)
        if isinstance(label, QLabel):
            label.setBuddy(self.name_edit)
        self.form_area.addWidget(intro)
        self.form_area.addLayout(form)
        self.resize(self.fontMetrics().averageCharWidth() * 64, self.sizeHint().height())

    def save(self) -> None:
        """Store the name (refused when empty: Cancel is the way to skip)."""
        name = " ".join(self.name_edit.text().split())
        if not name:
            raise TrustFrameError(self.tr("Type your name, or press Cancel to set it later in Preferences."))
        apply_user_name(self._ctx, name)


def apply_user_name(ctx: UiContext, name: str) -> None:
    """Make ``name`` the user's name: in Preferences and for the open workspace's records."""
    ctx.settings.assessor_name = name
    if ctx.services is not None and name.strip():
        ctx.services.user = name.strip()
