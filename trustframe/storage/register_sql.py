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
#: subquery joined instead was re-run per row, minutes at 10,000 vendors). Parameters: as-of day
#: (twice) and the last day counted as "expiring soon", all ISO text.
REGISTER_SQL = """
SELECT v.id, v.name, v.country, p.id, p.name, p.category,
       a.id, a.status, a.tier, a.tier_override, a.decision, a.decision_date, a.next_review_due, a.updated_at,
       s.reason, s.overall_score, s.rating, s.recommendation, s.completeness, s.open_flags, s.critical_flags,
       s.basis_updated_at, s.valid_until, a.created_at,
       -- Dates are stored as ISO text, so comparing the text compares the days.
       (SELECT count(*) FROM evidence e WHERE e.vendor_id = v.id AND e.expires_on < ?1),
       (SELECT count(*) FROM evidence e WHERE e.vendor_id = v.id AND e.expires_on >= ?2 AND e.expires_on <= ?3)
FROM vendors v
LEFT JOIN products p ON p.vendor_id = v.id
LEFT JOIN assessments a ON a.product_id = p.id
LEFT JOIN score_snapshots s ON s.id = (SELECT max(id) FROM score_snapshots WHERE assessment_id = a.id)
"""


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
