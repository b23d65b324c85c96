"""Report commands.

``trustframe report ASSESSMENT --format pdf|xlsx -o FILE [--pdf-variant pdf/a-3b|pdf/ua-1] [--no-appendix]``
``trustframe report brief ASSESSMENT -o FILE`` (the one-page decision brief)
``trustframe report compare ASSESSMENT ASSESSMENT... -o FILE``
``trustframe report portfolio --format pdf|xlsx -o FILE``

Why one positional list instead of sub-commands: argparse sub-parsers cannot accept "a number
or one of these words" in the same position, so ``report`` takes its words as ``TARGET...`` and
:func:`parse_target` decides which form was meant, with a usage error (exit 2) that shows all
three forms when it is none of them.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from trustframe.cli import CliContext
from trustframe.errors import TrustFrameError

PDF_VARIANTS = ("pdf/a-3b", "pdf/ua-1")

USAGE = """trustframe report ASSESSMENT --format pdf|xlsx -o FILE [--pdf-variant pdf/a-3b|pdf/ua-1] [--no-appendix]
       trustframe report brief ASSESSMENT -o FILE [--pdf-variant ...]
       trustframe report compare ASSESSMENT ASSESSMENT... -o FILE [--pdf-variant ...]
       trustframe report portfolio --format pdf|xlsx -o FILE [--pdf-variant ...]"""


class UsageError(TrustFrameError):
    """The words after ``report`` do not form one of the three commands."""


def register(subparsers: Any, groups: dict[str, Any]) -> None:
    """Add the ``report`` command."""
    p = subparsers.add_parser(
        "report", help="write an assessment, decision brief, comparison or portfolio report (PDF or Excel)",
        usage=USAGE,
        description="Write a report. ASSESSMENT is an assessment number (see 'assessment list').",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  trustframe report 12 --format pdf -o vendor.pdf\n"
               "  trustframe report brief 12 -o brief.pdf\n"
               "  trustframe report compare 12 15 17 -o tender.pdf\n"
               "  trustframe report portfolio --format xlsx -o portfolio.xlsx")
    p.add_argument("target", nargs="+", metavar="ASSESSMENT | brief ASSESSMENT | compare ASSESSMENT... | portfolio")
    p.add_argument("--format", "-f", choices=("pdf", "xlsx"), default=None,
                   help="output format (default: from the file name, else pdf)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="file to write")
    p.add_argument("--pdf-variant", choices=PDF_VARIANTS, default=None,
                   help="write an archival (PDF/A-3b) or accessible (PDF/UA-1) PDF")
    p.add_argument("--no-appendix", dest="include_appendix", action="store_false",
                   help="assessment PDF: leave out Appendix A, every answer (faster; the Excel report has them)")
    p.add_argument("--author", default=None, metavar="NAME",
                   help="name on the report (author, footer); default: $TRUSTFRAME_USER, else the assessor")
    p.add_argument("--language", default="en", metavar="LANG",
                   help="report language, e.g. de: words, dates and numbers, and the PDF's /Lang (default: en)")
    p.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                   help="score and check evidence validity as of this date (default: today)")
    p.set_defaults(handler=report_command, _report_parser=p)


def parse_target(words: list[str]) -> tuple[str, list[int]]:
    """``(kind, assessment ids)`` from the positional words; raises :class:`UsageError`."""
    head, rest = words[0].lower(), words[1:]
    if head in ("compare", "comparison"):
        ids = _ids(rest)
        if len(ids) < 2:
            raise UsageError("'report compare' needs at least two assessment numbers")
        return "comparison", ids
    if head == "brief":
        if len(rest) != 1:
            raise UsageError("'report brief' needs exactly one assessment number")
        return "brief", _ids(rest)
    if head == "portfolio":
        if rest:
            raise UsageError("'report portfolio' takes no assessment numbers")
        return "portfolio", []
    if rest:
        raise UsageError(f"unexpected words after the assessment number: {' '.join(rest)}")
    return "assessment", _ids([words[0]])


def _ids(words: list[str]) -> list[int]:
    ids = []
    for word in words:
        try:
            ids.append(int(word.lstrip("#")))
        except ValueError:
            raise UsageError(f"{word!r} is not an assessment number, 'brief', 'compare' or 'portfolio'") from None
    return ids


def report_command(ctx: CliContext) -> int:
    """Write the report."""
    args = ctx.args
    try:
        kind, ids = parse_target(args.target)
    except UsageError as exc:
        args._report_parser.print_usage(ctx.err)
        print(f"trustframe report: error: {exc}", file=ctx.err)
        return 2
    fmt = args.format or ("xlsx" if args.output.suffix.lower() == ".xlsx" else "pdf")
    if args.pdf_variant and fmt != "pdf":
        print("trustframe report: error: --pdf-variant applies to PDF output only", file=ctx.err)
        return 2
    if not args.include_appendix and (kind != "assessment" or fmt != "pdf"):
        print("trustframe report: error: --no-appendix applies to the assessment PDF only", file=ctx.err)
        return 2
    result = ctx.services.reports.write(kind, fmt, args.output, ids, pdf_variant=args.pdf_variant, as_of=args.as_of,
                                        include_appendix=args.include_appendix, author=args.author,
                                        language=args.language)
    if ctx.json:
        ctx.emit_json({"path": str(result.path), "kind": result.kind, "format": result.format,
                       "pages": result.pages, "refused_urls": list(result.refused_urls)})
    else:
        pages = f", {result.pages} pages" if result.pages else ""
        ctx.print(f"Wrote {result.kind} report to {result.path}{pages}.")
    return 0
