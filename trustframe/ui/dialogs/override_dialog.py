"""Reviewer override: replace an answer with the verified one, with a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import Answer
from trustframe.domain.questionnaire import Question
from trustframe.ui.widgets.answer_widgets import create_answer_editor


class OverrideAnswerDialog(QDialog):
    """Shows the question, the vendor's and current answers; asks for the new value and why."""

    def __init__(self, question: Question, answer: Answer | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setWindowTitle(self.tr("Override answer %1").replace("%1", question.id))
        # build widgets
        self._text = QLabel(question.text)
        self._text.setWordWrap(True)
        font = self._text.font()
        font.setBold(True)
        self._text.setFont(font)
        vendor = (answer_values.display(question, answer.vendor_value)
                  if answer and answer.vendor_value is not None else "")
        current = answer_values.display(question, answer.value) if answer else ""
        self._vendor = QLabel(vendor or self.tr("(no vendor answer)"))
        self._vendor.setWordWrap(True)
        self._current = QLabel(current or self.tr("(unanswered)"))
        self._current.setWordWrap(True)
        self.editor = create_answer_editor(question)
        self.editor.set_value(answer.value if answer else None)
        self._reason = QPlainTextEdit()
        self._reason.setTabChangesFocus(True)
        self._reason.setAccessibleName(self.tr("Reason for the override"))
        self._reason.setMaximumHeight(self.fontMetrics().height() * 5)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Override"))
        # build layout
        form = QFormLayout()
        form.addRow(self.tr("Vendor said:"), self._vendor)
        form.addRow(self.tr("Current answer:"), self._current)
        form.addRow(self.tr("Verified answer:"), self.editor)
        form.addRow(self.tr("&Reason:"), self._reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self._text)
        layout.addLayout(form)
        layout.addWidget(self._buttons)
        # connect signals
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._reason.textChanged.connect(self._update_ok)
        self.editor.value_edited.connect(self._update_ok)
        self._update_ok()
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def value(self) -> Any:
        """The verified value chosen."""
        self.editor.flush()
        return self.editor.value()

    def reason(self) -> str:
        """Why the answer is overridden."""
        return self._reason.toPlainText().strip()

    def set_reason(self, text: str) -> None:
        """Fill in the reason."""
        self._reason.setPlainText(text)

    def _update_ok(self, *_args: object) -> None:
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))
