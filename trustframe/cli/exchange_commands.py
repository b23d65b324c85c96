"""Excel exchange commands: ``export-questionnaire`` and ``import-response``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from trustframe.cli import CliContext, table


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the exchange commands."""
    p = subparsers.add_parser("export-questionnaire", help="write the questionnaire workbook to send to a vendor")
    p.add_argument("assessment", type=int, help="assessment id")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    p.add_argument("--only-open", action="store_true", help="send only questions without a confirmed answer")
    p.add_argument("--no-prefill", dest="prefill", action="store_false",
                   help="leave answer cells empty even where an answer is known")
    p.add_argument("--deadline", type=_date, help="answer deadline shown to the vendor (YYYY-MM-DD)")
    p.add_argument("--contact", default="", help="who the vendor asks (name, e-mail)")
    p.add_argument("--language", default="en", metavar="LANG",
                   help="the vendor's language, e.g. de (default: en); questions, answers and instructions")
    p.add_argument("--bilingual", action="store_true",
                   help="with --language: put each question's English text beside it")
    # SUPPRESS: the top-level --json must not be overwritten by this sub-command's default.
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print the result as JSON")
    p.set_defaults(handler=export_questionnaire)

    p = subparsers.add_parser("import-response", help="preview and import a vendor's returned workbook")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.add_argument("--assessment", type=int, help="assessment id: your own choice, needed when the workbook's "
                                                  "identity cannot be verified (its reference alone is never "
                                                  "trusted)")
    p.add_argument("--accept-legacy-seal", action="store_true",
                   help="import a workbook sealed the old, unkeyed way (exported before the keyed seal); its "
                        "identity cannot be verified, so use this only for a return you know is genuine")
    p.add_argument("--dry-run", action="store_true", help="print the preview and write nothing")
    p.add_argument("--yes", action="store_true", help="apply without asking")
    p.add_argument("--accept", metavar="IDS", default=None,
                   help="comma-separated question ids to apply (default: all new and changed answers)")
    p.add_argument("--include-conflicts", action="store_true",
                   help="with the default selection, also take the vendor's answer where you changed the "
                        "answer after the export")
    p.add_argument("--allow-missing-rows", action="store_true",
                   help="import even though rows of questions that were sent are missing from the file")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print preview or result as JSON")
    p.set_defaults(handler=import_response)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def export_questionnaire(ctx: CliContext) -> int:
    """``export-questionnaire ASSESSMENT -o FILE.xlsx``."""
    a = ctx.args
    result = ctx.services.exchange.export_questionnaire(a.assessment, a.output, prefill=a.prefill,
                                                        only_open=a.only_open, deadline=a.deadline,
                                                        contact=a.contact, language=a.language,
                                                        bilingual=a.bilingual)
    if ctx.json:
        ctx.emit_json({"path": str(result.path), "export_uid": result.export_uid,
                       "assessment_id": result.assessment_id, "questions": result.question_count,
                       "prefilled": result.prefilled_count, "exported_at": result.exported_at.isoformat()})
    else:
        ctx.print(f"Wrote {result.path}: {result.question_count} questions"
                  f"{f', {result.prefilled_count} pre-filled' if result.prefilled_count else ''}"
                  f" (export {result.export_uid}).")
    return 0


def _print_preview(ctx: CliContext, preview: Any) -> None:
    counts = preview.counts
    ctx.print(f"{preview.file_name} -> assessment {preview.assessment_id} ({preview.assessment_label}), "
              f"{preview.questionnaire_key}")
    for line in identity_lines(preview):
        ctx.print("  " + line)
    ctx.print("  " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    if preview.already_imported_at is not None:
        ctx.print(f"  already imported on {preview.already_imported_at:%Y-%m-%d %H:%M}")
    rows = [[r.question_id, r.category.label, _short(r.old_display), _short(r.new_display), _short(r.note)]
            for r in preview.rows
            # unchanged and unanswered rows are only counted: listing them would bury the changes
            if r.category.value not in ("unchanged", "empty") or r.confirms]
    if rows:
        ctx.print()
        ctx.print(table(rows, ["QUESTION", "WHAT", "NOW", "VENDOR", "NOTE"]))
    if preview.issues:
        ctx.print()
        ctx.print("Problems:")
        for issue in preview.issues:
            ctx.print(f"  [{issue.severity}] {issue.where or issue.file}: {issue.message}")


def identity_lines(preview: Any) -> list[str]:
    """Who the workbook will change and who it was sent to, said before anything is applied."""
    lines = [f"target: vendor {preview.vendor_name}, product {preview.product_name}, "
             f"assessment {preview.assessment_id}",
             f"sent to: {preview.sent_to_vendor}" if preview.sent_to_vendor
             else "sent to: unknown (no recorded export named by the file)"]
    if preview.verification == "keyed-seal":
        lines.append("identity: verified (sealed by this workspace)")
    elif preview.verification == "legacy-seal":
        lines.append("identity: NOT verified (old unkeyed seal, accepted with --accept-legacy-seal)")
    else:
        lines.append("identity: NOT verified (identification sheet missing or altered; assessment chosen "
                     "with --assessment)")
    return lines


#: Rejected rows and errors named on stderr before "and N more".
PROBLEMS_LISTED = 10


def _problems(preview: Any) -> tuple[list[Any], list[Any]]:
    """(rejected rows, errors not tied to a rejected row): what makes the command exit 1."""
    rejected = [r for r in preview.rows if r.category.value == "rejected"]
    in_rows = {id(i) for r in rejected for i in r.issues}
    return rejected, [i for i in preview.errors if id(i) not in in_rows]


def _report_problems(ctx: CliContext, preview: Any, applied: bool) -> bool:
    """Say on stderr how many rows were rejected and why; True when there were problems."""
    rejected, errors = _problems(preview)
    if not rejected and not errors:
        return False
    lines = []
    if rejected:
        outcome = "were not imported" if applied else "cannot be imported"
        lines.append(f"{len(rejected)} rows were rejected and {outcome}:" if len(rejected) > 1
                     else f"1 row was rejected and {outcome}:")
        for r in rejected[:PROBLEMS_LISTED]:
            reason = r.note or "; ".join(i.message for i in r.issues) or "not a question of this assessment"
            lines.append(f"  {r.question_id or '(no id)'} ({r.where}): {reason}")
        if len(rejected) > PROBLEMS_LISTED:
            lines.append(f"  and {len(rejected) - PROBLEMS_LISTED} more (see the preview)")
    if errors:
        lines.append(f"{len(errors)} other error(s) in the workbook:" if rejected
                     else f"{len(errors)} error(s) in the workbook:")
        for issue in errors[:PROBLEMS_LISTED]:
            lines.append(f"  {issue.where or issue.file}: {issue.message}")
        if len(errors) > PROBLEMS_LISTED:
            lines.append(f"  and {len(errors) - PROBLEMS_LISTED} more (see the preview)")
    for line in lines:
        print(line, file=ctx.err)
    return True


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _light_dry_run_preview(ctx: CliContext) -> Any:
    """The dry run's preview read with sqlite3 alone (no SQLAlchemy, ORM or services imported),
    or None when the workspace must be opened the normal way: no such file, not a workspace at
    this version's schema, a file the normal open would refuse, or a failed read (see
    :func:`trustframe.services.import_preview.light_preview`). Same preview, same refusals."""
    from trustframe.services.import_preview import light_preview

    path = _workspace_file(ctx)
    if path is None:
        return None
    a = ctx.args
    return light_preview(path, a.file, a.assessment, accept_legacy_seal=a.accept_legacy_seal)


def _workspace_file(ctx: CliContext) -> Path | None:
    """The workspace file named by ``--workspace`` (or the default one) when it exists."""
    from trustframe import paths

    path = Path(ctx.args.workspace).expanduser() if ctx.args.workspace else paths.default_workspace_path()
    return path if path.is_file() else None


def import_response(ctx: CliContext) -> int:
    """``import-response FILE.xlsx [--assessment ID] [--accept-legacy-seal] [--dry-run] [--yes] [--json]``.

    Exit status: 0 when the whole workbook was fine; 1 when nothing was written (no --yes, or
    the question was declined) or when the preview has rejected rows or errors, even though the
    acceptable rows were applied (with --yes) or previewed (--dry-run): the rejected rows are
    named on stderr.
    """
    a = ctx.args
    preview = _light_dry_run_preview(ctx) if a.dry_run else None
    if preview is None:
        exchange = ctx.services.exchange
        preview = exchange.preview_import(a.file, a.assessment, accept_legacy_seal=a.accept_legacy_seal)
    accepted: set[str] | None = None
    if a.accept is not None:
        accepted = {part.strip() for part in a.accept.split(",") if part.strip()}
    elif a.include_conflicts:
        accepted = preview.default_accepted | {r.question_id for r in preview.rows if r.category.value == "conflicting"}
    if a.dry_run:
        if ctx.json:
            ctx.emit_json({"dry_run": True, "preview": preview.to_dict()})
        else:
            _print_preview(ctx, preview)
            ctx.print("\nDry run: nothing was written.")
        return 1 if _report_problems(ctx, preview, applied=False) else 0
    if not a.yes:
        if ctx.json or not sys.stdin.isatty():
            if ctx.json:
                ctx.emit_json({"dry_run": True, "preview": preview.to_dict(),
                               "message": "nothing written; run again with --yes to apply"})
            else:
                _print_preview(ctx, preview)
                print("Nothing was written: run again with --yes to apply (or --dry-run to only preview).",
                      file=ctx.err)
            _report_problems(ctx, preview, applied=False)
            return 1
        _print_preview(ctx, preview)
        chosen = preview.default_accepted if accepted is None else accepted
        answer = input(f"\nApply {len(chosen)} answer(s)? [y/N] ").strip().casefold()
        if answer not in ("y", "yes"):
            ctx.print("Nothing was written.")
            return 1
    result = exchange.apply_import(preview, accepted, allow_missing_rows=a.allow_missing_rows)
    if ctx.json:
        ctx.emit_json({"dry_run": False, "preview": preview.to_dict(), "result": result.to_dict()})
    else:
        if a.yes:  # without --yes the preview was already shown before the question
            _print_preview(ctx, preview)
        if result.applied:
            ctx.print(f"\nImported {len(result.applied)} answer(s) into assessment {result.assessment_id}"
                      f"{' (status now Returned)' if result.status_changed else ''}.")
        else:
            ctx.print("\nNothing to import: the workbook brings no new or changed answers.")
    return 1 if _report_problems(ctx, preview, applied=True) else 0
