"""Machine-readable evidence in and results out; answers reused from earlier assessments.

``trustframe export oscal ASSESSMENT_ID -o FOLDER`` writes OSCAL for auditors' tools;
``trustframe evidence kev FILE`` keeps a known-exploited-vulnerabilities catalogue (a CISA KEV
JSON file the user downloaded; TrustFrame fetches nothing) so that VEX documents are checked
against it. ``trustframe assessment prefill ID`` offers the vendor's recent answers from its
other assessments, marked "to confirm".
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
    if "assessment" in groups:
        p = groups["assessment"].add_parser(
            "prefill", help="pre-fill answers the vendor gave in its other recent assessments (to confirm)")
        p.add_argument("id", type=int)
        p.add_argument("--max-age-months", type=int, default=None,
                       help="offer answers at most this old (default: the workspace setting, 12)")
        p.add_argument("--dry-run", action="store_true", help="list what would be pre-filled; change nothing")
        p.set_defaults(handler=assessment_prefill)
    p = subparsers.add_parser("import-answers", help="answers from another questionnaire, through a mapping "
                                                     "file (arrive 'to confirm')")
    p.add_argument("file", type=Path, help="the vendor's filled-in questionnaire (.csv or .xlsx)")
    p.add_argument("--mapping", type=Path, required=True, help="mapping file (docs/answer-mapping.md)")
    p.add_argument("--assessment", type=int, required=True)
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; change nothing")
    p.set_defaults(handler=import_answers)
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


def assessment_prefill(ctx: CliContext) -> int:
    """``assessment prefill ID [--max-age-months N] [--dry-run]``."""
    lib = ctx.services.answer_library
    a = ctx.args
    if a.max_age_months is not None and a.max_age_months < 0:
        print("--max-age-months must be 0 or more.", file=ctx.err)
        return 2
    offers = lib.offers(a.id, max_age_months=a.max_age_months)
    count = len(offers) if a.dry_run else lib.prefill(a.id, max_age_months=a.max_age_months)
    if ctx.json:
        ctx.emit_json({"assessment": a.id, "dry_run": a.dry_run, "prefilled": count,
                       "answers": [{"question": q, "value": o.value, "from_assessment": o.assessment_id,
                                    "answered_on": o.answered_on.isoformat()} for q, o in sorted(offers.items())]})
        return 0
    verb = "Would pre-fill" if a.dry_run else "Pre-filled"
    ctx.print(f"{verb} {count} answer{'s' if count != 1 else ''} of assessment {a.id} (to confirm)")
    for qid, offer in sorted(offers.items()):
        ctx.print(f"  {qid:<10} from {offer.provenance}")
    return 0


def import_answers(ctx: CliContext) -> int:
    """``import-answers FILE --mapping MAP --assessment ID [--dry-run]``; exit 1 when rows had problems."""
    a = ctx.args
    r = ctx.services.answer_library.import_mapped(a.assessment, a.file, a.mapping, dry_run=a.dry_run)
    if ctx.json:
        ctx.emit_json({"mapping": r.mapping_title, "dry_run": a.dry_run, "applied": list(r.applied),
                       "skipped_answered": list(r.skipped_answered), "unmapped": list(r.unmapped),
                       "problems": list(r.problems)})
    else:
        verb = "Would import" if a.dry_run else "Imported"
        ctx.print(f"{verb} {len(r.applied)} answers through '{r.mapping_title}' (to confirm); "
                  f"{len(r.skipped_answered)} already answered, {len(r.unmapped)} rows not in the mapping")
        for problem in r.problems:
            print(problem, file=ctx.err)
    return 1 if r.problems else 0
