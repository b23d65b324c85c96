"""Preferences: organisation branding for reports, the assessor's name, the default scoring
profile and the interface language.

The organisation's name and logo are user settings *and* are mirrored into the open workspace
(``organisation_name`` / ``organisation_logo``), because reports and exported workbooks are
produced from the workspace alone (for example by the CLI on another machine).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from trustframe import paths
from trustframe.services.vendors import InvalidInput
from trustframe.ui import i18n, icons
from trustframe.ui import settings as keys
from trustframe.ui.dialogs.form_dialog import FormDialog

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

#: Logo formats reports can embed (SVG is refused by the report service: it can carry scripts).
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def scoring_profiles() -> list[tuple[str, str]]:
    """(id, title) of the bundled scoring profiles."""
    found: dict[str, str] = {}
    folder = paths.scoring_profiles_dir()
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("Skipping scoring profile %s: %s", path, exc)
            continue
        profile_id = str(data.get("id", path.stem))
        if path.stem == f"{profile_id}-{data.get('version')}":
            continue  # an earlier version kept for the assessments pinned to it, not a profile to choose
        found[profile_id] = str(data.get("title", path.stem))
    return list(found.items()) or [("default", "Default")]


def available_languages() -> list[str]:
    """Language codes with a compiled translation in resources/translations, English included."""
    return i18n.available_languages()


class PreferencesDialog(FormDialog):
    """Edit the user's preferences; saving writes QSettings and the workspace mirror."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Preferences"), parent)
        self._ctx = ctx
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        self._load()
        self.resize(600, 460)

    def _build_widgets(self) -> None:
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setAccessibleName(self.tr("Organisation name"))
        self.organisation_edit.setPlaceholderText(self.tr("Printed on reports and exported questionnaires"))
        self.logo_edit = QLineEdit()
        self.logo_edit.setAccessibleName(self.tr("Logo file"))
        self.logo_edit.setPlaceholderText(self.tr("PNG or JPEG, shown on report covers"))
        self.logo_button = QPushButton(icons.icon(icons.OPEN), self.tr("Choose…"))
        self.logo_button.setAccessibleName(self.tr("Choose logo file"))
        self.logo_clear = QPushButton(self.tr("Remove"))
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(160, 48)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.logo_preview.setObjectName("Muted")
        self.logo_preview.setAccessibleName(self.tr("Logo preview"))
        self.assessor_edit = QLineEdit()
        self.assessor_edit.setAccessibleName(self.tr("Your name"))
        self.assessor_edit.setPlaceholderText(self.tr("Put on assessments, decisions and the change log"))
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Default scoring profile"))
        for profile_id, title in scoring_profiles():
            self.profile_combo.addItem(title, profile_id)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("System default"), "")
        # Each language by its own name ("Deutsch"), so a user who cannot read the current one finds theirs.
        for code in available_languages():
            self.language_combo.addItem(i18n.native_name(code), code)
        self.language_note = QLabel(self.tr("A new language is used after TrustFrame restarts."))
        self.language_note.setObjectName("Muted")
        # A workspace setting: how old a vendor's earlier answers may be to be offered again.
        self.library_age_spin = QSpinBox()
        self.library_age_spin.setRange(0, 60)
        self.library_age_spin.setSuffix(self.tr(" months"))
        self.library_age_spin.setAccessibleName(self.tr("Reuse a vendor's answers up to this age"))
        self.library_age_spin.setToolTip(self.tr("Answers a vendor gave in its other assessments within this many "
                                                 "months are offered as pre-filled answers to confirm (0: never)"))
        self.workspace_note = QLabel()
        self.workspace_note.setObjectName("Muted")
        self.workspace_note.setWordWrap(True)

    def _build_layout(self) -> None:
        organisation = QGroupBox(self.tr("Organisation (for reports)"))
        org_form = QFormLayout(organisation)
        org_form.addRow(self.tr("&Name"), self.organisation_edit)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        logo_label = QLabel(self.tr("&Logo"))
        logo_label.setBuddy(self.logo_edit)
        org_form.addRow(logo_label, logo_row)
        org_form.addRow("", self.logo_preview)
        org_form.addRow("", self.workspace_note)
        for field in (self.organisation_edit, self.logo_edit):
            label = org_form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        assessing = QGroupBox(self.tr("Assessing"))
        form = QFormLayout(assessing)
        form.addRow(self.tr("Your n&ame"), self.assessor_edit)
        form.addRow(self.tr("Scoring &profile"), self.profile_combo)
        form.addRow(self.tr("Lan&guage"), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Reuse &answers up to"), self.library_age_spin)
        for editor in (self.assessor_edit, self.profile_combo, self.language_combo, self.library_age_spin):
            label = form.labelForField(editor)
            if isinstance(label, QLabel):
                label.setBuddy(editor)
        self.form_area.addWidget(organisation)
        self.form_area.addWidget(assessing)

    def _connect_signals(self) -> None:
        self.logo_button.clicked.connect(self._on_logo_button_clicked)
        self.logo_clear.clicked.connect(self._on_logo_clear_clicked)
        self.logo_edit.textChanged.connect(self._on_logo_edit_textChanged)

    def _load(self) -> None:
        s = self._ctx.settings
        self.organisation_edit.setText(s.organisation_name)
        self.logo_edit.setText(s.organisation_logo)
        self._on_logo_edit_textChanged(self.logo_edit.text())
        self.assessor_edit.setText(s.assessor_name)
        index = self.profile_combo.findData(s.default_scoring_profile or "default")
        self.profile_combo.setCurrentIndex(max(index, 0))
        index = self.language_combo.findData(s.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        services = self._ctx.services
        self.library_age_spin.setEnabled(services is not None)
        if services is not None:
            self.library_age_spin.setValue(services.answer_library.max_age_months())
        if self._ctx.services is not None:
            self.workspace_note.setText(self.tr("Also saved in the open workspace ({name}), so its reports and "
                                                "exports carry your organisation.").format(
                name=self._ctx.services.workspace.path.name))
        else:
            self.workspace_note.setText(self.tr("Copied into each workspace you open."))

    def save(self) -> None:
        """Check the logo, then store everything."""
        logo = self.logo_edit.text().strip()
        if logo:
            path = Path(logo)
            if path.suffix.lower() not in LOGO_SUFFIXES:
                raise InvalidInput(self.tr("The logo must be a PNG or JPEG image (SVG logos are not embedded in "
                                           "reports)."))
            if not path.is_file():
                raise InvalidInput(self.tr("The logo file {path} does not exist.").format(path=logo))
        s = self._ctx.settings
        s.organisation_name = self.organisation_edit.text()
        s.organisation_logo = logo
        from trustframe.ui.dialogs.name_dialog import apply_user_name

        apply_user_name(self._ctx, self.assessor_edit.text())
        s.default_scoring_profile = self.profile_combo.currentData() or ""
        s.language = self.language_combo.currentData() or ""
        if self._ctx.services is not None:
            mirror_to_workspace(self._ctx, clear_missing=True)
            from trustframe.services.answer_library import MAX_AGE_SETTING

            months = self.library_age_spin.value()
            if months != self._ctx.services.answer_library.max_age_months():
                self._ctx.services.set_setting(MAX_AGE_SETTING, months)

    # -- slots ---------------------------------------------------------------------------------

    def _on_logo_button_clicked(self) -> None:
        from trustframe.ui import file_dialogs

        path = file_dialogs.choose_open(self, self._ctx.settings, file_dialogs.LOGO,
                                        self.tr("Choose the organisation logo"), self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo_edit.setText(path)

    def _on_logo_clear_clicked(self) -> None:
        self.logo_edit.clear()

    def _on_logo_edit_textChanged(self, text: str) -> None:
        pixmap = QPixmap(text) if text.strip() else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo") if not text.strip() else self.tr("Cannot show this file"))
        else:
            self.logo_preview.setPixmap(pixmap.scaled(self.logo_preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))


def mirror_to_workspace(ctx: UiContext, clear_missing: bool = False) -> None:
    """Copy the organisation name and logo (and default profile) into the open workspace when
    they differ, so reports and exports made from it find them. Empty user values clear the
    workspace's only when ``clear_missing`` (an explicit save in this dialog)."""
    services = ctx.services
    if services is None:
        return
    s = ctx.settings
    wanted = {keys.WORKSPACE_ORGANISATION_NAME: s.organisation_name,
              keys.WORKSPACE_ORGANISATION_LOGO: s.organisation_logo or None,
              keys.WORKSPACE_SCORING_PROFILE: s.default_scoring_profile or None}
    for key, value in wanted.items():
        current = services.setting(key, None)
        # Do not overwrite a workspace's branding with an empty user setting (a colleague's
        # workspace opened on a fresh machine keeps its organisation).
        if (value or (clear_missing and current)) and current != value:
            services.set_setting(key, value)
