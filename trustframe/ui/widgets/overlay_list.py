"""A checkable list of the regulatory overlays (NIS2, CRA, DORA, FAR 889, ...) that can apply to an
assessment: used by the new-assessment wizard and the assessment's overlays dialog."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from trustframe.services.questionnaires import OverlayInfo


class OverlayList(QListWidget):
    """One checkable row per overlay: its title, and the regime and added questions as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Regulatory overlays"))
        self.setToolTip(self.tr("Regimes whose extra questions, raised importance and red flags apply to this "
                                "purchase; each gets its own sub-score in the report."))

    def set_overlays(self, overlays: Sequence[OverlayInfo], checked: Iterable[str] = ()) -> None:
        """Show ``overlays``, those in ``checked`` ticked."""
        chosen = set(checked)
        self.clear()
        for info in overlays:
            item = QListWidgetItem(info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(self.tr("%1 (%2 %3). Adds %n question(s).", "", info.added)
                            .replace("%1", info.regime).replace("%2", info.id).replace("%3", info.version))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if info.id in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)
        # Tall enough for every overlay without scrolling (there are a handful).
        rows = max(1, self.count())
        self.setMaximumHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4 if self.count() else 40)

    def checked_ids(self) -> list[str]:
        """The ids of the ticked overlays, in list order."""
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, overlay_id: str, checked: bool) -> None:
        """Tick or untick one overlay (tests, keyboard helpers)."""
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == overlay_id:
                self.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
