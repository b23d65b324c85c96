"""Team mode, storage: one workspace on two engines (SQLite file, PostgreSQL database).

The PostgreSQL tests use the throwaway cluster of tests/pg_cluster.py; they skip without the
server binaries, and fail instead under TRUSTFRAME_REQUIRE_POSTGRES=1 (.ci/run).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from trustframe.errors import NotAWorkspaceError, WorkspaceError
from trustframe.storage import server
from trustframe.storage.database import SCHEMA_HEAD, Workspace


def test_server_locations_are_recognised_and_shown_without_password() -> None:
    assert server.is_server_location("postgresql+psycopg://ann@db.example/tf")
    assert server.is_server_location("postgresql://db/tf")
    assert server.is_server_location("service=trustframe")
    assert not server.is_server_location("team.tfw")
    assert not server.is_server_location("/srv/postgresql/team.tfw")
    url = server.server_url("postgres://ann:secret@db.example:5433/tf")
    assert url.drivername == "postgresql+psycopg" and url.password == "secret"
    shown = server.display_location(url)
    assert "secret" not in shown and shown.startswith("postgresql+psycopg://ann@db.example:5433/tf")
    assert server.display_location("postgresql+psycopg://ann:secret@db/tf") == "postgresql+psycopg://ann@db/tf"
    service = server.server_url("service=trustframe")
    assert service.query["service"] == "trustframe" and service.host is None
    assert server.display_location(service) == "service=trustframe"
    with pytest.raises(WorkspaceError):
        server.server_url("service=")


def _schema(url: str) -> dict[str, Any]:
    """Tables, columns (name, nullability), primary keys, foreign keys, unique constraints and
    indexes, in an engine-neutral form."""
    engine = create_engine(url)
    try:
        insp = inspect(engine)
        out: dict[str, Any] = {}
        for table in sorted(insp.get_table_names()):
            columns = {c["name"]: bool(c["nullable"]) for c in insp.get_columns(table)}
            pk = tuple(insp.get_pk_constraint(table)["constrained_columns"])
            fks = sorted((tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]),
                          (fk.get("options") or {}).get("ondelete", "").upper() or "NO ACTION", fk["name"])
                         for fk in insp.get_foreign_keys(table))
            uniques = sorted((u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(table))
            indexes = sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                             for i in insp.get_indexes(table)
                         # PostgreSQL also lists the index behind each unique constraint.
                         if not i.get("duplicates_constraint"))
            out[table] = {"columns": columns, "pk": pk, "fks": fks, "uniques": uniques, "indexes": indexes}
        return out
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_the_same_migrations_give_the_same_schema_on_both_engines(tmp_path: Path, pg_url: str) -> None:
    sqlite_path = tmp_path / "schema.tfw"
    Workspace.open(sqlite_path).close()
    with Workspace.open(pg_url) as ws:
        assert ws.is_server and ws.dialect == "postgresql"
    on_sqlite = _schema(f"sqlite:///{sqlite_path}")
    on_pg = _schema(pg_url)
    assert set(on_sqlite) == set(on_pg)
    assert len(on_pg) >= 18
    for table in on_sqlite:
        for part in ("columns", "pk", "fks", "uniques", "indexes"):
            assert on_sqlite[table][part] == on_pg[table][part], (table, part)
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == SCHEMA_HEAD
        assert conn.execute(text("SELECT value FROM workspace_meta WHERE key = 'app'")).scalar_one() == "trustframe"
    engine.dispose()


@pytest.mark.postgres
def test_a_server_workspace_reopens_and_keeps_its_identity(pg_url: str) -> None:
    with Workspace.open(pg_url) as ws:
        first = ws.workspace_id
        assert ws.location == pg_url and ws.path.name.endswith("on 127.0.0.1")
    with Workspace.open(pg_url, create=False, migrate=False) as ws:
        assert ws.workspace_id == first
    with Workspace.open(pg_url, read_only=True) as ws, pytest.raises(WorkspaceError):
        with ws.transaction() as session:
            session.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))


@pytest.mark.postgres
def test_an_empty_database_is_not_created_by_a_read_only_open(pg_url: str) -> None:
    with pytest.raises(WorkspaceError, match="no workspace"):
        Workspace.open(pg_url, read_only=True)
    engine = create_engine(pg_url)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


@pytest.mark.postgres
def test_a_database_of_another_program_is_refused_unchanged(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE payroll (id integer primary key)"))
    with pytest.raises(NotAWorkspaceError, match="payroll"):
        Workspace.open(pg_url)
    assert inspect(engine).get_table_names() == ["payroll"]
    engine.dispose()


@pytest.mark.postgres
def test_the_change_log_is_append_only_on_postgresql(pg_workspace_url: str) -> None:
    from sqlalchemy.exc import DBAPIError

    with Workspace.open(pg_workspace_url) as ws:
        with ws.transaction() as session:
            session.execute(text("INSERT INTO change_log (at, actor, entity, entity_id, field, note) "
                                 "VALUES (now(), 'ann', 'vendor', '1', 'name', '')"))
        with pytest.raises(DBAPIError, match="append-only"):
            with ws.transaction() as session:
                session.execute(text("UPDATE change_log SET actor = 'mallory'"))
        with pytest.raises(DBAPIError, match="append-only"):
            with ws.transaction() as session:
                session.execute(text("DELETE FROM change_log"))


def test_unreachable_server_is_one_sentence() -> None:
    with pytest.raises(WorkspaceError, match="Cannot connect to the team workspace"):
        Workspace.open("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_without_a_server_the_postgresql_tests_skip_and_fail_when_required(tmp_path: Path) -> None:
    """The cluster fixture skips with a message without server binaries; under
    TRUSTFRAME_REQUIRE_POSTGRES=1 (.ci/run) the same test fails instead."""
    import os
    import shutil
    import subprocess
    import sys

    tests_dir = Path(__file__).resolve().parents[1]
    probe = tmp_path / "probe"
    probe.mkdir()
    shutil.copy(tests_dir / "conftest.py", probe / "conftest.py")
    shutil.copy(tests_dir / "pg_cluster.py", probe / "pg_cluster.py")
    (probe / "test_probe.py").write_text("def test_needs_server(pg_url):\n    assert pg_url\n", encoding="utf-8")
    env = {**os.environ, "TRUSTFRAME_PG_BIN": str(tmp_path / "no-such-folder")}
    env.pop("TRUSTFRAME_REQUIRE_POSTGRES", None)
    command = [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "--import-mode=importlib",
               "-p", "no:randomly", str(probe)]
    skipped = subprocess.run(command, capture_output=True, text=True, env=env, cwd=probe, timeout=120)
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "1 skipped" in skipped.stdout and "no PostgreSQL server binaries" in skipped.stdout
    required = subprocess.run(command, capture_output=True, text=True, cwd=probe, timeout=120,
                              env={**env, "TRUSTFRAME_REQUIRE_POSTGRES": "1"})
    assert required.returncode == 1, required.stdout + required.stderr
    assert "1 error" in required.stdout or "1 failed" in required.stdout
    assert "TRUSTFRAME_REQUIRE_POSTGRES=1" in required.stdout


@pytest.mark.postgres
def test_a_libpq_service_name_opens_the_workspace(pg_cluster: Any, pg_workspace_url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    database = pg_workspace_url.rsplit("/", 1)[1]
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[tftest]\nhost=127.0.0.1\nport={pg_cluster.port}\ndbname={database}\nuser=postgres\n",
                        encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with Workspace.open(pg_workspace_url) as direct:
        expected = direct.workspace_id
    with Workspace.open("service=tftest", create=False) as ws:
        assert ws.is_server and ws.location == "service=tftest"
        assert ws.workspace_id == expected
