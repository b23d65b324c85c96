"""Team mode in the assessment view: a colleague's save in between is never overwritten unseen;
the officer sees both values and chooses (no lost update, docs/team-mode.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import ctx, view  # noqa: E402,F401 (fixtures)

from trustframe.ui import messages  # noqa: E402

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("engine", ["postgresql"], indirect=True)]


def _colleague_saves(services: Any, aid: int, qid: str, comment: str) -> None:
    from trustframe.services.context import Services

    with Services(services.workspace.__class__.open(services.workspace.location, create=False),
                  services.catalog, user="colleague") as colleague:
        current = colleague.assessments.answers(aid).get(qid)
        colleague.assessments.set_answer(aid, qid, comment=comment,
                                         expected_version=current.version if current else 0)


@pytest.mark.parametrize("keep_mine", [True, False])
def test_a_conflicting_save_shows_both_values_and_keeps_the_choice(
        qtbot: Any, view: Any, services: Any, monkeypatch: pytest.MonkeyPatch, keep_mine: bool) -> None:
    asked: list[messages.Message] = []

    def present(_parent: Any, message: messages.Message) -> bool:
        asked.append(message)
        return keep_mine

    monkeypatch.setattr(messages, "presenter", present)
    aid = view.assessment_id
    assert view.save_answer("GOV-03", comment="first") is not None
    assert view.save_answer("GOV-03", comment="second") is not None  # my own saves never conflict
    _colleague_saves(services, aid, "GOV-03", "theirs")
    view.save_answer("GOV-03", comment="mine")
    assert len(asked) == 1 and asked[0].kind == "question"
    assert "Theirs: theirs" in asked[0].informative and "Yours: mine" in asked[0].informative
    stored = services.assessments.answers(aid)["GOV-03"].comment
    assert stored == ("mine" if keep_mine else "theirs")
