"""The "new assessment" wizard: purchase -> criticality profile -> inherent tier -> scope.

The buyer answers the criticality profile first (questions about the purchase, not the vendor);
the resulting inherent-risk tier, with its reasons, decides how deep the assessment goes. The
officer may override the tier with a reason and adjust the scope question by question before
anything is created. Nothing is written until Finish: then one service call
(:meth:`AssessmentService.create` with a :class:`NewAssessment`) writes the assessment with its
profile, override and scope in one transaction, and ``created_assessment_id`` is set.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from trustframe.domain.questionnaire import ProductCategory, Questionnaire, QuestionnaireKind
from trustframe.domain.scoping import in_scope
from trustframe.domain.tiering import TierResult, explain_answers
from trustframe.errors import TrustFrameError
from trustframe.services.assessments import NewAssessment
from trustframe.ui import i18n, labels, messages
from trustframe.ui.context import UiContext
from trustframe.ui.items import child_items, top_level_items
from trustframe.ui.widgets.answer_widgets import ChoiceEditor
from trustframe.ui.widgets.date_edit import OptionalDateEdit
from trustframe.ui.widgets.overlay_list import OverlayList

_QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class PurchaseInfo(Protocol):
    """What the tier and scope pages need to know about the purchase."""

    def questionnaire(self) -> Questionnaire:
        """The questionnaire assessed against."""

    def category(self) -> ProductCategory | None:
        """The product's category."""


class WizardState(Protocol):
    """What the profile, tier and scope pages read from their wizard. The new-assessment
    wizard and the "edit scope and tier" dialog both provide it, so they share the pages."""

    purchase_page: Any  # a PurchaseInfo

    def tier_result(self) -> TierResult:
        """The inherent tier of the profile answers given so far."""

    def effective_tier(self) -> int:
        """The tier in force."""


class NewAssessmentDialog(QWizard):
    """Create an assessment. After ``exec()`` ``created_assessment_id`` is the new id (or None)."""

    def __init__(self, ctx: UiContext, vendor_id: int | None = None, product_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_assessment_id: int | None = None
        self.setWindowTitle(self.tr("New assessment"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.purchase_page = PurchasePage(ctx, vendor_id, product_id)
        self.profile_page = ProfilePage(ctx)
        self.tier_page = TierPage(self)
        self.scope_page = ScopePage(self)
        for page in (self.purchase_page, self.profile_page, self.tier_page, self.scope_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create assessment"))
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 120, fm.height() * 44)

    # -- state shared by the pages -------------------------------------------------------------

    def tier_result(self) -> TierResult:
        """The inherent tier of the profile answers given so far."""
        return self.profile_page.tier_result()

    def answer_effects(self) -> tuple[Any, ...]:
        """Each profile answer's effect on the tier (see :func:`explain_answers`)."""
        return self.profile_page.answer_effects()

    def effective_tier(self) -> int:
        """The tier in force: the override when set, else the computed tier."""
        override = self.tier_page.override_tier()
        return override if override is not None else self.tier_result().tier

    # -- creating ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Create the assessment; on a refusal the wizard stays open with the reason."""
        if self.created_assessment_id is None and not self._create():
            return
        super().accept()

    def _create(self) -> bool:
        # One service call, one transaction: a refusal leaves nothing half-made behind.
        services = self.ctx.require_services
        purchase = self.purchase_page
        qid, version = purchase.questionnaire_combo.currentData()
        override = self.tier_page.override_tier()
        new = NewAssessment(
            vendor=purchase.vendor_id(), product=purchase.product_id(), questionnaire_id=qid,
            questionnaire_version=version, overlays=tuple(purchase.overlay_list.checked_ids()),
            profile_answers=self.profile_page.answers(), tier_override=override,
            tier_override_reason=self.tier_page.reason() if override is not None else "",
            scope=self.scope_page.chosen_scope(), procurement=purchase.procurement_edit.text().strip(),
            due_date=purchase.due_date())
        try:
            created = services.assessments.create(new)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Assessment not created"), str(exc))
            return False
        self.created_assessment_id = created.id
        self.ctx.hub.status_message.emit(self.tr("Assessment created."), 4000)
        return True


class PurchasePage(QWizardPage):
    """Which vendor, product and questionnaire."""

    def __init__(self, ctx: UiContext, vendor_id: int | None, product_id: int | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setTitle(self.tr("What is being bought"))
        self.setSubTitle(self.tr("Choose the vendor, the product or service and the questionnaire."))
        services = ctx.require_services
        vendor_id, product_id = vendor_id or None, product_id or None  # callers may pass 0 for "none"
        # build widgets
        self.vendor_combo = QComboBox()
        self.vendor_combo.setAccessibleName(self.tr("Vendor"))
        for vendor in services.vendors.list_vendors():
            self.vendor_combo.addItem(vendor.name, vendor.id)
        self.product_combo = QComboBox()
        self.product_combo.setAccessibleName(self.tr("Product"))
        self.category_label = QLabel()
        self.category_label.setObjectName("Muted")
        self.questionnaire_combo = QComboBox()
        self.questionnaire_combo.setAccessibleName(self.tr("Questionnaire"))
        for info in services.catalog.list_questionnaires():
            if info.kind is QuestionnaireKind.ASSESSMENT:
                self.questionnaire_combo.addItem(
                    self.tr("%1 (%2, %3 questions)").replace("%1", info.title).replace("%2", info.version).replace(
                        "%3", str(info.question_count)), (info.id, info.version))
        from trustframe.services.questionnaires import DEFAULT_QUESTIONNAIRE_ID

        for i in range(self.questionnaire_combo.count()):
            if self.questionnaire_combo.itemData(i)[0] == DEFAULT_QUESTIONNAIRE_ID:
                self.questionnaire_combo.setCurrentIndex(i)
        self.procurement_edit = QLineEdit()
        self.procurement_edit.setPlaceholderText(self.tr("Tender or purchase reference (optional)"))
        self.procurement_edit.setAccessibleName(self.tr("Purchase reference"))
        # Keeps a typed date, opens its calendar on today's month, stays empty when skipped.
        self.due_edit = OptionalDateEdit(self.tr("No due date"))
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.overlay_list = OverlayList()
        self.empty_label = QLabel(self.tr("There are no vendors with products yet. Add a vendor and its product "
                                          "first (Vendors screen), then start the assessment."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("InlineError")
        # build layout
        form = QFormLayout(self)
        form.addRow(self.tr("&Vendor:"), self.vendor_combo)
        form.addRow(self.tr("&Product or service:"), self.product_combo)
        form.addRow("", self.category_label)
        form.addRow(self.tr("&Questionnaire:"), self.questionnaire_combo)
        form.addRow(self.tr("Pu&rchase reference:"), self.procurement_edit)
        form.addRow(self.tr("D&ue date:"), self.due_edit)
        form.addRow(self.tr("Regulatory &overlays:"), self.overlay_list)
        form.addRow(self.empty_label)
        # connect signals
        self.vendor_combo.currentIndexChanged.connect(self._on_vendor_combo_current_index_changed)
        self.product_combo.currentIndexChanged.connect(self._on_product_combo_current_index_changed)
        self.questionnaire_combo.currentIndexChanged.connect(self.completeChanged)
        self.questionnaire_combo.currentIndexChanged.connect(self._on_questionnaire_combo_current_index_changed)
        self._on_questionnaire_combo_current_index_changed()
        if vendor_id is None and product_id is not None:
            vendor_id = services.vendors.get_product(product_id).vendor_id
        if vendor_id is not None:
            self.vendor_combo.setCurrentIndex(max(0, self.vendor_combo.findData(vendor_id)))
        self._on_vendor_combo_current_index_changed()
        if product_id is not None:
            self.product_combo.setCurrentIndex(max(0, self.product_combo.findData(product_id)))

    def vendor_id(self) -> int:
        """The chosen vendor's id."""
        return int(self.vendor_combo.currentData())

    def product_id(self) -> int:
        """The chosen product's id."""
        return int(self.product_combo.currentData())

    def questionnaire_id(self) -> str:
        """The chosen questionnaire id."""
        return str(self.questionnaire_combo.currentData()[0])

    def questionnaire(self) -> Questionnaire:
        """The chosen questionnaire."""
        qid, version = self.questionnaire_combo.currentData()
        return i18n.for_display(self.ctx.require_services.catalog.get(qid, version))

    def category(self) -> ProductCategory | None:
        """The chosen product's category."""
        data = self.product_combo.currentData(Qt.ItemDataRole.UserRole + 1)
        return ProductCategory(data) if data else None

    def due_date(self) -> date | None:
        """The due date, if one was set."""
        return self.due_edit.value()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return (self.vendor_combo.currentData() is not None and self.product_combo.currentData() is not None
                and self.questionnaire_combo.currentData() is not None)

    def _on_vendor_combo_current_index_changed(self, *_args: object) -> None:
        self.product_combo.clear()
        vendor_id = self.vendor_combo.currentData()
        if vendor_id is not None:
            for product in self.ctx.require_services.vendors.list_products(vendor_id):
                self.product_combo.addItem(product.name, product.id)
                self.product_combo.setItemData(self.product_combo.count() - 1, product.category.value,
                                               Qt.ItemDataRole.UserRole + 1)
        self.empty_label.setVisible(self.product_combo.count() == 0)
        self._on_product_combo_current_index_changed()

    def _on_questionnaire_combo_current_index_changed(self, *_args: object) -> None:
        # The overlays that extend the chosen bank (none for other questionnaires).
        data = self.questionnaire_combo.currentData()
        overlays = self.ctx.require_services.catalog.overlays(data[0]) if data else []
        self.overlay_list.set_overlays(overlays, self.overlay_list.checked_ids())
        self.overlay_list.setEnabled(bool(overlays))

    def _on_product_combo_current_index_changed(self, *_args: object) -> None:
        category = self.category()
        self.category_label.setText(labels.category(category) if category else "")
        self.completeChanged.emit()


class ProfilePage(QWizardPage):
    """The criticality profile: questions the buyer answers about the purchase."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.profile = i18n.for_display(ctx.require_services.catalog.profile())
        self.setTitle(self.tr("How critical is this purchase?"))
        self.setSubTitle(self.tr("Answer for your intended use of the product. When in doubt, choose the more "
                                 "exposed option. Unanswered questions count as unknown."))
        # build widgets
        self.editors: dict[str, ChoiceEditor] = {}
        content = QWidget()
        content.setObjectName("ScrollContent")
        content_layout = QVBoxLayout(content)
        for index, question in enumerate(self.profile.iter_questions()):
            # A card with a wrapping title: group-box titles cannot wrap and would widen the page.
            box = QFrame()
            box.setObjectName("Card")
            box.setAccessibleName(question.text)
            box_layout = QVBoxLayout(box)
            title = QLabel(f"{index + 1}. {question.text}")
            title.setWordWrap(True)
            title.setObjectName("SectionTitle")
            box_layout.addWidget(title)
            if question.help:
                help_label = QLabel(question.help)
                help_label.setWordWrap(True)
                help_label.setObjectName("Muted")
                box_layout.addWidget(help_label)
            editor = ChoiceEditor(question)
            box_layout.addWidget(editor)
            content_layout.addWidget(box)
            self.editors[question.id] = editor
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # options wrap instead
        scroll.setWidget(content)
        self.tier_label = QLabel()
        self.tier_label.setObjectName("SectionTitle")
        self.tier_label.setAccessibleName(self.tr("Inherent tier so far"))
        # build layout
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.tier_label)
        # connect signals
        for editor in self.editors.values():
            editor.value_edited.connect(self._on_editor_value_edited)
        self._on_editor_value_edited()

    def answers(self) -> dict[str, Any]:
        """Profile answers given (question id -> option id)."""
        return {qid: editor.value() for qid, editor in self.editors.items() if editor.value() is not None}

    def set_answer(self, question_id: str, option_id: str) -> None:
        """Answer a profile question (tests, prefills)."""
        self.editors[question_id].set_value(option_id)
        self._on_editor_value_edited()

    def tier_result(self) -> TierResult:
        """The tier of the answers so far (with the scoring profile's thresholds when available)."""
        services = self.ctx.require_services
        return services.scoring.tier_for(self.answers())

    def answer_effects(self) -> tuple[Any, ...]:
        """Each answer's effect on the tier, with the scoring profile's tiering override applied."""
        answers = self.answers()
        if not answers:
            return ()
        scoring = self.ctx.require_services.scoring.profile
        return explain_answers(self.profile, answers, scoring.tier_thresholds, scoring.tier_method)

    def _on_editor_value_edited(self, *_args: object) -> None:
        result = self.tier_result()
        self.tier_label.setText(self.tr("%1 — %2 of %3 questions answered").replace(
            "%1", labels.tier(result.tier)).replace("%2", str(result.answered)).replace("%3", str(result.total)))


class TierPage(QWizardPage):
    """The inherent tier with its reasons, and an optional override with a reason."""

    def __init__(self, wizard: WizardState) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Inherent-risk tier"))
        self.setSubTitle(self.tr("The tier decides how deep the assessment goes: tier 1 asks the most."))
        # build widgets
        self.tier_label = QLabel()
        font = self.tier_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.tier_label.setFont(font)
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setAccessibleName(self.tr("Why this tier"))
        # Rule 8 of docs/scoring.md: each profile answer's effect on the tier, explained.
        self.effects_label = QLabel()
        self.effects_label.setWordWrap(True)
        self.effects_label.setObjectName("Muted")
        self.effects_label.setAccessibleName(self.tr("How each answer affects the tier"))
        self.override_box = QCheckBox(self.tr("&Override the tier"))
        self.tier_combo = QComboBox()
        self.tier_combo.setAccessibleName(self.tr("Overriding tier"))
        for tier in (1, 2, 3, 4):
            self.tier_combo.addItem(labels.tier(tier), tier)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Why the computed tier does not fit this purchase (required)"))
        self.reason_edit.setAccessibleName(self.tr("Reason for the override"))
        self.reason_edit.setMaximumHeight(self.fontMetrics().height() * 5)
        # build layout
        layout = QVBoxLayout(self)
        layout.addWidget(self.tier_label)
        layout.addWidget(self.reasons_label)
        layout.addWidget(self.effects_label)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.override_box)
        override = QFormLayout()
        override.addRow(self.tr("&Tier:"), self.tier_combo)
        override.addRow(self.tr("&Reason:"), self.reason_edit)
        layout.addLayout(override)
        layout.addStretch(1)
        # connect signals
        self.override_box.toggled.connect(self._on_override_box_toggled)
        self.reason_edit.textChanged.connect(self.completeChanged)
        self.tier_combo.currentIndexChanged.connect(self.completeChanged)
        self._on_override_box_toggled(False)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        result = self._wizard.tier_result()
        self.tier_label.setText(labels.tier(result.tier))
        self.reasons_label.setText("\n".join(f"• {i18n.words(reason)}" for reason in result.reasons))
        self.effects_label.setText(self._effects_text())
        if not self.override_box.isChecked():
            self.tier_combo.setCurrentIndex(self.tier_combo.findData(result.tier))

    def _effects_text(self) -> str:
        """One line per profile answer: its share of the exposure, the tier it forces, and the
        tier had it been answered the least exposed way."""
        effects_of = getattr(self._wizard, "answer_effects", None)
        effects = effects_of() if effects_of is not None else ()
        if not effects:
            return ""
        return self.tr("How each answer affects the tier:") + "\n" + "\n".join(f"– {e.text}" for e in effects)

    def override_tier(self) -> int | None:
        """The overriding tier, or None."""
        return int(self.tier_combo.currentData()) if self.override_box.isChecked() else None

    def set_override(self, tier: int | None, reason: str = "") -> None:
        """Override the tier (None removes the override)."""
        self.override_box.setChecked(tier is not None)
        if tier is not None:
            self.tier_combo.setCurrentIndex(self.tier_combo.findData(tier))
            self.reason_edit.setPlainText(reason)

    def reason(self) -> str:
        """The override reason."""
        return self.reason_edit.toPlainText().strip()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self.override_box.isChecked() or bool(self.reason())

    def _on_override_box_toggled(self, checked: bool) -> None:
        self.tier_combo.setEnabled(checked)
        self.reason_edit.setEnabled(checked)
        self.completeChanged.emit()


class ScopePage(QWizardPage):
    """The questions asked: per domain, ticked by default for the tier and category."""

    def __init__(self, wizard: WizardState) -> None:
        super().__init__()
        self._wizard = wizard
        self._default: set[str] = set()
        self._updating = False
        self.setTitle(self.tr("Scope"))
        self.setSubTitle(self.tr("These questions fit the tier and the product category. Untick questions to "
                                 "leave them out or tick others to add them."))
        # build widgets
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("In scope")])
        self.tree.setAccessibleName(self.tr("Questions in scope"))
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 80)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("SectionTitle")
        self.reset_button = QPushButton(self.tr("Reset to the &tier's default"))
        # build layout
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(self.summary_label, 1)
        row.addWidget(self.reset_button)
        layout.addLayout(row)
        # connect signals
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        purchase = self._wizard.purchase_page
        questionnaire = purchase.questionnaire()
        self._default = {q.id for q in in_scope(questionnaire, purchase.category(), self._wizard.effective_tier())}
        self._updating = True
        self.tree.clear()
        for section in questionnaire.sections:
            parent = QTreeWidgetItem([f"{section.id}  {section.title}"])
            parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            self.tree.addTopLevelItem(parent)
            for question in section.questions:
                child = QTreeWidgetItem([f"{question.id}  {question.text}"])
                child.setData(0, _QUESTION_ROLE, question.id)
                child.setToolTip(0, question.text)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked if question.id in self._default
                                    else Qt.CheckState.Unchecked)
                parent.addChild(child)
        self._updating = False
        self._update_counts()

    def in_scope_ids(self) -> set[str]:
        """Ticked question ids."""
        return {str(item.data(0, _QUESTION_ROLE)) for item in self._question_items()
                if item.checkState(0) == Qt.CheckState.Checked}

    def set_in_scope(self, question_id: str, included: bool) -> None:
        """Tick or untick a question."""
        for item in self._question_items():
            if item.data(0, _QUESTION_ROLE) == question_id:
                item.setCheckState(0, Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per domain: (questions in scope, questions in the domain)."""
        result = {}
        for parent in top_level_items(self.tree):
            ids = child_items(parent)
            key = parent.text(0).split()[0]
            result[key] = (sum(1 for c in ids if c.checkState(0) == Qt.CheckState.Checked), len(ids))
        return result

    def chosen_scope(self) -> frozenset[str] | None:
        """The questions ticked, or None when they are the tier's default (the service decides
        the default scope; the page was never shown, or the officer changed nothing)."""
        added, removed = self.adjustments()
        return frozenset(self.in_scope_ids()) if added or removed else None

    def adjustments(self) -> tuple[list[str], list[str]]:
        """(added beyond the tier's default, removed from it)."""
        chosen = self.in_scope_ids()
        return sorted(chosen - self._default), sorted(self._default - chosen)

    def _question_items(self) -> list[QTreeWidgetItem]:
        return [child for parent in top_level_items(self.tree) for child in child_items(parent)]

    def _update_counts(self) -> None:
        self._updating = True
        total = 0
        for parent in top_level_items(self.tree):
            chosen = sum(1 for child in child_items(parent) if child.checkState(0) == Qt.CheckState.Checked)
            total += chosen
            parent.setText(1, self.tr("%1 of %2").replace("%1", str(chosen)).replace("%2", str(parent.childCount())))
        added, removed = self.adjustments()
        text = self.tr("%1 questions in scope").replace("%1", str(total))
        if added or removed:
            text += " " + self.tr("(%1 added, %2 removed)").replace("%1", str(len(added))).replace(
                "%2", str(len(removed)))
        self.summary_label.setText(text)
        self._updating = False

    def _on_tree_item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        if not self._updating:
            self._update_counts()

    def _on_reset_button_clicked(self) -> None:
        self.initializePage()

