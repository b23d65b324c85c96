"""Record a piece of evidence: a file (copied into the workspace with its SHA-256) or a link;
or, in edit mode, correct what is recorded about it (the stored file itself never changes)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import EvidenceKind
from trustframe.services.vendors import InvalidInput
from trustframe.ui import icons, labels
from trustframe.ui.dialogs.form_dialog import FormDialog

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext


class OptionalDate(QWidget):
    """A date that may be left out: a check box enables the date field."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)

    def value(self) -> date | None:
        """The date, or None when unchecked."""
        # PySide6's stubs type QDate.toPython() as object; it returns a datetime.date.
        return self.edit.date().toPython() if self.check.isChecked() else None  # type: ignore[return-value]

    def set_value(self, value: date | None) -> None:
        """Check and set, or uncheck."""
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class EvidenceDialog(FormDialog):
    """Add evidence for ``vendor_id`` or, given ``evidence``, edit it; after ``exec()``,
    :attr:`saved_evidence`."""

    def __init__(self, ctx: UiContext, vendor_id: int, product_id: int | None = None,
                 parent: QWidget | None = None, evidence: Evidence | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Edit evidence") if evidence is not None else self.tr("Add evidence"))
        self.setAccessibleName(self.windowTitle())
        self._ctx = ctx
        self._vendor_id = vendor_id
        #: The evidence being edited (None when adding).
        self.editing: Evidence | None = evidence
        self.saved_evidence: Evidence | None = None
        self._build_widgets(evidence.product_id if evidence is not None else product_id)
        self._build_layout()
        self._connect_signals()
        if evidence is not None:
            self._show_evidence(evidence)
        self._on_source_changed()
        # Sized in text lines rather than pixels so the form fits at any font size and scale.
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 96, fm.height() * 30)

    def _build_widgets(self, product_id: int | None) -> None:
        services = self._ctx.require_services
        self.vendor_label = QLabel(services.vendors.get_vendor(self._vendor_id).name)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. ISO/IEC 27001 certificate"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of evidence"))
        for kind in EvidenceKind:
            self.kind_combo.addItem(labels.evidence_kind(kind), kind)
        self.product_combo = QComboBox()
        self.product_combo.setAccessibleName(self.tr("Applies to"))
        self.product_combo.addItem(self.tr("The whole vendor"), None)
        for product in services.vendors.list_products(self._vendor_id):
            self.product_combo.addItem(product.name, product.id)
            if product.id == product_id:
                self.product_combo.setCurrentIndex(self.product_combo.count() - 1)
        self.file_radio = QRadioButton(self.tr("A &file (kept inside the workspace)"))
        self.link_radio = QRadioButton(self.tr("A &link"))
        self.file_radio.setChecked(True)
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.file_radio)
        self.source_group.addButton(self.link_radio)
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("File"))
        self.file_edit.setPlaceholderText(self.tr("Choose a PDF, image or document…"))
        self.browse_button = QPushButton(icons.icon(icons.OPEN), self.tr("Browse…"))
        self.url_edit = QLineEdit()
        self.url_edit.setAccessibleName(self.tr("Link"))
        self.url_edit.setPlaceholderText("https://")
        # a link into the officer's own network (cloud metadata, private or loopback addresses) is
        # stored but deserves a second look: said beside the field while typing, as the CLI warns
        self.url_warning = QLabel()
        self.url_warning.setObjectName("linkWarning")
        self.url_warning.setWordWrap(True)
        self.url_warning.setStyleSheet("color: #9a5b00;")
        self.url_warning.setVisible(False)
        self.issuer_edit = QLineEdit()
        self.issuer_edit.setAccessibleName(self.tr("Issuer"))
        self.issuer_edit.setPlaceholderText(self.tr("Who issued it, e.g. the certification body"))
        self.independent_check = QCheckBox(self.tr("Issued by an independent third party"))
        self.issued = OptionalDate(self.tr("Issued on"))
        self.expires = OptionalDate(self.tr("Expires on"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 4)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Vendor"), self.vendor_label)
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Kind"), self.kind_combo)
        form.addRow(self.tr("Applies &to"), self.product_combo)
        sources = QHBoxLayout()
        sources.addWidget(self.file_radio)
        sources.addWidget(self.link_radio)
        sources.addStretch(1)
        form.addRow(self.tr("Source"), sources)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        form.addRow(self.tr("&Link"), self.url_edit)
        form.addRow("", self.url_warning)
        form.addRow(self.tr("&Issuer"), self.issuer_edit)
        form.addRow("", self.independent_check)
        form.addRow(self.tr("Validity"), self.issued)
        form.addRow("", self.expires)
        form.addRow(self.tr("N&otes"), self.notes_edit)
        for field in (self.title_edit, self.kind_combo, self.product_combo, self.url_edit, self.issuer_edit,
                      self.notes_edit):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        self.form_area.addLayout(form)

    def _connect_signals(self) -> None:
        self.file_radio.toggled.connect(self._on_source_changed)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.url_edit.textChanged.connect(self._on_url_changed)
        self.link_radio.toggled.connect(self._on_url_changed)

    def _show_evidence(self, evidence: Evidence) -> None:
        """Fill the form from recorded evidence. The source cannot change: a stored file is the
        record of what the vendor supplied, so only a link's address stays editable."""
        self.title_edit.setText(evidence.title)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(evidence.kind)))
        self.product_combo.setCurrentIndex(max(0, self.product_combo.findData(evidence.product_id)))
        is_file = bool(evidence.sha256)
        self.file_radio.setChecked(is_file)
        self.link_radio.setChecked(not is_file)
        self.file_radio.setEnabled(False)
        self.link_radio.setEnabled(False)
        self.file_edit.setText(evidence.file_name)
        self.file_edit.setReadOnly(True)
        self.file_edit.setToolTip(self.tr("The stored file cannot be replaced; add a new file as new evidence."))
        self.url_edit.setText(evidence.url)
        self.issuer_edit.setText(evidence.issuer)
        self.independent_check.setChecked(evidence.independent)
        self.issued.set_value(evidence.issued_on)
        self.expires.set_value(evidence.expires_on)
        self.notes_edit.setPlainText(evidence.notes)

    def save(self) -> None:
        """Record through the evidence service (which validates, copies and hashes the file)."""
        evidence = self._ctx.require_services.evidence
        if self.editing is not None:
            from trustframe.ui.dialogs import conflict_dialog

            edited = replace(
                self.editing, title=self.title_edit.text().strip(), kind=self.kind_combo.currentData(),
                issuer=self.issuer_edit.text().strip(), independent=self.independent_check.isChecked(),
                issued_on=self.issued.value(), expires_on=self.expires.value(),
                notes=self.notes_edit.toPlainText().strip(), product_id=self.product_combo.currentData(),
                url=self.url_edit.text().strip() if self.link_radio.isChecked() else "")
            # Saved against the version shown when the dialog opened; a colleague's save in
            # between is listed beside this one and the officer chooses (no lost update).
            self.saved_evidence = conflict_dialog.save_resolving_conflicts(
                self, self.tr("Evidence changed by someone else"),
                self.tr("Someone else saved '%1' while you edited it. Choose, field by field, what to keep.")
                .replace("%1", self.editing.title), self.conflict_labels(), edited, self.editing,
                evidence.update, self._conflict_display)
            return
        kwargs = dict(issuer=self.issuer_edit.text(), independent=self.independent_check.isChecked(),
                      issued_on=self.issued.value(), expires_on=self.expires.value(),
                      notes=self.notes_edit.toPlainText(), product_id=self.product_combo.currentData())
        if self.file_radio.isChecked():
            path = self.file_edit.text().strip()
            if not path:
                raise InvalidInput(self.tr("Choose the evidence file, or switch to a link."))
            self.saved_evidence = evidence.add(self._vendor_id, self.title_edit.text(),
                                               self.kind_combo.currentData(), file=Path(path), **kwargs)
        else:
            self.saved_evidence = evidence.add(self._vendor_id, self.title_edit.text(),
                                               self.kind_combo.currentData(), url=self.url_edit.text(), **kwargs)

    def conflict_labels(self) -> dict[str, str]:
        """The editable fields and their labels, as the conflict dialog lists them."""
        return {"title": self.tr("Title"), "kind": self.tr("Kind"), "product_id": self.tr("Product"),
                "url": self.tr("Link"), "issuer": self.tr("Issuer"), "independent": self.tr("Independent"),
                "issued_on": self.tr("Issued on"), "expires_on": self.tr("Expires on"), "notes": self.tr("Notes")}

    def _conflict_display(self, key: str, value: object) -> str:
        from trustframe.ui.dialogs.conflict_dialog import shown_value

        if key == "kind" and isinstance(value, EvidenceKind):
            return labels.evidence_kind(value)
        if key == "product_id":
            index = self.product_combo.findData(value)
            return self.product_combo.itemText(index) if index >= 0 else shown_value(value)
        return shown_value(value)

    # -- slots ---------------------------------------------------------------------------------

    def _on_source_changed(self, *_args: object) -> None:
        is_file = self.file_radio.isChecked()
        self.file_edit.setEnabled(is_file)
        self.browse_button.setEnabled(is_file and self.editing is None)
        self.url_edit.setEnabled(not is_file)

    def _on_url_changed(self, *_args: object) -> None:
        from trustframe.services.evidence import link_concern

        concern = link_concern(self.url_edit.text()) if self.link_radio.isChecked() else None
        if concern is None:
            self.url_warning.clear()
            self.url_warning.setVisible(False)
            return
        if concern.kind == "internal-name":
            text = self.tr("This link points to an internal host name ({0}), not to a public site. "
                           "TrustFrame stores it but never opens it; check that the vendor meant it.")
        else:
            kinds = {"link-local": self.tr("a link-local (cloud metadata)"), "loopback": self.tr("a loopback"),
                     "private": self.tr("a private"), "reserved": self.tr("a reserved")}
            text = self.tr("This link points to {1} address ({0}), not to a public site. "
                           "TrustFrame stores it but never opens it; check that the vendor meant it.")
            text = text.replace("{1}", kinds.get(concern.kind, concern.kind))
        self.url_warning.setText(text.replace("{0}", concern.where))
        self.url_warning.setAccessibleName(self.url_warning.text())
        self.url_warning.setVisible(True)

    def _on_browse_button_clicked(self) -> None:
        from trustframe.ui import file_dialogs

        path = file_dialogs.choose_open(self, self._ctx.settings, file_dialogs.EVIDENCE,
                                        self.tr("Choose the evidence file"),
                                        self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.json *.xml "
                                                "*.txt *.zip);;All files (*)"))
        if path:
            self.file_edit.setText(path)
            if not self.title_edit.text().strip():
                self.title_edit.setText(Path(path).stem.replace("_", " ").replace("-", " "))
