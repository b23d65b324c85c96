"""Team mode administration: roles and grants in the PostgreSQL database (docs/team-mode.md).

Thin on purpose: the rules (roles, grants, triggers) live in :mod:`trustframe.storage.team`.
"""

from __future__ import annotations

from trustframe.errors import WorkspaceError
from trustframe.storage import team
from trustframe.storage.database import Workspace

ROLES = team.ROLES


def _server(workspace: Workspace) -> Workspace:
    if not workspace.is_server:
        raise WorkspaceError("Team mode needs a workspace on PostgreSQL: pass --workspace postgresql+psycopg://HOST/DB "
                             "(or service=NAME). A workspace file has no logins or roles.")
    return workspace


def init(workspace: Workspace) -> list[str]:
    """Create the team roles, grants and database rules (run by the database's owner); idempotent."""
    with _server(workspace).transaction() as session:
        return team.init_team(session)


def grant(workspace: Workspace, user: str, role: str) -> bool:
    """Give the login ``user`` the team role ``role`` (creating the login when missing)."""
    if not user.strip():
        raise WorkspaceError("Name the login to grant the role to.")
    with _server(workspace).transaction() as session:
        return team.grant(session, user.strip(), role)


def members(workspace: Workspace) -> dict[str, list[str]]:
    """Team role -> logins holding it."""
    with _server(workspace).reading() as session:
        return team.members(session)
