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


def _choice_questions(path: Path, count: int) -> list[tuple[str, str]]:
    """(question id, first option label) of the first ``count`` single-choice questions."""
    import openpyxl

    ws = openpyxl.load_workbook(path)["Questions"]
    found = []
    for r in range(3, ws.max_row + 1):
        help_text = ws.cell(r, 4).value or ""
        if "Choose one:" in help_text:
            found.append((ws.cell(r, 1).value, help_text.split("Choose one: ")[1].split(" / ")[0].splitlines()[0]))
            if len(found) == count:
                break
    return found


@pytest.fixture
def bad_return(capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path) -> tuple[Path, str, str, str]:
    """A returned workbook with one good answer, one answer that is not an option and one formula."""
    sent = tmp_path / "sent.xlsx"
    assert run(capsys, "--workspace", workspace, "export-questionnaire", "1", "-o", str(sent))[0] == 0
    (good, label), (wrong, _), (formula, _) = _choice_questions(sent, 3)
    returned = fill(sent, {good: label, wrong: "Absolutely, trust us", formula: '=IF(1,"Yes","No")'})
    return returned, good, wrong, formula


def test_rejected_rows_make_a_dry_run_exit_1(capsys: pytest.CaptureFixture[str], workspace: str,
                                             bad_return: tuple[Path, str, str, str]) -> None:
    returned, good, wrong, formula = bad_return
    code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned), "--dry-run")
    assert code == 1
    assert "Dry run: nothing was written." in out
    assert "2 rows were rejected and cannot be imported" in err
    assert f"{wrong} (" in err and "is not an option of" in err
    assert f"{formula} (" in err and "Formula" in err
    assert good not in err
    code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned), "--dry-run", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["dry_run"] is True and data["preview"]["counts"]["rejected"] == 2
    assert "2 rows were rejected" in err


def test_rejected_rows_make_yes_exit_1_after_applying_the_good_rows(
        capsys: pytest.CaptureFixture[str], workspace: str, bad_return: tuple[Path, str, str, str]) -> None:
    returned, good, wrong, formula = bad_return
    code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned), "--yes")
    assert code == 1
    assert "Imported 1 answer(s)" in out
    assert "2 rows were rejected and were not imported" in err and wrong in err and formula in err
    from trustframe.services.context import Services

    with Services.open(workspace, create=False) as services:
        assert set(services.assessments.answers(1)) == {good}
    # the same with --json: the result is still printed, and the exit status still says "problems"
    code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned), "--yes", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["result"]["applied"] == [] and data["preview"]["counts"]["rejected"] == 2
    assert "2 rows were rejected" in err


def test_a_partial_return_gives_one_grouped_warning(capsys: pytest.CaptureFixture[str], workspace: str,
                                                     tmp_path: Path) -> None:
    sent = tmp_path / "sent.xlsx"
    assert run(capsys, "--workspace", workspace, "export-questionnaire", "1", "-o", str(sent))[0] == 0
    (qid, label), = _choice_questions(sent, 1)
    returned = fill(sent, {qid: label})
    code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned), "--dry-run")
    assert code == 0 and err == ""  # unanswered questions are warnings, not problems
    problems = out.split("Problems:", 1)[1].split("Dry run:", 1)[0].strip().splitlines()
    unanswered = [p for p in problems if "required questions are unanswered" in p]
    assert len(unanswered) == 1 and not any("has no answer" in p for p in problems)
    line = unanswered[0]
    assert line.lstrip().startswith("[warning]") and " more." in line
    listed = line.split("unanswered: ", 1)[1].split(" and ", 1)[0].split(", ")
    assert len(listed) == 15
    total = int(line.split("]", 1)[1].split(": ", 1)[1].split(" required", 1)[0])
    assert int(line.rsplit(" and ", 1)[1].split(" more", 1)[0]) == total - 15
    # the per-row detail stays in the JSON rows
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(returned), "--dry-run", "--json")
    preview = json.loads(out)["preview"]
    per_row = [p for r in preview["empty"] for p in r["problems"] if "has no answer" in p["message"]]
    assert len(per_row) == total
    assert sum("required questions are unanswered" in p["message"] for p in preview["problems"]) == 1


# -- workbook identity (issue 12) ----------------------------------------------------------------


@pytest.fixture
def two_vendors(capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path) -> tuple[Path, str]:
    """Assessment 1 (Acme) exported and returned with one answer; assessment 2 belongs to Globex."""
    assert run(capsys, "--workspace", workspace, "vendor", "add", "Globex")[0] == 0
    assert run(capsys, "--workspace", workspace, "product", "add", "Globex", "Router", "--category", "software")[0] == 0
    assert run(capsys, "--workspace", workspace, "assessment", "create", "--vendor", "Globex",
               "--product", "Router")[0] == 0
    sent = tmp_path / "sent.xlsx"
    assert run(capsys, "--workspace", workspace, "export-questionnaire", "1", "-o", str(sent))[0] == 0
    ((qid, label),) = _choice_questions(sent, 1)
    return fill(sent, {qid: label}), qid


def _db(workspace: str) -> list[str]:
    import sqlite3

    con = sqlite3.connect(workspace)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_dry_run_names_the_target_and_the_vendor_it_was_sent_to(capsys: pytest.CaptureFixture[str], workspace: str,
                                                                two_vendors: tuple[Path, str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    returned, qid = two_vendors
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(returned), "--dry-run")
    assert code == 0
    assert "target: vendor Acme, product Gateway, assessment 1" in out
    assert "sent to: Acme" in out and "identity: verified" in out
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(returned), "--dry-run", "--json")
    preview = json.loads(out)["preview"]
    assert preview["target"] == {"assessment_id": 1, "vendor": "Acme", "product": "Gateway"}
    assert preview["sent_to_vendor"] == "Acme" and preview["identity_verified"] is True
    # a genuine return: no question asked at all
    monkeypatch.setattr("builtins.input", lambda *a: pytest.fail("asked a question"))
    code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned), "--yes")
    assert code == 0 and "Imported 1 answer" in out, err


def test_a_return_into_another_vendors_assessment_is_refused_whatever_the_options(
        capsys: pytest.CaptureFixture[str], workspace: str, two_vendors: tuple[Path, str]) -> None:
    returned, _ = two_vendors
    before = _db(workspace)
    for extra in ([], ["--accept-legacy-seal"], ["--dry-run"], ["--accept-legacy-seal", "--json"]):
        code, out, err = run(capsys, "--workspace", workspace, "import-response", str(returned), "--assessment", "2",
                             "--yes", *extra)
        assert code == 1 and "another vendor" in (err + out) and "Traceback" not in err, extra
    assert _db(workspace) == before


def test_dropped_metadata_needs_the_assessment_and_the_preview_warns(capsys: pytest.CaptureFixture[str],
                                                                     workspace: str, two_vendors: tuple[Path, str],
                                                                     tmp_path: Path) -> None:
    import openpyxl

    returned, _ = two_vendors
    wb = openpyxl.load_workbook(returned)
    del wb["_trustframe_meta"]
    wb.save(tmp_path / "nometa.xlsx")
    before = _db(workspace)
    code, _, err = run(capsys, "--workspace", workspace, "import-response", str(tmp_path / "nometa.xlsx"), "--yes")
    assert code == 1 and "--assessment" in err and "never trusted" in err
    assert _db(workspace) == before
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(tmp_path / "nometa.xlsx"),
                       "--assessment", "1", "--dry-run")
    assert code == 0 and "identity: NOT verified" in out and "could not be verified" in out
    assert "target: vendor Acme, product Gateway, assessment 1" in out


def test_an_old_style_seal_needs_accept_legacy_seal(capsys: pytest.CaptureFixture[str], workspace: str,
                                                    two_vendors: tuple[Path, str], tmp_path: Path) -> None:
    from exchange_support import rewrite_meta

    from trustframe.exchange.excel_model import LEGACY_EXCHANGE_FORMAT
    from trustframe.exchange.workbook_identity import legacy_seal

    returned, _ = two_vendors
    import sqlite3

    con = sqlite3.connect(workspace)  # an export made before the keyed seal (as migration 0002 records it)
    con.execute("UPDATE export_bindings SET seal = 'sha256'")
    con.commit()
    con.close()
    old = rewrite_meta(returned, tmp_path / "old.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT)
    before = _db(workspace)
    code, _, err = run(capsys, "--workspace", workspace, "import-response", str(old), "--yes")
    assert code == 1 and "--accept-legacy-seal" in err and "cannot be verified" in err
    assert _db(workspace) == before
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(old), "--accept-legacy-seal",
                       "--dry-run")
    assert code == 0 and "identity: NOT verified (old unkeyed seal" in out
    code, out, _ = run(capsys, "--workspace", workspace, "import-response", str(old), "--accept-legacy-seal", "--yes")
    assert code == 0 and "Imported 1 answer" in out


def test_an_unknown_format_version_is_refused_by_name(capsys: pytest.CaptureFixture[str], workspace: str,
                                                      two_vendors: tuple[Path, str], tmp_path: Path) -> None:
    import openpyxl

    returned, _ = two_vendors
    wb = openpyxl.load_workbook(returned)
    wb["_trustframe_meta"].cell(1, 2).value = "trustframe-exchange/99"
    wb.save(tmp_path / "v99.xlsx")
    before = _db(workspace)
    for extra in ([], ["--assessment", "1", "--accept-legacy-seal"]):
        code, _, err = run(capsys, "--workspace", workspace, "import-response", str(tmp_path / "v99.xlsx"), "--yes",
                           *extra)
        assert code == 1 and "trustframe-exchange/99" in err
    assert _db(workspace) == before


def test_a_library_complaint_never_reaches_json_output(capsys: pytest.CaptureFixture[str], workspace: str,
                                                        tmp_path: Path) -> None:
    """openpyxl prints "0 is out of range" (to stdout) for a named style pointing past the style
    list; found by the fuzzed returns. The CLI's --json output must stay one JSON document."""
    import re
    import zipfile

    from exchange_support import replace_member

    sent = tmp_path / "sent.xlsx"
    assert run(capsys, "--workspace", workspace, "export-questionnaire", "1", "-o", str(sent))[0] == 0
    styles = zipfile.ZipFile(sent).read("xl/styles.xml").decode()
    broken, count = re.subn(r"<cellStyleXfs.*?</cellStyleXfs>", '<cellStyleXfs count="0"></cellStyleXfs>', styles,
                            flags=re.S)
    assert count == 1
    bad = replace_member(sent, tmp_path / "bad-styles.xlsx", "xl/styles.xml", broken.encode())
    for extra in (["--dry-run"], ["--yes"]):
        code, out, err = run(capsys, "--workspace", workspace, "import-response", str(bad), "--json", *extra)
        data = json.loads(out)  # one JSON document, nothing printed around it
        assert "out of range" not in out and "out of range" not in err
        assert code != 0 and data.get("error"), data
