"""The assessment screen's widgets, layout, actions and header (as Qt Designer's ``setupUi`` would be).

Split from :mod:`trustframe.ui.views.assessment_view`, which keeps the slots: these functions build
the widgets as attributes of the view. Their strings stay in the view's translation context
("AssessmentView") through ``QCoreApplication.translate``, as generated ``setupUi`` code does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
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

from trustframe.domain.assessment import AssessmentStatus
from trustframe.ui import labels
from trustframe.ui.models.question_navigator import QuestionNavigatorModel
from trustframe.ui.views.buyer_readiness_panel import BuyerReadinessPanel
from trustframe.ui.views.overlays_panel import OverlaysPanel
from trustframe.ui.views.review_view import ReviewPanel
from trustframe.ui.widgets.answer_widgets import TEXT_SAVE_DELAY_MS, AnswerEditor
from trustframe.ui.widgets.question_page import QuestionPage
from trustframe.ui.widgets.score_panel import ScorePanel

if TYPE_CHECKING:
    from trustframe.ui.views.assessment_view import AssessmentView

translate = QCoreApplication.translate


class AssessmentViewWidgets(QWidget):
    """The widgets and actions :func:`setup_ui` builds, declared for the type checker (the
    assessment view derives from this class; nothing here runs)."""

    # header and lock banner
    title_label: QLabel
    subtitle_label: QLabel
    status_chip: QLabel
    toolbar: QToolBar
    banner: QFrame
    banner_label: QLabel
    reopen_button: QPushButton
    next_assessment_button: QPushButton
    # navigator and question page (the page's widgets also under their own names)
    navigator_model: QuestionNavigatorModel
    navigator: QTreeView
    page: QuestionPage
    page_scroll: QScrollArea
    question_label: QLabel
    confirm_frame: QFrame
    confirm_label: QLabel
    confirm_button: QPushButton
    previous_label: QLabel
    editor_host: QWidget
    flag_label: QLabel
    comment_edit: QPlainTextEdit
    evidence_list: QListWidget
    link_button: QPushButton
    unlink_button: QPushButton
    follow_up_box: QCheckBox
    comment_timer: QTimer
    # score, review and the other tabs
    score_panel: ScorePanel
    score_scroll: QScrollArea
    review_panel: ReviewPanel
    buyer_panel: BuyerReadinessPanel
    overlays_panel: OverlaysPanel
    tabs: QTabWidget
    # actions
    previous_action: QAction
    next_action: QAction
    next_open_action: QAction
    confirm_action: QAction
    clear_action: QAction
    follow_up_action: QAction
    link_action: QAction
    comment_action: QAction
    review_action: QAction
    decide_action: QAction
    reopen_action: QAction
    next_assessment_action: QAction
    prefill_action: QAction
    scope_action: QAction
    status_menu: QMenu
    status_actions: dict[AssessmentStatus, QAction]
    status_button: QToolButton
    pick_actions: list[QAction]

    @property
    def _editor(self) -> AnswerEditor | None:
        """The answer editor of the question shown (None when none is)."""
        return self.page.editor


def build_widgets(view: AssessmentView) -> None:
    fm = view.fontMetrics()
    # header
    view.title_label = QLabel()
    view.title_label.setObjectName("PageTitle")
    view.subtitle_label = QLabel()
    view.subtitle_label.setObjectName("PageSubtitle")
    view.subtitle_label.setWordWrap(True)
    view.status_chip = QLabel()
    view.status_chip.setObjectName("StatusChip")
    view.status_chip.setAccessibleName(translate("AssessmentView", "Status"))
    view.status_chip.setToolTip(
        translate(
            "AssessmentView", "Where the assessment is: draft, sent to the vendor, returned, in review or decided"
        )
    )
    view.toolbar = QToolBar()
    view.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    # lock banner
    view.banner = QFrame()
    view.banner.setObjectName("LockBanner")
    view.banner.setStyleSheet(
        "QFrame#LockBanner { background: #fff4e5; border: 1px solid #f0c987; border-radius: 6px; }"
    )
    view.banner_label = QLabel()
    view.banner_label.setWordWrap(True)
    view.banner_label.setAccessibleName(translate("AssessmentView", "Locked"))
    view.reopen_button = QPushButton(translate("AssessmentView", "&Reopen…"))
    view.reopen_button.setToolTip(
        translate("AssessmentView", "Reopen the decided assessment for review (a reason is required and logged)")
    )
    view.next_assessment_button = QPushButton(translate("AssessmentView", "Start &next assessment"))
    view.next_assessment_button.setToolTip(
        translate(
            "AssessmentView",
            'Start the next assessment of this product; this one\'s answers are copied as "to confirm"',
        )
    )
    # navigator
    view.navigator_model = QuestionNavigatorModel(view)
    view.navigator = QTreeView()
    view.navigator.setModel(view.navigator_model)
    view.navigator.setHeaderHidden(True)
    view.navigator.setUniformRowHeights(True)
    view.navigator.setAccessibleName(translate("AssessmentView", "Questions"))
    view.navigator.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.navigator.setIconSize(QSize(fm.height(), fm.height()))
    view.navigator.setMinimumWidth(fm.averageCharWidth() * 30)
    # question page (its widgets under the names tests and shortcuts use)
    view.page = QuestionPage()
    for name in (
        "question_label",
        "confirm_frame",
        "confirm_label",
        "confirm_button",
        "previous_label",
        "editor_host",
        "flag_label",
        "comment_edit",
        "evidence_list",
        "link_button",
        "unlink_button",
        "follow_up_box",
    ):
        setattr(view, name, getattr(view.page, name))
    view.comment_timer = QTimer(view)
    view.comment_timer.setSingleShot(True)
    view.comment_timer.setInterval(TEXT_SAVE_DELAY_MS)
    view.page_scroll = QScrollArea()
    view.page_scroll.setWidgetResizable(True)
    view.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
    view.page_scroll.setAccessibleName(translate("AssessmentView", "Question page"))
    # score and review
    view.score_panel = ScorePanel()
    view.score_scroll = QScrollArea()
    view.score_scroll.setWidgetResizable(True)
    view.score_scroll.setFrameShape(QFrame.Shape.NoFrame)
    view.score_scroll.setAccessibleName(translate("AssessmentView", "Score"))
    # Room for "OPS Vendor operational security  17" on the score panel's bar labels.
    view.score_scroll.setMinimumWidth(fm.averageCharWidth() * 44)
    view.score_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.review_panel = ReviewPanel()
    view.buyer_panel = BuyerReadinessPanel(view.ctx, view.assessment_id)
    view.overlays_panel = OverlaysPanel(view.ctx, view.assessment_id)
    view.tabs = QTabWidget()
    view.tabs.setDocumentMode(True)


def build_layout(view: AssessmentView) -> None:
    header_text = QVBoxLayout()
    header_text.setSpacing(2)
    title_row = QHBoxLayout()
    title_row.setSpacing(view.fontMetrics().averageCharWidth() * 2)
    title_row.addWidget(view.title_label)
    title_row.addWidget(view.status_chip, 0, Qt.AlignmentFlag.AlignVCenter)
    title_row.addStretch(1)
    header_text.addLayout(title_row)
    header_text.addWidget(view.subtitle_label)
    header = QHBoxLayout()
    header.addLayout(header_text, 1)
    banner_layout = QHBoxLayout(view.banner)
    banner_layout.addWidget(view.banner_label, 1)
    banner_layout.addWidget(view.reopen_button)
    banner_layout.addWidget(view.next_assessment_button)
    centre = QWidget()
    centre.setObjectName("ScrollContent")
    centre_layout = QHBoxLayout(centre)
    centre_layout.addWidget(view.page)
    view.page_scroll.setWidget(centre)

    answer_tab = QSplitter(Qt.Orientation.Horizontal)
    answer_tab.addWidget(view.navigator)
    answer_tab.addWidget(view.page_scroll)
    answer_tab.setStretchFactor(0, 2)
    answer_tab.setStretchFactor(1, 5)
    char = view.fontMetrics().averageCharWidth()
    answer_tab.setSizes([char * 44, char * 100])
    answer_tab.setChildrenCollapsible(False)
    # Alt+A and Alt+V open the Assessment and View menus: the tabs use other letters.
    view.tabs.addTab(answer_tab, translate("AssessmentView", "Ans&wer"))
    view.tabs.addTab(view.review_panel, translate("AssessmentView", "Rev&iew"))
    view.tabs.addTab(view.buyer_panel, translate("AssessmentView", "&Buyer readiness"))
    view.tabs.addTab(view.overlays_panel, translate("AssessmentView", "Overla&ys"))
    score_host = QWidget()
    score_host.setObjectName("ScrollContent")
    score_layout = QVBoxLayout(score_host)
    score_layout.setContentsMargins(0, 0, 0, 0)
    score_layout.addWidget(view.score_panel)
    view.score_scroll.setWidget(score_host)
    main = QSplitter(Qt.Orientation.Horizontal)
    main.addWidget(view.tabs)
    main.addWidget(view.score_scroll)
    main.setStretchFactor(0, 4)
    main.setStretchFactor(1, 1)
    main.setChildrenCollapsible(False)

    layout = QVBoxLayout(view)
    layout.addLayout(header)
    layout.addWidget(view.toolbar)
    layout.addWidget(view.banner)
    layout.addWidget(main, 1)


def build_actions(view: AssessmentView) -> None:
    """Keyboard-first actions; the shortcuts work anywhere inside the view and are shown in
    the tool tips. Digits typed into text fields stay text (Qt gives the field priority)."""

    def action(
        text: str, shortcuts: list[str], tip: str, slot: Any, toolbar: bool = True, checkable: bool = False
    ) -> QAction:
        act = QAction(text, view)
        act.setShortcuts([QKeySequence(s) for s in shortcuts])
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        act.setToolTip(f"{tip} ({keys})" if keys else tip)
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        view.addAction(act)
        if toolbar:
            view.toolbar.addAction(act)
        return act

    view.previous_action = action(
        translate("AssessmentView", "◀ Previous"),
        ["Alt+Left", "Alt+Up"],
        translate("AssessmentView", "Previous question"),
        lambda: view.go_next(-1),
    )
    view.next_action = action(
        translate("AssessmentView", "Next ▶"),
        ["Alt+Right", "Alt+Down"],
        translate("AssessmentView", "Next question"),
        lambda: view.go_next(1),
    )
    view.next_open_action = action(
        translate("AssessmentView", "Next open"),
        ["Ctrl+Return", "Ctrl+Enter", "F8"],
        translate("AssessmentView", "Next unanswered or unconfirmed question"),
        lambda: view.go_next_open(),
    )
    view.toolbar.addSeparator()
    view.confirm_action = action(
        translate("AssessmentView", "Confirm"),
        ["Ctrl+K"],
        translate("AssessmentView", "Confirm the answer copied from last time and go on"),
        view._on_confirm_action_triggered,
    )
    view.clear_action = action(
        translate("AssessmentView", "Clear answer"),
        ["Ctrl+Delete"],
        translate("AssessmentView", "Clear the answer"),
        view._on_clear_action_triggered,
    )
    view.follow_up_action = action(
        translate("AssessmentView", "Follow-up"),
        ["Ctrl+Shift+F"],
        translate("AssessmentView", "Mark or unmark the answer for follow-up"),
        view._on_follow_up_action_triggered,
        checkable=True,
    )
    view.link_action = action(
        translate("AssessmentView", "Link evidence…"),
        ["Ctrl+Shift+E"],
        translate("AssessmentView", "Link evidence to the answer"),
        view._on_link_button_clicked,
        toolbar=False,
    )
    # Not Ctrl+Shift+C: that is the window's Compare, and two actions on one key in one window
    # make Qt do nothing at all ("ambiguous shortcut") while the officer types on.
    view.comment_action = action(
        translate("AssessmentView", "Comment"),
        ["Ctrl+Shift+M"],
        translate("AssessmentView", "Write a comment"),
        lambda: focus_comment(view),
        toolbar=False,
    )
    view.toolbar.addSeparator()
    view.review_action = action(
        translate("AssessmentView", "Review"),
        ["Ctrl+Shift+R"],
        translate("AssessmentView", "Switch between answering and review"),
        lambda: view.tabs.setCurrentIndex(1 if view.tabs.currentIndex() == 0 else 0),
    )
    view.decide_action = action(
        translate("AssessmentView", "Record decision…"),
        ["Ctrl+Shift+D"],
        translate("AssessmentView", "Record the decision"),
        view._on_decide_requested,
    )
    view.reopen_action = action(
        translate("AssessmentView", "Reopen…"),
        [],
        translate("AssessmentView", "Reopen the decided assessment"),
        view._on_reopen_button_clicked,
        toolbar=False,
    )
    view.next_assessment_action = action(
        translate("AssessmentView", "Start next assessment"),
        [],
        translate("AssessmentView", "Start the next assessment of this product"),
        view._on_next_assessment_button_clicked,
    )
    view.prefill_action = action(
        translate("AssessmentView", "Pre-fill from earlier answers…"),
        [],
        translate(
            "AssessmentView", 'Offer the answers this vendor gave in its other recent assessments, marked "to confirm"'
        ),
        lambda: view.prefill_from_library(),
    )
    view.toolbar.addSeparator()
    view.scope_action = action(
        translate("AssessmentView", "Scope and tier…"),
        [],
        translate(
            "AssessmentView",
            "Change the inherent-risk tier (criticality profile or override) and the questions in scope",
        ),
        lambda: view.edit_scope_and_tier(),
    )
    # Status moves the officer makes by hand; "Decided" only comes from recording a decision.
    view.status_menu = QMenu(translate("AssessmentView", "Status"), view)
    view.status_actions = {}
    for status, text, tip in (
        (
            AssessmentStatus.SENT,
            translate("AssessmentView", "Mark sent to vendor"),
            translate("AssessmentView", "The questionnaire went to the vendor"),
        ),
        (
            AssessmentStatus.RETURNED,
            translate("AssessmentView", "Mark returned"),
            translate("AssessmentView", "The vendor returned the questionnaire"),
        ),
        (
            AssessmentStatus.IN_REVIEW,
            translate("AssessmentView", "Mark in review"),
            translate("AssessmentView", "The answers are being reviewed"),
        ),
        (
            AssessmentStatus.DRAFT,
            translate("AssessmentView", "Back to draft"),
            translate("AssessmentView", "The questionnaire is being prepared again"),
        ),
    ):
        act = view.status_menu.addAction(text)
        act.setToolTip(tip)
        act.triggered.connect(lambda _checked=False, st=status: view.set_status(st))
        view.status_actions[status] = act
    view.status_button = QToolButton()
    view.status_button.setText(translate("AssessmentView", "Status"))
    view.status_button.setAccessibleName(translate("AssessmentView", "Change status"))
    view.status_button.setToolTip(
        translate("AssessmentView", "Mark the assessment sent to the vendor, returned or in review")
    )
    view.status_button.setMenu(view.status_menu)
    view.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    view.toolbar.addWidget(view.status_button)
    # Toolbar buttons take no focus by default in Qt: keyboard users could not reach them.
    for button in view.toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None or button is view.status_button:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    view.pick_actions = []
    for number in range(1, 10):
        act = action(
            translate("AssessmentView", "Choose option %1").replace("%1", str(number)),
            [str(number)],
            translate("AssessmentView", "Choose option %1").replace("%1", str(number)),
            lambda _checked=False, n=number: view.pick_option(n),
            toolbar=False,
        )
        # The number keys belong to the answer area only: from the navigator, the comment box
        # or the toolbar a digit must never change an answer the officer is not looking at.
        view.removeAction(act)
        view.editor_host.addAction(act)
        view.pick_actions.append(act)
    view.confirm_button.setToolTip(view.confirm_action.toolTip())


def show_header(view: AssessmentView) -> None:
    a = view.assessment
    q = view.questionnaire
    assert a is not None and q is not None
    view.title_label.setText(view.title())
    view.status_chip.setText(labels.status(a.status))
    view.status_chip.setProperty("status", a.status.value)
    # A dynamic property drives the chip's colour in the stylesheet: re-polish to apply it.
    view.status_chip.style().unpolish(view.status_chip)
    view.status_chip.style().polish(view.status_chip)
    parts = [f"{q.title} {q.version}", labels.tier(a.effective_tier)]
    if a.tier_override is not None:
        parts[1] += " " + translate("AssessmentView", "(overridden)")
    if a.product_category is not None:
        parts.insert(1, labels.category(a.product_category))
    if a.previous_assessment_id is not None:
        parts.append(translate("AssessmentView", "reassessment"))
    view.subtitle_label.setText(" · ".join(parts))
    locked = a.locked
    view.banner.setVisible(locked)
    view.reopen_button.setVisible(locked)
    view.next_assessment_button.setVisible(locked)
    if locked:
        when = a.decision_date.isoformat() if a.decision_date else ""
        view.banner_label.setText(
            translate(
                "AssessmentView",
                "Decided: %1 by %2 on %3. This assessment is locked; reopen it with a reason to change anything.",
            )
            .replace("%1", labels.decision(a.decision))
            .replace("%2", a.decision_by or "?")
            .replace("%3", when)
        )


def setup_ui(view: AssessmentView) -> None:
    """Build the view's widgets, layout and actions (the slots are the view's)."""
    build_widgets(view)
    build_layout(view)
    build_actions(view)


def focus_comment(view: AssessmentView) -> None:
    """The comment shortcut: the Answer tab, the cursor in the comment box."""
    view.tabs.setCurrentIndex(0)
    view.comment_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)


def update_tab_order(view: AssessmentView) -> None:
    """Tab runs navigator, question, answer options, comment, evidence, then the actions:
    the options come right after the question (a new editor is built per question)."""
    chain: list[QWidget] = [view.navigator, view.question_label]
    if view._editor is not None:
        chain += [
            w
            for w in view._editor.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.parentWidget() is not None
        ]
    chain += [
        view.confirm_button,
        view.comment_edit,
        view.evidence_list,
        view.link_button,
        view.unlink_button,
        view.follow_up_box,
    ]
    chain += [
        w for w in view.toolbar.findChildren(QToolButton) if w.defaultAction() is not None or w is view.status_button
    ]
    chain += [view.reopen_button, view.next_assessment_button]
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)


def show_deleted(view: AssessmentView, text: str) -> None:
    """Show that the assessment is gone (``text`` says why); nothing can be changed any more."""
    view.banner.setVisible(True)
    view.banner_label.setText(text)
    view.reopen_button.setVisible(False)
    view.next_assessment_button.setVisible(False)
    view.tabs.setEnabled(False)
    for act in view.actions():
        act.setEnabled(False)
    view.status_button.setEnabled(False)
