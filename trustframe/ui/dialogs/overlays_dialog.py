"""Choose the regulatory overlays of an assessment (saved in one transaction, logged)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from trustframe.domain.assessment import Assessment
from trustframe.errors import TrustFrameError
from trustframe.ui import messages
from trustframe.ui.context import UiContext
from trustframe.ui.widgets.overlay_list import OverlayList


class OverlaysDialog(QDialog):
    """A checkable list of the overlays for the assessment's bank; OK saves the choice."""

    def __init__(self, ctx: UiContext, assessment: Assessment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment = assessment
        self.applied = False
        self.setWindowTitle(self.tr("Regulatory overlays"))
        # build widgets
        self.note_label = QLabel(self.tr(
            "Tick the regimes that apply to this purchase. Their questions are added to the assessment and to the "
            "vendor workbook; removing an overlay keeps its answers stored but they no longer count."))
        self.note_label.setWordWrap(True)
        self.overlay_list = OverlayList()
        self.overlay_list.set_overlays(ctx.require_services.catalog.overlays(assessment.questionnaire_id),
                                       assessment.overlay_ids)
        self.note_label.setBuddy(self.overlay_list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        # build layout
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.overlay_list)
        layout.addWidget(self.buttons)
        # connect signals
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.sizeHint().height())

    def accept(self) -> None:
        """Save the choice; on a refusal the dialog stays open with the reason."""
        assert self.assessment.id is not None
        chosen = self.overlay_list.checked_ids()
        # Keep the order overlays were chosen in: those already applied first.
        ordered = [o for o in self.assessment.overlay_ids if o in chosen] + [
            o for o in chosen if o not in self.assessment.overlay_ids]
        try:
            result = self.ctx.require_services.assessments.set_overlays(self.assessment.id, ordered)
        except TrustFrameError as exc:
            messages.warning(self, self.tr("Overlays not changed"), str(exc))
            return
        self.applied = result.overlays != self.assessment.overlays
        super().accept()
