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
(:func:`register_query.build_cache`, a few seconds at 100,000 vendors) and keeps until
:meth:`RegisterPages.invalidate` (a change was announced); search text and the vendor, product
and category sorts need no cache. An object of this class is used by one thread at a time.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.errors import WorkspaceError
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

    def invalidate(self) -> None:
        """The data changed: the cache is rebuilt when next needed."""
        self._cache_day = None

    def close(self) -> None:
        """Release the cache's connection (its temporary table goes with it)."""
        cache, self._cache, self._cache_day = self._cache, None, None
        if cache is not None:
            try:
                cache.close()
            except SQLAlchemyError:
                log.debug("Closing the register cache failed", exc_info=True)

    def _cached(self, query: RegisterQuery, as_of: date) -> Session | None:
        """The cache's session, built for ``as_of`` if needed; None when ``query`` needs none or
        the cache cannot be built (a read-only login): the rows are then computed per query."""
        if self._cache_broken:
            return None
        if self._cache is not None and self._cache_day == as_of:
            return self._cache  # also for search text: its case-folded columns are stored there
        if register_query.cheap(query):
            return None  # answered from vendors and products without waiting for a cache
        try:
            if self._cache is None:
                self._cache = Session(bind=self._s.workspace.engine.connect())
            register_query.build_cache(self._cache, as_of, self.soon(as_of))
            self._cache.commit()
        except SQLAlchemyError as exc:
            log.info("The register cache cannot be built (%s); computing each query instead", exc)
            self._cache_broken = True
            self.close()
            return None
        self._cache_day = as_of
        return self._cache

    def soon(self, as_of: date) -> date:
        """The last day evidence counts as expiring soon (the scoring profile's window)."""
        return as_of + timedelta(days=self._s.scoring.profile.evidence.expiring_soon_days)

    @contextlib.contextmanager
    def _reader(self, query: RegisterQuery, as_of: date) -> Iterator[tuple[Session, bool]]:
        """(session, cached): the cache's session when ``query`` uses it, else a reading one.
        The cache's read transaction ends with the block (no snapshot held between pages)."""
        cache = self._cached(query, as_of)
        if cache is None:
            with self._s.workspace.reading() as session:
                yield session, False
            return
        try:
            yield cache, True
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
        self.invalidate()
        try:
            self._s.scoring.refresh(stale, as_of)
        except WorkspaceError as exc:
            log.warning("Could not store %d recomputed register scores (%s); showing the stored ones",
                        len(stale), exc)
        return len(stale)

    def warm(self, as_of: date | None = None) -> bool:
        """Build the cache now (off the GUI thread, after the first screen), so that the first
        filter on a computed column does not wait for it. Returns whether there is one."""
        return self._cached(RegisterQuery(sort="score"), as_of or date.today()) is not None

    def page(self, query: RegisterQuery, offset: int, limit: int, as_of: date | None = None,
             category_labels: Mapping[str, str] | None = None) -> list[RegisterRow]:
        """Rows ``offset`` to ``offset + limit`` of the register, filtered and sorted by ``query``.
        ``category_labels`` (category value -> shown name) are what the search text matches."""
        as_of = as_of or date.today()
        with self._reader(query, as_of) as (session, cached):
            lines = register_query.register_page(session, query, as_of, self.soon(as_of), offset, limit,
                                                 category_labels, cached)
        return [self._row(line) for line in lines]

    def counts(self, query: RegisterQuery, as_of: date | None = None,
               category_labels: Mapping[str, str] | None = None) -> RegisterCounts:
        """Rows passing the filters, and rows, vendors and products in all."""
        as_of = as_of or date.today()
        with self._reader(query, as_of) as (session, cached):
            return register_query.register_counts(session, query, as_of, self.soon(as_of), category_labels, cached)

    def positions(self, query: RegisterQuery, keys: Sequence[Key], as_of: date | None = None,
                  category_labels: Mapping[str, str] | None = None) -> dict[Key, int]:
        """Row numbers of the rows with these (vendor id, product id) keys under ``query`` (rows
        that do not pass its filters are left out)."""
        if not keys:
            return {}
        as_of = as_of or date.today()
        with self._reader(query, as_of) as (session, cached):
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
