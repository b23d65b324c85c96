"""Scope and tier: the dialog's first write names the version it opened with, so a colleague's
change in between is refused visibly (what changed is named), the entries stay, and a second
Apply saves them knowingly. On a workspace file with two sessions (row versions hold there too)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx, no_dialogs, run_dialogs_with, view  # noqa: E402,F401 (fixtures)


def test_a_colleagues_tier_override_in_between_is_shown_before_mine_is_saved(
        qtbot: Any, view: Any, services: Any, no_dialogs: list, monkeypatch: Any) -> None:
    from trustframe.services.context import Services
    from trustframe.storage.database import Workspace

    aid = view.assessment_id
    outcomes: list[int] = []

    def fill(dialog: Any) -> None:
        with Services(Workspace.open(services.workspace.location, create=False), services.catalog,
                      user="colleague") as colleague:
            colleague.assessments.override_tier(aid, 1, "Their reason")  # while the dialog is open
        dialog.tier_page.set_override(2, "My reason")
        dialog.accept()
        outcomes.append(dialog.result())
        assert services.assessments.get(aid).tier_override == 1  # nothing overwritten unseen
        assert dialog.tier_page.override_tier() == 2              # my entry is still there
        dialog.accept()                                            # seen: Apply again

    run_dialogs_with(monkeypatch, fill)
    assert view.edit_scope_and_tier()
    assert outcomes == [QWizard.DialogCode.Rejected]
    assert len(no_dialogs) == 1 and "tier override" in no_dialogs[0].text
    stored = services.assessments.get(aid)
    assert (stored.tier_override, stored.tier_override_reason) == (2, "My reason")
