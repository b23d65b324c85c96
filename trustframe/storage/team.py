"""Team mode on PostgreSQL: roles, grants and the rules the database itself enforces.

``trustframe team init`` (run by the database owner) creates four group roles and their grants,
and installs triggers that no client can bypass, however it was modified:

* identity: the database login (``session_user``) is what answers, the change log and decisions
  record; a client cannot write another name there;
* four-eyes: a decision (an assessment becoming *decided*, by UPDATE or by a direct INSERT) is
  refused for the assessment's assessor and for whoever answered most of it, and for anyone who
  is not an approver;
* the change log is append-only: no application role is granted UPDATE or DELETE on it (and a
  trigger refuses both even for the owner).

Roles (``trustframe_<name>``; members are login roles granted with ``team grant USER ROLE``):
assessor (answers, evidence, vendors), reviewer (also overrides, accepts N/A and flags),
approver (records decisions), admin (settings, question banks, profiles, deletes).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from trustframe.errors import WorkspaceError

ROLES = ("assessor", "reviewer", "approver", "admin")
ROLE_PREFIX = "trustframe_"
#: workspace_meta key that says team mode is on (identity from the database login).
TEAM_MODE_KEY = "team_mode"

#: Tables every role reads; the change log every role appends to.
_EVERY_TABLE = "ALL TABLES IN SCHEMA public"
#: What an assessor writes: the register, assessments, answers and evidence (no deletes of
#: records, only of links and contacts, which the app replaces when editing).
_ASSESSOR_WRITES = ("vendors", "contacts", "products", "assessments", "answers", "answer_evidence", "evidence",
                    "evidence_blobs", "evidence_facts", "imports", "exports", "export_bindings",
                    "questionnaire_texts", "score_snapshots")
_ASSESSOR_DELETES = ("contacts", "answer_evidence", "answers", "score_snapshots", "evidence_facts")


def role_name(role: str) -> str:
    """The PostgreSQL group role of an application role (``assessor`` -> ``trustframe_assessor``)."""
    if role not in ROLES:
        raise WorkspaceError(f"There is no team role '{role}'; the roles are {', '.join(ROLES)}.")
    return ROLE_PREFIX + role


def _q(identifier: str) -> str:
    """A quoted SQL identifier (login names come from the command line)."""
    return '"' + identifier.replace('"', '""') + '"'


_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION trustframe_is(role_suffix text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trustframe_' || role_suffix)
     AND pg_has_role(session_user, 'trustframe_' || role_suffix, 'MEMBER')
$$;

-- Identity: in team mode the database login is recorded, whatever the client sent.
CREATE OR REPLACE FUNCTION trustframe_answer_identity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_by := session_user;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION trustframe_log_identity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor := session_user;
  RETURN NEW;
END $$;

-- Four-eyes on decisions, and the assessor recorded as the login that created the assessment.
CREATE OR REPLACE FUNCTION trustframe_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  top_count integer;
  mine integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT trustframe_is('admin') OR coalesce(NEW.assessor, '') = '' THEN
      NEW.assessor := session_user;
    END IF;
  ELSIF NEW.assessor IS DISTINCT FROM OLD.assessor AND NOT trustframe_is('admin') THEN
    RAISE EXCEPTION 'four-eyes: only an admin may change the assessor of an assessment'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status = 'decided' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'decided'
                                 OR NEW.decision IS DISTINCT FROM OLD.decision) THEN
    IF NOT trustframe_is('approver') THEN
      RAISE EXCEPTION 'four-eyes: % is not an approver; only an approver records a decision', session_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.assessor = session_user::text OR (TG_OP = 'UPDATE' AND OLD.assessor = session_user::text) THEN
      RAISE EXCEPTION 'four-eyes: % is the assessor of this assessment and cannot record its decision', session_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
      SELECT max(n) INTO top_count FROM (SELECT count(*) AS n FROM answers WHERE assessment_id = NEW.id
                                          GROUP BY updated_by) AS counts;
      SELECT count(*) INTO mine FROM answers WHERE assessment_id = NEW.id AND updated_by = session_user::text;
      IF mine > 0 AND mine >= top_count THEN
        RAISE EXCEPTION 'four-eyes: % answered most of this assessment and cannot record its decision', session_user
          USING ERRCODE = 'insufficient_privilege';
      END IF;
    END IF;
    NEW.decision_by := session_user;
  END IF;
  RETURN NEW;
END $$;
"""

_TRIGGERS = (
    ("answers", "trustframe_answer_identity", "BEFORE INSERT OR UPDATE", "trustframe_answer_identity()"),
    ("change_log", "trustframe_log_identity", "BEFORE INSERT", "trustframe_log_identity()"),
    ("assessments", "trustframe_four_eyes", "BEFORE INSERT OR UPDATE", "trustframe_four_eyes()"),
)


def _grants(database: str) -> list[str]:
    assessor, reviewer, approver, admin = (ROLE_PREFIX + r for r in ROLES)
    every = ", ".join(_q(ROLE_PREFIX + r) for r in ROLES)
    statements = [
        f"GRANT CONNECT ON DATABASE {_q(database)} TO {every}",
        f"GRANT USAGE ON SCHEMA public TO {every}",
        # Start from nothing, so running init again after a change of the rules is exact.
        f"REVOKE ALL ON {_EVERY_TABLE} FROM {every}",
        f"GRANT SELECT ON {_EVERY_TABLE} TO {every}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}",
        # Append-only audit: INSERT only, for every role (no UPDATE, no DELETE, to anyone).
        f"GRANT INSERT ON change_log TO {every}",
        # Live scores are refreshed by whoever looks at the register.
        f"GRANT INSERT, UPDATE, DELETE ON score_snapshots TO {every}",
    ]
    for role in (assessor, reviewer, approver):
        statements.append(f"GRANT INSERT, UPDATE ON {', '.join(_ASSESSOR_WRITES)} TO {_q(role)}")
        statements.append(f"GRANT DELETE ON {', '.join(_ASSESSOR_DELETES)} TO {_q(role)}")
    statements.append(f"GRANT INSERT, UPDATE, DELETE ON flag_acceptances TO {_q(reviewer)}, {_q(approver)}")
    others = ("settings", "vendors", "contacts", "products", "assessments", "answers", "answer_evidence",
              "evidence", "evidence_blobs", "evidence_facts", "imports", "exports", "export_bindings",
              "questionnaire_texts", "flag_acceptances", "workspace_meta")
    statements.append(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(others)} TO {_q(admin)}")
    return statements


def init_team(session: Session) -> list[str]:
    """Create the roles (when missing), grants and triggers; mark the workspace as in team mode.
    Idempotent: running it again re-applies the same rules. Returns the group roles."""
    database = session.execute(text("SELECT current_database()")).scalar_one()
    created = []
    for role in ROLES:
        name = ROLE_PREFIX + role
        if not session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
            session.execute(text(f"CREATE ROLE {_q(name)} NOLOGIN"))
        created.append(name)
    # Sent as written on the driver's cursor, without parameters: RAISE's % placeholders must
    # reach the server as they are (with parameters the driver would read them as its own).
    cursor = session.connection().connection.cursor()
    try:
        for statement in _FUNCTIONS.split("\n\n"):
            if "CREATE" in statement:
                cursor.execute(statement)
        for table, trigger, when, function in _TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
            cursor.execute(f"CREATE TRIGGER {trigger} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}")
        for statement in _grants(database):
            cursor.execute(statement)
    finally:
        cursor.close()
    session.execute(text("DELETE FROM workspace_meta WHERE key = :k"), {"k": TEAM_MODE_KEY})
    session.execute(text("INSERT INTO workspace_meta (key, value) VALUES (:k, 'on')"), {"k": TEAM_MODE_KEY})
    return created


def grant(session: Session, user: str, role: str) -> bool:
    """Grant ``role`` to the login ``user`` (created without a password when it does not exist:
    set one with ``\\password`` or use the server's other authentication). Returns True when the
    login was created."""
    group = role_name(role)
    if not session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": group}).first():
        raise WorkspaceError("Team mode is not set up in this database yet: run `trustframe team init` first.")
    created = False
    if not session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": user}).first():
        session.execute(text(f"CREATE ROLE {_q(user)} LOGIN"))
        created = True
    session.execute(text(f"GRANT {_q(group)} TO {_q(user)}"))
    return created


def members(session: Session) -> dict[str, list[str]]:
    """Team role -> the logins that hold it."""
    rows = session.execute(text(
        "SELECT g.rolname, m.rolname FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid "
        "JOIN pg_roles m ON m.oid = am.member WHERE left(g.rolname, 11) = 'trustframe_' ORDER BY 1, 2")).all()
    out: dict[str, list[str]] = {r: [] for r in ROLES}
    for group, member in rows:
        out.setdefault(group[len(ROLE_PREFIX):], []).append(member)
    return out


def team_mode(session: Session) -> bool:
    """True when ``team init`` has been run on this (server) workspace."""
    row = session.execute(text("SELECT value FROM workspace_meta WHERE key = :k"), {"k": TEAM_MODE_KEY}).first()
    return bool(row and row[0] == "on")


def session_user(session: Session) -> str:
    """The database login of this connection."""
    return str(session.execute(text("SELECT session_user")).scalar_one())


def refused(exc: BaseException) -> str | None:
    """The database's sentence when it refused something for lack of a privilege (a grant, or
    the four-eyes rule), else None."""
    orig: Any = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) != "42501":
        return None
    diag = getattr(orig, "diag", None)
    message = getattr(diag, "message_primary", None) or str(orig).splitlines()[0]
    return str(message)
