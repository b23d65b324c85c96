"""Link evidence to an answer: tick existing evidence of the vendor, or add new evidence (a file
kept in the workspace, or a link) and tick it in the same dialog."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind
from trustframe.errors import TrustFrameError
from trustframe.ui import labels, messages
from trustframe.ui.context import UiContext
from trustframe.ui.widgets.date_edit import OptionalDateEdit

_EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NO_DATE = QDate(1900, 1, 1)


class EvidenceLinkDialog(QDialog):
    """After ``exec()`` (accepted) ``selected_ids()`` are the evidence ids to link."""

    def __init__(self, ctx: UiContext, vendor_id: int, linked: set[int] | None = None,
                 suggested_kinds: tuple[EvidenceKind, ...] = (), product_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.vendor_id = vendor_id
        self.product_id = product_id
        self._linked = set(linked or ())
        self.setWindowTitle(self.tr("Link evidence"))
        # build widgets
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Evidence of this vendor"))
        self.empty_label = QLabel(self.tr("This vendor has no evidence yet: add some below."))
        self.empty_label.setObjectName("Muted")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. ISO/IEC 27001 certificate 2025"))
        self.kind_combo = QComboBox()
        for kind in EvidenceKind:
            self.kind_combo.addItem(labels.evidence_kind(kind), kind)
        if suggested_kinds:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(suggested_kinds[0]))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("or a file to keep in the workspace"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.issuer_edit = QLineEdit()
        self.independent_box = QCheckBox(self.tr("Issued by an &independent party (auditor, certification body)"))
        self.expires_edit = OptionalDateEdit(self.tr("No expiry"))
        self.add_button = QPushButton(self.tr("&Add evidence"))
        self._box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self.url_edit.setAccessibleName(self.tr("Link"))
        self.file_edit.setAccessibleName(self.tr("File"))
        self.issuer_edit.setAccessibleName(self.tr("Issuer"))
        self.expires_edit.setAccessibleName(self.tr("Expiry date"))
        # build layout
        new_box = QGroupBox(self.tr("New evidence"))
        form = QFormLayout(new_box)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Link:"), self.url_edit)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form.addRow(self.tr("&File:"), file_row)
        form.addRow(self.tr("&Issuer:"), self.issuer_edit)
        form.addRow("", self.independent_box)
        form.addRow(self.tr("&Expires:"), self.expires_edit)
        form.addRow("", self.add_button)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Tick the evidence that supports this answer:"))
        heading.setBuddy(self.list)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(new_box)
        layout.addWidget(self._box)
        # connect signals
        self._box.accepted.connect(self.accept)
        self._box.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self._reload()
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def selected_ids(self) -> list[int]:
        """Ticked evidence ids."""
        return [int(self.list.item(i).data(_EVIDENCE_ID_ROLE)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, evidence_id: int, checked: bool = True) -> None:
        """Tick or untick a piece of evidence."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_EVIDENCE_ID_ROLE) == evidence_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def add_evidence(self) -> Evidence | None:
        """Create the evidence described in the "new evidence" fields and tick it."""
        expires = self.expires_edit.date()
        try:
            evidence = self._ctx.require_services.evidence.add(
                self.vendor_id, self.title_edit.text(), self.kind_combo.currentData(),
                file=self.file_edit.text().strip() or None, url=self.url_edit.text(),
                issuer=self.issuer_edit.text(), independent=self.independent_box.isChecked(),
                expires_on=None if expires <= _NO_DATE else date(expires.year(), expires.month(), expires.day()),
                product_id=self.product_id)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Evidence not added"), str(exc))
            return None
        for edit in (self.title_edit, self.url_edit, self.file_edit, self.issuer_edit):
            edit.clear()
        self.independent_box.setChecked(False)
        self.expires_edit.setDate(_NO_DATE)
        self._reload(check=() if evidence.id is None else (evidence.id,))
        return evidence

    def _reload(self, check: Iterable[int] = ()) -> None:
        checked = set(self.selected_ids()) | set(check)
        self.list.clear()
        today = date.today()
        for evidence in self._ctx.require_services.evidence.list_evidence(self.vendor_id):
            state = labels.evidence_state(evidence.state(today))
            text = f"{evidence.title} · {labels.evidence_kind(evidence.kind)} · {state}"
            if evidence.id in self._linked:
                text += " · " + self.tr("already linked")
            item = QListWidgetItem(text)
            item.setData(_EVIDENCE_ID_ROLE, evidence.id)
            item.setToolTip(evidence.url or evidence.file_name)
            if evidence.id in self._linked:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if evidence.id in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.empty_label.setVisible(self.list.count() == 0)

    def _on_add_button_clicked(self) -> None:
        self.add_evidence()

    def _on_browse_button_clicked(self) -> None:
        from trustframe.ui import file_dialogs

        path = file_dialogs.choose_open(self, self._ctx.settings, file_dialogs.EVIDENCE,
                                        self.tr("Choose an evidence file"))
        if path:
            self.file_edit.setText(path)
            if not self.title_edit.text().strip():
                from pathlib import Path

                self.title_edit.setText(Path(path).stem)
