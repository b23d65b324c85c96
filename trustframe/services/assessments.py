# Long file: AssessmentService is the one use-case class of the assessment life cycle (answers, scope,
# status, decision, reassessment) with one unit of work per method; a split by use case is pending.
"""Use cases for assessments: create, scope, answer, review, decide, reopen, reassess."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

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
from trustframe.domain.bank_diff import CarryPlan, carry_plan, diff_banks
from trustframe.domain.decision_rules import JustificationNeed, justification_need
from trustframe.domain.questionnaire import (
    ProductCategory,
    Question,
    Questionnaire,
    QuestionnaireKind,
    is_buyer_question_id,
)
from trustframe.domain.scoping import applicable_questions, in_scope
from trustframe.domain.tiering import TierResult
from trustframe.domain.vendors import Contact
from trustframe.errors import ConflictError, NotFoundError, QuestionnaireError, StaleWriteError, TrustFrameError
from trustframe.exchange.overlays import AppliedOverlay
from trustframe.services.changes import Change, Entity
from trustframe.services.questionnaires import BUYER_MODULE_ID, DEFAULT_QUESTIONNAIRE_ID
from trustframe.services.vendors import InvalidInput, insert_product, insert_vendor, new_product, new_vendor
from trustframe.storage.repositories import (
    AssessmentRepository,
    EvidenceRepository,
    HistoryRepository,
    QuestionnaireTextRepository,
    VendorRepository,
    answer_from_row,
    claim_version,
    product_from_row,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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
class NewVendor:
    """A vendor registered together with its first assessment (see :class:`NewAssessment`)."""

    name: str
    country: str = ""
    ownership_notes: str = ""
    website: str = ""
    notes: str = ""
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class NewProduct:
    """A product registered together with its first assessment (see :class:`NewAssessment`)."""

    name: str
    category: ProductCategory | str
    version: str = ""
    deployment_notes: str = ""


@dataclass(frozen=True)
class NewAssessment:
    """Everything needed to start an assessment, written by :meth:`AssessmentService.create`
    in one transaction: nothing of it is stored unless all of it is.

    ``vendor`` and ``product`` are ids of registered ones or new ones to register first.
    ``profile_answers`` None leaves the criticality profile (and so the inherent tier)
    unanswered; a mapping, even an empty one, records it and computes the tier. ``scope`` is the
    set of the bank's question ids chosen to be in scope; None takes the default for the
    product category and the tier in force, decided by the service.
    """

    vendor: int | NewVendor
    product: int | NewProduct
    questionnaire_id: str = DEFAULT_QUESTIONNAIRE_ID
    questionnaire_version: str | None = None       # None: the newest available
    overlays: tuple[str, ...] = ()
    profile_answers: Mapping[str, Any] | None = None
    tier_override: int | None = None
    tier_override_reason: str = ""
    scope: frozenset[str] | None = None
    assessor: str = ""                             # empty: the current user
    procurement: str = ""
    due_date: date | None = None
    previous_assessment_id: int | None = None

    def __post_init__(self) -> None:
        # Frozen all the way down: the caller's dict may change after it was handed over.
        if self.profile_answers is not None:
            object.__setattr__(self, "profile_answers", MappingProxyType(dict(self.profile_answers)))
        object.__setattr__(self, "overlays", tuple(self.overlays))
        if self.scope is not None:
            object.__setattr__(self, "scope", frozenset(self.scope))


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
    def of(cls, assessment: Assessment) -> ScopeTierState:
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


@dataclass(frozen=True)
class Reassessment:
    """A reassessment and what happened to each answer of the assessment it continues."""

    assessment: Assessment
    old_key: str                                  # bank version of the earlier assessment
    new_key: str                                  # bank version of the new one
    carried: tuple[str, ...] = ()                 # carried as they were (to confirm, as always)
    confirm: tuple[tuple[str, str], ...] = ()     # reworded: carried with the reason to confirm
    dropped: tuple[str, ...] = ()                 # the new bank no longer asks them: not carried
    to_answer: tuple[str, ...] = ()               # parts of split questions: not carried
    buyer_carried: tuple[str, ...] = ()
    buyer_confirm: tuple[tuple[str, str], ...] = ()
    buyer_dropped: tuple[str, ...] = ()
    buyer_to_answer: tuple[str, ...] = ()
    overlays_dropped: tuple[str, ...] = ()        # overlays that do not apply to the new bank
    #: (question, why): answers the new version's question no longer accepts (an option it no
    #: longer offers, a number outside its range); not carried, to answer again
    reask: tuple[tuple[str, str], ...] = ()

    @property
    def new_version(self) -> bool:
        """True when the new assessment uses another bank version than the earlier one."""
        return self.old_key != self.new_key


class AssessmentService:
    """Everything that reads or changes assessments and their answers."""

    def __init__(self, services: Services) -> None:
        self._s = services

    # -- reading -------------------------------------------------------------------------------

    def get(self, assessment_id: int) -> Assessment:
        """An assessment with vendor and product names."""
        with self._s.workspace.reading() as session:
            return AssessmentRepository(session).get(assessment_id)

    def list_assessments(self, vendor_id: int | None = None, product_id: int | None = None,
                         status: AssessmentStatus | None = None) -> list[Assessment]:
        """Assessments, newest first."""
        with self._s.workspace.reading() as session:
            return AssessmentRepository(session).find(vendor_id, product_id, status)

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
        """The exact questionnaire version an assessment uses, with the regulatory overlays it
        applies (their questions, raised importances and red flags; same id and version)."""
        if isinstance(assessment, int):
            assessment = self.get(assessment)
        bank = self._s.catalog.get(assessment.questionnaire_id, assessment.questionnaire_version)
        if not assessment.overlays:
            return bank
        return self._s.catalog.with_overlays(bank, assessment.overlays)[0]

    def buyer_module(self, assessment: Assessment | int) -> Questionnaire:
        """The buyer-module version the assessment's buyer answers belong to: the pinned one, or
        the newest until the first buyer answer pins it."""
        if isinstance(assessment, int):
            assessment = self.get(assessment)
        if assessment.buyer_module_version:
            module = self._s.catalog.get(BUYER_MODULE_ID, assessment.buyer_module_version)
            if module.kind is QuestionnaireKind.BUYER:
                return module
        return self._s.catalog.buyer_module()

    def bank(self, assessment: Assessment | int) -> Questionnaire:
        """The assessment's bank version without its overlays."""
        if isinstance(assessment, int):
            assessment = self.get(assessment)
        return self._s.catalog.get(assessment.questionnaire_id, assessment.questionnaire_version)

    def applied_overlays(self, assessment: Assessment | int) -> list[AppliedOverlay]:
        """The overlays the assessment applies, each with the questions it maps (for sub-scores)."""
        if isinstance(assessment, int):
            assessment = self.get(assessment)
        if not assessment.overlays:
            return []
        return list(self._s.catalog.with_overlays(self.bank(assessment), assessment.overlays)[1])

    def set_overlays(self, assessment_id: int, overlay_ids: Iterable[str]) -> Assessment:
        """Choose the regulatory overlays that apply (replacing the current choice), in one
        transaction, logged. Each must extend the assessment's bank; a version already chosen is
        kept, a new one takes the bundled version. Answers to a dropped overlay's questions stay
        stored (they count again if it is chosen again) but no longer count."""
        assessment = self.get(assessment_id)
        if assessment.locked:
            raise ConflictError("This assessment is decided and locked. Reopen it (with a reason) to change it.")
        chosen_t = self._resolve_overlays(self.bank(assessment), overlay_ids, dict(assessment.overlays))
        if chosen_t == assessment.overlays:
            return assessment
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id, claim=True)  # team mode: no lost update
            for oid, version in chosen_t:
                self._s.catalog.keep_overlay_text(session, oid, version)
            before = [f"{o.get('id')}@{o.get('version')}" for o in row.overlays or []]
            after = [f"{oid}@{version}" for oid, version in chosen_t]
            HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "overlays",
                                              before, after, assessment_id=assessment_id)
            row.overlays = [{"id": oid, "version": version} for oid, version in chosen_t]
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return result

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

    def create(self, new: NewAssessment | int, product_id: int | None = None,
               questionnaire_id: str = DEFAULT_QUESTIONNAIRE_ID, version: str | None = None,
               tier: int | None = None, assessor: str = "", procurement: str = "",
               due_date: date | None = None, previous_assessment_id: int | None = None,
               overlays: Iterable[str] = ()) -> Assessment:
        """Start an assessment from a :class:`NewAssessment`, in ONE transaction: the new vendor
        and product (when asked for), the assessment, its criticality profile and tier, the tier
        override and the scope. Everything is checked before anything is written, and a failure
        while writing leaves nothing behind.

        ``create(vendor_id, product_id, questionnaire_id, ...)`` is the short form for a
        registered vendor and product (``tier`` is then an override set at creation).

        The questionnaire version is pinned and its text kept in the workspace, so the assessment
        keeps its basis when the bundled questionnaire changes; so is the scoring-profile version
        (its score does not move when a newer profile ships). ``overlays`` are the ids of the
        regulatory overlays to apply (see :meth:`set_overlays`)."""
        if not isinstance(new, NewAssessment):
            if product_id is None:
                raise InvalidInput("Say which product the assessment is for.")
            new = NewAssessment(
                vendor=new, product=product_id, questionnaire_id=questionnaire_id, questionnaire_version=version,
                overlays=tuple(overlays), tier_override=tier,
                tier_override_reason="Set when the assessment was created" if tier is not None else "",
                assessor=assessor, procurement=procurement, due_date=due_date,
                previous_assessment_id=previous_assessment_id)
        return self._create(new)

    def _create(self, new: NewAssessment) -> Assessment:
        # -- check everything first: a refusal writes nothing ------------------------------------
        questionnaire = self._s.catalog.get(new.questionnaire_id, new.questionnaire_version)
        if questionnaire.kind is not QuestionnaireKind.ASSESSMENT:
            raise InvalidInput(f"{questionnaire.key} is a {questionnaire.kind.value}, not an assessment questionnaire.")
        if new.tier_override is not None and new.tier_override not in (1, 2, 3, 4):
            raise InvalidInput(f"Tier {new.tier_override} does not exist; tiers go from 1 (critical) to 4 (low).")
        if new.tier_override is not None and not new.tier_override_reason.strip():
            raise InvalidInput("Give a reason for overriding the inherent-risk tier.")
        if new.due_date is not None and not isinstance(new.due_date, date):
            raise InvalidInput(f"'{new.due_date}' is not a date; give the due date as YYYY-MM-DD.")
        if isinstance(new.due_date, datetime):
            raise InvalidInput("Give the due date as a day (YYYY-MM-DD), without a time.")
        unknown = sorted((new.scope or frozenset()) - set(questionnaire.questions_by_id))
        if unknown:
            raise NotFoundError(f"{questionnaire.key} has no question '{unknown[0]}'.")
        vendor_new = (new_vendor(new.vendor.name, new.vendor.country, new.vendor.ownership_notes,
                                 new.vendor.website, new.vendor.notes, new.vendor.contacts)
                      if isinstance(new.vendor, NewVendor) else None)
        product_new = (new_product(0, new.product.name, new.product.category, new.product.version,
                                   new.product.deployment_notes)  # its vendor id is set once known
                       if isinstance(new.product, NewProduct) else None)
        if vendor_new is not None and product_new is None:
            raise InvalidInput("A new vendor has no products yet: register the product with it.")
        chosen = self._resolve_overlays(questionnaire, new.overlays, {})
        profile: dict[str, Any] | None = None
        tier_result: TierResult | None = None
        if new.profile_answers is not None:
            profile = self._clean_profile(new.profile_answers)
            # The scoring service applies the workspace's tiering override (method, thresholds).
            tier_result = self._s.scoring.tier_for(profile)
        effective_tier = new.tier_override if new.tier_override is not None else (
            tier_result.tier if tier_result is not None else None)
        now = datetime.now().replace(microsecond=0)
        # -- write it all in one transaction ------------------------------------------------------
        with self._s.workspace.transaction() as session:
            if isinstance(new.vendor, int):
                vendor_id: int | None = new.vendor
            else:
                assert vendor_new is not None  # checked above
                vendor_id = insert_vendor(session, self._s.user, vendor_new).id
            assert vendor_id is not None  # a stored vendor has its id
            if isinstance(new.product, int):
                product = product_from_row(VendorRepository(session).product_row(new.product), "")
            else:
                assert product_new is not None  # checked above
                product = insert_product(session, self._s.user, dataclasses.replace(product_new, vendor_id=vendor_id))
            assert product.id is not None  # a stored product has its id
            row = self._insert(session, questionnaire, vendor_id, product.id, new.tier_override, new.assessor,
                               new.procurement, new.due_date, new.previous_assessment_id, chosen, now,
                               override_reason=new.tier_override_reason.strip())
            history = HistoryRepository(session)
            if profile is not None and tier_result is not None:
                history.record(self._s.user, "assessment", row.id, "profile_answers", {}, profile,
                               assessment_id=row.id)
                history.record(self._s.user, "assessment", row.id, "tier", None, tier_result.tier,
                               assessment_id=row.id, note="; ".join(tier_result.reasons))
                row.profile_answers = profile
                row.tier = tier_result.tier
            if new.tier_override is not None:
                # Logged with its reason as override_tier() logs it: the audit trail says why.
                history.record(self._s.user, "assessment", row.id, "tier_override", None, new.tier_override,
                               assessment_id=row.id, note=new.tier_override_reason.strip())
            if new.scope is not None:
                # The default scope is the service's decision: the bank's questions that apply to
                # the product category and the tier in force; the choice is stored as the
                # difference from it, so the scope follows later tier changes like before.
                default = {q.id for q in in_scope(questionnaire, product.category, effective_tier)}
                added, removed = sorted(new.scope - default), sorted(default - new.scope)
                if added or removed:
                    history.record(self._s.user, "assessment", row.id, "scope", {"added": [], "removed": []},
                                   {"added": added, "removed": removed}, assessment_id=row.id)
                    row.scope_added, row.scope_removed = added, removed
            session.flush()
            result = AssessmentRepository(session).get(row.id)
        if vendor_new is not None:
            self._s.changes.announce(Change(Entity.VENDOR, result.vendor_id))
        if product_new is not None:
            self._s.changes.announce(Change(Entity.PRODUCT, result.product_id))
        self._s.changes.announce(Change(Entity.ASSESSMENT, result.id, result.id))
        return result

    def _insert(self, session: Session, questionnaire: Questionnaire, vendor_id: int, product_id: int,
                tier: int | None, assessor: str, procurement: str, due_date: date | None,
                previous_assessment_id: int | None, overlays: tuple[tuple[str, str], ...],
                now: datetime, override_reason: str = "Set when the assessment was created") -> Any:
        """Add a new assessment row inside ``session`` (the body of :meth:`create`, shared with
        :meth:`reassess_report` so a reassessment is written in one transaction)."""
        vendors = VendorRepository(session)
        vendor = vendors.row(vendor_id)
        product = vendors.product_row(product_id)
        if product.vendor_id != vendor_id:
            raise ConflictError(f"Product '{product.name}' does not belong to {vendor.name}.")
        QuestionnaireTextRepository(session).put(
            questionnaire.id, questionnaire.version, self._s.catalog.text(questionnaire), origin="bundled")
        row = AssessmentRepository(session).add(
            uid=str(uuid.uuid4()), vendor_id=vendor_id, product_id=product_id,
            questionnaire_id=questionnaire.id, questionnaire_version=questionnaire.version,
            status=AssessmentStatus.DRAFT.value, tier=None, tier_override=tier,
            tier_override_reason=override_reason if tier is not None else "",
            profile_answers={}, scope_added=[], scope_removed=[], assessor=assessor or self._s.user,
            procurement=procurement, due_date=due_date, previous_assessment_id=previous_assessment_id,
            created_at=now, updated_at=now, scoring_profile_version=self._newest_profile_version(),
            overlays=[{"id": oid, "version": version} for oid, version in overlays] or None,
        )
        for oid, version in overlays:
            self._s.catalog.keep_overlay_text(session, oid, version)
        HistoryRepository(session).record(self._s.user, "assessment", row.id, "created", None,
                                          f"{vendor.name} / {product.name} / {questionnaire.key}",
                                          assessment_id=row.id)
        return row

    def _resolve_overlays(self, bank: Questionnaire, overlay_ids: Iterable[str],
                          current: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
        """``(id, version)`` pairs for the overlay ids chosen, checked to apply to ``bank``: a
        version already in use is kept, a new choice takes the bundled version."""
        chosen: list[tuple[str, str]] = []
        for oid in dict.fromkeys(i.strip() for i in overlay_ids if i.strip()):
            if oid in current:
                chosen.append((oid, current[oid]))
                continue
            info = self._s.catalog.overlay(oid)
            if info.base != bank.id:
                raise InvalidInput(f"Overlay {oid} extends {info.base}, not {bank.id}.")
            chosen.append((oid, info.version))
        if chosen:
            try:
                self._s.catalog.with_overlays(bank, tuple(chosen))  # refuse what does not apply
            except QuestionnaireError as exc:
                raise InvalidInput(str(exc)) from exc
        return tuple(chosen)

    @staticmethod
    def _newest_profile_version() -> str | None:
        from trustframe.services.profile_files import newest_profile_version

        return newest_profile_version()

    # -- criticality and scope -----------------------------------------------------------------

    def set_profile_answers(self, assessment_id: int, profile_answers: Mapping[str, Any],
                            expected_version: int | None = None) -> TierResult:
        """Record the criticality profile answers and recompute the inherent tier.
        ``expected_version``: refuse (:class:`StaleWriteError`) when someone else saved since."""
        clean = self._clean_profile(profile_answers)
        # The scoring service applies the workspace's tiering override (method, thresholds).
        result = self._s.scoring.tier_for(clean)
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id, claim=True, expected_version=expected_version)
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
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return result

    def _clean_profile(self, profile_answers: Mapping[str, Any]) -> dict[str, Any]:
        """Profile answers checked against the criticality profile and normalised; unanswered
        ones (None) left out."""
        profile = self._s.catalog.profile()
        clean: dict[str, Any] = {}
        for qid, value in profile_answers.items():
            if qid not in profile.questions_by_id:
                raise InvalidInput(f"'{qid}' is not a question of the criticality profile.")
            normalised = answer_values.normalise(profile.question(qid), value)
            if normalised is not None:
                clean[qid] = normalised
        return clean

    def override_tier(self, assessment_id: int, tier: int | None, reason: str,
                      expected_version: int | None = None) -> Assessment:
        """Override the computed tier (None removes the override). A reason is required.
        ``expected_version``: refuse (:class:`StaleWriteError`) when someone else saved since."""
        if tier is not None and tier not in (1, 2, 3, 4):
            raise InvalidInput(f"Tier {tier} does not exist; tiers go from 1 (critical) to 4 (low).")
        if tier is not None and not reason.strip():
            raise InvalidInput("Give a reason for overriding the inherent-risk tier.")
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id, claim=True, expected_version=expected_version)
            HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "tier_override",
                                              row.tier_override, tier, assessment_id=assessment_id, note=reason)
            row.tier_override = tier
            row.tier_override_reason = reason.strip() if tier is not None else ""
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return result

    def set_scope(self, assessment_id: int, added: Iterable[str] = (), removed: Iterable[str] = (),
                  expected_version: int | None = None) -> Assessment:
        """Adjust the scope: questions added beyond the tier's set, or removed from it.
        ``expected_version``: refuse (:class:`StaleWriteError`) when someone else saved since."""
        assessment = self.get(assessment_id)
        questionnaire = self.questionnaire(assessment)
        added_l, removed_l = sorted(set(added)), sorted(set(removed))
        for qid in added_l + removed_l:
            if qid not in questionnaire.questions_by_id:
                raise NotFoundError(f"{questionnaire.key} has no question '{qid}'.")
        with self._s.workspace.transaction() as session:
            row = self._editable_row(session, assessment_id, claim=True, expected_version=expected_version)
            HistoryRepository(session).record(
                self._s.user, "assessment", assessment_id, "scope",
                {"added": row.scope_added, "removed": row.scope_removed},
                {"added": added_l, "removed": removed_l}, assessment_id=assessment_id)
            row.scope_added, row.scope_removed = added_l, removed_l
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
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
            row = self._editable_row(session, assessment_id, claim=True)
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
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return ScopeTierChange(assessment_id, before, after)

    def update_details(self, assessment_id: int, expected_version: int | None = None, **fields: Any) -> Assessment:
        """Change assessor, reviewer, procurement, due_date or next_review_due (logged).

        With ``expected_version`` (the version the officer read), a save after someone else's
        raises :class:`StaleWriteError` whose ``yours`` is ``fields`` and ``theirs`` the assessment
        as stored now; nothing is written. Save again against its ``version`` after choosing."""
        allowed = {"assessor", "reviewer", "procurement", "due_date", "next_review_due"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidInput(f"Cannot change {', '.join(sorted(unknown))} here.")
        with self._s.workspace.transaction() as session:
            # A stale save reports the fields as given (yours) and the assessment as stored (theirs).
            row = self._claimed_row(session, assessment_id, expected_version, yours=dict(fields))
            history = HistoryRepository(session)
            for key, value in fields.items():
                if getattr(row, key) != value:
                    history.record(self._s.user, "assessment", assessment_id, key, getattr(row, key), value,
                                   assessment_id=assessment_id)
                    setattr(row, key, value)
            row.updated_at = datetime.now().replace(microsecond=0)
            result = AssessmentRepository(session).get(assessment_id)
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return result

    # -- answering -----------------------------------------------------------------------------

    def set_answer(self, assessment_id: int, question_id: str, value: Any = _UNSET, *,
                   comment: str | None = None, source: AnswerSource = AnswerSource.BUYER,
                   override_reason: str = "", needs_follow_up: bool | None = None,
                   to_confirm: bool | None = None, parse_text: bool = False,
                   import_id: int | None = None, expected_version: int | None = None) -> AnswerChange:
        """Save one answer (value and/or comment and flags) immediately, and log it.

        ``value`` is checked against the question (``parse_text`` accepts typed text such as
        an option label). A reviewer override needs a reason. Returns before/after for undo.

        ``expected_version`` is the answer's version when it was read (0: there was no answer);
        when someone else has saved the answer since, :class:`StaleWriteError` reports both
        values and nothing is written (no lost update). None saves without that check.
        """
        assessment = self.get(assessment_id)
        if is_buyer_question_id(question_id):
            # The buyer's own module: answered by the buyer only, never by an import.
            if source is AnswerSource.VENDOR:
                raise InvalidInput(f"{question_id} is a buyer-module question; a vendor cannot answer it.")
            questionnaire = self.buyer_module(assessment)
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
                # Keep the module's text, so its answers stay readable after the bundle moves on,
                # and pin its version with the first answer: the buyer's answers stay on it.
                QuestionnaireTextRepository(session).put(
                    questionnaire.id, questionnaire.version, self._s.catalog.text(questionnaire), origin="bundled")
                assessment_row = AssessmentRepository(session).row(assessment_id)
                if assessment_row.buyer_module_version is None:
                    assessment_row.buyer_module_version = questionnaire.version
            before, after, changed = self._apply_answer(
                session, assessment_id, question_id, value, comment, source, override_reason,
                needs_follow_up, to_confirm, import_id, now, expected_version=expected_version)
        if changed:
            self._s.changes.announce(Change(Entity.ANSWER, question_id, assessment_id))
        return AnswerChange(assessment_id, question_id, before, after)

    def set_answers(self, assessment_id: int, items: Iterable[AnswerInput], *,
                    source: AnswerSource = AnswerSource.BUYER, import_id: int | None = None,
                    session: Session | None = None) -> list[AnswerChange]:
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
            self._s.changes.announce(Change(Entity.ANSWER, None, assessment_id))
        return changes

    def _apply_answer(self, session: Session, assessment_id: int, question_id: str, value: Any,
                      comment: str | None, source: AnswerSource, override_reason: str,
                      needs_follow_up: bool | None, to_confirm: bool | None, import_id: int | None,
                      now: datetime, rows: dict[str, Any] | None = None,
                      links: dict[str, list[int]] | None = None,
                      expected_version: int | None = None) -> tuple[Answer | None, Answer | None, bool]:
        """Write one answer inside ``session``; returns (before, after, changed).

        ``rows`` and ``links`` are preloaded caches for batches; without them the row and the
        evidence links are queried."""
        batch = rows is not None
        if rows is not None:
            row = rows.get(question_id)
        else:
            # Locked until the transaction ends: a concurrent save of this answer waits, then sees ours.
            row = AssessmentRepository(session).answer_row(assessment_id, question_id, lock=True)
        if links is None:
            links = {}
            for qid, eid in EvidenceRepository(session).links_for_assessment(assessment_id):
                links.setdefault(qid, []).append(eid)
        linked = links.get(question_id, [])
        before = answer_from_row(row, linked) if row is not None else None
        if expected_version is not None:
            current = int(row.row_version or 0) if row is not None else 0
            if current != expected_version:
                # Both sides of what this save changes: the value, or else the comment.
                if value is not _UNSET:
                    yours, theirs = value, before.value if before else None
                else:
                    yours, theirs = comment, before.comment if before else None
                raise StaleWriteError(
                    f"Someone else saved the answer to {question_id} meanwhile (yours: {yours!r}, theirs: "
                    f"{theirs!r}); nothing was overwritten. Choose one and save again.",
                    entity="answer", key=question_id, yours=yours, theirs=theirs, version=current)
        if row is None:
            row = AssessmentRepository(session).add_answer_row(
                assessment_id, question_id, value=None, comment="", source=source.value, override_reason="",
                needs_follow_up=False, to_confirm=False, vendor_value=None, import_id=None, updated_at=now,
                updated_by=self._s.user)
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
            row.confirm_note = None
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
            if not to_confirm:
                row.confirm_note = None  # the note says why to confirm; confirmed, it is moot
            changed = True
        if changed:
            row.row_version = int(row.row_version or 0) + 1
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
                    row = AssessmentRepository(session).add_answer_row(assessment_id, question_id,
                                                                        updated_at=now)
                history.record(self._s.user, "answer", question_id, "value", row.value, answer.value,
                               assessment_id=assessment_id, note="undo/redo")
                row.value, row.comment, row.source = answer.value, answer.comment, answer.source.value
                row.override_reason, row.needs_follow_up = answer.override_reason, answer.needs_follow_up
                row.to_confirm, row.updated_at, row.updated_by = answer.to_confirm, now, self._s.user
                row.row_version = int(row.row_version or 0) + 1  # an undo is a save like any other
                row.na_accepted_reason = answer.na_accepted_reason or None
                row.na_accepted_by = answer.na_accepted_by or None
                row.na_accepted_at = answer.na_accepted_at
                row.confirm_note = answer.confirm_note or None
            self._touch(session, assessment_id, now)
            session.flush()
            after = repo.answers(assessment_id).get(question_id)
        self._s.changes.announce(Change(Entity.ANSWER, question_id, assessment_id))
        return AnswerChange(assessment_id, question_id, before, after)

    # -- review and decision -------------------------------------------------------------------

    def set_status(self, assessment_id: int, status: AssessmentStatus, note: str = "",
                   expected_version: int | None = None) -> Assessment:
        """Move an assessment along its life; refuses jumps that make no sense."""
        with self._s.workspace.transaction() as session:
            row = self._claimed_row(session, assessment_id, expected_version)
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
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
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
            repo.add_flag_acceptance(assessment_id, flag_id, reason.strip(), self._s.user, now)
            HistoryRepository(session).record(self._s.user, "flag", flag_id, "accepted", None, reason.strip(),
                                              assessment_id=assessment_id)
            self._touch(session, assessment_id, now)
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
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
        self._s.changes.announce(Change(Entity.ANSWER, None, assessment_id))
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
        self._s.changes.announce(Change(Entity.ANSWER, question_id, assessment_id))

    def revoke_flag_acceptance(self, assessment_id: int, flag_id: str) -> None:
        """Withdraw the acceptance of a red flag."""
        with self._s.workspace.transaction() as session:
            self._editable_row(session, assessment_id)
            row = AssessmentRepository(session).flag_acceptance_row(assessment_id, flag_id)
            if row is None:
                raise NotFoundError(f"Red flag {flag_id} is not accepted.")
            HistoryRepository(session).record(self._s.user, "flag", flag_id, "accepted", row.reason, None,
                                              assessment_id=assessment_id)
            session.delete(row)
            # Moves updated_at so stored "live" scores know they are out of date.
            self._touch(session, assessment_id, datetime.now().replace(microsecond=0))
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))

    def justification_need(self, assessment_id: int, decision: Decision) -> JustificationNeed:
        """Whether recording ``decision`` now needs a written justification: it differs from the
        scoring's recommendation, or fewer questions are answered than the profile's threshold."""
        scoring = self._s.scoring
        result = scoring.score(assessment_id, detail=False)
        minimum = scoring.profile.completeness_minimum
        return justification_need(decision.value, result.recommendation.value, result.completeness, minimum)

    def decide(self, assessment_id: int, decision: Decision, decided_by: str = "", notes: str = "",
               decided_on: date | None = None, next_review_due: date | None = None,
               justification: str = "", expected_version: int | None = None) -> Assessment:
        """Record the decision; the assessment becomes locked. When the scoring service is
        available a score snapshot preserves the decision's basis. ``justification`` (why the
        decision departs from the recommendation, see :meth:`justification_need`) is stored with
        the decision and in the change log; the decision dialog asks for it when it is needed."""
        # Team mode: the decision is the login's (the database enforces it and four-eyes).
        decided_by = getattr(self._s, "team_login", None) or decided_by.strip() or self._s.user
        justification = justification.strip()
        decided_on = decided_on or date.today()
        if self._s.snapshot_on_decision is None:
            # The scoring service installs the snapshot hook when it is created: make sure it is.
            self._s.scoring  # noqa: B018 - built for its side effect (the hook)
        with self._s.workspace.transaction() as session:
            row = self._claimed_row(session, assessment_id, expected_version)
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
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return result

    def reopen(self, assessment_id: int, reason: str) -> Assessment:
        """Reopen a decided assessment for review: explicit and logged with its reason."""
        if not reason.strip():
            raise InvalidInput("Give the reason for reopening a decided assessment.")
        with self._s.workspace.transaction() as session:
            row = self._claimed_row(session, assessment_id, None)
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
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))
        return result

    def reassess(self, assessment_id: int, questionnaire_version: str | None = None) -> Assessment:
        """Start the next assessment of the same product from this one (see
        :meth:`reassess_report`, which also says what happened to each earlier answer)."""
        return self.reassess_report(assessment_id, questionnaire_version).assessment

    def reassess_report(self, assessment_id: int, questionnaire_version: str | None = None) -> Reassessment:
        """Start the next assessment of the same product from this one, in one transaction.

        The profile, tier, scope and overlays are copied; the earlier assessment stays intact on
        its own bank version. Every carried answer is marked "to confirm", as in any reassessment.
        On a newer bank version (``questionnaire_version``, default the newest) the answers follow
        :func:`trustframe.domain.bank_diff.carry_plan`, the comparison ``questionnaire diff``
        prints: unchanged and re-weighted questions carry their answers; reworded ones carry them
        with a note saying what changed; answers to dropped questions and to split questions are
        not carried (listed in the result and in the change log; the parts of a split are to
        answer). The buyer's own answers are carried the same way onto the newest buyer module."""
        previous = self.get(assessment_id)
        old_bank = self.bank(previous)
        old_questions = self.questionnaire(previous).questions_by_id
        with self._s.workspace.reading() as session:
            all_answers = AssessmentRepository(session).answers(assessment_id)
        vendor_answers = {qid: a for qid, a in all_answers.items()
                          if not is_buyer_question_id(qid) and a.value is not None}
        buyer_answers = {qid: a for qid, a in all_answers.items() if is_buyer_question_id(qid) and a.value is not None}
        new_bank = self._s.catalog.get(previous.questionnaire_id, questionnaire_version)
        if new_bank.kind is not QuestionnaireKind.ASSESSMENT:
            raise InvalidInput(f"{new_bank.key} is a {new_bank.kind.value}, not an assessment questionnaire.")
        # Overlays come along: the same version when it still applies to the new bank, else the
        # bundled one; an overlay that applies to neither is left off and reported.
        overlays: list[tuple[str, str]] = []
        overlays_dropped: list[str] = []
        for oid, version in previous.overlays:
            for candidate in dict.fromkeys([version, self._bundled_overlay_version(oid)]):
                if candidate is None:
                    continue
                try:
                    self._s.catalog.with_overlays(new_bank, tuple(overlays) + ((oid, candidate),))
                except (QuestionnaireError, NotFoundError):
                    continue
                overlays.append((oid, candidate))
                break
            else:
                overlays_dropped.append(f"{oid}@{version}")
        new_questions = (self._s.catalog.with_overlays(new_bank, tuple(overlays))[0] if overlays
                         else new_bank).questions_by_id
        bank_plan = carry_plan(diff_banks(old_bank, new_bank),
                               frozenset(q for q in vendor_answers if q in old_bank.questions_by_id))
        # Overlay questions (not in the bank): carried while the new set of overlays still asks them.
        extra = [q for q in vendor_answers if q not in old_bank.questions_by_id and q in old_questions]
        carried = list(bank_plan.carry) + [q for q in extra if q in new_questions]
        dropped = list(bank_plan.dropped) + [q for q in extra if q not in new_questions]
        confirm = dict(bank_plan.confirm)

        old_module_version = previous.buyer_module_version
        new_module: Questionnaire | None = None
        buyer_plan: CarryPlan | None = None
        if buyer_answers:
            new_module = self._s.catalog.buyer_module()
            old_module = (self._s.catalog.get(new_module.id, old_module_version) if old_module_version
                          else new_module)
            buyer_plan = carry_plan(diff_banks(old_module, new_module), frozenset(buyer_answers))
        # A reworded question may have changed its options (bank 1.1 put seven certification
        # questions on one scale): a value the new question does not accept is never carried as
        # it was; it is listed and asked again.
        reask: dict[str, str] = {}
        questions_after = dict(new_questions)
        if new_module is not None:
            questions_after.update(new_module.questions_by_id)
        # buyer_plan.confirm holds (question id, reason) pairs; only the ids are checked here.
        for qid in list(carried) + list(confirm) + (list(buyer_plan.carry) + [q for q, _ in buyer_plan.confirm]
                                                    if buyer_plan else []):
            question = questions_after.get(qid)
            if question is None:
                continue
            try:
                answer_values.normalise(question, all_answers[qid].value)
            except (ValueError, TrustFrameError) as exc:
                reask[qid] = str(exc)
        carried = [q for q in carried if q not in reask]
        confirm = {q: why for q, why in confirm.items() if q not in reask}
        now = datetime.now().replace(microsecond=0)
        with self._s.workspace.transaction() as session:
            row = self._insert(session, new_bank, previous.vendor_id, previous.product_id, None, self._s.user,
                               previous.procurement, None, assessment_id, tuple(overlays), now)
            row.profile_answers = dict(previous.profile_answers)
            row.tier = previous.tier
            row.tier_override = previous.tier_override
            row.tier_override_reason = previous.tier_override_reason
            row.scope_added = [q for q in previous.scope_added if q in new_questions]
            row.scope_removed = [q for q in previous.scope_removed if q in new_questions]
            if new_module is not None and buyer_plan is not None:
                QuestionnaireTextRepository(session).put(new_module.id, new_module.version,
                                                         self._s.catalog.text(new_module), origin="bundled")
                row.buyer_module_version = new_module.version
            buyer_confirm = {q: why for q, why in (buyer_plan.confirm if buyer_plan else ()) if q not in reask}
            copies = [(qid, confirm.get(qid)) for qid in list(carried) + list(confirm)]
            if buyer_plan is not None:
                copies += [(qid, buyer_confirm.get(qid)) for qid in list(buyer_plan.carry) + list(buyer_confirm)
                           if qid not in reask]
            for qid, note in copies:
                answer = all_answers[qid]
                AssessmentRepository(session).add_answer_row(
                    row.id, qid, value=answer.value, comment=answer.comment,
                    source=answer.source.value, override_reason=answer.override_reason,
                    needs_follow_up=False, to_confirm=True, vendor_value=answer.vendor_value,
                    confirm_note=note, updated_at=now, updated_by=self._s.user)
            history = HistoryRepository(session)
            history.record(self._s.user, "assessment", row.id, "reassessment_of", None, assessment_id,
                           assessment_id=row.id, note=f"{old_bank.key} -> {new_bank.key}")
            buyer_dropped = list(buyer_plan.dropped) if buyer_plan else []
            buyer_to_answer = list(buyer_plan.to_answer) if buyer_plan else []
            if dropped or buyer_dropped:
                history.record(self._s.user, "assessment", row.id, "reassessment_dropped", None,
                               dropped + buyer_dropped, assessment_id=row.id,
                               note=f"answers to questions {new_bank.key} no longer asks were not carried")
            if bank_plan.to_answer or buyer_to_answer:
                history.record(self._s.user, "assessment", row.id, "reassessment_split", None,
                               list(bank_plan.to_answer) + buyer_to_answer, assessment_id=row.id,
                               note="split questions: each part is to answer")
            if reask:
                history.record(self._s.user, "assessment", row.id, "reassessment_reask", None, sorted(reask),
                               assessment_id=row.id,
                               note="answers the new version's questions no longer accept: to answer again")
            if overlays_dropped:
                history.record(self._s.user, "assessment", row.id, "overlays", overlays_dropped, None,
                               assessment_id=row.id, note=f"no longer applies to {new_bank.key}")
            result = AssessmentRepository(session).get(row.id)
        self._s.changes.announce(Change(Entity.ASSESSMENT, result.id, result.id))
        return Reassessment(
            assessment=result, old_key=old_bank.key, new_key=new_bank.key, carried=tuple(carried),
            confirm=tuple(confirm.items()), dropped=tuple(dropped), to_answer=bank_plan.to_answer,
            buyer_carried=tuple(buyer_plan.carry) if buyer_plan else (),
            buyer_confirm=tuple(buyer_confirm.items()), buyer_dropped=tuple(buyer_dropped),
            buyer_to_answer=tuple(buyer_to_answer), overlays_dropped=tuple(overlays_dropped),
            reask=tuple(sorted(reask.items())))

    def _bundled_overlay_version(self, overlay_id: str) -> str | None:
        try:
            return self._s.catalog.overlay(overlay_id).version
        except NotFoundError:
            return None

    def delete(self, assessment_id: int) -> None:
        """Delete an assessment (decided assessments must be reopened first)."""
        with self._s.workspace.transaction() as session:
            row = AssessmentRepository(session).row(assessment_id)
            if row.status == AssessmentStatus.DECIDED.value:
                raise ConflictError("A decided assessment cannot be deleted; it is the record of a decision.")
            HistoryRepository(session).record(self._s.user, "assessment", assessment_id, "deleted",
                                              row.questionnaire_id, None, assessment_id=assessment_id)
            session.delete(row)
        self._s.changes.announce(Change(Entity.ASSESSMENT, assessment_id, assessment_id))

    # -- helpers -------------------------------------------------------------------------------

    @classmethod
    def _editable_row(cls, session: Session, assessment_id: int, claim: bool = False,
                      expected_version: int | None = None) -> Any:
        """The row of an undecided assessment; ``claim``: locked and its version checked against
        ``expected_version`` (when given) and moved on (an edit of the assessment itself, not of
        one of its answers)."""
        row = cls._claimed_row(session, assessment_id, expected_version) if claim \
            else AssessmentRepository(session).row(assessment_id)
        if row.status == AssessmentStatus.DECIDED.value:
            raise ConflictError("This assessment is decided and locked. Reopen it (with a reason) to change it.")
        return row

    @staticmethod
    def _claimed_row(session: Session, assessment_id: int, expected_version: int | None,
                     yours: object = None) -> Any:
        """The assessment's row, locked for this transaction, its version checked against
        ``expected_version`` (when given) and moved on: no lost update (docs/team-mode.md).
        A refusal carries ``yours`` and, as ``theirs``, the assessment as stored now."""
        row = AssessmentRepository(session).locked_row(assessment_id)
        if row is None:
            raise NotFoundError(f"There is no assessment with id {assessment_id}.")
        stale = bool(expected_version) and int(row.row_version or 0) != expected_version
        # Read only when refusing: the domain object costs a join that a normal save does not need.
        theirs = AssessmentRepository(session).get(assessment_id) if stale else None
        claim_version(row, expected_version, "assessment", assessment_id, yours=yours, theirs=theirs)
        return row

    @staticmethod
    def _touch(session: Session, assessment_id: int, now: datetime) -> None:
        AssessmentRepository(session).row(assessment_id).updated_at = now


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    import calendar

    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
