"""`assessment overlays`, `assessment reassess`, `assessment create --overlay` and the "to confirm"
column of `assessment show` on a temporary workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustframe.cli import main

def _declinable() -> str:
    """A bank question with a "declined" option (chosen from the bundled bank, whatever its version)."""
    from trustframe import paths
    from trustframe.exchange.questionnaire_files import load_questionnaire

    bank = load_questionnaire(paths.questionnaires_dir() / "ict-supply-chain-trust.yaml", trusted=True)
    return next(q.id for q in bank.iter_questions() if q.id.startswith("GOV") and q.option("declined") is not None)


QID = _declinable()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    w = ["--workspace", str(tmp_path / "cli.tfw")]
    assert run(capsys, *w, "vendor", "add", "Northwind Networks AG", "--country", "DE")[0] == 0
    assert run(capsys, *w, "product", "add", "Northwind Networks AG", "NW-7000",
               "--category", "network_equipment")[0] == 0
    return w


def test_overlays_are_added_removed_and_scored(capsys: pytest.CaptureFixture[str], ws: list[str]) -> None:
    code, out, err = run(capsys, *ws, "--json", "assessment", "create", "--vendor", "Northwind Networks AG",
                         "--product", "NW-7000", "--tier", "1", "--overlay", "eu-nis2")
    assert code == 0, err
    created = json.loads(out)
    aid = str(created["id"])
    assert created["overlays"] == ["eu-nis2@1.0.0"] and created["scoring_profile_version"] == "2.1.0"
    code, out, err = run(capsys, *ws, "assessment", "overlays", aid, "--add", "eu-dora", "--available")
    assert code == 0, err
    assert "eu-nis2@1.0.0" in out and "eu-dora@1.0.0" in out and "not scored yet" in out
    assert "us-far-889" in out  # listed as available
    code, out, err = run(capsys, *ws, "answer", aid, "NIS2-01", "accept")
    assert code == 0, err
    code, out, _ = run(capsys, *ws, "--json", "assessment", "overlays", aid)
    nis2 = json.loads(out)["overlays"][0]
    assert nis2["id"] == "eu-nis2" and nis2["answered"] == 1 and nis2["score"] is not None
    code, out, _ = run(capsys, *ws, "--json", "assessment", "overlays", aid, "--remove", "eu-nis2")
    data = json.loads(out)
    assert code == 0 and [o["id"] for o in data["overlays"]] == ["eu-dora"]
    assert "DORA-02" in data["overlays"][0]["questions"]
    code, _, err = run(capsys, *ws, "assessment", "overlays", aid, "--remove", "eu-cra")
    assert code == 1 and "does not apply eu-cra" in err
    code, _, err = run(capsys, *ws, "assessment", "overlays", aid, "--add", "nowhere")
    assert code == 1 and "no overlay 'nowhere'" in err
    code, out, _ = run(capsys, *ws, "--json", "assessment", "show", aid)
    assert json.loads(out)["overlays"] == ["eu-dora@1.0.0"]


def test_reassess_reports_what_was_carried(capsys: pytest.CaptureFixture[str], ws: list[str]) -> None:
    code, out, _ = run(capsys, *ws, "--json", "assessment", "create", "--vendor", "Northwind Networks AG",
                       "--product", "NW-7000", "--tier", "1")
    aid = str(json.loads(out)["id"])
    assert run(capsys, *ws, "answer", aid, QID, "declined")[0] == 0
    code, out, err = run(capsys, *ws, "assessment", "reassess", aid)
    assert code == 0, err
    assert "1 answers carried, 0 reworded to confirm, 0 dropped" in out
    new = out.split()[2]
    code, out, _ = run(capsys, *ws, "assessment", "show", new)
    line = next(x for x in out.splitlines() if x.startswith(QID))
    assert "to confirm" in line
    code, out, _ = run(capsys, *ws, "--json", "assessment", "reassess", new)
    data = json.loads(out)
    assert data["previous"] == int(new) and data["carried"] == [QID] and data["dropped"] == []
