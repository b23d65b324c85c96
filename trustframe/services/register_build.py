"""The vendor register's rows built from the register's lines, shared by both ways of reading them.

:meth:`trustframe.services.scoring.ScoringService.register_rows` (SQLAlchemy's driver connection,
inside the services) and :func:`read_register_light` (a read-only ``sqlite3`` connection, for the
GUI's start-up before the services have loaded) run the same query
(:mod:`trustframe.storage.register_sql`) and build rows here, so the register shown at start-up is
the register the services give, row for row. The light read cannot score: rows whose stored
snapshot is out of date are listed in ``stale`` and refreshed once the services are there
(:meth:`ScoringService.refresh_register_rows`).

This module imports neither SQLAlchemy nor the services (the GUI imports it before they load).

Memory and time (130,000 rows at 100,000 vendors): rows are kept as tuples
(:class:`~trustframe.domain.portfolio.RegisterRows`; a ``RegisterRow`` object is built only for a
row someone reads, e.g. the 40 on screen); values that repeat across rows (dates, countries, a
vendor's name on each of its products, completeness and scores) are shared, not one object per
row; the final order is computed per vendor rather than with a key tuple per row; the cycle
collector is paused while the rows are built.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from trustframe import paths
from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.portfolio import PausedGc, RegisterRow, RegisterRows
from trustframe.domain.portfolio import register_row_factory as register_row_factory  # re-exported (tests, callers)
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.storage.register_sql import day as _day
from trustframe.storage.register_sql import evidence_counts, instant, same_instant

log = logging.getLogger(__name__)

#: Workspace setting holding a partial scoring profile merged over the shipped default.
PROFILE_SETTING = "scoring_profile"


@dataclass
class LightRegister:
    """The register read at start-up without the services (see :func:`read_register_light`)."""

    path: Path
    rows: RegisterRows
    #: assessment id -> index in ``rows`` of rows whose snapshot is out of date (they show the
    #: stored score until the services have recomputed it).
    stale: dict[int, int]
    as_of: date
    #: False for a first screenful (``first_vendors``): the rows of some vendors only.
    complete: bool = True
    #: Vendors in the workspace (all of them, also when ``complete`` is False).
    vendor_total: int = 0


def build_register_rows(lines: Iterable[tuple[Any, ...]], as_of: date,
                        dirty: frozenset[int] | set[int] = frozenset()) -> tuple[list[RegisterRow], dict[int, int]]:
    """The register's rows from its lines (see ``ScoringRepository.register_lines``), sorted as
    the register shows them, and the rows whose live snapshot is out of date (assessment id ->
    row index): :func:`build_register_table` with every row built as a :class:`RegisterRow`."""
    table, stale = build_register_table(lines, as_of, dirty)
    return table.to_list(), stale


def build_register_table(lines: Iterable[tuple[Any, ...]], as_of: date,
                         dirty: frozenset[int] | set[int] = frozenset()) -> tuple[RegisterRows, dict[int, int]]:
    """The register's rows from its lines (see ``ScoringRepository.register_lines``), sorted as
    the register shows them, as a :class:`RegisterRows` (tuples; a ``RegisterRow`` is built only
    for a row someone reads), and the rows whose live snapshot is out of date (assessment id ->
    row index). ``dirty``: assessments changed in this process without moving ``updated_at``.

    While a reassessment is open, a product's row keeps showing its standing decision (rating,
    score, decision, review date of the latest decided assessment) and names the open one in
    ``reassessment_id``/``reassessment_status``.
    """
    with PausedGc():
        values, stale_ids, starts, names = _build_values(lines, as_of, dirty)
        ordered = _sort_values(values, starts, names)
        # Counted here, where it is nearly free, not by the GUI thread (40 ms at 130,000 rows).
        counts = (len(starts), len(values) - [row[3] for row in values].count(None))
        del starts, names
        # Row indexes after the sort; the out-of-date rows were noted by position before it.
        if stale_ids:
            position = {before: after for after, before in enumerate(ordered)}
            stale = {aid: position[before] for aid, before in stale_ids}
        else:
            stale = {}
        table = RegisterRows([values[i] for i in ordered], vendor_ordered=True, counts=counts)
        del values, ordered
    return table, stale


def _build_values(lines: Iterable[tuple[Any, ...]], as_of: date, dirty: frozenset[int] | set[int]
                  ) -> tuple[list[tuple[Any, ...]], list[tuple[int, int]], list[int], list[str]]:
    """The rows as tuples of RegisterRow's fields, in line order; (assessment id, row position)
    of the out-of-date ones (see :func:`build_register_table`); where each vendor's rows begin
    and its case-folded name (for :func:`_sort_values`)."""
    decided = AssessmentStatus.DECIDED.value
    statuses = {x.value: x for x in AssessmentStatus}
    ratings = {x.value: x for x in Rating}
    recommendations = {x.value: x for x in Recommendation}
    decisions = {x.value: x for x in Decision}
    categories = {x.value: x for x in ProductCategory}
    rows: list[tuple[Any, ...]] = []
    append = rows.append
    stale: list[tuple[int, int]] = []
    starts: list[int] = []    # where each vendor's rows begin (for the sort)
    names: list[str] = []     # each vendor's case-folded name
    # One object per distinct value, not per row: 130,000 rows repeat a few hundred dates, a few
    # dozen countries and completeness values (about 15 MB of duplicates at 100,000 vendors).
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    days: dict[Any, date | None] = {None: None}
    days_get = days.get

    def day(text: Any) -> date | None:
        found = days[text] = text if isinstance(text, date) else date.fromisoformat(text[:10])
        return found

    # The current vendor's values, the same object for each of its rows.
    vendor_name = country = ""
    expired = expiring = 0

    def emit(first: tuple[Any, ...], group: list[tuple[Any, ...]] | None) -> None:
        """Append the row of one product (or vendor without products) from its line, or from
        its lines (``group``) when it has several assessments."""
        product_id = first[3]
        if product_id is None:
            append((first[0], vendor_name, country, None, "", None, None, None, None, None, None,
                    None, 0.0, 0, 0, expiring, expired, None, None, None, 0, None, None))
            return
        category = categories.get(first[5])
        if first[6] is None:
            append((first[0], vendor_name, country, product_id, first[4], category, None,
                    None, None, None, None, None, 0.0, 0, 0, expiring, expired, None, None, None, 0,
                    None, None))
            return
        count = 1
        reassessment_id = reassessment_status = None
        shown = first
        if group is not None:
            count = len(group)
            # The latest is the last created (ids break ties); stored timestamps are compared
            # parsed, since text from different writers need not sort alike.
            latest = max(group, key=lambda line: (instant(line[22]), line[6]))
            done = [line for line in group if line[7] == decided]
            shown = latest
            if latest[7] != decided and done:
                # The decision date is text on SQLite but a date on PostgreSQL: compared as
                # days (``date or ""`` compared a date with "" for a decision without a date).
                shown = max(done, key=lambda line: (_day(line[10]) or date.min, line[6]))
                reassessment_id, reassessment_status = latest[6], statuses[latest[7]]
        (aid, status, tier, decision, decision_date, next_review_due, updated_at, reason, score, rating,
         recommendation, completeness, open_flags, critical_flags, basis, valid_until) = shown[6:22]
        if status == decided:
            # A decision's snapshot is its record: never recomputed, only backfilled if missing.
            out_of_date = reason is None or reason == "live"
        else:
            out_of_date = (reason != "live" or aid in dirty
                           or (basis != updated_at and not same_instant(basis, updated_at))
                           or (valid_until is not None
                               and (days_get(valid_until) or day(valid_until)) <= as_of))  # type: ignore[operator]
        if reason is None:
            score = rating = recommendation = None
            completeness = 0.0
            open_flags = critical_flags = 0
        else:
            rating, recommendation = ratings.get(rating), recommendations.get(recommendation)
            completeness = share(completeness, float(completeness))
            open_flags, critical_flags = int(open_flags), int(critical_flags)
            if score is not None:
                score = share(score, score)
        if out_of_date:
            stale.append((aid, len(rows)))
        review = days_get(next_review_due, days)
        if review is days:
            review = day(next_review_due)
        decided_on = days_get(decision_date, days)
        if decided_on is days:
            decided_on = day(decision_date)
        append((first[0], vendor_name, country, product_id, first[4], category, aid, statuses[status], tier, score,
                rating, recommendation, completeness, open_flags, critical_flags, expiring, expired, review,
                decisions.get(decision), decided_on, count, reassessment_id, reassessment_status))

    # Lines of one vendor, and of one product, are adjacent (the query's nested-loop join);
    # a product has several lines only when it has several assessments.
    pending: tuple[Any, ...] | None = None          # the current product's (first) line
    group: list[tuple[Any, ...]] | None = None      # all its lines, when more than one
    vendor_key: Any = None
    for line in lines:
        if pending is not None:
            if line[3] is not None and line[3] == pending[3]:
                if group is None:
                    group = [pending, line]
                else:
                    group.append(line)
                continue
            emit(pending, group)
            group = None
        if line[0] != vendor_key:
            # A vendor's name, country and evidence counts: one object each for all its rows.
            vendor_key, vendor_name, country = line[0], line[1], share(line[2], line[2])
            expired, expiring = evidence_counts(line[23])
            starts.append(len(rows))
            names.append(vendor_name.casefold())
        pending = line
    if pending is not None:
        emit(pending, group)
    return rows, stale, starts, names


def _sort_values(rows: list[tuple[Any, ...]], starts: list[int] | None = None,
                 names: list[str] | None = None) -> list[int]:
    """The positions of ``rows`` (tuples of RegisterRow's fields) in the register's order:
    vendors by name, then a vendor's products by name (ids break ties). Rows of one vendor are
    adjacent. ``starts``/``names``: where each vendor's rows begin and its case-folded name, when
    the caller has them already.

    The order of ``sort(key=(vendor name, vendor id, has product, product name, product id))``,
    computed per vendor: a key tuple and two case-folded strings per row were the register's
    largest short-lived allocation at 100,000 vendors.
    """
    if starts is None or names is None:
        starts, names = [], []
        previous: Any = None
        for i, row in enumerate(rows):
            if row[0] != previous:
                previous = row[0]
                starts.append(i)
                names.append(row[1].casefold())
    ids = [rows[start][0] for start in starts]
    if all(a < b for a, b in pairwise(ids)):
        # Vendors arrive by id (the query scans the vendors' table): a stable sort by name
        # alone leaves equal names by id.
        order = sorted(range(len(names)), key=names.__getitem__)
    else:
        # (name, id) per vendor, the same key tuples a lambda would make (``ids`` is deleted below).
        order = sorted(range(len(names)), key=list(zip(names, ids, strict=True)).__getitem__)
    del ids
    bounds = starts + [len(rows)]
    ordered: list[int] = []
    append, extend = ordered.append, ordered.extend
    # A vendor with several rows has products on all of them (a vendor without products has one
    # row), so its rows sort by (product name, product id).
    for block in order:
        begin, end = bounds[block], bounds[block + 1]
        if end - begin == 1:
            append(begin)
        elif end - begin == 2:  # the common case of several: two products, compared directly
            first, second = rows[begin], rows[begin + 1]
            a, b = first[4].casefold(), second[4].casefold()
            if a < b or (a == b and first[3] <= second[3]):
                append(begin)
                append(begin + 1)
            else:
                append(begin + 1)
                append(begin)
        else:
            extend(sorted(range(begin, end), key=lambda r: (rows[r][4].casefold(), rows[r][3])))
    return ordered


def _sort_rows(rows: list[RegisterRow]) -> None:
    """:func:`_sort_values` for a list of :class:`RegisterRow`, in place."""
    ordered = _sort_values([(r.vendor_id, r.vendor_name, None, r.product_id, r.product_name) for r in rows])
    rows[:] = [rows[i] for i in ordered]


def expiring_soon_days(override: Any) -> int:
    """Days ahead that evidence counts as expiring soon, from the shipped scoring profile merged
    with the workspace's override (as ``ScoringService.profile`` computes it)."""
    from trustframe.domain.scoring_profile import ScoringProfile, ScoringProfileError, merge_profile_data

    with (paths.scoring_profiles_dir() / "default.json").open(encoding="utf-8") as fh:
        default = json.load(fh)
    try:
        data = merge_profile_data(default, override if isinstance(override, dict) else None)
        return ScoringProfile.from_dict(data).evidence.expiring_soon_days
    except ScoringProfileError:
        # As ScoringService.profile: an invalid override falls back to the default.
        return ScoringProfile.from_dict(default).evidence.expiring_soon_days


def read_register_light(path: Path | str, as_of: date | None = None,
                        first_vendors: int | None = None) -> LightRegister | None:
    """The register of the workspace at ``path`` read with sqlite3 alone (read-only, nothing
    written), or None when the light path cannot be used for this file (see
    :func:`trustframe.storage.light.open_reader`) or the read fails: the caller then opens the
    workspace the normal way, which gives the usual refusal for a damaged or newer file.

    ``first_vendors``: when the workspace has more vendors than that, read only the rows of the
    first ones by name (``complete`` False), a screenful to show while the rest is read."""
    import sqlite3

    from trustframe.storage.light import open_reader

    as_of = as_of or date.today()
    reader = open_reader(path)
    if reader is None:
        return None
    try:
        with reader:
            soon = as_of + timedelta(days=expiring_soon_days(reader.setting(PROFILE_SETTING)))
            total = reader.vendor_count()
            page = first_vendors if first_vendors is not None and total > first_vendors else None
            rows, stale = build_register_table(reader.register_lines(as_of, soon, page), as_of)
    except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
        # Unexpected content (a damaged page, a value this code does not know): the normal
        # open decides what to say about the file.
        log.info("The light register read of %s failed (%s); opening it the normal way", path, exc)
        return None
    return LightRegister(Path(path), rows, stale, as_of, complete=page is None, vendor_total=total)
