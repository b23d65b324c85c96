"""The vendor register's rows built from the register's lines, shared by both ways of reading them.

:meth:`trustframe.services.scoring.ScoringService.register_rows` (SQLAlchemy's driver connection,
inside the services) and :func:`read_register_light` (a read-only ``sqlite3`` connection, for the
GUI's start-up before the services have loaded) run the same query
(:mod:`trustframe.storage.register_sql`) and build rows here, so the register shown at start-up is
the register the services give, row for row. The light read cannot score: rows whose stored
snapshot is out of date are listed in ``stale`` and refreshed once the services are there
(:meth:`ScoringService.refresh_register_rows`).

This module imports neither SQLAlchemy nor the services (the GUI imports it before they load).

Memory (130,000 rows at 100,000 vendors): values that repeat across rows (dates, countries, a
vendor's name on each of its products, completeness and scores) are shared, not one object per
row, and the final order is computed per vendor rather than with a key tuple per row.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable

from trustframe import paths
from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.storage.register_sql import instant, same_instant

log = logging.getLogger(__name__)

#: Workspace setting holding a partial scoring profile merged over the shipped default.
PROFILE_SETTING = "scoring_profile"


@dataclass
class LightRegister:
    """The register read at start-up without the services (see :func:`read_register_light`)."""

    path: Path
    rows: list[RegisterRow]
    #: assessment id -> index in ``rows`` of rows whose snapshot is out of date (they show the
    #: stored score until the services have recomputed it).
    stale: dict[int, int]
    as_of: date
    #: False for a first screenful (``first_vendors``): the rows of some vendors only.
    complete: bool = True
    #: Vendors in the workspace (all of them, also when ``complete`` is False).
    vendor_total: int = 0


def register_row_factory() -> Callable[[tuple[Any, ...]], RegisterRow]:
    """A constructor of :class:`RegisterRow` from a tuple of all its fields, in order.

    Why: the frozen dataclass's ``__init__`` sets its fields one ``object.__setattr__`` at a
    time (keyword handling, frozen check), a third of the register's CPU time at 13,000 rows.
    Calling each slot's descriptor directly gives an identical object (same fields, equality,
    repr, hash) at a fraction of the cost.
    """
    setters = tuple(getattr(RegisterRow, f.name).__set__ for f in fields(RegisterRow))
    new = object.__new__

    def make(values: tuple[Any, ...]) -> RegisterRow:
        row = new(RegisterRow)
        for setter, value in zip(setters, values):
            setter(row, value)
        return row

    return make


def build_register_rows(lines: Iterable[tuple[Any, ...]], as_of: date,
                        dirty: frozenset[int] | set[int] = frozenset()) -> tuple[list[RegisterRow], dict[int, int]]:
    """The register's rows from its lines (see ``ScoringRepository.register_lines``), sorted as
    the register shows them, and the rows whose live snapshot is out of date (assessment id ->
    row index). ``dirty``: assessments changed in this process without moving ``updated_at``.

    While a reassessment is open, a product's row keeps showing its standing decision (rating,
    score, decision, review date of the latest decided assessment) and names the open one in
    ``reassessment_id``/``reassessment_status``.
    """
    decided = AssessmentStatus.DECIDED.value
    statuses = {x.value: x for x in AssessmentStatus}
    ratings = {x.value: x for x in Rating}
    recommendations = {x.value: x for x in Recommendation}
    decisions = {x.value: x for x in Decision}
    categories = {x.value: x for x in ProductCategory}
    new_row = register_row_factory()
    rows: list[RegisterRow] = []
    append = rows.append
    stale_ids: list[int] = []     # assessment ids of out-of-date rows, with their rows below
    stale_rows: list[RegisterRow] = []
    # One object per distinct value, not per row: 130,000 rows repeat a few hundred dates, a few
    # dozen countries and completeness values (about 15 MB of duplicates at 100,000 vendors).
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    days: dict[Any, date | None] = {None: None}

    def day(text: Any) -> date | None:
        found = days.get(text, days)
        if found is days:
            found = days[text] = text if isinstance(text, date) else date.fromisoformat(text[:10])
        return found  # type: ignore[return-value]

    def emit(group: list[Any], vendor_name: str, country: str) -> None:
        """Append the row of one product (or vendor without products) from its lines."""
        first = group[0]
        vendor_id, product_id, product_name, category_value = first[0], first[3], first[4], first[5]
        expired, expiring = first[24], first[25]
        if product_id is None:
            append(new_row((vendor_id, vendor_name, country, None, "", None, None, None, None, None, None,
                            None, 0.0, 0, 0, expiring, expired, None, None, None, 0, None, None)))
            return
        category = categories.get(category_value)
        if first[6] is None:
            append(new_row((vendor_id, vendor_name, country, product_id, product_name, category, None,
                            None, None, None, None, None, 0.0, 0, 0, expiring, expired, None, None, None, 0,
                            None, None)))
            return
        if len(group) == 1:  # the common case: one assessment, nothing to compare
            latest = first
            last_decided = first if first[7] == decided else None
        else:
            # The latest is the last created (ids break ties); stored timestamps are compared
            # parsed, since text from different writers need not sort alike.
            latest = max(group, key=lambda line: (instant(line[23]), line[6]))
            done = [line for line in group if line[7] == decided]
            # day(): the decision date is text on SQLite but a date on PostgreSQL, where
            # ``date or ""`` compared a date with "" (TypeError) for a decision without a date.
            last_decided = max(done, key=lambda line: (day(line[11]) or date.min, line[6])) if done else None
        reassessment: tuple[int | None, AssessmentStatus | None] = (None, None)
        shown = latest
        if latest[7] != decided and last_decided is not None:
            shown, reassessment = last_decided, (latest[6], statuses[latest[7]])
        (aid, status, tier, override, decision, decision_date, next_review_due, updated_at,
         reason, score, rating, recommendation, completeness, open_flags, critical_flags,
         basis, valid_until) = shown[6:23]
        if status == decided:
            # A decision's snapshot is its record: never recomputed, only backfilled if missing.
            out_of_date = reason is None or reason == "live"
        else:
            out_of_date = (reason != "live" or aid in dirty or not same_instant(basis, updated_at)
                           or (valid_until is not None and day(valid_until) <= as_of))  # type: ignore[operator]
        if reason is None:
            score = rating_value = recommendation_value = None
            completeness, open_flags, critical_flags = 0.0, 0, 0
        else:
            rating_value, recommendation_value = ratings.get(rating), recommendations.get(recommendation)
            completeness, open_flags, critical_flags = float(completeness), int(open_flags), int(critical_flags)
            completeness = share(completeness, completeness)
            if score is not None:
                score = share(score, score)
        row = new_row((
            vendor_id, vendor_name, country, product_id, product_name, category, aid, statuses[status],
            override if override is not None else tier, score, rating_value, recommendation_value, completeness,
            open_flags, critical_flags, expiring, expired, day(next_review_due),
            decisions.get(decision) if decision else None, day(decision_date), len(group), *reassessment))
        append(row)
        if out_of_date:
            stale_ids.append(aid)
            stale_rows.append(row)

    # Lines of one vendor, and of one product, are adjacent (the query's nested-loop join).
    group: list[Any] = []
    key: tuple[Any, Any] | None = None
    vendor_key: Any = None
    vendor_name = country = ""
    for line in lines:
        line_key = (line[0], line[3])
        if line_key != key:
            if group:
                emit(group, vendor_name, country)
            if line[0] != vendor_key:
                # A vendor's name is one object for all its rows.
                vendor_key, vendor_name, country = line[0], line[1], share(line[2], line[2])
            group, key = [line], line_key
        else:
            group.append(line)
    if group:
        emit(group, vendor_name, country)
    del group, shared, days
    _sort_rows(rows)
    # Row indexes after the sort (rows are the same objects).
    if stale_rows:
        position = {id(row): i for i, row in enumerate(rows)}
        stale = {aid: position[id(row)] for aid, row in zip(stale_ids, stale_rows)}
    else:
        stale = {}
    return rows, stale


def _sort_rows(rows: list[RegisterRow]) -> None:
    """Vendors by name, then a vendor's products by name (ids break ties), in place.

    The order of ``sort(key=(vendor name, vendor id, has product, product name, product id))``,
    computed per vendor: a key tuple and two case-folded strings per row were the register's
    largest short-lived allocation at 100,000 vendors. Rows of one vendor are adjacent here.
    """
    starts: list[int] = []        # where each vendor's rows begin
    names: list[str] = []         # each vendor's case-folded name
    previous: Any = None
    for i, row in enumerate(rows):
        if row.vendor_id != previous:
            previous = row.vendor_id
            starts.append(i)
            names.append(row.vendor_name.casefold())
    starts.append(len(rows))
    order = sorted(range(len(names)), key=names.__getitem__)
    # Equal names: by vendor id (rare; a stable sort kept their order of appearance).
    i = 0
    while i < len(order) - 1:
        j = i + 1
        while j < len(order) and names[order[j]] == names[order[i]]:
            j += 1
        if j - i > 1:
            order[i:j] = sorted(order[i:j], key=lambda b: rows[starts[b]].vendor_id)
        i = j
    del names
    ordered: list[RegisterRow] = []
    extend = ordered.extend
    for block in order:
        begin, end = starts[block], starts[block + 1]
        if end - begin == 1:
            ordered.append(rows[begin])
        else:
            extend(sorted(rows[begin:end], key=lambda r: (r.product_id is not None, r.product_name.casefold(),
                                                          r.product_id or 0)))
    del order, starts
    rows[:] = ordered


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
            rows, stale = build_register_rows(reader.register_lines(as_of, soon, page), as_of)
    except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
        # Unexpected content (a damaged page, a value this code does not know): the normal
        # open decides what to say about the file.
        log.info("The light register read of %s failed (%s); opening it the normal way", path, exc)
        return None
    return LightRegister(Path(path), rows, stale, as_of, complete=page is None, vendor_total=total)
