"""The vendor register filtered, sorted, counted and paged in SQL (team mode at 100,000 vendors).

The local register (:mod:`trustframe.services.register_build`) reads every line and builds the
rows in Python; a team workspace on PostgreSQL with 100,000 vendors would then send 130,000 rows
to every officer on each refresh. Here the same rows are computed by the server, which filters,
sorts and sends one page at a time, plus the counts for the status bar.

The rows are those of :func:`build_register_rows`, column for column:

* one row per product, and one per vendor without products;
* the product's latest assessment (last created, ids break ties), except while it is undecided
  and an older one was decided: then the latest decided one (by decision date, then id) is
  shown and the open one is named as the reassessment;
* that assessment's latest score snapshot (stored scores: see :func:`stale_assessments`, the
  caller refreshes out-of-date snapshots first so that they equal the local path's scores);
* the vendor's evidence expired before the day and expiring up to ``soon``.

Filters and sort orders are the GUI's (``ui/models/register_model.py``): the search text is a
case-folded substring of "vendor product country category-label"; empty sort keys go last in
both directions; equal keys keep the register's own order (vendor name, vendor id, product
name, product id), reversed with the keys when descending. Text is compared by code point
(``COLLATE "C"`` on PostgreSQL), as Python compares strings.

The SQL runs on both engines (tests compare it with the local path on SQLite and PostgreSQL).
Case folding uses Python's ``str.casefold`` on SQLite (a function registered on the connection)
and ``lower()`` on PostgreSQL, which is the same for every letter except a few special cases
(German "ß" folds to "ss" in Python, stays "ß" on the server).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, bindparam, text
from sqlalchemy.orm import Session

from trustframe.storage.register_filters import (  # noqa: F401 (re-exported)
    NONE,
    RATING_ORDER,
    ROW_FIELDS,
    SORT_COLUMNS,
    STATUS_ORDER,
    RegisterCounts,
    RegisterQuery,
)

# The register's rows, before filters. Each product's assessments are ranked twice (latest
# created; latest decided) and picked in one grouped pass (a join of the ranking with itself
# was planned as a nested loop: minutes at 100,000 vendors); a grouped join (not a query per
# row) finds the latest snapshot,
# and evidence is counted per vendor once. Parameters: :as_of, :soon.
_ROWS_CTE_TEXT = """
pa AS (
  SELECT a.id, a.product_id, a.status,
         row_number() OVER (PARTITION BY a.product_id ORDER BY a.created_at DESC, a.id DESC) AS rl,
         row_number() OVER (PARTITION BY a.product_id
                            ORDER BY CASE WHEN a.status = 'decided' THEN 0 ELSE 1 END,
                                     CASE WHEN a.decision_date IS NULL THEN 1 ELSE 0 END,
                                     a.decision_date DESC, a.id DESC) AS rd,
         count(*) OVER (PARTITION BY a.product_id) AS n
  FROM assessments a{where_a}
),
grouped AS (
  SELECT product_id, max(n) AS n,
         max(CASE WHEN rl = 1 THEN id END) AS latest_id,
         max(CASE WHEN rl = 1 THEN status END) AS latest_status,
         max(CASE WHEN rd = 1 AND status = 'decided' THEN id END) AS decided_id
  FROM pa GROUP BY product_id
),
choice AS (
  SELECT product_id, n,
         CASE WHEN latest_status <> 'decided' AND decided_id IS NOT NULL THEN decided_id ELSE latest_id END AS shown_id,
         CASE WHEN latest_status <> 'decided' AND decided_id IS NOT NULL THEN latest_id END AS re_id,
         CASE WHEN latest_status <> 'decided' AND decided_id IS NOT NULL THEN latest_status END AS re_status
  FROM grouped
),
latest AS (
  SELECT assessment_id, max(id) AS id FROM score_snapshots{where_s} GROUP BY assessment_id
),
ev AS (
  SELECT vendor_id,
         sum(CASE WHEN expires_on < :as_of THEN 1 ELSE 0 END) AS expired,
         sum(CASE WHEN expires_on >= :as_of THEN 1 ELSE 0 END) AS expiring
  FROM evidence WHERE expires_on <= :soon{and_e} GROUP BY vendor_id
),
reg AS (
  SELECT v.id AS vendor_id, v.name AS vendor_name, v.country AS country, p.id AS product_id,
         COALESCE(p.name, '') AS product_name, p.category AS category, a.id AS assessment_id, a.status AS status,
         COALESCE(a.tier_override, a.tier) AS tier, s.overall_score AS score, s.rating AS rating,
         s.recommendation AS recommendation, COALESCE(s.completeness, 0) AS completeness,
         COALESCE(s.open_flags, 0) AS open_flags, COALESCE(s.critical_flags, 0) AS critical_flags,
         COALESCE(ev.expiring, 0) AS evidence_expiring, COALESCE(ev.expired, 0) AS evidence_expired,
         a.next_review_due AS next_review_due, a.decision AS decision, a.decision_date AS decided_on,
         COALESCE(c.n, 0) AS assessment_count, c.re_id AS reassessment_id, c.re_status AS reassessment_status
  FROM vendors v
  LEFT JOIN products p ON p.vendor_id = v.id
  LEFT JOIN choice c ON c.product_id = p.id
  LEFT JOIN assessments a ON a.id = c.shown_id
  LEFT JOIN latest ls ON ls.assessment_id = a.id
  LEFT JOIN score_snapshots s ON s.id = ls.id
  LEFT JOIN ev ON ev.vendor_id = v.id{where_v}
)
"""




def _rows_cte(vendor_ids: Sequence[int] | None = None) -> str:
    """The ``reg`` CTE, for every vendor or (``vendor_ids``) for these vendors only: then every
    part is an index lookup, a few milliseconds for a page's vendors."""
    if vendor_ids is None:
        return _ROWS_CTE_TEXT.format(where_a="", where_s="", and_e="", where_v="")
    ids = ",".join(str(int(i)) for i in vendor_ids) or "NULL"  # integers only: safe to inline
    return _ROWS_CTE_TEXT.format(
        where_a=f" WHERE a.vendor_id IN ({ids})",
        where_s=f" WHERE assessment_id IN (SELECT id FROM assessments WHERE vendor_id IN ({ids}))",
        and_e=f" AND vendor_id IN ({ids})", where_v=f" WHERE v.id IN ({ids})")


#: Vendors and products alone: what search text and the vendor, product and category sorts need.
#: Pages in those orders are chosen here and only their rows are computed (``reg`` for their
#: vendors), so the first screen does not wait for 130,000 rows to be computed.
_BASE_CTE = """
base AS (
  SELECT v.id AS vendor_id, v.name AS vendor_name, v.country AS country, p.id AS product_id,
         COALESCE(p.name, '') AS product_name, p.category AS category
  FROM vendors v LEFT JOIN products p ON p.vendor_id = v.id
)
"""

#: The temporary table holding every row of the register for one connection (:func:`build_cache`).
CACHE_TABLE = "tf_register_cache"


class _Sql:
    """The dialect's spelling of what differs between SQLite and PostgreSQL."""

    def __init__(self, session: Session, cached: bool = False) -> None:
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.cached = cached
        if not self.postgres:
            _register_fold(session)

    def folded(self, column: str) -> str:
        """A text column case-folded (stored so in the cache, computed otherwise)."""
        if self.cached:
            return {"vendor_name": "vendor_fold", "product_name": "product_fold"}[column]
        return self.fold(column)

    def folded_text(self) -> str:
        """"vendor product country", case-folded: most of the search haystack."""
        return "text_fold" if self.cached else self.fold("vendor_name || ' ' || product_name || ' ' || country")

    def fold(self, expr: str) -> str:
        return f"lower({expr})" if self.postgres else f"tf_casefold({expr})"

    def bytewise(self, expr: str) -> str:
        """Compare text by code point (UTF-8 bytes), as Python does."""
        return f'({expr}) COLLATE "C"' if self.postgres else expr

    def contains(self, haystack: str, needle: str) -> str:
        return f"strpos({haystack}, {needle}) > 0" if self.postgres else f"instr({haystack}, {needle}) > 0"


def _register_fold(session: Session) -> None:
    """SQLite: ``tf_casefold(text)``, Python's ``str.casefold``, on this session's connection."""
    raw = session.connection().connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        raw.create_function("tf_casefold", 1, lambda s: s.casefold() if isinstance(s, str) else s,
                            deterministic=True)


def _case(expr: str, values: Sequence[str]) -> str:
    """``CASE expr WHEN 'a' THEN 0 ...`` ranking ``values`` (constants of this module only)."""
    whens = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values))
    return f"CASE {expr} {whens} END"


def _where(query: RegisterQuery, sql: _Sql, params: dict[str, Any], labels: Mapping[str, str]) -> str:
    """The filters as a condition on ``reg`` (parameters added to ``params``)."""
    parts: list[str] = []
    if query.rating is not None:
        if query.rating == NONE:
            parts.append(f"({_case('rating', RATING_ORDER)}) IS NULL")
        else:
            parts.append("rating = :f_rating")
            params["f_rating"] = str(query.rating)
    if query.tier is not None:
        parts.append("tier = :f_tier")
        params["f_tier"] = int(query.tier)
    if query.status is not None:
        if query.status == NONE:
            parts.append("status IS NULL")
        else:
            parts.append("(status = :f_status OR reassessment_status = :f_status)")
            params["f_status"] = str(query.status)
    if query.overdue_only:
        parts.append("next_review_due IS NOT NULL AND next_review_due < :as_of")
    if query.text:
        # The GUI's haystack: "vendor product country label", case-folded. Labels (translated
        # by the GUI) arrive folded already; unknown categories have none, as in the GUI.
        whens = []
        for i, (value, label) in enumerate(sorted(labels.items())):
            params[f"c_value{i}"], params[f"c_label{i}"] = value, label.casefold()
            whens.append(f"WHEN :c_value{i} THEN :c_label{i}")
        label_expr = f"CASE category {' '.join(whens)} ELSE '' END" if whens else "''"
        haystack = f"{sql.folded_text()} || ' ' || {label_expr}"
        parts.append(sql.contains(f"({haystack})", ":f_text"))
        params["f_text"] = query.text.casefold()
    return " AND ".join(f"({p})" for p in parts) if parts else "1 = 1"


def _order_by(query: RegisterQuery, sql: _Sql) -> str:
    """ORDER BY of the GUI's sort: keys, empty keys last, ties in the register's own order."""
    tie = [sql.bytewise(sql.folded("vendor_name")), "vendor_id", "CASE WHEN product_id IS NULL THEN 0 ELSE 1 END",
           sql.bytewise(sql.folded("product_name")), "COALESCE(product_id, 0)"]
    keys: list[str] = {
        "vendor": [sql.bytewise(sql.folded("vendor_name"))],
        "product": [sql.bytewise(f"NULLIF({sql.folded('product_name')}, '')")],
        "category": [sql.bytewise("category")],
        "rating": [_case("rating", RATING_ORDER)],
        "tier": ["tier"],
        "score": ["score"],
        "flags": ["critical_flags", "open_flags"],
        "status": [_case("status", STATUS_ORDER)],
        "evidence": ["NULLIF(evidence_expiring + evidence_expired, 0)"],
        "next_review": ["next_review_due"],
    }[query.sort if query.sort in SORT_COLUMNS else "vendor"]
    # Every key of a column is empty together (or never): the first decides "empty". Vendor
    # names are never empty: without the test, the cache's index gives that order directly.
    empty = f"CASE WHEN {keys[0]} IS NULL THEN 1 ELSE 0 END"
    if query.sort == "vendor":
        return ", ".join([f"{k} DESC" for k in keys] + [f"{t} DESC" for t in tie]) if query.descending \
            else ", ".join([*keys, *tie])
    if not query.descending:
        return ", ".join([empty, *keys, *tie])
    # Descending: the ascending order of the rows with a key, reversed (ties too); the rows
    # without one after them in the register's order. The reversed tie-break is wrapped so it
    # is constant (NULL) for the empty rows, whatever each engine does with NULLs.
    reversed_tie = [f"CASE WHEN {keys[0]} IS NOT NULL THEN {t} END DESC" for t in tie]
    return ", ".join([empty, *(f"{k} DESC" for k in keys), *reversed_tie, *tie])


def cheap(query: RegisterQuery) -> bool:
    """Whether ``query`` filters and sorts on vendors and products alone (see ``_BASE_CTE``)."""
    return (query.rating is None and query.tier is None and query.status is None and not query.overdue_only
            and query.sort in ("vendor", "product", "category"))


def _run(session: Session, sql_text: str, params: dict[str, Any], as_of: date, soon: date) -> Any:
    """Execute with the day parameters bound typed (ISO text on SQLite, dates on PostgreSQL),
    only those the statement uses."""
    binds = [bindparam(name, value, type_=Date) for name, value in (("as_of", as_of), ("soon", soon))
             if f":{name}" in sql_text]
    return session.execute(text(sql_text).bindparams(*binds), params)


def _source(query: RegisterQuery, cached: bool) -> tuple[str, str]:
    """(WITH clause, relation) the rows of ``query`` are read from."""
    if cached:
        return "", CACHE_TABLE
    if cheap(query):
        return f"WITH {_BASE_CTE}", "base"
    return f"WITH {_rows_cte()}", "reg"


def register_page(session: Session, query: RegisterQuery, as_of: date, soon: date, offset: int, limit: int,
                  category_labels: Mapping[str, str] | None = None, cached: bool = False,
                  recompute: bool = False) -> list[tuple[Any, ...]]:
    """Rows ``offset`` to ``offset + limit`` of the register as ``query`` filters and sorts it,
    each a tuple of :data:`ROW_FIELDS` with the stored values (dates as ``date`` or ISO text).

    ``cached``: read the rows from this connection's :func:`build_cache` table. Otherwise a
    :func:`cheap` query picks the page's rows from vendors and products and computes only those;
    any other computes the whole register on the server (seconds at 100,000 vendors: cache it).
    ``recompute`` (with ``cached``, while the cache is out of date and refilled): the page's rows
    are chosen from the cache but computed anew for their vendors, so what they show is exact
    (which rows and their order follow the cache)."""
    sql = _Sql(session, cached)
    params: dict[str, Any] = {"limit": int(limit), "offset": int(offset)}
    where = _where(query, sql, params, category_labels or {})
    order = _order_by(query, sql)
    with_clause, relation = _source(query, cached)
    if relation != "base" and not (cached and recompute):
        return [tuple(r) for r in _run(session, f"{with_clause} SELECT {', '.join(ROW_FIELDS)} FROM {relation} "
                                                f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset",
                                       params, as_of, soon)]
    keys = [(int(v), p) for v, p in _run(session, f"{with_clause} SELECT vendor_id, product_id FROM {relation} "
                                                   f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset",
                                          params, as_of, soon)]
    if not keys:
        return []
    vendors = sorted({v for v, _ in keys})
    rows = {(r[0], r[3]): tuple(r) for r in _run(
        session, f"WITH {_rows_cte(vendors)} SELECT {', '.join(ROW_FIELDS)} FROM reg", {}, as_of, soon)}
    return [rows[key] for key in keys if key in rows]


def register_counts(session: Session, query: RegisterQuery, as_of: date, soon: date,
                    category_labels: Mapping[str, str] | None = None, cached: bool = False) -> RegisterCounts:
    """Rows passing ``query``'s filters, rows in all, vendors and products in all (one query)."""
    sql = _Sql(session, cached)
    params: dict[str, Any] = {}
    where = _where(query, sql, params, category_labels or {})
    with_clause, relation = _source(query, cached)
    visible, total, vendors, products = _run(
        session, f"{with_clause} SELECT sum(CASE WHEN {where} THEN 1 ELSE 0 END), count(*), "
                 f"count(DISTINCT vendor_id), count(product_id) FROM {relation}", params, as_of, soon).one()
    return RegisterCounts(int(visible or 0), int(total), int(vendors), int(products))


def register_position(session: Session, query: RegisterQuery, as_of: date, soon: date,
                      keys: Sequence[tuple[int, int | None]], category_labels: Mapping[str, str] | None = None,
                      cached: bool = False) -> dict[tuple[int, int | None], int]:
    """Where the rows with these (vendor id, product id) keys stand in ``query``'s order (0-based),
    for rows that pass its filters: keeps a selection across a refresh or a filter change."""
    if not keys:
        return {}
    sql = _Sql(session, cached)
    params: dict[str, Any] = {}
    where = _where(query, sql, params, category_labels or {})
    wanted = []
    for i, (vendor_id, product_id) in enumerate(keys):
        params[f"k_v{i}"], params[f"k_p{i}"] = int(vendor_id), int(product_id or 0)
        wanted.append(f"(vendor_id = :k_v{i} AND COALESCE(product_id, 0) = :k_p{i})")
    with_clause, relation = _source(query, cached)
    ranked = (f"ranked AS (SELECT vendor_id, product_id, row_number() OVER (ORDER BY {_order_by(query, sql)}) - 1 "
              f"AS position FROM {relation} WHERE {where})")
    with_clause = f"{with_clause}, {ranked}" if with_clause else f"WITH {ranked}"
    result = _run(session, f"{with_clause} SELECT vendor_id, product_id, position FROM ranked "
                           f"WHERE {' OR '.join(wanted)}", params, as_of, soon)
    return {(int(v), int(p) if p is not None else None): int(n) for v, p, n in result}


def _cache_select(sql: _Sql, vendor_ids: Sequence[int] | None = None) -> str:
    """The cache's rows (every vendor's, or ``vendor_ids``'): the register's columns and the
    case-folded ones the filters and the order read."""
    return (f"WITH {_rows_cte(vendor_ids)} SELECT {', '.join(ROW_FIELDS)}, "
            f"{sql.fold('vendor_name')} AS vendor_fold, {sql.fold('product_name')} AS product_fold, "
            f"{sql.folded_text()} AS text_fold FROM reg")


def build_cache(session: Session, as_of: date, soon: date) -> None:
    """Compute every row of the register once into a temporary table of this session's
    connection (:data:`CACHE_TABLE`, replaced if there), so that filters and sorts on computed
    columns (rating, score, status...) scan 130,000 stored rows instead of computing them again.
    The table is private to the connection and vanishes with it; the caller commits."""
    session.execute(text(f"DROP TABLE IF EXISTS {CACHE_TABLE}"))
    sql = _Sql(session)
    _run(session, f"CREATE TEMPORARY TABLE {CACHE_TABLE} AS {_cache_select(sql)}", {}, as_of, soon)
    # The register's own order (the first screen, and every filter shown by vendor) read in
    # index order instead of sorting 130,000 rows per page; by vendor id for refresh_cache_rows.
    session.execute(text(f"CREATE INDEX {CACHE_TABLE}_order ON {CACHE_TABLE} "
                         f"({sql.bytewise('vendor_fold')}, vendor_id)"))
    session.execute(text(f"CREATE INDEX {CACHE_TABLE}_vendor ON {CACHE_TABLE} (vendor_id)"))
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"ANALYZE {CACHE_TABLE}"))


def refresh_cache_rows(session: Session, vendor_ids: Sequence[int], as_of: date, soon: date) -> None:
    """Replace the cached rows of these vendors by their rows computed now (a changed, added or
    deleted vendor, product, assessment, answer or piece of evidence changes its vendor's rows
    only): one DELETE and one INSERT, each an index lookup. The caller commits."""
    if not vendor_ids:
        return
    sql = _Sql(session)
    ids = ",".join(str(int(i)) for i in sorted(set(vendor_ids)))  # integers only: safe to inline
    session.execute(text(f"DELETE FROM {CACHE_TABLE} WHERE vendor_id IN ({ids})"))
    columns = ", ".join([*ROW_FIELDS, "vendor_fold", "product_fold", "text_fold"])
    _run(session, f"INSERT INTO {CACHE_TABLE} ({columns}) {_cache_select(sql, vendor_ids)}", {}, as_of, soon)


def vendors_of(session: Session, products: Sequence[int] = (), assessments: Sequence[int] = (),
               evidence: Sequence[int] = (), cached: bool = False) -> set[int] | None:
    """The vendors whose register rows these products, assessments and pieces of evidence
    belong to, or None when one of them cannot be found (deleted: its vendor is unknown).
    ``cached``: deleted products and shown assessments are also looked up in the cache."""
    found: set[int] = set()
    for table, ids, cache_columns in (("products", products, ("product_id",)),
                                      ("assessments", assessments, ("assessment_id", "reassessment_id")),
                                      ("evidence", evidence, ())):
        wanted = sorted({int(i) for i in ids})
        if not wanted:
            continue
        inline = ",".join(str(i) for i in wanted)  # integers only: safe to inline
        rows = [(int(k), int(v)) for k, v in session.execute(
            text(f"SELECT id, vendor_id FROM {table} WHERE id IN ({inline})"))]
        missing = ",".join(str(i) for i in sorted(set(wanted) - {k for k, _ in rows}))
        if cached and missing:  # deleted since: the cache still knows whose it was
            for cache_column in cache_columns:
                rows += [(int(k), int(v)) for k, v in session.execute(text(
                    f"SELECT {cache_column}, vendor_id FROM {CACHE_TABLE} WHERE {cache_column} IN ({missing})"))]
        if {k for k, _ in rows} != set(wanted):
            return None
        found |= {v for _, v in rows}
    return found


def stale_assessments(session: Session, as_of: date, vendor_ids: Sequence[int] | None = None) -> list[int]:
    """The shown assessments whose stored snapshot is out of date (as ``build_register_rows``
    judges it): decided ones without a decision snapshot, undecided ones without a live snapshot
    computed from their current ``updated_at`` or whose snapshot's validity has ended. Re-scoring
    them first makes the server's rows equal to the local path's. ``vendor_ids``: of these
    vendors only (index lookups)."""
    ids = ",".join(str(int(i)) for i in vendor_ids or ()) or "NULL"  # integers only: safe to inline
    where_s = "" if vendor_ids is None else \
        f" WHERE assessment_id IN (SELECT id FROM assessments WHERE vendor_id IN ({ids}))"
    statement = text(
        f"WITH {_rows_cte(vendor_ids).split('latest AS (')[0]}"
        f"latest AS (SELECT assessment_id, max(id) AS id FROM score_snapshots{where_s} GROUP BY assessment_id) "
        "SELECT a.id FROM choice JOIN assessments a ON a.id = choice.shown_id "
        "LEFT JOIN latest ls ON ls.assessment_id = a.id LEFT JOIN score_snapshots s ON s.id = ls.id "
        "WHERE CASE WHEN a.status = 'decided' THEN (s.reason IS NULL OR s.reason = 'live') "
        "ELSE (s.reason IS NULL OR s.reason <> 'live' OR s.basis_updated_at IS NULL "
        "      OR s.basis_updated_at <> a.updated_at OR (s.valid_until IS NOT NULL AND s.valid_until <= :as_of)) END "
        "ORDER BY a.id").bindparams(bindparam("as_of", as_of, type_=Date))
    return [int(r[0]) for r in session.execute(statement)]
