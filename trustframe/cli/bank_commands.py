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
        p = assessment.add_parser(
            "overlays", help="the regulatory overlays an assessment applies, with their sub-scores",
            description="Show the regulatory overlays (NIS2, CRA, DORA, FAR 889, ...) an assessment applies "
                        "and each overlay's sub-score; --add and --remove change the choice (the overlay's "
                        "questions are then asked, in the GUI and in the vendor workbook).")
        p.add_argument("id", type=int)
        p.add_argument("--add", action=_WritingList, default=[], metavar="OVERLAY",
                       help="apply an overlay (repeatable)")
        p.add_argument("--remove", action=_WritingList, default=[], metavar="OVERLAY",
                       help="stop applying an overlay (repeatable; its answers stay stored)")
        p.add_argument("--available", action="store_true", help="also list the overlays that can be applied")
        p.add_argument("--json", dest="local_json", action="store_true", help="print the result as JSON")
        p.set_defaults(handler=assessment_overlays, workspace_mode="read")
        p = assessment.add_parser(
            "reassess", help="start the next assessment of a product, on the newest (or a given) bank version",
            description="Start the next assessment of the same product from this one. Answers are carried "
                        "and marked to confirm; on a newer bank version reworded questions say why they "
                        "must be confirmed, and answers to dropped or split questions are listed, not carried.")
        p.add_argument("id", type=int)
        p.add_argument("--questionnaire-version", default=None, help="bank version (default: the newest)")
        p.add_argument("--json", dest="local_json", action="store_true", help="print the result as JSON")
        p.set_defaults(handler=assessment_reassess)


class _WritingAnswer(argparse.Action):
    """``--answer QUESTION VALUE``: also switches the command from read-only to writing."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        setattr(namespace, self.dest, values)
        namespace.workspace_mode = "write"


class _WritingList(argparse.Action):
    """A repeatable option that also switches the command from read-only to writing."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        setattr(namespace, self.dest, [*getattr(namespace, self.dest, []), values])
        namespace.workspace_mode = "write"


def assessment_overlays(ctx: CliContext) -> int:
    """``assessment overlays ID [--add OVERLAY] [--remove OVERLAY] [--available]``."""
    from trustframe.services.vendors import InvalidInput

    a = ctx.args
    s = ctx.services
    assessment = s.assessments.get(a.id)
    if a.add or a.remove:
        unknown = [oid for oid in a.remove if oid not in assessment.overlay_ids]
        if unknown:
            raise InvalidInput(f"Assessment {a.id} does not apply {', '.join(unknown)}; "
                               f"it applies {', '.join(assessment.overlay_ids) or 'no overlay'}.")
        wanted = [oid for oid in assessment.overlay_ids if oid not in a.remove]
        wanted += [oid for oid in a.add if oid not in wanted]
        assessment = s.assessments.set_overlays(a.id, wanted)
    scores = s.scoring.overlay_scores(a.id)
    available = s.catalog.overlays(assessment.questionnaire_id) if a.available else []
    if ctx.json or a.local_json:
        ctx.emit_json({
            "assessment": a.id,
            "overlays": [{"id": o.overlay_id, "version": o.version, "title": o.title, "regime": o.regime,
                          "score": o.score, "answered": o.answered, "applicable": o.applicable,
                          "completeness": round(o.completeness, 4), "questions": list(o.question_ids),
                          "gaps": list(o.gaps), "open_flags": list(o.flags)} for o in scores],
            "available": [{"id": i.id, "version": i.version, "title": i.title, "regime": i.regime,
                           "questions_added": i.added} for i in available],
        })
        return 0
    if not scores:
        ctx.print(f"Assessment {a.id} applies no regulatory overlay.")
    for o in scores:
        score = f"{o.score:.1f}" if o.score is not None else "not scored yet"
        ctx.print(f"{o.overlay_id}@{o.version}  {o.regime}: {score} "
                  f"({o.answered} of {o.applicable} answered; {len(o.flags)} open red flag(s))")
        ctx.print(f"  questions: {', '.join(o.question_ids) or '-'}")
    if available:
        ctx.print("\nAvailable")
        rows = [[i.id, i.version, i.regime, str(i.added), "applied" if i.id in assessment.overlay_ids else ""]
                for i in available]
        ctx.print(table(rows, ["OVERLAY", "VERSION", "REGIME", "ADDS", ""]))
    return 0


def assessment_reassess(ctx: CliContext) -> int:
    """``assessment reassess ID [--questionnaire-version V]``."""
    a = ctx.args
    report = ctx.services.assessments.reassess_report(a.id, a.questionnaire_version)
    new = report.assessment
    if ctx.json or a.local_json:
        ctx.emit_json({
            "assessment": new.id, "previous": a.id, "old": report.old_key, "new": report.new_key,
            "carried": list(report.carried), "to_confirm": {qid: why for qid, why in report.confirm},
            "dropped": list(report.dropped), "to_answer": list(report.to_answer),
            "reask": {qid: why for qid, why in report.reask},
            "buyer": {"carried": list(report.buyer_carried),
                      "to_confirm": {qid: why for qid, why in report.buyer_confirm},
                      "dropped": list(report.buyer_dropped), "to_answer": list(report.buyer_to_answer)},
            "overlays": [f"{oid}@{v}" for oid, v in new.overlays], "overlays_dropped": list(report.overlays_dropped),
        })
        return 0
    ctx.print(f"Created assessment {new.id} ({report.new_key}) from assessment {a.id} ({report.old_key}): "
              f"{len(report.carried)} answers carried, {len(report.confirm)} reworded to confirm, "
              f"{len(report.dropped)} dropped, {len(report.to_answer)} split questions to answer, "
              f"{len(report.reask)} answers to give again")
    for title, items in (("Reworded (carried, to confirm)", [f"{q}: {why}" for q, why in report.confirm]),
                         ("Dropped (not carried)", list(report.dropped)),
                         ("Split (to answer again)", list(report.to_answer)),
                         ("No longer a valid answer (to answer again)", [f"{q}: {why}" for q, why in report.reask]),
                         ("Buyer module, reworded (to confirm)", [f"{q}: {why}" for q, why in report.buyer_confirm]),
                         ("Buyer module, dropped", list(report.buyer_dropped)),
                         ("Overlays that no longer apply", list(report.overlays_dropped))):
        if items:
            ctx.print(f"\n{title}")
            for item in items:
                ctx.print(f"  {item}")
    return 0


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
