"""``trustframe team ...``: team mode on PostgreSQL (roles, grants; docs/team-mode.md)."""

from __future__ import annotations

from typing import Any

from trustframe.cli import CliContext, table


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the ``team`` command group."""
    t = subparsers.add_parser("team", help="team mode on PostgreSQL: roles, grants, four-eyes decisions")
    ts = t.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["team"] = ts
    p = ts.add_parser("init", help="create the team roles, grants and database rules (as the database owner)",
                      description="Run once by the database's owner, with --workspace naming the database; creates "
                                  "the workspace if the database is empty. Running it again re-applies the rules.")
    p.set_defaults(handler=team_init, workspace_mode="server-admin")
    p = ts.add_parser("grant", help="give a login one of the roles assessor, reviewer, approver, admin")
    p.add_argument("user")
    p.add_argument("role", choices=("assessor", "reviewer", "approver", "admin"))
    p.set_defaults(handler=team_grant, workspace_mode="no-migrate")
    p = ts.add_parser("members", help="who holds which team role")
    p.set_defaults(handler=team_members, workspace_mode="read")


def team_init(ctx: CliContext) -> int:
    """``team init``."""
    from trustframe.services import team_admin

    roles = team_admin.init(ctx.services.workspace)
    if ctx.json:
        ctx.emit_json({"roles": roles})
    else:
        ctx.print(f"Team mode is on in {ctx.services.workspace.location}: roles {', '.join(roles)}. "
                  "Give logins a role with `trustframe team grant USER ROLE`.")
    return 0


def team_grant(ctx: CliContext) -> int:
    """``team grant USER ROLE``."""
    from trustframe.services import team_admin

    created = team_admin.grant(ctx.services.workspace, ctx.args.user, ctx.args.role)
    if ctx.json:
        ctx.emit_json({"user": ctx.args.user, "role": ctx.args.role, "login_created": created})
    else:
        extra = " (new login without a password: set one with \\password in psql, or use the server's own sign-in)" \
            if created else ""
        ctx.print(f"{ctx.args.user} is now {ctx.args.role}{extra}.")
    return 0


def team_members(ctx: CliContext) -> int:
    """``team members``."""
    from trustframe.services import team_admin

    found = team_admin.members(ctx.services.workspace)
    if ctx.json:
        ctx.emit_json(found)
    else:
        ctx.print(table([[role, ", ".join(users) or "-"] for role, users in found.items()], ["Role", "Logins"]))
    return 0
