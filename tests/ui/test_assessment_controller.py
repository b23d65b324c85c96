"""The assessment screen scores in the background (ui/controllers/assessment.py): off the GUI
thread, coalesced while one runs, and never older than a score the screen asked for at once."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import activate, ctx, no_dialogs, view  # noqa: E402,F401 (fixtures)


def _slow_scoring(services: Any, monkeypatch: Any, seconds: float) -> list[threading.Thread]:
    """Slow every score down by ``seconds``; returns the threads the scores ran on."""
    scoring = services.scoring
    real = scoring.score_or_none
    threads: list[threading.Thread] = []

    def slow(assessment_id: int) -> Any:
        threads.append(threading.current_thread())
        time.sleep(seconds)
        return real(assessment_id)

    monkeypatch.setattr(scoring, "score_or_none", slow)
    return threads


def test_scores_run_off_the_gui_thread_and_the_window_keeps_painting(qtbot: Any, view: Any, services: Any,
                                                                   monkeypatch: Any) -> None:
    threads = _slow_scoring(services, monkeypatch, 0.6)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()
    try:
        started = time.monotonic()
        view.save_answer("GOV-01", value="no")
        with qtbot.waitSignal(view.score_updated, timeout=10000):
            pass
        finished = time.monotonic()
    finally:
        heartbeat.stop()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert any(f.flag_id == "RF-GOV-01" for f in view.score.open_flags)
    during = [t for t in beats if started <= t <= finished]
    assert len(during) >= 5 and max(b - a for a, b in zip(during, during[1:])) < 0.3


def test_edits_while_a_score_runs_are_scored_once_more_afterwards(qtbot: Any, view: Any, services: Any,
                                                                  monkeypatch: Any) -> None:
    qtbot.waitUntil(lambda: view.controller._operation is None, timeout=10000)  # the opening score
    threads = _slow_scoring(services, monkeypatch, 0.3)
    view.save_answer("GOV-01", value="no")
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)     # the first score is running
    for value in ("partial", "documented", "verified"):     # three more edits meanwhile
        view.save_answer("GOV-01", value=value)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: view.controller._operation is None and not view.controller.score_timer.isActive()
                    and len(threads) >= 2, timeout=10000)
    qtbot.wait(100)
    assert len(threads) == 2                                 # coalesced: not one score per edit
    assert not any(f.question_id == "GOV-01" for f in view.score.open_flags)   # the last answer counts


def test_a_score_asked_for_at_once_is_not_replaced_by_an_older_one(qtbot: Any, view: Any, services: Any,
                                                                   monkeypatch: Any) -> None:
    qtbot.waitUntil(lambda: view.controller._operation is None, timeout=10000)
    threads = _slow_scoring(services, monkeypatch, 0.5)
    view.save_answer("GOV-01", value="no")
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)     # a background score of "no" is running
    monkeypatch.undo()                                       # the next score is quick again
    services.assessments.set_answer(view.assessment_id, "GOV-01", "verified")
    view.refresh_score()                                     # on the GUI thread, now
    assert not any(f.question_id == "GOV-01" for f in view.score.open_flags)
    qtbot.waitUntil(lambda: view.controller._operation is None, timeout=10000)
    qtbot.wait(50)
    assert not any(f.question_id == "GOV-01" for f in view.score.open_flags)   # the older result was dropped
