"""Migration 0013: the index on evidence (vendor_id, expires_on) that the register's evidence
counts read alone, on both engines; downgrading removes it and keeps the evidence."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from trustframe.services.context import Services
from trustframe.storage import database
from trustframe.storage.database import Workspace
from trustframe.storage.register_sql import REGISTER_SQL

# The downgrade and upgrade also run on PostgreSQL (team mode, tests/conftest.py).
pytestmark = pytest.mark.both_engines

INDEX = "ix_evidence_vendor_expires"


def _alembic(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _evidence_indexes(conn: sa.Connection) -> dict[str, list[str | None]]:
    return {str(i["name"]): list(i["column_names"]) for i in sa.inspect(conn).get_indexes("evidence")}


def test_upgrade_adds_the_register_index_and_downgrade_removes_it(workspace_location: str) -> None:
    with Services(Workspace.open(workspace_location), user="tester") as s:
        vendor = s.vendors.add_vendor("Borealis Systems", "FI")
        s.evidence.add(vendor.id, "ISO 27001 certificate", "certificate", url="https://example.org/iso.pdf",
                       expires_on=date(2027, 1, 1))
        engine = s.workspace.engine
        with engine.connect() as conn:
            assert _evidence_indexes(conn)[INDEX] == ["vendor_id", "expires_on"]
        with engine.begin() as conn:
            command.downgrade(_alembic(conn), "0012")
        with engine.connect() as conn:
            assert INDEX not in _evidence_indexes(conn)
            assert conn.exec_driver_sql("SELECT count(*) FROM evidence").scalar() == 1
        with engine.begin() as conn:
            command.upgrade(_alembic(conn), "0013")
        with engine.connect() as conn:
            assert _evidence_indexes(conn)[INDEX] == ["vendor_id", "expires_on"]
            assert conn.exec_driver_sql("SELECT count(*) FROM evidence").scalar() == 1
    assert database.KNOWN_REVISIONS.index("0013") == database.KNOWN_REVISIONS.index("0012") + 1


@pytest.mark.sqlite_only  # SQLite's own query plan (EXPLAIN QUERY PLAN) of the light register read
def test_register_query_reads_the_evidence_counts_from_the_index(workspace_path: Path) -> None:
    Workspace.open(workspace_path).close()
    connection = sqlite3.connect(workspace_path)
    try:
        plan = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + REGISTER_SQL,
                                                     ["2026-03-02", "2026-04-01"])]
    finally:
        connection.close()
    # The correlated evidence subquery reads the covering index, not the evidence table's rows.
    assert any(f"COVERING INDEX {INDEX}" in step for step in plan), plan
