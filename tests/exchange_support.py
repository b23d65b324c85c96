"""Helpers for the Excel exchange tests: fill an exported workbook the way a vendor would
(openpyxl, by question id), and build hostile files cheaply."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Mapping

import openpyxl

from trustframe.exchange.excel_model import COLUMN_INDEX, FIRST_DATA_ROW, QUESTIONS_SHEET


def row_of(ws: Any, question_id: str) -> int:
    """The sheet row of a question id."""
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(row, COLUMN_INDEX["id"]).value == question_id:
            return row
    raise KeyError(question_id)


def fill(path: Path, answers: Mapping[str, Any], comments: Mapping[str, str] | None = None,
         evidence: Mapping[str, str] | None = None, out: Path | None = None) -> Path:
    """Type answers (cell values: labels, numbers, dates, text) into the answer column."""
    wb = openpyxl.load_workbook(path)
    ws = wb[QUESTIONS_SHEET]
    for qid, value in answers.items():
        ws.cell(row_of(ws, qid), COLUMN_INDEX["answer"]).value = value
    for qid, value in (comments or {}).items():
        ws.cell(row_of(ws, qid), COLUMN_INDEX["comment"]).value = value
    for qid, value in (evidence or {}).items():
        ws.cell(row_of(ws, qid), COLUMN_INDEX["evidence"]).value = value
    target = out or path.with_name(path.stem + "-returned.xlsx")
    wb.save(target)
    return target


def edit(path: Path, out: Path, **cells: Any) -> Path:
    """Set arbitrary Questions-sheet cells by coordinate (``F3="x"``)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[QUESTIONS_SHEET]
    for coordinate, value in cells.items():
        ws[coordinate] = value
    wb.save(out)
    return out


def replace_member(path: Path, out: Path, member: str, data: bytes,
                   compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Copy a workbook, replacing (or adding) one zip member."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info.filename))
        dst.writestr(member, data, compress_type=compression)
    return out


def sheet_member(path: Path, sheet: str = QUESTIONS_SHEET) -> str:
    """The zip member holding a sheet (via workbook.xml and its relationships)."""
    import re

    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet[^>]*name="{sheet}"[^>]*r:id="(rId\d+)"', workbook)
    if rid is None:
        rid = re.search(rf'<sheet[^>]*r:id="(rId\d+)"[^>]*name="{sheet}"', workbook)
    assert rid is not None
    target = re.search(rf'<Relationship[^>]*Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels)
    if target is None:
        target = re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
    assert target is not None
    name = target.group(1).lstrip("/")
    return name if name.startswith("xl/") else f"xl/{name}"


def million_row_sheet(rows: int = 1_000_000) -> bytes:
    """Sheet XML with a header and ``rows`` data rows, built as one bytes object (fast)."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="2"><c r="A2" t="inlineStr"><is><t>Question ID</t></is></c>'
            b'<c r="F2" t="inlineStr"><is><t>Answer</t></is></c></row>')
    buf = io.BytesIO()
    buf.write(head)
    for r in range(3, rows + 3):
        buf.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>X</t></is></c></row>' % (r, r))
    buf.write(b"</sheetData></worksheet>")
    return buf.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


# -- workbook identity (metadata sheet) ----------------------------------------------------------

#: Rows of the metadata sheet as written: fields in rows 1-7, the seal in row 8, checksums from row 11.
META_FIELD_ROWS = range(1, 8)
META_SEAL_ROW = 8
META_FIRST_CHECKSUM_ROW = 11


def read_meta(path: Path) -> tuple[Any, str]:
    """(WorkbookMeta as written, seal) of a workbook's hidden metadata sheet."""
    from trustframe.exchange.excel_model import META_SHEET, WorkbookMeta

    ws = openpyxl.load_workbook(path)[META_SHEET]
    fields = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in META_FIELD_ROWS}
    checksums = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(META_FIRST_CHECKSUM_ROW, ws.max_row + 1)}
    meta = WorkbookMeta(fields["workspace_id"], fields["assessment_uid"], fields["export_uid"],
                        fields["questionnaire_id"], fields["questionnaire_version"], fields["exported_at"],
                        checksums, format=fields["format"])
    return meta, str(ws.cell(META_SEAL_ROW, 2).value)


def rewrite_meta(path: Path, out: Path, seal: Any, reference: bool = True, **changes: str) -> Path:
    """Copy a workbook with metadata fields changed and sealed again by ``seal(meta) -> str``
    (what a forger can do with the algorithm in hand); ``reference`` also re-points the visible
    reference on the Instructions sheet."""
    import dataclasses

    from trustframe.exchange.excel_model import INSTRUCTIONS_SHEET, META_SHEET

    meta, _seal = read_meta(path)
    forged = dataclasses.replace(meta, **changes)
    wb = openpyxl.load_workbook(path)
    ws = wb[META_SHEET]
    for row in META_FIELD_ROWS:
        ws.cell(row, 2).value = forged.fields()[ws.cell(row, 1).value]
    ws.cell(META_SEAL_ROW, 2).value = seal(forged)
    if reference:
        set_reference(wb[INSTRUCTIONS_SHEET], forged.reference)
    wb.save(out)
    return out


def set_reference(ws: Any, reference: str) -> None:
    """Replace the visible TF1 reference on an Instructions sheet."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("TF1:"):
                cell.value = reference
                return
    raise KeyError("no TF1 reference on the sheet")
