"""Question-bank tools: ``questionnaire crosswalk``, ``questionnaire diff`` and the reference check.

A questionnaire is named either by a file path (``my-bank.yaml``) or by its id, optionally with a
version (``ict-supply-chain-trust`` or ``ict-supply-chain-trust@1.0.0``) as ``questionnaire list``
shows it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.cli import CliContext, table

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
    assessment = groups.get("assessment")
    if assessment is not None:
        p = assessment.add_parser(
            "buyer", help="the buyer's own readiness (buyer and operator module) of an assessment",
            description="Show the buyer and operator module of an assessment: its questions, your "
                        "answers and the buyer-readiness score, kept apart from the vendor's rating. "
                        "Answer with --answer BUY-03 VALUE or with `trustframe answer ID BUY-03 VALUE`.")
        p.add_argument("id", type=int)
        p.add_argument("--answer", nargs=2, metavar=("QUESTION", "VALUE"), action=_WritingAnswer,
                       help="answer one module question (option id or label) before showing the result")
        p.add_argument("--comment", help="comment for --answer")
        p.add_argument("--json", dest="local_json", action="store_true", help="print the result as JSON")
        p.set_defaults(handler=assessment_buyer, workspace_mode="read")


class _WritingAnswer(argparse.Action):
    """``--answer QUESTION VALUE``: also switches the command from read-only to writing."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        setattr(namespace, self.dest, values)
        namespace.workspace_mode = "write"


def assessment_buyer(ctx: CliContext) -> int:
    """``assessment buyer ID [--answer QUESTION VALUE [--comment C]]``: buyer readiness."""
    from trustframe.domain import answers as answer_values
    from trustframe.domain.questionnaire import is_buyer_question_id
    from trustframe.services.vendors import InvalidInput

    a = ctx.args
    s = ctx.services
    if a.answer:
        qid, value = a.answer
        if not is_buyer_question_id(qid):
            raise InvalidInput(f"'{qid}' is not a buyer-module question; answer vendor questions with "
                               f"`trustframe answer {a.id} {qid} VALUE`.")
        s.buyer.set_answer(a.id, qid, value, comment=a.comment, parse_text=True)
    elif a.comment is not None:
        raise InvalidInput("--comment needs --answer QUESTION VALUE.")
    readiness = s.buyer.score(a.id)
    questions = s.buyer.questions(a.id)
    answers = s.buyer.answers(a.id)
    if ctx.json or a.local_json:
        ctx.emit_json({
            "assessment": a.id, "module": readiness.module_key, "as_of": readiness.as_of.isoformat(),
            "score": readiness.score, "completeness": readiness.completeness,
            "answered": readiness.answered, "applicable": readiness.applicable,
            "sections": [{"id": g.key, "title": g.title, "score": g.score, "answered": g.answered,
                          "applicable": g.applicable} for g in readiness.by_section],
            "flags": [{"id": f.flag_id, "question_id": f.question_id, "severity": f.severity.value,
                       "title": f.title, "mitigation": f.mitigation} for f in readiness.flags],
            "gaps": list(readiness.gaps),
            "answers": {q.id: answers[q.id].value for q in questions if q.id in answers},
        })
        return 0
    score = "-" if readiness.score is None else f"{readiness.score:.0f}/100"
    ctx.print(f"Buyer readiness of assessment {a.id} ({readiness.module_key}): {score}, "
              f"{readiness.completeness:.0%} complete ({readiness.answered} of {readiness.applicable} answered)")
    ctx.print("  Your organisation's own answers; scored apart from the vendor's rating and never sent to the vendor.")
    rows = []
    for q in questions:
        ans = answers.get(q.id)
        text = q.text if len(q.text) <= 70 else q.text[:69] + "\u2026"
        rows.append([q.id, text, answer_values.display(q, ans.value) if ans else ""])
    ctx.print(table(rows, ["QUESTION", "TEXT", "ANSWER"]))
    if readiness.flags:
        ctx.print("Weak points:")
        for f in readiness.flags:
            ctx.print(f"  [{f.severity.value}] {f.question_id}: {f.title}")
    return 0


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
              f"{len(diff.split)} split, {len(diff.unchanged)} unchanged")
    if diff.added:
        ctx.print("\nAdded")
        for qid in diff.added:
            ctx.print(f"  {qid:<10} {' '.join(new.question(qid).text.split())[:100]}")
    if diff.removed:
        ctx.print("\nRemoved")
        for qid in diff.removed:
            ctx.print(f"  {qid:<10} {' '.join(old.question(qid).text.split())[:100]}")
    if diff.split:
        ctx.print("\nSplit (answers are not carried over; each part is asked again)")
        for old_id, parts in diff.split:
            ctx.print(f"  {old_id:<10} -> {', '.join(parts)}")
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
