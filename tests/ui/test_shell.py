"""The shell driven through real widgets: welcome, workspaces, demo, register, vendor and
product dialogs, evidence, preferences, portfolio, error dialogs and background operations."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from trustframe.ui import messages



@pytest.fixture
def settings() -> Any:
    from trustframe.ui.settings import AppSettings

    return AppSettings()


@pytest.fixture
def window(qtbot: Any, settings: Any, shown: list) -> Any:
    """A main window with no workspace open."""
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow

    win = MainWindow(UiContext(None, settings))
    qtbot.addWidget(win)
    win.show()
    yield win
    services = win.ctx.services
    win.close()
    if services is not None:
        services.close()


@pytest.fixture
def ui_ctx(services: Any, settings: Any, qapp: Any) -> Any:
    from trustframe.ui.context import UiContext

    return UiContext(services, settings)


def _wait_loaded(qtbot: Any, store: Any) -> None:
    qtbot.waitUntil(lambda: store.is_loaded and not store.is_loading, timeout=20000)


# -- workspaces ---------------------------------------------------------------------------------

def test_first_start_shows_welcome_then_creates_a_workspace(qtbot: Any, window: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert not window.import_action.isEnabled()
    target = tmp_path / "Procurement 2026"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: str(target))
    window.welcome.new_button.click()
    assert window.ctx.services is not None
    created = target.with_name("Procurement 2026.tfw")
    assert created.exists()
    assert window.stack.currentWidget() is window.tabs
    assert str(created.resolve()) in [str(Path(p).resolve()) for p in window.ctx.settings.recent_workspaces]
    _wait_loaded(qtbot, window.store)
    assert window.register_view.stack.currentIndex() == 1  # the "no vendors yet" empty state
    assert "TrustFrame" in window.windowTitle()


def test_opening_a_file_that_is_not_a_workspace_explains_what_to_do(window: Any, tmp_path: Path,
                                                                    shown: list) -> None:
    bogus = tmp_path / "notes.tfw"
    bogus.write_text("just text")
    assert window.open_workspace(bogus) is False
    assert window.ctx.services is None
    assert shown and shown[-1].kind == "warning"
    assert "not a TrustFrame workspace" in shown[-1].text
    assert "Choose a .tfw" in shown[-1].informative


def test_demo_workspace_is_built_in_the_background_and_opened(qtbot: Any, window: Any, shown: list) -> None:
    window.open_demo_workspace()
    operation = window.demo_operation
    assert operation is not None  # the GUI thread is free while it builds
    qtbot.waitUntil(lambda: operation.done, timeout=120000)
    assert operation.error is None, shown
    qtbot.waitUntil(lambda: window.ctx.services is not None, timeout=5000)
    assert window.ctx.services.workspace.path.name == "demo.tfw"
    _wait_loaded(qtbot, window.store)
    assert len(window.store.rows) >= 10
    assert window.register_view.visible_row_count() == len(window.store.rows)
    # The portfolio counts every product and plots the scored ones.
    window.tabs.setCurrentIndex(window.PORTFOLIO_TAB)
    counts = sum(int(card.value.text().replace(",", "")) for card in window.portfolio_view.tier_cards.values())
    assert counts == sum(1 for r in window.store.rows if r.product_id is not None)
    assert window.portfolio_view.chart.points


def test_last_workspace_reopens_and_geometry_is_restored(qtbot: Any, tmp_path: Path, shown: list,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe import app as tfapp

    # start_gui installs the exception hooks; give pytest its own back afterwards.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = tmp_path / "kept.tfw"
    _app, first = tfapp.start_gui(str(path))
    qtbot.addWidget(first)
    first.resize(1100, 720)
    kept = first.size()
    assert first.ctx.services is not None
    first.close()
    first.ctx.services.close()
    _app, second = tfapp.start_gui()
    qtbot.addWidget(second)
    try:
        # An up-to-date workspace shows at once; its services follow from a worker thread.
        assert second.startup_loader is not None
        qtbot.waitUntil(lambda: second.ctx.services is not None, timeout=30000)
        assert second.ctx.services.workspace.path == path.resolve()
        # The offscreen screen may clamp the width; the saved height comes back exactly.
        assert second.ctx.settings.window_geometry is not None
        assert second.size().height() == kept.height()
    finally:
        second.close()
        second.ctx.services.close()


# -- vendors, products, evidence ---------------------------------------------------------------

def test_add_vendor_and_product_through_the_dialogs(qtbot: Any, ui_ctx: Any, services: Any) -> None:
    from trustframe.ui.dialogs.product_dialog import ProductDialog
    from trustframe.ui.dialogs.vendor_dialog import VendorDialog

    dialog = VendorDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()  # nothing typed yet
    assert dialog.error_label.text() == "The vendor name is empty."
    assert dialog.result() == 0  # still open
    qtbot.keyClicks(dialog.name_edit, "Acme Secure Ltd")
    qtbot.keyClicks(dialog.country_edit, "gb")
    assert dialog.country_edit.text() == "GB"
    dialog.website_edit.setText("not a website")
    dialog.buttons.accepted.emit()
    assert "does not look like a web address" in dialog.error_label.text()
    dialog.website_edit.setText("https://acme.example")
    dialog.add_contact_button.click()
    dialog.contacts.item(0, 0).setText("Jo Contact")
    dialog.contacts.item(0, 2).setText("jo@acme.example")
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    vendor = dialog.saved_vendor
    assert vendor is not None and vendor.country == "GB" and vendor.contacts[0].email == "jo@acme.example"

    duplicate = VendorDialog(ui_ctx)
    qtbot.addWidget(duplicate)
    duplicate.name_edit.setText("acme secure ltd")
    duplicate.buttons.accepted.emit()
    assert "already exists" in duplicate.error_label.text()

    product = ProductDialog(ui_ctx, vendor.id)
    qtbot.addWidget(product)
    product.name_edit.setText("Acme Gateway")
    product.category_combo.setCurrentIndex(product.category_combo.findText("Software"))
    product.buttons.accepted.emit()
    assert product.saved_product is not None
    assert [p.name for p in services.vendors.list_products(vendor.id)] == ["Acme Gateway"]


def test_register_filters_and_searches_as_you_type(qtbot: Any, ui_ctx: Any, services: Any) -> None:
    from trustframe.ui.models.register_store import RegisterStore
    from trustframe.ui.views.register_view import RegisterView

    for name, country in (("Northwind Networks AG", "DE"), ("Helios Cloud Ltd", "GB"), ("Kestrel Inc.", "US")):
        vendor = services.vendors.add_vendor(name, country)
        services.vendors.add_product(vendor.id, f"{name.split()[0]} Product", "software")
    store = RegisterStore(ui_ctx)
    view = RegisterView(ui_ctx, store)
    qtbot.addWidget(view)
    store.reload()
    _wait_loaded(qtbot, store)
    assert view.visible_row_count() == 3
    qtbot.keyClicks(view.search, "helios")
    qtbot.waitUntil(lambda: view.visible_row_count() == 1, timeout=2000)
    assert "Showing 1 of 3" in view.count_label.text()
    view.clear_filters()
    assert view.visible_row_count() == 3
    view.status_filter.setCurrentIndex(view.status_filter.findText("Not assessed"))
    assert view.visible_row_count() == 3
    view.status_filter.setCurrentIndex(view.status_filter.findText("Decided"))
    assert view.visible_row_count() == 0
    assert view.stack.currentIndex() == 1  # "Nothing matches" with a Clear filters button
    view.empty_action.click()
    assert view.visible_row_count() == 3
    # A new vendor appears after the change announcement (debounced reload).
    services.vendors.add_vendor("Orchid Analytics SAS", "FR")
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5000)


def test_attach_evidence_file_and_save_a_copy(qtbot: Any, ui_ctx: Any, services: Any, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date, timedelta

    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog
    from trustframe.ui.views.vendor_view import VendorView

    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    source = tmp_path / "iso27001.pdf"
    source.write_bytes(b"%PDF-1.4 certificate")
    monkeypatch.setattr(messages, "choose_open_file", lambda *a, **k: str(source))
    dialog = EvidenceDialog(ui_ctx, vendor.id)
    qtbot.addWidget(dialog)
    dialog.browse_button.click()
    assert dialog.title_edit.text() == "iso27001"
    dialog.title_edit.setText("ISO/IEC 27001 certificate")
    dialog.independent_check.setChecked(True)
    dialog.issued.set_value(date.today() - timedelta(days=400))
    dialog.expires.set_value(date.today() - timedelta(days=1))
    dialog.buttons.accepted.emit()
    assert dialog.saved_evidence is not None and dialog.saved_evidence.sha256

    link = EvidenceDialog(ui_ctx, vendor.id)
    qtbot.addWidget(link)
    link.title_edit.setText("Disclosure policy")
    link.link_radio.setChecked(True)
    link.url_edit.setText("docs.example/policy")
    link.buttons.accepted.emit()
    assert "is not a link" in link.error_label.text()
    link.url_edit.setText("https://docs.example/policy")
    link.buttons.accepted.emit()
    assert link.saved_evidence is not None

    view = VendorView(ui_ctx, vendor.id)
    qtbot.addWidget(view)
    assert view.evidence_table.rowCount() == 2
    states = {view.evidence_table.item(r, 0).text(): view.evidence_table.item(r, 3).text() for r in range(2)}
    assert "Expired" in states["ISO/IEC 27001 certificate"]
    assert "1 expired" in view.evidence_summary.text()
    row = next(r for r in range(2) if view.evidence_table.item(r, 0).text().startswith("ISO"))
    view.evidence_table.selectRow(row)
    assert view.save_evidence_button.isEnabled()
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: str(target))
    view.save_evidence_button.click()
    assert target.read_bytes() == source.read_bytes()


def test_vendor_view_follows_changes(qtbot: Any, ui_ctx: Any, services: Any) -> None:
    from trustframe.ui.views.vendor_view import VendorView

    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    view = VendorView(ui_ctx, vendor.id)
    qtbot.addWidget(view)
    assert view.products_table.rowCount() == 0
    services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    qtbot.waitUntil(lambda: view.products_table.rowCount() == 1, timeout=3000)
    with qtbot.waitSignal(view.vanished, timeout=3000):
        services.vendors.delete_vendor(vendor.id)


# -- preferences -------------------------------------------------------------------------------

def test_preferences_persist_and_are_mirrored_to_the_workspace(qtbot: Any, ui_ctx: Any, services: Any,
                                                               tmp_path: Path) -> None:
    from trustframe.ui.dialogs.preferences_dialog import PreferencesDialog
    from trustframe.ui.settings import AppSettings

    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkBlue)
    image.save(str(logo))
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.organisation_edit.setText("Ministry of Examples")
    dialog.logo_edit.setText(str(tmp_path / "logo.svg"))
    dialog.buttons.accepted.emit()
    assert "PNG or JPEG" in dialog.error_label.text()
    dialog.logo_edit.setText(str(logo))
    assert not dialog.logo_preview.pixmap().isNull()
    dialog.assessor_edit.setText("Alex Officer")
    assert dialog.library_age_spin.value() == 12  # the answer library's default age
    dialog.library_age_spin.setValue(6)
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.answer_library.max_age_months() == 6

    fresh = AppSettings()  # read back from disk
    assert fresh.organisation_name == "Ministry of Examples"
    assert fresh.organisation_logo == str(logo)
    assert fresh.assessor_name == "Alex Officer"
    assert services.setting("organisation_name") == "Ministry of Examples"
    assert services.setting("organisation_logo") == str(logo)


def test_recent_workspaces_are_remembered_newest_first(settings: Any, tmp_path: Path) -> None:
    for name in ("a.tfw", "b.tfw", "a.tfw"):
        settings.add_recent_workspace(tmp_path / name)
    assert [Path(p).name for p in settings.recent_workspaces] == ["a.tfw", "b.tfw"]
    assert Path(settings.last_workspace).name == "a.tfw"
    settings.remove_recent_workspace(tmp_path / "a.tfw")
    assert [Path(p).name for p in settings.recent_workspaces] == ["b.tfw"]


# -- errors and background work ----------------------------------------------------------------

def test_known_errors_get_advice_and_bugs_get_the_log_path(qapp: Any, shown: list) -> None:
    from trustframe import paths
    from trustframe.errors import ConflictError
    from trustframe.ui import error_dialog

    error_dialog.show_exception(None, ConflictError("A vendor named 'X' already exists."))
    assert shown[-1].kind == "warning" and "already exists" in shown[-1].text
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        error_dialog.show_exception(None, exc)
    assert shown[-1].kind == "critical"
    assert str(paths.log_file_path()) in shown[-1].informative
    assert "RuntimeError: boom" in shown[-1].details


def test_operation_reports_progress_and_result(qtbot: Any, qapp: Any) -> None:
    from trustframe.ui.operations import Operation

    progress: list[tuple[int, int]] = []

    def work(task: Any) -> int:
        for i in range(3):
            task.report(i + 1, 3)
        return 42

    op = Operation(work)
    op._signals.progressed.connect(lambda d, t, _s: progress.append((d, t)))
    with qtbot.waitSignal(op.succeeded, timeout=5000) as blocker:
        op.start()
    assert blocker.args == [42]
    qtbot.waitUntil(lambda: len(progress) == 3, timeout=2000)


def test_operation_failure_goes_to_the_error_dialog(qtbot: Any, qapp: Any, shown: list) -> None:
    from trustframe.ui.operations import Operation

    def work(task: Any) -> None:
        raise ValueError("worker broke")

    op = Operation(work)
    with qtbot.waitSignal(op.failed, timeout=5000):
        op.start()
    assert shown[-1].kind == "critical" and "worker broke" in shown[-1].details


def test_operation_can_be_cancelled(qtbot: Any, qapp: Any) -> None:
    import time

    from trustframe.ui.operations import Operation

    def work(task: Any) -> None:
        while True:
            task.check()
            time.sleep(0.005)

    op = Operation(work)
    with qtbot.waitSignal(op.cancelled, timeout=5000):
        op.start()
        op.task.cancel()


def test_portfolio_rescore_all_runs_in_the_background(qtbot: Any, ui_ctx: Any, services: Any,
                                                      sample_assessment: Any) -> None:
    from trustframe.ui.models.register_store import RegisterStore
    from trustframe.ui.views.portfolio_view import PortfolioView

    store = RegisterStore(ui_ctx)
    view = PortfolioView(ui_ctx, store)
    qtbot.addWidget(view)
    store.reload()
    _wait_loaded(qtbot, store)
    assert view.tier_cards[None].value.text() in {"0", "1"}
    view.rescore_all()
    assert not view.rescore_button.isEnabled()
    # preview first (old vs new rating), then the save: the button waits for both
    qtbot.waitUntil(lambda: view.rescore_button.isEnabled(), timeout=30000)
    assert services.scoring.rescore_preview().not_stored == 0  # the scores were saved


def test_portfolio_rescore_shows_old_against_new_before_saving(qtbot: Any, ui_ctx: Any, services: Any,
                                                                sample_assessment: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.storage.orm import ScoreSnapshotRow
    from trustframe.ui import messages
    from trustframe.ui.models.register_store import RegisterStore
    from trustframe.ui.views.portfolio_view import PortfolioView

    services.scoring.rescore_all()
    with services.workspace.transaction() as session:  # a score stored by an older profile
        row = session.query(ScoreSnapshotRow).filter_by(assessment_id=sample_assessment.id).one()
        row.rating, row.profile_id = "low", "default@1.0.0#old"
    asked: list = []
    answers = iter([False, True])
    monkeypatch.setattr(messages, "presenter", lambda _parent, message: asked.append(message) or next(answers))
    store = RegisterStore(ui_ctx)
    view = PortfolioView(ui_ctx, store)
    qtbot.addWidget(view)
    view.rescore_all()                     # declined: nothing saved
    qtbot.waitUntil(lambda: view.rescore_button.isEnabled(), timeout=30000)
    assert "1 of 1 stored ratings change" in asked[0].text and "Low →" in asked[0].details
    assert services.scoring.rescore_preview().rating_changes == 1
    view.rescore_all()                     # confirmed: saved
    qtbot.waitUntil(lambda: len(asked) == 2 and view.rescore_button.isEnabled(), timeout=30000)
    assert services.scoring.rescore_preview().rating_changes == 0


def test_dropping_a_workbook_opens_the_import(qtbot: Any, window: Any, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_workspace(tmp_path / "drop.tfw", create=True)
    opened: list[str | None] = []
    monkeypatch.setattr(window, "import_response", lambda path=None: opened.append(path))
    mime = QMimeData()
    workbook = tmp_path / "response.xlsx"
    workbook.write_bytes(b"PK")
    mime.setUrls([QUrl.fromLocalFile(str(workbook))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert opened == [str(workbook)]


def test_find_focuses_the_register_search(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.open_workspace(tmp_path / "find.tfw", create=True)
    window.tabs.setCurrentIndex(window.PORTFOLIO_TAB)
    window.activateWindow()
    window.find_action.trigger()
    assert window.tabs.currentIndex() == window.REGISTER_TAB
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_widgets_have_accessible_names(window: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView

    window.open_workspace(tmp_path / "a11y.tfw", create=True)
    view = window.register_view
    for kind in (QLineEdit, QComboBox, QTableView):
        for widget in view.findChildren(kind):
            if widget.isVisibleTo(view) and not isinstance(widget.parent(), QComboBox):
                assert widget.accessibleName(), widget
