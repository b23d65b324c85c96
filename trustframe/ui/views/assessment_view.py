"""The assessment screen: answer the questionnaire, watch the score, review and decide.

Layout: a header (vendor, product, tier, status chip) and, when decided, a lock banner; then a
splitter with the mode tabs (Answer: navigator + question page; Review) on the left and the live
score panel on the right.

Data flow: every edit is saved at once through the services (no Save button) and pushed on the
shared undo stack as a command holding the before/after answers (the scope-and-tier dialog
pushes its own command for tier and scope changes, on the same stack). Services announce what
changed; the view reloads its plain domain data synchronously (cheap: a few queries) so that
keyboard sequences such as "1, Ctrl+Enter" always act on fresh state, and recomputes the score
through a coalescing timer (it is the only potentially slow step).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import ALLOWED_TRANSITIONS, Answer, AnswerSource, Assessment, AssessmentStatus
from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import Importance, Question, Questionnaire
from trustframe.domain.scoring_model import ScoreResult
from trustframe.errors import ConnectionLostError, NotFoundError, StaleWriteError, TrustFrameError
from trustframe.services.assessments import NotApplicableAnswer
from trustframe.ui import i18n, labels, messages, prompts
from trustframe.ui.context import UiContext
from trustframe.ui.evidence_facts import facts_text
from trustframe.ui.models.question_navigator import NavigatorRole, NavQuestion, NavSection, QuestionNavigatorModel
from trustframe.ui.models.review_model import ReviewRow
from trustframe.ui.undo import COMMENT_MERGE_ID, TEXT_MERGE_ID, AnswerCommand, EvidenceLinkCommand
from trustframe.ui.views.buyer_readiness_panel import BuyerReadinessPanel
from trustframe.ui.views.overlays_panel import OverlaysPanel
from trustframe.ui.views.review_view import ReviewPanel
from trustframe.ui.widgets import colors
from trustframe.ui.widgets.answer_widgets import TEXT_SAVE_DELAY_MS, AnswerEditor, TextEditor, create_answer_editor
from trustframe.ui.widgets.score_panel import ScorePanel

log = logging.getLogger(__name__)

_EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: When one score takes longer than this, later scores wait for a pause in the typing.
_SLOW_SCORE_SECONDS = 0.15
_SLOW_SCORE_DELAY_MS = 400


class AssessmentView(QWidget):
    """One assessment, hosted by the shell in a tab."""

    #: The tab title changed (vendor · product).
    title_changed = Signal(str)
    #: The question shown changed (question id).
    question_changed = Signal(str)
    #: A new score was shown (ScoreResult or None).
    score_updated = Signal(object)

    def __init__(self, ctx: UiContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.assessment: Assessment | None = None
        self.questionnaire: Questionnaire | None = None
        self._overlays_loaded: tuple[tuple[str, str], ...] = ()
        self.answers: dict[str, Answer] = {}
        self.previous_answers: dict[str, Answer] = {}
        self.evidence: dict[str, list[Evidence]] = {}
        self.score: ScoreResult | None = None
        self.current_question_id: str = ""
        self._visible: list[Question] = []
        self._previous_loaded_for: int | None = None
        self._editor: AnswerEditor | None = None
        self._editor_question_id = ""
        self._comment_question_id = ""
        self._comment_pending = False
        self._loading = False
        self._deleted = False
        self.setAccessibleName(self.tr("Assessment"))
        self._build_widgets()
        self._build_layout()
        self._build_actions()
        self._connect_signals()
        self.reload()
        ids = self.navigator_model.question_ids()
        if ids:
            # The focus starts in the answer area: the number keys work there (and only there).
            self.go_to_question(self._first_open_id() or ids[0], focus=True)

    # == building ==================================================================================

    def _build_widgets(self) -> None:
        fm = self.fontMetrics()
        # header
        self.title_label = QLabel()
        self.title_label.setObjectName("PageTitle")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("PageSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("StatusChip")
        self.status_chip.setAccessibleName(self.tr("Status"))
        self.status_chip.setToolTip(self.tr("Where the assessment is: draft, sent to the vendor, returned, in "
                                            "review or decided"))
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # lock banner
        self.banner = QFrame()
        self.banner.setObjectName("LockBanner")
        self.banner.setStyleSheet(
            "QFrame#LockBanner { background: #fff4e5; border: 1px solid #f0c987; border-radius: 6px; }")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setAccessibleName(self.tr("Locked"))
        self.reopen_button = QPushButton(self.tr("&Reopen…"))
        self.reopen_button.setToolTip(self.tr("Reopen the decided assessment for review (a reason is required "
                                              "and logged)"))
        self.next_assessment_button = QPushButton(self.tr("Start &next assessment"))
        self.next_assessment_button.setToolTip(self.tr("Start the next assessment of this product; this "
                                                       "one's answers are copied as \"to confirm\""))
        # navigator
        self.navigator_model = QuestionNavigatorModel(self)
        self.navigator = QTreeView()
        self.navigator.setModel(self.navigator_model)
        self.navigator.setHeaderHidden(True)
        self.navigator.setUniformRowHeights(True)
        self.navigator.setAccessibleName(self.tr("Questions"))
        self.navigator.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigator.setIconSize(QSize(fm.height(), fm.height()))
        self.navigator.setMinimumWidth(fm.averageCharWidth() * 30)
        # question page
        self.meta_label = QLabel()
        self.meta_label.setObjectName("Muted")
        self.meta_label.setWordWrap(True)
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        qfont = self.question_label.font()
        qfont.setPointSizeF(qfont.pointSizeF() * 1.25)
        qfont.setBold(True)
        self.question_label.setFont(qfont)
        self.question_label.setAccessibleName(self.tr("Question"))
        # Reachable by Tab (between the navigator and the options) so a screen reader reads it.
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.question_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.confirm_frame = QFrame()
        self.confirm_frame.setObjectName("ConfirmBanner")
        self.confirm_frame.setStyleSheet(
            "QFrame#ConfirmBanner { background: #eaf1f9; border: 1px solid #b9cfe6; border-radius: 6px; }")
        self.confirm_label = QLabel(self.tr("Copied from the previous assessment. Confirm it if it still holds, "
                                            "or change it."))
        self.confirm_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.previous_label = QLabel()
        self.previous_label.setWordWrap(True)
        self.previous_label.setAccessibleName(self.tr("Last time"))
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.help_label.setAccessibleName(self.tr("Help for the vendor"))
        self.guidance_frame = QFrame()
        self.guidance_frame.setObjectName("Card")
        self.guidance_label = QLabel()
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setTextFormat(Qt.TextFormat.RichText)
        self.guidance_label.setAccessibleName(self.tr("Guidance for the buyer"))
        self.answer_heading = QLabel(self.tr("Answer"))
        self.answer_heading.setObjectName("SectionTitle")
        self.editor_host = QWidget()
        # Named: the shortcuts list shows the number keys as working in the "Answer area".
        self.editor_host.setAccessibleName(self.tr("Answer area"))
        self.editor_layout = QVBoxLayout(self.editor_host)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        self.flag_label.setObjectName("InlineError")
        self.flag_label.setAccessibleName(self.tr("Red flag raised"))
        self.source_label = QLabel()
        self.source_label.setObjectName("Muted")
        self.source_label.setWordWrap(True)
        self.comment_heading = QLabel(self.tr("&Comment"))
        self.comment_heading.setObjectName("SectionTitle")
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setPlaceholderText(self.tr("What you checked, what the vendor said, what is missing…"))
        self.comment_edit.setAccessibleName(self.tr("Comment"))
        self.comment_edit.setFixedHeight(int(fm.height() * 4.5))
        self.comment_heading.setBuddy(self.comment_edit)
        self.comment_timer = QTimer(self)
        self.comment_timer.setSingleShot(True)
        self.comment_timer.setInterval(TEXT_SAVE_DELAY_MS)
        self.evidence_heading = QLabel(self.tr("Evidence"))
        self.evidence_heading.setObjectName("SectionTitle")
        self.evidence_list = QListWidget()
        self.evidence_list.setAccessibleName(self.tr("Linked evidence"))
        self.evidence_list.setMaximumHeight(int(fm.height() * 5.5))
        self.link_button = QPushButton(self.tr("&Link evidence…"))
        self.unlink_button = QPushButton(self.tr("&Unlink"))
        # Alt+F is the File menu: the mnemonic is on another letter.
        self.follow_up_box = QCheckBox(self.tr("Needs f&ollow-up"))
        self.follow_up_box.setToolTip(self.tr("Mark the answer for follow-up with the vendor (Ctrl+Shift+F)"))
        self.page = QWidget()
        self.page.setObjectName("ScrollContent")
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setAccessibleName(self.tr("Question page"))
        self.empty_label = QLabel(self.tr("No questions are in scope."))
        self.empty_label.setObjectName("EmptyState")
        # score and review
        self.score_panel = ScorePanel()
        self.score_scroll = QScrollArea()
        self.score_scroll.setWidgetResizable(True)
        self.score_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.score_scroll.setAccessibleName(self.tr("Score"))
        # Room for "OPS Vendor operational security  17" on the score panel's bar labels.
        self.score_scroll.setMinimumWidth(fm.averageCharWidth() * 44)
        self.score_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.review_panel = ReviewPanel()
        self.buyer_panel = BuyerReadinessPanel(self.ctx, self.assessment_id)
        self.overlays_panel = OverlaysPanel(self.ctx, self.assessment_id)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.score_timer = QTimer(self)
        self.score_timer.setSingleShot(True)
        self.score_timer.setInterval(0)

    def _build_layout(self) -> None:
        header_text = QVBoxLayout()
        header_text.setSpacing(2)
        title_row = QHBoxLayout()
        title_row.setSpacing(self.fontMetrics().averageCharWidth() * 2)
        title_row.addWidget(self.title_label)
        title_row.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        header_text.addLayout(title_row)
        header_text.addWidget(self.subtitle_label)
        header = QHBoxLayout()
        header.addLayout(header_text, 1)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.reopen_button)
        banner_layout.addWidget(self.next_assessment_button)

        confirm_layout = QHBoxLayout(self.confirm_frame)
        confirm_layout.addWidget(self.confirm_label, 1)
        confirm_layout.addWidget(self.confirm_button)
        guidance_layout = QVBoxLayout(self.guidance_frame)
        guidance_layout.addWidget(self.guidance_label)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.link_button)
        evidence_buttons.addWidget(self.unlink_button)
        evidence_buttons.addStretch(1)
        evidence_buttons.addWidget(self.follow_up_box)

        page_layout = QVBoxLayout(self.page)
        spacing = self.fontMetrics().height() // 2
        page_layout.setSpacing(spacing)
        page_layout.addWidget(self.meta_label)
        page_layout.addWidget(self.question_label)
        page_layout.addWidget(self.confirm_frame)
        page_layout.addWidget(self.previous_label)
        page_layout.addWidget(self.help_label)
        page_layout.addWidget(self.guidance_frame)
        page_layout.addWidget(self.answer_heading)
        page_layout.addWidget(self.editor_host)
        page_layout.addWidget(self.flag_label)
        page_layout.addWidget(self.source_label)
        page_layout.addWidget(self.comment_heading)
        page_layout.addWidget(self.comment_edit)
        page_layout.addWidget(self.evidence_heading)
        page_layout.addWidget(self.evidence_list)
        page_layout.addLayout(evidence_buttons)
        page_layout.addWidget(self.empty_label)
        page_layout.addStretch(1)
        # Long lines are hard to read: the page keeps a comfortable measure, centred.
        self.page.setMaximumWidth(self.fontMetrics().averageCharWidth() * 100)
        centre = QWidget()
        centre.setObjectName("ScrollContent")
        centre_layout = QHBoxLayout(centre)
        centre_layout.addWidget(self.page)
        self.page_scroll.setWidget(centre)

        answer_tab = QSplitter(Qt.Orientation.Horizontal)
        answer_tab.addWidget(self.navigator)
        answer_tab.addWidget(self.page_scroll)
        answer_tab.setStretchFactor(0, 2)
        answer_tab.setStretchFactor(1, 5)
        char = self.fontMetrics().averageCharWidth()
        answer_tab.setSizes([char * 44, char * 100])
        answer_tab.setChildrenCollapsible(False)
        # Alt+A and Alt+V open the Assessment and View menus: the tabs use other letters.
        self.tabs.addTab(answer_tab, self.tr("Ans&wer"))
        self.tabs.addTab(self.review_panel, self.tr("Rev&iew"))
        self.tabs.addTab(self.buyer_panel, self.tr("&Buyer readiness"))
        self.tabs.addTab(self.overlays_panel, self.tr("Overla&ys"))
        score_host = QWidget()
        score_host.setObjectName("ScrollContent")
        score_layout = QVBoxLayout(score_host)
        score_layout.setContentsMargins(0, 0, 0, 0)
        score_layout.addWidget(self.score_panel)
        self.score_scroll.setWidget(score_host)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.tabs)
        main.addWidget(self.score_scroll)
        main.setStretchFactor(0, 4)
        main.setStretchFactor(1, 1)
        main.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(main, 1)

    def _build_actions(self) -> None:
        """Keyboard-first actions; the shortcuts work anywhere inside the view and are shown in
        the tool tips. Digits typed into text fields stay text (Qt gives the field priority)."""

        def action(text: str, shortcuts: list[str], tip: str, slot: Any, toolbar: bool = True,
                   checkable: bool = False) -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
            act.setToolTip(f"{tip} ({keys})" if keys else tip)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.addAction(act)
            if toolbar:
                self.toolbar.addAction(act)
            return act

        self.previous_action = action(self.tr("◀ Previous"), ["Alt+Left", "Alt+Up"], self.tr("Previous question"),
                                      self._on_previous_action_triggered)
        self.next_action = action(self.tr("Next ▶"), ["Alt+Right", "Alt+Down"], self.tr("Next question"),
                                  self._on_next_action_triggered)
        self.next_open_action = action(self.tr("Next open"), ["Ctrl+Return", "Ctrl+Enter", "F8"],
                                       self.tr("Next unanswered or unconfirmed question"),
                                       self._on_next_open_action_triggered)
        self.toolbar.addSeparator()
        self.confirm_action = action(self.tr("Confirm"), ["Ctrl+K"],
                                     self.tr("Confirm the answer copied from last time and go on"),
                                     self._on_confirm_action_triggered)
        self.clear_action = action(self.tr("Clear answer"), ["Ctrl+Delete"], self.tr("Clear the answer"),
                                   self._on_clear_action_triggered)
        self.follow_up_action = action(self.tr("Follow-up"), ["Ctrl+Shift+F"],
                                       self.tr("Mark or unmark the answer for follow-up"),
                                       self._on_follow_up_action_triggered, checkable=True)
        self.link_action = action(self.tr("Link evidence…"), ["Ctrl+Shift+E"], self.tr("Link evidence to the answer"),
                                  self._on_link_button_clicked, toolbar=False)
        # Not Ctrl+Shift+C: that is the window's Compare, and two actions on one key in one window
        # make Qt do nothing at all ("ambiguous shortcut") while the officer types on.
        self.comment_action = action(self.tr("Comment"), ["Ctrl+Shift+M"], self.tr("Write a comment"),
                                     self._on_comment_action_triggered, toolbar=False)
        self.toolbar.addSeparator()
        self.review_action = action(self.tr("Review"), ["Ctrl+Shift+R"], self.tr("Switch between answering and review"),
                                    self._on_review_action_triggered)
        self.decide_action = action(self.tr("Record decision…"), ["Ctrl+Shift+D"], self.tr("Record the decision"),
                                    self._on_decide_requested)
        self.reopen_action = action(self.tr("Reopen…"), [], self.tr("Reopen the decided assessment"),
                                    self._on_reopen_button_clicked, toolbar=False)
        self.next_assessment_action = action(self.tr("Start next assessment"), [],
                                             self.tr("Start the next assessment of this product"),
                                             self._on_next_assessment_button_clicked)
        self.prefill_action = action(self.tr("Pre-fill from earlier answers…"), [],
                                     self.tr("Offer the answers this vendor gave in its other recent assessments, "
                                             "marked \"to confirm\""),
                                     self._on_prefill_action_triggered)
        self.toolbar.addSeparator()
        self.scope_action = action(self.tr("Scope and tier…"), [],
                                   self.tr("Change the inherent-risk tier (criticality profile or override) "
                                           "and the questions in scope"),
                                   self._on_scope_action_triggered)
        self.details_action = action(self.tr("Details…"), [],
                                     self.tr("Assessor, reviewer, purchase reference, due and review dates"),
                                     self._on_details_action_triggered)
        # Status moves the officer makes by hand; "Decided" only comes from recording a decision.
        self.status_menu = QMenu(self.tr("Status"), self)
        self.status_actions: dict[AssessmentStatus, QAction] = {}
        for status, text, tip in (
                (AssessmentStatus.SENT, self.tr("Mark sent to vendor"),
                 self.tr("The questionnaire went to the vendor")),
                (AssessmentStatus.RETURNED, self.tr("Mark returned"),
                 self.tr("The vendor returned the questionnaire")),
                (AssessmentStatus.IN_REVIEW, self.tr("Mark in review"),
                 self.tr("The answers are being reviewed")),
                (AssessmentStatus.DRAFT, self.tr("Back to draft"),
                 self.tr("The questionnaire is being prepared again"))):
            act = self.status_menu.addAction(text)
            act.setToolTip(tip)
            act.triggered.connect(lambda _checked=False, st=status: self.set_status(st))
            self.status_actions[status] = act
        self.status_button = QToolButton()
        self.status_button.setText(self.tr("Status"))
        self.status_button.setAccessibleName(self.tr("Change status"))
        self.status_button.setToolTip(self.tr("Mark the assessment sent to the vendor, returned or in review"))
        self.status_button.setMenu(self.status_menu)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.status_button)
        # Toolbar buttons take no focus by default in Qt: keyboard users could not reach them.
        for button in self.toolbar.findChildren(QToolButton):
            if button.defaultAction() is not None or button is self.status_button:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.pick_actions: list[QAction] = []
        for number in range(1, 10):
            act = action(self.tr("Choose option %1").replace("%1", str(number)), [str(number)],
                         self.tr("Choose option %1").replace("%1", str(number)),
                         lambda _checked=False, n=number: self.pick_option(n), toolbar=False)
            # The number keys belong to the answer area only: from the navigator, the comment box
            # or the toolbar a digit must never change an answer the officer is not looking at.
            self.removeAction(act)
            self.editor_host.addAction(act)
            self.pick_actions.append(act)
        self.confirm_button.setToolTip(self.confirm_action.toolTip())

    def _connect_signals(self) -> None:
        hub = self.ctx.hub
        hub.data_changed.connect(self._on_hub_data_changed)
        self.overlays_panel.applied.connect(self.reload)
        hub.workspace_changed.connect(self._on_hub_workspace_changed)
        self.navigator.selectionModel().currentChanged.connect(self._on_navigator_current_changed)
        self.navigator.activated.connect(self._on_navigator_activated)
        self.comment_edit.textChanged.connect(self._on_comment_edit_text_changed)
        self.comment_edit.installEventFilter(self)
        self.comment_timer.timeout.connect(self.flush_comment)
        self.follow_up_box.clicked.connect(self._on_follow_up_box_clicked)
        self.link_button.clicked.connect(self._on_link_button_clicked)
        self.unlink_button.clicked.connect(self._on_unlink_button_clicked)
        self.evidence_list.currentRowChanged.connect(self._update_enabled)
        self.confirm_button.clicked.connect(self._on_confirm_action_triggered)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.next_assessment_button.clicked.connect(self._on_next_assessment_button_clicked)
        self.score_timer.timeout.connect(self._on_score_timer_timeout)
        self.score_panel.flag_activated.connect(self._on_score_panel_flag_activated)
        self.review_panel.override_requested.connect(self._on_review_override_requested)
        self.review_panel.accept_flag_requested.connect(self._on_review_accept_flag_requested)
        self.review_panel.revoke_flag_requested.connect(self._on_review_revoke_flag_requested)
        self.review_panel.decision_requested.connect(self._on_decide_requested)
        self.review_panel.question_activated.connect(self._on_review_question_activated)
        self.review_panel.accept_na_requested.connect(self._on_review_accept_na_requested)

    # == public API (also used by tests) ===========================================================

    @property
    def locked(self) -> bool:
        """True when the assessment is decided (read-only)."""
        return self.assessment is not None and self.assessment.locked

    def title(self) -> str:
        """Tab title: vendor · product."""
        if self.assessment is None:
            return self.tr("Assessment")
        return f"{self.assessment.vendor_name} · {self.assessment.product_name}"

    def visible_question_ids(self) -> list[str]:
        """Questions shown (in scope and visible given the answers), in order."""
        return self.navigator_model.question_ids()

    def reload(self) -> None:
        """Re-read the assessment from the services and refresh everything shown."""
        if self._deleted or self.ctx.services is None:
            return
        services = self.ctx.services
        try:
            assessment = services.assessments.get(self.assessment_id)
        except NotFoundError:
            self._show_deleted()
            return
        old_title = self.title()
        self.assessment = assessment
        # The overlays applied change the questions (same key): reload when either changes.
        if self.questionnaire is None or (self.questionnaire.key, self._overlays_loaded) != (
                f"{assessment.questionnaire_id}@{assessment.questionnaire_version}", assessment.overlays):
            # Shown in the GUI's language where the bank has a translation (ids, scores unchanged).
            self.questionnaire = i18n.for_display(services.assessments.questionnaire(assessment))
            self._overlays_loaded = assessment.overlays
        # Answers kept while the connection was lost are shown as typed until they are saved.
        self.answers = self.ctx.kept_answers.shown(self.assessment_id, services.assessments.answers(self.assessment_id))
        self.evidence = services.evidence.for_assessment(self.assessment_id)
        if assessment.previous_assessment_id != self._previous_loaded_for:
            self._previous_loaded_for = assessment.previous_assessment_id
            self.previous_answers = {}
            if assessment.previous_assessment_id is not None:
                try:
                    self.previous_answers = services.assessments.answers(assessment.previous_assessment_id)
                except NotFoundError:
                    self.previous_answers = {}
        self._visible = services.assessments.applicable_questions(assessment, self.answers)
        if self.questionnaire is not None:  # the same questions, worded in the GUI's language
            shown = self.questionnaire.questions_by_id
            self._visible = [shown.get(q.id, q) for q in self._visible]
        self._show_header()
        self._rebuild_navigator()
        if self.current_question_id and self.current_question_id not in self.navigator_model.question_ids():
            # The question shown was hidden by a show-if condition or taken out of scope.
            ids = self.navigator_model.question_ids()
            self.current_question_id = ""
            if ids:
                self.go_to_question(ids[0], focus=False)
        self._show_page()
        self._update_review()
        self.buyer_panel.reload(locked=self.locked)
        self.overlays_panel.reload(locked=self.locked)
        self._update_enabled()
        if self.title() != old_title:
            self.title_changed.emit(self.title())
        self.score_timer.start()

    def go_to_question(self, question_id: str, focus: bool = True) -> bool:
        """Show a question (False when it is not visible)."""
        index = self.navigator_model.index_of(question_id)
        if not index.isValid():
            return False
        self.tabs.setCurrentIndex(0)
        self.navigator.setCurrentIndex(index)  # shows the page through currentChanged
        self.navigator.scrollTo(index)
        if self.current_question_id != question_id:
            self._show_question(question_id)
        if focus and self._editor is not None:
            self._editor.focus_editor()
        return True

    def go_next(self, step: int = 1) -> bool:
        """Show the next (or previous, step=-1) visible question."""
        ids = self.navigator_model.question_ids()
        if not ids:
            return False
        if self.current_question_id not in ids:
            return self.go_to_question(ids[0])
        position = ids.index(self.current_question_id) + step
        if not 0 <= position < len(ids):
            self.ctx.hub.status_message.emit(
                self.tr("This is the last question.") if step > 0 else self.tr("This is the first question."), 3000)
            return False
        return self.go_to_question(ids[position])

    def go_next_open(self) -> bool:
        """Show the next question that is unanswered or still to confirm (wrapping round)."""
        self._flush_all()
        ids = self.navigator_model.question_ids()
        if not ids:
            return False
        start = ids.index(self.current_question_id) + 1 if self.current_question_id in ids else 0
        for qid in ids[start:] + ids[:start]:
            item = self.navigator_model.question(qid)
            if item is not None and item.open and qid != self.current_question_id:
                return self.go_to_question(qid)
        self.ctx.hub.status_message.emit(self.tr("Every question is answered. Switch to Review to decide."), 5000)
        return False

    def pick_option(self, number: int) -> bool:
        """Choose option ``number`` (1-based) of the current question, as the number keys do."""
        # In the review tab the answer page is hidden: a digit must not change an unseen answer.
        if self._editor is None or self.tabs.currentIndex() != 0:
            return False
        if self.locked:
            self._refuse_locked()
            return False
        return self._editor.pick(number)

    def save_answer(self, question_id: str, *, text: str = "", merge_id: int = -1,
                    **changes: Any) -> AnswerCommand | None:
        """Save part of an answer (value=, comment=, needs_follow_up=, to_confirm=, source=,
        override_reason=) through the service and push it on the undo stack.

        Returns the command, or None when nothing changed or the change was refused (the
        reason is shown).
        """
        if self.locked:
            self._refuse_locked()
            self._show_page()
            return None
        services = self.ctx.require_services
        if services.workspace.is_server:
            # Team mode: save against the version shown, so a colleague's save in between is
            # never overwritten unseen (no lost update, docs/team-mode.md).
            shown = self.answers.get(question_id)
            changes = {**changes, "expected_version": shown.version if shown is not None else 0}
        try:
            try:
                change = services.assessments.set_answer(self.assessment_id, question_id, **changes)
            except StaleWriteError as conflict:
                if not self._keep_mine(question_id, conflict):
                    self.reload()
                    return None
                changes["expected_version"] = conflict.version
                change = services.assessments.set_answer(self.assessment_id, question_id, **changes)
        except ConnectionLostError:
            # Team mode, server gone: kept (and shown) until it is back, then saved (ui/kept_edits.py).
            self.ctx.kept_answers.keep(self.assessment_id, question_id, changes)
            self.answers = self.ctx.kept_answers.shown(self.assessment_id, self.answers)
            return None
        except (TrustFrameError, answer_values.AnswerValueError) as exc:
            messages.warning(self, self.tr("Answer not saved"), str(exc))
            self.reload()
            return None
        if change.after is not None:
            self.answers[question_id] = change.after  # its new version: the next save is against it
        if change.before == change.after:
            return None
        command = AnswerCommand(self.ctx, change, text or self.tr("Answer %1").replace("%1", question_id), merge_id)
        self.ctx.undo_stack.push(command)
        return command

    def _keep_mine(self, question_id: str, conflict: StaleWriteError) -> bool:
        """Someone else saved this answer since it was shown: show both and let the officer
        choose. True to save theirs over with mine, False to keep theirs."""
        def shown(value: Any) -> str:
            return self.tr("(empty)") if value in (None, "", []) else str(value)

        return messages.ask(
            self, self.tr("Answer changed by someone else"),
            self.tr("{question} was saved by someone else while you edited it.").format(question=question_id),
            self.tr("Theirs: {theirs}\nYours: {yours}\n\nSave yours over theirs? No keeps theirs.").format(
                theirs=shown(conflict.theirs), yours=shown(conflict.yours)))

    def flush_comment(self) -> None:
        """Save the comment being typed now (it is otherwise saved after a short pause)."""
        self.comment_timer.stop()
        if not self._comment_pending or not self._comment_question_id:
            return
        self._comment_pending = False
        self.save_answer(self._comment_question_id, comment=self.comment_edit.toPlainText(),
                         text=self.tr("Comment on %1").replace("%1", self._comment_question_id),
                         merge_id=COMMENT_MERGE_ID)

    def set_follow_up(self, question_id: str, needs_follow_up: bool) -> None:
        """Mark or unmark an answer for follow-up."""
        self.save_answer(question_id, needs_follow_up=needs_follow_up,
                         text=self.tr("Follow-up on %1").replace("%1", question_id))

    def confirm_answer(self, question_id: str) -> bool:
        """Confirm an answer copied from the previous assessment."""
        answer = self.answers.get(question_id)
        if answer is None or not answer.to_confirm:
            return False
        return self.save_answer(question_id, to_confirm=False,
                                text=self.tr("Confirm %1").replace("%1", question_id)) is not None

    def link_evidence(self, question_id: str, evidence_id: int) -> bool:
        """Link evidence to an answer (undoable)."""
        return self._set_evidence_link(question_id, evidence_id, True)

    def unlink_evidence(self, question_id: str, evidence_id: int) -> bool:
        """Remove the link between evidence and an answer (undoable)."""
        return self._set_evidence_link(question_id, evidence_id, False)

    def override_answer(self, question_id: str, value: Any, reason: str) -> bool:
        """Reviewer override: replace the answer with the verified value, with a reason."""
        return self.save_answer(question_id, value=value, source=AnswerSource.REVIEWER, override_reason=reason,
                                text=self.tr("Override %1").replace("%1", question_id)) is not None

    def accept_flag(self, flag_id: str, reason: str) -> bool:
        """Accept a red flag as mitigated."""
        return self._service_call(self.tr("Red flag not accepted"),
                                  lambda s: s.assessments.accept_flag(self.assessment_id, flag_id, reason))

    def revoke_flag(self, flag_id: str) -> bool:
        """Withdraw the acceptance of a red flag."""
        return self._service_call(self.tr("Acceptance not revoked"),
                                  lambda s: s.assessments.revoke_flag_acceptance(self.assessment_id, flag_id))

    def reopen(self, reason: str) -> bool:
        """Reopen the decided assessment (explicit and logged with its reason)."""
        return self._service_call(self.tr("Not reopened"), lambda s: s.assessments.reopen(self.assessment_id, reason))

    def set_status(self, status: AssessmentStatus) -> bool:
        """Move the assessment to ``status`` (only the transitions the domain allows)."""
        if self.locked:
            self._refuse_locked()
            return False
        done = self._service_call(self.tr("Status not changed"),
                                  lambda s: s.assessments.set_status(self.assessment_id, status))
        if done:
            self.ctx.hub.status_message.emit(
                self.tr("Status: %1").replace("%1", labels.status(status)), 4000)
        return done

    def edit_scope_and_tier(self) -> bool:
        """Open the scope-and-tier dialog; True when something was changed."""
        if self.locked:
            self._refuse_locked()
            return False
        if self.assessment is None:
            return False
        from trustframe.ui.dialogs.scope_tier_dialog import ScopeTierDialog

        self._flush_all()
        dialog = ScopeTierDialog(self.ctx, self.assessment, self)
        changed = prompts.exec_dialog(dialog) and bool(dialog.applied)
        dialog.deleteLater()
        return changed

    def start_next_assessment(self) -> int | None:
        """Start the next assessment of this product and ask the shell to open it."""
        self._flush_all()
        try:
            report = self.ctx.require_services.assessments.reassess_report(self.assessment_id)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Next assessment not started"), str(exc))
            return None
        new = report.assessment
        if report.new_version:
            # A newer bank version: say what was carried and what was not (the change log lists them).
            self.ctx.hub.status_message.emit(
                self.tr("Started the next assessment on %1: %2 answers carried, %3 reworded to confirm, "
                        "%4 dropped, %5 questions to answer again.")
                .replace("%1", report.new_key).replace("%2", str(len(report.carried)))
                .replace("%3", str(len(report.confirm))).replace("%4", str(len(report.dropped)))
                .replace("%5", str(len(report.to_answer) + len(report.reask))), 10000)
        else:
            self.ctx.hub.status_message.emit(
                self.tr("Started the next assessment: answers from this one are marked \"to confirm\"."), 5000)
        self.ctx.hub.assessment_requested.emit(int(new.id))  # type: ignore[arg-type]
        return new.id

    def refresh_score(self) -> None:
        """Recompute and show the score now."""
        self.score_timer.stop()
        self._on_score_timer_timeout()

    # == Qt events =================================================================================

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.comment_edit and event.type() == QEvent.Type.FocusOut:
            self.flush_comment()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        # Leaving the tab (or closing it) must not lose a comment typed a moment ago.
        self._flush_all()
        super().hideEvent(event)

    # == showing ===================================================================================

    def _show_deleted(self) -> None:
        self._deleted = True
        self.banner.setVisible(True)
        self.banner_label.setText(self.tr("This assessment no longer exists."))
        self.reopen_button.setVisible(False)
        self.next_assessment_button.setVisible(False)
        self.tabs.setEnabled(False)
        for act in self.actions():
            act.setEnabled(False)
        self.status_button.setEnabled(False)

    def _show_header(self) -> None:
        a = self.assessment
        q = self.questionnaire
        assert a is not None and q is not None
        self.title_label.setText(self.title())
        self.status_chip.setText(labels.status(a.status))
        self.status_chip.setProperty("status", a.status.value)
        # A dynamic property drives the chip's colour in the stylesheet: re-polish to apply it.
        self.status_chip.style().unpolish(self.status_chip)
        self.status_chip.style().polish(self.status_chip)
        parts = [f"{q.title} {q.version}", labels.tier(a.effective_tier)]
        if a.tier_override is not None:
            parts[1] += " " + self.tr("(overridden)")
        if a.product_category is not None:
            parts.insert(1, labels.category(a.product_category))
        if a.previous_assessment_id is not None:
            parts.append(self.tr("reassessment"))
        self.subtitle_label.setText(" · ".join(parts))
        locked = a.locked
        self.banner.setVisible(locked)
        self.reopen_button.setVisible(locked)
        self.next_assessment_button.setVisible(locked)
        if locked:
            when = a.decision_date.isoformat() if a.decision_date else ""
            self.banner_label.setText(self.tr("Decided: %1 by %2 on %3. This assessment is locked; reopen it "
                                              "with a reason to change anything.").replace(
                "%1", labels.decision(a.decision)).replace("%2", a.decision_by or "?").replace("%3", when))

    def _nav_question(self, question: Question, flagged_ids: set[str]) -> NavQuestion:
        answer = self.answers.get(question.id)
        answered = answer is not None and answer.value is not None
        previous = self.previous_answers.get(question.id)
        changed = bool(self.previous_answers) and answered and not answer.to_confirm and (  # type: ignore[union-attr]
            previous is None or previous.value != answer.value)  # type: ignore[union-attr]
        return NavQuestion(
            question.id, question.section_id, question.text, answered=answered,
            flagged=question.id in flagged_ids, follow_up=bool(answer and answer.needs_follow_up),
            to_confirm=bool(answer and answer.to_confirm), changed=changed)

    def _rebuild_navigator(self) -> None:
        assert self.questionnaire is not None
        flagged = {f.question_id for f in self.score.open_flags} if self.score else set()
        by_section: dict[str, list[NavQuestion]] = {}
        for question in self._visible:
            by_section.setdefault(question.section_id, []).append(self._nav_question(question, flagged))
        sections = [NavSection(s.id, s.title, tuple(by_section[s.id]))
                    for s in self.questionnaire.sections if s.id in by_section]
        had_focus = self.navigator.hasFocus()
        self._loading = True
        try:
            self.navigator_model.set_sections(sections)
            if self.navigator_model.rowCount() and not self.navigator.isExpanded(self.navigator_model.index(0, 0)):
                self.navigator.expandAll()
            index = self.navigator_model.index_of(self.current_question_id)
            if index.isValid() and self.navigator.currentIndex() != index:
                self.navigator.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._loading = False
        if had_focus:
            self.navigator.setFocus()

    def _show_question(self, question_id: str) -> None:
        """Switch the page to another question (saving what was being typed first)."""
        self._flush_all()
        self.current_question_id = question_id
        self._show_page()
        self.question_changed.emit(question_id)

    def _question(self, question_id: str) -> Question | None:
        return self.questionnaire.questions_by_id.get(question_id) if self.questionnaire else None

    def _show_page(self) -> None:
        question = self._question(self.current_question_id)
        has_question = question is not None and self.current_question_id in self.navigator_model.question_ids()
        for widget in (self.meta_label, self.question_label, self.answer_heading, self.editor_host,
                       self.source_label, self.comment_heading, self.comment_edit, self.evidence_heading,
                       self.evidence_list, self.link_button, self.unlink_button, self.follow_up_box):
            widget.setVisible(has_question)
        self.empty_label.setVisible(not has_question)
        if not has_question or question is None:
            for widget in (self.confirm_frame, self.previous_label, self.help_label, self.guidance_frame,
                           self.flag_label):
                widget.setVisible(False)
            self._replace_editor(None)
            return
        answer = self.answers.get(question.id)
        section = self.questionnaire.sections_by_id.get(question.section_id) if self.questionnaire else None
        ids = self.navigator_model.question_ids()
        meta = [question.id, section.title if section else question.section_id,
                self.tr("%1 of %2").replace("%1", str(ids.index(question.id) + 1)).replace("%2", str(len(ids))),
                _importance_text(self, question.importance)]
        if not question.required:
            meta.append(self.tr("optional"))
        self.meta_label.setText(" · ".join(meta))
        self.question_label.setText(question.text)
        # help and guidance
        self.help_label.setText(self.tr("<b>For the vendor:</b> %1").replace("%1", _html(question.help)))
        self.help_label.setVisible(bool(question.help))
        guidance = question.guidance
        rows = [(self.tr("Why it matters"), guidance.why), (self.tr("Good evidence"), guidance.good_evidence),
                (self.tr("Weak answer"), guidance.weak_answer)]
        if question.evidence:
            rows.append((self.tr("Evidence to ask for"),
                         ", ".join(labels.evidence_kind(k) for k in question.evidence)))
        html = "".join(f"<p style='margin:0 0 4px 0'><b>{_html(t)}:</b> {_html(v)}</p>" for t, v in rows if v)
        self.guidance_label.setText(html)
        self.guidance_frame.setVisible(bool(html))
        # editor
        if self._editor_question_id != question.id or self._editor is None:
            self._replace_editor(question)
        assert self._editor is not None
        self._editor.set_value(answer.value if answer else None)
        self._editor.set_read_only(self.locked)
        # markers
        self.confirm_frame.setVisible(bool(answer and answer.to_confirm) and not self.locked)
        if answer is not None and answer.to_confirm and answer.confirm_note:
            # Carried onto a newer bank version whose wording changed: say so, and what changed.
            self.confirm_label.setText(self.tr("The question was reworded since this answer was given (%1). "
                                               "Confirm the answer if it still holds, or change it.")
                                       .replace("%1", answer.confirm_note))
        else:
            self.confirm_label.setText(self.tr("Copied from the previous assessment. Confirm it if it still holds, "
                                               "or change it."))
        previous = self.previous_answers.get(question.id)
        if self.previous_answers:
            before = answer_values.display(question, previous.value) if previous and previous.value is not None \
                else self.tr("(not answered)")
            changed = answer is not None and not answer.to_confirm and (
                previous is None or previous.value != answer.value) and answer.value is not None
            text = self.tr("Last time: %1").replace("%1", before)
            if changed:
                text = "<b>" + self.tr("Changed since last time.") + "</b> " + _html(text)
                self.previous_label.setStyleSheet(f"color: {colors.TO_CONFIRM};")
            else:
                text = _html(text)
                self.previous_label.setStyleSheet("")
            self.previous_label.setText(text)
            self.previous_label.setVisible(True)
        else:
            self.previous_label.setVisible(False)
        flags = [f for f in (self.score.flags if self.score else ()) if f.question_id == question.id]
        if flags:
            self.flag_label.setText("\n".join(
                (self.tr("Red flag (%1): %2").replace("%1", labels.severity(f.severity)).replace("%2", f.title))
                + (" — " + self.tr("accepted as mitigated") if f.accepted else "") for f in flags))
            mitigation = self.tr("Mitigation")
            self.flag_label.setToolTip("\n\n".join(f"{f.rationale}\n{mitigation}: {f.mitigation}"
                                                   for f in flags))
        self.flag_label.setVisible(bool(flags))
        self.source_label.setText(self._source_text(question, answer))
        # comment (never rewritten while it only differs by the spaces the save strips)
        if self._comment_question_id != question.id:
            self.comment_timer.stop()
            self._comment_pending = False
            self._comment_question_id = question.id
            self._set_comment_text(answer.comment if answer else "")
        elif self.comment_edit.toPlainText().strip() != (answer.comment if answer else ""):
            if not self._comment_pending:
                self._set_comment_text(answer.comment if answer else "")
        self.comment_edit.setReadOnly(self.locked)
        self.follow_up_box.setChecked(bool(answer and answer.needs_follow_up))
        self.follow_up_action.setChecked(self.follow_up_box.isChecked())
        # evidence
        current_row = self.evidence_list.currentRow()
        self.evidence_list.clear()
        for evidence in self.evidence.get(question.id, []):
            # An SBOM or VEX document shows what it says beside the answer it supports.
            short, detail = facts_text(evidence.facts)
            item = QListWidgetItem(f"{evidence.title} · {labels.evidence_kind(evidence.kind)}"
                                   + (f" · {short}" if short else ""))
            item.setData(_EVIDENCE_ID_ROLE, evidence.id)
            item.setToolTip(detail or evidence.url or evidence.file_name)
            self.evidence_list.addItem(item)
        if 0 <= current_row < self.evidence_list.count():
            self.evidence_list.setCurrentRow(current_row)
        self._update_enabled()

    def _set_comment_text(self, text: str) -> None:
        self._loading = True
        try:
            self.comment_edit.setPlainText(text)
        finally:
            self._loading = False

    def _source_text(self, question: Question, answer: Answer | None) -> str:
        if answer is None or (answer.value is None and not answer.comment):
            return self.tr("Not answered yet.")
        parts = [labels_source(self, answer.source)]
        if answer.updated_at is not None:
            parts.append(self.tr("updated %1").replace("%1", answer.updated_at.strftime("%Y-%m-%d %H:%M")))
        if answer.updated_by:
            parts.append(self.tr("by %1").replace("%1", answer.updated_by))
        text = " · ".join(parts)
        if answer.source is AnswerSource.REVIEWER and answer.override_reason:
            text += "\n" + self.tr("Override reason: %1").replace("%1", answer.override_reason)
        if answer.vendor_value is not None and answer.vendor_value != answer.value:
            text += "\n" + self.tr("The vendor answered: %1").replace(
                "%1", answer_values.display(question, answer.vendor_value))
        return text

    def _replace_editor(self, question: Question | None) -> None:
        if self._editor is not None:
            self._editor.flush()
            self._editor.value_edited.disconnect(self._on_editor_value_edited)
            self.editor_layout.removeWidget(self._editor)
            self._editor.hide()
            self._editor.deleteLater()
            self._editor = None
        self._editor_question_id = ""
        if question is None:
            return
        self._editor = create_answer_editor(question, self.editor_host)
        self._editor_question_id = question.id
        self._editor.setAccessibleName(self.tr("Answer to %1").replace("%1", question.id))
        self.editor_layout.addWidget(self._editor)
        self._editor.value_edited.connect(self._on_editor_value_edited)
        self._update_tab_order()

    def _update_tab_order(self) -> None:
        """Tab runs navigator, question, answer options, comment, evidence, then the actions:
        the options come right after the question (a new editor is built per question)."""
        chain: list[QWidget] = [self.navigator, self.question_label]
        if self._editor is not None:
            chain += [w for w in self._editor.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.parentWidget() is not None]
        chain += [self.confirm_button, self.comment_edit, self.evidence_list, self.link_button,
                  self.unlink_button, self.follow_up_box]
        chain += [w for w in self.toolbar.findChildren(QToolButton) if w.defaultAction() is not None
                  or w is self.status_button]
        chain += [self.reopen_button, self.next_assessment_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _update_review(self) -> None:
        assert self.assessment is not None
        flagged = {f.question_id for f in self.score.open_flags} if self.score else set()
        rows = []
        for question in self._visible:
            answer = self.answers.get(question.id)
            value = answer.value if answer else None
            vendor = answer.vendor_value if answer else None
            notes = []
            if answer and answer.source is AnswerSource.REVIEWER and answer.override_reason:
                notes.append(self.tr("Override: %1").replace("%1", answer.override_reason))
            if answer and answer.needs_follow_up:
                notes.append(self.tr("Follow-up"))
            if answer and answer.to_confirm:
                notes.append(self.tr("To confirm (reworded)") if answer.confirm_note else self.tr("To confirm"))
            if answer and answer.comment:
                notes.append(answer.comment)
            rows.append(ReviewRow(
                question.id, question.section_id, question.text,
                answer_values.display(question, vendor) if vendor is not None else "",
                answer_values.display(question, value) if value is not None else "",
                labels_source(self, answer.source) if answer and value is not None else "",
                " · ".join(notes), differs=vendor is not None and vendor != value,
                flagged=question.id in flagged,
                overridden=bool(answer and answer.source is AnswerSource.REVIEWER)))
        self.review_panel.set_state(self.assessment, rows, self.score)
        self.review_panel.set_not_applicable(self._not_applicable_items())

    def _not_applicable_items(self) -> list[NotApplicableAnswer]:
        """The shown questions answered "not applicable", for the review panel (rule 3)."""
        items = []
        for question in self._visible:
            answer = self.answers.get(question.id)
            option = question.option(answer.value) if answer and isinstance(answer.value, str) else None
            if answer is None or option is None or not option.not_applicable:
                continue
            items.append(NotApplicableAnswer(question.id, question.text, option.label, answer.comment,
                                             answer.na_accepted_reason, answer.na_accepted_by,
                                             answer.na_accepted_at))
        return items

    def accept_not_applicable(self, question_ids: list[str], reason: str) -> bool:
        """Accept "not applicable" answers with one reason (one transaction)."""
        return self._service_call(self.tr("Not applicable answers not accepted"),
                                  lambda s: s.assessments.accept_not_applicable(self.assessment_id, question_ids,
                                                                                reason))

    def _update_enabled(self, *_args: object) -> None:
        editable = not self.locked and not self._deleted
        has_question = bool(self.current_question_id) and self._editor is not None
        answer = self.answers.get(self.current_question_id)
        self.follow_up_box.setEnabled(editable and has_question)
        self.follow_up_action.setEnabled(editable and has_question)
        self.link_button.setEnabled(editable and has_question)
        self.link_action.setEnabled(editable and has_question)
        self.unlink_button.setEnabled(editable and self.evidence_list.currentRow() >= 0)
        self.clear_action.setEnabled(editable and answer is not None and answer.value is not None)
        self.confirm_action.setEnabled(editable and answer is not None and answer.to_confirm)
        self.decide_action.setEnabled(editable)
        self.scope_action.setEnabled(editable)
        self.prefill_action.setEnabled(editable)
        current = self.assessment.status if self.assessment is not None else None
        allowed = ALLOWED_TRANSITIONS.get(current, frozenset()) if current is not None else frozenset()
        for status, act in self.status_actions.items():
            act.setEnabled(editable and status in allowed)
        self.status_button.setEnabled(editable and any(a.isEnabled() for a in self.status_actions.values()))
        self.reopen_action.setEnabled(self.locked)
        for act in self.pick_actions:
            act.setEnabled(has_question)

    # == saving helpers ============================================================================

    def _flush_all(self) -> None:
        self.flush_comment()
        if self._editor is not None:
            self._editor.flush()

    def _refuse_locked(self) -> None:
        self.ctx.hub.status_message.emit(
            self.tr("This assessment is decided and locked. Reopen it (with a reason) to change it."), 6000)

    def _service_call(self, failure_title: str, call: Any) -> bool:
        self._flush_all()
        try:
            call(self.ctx.require_services)
        except TrustFrameError as exc:
            messages.warning(self, failure_title, str(exc))
            return False
        return True

    def _set_evidence_link(self, question_id: str, evidence_id: int, linked: bool) -> bool:
        if self.locked:
            self._refuse_locked()
            return False
        evidence_service = self.ctx.require_services.evidence
        try:
            if linked:
                evidence_service.link(self.assessment_id, question_id, evidence_id)
            else:
                evidence_service.unlink(self.assessment_id, question_id, evidence_id)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Evidence link not changed"), str(exc))
            return False
        text = (self.tr("Link evidence to %1") if linked else self.tr("Unlink evidence from %1")).replace(
            "%1", question_id)
        self.ctx.undo_stack.push(EvidenceLinkCommand(self.ctx, self.assessment_id, question_id, evidence_id,
                                                     linked, text))
        return True

    def _first_open_id(self) -> str:
        for section in self.navigator_model.sections():
            for q in section.questions:
                if q.open:
                    return q.id
        return ""

    # == slots =====================================================================================

    def _on_hub_data_changed(self, change: Any) -> None:
        if self._deleted:
            return
        entity = getattr(change, "entity", "")
        mine = getattr(change, "assessment_id", None) == self.assessment_id
        if mine or entity in ("evidence", "vendor", "product", "workspace") or (
                entity == "assessment" and getattr(change, "entity_id", None) == self.assessment_id):
            self.reload()

    def _on_hub_workspace_changed(self) -> None:
        # Another workspace is open: this assessment belongs to the old one.
        self._show_deleted()
        self.banner_label.setText(self.tr("The workspace was closed."))

    def _on_navigator_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        question_id = current.data(NavigatorRole.QUESTION_ID)
        if question_id is None:
            # A domain row: show its first question but leave the cursor on the domain.
            section_row = current.row()
            first = self.navigator_model.index(0, 0, self.navigator_model.index(section_row, 0))
            question_id = first.data(NavigatorRole.QUESTION_ID)
            if question_id is None:
                return
        if question_id != self.current_question_id:
            self._show_question(str(question_id))

    def _on_navigator_activated(self, index: QModelIndex) -> None:
        if index.data(NavigatorRole.QUESTION_ID) and self._editor is not None:
            self._editor.focus_editor()

    def _on_editor_value_edited(self, value: Any) -> None:
        question_id = self._editor_question_id
        if not question_id:
            return
        merge = TEXT_MERGE_ID if isinstance(self._editor, TextEditor) else -1
        self.save_answer(question_id, value=value, merge_id=merge,
                         text=self.tr("Answer %1").replace("%1", question_id))

    def _on_comment_edit_text_changed(self) -> None:
        if self._loading or self.locked:
            return
        self._comment_pending = True
        self.comment_timer.start()

    def _on_follow_up_box_clicked(self, checked: bool) -> None:
        if self.current_question_id:
            self.set_follow_up(self.current_question_id, checked)

    def _on_follow_up_action_triggered(self) -> None:
        if self.current_question_id:
            answer = self.answers.get(self.current_question_id)
            self.set_follow_up(self.current_question_id, not (answer and answer.needs_follow_up))

    def _on_confirm_action_triggered(self) -> None:
        if self.current_question_id and self.confirm_answer(self.current_question_id):
            self.go_next_open()

    def _on_clear_action_triggered(self) -> None:
        if self.current_question_id:
            self.save_answer(self.current_question_id, value=None,
                             text=self.tr("Clear %1").replace("%1", self.current_question_id))

    def _on_comment_action_triggered(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.comment_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_previous_action_triggered(self) -> None:
        self.go_next(-1)

    def _on_next_action_triggered(self) -> None:
        self.go_next(1)

    def _on_next_open_action_triggered(self) -> None:
        self.go_next_open()

    def _on_review_action_triggered(self) -> None:
        self.tabs.setCurrentIndex(1 if self.tabs.currentIndex() == 0 else 0)

    def _on_link_button_clicked(self) -> None:
        if not self.current_question_id or self.assessment is None or self.locked:
            return
        from trustframe.ui.dialogs.evidence_link_dialog import EvidenceLinkDialog

        question = self._question(self.current_question_id)
        linked = {e.id for e in self.evidence.get(self.current_question_id, []) if e.id is not None}
        dialog = EvidenceLinkDialog(self.ctx, self.assessment.vendor_id, linked,
                                    question.evidence if question else (), self.assessment.product_id, self)
        question_id = self.current_question_id
        if prompts.exec_dialog(dialog):
            for evidence_id in dialog.selected_ids():
                if evidence_id not in linked:
                    self.link_evidence(question_id, evidence_id)
        dialog.deleteLater()

    def _on_unlink_button_clicked(self) -> None:
        item = self.evidence_list.currentItem()
        if item is not None and self.current_question_id:
            self.unlink_evidence(self.current_question_id, int(item.data(_EVIDENCE_ID_ROLE)))

    def _on_reopen_button_clicked(self) -> None:
        reason = prompts.ask_reason(self, self.tr("Reopen assessment"),
                                    self.tr("Why is this decided assessment reopened? The reason is kept in the "
                                            "change log."), self.tr("Reopen"))
        if reason:
            self.reopen(reason)

    def _on_next_assessment_button_clicked(self) -> None:
        if self.assessment is None:
            return
        decided = labels.decision(self.assessment.decision) if self.assessment.decision else ""
        when = self.assessment.decision_date.isoformat() if self.assessment.decision_date else ""
        # A new assessment is a lasting record in the register: never started by a stray click.
        if not messages.ask(self, self.tr("Start next assessment"),
                            self.tr("Start the next assessment of %1?").replace("%1", self.title()),
                            self.tr("This one stays decided (%1 on %2) and is shown in the register until the "
                                    "new one is decided. Its answers are copied into the new assessment, "
                                    "marked \"to confirm\".").replace("%1", decided).replace("%2", when)):
            return
        self.start_next_assessment()

    def _on_prefill_action_triggered(self) -> None:
        self.prefill_from_library()

    def prefill_from_library(self) -> int:
        """Pre-fill the vendor's recent answers from its other assessments ("to confirm") after
        asking; returns how many were pre-filled."""
        if self.locked:
            self._refuse_locked()
            return 0
        self._flush_all()
        library = self.ctx.services.answer_library
        offers = library.offers(self.assessment_id)
        months = library.max_age_months()
        if not offers:
            self.ctx.hub.status_message.emit(
                self.tr("No earlier answers of this vendor from the last %1 months to offer.").replace(
                    "%1", str(months)), 5000)
            return 0
        sources = sorted({o.provenance for o in offers.values()})
        if not messages.ask(self, self.tr("Pre-fill from earlier answers"),
                            self.tr("Pre-fill %1 answers from this vendor's other assessments?").replace(
                                "%1", str(len(offers))),
                            self.tr("They arrive marked \"to confirm\" and keep where they came from: %1. "
                                    "Questions already answered are left as they are.").replace(
                                "%1", "; ".join(sources[:4]) + (" …" if len(sources) > 4 else ""))):
            return 0
        count = int(library.prefill(self.assessment_id))
        self.reload()
        self.ctx.hub.status_message.emit(
            self.tr("Pre-filled %1 answers to confirm.").replace("%1", str(count)), 5000)
        return count

    def _on_scope_action_triggered(self) -> None:
        self.edit_scope_and_tier()

    def _on_details_action_triggered(self) -> None:
        from trustframe.ui.dialogs.assessment_details_dialog import edit_details

        self._flush_all()
        edit_details(self.ctx, self.assessment, self)


    def _on_decide_requested(self) -> None:
        if self.locked:
            self._refuse_locked()
            return
        from trustframe.ui.dialogs.decision_dialog import DecisionDialog

        self._flush_all()
        self.refresh_score()
        dialog = DecisionDialog(self.ctx, self.assessment_id, self.score, self)
        prompts.exec_dialog(dialog)
        dialog.deleteLater()

    def _on_review_override_requested(self, question_id: str) -> None:
        question = self._question(question_id)
        if question is None:
            return
        from trustframe.ui.dialogs.override_dialog import OverrideAnswerDialog

        dialog = OverrideAnswerDialog(question, self.answers.get(question_id), self)
        if prompts.exec_dialog(dialog):
            self.override_answer(question_id, dialog.value(), dialog.reason())
        dialog.deleteLater()

    def _on_review_accept_flag_requested(self, flag_id: str) -> None:
        reason = prompts.ask_reason(self, self.tr("Accept red flag"),
                                    self.tr("Why is red flag %1 accepted as mitigated?").replace("%1", flag_id),
                                    self.tr("Accept"))
        if reason:
            self.accept_flag(flag_id, reason)

    def _on_review_accept_na_requested(self, question_ids: list[str]) -> None:
        reason = prompts.ask_reason(self, self.tr("Accept 'not applicable'"),
                                    self.tr("Why do these %n answer(s) not apply? (%1)", "", len(question_ids))
                                    .replace("%1", ", ".join(question_ids)), self.tr("Accept"))
        if reason:
            self.accept_not_applicable(question_ids, reason)

    def _on_review_revoke_flag_requested(self, flag_id: str) -> None:
        self.revoke_flag(flag_id)

    def _on_review_question_activated(self, question_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.go_to_question(question_id)

    def _on_score_panel_flag_activated(self, question_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.go_to_question(question_id)

    def _on_score_timer_timeout(self) -> None:
        if self._deleted or self.ctx.services is None:
            return
        started = time.perf_counter()
        self.score = self.ctx.services.scoring.score_or_none(self.assessment_id)
        elapsed = time.perf_counter() - started
        # Scoring is normally a few milliseconds; if it is not, wait for a pause in the edits.
        self.score_timer.setInterval(_SLOW_SCORE_DELAY_MS if elapsed > _SLOW_SCORE_SECONDS else 0)
        titles = {s.id: s.title for s in self.questionnaire.sections} if self.questionnaire else {}
        self.score_panel.set_result(self.score, titles)
        if self.assessment is not None:
            self._rebuild_navigator()
            self._update_review()
            question = self._question(self.current_question_id)
            if question is not None:
                self._show_page()
        self.score_updated.emit(self.score)


def labels_source(widget: QWidget, source: AnswerSource) -> str:
    """Translated answer source."""
    return labels.answer_source(source)


def _importance_text(widget: QWidget, importance: Importance) -> str:
    # A literal context: lupdate cannot know the class of ``widget``, so widget.tr() strings were
    # filed under a context ("widget") that never matched at run time.
    translate = QCoreApplication.translate
    return {Importance.CRITICAL: translate("AssessmentView", "critical importance"),
            Importance.HIGH: translate("AssessmentView", "high importance"),
            Importance.STANDARD: translate("AssessmentView", "standard importance"),
            Importance.LOW: translate("AssessmentView", "low importance")}[importance]


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")

