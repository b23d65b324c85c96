"""No lost update in the forms: two sessions on one workspace edit the same vendor, evidence
record or assessment details; the second save opens the conflict dialog with both values, the
officer's choice per field is stored exactly, and cancelling stores nothing (the entries stay in
the form). Runs on a workspace file and on PostgreSQL (team mode)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from trustframe.ui.dialogs import conflict_dialog
from trustframe.ui.dialogs.conflict_dialog import THEIRS, YOURS, ConflictDialog

pytestmark = pytest.mark.both_engines


@pytest.fixture
def colleague(services: Any) -> Iterator[Any]:
    """A second session (another officer) on the same workspace."""
    from trustframe.services.context import Services
    from trustframe.storage.database import Workspace

    other = Services(Workspace.open(services.workspace.location, create=False), services.catalog, user="colleague")
    yield other
    other.close()


@pytest.fixture
def ui(services: Any, qapp: Any) -> Any:
    from trustframe.ui.context import UiContext

    return UiContext(services, settings=None)


def _answer_conflicts(monkeypatch: pytest.MonkeyPatch,
                      decide: Callable[[ConflictDialog], bool]) -> list[ConflictDialog]:
    """Run every conflict dialog with ``decide`` (True: save the choice, False: cancel)."""
    from trustframe.ui import prompts

    opened: list[ConflictDialog] = []

    def run(dialog: Any) -> bool:
        assert isinstance(dialog, ConflictDialog)
        opened.append(dialog)
        return decide(dialog)

    monkeypatch.setattr(prompts, "exec_dialog", run)
    return opened


def _rows(dialog: ConflictDialog) -> dict[str, tuple[Any, Any, Any]]:
    return {f.key: (f.base, f.yours, f.theirs) for f in dialog.fields}


# -- vendor ------------------------------------------------------------------------------------

def _vendor_dialog(ui: Any, services: Any, qtbot: Any) -> Any:
    from trustframe.ui.dialogs.vendor_dialog import VendorDialog

    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB", website="https://acme.example", notes="base")
    dialog = VendorDialog(ui, services.vendors.get_vendor(vendor.id))
    qtbot.addWidget(dialog)
    return dialog


def test_vendor_conflict_shows_both_values_and_stores_the_choice_per_field(
        qtbot: Any, ui: Any, services: Any, colleague: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _vendor_dialog(ui, services, qtbot)
    vid = dialog._vendor.id
    theirs = colleague.vendors.get_vendor(vid)
    colleague.vendors.update_vendor(replace(theirs, notes="their notes", website="https://theirs.example"))
    dialog.notes_edit.setPlainText("my notes")
    dialog.website_edit.setText("https://mine.example")
    dialog.country_edit.setText("DE")

    def decide(conflict: ConflictDialog) -> bool:
        # Both values side by side, with the value each started from.
        assert _rows(conflict) == {
            "country": ("GB", "DE", "GB"),
            "website": ("https://acme.example", "https://mine.example", "https://theirs.example"),
            "notes": ("base", "my notes", "their notes")}
        assert conflict.yours_buttons["notes"].text() == "my notes"
        assert conflict.theirs_buttons["notes"].text() == "their notes"
        assert all(conflict.choice(k) == YOURS for k in ("country", "website", "notes"))
        conflict.choose("notes", THEIRS)
        return True

    opened = _answer_conflicts(monkeypatch, decide)
    dialog.buttons.accepted.emit()
    assert len(opened) == 1 and dialog.result() == dialog.DialogCode.Accepted, dialog.error_text
    stored = services.vendors.get_vendor(vid)
    assert (stored.notes, stored.website, stored.country) == ("their notes", "https://mine.example", "DE")
    assert stored.version == theirs.version + 2  # theirs, then the choice: nothing overwritten unseen
    assert colleague.vendors.get_vendor(vid) == stored


def test_a_field_only_they_changed_defaults_to_theirs(
        qtbot: Any, ui: Any, services: Any, colleague: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _vendor_dialog(ui, services, qtbot)
    vid = dialog._vendor.id
    colleague.vendors.update_vendor(replace(colleague.vendors.get_vendor(vid), website="https://theirs.example"))
    dialog.notes_edit.setPlainText("my notes")
    seen: list[dict[str, str]] = []

    def decide(conflict: ConflictDialog) -> bool:
        seen.append({f.key: conflict.choice(f.key) for f in conflict.fields})
        return True

    _answer_conflicts(monkeypatch, decide)
    dialog.buttons.accepted.emit()
    assert seen == [{"website": THEIRS, "notes": YOURS}]
    stored = services.vendors.get_vendor(vid)
    assert (stored.website, stored.notes) == ("https://theirs.example", "my notes")


def test_cancelling_the_vendor_conflict_stores_nothing_and_keeps_the_entries(
        qtbot: Any, ui: Any, services: Any, colleague: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _vendor_dialog(ui, services, qtbot)
    vid = dialog._vendor.id
    colleague.vendors.update_vendor(replace(colleague.vendors.get_vendor(vid), notes="their notes"))
    after_theirs = services.vendors.get_vendor(vid)
    dialog.notes_edit.setPlainText("my notes")
    opened = _answer_conflicts(monkeypatch, lambda _conflict: False)
    dialog.buttons.accepted.emit()
    assert len(opened) == 1
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Not saved" in dialog.error_text
    assert dialog.notes_edit.toPlainText() == "my notes"
    assert services.vendors.get_vendor(vid) == after_theirs
    # Saving again compares again (the choice is never made silently).
    dialog.buttons.accepted.emit()
    assert len(opened) == 2


def test_another_save_while_choosing_asks_again(qtbot: Any, ui: Any, services: Any, colleague: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _vendor_dialog(ui, services, qtbot)
    vid = dialog._vendor.id
    colleague.vendors.update_vendor(replace(colleague.vendors.get_vendor(vid), notes="theirs 1"))
    dialog.notes_edit.setPlainText("mine")

    def decide(conflict: ConflictDialog) -> bool:
        if len(opened) == 1:  # the colleague saves again while the officer is choosing
            colleague.vendors.update_vendor(replace(colleague.vendors.get_vendor(vid), notes="theirs 2"))
        else:
            assert _rows(conflict)["notes"][1:] == ("mine", "theirs 2")
        return True

    opened = _answer_conflicts(monkeypatch, decide)
    dialog.buttons.accepted.emit()
    assert len(opened) == 2
    assert services.vendors.get_vendor(vid).notes == "mine"


def test_take_all_theirs_stores_theirs(qtbot: Any, ui: Any, services: Any, colleague: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _vendor_dialog(ui, services, qtbot)
    vid = dialog._vendor.id
    colleague.vendors.update_vendor(replace(colleague.vendors.get_vendor(vid), notes="their notes", country="FR"))
    dialog.notes_edit.setPlainText("my notes")
    dialog.country_edit.setText("DE")

    def decide(conflict: ConflictDialog) -> bool:
        conflict.all_theirs_button.click()
        return True

    _answer_conflicts(monkeypatch, decide)
    dialog.buttons.accepted.emit()
    stored = services.vendors.get_vendor(vid)
    assert (stored.notes, stored.country) == ("their notes", "FR")


# -- evidence ----------------------------------------------------------------------------------

def _evidence_dialog(ui: Any, services: Any, qtbot: Any) -> Any:
    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog

    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    evidence = services.evidence.add(vendor.id, "ISO certificate", "certificate", url="https://example.org/iso",
                                     issuer="base issuer", notes="base")
    dialog = EvidenceDialog(ui, vendor.id, evidence=services.evidence.get(evidence.id))
    qtbot.addWidget(dialog)
    return dialog


def test_evidence_conflict_shows_both_values_and_stores_the_choice_per_field(
        qtbot: Any, ui: Any, services: Any, colleague: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _evidence_dialog(ui, services, qtbot)
    eid = dialog.editing.id
    colleague.evidence.update(replace(colleague.evidence.get(eid), issuer="their issuer", notes="their notes",
                                      expires_on=date(2030, 1, 31)))
    dialog.issuer_edit.setText("my issuer")
    dialog.notes_edit.setPlainText("my notes")

    def decide(conflict: ConflictDialog) -> bool:
        assert _rows(conflict) == {"issuer": ("base issuer", "my issuer", "their issuer"),
                                   "expires_on": (None, None, date(2030, 1, 31)),
                                   "notes": ("base", "my notes", "their notes")}
        assert conflict.choice("expires_on") == THEIRS  # only they changed it
        conflict.choose("issuer", THEIRS)
        conflict.choose("notes", YOURS)
        return True

    opened = _answer_conflicts(monkeypatch, decide)
    dialog.buttons.accepted.emit()
    assert len(opened) == 1 and dialog.result() == dialog.DialogCode.Accepted, dialog.error_text
    stored = services.evidence.get(eid)
    assert (stored.issuer, stored.notes, stored.expires_on) == ("their issuer", "my notes", date(2030, 1, 31))


def test_cancelling_the_evidence_conflict_stores_nothing(
        qtbot: Any, ui: Any, services: Any, colleague: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _evidence_dialog(ui, services, qtbot)
    eid = dialog.editing.id
    colleague.evidence.update(replace(colleague.evidence.get(eid), notes="their notes"))
    after_theirs = services.evidence.get(eid)
    dialog.notes_edit.setPlainText("my notes")
    _answer_conflicts(monkeypatch, lambda _conflict: False)
    dialog.buttons.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted and "Not saved" in dialog.error_text
    assert dialog.notes_edit.toPlainText() == "my notes"
    assert services.evidence.get(eid) == after_theirs


# -- assessment details ------------------------------------------------------------------------

def _details_dialog(ui: Any, services: Any, sample_assessment: Any, qtbot: Any) -> Any:
    from trustframe.ui.dialogs.assessment_details_dialog import AssessmentDetailsDialog

    services.assessments.update_details(sample_assessment.id, procurement="RFP-0", due_date=date(2027, 1, 1))
    dialog = AssessmentDetailsDialog(ui, services.assessments.get(sample_assessment.id))
    qtbot.addWidget(dialog)
    return dialog


def test_details_conflict_shows_both_values_and_stores_the_choice_per_field(
        qtbot: Any, ui: Any, services: Any, colleague: Any, sample_assessment: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _details_dialog(ui, services, sample_assessment, qtbot)
    aid = sample_assessment.id
    read = colleague.assessments.get(aid)
    colleague.assessments.update_details(aid, expected_version=read.version, procurement="RFP-theirs",
                                         due_date=date(2027, 3, 1), reviewer="Rita")
    dialog.procurement_edit.setText("RFP-mine")
    dialog.due.set_value(date(2027, 2, 1))

    def decide(conflict: ConflictDialog) -> bool:
        # Only what this officer changed is in question; their reviewer stays as they saved it.
        assert _rows(conflict) == {"procurement": ("RFP-0", "RFP-mine", "RFP-theirs"),
                                   "due_date": (date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1))}
        conflict.choose("procurement", THEIRS)
        conflict.choose("due_date", YOURS)
        return True

    opened = _answer_conflicts(monkeypatch, decide)
    dialog.buttons.accepted.emit()
    assert len(opened) == 1 and dialog.result() == dialog.DialogCode.Accepted, dialog.error_text
    stored = services.assessments.get(aid)
    assert (stored.procurement, stored.due_date, stored.reviewer) == ("RFP-theirs", date(2027, 2, 1), "Rita")


def test_cancelling_the_details_conflict_stores_nothing(
        qtbot: Any, ui: Any, services: Any, colleague: Any, sample_assessment: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _details_dialog(ui, services, sample_assessment, qtbot)
    aid = sample_assessment.id
    colleague.assessments.update_details(aid, procurement="RFP-theirs")
    after_theirs = services.assessments.get(aid)
    dialog.procurement_edit.setText("RFP-mine")
    _answer_conflicts(monkeypatch, lambda _conflict: False)
    dialog.buttons.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted and "Not saved" in dialog.error_text
    assert dialog.procurement_edit.text() == "RFP-mine"
    assert services.assessments.get(aid) == after_theirs


def test_vendor_text_in_the_conflict_dialog_is_plain(qapp: Any) -> None:
    """Vendor-supplied text is never interpreted as markup."""
    fields = conflict_dialog.differing_fields({"notes": "Notes"}, {"notes": "<b>x</b>"}, {"notes": "<i>y</i>"})
    dialog = ConflictDialog("t", "<img src=x>", fields)
    assert dialog.yours_buttons["notes"].text() == "<b>x</b>"
    from PySide6.QtCore import Qt

    assert dialog.explanation.textFormat() == Qt.TextFormat.PlainText
    dialog.deleteLater()
