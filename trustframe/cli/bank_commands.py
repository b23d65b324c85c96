"""Question-bank tools: ``questionnaire crosswalk``, ``questionnaire diff`` and the reference check.

A questionnaire is named either by a file path (``my-bank.yaml``) or by its id, optionally with a
version (``ict-supply-chain-trust`` or ``ict-supply-chain-trust@1.0.0``) as ``questionnaire list``
shows it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.cli import CliContext

if TYPE_CHECKING:  # annotations only: --help must not import the domain model
    from trustframe.domain.questionnaire import Questionnaire


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the bank tools to the ``questionnaire`` group."""
    qs = groups["questionnaire"]
    p = qs.add_parser("crosswalk", help="map every question to the standards (CSV or XLSX)")
    p.add_argument("id", nargs="?", default="ict-supply-chain-trust",
                   help="questionnaire id[@version] or file (default: the bundled bank)")
    p.add_argument("-o", "--output", type=Path, required=True, help="FILE.csv or FILE.xlsx")
    p.set_defaults(handler=questionnaire_crosswalk)
    p = qs.add_parser("diff", help="added, removed, reworded and re-weighted questions between two versions")
    p.add_argument("old", help="questionnaire id@version or file")
    p.add_argument("new", help="questionnaire id@version or file")
    p.set_defaults(handler=questionnaire_diff)


def _resolve(ctx: CliContext, name: str) -> Questionnaire:
    """A questionnaire named by file path or by ``id[@version]``."""
    from trustframe.exchange.questionnaire_files import load_questionnaire
    from trustframe.services.questionnaires import QuestionnaireCatalog

    path = Path(name).expanduser()
    if path.suffix.lower() in (".yaml", ".yml", ".json") or path.exists():
        return load_questionnaire(path)
    qid, _, version = name.partition("@")
    catalog = ctx.services.catalog if ctx.args.workspace else QuestionnaireCatalog()
    return catalog.get(qid, version or None)


def questionnaire_crosswalk(ctx: CliContext) -> int:
    """``questionnaire crosswalk [ID] -o FILE``."""
    from trustframe.exchange.crosswalk import build_crosswalk, write_crosswalk

    target: Path = ctx.args.output
    if target.suffix.lower() not in (".csv", ".xlsx"):
        print(f"{target}: the crosswalk is written as .csv or .xlsx; choose one of those extensions.",
              file=ctx.err)
        return 2
    if not target.parent.exists():
        print(f"The folder {target.parent} does not exist.", file=ctx.err)
        return 1
    q = _resolve(ctx, ctx.args.id)
    crosswalk = build_crosswalk(q)
    write_crosswalk(crosswalk, target)
    empty = crosswalk.empty_columns()
    if ctx.json:
        ctx.emit_json({"file": str(target), "questionnaire": q.key, "rows": len(crosswalk.rows),
                       "standard_columns": list(crosswalk.standard_columns), "empty_columns": empty})
    else:
        ctx.print(f"Wrote {target}: {len(crosswalk.rows)} questions of {q.key}, "
                  f"{len(crosswalk.standard_columns)} standard columns")
        for column in empty:
            print(f"warning: no question of {q.key} cites {column}", file=ctx.err)
    return 0


def questionnaire_diff(ctx: CliContext) -> int:
    """``questionnaire diff OLD NEW``."""
    from trustframe.domain.bank_diff import diff_banks

    old = _resolve(ctx, ctx.args.old)
    new = _resolve(ctx, ctx.args.new)
    diff = diff_banks(old, new)
    if ctx.json:
        ctx.emit_json(diff.as_dict())
        return 0
    ctx.print(f"{old.key} -> {new.key}: {len(diff.added)} added, {len(diff.removed)} removed, "
              f"{len(diff.reworded)} reworded, {len(diff.reweighted)} re-weighted, "
              f"{len(diff.unchanged)} unchanged")
    if diff.added:
        ctx.print("\nAdded")
        for qid in diff.added:
            ctx.print(f"  {qid:<10} {' '.join(new.question(qid).text.split())[:100]}")
    if diff.removed:
        ctx.print("\nRemoved")
        for qid in diff.removed:
            ctx.print(f"  {qid:<10} {' '.join(old.question(qid).text.split())[:100]}")
    if diff.changed:
        ctx.print("\nChanged")
        for change in diff.changed:
            what = "; ".join((*change.reworded, *change.reweighted))
            ctx.print(f"  {change.question_id:<10} {'/'.join(change.kinds)}: {what}")
    return 0


def print_reference_findings(ctx: CliContext, questionnaire: Questionnaire, findings: list[Any]) -> bool:
    """Print the reference check of a valid questionnaire; True when a withdrawn edition is cited."""
    errors = [f for f in findings if f.severity == "error"]
    for f in findings:
        print(f"{ctx.args.file}: {f.severity}: {f.message}", file=ctx.err)
    refs = sum(len(q.references) for q in questionnaire.iter_questions())
    ctx.print(f"{ctx.args.file}: references {'current' if not errors else 'cite withdrawn editions'} "
              f"({refs} references: {len(errors)} withdrawn, {len(findings) - len(errors)} warnings)")
    return bool(errors)
