"""Team mode through the command line: a demo on PostgreSQL, and ``workspace copy`` between
engines (SQLite -> PostgreSQL -> SQLite gives identical ``assessment show --json``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustframe.cli import main

pytestmark = pytest.mark.postgres


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def shows(capsys: pytest.CaptureFixture[str], workspace: str) -> dict[int, object]:
    code, out, err = run(capsys, "--workspace", workspace, "--json", "assessment", "list")
    assert code == 0, err
    ids = [a["id"] for a in json.loads(out)]
    assert ids
    result = {}
    for aid in ids:
        code, out, err = run(capsys, "--workspace", workspace, "--json", "assessment", "show", aid)
        assert code == 0, err
        result[aid] = json.loads(out)
    return result


def test_demo_on_postgresql_and_copy_round_trip_keeps_every_assessment(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_cluster: object) -> None:
    original = tmp_path / "team.tfw"
    assert run(capsys, "--workspace", original, "demo")[0] == 0
    code, out, err = run(capsys, "--workspace", original, "--json", "vendor", "list")
    vendor = json.loads(out)[0]["name"]
    report = tmp_path / "audit-report.pdf"
    report.write_bytes(b"%PDF-1.4 audit report " + bytes(range(256)) * 40)
    code, _, err = run(capsys, "--workspace", original, "evidence", "add", vendor, "Audit report 2026",
                       "--kind", "audit_report", "--file", report)
    assert code == 0, err
    server = pg_cluster.url(pg_cluster.new_database())  # type: ignore[attr-defined]
    code, out, err = run(capsys, "workspace", "copy", original, server)
    assert code == 0, err
    assert "counts verified" in out
    back = tmp_path / "back.tfw"
    code, out, err = run(capsys, "--json", "workspace", "copy", server, back)
    assert code == 0, err
    rows = json.loads(out)["rows"]
    assert rows["evidence_blobs"] >= 1 and rows["answers"] > 100
    before = shows(capsys, str(original))
    assert shows(capsys, server) == before
    assert shows(capsys, str(back)) == before
    # The copies carry the workspace's identity (exported workbooks stay valid) and evidence files.
    code, out, _ = run(capsys, "--workspace", back, "--json", "evidence", "list")
    assert code == 0 and "Audit report 2026" in out
    import sqlite3

    with sqlite3.connect(back) as con:
        assert report.read_bytes() in [bytes(r[0]) for r in con.execute("SELECT data FROM evidence_blobs")]
    # New rows on the server get fresh ids after the copied ones (sequences were moved on).
    code, out, err = run(capsys, "--workspace", server, "--json", "vendor", "add", "Newco Ltd")
    assert code == 0, err


def test_copy_into_a_workspace_with_data_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    pg_workspace_url: str) -> None:
    source = tmp_path / "a.tfw"
    assert run(capsys, "--workspace", source, "vendor", "add", "Acme")[0] == 0
    assert run(capsys, "--workspace", pg_workspace_url, "vendor", "add", "Other")[0] == 0
    code, _, err = run(capsys, "workspace", "copy", source, pg_workspace_url)
    assert code != 0 and "already holds data" in err
    code, out, _ = run(capsys, "--workspace", pg_workspace_url, "--json", "vendor", "list")
    assert [v["name"] for v in json.loads(out)] == ["Other"]


def test_an_empty_database_is_not_created_by_a_reading_command(capsys: pytest.CaptureFixture[str],
                                                               pg_url: str) -> None:
    code, _, err = run(capsys, "--workspace", pg_url, "vendor", "list")
    assert code != 0 and "no workspace" in err


def test_team_init_grant_and_members(capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path) -> None:
    # `team init` on an empty database creates the workspace too (the owner runs it).
    code, out, err = run(capsys, "--workspace", pg_url, "team", "init")
    assert code == 0, err
    assert "trustframe_assessor" in out and "trustframe_admin" in out
    code, out, err = run(capsys, "--workspace", pg_url, "team", "grant", "zoe", "reviewer")
    assert code == 0 and "zoe is now reviewer" in out, err
    code, out, err = run(capsys, "--workspace", pg_url, "--json", "team", "members")
    # Roles belong to the server (shared by its databases): other tests' logins may hold them too.
    assert code == 0 and "zoe" in json.loads(out)["reviewer"]
    # Identity in team mode: the login, not --actor.
    zoe = pg_url.replace("postgres@", "zoe@")
    code, out, err = run(capsys, "--workspace", zoe, "--actor", "someone", "vendor", "add", "Zoe's Vendor")
    assert code == 0, err
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.connect() as conn:
        assert {r[0] for r in conn.execute(text("SELECT actor FROM change_log"))} == {"zoe"}
    engine.dispose()
    solo = tmp_path / "solo.tfw"
    assert run(capsys, "--workspace", solo, "vendor", "add", "Acme")[0] == 0
    code, _, err = run(capsys, "--workspace", solo, "team", "init")
    assert code != 0 and "PostgreSQL" in err
