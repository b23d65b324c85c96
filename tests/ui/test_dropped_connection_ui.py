"""Team mode, dropped connection: a clear banner; every kind of edit made meanwhile is either kept
and saved when the connection returns (answers, comments) or refused with a message while what
was typed stays in the form (vendor, evidence, assessment details, decision). Never silently lost.

The connection is cut for real on the throwaway cluster: the workspace's database stops accepting
connections and its open ones are terminated, as when the server restarts or the network drops.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assessment_ui_support import view  # noqa: E402,F401 (fixture)

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("engine", ["postgresql"], indirect=True)]

LOST = "connection to the team workspace"


class Outage:
    """Cuts and restores the connection to one database of the throwaway cluster."""

    def __init__(self, cluster: Any, url: str) -> None:
        self.cluster = cluster
        self.database = make_url(url).database

    def cut(self) -> None:
        self.cluster.admin(f'ALTER DATABASE "{self.database}" WITH ALLOW_CONNECTIONS false')
        self.cluster.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           f"WHERE datname = '{self.database}' AND pid <> pg_backend_pid()")

    def restore(self) -> None:
        self.cluster.admin(f'ALTER DATABASE "{self.database}" WITH ALLOW_CONNECTIONS true')


@pytest.fixture
def outage(pg_cluster: Any, workspace_location: str) -> Iterator[Outage]:
    cut = Outage(pg_cluster, workspace_location)
    yield cut
    cut.restore()


@pytest.fixture
def ctx(services: Any, qapp: Any) -> Iterator[Any]:
    """A UI context polling the team workspace (as the shell's), with its connection banner."""
    from trustframe.ui.context import UiContext
    from trustframe.ui.widgets.connection_banner import ConnectionBanner

    context = UiContext(services, settings=None)
    context.banner = ConnectionBanner(context)
    yield context
    context.set_services(None)
    context.undo_stack.clear()


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Message boxes recorded; questions answered Yes ("save mine")."""
    from trustframe.ui import messages

    shown: list[Any] = []

    def present(_parent: Any, message: Any) -> bool:
        shown.append(message)
        return True

    monkeypatch.setattr(messages, "presenter", present)
    return shown


def _back(qtbot: Any, ctx: Any, outage: Outage) -> None:
    """Restore the connection and wait until the context's poll has noticed it."""
    outage.restore()
    qtbot.waitUntil(lambda: ctx.connected, timeout=15000)


def test_the_banner_shows_while_the_server_is_gone(qtbot: Any, ctx: Any, outage: Outage) -> None:
    assert ctx.banner.isHidden()
    outage.cut()
    qtbot.waitUntil(lambda: not ctx.banner.isHidden(), timeout=15000)  # the poll finds it gone
    assert "connection to the team workspace is lost" in ctx.banner.text()
    _back(qtbot, ctx, outage)
    assert ctx.banner.isHidden()


def test_an_answer_changed_offline_is_kept_shown_and_saved_on_return(
        qtbot: Any, ctx: Any, view: Any, services: Any, outage: Outage, recorded: list) -> None:
    aid = view.assessment_id
    outage.cut()
    assert view.save_answer("GOV-03", value="typed offline") is None
    assert len(ctx.kept_answers) == 1 and not ctx.connected
    assert not ctx.banner.isHidden() and "1 edit" in ctx.banner.text()
    assert view.answers["GOV-03"].value == "typed offline"  # still shown as typed
    assert recorded == []  # no error box: the banner says it
    _back(qtbot, ctx, outage)
    qtbot.waitUntil(lambda: len(ctx.kept_answers) == 0, timeout=5000)
    assert services.assessments.answers(aid)["GOV-03"].value == "typed offline"
    assert ctx.undo_stack.count() == 1  # and it can be undone like any save


def test_a_comment_typed_offline_stays_in_the_box_and_is_saved_on_return(
        qtbot: Any, ctx: Any, view: Any, services: Any, outage: Outage, recorded: list) -> None:
    aid = view.assessment_id
    view.go_to_question("GOV-03")
    outage.cut()
    view.comment_edit.setPlainText("comment typed offline")
    view.flush_comment()
    view.go_next()  # moving on and back shows what was typed, not the stored (empty) comment
    view.go_to_question("GOV-03")
    assert view.comment_edit.toPlainText() == "comment typed offline"
    assert len(ctx.kept_answers) == 1
    _back(qtbot, ctx, outage)
    qtbot.waitUntil(lambda: len(ctx.kept_answers) == 0, timeout=5000)
    assert services.assessments.answers(aid)["GOV-03"].comment == "comment typed offline"
    assert view.comment_edit.toPlainText() == "comment typed offline"


def test_a_colleagues_save_during_the_outage_is_shown_before_the_kept_answer_goes_in(
        qtbot: Any, ctx: Any, view: Any, services: Any, outage: Outage, recorded: list) -> None:
    from trustframe.services.context import Services
    from trustframe.storage.database import Workspace

    aid = view.assessment_id
    assert view.save_answer("GOV-03", value="first") is not None
    outage.cut()
    view.save_answer("GOV-03", value="mine")
    ctx._poll_timer.stop()  # the return is noticed below, after the colleague's save
    outage.restore()
    with Services(Workspace.open(services.workspace.location, create=False), services.catalog,
                  user="colleague") as colleague:
        read = colleague.assessments.answers(aid)["GOV-03"]
        colleague.assessments.set_answer(aid, "GOV-03", "theirs", expected_version=read.version)
    ctx._poll()
    questions = [m for m in recorded if m.kind == "question"]
    assert len(questions) == 1
    assert "Theirs: theirs" in questions[0].informative and "Yours: mine" in questions[0].informative
    assert services.assessments.answers(aid)["GOV-03"].value == "mine"  # chosen: mine


def test_a_kept_answer_that_cannot_be_saved_is_shown_with_its_text(
        qtbot: Any, ctx: Any, view: Any, services: Any, outage: Outage, recorded: list) -> None:
    from trustframe.domain.assessment import Decision

    aid = view.assessment_id
    outage.cut()
    view.save_answer("GOV-03", comment="never saved", value="x")
    ctx._poll_timer.stop()
    outage.restore()
    # Meanwhile the assessment was decided (and locked): the kept change is refused, visibly.
    services.assessments.decide(aid, Decision.APPROVE, decided_by="Dora")
    ctx._poll()
    warnings = [m for m in recorded if m.kind == "warning"]
    assert len(warnings) == 1 and "GOV-03" in warnings[0].text
    assert "never saved" in warnings[0].informative
    assert len(ctx.kept_answers) == 0


def test_a_vendor_edit_offline_is_refused_in_the_form_and_saved_after(
        qtbot: Any, ctx: Any, services: Any, outage: Outage) -> None:
    from trustframe.ui.dialogs.vendor_dialog import VendorDialog

    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    dialog = VendorDialog(ctx, services.vendors.get_vendor(vendor.id))
    qtbot.addWidget(dialog)
    outage.cut()
    dialog.notes_edit.setPlainText("notes typed offline")
    dialog.buttons.accepted.emit()
    assert LOST in dialog.error_text and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.notes_edit.toPlainText() == "notes typed offline"
    assert not ctx.banner.isHidden()
    _back(qtbot, ctx, outage)
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_text
    assert services.vendors.get_vendor(vendor.id).notes == "notes typed offline"


def test_an_evidence_edit_offline_is_refused_in_the_form_and_saved_after(
        qtbot: Any, ctx: Any, services: Any, outage: Outage) -> None:
    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog

    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    evidence = services.evidence.add(vendor.id, "ISO certificate", "certificate", url="https://example.org/iso")
    dialog = EvidenceDialog(ctx, vendor.id, evidence=evidence)
    qtbot.addWidget(dialog)
    outage.cut()
    dialog.issuer_edit.setText("issuer typed offline")
    dialog.buttons.accepted.emit()
    assert LOST in dialog.error_text and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.issuer_edit.text() == "issuer typed offline"
    _back(qtbot, ctx, outage)
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_text
    assert services.evidence.get(evidence.id).issuer == "issuer typed offline"


def test_a_details_edit_offline_is_refused_in_the_form(
        qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, outage: Outage) -> None:
    from trustframe.ui.dialogs.assessment_details_dialog import AssessmentDetailsDialog

    dialog = AssessmentDetailsDialog(ctx, services.assessments.get(sample_assessment.id))
    qtbot.addWidget(dialog)
    outage.cut()
    dialog.procurement_edit.setText("RFP-offline")
    dialog.buttons.accepted.emit()
    assert LOST in dialog.error_text and dialog.procurement_edit.text() == "RFP-offline"
    _back(qtbot, ctx, outage)
    dialog.buttons.accepted.emit()
    assert services.assessments.get(sample_assessment.id).procurement == "RFP-offline"


def test_a_decision_offline_is_refused_visibly_and_keeps_the_notes(
        qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, outage: Outage, recorded: list) -> None:
    from trustframe.domain.assessment import Decision
    from trustframe.ui.dialogs.decision_dialog import DecisionDialog

    dialog = DecisionDialog(ctx, sample_assessment.id)
    qtbot.addWidget(dialog)
    dialog.buttons[Decision.ESCALATE].setChecked(True)
    dialog.name_edit.setText("Dora")
    dialog.notes_edit.setPlainText("notes typed offline")
    dialog.justification_edit.setPlainText("why, typed offline")
    outage.cut()
    dialog.accept()
    assert [m.title for m in recorded] == ["Decision not recorded"] and LOST in recorded[0].text
    assert dialog.result() != dialog.DialogCode.Accepted and not ctx.banner.isHidden()
    assert dialog.notes_edit.toPlainText() == "notes typed offline"
    _back(qtbot, ctx, outage)
    dialog.accept()
    decided = services.assessments.get(sample_assessment.id)
    assert decided.decision is Decision.ESCALATE and decided.decision_notes == "notes typed offline"


def test_a_decision_on_an_assessment_changed_meanwhile_is_refused_with_what_changed(
        qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, recorded: list) -> None:
    from trustframe.domain.assessment import Decision
    from trustframe.ui.dialogs.decision_dialog import DecisionDialog

    dialog = DecisionDialog(ctx, sample_assessment.id)
    qtbot.addWidget(dialog)
    dialog.buttons[Decision.ESCALATE].setChecked(True)
    dialog.name_edit.setText("Dora")
    dialog.notes_edit.setPlainText("my notes")
    dialog.justification_edit.setPlainText("why")
    services.assessments.update_details(sample_assessment.id, reviewer="Rita")  # a colleague, meanwhile
    dialog.accept()
    assert len(recorded) == 1 and "reviewer" in recorded[0].text
    assert services.assessments.get(sample_assessment.id).decision is None
    dialog.accept()  # seen: recorded on the assessment as it is now
    assert services.assessments.get(sample_assessment.id).decision is Decision.ESCALATE
    assert replace(dialog.decided, reviewer="Rita") == dialog.decided


def test_quitting_with_kept_answers_asks_first_and_lists_them(
        qtbot: Any, ctx: Any, view: Any, outage: Outage, recorded: list, monkeypatch: pytest.MonkeyPatch) -> None:
    from trustframe.ui import messages

    outage.cut()
    view.save_answer("GOV-03", comment="kept comment")
    answers: list[bool] = [False]
    monkeypatch.setattr(messages, "presenter", lambda _p, m: recorded.append(m) or answers[0])
    assert not ctx.kept_answers.may_quit(None)  # "No": the app stays open
    assert recorded[-1].kind == "question" and "kept comment" in recorded[-1].informative
    answers[0] = True
    assert ctx.kept_answers.may_quit(None)
    _back(qtbot, ctx, outage)  # and once it is back, nothing is left to ask about
    qtbot.waitUntil(lambda: len(ctx.kept_answers) == 0, timeout=5000)
    assert ctx.kept_answers.may_quit(None)
