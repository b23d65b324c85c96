"""File dialogs remember the last folder per purpose, "open when done" reports a failure visibly,
and the Reports dialog finds an assessment by typing (issue 13 §4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.assessment_ui_support import no_dialogs  # noqa: F401 (fixture)


@pytest.fixture
def settings_ctx(services: Any, qapp: Any) -> Any:
    from trustframe.ui.context import UiContext
    from trustframe.ui.settings import AppSettings

    return UiContext(services, AppSettings())


def test_each_purpose_remembers_its_own_folder(qtbot: Any, settings_ctx: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui import file_dialogs, messages

    evidence_dir, report_dir = tmp_path / "evidence", tmp_path / "reports"
    evidence_dir.mkdir()
    report_dir.mkdir()
    starts: list[tuple[str, str]] = []
    answers = iter([str(evidence_dir / "soc2.pdf"), str(report_dir / "acme.pdf"), "", ""])

    def chooser(kind: str) -> Any:
        def choose(_parent: Any, caption: str, directory: str = "", _filter: str = "") -> str:
            starts.append((kind, directory))
            return next(answers)
        return choose

    monkeypatch.setattr(messages, "choose_open_file", chooser("open"))
    monkeypatch.setattr(messages, "choose_save_file", chooser("save"))
    s = settings_ctx.settings
    file_dialogs.choose_open(None, s, file_dialogs.EVIDENCE, "Evidence")
    file_dialogs.choose_save(None, s, file_dialogs.REPORT, "Report", "assessment-1.pdf")
    file_dialogs.choose_open(None, s, file_dialogs.EVIDENCE, "Evidence")     # cancelled: nothing changes
    file_dialogs.choose_save(None, s, file_dialogs.REPORT, "Report", "assessment-2.pdf")
    assert Path(starts[2][1]) == evidence_dir
    assert Path(starts[3][1]) == report_dir / "assessment-2.pdf"
    assert Path(starts[0][1]) == file_dialogs.default_folder()


def test_evidence_dialog_browse_starts_in_the_last_evidence_folder(qtbot: Any, settings_ctx: Any,
                                                                    sample_assessment: Any, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui import messages
    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog

    folder = tmp_path / "certificates"
    folder.mkdir()
    starts: list[str] = []

    def choose(_parent: Any, _caption: str, directory: str = "", _filter: str = "") -> str:
        starts.append(directory)
        return str(folder / "iso27001.pdf")

    monkeypatch.setattr(messages, "choose_open_file", choose)
    for _ in range(2):
        dialog = EvidenceDialog(settings_ctx, sample_assessment.vendor_id)
        qtbot.addWidget(dialog)
        dialog._on_browse_button_clicked()
    assert Path(starts[1]) == folder and Path(starts[0]) != folder


def test_open_when_done_failure_is_reported(qtbot: Any, settings_ctx: Any, sample_assessment: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch, no_dialogs: list) -> None:
    from trustframe.ui import file_dialogs
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    monkeypatch.setattr(file_dialogs.QDesktopServices, "openUrl", lambda _url: False)   # no application
    dialog = ReportDialog(settings_ctx, [sample_assessment.id])
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    dialog.file_edit.setText(str(tmp_path / "out" / "report.xlsx"))
    (tmp_path / "out").mkdir()
    assert dialog.open_check.isChecked()
    operation = dialog.create_report()
    assert operation is not None
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=60000)
    assert any(m.kind == "warning" and "report.xlsx" in m.text for m in no_dialogs)
    assert "could not be opened" in dialog.status_label.text()
    # ... and the report folder is remembered for next time.
    assert file_dialogs.remembered_folder(settings_ctx.settings, file_dialogs.REPORT) == tmp_path / "out"


def test_reports_dialog_finds_an_assessment_by_typing(qtbot: Any, settings_ctx: Any, services: Any) -> None:
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    ids = {}
    for n in range(40):
        vendor = services.vendors.add_vendor(f"Vendor {n:03d} AG", "DE")
        product = services.vendors.add_product(vendor.id, f"Gateway {n:03d}", "software")
        ids[n] = services.assessments.create(vendor.id, product.id, "sample-trust").id
    dialog = ReportDialog(settings_ctx, [ids[0]])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.search_edit.isVisible()
    qtbot.keyClicks(dialog.search_edit, "vendor 017")
    visible = [dialog.assessment_list.item(r) for r in range(dialog.assessment_list.count())
               if not dialog.assessment_list.isRowHidden(r)]
    assert len(visible) == 1 and "Vendor 017 AG" in visible[0].text()
    assert dialog.selected_ids() == [ids[17]]
    dialog.search_edit.clear()
    qtbot.keyClicks(dialog.search_edit, f"#{ids[33]} ")
    assert dialog.selected_ids() == [ids[33]]
    # The completer offers the rows as the officer types; picking one selects it.
    dialog.search_edit.clear()
    completer = dialog.search_completer
    completer.setCompletionPrefix("Gateway 005")
    assert completer.completionCount() == 1
    completer.activated[str].emit(completer.currentCompletion())
    assert dialog.selected_ids() == [ids[5]]
