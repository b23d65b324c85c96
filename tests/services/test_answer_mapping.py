"""Answers from another questionnaire through a mapping file: translated, 'to confirm', located problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from trustframe.cli import main as cli_main
from trustframe.errors import ValidationFailed

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

MAPPING = """\
format: trustframe-answer-mapping/1
title: Example supplier questionnaire 2025
source:
  title: Example supplier security questionnaire
  citation: "Example Corp, Supplier Security Questionnaire v3 (2025), question numbers as printed"
target: {questionnaire: sample-trust}
columns: {id: "Ref", answer: "Response", comment: "Notes"}
questions:
  - {from: "S-1", to: GOV-01, values: {"Yes - certified": verified, "Yes": documented, "No": "no"}}
  - {from: "S-2", to: VUL-01}
  - {from: "S-3", to: VUL-02}
  - {from: "S-4", to: GOV-02, values: {"ISO 27001 and SOC 2": [iso27001, soc2]}}
"""


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture()
def mapping(tmp_path: Path) -> Path:
    p = tmp_path / "example.yaml"
    p.write_text(MAPPING, encoding="utf-8")
    return p


ROWS = [["Supplier questionnaire v3"], [],
        ["Ref", "Question", "Response", "Notes"],
        ["S-1", "ISMS?", "Yes - certified", "Certificate 2026"],
        ["S-2", "Disclosure policy?", "yes", ""],
        ["S-3", "Patch days?", "many", ""],
        ["S-4", "Certifications", "ISO 27001 and SOC 2", ""],
        ["S-9", "Not mapped", "Yes", ""]]


def test_mapped_answers_arrive_to_confirm(services: Any, sample_assessment: Any, mapping: Path,
                                         tmp_path: Path) -> None:
    answers = _write_csv(tmp_path / "filled.csv", ROWS)
    lib = services.answer_library
    dry = lib.import_mapped(sample_assessment.id, answers, mapping, dry_run=True)
    assert services.assessments.answers(sample_assessment.id) == {}
    assert dry.applied == ("GOV-01", "VUL-01", "GOV-02")
    assert dry.unmapped == ("S-9",)
    assert len(dry.problems) == 1 and "filled.csv:6" in dry.problems[0] and "S-3 -> VUL-02" in dry.problems[0]
    result = lib.import_mapped(sample_assessment.id, answers, mapping)
    assert result == dry
    stored = services.assessments.answers(sample_assessment.id)
    assert stored["GOV-01"].value == "verified" and stored["GOV-01"].comment == "Certificate 2026"
    assert stored["VUL-01"].value == "yes"
    assert sorted(stored["GOV-02"].value) == ["iso27001", "soc2"]
    assert all(a.to_confirm for a in stored.values())
    notes = [e.note for e in services.history(sample_assessment.id) if e.field == "mapped_import"]
    assert any("S-1 in filled.csv, row 4" in n for n in notes)
    again = lib.import_mapped(sample_assessment.id, answers, mapping)
    assert again.applied == () and set(again.skipped_answered) == {"GOV-01", "VUL-01", "GOV-02"}


def test_xlsx_is_read_for_values_only(services: Any, sample_assessment: Any, mapping: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for row in ROWS:
        ws.append(row)
    ws["C5"] = '=HYPERLINK("http://example.invalid","yes")'  # a formula is never evaluated
    wb.save(tmp_path / "filled.xlsx")
    r = services.answer_library.import_mapped(sample_assessment.id, tmp_path / "filled.xlsx", mapping)
    assert "VUL-01" not in r.applied  # the formula cell has no stored value: nothing imported for it
    assert "GOV-01" in r.applied


@pytest.mark.parametrize(("change", "needle"), [
    (("to: GOV-01", "to: GOV-99"), "questions[0].to: 'GOV-99' is not a question of sample-trust"),
    (('"Yes": documented', '"Yes": gold'), "not a valid answer to GOV-01"),
    (("format: trustframe-answer-mapping/1", "format: other/1"), "format: trustframe-answer-mapping/1"),
    (('  citation: "Example Corp', '  x: "Example Corp'), "source.citation"),
    (("{from: \"S-2\"", "{from: \"S-1\""), "'S-1' is mapped twice"),
])
def test_bad_mappings_are_refused_with_their_location(services: Any, sample_assessment: Any, tmp_path: Path,
                                                      change: tuple[str, str], needle: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MAPPING.replace(*change), encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        services.answer_library.import_mapped(sample_assessment.id, _write_csv(tmp_path / "a.csv", ROWS), bad)
    assert any(needle in str(i) for i in err.value.issues), [str(i) for i in err.value.issues]
    assert services.assessments.answers(sample_assessment.id) == {}


def test_cli_import_answers(services: Any, sample_assessment: Any, mapping: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    answers = _write_csv(tmp_path / "filled.csv", ROWS[:5])
    ws = str(services.workspace.location)
    services.close()
    from trustframe.services.context import Services

    # The CLI opens the workspace itself; the sample questionnaire is stored in it by create().
    rc = cli_main(["--workspace", ws, "--json", "import-answers", str(answers), "--mapping", str(mapping),
                   "--assessment", str(sample_assessment.id)])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["applied"] == ["GOV-01", "VUL-01"]
    with Services.open(ws) as s:
        assert s.assessments.answers(sample_assessment.id)["GOV-01"].to_confirm
