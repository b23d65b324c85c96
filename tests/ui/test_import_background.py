"""The import dialog reads and applies a returned workbook off the GUI thread: the window keeps
painting (a heartbeat timer keeps ticking), the dialog shows it is busy, and a failing apply
changes nothing and says why."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from exchange_support import fill  # noqa: E402
from trustframe.ui.dialogs.import_dialog import ImportDialog  # noqa: E402

#: The preview is slowed by this much (on the worker) so that a preview on the GUI thread would
#: certainly stop the heartbeat for longer than the test allows.
SLOW_SECONDS = 0.8


def _ctx(services: Any) -> Any:
    from trustframe.ui.context import UiContext

    return UiContext(services, settings=None)


def test_preview_of_a_200_question_workbook_keeps_the_window_painting(
        qtbot: Any, qapp: Any, services: Any, tmp_path: Path, monkeypatch: Any) -> None:
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    product = services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    assessment = services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust")
    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(assessment.id, sent)
    first = services.assessments.applicable_questions(assessment)[0]
    returned = fill(sent, {first.id: first.options[0].label if first.options else "yes"})
    real_preview = services.exchange.preview_import
    threads: list[threading.Thread] = []

    def slow_preview(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        time.sleep(SLOW_SECONDS)  # a slow disk or a very large workbook
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(services.exchange, "preview_import", slow_preview)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()
    try:
        qtbot.wait(60)
        dialog = ImportDialog(_ctx(services), None, returned)
        qtbot.addWidget(dialog)
        dialog.show()
        # Busy while the worker reads: nothing that would start a second read or an import.
        assert dialog.busy and dialog.progress_bar.isVisible()
        assert not dialog.preview_button.isEnabled() and not dialog.import_button.isEnabled()
        assert not dialog.path_edit.isEnabled()
        started = time.monotonic()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
        finished = time.monotonic()
    finally:
        heartbeat.stop()
    assert threads and threads[0] is not threading.main_thread()
    # The 200-question bank; a software product's scope leaves about 150 of them in the workbook.
    assert dialog.preview is not None and len(dialog.preview.rows) >= 150
    assert dialog.table.rowCount() == len(dialog.preview.rows)
    assert not dialog.progress_bar.isVisible() and dialog.import_button.isEnabled()
    during = [t for t in beats if started <= t <= finished]
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert len(during) >= 5, "the heartbeat stopped while the workbook was read"
    assert max(gaps) < SLOW_SECONDS / 2, f"the window froze for {max(gaps):.2f} s"


def _previewed(qtbot: Any, services: Any, assessment_id: int, tmp_path: Path) -> Any:
    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(assessment_id, sent)
    dialog = ImportDialog(_ctx(services), None, fill(sent, {"VUL-01": "Yes", "GOV-01": "Partly"}))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.checked_ids() == {"VUL-01", "GOV-01"}
    return dialog


def _stored(services: Any, assessment_id: int) -> dict[str, Any]:
    return {q: a.value for q, a in services.assessments.answers(assessment_id).items()}


def test_a_failing_apply_changes_nothing_and_shows_the_error(qtbot: Any, qapp: Any, services: Any,
                                                             sample_assessment: Any, tmp_path: Path,
                                                             monkeypatch: Any) -> None:
    from trustframe.errors import TrustFrameError
    from trustframe.storage.repositories import HistoryRepository

    dialog = _previewed(qtbot, services, sample_assessment.id, tmp_path)

    def broken(*_args: Any, **_kwargs: Any) -> None:  # fails after the answers were written
        raise TrustFrameError("The change log could not be written.")

    monkeypatch.setattr(HistoryRepository, "record", broken)
    dialog.buttons.accepted.emit()
    assert dialog.busy and not dialog.import_button.isEnabled()
    dialog.show()
    dialog.reject()                                   # Cancel waits while the apply runs
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.import_result is None
    assert "change log could not be written" in dialog.error_text
    assert _stored(services, sample_assessment.id) == {}     # one transaction: nothing of it stayed
    assert dialog.import_button.isEnabled()                  # the officer can retry


def test_an_apply_after_a_colleagues_change_is_refused(qtbot: Any, qapp: Any, services: Any,
                                                       sample_assessment: Any, tmp_path: Path) -> None:
    dialog = _previewed(qtbot, services, sample_assessment.id, tmp_path)
    services.assessments.set_answer(sample_assessment.id, "GOV-01", "verified")   # the preview is out of date
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.import_result is None and "preview" in dialog.error_text and "GOV-01" in dialog.error_text
    assert _stored(services, sample_assessment.id) == {"GOV-01": "verified"}


def test_a_successful_apply_closes_the_dialog(qtbot: Any, qapp: Any, services: Any, sample_assessment: Any,
                                              tmp_path: Path) -> None:
    dialog = _previewed(qtbot, services, sample_assessment.id, tmp_path)
    dialog.show()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.import_result is not None and set(dialog.import_result.applied) == {"VUL-01", "GOV-01"}
    assert not dialog.isVisible()
    assert set(_stored(services, sample_assessment.id)) == {"VUL-01", "GOV-01"}
