"""The compare picker: tick assessments (filtered by procurement and category), then compare."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from trustframe.domain.questionnaire import ProductCategory
from trustframe.ui import prompts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx, no_dialogs  # noqa: E402,F401 (fixtures)


@pytest.fixture
def bids(services: Any) -> dict[str, int]:
    """Three bids for RFP-7 (two software, one cloud) and one unrelated assessment."""
    ids = {}
    for vendor_name, product_name, category, reference in (
            ("Acme Secure Ltd", "Acme Gateway", "software", "RFP-7"),
            ("Contoso Gateways", "Contoso Edge", "software", "RFP-7"),
            ("Fabrikam Cloud", "Fabrikam SaaS", "cloud_service", "RFP-7"),
            ("Northwind Networks", "NW Router", "network_equipment", "")):
        vendor = services.vendors.add_vendor(vendor_name)
        product = services.vendors.add_product(vendor.id, product_name, category)
        ids[vendor_name] = services.assessments.create(vendor.id, product.id, "sample-trust",
                                                       procurement=reference).id
    services.assessments.set_answer(ids["Acme Secure Ltd"], "GOV-01", "verified")
    return ids


def _vendors(dialog: Any, ids: list[int]) -> set[str]:
    return {a.vendor_name for a in dialog.assessments if a.id in ids}


def test_picker_lists_filters_and_returns_the_ticked(qtbot: Any, ctx: Any, services: Any, bids: dict) -> None:
    from trustframe.ui.dialogs.compare_picker import COL_PROCUREMENT, COL_RATING, COL_STATUS, ComparePickerDialog

    acme = bids["Acme Secure Ltd"]
    dialog = ComparePickerDialog(ctx, [acme])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 4 and dialog.chosen_ids() == [acme]
    # the one assessment chosen brings its procurement's other bids forward
    assert dialog.procurement_combo.currentText() == "RFP-7"
    assert _vendors(dialog, dialog.shown_ids()) == {"Acme Secure Ltd", "Contoso Gateways", "Fabrikam Cloud"}
    assert not dialog.compare_button.isEnabled() and "tick at least two" in dialog.summary_label.text()
    row = next(r for r in range(4) if dialog.assessments[r].id == acme)
    assert dialog.table.item(row, COL_PROCUREMENT).text() == "RFP-7"
    assert dialog.table.item(row, COL_STATUS).text() == "Draft"
    # ratings are scored in the background and appear as badges
    qtbot.waitUntil(lambda: all(dialog.table.item(r, COL_RATING).text() for r in range(4)), timeout=10000)
    assert dialog.table.item(row, COL_RATING).data(Qt.ItemDataRole.UserRole + 3) == services.scoring.score(acme).rating
    dialog.set_category_filter(ProductCategory.SOFTWARE)
    assert _vendors(dialog, dialog.shown_ids()) == {"Acme Secure Ltd", "Contoso Gateways"}
    dialog.set_chosen(bids["Contoso Gateways"], True)
    assert dialog.compare_button.isEnabled() and "2 assessments ticked" in dialog.summary_label.text()
    dialog.set_procurement_filter("")                                  # those without a reference
    assert dialog.shown_ids() == []
    assert "2 hidden by the filters" in dialog.summary_label.text()
    dialog.set_procurement_filter(None)
    dialog.set_category_filter(None)
    assert len(dialog.shown_ids()) == 4
    # the keyboard ticks too: Space on the row's first cell
    nw_row = next(r for r in range(4) if dialog.assessments[r].id == bids["Northwind Networks"])
    dialog.table.setFocus()
    dialog.table.setCurrentCell(nw_row, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(nw_row, 0).checkState() == Qt.CheckState.Checked
    assert "3 assessments ticked" in dialog.summary_label.text()
    dialog.compare_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert set(dialog.chosen_ids()) == {acme, bids["Contoso Gateways"], bids["Northwind Networks"]}


def test_picker_refuses_fewer_than_two(qtbot: Any, ctx: Any, bids: dict) -> None:
    from trustframe.ui.dialogs.compare_picker import ComparePickerDialog

    dialog = ComparePickerDialog(ctx, [], known_ratings={i: None for i in bids.values()})
    qtbot.addWidget(dialog)
    assert dialog.rating_operation is None                  # every rating was known: nothing to score
    assert dialog.procurement_combo.currentIndex() == 0
    dialog.set_chosen(bids["Fabrikam Cloud"], True)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert [dialog.procurement_combo.itemText(i) for i in range(dialog.procurement_combo.count())] == [
        "All procurements", "RFP-7", "(no reference)"]


def test_compare_with_one_selection_opens_the_picker_then_the_comparison(
        qtbot: Any, services: Any, bids: dict, monkeypatch: pytest.MonkeyPatch, no_dialogs: list) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings
    from trustframe.ui.views.compare_view import CompareView

    window = MainWindow(UiContext(services, AppSettings()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.is_loaded and not window.store.is_loading, timeout=20000)
    acme, contoso = bids["Acme Secure Ltd"], bids["Contoso Gateways"]
    window.open_assessment(acme)
    seen: list[Any] = []

    def pick(dialog: Any) -> bool:
        seen.append(dialog)
        assert dialog.chosen_ids() == [acme]                # the assessment shown is ticked
        assert dialog.rating_operation is None              # the register knew every rating
        dialog.set_chosen(contoso, True)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(prompts, "exec_dialog", pick)
    window.compare_action.trigger()
    assert seen
    assert isinstance(window.tabs.currentWidget(), CompareView)
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("Compare 2")

    # cancelling opens nothing
    monkeypatch.setattr(prompts, "exec_dialog", lambda dialog: False)
    count = window.tabs.count()
    window.tabs.setCurrentIndex(window.REGISTER_TAB)
    window.compare_action.trigger()
    assert window.tabs.count() == count and no_dialogs == []
    window.close()
