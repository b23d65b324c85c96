"""Rendering report contexts to HTML (Jinja2) and PDF (WeasyPrint).

Safety (see also :mod:`.safety`): the Jinja2 environment autoescapes every template (not only
``*.html``) and uses StrictUndefined, so a typo fails loudly instead of printing nothing; the
only markup inserted unescaped is the SVG built by :mod:`.charts`, which escapes its own text.
WeasyPrint loads resources through :class:`~.safety.BundleOnlyFetcher` only.

Fonts are the bundled DejaVu Sans files (regular, bold and oblique declared as separate faces,
because WeasyPrint otherwise synthesises bold), so a report looks the same on every machine.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import jinja2
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from trustframe import __version__, paths
from trustframe.exchange.reports.model import ReportMeta
from trustframe.exchange.reports.safety import BundleOnlyFetcher

#: PDF variants offered to users (WeasyPrint writes the identifiers; it does not validate them).
PDF_VARIANTS = ("pdf/a-3b", "pdf/ua-1")

FONT_FILES = {
    ("normal", "normal"): "DejaVuSans.ttf",
    ("bold", "normal"): "DejaVuSans-Bold.ttf",
    ("normal", "italic"): "DejaVuSans-Oblique.ttf",
}


def fonts_dir() -> Path:
    """The bundled report fonts."""
    return paths.resources_dir() / "fonts"


def font_face_css() -> str:
    """``@font-face`` rules for the bundled fonts (absolute file URLs inside the bundle)."""
    rules = []
    for (weight, style), name in FONT_FILES.items():
        url = (fonts_dir() / name).resolve().as_uri()
        rules.append(f'@font-face {{ font-family: "DejaVu Sans"; src: url("{url}"); '
                     f'font-weight: {weight}; font-style: {style}; }}')
    return "\n".join(rules)


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
    return env


def environment() -> jinja2.Environment:
    """The report templates' Jinja2 environment."""
    return _environment(paths.report_templates_dir())


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


def html_to_pdf(html: str, target: Path | BinaryIO | None = None, *, pdf_variant: str | None = None,
                fetcher: BundleOnlyFetcher | None = None, stats: RenderStats | None = None) -> bytes | None:
    """Lay out ``html`` and write the PDF to ``target`` (or return its bytes).

    ``pdf_variant`` is ``None`` or one of :data:`PDF_VARIANTS`.
    """
    if pdf_variant is not None and pdf_variant not in PDF_VARIANTS:
        raise ValueError(f"Unknown PDF variant {pdf_variant!r}; choose one of {', '.join(PDF_VARIANTS)}.")
    fetcher = fetcher or new_fetcher()
    templates = paths.report_templates_dir()
    font_config = FontConfiguration()
    # The same FontConfiguration goes to CSS and render(), or @font-face is ignored (also in SVG).
    # (WeasyPrint 70's write_pdf() no longer takes font_config: it logs "Unknown PDF option".)
    stylesheets = [CSS(string=font_face_css(), font_config=font_config, url_fetcher=fetcher,
                       base_url=templates.as_uri() + "/")]
    document = HTML(string=html, base_url=templates.as_uri() + "/", url_fetcher=fetcher).render(
        stylesheets=stylesheets, font_config=font_config)
    options: dict[str, Any] = {}
    if pdf_variant:
        options["pdf_variant"] = pdf_variant
        if pdf_variant.startswith("pdf/ua"):
            options["pdf_tags"] = True
    if stats is not None:
        stats.pages = len(document.pages)
        stats.bookmarks = _bookmark_labels(document.make_bookmark_tree())
        stats.requests = list(fetcher.requests)
        stats.refused = list(fetcher.refused)
    if target is None:
        buffer = io.BytesIO()
        document.write_pdf(buffer, **options)
        return buffer.getvalue()
    document.write_pdf(target, **options)
    return None


def _bookmark_labels(tree: Any) -> list[str]:
    labels: list[str] = []
    for label, _target, children, _state in tree:  # WeasyPrint's (label, target, children, state)
        labels.append(label)
        labels.extend(_bookmark_labels(children))
    return labels


def render_pdf(template: str, context: dict[str, Any], meta: ReportMeta, target: Path | BinaryIO | None = None,
               *, pdf_variant: str | None = None, stats: RenderStats | None = None) -> bytes | None:
    """Render a template and write it as PDF."""
    html = render_html(template, **context)
    return html_to_pdf(html, target, pdf_variant=pdf_variant, fetcher=new_fetcher(meta), stats=stats)
