"""The command line end to end on a temporary workspace (in-process for speed; one test runs
the real ``trustframe`` console script)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trustframe.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path: Path) -> str:
    return str(tmp_path / "cli.tfw")


def test_questionnaire_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "questionnaire", "list")
    assert code == 0
    items = {i["id"]: i for i in json.loads(out)}
    assert items["ict-supply-chain-trust"]["kind"] == "assessment"
    assert 150 <= items["ict-supply-chain-trust"]["questions"] <= 220
    assert items["criticality-profile"]["kind"] == "profile"
    code, out, _ = run(capsys, "questionnaire", "show", "criticality-profile")
    assert code == 0 and "CP-01" in out


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "questionnaire", "validate", str(data_dir / "sample-questionnaire.yaml"))
    assert code == 0 and "valid (sample-trust@1.2.0" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: trustframe-questionnaire/1\nid: b\nversion: 1.0\ntitle: B\nkind: assessment\n"
                   "sections: [{id: A, title: A, questions: [{id: A-1, text: T, type: yes_no, colour: red}]}]\n",
                   encoding="utf-8")
    code, _, err = run(capsys, "questionnaire", "validate", str(bad))
    assert code == 1
    assert "bad.yaml:3: version" in err
    assert "bad.yaml:6: sections[0].questions[0].colour: unknown key" in err
    assert "2 problems" in err
    code, out, _ = run(capsys, "--json", "questionnaire", "validate", str(bad))
    assert code == 1 and json.loads(out)["valid"] is False


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], ws: str) -> None:
    assert main(["--workspace", ws, "vendor"]) == 2
    assert main(["--workspace", ws, "product", "add", "V", "P"]) == 2  # --category missing
    assert main(["no-such-command"]) == 2
    capsys.readouterr()


def test_vendor_product_assessment_answer_flow(capsys: pytest.CaptureFixture[str], ws: str) -> None:
    assert run(capsys, "--workspace", ws, "vendor", "add", "Northwind Networks AG", "--country", "DE",
               "--contact", "Greta Lindqvist <psirt@nw.example>")[0] == 0
    code, _, err = run(capsys, "--workspace", ws, "vendor", "add", "northwind networks ag")
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "--workspace", ws, "vendor", "add", "Bad", "--country", "Germany")
    assert code == 1 and "two-letter ISO country code" in err
    code, out, _ = run(capsys, "--workspace", ws, "--json", "vendor", "list")
    assert json.loads(out)[0]["contacts"][0]["email"] == "psirt@nw.example"

    assert run(capsys, "--workspace", ws, "product", "add", "Northwind Networks AG", "NW-7000",
               "--category", "network_equipment")[0] == 0
    code, _, err = run(capsys, "--workspace", ws, "product", "add", "Nobody", "X", "--category", "software")
    assert code == 1 and "no vendor named 'Nobody'" in err
    code, out, _ = run(capsys, "--workspace", ws, "assessment", "create", "--vendor", "Northwind Networks AG",
                       "--product", "NW-7000")
    assert code == 0 and "questions to answer" in out
    code, _, err = run(capsys, "--workspace", ws, "product", "add", "Nobody", "X", "--category", "software")
    assert code == 1 and "no vendor named 'Nobody'" in err

    code, out, _ = run(capsys, "--workspace", ws, "--json", "assessment", "create", "--vendor", "Northwind Networks AG",
                       "--product", "NW-7000", "--questionnaire", "ict-supply-chain-trust", "--tier", "2")
    assert code == 0
    created = json.loads(out)
    assert created["status"] == "draft" and created["tier"] == 2
    aid = str(created["id"])

    code, out, _ = run(capsys, "--workspace", ws, "--json", "assessment", "list")
    item = json.loads(out)[0]
    assert {k: item[k] for k in ("id", "vendor", "product", "questionnaire_id", "status")} == {
        "id": created["id"], "vendor": "Northwind Networks AG", "product": "NW-7000",
        "questionnaire_id": "ict-supply-chain-trust", "status": "draft"}

    code, out, _ = run(capsys, "--workspace", ws, "questionnaire", "show", "ict-supply-chain-trust")
    first_question = next(line.split()[0] for line in out.splitlines() if line.startswith("  "))
    code, out, err = run(capsys, "--workspace", ws, "answer", aid, first_question, "declined", "--comment", "no reply")
    assert code == 0, err
    code, _, err = run(capsys, "--workspace", ws, "answer", aid, first_question, "perhaps")
    assert code == 1 and "is not an option of" in err
    code, _, err = run(capsys, "--workspace", ws, "answer", aid, "NOPE-99", "yes")
    assert code == 1 and "no question 'NOPE-99'" in err

    code, out, _ = run(capsys, "--workspace", ws, "--json", "assessment", "show", aid)
    shown = json.loads(out)
    assert shown["answers"] == [{
        "question_id": first_question, "value": "declined", "comment": "no reply", "source": "buyer",
        "needs_follow_up": False, "to_confirm": False, "confirm_note": "", "evidence_ids": [],
        "updated_at": shown["answers"][0]["updated_at"], "updated_by": shown["answers"][0]["updated_by"]}]
    code, out, _ = run(capsys, "--workspace", ws, "assessment", "show", aid)
    assert code == 0 and f"1 of {shown['questions_in_scope']} questions answered" in out


def test_missing_assessment_is_a_clear_error(capsys: pytest.CaptureFixture[str], ws: str) -> None:
    run(capsys, "--workspace", ws, "vendor", "add", "Acme")
    code, _, err = run(capsys, "--workspace", ws, "assessment", "show", "42")
    assert code == 1 and "no assessment with id 42" in err


def test_mistyped_workspace_is_not_created(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    typo = tmp_path / "wrokspace.tfw"
    code, _, err = run(capsys, "--workspace", str(typo), "vendor", "list")
    assert code == 1 and "There is no workspace at" in err and not typo.exists()
    code, _, err = run(capsys, "--workspace", str(tmp_path / "no" / "such" / "dir.tfw"), "vendor", "add", "Acme")
    assert code == 1 and "does not exist" in err
    code, _, err = run(capsys, "--workspace", str(typo), "vendor", "add", "Acme")
    assert code == 0 and "Created a new workspace" in err and typo.exists()


def test_json_may_follow_the_command(capsys: pytest.CaptureFixture[str], ws: str) -> None:
    run(capsys, "--workspace", ws, "vendor", "add", "Acme")
    for args in (["vendor", "list", "--json"], ["--json", "vendor", "list"]):
        code, out, _ = run(capsys, "--workspace", ws, *args)
        assert code == 0 and json.loads(out)[0]["name"] == "Acme"
    code, out, _ = run(capsys, "--workspace", ws, "assessment", "list", "--json")
    assert code == 0 and json.loads(out) == []


def test_unknown_category_is_a_usage_error(capsys: pytest.CaptureFixture[str], ws: str) -> None:
    run(capsys, "--workspace", ws, "vendor", "add", "Acme")
    code, _, err = run(capsys, "--workspace", ws, "product", "add", "Acme", "Toaster", "--category", "toaster")
    assert code == 2 and "not a product category" in err


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("trustframe")
    if not exe.exists():
        pytest.skip("the trustframe console script is not installed in this environment")
    result = subprocess.run(f"'{exe}' questionnaire show ict-supply-chain-trust | head -n 1",
                            shell=True, capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("ICT supply-chain")
    assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr


def test_not_a_workspace_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "--workspace", str(notes), "vendor", "list")
    assert code == 1 and "not a TrustFrame workspace" in err
    assert notes.read_text(encoding="utf-8") == "hello"


def test_evidence_commands(capsys: pytest.CaptureFixture[str], ws: str, tmp_path: Path) -> None:
    run(capsys, "--workspace", ws, "vendor", "add", "Acme")
    from tests.exchange.sbom_support import make_cyclonedx

    sbom = make_cyclonedx(tmp_path / "sbom.json")
    code, out, err = run(capsys, "--workspace", ws, "--json", "evidence", "add", "Acme", "SBOM", "--kind", "sbom",
                         "--file", str(sbom), "--expires", "2020-01-01")
    assert code == 0, err
    assert len(json.loads(out)["sha256"]) == 64
    code, out, _ = run(capsys, "--workspace", ws, "--json", "evidence", "list")
    assert json.loads(out)[0]["state"] == "expired"


def test_demo_command(capsys: pytest.CaptureFixture[str], ws: str) -> None:
    code, out, _ = run(capsys, "--workspace", ws, "--json", "demo")
    assert code == 0 and json.loads(out)["assessments"] >= 10
    code, _, err = run(capsys, "--workspace", ws, "demo")
    assert code == 1 and "--force" in err
    code, out, _ = run(capsys, "--workspace", ws, "--json", "assessment", "list")
    assert {a["status"] for a in json.loads(out)} == {"draft", "sent", "returned", "in_review", "decided"}


def test_demo_without_workspace_builds_its_own_file(capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe import paths

    for _ in range(2):  # rebuilding replaces the previous demo
        code, out, _ = run(capsys, "--json", "demo")
        assert code == 0 and json.loads(out)["workspace"] == str(paths.demo_workspace_path())
    assert not paths.default_workspace_path().exists()
    code, out, _ = run(capsys, "--workspace", str(paths.demo_workspace_path()), "--json", "vendor", "list")
    assert len(json.loads(out)) == 8


def test_console_script_runs(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("trustframe")
    if not exe.exists():
        pytest.skip("the trustframe console script is not installed in this environment")
    workspace = str(tmp_path / "x.tfw")
    result = subprocess.run([str(exe), "--workspace", workspace, "vendor", "add", "Acme"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([str(exe), "--workspace", workspace, "--json", "vendor", "list"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert [v["name"] for v in json.loads(result.stdout)] == ["Acme"]
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "TrustFrame" in result.stdout


def test_gui_without_display_says_what_to_do(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe import launcher

    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(launcher.sys, "platform", "linux")
    assert launcher.main([]) == 1
    assert "xvfb-run" in capsys.readouterr().err
