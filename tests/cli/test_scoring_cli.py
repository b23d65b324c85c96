"""``trustframe assessment score|compare`` and ``trustframe portfolio ...`` in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustframe.cli import main
from trustframe.services.context import Services


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path: Path) -> tuple[str, list[int]]:
    """A workspace with two assessments of the bundled questionnaire, a few answers each."""
    path = tmp_path / "cli.tfw"
    with Services.open(path, user="tester") as s:
        ids = []
        for name, option_index in (("Acme", 0), ("Beta", -1)):
            v = s.vendors.add_vendor(name, "GB")
            p = s.vendors.add_product(v.id, f"{name} Router", "network_equipment")
            a = s.assessments.create(v.id, p.id)
            questions = [q for q in s.assessments.applicable_questions(a) if q.type.has_options][:5]
            for q in questions:
                scored = [o for o in q.options if o.score is not None]
                s.assessments.set_answer(a.id, q.id, scored[option_index].id)
            ids.append(a.id)
    return str(path), ids


def test_assessment_score_text_and_json(capsys: pytest.CaptureFixture[str], ws: tuple[str, list[int]]) -> None:
    path, (a, _) = ws
    code, out, _ = run(capsys, "--workspace", path, "assessment", "score", str(a))
    assert code == 0
    assert "Rating" in out and "By section" in out and "By pillar" in out
    code, out, _ = run(capsys, "--workspace", path, "assessment", "score", str(a), "--as-of", "2030-01-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2030-01-01" and data["assessment_id"] == a
    assert data["rating"] in ("low", "moderate", "high", "critical")
    assert {"drivers", "improvements", "flags", "by_pillar"} <= set(data)


def test_assessment_score_errors(capsys: pytest.CaptureFixture[str], ws: tuple[str, list[int]]) -> None:
    path, _ = ws
    code, _, err = run(capsys, "--workspace", path, "assessment", "score", "999")
    assert code == 1 and "999" in err
    code, _, _ = run(capsys, "--workspace", path, "assessment", "score", "1", "--as-of", "yesterday")
    assert code == 2


def test_compare_and_portfolio(capsys: pytest.CaptureFixture[str], ws: tuple[str, list[int]]) -> None:
    path, (a, b) = ws
    code, out, _ = run(capsys, "--workspace", path, "assessment", "compare", str(a), str(b))
    assert code == 0 and "Acme / Acme Router" in out and "Beta / Beta Router" in out
    code, out, _ = run(capsys, "--workspace", path, "--json", "assessment", "compare", str(a), str(b))
    data = json.loads(out)
    assert [c["vendor"] for c in data["columns"]] == ["Acme", "Beta"]
    code, out, _ = run(capsys, "--workspace", path, "--json", "portfolio", "register")
    assert code == 0 and [r["vendor_name"] for r in json.loads(out)] == ["Acme", "Beta"]
    code, out, _ = run(capsys, "--workspace", path, "portfolio", "summary")
    assert code == 0 and "2 vendors" in out
    code, out, err = run(capsys, "--workspace", path, "portfolio", "rescore")
    assert code == 0 and "2 assessments scored" in out and "2/2" in err
