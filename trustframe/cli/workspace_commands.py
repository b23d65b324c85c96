"""``trustframe workspace ...``: check, repair (on a copy), upgrade, backups and restore.

These commands work on the workspace *file* named by ``--workspace`` (or the default one), or
the file given to ``check``; they never open it for writing unless that is what they are for
(``upgrade``, ``restore``, ``backups --keep``), and each of those backs up first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trustframe.cli import CliContext, table


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the ``workspace`` command group."""
    w = subparsers.add_parser("workspace", help="check, repair, upgrade, back up and restore a workspace file")
    ws = w.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["workspace"] = ws
    p = ws.add_parser("check", help="integrity and foreign-key check; says what a refused file is",
                      description="Examine a workspace file without changing it. With --repair, a repaired "
                                  "copy is written next to it and the original is kept.")
    p.add_argument("file", nargs="?", type=Path, help="the file to check (default: --workspace)")
    p.add_argument("--repair", action="store_true", help="write a repaired copy (the original is not changed)")
    p.add_argument("--output", type=Path, help="where to write the repaired copy")
    p.set_defaults(handler=workspace_check)
    p = ws.add_parser("upgrade", help="migrate a workspace saved by an older version (backs up first)")
    p.set_defaults(handler=workspace_upgrade)
    p = ws.add_parser("backups", help="list the workspace's backups; --keep N sets how many are kept")
    p.add_argument("--keep", type=int, help="keep this many backups (older ones are removed)")
    p.add_argument("--now", action="store_true", help="take a backup now")
    p.set_defaults(handler=workspace_backups)
    p = ws.add_parser("copy", help="copy a whole workspace between a file and a PostgreSQL database",
                      description="Copy every vendor, assessment, answer, evidence file and log entry of SRC into "
                                  "DST, a new file or an empty database (file path, postgresql+psycopg://host/db or "
                                  "service=NAME on either side). Row counts and evidence files are verified.")
    p.add_argument("source", metavar="SRC")
    p.add_argument("target", metavar="DST")
    p.set_defaults(handler=workspace_copy)
    p = ws.add_parser("checkout", help="copy assessments of a team workspace to a file for work without a network",
                      description="Copy the assessments (with their vendor, products, evidence and answers) from URL "
                                  "into the new workspace file LOCAL; bring the answers back with `workspace merge`.")
    p.add_argument("source", metavar="URL")
    p.add_argument("assessments", metavar="ASSESSMENT_ID", type=int, nargs="+")
    p.add_argument("target", metavar="LOCAL", type=Path)
    p.set_defaults(handler=workspace_checkout)
    p = ws.add_parser("merge", help="bring the answers and evidence of a checked-out file back into the team "
                                    "workspace",
                      description="Answers and evidence changed only in LOCAL (and evidence added there) are applied "
                                  "to URL in one transaction; answers "
                                  "changed on both sides are listed as conflicts (base, local, remote) and nothing is "
                                  "written until each has a decision (--resolve or --take). Merging again changes "
                                  "nothing.")
    p.add_argument("local", metavar="LOCAL", type=Path)
    p.add_argument("target", metavar="URL")
    p.add_argument("--resolve", action="append", default=[], metavar="ASSESSMENT:QUESTION=local|remote",
                   help="decide one conflict (repeatable); evidence: evidence:ID=local|remote")
    p.add_argument("--take", choices=("local", "remote"), help="decide every other conflict the same way")
    p.set_defaults(handler=workspace_merge)
    p = ws.add_parser("restore", help="put a backup's content back (the current content is backed up first)")
    p.add_argument("backup", type=Path)
    p.set_defaults(handler=workspace_restore)


def _target(ctx: CliContext) -> Path:
    from trustframe import paths

    given = getattr(ctx.args, "file", None) or ctx.args.workspace
    return Path(given).expanduser() if given else paths.default_workspace_path()


def workspace_check(ctx: CliContext) -> int:
    """``workspace check [FILE] [--repair]``: exit 0 when healthy, 1 otherwise."""
    from trustframe.services import workspace_admin

    path = _target(ctx)
    report = workspace_admin.check(path)
    repair = workspace_admin.repair(path, ctx.args.output) if ctx.args.repair else None
    if ctx.json:
        data: dict[str, Any] = {"file": str(report.path), "state": report.state, "ok": report.ok,
                                "summary": report.summary, "revision": report.revision,
                                "tables": report.tables, "findings": report.findings}
        if repair is not None:
            data["repair"] = {"copy": str(repair.copy), "actions": repair.actions, "state": repair.after.state,
                              "ok": repair.after.ok, "findings": repair.after.findings}
        ctx.emit_json(data)
    else:
        ctx.print(report.summary)
        for finding in report.findings:
            ctx.print(f"  - {finding}")
        if report.tables and report.state != "ok":
            ctx.print(f"  tables found: {', '.join(report.tables)}")
        if report.ok:
            ctx.print("  integrity check: ok; foreign keys: ok")
        elif repair is None and report.state in ("damaged",):
            ctx.print(f"Run `trustframe workspace check --repair {path}` for a repaired copy; "
                      "the original stays as it is.")
        if repair is not None:
            ctx.print(f"Repaired copy: {repair.copy} ({repair.after.state}); {path.name} was not changed.")
            for action in repair.actions:
                ctx.print(f"  - {action}")
            for finding in repair.after.findings:
                ctx.print(f"  still: {finding}")
    healthy = repair.after.ok if repair is not None else report.ok
    return 0 if healthy else 1


def workspace_upgrade(ctx: CliContext) -> int:
    """``workspace upgrade``."""
    from trustframe.services import workspace_admin

    path = _target(ctx)
    backup = workspace_admin.upgrade(path)
    if ctx.json:
        ctx.emit_json({"file": str(path), "upgraded": backup is not None, "backup": str(backup) if backup else None})
    elif backup is None:
        ctx.print(f"{path.name} is already up to date.")
    else:
        ctx.print(f"Upgraded {path.name}; the version before the upgrade is kept in {backup}")
    return 0


def workspace_backups(ctx: CliContext) -> int:
    """``workspace backups [--keep N] [--now]``."""
    from trustframe.services import workspace_admin

    path = _target(ctx)
    if ctx.args.keep is not None:
        workspace_admin.set_backups_kept(path, ctx.args.keep)
    if ctx.args.now:
        made = workspace_admin.backup_now(path)
        if not ctx.json:
            ctx.print(f"Backed up {path.name} to {made}")
    items = workspace_admin.list_backups(path)
    keep = workspace_admin.backups_kept(path)
    if ctx.json:
        ctx.emit_json({"file": str(path), "keep": keep, "backups": [
            {"path": str(b.path), "taken_at": b.taken_at.isoformat(timespec="seconds"), "reason": b.reason,
             "size": b.size} for b in items]})
        return 0
    if not items:
        ctx.print(f"No backups of {path.name} yet (up to {keep} are kept).")
        return 0
    ctx.print(table([[b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), b.reason, f"{b.size // 1024} KB", b.path]
                     for b in items], ["TAKEN", "REASON", "SIZE", "FILE"]))
    ctx.print(f"Up to {keep} backups are kept; `--keep N` changes that.")
    return 0


def workspace_restore(ctx: CliContext) -> int:
    """``workspace restore BACKUP``."""
    from trustframe.services import workspace_admin

    path = _target(ctx)
    saved = workspace_admin.restore(path, ctx.args.backup)
    if ctx.json:
        ctx.emit_json({"file": str(path), "restored_from": str(ctx.args.backup), "previous_content": str(saved)})
    else:
        ctx.print(f"Restored {path.name} from {ctx.args.backup}; the content it replaced is kept in {saved}")
    return 0


def workspace_copy(ctx: CliContext) -> int:
    """``workspace copy SRC DST``: the whole workspace, counts verified."""
    from trustframe.services import workspace_admin
    from trustframe.storage.locations import is_server_location
    from trustframe.storage.server import display_location

    def where(text: str) -> str | Path:
        return text if is_server_location(text) else Path(text).expanduser()

    counts = workspace_admin.copy(where(ctx.args.source), where(ctx.args.target))
    shown_target = display_location(ctx.args.target) if is_server_location(ctx.args.target) else ctx.args.target
    if ctx.json:
        ctx.emit_json({"target": str(shown_target), "rows": counts})
        return 0
    ctx.print(f"Copied into {shown_target} (counts verified): " + ", ".join(
        f"{counts[name]} {name}" for name in ("vendors", "products", "assessments", "answers", "evidence",
                                             "evidence_blobs", "change_log") if name in counts))
    return 0


def _location(text: str) -> str | Path:
    from trustframe.storage.locations import is_server_location

    return text if is_server_location(text) else Path(text).expanduser()


def workspace_checkout(ctx: CliContext) -> int:
    """``workspace checkout URL ID... LOCAL``."""
    from trustframe.services import team_sync

    counts = team_sync.checkout(_location(ctx.args.source), ctx.args.assessments, ctx.args.target)
    if ctx.json:
        ctx.emit_json({"file": str(ctx.args.target), "rows": counts})
    else:
        ctx.print(f"Checked out {counts.get('assessments', 0)} assessment(s) with {counts.get('answers', 0)} answers "
                  f"and {counts.get('evidence', 0)} pieces of evidence into {ctx.args.target}. Bring the answers back "
                  f"with `trustframe workspace merge {ctx.args.target} URL`.")
    return 0


def workspace_merge(ctx: CliContext) -> int:
    """``workspace merge LOCAL URL``: exit 0 when merged, 1 when conflicts await a decision."""
    from trustframe.errors import WorkspaceError
    from trustframe.services import team_sync

    resolutions: dict[tuple[int, str], str] = {}
    evidence_resolutions: dict[int, str] = {}
    for item in ctx.args.resolve:
        try:
            where, choice = item.rsplit("=", 1)
            aid, qid = where.split(":", 1)
            if aid.strip().lower() == "evidence":
                evidence_resolutions[int(qid)] = choice.strip()
            else:
                resolutions[(int(aid), qid.strip())] = choice.strip()
        except ValueError:
            raise WorkspaceError(f"--resolve {item}: write ASSESSMENT:QUESTION=local or =remote "
                                 "(evidence: evidence:ID=local or =remote).") from None
    result = team_sync.merge(ctx.args.local, _location(ctx.args.target), resolutions=resolutions, take=ctx.args.take,
                             evidence_resolutions=evidence_resolutions)
    conflicts = [{"assessment_id": c.assessment_id, "question_id": c.question_id, "base": c.base, "local": c.local,
                  "remote": c.remote} for c in result.conflicts]
    evidence_conflicts = [{"evidence_id": c.evidence_id, "title": c.title, "fields": c.changed_fields(),
                           "base": c.base, "local": c.local, "remote": c.remote} for c in result.evidence_conflicts]
    if ctx.json:
        ctx.emit_json({"merged": result.merged, "applied": [list(k) for k in result.applied],
                       "kept_remote": [list(k) for k in result.kept_remote], "conflicts": conflicts,
                       "evidence_added": result.evidence_added, "evidence_applied": result.evidence_applied,
                       "evidence_kept_remote": result.evidence_kept_remote, "evidence_conflicts": evidence_conflicts,
                       "links_added": [list(k) for k in result.links_added],
                       "links_removed": [list(k) for k in result.links_removed],
                       "evidence_not_merged": result.evidence_not_merged})
    else:
        def show(state: Any) -> str:
            return "(none)" if state is None else f"{state.get('value')!r} / {state.get('comment')!r}"

        if result.conflicts or result.evidence_conflicts:
            ctx.print(f"{result.conflict_count} conflict(s); nothing was written. Decide each with "
                      "--resolve ASSESSMENT:QUESTION=local|remote or --resolve evidence:ID=local|remote "
                      "(or --take local|remote):")
            if result.conflicts:
                ctx.print(table([[c.assessment_id, c.question_id, show(c.base), show(c.local), show(c.remote)]
                                 for c in result.conflicts], ["Assessment", "Question", "Base", "Local", "Remote"]))
            if result.evidence_conflicts:
                ctx.print(table([[f"evidence:{c.evidence_id}", c.title, f, c.base.get(f), c.local.get(f),
                                  c.remote.get(f)] for c in result.evidence_conflicts for f in c.changed_fields()],
                                ["Evidence", "Title", "Field", "Base", "Local", "Remote"]))
        else:
            ctx.print(f"Merged: {len(result.applied)} answer(s) applied, {len(result.kept_remote)} kept as on the "
                      f"server; evidence: {len(result.evidence_added)} added, {len(result.evidence_applied)} "
                      f"updated, {len(result.evidence_kept_remote)} kept as on the server; links: "
                      f"{len(result.links_added)} added, {len(result.links_removed)} removed.")
        if result.evidence_not_merged:
            ctx.print("Not merged (do it in the team workspace): " + "; ".join(result.evidence_not_merged))
    return 0 if result.merged else 1
