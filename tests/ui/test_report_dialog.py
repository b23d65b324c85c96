"""The report dialog: choices, background creation with progress, preview and opening."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def ctx(services: Any, qapp: Any) -> Any:
    """A UI context over the test services."""
    from trustframe.ui.context import UiContext

    return UiContext(services, settings=None)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list:
    """URLs the dialog asked the desktop to open (nothing is really opened)."""
    from trustframe.ui import file_dialogs

    urls: list = []
    monkeypatch.setattr(file_dialogs.QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def _second(services: Any) -> int:
    vendor = services.vendors.add_vendor("Beta Ltd", "FR")
    product = services.vendors.add_product(vendor.id, "Beta Box", "software")
    return services.assessments.create(vendor.id, product.id, "sample-trust").id


def test_choices_follow_the_kind(qtbot: Any, ctx: Any, services: Any, sample_assessment: Any) -> None:
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    other = _second(services)
    dialog = ReportDialog(ctx, [sample_assessment.id, other], kind="comparison")
    qtbot.addWidget(dialog)
    assert dialog.kind() == "comparison"
    assert sorted(dialog.selected_ids()) == sorted([sample_assessment.id, other])
    assert dialog.create_button.isEnabled()
    assert dialog.fmt() == "pdf"
    assert not dialog.format_combo.model().item(dialog.format_combo.findData("xlsx")).isEnabled()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("portfolio"))
    assert dialog.selected_ids() == [] and not dialog.assessment_list.isEnabled()
    assert dialog.file_edit.text().endswith("portfolio-report.pdf")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.file_edit.text().endswith(".xlsx") and not dialog.variant_combo.isEnabled()


def test_creates_excel_report_in_background(qtbot: Any, ctx: Any, sample_assessment: Any, tmp_path: Path,
                                            opened: list) -> None:
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    dialog = ReportDialog(ctx, [sample_assessment.id], kind="assessment")
    qtbot.addWidget(dialog)
    assert dialog.selected_ids() == [sample_assessment.id]
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    target = tmp_path / "a.xlsx"
    dialog.file_edit.setText(str(target))
    operation = dialog.create_report()
    assert operation is not None and not dialog.create_button.isEnabled()  # no double start
    with qtbot.waitSignal(operation.finished, timeout=60000):
        pass
    assert target.exists() and opened == [str(target)]
    assert str(target) in dialog.status_label.text()
    assert dialog.create_button.isEnabled()


@pytest.mark.slow
def test_creates_pdf_with_preview(qtbot: Any, ctx: Any, sample_assessment: Any, tmp_path: Path,
                                  opened: list) -> None:
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    dialog = ReportDialog(ctx, [sample_assessment.id])
    qtbot.addWidget(dialog)
    dialog.open_check.setChecked(False)
    dialog.file_edit.setText(str(tmp_path / "a.pdf"))
    operation = dialog.create_report()
    with qtbot.waitSignal(operation.finished, timeout=120000):
        pass
    assert (tmp_path / "a.pdf").exists() and opened == []
    if shutil.which("pdftoppm"):
        assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()


def test_appendix_option(qtbot: Any, ctx: Any, sample_assessment: Any, tmp_path: Path, opened: list,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The answers appendix is in by default; unticking it asks the service for a PDF without it.
    It applies to the assessment PDF only (the Excel report always lists every answer)."""
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    calls: list[dict] = []
    services = ctx.require_services
    real_write = services.reports.write

    def write(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(services.reports, "write", write)
    dialog = ReportDialog(ctx, [sample_assessment.id], kind="assessment")
    qtbot.addWidget(dialog)
    assert dialog.appendix_check.isChecked() and dialog.appendix_check.isEnabled()
    assert "Excel report" in dialog.appendix_check.text()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert not dialog.appendix_check.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.appendix_check.isEnabled()
    dialog.appendix_check.setChecked(False)
    dialog.open_check.setChecked(False)
    dialog.file_edit.setText(str(tmp_path / "short.pdf"))
    operation = dialog.create_report()
    with qtbot.waitSignal(operation.finished, timeout=120000):
        pass
    assert calls and calls[-1]["include_appendix"] is False
    assert (tmp_path / "short.pdf").exists()
