"""Team mode on PostgreSQL: roles, identity from the login, four-eyes decisions and the
append-only audit log, enforced by the database (direct SQL as each role's login)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from trustframe.domain.assessment import Decision
from trustframe.errors import TeamPermissionError, WorkspaceError
from trustframe.services import team_admin
from trustframe.services.context import Services
from trustframe.services.questionnaires import QuestionnaireCatalog
from trustframe.storage.database import Workspace

pytestmark = pytest.mark.postgres


class Team:
    """One team workspace with logins ann (assessor), rita (reviewer), bob and carol (approvers;
    carol also assesses)."""

    def __init__(self, cluster: Any, database: str, sample_dir: Path) -> None:
        self.cluster, self.database, self.sample_dir = cluster, database, sample_dir
        self.open: list[Services] = []

    def url(self, user: str) -> str:
        return self.cluster.url(self.database, user=user)

    def as_user(self, user: str, claimed: str = "somebody-else") -> Services:
        workspace = Workspace.open(self.url(user), create=False)
        services = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(self.sample_dir,)), user=claimed)
        self.open.append(services)
        return services

    def sql(self, user: str, statement: str, **params: Any) -> Any:
        engine = create_engine(self.url(user))
        try:
            with engine.begin() as conn:
                return conn.execute(text(statement), params).fetchall() if statement.lstrip().upper().startswith(
                    "SELECT") else conn.execute(text(statement), params)
        finally:
            engine.dispose()


@pytest.fixture
def team(pg_cluster: Any, pg_workspace_url: str, sample_dir: Path) -> Iterator[Team]:
    database = pg_workspace_url.rsplit("/", 1)[1]
    with Workspace.open(pg_workspace_url) as owner:
        assert team_admin.init(owner) == [f"trustframe_{r}" for r in team_admin.ROLES]
        assert team_admin.init(owner)  # idempotent
        for user, role in (("ann", "assessor"), ("rita", "reviewer"), ("bob", "approver"), ("carol", "approver"),
                           ("carol", "assessor")):
            team_admin.grant(owner, user, role)
        assert {"bob", "carol"} <= set(team_admin.members(owner)["approver"])
    result = Team(pg_cluster, database, sample_dir)
    yield result
    for services in result.open:
        services.close()


def _assessment(services: Services) -> tuple[int, list[str]]:
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    product = services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    assessment = services.assessments.create(vendor.id, product.id, "sample-trust")
    questions = [q.id for q in services.assessments.scoped_questions(assessment.id)]
    return assessment.id, questions


def test_the_login_is_the_identity_whatever_the_client_claims(team: Team) -> None:
    ann = team.as_user("ann", claimed="mallory")
    assert ann.user == "ann"
    aid, questions = _assessment(ann)
    ann.assessments.set_answer(aid, questions[0], comment="checked on site")
    assert ann.assessments.get(aid).assessor == "ann"
    assert ann.assessments.answers(aid)[questions[0]].updated_by == "ann"
    # A modified client writing another name directly: the database records the login anyway.
    team.sql("ann", "UPDATE answers SET updated_by = 'bob', comment = 'edited' WHERE assessment_id = :a", a=aid)
    assert {r[0] for r in team.sql("ann", "SELECT updated_by FROM answers WHERE assessment_id = :a", a=aid)} == {"ann"}
    team.sql("ann", "INSERT INTO change_log (at, actor, entity, entity_id, field, note) "
                    "VALUES (now(), 'bob', 'vendor', '1', 'x', '')")
    actors = {r[0] for r in team.sql("ann", "SELECT actor FROM change_log")}
    assert actors == {"ann"}


def test_the_audit_log_is_append_only_for_every_role(team: Team) -> None:
    ann = team.as_user("ann")
    _assessment(ann)
    for user in ("ann", "rita", "bob"):
        with pytest.raises(DBAPIError, match="permission denied"):
            team.sql(user, "UPDATE change_log SET note = 'rewritten'")
        with pytest.raises(DBAPIError, match="permission denied"):
            team.sql(user, "DELETE FROM change_log")
    grants = team.sql("ann", "SELECT DISTINCT privilege_type FROM information_schema.role_table_grants "
                             "WHERE table_name = 'change_log' AND grantee LIKE 'trustframe%'")
    assert {r[0] for r in grants} == {"SELECT", "INSERT"}


def test_four_eyes_refuses_a_decision_by_the_assessor_even_in_direct_sql(team: Team) -> None:
    ann = team.as_user("ann")
    aid, questions = _assessment(ann)
    for qid in questions[:3]:
        ann.assessments.set_answer(aid, qid, comment="seen")
    # Not an approver: refused through the application...
    with pytest.raises(TeamPermissionError, match="four-eyes: ann is not an approver"):
        ann.assessments.decide(aid, Decision.APPROVE, notes="self-approval")
    # ...and by direct SQL, as an UPDATE and as an INSERT of an already decided assessment.
    with pytest.raises(DBAPIError, match="four-eyes"):
        team.sql("ann", "UPDATE assessments SET status = 'decided', decision = 'approve' WHERE id = :a", a=aid)
    with pytest.raises(DBAPIError, match="four-eyes"):
        team.sql("ann", "INSERT INTO assessments (uid, vendor_id, product_id, questionnaire_id, questionnaire_version, "
                        "status, tier_override_reason, profile_answers, scope_added, scope_removed, assessor, reviewer, "
                        "decision, decision_by, decision_notes, procurement, created_at, updated_at) "
                        "SELECT 'forged-uid', vendor_id, product_id, questionnaire_id, questionnaire_version, 'decided', "
                        "'', '{}', '[]', '[]', 'bob', '', 'approve', 'bob', '', '', now(), now() "
                        "FROM assessments WHERE id = :a", a=aid)
    assert team.sql("ann", "SELECT status FROM assessments WHERE id = :a", a=aid)[0][0] != "decided"


def test_four_eyes_refuses_whoever_answered_most_and_lets_another_approver_decide(team: Team) -> None:
    ann = team.as_user("ann")
    aid, questions = _assessment(ann)
    ann.assessments.set_answer(aid, questions[0], comment="ann's")
    carol = team.as_user("carol")
    for qid in questions[1:4]:
        carol.assessments.set_answer(aid, qid, comment="carol's")
    with pytest.raises(TeamPermissionError, match="carol answered most"):
        carol.assessments.decide(aid, Decision.APPROVE, notes="mine")
    bob = team.as_user("bob", claimed="ann")
    decided = bob.assessments.decide(aid, Decision.APPROVE, decided_by="ann", notes="four eyes")
    assert decided.decision_by == "bob"
    entries = [e for e in bob.history(aid) if e.field == "decision"]
    assert entries and entries[0].actor == "bob"


def test_roles_limit_what_each_login_may_change(team: Team) -> None:
    ann = team.as_user("ann")
    aid, _questions = _assessment(ann)
    # Settings are the admin's.
    with pytest.raises(TeamPermissionError):
        ann.set_setting("organisation", "Ann's org")
    with pytest.raises(DBAPIError, match="permission denied"):
        team.sql("ann", "DELETE FROM vendors")
    with pytest.raises(DBAPIError, match="permission denied"):
        team.sql("ann", "INSERT INTO flag_acceptances (assessment_id, flag_id, reason, accepted_by, accepted_at) "
                        "VALUES (:a, 'f', 'r', 'ann', now())", a=aid)
    team.sql("rita", "INSERT INTO flag_acceptances (assessment_id, flag_id, reason, accepted_by, accepted_at) "
                     "VALUES (:a, 'f', 'r', 'rita', now())", a=aid)


def test_team_commands_need_a_server_workspace_and_a_known_role(tmp_path: Path, team: Team) -> None:
    with Workspace.open(tmp_path / "solo.tfw") as solo, pytest.raises(WorkspaceError, match="PostgreSQL"):
        team_admin.init(solo)
    with Workspace.open(team.url("postgres")) as owner, pytest.raises(WorkspaceError, match="no team role"):
        team_admin.grant(owner, "dave", "king")
