"""Offline check-out and merge in the GUI: File > Check Out for Offline Work writes a file that
opens; File > Merge Back shows the preview with three conflicts (base, yours, theirs), applies
the sides chosen and the evidence added offline; Cancel applies nothing; a wrong file or an
unreachable server is said plainly and loses nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trustframe.services import team_sync
from trustframe.services.context import Services
from trustframe.services.questionnaires import QuestionnaireCatalog
from trustframe.storage.database import Workspace
from trustframe.ui import messages, prompts

CONFLICTS = ("GOV-03", "VUL-01", "VUL-02")


def _open(location: str | Path, sample_dir: Path) -> Services:
    workspace = Workspace.open(location, create=False)
    return Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(sample_dir,)), user="tester")


def _window(services: Services, qtbot: Any) -> Any:
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    window = MainWindow(UiContext(services, AppSettings()))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.store.is_loaded and not window.store.is_loading, timeout=30000)
    return window


def _comments(services: Services, aid: int) -> dict[str, str]:
    return {q: a.comment for q, a in services.assessments.answers(aid).items()}


@pytest.mark.postgres
@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_check_out_dialog_writes_a_file_that_opens(qtbot: Any, services: Any, tmp_path: Path,
                                                   shown: list[messages.Message],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui.dialogs.checkout_dialog import CheckoutDialog, CheckoutFlow

    vendor = services.vendors.add_vendor("Acme <b>Secure</b> Ltd", "GB")
    first = services.assessments.create(vendor.id, services.vendors.add_product(vendor.id, "Gateway", "software").id,
                                        "sample-trust")
    second = services.assessments.create(vendor.id, services.vendors.add_product(vendor.id, "Cloud", "saas").id,
                                         "sample-trust")
    services.assessments.set_answer(first.id, "GOV-01", comment="on the server")
    services.evidence.add(vendor.id, "Policy", "policy", url="https://acme.example/policy")
    window = _window(services, qtbot)
    assert window.checkout_action.isEnabled() and not window.merge_back_action.isEnabled()
    from trustframe.ui.models.register_model import Role

    table = window.register_view.table

    def first_row() -> int | None:
        # A team workspace's register pages from the server: its rows arrive after the window.
        model = table.model()
        for r in range(model.rowCount()):
            shown_row = model.index(r, 0).data(Role.ROW)
            if shown_row is not None and shown_row.assessment_id == first.id:
                return r
        return None

    qtbot.waitUntil(lambda: first_row() is not None and window.store.is_loaded, timeout=30000)
    row = first_row()
    assert row is not None
    table.selectRow(row)
    target = tmp_path / "offline.tfw"
    seen: list[CheckoutDialog] = []

    def fill(dialog: CheckoutDialog) -> bool:
        seen.append(dialog)
        assert dialog.chosen_ids() == [first.id]          # the register's selection comes ticked
        labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert any("Acme <b>Secure</b> Ltd / Gateway" in label for label in labels)  # plain text
        dialog.set_checked([first.id, second.id])
        dialog.path_edit.setText(str(target.with_suffix("")))  # the suffix is added
        return True

    monkeypatch.setattr(prompts, "exec_dialog", fill)
    window.checkout_action.trigger()
    [flow] = window.findChildren(CheckoutFlow)
    assert seen and flow.operation is not None
    qtbot.waitUntil(lambda: flow.operation.done and window.ctx.services is not services, timeout=30000)
    assert shown[-1].kind == "question" and "2 assessments checked out" in shown[-1].text, shown
    # The officer said yes: the window now works on the checked-out file.
    opened = window.ctx.services
    assert opened is not None and Path(opened.workspace.location) == target and not opened.workspace.is_server
    assert window.merge_back_action.isEnabled() and not window.checkout_action.isEnabled()
    source, ids = team_sync.checkout_source(target)
    assert source == services.workspace.location and ids == sorted([first.id, second.id])
    with sqlite3.connect(target) as db:
        assert db.execute("select comment from answers where assessment_id = ?", (first.id,)).fetchall() == \
            [("on the server",)]
        assert db.execute("select title from evidence").fetchall() == [("Policy",)]
    window.close()
    opened.close()


@pytest.fixture
def checked_out(workspace_location: str, sample_assessment_on: Any, sample_dir: Path,
                tmp_path: Path) -> Iterator[tuple[Services, Services, int, Path]]:
    """A team workspace (SQLite file or PostgreSQL) and a checked-out file (open, as the window's
    workspace) with one answer changed only here, three answers changed on both sides, one
    changed only there and a piece of evidence added here and linked to an answer."""
    server, assessment = sample_assessment_on(workspace_location)
    aid = assessment.id
    for qid in ("GOV-01", *CONFLICTS, "VUL-03"):
        server.assessments.set_answer(aid, qid, comment="at checkout")
    local_file = tmp_path / "offline.tfw"
    team_sync.checkout(workspace_location, [aid], local_file)
    local = _open(local_file, sample_dir)
    local.assessments.set_answer(aid, "GOV-01", comment="mine only")
    for qid in CONFLICTS:
        local.assessments.set_answer(aid, qid, comment=f"mine {qid}")
        server.assessments.set_answer(aid, qid, comment=f"theirs {qid}")
    server.assessments.set_answer(aid, "VUL-03", comment="theirs only")
    (tmp_path / "iso.pdf").write_bytes(b"%PDF-1.4 iso certificate")
    iso = local.evidence.add(assessment.vendor_id, "ISO 27001", "certificate", file=tmp_path / "iso.pdf")
    local.evidence.link(aid, "GOV-01", iso.id)
    yield server, local, aid, local_file
    local.close()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_merge_dialog_shows_three_conflicts_and_applies_the_chosen_sides(
        qtbot: Any, checked_out: tuple[Services, Services, int, Path], shown: list[messages.Message],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui.dialogs.merge_dialog import MINE, THEIRS, MergeDialog, MergeFlow

    server, local, aid, _file = checked_out
    window = _window(local, qtbot)
    assert window.merge_back_action.isEnabled()
    seen: list[MergeDialog] = []

    def decide(dialog: MergeDialog) -> bool:
        seen.append(dialog)
        assert dialog.conflict_count() == 3 and dialog.table.rowCount() == 3
        rows = {dialog.table.item(r, 0).text().split(" ")[1]: r for r in range(3)}
        assert set(rows) == set(CONFLICTS)
        for qid, r in rows.items():
            assert [dialog.table.item(r, c).text() for c in (1, 2, 3)] == \
                ["at checkout", f"mine {qid}", f"theirs {qid}"]
        applies = [dialog.applies.item(i).text() for i in range(dialog.applies.count())]
        assert any(text.startswith("Answer GOV-01") for text in applies)
        assert "New evidence: ISO 27001" in applies
        merge_button = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not merge_button.isEnabled()                 # nothing merges undecided
        dialog.choose_all(THEIRS)
        dialog.choose(rows["GOV-03"], MINE)
        dialog.choose(rows["VUL-02"], MINE)
        assert merge_button.isEnabled()
        return True

    monkeypatch.setattr(prompts, "exec_dialog", decide)
    window.merge_back_action.trigger()
    [flow] = window.findChildren(MergeFlow)
    qtbot.waitUntil(lambda: flow.finished, timeout=30000)
    assert seen and flow.merged, shown
    assert _comments(server, aid) == {"GOV-01": "mine only", "GOV-03": "mine GOV-03", "VUL-01": "theirs VUL-01",
                                      "VUL-02": "mine VUL-02", "VUL-03": "theirs only"}
    [iso] = [e for e in server.evidence.list_evidence() if e.title == "ISO 27001"]
    assert server.evidence.file_bytes(iso.id) == b"%PDF-1.4 iso certificate"
    assert [e.title for e in server.evidence.for_assessment(aid)["GOV-01"]] == ["ISO 27001"]
    report = shown[-1]
    assert report.title == "Merged"
    assert "3 answers applied from this file" in report.informative      # GOV-01 and the two kept mine
    assert "1 answer kept as in the team workspace" in report.informative
    assert "1 piece of evidence added" in report.informative
    assert _comments(local, aid) == _comments(server, aid)             # the open file follows

    # Merging again: nothing to merge, nothing created.
    seen.clear()
    window.merge_back_action.trigger()
    again = [f for f in window.findChildren(MergeFlow) if f is not flow][0]
    qtbot.waitUntil(lambda: again.finished, timeout=30000)
    assert seen == [] and shown[-1].text.startswith("Nothing to merge")
    assert len([e for e in server.evidence.list_evidence() if e.title == "ISO 27001"]) == 1
    window.close()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_cancelling_the_merge_applies_nothing(qtbot: Any, checked_out: tuple[Services, Services, int, Path],
                                              shown: list[messages.Message],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui.dialogs.merge_dialog import THEIRS, MergeDialog, MergeFlow

    server, local, aid, local_file = checked_out
    before_server, before_local = _comments(server, aid), _comments(local, aid)
    evidence_before = [e.title for e in server.evidence.list_evidence()]
    window = _window(local, qtbot)

    def cancel(dialog: MergeDialog) -> bool:
        dialog.choose_all(THEIRS)
        return False

    monkeypatch.setattr(prompts, "exec_dialog", cancel)
    window.merge_back_action.trigger()
    [flow] = window.findChildren(MergeFlow)
    qtbot.waitUntil(lambda: flow.finished, timeout=30000)
    assert not flow.merged and shown == []
    assert _comments(server, aid) == before_server and _comments(local, aid) == before_local
    assert [e.title for e in server.evidence.list_evidence()] == evidence_before
    # The three conflicts still wait for a decision.
    assert len(team_sync.merge(local_file, server.workspace.location, preview=True).conflicts) == 3
    window.close()


def test_merge_of_a_file_that_was_not_checked_out_says_so(qtbot: Any, services: Any,
                                                          shown: list[messages.Message]) -> None:
    window = _window(services, qtbot)
    window.merge_back_action.trigger()
    assert [m.kind for m in shown] == ["warning"] and "workspace checkout" in shown[0].text
    window.close()


def test_an_unreachable_team_workspace_is_said_plainly_and_loses_nothing(
        qtbot: Any, workspace_path: Path, sample_assessment_on: Any, sample_dir: Path, tmp_path: Path,
        shown: list[messages.Message]) -> None:
    from trustframe.ui.dialogs.merge_dialog import MergeFlow

    server, assessment = sample_assessment_on(str(workspace_path))
    local_file = tmp_path / "offline.tfw"
    team_sync.checkout(str(workspace_path), [assessment.id], local_file)
    with sqlite3.connect(local_file) as db:  # the server has moved away
        record = json.loads(db.execute("select value from workspace_meta where key = 'checkout'").fetchone()[0])
        record["source"] = "postgresql+psycopg://tester@127.0.0.1:1/gone?connect_timeout=2"
        db.execute("update workspace_meta set value = ? where key = 'checkout'", (json.dumps(record),))
    with _open(local_file, sample_dir) as local:
        local.assessments.set_answer(assessment.id, "GOV-01", comment="offline work")
        window = _window(local, qtbot)
        window.merge_back_action.trigger()
        [flow] = window.findChildren(MergeFlow)
        qtbot.waitUntil(lambda: flow.finished, timeout=30000)
        assert not flow.merged and shown and shown[-1].kind == "warning"
        assert "Nothing was merged; the file is unchanged." in shown[-1].text
        assert _comments(local, assessment.id) == {"GOV-01": "offline work"}
        window.close()


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_conflict_that_appears_after_the_preview_is_asked_and_earlier_choices_kept(
        qtbot: Any, checked_out: tuple[Services, Services, int, Path], shown: list[messages.Message],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui.dialogs.merge_dialog import MINE, THEIRS, MergeDialog, MergeFlow

    server, local, aid, _file = checked_out
    window = _window(local, qtbot)
    asked: list[int] = []

    def decide(dialog: MergeDialog) -> bool:
        asked.append(dialog.conflict_count())
        if len(asked) == 1:
            dialog.choose_all(MINE)
            # A colleague answers GOV-01 (changed only here at preview time) while the officer decides.
            server.assessments.set_answer(aid, "GOV-01", comment="theirs late")
        else:
            assert dialog.table.item(0, 0).text().startswith("Answer GOV-01")
            dialog.choose(0, THEIRS)
        return True

    monkeypatch.setattr(prompts, "exec_dialog", decide)
    window.merge_back_action.trigger()
    [flow] = window.findChildren(MergeFlow)
    qtbot.waitUntil(lambda: flow.finished, timeout=30000)
    assert asked == [3, 1] and flow.merged
    assert any(m.text.startswith("The team workspace changed while you decided") for m in shown)
    assert _comments(server, aid) == {"GOV-01": "theirs late", "GOV-03": "mine GOV-03", "VUL-01": "mine VUL-01",
                                      "VUL-02": "mine VUL-02", "VUL-03": "theirs only"}
    window.close()
