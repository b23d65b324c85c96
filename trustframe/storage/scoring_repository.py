"""Bulk reads and writes for scoring: the inputs of many assessments at once, score snapshots,
and the columns of the vendor register.

Kept apart from :mod:`trustframe.storage.repositories` because these queries are shaped for
volume (10,000 assessments of 200 answers): they select columns, never ORM objects, and the
hottest one (answers) runs on the driver directly with a fast path for the JSON values.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypedDict

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from trustframe.domain.assessment import FlagAcceptance
from trustframe.domain.evidence import Evidence
from trustframe.storage.evidence_facts import attach_facts
from trustframe.storage.orm import (
    AnswerEvidenceRow,
    AnswerRow,
    AssessmentRow,
    EvidenceRow,
    FlagAcceptanceRow,
    ProductRow,
    ScoreSnapshotRow,
)

# The register's SQL and timestamp helpers live in a module without SQLAlchemy, so that the GUI's
# start-up (storage/light.py) runs the very same query; re-exported here for the services.
from trustframe.storage.register_sql import REGISTER_SQL as _REGISTER_SQL
from trustframe.storage.repositories import evidence_from_row


class SnapshotValues(TypedDict):
    """One ``score_snapshots`` row for :meth:`ScoringRepository.add_snapshots`, by column name."""

    assessment_id: int | None
    as_of: date
    created_at: datetime
    reason: str                     # "live", "decision" or "backfill"
    profile_id: str
    questionnaire_key: str
    overall_score: float | None
    rating: str
    recommendation: str
    tier: int | None
    completeness: float
    open_flags: int
    critical_flags: int
    payload: dict[str, Any]         # the score as JSON (compact for live snapshots)
    basis_updated_at: datetime | None
    valid_until: date | None
    profile_version: str | None

#: Snapshot reasons that record a decision (never recomputed).
DECISION_REASONS = ("decision", "backfill")


@dataclass(frozen=True)
class AssessmentInputs:
    """What scoring needs about one assessment besides its answers."""

    id: int
    questionnaire_id: str
    questionnaire_version: str
    category: str | None
    tier: int | None              # effective tier (override wins)
    scope_added: tuple[str, ...]
    scope_removed: tuple[str, ...]
    status: str
    updated_at: datetime
    decision_date: date | None
    answers: dict[str, Any]         # or its JSON text when loaded with ``answers_as_text``
    evidence: dict[str, list[Evidence]]
    accepted: dict[str, FlagAcceptance]
    #: Questions whose "not applicable" answer a reviewer accepted (rule 3 of docs/scoring.md).
    na_accepted: frozenset[str] = frozenset()
    #: Regulatory overlays applied, ``((id, version), ...)`` (0011).
    overlays: tuple[tuple[str, str], ...] = ()
    #: The scoring-profile version the assessment is pinned to (None: the newest).
    profile_version: str | None = None


def _decode(text: Any) -> Any:
    """JSON text of an answer value; most are short option ids, decoded without json.loads."""
    if text is None:
        return None
    if not isinstance(text, str):  # JSON numbers come back as numbers (the column has NUMERIC affinity)
        return text
    if len(text) > 1 and text[0] == '"' and text[-1] == '"' and "\\" not in text:
        return text[1:-1]
    return json.loads(text)


class ScoringRepository:
    """Bulk queries for the scoring service."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def assessment_ids(self) -> list[int]:
        """Every assessment id, ascending."""
        return list(self.session.scalars(select(AssessmentRow.id).order_by(AssessmentRow.id)).all())

    def inputs(self, ids: Sequence[int], answers_as_text: bool = False) -> list[AssessmentInputs]:
        """Scoring inputs of ``ids`` (at most a few thousand per call) in five queries.

        With ``answers_as_text`` each assessment's ``answers`` may be left as the JSON object
        text SQLite assembled (decode it with ``json.loads``): a bulk re-score sends it to a
        worker process as one string, which is far cheaper to pass than 180 decoded values."""
        if not ids:
            return []
        ids = list(ids)
        rows = self.session.execute(
            select(AssessmentRow.id, AssessmentRow.questionnaire_id, AssessmentRow.questionnaire_version,
                   ProductRow.category, AssessmentRow.tier, AssessmentRow.tier_override, AssessmentRow.scope_added,
                   AssessmentRow.scope_removed, AssessmentRow.status, AssessmentRow.updated_at,
                   AssessmentRow.decision_date, AssessmentRow.overlays, AssessmentRow.scoring_profile_version)
            .join(ProductRow, AssessmentRow.product_id == ProductRow.id)
            .where(AssessmentRow.id.in_(ids))).all()
        answers = self._answers(ids, decode=not answers_as_text)
        # About 30-60 links per assessment: plain tuples from the driver, as for the answers.
        marks = ",".join("?" * len(ids))
        link_rows = self._raw(f"SELECT assessment_id, question_id, evidence_id FROM {AnswerEvidenceRow.__tablename__} "
                              f"WHERE assessment_id IN ({marks}) ORDER BY evidence_id", ids)
        evidence: dict[int, Evidence] = {}
        for chunk in _chunks(sorted({eid for _, _, eid in link_rows}), 900):
            for row in self.session.scalars(select(EvidenceRow).where(EvidenceRow.id.in_(chunk))):
                evidence[row.id] = evidence_from_row(row)
        attach_facts(self.session, evidence)  # SBOM/VEX facts feed the evidence findings
        # Evidence lists per question in ascending evidence id (the rows come ordered so).
        linked: dict[int, dict[str, list[Evidence]]] = {}
        for aid, qid, eid in link_rows:
            item = evidence.get(eid)
            if item is None:
                continue
            by_question = linked.get(aid)
            if by_question is None:
                linked[aid] = {qid: [item]}
            elif qid in by_question:
                by_question[qid].append(item)
            else:
                by_question[qid] = [item]
        accepted: dict[int, dict[str, FlagAcceptance]] = {}
        for fa in self.session.scalars(select(FlagAcceptanceRow).where(FlagAcceptanceRow.assessment_id.in_(ids))):
            accepted.setdefault(fa.assessment_id, {})[fa.flag_id] = FlagAcceptance(
                fa.flag_id, fa.reason, fa.accepted_by, fa.accepted_at)
        na_accepted: dict[int, set[str]] = {}
        for aid, qid in self._raw(f"SELECT assessment_id, question_id FROM answers WHERE assessment_id IN ({marks}) "
                                  "AND na_accepted_reason IS NOT NULL AND na_accepted_reason != ''", ids):
            na_accepted.setdefault(aid, set()).add(qid)
        out = []
        for (aid, qn_id, qn_version, category, tier, override, added, removed, status, updated_at,
             decision_date, overlays, profile_version) in rows:
            out.append(AssessmentInputs(
                aid, qn_id, qn_version, category, override if override is not None else tier, tuple(added or ()),
                tuple(removed or ()), status, updated_at, decision_date, answers[aid], linked.get(aid, {}),
                accepted.get(aid, {}), frozenset(na_accepted.get(aid, ())),
                tuple((str(o.get("id", "")), str(o.get("version", ""))) for o in overlays or [] if isinstance(o, dict)),
                profile_version))
        return out

    def _answers(self, ids: list[int], decode: bool = True) -> dict[int, Any]:
        """The stored answer values of ``ids`` (question id -> decoded JSON value; unset and null
        values left out), on the driver's own cursor. ``decode=False`` may leave an
        assessment's answers as one JSON object text (see :meth:`inputs`).

        The hot path of bulk scoring (about 180 rows per assessment). SQLite's JSON functions
        assemble each assessment's values into one JSON object, so Python fetches one row and
        makes one C-level ``json.loads`` per assessment instead of fetching and decoding 180
        rows one by one (measured about twice as fast, results identical). SQLite builds without the JSON
        functions (before 3.38 they were optional) fall back to the row-by-row read.
        """
        answers: dict[int, dict[str, Any]] = {aid: {} for aid in ids}
        if self.session.get_bind().dialect.name != "sqlite":
            # Team mode (PostgreSQL): the driver decodes JSON columns itself; read the rows.
            for aid, qid, value in self.session.execute(
                    select(AnswerRow.assessment_id, AnswerRow.question_id, AnswerRow.value)
                    .where(AnswerRow.assessment_id.in_(ids))):
                if value is not None:
                    answers[aid][qid] = value
            return answers  # decoded either way: "may leave as text" (see above)
        marks = ",".join("?" * len(ids))
        cursor = self.session.connection().connection.cursor()
        try:
            try:
                cursor.execute(
                    "SELECT assessment_id, json_group_object(question_id, json(value)) FROM answers "
                    f"WHERE assessment_id IN ({marks}) AND value IS NOT NULL AND value != 'null' "
                    "GROUP BY assessment_id", tuple(ids))
                grouped = cursor.fetchall()
            except sqlite3.OperationalError:
                grouped = None  # no JSON functions (or a malformed value: the row read reports it)
            if grouped is not None:
                loads = json.loads
                for aid, text in grouped:
                    answers[aid] = loads(text) if decode else text
                return answers
            cursor.execute(f"SELECT assessment_id, question_id, value FROM answers WHERE assessment_id IN ({marks})",
                           tuple(ids))
            fetched = cursor.fetchall()
        finally:
            cursor.close()
        for aid, qid, text in fetched:
            if text is not None and text != "null":
                answers[aid][qid] = _decode(text)
        return answers

    def with_decision_snapshot(self, ids: Sequence[int]) -> set[int]:
        """Which of ``ids`` already have a decision (or backfill) snapshot."""
        return set(self.session.scalars(select(ScoreSnapshotRow.assessment_id).where(
            ScoreSnapshotRow.assessment_id.in_(list(ids)), ScoreSnapshotRow.reason.in_(DECISION_REASONS))).all())

    def delete_live(self, ids: Iterable[int]) -> None:
        """Remove the live snapshots of ``ids``."""
        self.session.execute(delete(ScoreSnapshotRow).where(ScoreSnapshotRow.reason == "live",
                                                            ScoreSnapshotRow.assessment_id.in_(list(ids))))

    def add_snapshots(self, values: Sequence[SnapshotValues]) -> None:
        """Insert snapshot rows (column name -> value) in one statement."""
        if values:
            self.session.execute(insert(ScoreSnapshotRow), values)

    def decision_payload(self, assessment_id: int) -> dict[str, Any] | None:
        """The payload of the latest decision (or backfill) snapshot."""
        row = self.session.scalars(select(ScoreSnapshotRow).where(
            ScoreSnapshotRow.assessment_id == assessment_id, ScoreSnapshotRow.reason.in_(DECISION_REASONS))
            .order_by(ScoreSnapshotRow.id.desc())).first()
        return dict(row.payload) if row is not None else None

    # -- register ------------------------------------------------------------------------------

    # Register reads run on the driver's own cursor and return plain tuples: at 10,000 vendors
    # SQLAlchemy's per-row result processing (Row objects, a regex per date and timestamp)
    # cost more than the queries themselves. Dates that the register shows are parsed with
    # ``date.fromisoformat``; timestamps that are only compared stay as their stored text
    # (see :func:`same_instant`).

    def _raw(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        cursor = self.session.connection().connection.cursor()
        if self.session.get_bind().dialect.name != "sqlite":
            # Team mode (PostgreSQL): psycopg's placeholder is %s (these statements hold no "?"
            # or "%" other than their placeholders).
            sql = sql.replace("?", "%s")
        try:
            cursor.execute(sql, tuple(params))
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def latest_ratings(self) -> dict[int, tuple[str, str, str, str, str]]:
        """The latest stored score of every assessment: assessment id -> (reason, rating,
        recommendation, profile_id, profile_version). For comparing against a re-score."""
        rows = self._raw(
            "SELECT assessment_id, reason, rating, recommendation, profile_id, profile_version FROM score_snapshots "
            "WHERE id IN (SELECT max(id) FROM score_snapshots GROUP BY assessment_id)")
        return {r[0]: (r[1], r[2], r[3], r[4] or "", r[5] or "") for r in rows}

    def register_lines(self, as_of: date, soon: date) -> Iterator[tuple[Any, ...]]:
        """Every vendor x product x assessment with the assessment's latest snapshot, streamed
        from one query (no ORM objects, no intermediate lists: at 100,000 vendors the separate
        per-table lists and dictionaries doubled the register's peak memory). Lines of one
        vendor and of one product are adjacent. Each line:

        (vendor_id, vendor_name, country, product_id, product_name, category, assessment_id,
        status, tier (the override if any), decision, decision_date, next_review_due, updated_at,
        snapshot_reason, overall, rating, recommendation, completeness, open_flags,
        critical_flags, basis_updated_at, valid_until, created_at, evidence)

        ``evidence`` packs the vendor's evidence expired before ``as_of`` and expiring from
        ``as_of`` to ``soon`` into one number (counted per line by index, not kept in a
        dictionary; :func:`trustframe.storage.register_sql.evidence_counts` unpacks it).

        Dates and timestamps are the stored text (parse only what is shown:
        :func:`trustframe.storage.register_sql.day`).
        """
        cursor = self.session.connection().connection.cursor()
        cursor.arraysize = 2000
        try:
            if self.session.get_bind().dialect.name == "sqlite":
                cursor.execute(_REGISTER_SQL, (as_of.isoformat(), soon.isoformat()))
            else:
                # Team mode (PostgreSQL): real date columns, the driver's placeholders; the
                # lines then hold date/datetime values, which _day() and instant() accept.
                # PostgreSQL hash-joins the register once it has statistics, returning lines in
                # heap (creation) order: a reassessment created later was then not adjacent to
                # its product's other lines and showed as a second row. The ORDER BY restores
                # the adjacency SQLite's nested-loop join gives (SQLite keeps its plan: unsorted).
                cursor.execute(_REGISTER_SQL.replace("?1", "%s").replace("?2", "%s") + " ORDER BY v.id, p.id",
                               (as_of, soon))
            while True:
                batch = cursor.fetchmany()
                if not batch:
                    return
                yield from batch
        finally:
            cursor.close()


def _chunks(items: Sequence[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])
