"""Team mode: a colleague's answer shows in an open assessment within 5 s, and the officer keeps
the question on screen, the navigator's cursor and the comment being typed."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx, view  # noqa: E402,F401 (fixtures)

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("engine", ["postgresql"], indirect=True)]


def test_a_colleagues_answer_appears_without_moving_the_cursor_or_losing_typing(
        qtbot: Any, view: Any, services: Any) -> None:
    from trustframe.services.context import Services
    from trustframe.storage.database import Workspace
    from trustframe.ui.models.question_navigator import NavigatorRole

    aid = view.assessment_id
    view.go_to_question("GOV-03", focus=False)
    view.comment_edit.setPlainText("half a sentence")  # typing, not yet saved
    with Services(Workspace.open(services.workspace.location, create=False), services.catalog,
                  user="colleague") as colleague:
        colleague.assessments.set_answer(aid, "GOV-01", comment="from a colleague")
        started = time.monotonic()
    qtbot.waitUntil(lambda: "GOV-01" in view.answers and view.answers["GOV-01"].comment == "from a colleague",
                    timeout=5000)
    assert time.monotonic() - started < 5
    assert view.current_question_id == "GOV-03"
    assert view.navigator.currentIndex().data(NavigatorRole.QUESTION_ID) == "GOV-03"
    assert view.comment_edit.toPlainText() == "half a sentence"
