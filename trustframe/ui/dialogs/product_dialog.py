"""Add or edit a product or service of a vendor."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.vendors import Product
from trustframe.ui import labels
from trustframe.ui.dialogs.form_dialog import FormDialog

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext


class ProductDialog(FormDialog):
    """Create a product of ``vendor_id`` (``product`` None) or edit one; then :attr:`saved_product`."""

    def __init__(self, ctx: UiContext, vendor_id: int, product: Product | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add product or service") if product is None else self.tr("Edit product"), parent)
        self._ctx = ctx
        self._vendor_id = vendor_id
        self._product = product
        self.saved_product: Product | None = None
        self._build_widgets()
        self._build_layout()
        if product is not None:
            self._load(product)
        self.resize(520, 320)

    def _build_widgets(self) -> None:
        vendor = self._ctx.require_services.vendors.get_vendor(self._vendor_id)
        self.vendor_label = QLabel(vendor.name)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Product name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. NW-7000 Core Router"))
        self.name_edit.setMaxLength(200)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        for category in ProductCategory:
            self.category_combo.addItem(labels.category(category), category)
        self.category_hint = QLabel(self.tr("The category decides which questions apply."))
        self.category_hint.setObjectName("Muted")
        self.version_edit = QLineEdit()
        self.version_edit.setAccessibleName(self.tr("Version"))
        self.version_edit.setPlaceholderText(self.tr("Version, model or edition (optional)"))
        self.deployment_edit = QPlainTextEdit()
        self.deployment_edit.setAccessibleName(self.tr("Deployment notes"))
        self.deployment_edit.setPlaceholderText(self.tr("Where and how it will be used (optional)"))
        self.deployment_edit.setTabChangesFocus(True)
        self.deployment_edit.setFixedHeight(80)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Vendor"), self.vendor_label)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Category"), self.category_combo)
        form.addRow("", self.category_hint)
        form.addRow(self.tr("&Version"), self.version_edit)
        form.addRow(self.tr("&Deployment"), self.deployment_edit)
        for field in (self.name_edit, self.category_combo, self.version_edit, self.deployment_edit):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        self.form_area.addLayout(form)

    def _load(self, product: Product) -> None:
        self.name_edit.setText(product.name)
        self.category_combo.setCurrentIndex(list(ProductCategory).index(product.category))
        self.version_edit.setText(product.version)
        self.deployment_edit.setPlainText(product.deployment_notes)

    def save(self) -> None:
        """Add or update through the vendor service (which validates)."""
        vendors = self._ctx.require_services.vendors
        category = self.category_combo.currentData()
        if self._product is None:
            self.saved_product = vendors.add_product(self._vendor_id, self.name_edit.text(), category,
                                                     self.version_edit.text(), self.deployment_edit.toPlainText())
        else:
            name = self.name_edit.text().strip()
            if not name:
                from trustframe.services.vendors import InvalidInput

                raise InvalidInput(self.tr("The product name is empty."))
            self.saved_product = vendors.update_product(replace(
                self._product, name=name, category=category, version=self.version_edit.text().strip(),
                deployment_notes=self.deployment_edit.toPlainText().strip()))
