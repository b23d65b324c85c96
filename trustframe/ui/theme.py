"""Colours, palette and stylesheet: the look in one place.

We use the Fusion style with a calm light palette (slate text, soft blue accent) on every
platform, so screenshots, documentation and the app agree; a small stylesheet in
``resources/style/trustframe.qss`` adds the few touches Fusion lacks (cards, badges, headings).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from trustframe import paths
from trustframe.domain import palette as palette_colours
from trustframe.domain.evidence import EvidenceState
from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import Rating

log = logging.getLogger(__name__)

TEXT = QColor("#1f2a37")
MUTED = QColor("#5b6878")
WINDOW = QColor("#f4f6f9")
BASE = QColor("#ffffff")
ALTERNATE = QColor("#f7f9fb")
ACCENT = QColor("#2f6fb0")
BORDER = QColor("#d7dde5")
DANGER = QColor(palette_colours.RATING[Rating.CRITICAL].strong)
WARNING = QColor(palette_colours.SEVERITY[Severity.MEDIUM].strong)

#: Rating colours, from the one palette the reports use too (trustframe.domain.palette).
RATING_COLOURS: dict[Rating | None, QColor] = {
    **{rating: QColor(swatch.strong) for rating, swatch in palette_colours.RATING.items()},
    None: QColor(palette_colours.NO_RATING.strong),
}

EVIDENCE_COLOURS: dict[EvidenceState, QColor] = {
    EvidenceState.CURRENT: QColor(palette_colours.RATING[Rating.LOW].strong),
    EvidenceState.EXPIRING: WARNING,
    EvidenceState.EXPIRED: DANGER,
    EvidenceState.NOT_YET_VALID: MUTED,
    EvidenceState.UNDATED: MUTED,
}


def rating_colour(rating: Rating | None) -> QColor:
    """The colour of a rating badge or chart dot."""
    return RATING_COLOURS.get(rating, RATING_COLOURS[None])


def palette() -> QPalette:
    """The light palette."""
    pal = QPalette()
    roles = QPalette.ColorRole
    pal.setColor(roles.Window, WINDOW)
    pal.setColor(roles.WindowText, TEXT)
    pal.setColor(roles.Base, BASE)
    pal.setColor(roles.AlternateBase, ALTERNATE)
    pal.setColor(roles.Text, TEXT)
    pal.setColor(roles.Button, QColor("#fbfcfd"))
    pal.setColor(roles.ButtonText, TEXT)
    pal.setColor(roles.Highlight, QColor("#d6e6f7"))
    pal.setColor(roles.HighlightedText, TEXT)
    pal.setColor(roles.ToolTipBase, QColor("#ffffff"))
    pal.setColor(roles.ToolTipText, TEXT)
    pal.setColor(roles.PlaceholderText, QColor("#8a94a3"))
    pal.setColor(roles.Link, ACCENT)
    pal.setColor(roles.Mid, BORDER)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(disabled, role, QColor("#9aa5b1"))
    return pal


def stylesheet() -> str:
    """The application stylesheet (empty when the file is missing: the app still works)."""
    path = paths.resources_dir() / "style" / "trustframe.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("Stylesheet %s not found; using the plain style", path)
        return ""
    # Qt stylesheets need absolute icon paths; the bundle's location is only known at run time.
    return text.replace("@ICONS@", (paths.resources_dir() / "icons").as_posix())


def apply(app: QApplication) -> None:
    """Give ``app`` TrustFrame's look."""
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setStyleSheet(stylesheet())
