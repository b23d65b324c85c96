"""Fuzzed vendor returns: mutants of a valid returned workbook, each previewed and imported.

A *seed* is a workspace with one assessment (the bundled questionnaire, tier 4: 37 questions)
and the workbook a vendor returned for it with every question answered. Mutant ``i`` of a run
is a deterministic function of ``(rng_seed, i)``: byte flips, truncation, damaged zip headers,
XML mutations inside the zip (wrong cell types, huge strings, formulas, DDE strings, dates out
of range, duplicate ids, renumbered rows, extra/renamed sheets, merged cells, deleted parts),
zip bombs, and files that are really CSV, HTML, OpenDocument or encrypted.

Each mutant is previewed and (when the preview succeeds) imported into a copy of the seed
workspace. The oracle, per mutant:

* no exception other than TrustFrame's own errors (a traceback is a *crash*);
* no hang past the per-mutant alarm (30 s) and a peak RSS below 1 GB;
* a refusal is one plain sentence that names the file and carries no raw exception text;
* whenever the import was refused, the workspace's content is identical to before; when it was
  applied, exactly the applied answers changed (else a *partial write*);
* for a sample of mutants, the CLI's ``--json`` dry run prints JSON (also when refusing).

The module is both a library (``generate``, ``Runner``) and a script: ``python
fuzz_returns.py worker ...`` runs a slice of mutants and prints one JSON object per line, which
``run_campaign`` (used by the tests) reads; the campaign restarts a worker that died, counting
the mutant it was on as a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
#: Per-mutant alarm; a mutant still running after this counts as a hang.
HANG_SECONDS = 30
#: Peak resident memory a worker may reach.
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
#: Every Nth mutant also goes through the CLI (``--json`` dry run and plain dry run).
CLI_EVERY = 5

#: Raw exception text that must never reach the user in a refusal or a row problem.
RAW_TEXT = re.compile(
    r"Traceback|\b[A-Z]\w*(Error|Exception)\b\s*[:(]|\(\w*(Error|Exception)\b|invalid literal|"
    r"index out of range|has no attribute|NoneType|not subscriptable|too many values to unpack|"
    r"codec can't|negative seek|zip file version|Bad magic number|Error -\d|while decompressing|"
    r"\[Errno|unexpected keyword|positional argument|object is not|unsupported operand|"
    r"Compression method|That compression|not a zip file|File is not a zip|Truncated file header|"
    r"Bad CRC|Overlapped entries|KeyError|\bline \d+, column \d+")


# ------------------------------------------------------------------------------------------------
# The seed


@dataclass(frozen=True)
class Seed:
    """A workspace with one assessment and a valid returned workbook for it."""

    folder: Path
    workspace: Path
    returned: Path
    assessment_id: int
    questions_member: str
    answer_column: str
    #: Answer cells (sheet coordinates) of date questions (targets for out-of-range dates).
    date_cells: tuple[str, ...]
    first_row: int
    last_row: int


def _valid_value(question: Any) -> Any:
    from trustframe.domain.questionnaire import AnswerType

    if question.type is AnswerType.MULTIPLE_CHOICE:
        return "; ".join(o.label for o in question.options[:2])
    if question.type.has_options:
        return question.options[0].label
    if question.type is AnswerType.NUMBER:
        return 12
    if question.type is AnswerType.DATE:
        return date(2025, 3, 1)
    return f"Answer to {question.id}, explained in a few words."


def build_seed(folder: Path) -> Seed:
    """Create the seed workspace and returned workbook in ``folder`` (emptied first)."""
    sys.path.insert(0, str(TESTS))
    import openpyxl
    from exchange_support import fill, sheet_member  # type: ignore[import-not-found]
    from trustframe.domain.questionnaire import AnswerType
    from trustframe.exchange.excel_model import COLUMN_INDEX, FIRST_DATA_ROW, QUESTIONS_SHEET
    from trustframe.services.context import Services
    from trustframe.storage.database import Workspace

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    workspace_path = folder / "seed.tfw"
    services = Services(Workspace.open(workspace_path), user="fuzz")
    try:
        vendor = services.vendors.add_vendor("Fuzz Vendor Ltd", "GB")
        product = services.vendors.add_product(vendor.id, "Fuzz Gateway", "software")
        assessment = services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=4)
        questions = services.assessments.scoped_questions(assessment)
        exported = folder / "to-vendor.xlsx"
        services.exchange.export_questionnaire(assessment.id, exported)
        answers = {q.id: _valid_value(q) for q in questions}
        comments = {q.id: "See our policy." for q in questions[:5]}
        returned = fill(exported, answers, comments=comments, out=folder / "returned.xlsx")
    finally:
        services.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{workspace_path}{suffix}").unlink(missing_ok=True)
    wb = openpyxl.load_workbook(returned, read_only=True)
    ws = wb[QUESTIONS_SHEET]
    letter = openpyxl.utils.get_column_letter(COLUMN_INDEX["answer"])
    by_id = {q.id: q for q in questions}
    date_cells, last = [], FIRST_DATA_ROW
    for index, row in enumerate(ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True), start=FIRST_DATA_ROW):
        qid = row[COLUMN_INDEX["id"] - 1]
        if qid:
            last = index
        question = by_id.get(str(qid))
        if question is not None and question.type is AnswerType.DATE:
            date_cells.append(f"{letter}{index}")
    wb.close()
    return Seed(folder=folder, workspace=workspace_path, returned=returned, assessment_id=assessment.id,
                questions_member=sheet_member(returned), answer_column=letter, date_cells=tuple(date_cells),
                first_row=FIRST_DATA_ROW, last_row=last)


# ------------------------------------------------------------------------------------------------
# Mutants


@dataclass(frozen=True)
class Mutant:
    """One fuzzed file: its bytes, the mutation that made it and the file name to save it as."""

    index: int
    kind: str
    data: bytes
    suffix: str = ".xlsx"

    @property
    def file_name(self) -> str:
        return f"m{self.index:06d}-{self.kind}{self.suffix}"


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info, z.read(info.filename)) for info in z.infolist()]


def _pack(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, content in members:
            z.writestr(name, content)
    return buf.getvalue()


class _Ctx:
    """What mutators work on: the seed's bytes and its parts, decoded once."""

    def __init__(self, seed: Seed) -> None:
        self.seed = seed
        self.data = seed.returned.read_bytes()
        self.parts = [(info.filename, content) for info, content in _members(self.data)]
        self.sheet = dict(self.parts)[seed.questions_member].decode("utf-8")

    def with_part(self, name: str, content: bytes | str, drop: tuple[str, ...] = ()) -> bytes:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        out = [(n, raw if n == name else c) for n, c in self.parts if n not in drop]
        if name not in dict(self.parts):
            out.append((name, raw))
        return _pack(out)

    def with_sheet(self, text: str) -> bytes:
        return self.with_part(self.seed.questions_member, text)


_ROW_RE = re.compile(r'<row r="(\d+)"[^>]*>.*?</row>', re.S)
_CELL_RE = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(/>|>(.*?)</c>)', re.S)

_HOSTILE_TEXTS = (
    "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/\",\"click\")", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1)", "\t=1+1", "=DDE(\"cmd\";\"/C calc\";\"A0\")", "'=quoted", "<script>alert(1)</script>",
    "\x00\x01\x02 control", "\u202eevil\u202c", "A" * 4001, "B" * 40_000, "Ω" * 70_000, "", " ", "\n\n\n",
    "Yes; No; Yes", "Declined to answer", "1e308", "-0", "NaN", "Infinity", "2024-13-45", "0000-00-00",
    "99999-01-01", "9" * 400,
)
_CELL_TYPES = ("s", "n", "b", "e", "str", "inlineStr", "d", "zz", "")
_CELL_VALUES = ("abc", "-1", "99999999", "1e308", "", "2024-13-45", "NaN", "1", "0", "3.5", "#REF!",
                "1048577", "-99999999999999999999", "true", "T", "2958466", "-700000", "1e-320")


def _xml_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\x00", "").replace("\x01", "").replace("\x02", ""))


def _answer_cells(ctx: _Ctx) -> list[re.Match[str]]:
    col = ctx.seed.answer_column
    return [m for m in _CELL_RE.finditer(ctx.sheet) if m.group(1) == col and int(m.group(2)) >= ctx.seed.first_row]


def _data_cells(ctx: _Ctx) -> list[re.Match[str]]:
    return [m for m in _CELL_RE.finditer(ctx.sheet) if int(m.group(2)) >= ctx.seed.first_row]


def _replace_span(text: str, match: re.Match[str], new: str) -> str:
    return text[: match.start()] + new + text[match.end():]


def m_byte_flip(rng: random.Random, ctx: _Ctx) -> bytes:
    data = bytearray(ctx.data)
    for _ in range(rng.choice((1, 1, 2, 4, 16, 64))):
        pos = rng.randrange(len(data))
        data[pos] ^= 1 << rng.randrange(8) if rng.random() < 0.7 else rng.randrange(1, 256)
    return bytes(data)


def m_truncate(rng: random.Random, ctx: _Ctx) -> bytes:
    return ctx.data[: rng.randrange(1, len(ctx.data))]


def m_zip_header(rng: random.Random, ctx: _Ctx) -> bytes:
    """Damage one field of a local header, the central directory or its end record."""
    data = bytearray(ctx.data)
    central = [m.start() for m in re.finditer(re.escape(b"PK\x01\x02"), bytes(data))]
    local = [m.start() for m in re.finditer(re.escape(b"PK\x03\x04"), bytes(data))]
    end = bytes(data).rfind(b"PK\x05\x06")
    choice = rng.randrange(8)
    if choice == 0 and central:  # "version needed to extract" far too high
        struct.pack_into("<H", data, rng.choice(central) + 6, rng.choice((63, 99, 0xFFFF)))
    elif choice == 1 and central:  # local header offset pointing before the file or past it
        struct.pack_into("<I", data, rng.choice(central) + 42, rng.choice((0xFFFFFFFF, 0x7FFFFFFF, len(data) - 3, 1)))
    elif choice == 2 and central:  # compression method unknown
        struct.pack_into("<H", data, rng.choice(central) + 10, rng.choice((1, 6, 12, 14, 93, 99, 0xFFFF)))
    elif choice == 3 and central:  # sizes lie
        offset = rng.choice(central)
        struct.pack_into("<I", data, offset + rng.choice((20, 24)), rng.choice((0, 1, 0xFFFFFFFF, 10 ** 8)))
    elif choice == 4 and local:  # local header file name length / extra length lie
        struct.pack_into("<H", data, rng.choice(local) + rng.choice((26, 28)), rng.choice((0, 0xFFFF, 400)))
    elif choice == 5 and end > 0:  # end record: entry counts / central directory offset lie
        struct.pack_into("<H" if rng.random() < 0.5 else "<I", data, end + rng.choice((8, 10, 12, 16)),
                         rng.choice((0, 1, 0xFFFF)))
    elif choice == 6 and central:  # encrypted flag bit
        offset = rng.choice(central)
        struct.pack_into("<H", data, offset + 8, struct.unpack_from("<H", data, offset + 8)[0] | 1)
    elif central:  # file name length in the central directory
        struct.pack_into("<H", data, rng.choice(central) + 28, rng.choice((0, 1, 0xFFFF, 300)))
    return bytes(data)


def m_cell_type(rng: random.Random, ctx: _Ctx) -> bytes:
    text = ctx.sheet
    for _ in range(rng.choice((1, 1, 3, 10))):
        cells = _data_cells(_with_sheet_text(ctx, text))
        cell = rng.choice(cells)
        kind = rng.choice(_CELL_TYPES)
        value = rng.choice(_CELL_VALUES)
        t_attr = f' t="{kind}"' if kind else ""
        inner = f"<is><t>{_xml_escape(value)}</t></is>" if kind == "inlineStr" else f"<v>{_xml_escape(value)}</v>"
        text = _replace_span(text, cell, f'<c r="{cell.group(1)}{cell.group(2)}"{t_attr}>{inner}</c>')
    return ctx.with_sheet(text)


def _with_sheet_text(ctx: _Ctx, text: str) -> _Ctx:
    clone = object.__new__(_Ctx)
    clone.__dict__.update(ctx.__dict__)
    clone.sheet = text
    return clone


def _set_text(rng: random.Random, ctx: _Ctx, values: tuple[str, ...], columns: str = "FGH") -> bytes:
    cells = [m for m in _data_cells(ctx) if m.group(1) in columns]
    chosen = sorted(rng.sample(cells, min(len(cells), rng.choice((1, 2, 5)))), key=lambda m: m.start(), reverse=True)
    text = ctx.sheet
    for cell in chosen:  # from the end, so earlier spans keep their offsets
        value = rng.choice(values)
        text = _replace_span(text, cell, f'<c r="{cell.group(1)}{cell.group(2)}" t="inlineStr"><is><t '
                                         f'xml:space="preserve">{_xml_escape(value)}</t></is></c>')
    return ctx.with_sheet(text)


def m_hostile_text(rng: random.Random, ctx: _Ctx) -> bytes:
    return _set_text(rng, ctx, _HOSTILE_TEXTS)


def m_huge_string(rng: random.Random, ctx: _Ctx) -> bytes:
    size = rng.choice((32_767, 32_768, 100_000, 2_000_000, 9_000_000))
    return _set_text(rng, ctx, ("x" * size,), columns=rng.choice(("A", "C", "F", "G", "H", "FGH")))


def m_formula(rng: random.Random, ctx: _Ctx) -> bytes:
    formulas = ("SUM(1,2)", "cmd|' /C calc'!A0", 'HYPERLINK("http://evil.example","x")', "1/0", "A1",
                "INDIRECT(\"A\"&1)", "WEBSERVICE(\"http://evil.example\")", "'[1]Sheet1'!A1", "")
    text = ctx.sheet
    for _ in range(rng.choice((1, 3))):
        cells = _data_cells(_with_sheet_text(ctx, text))
        cell = rng.choice(cells)
        cached = rng.choice(("<v>Yes</v>", "<v>1</v>", "", "<v>#VALUE!</v>"))
        t_attr = rng.choice(("", ' t="str"', ' t="e"', ' t="b"'))
        text = _replace_span(text, cell, f'<c r="{cell.group(1)}{cell.group(2)}"{t_attr}><f>'
                                         f"{_xml_escape(rng.choice(formulas))}</f>{cached}</c>")
    return ctx.with_sheet(text)


def m_date_range(rng: random.Random, ctx: _Ctx) -> bytes:
    cells = [m for m in _answer_cells(ctx) if f"{m.group(1)}{m.group(2)}" in ctx.seed.date_cells] or _answer_cells(ctx)
    cell = rng.choice(cells)
    value = rng.choice(("2958466", "-1", "1e20", "0", "60", "-693594", "1e308", "2958465.99999", "nan"))
    kind = rng.choice(("", ' t="n"', ' t="d"'))
    if kind == ' t="d"':
        value = rng.choice(("9999-12-31T23:59:59", "0000-01-01", "2024-02-30", "10000-01-01", "-0001-01-01", "x"))
    return ctx.with_sheet(_replace_span(ctx.sheet, cell, f'<c r="{cell.group(1)}{cell.group(2)}"{kind} s="1">'
                                                         f"<v>{value}</v></c>"))


def m_rows(rng: random.Random, ctx: _Ctx) -> bytes:
    """Duplicate, delete, reorder and renumber rows (what made the reader drop rows)."""
    text = ctx.sheet
    rows = list(_ROW_RE.finditer(text))
    data_rows = [r for r in rows if int(r.group(1)) >= ctx.seed.first_row]
    body_start, body_end = data_rows[0].start(), data_rows[-1].end()
    blocks = [r.group(0) for r in data_rows]
    choice = rng.randrange(8)
    if choice == 0:  # duplicate a row (duplicate question id), same or new row number
        block = rng.choice(blocks)
        new_r = rng.choice((int(_ROW_RE.match(block).group(1)), ctx.seed.last_row + 1))  # type: ignore[union-attr]
        blocks.append(_renumber(block, new_r))
    elif choice == 1:  # delete rows
        for _ in range(rng.choice((1, 3, len(blocks) - 1))):
            if len(blocks) > 1:
                blocks.pop(rng.randrange(len(blocks)))
    elif choice == 2:  # out of order
        rng.shuffle(blocks)
    elif choice == 3:  # reversed
        blocks.reverse()
    elif choice == 4:  # one huge row number
        i = rng.randrange(len(blocks))
        blocks[i] = _renumber(blocks[i], rng.choice((1_048_576, 1_048_577, 10 ** 9, 2 ** 31, 70_000)))
    elif choice == 5:  # everything shifted down (header stays)
        shift = rng.choice((8, 100, 4_000, 6_000))
        blocks = [_renumber(b, int(_ROW_RE.match(b).group(1)) + shift) for b in blocks]  # type: ignore[union-attr]
    elif choice == 6:  # garbage row numbers
        i = rng.randrange(len(blocks))
        blocks[i] = blocks[i].replace(_ROW_RE.match(blocks[i]).group(0)[:0] + f'r="{_ROW_RE.match(blocks[i]).group(1)}"',  # type: ignore[union-attr]
                                      f'r="{rng.choice(("0", "-1", "abc", "", "1.5", "3", "99999999999999999999"))}"', 1)
    else:  # empty body
        blocks = []
    return ctx.with_sheet(text[:body_start] + "".join(blocks) + text[body_end:])


def _renumber(block: str, new_r: int) -> str:
    old = _ROW_RE.match(block).group(1)  # type: ignore[union-attr]
    block = block.replace(f'<row r="{old}"', f'<row r="{new_r}"', 1)
    return re.sub(rf'(<c r="[A-Z]+){old}"', rf'\g<1>{new_r}"', block)


def m_cell_refs(rng: random.Random, ctx: _Ctx) -> bytes:
    text = ctx.sheet
    for _ in range(rng.choice((1, 4))):
        cell = rng.choice(_data_cells(_with_sheet_text(ctx, text)))
        ref = rng.choice(("A0", "XFE1", "ZZZZZ5", "f5", "", "5A", "A-1", "$A$5", "A99999999999", "AAAA1"))
        text = text[: cell.start()] + cell.group(0).replace(f'r="{cell.group(1)}{cell.group(2)}"', f'r="{ref}"', 1) \
            + text[cell.end():]
    return ctx.with_sheet(text)


def m_header(rng: random.Random, ctx: _Ctx) -> bytes:
    """Move, break or duplicate the header row; remove the dimension or make it lie."""
    text = ctx.sheet
    choice = rng.randrange(6)
    if choice == 0:  # header below row 10 (every row shifted)
        shift = rng.choice((9, 12, 30))
        rows = list(_ROW_RE.finditer(text))
        blocks = [_renumber(r.group(0), int(r.group(1)) + shift) for r in rows]
        text = text[: rows[0].start()] + "".join(blocks) + text[rows[-1].end():]
    elif choice == 1:  # header text changed
        text = text.replace("<t>Question ID</t>", f"<t>{rng.choice(('Question', 'ID', 'Frage-ID', ''))}</t>", 1)
    elif choice == 2:
        text = text.replace("<t>Answer</t>", f"<t>{rng.choice(('Answers', 'Antwort', 'Question ID'))}</t>", 1)
    elif choice == 3:
        text = re.sub(r"<dimension[^>]*/>", "", text, count=1)
    elif choice == 4:
        text = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{rng.choice(("A1:XFD1048576", "A1", "ZZ", ""))}"',
                      text, count=1)
    else:  # header row removed
        rows = list(_ROW_RE.finditer(text))
        header = next(r for r in rows if r.group(1) == "2")
        text = text[: header.start()] + text[header.end():]
    return ctx.with_sheet(text)


def m_merged(rng: random.Random, ctx: _Ctx) -> bytes:
    ranges = " ".join(rng.choice(("A3:H40", "F3:F40", "A1:H2", "F5:G5", "A2:A3", "A1:XFD1048576"))
                      for _ in range(rng.choice((1, 3))))
    merge = "".join(f'<mergeCell ref="{r}"/>' for r in ranges.split())
    text = re.sub(r"<mergeCells[^>]*>.*?</mergeCells>", "", ctx.sheet, flags=re.S)
    text = text.replace("</sheetData>", f'</sheetData><mergeCells count="{len(ranges.split())}">{merge}</mergeCells>', 1)
    return ctx.with_sheet(text)


def m_xml_garble(rng: random.Random, ctx: _Ctx) -> bytes:
    """Text-level damage to one XML part: a deleted span, a stray '<', an unclosed tag."""
    name, content = rng.choice([p for p in ctx.parts if p[0].endswith((".xml", ".rels"))])
    text = content.decode("utf-8", "replace")
    pos = rng.randrange(max(len(text), 1))
    choice = rng.randrange(5)
    if choice == 0:
        text = text[:pos] + text[pos + rng.randrange(1, 200):]
    elif choice == 1:
        text = text[:pos] + rng.choice(("<", ">", "&", "&bogus;", "]]>", "<x", "\x00", "\udcff")) + text[pos:]
    elif choice == 2:
        text = text[:pos]
    elif choice == 3:
        text = text.replace('"', "'", rng.randrange(1, 50))
    else:
        text = text[:pos] + "<!DOCTYPE x [<!ENTITY a 'b'>]>" + text[pos:]
    return ctx.with_part(name, text.encode("utf-8", "surrogateescape"))


def m_parts(rng: random.Random, ctx: _Ctx) -> bytes:
    """Delete a part, or point the workbook at parts that do not exist."""
    names = [n for n, _ in ctx.parts]
    choice = rng.randrange(4)
    if choice == 0:
        return _pack([(n, c) for n, c in ctx.parts if n != rng.choice(names)])
    if choice == 1:
        wb = dict(ctx.parts)["xl/workbook.xml"].decode()
        return ctx.with_part("xl/workbook.xml", re.sub(r'r:id="rId\d+"', f'r:id="rId{rng.choice((9, 99, 0))}"', wb, count=1))
    if choice == 2:
        rels = dict(ctx.parts)["xl/_rels/workbook.xml.rels"].decode()
        return ctx.with_part("xl/_rels/workbook.xml.rels",
                             rels.replace("worksheets/sheet", rng.choice(("worksheets/nope", "../../etc/passwd#", "")), 1))
    return ctx.with_part(rng.choice(names), b"")


def _sheets_xml(ctx: _Ctx) -> tuple[str, str, str]:
    parts = dict(ctx.parts)
    return (parts["xl/workbook.xml"].decode(), parts["xl/_rels/workbook.xml.rels"].decode(),
            parts["[Content_Types].xml"].decode())


def m_sheets(rng: random.Random, ctx: _Ctx) -> bytes:
    """Rename the Questions sheet, add sheets (many), or rename/hide the others."""
    wb, rels, types = _sheets_xml(ctx)
    choice = rng.randrange(5)
    if choice == 0:
        new = rng.choice(("Fragen", "Sheet1", "Questions (2)", "questions", "Answers", "_trustframe_meta", "Instructions"))
        return ctx.with_part("xl/workbook.xml", wb.replace('name="Questions"', f'name="{new}"', 1))
    if choice == 1:
        new = rng.choice(("Fragen", "Sheet1", "Copy"))
        return ctx.with_part("xl/workbook.xml", wb.replace('name="Instructions"', f'name="{new}"', 1))
    if choice == 2:
        return ctx.with_part("xl/workbook.xml", wb.replace('name="_trustframe_meta"', 'name="meta"', 1))
    # add 1 or many sheets: copies of the Questions sheet (or an empty one) under new names
    count = rng.choice((1, 2, 19, 25))
    body = ctx.sheet if rng.random() < 0.5 else (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')
    extra_parts: list[tuple[str, bytes]] = []
    sheets, relations, overrides = "", "", ""
    for i in range(count):
        rid, member = f"rIdX{i}", f"xl/worksheets/extra{i}.xml"
        extra_parts.append((member, body.encode()))
        sheets += f'<sheet name="Extra {i}" sheetId="{100 + i}" state="visible" r:id="{rid}" />'
        relations += (f'<Relationship Id="{rid}" Target="/{member}" Type="http://schemas.openxmlformats.org/'
                      'officeDocument/2006/relationships/worksheet" />')
        overrides += (f'<Override PartName="/{member}" ContentType="application/vnd.openxmlformats-'
                      'officedocument.spreadsheetml.worksheet+xml" />')
    first = rng.random() < 0.5
    wb = wb.replace("<sheets>", "<sheets>" + sheets, 1) if first else wb.replace("</sheets>", sheets + "</sheets>", 1)
    rels = rels.replace("</Relationships>", relations + "</Relationships>", 1)
    types = types.replace("</Types>", overrides + "</Types>", 1)
    out = [(n, c) for n, c in ctx.parts if n not in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                                      "[Content_Types].xml")]
    return _pack(out + [("xl/workbook.xml", wb.encode()), ("xl/_rels/workbook.xml.rels", rels.encode()),
                        ("[Content_Types].xml", types.encode())] + extra_parts)


def m_shared_strings(rng: random.Random, ctx: _Ctx) -> bytes:
    """Cells pointing at shared strings that do not exist, or a broken sharedStrings part."""
    text = ctx.sheet
    for _ in range(rng.choice((1, 3))):
        cell = rng.choice(_data_cells(_with_sheet_text(ctx, text)))
        text = _replace_span(text, cell, f'<c r="{cell.group(1)}{cell.group(2)}" t="s"><v>'
                                         f'{rng.choice(("99999", "-1", "abc", "0", "1.5", ""))}</v></c>')
    if rng.random() < 0.5:
        strings = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
                   + rng.choice(("<si><t>x</t></si>", "<si></si>", "<si><r><t>a</t></r><r></r></si>", ""))
                   + "</sst>")
        return _pack([(n, c) for n, c in ctx.parts if n != ctx.seed.questions_member]
                     + [(ctx.seed.questions_member, text.encode()), ("xl/sharedStrings.xml", strings.encode())])
    return ctx.with_sheet(text)


def m_bomb(rng: random.Random, ctx: _Ctx) -> bytes:
    """Zip bombs: a highly compressed part, very many parts, nested zips, a billion laughs."""
    choice = rng.randrange(5)
    if choice == 0:  # a sheet of 30-80 MB of zeros (ratio about 1000)
        size = rng.choice((30, 50, 80)) * 1024 * 1024
        padding = b"<!--" + b"0" * size + b"-->"
        return ctx.with_part(ctx.seed.questions_member, ctx.sheet.encode().replace(b"<sheetData>", padding + b"<sheetData>", 1))
    if choice == 1:  # just over the ratio rule but a realistic total
        return ctx.with_part("xl/media/blob.bin", b"\0" * (3 * 1024 * 1024))
    if choice == 2:
        return _pack(ctx.parts + [(f"xl/media/p{i}.xml", b"<x/>") for i in range(rng.choice((301, 1000)))])
    if choice == 3:
        inner = _pack([("a.xml", b"\0" * (5 * 1024 * 1024))])
        return ctx.with_part("xl/embeddings/inner.zip", inner)
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;'
           '&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
           '<c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>')
    # no DOCTYPE within the first 4 kB of the part: the early scan must not be the only guard
    if rng.random() < 0.5:
        lol = lol.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\"?>" + "<!-- pad -->" * 500, 1)
    return ctx.with_part(ctx.seed.questions_member, lol)


def m_format(rng: random.Random, ctx: _Ctx) -> tuple[bytes, str]:
    """Files that are something else: CSV, HTML, OpenDocument, encrypted, old .xls, random."""
    choice = rng.randrange(11)
    suffix = rng.choice((".xlsx", ".xlsx", ".xlsx", ".XLSX", ".csv", ".ods", ".xls", ".xlsm", ".txt", ""))
    if choice == 0:
        return b"Question ID,Answer\nGOV-01,Yes\nGOV-03,No\n", suffix
    if choice == 1:
        return (b"<html><body><table><tr><td>Question ID</td><td>Answer</td></tr>"
                b"<tr><td>GOV-01</td><td>Yes</td></tr></table></body></html>"), suffix
    if choice == 2:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", "<office:document-content/>")
        return buf.getvalue(), suffix
    if choice == 3:  # an encrypted OOXML file is an OLE2 compound file with an EncryptionInfo stream
        return (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptionInfo".encode("utf-16-le")
                + bytes(rng.randrange(256) for _ in range(3000))), suffix
    if choice == 4:
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.randrange(256) for _ in range(4000)), suffix
    if choice == 5:
        return bytes(rng.randrange(256) for _ in range(rng.choice((1, 10, 5000)))), suffix
    if choice == 6:
        return b"", suffix
    if choice == 7:
        return b"%PDF-1.7\n" + b"x" * 1000, suffix
    if choice == 8:  # a zip whose parts are stored encrypted (flag bit 0)
        data = bytearray(ctx.data)
        for match in re.finditer(re.escape(b"PK\x03\x04"), bytes(data)):
            struct.pack_into("<H", data, match.start() + 6, struct.unpack_from("<H", data, match.start() + 6)[0] | 1)
        return bytes(data), suffix
    if choice == 9:  # UTF-16 CSV with BOM, as Excel writes "Unicode text"
        return "\ufeffQuestion ID\tAnswer\r\nGOV-01\tYes\r\n".encode("utf-16-le"), suffix
    return _pack([("xl/workbook.xml", b"<workbook/>")]), suffix


#: (weight, mutator). Weights favour mutations that reach deep into the reader.
MUTATORS: tuple[tuple[int, Callable[..., Any]], ...] = (
    (10, m_byte_flip), (5, m_truncate), (8, m_zip_header), (10, m_cell_type), (8, m_hostile_text),
    (3, m_huge_string), (6, m_formula), (5, m_date_range), (12, m_rows), (5, m_cell_refs), (6, m_header),
    (4, m_merged), (8, m_xml_garble), (4, m_parts), (6, m_sheets), (5, m_shared_strings), (2, m_bomb),
    (4, m_format),
)


def generate(ctx: _Ctx, rng_seed: int, index: int) -> Mutant:
    """Mutant number ``index`` of the run seeded with ``rng_seed`` (deterministic)."""
    rng = random.Random(f"{rng_seed}:{index}")
    weights = [w for w, _ in MUTATORS]
    mutator = rng.choices([m for _, m in MUTATORS], weights=weights)[0]
    kind = mutator.__name__[2:]
    result = mutator(rng, ctx)
    if isinstance(result, tuple):
        return Mutant(index, kind, result[0], result[1])
    # A second mutation now and then finds interactions (a renamed sheet with renumbered rows).
    if rng.random() < 0.15 and kind not in ("bomb", "format", "truncate", "byte_flip", "zip_header"):
        try:
            second = rng.choices([m for _, m in MUTATORS[3:16]], weights=weights[3:16])[0]
            clone = object.__new__(_Ctx)
            clone.__dict__.update(ctx.__dict__)
            clone.data = result
            clone.parts = [(i.filename, c) for i, c in _members(result)]
            clone.sheet = dict(clone.parts)[ctx.seed.questions_member].decode("utf-8", "replace")
            result = second(rng, clone)
            kind = f"{kind}+{second.__name__[2:]}"
        except (KeyError, zipfile.BadZipFile, IndexError, ValueError, AttributeError, StopIteration):
            pass
    return Mutant(index, kind, result)


# ------------------------------------------------------------------------------------------------
# Running one mutant


def content_digest(path: Path) -> str:
    """A digest of every row of every table (the workspace's *content*, not its file bytes)."""
    digest = hashlib.sha256()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


class Hang(BaseException):
    """Raised by the alarm when a mutant runs too long (BaseException: not caught as an error)."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hang()


@dataclass
class Outcome:
    """What happened to one mutant."""

    index: int
    kind: str
    result: str  # refused-preview | refused-apply | imported | nothing-applied | crash | hang
    message: str = ""
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def check_message(message: str, file_name: str) -> list[str]:
    """Problems with a refusal message (empty list when it is fine)."""
    problems = []
    first = message.splitlines()[0] if message else ""
    if not first.strip():
        problems.append("empty message")
    if RAW_TEXT.search(message):
        problems.append(f"raw exception text: {message[:200]!r}")
    stem = Path(file_name).name
    if stem not in first and not first.startswith(("Assessment", "Question")):
        problems.append(f"message does not name the file: {first[:200]!r}")
    if len(first) > 600:
        problems.append(f"message too long ({len(first)} characters)")
    return problems


class Runner:
    """Runs mutants against fresh copies of the seed workspace, one Services per copy."""

    def __init__(self, seed: Seed, work: Path) -> None:
        self.seed = seed
        self.work = work
        self.work.mkdir(parents=True, exist_ok=True)
        self.workspace = work / "workspace.tfw"
        self.base_digest = content_digest(seed.workspace)
        self._services: Any = None
        self._dirty = True

    def _fresh(self) -> Any:
        from trustframe.services.context import Services

        if self._dirty or self._services is None:
            if self._services is not None:
                self._services.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.workspace}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(self.seed.workspace, self.workspace)
            self._services = Services.open(self.workspace, user="fuzz", create=False)
            self._dirty = False
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None

    def run(self, mutant: Mutant, cli: bool = False) -> Outcome:
        """Preview and import one mutant; never raises (except Hang, by the alarm)."""
        from trustframe.errors import TrustFrameError

        started = time.perf_counter()
        path = self.work / mutant.file_name
        path.write_bytes(mutant.data)
        outcome = Outcome(mutant.index, mutant.kind, "crash")
        try:
            services = self._fresh()
            before = self.base_digest
            try:
                preview = services.exchange.preview_import(path)
            except TrustFrameError as exc:
                outcome.result, outcome.message = "refused-preview", exc.args[0] if exc.args else str(exc)
                outcome.failures += check_message(str(exc.args[0]) if exc.args else "", mutant.file_name)
            else:
                for issue in preview.issues:
                    if RAW_TEXT.search(issue.message):
                        outcome.failures.append(f"raw exception text in a row problem: {issue.message[:200]!r}")
                self._dirty = True
                try:
                    result = services.exchange.apply_import(preview)
                except TrustFrameError as exc:
                    outcome.result, outcome.message = "refused-apply", str(exc.args[0] if exc.args else exc)
                    outcome.failures += check_message(outcome.message, mutant.file_name)
                else:
                    outcome.result = "imported" if result.applied else "nothing-applied"
                    answers = services.assessments.answers(self.seed.assessment_id)
                    rows = {r.question_id: r for r in preview.rows}
                    for qid in result.applied:
                        answer = answers.get(qid)
                        if answer is None or answer.value != rows[qid].new_value:
                            outcome.failures.append(f"partial write: {qid} not applied as previewed")
                    if not result.applied:
                        self._dirty = False
            after = content_digest(self.workspace)
            if outcome.result in ("refused-preview", "refused-apply", "nothing-applied") and after != before:
                outcome.failures.append(f"partial write: workspace changed although the import was {outcome.result}")
                self._dirty = True
            if cli:
                outcome.failures += self._cli(path)
        except Hang:
            raise
        except MemoryError:
            outcome.result = "crash"
            outcome.failures.append("MemoryError")
            self._dirty = True
        except Exception as exc:  # the oracle's whole point: anything else is a crash
            outcome.result = "crash"
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?"
            outcome.failures.append(f"crash: {type(exc).__name__}: {str(exc)[:160]} at {where}")
            self._dirty = True
        finally:
            path.unlink(missing_ok=True)
        outcome.seconds = time.perf_counter() - started
        return outcome

    def _cli(self, path: Path) -> list[str]:
        """The CLI dry run, with and without --json: JSON always, one plain line on refusal."""
        from trustframe import cli

        problems = []
        self.close()  # the CLI opens the workspace itself
        self._dirty = True
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--workspace", str(self.workspace), "--json", "import-response", str(path), "--dry-run"])
        try:
            data = json.loads(out.getvalue())
            if code != 0 and "error" not in data and "preview" not in data:
                problems.append("--json refusal without an error field")
            if "error" in data:
                problems += [f"--json: {p}" for p in check_message(data["error"], path.name)]
        except ValueError:
            problems.append(f"--json printed no JSON (exit {code}); stderr {err.getvalue()[:200]!r}")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--workspace", str(self.workspace), "import-response", str(path), "--dry-run"])
        text = err.getvalue()
        if "Traceback" in text:
            problems.append("plain CLI printed a traceback")
        if code not in (0, 1):
            problems.append(f"plain CLI exit code {code}")
        if code == 1 and text.startswith("error:"):
            problems += [f"plain: {p}" for p in check_message(text[len("error:"):].strip(), path.name)]
        return problems


# ------------------------------------------------------------------------------------------------
# Workers and campaigns


def worker(seed_dir: Path, work: Path, rng_seed: int, start: int, stop: int, cli_every: int) -> None:
    """Run mutants ``start..stop-1``; print a JSON line before each (progress) and after."""
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 ** 3, 3 * 1024 ** 3))  # a runaway dies, not the machine
    from trustframe.lifeline import tie_to_parent

    tie_to_parent(os.getppid())  # an interrupted campaign must not leave workers running
    seed = Seed(**json.loads((seed_dir / "seed.json").read_text()) | {
        "folder": seed_dir, "workspace": seed_dir / "seed.tfw", "returned": seed_dir / "returned.xlsx"})
    ctx = _Ctx(seed)
    runner = Runner(seed, work)
    signal.signal(signal.SIGALRM, _alarm)
    # The protocol to the parent gets a channel of its own: a library that prints to stdout while
    # reading a mutant (openpyxl prints "N is out of range" for a bad style index) must not break it.
    # Whether such output reaches a user is checked where it matters, on the CLI's --json output.
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    sys.stdout = sys.stderr

    def print(line: str, flush: bool = True) -> None:  # noqa: A001 - the protocol's print
        channel.write(line + "\n")
        channel.flush()

    try:
        for index in range(start, stop):
            print(json.dumps({"start": index}), flush=True)
            mutant = generate(ctx, rng_seed, index)
            signal.alarm(HANG_SECONDS)
            try:
                outcome = runner.run(mutant, cli=cli_every > 0 and index % cli_every == 0)
            except Hang:
                outcome = Outcome(index, mutant.kind, "hang", failures=[f"hang: still running after {HANG_SECONDS} s"])
                runner._dirty = True
            finally:
                signal.alarm(0)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            if peak > MEMORY_LIMIT_BYTES:
                outcome.failures.append(f"peak memory {peak / 1e6:.0f} MB")
            print(json.dumps({"outcome": outcome.__dict__, "peak": peak}), flush=True)
            if peak > MEMORY_LIMIT_BYTES:
                return  # a fresh worker measures the next mutants
    finally:
        runner.close()


def save_seed(seed: Seed) -> None:
    """Write what a worker needs to find the seed again."""
    data = {k: v for k, v in seed.__dict__.items() if k not in ("folder", "workspace", "returned")}
    (seed.folder / "seed.json").write_text(json.dumps(data))


@dataclass
class Totals:
    """Counts of a campaign."""

    mutants: int = 0
    crashes: int = 0
    hangs: int = 0
    memory: int = 0
    partial_writes: int = 0
    bad_messages: int = 0
    worker_deaths: int = 0
    results: dict[str, int] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    peak_bytes: int = 0
    seconds: float = 0.0

    def add(self, outcome: dict[str, Any]) -> None:
        self.mutants += 1
        self.results[outcome["result"]] = self.results.get(outcome["result"], 0) + 1
        failures = outcome["failures"]
        if outcome["result"] == "crash":
            self.crashes += 1
        if outcome["result"] == "hang":
            self.hangs += 1
        if any(f.startswith("peak memory") for f in failures):
            self.memory += 1
        if any(f.startswith("partial write") for f in failures):
            self.partial_writes += 1
        if any(not f.startswith(("partial write", "peak memory", "crash", "hang", "MemoryError")) for f in failures):
            self.bad_messages += 1
        if failures:
            self.failures.append(outcome)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.worker_deaths


def run_campaign(seed: Seed, work: Path, count: int, rng_seed: int, workers: int = 2,
                 cli_every: int = CLI_EVERY, deadline_seconds: float = 3600) -> Totals:
    """Run ``count`` mutants in ``workers`` subprocesses; restart a worker that dies."""
    save_seed(seed)
    totals = Totals()
    started = time.perf_counter()
    bounds = [(count * i // workers, count * (i + 1) // workers) for i in range(workers)]
    pending = [(i, a, b) for i, (a, b) in enumerate(bounds) if b > a]
    procs: dict[int, tuple[subprocess.Popen[str], int, int]] = {}

    def launch(slot: int, a: int, b: int) -> None:
        env = dict(os.environ, PYTHONHASHSEED="0")
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__)), "worker", "--seed-dir", str(seed.folder), "--work",
             str(work / f"w{slot}"), "--rng-seed", str(rng_seed), "--start", str(a), "--stop", str(b),
             "--cli-every", str(cli_every)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        procs[slot] = (proc, a, b)

    for slot, a, b in pending:
        launch(slot, a, b)
    import selectors

    selector = selectors.DefaultSelector()
    for slot, (proc, _a, _b) in procs.items():
        selector.register(proc.stdout, selectors.EVENT_READ, slot)  # type: ignore[arg-type]
    current: dict[int, int | None] = {slot: None for slot in procs}
    last_done: dict[int, int | None] = {slot: None for slot in procs}
    while procs:
        if time.perf_counter() - started > deadline_seconds:
            for proc, _a, _b in procs.values():
                proc.kill()
            raise RuntimeError("fuzz campaign passed its deadline")
        for key, _events in selector.select(timeout=HANG_SECONDS * 2 + 10):
            slot = key.data
            proc, a, b = procs[slot]
            line = proc.stdout.readline()  # type: ignore[union-attr]
            if line:
                try:
                    message = json.loads(line)
                except ValueError:  # never expected on the protocol channel: counted, not fatal
                    totals.failures.append({"index": current.get(slot), "kind": "?", "result": "stray", "message": "",
                                            "failures": [f"stray worker output: {line.strip()[:200]!r}"],
                                            "seconds": 0})
                    continue
                if "start" in message:
                    current[slot] = message["start"]
                else:
                    totals.add(message["outcome"])
                    totals.peak_bytes = max(totals.peak_bytes, message["peak"])
                    current[slot] = None
                    last_done[slot] = message["outcome"]["index"]
                continue
            # end of output: the worker finished or died
            selector.unregister(proc.stdout)  # type: ignore[arg-type]
            code = proc.wait()
            del procs[slot]
            died_on = current.get(slot)
            resume = None
            if died_on is not None:
                totals.worker_deaths += 1
                totals.add({"index": died_on, "kind": "?", "result": "crash", "message": "",
                            "failures": [f"crash: worker died (exit {code})"], "seconds": 0})
                resume = died_on + 1
            elif last_done.get(slot) is not None and last_done[slot] + 1 < b:  # type: ignore[operator]
                resume = last_done[slot] + 1  # type: ignore[operator]  # stopped early (memory peak)
            if resume is not None and resume < b:
                launch(slot, resume, b)
                selector.register(procs[slot][0].stdout, selectors.EVENT_READ, slot)  # type: ignore[arg-type]
                current[slot] = None
    totals.seconds = time.perf_counter() - started
    return totals


def main(argv: list[str] | None = None) -> int:
    """Command line: ``worker`` (used by campaigns) or ``run`` (a campaign, totals as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("worker")
    w.add_argument("--seed-dir", type=Path, required=True)
    w.add_argument("--work", type=Path, required=True)
    w.add_argument("--rng-seed", type=int, required=True)
    w.add_argument("--start", type=int, required=True)
    w.add_argument("--stop", type=int, required=True)
    w.add_argument("--cli-every", type=int, default=CLI_EVERY)
    r = sub.add_parser("run")
    r.add_argument("--count", type=int, default=500)
    r.add_argument("--rng-seed", type=int, default=1)
    r.add_argument("--workers", type=int, default=2)
    r.add_argument("--work", type=Path, required=True)
    r.add_argument("--show", type=int, default=40, help="failures to print")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(TESTS.parent))
    if args.command == "worker":
        worker(args.seed_dir, args.work, args.rng_seed, args.start, args.stop, args.cli_every)
        return 0
    seed = build_seed(args.work / "seed")
    totals = run_campaign(seed, args.work, args.count, args.rng_seed, args.workers)
    summary = {k: v for k, v in totals.__dict__.items() if k != "failures"}
    print(json.dumps(summary, indent=2))
    for failure in totals.failures[: args.show]:
        print(json.dumps(failure))
    return 0 if totals.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
