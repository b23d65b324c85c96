"""The review mode of an assessment: vendor answers against the officer's verification,
reviewer overrides, red-flag acceptance, conditions and the decision.

The panel only shows state and asks for actions through signals; the hosting
:class:`~trustframe.ui.views.assessment_view.AssessmentView` performs them (one place for
saving, undo and error handling).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.assessment import Assessment
from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import RaisedFlag, ScoreResult
from trustframe.services.assessments import NotApplicableAnswer
from trustframe.ui import labels
from trustframe.ui.items import top_level_items
from trustframe.ui.models.review_model import QUESTION_ID_ROLE, ReviewRow, ReviewTableModel
from trustframe.ui.widgets import colors

_FLAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_FLAG_ACCEPTED_ROLE = Qt.ItemDataRole.UserRole + 2
_FLAG_QUESTION_ROLE = Qt.ItemDataRole.UserRole + 3
_NA_ROLE = Qt.ItemDataRole.UserRole + 4
_NA_ACCEPTABLE_ROLE = Qt.ItemDataRole.UserRole + 5


class ReviewPanel(QWidget):
    """Review tab content."""

    #: Override the answer of a question (question id).
    override_requested = Signal(str)
    #: Accept a red flag as mitigated (flag id).
    accept_flag_requested = Signal(str)
    #: Withdraw a flag acceptance (flag id).
    revoke_flag_requested = Signal(str)
    #: Record the decision.
    decision_requested = Signal()
    #: Show this question in the answer tab.
    question_activated = Signal(str)
    #: Accept the selected "not applicable" answers with one reason (list of question ids).
    accept_na_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locked = False
        # build widgets
        self.answers_model = ReviewTableModel(self)
        self.answers_table = QTableView()
        self.answers_table.setModel(self.answers_model)
        self.answers_table.setAccessibleName(self.tr("Answers to review"))
        self.answers_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.answers_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.answers_table.setWordWrap(False)
        self.answers_table.setAlternatingRowColors(True)
        self.answers_table.verticalHeader().setVisible(False)
        header = self.answers_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().averageCharWidth() * 22)
        self.override_button = QPushButton(self.tr("&Override answer…"))
        self.override_button.setToolTip(self.tr("Replace the selected answer with the verified one, "
                                                "giving a reason (recorded as a reviewer override)"))
        self.goto_button = QPushButton(self.tr("&Go to question"))
        self.flags_tree = QTreeWidget()
        self.flags_tree.setAccessibleName(self.tr("Red flags"))
        self.flags_tree.setRootIsDecorated(False)
        self.flags_tree.setHeaderLabels([self.tr("Severity"), self.tr("Question"), self.tr("Red flag"),
                                         self.tr("Status")])
        self.flags_tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.accept_button = QPushButton(self.tr("&Accept as mitigated…"))
        self.revoke_button = QPushButton(self.tr("Re&voke acceptance"))
        # Rule 3 of docs/scoring.md: N/A answers count only once accepted; unaccepted ones are gaps.
        self.na_tree = QTreeWidget()
        self.na_tree.setAccessibleName(self.tr("Not applicable answers"))
        self.na_tree.setRootIsDecorated(False)
        self.na_tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.na_tree.setHeaderLabels([self.tr("Question"), self.tr("Reason given"), self.tr("Status")])
        self.na_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.accept_na_button = QPushButton(self.tr("Accept &N/A…"))
        self.accept_na_button.setToolTip(self.tr("Accept the selected 'not applicable' answers, with one reason "
                                                 "for all; until accepted they count as gaps"))
        self.conditions_list = QListWidget()
        self.conditions_list.setAccessibleName(self.tr("Conditions"))
        self.conditions_list.setWordWrap(True)
        self.conditions_list.setSpacing(max(2, self.fontMetrics().height() // 5))
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        self.decide_button = QPushButton(self.tr("Record &decision…"))
        self.decide_button.setObjectName("PrimaryButton")
        # build layout
        answers_box = QWidget()
        answers_layout = QVBoxLayout(answers_box)
        answers_layout.setContentsMargins(0, 0, 0, 0)
        answers_layout.addWidget(_heading(self.tr("Answers: vendor against verification")))
        answers_layout.addWidget(self.answers_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.override_button)
        row.addWidget(self.goto_button)
        row.addStretch(1)
        answers_layout.addLayout(row)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        flags_col = QVBoxLayout()
        flags_col.addWidget(_heading(self.tr("Red flags")))
        flags_col.addWidget(self.flags_tree, 1)
        flag_buttons = QHBoxLayout()
        flag_buttons.addWidget(self.accept_button)
        flag_buttons.addWidget(self.revoke_button)
        flag_buttons.addStretch(1)
        flags_col.addLayout(flag_buttons)
        flags_col.addWidget(_heading(self.tr("Not applicable answers")))
        flags_col.addWidget(self.na_tree, 1)
        na_buttons = QHBoxLayout()
        na_buttons.addWidget(self.accept_na_button)
        na_buttons.addStretch(1)
        flags_col.addLayout(na_buttons)
        decision_col = QVBoxLayout()
        decision_col.addWidget(_heading(self.tr("Conditions to require")))
        decision_col.addWidget(self.conditions_list, 1)
        decision_col.addWidget(_heading(self.tr("Decision")))
        decision_col.addWidget(self.decision_label)
        decision_col.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignLeft)
        lower_layout.addLayout(flags_col, 3)
        lower_layout.addLayout(decision_col, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(answers_box)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # connect signals
        self.override_button.clicked.connect(self._on_override_button_clicked)
        self.goto_button.clicked.connect(self._on_goto_button_clicked)
        self.answers_table.doubleClicked.connect(self._on_answers_table_double_clicked)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        self.decide_button.clicked.connect(self.decision_requested)
        self.flags_tree.currentItemChanged.connect(self._update_buttons)
        self.na_tree.itemSelectionChanged.connect(self._update_buttons)
        self.accept_na_button.clicked.connect(self._on_accept_na_button_clicked)
        self.answers_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- state ---------------------------------------------------------------------------------

    def set_state(self, assessment: Assessment, rows: list[ReviewRow], score: ScoreResult | None) -> None:
        """Show the review state of an assessment."""
        self._locked = assessment.locked
        current = self.selected_question_id()
        self.answers_model.set_rows(rows)
        if current:
            row = self.answers_model.row_of(current)
            if row >= 0:
                self.answers_table.selectRow(row)
        self._show_flags(score.flags if score else ())
        self.conditions_list.clear()
        for condition in (score.conditions if score else ()):
            self.conditions_list.addItem(condition)
        if score is None:
            self.conditions_list.addItem(self.tr("(score not available)"))
        elif not score.conditions:
            self.conditions_list.addItem(self.tr("No conditions suggested."))
        if assessment.decision is not None:
            text = self.tr("%1 by %2 on %3.").replace("%1", labels.decision(assessment.decision)).replace(
                "%2", assessment.decision_by or "?").replace(
                "%3", assessment.decision_date.isoformat() if assessment.decision_date else "?")
            if assessment.decision_justification:
                text += "\n" + self.tr("Justification: %1").replace("%1", assessment.decision_justification)
            if assessment.decision_notes:
                text += "\n" + assessment.decision_notes
        else:
            text = self.tr("Not decided yet. Status: %1.").replace("%1", labels.status(assessment.status))
            if score is not None:
                text += "\n" + self.tr("Recommendation: %1 (%2).").replace(
                    "%1", labels.recommendation(score.recommendation)).replace("%2", labels.rating(score.rating))
        self.decision_label.setText(text)
        self._update_buttons()

    def set_not_applicable(self, items: list[NotApplicableAnswer]) -> None:
        """Show the assessment's "not applicable" answers: accepted, awaiting acceptance (a gap),
        or without a written reason (a gap that cannot be accepted yet)."""
        selected = set(self.selected_na())
        self.na_tree.clear()
        for na in items:
            if na.accepted:
                status = self.tr("Accepted: %1").replace("%1", na.accepted_reason)
            elif na.has_reason:
                status = self.tr("Gap: not accepted yet")
            else:
                status = self.tr("Gap: no reason given")
            item = QTreeWidgetItem([na.question_id, na.comment or self.tr("(none)"), status])
            item.setData(0, _NA_ROLE, na.question_id)
            item.setData(0, _NA_ACCEPTABLE_ROLE, not na.accepted and na.has_reason)
            item.setToolTip(0, na.question_text)
            if not na.accepted:
                item.setForeground(2, QBrush(QColor(colors.severity_color(Severity.HIGH))))
            self.na_tree.addTopLevelItem(item)
            item.setSelected(na.question_id in selected)
        self._update_buttons()

    def selected_na(self) -> list[str]:
        """The question ids of the selected N/A answers that can be accepted."""
        return [str(item.data(0, _NA_ROLE)) for item in self.na_tree.selectedItems()
                if item.data(0, _NA_ACCEPTABLE_ROLE)]

    def selected_question_id(self) -> str:
        """The question selected in the answers table ("" when none)."""
        index = self.answers_table.currentIndex()
        return str(index.data(QUESTION_ID_ROLE) or "") if index.isValid() else ""

    def select_question(self, question_id: str) -> None:
        """Select a question's row."""
        row = self.answers_model.row_of(question_id)
        if row >= 0:
            self.answers_table.selectRow(row)

    def selected_flag(self) -> tuple[str, bool] | None:
        """(flag id, accepted) of the selected red flag."""
        item = self.flags_tree.currentItem()
        if item is None or not item.data(0, _FLAG_ID_ROLE):
            return None
        return str(item.data(0, _FLAG_ID_ROLE)), bool(item.data(0, _FLAG_ACCEPTED_ROLE))

    def select_flag(self, flag_id: str) -> None:
        """Select a red flag row."""
        for item in top_level_items(self.flags_tree):
            if item.data(0, _FLAG_ID_ROLE) == flag_id:
                self.flags_tree.setCurrentItem(item)
                return

    # -- helpers -------------------------------------------------------------------------------

    def _show_flags(self, flags: tuple[RaisedFlag, ...]) -> None:
        selected = self.selected_flag()
        self.flags_tree.clear()
        for flag in sorted(flags, key=lambda f: (f.accepted, f.severity.rank, f.question_id)):
            status = self.tr("Accepted: %1").replace("%1", flag.accepted_reason) if flag.accepted else self.tr("Open")
            item = QTreeWidgetItem([labels.severity(flag.severity), flag.question_id, flag.title, status])
            item.setData(0, _FLAG_ID_ROLE, flag.flag_id)
            item.setData(0, _FLAG_ACCEPTED_ROLE, flag.accepted)
            item.setData(0, _FLAG_QUESTION_ROLE, flag.question_id)
            color = QColor(colors.NEUTRAL) if flag.accepted else colors.severity_color(flag.severity)
            item.setForeground(0, QBrush(color))
            mitigation = self.tr("Mitigation")
            item.setToolTip(2, f"{flag.rationale}\n\n{mitigation}: {flag.mitigation}")
            self.flags_tree.addTopLevelItem(item)
        if selected:
            self.select_flag(selected[0])

    def _update_buttons(self, *_args: object) -> None:
        editable = not self._locked
        self.override_button.setEnabled(editable and bool(self.selected_question_id()))
        self.goto_button.setEnabled(bool(self.selected_question_id()))
        flag = self.selected_flag()
        self.accept_button.setEnabled(editable and flag is not None and not flag[1])
        self.revoke_button.setEnabled(editable and flag is not None and flag[1])
        self.decide_button.setEnabled(editable)
        self.accept_na_button.setEnabled(editable and bool(self.selected_na()))

    def _on_accept_na_button_clicked(self) -> None:
        ids = self.selected_na()
        if ids:
            self.accept_na_requested.emit(ids)

    def _on_override_button_clicked(self) -> None:
        if self.selected_question_id():
            self.override_requested.emit(self.selected_question_id())

    def _on_goto_button_clicked(self) -> None:
        if self.selected_question_id():
            self.question_activated.emit(self.selected_question_id())

    def _on_answers_table_double_clicked(self, index: QModelIndex) -> None:
        question_id = index.data(QUESTION_ID_ROLE)
        if question_id:
            self.question_activated.emit(str(question_id))

    def _on_accept_button_clicked(self) -> None:
        flag = self.selected_flag()
        if flag is not None and not flag[1]:
            self.accept_flag_requested.emit(flag[0])

    def _on_revoke_button_clicked(self) -> None:
        flag = self.selected_flag()
        if flag is not None and flag[1]:
            self.revoke_flag_requested.emit(flag[0])


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionTitle")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
