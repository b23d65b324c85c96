"""Answers and comments changed while the team workspace cannot be reached: kept, then saved.

Team mode, dropped connection (docs/team-mode.md): an answer, comment, follow-up mark or
confirmation the officer changes while the server is gone is not lost. The assessment screen
hands it here (:meth:`KeptAnswers.keep`) and goes on showing it; the banner counts it. The first
change poll that reaches the server again saves every kept change, oldest first, each against
the version the officer had in front of him when typing. A colleague's save in between is shown
beside the kept one (yours, theirs) and the officer chooses, exactly as for a save made online;
a refusal (the assessment was decided meanwhile...) is shown with the text that was not saved.
Nothing is dropped without a message.

Forms (vendor, evidence, details, decision) need nothing from here: their save is refused on the
spot with a message in the form, which stays open with what was typed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from trustframe.domain.assessment import Answer
from trustframe.errors import ConnectionLostError, StaleWriteError, TrustFrameError
from trustframe.ui import messages

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

#: The parts of an answer a kept change may carry, as the screen shows them meanwhile.
_SHOWN = ("value", "comment", "needs_follow_up", "to_confirm")


class KeptAnswers(QObject):
    """The answer changes of every screen that wait for the connection (one per UI context)."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx.hub)
        self._ctx = ctx
        #: (assessment id, question id) -> the changes for AssessmentService.set_answer, in the
        #: order first kept; later changes of the same answer are merged into the first.
        self._items: dict[tuple[int, str], dict[str, Any]] = {}
        ctx.hub.connection_changed.connect(self._on_connection_changed)
        ctx.hub.workspace_changed.connect(self._on_workspace_changed)

    def __len__(self) -> int:
        return len(self._items)

    def keep(self, assessment_id: int, question_id: str, changes: dict[str, Any]) -> None:
        """Keep ``changes`` (set_answer's keywords, with ``expected_version`` when known) of one
        answer until the connection is back; the version first read stays the one saved against."""
        key = (assessment_id, question_id)
        current = self._items.get(key)
        merged = {**(current or {}), **changes}
        if current is not None and "expected_version" in current:
            merged["expected_version"] = current["expected_version"]
        self._items[key] = merged
        log.info("Kept the change of %s in assessment %s until the connection is back", question_id, assessment_id)
        self._ctx.set_kept_edits(self, len(self._items))
        self._ctx.note_connection_lost()

    def kept(self, assessment_id: int) -> dict[str, dict[str, Any]]:
        """The kept changes of one assessment, by question id."""
        return {qid: dict(changes) for (aid, qid), changes in self._items.items() if aid == assessment_id}

    def shown(self, assessment_id: int, answers: Mapping[str, Answer]) -> dict[str, Answer]:
        """``answers`` with the kept changes of ``assessment_id`` applied (what the screen shows
        meanwhile); versions stay as read, so later saves name the same version."""
        result = dict(answers)
        for qid, changes in self.kept(assessment_id).items():
            visible: dict[str, Any] = {k: v.strip() if k == "comment" and isinstance(v, str) else v
                                       for k, v in changes.items() if k in _SHOWN}
            result[qid] = replace(result.get(qid) or Answer(qid, None), **visible)
        return result

    def replay(self) -> int:
        """Save the kept changes now, oldest first; returns how many were saved. When the
        connection is lost again the rest stay kept (and are saved on the next return)."""
        services = self._ctx.services
        if services is None or not self._items:
            return 0
        from trustframe.ui.undo import AnswerCommand

        saved = 0
        for key in list(self._items):
            if not self._ctx.connected:
                break
            assessment_id, question_id = key
            changes = self._items[key]
            try:
                change = self._save(services, assessment_id, question_id, dict(changes))
            except ConnectionLostError:
                self._ctx.note_connection_lost()
                break
            except TrustFrameError as exc:
                del self._items[key]
                messages.warning(None, self.tr("Kept answer not saved"), self.tr(
                    "The change of %1 made while the connection was lost could not be saved: %2").replace(
                    "%1", question_id).replace("%2", str(exc)), self._describe(changes))
                continue
            del self._items[key]
            if change is not None:
                saved += 1
                if change.before != change.after:
                    self._ctx.undo_stack.push(AnswerCommand(
                        self._ctx, change, self.tr("Answer %1").replace("%1", question_id)))
        self._ctx.set_kept_edits(self, len(self._items))
        if saved:
            self._ctx.hub.status_message.emit(
                self.tr("%n kept change(s) saved now that the connection is back.", "", saved), 6000)
        return saved

    def _save(self, services: Any, assessment_id: int, question_id: str, changes: dict[str, Any]) -> Any:
        """One kept change; a colleague's save in between is shown and the officer chooses.
        None when the officer kept theirs."""
        try:
            return services.assessments.set_answer(assessment_id, question_id, **changes)
        except StaleWriteError as conflict:
            if not self._keep_mine(question_id, conflict):
                return None
            changes["expected_version"] = conflict.version
            return services.assessments.set_answer(assessment_id, question_id, **changes)

    def _keep_mine(self, question_id: str, conflict: StaleWriteError) -> bool:
        """The same question, in the same words, as the assessment screen asks online."""
        def shown(value: Any) -> str:
            return self.tr("(empty)") if value in (None, "", []) else str(value)

        return messages.ask(
            None, self.tr("Answer changed by someone else"),
            self.tr("{question} was saved by someone else while the connection was lost.").format(
                question=question_id),
            self.tr("Theirs: {theirs}\nYours: {yours}\n\nSave yours over theirs? No keeps theirs.").format(
                theirs=shown(conflict.theirs), yours=shown(conflict.yours)))

    def _describe(self, changes: dict[str, Any]) -> str:
        """The kept text, so the officer can type it again (never lost without being shown)."""
        parts = []
        if "value" in changes:
            parts.append(self.tr("Answer: %1").replace("%1", str(changes["value"])))
        if changes.get("comment"):
            parts.append(self.tr("Comment: %1").replace("%1", str(changes["comment"])))
        return "\n".join(parts)

    def may_quit(self, parent: Any = None) -> bool:
        """Before the app quits: True when nothing is kept (after one more try to save what is);
        otherwise the officer is asked, with the kept changes listed, and True means quit anyway."""
        if self._items and self._ctx.connected:
            self.replay()
        if not self._items:
            return True
        lost = "\n".join(f"{qid}: {self._describe(c)}" for (_aid, qid), c in self._items.items())
        return messages.ask(parent, self.tr("Quit without saving kept answers?"), self.tr(
            "%n answer change(s) made while the connection was lost are not saved yet; they are lost if you "
            "quit now. Quit anyway?", "", len(self._items)), lost)

    def _on_connection_changed(self, connected: bool) -> None:
        if connected:
            self.replay()

    def _on_workspace_changed(self) -> None:
        if self._items:
            # Another workspace was opened: the kept changes belong to the one closed. Say which.
            lost = "\n".join(f"{qid}: {self._describe(c)}" for (_aid, qid), c in self._items.items())
            self._items.clear()
            self._ctx.set_kept_edits(self, 0)
            messages.warning(None, self.tr("Kept answers not saved"), self.tr(
                "The workspace was closed before the connection came back; these changes were not saved."), lost)
