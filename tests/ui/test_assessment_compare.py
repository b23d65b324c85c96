"""The compare view: two vendors for the same purchase side by side."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx  # noqa: E402,F401 (fixtures)


def test_compare_view_shows_two_assessments(qtbot: Any, qtmodeltester: Any, ctx: Any, services: Any,
                                            sample_assessment: Any) -> None:
    from trustframe.ui.models.compare_model import SCORE_ROLE, RowKind
    from trustframe.ui.views.compare_view import CompareView

    other_vendor = services.vendors.add_vendor("Contoso Gateways", "NL")
    other_product = services.vendors.add_product(other_vendor.id, "Contoso Edge", "software")
    other = services.assessments.create(other_vendor.id, other_product.id, "sample-trust")
    services.assessments.set_answer(sample_assessment.id, "GOV-01", "verified")
    services.assessments.set_answer(other.id, "GOV-01", "no")
    services.assessments.set_answer(other.id, "VUL-01", "no")
    view = CompareView(ctx, [sample_assessment.id, other.id])
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    model = view.model
    assert model.columnCount() == 3
    assert "Acme Secure Ltd" in model.headerData(1, Qt.Orientation.Horizontal)
    overall = model.row_at(0)
    assert overall is not None and overall.kind is RowKind.SCORE
    assert overall.best == 0                                  # Acme scores better
    labels = [model.row_at(r).label for r in range(model.rowCount())]
    assert "By domain" in labels and "By pillar" in labels and "Red flags" in labels
    flag_rows = [model.row_at(r) for r in range(model.rowCount()) if "disclosure" in model.row_at(r).label]
    assert flag_rows and flag_rows[0].cells[1] == "Open" and flag_rows[0].cells[0] == "—"
    assert model.index(0, 1).data(SCORE_ROLE) == overall.cells[0]
    view.table.grab()                                         # the bar delegate paints without error
    qtmodeltester.check(model)
    # a change to one of the compared assessments refreshes the table
    services.assessments.set_answer(other.id, "GOV-01", "verified")
    assert view.model.row_at(0).cells[1] != overall.cells[1]
    with qtbot.waitSignal(ctx.hub.assessment_requested) as opened:
        view._on_header_section_double_clicked(2)
    assert opened.args == [other.id]


def test_compare_headers_name_vendor_product_and_date_and_differences_can_be_shown_alone(
        qtbot: Any, ctx: Any, services: Any, sample_assessment: Any) -> None:
    from datetime import date

    from trustframe.domain.assessment import Decision
    from trustframe.ui.models.compare_model import DIFFERS_ROLE
    from trustframe.ui.views.compare_view import CompareView

    other_vendor = services.vendors.add_vendor("Contoso Gateways", "NL")
    other_product = services.vendors.add_product(other_vendor.id, "Contoso Edge", "software")
    other = services.assessments.create(other_vendor.id, other_product.id, "sample-trust")
    for aid in (sample_assessment.id, other.id):
        services.assessments.set_answer(aid, "GOV-03", "A product security team of 12")   # the same
    services.assessments.set_answer(sample_assessment.id, "GOV-01", "verified")
    services.assessments.set_answer(other.id, "GOV-01", "no")                            # differs
    services.assessments.decide(other.id, Decision.REJECT, "Dana", decided_on=date(2026, 3, 2), justification="t")
    view = CompareView(ctx, [sample_assessment.id, other.id])
    qtbot.addWidget(view)
    view.show()
    model = view.model
    first, second = (model.headerData(i, Qt.Orientation.Horizontal) for i in (1, 2))
    assert first.split("\n")[:2] == ["Acme Secure Ltd", "Acme Gateway"] and "started 20" in first
    assert second.split("\n") == ["Contoso Gateways", "Contoso Edge", "decided 2026-03-02"]
    labels = [model.row_at(r).label for r in range(model.rowCount())]
    gov01 = next(r for r, label in enumerate(labels) if label.startswith("GOV-01"))
    gov03 = next(r for r, label in enumerate(labels) if label.startswith("GOV-03"))
    assert model.index(gov01, 0).data(DIFFERS_ROLE) and model.index(gov01, 0).data().startswith("≠")
    assert model.index(gov01, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.index(gov03, 0).data(DIFFERS_ROLE)
    assert model.index(gov03, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "GOV-03" in " ".join(view.visible_labels())
    view.differences_box.setChecked(True)
    shown = view.visible_labels()
    assert any(s.startswith("GOV-01") for s in shown)
    assert not any(s.startswith("GOV-03") for s in shown)
    assert all(model.row_at(r).differs or model.row_at(r).kind.value == "heading"
               for r in range(model.rowCount()) if not view.table.isRowHidden(r))
    view.differences_box.setChecked(False)
    assert any(s.startswith("GOV-03") for s in view.visible_labels())
