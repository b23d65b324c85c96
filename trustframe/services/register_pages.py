"""The vendor register one page at a time, filtered and sorted by the database (team mode).

:meth:`ScoringService.register_rows` gives every row at once, which suits a workspace file; a team
workspace with 100,000 vendors is better asked for the page on screen
(:mod:`trustframe.storage.register_query` has the SQL). The rows are the same
:class:`RegisterRow` objects the local path builds, for the same day.

Stored scores that are out of date are recomputed (and stored) by :meth:`RegisterPages.prepare`
before the first page, so the server's filters and sort see the scores the local path would
compute; the GUI calls it once per workspace, off its thread, after the first screen.

Filters and sorts on computed columns (rating, tier, score, status, overdue, evidence...) read
the register from a temporary table that one connection of this object fills once
(:func:`register_query.build_cache`, a few seconds at 100,000 vendors); search text and the
vendor, product and category sorts need no cache. An object of this class is used by one thread
at a time (besides the thread refilling the cache in the background, which only hands over the
new connection).

A change announced (:meth:`RegisterPages.invalidate`) that names its vendor, product,
assessment, answer or piece of evidence replaces the cached rows of the vendors concerned only
(:func:`register_query.refresh_cache_rows`, milliseconds), after recomputing their out-of-date
stored scores. Any other change (a profile or settings change, one without ids) refills the whole
cache in the background: meanwhile the rows are chosen from the old cache but computed anew for
the page (exact rows; which rows pass the filters and their order follow the old cache until
:attr:`RegisterPages.on_refilled` says the new one is there). A new day (evidence expiring,
reviews overdue) refills it before the next query, as the first fill.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.errors import WorkspaceError
from trustframe.services.changes import Change, Entity
from trustframe.services.register_build import register_row_factory
from trustframe.storage import register_query
from trustframe.storage.register_filters import RegisterCounts, RegisterQuery

if TYPE_CHECKING:
    from trustframe.services.context import Services

log = logging.getLogger(__name__)

Key = tuple[int, int | None]

_STATUSES = {x.value: x for x in AssessmentStatus}
_RATINGS = {x.value: x for x in Rating}
_RECOMMENDATIONS = {x.value: x for x in Recommendation}
_DECISIONS = {x.value: x for x in Decision}
_CATEGORIES = {x.value: x for x in ProductCategory}


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class RegisterPages:
    """Pages, counts and positions of the register as the database filters and sorts it."""

    def __init__(self, services: Services) -> None:
        self._s = services
        self._make = register_row_factory()
        self._cache: Session | None = None       # the session (one connection) holding the cache
        self._cache_day: date | None = None       # the day the cache was computed for; None: none
        self._cache_broken = False                # the cache cannot be built here: compute instead
        # Changes announced since the last query, applied to the cache before the next one.
        self._changed: dict[str, set[int]] = {"vendors": set(), "products": set(), "assessments": set(),
                                              "evidence": set()}
        self._stale = False                       # the whole cache is out of date (refill running)
        self._again = False                       # another whole change came during the refill
        # Vendors refreshed in the old cache while the refill ran (applied to the new one too).
        self._since_refill: set[int] = set()
        self._refill: threading.Thread | None = None   # the refill running
        self._refilling = False                   # a refill was started and its cache not taken yet
        self._refilled: tuple[Session, date] | None = None   # the new cache, handed over
        self._lock = threading.Lock()
        #: Full cache refills done (the first fill included); tests and benchmarks read it.
        self.refills = 0
        #: Called (from the refilling thread) when a refilled cache is ready: ask again.
        self.on_refilled: Callable[[], None] | None = None

    def invalidate(self, changes: Iterable[Change] | None = None) -> None:
        """The data changed: ``changes`` that name their vendor, product, assessment, answer or
        evidence refresh those vendors' cached rows before the next query; any other change
        (or None: unknown) refills the whole cache (in the background when there is one)."""
        if changes is None:
            self._stale = True
            return
        for change in changes:
            ident = change.entity_id if isinstance(change.entity_id, int) else None
            if change.assessment_id is not None:
                self._changed["assessments"].add(int(change.assessment_id))
            if change.entity is Entity.VENDOR and ident is not None:
                self._changed["vendors"].add(ident)
            elif change.entity is Entity.PRODUCT and ident is not None:
                self._changed["products"].add(ident)
            elif change.entity is Entity.ASSESSMENT and ident is not None:
                self._changed["assessments"].add(ident)
            elif change.entity is Entity.EVIDENCE and ident is not None:
                self._changed["evidence"].add(ident)
            elif not (change.entity in (Entity.ANSWER, Entity.ASSESSMENT) and change.assessment_id is not None):
                self._stale = True  # settings, profile, workspace, "many": every row may move

    def close(self) -> None:
        """Release the cache's connection (its temporary table goes with it)."""
        with self._lock:
            cache, self._cache, self._cache_day = self._cache, None, None
            refilled, self._refilled = self._refilled, None
        for session in (cache, refilled[0] if refilled else None):
            if session is not None:
                try:
                    session.close()
                except SQLAlchemyError:
                    log.debug("Closing the register cache failed", exc_info=True)

    def _build(self, session: Session, as_of: date, soon: date) -> None:
        register_query.build_cache(session, as_of, soon)
        session.commit()
        self.refills += 1

    def _cached(self, query: RegisterQuery, as_of: date) -> tuple[Session | None, bool]:
        """(the cache's session, out of date): built for ``as_of`` if needed, changes announced
        applied; None when ``query`` needs none or the cache cannot be built (a read-only
        login): the rows are then computed per query. Out of date: a whole refill is running."""
        if self._cache_broken:
            return None, False
        self._adopt_refill(as_of)
        if self._cache is not None and self._cache_day == as_of:
            try:
                self._apply_changes(self._cache, as_of)
            except SQLAlchemyError as exc:
                log.info("Refreshing the register cache failed (%s); refilling it", exc)
                self._cache.rollback()
                self._stale = True
            if self._stale:
                self._start_refill(as_of)
            return self._cache, self._refilling  # also for search text (folded columns)
        if register_query.cheap(query):
            return None, False  # answered from vendors and products without waiting for a cache
        try:
            if self._cache is None:
                self._cache = Session(bind=self._s.workspace.engine.connect())
            self._clear_changes()
            self._stale = False
            self._build(self._cache, as_of, self.soon(as_of))
        except SQLAlchemyError as exc:
            log.info("The register cache cannot be built (%s); computing each query instead", exc)
            self._cache_broken = True
            self.close()
            return None, False
        self._cache_day = as_of
        return self._cache, False

    def _clear_changes(self) -> None:
        for ids in self._changed.values():
            ids.clear()

    def _apply_changes(self, cache: Session, as_of: date) -> None:
        """Refresh the cached rows of the vendors the announced changes concern (their stored
        scores first, when out of date), or mark the whole cache stale if they cannot be told."""
        changed = self._changed
        if not any(changed.values()):
            return
        vendors = register_query.vendors_of(cache, sorted(changed["products"]), sorted(changed["assessments"]),
                                            sorted(changed["evidence"]), cached=True)
        cache.rollback()
        dirty, named = set(changed["assessments"]), set(changed["vendors"])
        self._clear_changes()
        if vendors is None:
            self._stale = True
            return
        self._refresh_vendors(cache, vendors | named, as_of, dirty)

    def _refresh_vendors(self, cache: Session, vendors: set[int], as_of: date, dirty: set[int]) -> None:
        if not vendors:
            return
        stale = set(register_query.stale_assessments(cache, as_of, sorted(vendors)))
        cache.rollback()
        stale |= dirty & set(getattr(self._s.scoring, "_dirty", ()))
        if stale:
            try:
                self._s.scoring.refresh(stale, as_of)
            except WorkspaceError as exc:
                log.warning("Could not store %d recomputed register scores (%s)", len(stale), exc)
        register_query.refresh_cache_rows(cache, sorted(vendors), as_of, self.soon(as_of))
        cache.commit()
        if self._refilling:
            self._since_refill |= vendors

    def _start_refill(self, as_of: date) -> None:
        """Refill the whole cache in another connection, in the background (the old one answers
        meanwhile); a change of the same kind during the refill asks for one more after it."""
        if self._refilling:
            self._again = self._again or self._stale
            self._stale = False
            return
        self._stale = False
        self._refilling = True
        self._since_refill = set()
        soon = self.soon(as_of)  # read here: the scoring service is this thread's

        def run() -> None:
            session: Session | None = None
            try:
                session = Session(bind=self._s.workspace.engine.connect())
                self._build(session, as_of, soon)
            except SQLAlchemyError as exc:
                # The old cache answers on; the next query starts another refill (no callback:
                # a refresh asking again at once would loop while the server is unreachable).
                log.warning("Refilling the register cache failed (%s)", exc)
                if session is not None:
                    session.close()
                session = None
            with self._lock:
                if session is not None:
                    self._refilled = (session, as_of)
                self._refill = None
            callback = self.on_refilled
            if callback is not None and session is not None:
                callback()

        self._refill = threading.Thread(target=run, name="register-cache-refill", daemon=True)
        self._refill.start()

    def wait_refill(self, timeout: float | None = None) -> None:
        """Wait for a background refill to end (tests, benchmarks, closing)."""
        refill = self._refill
        if refill is not None:
            refill.join(timeout)

    def _adopt_refill(self, as_of: date) -> None:
        """Take over the refilled cache when it is ready (with the vendors refreshed meanwhile)."""
        with self._lock:
            refilled, self._refilled = self._refilled, None
            running = self._refill is not None
        if refilled is None:
            if self._refilling and not running:  # the refill failed: try again
                self._refilling, self._again, self._stale = False, False, True
            return
        self._refilling = False
        session, day = refilled
        old, self._cache, self._cache_day = self._cache, session, day
        if old is not None:
            old.close()
        since, self._since_refill = self._since_refill, set()
        if day == as_of and since:
            self._refresh_vendors(session, since, as_of, set())
        if self._again:
            self._again, self._stale = False, True

    def soon(self, as_of: date) -> date:
        """The last day evidence counts as expiring soon (the scoring profile's window)."""
        return as_of + timedelta(days=self._s.scoring.profile.evidence.expiring_soon_days)

    @contextlib.contextmanager
    def _reader(self, query: RegisterQuery, as_of: date) -> Iterator[tuple[Session, bool, bool]]:
        """(session, cached, out of date): the cache's session when ``query`` uses it, else a
        reading one; out of date while the cache is refilled (the page's rows are then computed).
        The cache's read transaction ends with the block (no snapshot held between pages)."""
        cache, stale = self._cached(query, as_of)
        if cache is None:
            with self._s.workspace.reading() as session:
                yield session, False, False
            return
        try:
            yield cache, True, stale
        finally:
            cache.rollback()

    def prepare(self, as_of: date | None = None) -> int:
        """Recompute the stored scores the register would show out of date; returns how many.

        A read-only workspace (or a login that may not store scores) keeps the stored scores:
        the register then shows them as they are, which is logged, not raised."""
        as_of = as_of or date.today()
        with self._s.workspace.reading() as session:
            stale = set(register_query.stale_assessments(session, as_of))
        # Changed in this program without moving updated_at (see ScoringService._dirty).
        stale |= set(getattr(self._s.scoring, "_dirty", ()))
        if not stale:
            return 0
        # Their vendors' cached rows are refreshed before the next query (if there is a cache).
        self.invalidate([Change(Entity.ASSESSMENT, i, i) for i in sorted(stale)])
        try:
            self._s.scoring.refresh(stale, as_of)
        except WorkspaceError as exc:
            log.warning("Could not store %d recomputed register scores (%s); showing the stored ones",
                        len(stale), exc)
        return len(stale)

    def warm(self, as_of: date | None = None) -> bool:
        """Build the cache now (off the GUI thread, after the first screen), so that the first
        filter on a computed column does not wait for it. Returns whether there is one."""
        return self._cached(RegisterQuery(sort="score"), as_of or date.today())[0] is not None

    def page(self, query: RegisterQuery, offset: int, limit: int, as_of: date | None = None,
             category_labels: Mapping[str, str] | None = None) -> list[RegisterRow]:
        """Rows ``offset`` to ``offset + limit`` of the register, filtered and sorted by ``query``.
        ``category_labels`` (category value -> shown name) are what the search text matches."""
        as_of = as_of or date.today()
        with self._reader(query, as_of) as (session, cached, stale):
            lines = register_query.register_page(session, query, as_of, self.soon(as_of), offset, limit,
                                                 category_labels, cached, recompute=stale)
        return [self._row(line) for line in lines]

    def counts(self, query: RegisterQuery, as_of: date | None = None,
               category_labels: Mapping[str, str] | None = None) -> RegisterCounts:
        """Rows passing the filters, and rows, vendors and products in all."""
        as_of = as_of or date.today()
        with self._reader(query, as_of) as (session, cached, _stale):
            return register_query.register_counts(session, query, as_of, self.soon(as_of), category_labels, cached)

    def positions(self, query: RegisterQuery, keys: Sequence[Key], as_of: date | None = None,
                  category_labels: Mapping[str, str] | None = None) -> dict[Key, int]:
        """Row numbers of the rows with these (vendor id, product id) keys under ``query`` (rows
        that do not pass its filters are left out)."""
        if not keys:
            return {}
        as_of = as_of or date.today()
        with self._reader(query, as_of) as (session, cached, _stale):
            return register_query.register_position(session, query, as_of, self.soon(as_of), list(keys),
                                                    category_labels, cached)

    def _row(self, line: tuple[Any, ...]) -> RegisterRow:
        """A :class:`RegisterRow` from one line, converted as ``build_register_rows`` does."""
        (vendor_id, vendor_name, country, product_id, product_name, category, assessment_id, status, tier, score,
         rating, recommendation, completeness, open_flags, critical_flags, expiring, expired, next_review_due,
         decision, decided_on, count, re_id, re_status) = line
        return self._make((
            vendor_id, vendor_name, country, product_id, product_name or "",
            _CATEGORIES.get(category) if product_id is not None else None, assessment_id,
            _STATUSES.get(status) if status is not None else None, tier,
            float(score) if score is not None else None, _RATINGS.get(rating) if rating else None,
            _RECOMMENDATIONS.get(recommendation) if recommendation else None, float(completeness or 0.0),
            int(open_flags or 0), int(critical_flags or 0), int(expiring or 0), int(expired or 0),
            _day(next_review_due), _DECISIONS.get(decision) if decision else None, _day(decided_on), int(count or 0),
            re_id, _STATUSES.get(re_status) if re_status is not None else None))
