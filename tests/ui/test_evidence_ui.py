"""Editing and deleting evidence from the vendor page, through the real evidence dialog."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.questionnaire import EvidenceKind
from trustframe.ui import messages, prompts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx, no_dialogs  # noqa: E402,F401 (fixtures)


@pytest.fixture
def vendor_page(qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, tmp_path: Path) -> Any:
    from trustframe.ui.views.vendor_view import VendorView

    cert = tmp_path / "iso.pdf"
    cert.write_bytes(b"%PDF-1.4 certificate")
    services.evidence.add(sample_assessment.vendor_id, "ISO 27001", "certificate", file=cert, issuer="BSI")
    services.evidence.add(sample_assessment.vendor_id, "Disclosure policy", "policy",
                          url="https://docs.example/vdp")
    view = VendorView(ctx, sample_assessment.vendor_id)
    qtbot.addWidget(view)
    return view


def _select(view: Any, title: str) -> None:
    row = next(r for r in range(view.evidence_table.rowCount()) if view.evidence_table.item(r, 0).text() == title)
    view.evidence_table.selectRow(row)


def test_edit_evidence_through_the_dialog(qtbot: Any, vendor_page: Any, services: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    view = vendor_page
    assert not view.edit_evidence_button.isEnabled() and not view.delete_evidence_button.isEnabled()
    _select(view, "ISO 27001")
    assert view.edit_evidence_button.isEnabled() and view.delete_evidence_button.isEnabled()
    opened: list[Any] = []

    def fill_and_accept(dialog: Any) -> bool:
        opened.append(dialog)
        assert dialog.windowTitle() == "Edit evidence"
        assert dialog.title_edit.text() == "ISO 27001" and dialog.issuer_edit.text() == "BSI"
        assert dialog.file_edit.text() == "iso.pdf" and dialog.file_edit.isReadOnly()
        assert not dialog.browse_button.isEnabled() and not dialog.link_radio.isEnabled()
        dialog.title_edit.setText("ISO/IEC 27001 certificate")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(EvidenceKind.AUDIT_REPORT))
        dialog.expires.set_value(date(2020, 1, 1))
        dialog.issued.set_value(date(2021, 1, 1))
        dialog.buttons.accepted.emit()
        assert "before the issue date" in dialog.error_text         # the refusal stays inline
        dialog.issued.set_value(None)
        dialog.buttons.accepted.emit()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(prompts, "exec_dialog", fill_and_accept)
    view.edit_evidence_button.click()
    assert opened
    stored = {e.title: e for e in services.evidence.list_evidence(view.vendor_id)}
    assert stored["ISO/IEC 27001 certificate"].kind is EvidenceKind.AUDIT_REPORT
    assert stored["ISO/IEC 27001 certificate"].expires_on == date(2020, 1, 1)
    qtbot.waitUntil(lambda: any(view.evidence_table.item(r, 0).text() == "ISO/IEC 27001 certificate"
                                for r in range(view.evidence_table.rowCount())))
    assert view.selected_evidence() is not None and view.selected_evidence().title == "ISO/IEC 27001 certificate"
    assert "1 expired" in view.evidence_summary.text()


def test_edit_a_link_changes_its_address(qtbot: Any, vendor_page: Any, services: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    view = vendor_page
    _select(view, "Disclosure policy")

    def accept(dialog: Any) -> bool:
        assert dialog.url_edit.isEnabled() and not dialog.file_radio.isEnabled()
        dialog.url_edit.setText("https://docs.example/vdp-2026")
        dialog.buttons.accepted.emit()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(prompts, "exec_dialog", accept)
    assert view.edit_selected_evidence()
    assert {e.url for e in services.evidence.list_evidence(view.vendor_id)} == {"", "https://docs.example/vdp-2026"}


def test_delete_evidence_asks_first(qtbot: Any, vendor_page: Any, services: Any,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    view = vendor_page
    _select(view, "Disclosure policy")
    asked: list[messages.Message] = []
    monkeypatch.setattr(messages, "presenter", lambda _p, m: asked.append(m) or False)   # "No"
    view.delete_evidence_button.click()
    assert asked and asked[0].kind == "question" and "Disclosure policy" in asked[0].text
    assert len(services.evidence.list_evidence(view.vendor_id)) == 2
    monkeypatch.setattr(messages, "presenter", lambda _p, m: True)                         # "Yes"
    view.delete_evidence_button.click()
    assert [e.title for e in services.evidence.list_evidence(view.vendor_id)] == ["ISO 27001"]
    qtbot.waitUntil(lambda: view.evidence_table.rowCount() == 1)
    assert not view.delete_evidence_button.isEnabled()


def test_delete_refused_for_a_decided_assessment_is_explained(qtbot: Any, vendor_page: Any, services: Any,
                                                              sample_assessment: Any, no_dialogs: list) -> None:
    view = vendor_page
    evidence = next(e for e in services.evidence.list_evidence(view.vendor_id) if e.title == "ISO 27001")
    services.evidence.link(sample_assessment.id, "GOV-01", evidence.id)
    services.assessments.set_status(sample_assessment.id, AssessmentStatus.IN_REVIEW)
    services.assessments.decide(sample_assessment.id, Decision.APPROVE)
    view.reload()
    _select(view, "ISO 27001")
    assert not view.delete_selected_evidence()
    assert [m.kind for m in no_dialogs] == ["question", "warning"]
    assert "decided assessment" in no_dialogs[1].text
    assert view.evidence_table.rowCount() == 2


def test_sbom_and_vex_facts_are_shown_beside_their_kind(qtbot: Any, ctx: Any, services: Any,
                                                         sample_assessment: Any, tmp_path: Path) -> None:
    from tests.exchange.sbom_support import make_csaf_vex, make_cyclonedx
    from trustframe.ui.views.vendor_view import VendorView

    services.evidence.add(sample_assessment.vendor_id, "SBOM 7.1", "sbom",
                          file=make_cyclonedx(tmp_path / "bom.json", components=10, supplier_every=3,
                                              with_dependencies=False))
    services.evidence.add(sample_assessment.vendor_id, "VEX 7.1", "vex",
                          file=make_csaf_vex(tmp_path / "vex.json", affected={"CVE-2026-1111": date(2026, 9, 1)}))
    view = VendorView(ctx, sample_assessment.vendor_id)
    qtbot.addWidget(view)
    kinds = {view.evidence_table.item(r, 0).text(): view.evidence_table.item(r, 1)
             for r in range(view.evidence_table.rowCount())}
    sbom, vex = kinds["SBOM 7.1"], kinds["VEX 7.1"]
    assert sbom.text() == "SBOM · 10 components, no dependencies"
    assert "CycloneDX 1.5" in sbom.toolTip() and "NTIA minimum elements NOT met" in sbom.toolTip()
    assert "With supplier 40 %" in sbom.toolTip()
    assert vex.text() == "VEX document · 1 affected" and "CSAF 2.0" in vex.toolTip()


def test_linked_sbom_facts_show_beside_the_answer(qtbot: Any, ctx: Any, services: Any, sample_assessment: Any,
                                                  tmp_path: Path) -> None:
    from tests.exchange.sbom_support import make_cyclonedx
    from trustframe.ui.views.assessment_view import AssessmentView

    sbom = services.evidence.add(sample_assessment.vendor_id, "SBOM 7.1", "sbom",
                                 file=make_cyclonedx(tmp_path / "bom.json", components=6, with_dependencies=False))
    services.evidence.link(sample_assessment.id, "GOV-01", sbom.id)
    view = AssessmentView(ctx, sample_assessment.id)
    qtbot.addWidget(view)
    assert view.go_to_question("GOV-01", focus=False)
    item = view.evidence_list.item(0)
    assert item.text() == "SBOM 7.1 · SBOM · 6 components, no dependencies"
    assert "NTIA minimum elements NOT met" in item.toolTip()


def test_prefill_from_earlier_answers_asks_then_fills_to_confirm(qtbot: Any, ctx: Any, services: Any,
                                                                 sample_assessment: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui.views.assessment_view import AssessmentView

    s = services
    s.assessments.set_answer(sample_assessment.id, "GOV-01", "documented")
    other = s.vendors.add_product(sample_assessment.vendor_id, "Acme Gateway 2", "software")
    new = s.assessments.create(sample_assessment.vendor_id, other.id, "sample-trust")
    view = AssessmentView(ctx, new.id)
    qtbot.addWidget(view)
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask", lambda _p, title, *_a, **_k: asked.append(title) or False)
    assert view.prefill_from_library() == 0 and asked == ["Pre-fill from earlier answers"]
    assert s.assessments.answers(new.id) == {}
    monkeypatch.setattr(messages, "ask", lambda *_a, **_k: True)
    assert view.prefill_from_library() == 1
    answer = s.assessments.answers(new.id)["GOV-01"]
    assert answer.to_confirm and answer.origin_assessment_id == sample_assessment.id
    assert view.prefill_action.isEnabled()


@pytest.mark.parametrize(("url", "shown"), [
    ("http://169.254.169.254/latest/meta-data", "link-local"),
    ("https://10.1.2.3/cert.pdf", "private"),
    ("https://0xa9fea9fe/", "169.254.169.254"),
    ("https://fileserver/cert.pdf", "internal host name (fileserver)"),
])
def test_a_link_into_the_own_network_is_flagged_while_typing(qtbot: Any, ctx: Any, sample_assessment: Any,
                                                             url: str, shown: str) -> None:
    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog

    dialog = EvidenceDialog(ctx, sample_assessment.vendor_id)
    qtbot.addWidget(dialog)
    dialog.link_radio.setChecked(True)
    dialog.url_edit.setText("https://www.example.com/iso27001.pdf")
    assert dialog.url_warning.isHidden()
    dialog.url_edit.setText(url)
    assert not dialog.url_warning.isHidden()
    assert shown in dialog.url_warning.text()
    # the warning belongs to the link: switching to a file hides it, back to the link shows it
    dialog.file_radio.setChecked(True)
    assert dialog.url_warning.isHidden()
    dialog.link_radio.setChecked(True)
    assert not dialog.url_warning.isHidden()
    dialog.url_edit.setText("https://www.example.com/")
    assert dialog.url_warning.isHidden()


def test_a_flagged_link_is_still_saved(qtbot: Any, ctx: Any, services: Any, sample_assessment: Any) -> None:
    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog

    dialog = EvidenceDialog(ctx, sample_assessment.vendor_id)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Internal copy")
    dialog.link_radio.setChecked(True)
    dialog.url_edit.setText("http://192.168.1.5/soc2.pdf")
    dialog.save()
    assert dialog.saved_evidence is not None and dialog.saved_evidence.url == "http://192.168.1.5/soc2.pdf"
