"""Laying out the parts of a report in parallel, in a worker process, and joining the PDFs.

Why: WeasyPrint lays a document out on one core, and a 200-question assessment report with its
answers appendix took about twice the four seconds a manager should wait. The assessment report is
therefore made of two documents (the report and Appendix A, which has its own page numbers, A-1,
A-2, …, so neither part needs the other's page count). The report is laid out here while a worker
process lays out the appendix; the two PDFs are then joined with pypdf.

How it stays safe and correct:

* The worker builds the same :class:`~.safety.BundleOnlyFetcher` (bundle folders and our own
  ``data:`` URIs only) and reports back every URL it was asked for, so the caller's fetcher still
  records the whole render.
* Workers come from a ``forkserver``: a clean, single-threaded process started once with
  WeasyPrint already imported. Forking the GUI process itself would copy its threads' locks.
* Links from the report into a later part (the contents entry of the appendix) cannot be resolved
  by WeasyPrint, which sees one part at a time; they are taken out before writing and added back
  as link annotations after the join. Bookmarks, metadata and the document language are kept.
* Where no worker is possible (no ``forkserver`` on this platform, one core, or
  ``TRUSTFRAME_REPORT_WORKERS=0``) :func:`.pdf.html_to_pdf` lays the parts out one after the other
  in one process; a worker that cannot start or dies mid-way makes :func:`write_parallel` lay the
  part out here. The PDF reads the same either way, only slower. A rendering error in a part is
  raised as it would be here.
* PDF/A and PDF/UA variants are not joined here (joining two tagged or archival files would break
  their structure); :func:`.pdf.html_to_pdf` lays those parts out in one process instead.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import threading
from collections.abc import Collection, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle
from pypdf.generic import Fit, NameObject

from trustframe import lifeline
from trustframe.reports import layout
from trustframe.reports.safety import BundleOnlyFetcher

log = logging.getLogger(__name__)

#: Set to ``0`` to lay every part out in the calling process.
ENV_WORKERS = "TRUSTFRAME_REPORT_WORKERS"

#: CSS pixels to PDF points (WeasyPrint draws at 96 px per inch; PDF counts 72 points per inch).
PX_TO_PT = 0.75

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


@dataclass
class PartResult:
    """One part laid out and written: the PDF and what the join needs to know about it."""

    pdf: bytes
    pages: int
    anchors: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # name: (page, x pt, y pt)
    bookmarks: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    pid: int = 0                                       # the process that laid it out


@dataclass(frozen=True)
class _CrossLink:
    """A link on a page of the first part to an anchor in a later part."""

    page: int
    rect: tuple[float, float, float, float]  # PDF points, bottom-left origin
    anchor: str


def workers_enabled() -> bool:
    """Whether parts may be laid out in a worker process on this machine."""
    if os.environ.get(ENV_WORKERS, "").strip() == "0":
        return False
    if (os.cpu_count() or 1) < 2:
        return False  # a worker would only take turns with us
    return "forkserver" in multiprocessing.get_all_start_methods()


def executor() -> ProcessPoolExecutor | None:
    """The shared worker pool, started on first use; None when workers are not available."""
    global _pool
    if not workers_enabled():
        return None
    with _lock:
        if _pool is None:
            context = multiprocessing.get_context("forkserver")
            # The server imports this module (and so WeasyPrint) once; each worker is a fork of it.
            # First it imports the lifeline that ends it (and what it started) with this process,
            # even while the WeasyPrint import is still running (seconds on a loaded machine).
            context.set_forkserver_preload(["trustframe.forkserver_lifeline", __name__])
            # Workers end with this process even when it is killed (they would otherwise run on).
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=lifeline.tie_to_parent,
                                        initargs=(os.getpid(),))
        return _pool


def _discard(pool: ProcessPoolExecutor) -> None:
    """Forget a broken pool, so that the next report starts a fresh one."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def render_part(html: str, roots: Sequence[Path], data_uris: Sequence[str]) -> PartResult:
    """Lay out one part and write it as PDF (runs in the worker, or here as the fallback)."""
    fetcher = BundleOnlyFetcher(roots, data_uris)
    with layout.paused_gc():
        return _render_part(html, fetcher)


def _render_part(html: str, fetcher: BundleOnlyFetcher) -> PartResult:
    document = layout.layout(html, fetcher)
    anchors: dict[str, tuple[int, float, float]] = {}
    for index, page in enumerate(document.pages):
        height = page.height * PX_TO_PT
        for name, (x, y, _w, _h) in page.anchors.items():
            anchors.setdefault(name, (index, x * PX_TO_PT, height - y * PX_TO_PT))
    data = document.write_pdf()
    return PartResult(data, len(document.pages), anchors, layout.bookmark_labels(document.make_bookmark_tree()),
                      list(fetcher.requests), list(fetcher.refused), os.getpid())


def render_here(html: str, roots: Sequence[Path], data_uris: Sequence[str]) -> PartResult:
    """The fallback: lay a part out in this process (no worker, or the worker died)."""
    return render_part(html, roots, data_uris)


def _take_cross_links(document: Any) -> list[_CrossLink]:
    """Remove the first part's links to anchors it does not have, and return them.

    Why remove: WeasyPrint drops such links itself but logs each as an error."""
    own = {name for page in document.pages for name in page.anchors}
    taken: list[_CrossLink] = []
    for index, page in enumerate(document.pages):
        height = page.height * PX_TO_PT
        kept = []
        for link in page.links:
            link_type, target, rect, _box = link
            if link_type == "internal" and target not in own:
                x1, y1, x2, y2 = rect
                taken.append(_CrossLink(index, (x1 * PX_TO_PT, height - y2 * PX_TO_PT,
                                                x2 * PX_TO_PT, height - y1 * PX_TO_PT), target))
            else:
                kept.append(link)
        page.links[:] = kept
    return taken


def join(first: bytes, parts: Sequence[PartResult], cross_links: Sequence[_CrossLink] = (),
         first_anchors: Sequence[Collection[str]] = ()) -> bytes:
    """The PDF of ``first`` followed by each part: bookmarks, metadata and language of the first kept,
    links into later parts added as annotations, and page labels as :func:`.layout.page_label_ranges`
    gives them (``first_anchors``: the anchors on each page of ``first``)."""
    writer = PdfWriter()
    reader = PdfReader(io.BytesIO(first))
    writer.append(reader)
    offsets: list[int] = []
    offset = len(reader.pages)
    for part in parts:
        offsets.append(offset)
        writer.append(PdfReader(io.BytesIO(part.pdf)))
        offset += part.pages
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items()})
    root = reader.root_object
    for key in ("/Lang", "/PageMode", "/ViewerPreferences", "/MarkInfo"):
        if key in root:
            # raw_get: an indirect value stays indirect (cloned into the new file), a direct one is copied.
            writer.root_object[NameObject(key)] = root.raw_get(key).clone(writer)
    for link in cross_links:
        for part, start in zip(parts, offsets, strict=False):
            if link.anchor in part.anchors:
                page, x, y = part.anchors[link.anchor]
                writer.add_annotation(link.page, Link(rect=link.rect, border=[0, 0, 0], target_page_index=start + page,
                                                      fit=Fit.xyz(left=x, top=y)))
                break
        else:
            log.error("No anchor #%s for internal URI reference", link.anchor)
    if first_anchors:
        page_anchors: list[Collection[str]] = list(first_anchors)
        for part in parts:
            on_page: list[set[str]] = [set() for _ in range(part.pages)]
            for name, (page, _x, _y) in part.anchors.items():
                on_page[page].add(name)
            page_anchors.extend(on_page)
        ranges = layout.page_label_ranges(page_anchors)
        for index, (start_page, style, prefix, start) in enumerate(ranges):
            end_page = ranges[index + 1][0] - 1 if index + 1 < len(ranges) else len(writer.pages) - 1
            writer.set_page_label(start_page, end_page, PageLabelStyle("/" + style), prefix or None, start)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_parallel(documents: Sequence[str], fetcher: BundleOnlyFetcher) -> tuple[bytes, int, list[str]]:
    """Lay out ``documents[0]`` here and the others in the worker, then join them in order:
    (PDF, pages, bookmark labels). A part the worker cannot lay out is laid out here."""
    pool = executor()
    futures: list[Future[PartResult]] = []
    roots, data_uris = fetcher.allowed_roots, fetcher.data_uris
    if pool is not None:
        try:
            futures = [pool.submit(render_part, html, roots, data_uris) for html in documents[1:]]
        except (BrokenProcessPool, RuntimeError, OSError) as exc:
            log.info("Report worker unavailable (%s); laying the report out in one process.", exc)
            _discard(pool)
            futures = []
    document = layout.layout(documents[0], fetcher)
    cross_links = _take_cross_links(document)
    first = document.write_pdf()
    parts: list[PartResult] = []
    for index, html in enumerate(documents[1:]):
        part: PartResult | None = None
        if index < len(futures):
            try:
                part = futures[index].result()
            except BrokenProcessPool as exc:
                log.warning("The report worker stopped (%s); laying the part out here instead.", exc)
                if pool is not None:
                    _discard(pool)
        if part is None:
            part = render_here(html, roots, data_uris)
        fetcher.record(part.requests, part.refused)
        parts.append(part)
    bookmarks = layout.bookmark_labels(document.make_bookmark_tree()) + [label for p in parts for label in p.bookmarks]
    anchors = [set(page.anchors) for page in document.pages]
    return join(first, parts, cross_links, anchors), len(document.pages) + sum(p.pages for p in parts), bookmarks
