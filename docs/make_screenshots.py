"""Render TrustFrame's main screens to docs/screenshots/*.png.

``make screenshots`` runs this under Xvfb (``QT_QPA_PLATFORM=xcb``); it also works headless with
``QT_QPA_PLATFORM=offscreen``. A demo workspace is built in a temporary folder (user settings go
there too, so your own settings are never touched), every screen is shown at 1440x900 and
grabbed with ``QWidget.grab()``. Screens owned by other parts of the app are skipped with a
message when they are not installed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
#: Where the PNGs go; TRUSTFRAME_SCREENSHOT_DIR overrides it (e.g. for a 200% check that must
#: not replace the committed 100% pictures).
OUT = Path(os.environ.get("TRUSTFRAME_SCREENSHOT_DIR") or ROOT / "docs" / "screenshots").resolve()
SIZE = (1440, 900)

sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_home = tempfile.mkdtemp(prefix="trustframe-shots-")
os.environ["TRUSTFRAME_HOME"] = _home
os.environ.setdefault("TRUSTFRAME_USER", "Alex Officer")


def _wait(app: Any, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not become ready")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _settle(app: Any, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _save(widget: Any, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def _fill_like_a_vendor(services: Any, assessment_id: int, workbook: Path) -> Path:
    """Type answers into the exported workbook as a vendor would (by question id)."""
    import openpyxl

    from trustframe.exchange.excel_model import COLUMN_INDEX, FIRST_DATA_ROW, QUESTIONS_SHEET

    answered = services.assessments.answers(assessment_id)
    questions = [q for q in services.assessments.scoped_questions(assessment_id)
                 if q.id not in answered and q.options and q.show_if is None][:14]
    book = openpyxl.load_workbook(workbook)
    sheet = book[QUESTIONS_SHEET]
    rows = {sheet.cell(r, COLUMN_INDEX["id"]).value: r for r in range(FIRST_DATA_ROW, sheet.max_row + 1)}
    for i, question in enumerate(questions):
        if question.id in rows:
            option = question.options[min(i % 3, len(question.options) - 1)]
            sheet.cell(rows[question.id], COLUMN_INDEX["answer"]).value = option.label
            if i % 4 == 0:
                sheet.cell(rows[question.id], COLUMN_INDEX["comment"]).value = "See our security whitepaper, s. 3."
    target = workbook.with_name("returned.xlsx")
    book.save(target)
    return target


def main() -> int:
    from trustframe.app import configure_logging, create_application
    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo
    from trustframe.ui import messages
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    configure_logging()
    messages.presenter = lambda parent, message: True  # never block on a message box
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    settings = AppSettings()
    settings.organisation_name = "Ministry of Examples, Procurement Office"
    settings.assessor_name = "Alex Officer"

    print("Building the demo workspace…")
    workspace = Path(_home) / "Demo vendors.tfw"
    services = Services.open(workspace, user="Alex Officer")
    build_demo(services)
    services.scoring.rescore_all()

    ctx = UiContext(None, settings)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    print("Saving screenshots:")
    _save(window, "01-welcome")

    window.set_services(services)
    _wait(app, lambda: window.store.is_loaded)
    _settle(app)
    _save(window, "02-register")

    window.register_view.search.setText("net")
    window.register_view.apply_search_now()
    window.register_view.status_filter.setCurrentIndex(0)
    _settle(app)
    _save(window, "03-register-search")
    window.register_view.clear_filters()

    rows = {r.vendor_name: r for r in window.store.rows}
    northwind = rows.get("Northwind Networks AG") or window.store.rows[0]
    window.open_vendor(northwind.vendor_id, northwind.product_id or 0)
    _settle(app)
    _save(window, "04-vendor-detail")

    window.tabs.setCurrentIndex(window.PORTFOLIO_TAB)
    _wait(app, lambda: window.portfolio_view._evidence_op is None)
    _settle(app)
    _save(window, "05-portfolio")

    in_review = next((r for r in window.store.rows if r.status is not None and r.status.value == "in_review"), None)
    target = in_review or next(r for r in window.store.rows if r.assessment_id)
    try:
        window.open_assessment(target.assessment_id)
        _settle(app, 0.8)
        _save(window, "06-assessment")
    except Exception as exc:  # another part of the app; report and continue
        print(f"  (assessment view skipped: {exc})")

    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog
    from trustframe.ui.dialogs.preferences_dialog import PreferencesDialog
    from trustframe.ui.dialogs.vendor_dialog import VendorDialog

    vendor = services.vendors.get_vendor(northwind.vendor_id)
    for name, dialog in (("07-vendor-dialog", VendorDialog(ctx, vendor, window)),
                         ("08-evidence-dialog", EvidenceDialog(ctx, northwind.vendor_id, None, window)),
                         ("09-preferences", PreferencesDialog(ctx, window))):
        dialog.show()
        _settle(app)
        _save(dialog, name)
        dialog.close()

    workbook = Path(_home) / "questionnaire.xlsx"
    sent = next((r for r in window.store.rows if r.status is not None and r.status.value == "sent"), target)
    try:
        services.exchange.export_questionnaire(sent.assessment_id, workbook)
        returned = _fill_like_a_vendor(services, sent.assessment_id, workbook)
        from trustframe.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(ctx, sent.assessment_id, path=returned, parent=window)
        dialog.resize(1100, 720)
        dialog.show()
        _settle(app, 1.5)
        _save(dialog, "10-import-preview")
        dialog.close()
    except Exception as exc:
        print(f"  (import preview skipped: {exc!r})")

    try:
        from trustframe.ui.dialogs.report_dialog import ReportDialog

        dialog = ReportDialog(ctx, [target.assessment_id], kind="assessment", parent=window)
        dialog.show()
        _settle(app, 0.5)
        _save(dialog, "11-report-dialog")
        dialog.close()
    except Exception as exc:
        print(f"  (report dialog skipped: {exc!r})")

    try:
        from trustframe.ui.dialogs.scope_tier_dialog import ScopeTierDialog

        dialog = ScopeTierDialog(ctx, services.assessments.get(target.assessment_id), window)
        dialog.show()
        _settle(app, 0.5)
        _save(dialog, "12-scope-tier-dialog")
        dialog.close()
    except Exception as exc:
        print(f"  (scope and tier dialog skipped: {exc!r})")

    try:
        from trustframe.ui.dialogs.compare_picker import ComparePickerDialog

        known = {r.assessment_id: r.rating for r in window.store.rows if r.assessment_id is not None}
        # Two candidates ticked, across procurements, so the list shows more than one row.
        picked = [target.assessment_id] + ([northwind.assessment_id] if northwind.assessment_id else [])
        dialog = ComparePickerDialog(ctx, picked, known, parent=window)
        dialog.show()
        _settle(app, 0.8)
        _save(dialog, "13-compare-picker")
        dialog.close()
    except Exception as exc:
        print(f"  (compare picker skipped: {exc!r})")

    _gui_screens(app, window, ctx, services, target, northwind)
    window.close()
    services.close()
    return 0


def _gui_screens(app: Any, window: Any, ctx: Any, services: Any, target: Any, northwind: Any) -> None:
    """Compare with differences marked, the decision dialog asking for a justification, and the
    keyboard shortcuts list (issue 13)."""
    try:
        from trustframe.ui.views.compare_view import CompareView

        ids = [target.assessment_id] + [r.assessment_id for r in window.store.rows
                                        if r.assessment_id not in (None, target.assessment_id)][:1]
        view = window._show_tab(("compare", tuple(ids)), lambda: CompareView(ctx, ids, window), "Compare", "compare")
        view.differences_box.setChecked(True)
        _settle(app, 0.5)
        _save(window, "14-compare-differences")
    except Exception as exc:
        print(f"  (compare skipped: {exc!r})")
    try:
        from trustframe.domain.assessment import Decision
        from trustframe.ui.dialogs.decision_dialog import DecisionDialog
        score = services.scoring.score_or_none(target.assessment_id)
        dialog = DecisionDialog(ctx, target.assessment_id, score, window)
        recommended = Decision(score.recommendation.value) if score else Decision.APPROVE
        dialog.set_decision(next(d for d in Decision if d is not recommended))
        dialog.show()
        _settle(app, 0.5)
        _save(dialog, "15-decision-justification")
        dialog.close()
    except Exception as exc:
        print(f"  (decision dialog skipped: {exc!r})")
    try:
        from trustframe.ui.dialogs.shortcuts_dialog import ShortcutsDialog, collect_shortcuts

        view = window.open_assessment(target.assessment_id)
        dialog = ShortcutsDialog(collect_shortcuts(window, view), window)
        dialog.show()
        _settle(app, 0.5)
        _save(dialog, "16-keyboard-shortcuts")
        dialog.close()
    except Exception as exc:
        print(f"  (shortcuts dialog skipped: {exc!r})")


if __name__ == "__main__":
    raise SystemExit(main())
