"""The vendor workbook as a vendor sees and prints it (issue 13 §5): portrait A4/Letter fitted to
the page width, header rows repeated, page numbers in the footer, rows tall enough for their
wrapped text; instructions that speak to the vendor only; files with the user's normal mode."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterator

import openpyxl
import pytest

from trustframe.exchange.excel_model import COLUMNS, FIRST_DATA_ROW, HEADER_ROW, INSTRUCTIONS_SHEET, QUESTIONS_SHEET, TITLE_ROW

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def full_bank(services: Any) -> Any:
    """An assessment of the bundled bank at tier 1 (every question, the longest texts)."""
    vendor = services.vendors.add_vendor("Northwind Networks AG", "DE")
    product = services.vendors.add_product(vendor.id, "NW-7000 core router", "network_equipment")
    assessment = services.assessments.create(vendor.id, product.id)
    services.assessments.override_tier(assessment.id, 1, "Critical network core")
    return assessment


@pytest.fixture(params=["en", "de"])
def exported(request: Any, services: Any, full_bank: Any, tmp_path: Path) -> tuple[Any, Path]:
    """The workbook in English and in German (translations run longer: heights follow them)."""
    path = tmp_path / "vendor.xlsx"
    services.exchange.export_questionnaire(full_bank.id, path, language=request.param)
    return openpyxl.load_workbook(path), path


@pytest.mark.parametrize("sheet", [INSTRUCTIONS_SHEET, QUESTIONS_SHEET])
def test_sheets_print_portrait_fitted_to_width_with_page_numbers(exported: tuple[Any, Path], sheet: str) -> None:
    ws = exported[0][sheet]
    setup = ws.page_setup
    assert setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert "&P" in (ws.oddFooter.center.text or "") and "&N" in (ws.oddFooter.center.text or "")
    assert ws.print_area


def test_questions_sheet_repeats_its_header_rows(exported: tuple[Any, Path]) -> None:
    ws = exported[0][QUESTIONS_SHEET]
    assert ws.print_title_rows in (f"{TITLE_ROW}:{HEADER_ROW}", f"${TITLE_ROW}:${HEADER_ROW}")


def test_columns_fit_a_portrait_page_at_a_readable_scale(exported: tuple[Any, Path]) -> None:
    """Fitted to the width of portrait A4 or Letter, the text is not shrunk below about 55 %."""
    from openpyxl.utils import get_column_letter

    ws = exported[0][QUESTIONS_SHEET]
    pixels = sum(int(ws.column_dimensions[get_column_letter(c)].width * 7 + 5) for c in range(1, len(COLUMNS) + 1))
    for page_inches in (8.27, 8.5):                      # A4, Letter
        printable = (page_inches - ws.page_margins.left - ws.page_margins.right) * 96
        assert printable / pixels >= 0.55, (page_inches, printable / pixels)


def _wrapped_height_points(text: str, width_units: float, metrics: Any) -> float:
    """Height of ``text`` wrapped in a column ``width_units`` wide, measured with real font
    metrics. A width unit is the width of the font's "0" (spreadsheets size columns in digits of
    the default font), plus 5 px of padding at 96 dpi."""
    from PySide6.QtCore import QRect, Qt

    pixels = int(width_units * metrics.horizontalAdvance("0") + 5) - 4     # cell padding
    rect = metrics.boundingRect(QRect(0, 0, pixels, 100000), int(Qt.TextFlag.TextWordWrap), text)
    return rect.height() * 72 / 96


def test_row_heights_fit_the_wrapped_text_in_a_wide_font(exported: tuple[Any, Path], qapp: Any) -> None:
    """Every cell's text, wrapped in DejaVu Sans 11 pt (what LibreOffice prints with when Calibri
    is missing; taller lines than Calibri), fits its row: nothing is cut off when printed."""
    from openpyxl.utils import get_column_letter
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    family_id = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "DejaVuSans.ttf"))
    family = QFontDatabase.applicationFontFamilies(family_id)[0]
    font = QFont(family)
    font.setPixelSize(round(11 * 96 / 72))
    metrics = QFontMetrics(font)
    ws = exported[0][QUESTIONS_SHEET]
    checked = 0
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        height = ws.row_dimensions[row].height
        for col in range(1, len(COLUMNS) + 1):
            value = ws.cell(row, col).value
            if not isinstance(value, str) or not value:
                continue
            width = ws.column_dimensions[get_column_letter(col)].width
            needed = _wrapped_height_points(value, width, metrics)
            assert height is not None and height >= needed, (ws.cell(row, 1).value, col, height, needed)
            checked += 1
    assert checked > 400


def test_instructions_speak_to_the_vendor_only(services: Any, exported: tuple[Any, Path], full_bank: Any) -> None:
    ws = exported[0][INSTRUCTIONS_SHEET]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    questionnaire = services.assessments.questionnaire(full_bank)
    assert questionnaire.disclaimer                        # the bank has a buyer-facing disclaimer ...
    for sentence in questionnaire.disclaimer.split(". "):
        assert sentence.strip()[:60] not in text           # ... and none of it reaches the vendor
    for internal in ("not available", "EastWest", "EWI", "TrustFrame's", "question bank", "interpretation"):
        assert internal not in text, internal


@pytest.fixture
def umask() -> Iterator[Any]:
    old = os.umask(0o022)

    def set_mask(mask: int) -> None:
        os.umask(mask)

    yield set_mask
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_written_files_get_the_users_normal_mode(services: Any, full_bank: Any, tmp_path: Path, umask: Any,
                                                 mask: int, mode: int) -> None:
    umask(mask)
    workbook = tmp_path / f"q-{mask:o}.xlsx"
    services.exchange.export_questionnaire(full_bank.id, workbook)
    report = tmp_path / f"r-{mask:o}.xlsx"
    services.reports.write("assessment", "xlsx", report, [full_bank.id])
    assert workbook.stat().st_mode & 0o777 == mode
    assert report.stat().st_mode & 0o777 == mode


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler-utils are needed")
def test_libreoffice_prints_portrait_pages_with_page_numbers(exported: tuple[Any, Path], tmp_path: Path) -> None:
    wb, path = exported
    letter = tmp_path / "letter.xlsx"
    for ws in wb.worksheets:
        ws.page_setup.paperSize = ws.PAPERSIZE_LETTER
    wb.save(letter)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path), str(letter)],
                   check=True, capture_output=True, timeout=240, env={**os.environ, "HOME": str(tmp_path)})
    for pdf, size in ((tmp_path / "vendor.pdf", "A4"), (tmp_path / "letter.pdf", "letter")):
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        page_size = next(line for line in info.splitlines() if line.startswith("Page size:"))
        width, height = (float(v) for v in page_size.split()[2:5:2])
        assert size in page_size and height > width              # portrait
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        page_word, of_word = ("Seite", "von") if "Seite 1 von" in text else ("Page", "of")
        assert all(f"{page_word} {n} {of_word} {pages}" in text for n in range(1, pages + 1))
        # The header row is on every page of the questions (in the workbook's language).
        header = wb[QUESTIONS_SHEET].cell(HEADER_ROW, COLUMNS.index(("help", dict(COLUMNS)["help"])) + 1).value
        assert text.count(header) == pages - 1
