"""GUI paths of question bank 1.1: overlays chosen in the wizard and in the assessment's overlays
tab, buyer answers on the undo stack, and the "reworded" note on a carried answer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import activate, ctx, no_dialogs  # noqa: E402,F401 (fixtures)


def _declinable() -> str:
    """A bank question with a "declined" option (chosen from the bundled bank, whatever its version)."""
    from trustframe import paths
    from trustframe.exchange.questionnaire_files import load_questionnaire

    bank = load_questionnaire(paths.questionnaires_dir() / "ict-supply-chain-trust.yaml", trusted=True)
    return next(q.id for q in bank.iter_questions() if q.id.startswith("GOV") and q.option("declined") is not None)


QID = _declinable()


def _bank_assessment(services: Any, **kw: Any) -> Any:
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    return services.assessments.create(vendor.id, product.id, tier=2, **kw)


def test_wizard_applies_the_overlays_ticked(qtbot: Any, ctx: Any, services: Any, no_dialogs: list) -> None:
    from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog

    vendor = services.vendors.add_vendor("Northwind Networks", "SE")
    product = services.vendors.add_product(vendor.id, "NW-9000 router", "network_equipment")
    wizard = NewAssessmentDialog(ctx, vendor_id=vendor.id, product_id=product.id)
    qtbot.addWidget(wizard)
    wizard.show()
    purchase = wizard.purchase_page
    overlays = purchase.overlay_list
    assert overlays.isEnabled() and overlays.count() == len(services.catalog.overlays("ict-supply-chain-trust"))
    overlays.set_checked("eu-cra", True)
    overlays.set_checked("us-far-889", True)
    assert overlays.checked_ids() == ["eu-cra", "us-far-889"]
    # Another questionnaire has no overlays: the list empties and is disabled.
    purchase.questionnaire_combo.setCurrentIndex(
        next(i for i in range(purchase.questionnaire_combo.count())
             if purchase.questionnaire_combo.itemData(i)[0] == "sample-trust"))
    assert overlays.count() == 0 and not overlays.isEnabled()
    purchase.questionnaire_combo.setCurrentIndex(
        next(i for i in range(purchase.questionnaire_combo.count())
             if purchase.questionnaire_combo.itemData(i)[0] == "ict-supply-chain-trust"))
    overlays.set_checked("eu-cra", True)
    for _ in range(3):
        wizard.next()
    wizard.accept()
    created = services.assessments.get(wizard.created_assessment_id)
    assert created.overlay_ids == ("eu-cra",)
    assert no_dialogs == []


def test_overlays_tab_changes_the_choice_and_shows_sub_scores(qtbot: Any, ctx: Any, services: Any,
                                                              no_dialogs: list) -> None:
    from PySide6.QtCore import Qt

    from trustframe.domain.assessment import Decision
    from trustframe.ui.views.assessment_view import AssessmentView

    assessment = _bank_assessment(services, overlays=["eu-dora"])
    view = AssessmentView(ctx, assessment.id)
    qtbot.addWidget(view)
    activate(qtbot, view)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Overla&ys" in titles
    panel = view.overlays_panel
    before = view.questionnaire.question_count
    assert panel.overlay_list.checked_ids() == ["eu-dora"]
    assert "0 of" in panel.scores_label.text() and not panel.apply_button.isEnabled()
    panel.overlay_list.set_checked("eu-nis2", True)
    assert panel.apply_button.isEnabled()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert services.assessments.get(assessment.id).overlay_ids == ("eu-dora", "eu-nis2")
    assert view.questionnaire.question_count == before + 2   # NIS2's two questions are asked now
    assert "NIS2" in panel.scores_label.text() and not panel.apply_button.isEnabled()
    tooltip = panel.overlay_list.item(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "question" in tooltip
    # A decided assessment: the list is read-only.
    services.assessments.decide(assessment.id, Decision.APPROVE, justification="test")
    view.reload()
    assert not panel.overlay_list.isEnabled()
    assert no_dialogs == []


def test_buyer_answers_are_undone_and_redone(qtbot: Any, ctx: Any, services: Any, no_dialogs: list) -> None:
    from trustframe.ui.views.assessment_view import AssessmentView

    assessment = _bank_assessment(services)
    view = AssessmentView(ctx, assessment.id)
    qtbot.addWidget(view)
    activate(qtbot, view)
    panel = view.buyer_panel
    combo = panel.combos["BUY-05"]
    combo.setCurrentIndex(combo.findData("signed"))
    assert services.buyer.answers(assessment.id)["BUY-05"].value == "signed"
    assert ctx.undo_stack.canUndo() and "BUY-05" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    assert "BUY-05" not in services.buyer.answers(assessment.id)
    assert panel.combos["BUY-05"].currentData() is None      # the tab shows the undone state
    ctx.undo_stack.redo()
    assert services.buyer.answers(assessment.id)["BUY-05"].value == "signed"
    assert panel.combos["BUY-05"].currentData() == "signed"
    assert no_dialogs == []


def test_a_reworded_carried_answer_says_why_it_needs_confirming(qtbot: Any, ctx: Any, services: Any,
                                                                 no_dialogs: list) -> None:
    from trustframe.storage.orm import AnswerRow
    from trustframe.ui.views.assessment_view import AssessmentView

    old = _bank_assessment(services)
    services.assessments.set_answer(old.id, QID, "declined")
    new = services.assessments.reassess(old.id)
    with services.workspace.transaction() as session:
        row = session.query(AnswerRow).filter_by(assessment_id=new.id, question_id=QID).one()
        row.confirm_note = "reworded: question text"   # as a reassessment onto a newer bank writes it
    view = AssessmentView(ctx, new.id)
    qtbot.addWidget(view)
    activate(qtbot, view)
    view.go_to_question(QID)
    assert view.confirm_frame.isVisible()
    assert "reworded" in view.confirm_label.text() and "question text" in view.confirm_label.text()
    assert view.confirm_answer(QID)
    assert services.assessments.answers(new.id)[QID].confirm_note == ""
    assert no_dialogs == []


def test_preferences_offer_each_scoring_profile_once() -> None:
    """Earlier profile versions are shipped for pinned assessments, not offered as profiles."""
    from trustframe import paths
    from trustframe.ui.dialogs.preferences_dialog import scoring_profiles

    assert (paths.scoring_profiles_dir() / "default-2.0.0.json").is_file()
    ids = [pid for pid, _title in scoring_profiles()]
    assert ids.count("default") == 1
