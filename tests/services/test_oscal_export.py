"""OSCAL out: catalog, assessment results and POA&M load in compliance-trestle's models and cross-reference."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any, Iterator

import pytest

from trustframe.cli import main as cli_main
from trustframe.domain.scoring_model import Rating

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


@pytest.fixture(scope="module")
def demo(demo_location: str) -> Iterator[Any]:
    """This module's copy of the demo workspace (built as of 2026-03-02, tests/conftest.py)."""
    from trustframe.services.context import Services

    services = Services.open(demo_location, user="tester")
    services.set_setting("organisation_name", "Ministry of Examples")
    yield services
    services.close()


def _worst(services: Any) -> int:
    """The demo's worst assessment: lowest rating, then lowest score."""
    scored = [(services.scoring.score(a.id), a.id) for a in services.assessments.list_assessments()]
    scored.sort(key=lambda r: (-r[0].rating.rank if isinstance(r[0].rating, Rating) else 0,
                               r[0].overall if r[0].overall is not None else 101))
    return scored[0][1]


def _load(folder: Path) -> dict[str, Any]:
    return {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            for name in ("catalog", "assessment-results", "poam")}


def test_worst_assessment_exports_valid_cross_referenced_oscal(demo: Any, tmp_path: Path) -> None:
    from trestle.oscal.assessment_results import AssessmentResults
    from trestle.oscal.catalog import Catalog
    from trestle.oscal.poam import PlanOfActionAndMilestones

    from trustframe.services.oscal import export_oscal

    worst = _worst(demo)
    written = export_oscal(demo, worst, tmp_path / "oscal")
    assert [p.name for p in written] == ["catalog.json", "assessment-results.json", "poam.json"]
    docs = _load(tmp_path / "oscal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        catalog = Catalog.parse_obj(docs["catalog"]["catalog"])
        results = AssessmentResults.parse_obj(docs["assessment-results"]["assessment-results"])
        poam = PlanOfActionAndMilestones.parse_obj(docs["poam"]["plan-of-action-and-milestones"])
    assert catalog.groups and results.results and poam.poam_items
    for name, key in (("catalog", "catalog"), ("assessment-results", "assessment-results"),
                      ("poam", "plan-of-action-and-milestones")):
        assert docs[name][key]["metadata"]["oscal-version"] == "1.1.3"

    questionnaire = demo.assessments.questionnaire(worst)
    statements = {f"{q.id}_smt" for q in questionnaire.iter_questions()}
    controls = {c["id"] for g in docs["catalog"]["catalog"]["groups"] for c in g["controls"]}
    assert controls == set(questionnaire.questions_by_id)

    result = docs["assessment-results"]["assessment-results"]["results"][0]
    score = demo.scoring.score(worst)
    assert len(score.open_flags) > 0, "the worst demo assessment should have open red flags"
    observations = {o["uuid"] for o in result["observations"]}
    risks = {r["uuid"] for r in result.get("risks", [])}
    findings = result["findings"]
    flag_findings = [f for f in findings if f["title"].startswith("Red flag")]
    assert len(flag_findings) == len([f for f in score.open_flags if f.question_id in questionnaire.questions_by_id])
    for f in findings:
        assert f["target"]["target-id"] in statements  # finding -> control statement -> catalog
        assert f["target"]["status"]["state"] == "not-satisfied"
        assert {o["observation-uuid"] for o in f["related-observations"]} <= observations
        assert {r["risk-uuid"] for r in f.get("related-risks", [])} <= risks
    reviewed = {c["control-id"] for c in result["reviewed-controls"]["control-selections"][0]["include-controls"]}
    assert reviewed <= controls

    poam_doc = docs["poam"]["plan-of-action-and-milestones"]
    poam_risks = {r["uuid"] for r in poam_doc.get("risks", [])}
    items = poam_doc["poam-items"]
    assert len(items) >= len(score.open_flags)
    for item in items:
        assert {r["risk-uuid"] for r in item.get("related-risks", [])} <= poam_risks <= risks


def test_export_is_stable_and_reads_only(demo: Any, tmp_path: Path) -> None:
    from trustframe.services.oscal import export_oscal

    worst = _worst(demo)
    before = demo.history(worst)
    export_oscal(demo, worst, tmp_path / "a")
    export_oscal(demo, worst, tmp_path / "b")
    a, b = _load(tmp_path / "a"), _load(tmp_path / "b")
    ids_a = [f["uuid"] for f in a["assessment-results"]["assessment-results"]["results"][0]["findings"]]
    ids_b = [f["uuid"] for f in b["assessment-results"]["assessment-results"]["results"][0]["findings"]]
    assert ids_a == ids_b
    assert demo.history(worst) == before
    assert not list((tmp_path / "a").glob(".~*"))


def test_vendor_text_lands_as_data(demo: Any, tmp_path: Path) -> None:
    """A hostile comment is carried as JSON text, never interpreted."""
    from trustframe.services.oscal import export_oscal

    open_one = next(a for a in demo.assessments.list_assessments() if a.status.value != "decided"
                    and demo.assessments.answers(a.id))
    hostile = '"}]}<script>alert(1)</script>=cmd|'
    export_oscal(demo, open_one.id, tmp_path / "before")
    first = json.loads((tmp_path / "before" / "assessment-results.json").read_text(encoding="utf-8"))
    finding = first["assessment-results"]["results"][0]["findings"][0]
    qid = finding["target"]["target-id"].removesuffix("_smt")
    demo.assessments.set_answer(open_one.id, qid, comment=hostile)
    export_oscal(demo, open_one.id, tmp_path / "o")
    doc = json.loads((tmp_path / "o" / "assessment-results.json").read_text(encoding="utf-8"))
    descriptions = [o["description"] for o in doc["assessment-results"]["results"][0]["observations"]]
    assert any(hostile in d for d in descriptions)


def test_cli_export_oscal(demo: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    worst = _worst(demo)
    ws = str(demo.workspace.location)
    assert cli_main(["--workspace", ws, "--json", "export", "oscal", str(worst), "-o", str(tmp_path / "x")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [Path(f).name for f in out["files"]] == ["catalog.json", "assessment-results.json", "poam.json"]
    (tmp_path / "file").write_text("x")
    assert cli_main(["--workspace", ws, "export", "oscal", str(worst), "-o", str(tmp_path / "file")]) == 2
