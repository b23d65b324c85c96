"""Core commands: questionnaires, vendors, products, assessments, answers, evidence, demo."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.cli import CliContext, table
from trustframe.errors import ConflictError

if TYPE_CHECKING:
    from trustframe.domain.assessment import Assessment
    from trustframe.domain.vendors import Contact

# Only the standard library, the domain and errors are imported here: building the parser for
# --help must not import SQLAlchemy or the services (each handler imports what it needs).


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the core commands."""
    # questionnaire
    q = subparsers.add_parser("questionnaire", help="list, show and validate questionnaires")
    qs = q.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["questionnaire"] = qs
    p = qs.add_parser("list", help="bundled questionnaires and those kept in the workspace")
    p.set_defaults(handler=questionnaire_list)
    p = qs.add_parser("show", help="sections and questions of a questionnaire")
    p.add_argument("id")
    p.add_argument("--version", dest="qversion")
    p.set_defaults(handler=questionnaire_show)
    p = qs.add_parser("validate", help="check a questionnaire file; exit 1 and list the problems")
    p.add_argument("file", type=Path)
    p.add_argument("--references", action="store_true",
                   help="also check every reference against the bundled standards catalogue "
                        "(withdrawn editions are errors)")
    p.set_defaults(handler=questionnaire_validate)

    # vendor
    v = subparsers.add_parser("vendor", help="register and list vendors")
    vs = v.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["vendor"] = vs
    p = vs.add_parser("add", help="register a vendor")
    p.add_argument("name")
    p.add_argument("--country", default="", help="ISO 3166 two-letter code of the headquarters")
    p.add_argument("--website", default="")
    p.add_argument("--ownership-notes", default="")
    p.add_argument("--notes", default="")
    p.add_argument("--contact", action="append", default=[], metavar="'NAME <EMAIL>'",
                   help="a contact person (repeatable)")
    p.set_defaults(handler=vendor_add, creates_workspace=True)
    p = vs.add_parser("list", help="list vendors")
    p.set_defaults(handler=vendor_list)

    # product
    pr = subparsers.add_parser("product", help="register and list products and services")
    ps = pr.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["product"] = ps
    p = ps.add_parser("add", help="register a product of a vendor")
    p.add_argument("vendor")
    p.add_argument("name")
    p.add_argument("--category", required=True, type=_category_arg,
                   help="hardware, software, cloud_service, managed_service, network_equipment or iot_ot")
    p.add_argument("--product-version", dest="product_version", default="")
    p.add_argument("--notes", default="", help="deployment notes")
    p.set_defaults(handler=product_add)
    p = ps.add_parser("list", help="list products")
    p.add_argument("--vendor")
    p.set_defaults(handler=product_list)

    # assessment
    a = subparsers.add_parser("assessment", help="create, list and show assessments")
    as_ = a.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["assessment"] = as_
    p = as_.add_parser("create", help="start an assessment")
    p.add_argument("--vendor", required=True)
    p.add_argument("--product", required=True)
    p.add_argument("--questionnaire", default="ict-supply-chain-trust")
    p.add_argument("--questionnaire-version", default=None)
    p.add_argument("--tier", type=int, choices=[1, 2, 3, 4], help="inherent-risk tier (1 critical .. 4 low)")
    p.add_argument("--assessor", default="")
    p.add_argument("--overlay", action="append", default=[], metavar="OVERLAY",
                   help="apply a regulatory overlay, e.g. eu-nis2 (repeatable; see `assessment overlays`)")
    p.set_defaults(handler=assessment_create)
    p = as_.add_parser("list", help="list assessments")
    p.add_argument("--vendor")
    p.set_defaults(handler=assessment_list)
    p = as_.add_parser("show", help="an assessment with its answers")
    p.add_argument("id", type=int)
    p.set_defaults(handler=assessment_show)

    # answer
    p = subparsers.add_parser("answer", help="answer a question of an assessment")
    p.add_argument("assessment", type=int)
    p.add_argument("question")
    p.add_argument("value", help="option id or label; several separated by commas; a number; YYYY-MM-DD; text")
    p.add_argument("--comment")
    p.set_defaults(handler=answer_set)

    # evidence
    e = subparsers.add_parser("evidence", help="record and list evidence")
    es = e.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    groups["evidence"] = es
    p = es.add_parser("add", help="record a file or a link as evidence of a vendor")
    p.add_argument("vendor")
    p.add_argument("title")
    p.add_argument("--kind", required=True,
                   help="certificate, audit_report, penetration_test, sbom, vex, policy, contract_clause, other "
                        "(an sbom or vex file is checked and its facts kept)")
    p.add_argument("--product", default=None, help="the product of the vendor this evidence is about")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--file", type=Path)
    src.add_argument("--url")
    p.add_argument("--issuer", default="")
    p.add_argument("--independent", action="store_true", help="issued by an independent third party")
    p.add_argument("--issued", type=_date)
    p.add_argument("--expires", type=_date)
    p.add_argument("--link", nargs=2, metavar=("ASSESSMENT", "QUESTION"), help="also link it to an answer")
    p.set_defaults(handler=evidence_add)
    p = es.add_parser("list", help="list evidence")
    p.add_argument("--vendor")
    p.set_defaults(handler=evidence_list)

    # demo
    p = subparsers.add_parser(
        "demo", help="build a demo workspace with vendors, assessments and evidence",
        description="Without --workspace, (re)builds demo.tfw in your user data folder; with --workspace, "
                    "adds the demo data to that workspace (refused when it already has vendors, unless --force).")
    p.add_argument("--force", action="store_true", help="add the demo data even if the workspace is not empty")
    p.set_defaults(handler=demo_build, creates_workspace=True)


def _category_arg(text: str) -> str:
    """Check a product category at parse time, so a wrong one is a usage error (exit 2)."""
    from trustframe.services.vendors import InvalidInput, parse_category

    try:
        return parse_category(text).value
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


# -- questionnaires -----------------------------------------------------------------------------


def questionnaire_list(ctx: CliContext) -> int:
    """``questionnaire list``."""
    from trustframe.services.questionnaires import QuestionnaireCatalog

    # Listing needs no workspace unless one was named: the bundled catalog is enough.
    catalog = ctx.services.catalog if ctx.args.workspace else QuestionnaireCatalog()
    items = catalog.list_questionnaires()
    if ctx.json:
        ctx.emit_json([{"id": i.id, "version": i.version, "title": i.title, "kind": i.kind.value,
                        "questions": i.question_count, "sections": i.section_count, "origin": i.origin}
                       for i in items])
        return 0
    ctx.print(table([[i.id, i.version, i.kind.value, i.question_count, i.section_count, i.title] for i in items],
                    ["ID", "VERSION", "KIND", "QUESTIONS", "SECTIONS", "TITLE"]))
    return 0


def questionnaire_show(ctx: CliContext) -> int:
    """``questionnaire show ID``."""
    from trustframe.services.questionnaires import QuestionnaireCatalog

    catalog = ctx.services.catalog if ctx.args.workspace else QuestionnaireCatalog()
    q = catalog.get(ctx.args.id, ctx.args.qversion)
    if ctx.json:
        ctx.emit_json({
            "id": q.id, "version": q.version, "title": q.title, "kind": q.kind.value,
            "sections": [{
                "id": s.id, "title": s.title,
                "questions": [{"id": x.id, "text": x.text, "type": x.type.value, "importance": x.importance.value,
                               "options": [{"id": o.id, "label": o.label, "score": o.score} for o in x.options]}
                              for x in s.questions]} for s in q.sections]})
        return 0
    ctx.print(f"{q.title} ({q.key}), {q.question_count} questions")
    for s in q.sections:
        ctx.print(f"\n{s.id}  {s.title}")
        for x in s.questions:
            ctx.print(f"  {x.id:<10} [{x.importance.value}] {x.text}")
    return 0


def questionnaire_validate(ctx: CliContext) -> int:
    """``questionnaire validate FILE``: exit 0 when valid, 1 with every problem listed."""
    from trustframe.cli.translation_commands import print_translation_issues, translation_issues
    from trustframe.exchange.overlays import check_overlay_file, is_overlay_text
    from trustframe.exchange.questionnaire_files import MAX_FILE_BYTES, check_questionnaire_file
    from trustframe.exchange.references import check_references

    overlay = None
    try:
        # Only a regular file is peeked at (a named pipe would block); anything else is left to
        # check_questionnaire_file, which says why it cannot be read.
        path = Path(ctx.args.file)
        is_overlay = path.is_file() and path.stat().st_size <= MAX_FILE_BYTES and is_overlay_text(
            path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        is_overlay = False
    if is_overlay:
        # A regulatory overlay: validated merged with its bank; its own questions are checked below.
        overlay, issues = check_overlay_file(ctx.args.file)
        q = overlay.questions if overlay is not None else None
    else:
        q, issues = check_questionnaire_file(ctx.args.file)
    translation_problems = translation_issues(q) if q is not None else []
    check_refs = q is not None and bool(getattr(ctx.args, "references", False))
    ref_findings = check_references(q) if check_refs and q is not None else []
    withdrawn = sum(1 for f in ref_findings if f.severity == "error")
    if ctx.json:
        data: dict[str, Any] = {
            "valid": q is not None, "file": str(ctx.args.file), "questions": q.question_count if q else None,
            "issues": [{"message": i.message, "where": i.where, "line": i.line} for i in issues],
            "translations": [{"message": i.message, "file": i.file, "where": i.where,
                              "severity": i.severity} for i in translation_problems]}
        if check_refs:
            data.update({"references": [f.as_dict() for f in ref_findings], "withdrawn": withdrawn,
                         "warnings": len(ref_findings) - withdrawn})
        ctx.emit_json(data)
        failed = any(i.severity == "error" for i in translation_problems) or withdrawn
        return 0 if q is not None and not failed else 1
    if q is None:
        for issue in issues:
            print(str(issue), file=ctx.err)
        print(f"{ctx.args.file}: {len(issues)} problem{'s' if len(issues) != 1 else ''}", file=ctx.err)
        return 1
    ctx.print(f"{ctx.args.file}: valid ({q.key}, {len(q.sections)} sections, {q.question_count} questions)")
    if overlay is not None:
        ctx.print(f"  overlay for {overlay.base_key} ({overlay.regime}): {len(overlay.raises)} importance "
                  f"raise(s), {len(overlay.red_flag_ids)} added red flag(s)")
    failed = print_translation_issues(ctx, translation_problems)
    if check_refs:
        from trustframe.cli.bank_commands import print_reference_findings

        failed = print_reference_findings(ctx, q, ref_findings) or failed
    return 1 if failed else 0


# -- vendors and products -----------------------------------------------------------------------


def _contact(text: str) -> Contact:
    from trustframe.domain.vendors import Contact

    text = text.strip()
    if "<" in text and text.endswith(">"):
        name, email = text[:-1].split("<", 1)
        return Contact(name.strip(), email=email.strip())
    return Contact(text)


def vendor_add(ctx: CliContext) -> int:
    """``vendor add NAME``."""
    a = ctx.args
    vendor = ctx.services.vendors.add_vendor(a.name, a.country, a.ownership_notes, a.website, a.notes,
                                             tuple(_contact(c) for c in a.contact))
    if ctx.json:
        ctx.emit_json({"id": vendor.id, "name": vendor.name, "country": vendor.country})
    else:
        ctx.print(f"Added vendor {vendor.id}: {vendor.name}")
    return 0


def _light_workspace_path(ctx: CliContext) -> Path | None:
    """The workspace file a read-only listing may read directly (None: open it the normal way)."""
    from trustframe import paths

    path = Path(ctx.args.workspace).expanduser() if ctx.args.workspace else paths.default_workspace_path()
    return path if path.is_file() else None


def vendor_list(ctx: CliContext) -> int:
    """``vendor list``: read with sqlite3 alone when possible (see :mod:`trustframe.storage.light`)."""
    from trustframe.storage.light import read_vendors

    path = _light_workspace_path(ctx)
    light = read_vendors(path) if path is not None else None
    vendors = light if light is not None else ctx.services.vendors.list_vendors()
    if ctx.json:
        ctx.emit_json([{"id": v.id, "name": v.name, "country": v.country, "website": v.website,
                        "contacts": [c.__dict__ for c in v.contacts]} for v in vendors])
        return 0
    ctx.print(table([[v.id, v.name, v.country, v.website] for v in vendors], ["ID", "NAME", "COUNTRY", "WEBSITE"]))
    return 0


def product_add(ctx: CliContext) -> int:
    """``product add VENDOR NAME --category CAT``."""
    a = ctx.args
    vendor = ctx.services.vendors.find_vendor(a.vendor)
    product = ctx.services.vendors.add_product(vendor.id, a.name, a.category, a.product_version, a.notes)
    if ctx.json:
        ctx.emit_json({"id": product.id, "vendor": vendor.name, "name": product.name,
                       "category": product.category.value})
    else:
        ctx.print(f"Added product {product.id}: {vendor.name} / {product.name} ({product.category.label})")
    return 0


def product_list(ctx: CliContext) -> int:
    """``product list``."""
    vendor_id = ctx.services.vendors.find_vendor(ctx.args.vendor).id if ctx.args.vendor else None
    products = ctx.services.vendors.list_products(vendor_id)
    if ctx.json:
        ctx.emit_json([{"id": p.id, "vendor": p.vendor_name, "name": p.name, "category": p.category.value,
                        "version": p.version} for p in products])
        return 0
    ctx.print(table([[p.id, p.vendor_name, p.name, p.category.label, p.version] for p in products],
                    ["ID", "VENDOR", "PRODUCT", "CATEGORY", "VERSION"]))
    return 0


# -- assessments ---------------------------------------------------------------------------------


def _assessment_json(a: Assessment) -> dict[str, Any]:
    return {"id": a.id, "vendor": a.vendor_name, "product": a.product_name,
            "category": a.product_category.value if a.product_category else None,
            "questionnaire_id": a.questionnaire_id, "questionnaire_version": a.questionnaire_version,
            "status": a.status.value, "tier": a.effective_tier,
            "decision": a.decision.value if a.decision else None,
            "assessor": a.assessor, "reviewer": a.reviewer,
            "created_at": a.created_at, "next_review_due": a.next_review_due,
            "overlays": [f"{oid}@{version}" for oid, version in a.overlays],
            "buyer_module_version": a.buyer_module_version, "scoring_profile_version": a.scoring_profile_version}


def assessment_create(ctx: CliContext) -> int:
    """``assessment create --vendor --product --questionnaire [--tier]``."""
    a = ctx.args
    s = ctx.services
    vendor = s.vendors.find_vendor(a.vendor)
    product = s.vendors.find_product(vendor.id, a.product)
    from trustframe.services.assessments import NewAssessment

    assert vendor.id is not None and product.id is not None
    assessment = s.assessments.create(NewAssessment(
        vendor.id, product.id, a.questionnaire, a.questionnaire_version, overlays=tuple(a.overlay),
        tier_override=a.tier, tier_override_reason="Set when the assessment was created" if a.tier else "",
        assessor=a.assessor))
    if ctx.json:
        ctx.emit_json(_assessment_json(assessment))
    else:
        scoped = len(s.assessments.scoped_questions(assessment))
        shown = len(s.assessments.applicable_questions(assessment))
        follow_ups = f"; {scoped - shown} more appear depending on answers" if scoped > shown else ""
        ctx.print(f"Created assessment {assessment.id}: {vendor.name} / {product.name} with "
                  f"{assessment.questionnaire_id} {assessment.questionnaire_version} "
                  f"({shown} questions to answer{follow_ups})")
    return 0


def assessment_list(ctx: CliContext) -> int:
    """``assessment list``."""
    s = ctx.services
    vendor_id = s.vendors.find_vendor(ctx.args.vendor).id if ctx.args.vendor else None
    items = s.assessments.list_assessments(vendor_id=vendor_id)
    if ctx.json:
        ctx.emit_json([_assessment_json(a) for a in items])
        return 0
    ctx.print(table([[a.id, a.vendor_name, a.product_name, f"{a.questionnaire_id} {a.questionnaire_version}",
                      a.status.label, a.effective_tier or "-", a.decision.label if a.decision else ""]
                     for a in items], ["ID", "VENDOR", "PRODUCT", "QUESTIONNAIRE", "STATUS", "TIER", "DECISION"]))
    return 0


def assessment_show(ctx: CliContext) -> int:
    """``assessment show ID``: details and every answer."""
    from trustframe.domain import answers as answer_values

    s = ctx.services
    a = s.assessments.get(ctx.args.id)
    answers = s.assessments.answers(a.id)
    questionnaire = s.assessments.questionnaire(a)
    scoped = s.assessments.applicable_questions(a, answers)
    if ctx.json:
        data = _assessment_json(a)
        data["questions_in_scope"] = len(scoped)
        data["answered"] = sum(1 for q in scoped if answers.get(q.id) and answers[q.id].value is not None)
        data["answers"] = [{"question_id": ans.question_id, "value": ans.value, "comment": ans.comment,
                            "source": ans.source.value, "needs_follow_up": ans.needs_follow_up,
                            "to_confirm": ans.to_confirm, "confirm_note": ans.confirm_note,
                            "evidence_ids": list(ans.evidence_ids),
                            "updated_at": ans.updated_at, "updated_by": ans.updated_by}
                           for ans in sorted(answers.values(), key=lambda x: x.question_id)]
        ctx.emit_json(data)
        return 0
    answered = sum(1 for q in scoped if answers.get(q.id) and answers[q.id].value is not None)
    ctx.print(f"Assessment {a.id}: {a.vendor_name} / {a.product_name}")
    ctx.print(f"  questionnaire {questionnaire.key}, status {a.status.label}, tier {a.effective_tier or '-'}")
    if a.overlays:
        ctx.print(f"  overlays {', '.join(f'{oid}@{version}' for oid, version in a.overlays)}")
    ctx.print(f"  {answered} of {len(scoped)} questions answered")
    rows = []
    for q in scoped:
        ans = answers.get(q.id)
        # A carried answer to confirm says so; a reworded question says why (its confirm note).
        confirm = ("" if not ans or not ans.to_confirm else
                   f"to confirm ({ans.confirm_note[:50]})" if ans.confirm_note else "to confirm")
        rows.append([q.id, answer_values.display(q, ans.value) if ans else "", ans.source.label if ans else "",
                     confirm, (ans.comment[:40] if ans else "")])
    ctx.print(table(rows, ["QUESTION", "ANSWER", "SOURCE", "CONFIRM", "COMMENT"]))
    return 0


def answer_set(ctx: CliContext) -> int:
    """``answer ASSESSMENT QUESTION VALUE [--comment]``."""
    from trustframe.domain import answers as answer_values

    a = ctx.args
    change = ctx.services.assessments.set_answer(a.assessment, a.question, a.value, comment=a.comment,
                                                 parse_text=True)
    after = change.after
    if ctx.json:
        ctx.emit_json({"assessment": a.assessment, "question_id": a.question,
                       "value": after.value if after else None, "comment": after.comment if after else ""})
    else:
        q = (ctx.services.assessments.buyer_module(a.assessment) if a.question.startswith("BUY-")
             else ctx.services.assessments.questionnaire(a.assessment)).question(a.question)
        ctx.print(f"{a.question}: {answer_values.display(q, after.value if after else None)}")
    return 0


# -- evidence -------------------------------------------------------------------------------------


def evidence_add(ctx: CliContext) -> int:
    """``evidence add VENDOR TITLE --kind K (--file F | --url U)``."""
    a = ctx.args
    s = ctx.services
    vendor = s.vendors.find_vendor(a.vendor)
    product_id = s.vendors.find_product(vendor.id, a.product).id if getattr(a, "product", None) else None
    evidence = s.evidence.add(vendor.id, a.title, a.kind, file=a.file, url=a.url or "", issuer=a.issuer,
                              independent=a.independent, issued_on=a.issued, expires_on=a.expires,
                              product_id=product_id)
    if a.link:
        from trustframe.services.vendors import InvalidInput

        try:
            s.evidence.link(int(a.link[0]), a.link[1], evidence.id)
        except ValueError:
            raise InvalidInput(f"'{a.link[0]}' is not an assessment id") from None
    from trustframe.services.evidence import link_warning

    warning = link_warning(a.url) if a.url else None
    if warning:
        print(f"warning: {warning}", file=ctx.err)
    if ctx.json:
        ctx.emit_json({"id": evidence.id, "title": evidence.title, "sha256": evidence.sha256,
                       **({"warning": warning} if warning else {})})
    else:
        ctx.print(f"Added evidence {evidence.id}: {evidence.title}"
                  + (f" (sha256 {evidence.sha256[:12]}...)" if evidence.sha256 else ""))
    return 0


def evidence_list(ctx: CliContext) -> int:
    """``evidence list``."""
    s = ctx.services
    vendor_id = s.vendors.find_vendor(ctx.args.vendor).id if ctx.args.vendor else None
    today = date.today()
    items = s.evidence.list_evidence(vendor_id)
    if ctx.json:
        facts = s.evidence.facts(e.id for e in items if e.id is not None)
        ctx.emit_json([{"id": e.id, "vendor_id": e.vendor_id, "product_id": e.product_id, "title": e.title,
                        "kind": e.kind.value, "issuer": e.issuer, "issued_on": e.issued_on,
                        "expires_on": e.expires_on, "state": e.state(today).value, "sha256": e.sha256,
                        "url": e.url, "facts": facts.get(e.id)} for e in items])
        return 0
    ctx.print(table([[e.id, e.title, e.kind.label, e.issuer, e.expires_on or "", e.state(today).value]
                     for e in items], ["ID", "TITLE", "KIND", "ISSUER", "EXPIRES", "STATE"]))
    return 0


def demo_build(ctx: CliContext) -> int:
    """``demo``: fill the workspace with demo data.

    A new demo workspace is built in a temporary file and moved into place when complete, so an
    interrupted ``demo`` leaves nothing half-built behind (and needs no ``--force`` afterwards)."""
    from trustframe import paths
    from trustframe.services.demo import build_demo, build_demo_workspace
    from trustframe.storage.locations import is_server_location

    summary: dict[str, int] | None = None
    if not ctx.args.workspace:
        # The demo gets its own file so it never mixes with real work; rebuilding replaces it.
        target = paths.demo_workspace_path()
        summary = build_demo_workspace(target, replace=True)
        ctx.args.workspace = str(target)
    elif is_server_location(ctx.args.workspace):
        # Team mode: the demo goes into the (empty) database itself, in one transaction per step.
        ctx.args.creates_workspace = True
    else:
        target = Path(ctx.args.workspace).expanduser()
        if not target.exists():
            if not target.parent.is_dir():
                raise ConflictError(f"The folder {target.parent} does not exist.")
            summary = build_demo_workspace(target)
    s = ctx.services
    if summary is None:
        # An existing workspace (or one another program created meanwhile): add to it.
        if s.vendors.list_vendors() and not ctx.args.force:
            raise ConflictError("The workspace already has vendors; use --force to add the demo data anyway, "
                                "or name another file with --workspace.")
        summary = build_demo(s)
    if ctx.json:
        ctx.emit_json({**summary, "workspace": s.workspace.location})
    else:
        ctx.print(f"Demo workspace ready at {s.workspace.location}: {summary['vendors']} vendors, "
                  f"{summary['products']} products, {summary['assessments']} assessments, "
                  f"{summary['evidence']} pieces of evidence.")
        ctx.print(f"Open it with:  trustframe --workspace {s.workspace.location}")
    return 0
