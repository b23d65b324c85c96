"""A workbook saved by LibreOffice (headless) imports back intact. Skipped without soffice."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                       reason="LibreOffice (soffice) is not installed"),
]


def _bench_module():  # bench/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location("soffice_roundtrip", ROOT / "bench" / "soffice_roundtrip.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_libreoffice_saved_workbook_imports_back(tmp_path: Path) -> None:
    report = _bench_module().roundtrip(tmp_path)
    assert report["applied"] == 6
    assert report["counts"]["rejected"] == 0
