"""No lost update (team mode): rows carry versions; a save against a stale version is refused
with both values, never silently overwritten. Two real processes on one PostgreSQL workspace."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from trustframe.errors import StaleWriteError
from trustframe.services.context import Services
from trustframe.services.questionnaires import QuestionnaireCatalog
from trustframe.storage.database import Workspace

WORKER = Path(__file__).with_name("team_workers.py")
pytestmark = pytest.mark.both_engines


def _run_workers(url: str, sample_dir: Path, aid: int, questions: list[str], saves: int,
                 tmp_path: Path) -> list[dict[str, Any]]:
    outs = [tmp_path / f"worker-{i}.json" for i in range(len(questions))]
    procs = [subprocess.Popen([sys.executable, str(WORKER), url, str(sample_dir), str(aid), qid, str(saves), str(out)])
             for qid, out in zip(questions, outs)]
    for proc in procs:
        assert proc.wait(timeout=900) == 0
    return [json.loads(out.read_text(encoding="utf-8")) for out in outs]


@pytest.mark.postgres
@pytest.mark.slow
def test_two_processes_answering_the_same_question_1000_times_each_lose_nothing(
        pg_workspace_url: str, sample_dir: Path, sample_assessment_on: Any, tmp_path: Path) -> None:
    services, assessment = sample_assessment_on(pg_workspace_url)
    services.assessments.set_answer(assessment.id, "VUL-02", 0)
    results = _run_workers(pg_workspace_url, sample_dir, assessment.id, ["VUL-02", "VUL-02"], 1000, tmp_path)
    final = services.assessments.answers(assessment.id)["VUL-02"]
    # Every acknowledged save is in the value: 2,000 increments, none lost.
    assert [r["saves"] for r in results] == [1000, 1000]
    assert int(final.value) == 2000
    assert final.version == 1 + 2000
    conflicts = sum(r["conflicts"] for r in results)
    # The refusals were surfaced (and counted), each with both values.
    assert sum(r["reported_both"] for r in results) == conflicts
    print(f"\n2 x 1000 saves: 0 lost, {conflicts} conflicts surfaced; {[r['seconds'] for r in results]} s")
    history = [e for e in services.history(assessment.id, limit=5000) if e.field == "value"]
    assert len(history) == 2001


@pytest.mark.postgres
def test_two_officers_answering_different_questions_never_conflict(
        pg_workspace_url: str, sample_dir: Path, sample_assessment_on: Any, tmp_path: Path) -> None:
    services, assessment = sample_assessment_on(pg_workspace_url)
    results = _run_workers(pg_workspace_url, sample_dir, assessment.id, ["VUL-02", "GOV-03"], 150, tmp_path)
    assert [r["conflicts"] for r in results] == [0, 0]
    answers = services.assessments.answers(assessment.id)
    assert int(answers["VUL-02"].value) == 150 and int(answers["GOV-03"].value) == 150


def test_a_stale_answer_save_is_refused_with_both_values(services: Services, sample_assessment: Any) -> None:
    aid = sample_assessment.id
    assert sample_assessment.version == 1
    services.assessments.set_answer(aid, "GOV-03", "first")
    read = services.assessments.answers(aid)["GOV-03"]
    services.assessments.set_answer(aid, "GOV-03", "theirs", expected_version=read.version)  # a colleague
    with pytest.raises(StaleWriteError) as refused:
        services.assessments.set_answer(aid, "GOV-03", "mine", expected_version=read.version)
    assert (refused.value.yours, refused.value.theirs) == ("mine", "theirs")
    assert services.assessments.answers(aid)["GOV-03"].value == "theirs"
    # "I saw no answer" (version 0) is stale once someone has answered.
    with pytest.raises(StaleWriteError):
        services.assessments.set_answer(aid, "GOV-03", "again", expected_version=0)
    # Choosing "mine" after seeing both: save against the current version.
    services.assessments.set_answer(aid, "GOV-03", "mine", expected_version=refused.value.version)
    assert services.assessments.answers(aid)["GOV-03"].value == "mine"


def test_stale_vendor_evidence_and_assessment_saves_are_refused(services: Services, sample_assessment: Any,
                                                                tmp_path: Path) -> None:
    vendor = services.vendors.get_vendor(sample_assessment.vendor_id)
    services.vendors.update_vendor(replace(vendor, notes="theirs"))
    with pytest.raises(StaleWriteError):
        services.vendors.update_vendor(replace(vendor, notes="mine"))
    assert services.vendors.get_vendor(vendor.id).notes == "theirs"
    fresh = services.vendors.get_vendor(vendor.id)
    assert fresh.version == vendor.version + 1
    services.vendors.update_vendor(replace(fresh, notes="mine"))

    evidence = services.evidence.add(vendor.id, "ISO certificate", "certificate", url="https://example.org/iso")
    services.evidence.update(replace(evidence, issuer="theirs"))
    with pytest.raises(StaleWriteError):
        services.evidence.update(replace(evidence, issuer="mine"))
    assert services.evidence.get(evidence.id).issuer == "theirs"

    read = services.assessments.get(sample_assessment.id)
    services.assessments.update_details(read.id, expected_version=read.version, procurement="RFP-1")
    with pytest.raises(StaleWriteError):
        services.assessments.update_details(read.id, expected_version=read.version, procurement="RFP-2")
    assert services.assessments.get(read.id).procurement == "RFP-1"
