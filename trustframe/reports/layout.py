"""What the PDF writer (:mod:`.pdf`) and the parallel joiner (:mod:`.parallel`) both need: the
bundled fonts, laying one HTML document out, pausing the garbage collector, bookmark labels and
the page-label ranges. A module of its own so that imports between the two go one way only
(``pdf`` imports ``parallel`` and this module; ``parallel`` imports this module).

Fonts are the bundled DejaVu Sans files (regular, bold and oblique declared as separate faces,
because WeasyPrint otherwise synthesises bold), so a report looks the same on every machine.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration

from trustframe import paths
from trustframe.domain import palette
from trustframe.reports.safety import BundleOnlyFetcher

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


def extra_css() -> str:
    """The CSS given to WeasyPrint besides the templates' report.css: the bundled fonts and the
    palette's colour variables (``--rating-low`` ...), which report.css reads. Passed here rather
    than as a ``<style>`` in the HTML, which stays free of style elements (tests/reports check)."""
    return font_face_css() + "\n" + palette.css_variables()


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a report is laid out and written.

    Why: WeasyPrint builds a few hundred thousand objects per report, all reachable until the PDF is
    written, and the collector walks them again and again as they pile up; that cost a tenth of the
    render time for nothing. Nested and concurrent pauses are counted, and the collector's previous
    state is restored by the last one out.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        _gc_pauses += 1
        if _gc_pauses == 1:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def layout(html: str, fetcher: BundleOnlyFetcher, font_config: FontConfiguration | None = None) -> Document:
    """Parse, style and lay out one HTML document with the bundled fonts (WeasyPrint's ``render``)."""
    templates = paths.report_templates_dir()
    font_config = font_config or FontConfiguration()
    # The same FontConfiguration goes to CSS and render(), or @font-face is ignored (also in SVG).
    # (WeasyPrint 70's write_pdf() no longer takes font_config: it logs "Unknown PDF option".)
    stylesheets = [CSS(string=extra_css(), font_config=font_config, url_fetcher=fetcher,
                       base_url=templates.as_uri() + "/")]
    return HTML(string=html, base_url=templates.as_uri() + "/", url_fetcher=fetcher).render(
        stylesheets=stylesheets, font_config=font_config)


def bookmark_labels(tree: Any) -> list[str]:
    """The labels of a WeasyPrint bookmark tree, depth first."""
    labels: list[str] = []
    for label, _target, children, _state in tree:  # WeasyPrint's (label, target, children, state)
        labels.append(label)
        labels.extend(bookmark_labels(children))
    return labels



#: Anchors where the numbered body of a report starts (pages before it are front matter, labelled
#: i, ii, …) and where Appendix A starts (labelled A-1, A-2, …), as the templates print them.
BODY_ANCHORS = ("results", "overview")
APPENDIX_ANCHOR = "answers"


def page_label_ranges(page_anchors: Sequence[Collection[str]]) -> list[tuple[int, str, str, int]]:
    """``(first page index, style, prefix, start)`` ranges for /PageLabels from each page's anchors:
    roman (``r``) front matter before the body, then the printed page numbers (``D``), then the
    appendix as A-1, A-2, …"""
    body = next((i for i, anchors in enumerate(page_anchors) if any(a in anchors for a in BODY_ANCHORS)), None)
    appendix = next((i for i, anchors in enumerate(page_anchors) if APPENDIX_ANCHOR in anchors), None)
    ranges: list[tuple[int, str, str, int]] = []
    if body is not None and body > 0:
        ranges.append((0, "r", "", 1))
    ranges.append((body or 0, "D", "", (body or 0) + 1))
    if appendix is not None and appendix > (body or 0):
        ranges.append((appendix, "D", "A-", 1))
    return ranges
