"""The new-assessment wizard: purchase -> criticality profile -> tier -> scope -> create."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx, no_dialogs  # noqa: E402,F401 (fixtures)


def _vendor_with_products(services: Any) -> tuple[Any, Any, Any]:
    vendor = services.vendors.add_vendor("Northwind Networks", "SE")
    software = services.vendors.add_product(vendor.id, "Northwind Manager", "software")
    router = services.vendors.add_product(vendor.id, "NW-9000 router", "network_equipment")
    return vendor, software, router


def test_wizard_creates_assessment_with_profile_tier_and_scope(qtbot: Any, ctx: Any, services: Any,
                                                               no_dialogs: list) -> None:
    from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog

    vendor, _software, router = _vendor_with_products(services)
    wizard = NewAssessmentDialog(ctx, vendor_id=vendor.id)
    qtbot.addWidget(wizard)
    wizard.show()
    purchase = wizard.purchase_page
    purchase.product_combo.setCurrentIndex(purchase.product_combo.findData(router.id))
    purchase.questionnaire_combo.setCurrentIndex(
        next(i for i in range(purchase.questionnaire_combo.count())
             if purchase.questionnaire_combo.itemData(i)[0] == "sample-trust"))
    purchase.procurement_edit.setText("RFP-2026-07")
    assert purchase.isComplete()
    wizard.next()
    # criticality profile: low exposure everywhere except operational technology
    profile = wizard.profile_page
    for question in profile.profile.iter_questions():
        profile.set_answer(question.id, question.options[-1].id)
    low = wizard.tier_result()
    assert low.tier == 4
    profile.set_answer("CP-08", "ot_connected")          # monitoring only: never below tier 3 (rule 8)
    assert wizard.tier_result().tier == 3
    profile.set_answer("CP-08", "controls_physical")     # escalation: never below tier 2
    result = wizard.tier_result()
    assert result.tier == 2 and any("operational technology" in r for r in result.reasons)
    wizard.next()
    tier = wizard.tier_page
    assert "Tier 2" in tier.tier_label.text()
    assert "operational technology" in tier.reasons_label.text()
    # every answer's effect on the tier is explained; the deciding one says so
    effects = tier.effects_label.text()
    assert all(q.id in effects for q in profile.profile.iter_questions())
    assert "CP-08" in effects and "forces at least tier 2" in effects and "the tier would be 4" in effects
    tier.set_override(1, "")
    assert not tier.isComplete()                         # an override needs a reason
    tier.set_override(1, "Feeds the national grid control room")
    assert tier.isComplete()
    wizard.next()
    scope = wizard.scope_page
    counts = scope.counts()
    assert counts["HW"] == (1, 1)                        # hardware questions apply to network equipment
    assert counts["VUL"] == (3, 3)                       # VUL-03 applies at tier 1
    scope.set_in_scope("GOV-03", False)
    assert scope.counts()["GOV"] == (2, 3)
    assert "removed" in scope.summary_label.text()
    assert wizard.currentPage() is scope
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted
    aid = wizard.created_assessment_id
    assert aid is not None
    created = services.assessments.get(aid)
    assert created.procurement == "RFP-2026-07"
    assert created.tier == 2 and created.tier_override == 1
    assert created.tier_override_reason == "Feeds the national grid control room"
    assert created.profile_answers["CP-08"] == "controls_physical"
    assert created.scope_removed == ("GOV-03",)
    assert "GOV-03" not in {q.id for q in services.assessments.scoped_questions(aid)}
    assert no_dialogs == []


def test_wizard_preselects_product_and_explains_empty_workspace(qtbot: Any, ctx: Any, services: Any) -> None:
    from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog

    empty = NewAssessmentDialog(ctx)
    qtbot.addWidget(empty)
    assert not empty.purchase_page.isComplete()
    assert not empty.purchase_page.empty_label.isHidden()
    _vendor, software, _router = _vendor_with_products(services)
    wizard = NewAssessmentDialog(ctx, product_id=software.id)
    qtbot.addWidget(wizard)
    assert wizard.purchase_page.product_id() == software.id
    assert wizard.purchase_page.category_label.text() == "Software"


def test_wizard_failure_while_writing_leaves_nothing_and_stays_open(qtbot: Any, ctx: Any, services: Any,
                                                                    no_dialogs: list, monkeypatch: Any) -> None:
    """One service call, one transaction: a fault after the assessment row is written rolls it
    back (no compensating delete in the widget), and the wizard stays open with the reason."""
    import sqlite3

    from trustframe.storage import repositories
    from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog

    vendor, _software, router = _vendor_with_products(services)
    wizard = NewAssessmentDialog(ctx, vendor_id=vendor.id, product_id=router.id)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(3):
        wizard.next()
    first = sorted(wizard.scope_page.in_scope_ids())[0]
    wizard.scope_page.set_in_scope(first, False)
    assert wizard.scope_page.chosen_scope() is not None

    record = repositories.HistoryRepository.record

    def disk_full_at_the_scope(self: Any, actor: str, entity: str, entity_id: Any, field: str = "",
                               *args: Any, **kwargs: Any) -> Any:
        if field == "scope":  # the last thing written: assessment, profile and tier are in by now
            raise sqlite3.OperationalError("database or disk is full")
        return record(self, actor, entity, entity_id, field, *args, **kwargs)

    monkeypatch.setattr(repositories.HistoryRepository, "record", disk_full_at_the_scope)
    wizard.accept()
    monkeypatch.undo()
    assert wizard.created_assessment_id is None and wizard.isVisible()
    assert [m.kind for m in no_dialogs] == ["warning"] and "full" in no_dialogs[0].text
    assert services.assessments.list_assessments() == []
    # Not created and deleted again: never written (the change log has no trace of it).
    assert [e.field for e in services.history() if e.entity == "assessment"] == []
