"""File > Merge Back into the Team Workspace: bring a checked-out file's answers and evidence back.

The flow (:class:`MergeFlow`) first works out the merge without writing anything (a *preview*,
off the GUI thread), then shows it (:class:`MergeDialog`): what applies from this file, and each
conflict (an answer or a piece of evidence changed on both sides) with its value at check-out,
here (yours) and in the team workspace (theirs). The officer keeps mine or theirs per conflict
(or all at once); Merge applies everything in one transaction of the team workspace and reports
the counts. Cancel writes nothing. When someone changed the team workspace between preview and
merge, the new conflicts are shown again: nothing is written without a decision.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustframe.errors import TrustFrameError
from trustframe.services.changes import Change, Entity
from trustframe.ui import error_dialog, messages, prompts
from trustframe.ui.operations import Operation, Task

if TYPE_CHECKING:
    from trustframe.services.team_sync import EvidenceConflict, MergeConflict, MergeResult
    from trustframe.ui.main_window import MainWindow

#: The sides a conflict is decided for (as :func:`trustframe.services.team_sync.merge` names them).
MINE, THEIRS = "local", "remote"


def _answer_text(state: dict[str, Any] | None) -> str:
    """An answer as one line of plain text: its value, then its comment."""
    if state is None:
        return "—"
    value = state.get("value")
    shown = "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    comment = state.get("comment") or ""
    return f"{shown} — {comment}" if shown and comment else shown or comment or "—"


def _evidence_text(state: dict[str, Any], fields: list[str]) -> str:
    """The changed fields of a piece of evidence, one "field: value" per line."""
    return "\n".join(f"{name}: {'' if state.get(name) is None else state.get(name)}" for name in fields)


class MergeDialog(QDialog):
    """The merge preview: what applies and the conflicts to decide. Accepted only when every
    conflict has a side; :meth:`resolutions` and :meth:`evidence_resolutions` then say which."""

    def __init__(self, result: MergeResult, question_text: Callable[[int, str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.merge_result = result
        self.setWindowTitle(self.tr("Merge back into the team workspace"))
        self.setAccessibleName(self.windowTitle())
        summary = QLabel(self._summary())
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)  # vendor text is never rich text
        self.applies = QListWidget()
        self.applies.setAccessibleName(self.tr("Changes that apply"))
        for aid, qid in result.applied:
            self.applies.addItem(self.tr("Answer {question} (assessment #{id})").format(
                question=question_text(aid, qid), id=aid))
        for title in result.evidence_added:
            self.applies.addItem(self.tr("New evidence: {title}").format(title=title))
        for eid in result.evidence_applied:
            self.applies.addItem(self.tr("Evidence edited here: #{id}").format(id=eid))
        for aid, qid, eid in result.links_added:
            self.applies.addItem(self.tr("Evidence #{evidence} linked to {question}").format(
                evidence=eid, question=question_text(aid, qid)))
        for aid, qid, eid in result.links_removed:
            self.applies.addItem(self.tr("Evidence #{evidence} unlinked from {question}").format(
                evidence=eid, question=question_text(aid, qid)))
        for text in result.evidence_not_merged:
            self.applies.addItem(self.tr("Not merged: {what}").format(what=text))

        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.table.setHorizontalHeaderLabels([self.tr("Changed on both sides"), self.tr("At check-out"),
                                              self.tr("Yours (this file)"), self.tr("Theirs (team workspace)"),
                                              self.tr("Keep")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self._answer_rows: list[MergeConflict] = list(result.conflicts)
        self._evidence_rows: list[EvidenceConflict] = list(result.evidence_conflicts)
        self.choosers: list[QComboBox] = []
        for conflict in self._answer_rows:
            self._add_row(self.tr("Answer {question} (assessment #{id})").format(
                question=question_text(conflict.assessment_id, conflict.question_id), id=conflict.assessment_id),
                _answer_text(conflict.base), _answer_text(conflict.local), _answer_text(conflict.remote))
        for ev in self._evidence_rows:
            fields = ev.changed_fields()
            self._add_row(self.tr("Evidence {title} (#{id})").format(title=ev.title, id=ev.evidence_id),
                          _evidence_text(ev.base, fields), _evidence_text(ev.local, fields),
                          _evidence_text(ev.remote, fields))
        self.table.resizeRowsToContents()

        self.all_mine = QPushButton(self.tr("Keep All Mine"))
        self.all_theirs = QPushButton(self.tr("Keep All Theirs"))
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.all_mine)
        choose_row.addWidget(self.all_theirs)
        choose_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel(self.tr("Applies from this file:")))
        layout.addWidget(self.applies, 1)
        self.conflict_label = QLabel(self.tr("%n conflict(s): choose which side to keep for each.", "",
                                             self.conflict_count()))
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.table, 2)
        layout.addLayout(choose_row)
        layout.addWidget(self.buttons)
        has_conflicts = self.conflict_count() > 0
        for widget in (self.conflict_label, self.table, self.all_mine, self.all_theirs):
            widget.setVisible(has_conflicts)
        self._update_ok()
        self.resize(900, 560)

    def _add_row(self, what: str, base: str, mine: str, theirs: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((what, base, mine, theirs)):
            # QTableWidgetItem shows plain text: vendor answers and titles are never interpreted.
            self.table.setItem(row, column, QTableWidgetItem(text))
        chooser = QComboBox()
        chooser.addItem(self.tr("Choose…"), "")
        chooser.addItem(self.tr("Keep mine"), MINE)
        chooser.addItem(self.tr("Keep theirs"), THEIRS)
        chooser.setAccessibleName(self.tr("Keep for {what}").format(what=what))
        chooser.currentIndexChanged.connect(self._update_ok)
        self.table.setCellWidget(row, 4, chooser)
        self.choosers.append(chooser)

    def _summary(self) -> str:
        r = self.merge_result
        return self.tr("From {file}: {answers} answer(s), {added} new and {edited} edited piece(s) of evidence, "
                       "{links} evidence link change(s) apply to the team workspace. Nothing is written until you "
                       "press Merge; everything is then written in one transaction.").format(
            file=r.source or self.tr("this file"), answers=len(r.applied), added=len(r.evidence_added),
            edited=len(r.evidence_applied), links=len(r.links_added) + len(r.links_removed))

    def conflict_count(self) -> int:
        """Answer and evidence conflicts shown."""
        return len(self._answer_rows) + len(self._evidence_rows)

    def choose(self, row: int, side: str) -> None:
        """Keep ``side`` (MINE or THEIRS) for the conflict in ``row``."""
        chooser = self.choosers[row]
        chooser.setCurrentIndex(chooser.findData(side))

    def choose_all(self, side: str) -> None:
        """Keep ``side`` for every conflict."""
        for row in range(len(self.choosers)):
            self.choose(row, side)

    def resolutions(self) -> dict[tuple[int, str], str]:
        """(assessment id, question id) -> side, for the decided answer conflicts."""
        out: dict[tuple[int, str], str] = {}
        for conflict, chooser in zip(self._answer_rows, self.choosers, strict=False):
            if chooser.currentData():
                out[(conflict.assessment_id, conflict.question_id)] = str(chooser.currentData())
        return out

    def evidence_resolutions(self) -> dict[int, str]:
        """evidence id -> side, for the decided evidence conflicts."""
        out: dict[int, str] = {}
        for conflict, chooser in zip(self._evidence_rows, self.choosers[len(self._answer_rows):], strict=True):
            if chooser.currentData():
                out[conflict.evidence_id] = str(chooser.currentData())
        return out

    def undecided(self) -> int:
        """Conflicts without a side yet."""
        return sum(1 for chooser in self.choosers if not chooser.currentData())

    def _update_ok(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.undecided() == 0)


class MergeFlow(QObject):
    """File > Merge Back into the Team Workspace, from the preview to the report."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.local: Path | None = None
        self.source = ""
        self._password: str | None = None
        self._asked_password = False
        # Decisions taken so far: kept when the team workspace changes between preview and
        # merge and only the new conflicts are asked again.
        self._resolutions: dict[tuple[int, str], str] = {}
        self._evidence_resolutions: dict[int, str] = {}
        #: The running or last background step (preview or merge; tests wait for it).
        self.operation: Operation | None = None
        #: The merge's last answer (the preview's, then the applied merge's).
        self.result: MergeResult | None = None
        #: True once the flow has ended (merged, cancelled, nothing to do or failed).
        self.finished = False
        self.merged = False

    def run(self) -> Operation | None:
        """Start with the preview (None when there is nothing to merge from)."""
        from trustframe.services import team_sync

        services = self.window.ctx.services
        title = self.tr("Merge back into the team workspace")
        if services is None:
            self.finished = True
            return None
        if services.workspace.is_server:
            messages.information(self.window, title, self.tr(
                "Open the file you checked out (File > Open Workspace), then merge it back from there."))
            self.finished = True
            return None
        self.local = Path(services.workspace.location)
        try:
            self.source, _ids = team_sync.checkout_source(self.local)
        except TrustFrameError as exc:
            error_dialog.show_exception(self.window, exc, context=title)
            self.finished = True
            return None
        return self._start(None)

    def _start(self, dialog: MergeDialog | None) -> Operation:
        """Preview (``dialog`` None) or merge with the dialog's decisions, in the background."""
        from trustframe.services import team_sync

        local, source, password = self.local, self.source, self._password
        assert local is not None
        user = self.window.ctx.services.user if self.window.ctx.services is not None else None
        if dialog is not None:
            self._resolutions.update(dialog.resolutions())
            self._evidence_resolutions.update(dialog.evidence_resolutions())
        resolutions, evidence_resolutions = dict(self._resolutions), dict(self._evidence_resolutions)
        preview = dialog is None

        def work(_task: Task) -> MergeResult:
            return team_sync.merge(local, source, resolutions=resolutions, evidence_resolutions=evidence_resolutions,
                                   user=user, password=password, preview=preview)

        changes: list[Change] = []
        if not preview:
            changes = [Change(Entity.ANSWER), Change(Entity.EVIDENCE), Change(Entity.ASSESSMENT)]
        self.operation = Operation(
            work, parent=self.window, ctx=self.window.ctx,
            title=self.tr("Merging") if not preview else self.tr("Comparing with the team workspace"),
            label=self.tr("Comparing this file with {source}").format(source=source) if preview
            else self.tr("Merging into {source}").format(source=source),
            changes=changes, on_success=self._on_previewed if preview else self._on_merged,
            on_failure=lambda exc: self._on_failed(exc, dialog)).start()
        return self.operation

    def _on_failed(self, exc: BaseException, dialog: MergeDialog | None) -> None:
        from trustframe.ui.controllers.workspace import _needs_password

        if _needs_password(exc) and not self._asked_password:
            self._asked_password = True
            asked, ok = QInputDialog.getText(
                self.window, self.tr("Team workspace"),
                self.tr("Password for {location}:").format(location=self.source), QLineEdit.EchoMode.Password)
            if ok:
                self._password = asked  # for this merge only, never stored
                self._start(dialog)
                return
        self.finished = True
        context = self.tr("Merging {file} into {source}. Nothing was merged; the file is unchanged.").format(
            file=str(self.local), source=self.source)
        if isinstance(exc, TrustFrameError):
            error_dialog.show_exception(self.window, exc, context=context)
        else:
            # Most often the server cannot be reached: say so plainly rather than as a bug.
            messages.warning(self.window, self.tr("Team workspace not reached"), context,
                             self.tr("Check the network connection and the server address, then merge again."),
                             f"{type(exc).__name__}: {exc}")

    def _on_previewed(self, result: MergeResult) -> None:
        self.result = result
        nothing = not (result.applied or result.conflict_count or result.evidence_added or result.evidence_applied
                       or result.links_added or result.links_removed)
        if nothing:
            self.finished = True
            text = self.tr("Nothing to merge: the team workspace already has every change of this file.")
            if result.evidence_not_merged:
                text += "\n" + self.tr("Not merged: {what}").format(what="; ".join(result.evidence_not_merged))
            messages.information(self.window, self.tr("Merge back into the team workspace"), text)
            return
        self._decide(result)

    def _decide(self, result: MergeResult) -> None:
        services = self.window.ctx.services

        def question_text(aid: int, qid: str) -> str:
            if services is None:  # the workspace was closed meanwhile: the id alone names the question
                return qid
            try:
                question = services.assessments.questionnaire(aid).questions_by_id[qid]
            except (KeyError, TrustFrameError):  # a label only: the id alone still names the question
                return qid
            text = question.text if len(question.text) <= 80 else question.text[:79] + "…"
            return f"{qid} {text}"

        dialog = MergeDialog(result, question_text, self.window)
        try:
            if not prompts.exec_dialog(dialog):
                self.finished = True  # cancelled: nothing was written anywhere
                return
            self._start(dialog)
        finally:
            dialog.deleteLater()

    def _on_merged(self, result: MergeResult) -> None:
        self.result = result
        if not result.merged:
            # Someone changed the team workspace since the preview: decide the new conflicts.
            messages.information(self.window, self.tr("Merge back into the team workspace"), self.tr(
                "The team workspace changed while you decided; nothing was written. Decide the conflicts again."))
            self._decide(result)
            return
        self.finished = self.merged = True
        self.window.refresh()
        text = self.tr("Merged into {source}.").format(source=self.source)
        informative = "\n".join([
            self.tr("%n answer(s) applied from this file", "", len(result.applied)),
            self.tr("%n answer(s) kept as in the team workspace", "", len(result.kept_remote)),
            self.tr("%n piece(s) of evidence added", "", len(result.evidence_added)),
            self.tr("%n piece(s) of evidence updated", "", len(result.evidence_applied)),
            self.tr("%n piece(s) of evidence kept as in the team workspace", "", len(result.evidence_kept_remote)),
            self.tr("%n evidence link(s) changed", "", len(result.links_added) + len(result.links_removed)),
        ] + ([self.tr("Not merged: {what}").format(what="; ".join(result.evidence_not_merged))]
             if result.evidence_not_merged else []))
        messages.information(self.window, self.tr("Merged"), text, informative)
