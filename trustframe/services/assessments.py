"""Use cases for assessments: create, scope, answer, review, decide, reopen, reassess."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import (
    ALLOWED_TRANSITIONS,
    Answer,
    AnswerSource,
    Assessment,
    AssessmentStatus,
    Decision,
    FlagAcceptance,
)
from trustframe.domain.decision_rules import JustificationNeed, justification_need
from trustframe.domain.questionnaire import Question, Questionnaire, QuestionnaireKind, is_buyer_question_id
from trustframe.domain.scoping import applicable_questions, in_scope
from trustframe.domain.tiering import TierResult
from trustframe.errors import ConflictError, NotFoundError
from trustframe.services.changes import Change
from trustframe.services.questionnaires import DEFAULT_QUESTIONNAIRE_ID
from trustframe.services.vendors import InvalidInput
from trustframe.storage.orm import AnswerRow, AssessmentRow, FlagAcceptanceRow
from trustframe.storage.repositories import (
    AssessmentRepository,
    EvidenceRepository,
    answer_from_row,
    HistoryRepository,
    QuestionnaireTextRepository,
    VendorRepository,
)

if TYPE_CHECKING:
    from trustframe.services.context import Services

_UNSET: Any = object()


@dataclass(frozen=True)
class AnswerInput:
    """One answer to save in a batch. Leave ``value`` unset to change only the comment/flags."""

    question_id: str
    value: Any = _UNSET
    comment: str | None = None
    needs_follow_up: bool | None = None
    to_confirm: bool | None = None


@dataclass(frozen=True)
class AnswerChange:
    """The result of saving an answer: what it was and what it is (for undo and refresh)."""

    assessment_id: int
    question_id: str
    before: Answer | None
    after: Answer | None


@dataclass(frozen=True)
class NotApplicableAnswer:
    """A "not applicable" answer awaiting (or given) a reviewer's acceptance (rule 3)."""

    question_id: str
    question_text: str
    answer_label: str
    comment: str                   # the answer's own written reason
    accepted_reason: str = ""      # the reviewer's reason; empty while not accepted
    accepted_by: str = ""
    accepted_at: datetime | None = None

    @property
    def accepted(self) -> bool:
        """True once a reviewer accepted it."""
        return bool(self.accepted_reason)

    @property
    def has_reason(self) -> bool:
        """True when the answer gives a written reason (only those can be accepted)."""
        return bool(self.comment.strip())


@dataclass(frozen=True)
class ScopeTierState:
    """Everything that decides an assessment's tier and scope, as stored (for undo/redo).

    Unlike :class:`Assessment` (whose ``profile_answers`` is left out of comparisons) two
    states are equal only when every field is, profile answers included.
    """

    profile_answers: Mapping[str, Any]
    tier: int | None
    tier_override: int | None
    tier_override_reason: str
    scope_added: tuple[str, ...]
    scope_removed: tuple[str, ...]

    @classmethod
    def of(cls, assessment: Assessment) -> "ScopeTierState":
        """The tier and scope state of an assessment as read from the services."""
        return cls(dict(assessment.profile_answers), assessment.tier, assessment.tier_override,
                   assessment.tier_override_reason, tuple(sorted(assessment.scope_added)),
                   tuple(sorted(assessment.scope_removed)))


@dataclass(frozen=True)
class ScopeTierChange:
    """Tier and scope before and after one change (what an undo command needs)."""

    assessment_id: int
    before: ScopeTierState
    after: ScopeTierState


class AssessmentService:
    """Everything that reads or changes assessments and their answers."""

    def __init__(self, services: "Services") -> None:
        self._s = services

    # -- reading -------------------------------------------------------------------------------

    def get(self, assessment_id: int) -> Assessment:
        """An assessment with vendor and product names."""
        with self._s.workspace.reading() as session:
            return AssessmentRepository(session).get(assessment_id)

    def list(self, vendor_id: int | None = None, product_id: int | None = None,
             status: AssessmentStatus | None = None) -> list[Assessment]:
        """Assessments, newest first."""
        with self._s.workspace.reading() as session:
            return AssessmentRepository(session).list(vendor_id, product_id, status)

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        """The vendor-side answers keyed by question id.

        The buyer's own answers (``BUY-`` ids, see :mod:`trustframe.services.buyer_readiness`)
        live in the same table but are left out here, so nothing built from these answers (vendor
        workbooks, vendor scores, imports, vendor reports) can carry them."""
        with self._s.workspace.reading() as session:
            answers = AssessmentRepository(session).answers(assessment_id)
        return {qid: a for qid, a in answers.items() if not is_buyer_question_id(qid)}

    def flag_acceptances(self, assessment_id: int) -> dict[str, FlagAcceptance]:
        """Red flags accepted as mitigated, keyed by flag id."""
        with self._s.workspace.reading() as session:
            return AssessmentRepository(session).flag_acceptances(assessment_id)

    def uid(self, assessment_id: int) -> str:
        """The assessment's unique id (written into exported workbooks)."""
        with self._s.workspace.reading() as session:
            return AssessmentRepository(session).row(assessment_id).uid

    def questionnaire(self, assessment: Assessment | int) -> Questionnaire:
        """The exact questionnaire version an assessment uses."""
        if isinstance(assessment, int):
            assessment = self.get(assessment)
        return self._s.catalog.get(assessment.questionnaire_id, assessment.questionnaire_version)

    def scoped_questions(self, assessment: Assessment | int) -> list[Question]:
        """Questions in scope (category, tier, officer's additions/removals), before show-if."""
        if isinstance(assessment, int):
            assessment = self.get(assessment)
        return in_scope(self.questionnaire(assessment), assessment.product_category, assessment.effective_tier,
                        assessment.scope_added, assessment.scope_removed)

    def applicable_questions(self, assessment: Assessment | int,
                             answers: Mapping[str, Answer] | None = None) -> list[Question]:
        """In scope and visible given the answers: the questions that count."""
        if isinstance(assessment, int):
            assessment = self.get(assessment)
        if answers is None:
            answers = self.answers(assessment.id)  # type: ignore[arg-type]
        values = {qid: a.value for qid, a in answers.items()}
        return applicable_questions(self.questionnaire(assessment), assessment.product_category,
                                    assessment.effective_tier, values, assessment.scope_added,
                                    assessment.scope_removed)

    # -- creating ------------------------------------------------------------------------------

    def create(self, vendor_id: int, product_id: int, questionnaire_id: str = DEFAULT_QUESTIONNAIRE_ID,
               version: str | None = None, tier: int | None = None, assessor: str = "",
               procurement: str = "", due_date: date | None = None,
               previous_assessment_id: int | None = None) -> Assessment:
        """Start an assessment. The questionnaire version is pinned and its text kept in the
        workspace, so the assessment keeps its basis when the bundled questionnaire changes."""
        questionnaire = self._s.catalog.get(questionnaire_id, version)
        if questionnaire.kind is not QuestionnaireKind.ASSESSMENT:
            raise InvalidInput(f"{questionnaire.key} is a {questionnaire.kind.value}, not an assessment questionnaire.")
        if tier is not None and tier not in (1, 2, 3, 4):
            raise InvalidInput(f"Tier {tier} does not exist; tiers go from 1 (critical) to 4 (low).")
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            vendors = VendorRepository(session)
            vendor = vendors.row(vendor_id)
            product = vendors.product_row(product_id)
            if product.vendor_id != vendor_id:
                raise ConflictError(f"Product '{product.name}' does not belong to {vendor.name}.")
            QuestionnaireTextRepository(session).put(
                questionnaire.id, questionnaire.version, self._s.catalog.text(questionnaire),
                origin="bundled")
            row = AssessmentRow(
                uid=str(uuid.uuid4()), vendor_id=vendor_id, product_id=product_id,
                questionnaire_id=questionnaire.id, questionnaire_version=questionnaire.version,
                status=AssessmentStatus.DRAFT.value, tier=None, tier_override=tier,
                tier_override_reason="Set when the assessment was created" if tier is not None else "",
                profile_answers={}, scope_added=[], scope_removed=[], assessor=assessor or self._s.user,
                procurement=procurement, due_date=due_date, previous_assessment_id=previous_assessment_id,
                created_at=now, updated_at=now,
            )
            session.add(row)
            session.flush()
            HistoryRepository(session).record(self._s.user, "assessment", row.id, "created", None,
                                              f"{vendor.name} / {product.name} / {questionnaire.key}",
                                              assessment_id=row.id)
            result = AssessmentRepository(session).get(row.id)
        self._s.changes.announce(Change("assessment", result.id, result.id))
        return result

    # -- criticality and scope -----------------------------------------------------------------

    def set_profile_answers(self, assessment_id: int, profile_answers: Mapping[str, Any]) -> TierResult:
        """Record the criticality profile answers and recompute the inherent tier."""
        profile = self._s.catalog.profile()
        clean: dict[str, Any] = {}
        for qid, value in profile_answers.items():
            if qid not in profile.questions_by_id:
                raise InvalidInput(f"'{qid}' is not a question of the criticality profile.")
            normalised = answer_values.normalise(profile.question(qid), value)
            if normalised is not None:
                clean[qid] = normalised
        # The scoring service applies the workspace's tiering override (method, thresholds).
        result = self._s.scoring.tier_for(clean)
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id)
            history = HistoryRepository(session)
            if row.profile_answers != clean:
                history.record(self._s.user, "assessment", assessment_id, "profile_answers",
                               row.profile_answers, clean, assessment_id=assessment_id)
            if row.tier != result.tier:
                history.record(self._s.user, "assessment", assessment_id, "tier", row.tier, result.tier,
                               assessment_id=assessment_id, note="; ".join(result.reasons))
            row.profile_answers = clean
            row.tier = result.tier
            row.updated_at = datetime.now().replace(microsecond=0)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return result

    def override_tier(self, assessment_id: int, tier: int | None, reason: str) -> Assessment:
        """Override the computed tier (None removes the override). A reason is required."""
        if tier is not None and tier not in (1, 2, 3, 4):
            raise InvalidInput(f"Tier {tier} does not exist; tiers go from 1 (critical) to 4 (low).")
        if tier is not None and not reason.strip():
            raise InvalidInput("Give a reason for overriding the inherent-risk tier.")
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id)
            HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "tier_override",
                                              row.tier_override, tier, assessment_id=assessment_id, note=reason)
            row.tier_override = tier
            row.tier_override_reason = reason.strip() if tier is not None else ""
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return result

    def set_scope(self, assessment_id: int, added: Iterable[str] = (), removed: Iterable[str] = ()) -> Assessment:
        """Adjust the scope: questions added beyond the tier's set, or removed from it."""
        assessment = self.get(assessment_id)
        questionnaire = self.questionnaire(assessment)
        added_l, removed_l = sorted(set(added)), sorted(set(removed))
        for qid in added_l + removed_l:
            if qid not in questionnaire.questions_by_id:
                raise NotFoundError(f"{questionnaire.key} has no question '{qid}'.")
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id)
            HistoryRepository(session).record(
                self._s.user, "assessment", assessment_id, "scope",
                {"added": row.scope_added, "removed": row.scope_removed},
                {"added": added_l, "removed": removed_l}, assessment_id=assessment_id)
            row.scope_added, row.scope_removed = added_l, removed_l
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return result

    def scope_tier_state(self, assessment_id: int) -> ScopeTierState:
        """The stored profile answers, tier, override and scope adjustments of an assessment."""
        return ScopeTierState.of(self.get(assessment_id))

    def restore_scope_and_tier(self, assessment_id: int, state: ScopeTierState,
                               note: str = "undo") -> ScopeTierChange:
        """Put the tier and scope back exactly as ``state`` has them (used by undo/redo).

        One transaction. The tier is written as stored rather than recomputed from the profile
        answers, because the workspace's tiering method may have changed since: undo must give
        back the state the officer saw. Each field that changes is appended to the change log
        with ``note``; nothing earlier in the log is touched. A decided assessment is refused.
        """
        if state.tier_override is not None and state.tier_override not in (1, 2, 3, 4):
            raise InvalidInput(f"Tier {state.tier_override} does not exist; tiers go from 1 (critical) to 4 (low).")
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id)
            before = ScopeTierState.of(AssessmentRepository(session).get(assessment_id))
            history = HistoryRepository(session)
            profile = dict(state.profile_answers)
            added, removed = sorted(state.scope_added), sorted(state.scope_removed)
            reason = state.tier_override_reason if state.tier_override is not None else ""
            if dict(row.profile_answers or {}) != profile:
                history.record(self._s.user, "assessment", assessment_id, "profile_answers", row.profile_answers,
                               profile, assessment_id=assessment_id, note=note)
            if row.tier != state.tier:
                history.record(self._s.user, "assessment", assessment_id, "tier", row.tier, state.tier,
                               assessment_id=assessment_id, note=note)
            if (row.tier_override, row.tier_override_reason or "") != (state.tier_override, reason):
                # The reason goes with the note, as override_tier() logs it.
                history.record(self._s.user, "assessment", assessment_id, "tier_override", row.tier_override,
                               state.tier_override, assessment_id=assessment_id,
                               note=f"{note}: {reason}" if reason else note)
            if (sorted(row.scope_added or []), sorted(row.scope_removed or [])) != (added, removed):
                history.record(self._s.user, "assessment", assessment_id, "scope",
                               {"added": row.scope_added, "removed": row.scope_removed},
                               {"added": added, "removed": removed}, assessment_id=assessment_id, note=note)
            row.profile_answers = profile
            row.tier = state.tier
            row.tier_override = state.tier_override
            row.tier_override_reason = reason
            row.scope_added, row.scope_removed = added, removed
            row.updated_at = datetime.now().replace(microsecond=0)
            session.flush()
            after = ScopeTierState.of(AssessmentRepository(session).get(assessment_id))
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return ScopeTierChange(assessment_id, before, after)

    def update_details(self, assessment_id: int, **fields: Any) -> Assessment:
        """Change assessor, reviewer, procurement, due_date or next_review_due (logged)."""
        allowed = {"assessor", "reviewer", "procurement", "due_date", "next_review_due"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidInput(f"Cannot change {', '.join(sorted(unknown))} here.")
        with self._s.workspace.transaction() as session:
            row = AssessmentRepository(session).row(assessment_id)
            history = HistoryRepository(session)
            for key, value in fields.items():
                if getattr(row, key) != value:
                    history.record(self._s.user, "assessment", assessment_id, key, getattr(row, key), value,
                                   assessment_id=assessment_id)
                    setattr(row, key, value)
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return result

    # -- answering -----------------------------------------------------------------------------

    def set_answer(self, assessment_id: int, question_id: str, value: Any = _UNSET, *,
                   comment: str | None = None, source: AnswerSource = AnswerSource.BUYER,
                   override_reason: str = "", needs_follow_up: bool | None = None,
                   to_confirm: bool | None = None, parse_text: bool = False,
                   import_id: int | None = None) -> AnswerChange:
        """Save one answer (value and/or comment and flags) immediately, and log it.

        ``value`` is checked against the question (``parse_text`` accepts typed text such as
        an option label). A reviewer override needs a reason. Returns before/after for undo.
        """
        assessment = self.get(assessment_id)
        if is_buyer_question_id(question_id):
            # The buyer's own module: answered by the buyer only, never by an import.
            if source is AnswerSource.VENDOR:
                raise InvalidInput(f"{question_id} is a buyer-module question; a vendor cannot answer it.")
            questionnaire = self._s.catalog.buyer_module()
        else:
            questionnaire = self.questionnaire(assessment)
        question = questionnaire.questions_by_id.get(question_id)
        if question is None:
            raise NotFoundError(f"{questionnaire.key} has no question '{question_id}'.")
        if value is not _UNSET:
            if parse_text and value is not None:
                # The labels of the questionnaire's translations count, as in a returned workbook
                # (one parser for typed answers; tests/cli/test_typed_answers.py).
                from trustframe.exchange.questionnaire_translations import translated_option

                value = answer_values.parse_text(question, str(value), translated_option)
            else:
                value = answer_values.normalise(question, value)
        if source is AnswerSource.REVIEWER and not override_reason.strip():
            raise InvalidInput("A reviewer override needs a reason.")
        if comment is not None and len(comment) > answer_values.MAX_TEXT_LENGTH:
            raise InvalidInput(f"The comment is longer than {answer_values.MAX_TEXT_LENGTH} characters.")
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            self._editable_row(session, assessment_id)
            if questionnaire.kind is QuestionnaireKind.BUYER:
                # Keep the module's text, so its answers stay readable after the bundle moves on.
                QuestionnaireTextRepository(session).put(
                    questionnaire.id, questionnaire.version, self._s.catalog.text(questionnaire), origin="bundled")
            before, after, changed = self._apply_answer(
                session, assessment_id, question_id, value, comment, source, override_reason,
                needs_follow_up, to_confirm, import_id, now)
        if changed:
            self._s.changes.announce(Change("answer", question_id, assessment_id))
        return AnswerChange(assessment_id, question_id, before, after)

    def set_answers(self, assessment_id: int, items: Iterable["AnswerInput"], *,
                    source: AnswerSource = AnswerSource.BUYER, import_id: int | None = None,
                    session: Any = None) -> list[AnswerChange]:
        """Save many answers in one transaction (all or nothing): used by imports and the demo.

        Values are checked first; one bad value rejects the whole batch before anything is
        written. Pass ``session`` to join a caller's unit of work (e.g. an import that also
        writes its provenance record).
        """
        assessment = self.get(assessment_id)
        questionnaire = self.questionnaire(assessment)
        prepared = []
        for item in items:
            question = questionnaire.questions_by_id.get(item.question_id)
            if question is None:
                raise NotFoundError(f"{questionnaire.key} has no question '{item.question_id}'.")
            value = item.value
            if value is not _UNSET:
                value = answer_values.normalise(question, value)
            prepared.append((item, value))
        now = datetime.now().replace(microsecond=0)
        changes: list[AnswerChange] = []

        def apply(sess: Any) -> None:
            self._editable_row(sess, assessment_id)
            # Load the rows and evidence links once for the whole batch (not per answer).
            rows = AssessmentRepository(sess).answer_rows(assessment_id)
            links: dict[str, list[int]] = {}
            for qid, eid in EvidenceRepository(sess).links_for_assessment(assessment_id):
                links.setdefault(qid, []).append(eid)
            for item, value in prepared:
                before, after, changed = self._apply_answer(
                    sess, assessment_id, item.question_id, value, item.comment, source, "",
                    item.needs_follow_up, item.to_confirm, import_id, now, rows, links)
                if changed:
                    changes.append(AnswerChange(assessment_id, item.question_id, before, after))

        if session is not None:
            apply(session)
        else:
            with self._s.workspace.transaction() as own:
                apply(own)
        if changes:
            self._s.changes.announce(Change("answer", None, assessment_id))
        return changes

    def _apply_answer(self, session: Any, assessment_id: int, question_id: str, value: Any,
                      comment: str | None, source: AnswerSource, override_reason: str,
                      needs_follow_up: bool | None, to_confirm: bool | None, import_id: int | None,
                      now: datetime, rows: dict[str, AnswerRow] | None = None,
                      links: dict[str, list[int]] | None = None) -> tuple[Answer | None, Answer | None, bool]:
        """Write one answer inside ``session``; returns (before, after, changed).

        ``rows`` and ``links`` are preloaded caches for batches; without them the row and the
        evidence links are queried."""
        batch = rows is not None
        if rows is not None:
            row = rows.get(question_id)
        else:
            row = AssessmentRepository(session).answer_row(assessment_id, question_id)
        if links is None:
            links = {}
            for qid, eid in EvidenceRepository(session).links_for_assessment(assessment_id):
                links.setdefault(qid, []).append(eid)
        linked = links.get(question_id, [])
        before = answer_from_row(row, linked) if row is not None else None
        if row is None:
            row = AnswerRow(assessment_id=assessment_id, question_id=question_id, value=None, comment="",
                            source=source.value, override_reason="", needs_follow_up=False,
                            to_confirm=False, vendor_value=None, import_id=None, updated_at=now,
                            updated_by=self._s.user)
            session.add(row)
            if rows is not None:
                rows[question_id] = row
        history = HistoryRepository(session)
        changed = False
        if value is not _UNSET and row.value != value:
            history.record(self._s.user, "answer", question_id, "value", row.value, value,
                           assessment_id=assessment_id, note=override_reason or source.value)
            if source is AnswerSource.VENDOR:
                row.vendor_value = value
            row.value = value
            row.source = source.value
            row.override_reason = override_reason.strip()
            row.to_confirm = False
            if row.na_accepted_reason:
                # A reviewer accepted the earlier "not applicable"; a new answer needs a new look.
                history.record(self._s.user, "answer", question_id, "na_accepted", row.na_accepted_reason, None,
                               assessment_id=assessment_id, note="answer changed")
                row.na_accepted_reason = row.na_accepted_by = None
                row.na_accepted_at = None
            changed = True
        if comment is not None and row.comment != comment.strip():
            history.record(self._s.user, "answer", question_id, "comment", row.comment, comment.strip(),
                           assessment_id=assessment_id)
            row.comment = comment.strip()
            changed = True
        if needs_follow_up is not None and row.needs_follow_up != needs_follow_up:
            history.record(self._s.user, "answer", question_id, "needs_follow_up", row.needs_follow_up,
                           needs_follow_up, assessment_id=assessment_id)
            row.needs_follow_up = needs_follow_up
            changed = True
        if to_confirm is not None and row.to_confirm != to_confirm:
            row.to_confirm = to_confirm
            changed = True
        if changed:
            row.updated_at = now
            row.updated_by = self._s.user
            if import_id is not None:
                row.import_id = import_id
            self._touch(session, assessment_id, now)
        if not batch:
            session.flush()
        return before, answer_from_row(row, linked), changed

    def restore_answer(self, assessment_id: int, question_id: str, answer: Answer | None) -> AnswerChange:
        """Put an answer back exactly as it was (used by undo/redo); None deletes it."""
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            self._editable_row(session, assessment_id)
            repo = AssessmentRepository(session)
            before = repo.answers(assessment_id).get(question_id)
            row = repo.answer_row(assessment_id, question_id)
            history = HistoryRepository(session)
            if answer is None:
                if row is not None:
                    history.record(self._s.user, "answer", question_id, "value", row.value, None,
                                   assessment_id=assessment_id, note="undo")
                    session.delete(row)
            else:
                if row is None:
                    row = AnswerRow(assessment_id=assessment_id, question_id=question_id, updated_at=now)
                    session.add(row)
                history.record(self._s.user, "answer", question_id, "value", row.value, answer.value,
                               assessment_id=assessment_id, note="undo/redo")
                row.value, row.comment, row.source = answer.value, answer.comment, answer.source.value
                row.override_reason, row.needs_follow_up = answer.override_reason, answer.needs_follow_up
                row.to_confirm, row.updated_at, row.updated_by = answer.to_confirm, now, self._s.user
                row.na_accepted_reason = answer.na_accepted_reason or None
                row.na_accepted_by = answer.na_accepted_by or None
                row.na_accepted_at = answer.na_accepted_at
            self._touch(session, assessment_id, now)
            session.flush()
            after = repo.answers(assessment_id).get(question_id)
        self._s.changes.announce(Change("answer", question_id, assessment_id))
        return AnswerChange(assessment_id, question_id, before, after)

    # -- review and decision -------------------------------------------------------------------

    def set_status(self, assessment_id: int, status: AssessmentStatus, note: str = "") -> Assessment:
        """Move an assessment along its life; refuses jumps that make no sense."""
        with self._s.workspace.transaction() as session:
            row = AssessmentRepository(session).row(assessment_id)
            current = AssessmentStatus(row.status)
            if status is current:
                return AssessmentRepository(session).get(assessment_id)
            if status is AssessmentStatus.DECIDED:
                raise InvalidInput("Record a decision to mark an assessment decided.")
            if current is AssessmentStatus.DECIDED:
                raise ConflictError("This assessment is decided and locked; reopen it first.")
            if status not in ALLOWED_TRANSITIONS[current]:
                raise ConflictError(f"An assessment cannot go from '{current.label}' to '{status.label}'.")
            HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "status",
                                              current.value, status.value, assessment_id=assessment_id, note=note)
            row.status = status.value
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return result

    def accept_flag(self, assessment_id: int, flag_id: str, reason: str) -> FlagAcceptance:
        """Accept a red flag as mitigated; the reason is kept."""
        if not reason.strip():
            raise InvalidInput("Give the reason why this red flag is accepted as mitigated.")
        questionnaire = self.questionnaire(assessment_id)
        # Findings raised by machine-readable evidence ("EV-...") are flags of this assessment,
        # not of the questionnaire: accept them only while they are raised.
        known = any(rf.id == flag_id for q in questionnaire.iter_questions() for rf in q.red_flags) or (
            flag_id.startswith("EV-") and any(f.flag_id == flag_id for f in self._s.scoring.score(assessment_id).flags))
        if not known:
            raise NotFoundError(f"{questionnaire.key} has no red flag '{flag_id}', and the evidence of this "
                                "assessment raises none by that id.")
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            self._editable_row(session, assessment_id)
            repo = AssessmentRepository(session)
            if flag_id in repo.flag_acceptances(assessment_id):
                raise ConflictError(f"Red flag {flag_id} is already accepted.")
            session.add(FlagAcceptanceRow(assessment_id=assessment_id, flag_id=flag_id, reason=reason.strip(),
                                          accepted_by=self._s.user, accepted_at=now))
            HistoryRepository(session).record(self._s.user, "flag", flag_id, "accepted", None, reason.strip(),
                                              assessment_id=assessment_id)
            self._touch(session, assessment_id, now)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return FlagAcceptance(flag_id, reason.strip(), self._s.user, now)

    def not_applicable_answers(self, assessment_id: int) -> list[NotApplicableAnswer]:
        """Every "not applicable" answer of the assessment, for review (rule 3 of docs/scoring.md):
        in questionnaire order, with the answer's written reason and the reviewer's acceptance."""
        questionnaire = self.questionnaire(assessment_id)
        with self._s.workspace.reading() as session:
            answers = AssessmentRepository(session).answers(assessment_id)
        out = []
        for question in questionnaire.iter_questions():
            answer = answers.get(question.id)
            option = question.option(answer.value) if answer is not None and isinstance(answer.value, str) else None
            if option is None or not option.not_applicable:
                continue
            out.append(NotApplicableAnswer(question.id, question.text, option.label, answer.comment,  # type: ignore[union-attr]
                                           answer.na_accepted_reason, answer.na_accepted_by,  # type: ignore[union-attr]
                                           answer.na_accepted_at))  # type: ignore[union-attr]
        return out

    def accept_not_applicable(self, assessment_id: int, question_ids: Iterable[str], reason: str) -> list[str]:
        """Accept "not applicable" answers (one reason may cover several), in one transaction.

        Rule 3: an N/A answer counts towards completeness only once accepted, and only an N/A
        answer that gives its reason in the comment can be accepted. Returns the ids accepted;
        refuses the whole batch, naming the question, when one cannot be accepted."""
        reason = reason.strip()
        if not reason:
            raise InvalidInput("Give the reason why these 'not applicable' answers are accepted.")
        ids = list(dict.fromkeys(question_ids))
        if not ids:
            raise InvalidInput("Choose at least one 'not applicable' answer to accept.")
        questionnaire = self.questionnaire(assessment_id)
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            self._editable_row(session, assessment_id)
            rows = AssessmentRepository(session).answer_rows(assessment_id)
            history = HistoryRepository(session)
            for qid in ids:
                question = questionnaire.questions_by_id.get(qid)
                if question is None:
                    raise NotFoundError(f"{questionnaire.key} has no question '{qid}'.")
                row = rows.get(qid)
                option = question.option(row.value) if row is not None and isinstance(row.value, str) else None
                if option is None or not option.not_applicable:
                    raise InvalidInput(f"{qid} is not answered 'not applicable', so there is nothing to accept.")
                if not (row.comment or "").strip():  # type: ignore[union-attr]
                    raise InvalidInput(f"{qid} is answered 'not applicable' without a reason in its comment; "
                                       "ask for the reason before accepting it.")
                history.record(self._s.user, "answer", qid, "na_accepted", row.na_accepted_reason, reason,  # type: ignore[union-attr]
                               assessment_id=assessment_id)
                row.na_accepted_reason, row.na_accepted_by, row.na_accepted_at = reason, self._s.user, now  # type: ignore[union-attr]
            self._touch(session, assessment_id, now)
        self._s.changes.announce(Change("answer", None, assessment_id))
        return ids

    def revoke_not_applicable(self, assessment_id: int, question_id: str) -> None:
        """Withdraw the acceptance of a "not applicable" answer (it is a gap again)."""
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            self._editable_row(session, assessment_id)
            row = AssessmentRepository(session).answer_row(assessment_id, question_id)
            if row is None or not row.na_accepted_reason:
                raise NotFoundError(f"The answer to {question_id} is not an accepted 'not applicable'.")
            HistoryRepository(session).record(self._s.user, "answer", question_id, "na_accepted",
                                              row.na_accepted_reason, None, assessment_id=assessment_id)
            row.na_accepted_reason = row.na_accepted_by = None
            row.na_accepted_at = None
            self._touch(session, assessment_id, now)
        self._s.changes.announce(Change("answer", question_id, assessment_id))

    def revoke_flag_acceptance(self, assessment_id: int, flag_id: str) -> None:
        """Withdraw the acceptance of a red flag."""
        with self._s.workspace.transaction() as session:
            self._editable_row(session, assessment_id)
            row = session.query(FlagAcceptanceRow).filter_by(assessment_id=assessment_id, flag_id=flag_id).first()
            if row is None:
                raise NotFoundError(f"Red flag {flag_id} is not accepted.")
            HistoryRepository(session).record(self._s.user, "flag", flag_id, "accepted", row.reason, None,
                                              assessment_id=assessment_id)
            session.delete(row)
            # Moves updated_at so stored "live" scores know they are out of date.
            self._touch(session, assessment_id, datetime.now().replace(microsecond=0))
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))

    def justification_need(self, assessment_id: int, decision: Decision) -> JustificationNeed:
        """Whether recording ``decision`` now needs a written justification: it differs from the
        scoring's recommendation, or fewer questions are answered than the profile's threshold."""
        scoring = self._s.scoring
        result = scoring.score(assessment_id, detail=False)
        minimum = scoring.profile.completeness_minimum
        return justification_need(decision.value, result.recommendation.value, result.completeness, minimum)

    def decide(self, assessment_id: int, decision: Decision, decided_by: str = "", notes: str = "",
               decided_on: date | None = None, next_review_due: date | None = None,
               justification: str = "") -> Assessment:
        """Record the decision; the assessment becomes locked. When the scoring service is
        available a score snapshot preserves the decision's basis. ``justification`` (why the
        decision departs from the recommendation, see :meth:`justification_need`) is stored with
        the decision and in the change log; the decision dialog asks for it when it is needed."""
        decided_by = decided_by.strip() or self._s.user
        justification = justification.strip()
        decided_on = decided_on or date.today()
        if self._s.snapshot_on_decision is None:
            # The scoring service installs the snapshot hook when it is created: make sure it is.
            self._s.scoring  # noqa: B018 - built for its side effect (the hook)
        with self._s.workspace.transaction() as session:
            row = AssessmentRepository(session).row(assessment_id)
            if row.status == AssessmentStatus.DECIDED.value:
                raise ConflictError("This assessment is already decided; reopen it to change the decision.")
            history = HistoryRepository(session)
            history.record(self._s.user, "assessment", assessment_id, "decision", row.decision, decision.value,
                           assessment_id=assessment_id, note=notes)
            history.record(self._s.user, "assessment", assessment_id, "status", row.status,
                           AssessmentStatus.DECIDED.value, assessment_id=assessment_id)
            if justification:
                history.record(self._s.user, "assessment", assessment_id, "decision_justification",
                               row.decision_justification, justification, assessment_id=assessment_id,
                               note=f"Decided {decision.value}")
            row.decision_justification = justification or None
            row.decision, row.decision_by, row.decision_date = decision.value, decided_by, decided_on
            row.decision_notes, row.status = notes.strip(), AssessmentStatus.DECIDED.value
            if next_review_due is not None:
                row.next_review_due = next_review_due
            elif row.next_review_due is None:
                row.next_review_due = _add_months(decided_on, 12)
            row.reviewer = row.reviewer or decided_by
            row.updated_at = datetime.now().replace(microsecond=0)
            snapshot = self._s.snapshot_on_decision
            if snapshot is not None:
                snapshot(session, assessment_id, decided_on)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return result

    def reopen(self, assessment_id: int, reason: str) -> Assessment:
        """Reopen a decided assessment for review: explicit and logged with its reason."""
        if not reason.strip():
            raise InvalidInput("Give the reason for reopening a decided assessment.")
        with self._s.workspace.transaction() as session:
            row = AssessmentRepository(session).row(assessment_id)
            if row.status != AssessmentStatus.DECIDED.value:
                raise ConflictError("Only a decided assessment can be reopened.")
            HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "status", row.status,
                                              AssessmentStatus.IN_REVIEW.value, assessment_id=assessment_id,
                                              note=f"Reopened: {reason.strip()}")
            row.status = AssessmentStatus.IN_REVIEW.value
            row.decision, row.decision_by, row.decision_date = None, "", None
            row.decision_justification = None
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))
        return result

    def reassess(self, assessment_id: int, questionnaire_version: str | None = None) -> Assessment:
        """Start the next assessment of the same product from this one: the profile and answers
        are copied and marked "to confirm"; answers to questions that no longer exist are left out."""
        previous = self.get(assessment_id)
        previous_answers = self.answers(assessment_id)
        new = self.create(previous.vendor_id, previous.product_id, previous.questionnaire_id,
                          questionnaire_version, assessor=self._s.user, procurement=previous.procurement,
                          previous_assessment_id=assessment_id)
        questionnaire = self.questionnaire(new)
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            row = AssessmentRepository(session).row(new.id)  # type: ignore[arg-type]
            row.profile_answers = dict(previous.profile_answers)
            row.tier = previous.tier
            row.tier_override = previous.tier_override
            row.tier_override_reason = previous.tier_override_reason
            row.scope_added, row.scope_removed = list(previous.scope_added), list(previous.scope_removed)
            for qid, answer in previous_answers.items():
                if qid not in questionnaire.questions_by_id or answer.value is None:
                    continue
                session.add(AnswerRow(
                    assessment_id=new.id, question_id=qid, value=answer.value, comment=answer.comment,
                    source=answer.source.value, override_reason=answer.override_reason,
                    needs_follow_up=False, to_confirm=True, vendor_value=answer.vendor_value,
                    updated_at=now, updated_by=self._s.user))
            HistoryRepository(session).record(self._s.user, "assessment", new.id, "reassessment_of", None,
                                              assessment_id, assessment_id=new.id)
            result = AssessmentRepository(session).get(new.id)  # type: ignore[arg-type]
        self._s.changes.announce(Change("assessment", result.id, result.id))
        return result

    def delete(self, assessment_id: int) -> None:
        """Delete an assessment (decided assessments must be reopened first)."""
        with self._s.workspace.transaction() as session:
            row = AssessmentRepository(session).row(assessment_id)
            if row.status == AssessmentStatus.DECIDED.value:
                raise ConflictError("A decided assessment cannot be deleted; it is the record of a decision.")
            HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "deleted",
                                              row.questionnaire_id, None, assessment_id=assessment_id)
            session.delete(row)
        self._s.changes.announce(Change("assessment", assessment_id, assessment_id))

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _editable_row(session: Any, assessment_id: int) -> AssessmentRow:
        row = AssessmentRepository(session).row(assessment_id)
        if row.status == AssessmentStatus.DECIDED.value:
            raise ConflictError("This assessment is decided and locked. Reopen it (with a reason) to change it.")
        return row

    @staticmethod
    def _touch(session: Any, assessment_id: int, now: datetime) -> None:
        AssessmentRepository(session).row(assessment_id).updated_at = now


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    import calendar

    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
