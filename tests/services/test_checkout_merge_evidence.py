"""Evidence in an offline check-out: added offline (with its stored file and links) is created on
the server in the merge's transaction, edited offline applies or conflicts like an answer, links
follow, and merging twice creates nothing new. Run with a SQLite file and a PostgreSQL database as
the team workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.sbom_support import make_spdx
from trustframe.services import team_sync
from trustframe.services.context import Services
from trustframe.services.questionnaires import QuestionnaireCatalog
from trustframe.storage.database import Workspace

pytestmark = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


def _open(location: str | Path, sample_dir: Path) -> Services:
    workspace = Workspace.open(location, create=False)
    return Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(sample_dir,)), user="offline officer")


def _pdf(path: Path, body: bytes) -> Path:
    path.write_bytes(b"%PDF-1.4 " + body)
    return path


def _evidence(services: Services) -> dict[str, Any]:
    return {e.title: e for e in services.evidence.list_evidence()}


@pytest.fixture
def team(workspace_location: str, sample_assessment_on: Any, tmp_path: Path) -> tuple[Services, Any, Any]:
    """The team workspace with an assessment, one stored evidence file linked to VUL-01, and a
    second vendor whose evidence takes the ids the offline file will use for its new evidence."""
    server, assessment = sample_assessment_on(workspace_location)
    server.assessments.set_answer(assessment.id, "VUL-01", comment="at checkout")
    pentest = server.evidence.add(assessment.vendor_id, "Pen test", "penetration_test",
                                  file=_pdf(tmp_path / "pentest.pdf", b"pentest 2026"), issuer="Lab A")
    server.evidence.link(assessment.id, "VUL-01", pentest.id)
    return server, assessment, pentest


def test_evidence_added_offline_is_created_with_its_file_and_links_once(
        team: tuple[Services, Any, Any], workspace_location: str, sample_dir: Path, tmp_path: Path) -> None:
    server, assessment, pentest = team
    aid = assessment.id
    local_file = tmp_path / "offline.tfw"
    team_sync.checkout(workspace_location, [aid], local_file)
    with _open(local_file, sample_dir) as local:
        iso = local.evidence.add(assessment.vendor_id, "ISO 27001 certificate", "certificate",
                                 file=_pdf(tmp_path / "iso.pdf", b"iso certificate body"), issuer="Cert body",
                                 expires_on=date(2028, 1, 31))
        policy = local.evidence.add(assessment.vendor_id, "Security policy", "policy",
                                    url="https://acme.example/policy")
        sbom = local.evidence.add(assessment.vendor_id, "SBOM 7.1", "sbom", file=make_spdx(tmp_path / "nw.spdx.json"))
        local.evidence.link(aid, "GOV-01", iso.id)
        local.evidence.link(aid, "GOV-03", policy.id)
        local.evidence.unlink(aid, "VUL-01", pentest.id)
        local_facts = local.evidence.facts([sbom.id])[sbom.id]
    # Meanwhile on the server: another vendor's evidence takes the ids the file gave its new evidence.
    other_vendor = server.vendors.add_vendor("Other Corp", "DE")
    others = [server.evidence.add(other_vendor.id, f"Other {n}", "policy", url=f"https://other.example/{n}")
              for n in range(2)]
    assert {iso.id, policy.id} & {o.id for o in others}, "the test needs colliding ids"

    result = team_sync.merge(local_file, workspace_location)
    assert result.merged and sorted(result.evidence_added) == ["ISO 27001 certificate", "SBOM 7.1", "Security policy"]
    assert result.links_removed == [(aid, "VUL-01", pentest.id)]
    on_server = _evidence(server)
    assert set(on_server) == {"Pen test", "ISO 27001 certificate", "SBOM 7.1", "Security policy", "Other 0", "Other 1"}
    new_sbom = on_server["SBOM 7.1"]
    assert server.evidence.facts([new_sbom.id])[new_sbom.id] == local_facts  # the parsed facts travel along
    assert server.evidence.file_bytes(new_sbom.id) == (tmp_path / "nw.spdx.json").read_bytes()
    new_iso = on_server["ISO 27001 certificate"]
    assert new_iso.vendor_id == assessment.vendor_id and new_iso.issuer == "Cert body"
    assert new_iso.added_by == server.user  # who merged it, as the team workspace records people
    assert new_iso.expires_on == date(2028, 1, 31)
    assert server.evidence.file_bytes(new_iso.id) == b"%PDF-1.4 iso certificate body"
    assert on_server["Security policy"].url == "https://acme.example/policy"
    assert all(on_server[f"Other {n}"].vendor_id == other_vendor.id for n in range(2))
    links = {q: sorted(e.title for e in items) for q, items in server.evidence.for_assessment(aid).items()}
    assert links == {"GOV-01": ["ISO 27001 certificate"], "GOV-03": ["Security policy"]}

    # Idempotent: merging again creates nothing new and changes no version.
    versions = {e.id: e.version for e in server.evidence.list_evidence()}
    again = team_sync.merge(local_file, workspace_location)
    assert again.merged and again.evidence_added == [] and again.evidence_applied == []
    assert again.links_added == [] and again.links_removed == []
    assert {e.id: e.version for e in server.evidence.list_evidence()} == versions
    assert len(server.evidence.list_evidence()) == 6

    # Work continues offline on the merged file: a new link to the merged evidence goes to its server id.
    with _open(local_file, sample_dir) as local:
        local.evidence.link(aid, "VUL-02", iso.id)
    assert team_sync.merge(local_file, workspace_location).links_added == [(aid, "VUL-02", iso.id)]
    assert [e.id for e in server.evidence.for_assessment(aid)["VUL-02"]] == [new_iso.id]


def test_evidence_edited_offline_applies_and_conflicts_are_decided(
        team: tuple[Services, Any, Any], workspace_location: str, sample_dir: Path, tmp_path: Path) -> None:
    server, assessment, pentest = team
    aid = assessment.id
    second = server.evidence.add(assessment.vendor_id, "SOC 2 report", "audit_report",
                                 url="https://acme.example/soc2")
    local_file = tmp_path / "offline.tfw"
    team_sync.checkout(workspace_location, [aid], local_file)
    with _open(local_file, sample_dir) as local:
        local.evidence.update(replace(local.evidence.get(pentest.id), notes="checked offline",
                                      expires_on=date(2027, 6, 30)))
        local.evidence.update(replace(local.evidence.get(second.id), issuer="Auditor (offline)"))
        local.assessments.set_answer(aid, "VUL-01", comment="local")
    server.evidence.update(replace(server.evidence.get(second.id), issuer="Auditor (server)"))
    server.assessments.set_answer(aid, "VUL-01", comment="remote")
    before = {e.id: (e.notes, e.issuer, e.version) for e in server.evidence.list_evidence()}

    # A preview and an undecided merge write nothing, and list the conflicts with all three sides.
    preview = team_sync.merge(local_file, workspace_location, preview=True)
    assert not preview.merged and preview.evidence_applied == [pentest.id]
    for result in (preview, team_sync.merge(local_file, workspace_location)):
        assert [c.question_id for c in result.conflicts] == ["VUL-01"]
        [conflict] = result.evidence_conflicts
        assert conflict.evidence_id == second.id and conflict.changed_fields() == ["issuer"]
        assert (conflict.base["issuer"], conflict.local["issuer"], conflict.remote["issuer"]) == \
            ("", "Auditor (offline)", "Auditor (server)")
    assert {e.id: (e.notes, e.issuer, e.version) for e in server.evidence.list_evidence()} == before

    # Decided: the evidence keeps the server's side, the answer takes the local one.
    result = team_sync.merge(local_file, workspace_location, resolutions={(aid, "VUL-01"): "local"},
                             evidence_resolutions={second.id: "remote"})
    assert result.merged and result.evidence_applied == [pentest.id]
    assert result.evidence_kept_remote == [second.id]
    merged = server.evidence.get(pentest.id)
    assert (merged.notes, merged.expires_on, merged.issuer) == ("checked offline", date(2027, 6, 30), "Lab A")
    assert merged.version == pentest.version + 1
    assert server.evidence.get(second.id).issuer == "Auditor (server)"
    assert server.assessments.answers(aid)["VUL-01"].comment == "local"
    assert server.evidence.file_bytes(pentest.id) == b"%PDF-1.4 pentest 2026"  # the file never changes

    # The file follows the merged state, and merging again changes nothing.
    with _open(local_file, sample_dir) as local:
        assert local.evidence.get(second.id).issuer == "Auditor (server)"
    versions = {e.id: e.version for e in server.evidence.list_evidence()}
    again = team_sync.merge(local_file, workspace_location)
    assert again.merged and again.evidence_applied == [] and again.evidence_conflicts == []
    assert {e.id: e.version for e in server.evidence.list_evidence()} == versions


def test_evidence_deleted_on_the_server_while_edited_offline_is_reported_not_merged(
        team: tuple[Services, Any, Any], workspace_location: str, sample_dir: Path, tmp_path: Path) -> None:
    server, assessment, pentest = team
    local_file = tmp_path / "offline.tfw"
    team_sync.checkout(workspace_location, [assessment.id], local_file)
    with _open(local_file, sample_dir) as local:
        local.evidence.update(replace(local.evidence.get(pentest.id), notes="edited offline"))
        local.evidence.link(assessment.id, "GOV-01", pentest.id)
    server.evidence.delete(pentest.id)
    result = team_sync.merge(local_file, workspace_location)
    assert result.merged and result.evidence_applied == [] and result.links_added == []
    assert result.evidence_not_merged == ["Pen test (deleted in the team workspace)",
                                          "link of Pen test to GOV-01 (the evidence is not in the team workspace)"]
    assert server.evidence.list_evidence() == []
    again = team_sync.merge(local_file, workspace_location)  # still reported, never re-created
    assert again.evidence_added == [] and again.evidence_not_merged == result.evidence_not_merged[:1]
    assert server.evidence.list_evidence() == []


def test_cli_lists_evidence_conflicts_and_resolves_them(
        team: tuple[Services, Any, Any], workspace_location: str, sample_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from trustframe.cli import main

    server, assessment, pentest = team
    local_file = tmp_path / "offline.tfw"
    assert main(["workspace", "checkout", workspace_location, str(assessment.id), str(local_file)]) == 0
    with _open(local_file, sample_dir) as local:
        local.evidence.update(replace(local.evidence.get(pentest.id), title="Pen test (offline)"))
    server.evidence.update(replace(server.evidence.get(pentest.id), title="Pen test (server)"))
    capsys.readouterr()
    assert main(["--json", "workspace", "merge", str(local_file), workspace_location]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [(c["evidence_id"], c["fields"], c["local"]["title"], c["remote"]["title"])
            for c in out["evidence_conflicts"]] == [(pentest.id, ["title"], "Pen test (offline)", "Pen test (server)")]
    assert main(["workspace", "merge", str(local_file), workspace_location,
                 "--resolve", f"evidence:{pentest.id}=local"]) == 0
    assert "1 updated" in capsys.readouterr().out
    assert server.evidence.get(pentest.id).title == "Pen test (offline)"
