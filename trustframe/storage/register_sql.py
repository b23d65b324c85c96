"""The vendor register's query and the parsing of its stored dates, with the standard library only.

Shared by the service path (:meth:`ScoringRepository.register_lines`, on SQLAlchemy's driver
connection) and the GUI's start-up path (:func:`trustframe.storage.light.open_reader`, on a plain
read-only ``sqlite3`` connection): one query text, so the two can never read different rows.
Importing this module must stay cheap (no SQLAlchemy): the window shows before SQLAlchemy loads.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

#: The register's lines, one per vendor x product x assessment with the assessment's latest
#: snapshot (columns listed in :meth:`ScoringRepository.register_lines`). A nested-loop join on
#: the foreign-key indexes; the latest snapshot is an index lookup per assessment (a grouped
#: subquery joined instead was re-run per row, minutes at 10,000 vendors). Parameters: the as-of
#: day and the last day counted as "expiring soon", ISO text.
#:
#: The vendor's evidence counts come from one pass over its evidence, packed into one number,
#: ``expired * EVIDENCE_PACK + expiring`` (:func:`evidence_counts` unpacks it): two counting
#: subqueries were a third of the query's time at 100,000 vendors. NULL when it has none.
#: The effective tier (``tier_override``, else ``tier``) is chosen here, one column fewer.
REGISTER_SQL = """
SELECT v.id, v.name, v.country, p.id, p.name, p.category,
       a.id, a.status, coalesce(a.tier_override, a.tier), a.decision, a.decision_date, a.next_review_due,
       a.updated_at, s.reason, s.overall_score, s.rating, s.recommendation, s.completeness, s.open_flags,
       s.critical_flags, s.basis_updated_at, s.valid_until, a.created_at,
       -- Dates are stored as ISO text, so comparing the text compares the days.
       (SELECT sum(CASE WHEN e.expires_on < ?1 THEN 16777216 WHEN e.expires_on <= ?2 THEN 1 ELSE 0 END)
        FROM evidence e WHERE e.vendor_id = v.id)
FROM vendors v
LEFT JOIN products p ON p.vendor_id = v.id
LEFT JOIN assessments a ON a.product_id = p.id
LEFT JOIN score_snapshots s ON s.id = (SELECT max(id) FROM score_snapshots WHERE assessment_id = a.id)
"""


#: The factor of the expired count in the packed evidence column (2**24: a vendor would need
#: 16.7 million evidence items expiring soon for the counts to mix).
EVIDENCE_PACK = 16777216


def evidence_counts(packed: Any) -> tuple[int, int]:
    """(expired, expiring soon) from the register query's packed evidence column."""
    if not packed:
        return 0, 0
    expired, expiring = divmod(int(packed), EVIDENCE_PACK)
    return expired, expiring


def day(text: Any) -> date | None:
    """A stored date column (ISO text) as a ``date``."""
    if text is None or isinstance(text, date):
        return text
    return date.fromisoformat(text[:10])


def instant(text: Any) -> datetime | None:
    """A stored timestamp column (ISO text, with or without microseconds) as a ``datetime``."""
    if text is None or isinstance(text, datetime):
        return text
    return datetime.fromisoformat(text)


def same_instant(a: Any, b: Any) -> bool:
    """Whether two stored timestamps are the same moment. Equal text is the fast path; text
    written by different code ("12:00:00" vs "12:00:00.000000") is compared parsed."""
    return a == b or (a is not None and b is not None and instant(a) == instant(b))
