"""Migration 0011 (question bank 1.1): existing assessments are pinned to scoring profile 2.0.0, so
their scores do not move, and those with buyer answers to buyer module 1.0.0."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from trustframe.services.context import Services
from trustframe.storage import database
from trustframe.storage.database import Workspace

# The downgrade and upgrade also run on PostgreSQL (team mode, tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _alembic(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def test_upgrade_pins_existing_assessments(workspace_location: str) -> None:
    with Services(Workspace.open(workspace_location), user="tester") as s:
        vendor = s.vendors.add_vendor("Borealis Systems", "FI")
        product = s.vendors.add_product(vendor.id, "Borealis Core", "software")
        plain = s.assessments.create(vendor.id, product.id)
        with_buyer = s.assessments.create(vendor.id, product.id)
        s.buyer.set_answer(with_buyer.id, "BUY-05", "signed")
        s.assessments.set_overlays(plain.id, ["eu-nis2"])
        engine = s.workspace.engine
        with engine.connect() as conn:
            answers = conn.exec_driver_sql("SELECT COUNT(*) FROM answers").scalar()
        assert answers == 1
        with engine.begin() as conn:
            command.downgrade(_alembic(conn), "0010")
        with engine.connect() as conn:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("assessments")}
            assert "scoring_profile_version" not in columns and "overlays" not in columns
        with engine.begin() as conn:
            command.upgrade(_alembic(conn), "0011")
        with engine.connect() as conn:
            rows = dict(conn.exec_driver_sql(
                "SELECT id, scoring_profile_version || '/' || COALESCE(buyer_module_version, '-') "
                "FROM assessments").fetchall())
            note_column = {c["name"] for c in sa.inspect(conn).get_columns("answers")}
            # Neither direction rebuilt a table (which would cascade-delete the answers).
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM answers").scalar() == answers
    assert rows == {plain.id: "2.0.0/-", with_buyer.id: "2.0.0/1.0.0"}
    assert "confirm_note" in note_column
    known = database.KNOWN_REVISIONS
    assert known.index("0011") == known.index("0010") + 1  # 0011 revises 0010; later ones follow it


def test_light_reader_computes_the_head_from_the_scripts() -> None:
    from trustframe.storage import light

    assert light._head_revision() == database.SCHEMA_HEAD == database.KNOWN_REVISIONS[-1]
