"""The assessment screen's page logic, without Qt: what is shown, where the keys go, what an edit means.

:class:`ScreenState` is one frozen load of the screen (one service call by the controller,
:mod:`trustframe.ui.controllers.assessment`). :class:`QuestionPageState` holds the state that used
to live in the view's attributes: the current question, navigation over the visible questions
(previous, next, next open, first open), what the page shows for a question
(:class:`QuestionShown`), which actions are available (:class:`Availability`), the comment being
typed (dirty until saved) and what an edit means as a service call (:class:`AnswerEdit`: the
``set_answer`` arguments, the undo text kind and merge group).

This module imports only the domain and service types and the standard library, so it is tested
without a QApplication (``tests/ui/test_question_page_state.py`` checks that it never imports
PySide6). The navigator's row data (:class:`NavQuestion`, :class:`NavSection`) are defined here
for the same reason; the navigator model re-exports them.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import ALLOWED_TRANSITIONS, Answer, AnswerSource, Assessment, AssessmentStatus
from trustframe.domain.evidence import Evidence
from trustframe.domain.questionnaire import Question, Questionnaire
from trustframe.domain.scoring_model import RaisedFlag, ScoreResult
from trustframe.services.assessments import NotApplicableAnswer


@dataclass(frozen=True)
class NavQuestion:
    """One visible question and its markers."""

    id: str
    section_id: str
    text: str
    answered: bool = False
    flagged: bool = False
    follow_up: bool = False
    to_confirm: bool = False
    changed: bool = False

    @property
    def open(self) -> bool:
        """Still needs the officer: unanswered, or copied from last time and not yet confirmed."""
        return not self.answered or self.to_confirm


@dataclass(frozen=True)
class NavSection:
    """One domain with its visible questions."""

    id: str
    title: str
    questions: tuple[NavQuestion, ...] = ()

    @property
    def answered(self) -> int:
        """Answered (and confirmed) questions."""
        return sum(1 for q in self.questions if not q.open)

    @property
    def total(self) -> int:
        """Visible questions."""
        return len(self.questions)


@dataclass(frozen=True)
class ScreenState:
    """Everything the assessment screen shows, read in one go (frozen: a reload makes a new one)."""

    assessment: Assessment
    #: Worded in the GUI's language where the bank has a translation (ids and scores unchanged).
    questionnaire: Questionnaire
    answers: Mapping[str, Answer]
    #: The previous assessment's answers ({} when this is not a reassessment).
    previous_answers: Mapping[str, Answer]
    evidence: Mapping[str, list[Evidence]]
    #: In scope and visible given the answers, in the service's order.
    visible: tuple[Question, ...]

    @property
    def locked(self) -> bool:
        """Decided assessments are read-only."""
        return self.assessment.locked

    def with_answer(self, question_id: str, answer: Answer) -> ScreenState:
        """This state with one answer replaced (after a save, so the next save is against its version)."""
        return dataclasses.replace(self, answers={**self.answers, question_id: answer})


@dataclass(frozen=True)
class QuestionShown:
    """What the question page shows for one question (the view only formats and translates it)."""

    question: Question
    section_title: str
    position: int                      # 1-based among the visible questions
    total: int
    answer: Answer | None
    locked: bool
    #: Show the "copied from last time, confirm it" banner.
    show_confirm: bool
    #: Why the carried answer must be confirmed (the wording changed), "" otherwise.
    confirm_note: str
    #: A reassessment: the page says what was answered last time.
    has_previous: bool
    #: Last time's answer as text, None when it was not answered.
    previous_text: str | None
    changed_since_last: bool
    flags: tuple[RaisedFlag, ...]
    evidence: tuple[Evidence, ...]

    @property
    def value(self) -> Any:
        """The answer's value (None when unanswered)."""
        return self.answer.value if self.answer is not None else None

    @property
    def comment(self) -> str:
        """The saved comment ("" when none)."""
        return self.answer.comment if self.answer is not None else ""

    @property
    def needs_follow_up(self) -> bool:
        """Marked for follow-up with the vendor."""
        return bool(self.answer and self.answer.needs_follow_up)


@dataclass(frozen=True)
class Availability:
    """Which actions the screen offers now."""

    follow_up: bool = False
    link_evidence: bool = False
    clear: bool = False
    confirm: bool = False
    #: Decide, scope and tier, pre-fill: anything that changes an open assessment.
    edit: bool = False
    statuses: frozenset[AssessmentStatus] = frozenset()
    reopen: bool = False
    pick: bool = False


class EditKind(enum.Enum):
    """What an answer edit is, for the undo command's text."""

    ANSWER = "answer"
    COMMENT = "comment"
    FOLLOW_UP = "follow_up"
    CONFIRM = "confirm"
    CLEAR = "clear"
    OVERRIDE = "override"


class MergeGroup(enum.Enum):
    """Consecutive edits of one group on one answer merge into one undo step."""

    NONE = "none"
    TEXT = "text"          # typing in a text answer
    COMMENT = "comment"    # typing a comment


@dataclass(frozen=True)
class AnswerEdit:
    """One answer change as a service call: ``set_answer(assessment_id, question_id, **changes)``."""

    question_id: str
    changes: Mapping[str, Any]
    kind: EditKind
    merge: MergeGroup = MergeGroup.NONE

    def against(self, version: int) -> AnswerEdit:
        """The same edit saved against ``version`` (team mode: no lost update)."""
        return dataclasses.replace(self, changes={**self.changes, "expected_version": version})


@dataclass
class QuestionPageState:
    """The current question, navigation and the comment being typed, over one :class:`ScreenState`."""

    screen: ScreenState | None = None
    score: ScoreResult | None = None
    current_question_id: str = ""
    #: The question the comment box holds, and whether it has unsaved typing.
    comment_question_id: str = ""
    comment_pending: bool = False
    _ids: tuple[str, ...] = field(default=(), repr=False)

    # -- loading -----------------------------------------------------------------------------------

    def load(self, screen: ScreenState) -> bool:
        """Show ``screen``; True when the current question is no longer visible (a show-if
        condition hid it or it left the scope), so the caller moves to :meth:`ids`' first."""
        self.screen = screen
        self._ids = tuple(q.id for s in self.sections() for q in s.questions)
        if self.current_question_id and self.current_question_id not in self._ids:
            self.current_question_id = ""
            return True
        return False

    def set_score(self, score: ScoreResult | None) -> None:
        """The latest score (flags are shown on the page and in the navigator)."""
        self.score = score

    def record_saved(self, question_id: str, answer: Answer | None) -> None:
        """A save returned ``answer``: keep it (with its new version) until the next load."""
        if self.screen is not None and answer is not None:
            self.screen = self.screen.with_answer(question_id, answer)

    # -- what is there -----------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """The assessment is decided (read-only)."""
        return self.screen is not None and self.screen.locked

    def answer(self, question_id: str) -> Answer | None:
        """The saved answer to ``question_id`` (None when unanswered or nothing is loaded)."""
        return self.screen.answers.get(question_id) if self.screen is not None else None

    def question(self, question_id: str) -> Question | None:
        """The question worded for display, also when it is not visible."""
        return self.screen.questionnaire.questions_by_id.get(question_id) if self.screen is not None else None

    def ids(self) -> tuple[str, ...]:
        """The visible questions in navigator order (by domain)."""
        return self._ids

    def flagged_ids(self) -> set[str]:
        """Questions that raise an open red flag in the latest score."""
        return {f.question_id for f in self.score.open_flags} if self.score is not None else set()

    def nav_question(self, question: Question, flagged: set[str]) -> NavQuestion:
        """The navigator row of one question."""
        assert self.screen is not None
        answer = self.screen.answers.get(question.id)
        answered = answer is not None and answer.value is not None
        previous = self.screen.previous_answers.get(question.id)
        changed = (bool(self.screen.previous_answers) and answer is not None and answered and not answer.to_confirm
                   and (previous is None or previous.value != answer.value))
        return NavQuestion(
            question.id, question.section_id, question.text, answered=answered,
            flagged=question.id in flagged, follow_up=bool(answer and answer.needs_follow_up),
            to_confirm=bool(answer and answer.to_confirm), changed=changed)

    def sections(self) -> list[NavSection]:
        """The navigator's domains with their visible questions (domains without any are left out)."""
        if self.screen is None:
            return []
        flagged = self.flagged_ids()
        by_section: dict[str, list[NavQuestion]] = {}
        for question in self.screen.visible:
            by_section.setdefault(question.section_id, []).append(self.nav_question(question, flagged))
        return [NavSection(s.id, s.title, tuple(by_section[s.id]))
                for s in self.screen.questionnaire.sections if s.id in by_section]

    # -- navigation --------------------------------------------------------------------------------

    def step(self, step: int) -> tuple[str | None, bool]:
        """Where "next" (``step`` 1) or "previous" (-1) goes: (question id, False), or
        (None, True) at the last/first question, or (None, False) when nothing is visible."""
        ids = self._ids
        if not ids:
            return None, False
        if self.current_question_id not in ids:
            return ids[0], False
        position = ids.index(self.current_question_id) + step
        if not 0 <= position < len(ids):
            return None, True
        return ids[position], False

    def next_open(self) -> str | None:
        """The next question (wrapping round) that is unanswered or still to confirm, not the current."""
        ids = self._ids
        start = ids.index(self.current_question_id) + 1 if self.current_question_id in ids else 0
        rows = {q.id: q for s in self.sections() for q in s.questions}
        for qid in ids[start:] + ids[:start]:
            if rows[qid].open and qid != self.current_question_id:
                return qid
        return None

    def first_open(self) -> str:
        """The first open question ("" when every question is answered)."""
        for section in self.sections():
            for q in section.questions:
                if q.open:
                    return q.id
        return ""

    # -- the page ----------------------------------------------------------------------------------

    def shown(self) -> QuestionShown | None:
        """What the page shows for the current question (None: the empty state)."""
        screen = self.screen
        question = self.question(self.current_question_id)
        if screen is None or question is None or question.id not in self._ids:
            return None
        answer = screen.answers.get(question.id)
        section = screen.questionnaire.sections_by_id.get(question.section_id)
        previous = screen.previous_answers.get(question.id)
        previous_text = (answer_values.display(question, previous.value)
                         if previous is not None and previous.value is not None else None)
        changed = (answer is not None and not answer.to_confirm and answer.value is not None
                   and (previous is None or previous.value != answer.value))
        flags = tuple(f for f in (self.score.flags if self.score else ()) if f.question_id == question.id)
        return QuestionShown(
            question=question, section_title=section.title if section else question.section_id,
            position=self._ids.index(question.id) + 1, total=len(self._ids), answer=answer,
            locked=screen.locked, show_confirm=bool(answer and answer.to_confirm) and not screen.locked,
            confirm_note=answer.confirm_note if answer is not None and answer.to_confirm else "",
            has_previous=bool(screen.previous_answers), previous_text=previous_text,
            changed_since_last=bool(screen.previous_answers) and changed, flags=flags,
            evidence=tuple(screen.evidence.get(question.id, [])))

    def availability(self, has_question: bool) -> Availability:
        """The actions offered, given whether an answer editor is shown."""
        if self.screen is None:
            return Availability(pick=has_question)
        editable = not self.locked
        answer = self.answer(self.current_question_id)
        can_edit_answer = editable and has_question
        statuses = ALLOWED_TRANSITIONS.get(self.screen.assessment.status, frozenset()) if editable else frozenset()
        return Availability(
            follow_up=can_edit_answer, link_evidence=can_edit_answer,
            clear=editable and answer is not None and answer.value is not None,
            confirm=editable and answer is not None and answer.to_confirm, edit=editable,
            statuses=frozenset(statuses), reopen=self.locked, pick=has_question)

    def not_applicable(self) -> list[NotApplicableAnswer]:
        """The shown questions answered "not applicable", for the review panel (rule 3)."""
        if self.screen is None:
            return []
        items = []
        for question in self.screen.visible:
            answer = self.screen.answers.get(question.id)
            option = question.option(answer.value) if answer and isinstance(answer.value, str) else None
            if answer is None or option is None or not option.not_applicable:
                continue
            items.append(NotApplicableAnswer(question.id, question.text, option.label, answer.comment,
                                             answer.na_accepted_reason, answer.na_accepted_by,
                                             answer.na_accepted_at))
        return items

    # -- the comment being typed -------------------------------------------------------------------

    def comment_to_show(self, typed: str) -> str | None:
        """The text the comment box must now hold for the current question, or None to leave it.

        Another question: its saved comment (and unsaved typing is forgotten: it was saved on
        leaving). The same question: the saved comment only when it differs from the box by
        more than the spaces the save strips and nothing is being typed."""
        saved = self.answer(self.current_question_id)
        text = saved.comment if saved is not None else ""
        if self.comment_question_id != self.current_question_id:
            self.comment_pending = False
            self.comment_question_id = self.current_question_id
            return text
        if typed.strip() != text and not self.comment_pending:
            return text
        return None

    def comment_typed(self) -> bool:
        """The officer typed in the comment box; True when it is to be saved (after a pause)."""
        if self.locked:
            return False
        self.comment_pending = True
        return True

    def take_comment(self, text: str) -> AnswerEdit | None:
        """The pending comment as an edit (None when nothing is pending); it is no longer pending."""
        if not self.comment_pending or not self.comment_question_id:
            return None
        self.comment_pending = False
        return AnswerEdit(self.comment_question_id, {"comment": text}, EditKind.COMMENT, MergeGroup.COMMENT)

    # -- what an edit means ------------------------------------------------------------------------

    def value_edit(self, question_id: str, value: Any, typed_text: bool) -> AnswerEdit:
        """A new value from the editor (typing in a text answer merges into one undo step)."""
        return AnswerEdit(question_id, {"value": value}, EditKind.ANSWER,
                          MergeGroup.TEXT if typed_text else MergeGroup.NONE)

    def clear_edit(self, question_id: str) -> AnswerEdit:
        """Clear the answer."""
        return AnswerEdit(question_id, {"value": None}, EditKind.CLEAR)

    def follow_up_edit(self, question_id: str, needs_follow_up: bool | None = None) -> AnswerEdit:
        """Mark or unmark for follow-up (None: toggle what is saved)."""
        if needs_follow_up is None:
            answer = self.answer(question_id)
            needs_follow_up = not (answer and answer.needs_follow_up)
        return AnswerEdit(question_id, {"needs_follow_up": needs_follow_up}, EditKind.FOLLOW_UP)

    def confirm_edit(self, question_id: str) -> AnswerEdit | None:
        """Confirm an answer copied from last time (None when there is nothing to confirm)."""
        answer = self.answer(question_id)
        if answer is None or not answer.to_confirm:
            return None
        return AnswerEdit(question_id, {"to_confirm": False}, EditKind.CONFIRM)

    def override_edit(self, question_id: str, value: Any, reason: str) -> AnswerEdit:
        """A reviewer's override: the verified value, with the reason."""
        return AnswerEdit(question_id, {"value": value, "source": AnswerSource.REVIEWER, "override_reason": reason},
                          EditKind.OVERRIDE)

    def versioned(self, edit: AnswerEdit) -> AnswerEdit:
        """``edit`` saved against the version shown (team mode), 0 when the answer is new."""
        shown = self.answer(edit.question_id)
        return edit.against(shown.version if shown is not None else 0)
