"""Vendor detail: profile, contacts, products (with their latest rating), evidence (expired and
expiring marked) and every assessment over time. Selecting a product shows its details and
narrows the assessment history to it."""

from __future__ import annotations

import logging
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.assessment import Assessment
from trustframe.domain.evidence import Evidence, EvidenceState
from trustframe.domain.portfolio import RegisterRow, RegisterRows
from trustframe.domain.vendors import Product, Vendor
from trustframe.errors import NotFoundError, TrustFrameError
from trustframe.ui import error_dialog, icons, labels, messages, prompts, theme
from trustframe.ui.evidence_facts import facts_text
from trustframe.ui.items import cell
from trustframe.ui.models.register_model import Role
from trustframe.ui.widgets.badges import RatingBadgeDelegate

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_store import RegisterStore

log = logging.getLogger(__name__)

#: Where opened evidence files are written for the system viewer (one folder per session).
_OPEN_DIR: Path | None = None


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(30)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, data: Any = None, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("SectionTitle")
    return label


class VendorView(QWidget):
    """One vendor's page (hosted in a tab). ``vendor_id`` identifies it."""

    #: The vendor no longer exists (deleted elsewhere): the host should close the tab.
    vanished = Signal()
    #: The user asked to edit the vendor / add or edit a product / add evidence / new assessment.
    edit_vendor_requested = Signal(int)
    add_product_requested = Signal(int)
    edit_product_requested = Signal(int)
    add_evidence_requested = Signal(int, int)
    new_assessment_requested = Signal(int, int)

    def __init__(self, ctx: UiContext, vendor_id: int, store: RegisterStore | None = None,
                 product_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.vendor_id = vendor_id
        self._store = store
        self._wanted_product = product_id
        self.vendor: Vendor | None = None
        self.products: list[Product] = []
        self.evidence: list[Evidence] = []
        self.assessments: list[Assessment] = []
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        self.reload()

    # -- construction --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("PageTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        self.subtitle.setOpenExternalLinks(True)
        self.edit_button = QPushButton(icons.icon(icons.EDIT), self.tr("Edit vendor…"))
        self.add_product_button = QPushButton(icons.icon(icons.PRODUCT), self.tr("Add product…"))
        self.add_evidence_button = QPushButton(icons.icon(icons.EVIDENCE), self.tr("Add evidence…"))
        self.new_assessment_button = QPushButton(icons.icon(icons.ASSESSMENT_NEW), self.tr("New assessment…"))
        self.new_assessment_button.setObjectName("PrimaryButton")

        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        self.profile_label.setTextFormat(Qt.TextFormat.RichText)
        self.profile_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.profile_label.setAccessibleName(self.tr("Vendor profile"))
        self.profile_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contacts_label = QLabel()
        self.contacts_label.setWordWrap(True)
        self.contacts_label.setTextFormat(Qt.TextFormat.RichText)
        self.contacts_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.contacts_label.setAccessibleName(self.tr("Contacts"))
        self.contacts_label.setOpenExternalLinks(True)
        self.contacts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.products_table = _table([self.tr("Product / service"), self.tr("Category"), self.tr("Version"),
                                      self.tr("Latest rating"), self.tr("Status")], self.tr("Products"))
        self.products_table.setItemDelegateForColumn(3, RatingBadgeDelegate(Role.RATING, self.products_table))
        self.product_detail = QLabel()
        self.product_detail.setObjectName("Muted")
        self.product_detail.setWordWrap(True)
        self.edit_product_button = QPushButton(icons.icon(icons.EDIT), self.tr("Edit product…"))
        self.edit_product_button.setEnabled(False)

        self.evidence_table = _table([self.tr("Evidence"), self.tr("Kind"), self.tr("Issuer"), self.tr("Validity"),
                                      self.tr("Expires"), self.tr("Source")], self.tr("Evidence"))
        self.open_evidence_button = QPushButton(icons.icon(icons.FILE), self.tr("Open"))
        self.open_evidence_button.setAccessibleName(self.tr("Open evidence"))
        self.save_evidence_button = QPushButton(icons.icon(icons.SAVE), self.tr("Save a copy…"))
        self.save_evidence_button.setAccessibleName(self.tr("Save evidence file"))
        self.edit_evidence_button = QPushButton(icons.icon(icons.EDIT), self.tr("Edit…"))
        self.edit_evidence_button.setAccessibleName(self.tr("Edit evidence"))
        self.edit_evidence_button.setToolTip(self.tr("Correct the title, kind, issuer, dates or notes"))
        self.delete_evidence_button = QPushButton(icons.icon(icons.DELETE), self.tr("Delete…"))
        self.delete_evidence_button.setAccessibleName(self.tr("Delete evidence"))
        self.delete_evidence_button.setToolTip(self.tr("Delete the evidence and its links to answers"))
        for button in (self.open_evidence_button, self.save_evidence_button, self.edit_evidence_button,
                       self.delete_evidence_button):
            button.setEnabled(False)
        self.evidence_summary = QLabel()
        self.evidence_summary.setObjectName("Muted")

        self.assessments_title = _section(self.tr("Assessments over time"))
        self.assessments_table = _table([self.tr("Started"), self.tr("Product / service"), self.tr("Questionnaire"),
                                         self.tr("Tier"), self.tr("Status"), self.tr("Rating"), self.tr("Score"),
                                         self.tr("Decision")], self.tr("Assessments"))
        self.assessments_table.setItemDelegateForColumn(5, RatingBadgeDelegate(Role.RATING, self.assessments_table))
        self.open_assessment_button = QPushButton(icons.icon(icons.ASSESSMENT), self.tr("Open assessment"))
        self.open_assessment_button.setEnabled(False)
        self.empty_assessments = QLabel(self.tr("No assessments yet. Start one with “New assessment…”."))
        self.empty_assessments.setObjectName("Muted")

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(150)

    def _build_layout(self) -> None:
        heading = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        heading.addLayout(titles, 1)
        for button in (self.edit_button, self.add_product_button, self.add_evidence_button,
                       self.new_assessment_button):
            heading.addWidget(button)

        side = QFrame()
        side.setObjectName("Card")
        side.setMinimumWidth(240)
        side.setMaximumWidth(360)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(14, 10, 14, 14)
        side_layout.addWidget(_section(self.tr("Profile")))
        side_layout.addWidget(self.profile_label)
        side_layout.addWidget(_section(self.tr("Contacts")))
        side_layout.addWidget(self.contacts_label)
        side_layout.addStretch(1)

        products = QWidget()
        p = QVBoxLayout(products)
        p.setContentsMargins(0, 0, 0, 0)
        p.addWidget(_section(self.tr("Products and services")))
        p.addWidget(self.products_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.product_detail, 1)
        row.addWidget(self.edit_product_button)
        p.addLayout(row)

        evidence = QWidget()
        e = QVBoxLayout(evidence)
        e.setContentsMargins(0, 0, 0, 0)
        e.addWidget(_section(self.tr("Evidence")))
        e.addWidget(self.evidence_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.evidence_summary, 1)
        row.addWidget(self.open_evidence_button)
        row.addWidget(self.save_evidence_button)
        row.addWidget(self.edit_evidence_button)
        row.addWidget(self.delete_evidence_button)
        e.addLayout(row)

        assessments = QWidget()
        a = QVBoxLayout(assessments)
        a.setContentsMargins(0, 0, 0, 0)
        a.addWidget(self.assessments_title)
        a.addWidget(self.assessments_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.empty_assessments)
        row.addStretch(1)
        row.addWidget(self.open_assessment_button)
        a.addLayout(row)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        for widget in (products, evidence, assessments):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([200, 260, 240])

        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(side)
        body.addWidget(self.splitter, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addLayout(body, 1)

    def _connect_signals(self) -> None:
        self._ctx.hub.data_changed.connect(self._on_hub_data_changed)
        self._reload_timer.timeout.connect(self.reload)
        if self._store is not None:
            self._store.loaded.connect(self._on_store_loaded)
        self.edit_button.clicked.connect(lambda: self.edit_vendor_requested.emit(self.vendor_id))
        self.add_product_button.clicked.connect(lambda: self.add_product_requested.emit(self.vendor_id))
        self.add_evidence_button.clicked.connect(
            lambda: self.add_evidence_requested.emit(self.vendor_id, self.selected_product_id() or 0))
        self.new_assessment_button.clicked.connect(
            lambda: self.new_assessment_requested.emit(self.vendor_id, self.selected_product_id() or 0))
        self.edit_product_button.clicked.connect(self._on_edit_product_button_clicked)
        self.products_table.itemSelectionChanged.connect(self._on_products_table_itemSelectionChanged)
        self.evidence_table.itemSelectionChanged.connect(self._on_evidence_table_itemSelectionChanged)
        self.evidence_table.itemActivated.connect(self._on_open_evidence_button_clicked)
        self.open_evidence_button.clicked.connect(self._on_open_evidence_button_clicked)
        self.save_evidence_button.clicked.connect(self._on_save_evidence_button_clicked)
        self.edit_evidence_button.clicked.connect(self._on_edit_evidence_button_clicked)
        self.delete_evidence_button.clicked.connect(self._on_delete_evidence_button_clicked)
        self.assessments_table.itemSelectionChanged.connect(self._on_assessments_table_itemSelectionChanged)
        self.assessments_table.itemActivated.connect(self._on_open_assessment_button_clicked)
        self.open_assessment_button.clicked.connect(self._on_open_assessment_button_clicked)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the vendor, its products, evidence and assessments (a handful of queries)."""
        services = self._ctx.services
        if services is None:
            return
        try:
            self.vendor = services.vendors.get_vendor(self.vendor_id)
        except NotFoundError:
            self.vanished.emit()
            return
        selected_product = self.selected_product_id() or self._wanted_product
        self._wanted_product = None
        self.products = services.vendors.list_products(self.vendor_id)
        self.evidence = services.evidence.list_evidence(self.vendor_id)
        self.assessments = services.assessments.list_assessments(vendor_id=self.vendor_id)
        self._show_vendor(self.vendor)
        self._show_products(selected_product)
        self._show_evidence()
        self._show_assessments()

    def _register_rows(self) -> dict[int | None, RegisterRow]:
        if self._store is None:
            return {}
        rows = self._store.rows
        if isinstance(rows, RegisterRows):  # only this vendor's rows are built
            return {r.product_id: r for r in rows.of_vendor(self.vendor_id)}
        return {r.product_id: r for r in rows if r.vendor_id == self.vendor_id}

    def _show_vendor(self, vendor: Vendor) -> None:
        self.title.setText(vendor.name)
        parts = []
        if vendor.country:
            parts.append(vendor.country)
        if vendor.website:
            url = vendor.website if "://" in vendor.website else f"https://{vendor.website}"
            parts.append(f'<a href="{url}">{vendor.website}</a>')
        parts.append(self.tr("%n product(s)", "", len(self.products)))
        self.subtitle.setText(" · ".join(parts))
        profile = []
        if vendor.ownership_notes:
            heading = self.tr("Ownership and control")
            profile.append(f"<b>{heading}</b><br>{_html(vendor.ownership_notes)}")
        if vendor.notes:
            heading = self.tr("Notes")
            profile.append(f"<b>{heading}</b><br>{_html(vendor.notes)}")
        if vendor.created_at:
            since = self.tr("In the register since {date}").format(date=vendor.created_at.date().isoformat())
            profile.append(f"<span style='color:#5b6878'>{since}</span>")
        nothing = self.tr("No ownership information recorded yet.")
        self.profile_label.setText("<br><br>".join(profile) or f"<span style='color:#5b6878'>{nothing}</span>")
        contacts = []
        for c in vendor.contacts:
            line = f"<b>{_html(c.name)}</b>"
            if c.role:
                line += f"<br>{_html(c.role)}"
            if c.email:
                line += f"<br><a href='mailto:{c.email}'>{_html(c.email)}</a>"
            if c.phone:
                line += f"<br>{_html(c.phone)}"
            contacts.append(line)
        no_contacts = self.tr("No contacts yet.")
        self.contacts_label.setText("<br><br>".join(contacts) or f"<span style='color:#5b6878'>{no_contacts}</span>")

    def _show_products(self, select_id: int | None) -> None:
        rows = self._register_rows()
        table = self.products_table
        table.blockSignals(True)
        table.setRowCount(len(self.products))
        for i, product in enumerate(self.products):
            reg = rows.get(product.id)
            table.setItem(i, 0, _item(product.name, product.id))
            table.setItem(i, 1, _item(labels.category(product.category)))
            table.setItem(i, 2, _item(product.version))
            rating_item = _item(labels.rating(reg.rating) if reg and reg.assessment_id else "")
            rating_item.setData(Role.RATING, reg.rating if reg else None)
            table.setItem(i, 3, rating_item)
            table.setItem(i, 4, _item(labels.status(reg.status if reg else None)))
        table.blockSignals(False)
        _fit(table, {0: 240, 1: 170, 2: 90, 3: 110})
        index = next((i for i, p in enumerate(self.products) if p.id == select_id), -1)
        if index >= 0:
            table.selectRow(index)
        else:
            table.clearSelection()
        self._on_products_table_itemSelectionChanged()

    def _show_evidence(self) -> None:
        today = date.today()
        table = self.evidence_table
        # Keep the selection across a reload (e.g. right after editing the selected row).
        rows = table.selectionModel().selectedRows()
        first = table.item(rows[0].row(), 0) if rows else None
        selected_id = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        table.blockSignals(True)
        table.clearSelection()
        table.setRowCount(len(self.evidence))
        bold = QFont()
        bold.setBold(True)
        expired = expiring = 0
        for i, ev in enumerate(self.evidence):
            state = ev.state(today)
            expired += state is EvidenceState.EXPIRED
            expiring += state is EvidenceState.EXPIRING
            table.setItem(i, 0, _item(ev.title, ev.id, ev.notes))
            short, detail = facts_text(ev.facts)
            kind_text = labels.evidence_kind(ev.kind) + (f" · {short}" if short else "")
            table.setItem(i, 1, _item(kind_text, tooltip=detail))
            issuer = ev.issuer + (self.tr(" (independent)") if ev.independent else "")
            table.setItem(i, 2, _item(issuer))
            state_item = _item(("⚠ " if state in (EvidenceState.EXPIRED, EvidenceState.EXPIRING) else "")
                               + labels.evidence_state(state))
            state_item.setForeground(QBrush(theme.EVIDENCE_COLOURS[state]))
            if state in (EvidenceState.EXPIRED, EvidenceState.EXPIRING):
                state_item.setFont(bold)
            table.setItem(i, 3, state_item)
            expires_item = _item(ev.expires_on.isoformat() if ev.expires_on else "–")
            if state is EvidenceState.EXPIRED:
                expires_item.setForeground(QBrush(theme.DANGER))
            table.setItem(i, 4, expires_item)
            source = ev.file_name or ev.url
            table.setItem(i, 5, _item(source, tooltip=(self.tr("SHA-256 {hash}").format(hash=ev.sha256)
                                                       if ev.sha256 else ev.url)))
        table.blockSignals(False)
        index = next((i for i, e in enumerate(self.evidence) if e.id == selected_id), -1)
        if index >= 0:
            table.selectRow(index)
        _fit(table, {0: 250, 1: 220, 2: 200, 3: 130, 4: 95})
        summary = [self.tr("%n item(s)", "", len(self.evidence))]
        if expired:
            summary.append(self.tr("{n} expired").format(n=expired))
        if expiring:
            summary.append(self.tr("{n} expiring soon").format(n=expiring))
        self.evidence_summary.setText(" · ".join(summary) if self.evidence
                                      else self.tr("No evidence yet. Add certificates, audit reports, SBOMs…"))
        self._on_evidence_table_itemSelectionChanged()

    def _show_assessments(self) -> None:
        product_id = self.selected_product_id()
        shown = [a for a in self.assessments if product_id is None or a.product_id == product_id]
        table = self.assessments_table
        table.setRowCount(len(shown))
        services = self._ctx.require_services
        for i, a in enumerate(shown):
            started = a.created_at.date().isoformat() if a.created_at else ""
            table.setItem(i, 0, _item(started, a.id))
            table.setItem(i, 1, _item(a.product_name))
            table.setItem(i, 2, _item(f"{a.questionnaire_id} {a.questionnaire_version}"))
            table.setItem(i, 3, _item(labels.tier(a.effective_tier, short=True)))
            table.setItem(i, 4, _item(labels.status(a.status)))
            score = services.scoring.score_or_none(a.id) if a.id is not None else None
            rating = score.rating if score is not None else None
            rating_item = _item(labels.rating(rating))
            rating_item.setData(Role.RATING, rating)
            table.setItem(i, 5, rating_item)
            overall = score.overall if score is not None else None
            score_item = _item(f"{overall:.0f}" if overall is not None else "–")
            score_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(i, 6, score_item)
            decision = labels.decision(a.decision)
            if decision and a.decision_date:
                decision += f" ({a.decision_date.isoformat()})"
            table.setItem(i, 7, _item(decision))
        _fit(table, {0: 100, 1: 220, 2: 200, 3: 70, 4: 120, 5: 110, 6: 60})
        name = next((p.name for p in self.products if p.id == product_id), None)
        self.assessments_title.setText(self.tr("Assessments of {product}").format(product=name) if name
                                       else self.tr("Assessments over time"))
        self.empty_assessments.setVisible(not shown)
        self._on_assessments_table_itemSelectionChanged()

    # -- selection helpers ---------------------------------------------------------------------

    def selected_product_id(self) -> int | None:
        """The product selected in the products table."""
        rows = self.products_table.selectionModel().selectedRows() if self.products_table.selectionModel() else []
        if not rows:
            return None
        item = self.products_table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected_evidence(self) -> Evidence | None:
        """The evidence selected in the evidence table."""
        rows = self.evidence_table.selectionModel().selectedRows()
        if not rows:
            return None
        evidence_id = cell(self.evidence_table, rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((e for e in self.evidence if e.id == evidence_id), None)

    def selected_assessment_id(self) -> int | None:
        """The assessment selected in the history table."""
        rows = self.assessments_table.selectionModel().selectedRows()
        if not rows:
            return None
        assessment_id = cell(self.assessments_table, rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return assessment_id if isinstance(assessment_id, int) else None

    # -- slots ---------------------------------------------------------------------------------

    def _on_hub_data_changed(self, change: Any) -> None:
        if getattr(change, "entity", None) in ("vendor", "product", "evidence", "assessment", "answer", "workspace"):
            self._reload_timer.start()

    def _on_store_loaded(self, _rows: list[RegisterRow]) -> None:
        if self.vendor is not None:
            self._show_products(self.selected_product_id())

    def _on_products_table_itemSelectionChanged(self) -> None:
        product_id = self.selected_product_id()
        product = next((p for p in self.products if p.id == product_id), None)
        self.edit_product_button.setEnabled(product is not None)
        if product is None:
            self.product_detail.setText(self.tr("Select a product to see its details and its assessments."))
        else:
            detail = [labels.category(product.category)]
            if product.version:
                detail.append(self.tr("version {v}").format(v=product.version))
            if product.deployment_notes:
                detail.append(product.deployment_notes)
            self.product_detail.setText(" · ".join(detail))
        if self.vendor is not None:
            self._show_assessments()

    def _on_edit_product_button_clicked(self) -> None:
        product_id = self.selected_product_id()
        if product_id is not None:
            self.edit_product_requested.emit(product_id)

    def _on_evidence_table_itemSelectionChanged(self) -> None:
        ev = self.selected_evidence()
        self.open_evidence_button.setEnabled(ev is not None)
        self.save_evidence_button.setEnabled(ev is not None and bool(ev.sha256))
        self.edit_evidence_button.setEnabled(ev is not None)
        self.delete_evidence_button.setEnabled(ev is not None)

    def edit_selected_evidence(self) -> bool:
        """Edit the selected evidence in the evidence dialog; True when saved."""
        from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog

        ev = self.selected_evidence()
        if ev is None:
            return False
        dialog = EvidenceDialog(self._ctx, self.vendor_id, parent=self, evidence=ev)
        saved_evidence = dialog.saved_evidence if prompts.exec_dialog(dialog) else None
        saved = saved_evidence is not None
        if saved_evidence is not None:
            self._ctx.hub.status_message.emit(self.tr("Evidence updated: {t}").format(
                t=saved_evidence.title), 4000)
            self.reload()
        dialog.deleteLater()
        return bool(saved)

    def delete_selected_evidence(self) -> bool:
        """Delete the selected evidence after asking; True when deleted. A refusal (evidence of a
        decided assessment) is explained."""
        ev = self.selected_evidence()
        if ev is None or ev.id is None:
            return False
        if not messages.ask(self, self.tr("Delete evidence"),
                            self.tr("Delete “{t}”?").format(t=ev.title),
                            self.tr("Its links to answers are removed too. The deletion is kept in the change "
                                    "log but cannot be undone.")):
            return False
        try:
            self._ctx.require_services.evidence.delete(ev.id)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Evidence not deleted"), str(exc))
            return False
        self._ctx.hub.status_message.emit(self.tr("Evidence deleted: {t}").format(t=ev.title), 4000)
        # Refresh now (not after the debounce) so the list never shows the deleted row.
        self.reload()
        return True

    def _on_edit_evidence_button_clicked(self) -> None:
        self.edit_selected_evidence()

    def _on_delete_evidence_button_clicked(self) -> None:
        self.delete_selected_evidence()

    def _on_open_evidence_button_clicked(self, *_args: object) -> None:
        ev = self.selected_evidence()
        if ev is None or ev.id is None:  # the list holds stored evidence only: every one has an id
            return
        from trustframe.ui import file_dialogs

        if not ev.sha256:
            file_dialogs.open_with_desktop(self, ev.url)
            return
        global _OPEN_DIR
        try:
            if _OPEN_DIR is None:
                _OPEN_DIR = Path(tempfile.mkdtemp(prefix="trustframe-evidence-"))
            target = _OPEN_DIR / f"{ev.id}-{Path(ev.file_name).name or 'evidence'}"
            self._ctx.require_services.evidence.save_file(ev.id, target)
        except (TrustFrameError, OSError) as exc:  # damaged or missing file, unwritable folder; bugs reach the hook
            error_dialog.show_exception(self, exc)
            return
        file_dialogs.open_with_desktop(self, target)

    def _on_save_evidence_button_clicked(self) -> None:
        ev = self.selected_evidence()
        if ev is None or ev.id is None or not ev.sha256:
            return
        from trustframe.ui import file_dialogs

        path = file_dialogs.choose_save(self, self._ctx.settings, file_dialogs.EVIDENCE_COPY,
                                        self.tr("Save a copy of the evidence file"), ev.file_name)
        if not path:
            return
        try:
            self._ctx.require_services.evidence.save_file(ev.id, Path(path))
        except (TrustFrameError, OSError) as exc:  # damaged or missing file, unwritable target
            error_dialog.show_exception(self, exc)
            return
        self._ctx.hub.status_message.emit(self.tr("Saved {name}").format(name=Path(path).name), 4000)

    def _on_assessments_table_itemSelectionChanged(self) -> None:
        self.open_assessment_button.setEnabled(self.selected_assessment_id() is not None)

    def _on_open_assessment_button_clicked(self, *_args: object) -> None:
        assessment_id = self.selected_assessment_id()
        if assessment_id is not None:
            self._ctx.hub.assessment_requested.emit(assessment_id)


def _html(text: str) -> str:
    import html

    return html.escape(text).replace("\n", "<br>")


def _fit(table: QTableWidget, widths: dict[int, int]) -> None:
    header = table.horizontalHeader()
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
