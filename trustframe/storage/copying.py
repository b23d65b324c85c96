"""Copying a whole workspace between engines (SQLite file <-> PostgreSQL database).

Used by ``trustframe workspace copy SRC DST`` to move a team's file onto the server (and back,
or to take a snapshot). Every table is copied row by row through the ORM's table definitions, so
types are converted by each engine's own rules (JSON, dates, booleans, evidence file content).
The destination must be a new or empty workspace; the copy is one transaction there, so a failed
copy leaves it empty. Counts of every table, and the SHA-256 of every evidence file, are
verified in the destination before that transaction commits.

The workspace's identity (its id, which exported workbooks carry) and the workbook seal key are
carried over, so workbooks sent from the original are still accepted by the copy.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from trustframe.errors import WorkspaceError
from trustframe.storage.database import Workspace
from trustframe.storage.orm import Base

#: Rows sent to the destination per INSERT.
BATCH = 1000
#: Tables whose rows a new workspace already has; they are replaced by the source's rows.
IDENTITY_TABLES = ("workspace_meta", "workspace_secrets")


def _tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return [t for t in Base.metadata.sorted_tables]


def _count(session: Session, table: Table) -> int:
    return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def data_counts(workspace: Workspace) -> dict[str, int]:
    """Rows per table (the schema's tables; Alembic's own table is left out)."""
    with workspace.reading() as session:
        return {t.name: _count(session, t) for t in _tables()}


def _order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def copy_workspace(source: Workspace, target: Workspace) -> dict[str, int]:
    """Copy every row of ``source`` into the empty workspace ``target``; returns rows per table.

    Raises :class:`WorkspaceError` when the target already holds data, or when a count or an
    evidence file's SHA-256 differs after the copy (then nothing is kept in the target).
    """
    tables = _tables()
    with source.reading() as src:
        expected = {t.name: _count(src, t) for t in tables}
    with target.transaction() as dst:
        busy = [t.name for t in tables if t.name not in IDENTITY_TABLES and _count(dst, t)]
        if busy:
            raise WorkspaceError(f"{target.location} already holds data ({', '.join(busy[:5])}); copy into a new "
                                 "file or an empty database. Nothing was changed.")
        meta = Base.metadata.tables["workspace_meta"]
        # Team mode set up on the target (team init before the copy) stays on.
        kept = [dict(r) for r in dst.execute(select(meta).where(meta.c.key == "team_mode")).mappings()]
        for name in IDENTITY_TABLES:
            # A new workspace's own identity and seal key, replaced by the source's below.
            dst.execute(Base.metadata.tables[name].delete())
        deferred: list[dict[str, Any]] = []
        with source.reading() as src:
            for table in tables:
                self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
                result = src.execute(select(table).order_by(*_order(table))).mappings()
                while True:
                    rows = [dict(r) for r in result.fetchmany(BATCH)]
                    if not rows:
                        break
                    for row in rows:
                        # A row pointing at another row of its own table (an assessment's
                        # predecessor) is linked after all of them are in.
                        for column in self_refs:
                            if row[column] is not None:
                                deferred.append({"table": table, "pk": row[table.primary_key.columns[0].name] if
                                                 len(table.primary_key.columns) == 1 else None,
                                                 "column": column, "value": row[column]})
                                row[column] = None
                    dst.execute(table.insert(), rows)
        source_keys = {r[0] for r in dst.execute(select(meta.c.key))}
        for row in kept:
            if row["key"] not in source_keys:
                dst.execute(meta.insert().values(**row))
                expected["workspace_meta"] += 1
        for item in deferred:
            table = item["table"]
            pk = table.primary_key.columns[0]
            dst.execute(table.update().where(pk == item["pk"]).values({item["column"]: item["value"]}))
        if target.is_server:
            _reset_sequences(dst, tables)
        got = {t.name: _count(dst, t) for t in tables}
        if got != expected:
            diff = {k: (expected[k], got.get(k)) for k in expected if expected[k] != got.get(k)}
            raise WorkspaceError(f"The copy's row counts differ from the source's ({diff}); nothing was kept.")
        blobs = Base.metadata.tables["evidence_blobs"]
        for digest, data in dst.execute(select(blobs.c.sha256, blobs.c.data)):
            if hashlib.sha256(bytes(data)).hexdigest() != digest:
                raise WorkspaceError(f"An evidence file ({digest[:12]}...) changed while being copied; "
                                     "nothing was kept.")
    return got


def _reset_sequences(session: Session, tables: list[Table]) -> None:
    """PostgreSQL: move each id sequence past the copied ids (rows were inserted with their ids)."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or str(pk[0].type).upper() != "INTEGER":
            continue
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
            f"COALESCE((SELECT max({pk[0].name}) FROM {table.name}), 0) + 1, false)"))
