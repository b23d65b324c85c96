"""Rendering report contexts to HTML (Jinja2) and PDF (WeasyPrint).

Safety (see also :mod:`.safety`): the Jinja2 environment autoescapes every template (not only
``*.html``) and uses StrictUndefined, so a typo fails loudly instead of printing nothing; the
only markup inserted unescaped is the SVG built by :mod:`.charts`, which escapes its own text.
WeasyPrint loads resources through :class:`~.safety.BundleOnlyFetcher` only.

A report can be several HTML documents joined into one PDF (the assessment report and its
answers appendix): see :func:`html_to_pdf` and :mod:`.parallel`. Fonts, layout of one document,
the garbage-collector pause and page labels live in :mod:`.layout`, which both use (imports go
one way: ``pdf`` -> ``parallel`` -> ``layout``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import jinja2
import pydyf
from weasyprint import Attachment, Document
from weasyprint.text.fonts import FontConfiguration

from trustframe import __version__, paths
from trustframe.reports.layout import (  # noqa: F401  (re-exported: the report API in one place)
    APPENDIX_ANCHOR,
    BODY_ANCHORS,
    FONT_FILES,
    bookmark_labels,
    font_face_css,
    fonts_dir,
    layout,
    page_label_ranges,
    paused_gc,
)
from trustframe.reports.model import AssessmentReport, ReportMeta
from trustframe.reports.outline import outline
from trustframe.reports.safety import BundleOnlyFetcher

#: PDF variants offered to users (WeasyPrint writes the identifiers; it does not validate them).
PDF_VARIANTS = ("pdf/a-3b", "pdf/ua-1")


@lru_cache(maxsize=4)
def _environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,                   # every template, whatever its extension
        undefined=jinja2.StrictUndefined,  # a missing field is a bug, not an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["app_version"] = __version__
    env.globals["outline"] = outline  # section numbers, counted (see trustframe/reports/outline.py)
    return env


def environment() -> jinja2.Environment:
    """The report templates' Jinja2 environment."""
    return _environment(paths.report_templates_dir())


def assessment_templates(report: AssessmentReport) -> tuple[str, ...]:
    """The templates of an assessment PDF, one document each: the report and, unless left out,
    Appendix A (every answer), a document of its own so that the two can be laid out in parallel."""
    return ("assessment.html", "assessment_appendix.html") if report.include_appendix else ("assessment.html",)


def render_html(template: str, **context: Any) -> str:
    """Render a report template to an HTML string."""
    return environment().get_template(template).render(**context)


def new_fetcher(meta: ReportMeta | None = None) -> BundleOnlyFetcher:
    """A fetcher limited to the templates and fonts, plus the report's own logo."""
    fetcher = BundleOnlyFetcher([paths.report_templates_dir(), fonts_dir()])
    if meta is not None and meta.logo_data_uri:
        fetcher.allow_data_uri(meta.logo_data_uri)
    return fetcher


@dataclass
class RenderStats:
    """What happened during a render (for tests and the benchmark)."""

    pages: int = 0
    bookmarks: list[str] = field(default_factory=list)   # PDF outline labels, depth first
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EmbeddedFile:
    """A file embedded in the PDF (PDF/A-3 "associated file"): the machine-readable results."""

    name: str
    data: bytes
    description: str = ""
    relationship: str = "Data"     # ISO 32000-2 /AFRelationship: the PDF presents this data


def html_to_pdf(html: str | Sequence[str], target: Path | BinaryIO | None = None, *, pdf_variant: str | None = None,
                fetcher: BundleOnlyFetcher | None = None, stats: RenderStats | None = None,
                parallel: bool = True, tagged: bool = True,
                attachments: Sequence[EmbeddedFile] = ()) -> bytes | None:
    """Lay out ``html`` and write the PDF to ``target`` (or return its bytes).

    ``html`` is one document or several (a report and its appendix), joined in order into one PDF.

    By default the PDF is tagged (PDF/UA-1 structure: headings, lists, tables with /Scope on every
    header cell, figures with their text alternative, /Lang) and carries /PageLabels (roman for the
    front matter). A tagged file cannot be joined from parts, so the parts are laid out in this
    process and written once (which also embeds each font once). ``tagged=False`` gives the untagged
    file of earlier versions, whose parts may be laid out in parallel (:mod:`.parallel`).
    ``pdf_variant`` (``None`` or one of :data:`PDF_VARIANTS`) asks for an archival or accessible
    file; ``attachments`` are embedded (as associated files in PDF/A-3b).
    """
    if pdf_variant is not None and pdf_variant not in PDF_VARIANTS:
        raise ValueError(f"Unknown PDF variant {pdf_variant!r}; choose one of {', '.join(PDF_VARIANTS)}.")
    documents = [html] if isinstance(html, str) else list(html)
    if not documents:
        raise ValueError("Nothing to render: no HTML document given.")
    fetcher = fetcher or new_fetcher()
    with paused_gc():
        rendered: tuple[bytes, int, list[str]] | None = None
        if len(documents) > 1 and pdf_variant is None and parallel and not tagged and not attachments:
            from trustframe.reports import parallel as workers  # imports pypdf: only when needed

            if workers.workers_enabled():
                rendered = workers.write_parallel(documents, fetcher)
        data, pages, bookmarks = rendered or _write_in_process(documents, fetcher, pdf_variant, tagged, attachments)
    if stats is not None:
        stats.pages, stats.bookmarks = pages, bookmarks
        stats.requests, stats.refused = list(fetcher.requests), list(fetcher.refused)
    if target is None:
        return data
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    else:
        target.write(data)
    return None


def _write_in_process(documents: Sequence[str], fetcher: BundleOnlyFetcher, pdf_variant: str | None,
                      tagged: bool = True, attachments: Sequence[EmbeddedFile] = ()) -> tuple[bytes, int, list[str]]:
    """Lay every document out here, one after the other, and write them as one PDF:
    (PDF, pages, bookmark labels)."""
    font_config = FontConfiguration()
    rendered = [layout(one, fetcher, font_config) for one in documents]
    # Document.copy() joins the parts' pages; metadata comes from the first, links resolve across parts.
    document = rendered[0] if len(rendered) == 1 else rendered[0].copy(
        [page for part in rendered for page in part.pages])
    options = write_options(pdf_variant, tagged, attachments)
    return (document.write_pdf(finisher=finish_pdf, **options), len(document.pages),
            bookmark_labels(document.make_bookmark_tree()))


def write_options(pdf_variant: str | None, tagged: bool = True,
                  attachments: Sequence[EmbeddedFile] = ()) -> dict[str, Any]:
    """WeasyPrint ``write_pdf`` options for a variant (shared with the benchmark's bare render)."""
    options: dict[str, Any] = {}
    if pdf_variant:
        options["pdf_variant"] = pdf_variant
    if tagged or (pdf_variant or "").startswith("pdf/ua"):
        options["pdf_tags"] = True
    if attachments:
        options["attachments"] = [
            Attachment(file_obj=io.BytesIO(item.data), name=item.name, description=item.description or None,
                       relationship=item.relationship) for item in attachments]
    return options


def finish_pdf(document: Document, pdf: Any) -> None:
    """WeasyPrint finisher (runs on the pydyf objects before the file is written, so nothing is
    parsed again): /PageLabels, and /Scope on every table header cell of the structure tree."""
    nums = pydyf.Array()
    for first, style, prefix, start in page_label_ranges([page.anchors for page in document.pages]):
        label = pydyf.Dictionary({"S": "/" + style})
        if prefix:
            label["P"] = pydyf.String(prefix)
        if start != 1:
            label["St"] = start
        nums.extend([first, label])
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})
    add_header_scopes(pdf)
    associated = pdf.catalog.get("AF")
    if isinstance(associated, list) and len(set(associated)) < len(associated):
        # WeasyPrint 70 lists each PDF/A-3 associated file twice in the catalog's /AF.
        pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(associated))


def _object(pdf: Any, reference: Any) -> Any:
    """The pydyf object a reference (``b"12 0 R"``) points to."""
    text = reference.decode() if isinstance(reference, bytes) else str(reference)
    return pdf.objects[int(text.split()[0])]


def add_header_scopes(pdf: Any) -> int:
    """Give every /TH structure element an /A /Scope: /Row when its row holds data cells (a
    ``<th scope="row">`` beside its values), else /Column. WeasyPrint 70 tags header cells without a
    scope, which PDF/UA-1 checkers report. Returns how many headers were scoped."""
    count = 0
    for obj in pdf.objects:
        if not isinstance(obj, dict) or obj.get("S") != "/TH" or obj.get("Type") != "/StructElem":
            continue
        row = _object(pdf, obj["P"])
        kinds = {_object(pdf, kid).get("S") for kid in row.get("K", ()) if isinstance(kid, (bytes, str))}
        attributes = obj.get("A")
        if not isinstance(attributes, dict):
            attributes = pydyf.Dictionary({"O": "/Table"})
            obj["A"] = attributes
        attributes["Scope"] = "/Row" if "/TD" in kinds else "/Column"
        count += 1
    return count


def render_pdf(template: str | Sequence[str], context: dict[str, Any], meta: ReportMeta,
               target: Path | BinaryIO | None = None, *, pdf_variant: str | None = None,
               stats: RenderStats | None = None, parallel: bool = True, tagged: bool = True,
               attachments: Sequence[EmbeddedFile] = ()) -> bytes | None:
    """Render a template (or several, one document each, joined in order) and write it as PDF."""
    templates = [template] if isinstance(template, str) else list(template)
    html = [render_html(name, **context) for name in templates]
    return html_to_pdf(html, target, pdf_variant=pdf_variant, fetcher=new_fetcher(meta), stats=stats,
                       parallel=parallel, tagged=tagged, attachments=attachments)
