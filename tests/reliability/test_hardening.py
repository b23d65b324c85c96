"""Smaller fixes from the probe (issue 22): vendor text kept inert in the next vendor workbook,
warnings for internal evidence links, workers that die with their parent, report temporaries
cleaned after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from exchange_support import row_of  # noqa: E402
from trustframe.cli import main  # noqa: E402
from trustframe.exchange.excel_model import (  # noqa: E402
    COLUMN_INDEX,
    FORMULA_TRIGGERS,
    INSTRUCTIONS_SHEET,
    QUESTIONS_SHEET,
)

HOSTILE = "=cmd|' /C calc'!A0"


def _csv_formulas(path: Path) -> list[str]:
    """Cells that would be live formulas if the workbook were saved as CSV (the cell type and
    Excel's quote prefix are lost then: only the text counts)."""
    wb = openpyxl.load_workbook(path)
    found = []
    for name in (INSTRUCTIONS_SHEET, QUESTIONS_SHEET):
        for row in wb[name].iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                    found.append(f"{name}!{cell.coordinate}: {cell.value[:40]}")
    return found


def _type_as_text(path: Path, cells: dict[tuple[str, str], str]) -> Path:
    """Fill cells the way Excel stores text typed with a leading apostrophe: string cells."""
    wb = openpyxl.load_workbook(path)
    ws = wb[QUESTIONS_SHEET]
    for (qid, key), text in cells.items():
        cell = ws.cell(row_of(ws, qid), COLUMN_INDEX[key])
        cell.value = text
        cell.data_type = "s"
    out = path.with_name(path.stem + "-returned.xlsx")
    wb.save(out)
    return out


def test_vendor_text_in_the_next_workbook_is_inert(services: Any, tmp_path: Path) -> None:
    s = services
    vendor = s.vendors.add_vendor("=HYPERLINK(\"http://evil.example\",\"x\")", "GB")
    product = s.vendors.add_product(vendor.id, "@SUM(1)", "software")
    assessment = s.assessments.create(vendor.id, product.id, "sample-trust")
    first = tmp_path / "first.xlsx"
    s.exchange.export_questionnaire(assessment.id, first, contact="-2+3")
    returned = _type_as_text(first, {("GOV-03", "answer"): "+" + HOSTILE, ("GOV-01", "answer"): "Yes, documented",
                                     ("GOV-01", "comment"): HOSTILE, ("GOV-01", "evidence"): "-1 see annex"})
    s.exchange.apply_import(s.exchange.preview_import(returned))
    stored = s.assessments.answers(assessment.id)
    assert stored["GOV-01"].comment.startswith(HOSTILE) and stored["GOV-03"].value == "+" + HOSTILE
    second = tmp_path / "second.xlsx"
    s.exchange.export_questionnaire(assessment.id, second, contact="-2+3")
    assert _csv_formulas(second) == []
    # the vendor sends it back untouched: nothing changed (the apostrophes are taken off again)
    preview = s.exchange.preview_import(second)
    assert preview.counts["changed"] == 0 and preview.counts["new"] == 0, preview.counts


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "https://10.1.2.3/cert.pdf",
                                 "http://[::1]:8080/", "http://2852039166/", "http://intranet/x"])
def test_internal_evidence_links_warn(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = str(tmp_path / "ev.tfw")
    assert main(["--workspace", workspace, "vendor", "add", "Acme"]) == 0
    capsys.readouterr()
    assert main(["--workspace", workspace, "--json", "evidence", "add", "Acme", "Cert", "--kind", "certificate",
                 "--url", url]) == 0
    captured = capsys.readouterr()
    assert "warning:" in captured.err and "never fetched" in captured.err
    assert "never fetched" in json.loads(captured.out)["warning"]


def test_public_evidence_link_does_not_warn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = str(tmp_path / "ev.tfw")
    assert main(["--workspace", workspace, "vendor", "add", "Acme"]) == 0
    assert main(["--workspace", workspace, "evidence", "add", "Acme", "Cert", "--kind", "certificate",
                 "--url", "https://certs.example.com/iso27001.pdf"]) == 0
    assert "warning" not in capsys.readouterr().err


_POOL_SCRIPT = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from trustframe import lifeline

def pid():
    return os.getpid()

if __name__ == "__main__":
    context = multiprocessing.get_context(sys.argv[1])
    pool = ProcessPoolExecutor(max_workers=2, mp_context=context, initializer=lifeline.tie_to_parent,
                               initargs=(os.getpid(),))
    print(" ".join(str(p) for p in {pool.submit(pid).result() for _ in range(4)}), flush=True)
    time.sleep(600)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_pool_workers_die_with_a_killed_parent(method: str, tmp_path: Path) -> None:
    script = tmp_path / "pool.py"
    script.write_text(_POOL_SCRIPT)
    proc = subprocess.Popen([sys.executable, str(script), method], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    assert proc.stdout is not None
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    from trustframe.lifeline import owner_alive

    while any(owner_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [p for p in workers if owner_alive(p)]
    for p in alive:  # never leave them behind, even when the test fails
        os.kill(p, signal.SIGKILL)
    assert alive == [], f"workers outlived their parent: {alive}"


def test_next_report_removes_temporaries_of_a_killed_one(tmp_path: Path) -> None:
    from trustframe.services.reports import STALE_TEMPORARY_SECONDS, _atomic_target

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".~report.{dead.pid}.abcd1234.pdf"  # its writer is gone
    stale.write_bytes(b"%PDF-1.7 partial")
    mine = tmp_path / f".~report.{os.getpid()}.efgh5678.pdf"  # a render running now (this process)
    mine.write_bytes(b"%PDF")
    old_style = tmp_path / ".~reportq1w2e3r4.pdf"  # written by an earlier version: judged by age
    old_style.write_bytes(b"%PDF")
    os.utime(old_style, (time.time() - STALE_TEMPORARY_SECONDS - 60,) * 2)
    other = tmp_path / ".~summary.123.x.pdf"  # another report's temporary is not ours to judge
    other.write_bytes(b"%PDF")
    with _atomic_target(tmp_path / "report.pdf") as temp:
        temp.write_bytes(b"%PDF-1.7 complete %%EOF")
    assert not stale.exists() and not old_style.exists()
    assert mine.exists() and other.exists()
    assert (tmp_path / "report.pdf").read_bytes().endswith(b"%%EOF")
