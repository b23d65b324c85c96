"""The assessment view's "Buyer readiness" tab: the buyer answers its own module there, the
answers are saved at once and scored apart, and the vendor's score panel does not move."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QTabWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import activate, ctx, no_dialogs  # noqa: E402,F401 (fixtures)


def test_buyer_tab_saves_answers_and_scores_them_apart(qtbot: Any, ctx: Any, services: Any,
                                                       no_dialogs: list) -> None:
    from trustframe.ui.views.assessment_view import AssessmentView

    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    assessment = services.assessments.create(vendor.id, product.id, tier=2)
    view = AssessmentView(ctx, assessment.id)
    qtbot.addWidget(view)
    activate(qtbot, view)
    tabs: QTabWidget = view.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "&Buyer readiness" in titles
    panel = view.buyer_panel
    assert "not answered yet" in panel.summary_label.text()
    vendor_before = services.scoring.score(assessment.id)
    combo = panel.combos["BUY-05"]
    combo.setCurrentIndex(combo.findData("signed"))
    assert services.buyer.answers(assessment.id)["BUY-05"].value == "signed"
    assert "100 / 100" in panel.summary_label.text()
    combo = panel.combos["BUY-16"]
    combo.setCurrentIndex(combo.findData("no"))
    assert "BUY-16" in panel.summary_label.text()          # the buyer's own weak point is named
    after = services.scoring.score(assessment.id)
    assert (after.overall, after.completeness, after.rating) == (
        vendor_before.overall, vendor_before.completeness, vendor_before.rating)
    assert "BUY-05" not in services.assessments.answers(assessment.id)
    assert no_dialogs == []
