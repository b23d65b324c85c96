"""Scoring use cases: score an assessment, compare vendors, keep score snapshots, feed the
vendor register and the portfolio overview.

The arithmetic is in :mod:`trustframe.domain.scoring` (pure); this module loads the inputs,
stores snapshots and decides when a stored score is still good.

Snapshots (table ``score_snapshots``):

* ``decision``: taken inside the decision's transaction (hook ``Services.snapshot_on_decision``)
  with the full explanation; it is the record of what the decision was based on and is never
  recomputed.
* ``live``: one per undecided assessment, compact, refreshed lazily. It stores the
  assessment's ``updated_at`` it was computed from and the first day its evidence changes state
  (``valid_until``); :meth:`ScoringService.register_rows` recomputes only the snapshots whose
  assessment changed since, whose evidence lapsed by the requested date, or that changed in this
  process without touching ``updated_at`` (evidence links, tracked from change announcements).
* ``backfill``: a decided assessment that has no decision snapshot (decided before scoring
  existed) gets one computed as of its decision date.

So opening the register of a 10,000-vendor workspace reads five result sets and computes
nothing unless something changed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from trustframe.domain.assessment import Assessment, AssessmentStatus
from trustframe.domain.comparison import Comparison, build_comparison
from trustframe.domain.portfolio import PortfolioSummary, RegisterRow, RegisterRows
from trustframe.domain.questionnaire import Questionnaire, Severity
from trustframe.domain.scoring import score_assessment
from trustframe.domain.scoring_codec import result_from_dict, result_to_dict
from trustframe.domain.scoring_model import OverlayScore, Rating, Recommendation, ScoreResult, overlay_score
from trustframe.domain.scoring_profile import ScoringProfile, ScoringProfileError, merge_profile_data
from trustframe.domain.tiering import TierResult, compute_tier
from trustframe.errors import NotFoundError, QuestionnaireError
from trustframe.services import profile_files
from trustframe.services.changes import Change, Entity
from trustframe.services.register_build import PROFILE_SETTING, build_register_table
from trustframe.services.scoring_worker import Job, score_jobs
from trustframe.services.vendors import InvalidInput
from trustframe.storage.repositories import AssessmentRepository, EvidenceRepository
from trustframe.storage.scoring_repository import AssessmentInputs, ScoringRepository, SnapshotValues

if TYPE_CHECKING:
    from trustframe.services.context import Services

log = logging.getLogger(__name__)

#: Assessments scored per database round trip by bulk operations.
CHUNK = 500
#: Bulk re-scoring uses worker processes from this many assessments on: below it, starting
#: the workers (about a second) costs more than it saves.
POOL_MIN = 2_000
#: Worker processes for bulk re-scoring (at most; never more than the CPUs).
POOL_WORKERS = 2

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class RescoreLine:
    """One assessment in a re-score preview: its stored rating and what the profile in force gives."""

    assessment_id: int
    vendor_name: str
    product_name: str
    decided: bool
    old_rating: Rating | None
    new_rating: Rating
    old_recommendation: Recommendation | None
    new_recommendation: Recommendation
    old_profile: str            # profile_id of the stored score ("" when none was stored)
    new_profile: str

    @property
    def changed(self) -> bool:
        """True when a stored rating or recommendation differs from the new one (an assessment
        with no stored score yet has nothing to change)."""
        return self.old_rating is not None and (self.old_rating is not self.new_rating
                                                or self.old_recommendation is not self.new_recommendation)


@dataclass(frozen=True)
class RescorePreview:
    """What re-scoring with the profile in force would change, before anything is saved."""

    as_of: date
    profile_id: str
    lines: tuple[RescoreLine, ...]

    @property
    def changed(self) -> tuple[RescoreLine, ...]:
        """The assessments whose rating or recommendation would change."""
        return tuple(line for line in self.lines if line.changed)

    @property
    def rating_changes(self) -> int:
        """How many ratings would change."""
        return sum(1 for line in self.lines if line.old_rating is not None and line.old_rating is not line.new_rating)

    @property
    def not_stored(self) -> int:
        """Assessments with no stored score yet (scored for the first time)."""
        return sum(1 for line in self.lines if line.old_rating is None)


class ScoringService:
    """Scores, comparisons, snapshots and the portfolio read models."""

    def __init__(self, services: Services) -> None:
        self._s = services
        self._profile: ScoringProfile | None = None
        self._profiles: dict[str, ScoringProfile] = {}  # by pinned version ("" = newest)
        # Assessments changed in this process in ways that may not move ``updated_at``.
        self._dirty: set[int] = set()
        services.snapshot_on_decision = self._snapshot_on_decision
        services.changes.subscribe(self._on_change)

    # -- profile -------------------------------------------------------------------------------

    @staticmethod
    def default_profile_data() -> dict[str, Any]:
        """The shipped default profile (resources/scoring/default.json, its newest version) as a
        dictionary."""
        return profile_files.newest_profile_data()

    @staticmethod
    def profile_data(version: str | None) -> dict[str, Any]:
        """The shipped default profile at ``version`` (see :mod:`trustframe.services.profile_files`)."""
        return profile_files.profile_data(version)

    @property
    def newest_profile_version(self) -> str:
        """The version new assessments are pinned to."""
        return profile_files.newest_profile_version()

    @property
    def profile(self) -> ScoringProfile:
        """The profile in force for new assessments: the newest default merged with the
        workspace's override."""
        if self._profile is None:
            self._profile = self.profile_for(None)
        return self._profile

    def profile_for(self, version: str | None) -> ScoringProfile:
        """The profile an assessment pinned to ``version`` is scored with: that shipped version
        merged with the workspace's override (None: the newest)."""
        key = version or ""
        cached = self._profiles.get(key)
        if cached is not None:
            return cached
        override = self._s.setting(PROFILE_SETTING)
        base = self.profile_data(version)
        data = merge_profile_data(base, override if isinstance(override, dict) else None)
        try:
            profile = ScoringProfile.from_dict(data)
        except ScoringProfileError as exc:
            # A bad override must not make every screen fail: fall back and say so.
            log.error("The workspace's scoring profile is invalid (%s); using the default.", exc)
            profile = ScoringProfile.from_dict(base)
        self._profiles[key] = profile
        return profile

    def set_profile_override(self, override: Mapping[str, Any] | None, progress: Progress | None = None,
                             cancelled: Cancelled | None = None) -> ScoringProfile:
        """Store a partial profile for this workspace (None restores the default), after checking
        it, and re-score the undecided assessments with it."""
        data = merge_profile_data(self.default_profile_data(), override)
        try:
            profile = ScoringProfile.from_dict(data)
        except ScoringProfileError as exc:
            raise InvalidInput(f"The scoring profile is not valid: {exc}") from exc
        problems: list[str] = []
        for qid in profile.domain_weights:
            try:
                problems += profile.domain_problems(self._s.catalog.get(qid))
            except NotFoundError:
                problems.append(f"domain_weights.{qid}: there is no questionnaire '{qid}'")
        if problems:
            raise InvalidInput("The scoring profile is not valid: " + "; ".join(problems))
        self._s.set_setting(PROFILE_SETTING, dict(override) if override else None)
        self._profile = profile
        self._profiles = {"": profile}
        self.rescore_all(progress, cancelled)
        return profile

    def tier_for(self, profile_answers: Mapping[str, object]) -> TierResult:
        """The inherent tier of criticality-profile answers, with the scoring profile's tiering
        override (method, thresholds) applied when it has one."""
        profile = self.profile
        return compute_tier(self._s.catalog.profile(), profile_answers, profile.tier_thresholds, profile.tier_method)

    # -- scoring -------------------------------------------------------------------------------

    def score(self, assessment_id: int, as_of: date | None = None, detail: bool = True) -> ScoreResult:
        """Score an assessment as of a date (default today), with the full explanation."""
        as_of = as_of or date.today()
        with self._s.workspace.reading() as session:
            return self._score_in(session, assessment_id, as_of, detail)

    def score_or_none(self, assessment_id: int) -> ScoreResult | None:
        """:meth:`score`, or None when this assessment cannot be scored (logged with its traceback).

        For screens that must keep working when one odd assessment fails to score: the live
        score panel and the vendor page show "score unavailable" instead of breaking the
        answering flow.
        """
        try:
            return self.score(assessment_id)
        except Exception:  # noqa: BLE001 - a broken score must not stop the officer answering; logged
            log.exception("Scoring assessment %s failed", assessment_id)
            return None

    def score_many(self, assessment_ids: Sequence[int], as_of: date | None = None,
                   detail: bool = True) -> list[ScoreResult]:
        """Score several assessments (in the order given)."""
        as_of = as_of or date.today()
        with self._s.workspace.reading() as session:
            return [self._score_in(session, aid, as_of, detail) for aid in assessment_ids]

    def compare(self, assessment_ids: Sequence[int], as_of: date | None = None) -> Comparison:
        """Score assessments (e.g. the vendors bidding for one procurement) side by side."""
        if not assessment_ids:
            raise InvalidInput("Choose at least one assessment to compare.")
        as_of = as_of or date.today()
        with self._s.workspace.reading() as session:
            repo = AssessmentRepository(session)
            names = []
            results = []
            for aid in assessment_ids:
                assessment = repo.get(aid)
                names.append((assessment.vendor_name, assessment.product_name))
                results.append(self._score_in(session, aid, as_of, True))
        return build_comparison(results, names, as_of)

    def overlay_scores(self, assessment_id: int, as_of: date | None = None,
                       result: ScoreResult | None = None) -> list[OverlayScore]:
        """One sub-score per regulatory overlay the assessment applies (in the order chosen): the
        questions it maps and how they score. ``result`` is a detailed score to reuse."""
        overlays = self._s.assessments.applied_overlays(assessment_id)
        if not overlays:
            return []
        if result is None or not result.questions:
            result = self.score(assessment_id, as_of, detail=True)
        return [overlay_score(result, o.id, o.version, o.title, o.regime, o.mapped) for o in overlays]

    def decision_basis(self, assessment_id: int) -> ScoreResult | None:
        """The score stored when the assessment was (last) decided, or None."""
        with self._s.workspace.reading() as session:
            payload = ScoringRepository(session).decision_payload(assessment_id)
        return result_from_dict(payload) if payload is not None else None

    def _questionnaire(self, questionnaire_id: str, version: str) -> Questionnaire:
        return self._s.catalog.get(questionnaire_id, version)

    def _score_in(self, session: Session, assessment_id: int, as_of: date, detail: bool) -> ScoreResult:
        repo = AssessmentRepository(session)
        assessment: Assessment = repo.get(assessment_id)
        answers = repo.answers(assessment_id)
        acceptances = repo.flag_acceptances(assessment_id)
        ids = {eid for a in answers.values() for eid in a.evidence_ids}
        evidence = {e.id: e for e in EvidenceRepository(session).find(ids=ids)} if ids else {}
        questionnaire = self._s.assessments.questionnaire(assessment)
        return score_assessment(assessment, questionnaire, answers,
                                profile=self.profile_for(assessment.scoring_profile_version), as_of=as_of,
                                evidence=evidence, acceptances=acceptances, detail=detail)  # type: ignore[arg-type]

    # -- snapshots -----------------------------------------------------------------------------

    def _snapshot_on_decision(self, session: Session, assessment_id: int, decided_on: Any) -> None:
        """Store the full score inside the decision's transaction (installed as the hook)."""
        as_of = decided_on if isinstance(decided_on, date) else date.today()
        result = self._score_in(session, assessment_id, as_of, True)
        row = AssessmentRepository(session).row(assessment_id)
        repo = ScoringRepository(session)
        repo.delete_live([assessment_id])
        repo.add_snapshots([_snapshot_values(result, "decision", row.updated_at, False)])
        self._dirty.discard(assessment_id)

    def _on_change(self, change: Change) -> None:
        if change.assessment_id is not None:
            self._dirty.add(change.assessment_id)
        if change.entity is Entity.SETTINGS and change.entity_id == PROFILE_SETTING:
            self._profile = None
            self._profiles = {}
        if change.entity is Entity.WORKSPACE:
            self._profile = None
            self._profiles = {}
            self._dirty.clear()

    def _compute(self, session: Session, ids: Sequence[int], as_of: date) -> list[tuple[AssessmentInputs, ScoreResult]]:
        """Score ``ids`` from bulk-loaded inputs (rating only for undecided ones). Decided
        assessments are scored as of their decision date with group scores (they become
        backfill snapshots; only a real decision stores the full explanation)."""
        inputs, questionnaires, jobs = self._jobs(ScoringRepository(session).inputs(ids), as_of)
        results: list[ScoreResult | None] = [None] * len(jobs)
        for version, positions in _by_profile(inputs).items():
            scored = score_jobs(questionnaires, self.profile_for(version), [jobs[i] for i in positions])
            for i, result in zip(positions, scored, strict=True):  # one result per job given
                results[i] = result
        return list(zip(inputs, _all_scored(results), strict=True))

    def _jobs(self, loaded: Sequence[AssessmentInputs], as_of: date,
              ) -> tuple[list[AssessmentInputs], dict[str, Questionnaire], list[Job]]:
        """The scoring jobs of bulk-loaded inputs (in process or in a worker), with the inputs
        they belong to and the questionnaires they need; assessments whose questionnaire is
        missing are left out with a warning."""
        kept: list[AssessmentInputs] = []
        questionnaires: dict[str, Questionnaire] = {}
        jobs: list[Job] = []
        decided_status = AssessmentStatus.DECIDED.value
        for inputs in loaded:
            decided = inputs.status == decided_status
            day = inputs.decision_date if decided and inputs.decision_date else as_of
            try:
                questionnaire = self._questionnaire(inputs.questionnaire_id, inputs.questionnaire_version)
                key = questionnaire.key
                if inputs.overlays:
                    # The bank with the assessment's overlays keeps the bank's key; the job key
                    # tells the combinations apart (workers cache questionnaires by it).
                    questionnaire = self._s.catalog.with_overlays(questionnaire, inputs.overlays)[0]
                    key += "+" + ",".join(f"{oid}@{v}" for oid, v in inputs.overlays)
            except (NotFoundError, QuestionnaireError) as exc:
                log.warning("Assessment %s: questionnaire %s@%s (overlays %s) is missing or invalid (%s); not scored",
                            inputs.id, inputs.questionnaire_id, inputs.questionnaire_version, inputs.overlays, exc)
                continue
            questionnaires[key] = questionnaire
            kept.append(inputs)
            jobs.append((key, inputs.id, day, inputs.category, inputs.tier, inputs.scope_added,
                         inputs.scope_removed, inputs.answers, inputs.evidence, inputs.accepted, decided,
                         inputs.na_accepted))
        return kept, questionnaires, jobs

    def _store(self, session: Session, computed: Sequence[tuple[AssessmentInputs, ScoreResult]]) -> None:
        """Replace live snapshots of undecided assessments; give decided assessments without a
        decision snapshot a backfill one (their decision snapshot is never replaced)."""
        if not computed:
            return
        repo = ScoringRepository(session)
        ids = [i.id for i, _ in computed]
        have_decision = repo.with_decision_snapshot(ids)
        repo.delete_live(ids)
        values: list[SnapshotValues] = []
        for inputs, result in computed:
            decided = inputs.status == AssessmentStatus.DECIDED.value
            if decided and inputs.id in have_decision:
                continue
            values.append(_snapshot_values(result, "backfill" if decided else "live", inputs.updated_at,
                                           compact=not decided))
        repo.add_snapshots(values)
        for inputs, _ in computed:
            self._dirty.discard(inputs.id)

    def refresh(self, assessment_ids: Iterable[int], as_of: date | None = None) -> list[ScoreResult]:
        """Recompute and store the snapshots of these assessments (live for undecided ones;
        decided ones get a backfill snapshot only when they have no decision snapshot)."""
        return [r for _, r in self._refresh_results(sorted(set(assessment_ids)), as_of or date.today())]

    def rescore_preview(self, as_of: date | None = None, progress: Progress | None = None) -> RescorePreview:
        """Old vs new rating of every assessment with the profile in force, without saving.

        Run it after a profile upgrade (a new ``resources/scoring`` version, or a workspace
        override) to see what :meth:`rescore_all` would change. Decided assessments are scored
        as of their decision date; their decision record itself is never replaced."""
        as_of = as_of or date.today()
        with self._s.workspace.reading() as session:
            repo = ScoringRepository(session)
            ids = repo.assessment_ids()
            stored = repo.latest_ratings()
            names = AssessmentRepository(session).names()
            lines = []
            for start in range(0, len(ids), CHUNK):
                for inputs, result in self._compute(session, ids[start:start + CHUNK], as_of):
                    reason, rating, recommendation, profile_id, _version = stored.get(
                        inputs.id, ("", "", "", "", ""))
                    vendor, product = names.get(inputs.id, ("", ""))
                    lines.append(RescoreLine(
                        inputs.id, vendor, product, inputs.status == AssessmentStatus.DECIDED.value,
                        Rating(rating) if rating else None, result.rating,
                        Recommendation(recommendation) if recommendation else None, result.recommendation,
                        profile_id, result.profile_id))
                if progress is not None:
                    progress(min(start + CHUNK, len(ids)), len(ids))
        return RescorePreview(as_of, self.profile.fingerprint, tuple(lines))

    def rescore_all(self, progress: Progress | None = None, cancelled: Cancelled | None = None,
                    as_of: date | None = None) -> int:
        """Recompute the live snapshot of every undecided assessment (and backfill decided ones
        that have none), in chunks with one transaction each. ``progress(done, total)`` is called
        after each chunk; ``cancelled()`` is checked before each one, and work already committed
        stays. Returns how many assessments were scored.

        Large workspaces (:data:`POOL_MIN` assessments or more, several CPUs) are scored in
        worker processes while this process reads the next chunk and writes the finished ones
        (see :meth:`_rescore_pooled`)."""
        as_of = as_of or date.today()
        with self._s.workspace.reading() as session:
            ids = ScoringRepository(session).assessment_ids()
        total = len(ids)
        done = 0
        if progress is not None:
            progress(0, total)
        pool = _worker_pool() if total >= POOL_MIN else None
        if pool is not None:
            try:
                done = self._rescore_pooled(pool, ids, as_of, progress, cancelled)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        else:
            for start in range(0, total, CHUNK):
                if cancelled is not None and cancelled():
                    break
                chunk = ids[start:start + CHUNK]
                self.refresh(chunk, as_of)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        if done:
            self._s.changes.announce(Change(Entity.ASSESSMENT, None, None))
        return done

    def _rescore_pooled(self, pool: Executor, ids: Sequence[int], as_of: date, progress: Progress | None,
                        cancelled: Cancelled | None) -> int:
        """:meth:`rescore_all` with the scoring in worker processes.

        A pipeline: this process reads chunk n+1 while the workers score the chunks in flight,
        and stores each finished chunk in its own transaction, in order. The database never
        leaves this process. An assessment edited between the read and the write is safe: its
        snapshot records the ``updated_at`` it was computed from, so the register recomputes it.
        On cancel, chunks already being scored are still stored (a second at most).
        """
        total = len(ids)
        # One future per scoring-profile version in a chunk (assessments keep their pinned one).
        in_flight: deque[tuple[int, list[AssessmentInputs], dict[str, Questionnaire], list[Job],
                               list[tuple[ScoringProfile, list[int], Future[list[ScoreResult]]]]]] = deque()
        done = 0

        def store_oldest() -> None:
            nonlocal done
            size, inputs, questionnaires, jobs, parts = in_flight.popleft()
            results: list[ScoreResult | None] = [None] * len(jobs)
            for profile, positions, future in parts:
                try:
                    scored = future.result()
                except BrokenExecutor as exc:
                    # A worker died (killed, out of memory): score this part here instead.
                    log.warning("A scoring worker stopped (%s); scoring the chunk in this process", exc)
                    scored = score_jobs(questionnaires, profile, [jobs[i] for i in positions])
                for i, result in zip(positions, scored, strict=True):  # one result per job given
                    results[i] = result
            with self._s.workspace.transaction() as session:
                self._store(session, list(zip(inputs, _all_scored(results), strict=True)))
            done += size
            if progress is not None:
                progress(done, total)

        for start in range(0, total, CHUNK):
            if cancelled is not None and cancelled():
                break
            chunk = ids[start:start + CHUNK]
            with self._s.workspace.reading() as session:
                loaded = ScoringRepository(session).inputs(chunk, answers_as_text=True)
            inputs, questionnaires, jobs = self._jobs(loaded, as_of)
            parts = []
            for version, positions in _by_profile(inputs).items():
                profile = self.profile_for(version)
                part = [jobs[i] for i in positions]
                try:
                    future = pool.submit(score_jobs, questionnaires, profile, part, True)
                except BrokenExecutor:
                    future = Future()
                    future.set_result(score_jobs(questionnaires, profile, part))
                parts.append((profile, positions, future))
            in_flight.append((len(chunk), inputs, questionnaires, jobs, parts))
            # One chunk queued per worker beyond the ones running keeps both cores busy while
            # bounding memory (each chunk holds ~90,000 answers).
            while len(in_flight) > 2 * POOL_WORKERS:
                store_oldest()
        while in_flight:
            store_oldest()
        return done

    # -- portfolio -----------------------------------------------------------------------------

    def register_rows(self, as_of: date | None = None) -> list[RegisterRow]:
        """The vendor register as a list of :class:`RegisterRow` (:meth:`register_table`, every
        row built)."""
        return self.register_table(as_of).to_list()

    def register_table(self, as_of: date | None = None) -> RegisterRows:
        """The vendor register: one row per product with its latest assessment, and one row
        (product None) per vendor without products. Reads stored snapshots; recomputes only
        those that are missing or out of date (see the module docstring).

        While a reassessment is open, a product's row keeps showing its standing decision
        (rating, score, decision, review date of the latest decided assessment) and names the
        open one in ``reassessment_id``/``reassessment_status``: a half-answered draft must not
        replace an approval in the register or the portfolio until it is decided itself.

        Built from one streamed query (:meth:`ScoringRepository.register_lines`), one product
        at a time, so memory holds the rows and little else (100,000 vendors: see
        docs/performance.md, "Register at scale"). The rows are kept as tuples of their fields
        (:class:`RegisterRows`): a ``RegisterRow`` object is built for a row when it is read.
        """
        as_of = as_of or date.today()
        soon = as_of + timedelta(days=self.profile.evidence.expiring_soon_days)
        with self._s.workspace.reading() as session:
            rows, stale = build_register_table(ScoringRepository(session).register_lines(as_of, soon), as_of,
                                               self._dirty)
        self.refresh_register_rows(rows, stale, as_of)
        return rows

    def refresh_register_rows(self, rows: list[RegisterRow] | RegisterRows, stale: Mapping[int, int],
                              as_of: date) -> None:
        """Recompute (and store) the out-of-date snapshots ``stale`` names (assessment id -> index
        in ``rows``) and put their fresh scores into ``rows``, in place. Used by
        :meth:`register_rows` and by the GUI for the register it read before the services loaded
        (:func:`trustframe.services.register_build.read_register_light`)."""
        if not stale:
            return
        for inputs, result in self._refresh_results(list(stale), as_of):
            i = stale[inputs.id]
            rows[i] = replace(
                rows[i], score=result.overall, rating=result.rating, recommendation=result.recommendation,
                completeness=result.completeness, open_flags=sum(1 for f in result.flags if not f.accepted),
                critical_flags=sum(1 for f in result.flags if not f.accepted and f.severity is Severity.CRITICAL))

    def _refresh_results(self, ids: Sequence[int], as_of: date) -> list[tuple[AssessmentInputs, ScoreResult]]:
        out: list[tuple[AssessmentInputs, ScoreResult]] = []
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start:start + CHUNK])
            if self._s.workspace.read_only:
                # Opened for reading (a read-only command): compute, but keep nothing.
                with self._s.workspace.reading() as session:
                    computed = self._compute(session, chunk, as_of)
            else:
                with self._s.workspace.transaction() as session:
                    computed = self._compute(session, chunk, as_of)
                    self._store(session, computed)
            out.extend(computed)
        return out

    def portfolio_summary(self, as_of: date | None = None) -> PortfolioSummary:
        """Counts for the overview: ratings, tiers, recommendations, overdue reviews, expiring
        and expired evidence, open critical flags (from :meth:`register_rows`)."""
        as_of = as_of or date.today()
        rows = self.register_rows(as_of)
        by_rating = {r: 0 for r in Rating}
        by_tier: dict[int | None, int] = {1: 0, 2: 0, 3: 0, 4: 0, None: 0}
        by_recommendation = {r: 0 for r in Recommendation}
        vendors: set[int] = set()
        evidence: dict[int, tuple[int, int]] = {}
        products = assessed = decided = 0
        open_critical = rows_critical = 0
        overdue = []
        for row in rows:
            vendors.add(row.vendor_id)
            evidence[row.vendor_id] = (row.evidence_expiring, row.evidence_expired)
            if row.product_id is not None:
                products += 1
            if row.assessment_id is None:
                continue
            assessed += 1
            if row.status is AssessmentStatus.DECIDED:
                decided += 1
            if row.rating is not None:
                by_rating[row.rating] += 1
            by_tier[row.tier if row.tier in by_tier else None] += 1
            if row.recommendation is not None:
                by_recommendation[row.recommendation] += 1
            open_critical += row.critical_flags
            rows_critical += 1 if row.critical_flags else 0
            if row.overdue(as_of):
                overdue.append(row)
        return PortfolioSummary(
            as_of=as_of, vendors=len(vendors), products=products, assessed=assessed,
            unassessed=products - assessed, decided=decided, by_rating=by_rating, by_tier=by_tier,
            by_recommendation=by_recommendation, overdue_reviews=len(overdue),
            evidence_expiring=sum(e[0] for e in evidence.values()),
            evidence_expired=sum(e[1] for e in evidence.values()),
            open_critical_flags=open_critical, rows_with_critical_flags=rows_critical,
            overdue=tuple(sorted(overdue, key=lambda r: (r.next_review_due or as_of, r.vendor_name))))


def _all_scored(results: Sequence[ScoreResult | None]) -> list[ScoreResult]:
    """The results of a chunk once every job has one (every position belongs to exactly one
    profile group, so none is left empty)."""
    scored = [result for result in results if result is not None]
    if len(scored) != len(results):
        raise AssertionError("a scoring job was left without a result")
    return scored


def _by_profile(inputs: Sequence[AssessmentInputs]) -> dict[str | None, list[int]]:
    """Positions of ``inputs`` grouped by the scoring-profile version each is pinned to."""
    groups: dict[str | None, list[int]] = {}
    for i, item in enumerate(inputs):
        groups.setdefault(item.profile_version, []).append(i)
    return groups


def _worker_pool() -> Executor | None:
    """Worker processes for bulk scoring, or None to score in this process (one CPU, or the
    platform cannot start them).

    "spawn" rather than "fork": the GUI calls this from a worker thread of a Qt application,
    and forking a multi-threaded process (Qt, SQLite connections) is unsafe. The workers import
    only :mod:`.scoring_worker` and the domain.
    """
    workers = min(POOL_WORKERS, os.cpu_count() or 1)
    if workers < 2:
        return None
    try:
        from trustframe import lifeline

        # Workers end with this process even when it is killed (they would otherwise wait forever).
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=lifeline.tie_to_parent, initargs=(os.getpid(),))
    except (OSError, ValueError, NotImplementedError) as exc:  # e.g. no semaphores in a sandbox
        log.warning("Bulk scoring runs in one process: worker processes are not available (%s)", exc)
        return None


def _snapshot_values(result: ScoreResult, reason: str, basis_updated_at: datetime | None,
                     compact: bool) -> SnapshotValues:
    if compact:
        # Live snapshots are a cache for the register: keep them small (thousands of rows).
        payload: dict[str, Any] = {
            "codec": 1, "compact": True, "gaps": len(result.gaps), "rating_reasons": list(result.rating_reasons),
            "flags": [[f.flag_id, f.severity.value, f.accepted] for f in result.flags]}
    else:
        payload = result_to_dict(result)
    return {
        "assessment_id": result.assessment_id, "as_of": result.as_of,
        "created_at": datetime.now().replace(microsecond=0), "reason": reason,
        "profile_id": result.profile_id[:64], "questionnaire_key": result.questionnaire_key[:100],
        "overall_score": result.overall, "rating": result.rating.value,
        "recommendation": result.recommendation.value, "tier": result.tier,
        "completeness": result.completeness, "open_flags": sum(1 for f in result.flags if not f.accepted),
        "critical_flags": sum(1 for f in result.flags if not f.accepted and f.severity is Severity.CRITICAL),
        "payload": payload, "basis_updated_at": basis_updated_at, "valid_until": result.valid_until,
        "profile_version": result.profile_version[:32] or None,
    }
