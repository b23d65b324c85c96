"""Offline check-out and merge (team mode): answers changed only locally apply, answers changed
on both sides are conflicts (base, local, remote) decided as chosen, the merge is one transaction
and idempotent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trustframe.cli import main
from trustframe.domain.assessment import Decision
from trustframe.errors import ConflictError
from trustframe.services import team_sync
from trustframe.services.context import Services
from trustframe.services.questionnaires import QuestionnaireCatalog
from trustframe.storage.database import Workspace

pytestmark = pytest.mark.postgres


def _open(location: str | Path, sample_dir: Path) -> Services:
    workspace = Workspace.open(location, create=False)
    return Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(sample_dir,)), user="tester")


def _answers(services: Services, aid: int) -> dict[str, tuple[Any, str]]:
    return {q: (a.value, a.comment) for q, a in services.assessments.answers(aid).items()}


def test_checkout_merge_with_three_conflicts_resolves_as_chosen(
        pg_workspace_url: str, sample_dir: Path, sample_assessment_on: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    server, assessment = sample_assessment_on(pg_workspace_url)
    aid = assessment.id
    other = server.assessments.create(assessment.vendor_id, assessment.product_id, "sample-trust")
    for qid in ("GOV-01", "GOV-03", "VUL-01", "VUL-02", "VUL-03", "HW-01"):
        server.assessments.set_answer(aid, qid, comment="at checkout")
    evidence = server.evidence.add(assessment.vendor_id, "Pen test", "penetration_test",
                                   file=_file(tmp_path / "pentest.pdf"))
    server.evidence.link(aid, "VUL-01", evidence.id)

    local_file = tmp_path / "offline.tfw"
    counts = team_sync.checkout(pg_workspace_url, [aid], local_file)
    assert counts["assessments"] == 1 and counts["answers"] == 6 and counts["evidence_blobs"] == 1
    local = _open(local_file, sample_dir)
    assert [a.id for a in local.assessments.list_assessments()] == [aid]  # only the one checked out, same id
    assert local.evidence.file_bytes(evidence.id) == (tmp_path / "pentest.pdf").read_bytes()

    local.assessments.set_answer(aid, "GOV-01", comment="local only")          # applies
    for qid in ("GOV-03", "VUL-01", "VUL-02"):                                  # three conflicts
        local.assessments.set_answer(aid, qid, comment=f"local {qid}")
        server.assessments.set_answer(aid, qid, comment=f"remote {qid}")
    server.assessments.set_answer(aid, "VUL-03", comment="remote only")        # stays
    local.assessments.set_answer(aid, "HW-01", comment="same on both")         # same change: nothing to do
    server.assessments.set_answer(aid, "HW-01", comment="same on both")
    server.assessments.set_answer(other.id, "GOV-01", comment="not checked out")
    local.close()
    before = _answers(server, aid)

    # Undecided conflicts: listed with base, local and remote; nothing is written.
    code = main(["--json", "workspace", "merge", str(local_file), pg_workspace_url])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["merged"] is False
    listed = {c["question_id"]: (c["base"]["comment"], c["local"]["comment"], c["remote"]["comment"])
              for c in out["conflicts"]}
    assert listed == {q: ("at checkout", f"local {q}", f"remote {q}") for q in ("GOV-03", "VUL-01", "VUL-02")}
    assert _answers(server, aid) == before

    # Decided: two local, one remote (and the rest as the rules say).
    code = main(["workspace", "merge", str(local_file), pg_workspace_url, "--resolve", f"{aid}:GOV-03=local",
                 "--resolve", f"{aid}:VUL-01=remote", "--resolve", f"{aid}:VUL-02=local"])
    text = capsys.readouterr().out
    assert code == 0, text
    merged = {q: c for q, (_v, c) in _answers(server, aid).items()}
    assert merged == {"GOV-01": "local only", "GOV-03": "local GOV-03", "VUL-01": "remote VUL-01",
                      "VUL-02": "local VUL-02", "VUL-03": "remote only", "HW-01": "same on both"}
    assert _answers(server, other.id)["GOV-01"][1] == "not checked out"

    # Idempotent: merging again changes nothing, and the file now holds the merged answers.
    versions = {q: a.version for q, a in server.assessments.answers(aid).items()}
    result = team_sync.merge(local_file, pg_workspace_url)
    assert result.merged and result.applied == [] and result.conflicts == []
    assert {q: a.version for q, a in server.assessments.answers(aid).items()} == versions
    with _open(local_file, sample_dir) as again:
        assert {q: c for q, (_v, c) in _answers(again, aid).items()} == merged


def test_a_merge_is_one_transaction(pg_workspace_url: str, sample_dir: Path, sample_assessment_on: Any,
                                    tmp_path: Path) -> None:
    server, assessment = sample_assessment_on(pg_workspace_url)
    aid = assessment.id
    server.assessments.set_answer(aid, "GOV-01", comment="base")
    local_file = tmp_path / "offline.tfw"
    team_sync.checkout(pg_workspace_url, [aid], local_file)
    with _open(local_file, sample_dir) as local:
        local.assessments.set_answer(aid, "GOV-01", comment="local")
        local.assessments.set_answer(aid, "GOV-03", comment="local new")
    # The server decided the assessment meanwhile: the merge is refused whole, nothing half-applied.
    server.assessments.decide(aid, Decision.REJECT, notes="decided meanwhile", justification="too few answers")
    with pytest.raises(ConflictError, match="decided"):
        team_sync.merge(local_file, pg_workspace_url, take="local")
    assert {q: c for q, (_v, c) in _answers(server, aid).items()} == {"GOV-01": "base"}


def _file(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4 penetration test " + bytes(range(256)) * 8)
    return path
