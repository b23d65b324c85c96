"""Machine-readable evidence in and results out.

``trustframe export oscal ASSESSMENT_ID -o FOLDER`` writes OSCAL for auditors' tools;
``trustframe evidence kev FILE`` keeps a known-exploited-vulnerabilities catalogue (a CISA KEV
JSON file the user downloaded; TrustFrame fetches nothing) so that VEX documents are checked
against it.
"""

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
    if "evidence" in groups:
        p = groups["evidence"].add_parser("kev", help="keep a known-exploited-vulnerabilities catalogue "
                                                      "(CISA KEV JSON) to check VEX documents against")
        p.add_argument("file", type=Path)
        p.set_defaults(handler=evidence_kev)


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


def evidence_kev(ctx: CliContext) -> int:
    """``evidence kev FILE``."""
    count = ctx.services.evidence.import_known_exploited(ctx.args.file)
    if ctx.json:
        ctx.emit_json({"file": str(ctx.args.file), "cves": count})
    else:
        ctx.print(f"Kept {count} known exploited vulnerabilities from {ctx.args.file.name}; "
                  "VEX documents are checked against them.")
    return 0
