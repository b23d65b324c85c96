"""The question page of the assessment screen: the question, its help and guidance, the answer
editor, markers, comment and linked evidence.

It only shows a :class:`~trustframe.ui.controllers.question_page.QuestionShown` (what to show is
decided without Qt in the page state); saving is the assessment view's and controller's work.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import Answer, AnswerSource
from trustframe.domain.questionnaire import Importance, Question
from trustframe.ui import labels
from trustframe.ui.controllers.question_page import QuestionShown
from trustframe.ui.evidence_facts import facts_text
from trustframe.ui.widgets import colors
from trustframe.ui.widgets.answer_widgets import AnswerEditor, create_answer_editor

_EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class QuestionPage(QWidget):
    """The page for one question (or the empty state when none is in scope)."""

    #: The answer editor changed the value (the new value).
    value_edited = Signal(object)
    #: A new editor was built (its widgets join the tab order).
    editor_replaced = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScrollContent")
        self.editor: AnswerEditor | None = None
        self.editor_question_id = ""
        #: True while the comment box is filled by the program (not typed).
        self.setting_comment = False
        self._build_widgets()
        self._build_layout()

    def _build_widgets(self) -> None:
        fm = self.fontMetrics()
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
        self.empty_label = QLabel(self.tr("No questions are in scope."))
        self.empty_label.setObjectName("EmptyState")

    def _build_layout(self) -> None:
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

        page_layout = QVBoxLayout(self)
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
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * 100)

    # == showing ===================================================================================

    def show_question(self, shown: QuestionShown | None, comment: str | None) -> None:
        """Show ``shown`` (None: the empty state); ``comment`` replaces the comment box's text
        unless None (the officer may be typing)."""
        has_question = shown is not None
        for widget in (self.meta_label, self.question_label, self.answer_heading, self.editor_host,
                       self.source_label, self.comment_heading, self.comment_edit, self.evidence_heading,
                       self.evidence_list, self.link_button, self.unlink_button, self.follow_up_box):
            widget.setVisible(has_question)
        self.empty_label.setVisible(not has_question)
        if shown is None:
            for widget in (self.confirm_frame, self.previous_label, self.help_label, self.guidance_frame,
                           self.flag_label):
                widget.setVisible(False)
            self.replace_editor(None)
            return
        question, answer = shown.question, shown.answer
        meta = [question.id, shown.section_title,
                self.tr("%1 of %2").replace("%1", str(shown.position)).replace("%2", str(shown.total)),
                importance_text(question.importance)]
        if not question.required:
            meta.append(self.tr("optional"))
        self.meta_label.setText(" · ".join(meta))
        self.question_label.setText(question.text)
        # help and guidance
        self.help_label.setText(self.tr("<b>For the vendor:</b> %1").replace("%1", html(question.help)))
        self.help_label.setVisible(bool(question.help))
        guidance = question.guidance
        rows = [(self.tr("Why it matters"), guidance.why), (self.tr("Good evidence"), guidance.good_evidence),
                (self.tr("Weak answer"), guidance.weak_answer)]
        if question.evidence:
            rows.append((self.tr("Evidence to ask for"),
                         ", ".join(labels.evidence_kind(k) for k in question.evidence)))
        text = "".join(f"<p style='margin:0 0 4px 0'><b>{html(t)}:</b> {html(v)}</p>" for t, v in rows if v)
        self.guidance_label.setText(text)
        self.guidance_frame.setVisible(bool(text))
        # editor
        if self.editor_question_id != question.id or self.editor is None:
            self.replace_editor(question)
        assert self.editor is not None
        self.editor.set_value(shown.value)
        self.editor.set_read_only(shown.locked)
        # markers
        self.confirm_frame.setVisible(shown.show_confirm)
        if shown.confirm_note:
            # Carried onto a newer bank version whose wording changed: say so, and what changed.
            self.confirm_label.setText(self.tr("The question was reworded since this answer was given (%1). "
                                               "Confirm the answer if it still holds, or change it.")
                                       .replace("%1", shown.confirm_note))
        else:
            self.confirm_label.setText(self.tr("Copied from the previous assessment. Confirm it if it still holds, "
                                               "or change it."))
        self._show_previous(shown)
        flags = shown.flags
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
        if comment is not None:
            self.set_comment_text(comment)
        self.comment_edit.setReadOnly(shown.locked)
        self.follow_up_box.setChecked(shown.needs_follow_up)
        self._show_evidence(shown)

    def _show_previous(self, shown: QuestionShown) -> None:
        if not shown.has_previous:
            self.previous_label.setVisible(False)
            return
        before = shown.previous_text if shown.previous_text is not None else self.tr("(not answered)")
        text = self.tr("Last time: %1").replace("%1", before)
        if shown.changed_since_last:
            text = "<b>" + self.tr("Changed since last time.") + "</b> " + html(text)
            self.previous_label.setStyleSheet(f"color: {colors.TO_CONFIRM};")
        else:
            text = html(text)
            self.previous_label.setStyleSheet("")
        self.previous_label.setText(text)
        self.previous_label.setVisible(True)

    def _show_evidence(self, shown: QuestionShown) -> None:
        current_row = self.evidence_list.currentRow()
        self.evidence_list.clear()
        for evidence in shown.evidence:
            # An SBOM or VEX document shows what it says beside the answer it supports.
            short, detail = facts_text(evidence.facts)
            item = QListWidgetItem(f"{evidence.title} · {labels.evidence_kind(evidence.kind)}"
                                   + (f" · {short}" if short else ""))
            item.setData(_EVIDENCE_ID_ROLE, evidence.id)
            item.setToolTip(detail or evidence.url or evidence.file_name)
            self.evidence_list.addItem(item)
        if 0 <= current_row < self.evidence_list.count():
            self.evidence_list.setCurrentRow(current_row)

    def selected_evidence_id(self) -> int | None:
        """The evidence selected in the list (None when none is)."""
        item = self.evidence_list.currentItem()
        return int(item.data(_EVIDENCE_ID_ROLE)) if item is not None else None

    def set_comment_text(self, text: str) -> None:
        """Fill the comment box (not counted as typing)."""
        self.setting_comment = True
        try:
            self.comment_edit.setPlainText(text)
        finally:
            self.setting_comment = False

    def _source_text(self, question: Question, answer: Answer | None) -> str:
        if answer is None or (answer.value is None and not answer.comment):
            return self.tr("Not answered yet.")
        parts = [labels.answer_source(answer.source)]
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

    def replace_editor(self, question: Question | None) -> None:
        """Build the answer editor for ``question`` (None: no editor)."""
        if self.editor is not None:
            self.editor.flush()
            self.editor.value_edited.disconnect(self.value_edited)
            self.editor_layout.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
            self.editor = None
        self.editor_question_id = ""
        if question is None:
            return
        self.editor = create_answer_editor(question, self.editor_host)
        self.editor_question_id = question.id
        self.editor.setAccessibleName(self.tr("Answer to %1").replace("%1", question.id))
        self.editor_layout.addWidget(self.editor)
        self.editor.value_edited.connect(self.value_edited)
        self.editor_replaced.emit()


def importance_text(importance: Importance) -> str:
    """Translated importance of a question."""
    # A literal context: lupdate cannot know the class of a widget passed in, so widget.tr()
    # strings were filed under a context that never matched at run time.
    translate = QCoreApplication.translate
    return {Importance.CRITICAL: translate("AssessmentView", "critical importance"),
            Importance.HIGH: translate("AssessmentView", "high importance"),
            Importance.STANDARD: translate("AssessmentView", "standard importance"),
            Importance.LOW: translate("AssessmentView", "low importance")}[importance]


def html(text: str) -> str:
    """``text`` escaped for a rich-text label (new lines become breaks)."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")

