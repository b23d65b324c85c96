"""Regression tests for the failures the first reliability probe found (issue 22).

Each test fails on the old behaviour: an uncaught zip error, a raw exception text in a refusal,
the sheet search that refused instead of moving on, rows the reader dropped without a word, a
named pipe that blocked ``questionnaire validate``, a bad date without its line, and a custom
questionnaire that needed its version.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import sys
import threading
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
sys.path.insert(0, str(Path(__file__).resolve().parent))
from exchange_support import fill, replace_member, row_of, sheet_member  # noqa: E402
from fuzz_returns import RAW_TEXT, content_digest  # noqa: E402
from trustframe.cli import main  # noqa: E402
from trustframe.errors import ExchangeError  # noqa: E402
from trustframe.exchange.excel_model import QUESTIONS_SHEET  # noqa: E402
from trustframe.services.vendors import InvalidInput  # noqa: E402

ANSWERS = {"GOV-01": "Yes, documented", "GOV-02": "ISO/IEC 27001", "GOV-03": "A CISO.", "VUL-01": "Yes",
           "VUL-02": 30, "VUL-03": "2025-05-01"}


@pytest.fixture
def returned(services: Any, sample_assessment: Any, tmp_path: Path) -> Path:
    path = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, path)
    return fill(path, ANSWERS)


def refusal(services: Any, path: Path) -> str:
    """The refusal message of a preview (fails when the preview succeeds or crashes)."""
    before = content_digest(services.workspace.path)
    with pytest.raises(ExchangeError) as info:
        services.exchange.preview_import(path)
    assert content_digest(services.workspace.path) == before
    message = info.value.args[0]
    assert path.name in message and not RAW_TEXT.search(message), message
    assert "\n" not in message
    return message


def cli_json(capsys: pytest.CaptureFixture[str], workspace: Path, path: Path, *extra: str) -> tuple[int, Any]:
    code = main(["--workspace", str(workspace), "--json", "import-response", str(path), *extra])
    out, _err = capsys.readouterr()
    return code, json.loads(out)


# -- zip damage: uncaught errors and raw text ----------------------------------------------------


def _central_records(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(b"PK\x01\x02"), data)]


def test_zip_version_too_high_is_a_plain_refusal(services: Any, returned: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(returned.read_bytes())
    struct.pack_into("<H", data, _central_records(bytes(data))[0] + 6, 255)  # "version needed" 25.5
    bad = tmp_path / "version.xlsx"
    bad.write_bytes(bytes(data))
    assert "zip format" in refusal(services, bad)  # was: NotImplementedError: zip file version 25.5
    code, data_out = cli_json(capsys, services.workspace.path, bad, "--dry-run")
    assert code == 1 and "version.xlsx is damaged" in data_out["error"]


def test_negative_seek_is_a_plain_refusal_with_json(services: Any, returned: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(returned.read_bytes())
    end = bytes(data).rfind(b"PK\x05\x06")
    offset = struct.unpack_from("<I", data, end + 16)[0]
    struct.pack_into("<I", data, end + 16, offset + 1)  # every part's offset becomes one too small
    bad = tmp_path / "seek.xlsx"
    bad.write_bytes(bytes(data))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z, pytest.raises(ValueError, match="negative seek"):
        z.read(z.infolist()[0].filename)  # what the old code let through as "error: negative seek value -1"
    refusal(services, bad)
    code, out = cli_json(capsys, services.workspace.path, bad, "--dry-run")
    assert code == 1 and out["error"].startswith("seek.xlsx is damaged")


def test_bad_crc_and_truncation_are_plain(services: Any, returned: Path, tmp_path: Path) -> None:
    data = returned.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    assert "incomplete" in refusal(services, tmp_path / "cut.xlsx")
    with zipfile.ZipFile(returned) as z:
        info = z.getinfo(sheet_member(returned))
    flipped = bytearray(data)
    flipped[info.header_offset + 30 + len(info.filename) + 40] ^= 0x01
    (tmp_path / "crc.xlsx").write_bytes(bytes(flipped))
    refusal(services, tmp_path / "crc.xlsx")


@pytest.mark.parametrize(("cell", "expected"), [
    ('<c r="F3" t="s"><v>99999</v></c>', "shared text that does not exist"),   # IndexError
    ('<c r="F3" t="n"><v>3.5.1</v></c>', "not valid|requires a number"),       # invalid literal
    ('<c r="F3" t="d"><v>2024-02-30</v></c>', "date or time that does not exist"),
    ('<c r="AAAA3" t="n"><v>1</v></c>', "invalid cell reference"),
])
def test_cell_damage_refusals_carry_no_exception_text(services: Any, returned: Path, tmp_path: Path,
                                                      cell: str, expected: str) -> None:
    member = sheet_member(returned)
    with zipfile.ZipFile(returned) as z:
        sheet = z.read(member).decode()
    sheet = re.sub(r'<c r="F3"[^>]*?(/>|>.*?</c>)', cell, sheet, count=1, flags=re.S)
    bad = replace_member(returned, tmp_path / "cell.xlsx", member, sheet.encode())
    try:
        preview = services.exchange.preview_import(bad)
    except ExchangeError as exc:
        assert re.search(expected, exc.args[0]) and not RAW_TEXT.search(exc.args[0]), exc.args[0]
        assert bad.name in exc.args[0]
    else:  # a reader that copes with the cell must then judge it without raw text either
        assert not any(RAW_TEXT.search(i.message) for i in preview.issues)


# -- the sheet search ----------------------------------------------------------------------------


def _rename_questions(returned: Path, out: Path, new: str) -> Path:
    with zipfile.ZipFile(returned) as z:
        workbook = z.read("xl/workbook.xml").decode()
    return replace_member(returned, out, "xl/workbook.xml",
                          workbook.replace(f'name="{QUESTIONS_SHEET}"', f'name="{new}"').encode())


def test_renamed_questions_sheet_is_found_by_its_header(services: Any, returned: Path, tmp_path: Path) -> None:
    # The Instructions sheet comes first and is longer than 10 rows: the search used to refuse there.
    renamed = _rename_questions(returned, tmp_path / "renamed.xlsx", "Fragen")
    preview = services.exchange.preview_import(renamed)
    assert preview.counts["new"] == len(ANSWERS)
    assert not any("more than 10 rows" in i.message for i in preview.issues)


def test_header_below_row_ten_is_found(services: Any, returned: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(returned)
    ws = wb[QUESTIONS_SHEET]
    ws.protection.sheet = False
    ws.insert_rows(1, amount=12)
    wb.save(tmp_path / "low.xlsx")
    preview = services.exchange.preview_import(tmp_path / "low.xlsx")
    assert preview.counts["new"] == len(ANSWERS)


def test_no_header_anywhere_says_so(services: Any, returned: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(returned)
    wb[QUESTIONS_SHEET]["A2"] = "Frage"
    wb.save(tmp_path / "noheader.xlsx")
    assert "no sheet has a 'Question ID' column header" in refusal(services, tmp_path / "noheader.xlsx")


# -- rows the reader would drop -------------------------------------------------------------------


def test_out_of_order_rows_are_refused_not_dropped(services: Any, returned: Path, tmp_path: Path) -> None:
    member = sheet_member(returned)
    with zipfile.ZipFile(returned) as z:
        sheet = z.read(member).decode()
    rows = list(re.finditer(r'<row r="(\d+)".*?</row>', sheet, flags=re.S))
    data = [r for r in rows if int(r.group(1)) >= 3]
    shuffled = "".join(r.group(0) for r in reversed(data))
    sheet = sheet[: data[0].start()] + shuffled + sheet[data[-1].end():]
    bad = replace_member(returned, tmp_path / "order.xlsx", member, sheet.encode())
    # openpyxl's streaming reader keeps only the first row here: the old import applied 1 answer
    ws = openpyxl.load_workbook(bad, read_only=True)[QUESTIONS_SHEET]
    assert sum(1 for r in ws.iter_rows(min_row=3, values_only=True) if r[0]) == 1
    assert "out of order" in refusal(services, bad)


def test_a_return_that_lost_rows_needs_confirmation(services: Any, sample_assessment: Any, returned: Path,
                                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.load_workbook(returned)
    ws = wb[QUESTIONS_SHEET]
    ws.protection.sheet = False
    for qid in ("GOV-02", "GOV-03", "VUL-01", "VUL-02", "VUL-03"):
        ws.delete_rows(row_of(ws, qid))
    lost = tmp_path / "lost.xlsx"
    wb.save(lost)
    preview = services.exchange.preview_import(lost)
    assert len(preview.missing_rows) == 5 and preview.counts["new"] == 1
    assert any(i.severity == "error" and "missing from the returned workbook" in i.message for i in preview.issues)
    before = content_digest(services.workspace.path)
    with pytest.raises(InvalidInput, match="confirm"):
        services.exchange.apply_import(preview)
    assert content_digest(services.workspace.path) == before
    # the CLI: --yes alone writes nothing and exits 1; --allow-missing-rows imports the rest
    workspace = services.workspace.path
    services.close()
    code, out = cli_json(capsys, workspace, lost, "--yes")
    assert code == 1 and "missing" in out["error"]
    code, out = cli_json(capsys, workspace, lost, "--yes", "--allow-missing-rows")
    assert out["result"]["applied"] == ["GOV-01"]


# -- questionnaires -------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_validate_refuses_a_named_pipe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "q.yaml"
    os.mkfifo(pipe)
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(main(["questionnaire", "validate", str(pipe)])),
                              daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():  # unblock the reader so the test run can end, then fail
        with open(pipe, "w"):
            pass
        pytest.fail("questionnaire validate blocked on a named pipe")
    assert result == [1] and "not a regular file" in capsys.readouterr().err


def test_invalid_date_names_file_and_line(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (data_dir / "sample-questionnaire.yaml").read_text()
    lines = text.splitlines()
    lines.insert(3, "released: 2024-13-01")
    bad = tmp_path / "dated.yaml"
    bad.write_text("\n".join(lines) + "\n")
    assert main(["questionnaire", "validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "dated.yaml:4:" in err and "2024-13-01" in err and "YYYY-MM-DD" in err


def test_custom_questionnaire_defaults_to_its_newest_version(tmp_path: Path, data_dir: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    workspace = str(tmp_path / "custom.tfw")
    text = (data_dir / "sample-questionnaire.yaml").read_text()
    for version in ("1.2.0", "1.10.0", "1.9.0"):
        path = tmp_path / f"custom-{version}.yaml"
        path.write_text(text.replace("id: sample-trust", "id: custom-trust").replace("version: 1.2.0",
                                                                                    f"version: {version}"))
        from trustframe.services.context import Services

        with Services.open(workspace) as services:
            services.catalog.add_file(path)
    assert main(["--workspace", workspace, "vendor", "add", "Acme"]) == 0
    assert main(["--workspace", workspace, "product", "add", "Acme", "GW", "--category", "software"]) == 0
    capsys.readouterr()
    assert main(["--workspace", workspace, "--json", "assessment", "create", "--vendor", "Acme", "--product", "GW",
                 "--questionnaire", "custom-trust"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert (created["questionnaire_id"], created["questionnaire_version"]) == ("custom-trust", "1.10.0")
