"""Commands that must start without the heavy libraries (issue 22, CLI speed).

Speed itself is measured by bench/bench_cli.py; these tests pin what makes it possible: which
modules a command imports, and that the light read path gives the same answer as the services.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from trustframe.cli import main

PROBE = """
import io, sys, contextlib
from trustframe.launcher import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
heavy = sorted(m for m in ("sqlalchemy", "alembic", "openpyxl", "weasyprint", "yaml", "trustframe.services.context")
               if m in sys.modules)
print(repr((code, heavy)), file=sys.stderr)
"""


def _imports(*args: str) -> tuple[int, list[str]]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)
    return eval(proc.stderr.strip().splitlines()[-1])  # noqa: S307 - our own repr of (int, list[str])


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    ws = str(tmp_path / "light.tfw")
    assert main(["--workspace", ws, "vendor", "add", "zeta Systems", "--country", "DE",
                 "--contact", "Ann <ann@zeta.example>", "--contact", "Bob"]) == 0
    assert main(["--workspace", ws, "vendor", "add", "Acme", "--website", "https://acme.example"]) == 0
    capsys.readouterr()
    return ws


def test_version_and_help_import_no_database_code() -> None:
    assert _imports("--version") == (0, [])
    assert _imports("--help") == (0, [])


def test_vendor_list_reads_without_sqlalchemy(workspace: str) -> None:
    assert _imports("--workspace", workspace, "vendor", "list") == (0, [])


def test_light_vendor_list_equals_the_services(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe.services.context import Services
    from trustframe.storage.light import read_vendors

    light = read_vendors(Path(workspace))
    with Services.open(workspace, create=False) as services:
        assert light == services.vendors.list_vendors()
    assert main(["--workspace", workspace, "--json", "vendor", "list"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [v["name"] for v in listed] == ["Acme", "zeta Systems"]
    assert listed[1]["contacts"] == [{"name": "Ann", "role": "", "email": "ann@zeta.example", "phone": ""},
                                     {"name": "Bob", "role": "", "email": "", "phone": ""}]


def test_light_path_steps_aside_for_unknown_schema_and_foreign_files(workspace: str, tmp_path: Path) -> None:
    from trustframe.storage.light import read_vendors

    newer = tmp_path / "newer.tfw"
    newer.write_bytes(Path(workspace).read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert read_vendors(newer) is None  # the normal path refuses it with its own message
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE vendors (id INTEGER)")
    assert read_vendors(other) is None
    text = tmp_path / "notes.tfw"
    text.write_text("not a database")
    assert read_vendors(text) is None
    assert read_vendors(tmp_path / "missing.tfw") is None
