# Long file: reading a returned workbook (layout detection, per-type cell readers, error locations)
# is one pipeline over one workbook model; its parts only make sense together.
"""Reading a returned vendor workbook: untrusted input.

Three steps, each pure (no storage, no services):

1. :func:`inspect_package` looks at the raw file before any spreadsheet code touches it: the
   extension, the magic bytes (old .xls, encrypted files, CSV, OpenDocument), then the zip
   central directory (member count, declared uncompressed sizes, compression ratios, macros,
   DTDs). A zip bomb or a billion-laughs document ends here in milliseconds.
2. :func:`read_workbook` streams the sheets with openpyxl in read-only mode (defusedxml active,
   formulas never evaluated: a formula cell is reported, not computed) with row and cell limits.
3. :func:`build_rows` judges each row against the questionnaire and the current answers and
   puts it in a preview category, collecting every problem with its cell.

Every failure of the file as a whole is an :class:`~trustframe.errors.ExchangeError` with a
plain message; nothing here writes anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import Answer
from trustframe.domain.questionnaire import AnswerType, Question, Questionnaire
from trustframe.errors import ExchangeError, Issue
from trustframe.exchange.excel_model import (
    COLUMNS,
    EXCHANGE_FORMAT,
    INSTRUCTIONS_SHEET,
    LEGACY_EXCHANGE_FORMAT,
    META_SHEET,
    QUESTIONS_SHEET,
    REFERENCE_PREFIX,
    CellValue,
    ImportRowPreview,
    ParsedRow,
    ParsedWorkbook,
    RowCategory,
    WorkbookMeta,
    join_comment,
    question_checksum,
    restore_text,
)
from trustframe.exchange.i18n import to_english
from trustframe.exchange.questionnaire_translations import languages_for, question_texts, translated_option

log = logging.getLogger(__name__)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_MARKER = "EncryptionInfo".encode("utf-16-le")
_STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
#: Exchange formats whose metadata sheet is read field by field (``workbook_identity`` judges the seal).
KNOWN_FORMATS = (LEGACY_EXCHANGE_FORMAT, EXCHANGE_FORMAT)
_REFERENCE_RE = re.compile(
    re.escape(REFERENCE_PREFIX) + r":([0-9a-fA-F-]{36}):([0-9a-fA-F-]{36})")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a returned workbook may contain. Generous for a questionnaire (a
    200-question return is about 40 kB zipped and 300 kB unzipped) and small enough that
    checking a hostile file takes well under a second."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_uncompressed_bytes: int = 60 * 1024 * 1024
    max_member_bytes: int = 40 * 1024 * 1024
    #: Compression ratio above which a large member counts as a bomb (spreadsheet XML reaches
    #: 10-30x; bombs reach 1000x).
    max_ratio: float = 100.0
    #: Members smaller than this are never judged by ratio (tiny files compress oddly).
    ratio_floor_bytes: int = 1024 * 1024
    max_members: int = 300
    #: Uncompressed size of one worksheet or the shared-strings part.
    max_sheet_bytes: int = 20 * 1024 * 1024
    max_cells: int = 200_000
    max_shared_strings: int = 50_000
    max_sheets: int = 20
    max_rows: int = 5_000
    max_columns: int = 30
    max_cell_chars: int = answer_values.MAX_TEXT_LENGTH


DEFAULT_LIMITS = Limits()

#: Most characters an Excel cell holds; Excel (and openpyxl) cut longer text to this length, so
#: a cell of exactly this length may have held more when the vendor typed or pasted it.
EXCEL_CELL_LIMIT = 32_767
#: Rows at the top of a sheet searched for the 'Question ID' header (the export puts it on row 2;
#: a vendor may insert a few rows above it).
HEADER_SEARCH_ROWS = 30
#: Unanswered required questions named in the grouped warning before "and N more".
UNANSWERED_LISTED = 15


def _fail(message: str, file_name: str, where: str = "") -> ExchangeError:
    # The message already names the file; an issue is attached only when it adds a location.
    return ExchangeError(message, [Issue(message, file=file_name, where=where)] if where else [])


@dataclass(frozen=True)
class PackageInfo:
    """Facts about the raw file."""

    sha256: str
    size: int
    members: int
    uncompressed: int


def inspect_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> PackageInfo:
    """Check that ``path`` is a plausible, bounded .xlsx package; raise ExchangeError if not."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if not path.exists():
        raise _fail(f"{name} does not exist.", name)
    if path.is_dir():
        raise _fail(f"{name} is a folder, not a workbook.", name)
    if suffix == ".xls":
        raise _fail(f"{name} is an old Excel 97-2003 workbook (.xls). Ask the vendor to save it as "
                    "an Excel workbook (.xlsx), or open it and use File > Save As > .xlsx yourself.", name)
    if suffix == ".xlsm":
        raise _fail(f"{name} is a macro-enabled workbook (.xlsm). Macros are not accepted: save it as "
                    "an Excel workbook (.xlsx) without macros.", name)
    if suffix == ".csv":
        raise _fail(f"{name} is a CSV file. Only the .xlsx questionnaire workbook we sent can be imported: "
                    "it carries the question ids and checks the answers.", name)
    if suffix == ".ods":
        raise _fail(f"{name} is an OpenDocument spreadsheet (.ods). In LibreOffice use File > Save As and "
                    "choose 'Excel 2007-365 (.xlsx)', then import that file.", name)
    if suffix != ".xlsx":
        raise _fail(f"{name} is not an Excel workbook: only .xlsx files can be imported.", name)
    size = path.stat().st_size
    if size == 0:
        raise _fail(f"{name} is empty (0 bytes).", name)
    if size > limits.max_file_bytes:
        raise _fail(f"{name} is {size / 1e6:.1f} MB; a returned questionnaire is far smaller "
                    f"(limit {limits.max_file_bytes / 1e6:.0f} MB). It was not read.", name)
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    if data.startswith(OLE2_MAGIC):
        if _ENCRYPTION_MARKER in data:
            raise _fail(f"{name} is password-protected (encrypted). Ask the vendor to send it without a "
                        "password to open, or remove the password in Excel (File > Info > Protect "
                        "Workbook > Encrypt with Password, leave empty) and save it again.", name)
        raise _fail(f"{name} is an old binary Excel file (.xls format) with an .xlsx name. "
                    "Save it as an Excel workbook (.xlsx).", name)
    if not data.startswith(ZIP_MAGIC):
        head = data[:512].lstrip()
        if head[:1] in (b"<",):
            raise _fail(f"{name} is an XML or HTML file, not an Excel workbook.", name)
        raise _fail(f"{name} is not an Excel workbook (it is not a zip package; it may be damaged, "
                    "a CSV file or another format).", name)
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - zipfile raises BadZipFile, ValueError, NotImplementedError...
        # Whatever the zip module says about a damaged header, the officer's action is the same.
        log.info("Damaged zip package %s: %r", path, exc)
        raise _fail(f"{name} is damaged: {_zip_reason(exc)}. Ask the vendor to send it again.", name) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise _fail(f"{name} has {len(infos)} parts; a questionnaire workbook has about 15 "
                        f"(limit {limits.max_members}). It was not read.", name)
        total = 0
        names = set()
        for info in infos:
            names.add(info.filename)
            total += info.file_size
            if info.flag_bits & 0x1:
                raise _fail(f"{name} contains encrypted parts and cannot be read.", name)
            if info.file_size > limits.max_member_bytes:
                raise _fail(f"{name}: the part {info.filename[:80]} would unpack to "
                            f"{info.file_size / 1e6:.0f} MB (limit {limits.max_member_bytes / 1e6:.0f} MB). "
                            "It was not read.", name)
            if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
                    info.compress_size, 1):
                raise _fail(f"{name}: the part {info.filename[:80]} is compressed "
                            f"{info.file_size / max(info.compress_size, 1):.0f} times (a 'zip bomb'). "
                            "It was not read.", name)
        if total > limits.max_uncompressed_bytes:
            raise _fail(f"{name} would unpack to {total / 1e6:.0f} MB (limit "
                        f"{limits.max_uncompressed_bytes / 1e6:.0f} MB). It was not read.", name)
        if "mimetype" in names:
            raise _fail(f"{name} is an OpenDocument spreadsheet renamed to .xlsx. In LibreOffice use "
                        "File > Save As and choose 'Excel 2007-365 (.xlsx)'.", name)
        if "xl/workbook.xml" not in names:
            raise _fail(f"{name} is a zip file but not an Excel workbook (no xl/workbook.xml).", name)
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise _fail(f"{name} contains macros (a renamed .xlsm). Save it as an Excel workbook (.xlsx) "
                        "without macros.", name)
        try:
            content_types = _read_head(archive, "[Content_Types].xml", 64 * 1024)
            if b"macroEnabled" in content_types:
                raise _fail(f"{name} is a macro-enabled workbook. Save it as an Excel workbook (.xlsx).", name)
            if _STRICT_NAMESPACE in _read_head(archive, "xl/workbook.xml", 4096):
                raise _fail(f"{name} is saved as 'Strict Open XML', which cannot be read. Save it again as "
                            "a normal 'Excel Workbook (.xlsx)'.", name)
            for info in infos:
                lower = info.filename.lower()
                if lower.endswith((".xml", ".rels", ".vml")):
                    # Spreadsheet XML never has a DTD; one here is an entity-expansion attack.
                    # (defusedxml would refuse it as well; this gives the clear message early.)
                    head = _read_head(archive, info.filename, 4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise _fail(f"{name}: the part {info.filename[:80]} declares XML entities, which "
                                    "workbooks never do (an 'XML bomb'). It was not read.", name)
            _scan_parts(archive, infos, limits, name)
        except ExchangeError:
            raise
        except Exception as exc:  # noqa: BLE001 - bad CRC, zlib errors, "negative seek value", ...
            log.info("Damaged part in %s: %r", path, exc)
            raise _fail(f"{name} is damaged: {_zip_reason(exc)}. Ask the vendor to send it again.", name) from exc
    return PackageInfo(sha256=sha256, size=size, members=len(infos), uncompressed=total)


def _scan_parts(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits, name: str) -> None:
    """Count rows, cells and shared strings by scanning the raw XML before openpyxl parses it.

    Why: openpyxl's read-only mode parses a whole worksheet at load time when the sheet has no
    <dimension> element (to learn its size), and it loads every shared string up front. A crafted
    file could make either take minutes. Counting tags in the decompressed bytes runs at zlib
    speed (a 60 MB sheet in about 0.2 s) and stops at the first limit crossed.
    """
    for info in infos:
        member = info.filename
        lower = member.lower()
        is_sheet = lower.startswith("xl/worksheets/") and lower.endswith(".xml")
        is_strings = lower == "xl/sharedstrings.xml"
        if not (is_sheet or is_strings):
            continue
        if info.file_size > limits.max_sheet_bytes:
            raise _fail(f"{name}: the part {member[:80]} would unpack to {info.file_size / 1e6:.0f} MB "
                        f"(limit {limits.max_sheet_bytes / 1e6:.0f} MB for one sheet). It was not read.", name)
        counts = {b"<row ": 0, b"<row>": 0, b":row ": 0, b"<c ": 0, b":c ": 0, b"<si>": 0, b":si>": 0, b"<si ": 0}
        tail = b""
        last_row = 0
        with archive.open(member) as fh:
            while True:
                chunk = fh.read(1024 * 1024)
                if not chunk:
                    break
                # Keep the last bytes of the previous chunk so a tag split across chunks counts once.
                data = tail + chunk
                for token in counts:
                    counts[token] += data.count(token) - tail.count(token)
                if is_sheet:
                    last_row = _check_row_order(data, len(tail), last_row, member, name)
                tail = data[-_ROW_TAG_SPAN:]
                rows = counts[b"<row "] + counts[b"<row>"] + counts[b":row "]
                cells = counts[b"<c "] + counts[b":c "]
                strings = counts[b"<si>"] + counts[b":si>"] + counts[b"<si "]
                if is_sheet and rows > limits.max_rows:
                    raise ExchangeError(
                        f"{name}: a sheet has more than {limits.max_rows} rows; a questionnaire never has that "
                        "many. The file was not imported.", [])
                if is_sheet and cells > limits.max_cells:
                    raise ExchangeError(f"{name}: a sheet has more than {limits.max_cells} cells; the file was "
                                        "not imported.", [])
                if is_strings and strings > limits.max_shared_strings:
                    raise ExchangeError(f"{name} holds more than {limits.max_shared_strings} different texts; "
                                        "the file was not imported.", [])


#: Longest ``<row ...>`` start tag looked at for its row number (Excel writes r first; others may not).
_ROW_TAG_SPAN = 512
_ROW_NUMBER_RE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\b[^>]{0,500}?\br="(\d{1,12})"')


def _check_row_order(data: bytes, skip: int, last_row: int, member: str, name: str) -> int:
    """Refuse a sheet whose rows are not numbered in increasing order; returns the last row number.

    Why: spreadsheet programs always write rows in order. openpyxl's streaming reader silently
    drops a row whose number is not above the previous one, so an out-of-order or duplicated row
    number would lose answers without a word. ``skip`` is the length of the carried-over tail
    (matches ending inside it were checked with the previous chunk)."""
    for match in _ROW_NUMBER_RE.finditer(data):
        if match.end() <= skip:
            continue
        number = int(match.group(1))
        if number <= last_row:
            raise _fail(f"{name}: in the part {member[:80]}, row {number} comes after row {last_row}; spreadsheet "
                        "programs never write rows out of order, so the file was altered and rows would be lost. "
                        "Ask the vendor to open it in Excel or LibreOffice, save it again and send it back.", name)
        last_row = number
    return last_row


def _read_head(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    try:
        with archive.open(member) as fh:
            return fh.read(limit)
    except KeyError:
        return b""


# ------------------------------------------------------------------------------------------------
# Reading the sheets


class _LibraryChatter(io.TextIOBase):
    """Where stdout goes while openpyxl reads an untrusted workbook: it prints some complaints
    (``"N is out of range"`` for a bad style index) instead of raising, which would corrupt the
    CLI's ``--json`` output. Kept short and logged instead."""

    def __init__(self) -> None:
        self.text = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if len(self.text) < 2000:
            self.text += text[: 2000 - len(self.text)]
        return len(text)


def read_workbook(path: Path, limits: Limits = DEFAULT_LIMITS) -> ParsedWorkbook:
    """Read a returned workbook's rows, metadata and visible reference.

    Runs :func:`inspect_package` first. The workbook is opened read-only (streamed), with
    ``data_only=False`` so formulas come back as formulas and are reported rather than trusted
    or computed. Raises ExchangeError for anything that is not a readable questionnaire workbook.
    Nothing the parser prints reaches stdout.
    """
    chatter = _LibraryChatter()
    try:
        with contextlib.redirect_stdout(chatter):
            return _read_workbook(path, limits)
    finally:
        if chatter.text.strip():
            log.info("openpyxl said while reading %s: %s", Path(path).name, chatter.text.strip()[:500])


def _read_workbook(path: Path, limits: Limits) -> ParsedWorkbook:
    """:func:`read_workbook` without the stdout guard."""
    import openpyxl

    path = Path(path)
    info = inspect_package(path, limits)
    name = path.name
    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a declared dependency
        raise _fail("Refusing to read workbooks without defusedxml installed (unsafe XML parsing).", name)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except ExchangeError:
        raise
    except Exception as exc:
        # Untrusted input reaches deep into openpyxl and the XML parser; whatever they raise
        # (defusedxml's EntitiesForbidden, KeyError for a missing part, zlib errors, ...) means
        # "this file cannot be read", never a crash of the application.
        log.info("Cannot open %s: %r", path, exc)
        raise _fail(f"{name} cannot be read as an Excel workbook: {_reason(exc)}. Ask the vendor to send it "
                    "again, saved from Excel or LibreOffice as .xlsx.", name) from exc
    try:
        return _read_open_workbook(workbook, name, info, limits)
    except ExchangeError:
        raise
    except Exception as exc:  # same reason as above: a hostile part must end in a clear error
        log.info("Cannot read %s: %r", path, exc)
        raise _fail(f"{name} cannot be read: {_reason(exc)}. Ask the vendor to send it again, saved from "
                    "Excel or LibreOffice as .xlsx.", name) from exc
    finally:
        workbook.close()


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what caused it (openpyxl wraps parser errors in its own ValueError)."""
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return
        yield seen
        seen = seen.__cause__ or seen.__context__


def _reason(exc: BaseException) -> str:
    """What is wrong with a workbook, in words an officer can pass on to the vendor.

    The exception's own text ("invalid literal for int()", "list index out of range") says
    nothing to the officer and goes to the log only; the kind of damage is told from the
    exception type and text so that the message stays one plain sentence."""
    for cause in _causes(exc):
        kind = type(cause).__name__
        if "Entities" in kind or "DTD" in kind or "ExternalReference" in kind:
            return "it contains XML entity declarations, as used in XML bomb attacks"
    for cause in _causes(exc):
        kind, text = type(cause).__name__, str(cause).lower()
        if isinstance(cause, (zipfile.BadZipFile, EOFError)) or "zlib" in type(cause).__module__ \
                or "crc" in text or "decompress" in text or "seek" in text:
            return "its zip package is damaged"
        if "ParseError" in kind or "XMLSyntax" in kind or "not well-formed" in text or "no element found" in text:
            return ("one of its parts is not well-formed XML (the file was damaged or altered outside a "
                    "spreadsheet program)")
        if isinstance(cause, KeyError) or "no item named" in text or "there is no item" in text:
            return "a part it refers to is missing from the file"
        if "datetime" in text or "date" in text or "year" in text or "month" in text or "day is out" in text \
                or isinstance(cause, OverflowError):
            return "a cell holds a date or time that does not exist"
        if "column name" in text or "coordinate" in text or "cell reference" in text:
            return "a cell has an invalid cell reference"
        if isinstance(cause, IndexError):
            return "a cell refers to a shared text that does not exist"
        if "invalid literal" in text or "could not convert" in text:
            return "a cell or row number holds text where the file format requires a number"
    return "its content is not valid spreadsheet data"


def _zip_reason(exc: BaseException) -> str:
    """Why a zip package cannot be read, without the zip module's own wording."""
    text = str(exc).lower()
    if isinstance(exc, NotImplementedError) or "version" in text or "compression" in text:
        return "it uses a zip format or compression method that spreadsheet programs do not write"
    if "crc" in text:
        return "a part's checksum does not match its content (the file was changed or cut in transit)"
    if "not a zip file" in text or "truncated" in text or "eof" in text or isinstance(exc, EOFError):
        return "the zip package is incomplete (the file was cut short or is not a workbook)"
    return "the zip package is corrupt"


def _read_open_workbook(workbook: Any, name: str, info: PackageInfo, limits: Limits) -> ParsedWorkbook:
    sheet_names = tuple(workbook.sheetnames)
    if len(sheet_names) > limits.max_sheets:
        raise _fail(f"{name} has {len(sheet_names)} sheets (limit {limits.max_sheets}); it is not the "
                    "questionnaire workbook we sent.", name)
    issues: list[Issue] = []
    meta: WorkbookMeta | None = None
    meta_problem, meta_seal = "missing", ""
    if META_SHEET in sheet_names:
        meta, meta_problem, meta_seal = _read_meta(workbook[META_SHEET], limits)
    reference = None
    if INSTRUCTIONS_SHEET in sheet_names:
        reference = _find_reference(workbook[INSTRUCTIONS_SHEET])

    sheet_name, header = _find_questions_sheet(workbook, sheet_names, limits)
    if sheet_name is None or header is None:
        raise _fail(f"{name} is not a TrustFrame questionnaire workbook: no sheet has a 'Question ID' "
                    f"column header (sheets: {', '.join(sheet_names[:8])}).", name)
    rows = _read_rows(workbook[sheet_name], sheet_name, header, name, limits, issues)
    return ParsedWorkbook(file_name=name, sha256=info.sha256, size=info.size, sheet_names=sheet_names,
                          questions_sheet=sheet_name, rows=tuple(rows), meta=meta,
                          meta_problem="" if meta is not None else meta_problem,
                          reference=reference, issues=tuple(issues), meta_seal=meta_seal)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _iter_rows(ws: Any, max_rows: int, max_col: int, what: str,
               name: str = "") -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Rows of a read-only sheet with a hard cap on how many are looked at. The count includes
    the blank rows openpyxl synthesises for gaps, so a sheet claiming row 1,000,000 stops here."""
    for index, row in enumerate(ws.iter_rows(max_col=max_col), start=1):
        if index > max_rows:
            message = (f"{name}: the {what} sheet has more than {max_rows} rows; a questionnaire never has that "
                       "many, so the file was not imported.")
            raise ExchangeError(message, [Issue(message, file=name, where=f"{ws.title}!A{max_rows + 1}")])
        yield index, row


def _read_meta(ws: Any, limits: Limits) -> tuple[WorkbookMeta | None, str, str]:
    """The metadata the sheet claims, why it is unusable (empty when complete) and its seal.

    Nothing is verified here: the seal is keyed with the workspace's secret, so the exchange
    service checks it (``workbook_identity.check_seal``); an unknown format is kept as read so
    it can be refused by name."""
    fields: dict[str, str] = {}
    checksums: dict[str, str] = {}
    in_table = False
    # Values only (faster): a formula would come back as "=..." text and break the seal.
    for index, values in enumerate(ws.iter_rows(max_col=2, values_only=True), start=1):
        if index > limits.max_rows + 50:
            return None, "damaged: far too many rows", ""
        cells = tuple(values) + (None, None)
        key, value = _text(cells[0]), _text(cells[1])
        if not key:
            continue
        if key == "question_id":
            in_table = True
            continue
        if in_table:
            checksums[key] = value
        else:
            fields[key] = value
    required = ("format", "workspace_id", "assessment_uid", "export_uid", "questionnaire_id",
                "questionnaire_version", "exported_at", "seal")
    missing = [k for k in required if not fields.get(k)]
    if fields.get("format") and fields["format"] not in KNOWN_FORMATS:
        # Refused by name later, whatever else the sheet holds (a newer layout may differ).
        return WorkbookMeta(
            workspace_id=fields.get("workspace_id", ""), assessment_uid=fields.get("assessment_uid", ""),
            export_uid=fields.get("export_uid", ""), questionnaire_id=fields.get("questionnaire_id", ""),
            questionnaire_version=fields.get("questionnaire_version", ""), exported_at=fields.get("exported_at", ""),
            checksums=checksums, format=fields["format"]), "", fields.get("seal", "")
    if missing:
        return None, f"damaged: {', '.join(missing)} missing", ""
    meta = WorkbookMeta(workspace_id=fields["workspace_id"], assessment_uid=fields["assessment_uid"],
                        export_uid=fields["export_uid"], questionnaire_id=fields["questionnaire_id"],
                        questionnaire_version=fields["questionnaire_version"],
                        exported_at=fields["exported_at"], checksums=checksums, format=fields["format"])
    return meta, "", fields["seal"]


def _find_reference(ws: Any) -> tuple[str, str] | None:
    # Only the top of the sheet: the reference sits in the first rows; a longer sheet is fine.
    for row in ws.iter_rows(max_row=80, max_col=4):
        for cell in row:
            value = getattr(cell, "value", None)
            if isinstance(value, str) and REFERENCE_PREFIX in value:
                match = _REFERENCE_RE.search(value)
                if match:
                    return match.group(1).lower(), match.group(2).lower()
    return None


_HEADER_KEYS = {header.casefold(): key for key, header in COLUMNS}


def _header_key(text: str) -> str | None:
    folded = (to_english(text) or text).strip().casefold()  # headers of a workbook in another language
    if folded in _HEADER_KEYS:
        return _HEADER_KEYS[folded]
    if folded.startswith("comment"):
        return "comment"
    if folded.startswith("evidence"):
        return "evidence"
    return None


def _find_questions_sheet(workbook: Any, sheet_names: tuple[str, ...],
                          limits: Limits) -> tuple[str | None, dict[str, int] | None]:
    candidates = [QUESTIONS_SHEET] if QUESTIONS_SHEET in sheet_names else []
    candidates += [s for s in sheet_names if s not in (QUESTIONS_SHEET, META_SHEET)]
    for sheet_name in candidates:
        ws = workbook[sheet_name]
        # Only the top of each sheet is searched, and a sheet without the header is passed over
        # (never refused): the Questions sheet may have been renamed or moved, and the documented
        # fallback is any sheet with a 'Question ID' header.
        for index, row in enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=limits.max_columns), start=1):
            header: dict[str, int] = {}
            for col, cell in enumerate(row, start=1):
                value = getattr(cell, "value", None)
                if isinstance(value, str):
                    key = _header_key(value)
                    if key is not None and key not in header:
                        header[key] = col
            if "id" in header and "answer" in header:
                header["_row"] = index
                return sheet_name, header
    return None, None


def _rows_located(ws: Any, sheet_name: str, name: str, limits: Limits) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The sheet's rows; a cell openpyxl cannot convert (a date that does not exist, a number
    that is text) refuses the file naming the row where reading stopped."""
    rows = _iter_rows(ws, limits.max_rows, limits.max_columns, sheet_name, name)
    index = 0
    while True:
        try:
            index, row = next(rows)
        except StopIteration:
            return
        except ExchangeError:
            raise
        except Exception as exc:  # noqa: BLE001 - untrusted cell data deep inside openpyxl
            log.info("Cannot read %s after row %d: %r", name, index, exc)
            where = f"{sheet_name}!{index + 1}:{index + 1}"
            raise _fail(f"{name} cannot be read: {_reason(exc)} ({sheet_name} sheet, row {index + 1} or just "
                        "after). Ask the vendor to send it again, saved from Excel or LibreOffice as .xlsx.",
                        name, where) from exc
        yield index, row


def _read_rows(ws: Any, sheet_name: str, header: dict[str, int], name: str, limits: Limits,
               issues: list[Issue]) -> list[ParsedRow]:
    header_row = header["_row"]
    rows: list[ParsedRow] = []
    for index, row in _rows_located(ws, sheet_name, name, limits):
        if index <= header_row:
            continue
        cells: dict[str, CellValue | None] = {}
        formulas: list[CellValue] = []
        empty = True
        for col, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            if value is None:
                continue
            coordinate = f"{_column_letter(col)}{index}"
            is_formula = getattr(cell, "data_type", None) == "f"
            cv = CellValue(sheet_name, coordinate, value, is_formula)
            if is_formula:
                formulas.append(cv)
            if not cv.is_blank:
                empty = False
        if empty:
            continue
        for key in ("id", "text", "answer", "comment", "evidence"):
            column = header.get(key)
            if column is None or column > len(row):
                cells[key] = None
                continue
            cell = row[column - 1]
            value = getattr(cell, "value", None)
            cells[key] = CellValue(sheet_name, f"{_column_letter(column)}{index}", value,
                                   getattr(cell, "data_type", None) == "f")
        id_cell = cells["id"] or CellValue(sheet_name, f"{_column_letter(header['id'])}{index}", None)
        rows.append(ParsedRow(sheet=sheet_name, row=index, question_id=id_cell, question_text=cells["text"],
                              answer=cells["answer"], comment=cells["comment"], evidence=cells["evidence"],
                              formulas=tuple(formulas)))
    if "text" not in header:
        issues.append(Issue("The 'Question' column is missing, so edits of the question text cannot be "
                            "checked.", file=name, where=f"{sheet_name}!{header_row}:{header_row}",
                            severity="warning"))
    return rows


def _column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# ------------------------------------------------------------------------------------------------
# Judging rows


def parse_answer(question: Question, value: Any) -> Any:
    """The canonical answer for a cell value; raises AnswerValueError with a plain message.

    Text goes through the one parser for typed answers (:func:`trustframe.domain.answers.parse_text`,
    the same as the CLI's), with the labels of the questionnaire's translations accepted for
    choices; cells Excel typed as numbers or dates are converted per answer type (CELL_READERS).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return CELL_READERS[question.type](question, value)


def _parse_typed(question: Question, text: str) -> Any:
    # A workbook in another language carries that language's labels; they mean the same ids.
    return answer_values.parse_text(question, text, translated_option)


def _read_choice(question: Question, value: Any) -> Any:
    return _parse_typed(question, _text(value))


def _read_number(question: Question, value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        raise answer_values.AnswerValueError(f"expected a number, got a date ({value})")
    if isinstance(value, str):
        return _parse_typed(question, value)
    return answer_values.normalise(question, value)


def _read_date(question: Question, value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date cell whose format was lost arrives as Excel's day number.
        from openpyxl.utils.datetime import from_excel

        try:
            converted = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            raise answer_values.AnswerValueError(f"{value!r} is not a date; type YYYY-MM-DD") from None
        return answer_values.normalise(question, converted)
    if isinstance(value, str):
        return _parse_typed(question, value)
    return answer_values.normalise(question, value)


def _read_text(question: Question, value: Any) -> Any:
    # Excel turns text that looks like a date into one; give the vendor's text back.
    if isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    elif isinstance(value, date):
        value = value.isoformat()
    return _parse_typed(question, value if isinstance(value, str) else _text(value))


#: How a cell value of each answer type becomes an answer (the import's only per-type part).
CELL_READERS: dict[AnswerType, Callable[[Question, Any], Any]] = {
    AnswerType.SINGLE_CHOICE: _read_choice,
    AnswerType.YES_NO: _read_choice,
    AnswerType.MULTIPLE_CHOICE: _read_choice,
    AnswerType.NUMBER: _read_number,
    AnswerType.DATE: _read_date,
    AnswerType.TEXT: _read_text,
}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return bool(a == b)


@dataclass(frozen=True)
class _Judged:
    """A row after checking, before comparing with the current answer."""

    row: ParsedRow
    question: Question | None
    value: Any
    comment: str | None
    issues: tuple[Issue, ...]
    #: The row's only problem is that a required question has no answer.
    unanswered_required: bool = False


def build_rows(parsed: ParsedWorkbook, questionnaire: Questionnaire, scope: set[str],
               current: Mapping[str, Answer], base: Mapping[str, Any] | None,
               exported_ids: tuple[str, ...] | None = None) -> tuple[list[ImportRowPreview], list[Issue]]:
    """Judge every row and put it in a preview category.

    ``scope`` holds the question ids the assessment asks; ``current`` the answers now;
    ``base`` the answers at export time (``{qid: {"value", "comment"}}``) or None when the export
    is unknown (then no conflicts can be detected); ``exported_ids`` the questions the workbook
    was sent with (to report deleted rows). Returns the row previews and every problem (row
    problems are also attached to their rows).
    """
    name = parsed.file_name
    issues: list[Issue] = list(parsed.issues)
    counts: dict[str, int] = {}
    for row in parsed.rows:
        qid = _text(row.question_id.value)
        if qid:
            counts[qid] = counts.get(qid, 0) + 1
    expected = parsed.meta.checksums if parsed.meta is not None else {}
    previews: list[ImportRowPreview] = []
    seen: set[str] = set()
    unanswered: list[ImportRowPreview] = []
    languages = languages_for(questionnaire)  # listed once, not once per row
    for row in parsed.rows:
        judged = _judge(row, questionnaire, scope, counts, expected, name, languages)
        preview = _categorise(judged, current, base, name)
        previews.append(preview)
        if judged.unanswered_required:
            # A partial return leaves many required questions open: one grouped warning keeps the
            # real problems readable (each row still carries its own warning).
            unanswered.append(preview)
        else:
            issues.extend(preview.issues)
        if judged.question is not None:
            seen.add(judged.question.id)
    if len(unanswered) == 1:
        issues.extend(unanswered[0].issues)
    elif unanswered:
        ids = [p.question_id for p in unanswered]
        listed = ", ".join(ids[:UNANSWERED_LISTED])
        if len(ids) > UNANSWERED_LISTED:
            listed += f" and {len(ids) - UNANSWERED_LISTED} more"
        issues.append(Issue(f"{len(ids)} required questions are unanswered: {listed}.", file=name,
                            where=parsed.questions_sheet, severity="warning"))
    for qid in exported_ids or ():
        if qid not in seen and counts.get(qid, 0) == 0 and qid in questionnaire.questions_by_id:
            issues.append(Issue(f"Question {qid} was sent but its row is missing from the returned workbook.",
                                file=name, where=parsed.questions_sheet, severity="warning"))
    return previews, issues


def _judge(row: ParsedRow, questionnaire: Questionnaire, scope: set[str], counts: Mapping[str, int],
           expected: Mapping[str, str], name: str, languages: list[str] | None = None) -> _Judged:
    problems: list[Issue] = []

    def problem(message: str, where: str, severity: str = "error") -> None:
        problems.append(Issue(message, file=name, where=where, severity=severity))

    for cell in row.formulas:
        problem(f"Formula {str(cell.value)[:60]!r} where a value was expected; type the value itself "
                "(formulas are never calculated on import).", cell.where)
    qid = _text(row.question_id.value)
    question = questionnaire.questions_by_id.get(qid) if qid else None
    if not qid:
        problem("This row has content but no question id; it cannot be matched to a question.",
                row.question_id.where)
    elif question is None:
        problem(f"Unknown question id {qid[:40]!r}: it is not in questionnaire {questionnaire.key}.",
                row.question_id.where)
    elif counts.get(qid, 0) > 1:
        problem(f"Question {qid} appears {counts[qid]} times; keep one row per question.", row.question_id.where)
    elif qid not in scope:
        problem(f"Question {qid} is not part of this assessment's scope.", row.question_id.where)

    if question is not None and row.question_text is not None and not row.question_text.is_formula:
        shown = _text(row.question_text.value)
        # The question as written in any language TrustFrame speaks (a workbook may be German).
        accepted = {question_checksum(text) for text in question_texts(questionnaire, question, languages)}
        if question_checksum(shown) not in accepted:
            problem(f"The text of question {qid} was changed in the workbook; an answer to an edited "
                    "question cannot be accepted.", row.question_text.where)
        elif expected.get(qid) is not None and expected.get(qid) not in accepted:
            problem(f"Question {qid} was worded differently when this workbook was exported.",
                    row.question_text.where)

    too_long = False
    for text_cell in (row.answer, row.comment, row.evidence):
        if (text_cell is not None and isinstance(text_cell.value, str)
                and len(text_cell.value) > answer_values.MAX_TEXT_LENGTH):
            problem(_too_long(len(text_cell.value)), text_cell.where)
            too_long = True

    value: Any = None
    answer_cell = row.answer
    if question is not None and answer_cell is not None and not answer_cell.is_formula \
            and not any(p.where == answer_cell.where for p in problems):
        try:
            raw = answer_cell.value
            value = parse_answer(question, restore_text(raw) if isinstance(raw, str) else raw)
        except answer_values.AnswerValueError as exc:
            problem(_strip_qid(str(exc), question.id), answer_cell.where)
    # restore_text: the export neutralised text starting with "=", "+", "-" or "@" with an apostrophe.
    comment_text = "" if row.comment is None or row.comment.is_formula else restore_text(_text(row.comment.value))
    evidence_text = "" if row.evidence is None or row.evidence.is_formula else restore_text(_text(row.evidence.value))
    comment = join_comment(comment_text, evidence_text) if (comment_text or evidence_text) else None
    if comment is not None and len(comment) > answer_values.MAX_TEXT_LENGTH and not too_long:
        problem(f"Comment and evidence reference together exceed {answer_values.MAX_TEXT_LENGTH} characters.",
                (row.comment or row.evidence or row.question_id).where)
    unanswered = False
    if question is not None and question.required and value is None and not problems:
        where = answer_cell.where if answer_cell is not None else row.question_id.where
        problem(f"Required question {question.id} has no answer.", where, severity="warning")
        unanswered = True
    return _Judged(row, question, value, comment, tuple(problems), unanswered)


def _too_long(length: int) -> str:
    """Why a cell's text is refused. Text at Excel's cell limit was probably cut by the spreadsheet
    program, so its length there says nothing about how long the vendor's text really was."""
    limit = answer_values.MAX_TEXT_LENGTH
    if length == EXCEL_CELL_LIMIT:
        return (f"The text reaches Excel's cell limit of {EXCEL_CELL_LIMIT:,} characters and may have been cut; "
                f"the limit is {limit} characters. Ask the vendor for a shorter text (or attach it as evidence).")
    return f"The text is {length:,} characters long; the limit is {limit} characters."


def _strip_qid(message: str, qid: str) -> str:
    # Domain messages start with the question id ("GOV-01 expects a number"); the cell already
    # says which row, so keep the message short.
    return message[len(qid) + 1:].lstrip(": ") if message.startswith(qid + " ") or message.startswith(
        qid + ":") else message


def _categorise(judged: _Judged, current: Mapping[str, Answer], base: Mapping[str, Any] | None,
                name: str) -> ImportRowPreview:
    row = judged.row
    question = judged.question
    qid = question.id if question is not None else _text(row.question_id.value)[:64]
    text = question.text if question is not None else ""
    errors = [i for i in judged.issues if i.severity == "error"]
    answer = current.get(qid) if question is not None else None
    old_value = answer.value if answer is not None else None
    old_comment = answer.comment if answer is not None else ""
    old_display = answer_values.display(question, old_value) if question is not None else ""
    common = dict(question_id=qid, sheet=row.sheet, row=row.row, question_text=text, old_value=old_value,
                  old_comment=old_comment, old_display=old_display, issues=judged.issues)
    if errors or question is None:
        raw = _text(row.answer.value) if row.answer is not None else ""
        return ImportRowPreview(category=RowCategory.REJECTED, new_display=raw[:200],
                                note=errors[0].message if errors else "", **common)  # type: ignore[arg-type]
    if judged.value is None and judged.comment is None:
        return ImportRowPreview(category=RowCategory.EMPTY, new_value=old_value, new_comment=old_comment,
                                new_display=old_display, **common)  # type: ignore[arg-type]
    # A blank answer cell never clears a stored answer: blank means "not answered", and a
    # comment alone only updates the comment.
    new_value = judged.value if judged.value is not None else old_value
    new_comment = judged.comment if judged.comment is not None else old_comment
    new_display = answer_values.display(question, new_value)
    common.update(new_value=new_value, new_comment=new_comment, new_display=new_display)
    now = (old_value, old_comment)
    returned = (new_value, new_comment)
    if _same(now[0], returned[0]) and now[1] == returned[1]:
        confirms = bool(answer is not None and answer.to_confirm and judged.value is not None)
        return ImportRowPreview(category=RowCategory.UNCHANGED, confirms=confirms,
                                note="The vendor confirmed the pre-filled answer." if confirms else "",
                                **common)  # type: ignore[arg-type]
    if base is not None:
        sent = base.get(qid) or {}
        base_value, base_comment = sent.get("value"), sent.get("comment", "") or ""
        officer_edited = not (_same(base_value, old_value) and base_comment == old_comment)
        if officer_edited:
            base_display = answer_values.display(question, base_value)
            if _same(returned[0], base_value) and (judged.comment is None or returned[1] == base_comment):
                return ImportRowPreview(category=RowCategory.UNCHANGED, base_display=base_display,
                                        note="You changed this answer after the export; the vendor returned the "
                                             "exported answer, so your change stays.",
                                        **common)  # type: ignore[arg-type]
            return ImportRowPreview(category=RowCategory.CONFLICT, base_display=base_display,
                                    note="You changed this answer after the export and the vendor answered "
                                         "differently; choose which to keep.",
                                    **common)  # type: ignore[arg-type]
    category = RowCategory.NEW if old_value is None and not old_comment else RowCategory.CHANGED
    return ImportRowPreview(category=category, **common)  # type: ignore[arg-type]
