"""``trustframe export oscal ASSESSMENT_ID -o FOLDER``: machine-readable results for auditors' tools."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trustframe.cli import CliContext


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the ``export`` group."""
    e = subparsers.add_parser("export", help="machine-readable exports (OSCAL)")
    es = e.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["export"] = es
    p = es.add_parser("oscal", help="OSCAL 1.1 catalog, assessment results and POA&M of an assessment")
    p.add_argument("assessment", type=int, metavar="ASSESSMENT_ID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER",
                   help="folder for catalog.json, assessment-results.json and poam.json (created if missing)")
    p.set_defaults(handler=export_oscal)


def export_oscal(ctx: CliContext) -> int:
    """``export oscal ID -o FOLDER``."""
    from trustframe.services.oscal import export_oscal as run

    folder: Path = ctx.args.output
    if folder.exists() and not folder.is_dir():
        print(f"{folder} is a file; give a folder for the three OSCAL documents.", file=ctx.err)
        return 2
    written = run(ctx.services, ctx.args.assessment, folder)
    if ctx.json:
        ctx.emit_json({"assessment": ctx.args.assessment, "files": [str(p) for p in written]})
    else:
        for path in written:
            ctx.print(f"Wrote {path}")
    return 0
