"""Undoable commands for the assessment screens (git-cola style: snapshot before and after).

Every change is saved immediately through the services; the view then pushes a command that
knows both states. ``redo()`` is skipped the first time (the change is already stored) and later
puts the "after" state back; ``undo()`` puts the "before" state back. Answers are restored with
``AssessmentService.restore_answer`` so value, comment, source and markers return exactly.

Consecutive comment edits to the same answer merge into one command, so Ctrl+Z undoes a typed
comment as a whole rather than one debounce slice at a time.

Tier and scope changes (criticality profile, tier override, questions in or out of scope) go on
the same stack: one Apply of the scope-and-tier dialog is one command, and its undo or redo is one
transaction through ``AssessmentService.restore_scope_and_tier``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from trustframe.errors import TrustFrameError

if TYPE_CHECKING:
    from trustframe.domain.assessment import Answer
    from trustframe.services.assessments import AnswerChange, ScopeTierChange, ScopeTierState
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

#: QUndoCommand ids: commands with the same id may merge.
COMMENT_MERGE_ID = 4101
TEXT_MERGE_ID = 4102


class _AppliedCommand(QUndoCommand):
    """A command whose first ``redo()`` does nothing because the change is already saved."""

    def __init__(self, ctx: UiContext, text: str) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guarded(self._apply_after)

    def undo(self) -> None:
        self._guarded(self._apply_before)

    def _guarded(self, action: Callable[[], object]) -> None:
        # Undo runs from a menu or shortcut, outside any view's error handling; a refused change
        # (for example, the assessment was decided meanwhile) becomes a status message.
        try:
            action()
        except TrustFrameError as exc:
            log.info("Undo/redo refused: %s", exc)
            self._ctx.hub.status_message.emit(str(exc), 8000)

    def _apply_after(self) -> None:
        raise NotImplementedError

    def _apply_before(self) -> None:
        raise NotImplementedError


class AnswerCommand(_AppliedCommand):
    """One saved change of one answer (value, comment, follow-up, confirmation, override)."""

    def __init__(self, ctx: UiContext, change: AnswerChange, text: str, merge_id: int = -1) -> None:
        super().__init__(ctx, text)
        self.assessment_id = change.assessment_id
        self.question_id = change.question_id
        self.before: Answer | None = change.before
        self.after: Answer | None = change.after
        self._merge_id = merge_id

    def id(self) -> int:  # Qt: commands with the same non-negative id are offered for merging
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        if not isinstance(other, AnswerCommand) or other.id() != self.id():
            return False
        if (other.assessment_id, other.question_id) != (self.assessment_id, self.question_id):
            return False
        self.after = other.after
        if _same_answer(self.before, self.after):
            self.setObsolete(True)
        return True

    def _apply_after(self) -> None:
        self._ctx.require_services.assessments.restore_answer(self.assessment_id, self.question_id, self.after)

    def _apply_before(self) -> None:
        self._ctx.require_services.assessments.restore_answer(self.assessment_id, self.question_id, self.before)


class EvidenceLinkCommand(_AppliedCommand):
    """Linking (or unlinking) a piece of evidence to an answer."""

    def __init__(self, ctx: UiContext, assessment_id: int, question_id: str, evidence_id: int,
                 linked: bool, text: str) -> None:
        super().__init__(ctx, text)
        self.assessment_id = assessment_id
        self.question_id = question_id
        self.evidence_id = evidence_id
        self.linked = linked

    def _set(self, linked: bool) -> None:
        evidence = self._ctx.require_services.evidence
        if linked:
            evidence.link(self.assessment_id, self.question_id, self.evidence_id)
        else:
            evidence.unlink(self.assessment_id, self.question_id, self.evidence_id)

    def _apply_after(self) -> None:
        self._set(self.linked)

    def _apply_before(self) -> None:
        self._set(not self.linked)


class ScopeTierCommand(_AppliedCommand):
    """One applied change of an assessment's tier and/or scope (profile, override, scope)."""

    def __init__(self, ctx: UiContext, change: ScopeTierChange, text: str) -> None:
        super().__init__(ctx, text)
        self.assessment_id = change.assessment_id
        self.before: ScopeTierState = change.before
        self.after: ScopeTierState = change.after

    def _apply_after(self) -> None:
        self._ctx.require_services.assessments.restore_scope_and_tier(self.assessment_id, self.after, note="redo")

    def _apply_before(self) -> None:
        self._ctx.require_services.assessments.restore_scope_and_tier(self.assessment_id, self.before, note="undo")


def _same_answer(a: Answer | None, b: Answer | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.value, a.comment, a.needs_follow_up, a.to_confirm, a.source) == (
        b.value, b.comment, b.needs_follow_up, b.to_confirm, b.source)
