"""The "Buyer readiness" tab of an assessment: the buyer's own answers to the buyer and operator
module, with their separate score. Nothing here is sent to the vendor or changes its rating."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from trustframe.domain.assessment import Answer
from trustframe.domain.questionnaire import Question
from trustframe.errors import TrustFrameError
from trustframe.services.buyer_readiness import BuyerReadiness
from trustframe.ui import messages
from trustframe.ui.context import UiContext
from trustframe.ui.undo import AnswerCommand


class BuyerReadinessPanel(QWidget):
    """One combo box per applicable module question; each change is saved at once and re-scored."""

    # Emitted with the question id after an answer was saved.
    answered = Signal(str)

    def __init__(self, ctx: UiContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.combos: dict[str, QComboBox] = {}
        self.readiness: BuyerReadiness | None = None
        self._filling = False
        self.setAccessibleName(self.tr("Buyer readiness"))
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label = QLabel(self.tr(
            "Your organisation's own duties for this purchase. Scored on their own: they do not change "
            "the vendor's rating and are never sent to the vendor."))
        self.note_label.setWordWrap(True)
        self.form_host = QWidget()
        self.form_host.setObjectName("ScrollContent")
        self.form = QFormLayout(self.form_host)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        layout.addWidget(scroll, 1)

    def reload(self, locked: bool = False) -> None:
        """Re-read questions, answers and score; ``locked`` (a decided assessment) makes it read-only."""
        services = self.ctx.services
        if services is None:
            return
        try:
            questions = services.buyer.questions(self.assessment_id)
            answers = services.buyer.answers(self.assessment_id)
            self.readiness = services.buyer.score(self.assessment_id)
        except TrustFrameError as exc:
            self.summary_label.setText(self.tr("Buyer readiness is not available: %1").replace("%1", str(exc)))
            return
        if [q.id for q in questions] != list(self.combos):
            self._rebuild(questions)
        self._filling = True
        try:
            for q in questions:
                combo = self.combos[q.id]
                answer: Answer | None = answers.get(q.id)
                value = answer.value if answer is not None else None
                index = combo.findData(value) if value is not None else 0
                combo.setCurrentIndex(max(index, 0))
                combo.setEnabled(not locked)
        finally:
            self._filling = False
        self._show_summary()

    def _rebuild(self, questions: list[Question]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        for q in questions:
            label = QLabel(f"{q.id}  {q.text}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip(q.help)
            combo = QComboBox()
            combo.setAccessibleName(q.id)
            combo.setAccessibleDescription(q.text)
            combo.addItem(self.tr("Not answered"), None)
            for option in q.options:
                combo.addItem(option.label, option.id)
            combo.currentIndexChanged.connect(lambda _i, qid=q.id: self._on_changed(qid))
            label.setBuddy(combo)
            self.form.addRow(label, combo)
            self.combos[q.id] = combo

    def _on_changed(self, question_id: str) -> None:
        if self._filling or self.ctx.services is None:
            return
        value = self.combos[question_id].currentData()
        try:
            change = self.ctx.services.buyer.set_answer(self.assessment_id, question_id, value)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Answer not saved"), str(exc))
            self.reload()
            return
        if change.before != change.after:
            # On the same undo stack as the vendor answers: Ctrl+Z puts the buyer's answer back too.
            self.ctx.undo_stack.push(AnswerCommand(self.ctx, change,
                                                   self.tr("Buyer answer %1").replace("%1", question_id)))
        self.readiness = self.ctx.services.buyer.score(self.assessment_id)
        self._show_summary()
        self.answered.emit(question_id)

    def _show_summary(self) -> None:
        r = self.readiness
        if r is None:
            return
        if not r.started:
            text = self.tr("Buyer readiness: not answered yet (%1 questions).").replace("%1", str(r.applicable))
        else:
            score = "–" if r.score is None else f"{r.score:.0f}"
            text = (self.tr("Buyer readiness: %1 / 100, %2 of %3 answered.")
                    .replace("%1", score).replace("%2", str(r.answered)).replace("%3", str(r.applicable)))
            if r.flags:
                text += " " + self.tr("Weak points: %1").replace("%1", "; ".join(
                    f"{f.question_id} {f.title}" for f in r.flags[:5]))
        self.summary_label.setText(text)
