"""Scoring commands: ``assessment score``, ``assessment compare`` and ``portfolio ...``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date
from typing import Any

from trustframe.cli import CliContext, table


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the scoring commands to the ``assessment`` group and a ``portfolio`` group."""
    assessment = groups.get("assessment")
    if assessment is None:  # the core commands were not loaded: make the group ourselves
        a = subparsers.add_parser("assessment", help="assessments")
        assessment = a.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
        groups["assessment"] = assessment
    p = assessment.add_parser("score", help="score an assessment and explain the rating",
                              description="Score, rating, recommendation, red flags, drivers and the changes "
                                          "that would lift the rating one level.")
    p.add_argument("id", type=int)
    p.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="judge evidence validity on this date (default today)")
    p.add_argument("--json", dest="local_json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=assessment_score)
    p = assessment.add_parser("na", help="list the 'not applicable' answers and whether a reviewer accepted them")
    p.add_argument("id", type=int)
    p.add_argument("--json", dest="local_json", action="store_true")
    p.set_defaults(handler=assessment_na)
    p = assessment.add_parser("accept-na", help="accept 'not applicable' answers (one reason for all)",
                              description="An N/A answer counts towards completeness only once accepted; only "
                                          "answers that give their reason in the comment can be accepted.")
    p.add_argument("id", type=int)
    p.add_argument("questions", nargs="*", metavar="QUESTION")
    p.add_argument("--all", action="store_true", help="every pending N/A answer that gives a reason")
    p.add_argument("--reason", required=True, help="why the answers are accepted")
    p.set_defaults(handler=assessment_accept_na)
    p = assessment.add_parser("compare", help="compare assessments side by side (per section, pillar, flags)")
    p.add_argument("ids", type=int, nargs="+")
    p.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--json", dest="local_json", action="store_true", help="print the comparison as JSON")
    p.set_defaults(handler=assessment_compare)

    portfolio = groups.get("portfolio")
    if portfolio is None:
        pf = subparsers.add_parser("portfolio", help="the vendor register and portfolio overview")
        portfolio = pf.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
        groups["portfolio"] = portfolio
    p = portfolio.add_parser("register", help="one line per product with its latest assessment")
    p.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--json", dest="local_json", action="store_true")
    p.set_defaults(handler=portfolio_register)
    p = portfolio.add_parser("summary", help="counts by rating and tier, overdue reviews, expiring evidence")
    p.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--json", dest="local_json", action="store_true")
    p.set_defaults(handler=portfolio_summary)
    p = portfolio.add_parser("rescore", help="recompute the stored scores of all undecided assessments",
                             description="Shows, per assessment, the stored rating and the rating the scoring "
                                         "profile in force gives, and how many change; then saves the new "
                                         "scores (decisions keep their recorded basis). --dry-run only shows.")
    p.add_argument("--dry-run", action="store_true", help="show old vs new ratings without saving anything")
    p.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--json", dest="local_json", action="store_true")
    p.set_defaults(handler=portfolio_rescore)


def _json(ctx: CliContext) -> bool:
    return ctx.json or bool(getattr(ctx.args, "local_json", False))


def _fmt(score: float | None) -> str:
    return "-" if score is None else f"{score:.1f}"


def assessment_score(ctx: CliContext) -> int:
    """``assessment score ID [--as-of DATE] [--json]``."""
    from trustframe.domain.scoring_codec import result_to_dict

    result = ctx.services.scoring.score(ctx.args.id, ctx.args.as_of)
    if _json(ctx):
        ctx.emit_json(result_to_dict(result))
        return 0
    a = ctx.services.assessments.get(ctx.args.id)
    ctx.print(f"Assessment {a.id}: {a.vendor_name} / {a.product_name}  ({result.questionnaire_key}, "
              f"as of {result.as_of})")
    ctx.print(f"  Score {_fmt(result.overall)} / 100, completeness {result.completeness:.0%}, "
              f"tier {result.tier or '-'}")
    ctx.print(f"  Rating {result.rating.label}; recommendation: {result.recommendation.label}")
    for reason in result.rating_reasons:
        ctx.print(f"    - {reason}")
    fired = [f for f in result.rules if f.fired and f.rule not in ("score_threshold", "conditions")]
    if fired:
        ctx.print("  Rules that acted (docs/scoring.md):")
        for finding in fired:
            ctx.print(f"    - {finding.rule}: {finding.reason}")
    ctx.print()
    ctx.print("By section")
    ctx.print(table([[g.key, g.title, _fmt(g.score), f"{g.answered}/{g.applicable}", g.gaps]
                     for g in result.by_section], ["SECTION", "TITLE", "SCORE", "ANSWERED", "GAPS"]))
    ctx.print()
    ctx.print("By pillar")
    ctx.print(table([[g.title, _fmt(g.score), f"{g.answered}/{g.applicable}"] for g in result.by_pillar],
                    ["PILLAR", "SCORE", "ANSWERED"]))
    ctx.print()
    ctx.print("By Buyers Guide part")
    ctx.print(table([[g.title, _fmt(g.score), f"{g.answered}/{g.applicable}"] for g in result.by_buyers_guide],
                    ["PART", "SCORE", "ANSWERED"]))
    if result.flags:
        ctx.print()
        ctx.print("Red flags")
        ctx.print(table([[f.flag_id, f.severity.value, "accepted" if f.accepted else "OPEN", f.question_id, f.title]
                         for f in result.flags], ["FLAG", "SEVERITY", "STATE", "QUESTION", "TITLE"]))
    if result.drivers:
        ctx.print()
        ctx.print("What pulls the score down (top 10)")
        ctx.print(table([[d.question_id, d.answer[:40], f"{d.points_lost:.1f}", f"{d.weight:g}", d.reason[:70]]
                         for d in result.drivers[:10]], ["QUESTION", "ANSWER", "POINTS", "WEIGHT", "WHY"]))
    ctx.print()
    if result.improvements:
        target = result.next_rating.label if result.next_rating else "the next level"
        ctx.print(f"What would lift the rating to {target}")
        ctx.print(table([[i.question_id, i.kind, i.from_answer[:30], i.to_answer[:60], f"+{i.gain:.1f}"]
                         for i in result.improvements], ["QUESTION", "CHANGE", "FROM", "TO", "GAIN"]))
    elif result.rating.rank > 0:
        ctx.print("No set of answer changes found that lifts the rating.")
    if result.conditions:
        ctx.print()
        ctx.print("Conditions to require")
        for condition in result.conditions:
            ctx.print(f"  - {condition}")
    return 0


def assessment_na(ctx: CliContext) -> int:
    """``assessment na ID``: the N/A answers for review."""
    items = ctx.services.assessments.not_applicable_answers(ctx.args.id)
    if _json(ctx):
        ctx.emit_json([{"question_id": i.question_id, "answer": i.answer_label, "comment": i.comment,
                        "accepted": i.accepted, "accepted_reason": i.accepted_reason, "accepted_by": i.accepted_by}
                       for i in items])
        return 0
    ctx.print(table([[i.question_id, "accepted" if i.accepted else ("GAP: not accepted" if i.has_reason
                                                                    else "GAP: no reason given"),
                      i.comment[:60], i.accepted_reason[:40]] for i in items],
                    ["QUESTION", "STATE", "REASON GIVEN", "ACCEPTED BECAUSE"]))
    return 0


def assessment_accept_na(ctx: CliContext) -> int:
    """``assessment accept-na ID [QUESTION ...] [--all] --reason TEXT``."""
    ids = list(ctx.args.questions)
    if ctx.args.all:
        ids += [i.question_id for i in ctx.services.assessments.not_applicable_answers(ctx.args.id)
                if not i.accepted and i.has_reason]
    accepted = ctx.services.assessments.accept_not_applicable(ctx.args.id, ids, ctx.args.reason)
    ctx.print(f"{len(accepted)} 'not applicable' answer(s) accepted: {', '.join(accepted)}")
    return 0


def assessment_compare(ctx: CliContext) -> int:
    """``assessment compare ID ID ... [--as-of DATE] [--json]``."""
    comparison = ctx.services.scoring.compare(ctx.args.ids, ctx.args.as_of)
    if _json(ctx):
        ctx.emit_json({
            "as_of": comparison.as_of.isoformat(),
            "columns": [{"assessment_id": c.assessment_id, "vendor": c.vendor_name, "product": c.product_name,
                         "tier": c.tier, "overall": c.overall, "rating": c.rating.value,
                         "recommendation": c.recommendation.value, "completeness": c.completeness,
                         "open_flags": c.open_flags, "critical_flags": c.critical_flags} for c in comparison.columns],
            "rows": [{"group": group, "key": r.key, "title": r.title, "scores": list(r.scores), "best": r.best}
                     for group, rows in (("overall", (comparison.overall,)), ("section", comparison.by_section),
                                         ("pillar", comparison.by_pillar),
                                         ("buyers_guide", comparison.by_buyers_guide)) for r in rows],
            "flags": [{"flag_id": f.flag_id, "title": f.title, "severity": f.severity.value, "states": list(f.states)}
                      for f in comparison.flags],
        })
        return 0
    headers = [""] + [f"{c.vendor_name} / {c.product_name} (#{c.assessment_id})" for c in comparison.columns]
    rows: list[list[Any]] = [["Rating"] + [c.rating.label for c in comparison.columns],
                             ["Recommendation"] + [c.recommendation.label for c in comparison.columns],
                             ["Completeness"] + [f"{c.completeness:.0%}" for c in comparison.columns]]
    for row in (comparison.overall, *comparison.by_section, *comparison.by_pillar, *comparison.by_buyers_guide):
        rows.append([row.title] + [_fmt(s) + (" *" if i == row.best else "") for i, s in enumerate(row.scores)])
    for flag in comparison.flags:
        rows.append([f"{flag.flag_id} ({flag.severity.value})"] + [s or "" for s in flag.states])
    ctx.print(table(rows, headers))
    return 0


def portfolio_register(ctx: CliContext) -> int:
    """``portfolio register``."""
    rows = ctx.services.scoring.register_rows(ctx.args.as_of)
    if _json(ctx):
        from trustframe.domain.portfolio import RegisterRow  # imported when used: start-up time

        # RegisterRow is slotted (no __dict__): its dataclass fields name the values.
        names = [f.name for f in dataclasses.fields(RegisterRow)]
        ctx.emit_json([{k: (v.value if hasattr(v, "value") else v) for k in names for v in (getattr(r, k),)}
                       for r in rows])
        return 0
    ctx.print(table([[r.vendor_name, r.product_name, r.status.label if r.status else "", r.tier or "-",
                      _fmt(r.score), r.rating.label if r.rating else "", r.critical_flags or "",
                      r.next_review_due or ""] for r in rows],
                    ["VENDOR", "PRODUCT", "STATUS", "TIER", "SCORE", "RATING", "CRITICAL FLAGS", "NEXT REVIEW"]))
    return 0


def portfolio_summary(ctx: CliContext) -> int:
    """``portfolio summary``."""
    s = ctx.services.scoring.portfolio_summary(ctx.args.as_of)
    if _json(ctx):
        ctx.emit_json({"as_of": s.as_of.isoformat(), "vendors": s.vendors, "products": s.products,
                       "assessed": s.assessed, "unassessed": s.unassessed, "decided": s.decided,
                       "by_rating": {k.value: v for k, v in s.by_rating.items()},
                       "by_tier": {str(k) if k else "unknown": v for k, v in s.by_tier.items()},
                       "by_recommendation": {k.value: v for k, v in s.by_recommendation.items()},
                       "overdue_reviews": s.overdue_reviews, "evidence_expiring": s.evidence_expiring,
                       "evidence_expired": s.evidence_expired, "open_critical_flags": s.open_critical_flags})
        return 0
    ctx.print(f"As of {s.as_of}: {s.vendors} vendors, {s.products} products, {s.assessed} assessed, "
              f"{s.decided} decided")
    ctx.print("By rating:  " + ", ".join(f"{k.label} {v}" for k, v in s.by_rating.items()))
    ctx.print("By tier:    " + ", ".join(f"{k or 'unknown'}: {v}" for k, v in s.by_tier.items()))
    ctx.print(f"Overdue reviews {s.overdue_reviews}; evidence expiring {s.evidence_expiring}, "
              f"expired {s.evidence_expired}; open critical flags {s.open_critical_flags}")
    return 0


def portfolio_rescore(ctx: CliContext) -> int:
    """``portfolio rescore [--dry-run] [--as-of DATE] [--json]``: old vs new rating per
    assessment, the number of changed ratings, then (without ``--dry-run``) the save.
    Progress on stderr."""
    def progress(done: int, total: int) -> None:
        if not _json(ctx):
            print(f"\rscored {done}/{total}", end="", file=sys.stderr, flush=True)

    as_of = getattr(ctx.args, "as_of", None)
    preview = ctx.services.scoring.rescore_preview(as_of, progress)
    if not _json(ctx):
        print(file=sys.stderr)
    count = None
    if not ctx.args.dry_run:
        count = ctx.services.scoring.rescore_all(progress, as_of=as_of)
        if not _json(ctx):
            print(file=sys.stderr)
    changed = preview.changed
    if _json(ctx):
        ctx.emit_json({
            "as_of": preview.as_of.isoformat(), "profile_id": preview.profile_id, "dry_run": bool(ctx.args.dry_run),
            "assessments": len(preview.lines), "ratings_changed": preview.rating_changes,
            "not_stored": preview.not_stored,
            "recommendations_changed": sum(1 for c in changed if c.old_recommendation is not c.new_recommendation),
            "saved": count,
            "changes": [{"assessment_id": c.assessment_id, "vendor": c.vendor_name, "product": c.product_name,
                         "decided": c.decided, "old_rating": c.old_rating.value if c.old_rating else None,
                         "new_rating": c.new_rating.value,
                         "old_recommendation": c.old_recommendation.value if c.old_recommendation else None,
                         "new_recommendation": c.new_recommendation.value, "old_profile": c.old_profile,
                         "new_profile": c.new_profile} for c in changed]})
        return 0
    if changed:
        ctx.print(table([[c.assessment_id, c.vendor_name, c.product_name, "yes" if c.decided else "",
                          c.old_rating.label if c.old_rating else "-", c.new_rating.label,
                          c.old_recommendation.label if c.old_recommendation else "-", c.new_recommendation.label,
                          c.old_profile or "-"] for c in changed[:200]],
                        ["ID", "VENDOR", "PRODUCT", "DECIDED", "OLD RATING", "NEW RATING", "OLD RECOMMENDATION",
                         "NEW RECOMMENDATION", "OLD PROFILE"]))
        if len(changed) > 200:
            ctx.print(f"... and {len(changed) - 200} more (use --json for all).")
    stored = len(preview.lines) - preview.not_stored
    ctx.print(f"Profile {preview.profile_id}: {preview.rating_changes} of {stored} ratings change "
              f"({len(changed)} assessments with a different rating or recommendation"
              f"{f'; {preview.not_stored} had no stored score' if preview.not_stored else ''}).")
    if count is None:
        ctx.print("Dry run: nothing saved.")
    else:
        ctx.print(f"{count} assessments scored and saved (decided assessments keep their decision record).")
    return 0
