"""The "Overlays" tab of an assessment: tick the regulatory overlays (NIS2, CRA, DORA, FAR 889, ...)
that apply, and see each one's sub-score. Applying is one transaction through the services."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from trustframe.errors import TrustFrameError
from trustframe.ui import messages
from trustframe.ui.context import UiContext
from trustframe.ui.widgets.overlay_list import OverlayList


class OverlaysPanel(QWidget):
    """A checkable list of the overlays of the assessment's bank, an Apply button and the sub-scores."""

    # Emitted after the choice of overlays changed (the view reloads its questions).
    applied = Signal()

    def __init__(self, ctx: UiContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self._current: tuple[str, ...] = ()
        self.setAccessibleName(self.tr("Regulatory overlays"))
        # build widgets
        self.note_label = QLabel(self.tr(
            "Tick the regimes that apply to this purchase. Their questions are added to the assessment and to the "
            "vendor workbook; removing an overlay keeps its answers stored but they no longer count."))
        self.note_label.setWordWrap(True)
        self.overlay_list = OverlayList()
        self.note_label.setBuddy(self.overlay_list)
        self.apply_button = QPushButton(self.tr("Apply overlays"))
        self.apply_button.setAccessibleName(self.tr("Apply overlays"))
        self.scores_label = QLabel()
        self.scores_label.setWordWrap(True)
        self.scores_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scores_label.setAccessibleName(self.tr("Overlay sub-scores"))
        # build layout
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.overlay_list)
        layout.addLayout(buttons)
        layout.addWidget(self.scores_label)
        layout.addStretch(1)
        # connect signals
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.overlay_list.itemChanged.connect(self._on_overlay_list_item_changed)

    def reload(self, locked: bool = False) -> None:
        """Re-read the overlays applied and their sub-scores; ``locked`` makes the list read-only."""
        services = self.ctx.services
        if services is None:
            return
        try:
            assessment = services.assessments.get(self.assessment_id)
            available = services.catalog.overlays(assessment.questionnaire_id)
            scores = services.scoring.overlay_scores(self.assessment_id)
        except TrustFrameError as exc:
            self.scores_label.setText(self.tr("Overlays are not available: %1").replace("%1", str(exc)))
            return
        self._current = assessment.overlay_ids
        self.overlay_list.blockSignals(True)
        try:
            self.overlay_list.set_overlays(available, self._current)
        finally:
            self.overlay_list.blockSignals(False)
        self.overlay_list.setEnabled(not locked and bool(available))
        self.apply_button.setEnabled(False)
        if not available:
            self.scores_label.setText(self.tr("No overlay extends this questionnaire."))
            return
        lines = []
        for o in scores:
            score = "–" if o.score is None else f"{o.score:.0f}"
            lines.append(self.tr("%1: %2 / 100, %3 of %4 answered").replace("%1", o.title).replace("%2", score)
                         .replace("%3", str(o.answered)).replace("%4", str(o.applicable)))
        self.scores_label.setText("\n".join(lines) if lines else self.tr("No overlay applied."))

    def apply(self) -> bool:
        """Save the overlays ticked (in the order chosen: those already applied first)."""
        services = self.ctx.require_services
        chosen = self.overlay_list.checked_ids()
        ordered = [o for o in self._current if o in chosen] + [o for o in chosen if o not in self._current]
        try:
            result = services.assessments.set_overlays(self.assessment_id, ordered)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Overlays not changed"), str(exc))
            self.reload()
            return False
        changed = result.overlay_ids != self._current
        self.reload()
        if changed:
            self.applied.emit()
        return changed

    def _on_apply_button_clicked(self) -> None:
        self.apply()

    def _on_overlay_list_item_changed(self, *_args: object) -> None:
        self.apply_button.setEnabled(set(self.overlay_list.checked_ids()) != set(self._current))
