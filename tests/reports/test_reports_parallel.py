"""The assessment report is two documents (the report and Appendix A) laid out in parallel and
joined: the joined file must read exactly like the one laid out in a single process, and the
fallbacks (no worker allowed, a worker that dies) must still produce it."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import sample_report_input  # noqa: E402
from trustframe.reports import model, parallel, pdf  # noqa: E402

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture
def report(services, sample_assessment) -> model.AssessmentReport:
    return model.build_assessment_report(
        sample_report_input(services, sample_assessment, branding=model.Branding("Ministry of Examples", "")))


def _documents(report: model.AssessmentReport) -> list[str]:
    return [pdf.render_html(name, report=report) for name in pdf.assessment_templates(report)]


def _pages_text(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")


def _render(documents: list[str], target: Path, *, parallel_ok: bool = True) -> pdf.RenderStats:
    stats = pdf.RenderStats()
    # The untagged PDF: a tagged one is always written in one process (its structure cannot be joined).
    pdf.html_to_pdf(documents, target, stats=stats, parallel=parallel_ok, tagged=False)
    return stats


@needs_poppler
def test_joined_in_parallel_reads_like_one_process(report, tmp_path: Path) -> None:
    documents = _documents(report)
    joined = _render(documents, tmp_path / "parallel.pdf")
    single = _render(documents, tmp_path / "single.pdf", parallel_ok=False)
    assert joined.pages == single.pages == len(PdfReader(tmp_path / "parallel.pdf").pages)
    assert joined.bookmarks == single.bookmarks
    # The worker's requests are recorded too (it loads the fonts again: a set, not a count).
    assert set(joined.requests) == set(single.requests) and len(joined.requests) > len(single.requests)
    assert _pages_text(tmp_path / "parallel.pdf") == _pages_text(tmp_path / "single.pdf")
    a, b = PdfReader(tmp_path / "parallel.pdf"), PdfReader(tmp_path / "single.pdf")
    assert a.metadata.title == b.metadata.title and a.metadata.author == b.metadata.author
    assert a.metadata.subject == b.metadata.subject and a.trailer["/Root"]["/Lang"] == "en"


def test_the_appendix_is_laid_out_in_another_process(report, tmp_path: Path, monkeypatch) -> None:
    if not parallel.workers_enabled():
        pytest.skip("this machine offers no worker process (one CPU or no forkserver)")
    here: list[int] = []
    real = parallel.render_here

    def spy(html: str, roots, data_uris) -> parallel.PartResult:
        here.append(os.getpid())
        return real(html, roots, data_uris)

    monkeypatch.setattr(parallel, "render_here", spy)
    stats = _render(_documents(report), tmp_path / "r.pdf")
    assert here == []  # the fallback did not run: the worker laid the appendix out
    assert stats.bookmarks[-len(report.answer_sections) - 1] == "Appendix A: All answers"
    pool = parallel.executor()
    assert pool is not None
    part = pool.submit(parallel.render_part, _documents(report)[1], [pdf.paths.report_templates_dir()], []).result()
    assert part.pid != os.getpid() and part.pages >= 1 and part.pdf.startswith(b"%PDF")


def test_no_worker_when_switched_off(report, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(parallel.ENV_WORKERS, "0")
    assert not parallel.workers_enabled() and parallel.executor() is None
    stats = _render(_documents(report), tmp_path / "r.pdf")
    reader = PdfReader(tmp_path / "r.pdf")
    assert stats.pages == len(reader.pages) and stats.pages >= 3
    assert "Appendix A: All answers" in stats.bookmarks


class _DeadPool:
    """A worker pool whose worker died: every part comes back as BrokenProcessPool."""

    def submit(self, *args, **kwargs) -> Future:
        future: Future = Future()
        future.set_exception(BrokenProcessPool("worker killed"))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _RefusingPool(_DeadPool):
    """A pool that cannot even take work (for example after the interpreter began to exit)."""

    def submit(self, *args, **kwargs) -> Future:
        raise RuntimeError("cannot schedule new futures after shutdown")


@pytest.mark.parametrize("pool", [_DeadPool(), _RefusingPool()])
def test_a_dead_worker_falls_back_to_this_process(report, tmp_path: Path, monkeypatch, caplog, pool) -> None:
    monkeypatch.setattr(parallel, "executor", lambda: pool)
    with caplog.at_level(logging.INFO, logger=parallel.__name__):
        stats = _render(_documents(report), tmp_path / "r.pdf")
    assert stats.pages == len(PdfReader(tmp_path / "r.pdf").pages)
    assert "Appendix A: All answers" in stats.bookmarks
    assert any("worker" in r.getMessage() for r in caplog.records)
    assert any(r.levelno >= logging.INFO for r in caplog.records)


def test_contents_link_into_the_appendix_survives_the_join(report, tmp_path: Path, caplog) -> None:
    """WeasyPrint sees one part at a time, so the link is added after the join; no error is logged."""
    with caplog.at_level(logging.WARNING):
        _render(_documents(report), tmp_path / "r.pdf")
    assert not [r for r in caplog.records if "anchor" in r.getMessage()]
    reader = PdfReader(tmp_path / "r.pdf")
    appendix_first = next(i for i, page in enumerate(reader.pages) if "Page A-1 of" in page.extract_text())
    targets = []
    for annot in reader.pages[1].get("/Annots", []):
        dest = annot.get_object().get("/Dest")
        if dest is not None and not isinstance(dest, str):
            targets.append(reader.get_page_number(dest[0].get_object()))
    assert appendix_first in targets
    # The report's own links (named destinations) still resolve after the join.
    assert {"brief", "results", "answers"} <= set(reader.named_destinations)
    # Page labels survive the join: roman front matter, then the printed numbers, then A-1, …
    assert reader.page_labels[0] == "i" and reader.page_labels[2] == "3" and reader.page_labels[appendix_first] == "A-1"
