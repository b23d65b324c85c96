"""Scoring commands: ``assessment score``, ``assessment compare`` and ``portfolio ...``."""

from __future__ import annotations

import argparse
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
    p = portfolio.add_parser("rescore", help="recompute the stored scores of all undecided assessments")
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
        ctx.emit_json([{k: (v.value if hasattr(v, "value") else v) for k, v in r.__dict__.items()} for r in rows])
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
    """``portfolio rescore``: progress on stderr."""
    def progress(done: int, total: int) -> None:
        print(f"\rscored {done}/{total}", end="", file=sys.stderr, flush=True)

    count = ctx.services.scoring.rescore_all(progress)
    print(file=sys.stderr)
    ctx.print(f"{count} assessments scored.")
    return 0
