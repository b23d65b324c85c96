"""Add or edit a vendor, with its contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from trustframe.domain.vendors import Contact, Vendor
from trustframe.ui import icons
from trustframe.ui.dialogs.form_dialog import FormDialog
from trustframe.ui.items import cell

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext


class VendorDialog(FormDialog):
    """Create a vendor (``vendor`` None) or edit one. After ``exec()``, :attr:`saved_vendor`."""

    def __init__(self, ctx: UiContext, vendor: Vendor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add vendor") if vendor is None else self.tr("Edit vendor"), parent)
        self._ctx = ctx
        self._vendor = vendor
        self.saved_vendor: Vendor | None = None
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        if vendor is not None:
            self._load(vendor)
        self.resize(620, 560)

    def _build_widgets(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Vendor name"))
        self.name_edit.setPlaceholderText(self.tr("Legal name, e.g. Northwind Networks AG"))
        self.name_edit.setMaxLength(200)
        self.country_edit = QLineEdit()
        self.country_edit.setAccessibleName(self.tr("Country of headquarters"))
        self.country_edit.setPlaceholderText(self.tr("Two letters, e.g. DE"))
        self.country_edit.setMaxLength(2)
        self.country_edit.setMaximumWidth(90)
        self.country_edit.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), self))
        self.country_note = QLabel(self.tr("Recorded for context only: TrustFrame never scores a vendor by "
                                           "its country of origin."))
        self.country_note.setObjectName("Muted")
        self.country_note.setWordWrap(True)
        self.website_edit = QLineEdit()
        self.website_edit.setAccessibleName(self.tr("Website"))
        self.website_edit.setPlaceholderText("https://")
        self.ownership_edit = QPlainTextEdit()
        self.ownership_edit.setAccessibleName(self.tr("Ownership and control"))
        self.ownership_edit.setPlaceholderText(self.tr("Who owns and controls the vendor; sources."))
        self.ownership_edit.setTabChangesFocus(True)
        self.ownership_edit.setFixedHeight(70)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(60)
        self.contacts = QTableWidget(0, 4)
        self.contacts.setAccessibleName(self.tr("Contacts"))
        self.contacts.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("E-mail"), self.tr("Phone")])
        self.contacts.verticalHeader().setVisible(False)
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.setFixedHeight(120)
        self.contacts.setWordWrap(False)
        self.add_contact_button = QPushButton(icons.icon(icons.ADD), self.tr("Add contact"))
        self.remove_contact_button = QPushButton(icons.icon(icons.DELETE), self.tr("Remove contact"))
        self.remove_contact_button.setEnabled(False)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Name"), self.name_edit)
        country = QHBoxLayout()
        country.addWidget(self.country_edit)
        country.addWidget(self.country_note, 1)
        country_label = QLabel(self.tr("&Country"))
        country_label.setBuddy(self.country_edit)
        form.addRow(country_label, country)
        form.addRow(self.tr("&Website"), self.website_edit)
        form.addRow(self.tr("&Ownership"), self.ownership_edit)
        form.addRow(self.tr("N&otes"), self.notes_edit)
        for label_field in (self.name_edit, self.country_edit, self.website_edit, self.ownership_edit, self.notes_edit):
            label = form.labelForField(label_field)
            if isinstance(label, QLabel):
                label.setBuddy(label_field)
        self.form_area.addLayout(form)
        heading = QLabel(self.tr("Contacts"))
        heading.setObjectName("SectionTitle")
        self.form_area.addWidget(heading)
        self.form_area.addWidget(self.contacts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch(1)
        self.form_area.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.add_contact_button.clicked.connect(self._on_add_contact_button_clicked)
        self.remove_contact_button.clicked.connect(self._on_remove_contact_button_clicked)
        self.contacts.itemSelectionChanged.connect(self._on_contacts_itemSelectionChanged)
        self.country_edit.textEdited.connect(self._on_country_edit_textEdited)

    def _load(self, vendor: Vendor) -> None:
        self.name_edit.setText(vendor.name)
        self.country_edit.setText(vendor.country)
        self.website_edit.setText(vendor.website)
        self.ownership_edit.setPlainText(vendor.ownership_notes)
        self.notes_edit.setPlainText(vendor.notes)
        for contact in vendor.contacts:
            self._append_contact(contact)

    def _append_contact(self, contact: Contact) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for column, value in enumerate((contact.name, contact.role, contact.email, contact.phone)):
            self.contacts.setItem(row, column, QTableWidgetItem(value))

    def contacts_entered(self) -> tuple[Contact, ...]:
        """Contacts in the table; rows left completely empty are ignored."""
        result = []
        for row in range(self.contacts.rowCount()):
            values = [item.text().strip() if (item := self.contacts.item(row, c)) is not None else ""
                      for c in range(4)]
            if any(values):
                result.append(Contact(*values))
        return tuple(result)

    def save(self) -> None:
        """Add or update through the vendor service (which validates)."""
        services = self._ctx.require_services
        fields = dict(name=self.name_edit.text(), country=self.country_edit.text(),
                      website=self.website_edit.text(), ownership_notes=self.ownership_edit.toPlainText(),
                      notes=self.notes_edit.toPlainText())
        if self._vendor is None:
            self.saved_vendor = services.vendors.add_vendor(contacts=self.contacts_entered(), **fields)
        else:
            from dataclasses import replace

            from trustframe.ui.dialogs import conflict_dialog

            edited = replace(
                self._vendor, name=fields["name"].strip(), country=fields["country"].strip().upper(),
                website=fields["website"].strip(), ownership_notes=fields["ownership_notes"].strip(),
                notes=fields["notes"].strip(), contacts=self.contacts_entered())
            # Saved against the version this dialog opened with: a colleague's save in between
            # is shown beside this one and the officer chooses (no lost update).
            self.saved_vendor = conflict_dialog.save_resolving_conflicts(
                self, self.tr("Vendor changed by someone else"),
                self.tr("Someone else saved %1 while you edited it. Choose, field by field, what to keep.")
                .replace("%1", self._vendor.name), self.conflict_labels(), edited, self._vendor,
                services.vendors.update_vendor, _display)

    def conflict_labels(self) -> dict[str, str]:
        """The vendor's editable fields and their labels, as the conflict dialog lists them."""
        return {"name": self.tr("Name"), "country": self.tr("Country"), "website": self.tr("Website"),
                "ownership_notes": self.tr("Ownership"), "notes": self.tr("Notes"), "contacts": self.tr("Contacts")}

    # -- slots ---------------------------------------------------------------------------------

    def _on_add_contact_button_clicked(self) -> None:
        self._append_contact(Contact(""))
        row = self.contacts.rowCount() - 1
        self.contacts.setCurrentCell(row, 0)
        self.contacts.editItem(cell(self.contacts, row, 0))

    def _on_remove_contact_button_clicked(self) -> None:
        for row in sorted({i.row() for i in self.contacts.selectedIndexes()}, reverse=True):
            self.contacts.removeRow(row)

    def _on_contacts_itemSelectionChanged(self) -> None:
        self.remove_contact_button.setEnabled(bool(self.contacts.selectedIndexes()))

    def _on_country_edit_textEdited(self, text: str) -> None:
        if text != text.upper():
            pos = self.country_edit.cursorPosition()
            self.country_edit.setText(text.upper())
            self.country_edit.setCursorPosition(pos)


def _display(key: str, value: object) -> str:
    """A vendor field as the conflict dialog shows it (contacts one per line)."""
    from trustframe.ui.dialogs.conflict_dialog import shown_value

    if key == "contacts" and isinstance(value, tuple) and value:
        return "\n".join(", ".join(part for part in (c.name, c.role, c.email, c.phone) if part)
                         for c in value if isinstance(c, Contact))
    return shown_value(value)
