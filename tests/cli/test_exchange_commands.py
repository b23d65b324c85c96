"""``export-questionnaire`` and ``import-response`` on a temporary workspace (in-process)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from exchange_support import fill  # noqa: E402
from trustframe.cli import main  # noqa: E402


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    ws = str(tmp_path / "cli.tfw")
    assert run(capsys, "--workspace", ws, "vendor", "add", "Acme")[0] == 0
    assert run(capsys, "--workspace", ws, "product", "add", "Acme", "Gateway", "--category", "software")[0] == 0
    assert run(capsys, "--workspace", ws, "assessment", "create", "--vendor", "Acme", "--product", "Gateway")[0] == 0
    return ws


def test_export_then_import(capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path) -> None:
    out_file = tmp_path / "acme.xlsx"
    code, out, _ = run(capsys, "--workspace", workspace, "export-questionnaire", "1", "-o", str(out_file),
                       "--deadline", "2026-03-01", "--contact", "buyer@example.org", "--json")
    assert code == 0
    exported = json.loads(out)
    assert exported["questions"] > 100 and out_file.exists()
    import openpyxl

    ws = openpyxl.load_workbook(out_file)["Questions"]
    first_choice = next(r for r in range(3, ws.max_row + 1) if "Choose one:" in (ws.cell(r, 4).value or ""))
    qid = ws.cell(first_choice, 1).value
    label = ws.cell(first_choice, 4).value.split("Choose one: ")[1].split(" / ")[0].splitlines()[0]
    returned = fill(out_file, {qid: label})

    # dry run: JSON preview, nothing written
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(returned), "--dry-run", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["dry_run"] is True and data["preview"]["counts"]["new"] == 1
    assert data["preview"]["new"][0]["question_id"] == qid
    from trustframe.services.context import Services

    with Services.open(workspace, create=False) as services:
        assert services.assessments.answers(1) == {} and services.exchange.imports(1) == []

    # without --yes in a non-interactive run: preview, nothing written, exit 1
    code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned))
    assert code == 1 and "--yes" in err

    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(returned), "--yes", "--json")
    assert code == 0
    result = json.loads(out)["result"]
    assert result["applied"] == [qid] and result["import_id"] == 1

    # second time: nothing to do
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(returned), "--yes")
    assert code == 0 and "Nothing to import" in out and "already imported" in out


def test_import_refusal_is_a_clear_error(capsys: pytest.CaptureFixture[str], workspace: str,
                                         tmp_path: Path) -> None:
    bad = tmp_path / "answers.csv"
    bad.write_text("Question ID,Answer\n")
    code, _, err = run(capsys, "--workspace", workspace, "import-response", str(bad), "--dry-run")
    assert code == 1 and "CSV" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--workspace", workspace, "--json", "import-response", str(bad), "--dry-run")
    assert code == 1 and "CSV" in json.loads(out)["error"]


def test_export_options(capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--workspace", workspace, "export-questionnaire", "1", "-o",
                       str(tmp_path / "a.xlsx"), "--only-open", "--no-prefill")
    assert code == 0 and "Wrote" in out
    code, _, err = run(capsys, "--workspace", workspace, "export-questionnaire", "1", "-o",
                       str(tmp_path / "a.xlsx"), "--deadline", "soon")
    assert code != 0
