"""Issue 14 in the GUI: N/A answers are reviewed and accepted in bulk with one reason (rule 3);
out-of-range numbers are refused with a message and nothing is saved (rule 6)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from trustframe.ui import prompts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx, no_dialogs, view  # noqa: E402,F401 (fixtures)


def test_review_panel_accepts_na_answers_in_bulk_with_one_reason(qtbot: Any, view: Any, services: Any,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 no_dialogs: list) -> None:
    aid = view.assessment_id
    services.assessments.set_answer(aid, "GOV-01", "na", comment="No product of ours needs it")
    services.assessments.set_answer(aid, "VUL-01", "na", comment="")
    view.reload()
    view.refresh_score()
    panel = view.review_panel
    assert panel.na_tree.topLevelItemCount() == 2
    statuses = {panel.na_tree.topLevelItem(i).text(0): panel.na_tree.topLevelItem(i).text(2)
                for i in range(panel.na_tree.topLevelItemCount())}
    assert "not accepted" in statuses["GOV-01"] and "no reason" in statuses["VUL-01"]
    assert "GOV-01" in view.score.gaps                     # shown as a gap until accepted
    for i in range(panel.na_tree.topLevelItemCount()):
        panel.na_tree.topLevelItem(i).setSelected(True)
    assert panel.selected_na() == ["GOV-01"]                # the one without a reason cannot be accepted
    assert panel.accept_na_button.isEnabled()
    monkeypatch.setattr(prompts, "ask_reason", lambda *a, **k: "Confirmed with the product owner")
    panel.accept_na_button.click()
    accepted = {i.question_id: i for i in services.assessments.not_applicable_answers(aid)}
    assert accepted["GOV-01"].accepted and accepted["GOV-01"].accepted_reason == "Confirmed with the product owner"
    assert not accepted["VUL-01"].accepted
    view.reload()
    view.refresh_score()
    assert "GOV-01" not in view.score.gaps
    item = next(panel.na_tree.topLevelItem(i) for i in range(panel.na_tree.topLevelItemCount())
                if panel.na_tree.topLevelItem(i).text(0) == "GOV-01")
    assert "Confirmed with the product owner" in item.text(2)


def test_out_of_range_number_is_refused_with_a_message(view: Any, services: Any, no_dialogs: list) -> None:
    aid = view.assessment_id
    services.assessments.set_answer(aid, "VUL-01", "yes")
    services.assessments.set_answer(aid, "VUL-02", 20)
    view.reload()
    assert view.save_answer("VUL-02", value=99999) is None
    assert any("out of range" in str(getattr(m, "text", m)) for m in no_dialogs)
    assert services.assessments.answers(aid)["VUL-02"].value == 20
